//! Parsing the body of a plain-text or Markdown article: the headline, the
//! credit line, the date, the url, the wire dateline, and the paragraphs with
//! boilerplate and captions removed.
//!
//! The rules come from how scraped news really looks (see
//! `assets/corpus/`): a `date YYYY-MM-DD` field glued to the lede, a
//! `(Bloomberg) --` dateline, a headline line or a `# ` heading, `By …` and
//! date lines under it, photo captions, `Original url:` at the end.

use super::clean::{
    assemble_paragraphs, is_boilerplate, is_caption, is_section_head, split_dateline, strip_markdown_inline,
};
use super::fields::Fields;
use super::outlets::outlet_from_url;
use crate::dates::{find_date, parse_date};
use regex::Regex;
use std::sync::LazyLock;

/// How many non-empty lines at the top may hold headline, credit and date.
const HEADER_LINES: usize = 8;
/// A headline line is at most this long.
const MAX_HEADLINE_CHARS: usize = 160;

static GLUED_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^date:?\s+(\d{4}-\d{2}-\d{2}(?:[T ][\d:.+Z-]+)?)\s*(.*)$").unwrap());
static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(title|headline|source|outlet|publisher|author|byline|date|published|url|link|original url|source url)\s*:\s*(.*)$").unwrap()
});
static BY_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^by\s+([^.!?]{1,100})$").unwrap());

/// Parse a whole document (already decoded) into fields: headline, credit and
/// date lines at the top are recognised. Markdown markup is removed.
pub fn parse_text(text: &str) -> Fields {
    parse(text, true)
}

/// Parse the body of an article whose metadata came from elsewhere (JSON keys,
/// front matter): no line is taken for a headline, credit or date.
pub fn parse_body(text: &str) -> Fields {
    parse(text, false)
}

fn parse(text: &str, detect_header: bool) -> Fields {
    let mut fields = Fields::default();
    let mut blocks: Vec<Vec<String>> = vec![Vec::new()];
    let mut header_seen = 0usize;
    let mut want_url = false;
    let mut lines = text.lines().map(str::trim).peekable();
    while let Some(raw) = lines.next() {
        if raw.is_empty() {
            if !blocks.last().is_some_and(Vec::is_empty) {
                blocks.push(Vec::new());
            }
            continue;
        }
        let in_header = detect_header && header_seen < HEADER_LINES && body_is_empty(&blocks);
        header_seen += 1;
        let mut line = strip_markdown_inline(raw);
        if want_url {
            want_url = false;
            if looks_like_url(&line) {
                fields.url.get_or_insert(line);
                continue;
            }
        }
        if in_header && let Some(caps) = GLUED_DATE.captures(&line) {
            if fields.date.is_none() {
                fields.date = parse_date(&caps[1]);
            }
            line = caps[2].to_string();
            if line.is_empty() {
                continue;
            }
        }
        if let Some(heading) = raw.strip_prefix('#') {
            let heading = strip_markdown_inline(heading.trim_start_matches('#'));
            if in_header && fields.title.is_none() && !heading.is_empty() {
                fields.title = Some(heading);
            }
            continue;
        }
        if let Some(caps) = KEY_VALUE.captures(&line) {
            let value = caps[2].trim().to_string();
            let key = caps[1].to_ascii_lowercase();
            if key.contains("url") || key == "link" {
                if value.is_empty() {
                    want_url = true;
                } else {
                    fields.url.get_or_insert(value);
                }
                continue;
            }
            if in_header && !value.is_empty() {
                match key.as_str() {
                    "title" | "headline" => fields.title = fields.title.take().or(Some(value)),
                    "source" | "outlet" | "publisher" => fields.outlet = fields.outlet.take().or(Some(value)),
                    "author" | "byline" => fields.byline = fields.byline.take().or(Some(value)),
                    _ => fields.date = fields.date.or(parse_date(&value)),
                }
                continue;
            }
        }
        if is_boilerplate(&line) || is_section_head(&line) {
            continue;
        }
        if is_caption(raw) {
            if fields.date.is_none() && body_is_empty(&blocks) {
                fields.date = find_date(&line);
            }
            continue;
        }
        if in_header {
            if let Some(caps) = BY_LINE.captures(&line)
                && caps[1].split_whitespace().count() <= 10
            {
                fields.byline.get_or_insert_with(|| caps[1].trim().to_string());
                continue;
            }
            if let Some(date) = parse_date(&line) {
                fields.date.get_or_insert(date);
                continue;
            }
            if fields.title.is_none() && header_seen == 1 && looks_like_headline(&line) && lines.peek().is_some() {
                fields.title = Some(line);
                continue;
            }
        }
        blocks.last_mut().expect("never empty").push(line);
    }
    let mut paragraphs = assemble_paragraphs(&blocks);
    if let Some(first) = paragraphs.first_mut()
        && let Some((agency, rest)) = split_dateline(first)
    {
        fields.outlet.get_or_insert(agency);
        *first = rest.to_string();
    }
    if fields.outlet.is_none() {
        fields.outlet = fields.url.as_deref().and_then(outlet_from_url);
    }
    fields.paragraphs = paragraphs;
    fields
}

fn body_is_empty(blocks: &[Vec<String>]) -> bool {
    blocks.iter().all(Vec::is_empty)
}

fn looks_like_url(line: &str) -> bool {
    (line.starts_with("http://") || line.starts_with("https://")) && !line.contains(' ')
}

/// A first line that is a headline: short, a few words, and not ending the
/// way a sentence of prose does.
fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.chars().count() <= MAX_HEADLINE_CHARS
        && (2..=25).contains(&words)
        && !line.ends_with(['.', ',', ';', ':'])
        && line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '"' || c == '“')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_credit_date_and_url_lines() {
        let f = parse_text(
            "Rebels ask for help\n\nBy Jane Roe\n\nFebruary 21, 2022\n\nThe lede is here.\n\nSecond paragraph.\n\nOriginal url:\n\n<https://www.reuters.com/world/x>\n",
        );
        assert_eq!(f.title.as_deref(), Some("Rebels ask for help"));
        assert_eq!(f.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(f.date, chrono::NaiveDate::from_ymd_opt(2022, 2, 21));
        assert_eq!(f.url.as_deref(), Some("https://www.reuters.com/world/x"));
        assert_eq!(f.outlet.as_deref(), Some("Reuters"));
        assert_eq!(f.paragraphs, vec!["The lede is here.", "Second paragraph."]);
    }

    #[test]
    fn a_first_line_that_is_prose_is_not_a_headline() {
        let f = parse_text("Russia is not planning to send troops, an official said Tuesday.\nSecond line.\n");
        assert_eq!(f.title, None);
        assert_eq!(f.paragraphs.len(), 2);
    }

    #[test]
    fn key_value_header() {
        let f = parse_text("Title: A headline\nSource: Example Times\nDate: 2022-02-23\n\nBody text.");
        assert_eq!(f.title.as_deref(), Some("A headline"));
        assert_eq!(f.outlet.as_deref(), Some("Example Times"));
        assert_eq!(f.paragraphs, vec!["Body text."]);
    }

    #[test]
    fn a_lone_line_is_body_not_headline() {
        let f = parse_text("Just one short line");
        assert_eq!(f.title, None);
        assert_eq!(f.paragraphs, vec!["Just one short line"]);
    }
}
