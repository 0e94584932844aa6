//! How much of one sentence another says, word by word, by letters or by
//! meaning: the measure every match decision and the graded similarity are
//! built on.
//!
//! Each term of a sentence is weighed by how rare it is (in the language,
//! from the meaning model's frequency ranks, and in the two articles at
//! hand: the words of the whole story count less, see `align`). It is
//! covered by the other sentence when that sentence has the same term, or an
//! acronym the term's name stands for, fully (1); or, for ordinary words, a
//! word near it in meaning, as much as their similarity (`assist` for
//! `help`, 0.6–0.8). Names and figures are covered by their letters only:
//! "Bloomberg" is no "Reuters" however near their vectors are.

use crate::meaning::{Meaning, WordId};

/// Below this cosine two words are not taken for one another; above it a
/// word is said as much as the cosine rises from here to 1 (a close synonym
/// at 0.7 counts half; "final" for "complete" at 0.45 next to nothing).
/// Chosen on both yardsticks: MSRP train's AUC of the covered share 0.772
/// with the cosine itself as the credit, 0.769 with this; align-dev's best
/// F1 0.638 with the cosine, 0.659 with this, 0.652 from 0.5. Below 0.4,
/// unrelated words ("cat"/"car" 0.23, "help"/"war" 0.07) stay out.
pub const NEAR: f32 = 0.4;

/// Past this many distinct words on each side (book-length texts), words are
/// matched by their letters alone: the meaning table would cost
/// `left × right` vector products.
const MAX_MEANING_PAIRS: usize = 16_000_000;

/// One term of a sentence, ready to score.
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    /// Interned key.
    pub key: u32,
    /// Interned key of an acronym the term's name stands for.
    pub alias: Option<u32>,
    /// Index among the side's distinct meaningful words, for ordinary words.
    pub meaning: Option<u32>,
    pub weight: f32,
}

/// A sentence's terms and, sorted for lookups, the keys it answers to and
/// the meaningful words it holds.
#[derive(Clone, Debug, Default)]
pub struct Sent {
    pub toks: Vec<Tok>,
    keys: Vec<u32>,
    meanings: Vec<u32>,
    /// Sum of the terms' weights.
    pub weight: f32,
}

impl Sent {
    pub fn new(toks: Vec<Tok>) -> Self {
        let mut keys: Vec<u32> = toks.iter().flat_map(|t| std::iter::once(t.key).chain(t.alias)).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut meanings: Vec<u32> = toks.iter().filter_map(|t| t.meaning).collect();
        meanings.sort_unstable();
        meanings.dedup();
        let weight = toks.iter().map(|t| t.weight).sum();
        Sent { toks, keys, meanings, weight }
    }

    fn has_key(&self, k: u32) -> bool {
        self.keys.binary_search(&k).is_ok()
    }
}

/// For each distinct meaningful word of one side, the words of the other
/// side near it in meaning (cosine at least [`NEAR`]), with their credit.
pub struct Near {
    neighbours: Vec<Vec<(u32, f32)>>,
}

impl Near {
    /// Both directions' tables for the distinct words of the two sides.
    pub fn between(model: Option<&Meaning>, left: &[WordId], right: &[WordId]) -> [Near; 2] {
        let empty = |n: usize| Near { neighbours: vec![Vec::new(); n] };
        let Some(m) = model.filter(|_| left.len() * right.len() <= MAX_MEANING_PAIRS) else {
            return [empty(left.len()), empty(right.len())];
        };
        let (mut l, mut r) = (empty(left.len()), empty(right.len()));
        // Each side's vectors decoded to f32 once, one after another: every
        // pair's cosine is then a plain f32 product, which vectorises (the
        // products are most of a long comparison's time).
        let dims = m.dims();
        let decode = |ws: &[WordId]| {
            let mut out = vec![0f32; ws.len() * dims];
            ws.iter().zip(out.chunks_mut(dims)).for_each(|(&w, v)| m.add_to(v, w, 1.0));
            out
        };
        let (lv, rv) = (decode(left), decode(right));
        for (i, (&a, x)) in left.iter().zip(lv.chunks(dims)).enumerate() {
            for (j, (&b, y)) in right.iter().zip(rv.chunks(dims)).enumerate() {
                let c = if a == b { 1.0 } else { dot(x, y) };
                if c >= NEAR {
                    let credit = (c - NEAR) / (1.0 - NEAR);
                    l.neighbours[i].push((j as u32, credit));
                    r.neighbours[j].push((i as u32, credit));
                }
            }
        }
        [l, r]
    }
}

/// How one sentence is covered by another.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cover {
    /// Weight of the terms said by the other sentence, by letters or meaning.
    pub said: f32,
    /// The sentence's whole weight.
    pub total: f32,
}

impl Cover {
    /// The share of the sentence the other says, 0 to 1.
    pub fn share(&self) -> f32 {
        if self.total > 0.0 { (self.said / self.total).min(1.0) } else { 0.0 }
    }
}

/// How a term of `a` is said in `b`: 1 by its letters (or its acronym), the
/// credit of the nearest word in meaning (see [`NEAR`]), else 0; and that word.
pub fn said(t: &Tok, b: &Sent, near: &Near) -> (f32, Option<u32>) {
    if b.has_key(t.key) || t.alias.is_some_and(|k| b.has_key(k)) {
        return (1.0, None);
    }
    let Some(m) = t.meaning else { return (0.0, None) };
    let mut best = (0.0, None);
    for &(other, c) in &near.neighbours[m as usize] {
        if c > best.0 && b.meanings.binary_search(&other).is_ok() {
            best = (c, Some(other));
        }
    }
    best
}

/// How much of `a` sentence `b` says; `near` is the table from `a`'s side.
pub fn cover(a: &Sent, b: &Sent, near: &Near) -> Cover {
    let said = a.toks.iter().filter(|t| t.weight > 0.0).map(|t| t.weight * said(t, b, near).0).sum();
    Cover { said, total: a.weight }
}

/// The product of two vectors, in eight running sums so that it vectorises.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut sums = [0f32; 8];
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        sums.iter_mut().zip(x.iter().zip(y)).for_each(|(s, (x, y))| *s += x * y);
    }
    let tail: f32 = a.chunks_exact(8).remainder().iter().zip(b.chunks_exact(8).remainder()).map(|(x, y)| x * y).sum();
    sums.iter().sum::<f32>() + tail
}
