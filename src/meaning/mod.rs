//! What words mean beyond their letters, so that comparison can see the same
//! fact in other words: "asked Moscow for military help" and "requested
//! Moscow for navy assist", "renounce" and "drop", "stated" and "said".
//!
//! Letters alone cannot: on news sentence pairs labelled paraphrase or not,
//! the lexical matcher that came before this module barely beat calling
//! every pair a paraphrase. This module is a static embedding model: one
//! vector per word, so a sentence's meaning is a weighted mean of its words'
//! vectors and two words are near when their vectors are. No network, no
//! service, no download: the table is an asset the binary carries
//! (`assets/meaning/words.bin`, written by `assets/meaning/build.py`), read in
//! place on first use ([`table`] says how), so it costs the first frame
//! nothing and a lookup a binary search.
//!
//! What the table is, and why (figures from `assets/meaning/README.md`):
//! the words of all-MiniLM-L6-v2's vocabulary (Apache-2.0), each run
//! through that sentence encoder on its own and mean-pooled, the Model2Vec
//! way, then reduced by PCA and quantised to a byte per dimension. Words the
//! vocabulary splits into pieces (`renounce`) get the same treatment when
//! WordNet lists them, and WordNet's synonyms pull their vectors together
//! (retrofitting), so the thesaurus words a rewrite swaps in meet.
//!
//! What it is not: a name matcher. Names are matched by their letters in
//! `compare`; this module is asked only about ordinary words, so that
//! "Bloomberg" is never "Reuters" however close their vectors are.

mod lemma;
mod table;

pub use table::BadTable;
use table::Table;

use std::sync::OnceLock;

/// The table's bytes, carried by the binary.
static BYTES: &[u8] = include_bytes!("../../assets/meaning/words.bin");

/// A word of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WordId(u32);

/// The model: the table, read once.
pub struct Meaning {
    table: Table<'static>,
}

/// The model the binary carries, or why it cannot be read (a broken build:
/// a test reads it). Read on first use and kept.
pub fn model() -> Result<&'static Meaning, &'static BadTable> {
    static MODEL: OnceLock<Result<Meaning, BadTable>> = OnceLock::new();
    MODEL.get_or_init(|| Table::read(BYTES).map(|table| Meaning { table })).as_ref()
}

/// The model, or `None` (logged once) when it cannot be read: comparison then
/// works on letters alone, as it did before.
pub fn get() -> Option<&'static Meaning> {
    static WARNED: OnceLock<()> = OnceLock::new();
    match model() {
        Ok(m) => Some(m),
        Err(e) => {
            WARNED.get_or_init(|| tracing::warn!("meaning: {e}; comparing by letters alone"));
            None
        }
    }
}

impl Meaning {
    /// The entry of a lowercase word or of its lemma (`renounced` → `renounce`).
    pub fn word(&self, lower: &str) -> Option<WordId> {
        lemma::find(&self.table, lower).map(|i| WordId(i as u32))
    }

    /// The table's spelling of a word.
    pub fn text(&self, w: WordId) -> &'static str {
        self.table.word(w.0 as usize)
    }

    /// How near two words' meanings are: the cosine of their vectors, about
    /// 1 for the same word, 0.6–0.8 for close synonyms, under 0.3 for
    /// unrelated words.
    pub fn similarity(&self, a: WordId, b: WordId) -> f32 {
        if a == b { 1.0 } else { self.table.cosine(a.0 as usize, b.0 as usize) }
    }

    /// The word's frequency rank in the model's vocabulary, 0 the most common.
    pub fn rank(&self, w: WordId) -> u32 {
        self.table.rank(w.0 as usize)
    }

    /// How many words the table holds (the rank of a word it lacks).
    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Adds `weight` times the word's unit vector to `sum` (of length [`Meaning::dims`]).
    pub fn add_to(&self, sum: &mut [f32], w: WordId, weight: f32) {
        let (v, scale) = self.table.vector(w.0 as usize);
        let k = weight * scale;
        sum.iter_mut().zip(v).for_each(|(s, &x)| *s += k * f32::from(x));
    }

    /// The length of a vector.
    pub fn dims(&self) -> usize {
        self.table.dims()
    }
}

/// Cosine of two summed vectors; 0 when either is empty.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (mut ab, mut aa, mut bb) = (0f32, 0f32, 0f32);
    for (x, y) in a.iter().zip(b) {
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    if aa > 0.0 && bb > 0.0 { ab / (aa.sqrt() * bb.sqrt()) } else { 0.0 }
}

#[cfg(test)]
mod tests;
