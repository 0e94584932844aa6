//! Bounds on a page before it is parsed.
//!
//! html5ever builds any tree it is given, but the tree builder's scope checks
//! walk the stack of open elements, so a page ten thousand elements deep
//! costs seconds to parse and minutes to score, and the serializer recurses.
//! No saved article is more than a few dozen elements deep, so this pass
//! drops the start tags (and as many end tags) that would nest past
//! [`MAX_DEPTH`], keeping their text, and refuses a page with more than
//! `max_elements` start tags outright. It only counts tags; the parser still
//! does all the reading.

use std::borrow::Cow;

/// How deep elements may nest; deeper tags are dropped, their text kept.
pub const MAX_DEPTH: usize = 128;

/// Elements without an end tag, or whose end tag the parser implies: they
/// do not deepen the tree the way the page's markup suggests.
const NO_DEPTH: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rp", "rt", "colgroup",
    "caption", "html", "head", "body", "!doctype",
];

/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// The page with tags past [`MAX_DEPTH`] removed (borrowed when there were
/// none), or why it is refused.
pub fn bound(html: &str, max_elements: usize) -> Result<Cow<'_, str>, String> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut elements = 0usize;
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(lt) = memchr(b'<', bytes, at) {
        at = lt + 1;
        if bytes[at..].starts_with(b"!--") {
            at = find(bytes, b"-->", at).map_or(bytes.len(), |i| i + 3);
            continue;
        }
        let closing = bytes.get(at) == Some(&b'/');
        let name_start = at + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'!').count();
        if name_len == 0 || (!bytes[name_start].is_ascii_alphabetic() && bytes[name_start] != b'!') {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = memchr(b'>', bytes, name_start).map_or(bytes.len(), |i| i + 1);
        if closing {
            if excess > 0 && !NO_DEPTH.contains(&name.as_str()) {
                excess -= 1;
                dropped.push((lt, end));
            } else if !NO_DEPTH.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            at = end;
            continue;
        }
        elements += 1;
        if elements > max_elements {
            return Err(format!("HTML page with over {max_elements} elements"));
        }
        at = end;
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let close_at = find_ignore_case(bytes, close.as_bytes(), at).unwrap_or(bytes.len());
            at = memchr(b'>', bytes, close_at).map_or(bytes.len(), |i| i + 1);
            continue;
        }
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        if NO_DEPTH.contains(&name.as_str()) || self_closing {
            continue;
        }
        if depth >= MAX_DEPTH {
            excess += 1;
            dropped.push((lt, end));
        } else {
            depth += 1;
        }
    }
    if dropped.is_empty() {
        return Ok(Cow::Borrowed(html));
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in dropped {
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    Ok(Cow::Owned(out))
}

fn memchr(needle: u8, haystack: &[u8], from: usize) -> Option<usize> {
    haystack.get(from..)?.iter().position(|&b| b == needle).map(|i| i + from)
}

/// Where `needle` starts in `haystack`, looking from `from`.
pub fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = "<!doctype html><html><head><title>a<b</title><script>if (a<b) x()</script></head>\
                    <body><div><p>One<p>Two<br><img src=x><ul><li>a<li>b</ul><!-- <div><div> --></div></body></html>";
        assert!(matches!(bound(page, 1000), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn tags_past_the_limit_go_and_their_text_stays() {
        let depth = MAX_DEPTH + 50;
        let page = format!("{}<b>deep</b> text{}", "<div class=x>".repeat(depth), "</div>".repeat(depth));
        let bounded = bound(&page, 100_000).unwrap();
        assert_eq!(bounded.matches("<div").count(), MAX_DEPTH);
        assert_eq!(bounded.matches("</div>").count(), MAX_DEPTH);
        assert!(bounded.contains("deep text"), "{bounded}");
    }

    #[test]
    fn too_many_elements_is_a_reason() {
        let page = "<span>x</span>".repeat(11);
        assert_eq!(bound(&page, 10).unwrap_err(), "HTML page with over 10 elements");
        assert!(bound(&page, 11).is_ok());
    }

    #[test]
    fn broken_markup_is_not_a_panic() {
        for page in ["<", "</", "<!--", "<div", "<script>", "</ >", "<é>", "<a\u{1F600}>", "<<<>>>", "<div/"] {
            let _ = bound(page, 10);
        }
    }
}
