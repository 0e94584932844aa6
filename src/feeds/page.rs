//! A page's markup weighed before it is parsed. The size cap bounds the
//! bytes, but not what the HTML parser and the extraction build from them:
//! each attribute is kept, at some 110 bytes of memory, so 8 MiB of tags
//! with 5,000 attributes each took 194 MB to read (1.45 million attributes;
//! 2 MiB of tags with 26 each, 151 MB), and 8 MiB of ordinary paragraphs
//! took 129 MB (143 MB in a debug build), where the whole of `byline fetch`
//! must stay under 150 MB. Scripts and styles cost little (one text node
//! each). The extraction's own guard counts elements, not attributes or
//! bytes; so a page with more attributes, or more markup outside its
//! scripts and styles, than an article page carries is not read, and its
//! item keeps the feed's own text.

/// The most attributes a page may carry to be read. A heavy news page of
/// 2 MB has some 20,000 elements and 60,000 attributes; this is three times
/// that, and about 22 MB of parser memory.
pub const MAX_ATTRIBUTES: usize = 200_000;

/// The most bytes of markup (outside scripts, styles and comments) a page
/// may have to be read: 4 MiB of paragraphs took 79 MB to read. The longest
/// articles run to some 300 KB of text; pages are larger for their scripts.
pub const MAX_MARKUP_BYTES: usize = 4 << 20;

/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: [&[u8]; 4] = [b"script", b"style", b"textarea", b"title"];

/// `Err` with the reason when the page carries too much markup to read.
pub fn check(html: &str) -> Result<(), String> {
    let weight = weigh(html, MAX_ATTRIBUTES);
    if weight.attributes > MAX_ATTRIBUTES {
        return Err(format!("too much markup to read (over {MAX_ATTRIBUTES} attributes)"));
    }
    if weight.markup > MAX_MARKUP_BYTES {
        return Err(format!(
            "too much markup to read (over {} MiB outside scripts and styles)",
            MAX_MARKUP_BYTES >> 20
        ));
    }
    Ok(())
}

/// What a page costs to parse.
#[derive(Debug, Default, PartialEq, Eq)]
struct Weight {
    attributes: usize,
    /// Bytes outside scripts, styles and comments.
    markup: usize,
}

/// The page's weight, counted until it has more than `enough` attributes.
fn weigh(html: &str, enough: usize) -> Weight {
    let bytes = html.as_bytes();
    let (mut attributes, mut skipped) = (0usize, 0usize);
    let mut at = 0;
    while let Some(lt) = bytes[at..].iter().position(|&b| b == b'<').map(|i| at + i) {
        at = lt + 1;
        if bytes[at..].starts_with(b"!--") {
            let end = find(bytes, b"-->", at).map_or(bytes.len(), |i| i + 3);
            skipped += end - lt;
            at = end;
            continue;
        }
        let name_len = bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 || !bytes[at].is_ascii_alphabetic() {
            continue;
        }
        let name = bytes[at..at + name_len].to_ascii_lowercase();
        let (end, count) = tag_attributes(bytes, at + name_len);
        attributes += count;
        if attributes > enough {
            break;
        }
        at = end;
        if RAW_TEXT.contains(&name.as_slice()) {
            let mut close = b"</".to_vec();
            close.extend_from_slice(&name);
            let text_end = find(bytes, &close, at).unwrap_or(bytes.len());
            skipped += text_end - at;
            at = text_end;
        }
    }
    Weight { attributes, markup: bytes.len() - skipped }
}

/// Where the tag whose attributes start at `from` ends, and how many
/// attribute names it has (a word after white space, outside quotes).
fn tag_attributes(bytes: &[u8], from: usize) -> (usize, usize) {
    let (mut count, mut quote, mut after_space) = (0, None, false);
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return (i + 1, count),
            (None, b'=') => after_space = false,
            (None, _) if b.is_ascii_whitespace() || b == b'/' => after_space = true,
            (None, _) => {
                count += usize::from(after_space);
                after_space = false;
            }
        }
    }
    (bytes.len(), count)
}

/// Where `needle` next starts at or after `from` (in any case, for tag names).
fn find(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let start = from + bytes.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))?;
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_counted_outside_quotes_scripts_and_comments() {
        let page = r#"<html lang="en"><body class='a b' data-x = "1 2 3" hidden>
            <script>if (a<b && c>d) { x = "<i a b c>" }</script><!-- <i a b c> -->
            <SCRIPT type="text/javascript">"<p a b>"</Script><p id=one>Text</p></body></html>"#;
        let weight = weigh(page, usize::MAX);
        assert_eq!(weight.attributes, 6, "lang, class, data-x, hidden, type, id");
        let markup = page.len() - r#"if (a<b && c>d) { x = "<i a b c>" }<!-- <i a b c> -->"<p a b>""#.len();
        assert_eq!(weight.markup, markup);
    }

    #[test]
    fn a_page_of_attributes_is_refused_and_a_real_one_is_not() {
        let heavy = format!("<i {}>x</i>", (0..5000).map(|i| format!("a{i}")).collect::<Vec<_>>().join(" ")).repeat(41);
        assert_eq!(check(&heavy).unwrap_err(), "too much markup to read (over 200000 attributes)");
        let real = "<div class=\"story\" id=\"s\"><p class=\"para\">The council met.</p></div>".repeat(20_000);
        assert!(check(&real).is_ok());
        let script = format!("<script>{}</script>{real}", "var x = 1;".repeat(700_000));
        assert!(check(&script).is_ok(), "scripts do not count");
        let long = "<p>The council met on Monday.</p>".repeat(150_000);
        assert_eq!(check(&long).unwrap_err(), "too much markup to read (over 4 MiB outside scripts and styles)");
    }
}
