//! The HTML a feed carries in an item's summary or content (or a title with
//! markup) as plain paragraphs: tags dropped, block elements and `<br>` made
//! paragraph breaks, scripts and styles left out, character references
//! decoded. Small on purpose: whole pages go through `corpus::html::extract`.

/// Elements whose start or end begins a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "dd",
    "dt",
];
/// Elements whose content is never text.
const SKIPPED: &[&str] = &["script", "style", "template", "noscript"];

pub fn html_to_paragraphs(html: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        current.push_str(&decode_entities(&rest[..lt]));
        let tag_text = &rest[lt + 1..];
        let Some(gt) = tag_text.find('>') else {
            // A lone `<` is text.
            current.push_str(&decode_entities(&rest[lt..]));
            rest = "";
            break;
        };
        let tag = &tag_text[..gt];
        rest = &tag_text[gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if tag.starts_with("!--") {
            // A comment: skip to its end (it may hold `>`).
            let comment = &tag_text[3..];
            rest = comment.find("-->").map(|i| &comment[i + 3..]).unwrap_or("");
        } else if SKIPPED.contains(&name.as_str()) && !tag.starts_with('/') {
            let close = format!("</{name}");
            rest = rest.to_ascii_lowercase().find(&close).map(|i| &rest[i..]).unwrap_or("");
        } else if BLOCKS.contains(&name.as_str()) {
            push_paragraph(&mut paragraphs, &mut current);
        }
    }
    current.push_str(&decode_entities(rest));
    push_paragraph(&mut paragraphs, &mut current);
    paragraphs
}

fn push_paragraph(paragraphs: &mut Vec<String>, current: &mut String) {
    let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        paragraphs.push(text);
    }
    current.clear();
}

/// `&amp;`, `&#8217;`, `&#x2019;` and the named references news text uses.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&i| i <= 10);
        match end.and_then(|i| entity(&after[..i]).map(|c| (i, c))) {
            Some((i, c)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "eacute" => 'é',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_break_paragraphs_and_inline_tags_vanish() {
        let html = "<p>Workers <b>returned</b> on&nbsp;Monday.</p><p>“Ships&#8217; crews” &amp; more<br/>Next</p>";
        assert_eq!(html_to_paragraphs(html), vec!["Workers returned on Monday.", "“Ships’ crews” & more", "Next"]);
    }

    #[test]
    fn scripts_comments_and_stray_brackets() {
        let html = "A<script>alert('<p>x</p>')</script> <!-- a > b -->B <STYLE>p{}</STYLE>1 < 2 &bogus; &";
        assert_eq!(html_to_paragraphs(html), vec!["A B 1 < 2 &bogus; &"]);
        assert_eq!(html_to_paragraphs("plain text, no markup"), vec!["plain text, no markup"]);
        assert!(html_to_paragraphs("<img src=x>").is_empty());
    }
}
