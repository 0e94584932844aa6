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
use tantivy::tokenizer::{Language, Stemmer, TextAnalyzer, WhitespaceTokenizer};

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
    /// The first two bytes (one for a one-letter stem) of every stem.
    /// English stemming only changes a word's ending, so a word whose
    /// beginning is not here cannot stem to a query word: most words of a
    /// text are ruled out without running the stemmer, which is what made
    /// snippets the larger part of a search.
    stem_starts: HashSet<[u8; 2]>,
}

/// The key of `word` in [`Highlighter::stem_starts`]: its first `n` bytes.
fn start(word: &str, n: usize) -> Option<[u8; 2]> {
    match (n, word.as_bytes()) {
        (1, [a, ..]) => Some([*a, 0]),
        (_, [a, b, ..]) => Some([*a, *b]),
        _ => None,
    }
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
        h.stem_starts = h.stems.iter().filter_map(|s| start(s, s.len().min(2))).collect();
        h
    }

    /// Whether `word` (lowercased and folded, as the plain analyzer gives
    /// it) matches: begins with a typed prefix, or stems to a query word.
    fn matches(&self, word: &str, stemmer: &mut TextAnalyzer) -> bool {
        if self.prefixes.iter().any(|p| word.starts_with(p.as_str())) {
            return true;
        }
        let plausible = [1, 2].into_iter().any(|n| start(word, n).is_some_and(|k| self.stem_starts.contains(&k)));
        if !plausible {
            return false;
        }
        let mut stemmed = false;
        stemmer.token_stream(word).process(&mut |t| stemmed |= self.stems.contains(&t.text));
        stemmed
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty() && self.prefixes.is_empty()
    }

    /// The byte ranges of `text` that match.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        self.ranges_with(text, &mut plain_analyzer(), &mut stemmer())
    }

    /// [`Highlighter::ranges`] with analyzers made once by the caller: one
    /// pass of the plain analyzer, and the stemmer only for plausible words.
    fn ranges_with(&self, text: &str, plain: &mut TextAnalyzer, stemmer: &mut TextAnalyzer) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        if self.is_empty() {
            return out;
        }
        plain.token_stream(text).process(&mut |t| {
            if self.matches(&t.text, stemmer) {
                out.push(t.offset_from..t.offset_to);
            }
        });
        out
    }

    /// The best piece of `paragraphs` to show under a result: the paragraph
    /// with the most distinct matches (the lede when none match), cut to
    /// [`SNIPPET_CHARS`] around its first match.
    pub fn snippet(&self, paragraphs: &[String]) -> Snippet {
        let mut best: Option<(usize, &String, Vec<Range<usize>>)> = None;
        if !self.is_empty() {
            let (mut plain, mut stemmer) = (plain_analyzer(), stemmer());
            for p in paragraphs {
                let ranges = self.ranges_with(p, &mut plain, &mut stemmer);
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

/// The stemmed analyzer's last step alone, for one already plain word.
fn stemmer() -> TextAnalyzer {
    TextAnalyzer::builder(WhitespaceTokenizer::default()).filter(Stemmer::new(Language::English)).build()
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

    /// What `ranges` meant before the shortcut: stem every word, compare.
    fn stem_every_word(h: &Highlighter, text: &str) -> Vec<Range<usize>> {
        let stemmed = tokens(&mut stemmed_analyzer(), text);
        let plain = tokens(&mut plain_analyzer(), text);
        let by_prefix = |i: usize| plain[i].0.as_str();
        (0..stemmed.len())
            .filter(|&i| {
                h.prefixes.iter().any(|p| by_prefix(i).starts_with(p.as_str())) || h.stems.contains(&stemmed[i].0)
            })
            .map(|i| stemmed[i].1.clone())
            .collect()
    }

    #[test]
    fn the_stemming_shortcut_misses_no_word_of_the_real_articles() {
        // Every word of the five real articles, typed as a query, lights up
        // exactly what stemming every word of every article would.
        let texts: Vec<String> =
            crate::corpus::demo::FILES.iter().map(|(_, b)| String::from_utf8_lossy(b).into_owned()).collect();
        let mut words: Vec<String> = texts.iter().flat_map(|t| tokens(&mut plain_analyzer(), t)).map(|w| w.0).collect();
        words.extend(["ties", "dying", "skies", "news", "early", "only", "ugly", "a", "y", "yes"].map(String::from));
        words.sort();
        words.dedup();
        assert!(words.len() > 900, "{} words", words.len());
        for word in &words {
            let h = Highlighter::new(&parse(word, false));
            for text in &texts {
                assert_eq!(h.ranges(text), stem_every_word(&h, text), "query {word:?}");
            }
        }
    }

    #[test]
    fn empty_query_snippet_is_the_lede() {
        let s = Highlighter::default().snippet(&["Short lede.".into(), "More.".into()]);
        assert_eq!(s, Snippet { text: "Short lede.".into(), highlights: vec![] });
    }
}
