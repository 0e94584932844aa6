//! Who and what each account mentions, so the report can say which
//! people, places and organisations only one side names. The names
//! themselves are found by [`crate::words`]; here an article's names are
//! gathered once ("Putin" after "Vladimir Putin" is the same person) and
//! two articles' names set against each other.

use super::facts::Shared;
use crate::words::{NameRun, runs, same_word};

/// Everything one article says about names.
pub struct NameIndex {
    /// Reportable names in order of first mention, one per person or thing.
    pub names: Vec<NameRun>,
    /// Keys of every word of every run, sentence-initial ones included.
    words: Vec<String>,
    /// Keys of the single-word runs (`Putin` alone).
    singles: Vec<String>,
}

impl NameIndex {
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Self {
        let all: Vec<NameRun> = sentences.into_iter().flat_map(runs).collect();
        let mut words: Vec<String> = all.iter().flat_map(|r| r.keys.iter().cloned()).collect();
        words.sort();
        words.dedup();
        let singles = all.iter().filter(|r| r.keys.len() == 1).map(|r| r.keys[0].clone()).collect();
        let mut names: Vec<NameRun> = Vec::new();
        for run in all.iter().filter(|r| !r.initial) {
            let dup = names
                .iter()
                .any(|n| n.keys.len() == run.keys.len() && n.keys.iter().zip(&run.keys).all(|(a, b)| same_word(a, b)));
            // "Putin" after "Vladimir Putin" is the same person, "RIA" is "RIA Novosti".
            let surname = run.keys.len() == 1
                && all.iter().any(|r| r.keys.len() > 1 && r.keys.iter().any(|k| same_word(k, &run.keys[0])));
            if !dup && !surname {
                names.push(run.clone());
            }
        }
        NameIndex { names, words, singles }
    }

    /// Whether this article mentions `name`: all its words appear here, or
    /// this article calls it by its last word alone.
    pub fn mentions(&self, name: &NameRun) -> bool {
        let has = |set: &[String], k: &str| set.iter().any(|w| same_word(w, k));
        name.keys.iter().all(|k| has(&self.words, k))
            || (name.keys.len() > 1 && has(&self.singles, name.keys.last().unwrap()))
    }
}

/// The names both articles mention, and those only one does.
pub fn compare(left: &NameIndex, right: &NameIndex) -> Shared {
    let mut shared = Shared::default();
    for n in &left.names {
        let bucket = if right.mentions(n) { &mut shared.both } else { &mut shared.left_only };
        bucket.push(n.text.clone());
    }
    for n in right.names.iter().filter(|n| !left.mentions(n)) {
        shared.right_only.push(n.text.clone());
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_and_one_sided_names() {
        let left = NameIndex::new(["President Volodymyr Zelenskiy met Vladimir Putin.", "Later Pasechnik spoke."]);
        let right = NameIndex::new(["Putin spoke.", "Ukrainian President Volodymyr Zelensky met Antonio Guterres."]);
        let s = compare(&left, &right);
        assert_eq!(s.both, vec!["Volodymyr Zelenskiy", "Vladimir Putin"]);
        assert_eq!(s.left_only, vec!["Pasechnik"]);
        assert_eq!(s.right_only, vec!["Antonio Guterres"]);
    }
}
