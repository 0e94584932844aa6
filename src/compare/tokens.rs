//! Matching terms: the one place that decides when two spellings are "the
//! same word" for the aligner. [`Terms`] turns the words of a sentence (cut
//! by [`crate::words`]) into normalised terms: lowercased, curly quotes and
//! apostrophes unified, possessives dropped, month abbreviations expanded,
//! numbers and dates in one canonical form, stopwords dropped, and the rest
//! Snowball-stemmed, so that `declared`/`declare` or `letters`/`letter` meet.

use crate::meaning::{self, Meaning, WordId};
use crate::words::numbers::{self, NumberKind};
use crate::words::{Word, is_acronym, is_stopword, month, name_key, stems, strip_possessive, words};
use std::collections::HashMap;

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

/// Turns sentences into terms, remembering the model entries it has
/// already looked up (stems are remembered by [`stems`], for the whole
/// program).
pub struct Terms {
    meaning: Option<&'static Meaning>,
    entries: HashMap<String, Option<WordId>>,
}

impl Default for Terms {
    fn default() -> Self {
        Terms { meaning: meaning::get(), entries: HashMap::new() }
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
            let bare = name_key(&word);
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
        let stem = stems::stem(&lower);
        if let Some(&entry) = self.entries.get(&lower) {
            return (stem, entry);
        }
        let entry = self.meaning.and_then(|m| m.word(&lower));
        self.entries.insert(lower, entry);
        (stem, entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        Terms::default().of(s).into_iter().map(|t| t.key).collect()
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
}
