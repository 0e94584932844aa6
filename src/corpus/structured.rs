//! Articles whose metadata comes as keys: a JSON object, a JSONL line, or the
//! YAML/TOML front matter of a Markdown file. The usual field names of
//! scrapers and feed tools are all understood (`text`/`body`/`content`,
//! `source`/`outlet`/`publisher`, `author`/`byline`, `date`/`published_at`…).

use super::fields::Fields;
use super::plain::{parse_body, parse_text, parse_titled_text};
use crate::dates::parse_date;
use serde_json::{Map, Value};

/// The keys of a front matter block.
pub type FrontMatter = Map<String, Value>;

const TITLE_KEYS: &[&str] = &["title", "headline", "name"];
const BODY_KEYS: &[&str] = &["text", "body", "content", "article", "maintext", "full_text", "description", "summary"];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url", "canonical", "source_url", "href"];
const OUTLET_KEYS: &[&str] = &["outlet", "source", "publisher", "site_name", "site", "source_name", "publication"];
const BYLINE_KEYS: &[&str] = &["byline", "author", "authors", "creator", "by"];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "datePublished",
    "date_publish",
    "publish_date",
    "created_at",
    "time",
];

/// Fields from a JSON object's keys; the body text (if any) is parsed as a
/// body without header detection.
pub fn fields_from_object(map: &Map<String, Value>) -> Fields {
    let meta = metadata_from_object(map);
    let body = first(map, BODY_KEYS).map(text_of).unwrap_or_default();
    meta.or(parse_body(&body))
}

/// Only the metadata keys of an object (front matter has no body key).
pub fn metadata_from_object(map: &Map<String, Value>) -> Fields {
    Fields {
        title: first(map, TITLE_KEYS).map(text_of).filter(|s| !s.trim().is_empty()),
        outlet: first(map, OUTLET_KEYS).map(name_of).filter(|s| !s.trim().is_empty()),
        byline: first(map, BYLINE_KEYS).map(name_of).filter(|s| !s.trim().is_empty()),
        date: first(map, DATE_KEYS).and_then(date_of),
        url: first(map, URL_KEYS).map(text_of).filter(|s| !s.trim().is_empty()),
        paragraphs: Vec::new(),
    }
}

/// The first key present (case-insensitive) whose value is not null.
fn first<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| map.iter().find(|(key, v)| key.eq_ignore_ascii_case(k) && !v.is_null()).map(|(_, v)| v))
}

/// Text of a value: a string, or an array of strings as paragraphs.
fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(text_of).collect::<Vec<_>>().join("\n\n"),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => first(o, &["text", "value", "content"]).map(text_of).unwrap_or_default(),
        _ => String::new(),
    }
}

/// A name: a string, an object with `name`/`title`, or a list of those.
fn name_of(v: &Value) -> String {
    match v {
        Value::Array(items) => items.iter().map(name_of).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "),
        Value::Object(o) => first(o, &["name", "title", "id"]).map(text_of).unwrap_or_default(),
        other => text_of(other),
    }
}

fn date_of(v: &Value) -> Option<chrono::NaiveDate> {
    match v {
        Value::String(s) => parse_date(s),
        Value::Number(n) => {
            let secs = n.as_i64()?;
            // Milliseconds when the number is too big to be seconds.
            let secs = if secs.abs() > 100_000_000_000 { secs / 1000 } else { secs };
            chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive())
        }
        _ => None,
    }
}

/// Split Markdown into front matter (as an object) and the rest.
/// `Err` carries why the front matter could not be read.
pub fn split_front_matter(text: &str) -> Result<(Option<FrontMatter>, &str), String> {
    let text = text.trim_start_matches('\u{feff}');
    let (fence, lang) = if text.starts_with("---\n") {
        ("---", "YAML")
    } else if text.starts_with("+++\n") {
        ("+++", "TOML")
    } else {
        return Ok((None, text));
    };
    let after_open = &text[4..];
    let close = after_open
        .match_indices(&format!("\n{fence}"))
        .find(|(i, _)| after_open[i + 4..].starts_with('\n') || after_open.len() == i + 4)
        .map(|(i, _)| i);
    let (raw, body) = match (after_open.starts_with(&format!("{fence}\n")), close) {
        (true, _) => ("", &after_open[4..]),
        (false, Some(i)) => (&after_open[..i], after_open[i + 4..].trim_start_matches('\n')),
        (false, None) => return Err(format!("{lang} front matter is never closed with {fence}")),
    };
    // YAML and TOML refuse control characters; they are dropped from the
    // text anyway, so a title with an escape in it does not lose the file.
    let raw: String = raw.chars().filter(|&c| !c.is_control() || c == '\t' || c == '\n').collect();
    let raw = raw.as_str();
    let value: Value = if lang == "YAML" {
        serde_norway::from_str(raw)
            .map_err(|e| format!("bad YAML front matter: {}", crate::sanitize::clean_line(&e.to_string())))?
    } else {
        let table: toml::Table = toml::from_str(raw)
            .map_err(|e| format!("bad TOML front matter: {}", crate::sanitize::clean_line(&e.to_string())))?;
        toml_to_json(toml::Value::Table(table))
    };
    match value {
        Value::Object(map) => Ok((Some(map), body)),
        Value::Null => Ok((None, body)),
        _ => Err(format!("{lang} front matter is not a set of keys")),
    }
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

/// A Markdown file: front matter first, then the body as a document.
pub fn parse_markdown(text: &str) -> Result<Fields, String> {
    let (front, body) = split_front_matter(text)?;
    let titled = front.as_ref().is_some_and(|map| metadata_from_object(map).title.is_some());
    let from_text = if titled { parse_titled_text(body) } else { parse_text(body) };
    Ok(match front {
        Some(map) => metadata_from_object(&map).or(from_text),
        None => from_text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keys_of_many_scrapers() {
        let v: Value = serde_json::from_str(
            r#"{"headline":"H","content":["Para one.","Para two."],"link":"https://x.org/a","publisher":{"name":"X Daily"},"authors":[{"name":"A"},"B"],"publishedAt":"2022-02-21T10:00:00Z"}"#,
        )
        .unwrap();
        let f = fields_from_object(v.as_object().unwrap());
        assert_eq!(f.title.as_deref(), Some("H"));
        assert_eq!(f.outlet.as_deref(), Some("X Daily"));
        assert_eq!(f.byline.as_deref(), Some("A, B"));
        assert_eq!(f.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(f.date, chrono::NaiveDate::from_ymd_opt(2022, 2, 21));
        assert_eq!(f.paragraphs, vec!["Para one.", "Para two."]);
    }

    #[test]
    fn yaml_and_toml_front_matter() {
        let f = parse_markdown("---\ntitle: From YAML\ndate: 2022-02-22\nsource: Y News\n---\n# Heading\n\nBody.\n")
            .unwrap();
        assert_eq!((f.title.as_deref(), f.outlet.as_deref()), (Some("From YAML"), Some("Y News")));
        assert_eq!(f.date, chrono::NaiveDate::from_ymd_opt(2022, 2, 22));
        assert_eq!(f.paragraphs, vec!["Body."]);
        let f = parse_markdown("+++\ntitle = \"From TOML\"\ndate = 2022-02-23\n+++\nBody.\n").unwrap();
        assert_eq!(f.title.as_deref(), Some("From TOML"));
        assert_eq!(f.date, chrono::NaiveDate::from_ymd_opt(2022, 2, 23));
    }

    #[test]
    fn control_characters_in_front_matter_do_not_lose_the_file() {
        let f = parse_markdown("---\ntitle: Evil \u{1b}]0;x\u{7} title\u{85}\n---\n\nBody.\n").unwrap();
        assert_eq!(f.title.as_deref(), Some("Evil ]0;x title"));
        assert_eq!(f.paragraphs, vec!["Body."]);
    }

    #[test]
    fn front_matter_title_keeps_a_short_first_paragraph_and_urls_name_outlets() {
        let f = parse_markdown("---\ntitle: T\nurl: https://www.reuters.com/x\n---\n“Why now?”\n\nBody.\n").unwrap();
        assert_eq!(f.paragraphs, vec!["“Why now?”", "Body."]);
        let a = f.finish(std::path::Path::new("a.md")).unwrap();
        assert_eq!(a.outlet.as_deref(), Some("Reuters"), "a url key names the outlet too");
        let v: Value = serde_json::from_str(r#"{"title":"T","text":"Body.","url":"https://apnews.com/a"}"#).unwrap();
        let a = fields_from_object(v.as_object().unwrap()).finish(std::path::Path::new("a.json")).unwrap();
        assert_eq!(a.outlet.as_deref(), Some("AP"));
    }

    #[test]
    fn broken_front_matter_is_a_reason_not_a_panic() {
        assert!(parse_markdown("---\ntitle: [unclosed\n---\nBody").unwrap_err().contains("YAML"));
        assert!(parse_markdown("---\ntitle: x\nBody without close").unwrap_err().contains("never closed"));
        assert!(parse_markdown("+++\n= bad\n+++\nBody").unwrap_err().contains("TOML"));
        let f = parse_markdown("---\n---\nBody.").unwrap();
        assert_eq!(f.paragraphs, vec!["Body."]);
    }
}
