//! English stemming with a memory, the one for the whole program: the index's
//! token filter, grouping's fingerprints and comparison's terms all stem
//! through it, so a word is stemmed the same way everywhere and at most once
//! per thread.
//!
//! Stemming every word of every article was the largest single cost of
//! indexing the body (about a seventh of `byline index`) and most of the cost
//! of an article's fingerprint, and a library repeats its words: a hundred
//! thousand articles of 650 words use some tens of thousands of distinct
//! ones. A remembered stem costs one hash lookup, where the stemmer walks its
//! suffix tables and allocates. The memory is per thread, so the parallel
//! passes never wait on each other, and it lasts across the many pieces a
//! parallel pass is cut into.

use frostem::{Algorithm, Stemmer};
use rustc_hash::FxBuildHasher;
use std::cell::RefCell;
use std::collections::HashMap;

/// Words remembered at most per thread (some 20 MB of short strings); then
/// the memory starts again. A million articles use more distinct words than
/// a hundred thousand of them.
const REMEMBERED: usize = 200_000;

/// The memory of one thread: each word's stem, and the stemmer for new words.
struct Memory {
    /// Each remembered word to where its stem is in `stems`: a word met
    /// again costs one lookup (looked up twice, to test and then to read,
    /// the words' hashing and comparing were a seventh of `byline index`).
    known: HashMap<Box<str>, u32, FxBuildHasher>,
    stems: Vec<Box<str>>,
    stemmer: Stemmer,
}

thread_local! {
    static MEMORY: RefCell<Memory> = RefCell::new(Memory {
        known: HashMap::default(),
        stems: Vec::new(),
        stemmer: Stemmer::new(Algorithm::English),
    });
}

impl Memory {
    /// The stem of `lower`, remembered.
    fn stem(&mut self, lower: &str) -> &str {
        let at = match self.known.get(lower) {
            Some(&at) => at,
            None => {
                if self.stems.len() >= REMEMBERED {
                    self.known.clear();
                    self.stems.clear();
                }
                self.stems.push(self.stemmer.stem(lower).into());
                let at = (self.stems.len() - 1) as u32;
                self.known.insert(lower.into(), at);
                at
            }
        };
        &self.stems[at as usize]
    }
}

/// Calls `f` with the English stem of a lowercase word. `f` must not stem
/// again itself (the memory is held while it runs).
pub fn with_stem<R>(lower: &str, f: impl FnOnce(&str) -> R) -> R {
    MEMORY.with_borrow_mut(|m| f(m.stem(lower)))
}

/// The English stem of a lowercase word.
pub fn stem(lower: &str) -> String {
    with_stem(lower, str::to_owned)
}

/// Replaces a lowercase word with its English stem, in its own buffer.
pub fn stem_in_place(word: &mut String) {
    MEMORY.with_borrow_mut(|m| {
        let stem = m.stem(word);
        if stem != word.as_str() {
            word.clear();
            word.push_str(stem);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_stems_are_the_stemmers_own() {
        let fresh = Stemmer::new(Algorithm::English);
        for _ in 0..2 {
            for w in ["letters", "declared", "recognized", "recognize", "dying", "news", "généralement", "пасечник"]
            {
                assert_eq!(stem(w), fresh.stem(w), "{w}");
                let mut buf = w.to_string();
                stem_in_place(&mut buf);
                assert_eq!(buf, fresh.stem(w), "{w}");
            }
        }
        assert_eq!(stem("letters"), "letter");
    }
}
