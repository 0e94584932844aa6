//! A feed document made fit to parse: read as UTF-8 (UTF-16 converted, and
//! a document meant as UTF-8 with a few bad bytes repaired rather than
//! refused whole, as careful readers do), and cut to its first items. The cap on
//! bytes does not bound the parser's memory: 8 MiB of the smallest items
//! (`<item><guid>1</guid></item>`) is 300,000 entries, and `feed-rs` holds
//! about 1.3 KiB for each (100,000 of them took 137 MB). So the document is
//! scanned once, without building anything, and cut after its
//! [`MAX_FEED_ITEMS`]th item, its open elements closed (XML) or its items
//! array and object closed (JSON Feed): what the parser sees is a smaller
//! feed of the same shape, and the items past the cut are counted.

use quick_xml::events::Event;
use std::borrow::Cow;

/// The most items read of one feed document, in its order (newest first, as
/// feeds are written). Feeds carry 10 to 100 items; an archive of a few
/// thousand is a document, not a feed, and this keeps the parser near 2 MB.
pub const MAX_FEED_ITEMS: usize = 1_000;

/// Elements deeper than this are not scanned for items (the document is
/// given to the parser as it is, which refuses what it cannot read).
const MAX_DEPTH: usize = 64;

/// The document to parse, and what was done to it.
#[derive(Debug, PartialEq, Eq)]
pub struct Pruned<'a> {
    pub bytes: Cow<'a, [u8]>,
    /// Items cut from its end.
    pub unread: usize,
    /// True when bytes that were not UTF-8 were replaced with U+FFFD.
    pub repaired: bool,
}

/// `bytes` as UTF-8, cut after its `max`th item.
pub fn prune(bytes: &[u8], max: usize) -> Pruned<'_> {
    let (utf8, repaired) = utf8(bytes);
    let (bytes, unread) = first_items(utf8, max);
    Pruned { bytes, unread, repaired }
}

/// The document cut after its `max`th item, and how many were cut.
fn first_items(utf8: Cow<'_, [u8]>, max: usize) -> (Cow<'_, [u8]>, usize) {
    let first = utf8.iter().find(|b| !b.is_ascii_whitespace() && **b != 0xef && **b != 0xbb && **b != 0xbf);
    let cut = match first {
        Some(b'{') => json(&utf8, max),
        Some(b'<') => xml(&utf8, max),
        _ => None,
    };
    match cut {
        Some((kept, dropped)) => (Cow::Owned(kept), dropped),
        None => (utf8, 0),
    }
}

/// UTF-16 (by its BOM, or by the NUL bytes of `<?`) as UTF-8, its XML
/// declaration's encoding taken out; a document meant as UTF-8 (so
/// declared, or declaring nothing) with bytes that are not, repaired (true);
/// anything else as it is. The scan reads ASCII-compatible bytes, and
/// `feed-rs` reads UTF-8 without a declaration.
fn utf8(bytes: &[u8]) -> (Cow<'_, [u8]>, bool) {
    let encoding = match encoding_rs::Encoding::for_bom(bytes) {
        Some((e, _)) if e != encoding_rs::UTF_8 => e,
        None if bytes.starts_with(b"<\0?\0") => encoding_rs::UTF_16LE,
        None if bytes.starts_with(b"\0<\0?") => encoding_rs::UTF_16BE,
        _ if std::str::from_utf8(bytes).is_err() && declared(bytes).is_none_or(|e| e.eq_ignore_ascii_case("utf-8")) => {
            encoding_rs::UTF_8
        }
        _ => return (Cow::Borrowed(bytes), false),
    };
    let (text, _, repaired) = encoding.decode(bytes);
    let text = match text.strip_prefix("<?xml").and_then(|rest| rest.split_once("?>")) {
        Some((_, after)) => format!("<?xml version=\"1.0\"?>{after}"),
        None => text.into_owned(),
    };
    (Cow::Owned(text.into_bytes()), repaired)
}

/// The encoding an XML declaration names.
fn declared(bytes: &[u8]) -> Option<&str> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xef | 0xbb | 0xbf))?;
    let rest = bytes[start..].strip_prefix(b"<?xml")?;
    let decl = std::str::from_utf8(&rest[..rest.windows(2).position(|w| w == b"?>")?]).ok()?;
    let value = decl.split_once("encoding")?.1.trim_start().strip_prefix('=')?.trim_start();
    let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''))?;
    value[1..].split(quote).next()
}

/// An XML feed cut after its `max`th `item` or `entry`, its open elements
/// closed; `None` when it has no more than `max` (or cannot be scanned).
fn xml(bytes: &[u8], max: usize) -> Option<(Vec<u8>, usize)> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    let mut open: Vec<Vec<u8>> = Vec::new();
    let (mut items, mut item_depth, mut cut) = (0, None, None);
    // A document broken past the cut is still cut there: the parser would
    // have read (and held) every item before the break.
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) => {
                if open.len() >= MAX_DEPTH {
                    return None;
                }
                let local = e.local_name();
                if item_depth.is_none() && matches!(local.as_ref(), "item" | "entry") && !open.is_empty() {
                    items += 1;
                    item_depth = Some(open.len());
                }
                open.push(e.name().as_ref().as_bytes().to_vec());
            }
            Event::Empty(e)
                if item_depth.is_none() && !open.is_empty() && matches!(e.local_name().as_ref(), "item" | "entry") =>
            {
                items += 1;
                if items == max {
                    cut = Some((reader.buffer_position(), open.clone()));
                }
            }
            Event::End(_) => {
                open.pop();
                if item_depth == Some(open.len()) {
                    item_depth = None;
                    if items == max {
                        cut = Some((reader.buffer_position(), open.clone()));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let (at, open) = cut.filter(|_| items > max)?;
    let mut kept = bytes[..at as usize].to_vec();
    for name in open.iter().rev() {
        kept.extend_from_slice(b"</");
        kept.extend_from_slice(name);
        kept.push(b'>');
    }
    Some((kept, items - max))
}

/// A JSON Feed cut after the `max`th element of its top-level `items`, the
/// array and the object closed there; `None` when it has no more.
fn json(bytes: &[u8], max: usize) -> Option<(Vec<u8>, usize)> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut key_start, mut last_key, mut items_depth) = (0, &b""[..], None);
    let (mut count, mut cut) = (0, None);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    in_string = false;
                    last_key = &bytes[key_start..i];
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                key_start = i + 1;
            }
            b'[' | b'{' => {
                if b == b'[' && depth == 1 && last_key == b"items" {
                    items_depth = Some(depth + 1);
                } else if items_depth == Some(depth) {
                    count += 1;
                }
                depth += 1;
            }
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if items_depth == Some(depth + 1) && b == b']' {
                    items_depth = None;
                } else if items_depth == Some(depth) && count == max {
                    cut = Some(i + 1);
                }
            }
            _ => {}
        }
    }
    let at = cut.filter(|_| count > max)?;
    let mut kept = bytes[..at].to_vec();
    kept.extend_from_slice(b"]}");
    Some((kept, count - max))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rss(n: usize) -> String {
        let items: String = (0..n).map(|i| format!("<item><guid>{i}</guid><x:y><item/></x:y></item>")).collect();
        format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>{items}<item/></channel></rss>")
    }

    #[test]
    fn an_xml_feed_is_cut_after_its_first_items_and_closed() {
        let five = rss(5);
        let Pruned { bytes: kept, unread: dropped, .. } = prune(five.as_bytes(), 3);
        let kept = String::from_utf8(kept.into_owned()).unwrap();
        assert_eq!(dropped, 3, "two items and an empty one");
        assert!(kept.ends_with("<guid>2</guid><x:y><item/></x:y></item></channel></rss>"), "{kept}");
        let doc = crate::feeds::parse::parse(kept.as_bytes(), "http://x.example/").unwrap();
        assert_eq!(doc.items.len(), 3);
        let two = rss(2);
        let as_it_is = Pruned { bytes: Cow::Borrowed(two.as_bytes()), unread: 0, repaired: false };
        assert_eq!(prune(two.as_bytes(), 3), as_it_is, "short: as it is");
        let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><id>1</id></entry>\
                    <entry><id>2</id></entry></feed>";
        let Pruned { bytes: kept, unread: dropped, .. } = prune(atom.as_bytes(), 1);
        assert_eq!(
            (&kept[..], dropped),
            (&b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><id>1</id></entry></feed>"[..], 1)
        );
    }

    #[test]
    fn a_json_feed_is_cut_in_its_items_array() {
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J [x]","items":[
            {"id":"1","tags":["a"],"content_text":"a \" } ] {"},{"id":"2"},{"id":"3"}]}"#;
        let Pruned { bytes: kept, unread: dropped, .. } = prune(json.as_bytes(), 2);
        assert_eq!(dropped, 1);
        let value: serde_json::Value = serde_json::from_slice(&kept).expect("still JSON");
        assert_eq!(value["items"].as_array().unwrap().len(), 2);
        assert_eq!(value["title"], "J [x]");
        assert_eq!(prune(json.as_bytes(), 3).unread, 0);
    }

    #[test]
    fn utf16_is_read_as_utf8() {
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>Caf\u{e9}</title>\
                   <item><guid>1</guid></item></channel></rss>";
        let mut le = vec![0xff, 0xfe];
        le.extend(doc.encode_utf16().flat_map(u16::to_le_bytes));
        let be: Vec<u8> = doc.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [le, be] {
            let parsed = crate::feeds::parse::parse(&bytes, "http://x.example/").unwrap();
            assert_eq!(parsed.title.as_deref(), Some("Caf\u{e9}"));
        }
    }

    #[test]
    fn a_document_meant_as_utf8_is_repaired_and_one_that_declares_another_encoding_is_not() {
        let bad = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Caf\xe9</title></channel></rss>";
        let p = prune(bad, 10);
        assert!(p.repaired);
        assert!(String::from_utf8(p.bytes.into_owned()).unwrap().contains("<title>Caf\u{fffd}</title>"));
        let undeclared = b"<rss version=\"2.0\"><channel><title>Caf\xe9</title></channel></rss>";
        assert!(prune(undeclared, 10).repaired);
        let latin = b"<?xml version='1.0' encoding='ISO-8859-1'?><rss version=\"2.0\"><channel><title>Caf\xe9</title></channel></rss>";
        assert_eq!(declared(latin), Some("ISO-8859-1"));
        assert!(!prune(latin, 10).repaired, "read by the parser in its own encoding");
        let doc = crate::feeds::parse::parse(latin, "http://x.example/").unwrap();
        assert_eq!(doc.title.as_deref(), Some("Caf\u{e9}"));
    }
}
