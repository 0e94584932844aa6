//! Acronyms and the names they stand for, so that "NATO" meets "the North
//! Atlantic Treaty Organization" and "the DNR" meets "the Donetsk People's
//! Republic": outlets spell a name out or abbreviate it as they please.
//!
//! Two sources, both the articles themselves (no list of acronyms is
//! carried, so none goes stale): a definition in the text, a name followed
//! by its acronym in brackets or the other way round (`Donetsk People's
//! Republic (DNR)`: the acronym need not be the name's initials, since it
//! may come from another language), and initials, a run of capitalised words
//! whose first letters, small words skipped, spell an acronym found in either
//! article (`North Atlantic Treaty Organization`, NATO).

use super::tokens::{Term, TermKind};
use crate::words::{Word, is_acronym, name_key, strip_possessive, words};
use std::collections::{HashMap, HashSet};

/// Small words inside a name that its initials skip: "Organization *of*
/// *the* Petroleum Exporting Countries".
const SKIPPED: &[&str] = &["of", "the", "and", "for", "on", "in", "de", "la", "du", "des"];

/// Which names stand for which acronyms.
#[derive(Debug, Default)]
pub struct Expansions {
    /// Acronym key (`^nato`) to each name it stands for, as the lowercase
    /// words of the name (small words left out).
    by_acronym: HashMap<String, Vec<Vec<String>>>,
}

/// A name in a sentence: its words (lowercase, possessive and small words
/// dropped), its initials, and where it ends.
struct Name {
    words: Vec<String>,
    initials: String,
    end: usize,
    start: usize,
}

/// Runs of two or more capitalised words (acronyms aside) joined by single
/// spaces or small words: the names an acronym may stand for.
fn names(sentence: &str, ws: &[Word<'_>]) -> Vec<Name> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let capital = |w: &Word| w.is_capitalised() && !is_acronym(w.text);
        if !capital(&ws[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last = i;
        while j < ws.len() && &sentence[ws[j - 1].end()..ws[j].start] == " " {
            if capital(&ws[j]) {
                last = j;
            } else if !SKIPPED.contains(&ws[j].text) {
                break;
            }
            j += 1;
        }
        // A sentence's capital "The" opens no name: "The International Atomic
        // Energy Agency" is IAEA.
        let first = ws[i..=last].iter().position(|w| !SKIPPED.contains(&w.text.to_lowercase().as_str())).unwrap_or(0);
        let run: Vec<&Word> = ws[i + first..=last].iter().filter(|w| capital(w)).collect();
        if run.len() > 1 {
            out.push(Name {
                words: run.iter().map(|w| strip_possessive(w.text).to_lowercase()).collect(),
                initials: run.iter().filter_map(|w| w.text.chars().next()).flat_map(char::to_lowercase).collect(),
                start: ws[i + first].start,
                end: ws[last].end(),
            });
        }
        i = last + 1;
    }
    out
}

impl Expansions {
    /// Finds the acronyms of all `sentences` (both articles', with their
    /// terms) and the names they stand for.
    pub fn find(sentences: &[(&str, &[Term])]) -> Self {
        let acronyms: HashSet<&str> = sentences
            .iter()
            .flat_map(|(_, ts)| ts.iter())
            .filter(|t| t.key.starts_with('^') && t.kind == TermKind::Name)
            .map(|t| t.key.as_str())
            .collect();
        let mut out = Expansions::default();
        if acronyms.is_empty() {
            return out;
        }
        for (text, _) in sentences {
            for name in names(text, &words(text)) {
                let spelled = format!("^{}", name.initials);
                if acronyms.contains(spelled.as_str()) {
                    out.add(&spelled, name.words.clone());
                }
                // "Donetsk People's Republic (DNR)" and "DNR (Donetsk People's Republic)".
                let after = text[name.end..].strip_prefix(" (").and_then(|t| t.split_once(')')).map(|t| t.0);
                let before = text[..name.start].strip_suffix(" (").and_then(|t| t.rsplit(' ').next());
                for acronym in [after, before].into_iter().flatten() {
                    let key = format!("^{}", name_key(acronym));
                    if is_acronym(acronym) && acronyms.contains(key.as_str()) {
                        out.add(&key, name.words.clone());
                    }
                }
            }
        }
        out
    }

    fn add(&mut self, acronym: &str, name: Vec<String>) {
        let list = self.by_acronym.entry(acronym.to_string()).or_default();
        if !list.contains(&name) {
            list.push(name);
        }
    }

    /// For each term of a sentence, the acronym key it also answers to when
    /// it is a word of a name that acronym stands for.
    pub fn aliases(&self, terms: &[Term]) -> Vec<Option<String>> {
        let mut out = vec![None; terms.len()];
        if self.by_acronym.is_empty() {
            return out;
        }
        let lower: Vec<String> = terms.iter().map(|t| t.text.to_lowercase()).collect();
        for (acronym, names) in &self.by_acronym {
            for name in names {
                for start in 0..terms.len().saturating_sub(name.len() - 1) {
                    if lower[start..start + name.len()].iter().zip(name).all(|(a, b)| a == b) {
                        out[start..start + name.len()].fill(Some(acronym.clone()));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::Terms;
    use super::*;

    fn aliases_in(article: &[&str], sentence: &str) -> Vec<(String, Option<String>)> {
        let mut t = Terms::default();
        let all: Vec<Vec<Term>> = article.iter().map(|s| t.of(s)).collect();
        let pairs: Vec<(&str, &[Term])> = article.iter().copied().zip(all.iter().map(Vec::as_slice)).collect();
        let e = Expansions::find(&pairs);
        let terms = t.of(sentence);
        terms.iter().map(|t| t.text.to_lowercase()).zip(e.aliases(&terms)).collect()
    }

    #[test]
    fn initials_spell_an_acronym_either_article_uses() {
        let spelled = "It dropped its bid for the North Atlantic Treaty Organization.";
        let got = aliases_in(&["Kyiv wants to join NATO soon.", spelled], spelled);
        let named: Vec<&str> =
            got.iter().filter(|(_, a)| a.as_deref() == Some("^nato")).map(|(k, _)| k.as_str()).collect();
        assert_eq!(named, vec!["north", "atlantic", "treaty", "organization"]);
    }

    #[test]
    fn a_bracketed_definition_ties_a_name_to_an_acronym_of_other_letters() {
        let article = ["The self-proclaimed Donetsk People's Republic (DNR) asked for help.", "The DNR leader spoke."];
        let got = aliases_in(&article, "The head of the Donetsk People's Republic spoke.");
        let named: Vec<&str> =
            got.iter().filter(|(_, a)| a.as_deref() == Some("^dnr")).map(|(k, _)| k.as_str()).collect();
        assert_eq!(named, vec!["donetsk", "people", "republic"]);
    }

    #[test]
    fn names_that_spell_no_acronym_get_none() {
        let got = aliases_in(&["The UN met."], "North Atlantic leaders met in New York.");
        assert!(got.iter().all(|(_, a)| a.is_none()), "{got:?}");
    }
}
