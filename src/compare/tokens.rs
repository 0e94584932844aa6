//! Words and matching terms: the one place that decides when two spellings
//! are "the same word" for the aligner.
//!
//! [`words`] cuts a sentence into words the way news copy writes them
//! (`150,000`, `30%`, `U.S.`, `People's`, `full-scale`); [`Terms`] turns those
//! words into normalised terms for matching: lowercased, curly quotes and
//! apostrophes unified, possessives dropped, month abbreviations expanded,
//! numbers and dates in one canonical form, stopwords dropped, and the rest
//! Snowball-stemmed, so that `declared`/`declare` or `letters`/`letter` meet.

use super::numbers::{self, NumberKind};
use crate::meaning::{self, Meaning, WordId};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A word of a sentence: a slice of it and where it starts (byte offset).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl Word<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }
}

/// Cuts `text` into words: letters and digits, with inner `'` `’` `-` `.` `&`
/// (`People's`, `full-scale`, `3.5`, `S&P`), digit-grouping commas
/// (`150,000`), a trailing `%`, and the final period of dotted acronyms and
/// initials (`U.S.`, `p.m.`, `J.`).
pub fn words(text: &str) -> Vec<Word<'_>> {
    if text.is_ascii() {
        // Most copy: a byte is a character, no table of offsets needed.
        let bytes = text.as_bytes();
        return cut_words(text, bytes.len(), |i| bytes.get(i).map(|&b| b as char), |i| i);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    cut_words(text, chars.len(), |i| chars.get(i).map(|c| c.1), |i| chars.get(i).map_or(text.len(), |c| c.0))
}

/// [`words`] over `len` characters, the `i`th being `at(i)` at byte `offset(i)`.
fn cut_words(
    text: &str,
    len: usize,
    at: impl Fn(usize) -> Option<char>,
    offset: impl Fn(usize) -> usize,
) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < len {
        if !at(i).is_some_and(char::is_alphanumeric) {
            i += 1;
            continue;
        }
        let begin = i;
        i += 1;
        loop {
            match at(i) {
                Some(c) if c.is_alphanumeric() => i += 1,
                Some('\'' | '’' | '-' | '.' | '&') if at(i + 1).is_some_and(char::is_alphanumeric) => i += 2,
                Some(',')
                    if at(i - 1).is_some_and(|c| c.is_ascii_digit())
                        && at(i + 1).is_some_and(|c| c.is_ascii_digit()) =>
                {
                    i += 2
                }
                _ => break,
            }
        }
        let start = offset(begin);
        let body = &text[start..offset(i)];
        match at(i) {
            Some('%') if body.ends_with(|c: char| c.is_ascii_digit()) => i += 1,
            Some('.') if is_acronym_body(body) => i += 1,
            _ => {}
        }
        out.push(Word { text: &text[start..offset(i)], start });
    }
    out
}

/// `U.S`, `p.m`, or a single capital (an initial), whose period belongs to the word.
fn is_acronym_body(body: &str) -> bool {
    let single_capital = body.chars().count() == 1 && body.starts_with(char::is_uppercase);
    let dotted = body.contains('.')
        && body.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    single_capital || dotted
}

/// For each word, the number of the run of two or more capitalised words it
/// belongs to (1, 2, …), or 0. A run is broken by anything but one space, and
/// ends after a possessive (`Ukraine’s | Foreign Minister Dmytro Kuleba`).
fn capital_runs(sentence: &str, ws: &[Word]) -> Vec<u32> {
    let mut group = vec![0; ws.len()];
    let mut next = 0;
    let mut i = 0;
    while i < ws.len() {
        let mut j = i + 1;
        let joined =
            |a: &Word, b: &Word| &sentence[a.end()..b.start] == " " && strip_possessive(a.text).len() == a.text.len();
        while ws[i].is_capitalised() && j < ws.len() && ws[j].is_capitalised() && joined(&ws[j - 1], &ws[j]) {
            j += 1;
        }
        if j - i > 1 {
            next += 1;
            group[i..j].fill(next);
        }
        i = j;
    }
    group
}

/// Unifies curly apostrophes and drops a possessive `'s` or a trailing `'`.
/// Borrowed when there is no apostrophe (most words): grouping and the
/// aligner ask this of most words of every article.
pub fn strip_possessive(word: &str) -> Cow<'_, str> {
    if !word.contains(['\'', '’']) {
        return Cow::Borrowed(word);
    }
    let w = word.replace('’', "'");
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("'S")).unwrap_or(&w);
    Cow::Owned(w.trim_end_matches('\'').to_string())
}

/// Whether a word is written as an acronym: `U.S.`, `DNR`, `NATO` (two or more capitals).
pub fn is_acronym(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| *c != '.');
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}

/// What a term stands for; numbers and names weigh more in matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermKind {
    Word,
    Name,
    /// A figure or a day.
    Number,
    Year,
}

/// A normalised term of a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    pub key: String,
    pub kind: TermKind,
    /// The word as the sentence writes it (possessive dropped), for showing
    /// why two sentences match.
    pub text: String,
    /// The word's entry in the meaning model, for its frequency and, for
    /// ordinary words (not names or figures), its meaning.
    pub entry: Option<WordId>,
    /// Terms of one run of capitalised words share a non-zero group
    /// (`Ukrainian President Volodymyr Zelenskiy`), so the aligner can weigh a
    /// name and its title as one thing, no rarer than its most common word.
    pub group: u32,
}

/// Function words, attribution verbs and hedges: they say nothing about
/// which fact a sentence states.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "even", "ever", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must",
    "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
    "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "yet", "you", "your", "said", "says", "say", "saying", "stated", "told",
    "added", "according", "adding", "including", "however", "still", "already", "since", "though", "although",
    "whether", "within", "without", "s", "t",
];

/// Whether `word` is in `list`.
pub fn listed(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Whether a lowercase word is a stopword. Asked of every word of every
/// article when grouping, so the set hashes with Fx (not SipHash) and a
/// word longer than any stopword is not looked up at all.
pub fn is_stopword(lower: &str) -> bool {
    static SET: OnceLock<(FxHashSet<&'static str>, usize)> = OnceLock::new();
    let (set, longest) =
        SET.get_or_init(|| (STOPWORDS.iter().copied().collect(), STOPWORDS.iter().map(|w| w.len()).max().unwrap_or(0)));
    lower.len() <= *longest && set.contains(lower)
}

/// The full month name for a month word or abbreviation (`Feb`, `Feb.`, `Sept.`, `February`).
pub fn month(word: &str) -> Option<&'static str> {
    crate::dates::month_number(word).map(|n| crate::dates::MONTHS[n as usize - 1])
}

/// Turns sentences into terms, remembering the stems and model entries it
/// has already looked up.
pub struct Terms {
    stemmer: Stemmer,
    meaning: Option<&'static Meaning>,
    cache: HashMap<String, (String, Option<WordId>)>,
}

impl Default for Terms {
    fn default() -> Self {
        Terms { stemmer: Stemmer::create(Algorithm::English), meaning: meaning::get(), cache: HashMap::new() }
    }
}

impl Terms {
    /// The matching terms of one sentence, in order.
    pub fn of(&mut self, sentence: &str) -> Vec<Term> {
        let ws = words(sentence);
        let spans = numbers::scan(sentence, &ws);
        let group = capital_runs(sentence, &ws);
        let mut out = Vec::new();
        let mut span = spans.iter().peekable();
        let mut i = 0;
        while i < ws.len() {
            if let Some(n) = span.next_if(|n| n.first == i) {
                let (sigil, kind) = match n.kind {
                    NumberKind::Date => ('@', TermKind::Number),
                    NumberKind::Number | NumberKind::Spelled => ('#', TermKind::Number),
                    NumberKind::Year => ('#', TermKind::Year),
                };
                let text = sentence[ws[n.first].start..ws[n.last].end()].to_string();
                out.push(Term { key: format!("{sigil}{}", n.canonical), kind, text, entry: None, group: 0 });
                i = n.last + 1;
                continue;
            }
            let w = ws[i];
            let initial = i == 0 || sentence[..w.start].trim_end().ends_with(['“', '"', '(']);
            let from = out.len();
            self.push_word(w.text, initial, group[i] != 0, &mut out);
            out[from..].iter_mut().for_each(|t| t.group = group[i]);
            i += 1;
        }
        out
    }

    /// Words of a multi-word name (`in_name`) are not stemmed: `Denis`
    /// Pushilin must not meet `denies`.
    fn push_word(&mut self, raw: &str, initial: bool, in_name: bool, out: &mut Vec<Term>) {
        let word = strip_possessive(raw);
        if is_acronym(&word) {
            let bare = word.replace('.', "").to_lowercase();
            let entry = self.meaning.and_then(|m| m.word(&bare));
            out.push(Term { key: format!("^{bare}"), kind: TermKind::Name, text: word.into_owned(), entry, group: 0 });
            return;
        }
        if let Some(m) = month(&word)
            && word.starts_with(char::is_uppercase)
        {
            let entry = self.meaning.and_then(|model| model.word(m));
            out.push(Term { key: m.to_string(), kind: TermKind::Word, text: word.into_owned(), entry, group: 0 });
            return;
        }
        for part in word.split(['-', '.', '&', '\'']).filter(|p| !p.is_empty()) {
            let kind = if !initial && part.starts_with(char::is_uppercase) { TermKind::Name } else { TermKind::Word };
            let lower = part.to_lowercase();
            if is_stopword(&lower) {
                continue;
            }
            let (stem, entry) = self.lookup(lower.clone());
            let key = if in_name { lower } else { stem };
            out.push(Term { key, kind, text: part.to_string(), entry, group: 0 });
        }
    }

    /// The stem and model entry of a lowercase word, remembered.
    fn lookup(&mut self, lower: String) -> (String, Option<WordId>) {
        if let Some(hit) = self.cache.get(&lower) {
            return hit.clone();
        }
        let stem = self.stemmer.stem(&lower).into_owned();
        let entry = self.meaning.and_then(|m| m.word(&lower));
        self.cache.insert(lower, (stem.clone(), entry));
        (stem, entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).into_iter().map(|w| w.text).collect()
    }

    fn keys(s: &str) -> Vec<String> {
        Terms::default().of(s).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn every_listed_stopword_is_one_and_a_longer_word_is_not() {
        for w in STOPWORDS {
            assert!(is_stopword(w), "{w}");
        }
        assert!(!is_stopword("accordingly") && !is_stopword("thereupon") && !is_stopword("minister"));
    }

    #[test]
    fn words_keep_news_shapes_whole() {
        assert_eq!(
            texts("The U.S. estimates 150,000 troops, 30% more; Russia’s full-scale S&P 500 at 4 p.m."),
            vec![
                "The",
                "U.S.",
                "estimates",
                "150,000",
                "troops",
                "30%",
                "more",
                "Russia’s",
                "full-scale",
                "S&P",
                "500",
                "at",
                "4",
                "p.m."
            ]
        );
        assert_eq!(texts("\"J. R. R. Tolkien,\" he said."), vec!["J.", "R.", "R.", "Tolkien", "he", "said"]);
    }

    #[test]
    fn terms_are_normalised_and_stemmed() {
        assert_eq!(keys("The letters were dated Feb. 22."), vec!["letter", "date", "@February 22"]);
        assert_eq!(keys("the letters have been dated February 22"), vec!["letter", "date", "@February 22"]);
        assert_eq!(keys("Russia’s forces declared"), keys("Russia's force declares"));
        assert_eq!(keys("U.S. and US"), vec!["^us", "^us"]);
        assert_eq!(keys("Denis Pushilin denies it"), vec!["denis", "pushilin", "deni"]);
    }

    #[test]
    fn names_are_capitalised_words_not_at_sentence_start() {
        let terms = Terms::default().of("Troops met Pasechnik in Lugansk.");
        let kinds: Vec<TermKind> = terms.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, vec![TermKind::Word, TermKind::Word, TermKind::Name, TermKind::Name]);
    }

    #[test]
    fn months() {
        assert_eq!(month("Feb."), Some("february"));
        assert_eq!(month("Sept."), Some("september"));
        assert_eq!(month("February"), Some("february"));
        assert_eq!(month("Mark"), None);
        assert_eq!(month("Ma"), None);
    }
}
