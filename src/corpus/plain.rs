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
use crate::dates::{find_date, parse_date};
use regex::Regex;
use std::sync::LazyLock;

/// How many non-empty lines at the top may hold headline, credit and date.
const HEADER_LINES: usize = 8;
/// A headline line is at most this long.
const MAX_HEADLINE_CHARS: usize = 160;

static GLUED_DATE: LazyLock<Regex> =
    // A time only with `T` or as ` HH:MM`: `date 2022-02-24 150,000 troops` keeps its lede.
    LazyLock::new(|| {
        Regex::new(r"(?i)^date:?\s+(\d{4}-\d{2}-\d{2}(?:T[\d:.+Z-]+|\s\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?)?)(?:\s+(.*))?$").unwrap()
    });
static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(title|headline|source|outlet|publisher|author|byline|date|published|url|link|original url|source url)\s*:\s*(.*)$").unwrap()
});
static BY_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^by\s+([^.!?]{1,100})$").unwrap());

/// What the top of a text may hold besides the article.
#[derive(Clone, Copy)]
struct Mode {
    /// Credit, date, `Key: value` lines and `# ` headings.
    header: bool,
    /// A first line that looks like a headline is the headline.
    guess_headline: bool,
}

/// Parse a whole document (already decoded) into fields: headline, credit and
/// date lines at the top are recognised. Markdown markup is removed.
pub fn parse_text(text: &str) -> Fields {
    parse(text, Mode { header: true, guess_headline: true })
}

/// Parse a document whose title is known from elsewhere (front matter): its
/// first line is never taken for a headline.
pub fn parse_titled_text(text: &str) -> Fields {
    parse(text, Mode { header: true, guess_headline: false })
}

/// Parse the body of an article whose metadata came from elsewhere (JSON keys):
/// no line is taken for a headline, credit or date.
pub fn parse_body(text: &str) -> Fields {
    parse(text, Mode { header: false, guess_headline: false })
}

fn parse(text: &str, mode: Mode) -> Fields {
    let mut fields = Fields::default();
    let mut blocks: Vec<Vec<String>> = vec![Vec::new()];
    let mut header_seen = 0usize;
    // `Original url:` with the url on the next line: the line, until we know.
    let mut pending_url_key: Option<String> = None;
    let mut lines = text.lines().map(str::trim).peekable();
    while let Some(raw) = lines.next() {
        if raw.is_empty() {
            if !blocks.last().is_some_and(Vec::is_empty) {
                blocks.push(Vec::new());
            }
            continue;
        }
        let in_header = mode.header && header_seen < HEADER_LINES && body_is_empty(&blocks);
        header_seen += 1;
        let mut line = strip_markdown_inline(raw);
        if let Some(key_line) = pending_url_key.take() {
            if looks_like_url(&line) {
                fields.url.get_or_insert(line);
                continue;
            }
            blocks.last_mut().expect("never empty").push(key_line);
        }
        if in_header && let Some(caps) = GLUED_DATE.captures(&line) {
            if fields.date.is_none() {
                fields.date = parse_date(&caps[1]);
            }
            line = caps.get(2).map_or("", |m| m.as_str()).to_string();
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
            // A url line anywhere (`Original url:` ends many scraped files),
            // but only when a url follows: `Link: the two were linked` is text.
            if key.contains("url") || key == "link" {
                if value.is_empty() {
                    pending_url_key = Some(line);
                    continue;
                }
                if looks_like_url(&value) {
                    fields.url.get_or_insert(value);
                    continue;
                }
            } else if in_header && !value.is_empty() {
                let used = match key.as_str() {
                    "title" | "headline" => {
                        fields.title.get_or_insert(value);
                        true
                    }
                    "source" | "outlet" | "publisher" => {
                        fields.outlet.get_or_insert(value);
                        true
                    }
                    "author" | "byline" => {
                        fields.byline.get_or_insert(value);
                        true
                    }
                    // `Date: sometime` is not a date: the line stays text.
                    _ => parse_date(&value).map(|d| *fields.date.get_or_insert(d)).is_some(),
                };
                if used {
                    continue;
                }
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
            if mode.guess_headline
                && fields.title.is_none()
                && header_seen == 1
                && looks_like_headline(&line)
                && !KEY_VALUE.is_match(&line)
                && lines.peek().is_some()
            {
                fields.title = Some(line);
                continue;
            }
        }
        blocks.last_mut().expect("never empty").push(line);
    }
    if let Some(key_line) = pending_url_key {
        blocks.last_mut().expect("never empty").push(key_line);
    }
    let mut paragraphs = assemble_paragraphs(&blocks);
    if let Some(first) = paragraphs.first_mut()
        && let Some((agency, rest)) = split_dateline(first)
    {
        fields.outlet.get_or_insert(agency);
        *first = rest.to_string();
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
        assert_eq!(f.clone().finish(std::path::Path::new("a.txt")).unwrap().outlet.as_deref(), Some("Reuters"));
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
    fn a_glued_date_keeps_the_lede_whole() {
        let f = parse_text("date 2022-02-24 150,000 troops massed on the border.\n\nMore.");
        assert_eq!(f.date, chrono::NaiveDate::from_ymd_opt(2022, 2, 24));
        assert_eq!(f.paragraphs[0], "150,000 troops massed on the border.");
        let f = parse_text("date 2022-10-02 Zanyan leaders met on Sunday.");
        assert_eq!(f.paragraphs[0], "Zanyan leaders met on Sunday.");
        let f = parse_text("date 2022-10-02T10:00:00Z Leaders met.");
        assert_eq!((f.date.is_some(), f.paragraphs[0].as_str()), (true, "Leaders met."));
    }

    #[test]
    fn url_keys_need_a_url() {
        let f = parse_text("The lede.\n\nLink: the two cases were linked by police.\n\nURL: https://example.org/a");
        assert_eq!(f.paragraphs, vec!["The lede.", "Link: the two cases were linked by police."]);
        assert_eq!(f.url.as_deref(), Some("https://example.org/a"));
        let f = parse_text("The lede.\n\nSource url:\n\nnot a url at all.");
        assert_eq!(f.url, None);
        assert_eq!(f.paragraphs, vec!["The lede.", "Source url:", "not a url at all."]);
    }

    #[test]
    fn header_keys_without_a_usable_value_stay_text() {
        let f = parse_text("Date: the day after\n\nBody.");
        assert_eq!(f.date, None);
        assert_eq!(f.paragraphs, vec!["Date: the day after", "Body."]);
    }

    #[test]
    fn a_known_title_means_the_first_line_is_body() {
        let f = parse_titled_text("“Is it over?”\n\nThe second paragraph.");
        assert_eq!(f.title, None);
        assert_eq!(f.paragraphs, vec!["“Is it over?”", "The second paragraph."]);
    }

    #[test]
    fn a_lone_line_is_body_not_headline() {
        let f = parse_text("Just one short line");
        assert_eq!(f.title, None);
        assert_eq!(f.paragraphs, vec!["Just one short line"]);
    }
}
