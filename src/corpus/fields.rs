//! What a parser found in one article before it becomes an [`Article`]: every
//! field optional, merged from (lowest to highest priority) the text itself,
//! the file's own metadata (front matter, JSON keys) and the user's
//! `sources.toml`. Each source of metadata fills what it knows and no more,
//! so one type with every field optional lets them be layered in one place
//! ([`Fields::or`]) and keeps the rule "the user's correction wins, then
//! what the file states, then what the text shows" out of every parser.

use crate::article::{Article, ArticleId};
use crate::sanitize;
use chrono::NaiveDate;
use std::path::Path;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub paragraphs: Vec<String>,
}

impl Fields {
    /// Fill every field `self` lacks from `lower` (a lower-priority source).
    pub fn or(mut self, lower: Fields) -> Fields {
        self.title = self.title.or(lower.title);
        self.outlet = self.outlet.or(lower.outlet);
        self.byline = self.byline.or(lower.byline);
        self.date = self.date.or(lower.date);
        self.url = self.url.or(lower.url);
        if self.paragraphs.is_empty() {
            self.paragraphs = lower.paragraphs;
        }
        self
    }

    /// The finished article, or `None` when there is no text at all.
    pub fn finish(self, path: &Path) -> Option<Article> {
        let paragraphs: Vec<String> =
            self.paragraphs.iter().map(|p| sanitize::clean_line(p)).filter(|p| !p.is_empty()).collect();
        if paragraphs.is_empty() {
            return None;
        }
        let line = |s: Option<String>| s.map(|s| sanitize::clean_line(&s)).filter(|s| !s.is_empty());
        let (title, title_derived) = match line(self.title) {
            Some(t) => (t, false),
            None => (derive_title(&paragraphs[0]), true),
        };
        // A url names its outlet, whatever the format it came in; the
        // sanitized url, so that nothing it smuggles reaches the outlet.
        let url = line(self.url);
        Some(Article {
            id: ArticleId::from_normalised_text(&normalise_for_id(&paragraphs)),
            paths: vec![path.to_path_buf()],
            title,
            title_derived,
            outlet: line(self.outlet).or_else(|| url.as_deref().and_then(super::outlet_from_url)),
            byline: line(self.byline),
            // A placeholder or impossible date is no date, in every format.
            date: self.date.and_then(crate::dates::trustworthy),
            url,
            paragraphs,
        })
    }
}

/// The text an id is computed from: lower case, every run of whitespace and
/// every quote style made one, so re-wrapping or re-encoding a file keeps its id.
pub fn normalise_for_id(paragraphs: &[String]) -> String {
    let mut out = String::with_capacity(paragraphs.iter().map(String::len).sum());
    for word in paragraphs.iter().flat_map(|p| p.split_whitespace()) {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // Most words: no quote to fold, and ASCII lower-casing is exact.
            let at = out.len();
            out.push_str(word);
            out[at..].make_ascii_lowercase();
            continue;
        }
        for c in word.chars() {
            match c {
                '“' | '”' | '„' | '«' | '»' => out.push('"'),
                '‘' | '’' | '‚' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

const DERIVED_TITLE_CHARS: usize = 90;

/// A headline for an article that has none: the lede's first sentence,
/// cut at a word boundary with an ellipsis when it is long.
pub fn derive_title(lede: &str) -> String {
    let sentence_end = lede
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && lede[i + c.len_utf8()..].starts_with(' ') && i > 20)
        .map(|(i, _)| i)
        .unwrap_or(lede.len());
    let sentence = lede[..sentence_end].trim();
    if sentence.chars().count() <= DERIVED_TITLE_CHARS {
        return sentence.to_string();
    }
    let mut cut = String::new();
    for word in sentence.split_whitespace() {
        if cut.chars().count() + word.chars().count() + 1 > DERIVED_TITLE_CHARS {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    let cut = cut.trim_end_matches([',', ';', ':', '-', '—']);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_title_is_the_first_sentence_cut_at_a_word() {
        let t = derive_title(
            "Separatist leaders in eastern Ukraine appealed to Russian President Vladimir Putin for help fighting Ukrainian forces, the Kremlin said.",
        );
        assert!(t.ends_with('…') && t.chars().count() <= DERIVED_TITLE_CHARS + 1, "{t}");
        assert!(t.starts_with("Separatist leaders in eastern Ukraine appealed"));
        assert_eq!(
            derive_title("Russia has denied planning an invasion. It said so."),
            "Russia has denied planning an invasion"
        );
        assert_eq!(derive_title("U.S. says no. Then more."), "U.S. says no. Then more.");
    }

    #[test]
    fn the_outlet_a_url_names_is_read_from_the_sanitized_url() {
        let f = Fields {
            url: Some("https://evil\u{1b}]0;owned\u{7}.example/a".into()),
            paragraphs: vec!["Text.".into()],
            ..Fields::default()
        };
        let a = f.finish(Path::new("a.html")).unwrap();
        assert_eq!(a.outlet.as_deref(), Some("evil.example"));
        assert!(!a.outlet.unwrap().chars().any(sanitize::is_forbidden));
    }

    #[test]
    fn id_ignores_wrapping_case_and_quote_style() {
        let a = normalise_for_id(&["“Hello”  World’s\nend".into()]);
        let b = normalise_for_id(&["\"hello\" world's end".into()]);
        assert_eq!(a, b);
    }
}
