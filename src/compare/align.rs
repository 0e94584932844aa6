//! Sentence matching: which sentence of one account says what a sentence of
//! the other says, verbatim, edited, or in other words and another place.
//!
//! Each sentence becomes a set of weighted terms and of term bigrams.
//! Weights are IDF over the sentences of the two articles, so the words of
//! the story itself (Russia, Ukraine, Putin, troops) count little and the
//! words of one fact count much; numbers and names weigh extra. Every
//! left/right pair is scored (two articles have a few thousand pairs, which
//! is cheap), pairs that clear the thresholds are taken best first, each
//! sentence at most once. Order plays no part: outlets reorder.

use super::tokens::{Term, TermKind};
use std::collections::HashMap;

// The thresholds below were tuned on the seed articles. On 000 vs 001 (the
// same event, one side run through a synonym spinner) the paraphrases the
// module must find score, in evidence units: the letters "dated Feb. 22" /
// "dated February 22" 11.7, the Nord Stream 2 sanctions 8.0, the state of
// emergency 3.3; the strongest false pairs score 2.7 ("parliament …
// authority … regions" against "parliament … regional authorities") and
// 2.4 (the stock-market sentence against a list of countries imposing
// sanctions, sharing "Australia" and "Japan"). Hence the paraphrase
// threshold of 3.0. Lexical evidence cannot do better than that margin: a
// shared idiom ("pave the way") scores like a shared key phrase ("state of
// emergency"), so some false pairs between accounts of related events pass.

/// IDF is raised to this power: it widens the gap between a word of one
/// fact (in 2 of 80 sentences: weight ~50) and a word of the whole story (in
/// 20 of 80: ~2.7), a ratio of 19 where plain IDF gives 2.7, too little for
/// a spun paraphrase to beat two sentences that merely share topic words.
pub const IDF_POWER: f64 = 3.0;

/// Extra weight of a figure or a day (`150,000`, `February 22`): two
/// sentences of one story that give the same rare figure nearly always
/// state the same fact, so one such figure is enough evidence by itself.
pub const NUMBER_BOOST: f64 = 3.0;

/// Extra weight of a name term, and of a year (`in 2014` is background as
/// often as news, so a year is no figure).
pub const NAME_BOOST: f64 = 1.2;

/// A shared bigram (two consecutive terms on both sides, `state emergency`,
/// `date February 22`) adds this many times its two terms' weights on top of
/// the terms themselves: a shared phrase is much stronger evidence than two
/// words scattered in a list (`Australia, Japan`). Bigrams inside one name
/// do not count: the name already does.
pub const BIGRAM_BONUS: f64 = 2.0;

/// At or above this weighted Dice overlap a pair matches on overlap alone:
/// the same sentence, lightly edited (the Pushilin sentence of 002/004,
/// "the DNR" / "the Donetsk People's Republic", has 0.83; "Moscow denies
/// that." / "Moscow has denied those allegations." 0.56).
pub const EDITED_DICE: f64 = 0.5;

/// Below [`EDITED_DICE`], a pair matches when its shared evidence (weights of
/// shared terms plus bigram bonuses) reaches this much, i.e. several rare
/// terms or one rare phrase: the same fact in other words. Expressed in
/// units of the weight of a term found in only two sentences.
pub const PARAPHRASE_EVIDENCE: f64 = 3.0;

/// ... and when the shared evidence is at least this share of the smaller
/// sentence's own weight, so that a long sentence full of rare words cannot
/// pair with anything that happens to share a few of them.
pub const PARAPHRASE_SHARE: f64 = 0.12;

/// A matched pair: sentence indices and how surely it says the same thing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    pub left: usize,
    pub right: usize,
    pub score: f64,
}

/// One sentence's terms, interned and weighed.
struct Bag {
    /// Unique term ids, sorted, with their weight in this sentence.
    terms: Vec<(u32, f64)>,
    /// Unique bigrams of consecutive term ids, sorted, with their two weights.
    bigrams: Vec<(u64, f64)>,
    /// Sum of the weights of `terms`.
    weight: f64,
}

impl Bag {
    /// `seq` holds the sentence's (term id, name group) in order.
    fn new(seq: &[(u32, u32)], weights: &[f64]) -> Self {
        let mut w: Vec<f64> = seq.iter().map(|&(id, _)| weights[id as usize]).collect();
        // A run of capitalised words is one thing, weighing as its most common
        // word, carried by its last word: "Ukrainian President Volodymyr
        // Zelenskiy" counts as much as "Zelenskiy" at most, and "Vladimir" is
        // not rare evidence just because a story names Putin in full once.
        for k in 0..seq.len() {
            let g = seq[k].1;
            if g != 0 && seq.get(k + 1).is_none_or(|next| next.1 != g) {
                let members = (0..=k).rev().take_while(|&j| seq[j].1 == g);
                let least = members.clone().map(|j| weights[seq[j].0 as usize]).fold(f64::MAX, f64::min);
                members.for_each(|j| w[j] = 0.0);
                w[k] = least;
            }
        }
        let mut terms: Vec<(u32, f64)> = seq.iter().zip(&w).map(|(t, w)| (t.0, *w)).collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        terms.dedup_by_key(|t| t.0);
        let mut bigrams: Vec<(u64, f64)> = (1..seq.len())
            .filter(|&k| seq[k].1 == 0 || seq[k].1 != seq[k - 1].1)
            .map(|k| ((u64::from(seq[k - 1].0) << 32) | u64::from(seq[k].0), w[k - 1] + w[k]))
            .collect();
        bigrams.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        bigrams.dedup_by_key(|b| b.0);
        let weight = terms.iter().map(|t| t.1).sum();
        Bag { terms, bigrams, weight }
    }
}

/// How strongly two sentences say the same thing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    /// Weighted Dice overlap of the two term sets, 0 to 1.
    pub dice: f64,
    /// Shared term weight plus bigram bonuses, in units of a two-sentence term.
    pub shared: f64,
    /// `shared` over the smaller sentence's weight.
    pub share: f64,
    /// The part of `shared` due to shared bigrams.
    pub phrases: f64,
}

impl Evidence {
    pub fn matches(&self) -> bool {
        self.dice >= EDITED_DICE || (self.shared >= PARAPHRASE_EVIDENCE && self.share >= PARAPHRASE_SHARE)
    }

    /// Ranking among matching pairs: overlap and evidence, about equally
    /// (evidence of 10 units, a very strong paraphrase, counts as full overlap).
    fn rank(&self) -> f64 {
        self.dice + self.shared.min(10.0) / 10.0
    }

    /// How surely the pair says the same thing, 0 to 1: the overlap, or for
    /// a paraphrase its evidence (one half at the paraphrase threshold).
    pub fn score(&self) -> f64 {
        let confidence = self.shared / (self.shared + PARAPHRASE_EVIDENCE);
        self.dice.max(confidence).clamp(0.0, 1.0)
    }
}

/// Scores every pair of sentences of the two sides.
pub struct Scorer {
    left: Vec<Bag>,
    right: Vec<Bag>,
    unit: f64,
}

impl Scorer {
    pub fn new<'a>(left: &'a [Vec<Term>], right: &'a [Vec<Term>]) -> Self {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut kinds: Vec<TermKind> = Vec::new();
        let ls = intern(left, &mut ids, &mut kinds);
        let rs = intern(right, &mut ids, &mut kinds);
        // N + 1 keeps the weight of a term in every sentence above zero, so
        // that two one-sentence articles still compare.
        let n = (ls.len() + rs.len()) as f64 + 1.0;
        let mut df = vec![0u32; kinds.len()];
        for seq in ls.iter().chain(&rs) {
            let mut uniq: Vec<u32> = seq.iter().map(|t| t.0).collect();
            uniq.sort_unstable();
            uniq.dedup();
            for id in uniq {
                df[id as usize] += 1;
            }
        }
        let weights: Vec<f64> = df
            .iter()
            .zip(&kinds)
            .map(|(&d, kind)| {
                let boost = match kind {
                    TermKind::Number => NUMBER_BOOST,
                    TermKind::Name | TermKind::Year => NAME_BOOST,
                    TermKind::Word => 1.0,
                };
                (n / f64::from(d)).ln().powf(IDF_POWER) * boost
            })
            .collect();
        let unit = (n / 2.0).ln().powf(IDF_POWER);
        let bag = |seq: &Vec<(u32, u32)>| Bag::new(seq, &weights);
        let left = ls.iter().map(bag).collect();
        let right = rs.iter().map(bag).collect();
        Scorer { left, right, unit }
    }

    /// The evidence that left sentence `l` and right sentence `r` say the same.
    pub fn evidence(&self, l: usize, r: usize) -> Evidence {
        let (a, b) = (&self.left[l], &self.right[r]);
        let common: f64 = intersect(&a.terms, &b.terms).sum();
        let phrases: f64 = intersect(&a.bigrams, &b.bigrams).sum();
        let total = a.weight + b.weight;
        let dice = if total > 0.0 { (2.0 * common / total).min(1.0) } else { 0.0 };
        let shared = (common + BIGRAM_BONUS * phrases) / self.unit;
        let smaller = a.weight.min(b.weight) / self.unit;
        let share = if smaller > 0.0 { shared / smaller } else { 0.0 };
        Evidence { dice, shared, share, phrases: BIGRAM_BONUS * phrases / self.unit }
    }

    /// One-to-one matches, best first, then sorted by left index. Pairs
    /// for which `identical` holds match first, with score 1.
    pub fn matches(&self, identical: impl Fn(usize, usize) -> bool) -> Vec<Pair> {
        let mut candidates: Vec<(f64, usize, usize, f64)> = Vec::new();
        for l in 0..self.left.len() {
            for r in 0..self.right.len() {
                if identical(l, r) {
                    candidates.push((f64::INFINITY, l, r, 1.0));
                    continue;
                }
                let e = self.evidence(l, r);
                if e.matches() {
                    candidates.push((e.rank(), l, r, e.score()));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut left_taken = vec![false; self.left.len()];
        let mut right_taken = vec![false; self.right.len()];
        let mut pairs = Vec::new();
        for (_, l, r, score) in candidates {
            if !left_taken[l] && !right_taken[r] {
                left_taken[l] = true;
                right_taken[r] = true;
                pairs.push(Pair { left: l, right: r, score });
            }
        }
        pairs.sort_by_key(|p| p.left);
        pairs
    }
}

/// Term ids of each sentence, in order. A key capitalised mid-sentence
/// anywhere is a name.
fn intern<'a>(
    side: &'a [Vec<Term>],
    ids: &mut HashMap<&'a str, u32>,
    kinds: &mut Vec<TermKind>,
) -> Vec<Vec<(u32, u32)>> {
    let mut id_of = |t: &'a Term| {
        let id = *ids.entry(t.key.as_str()).or_insert_with(|| {
            kinds.push(t.kind);
            kinds.len() as u32 - 1
        });
        if t.kind != TermKind::Word {
            kinds[id as usize] = t.kind;
        }
        (id, t.group)
    };
    side.iter().map(|terms| terms.iter().map(&mut id_of).collect()).collect()
}

/// The smaller weight of each key present in both sorted, deduplicated slices.
fn intersect<'a, K: Ord + Copy>(a: &'a [(K, f64)], b: &'a [(K, f64)]) -> impl Iterator<Item = f64> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(a[i - 1].1.min(b[j - 1].1));
                }
            }
        }
        None
    })
}
