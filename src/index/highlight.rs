//! Where a query's words are in a text: highlight ranges for the reader and
//! snippets for the result list.
//!
//! Matching uses the index's own analyzers, so what is highlighted is what
//! matched: `recognize` lights up `recognized`, a prefix lights up the words
//! it begins. Ranges are byte offsets into the text, never markup.

use super::query::{Clause, ParsedQuery, Target};
use super::schema::{plain_analyzer, stemmed_analyzer, tokens};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::ops::Range;

/// The longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 200;

/// A piece of an article with the ranges (byte offsets into `text`) that matched.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// Finds a query's words in text.
#[derive(Clone, Debug, Default)]
pub struct Highlighter {
    stems: HashSet<String>,
    prefixes: Vec<String>,
}

impl Highlighter {
    pub fn new(query: &ParsedQuery) -> Highlighter {
        let mut stemmed = stemmed_analyzer();
        let mut plain = plain_analyzer();
        let mut h = Highlighter::default();
        for clause in query.positive() {
            match clause {
                Clause::Words { target: Target::Text | Target::Body | Target::Title, words, .. } => {
                    h.stems.extend(tokens(&mut stemmed, words).into_iter().map(|(t, _)| t));
                }
                Clause::Prefix(p) => {
                    h.prefixes.extend(tokens(&mut plain, p).into_iter().map(|(t, _)| t));
                }
                _ => {}
            }
        }
        h
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty() && self.prefixes.is_empty()
    }

    /// The byte ranges of `text` that match.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let stemmed = tokens(&mut stemmed_analyzer(), text);
        let plain = if self.prefixes.is_empty() { Vec::new() } else { tokens(&mut plain_analyzer(), text) };
        let mut out: Vec<Range<usize>> = Vec::new();
        for (i, (stem, range)) in stemmed.iter().enumerate() {
            let by_prefix = plain.get(i).is_some_and(|(w, _)| self.prefixes.iter().any(|p| w.starts_with(p.as_str())));
            if by_prefix || self.stems.contains(stem) {
                out.push(range.clone());
            }
        }
        out
    }

    /// The best piece of `paragraphs` to show under a result: the paragraph
    /// with the most distinct matches (the lede when none match), cut to
    /// [`SNIPPET_CHARS`] around its first match.
    pub fn snippet(&self, paragraphs: &[String]) -> Snippet {
        let mut best: Option<(usize, &String, Vec<Range<usize>>)> = None;
        if !self.is_empty() {
            for p in paragraphs {
                let ranges = self.ranges(p);
                let distinct = ranges.iter().map(|r| p[r.clone()].to_lowercase()).collect::<HashSet<_>>().len();
                if distinct > best.as_ref().map_or(0, |b| b.0) {
                    best = Some((distinct, p, ranges));
                }
            }
        }
        let (text, ranges) = match best {
            Some((_, p, r)) => (p.as_str(), r),
            None => (paragraphs.first().map_or("", String::as_str), Vec::new()),
        };
        cut(text, &ranges, SNIPPET_CHARS)
    }
}

/// A window of at most `max_chars` characters of `text`, starting a little
/// before the first range, on word boundaries, with `…` where it was cut.
fn cut(text: &str, ranges: &[Range<usize>], max_chars: usize) -> Snippet {
    if text.chars().count() <= max_chars {
        return Snippet { text: text.to_string(), highlights: ranges.to_vec() };
    }
    let first = ranges.first().map_or(0, |r| r.start);
    // Start up to a third of the window before the first match, at a word start.
    let lead = max_chars / 3;
    let mut start = text[..first].char_indices().rev().nth(lead).map_or(0, |(i, _)| i);
    if start > 0 {
        start = text[start..].find(' ').map_or(start, |i| start + i + 1).min(first);
    }
    let mut end = text[start..].char_indices().nth(max_chars).map_or(text.len(), |(i, _)| start + i);
    if end < text.len() {
        end = text[start..end].rfind(' ').map_or(end, |i| start + i);
    }
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < text.len() { "…" } else { "" };
    let shift = |b: usize| b - start + prefix.len();
    let highlights =
        ranges.iter().filter(|r| r.start >= start && r.end <= end).map(|r| shift(r.start)..shift(r.end)).collect();
    Snippet { text: format!("{prefix}{}{suffix}", text[start..end].trim_end()), highlights }
}

#[cfg(test)]
mod tests {
    use super::super::query::parse;
    use super::*;

    fn marked(text: &str, h: &Highlighter) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in h.ranges(text) {
            out.push_str(&text[at..r.start]);
            out.push_str(&format!("[{}]", &text[r.clone()]));
            at = r.end;
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn stems_prefixes_and_phrases_light_up() {
        let h = Highlighter::new(&parse("recognize \"state of emergency\" -troops pas", true));
        assert_eq!(
            marked("Putin recognized Pasechnik's state of emergency; troops moved.", &h),
            "Putin [recognized] [Pasechnik]'s [state] [of] [emergency]; troops moved."
        );
    }

    #[test]
    fn snippet_prefers_the_paragraph_with_most_matches_and_maps_ranges() {
        let paragraphs: Vec<String> = vec![
            "Lede without the words.".into(),
            format!("{} Pasechnik said the state would {}", "word ".repeat(80), "filler ".repeat(40)),
        ];
        let h = Highlighter::new(&parse("pasechnik state", false));
        let s = h.snippet(&paragraphs);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{}", s.text);
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 2);
        let lit: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(lit, vec!["Pasechnik", "state"]);
    }

    #[test]
    fn empty_query_snippet_is_the_lede() {
        let s = Highlighter::default().snippet(&["Short lede.".into(), "More.".into()]);
        assert_eq!(s, Snippet { text: "Short lede.".into(), highlights: vec![] });
    }
}
