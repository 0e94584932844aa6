//! Where a query's words are in a text: highlight ranges for the reader and
//! snippets for the result list.
//!
//! Matching uses the index's own analyzers, so what is highlighted is what
//! matched: `recognize` lights up `recognized`, a prefix lights up the words
//! it begins. Ranges are byte offsets into the text, never markup.

use super::query::{Clause, ParsedQuery, Target};
use super::schema::{MAX_WORD_BYTES, plain_analyzer, stemmed_analyzer, tokens};
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
#[derive(Clone, Debug)]
pub struct Highlighter {
    stems: HashSet<String>,
    prefixes: Vec<String>,
    /// The first two bytes (one for a one-letter stem) of every stem.
    /// English stemming only changes a word's ending, so a word whose
    /// beginning is not here cannot stem to a query word: most words of a
    /// text are ruled out without running the stemmer, which is what made
    /// snippets the larger part of a search.
    stem_starts: Vec<[u8; 2]>,
    /// The first byte of every prefix and stem: an ASCII word that begins
    /// with none of them is passed over without being lowercased.
    first_bytes: [bool; 256],
}

impl Default for Highlighter {
    fn default() -> Highlighter {
        Highlighter { stems: HashSet::new(), prefixes: Vec::new(), stem_starts: Vec::new(), first_bytes: [false; 256] }
    }
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
        h.stem_starts.sort_unstable();
        h.stem_starts.dedup();
        for word in h.stems.iter().chain(&h.prefixes) {
            if let Some(&b) = word.as_bytes().first() {
                h.first_bytes[b as usize] = true;
            }
        }
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

    /// [`Highlighter::ranges`] with analyzers made once by the caller.
    ///
    /// The words are the plain analyzer's (runs of alphanumeric characters,
    /// under 40 bytes, lowercased and folded), found without it: an ASCII
    /// word whose first letter begins no query word is passed over, one
    /// that does is lowercased (all folding does to ASCII), and only a word
    /// with other characters goes through the analyzer. Snippets for a page
    /// of results read every paragraph of every hit, so this is most of a
    /// keystroke's search.
    fn ranges_with(&self, text: &str, plain: &mut TextAnalyzer, stemmer: &mut TextAnalyzer) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        if self.is_empty() {
            return out;
        }
        let mut lower = String::new();
        for (range, ascii) in alphanumeric_runs(text) {
            let word = &text[range.clone()];
            if word.len() >= MAX_WORD_BYTES {
                continue;
            }
            let hit = if ascii {
                if !self.first_bytes[word.as_bytes()[0].to_ascii_lowercase() as usize] {
                    continue;
                }
                lower.clear();
                lower.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
                self.matches(&lower, stemmer)
            } else {
                let mut hit = false;
                plain.token_stream(word).process(&mut |t| hit |= self.matches(&t.text, stemmer));
                hit
            };
            if hit {
                out.push(range);
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

/// The runs of alphanumeric characters in `text` (the words the plain
/// analyzer's tokenizer finds), as byte ranges, each with whether it is
/// all ASCII. Bytes are read one at a time; only a non-ASCII one is
/// decoded to a character.
fn alphanumeric_runs(text: &str) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let class = |i: usize| -> (bool, usize) {
        match text.as_bytes()[i] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => text[i..].chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            if i >= text.len() {
                return None;
            }
            let (alphanumeric, width) = class(i);
            if alphanumeric {
                break;
            }
            i += width;
        }
        let (start, mut ascii) = (i, true);
        while i < text.len() {
            let (alphanumeric, width) = class(i);
            if !alphanumeric {
                break;
            }
            ascii &= width == 1;
            i += width;
        }
        Some((start..i, ascii))
    })
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
    fn words_are_found_as_the_plain_analyzer_finds_them() {
        // What `ranges` did before it found words itself: every token of
        // the plain analyzer, tested whole.
        let by_analyzer = |h: &Highlighter, text: &str| -> Vec<Range<usize>> {
            let mut stem = stemmer();
            let tokens = tokens(&mut plain_analyzer(), text);
            tokens.into_iter().filter(|(t, _)| h.matches(t, &mut stem)).map(|(_, r)| r).collect()
        };
        let long = "Pneumonoultramicroscopicsilicovolcanoconiosis";
        let text = format!(
            "ÉLYSÉE said café naïve Zürich Straße; MOSCOW's 3,000 troops_moved \
             co-operation {long} {} Ünited Пасечник пасечника 2022-02-21 x\u{0301}y end",
            &long[..39]
        );
        let queries =
            ["elysee", "cafe", "zur", "strasse", "moscow", "troop", "co", "pneu", "unit", "пасечник", "20", "x", "end"];
        for query in queries {
            let h = Highlighter::new(&parse(query, true));
            assert_eq!(h.ranges(&text), by_analyzer(&h, &text), "query {query:?}");
            assert!(!h.ranges(&text).is_empty(), "query {query:?} finds nothing");
        }
        let pneu = Highlighter::new(&parse("pneu", true));
        assert_eq!(pneu.ranges(&text).len(), 1, "a word of 40 bytes or more is no word");
        let h = Highlighter::new(&parse("troops", false));
        assert_eq!(marked("TROOPS, troop's Troopers", &h), "[TROOPS], [troop]'s Troopers");
    }

    #[test]
    fn empty_query_snippet_is_the_lede() {
        let s = Highlighter::default().snippet(&["Short lede.".into(), "More.".into()]);
        assert_eq!(s, Snippet { text: "Short lede.".into(), highlights: vec![] });
    }
}
