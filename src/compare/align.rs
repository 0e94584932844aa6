//! Sentence matching: which sentences of one account say what sentences of
//! the other say, verbatim, edited, in other words, or merged into one.
//!
//! Every left/right pair is measured (`soft`: how much of each the other
//! says, by letters and meaning, weighed by rarity) and given the log-odds
//! that it states the same fact (`pair`, fitted on labelled news pairs). In
//! two whole articles a sentence has many candidates and at most one or two
//! partners, so the odds are lowered with the number of candidates; then
//! clear winners are taken first, and a near tie is settled by the order of
//! the matches around it (outlets reorder, but not at random: ledes tend to
//! match ledes). Last, a sentence that says what two neighbouring sentences
//! of the other side say together is matched with both.

use super::acronyms::Expansions;
use super::pair::{Measures, probability};
use super::soft::{self, Near, Sent, Tok};
use super::tokens::{Term, TermKind};
use crate::meaning::{self, Meaning, WordId};
use std::collections::HashMap;
use std::ops::Range;

/// A term's weight is its rarity in the language (the meaning model's
/// frequency rank: `ln(rank + 2) / ln(words + 2)`, 0.5 for a common word
/// such as "people", 1 for a word the model does not know) raised to this
/// power. Chosen on MSRP train: 5-fold AUC 0.768 at 1, 0.764 at 2, 0.761 at
/// 3 (STS dev prefers higher powers a little: r 0.804, 0.802, 0.807).
const RARITY_POWER: f64 = 1.0;

/// A figure or a day (`150,000`, `February 22`) weighs this many times a
/// word the model does not know: two sentences that give the same figure
/// mostly state the same fact. Chosen on both yardsticks: align-dev's best
/// F1 0.659 at 1, 0.673 at 2, 0.648 at 3; MSRP train's AUC 0.772, 0.768,
/// 0.761 (its accuracy 72.5%, 72.7%, 72.8%).
const NUMBER_BOOST: f64 = 2.0;

/// ... times how little the two articles use it: a term in at most two of
/// their sentences keeps its weight, one in many counts for less,
/// `min(1, ln((n + 1) / df) / ln((n + 1) / 2))` to this power (`n`
/// sentences in all, `df` of them with the term), so that the words of the
/// whole story (Russia, troops, Putin) do not make every sentence a match for
/// every other. Chosen on align-dev (16 pairs of ECB+ articles): F1 0.647
/// at 0.5, 0.669 at 1, 0.650 at 1.5, 0.663 at 2 (precision 0.77 to 0.90).
const STORY_POWER: f64 = 1.0;

/// The log-odds of a match are raised by this times `1 - 1/k`, `k` the
/// smaller article's sentence count: nothing for two single sentences,
/// which must say the same thing to match (MSRP's test: a paraphrase), and
/// nearly all of it for two articles, which report one event and share
/// facts stated in other words, with more or less detail, while the rest
/// of the alignment guards each link (one partner per sentence, the order
/// around it). Chosen on align-dev (merges at 0.3): F1 0.653 at 1.4, 0.638
/// at 1.6, 0.667 at 1.8, 0.666 at 2.0, 0.641 at 2.2 (precision 0.93, 0.87,
/// 0.85, 0.80, 0.72): the best F1 that keeps precision at 0.85.
const CONTEXT_BONUS: f64 = 1.8;

/// A best candidate whose log-odds beat every rival for both its sentences
/// by this much is a clear match and anchors the order of the others
/// (align-dev F1 0.671 at 0.25, 0.669 at 0.5 and at 1: it matters little).
const CLEAR_MARGIN: f64 = 0.5;

/// Log-odds added to a candidate that sits between the clear matches
/// around it; enough to settle a near tie, too little to make a match
/// (align-dev F1 0.674 without, 0.669 at 0.3 and 0.6: kept for ties in
/// articles longer than align-dev's, where ledes match ledes).
const IN_ORDER: f64 = 0.3;

/// A neighbouring sentence joins a match when the matched sentence of the
/// other side says at least this share of it, and says this much more of
/// the matched sentence with it than without. Chosen on align-dev: F1 0.669
/// with 0.3 against 0.661 with 0.5 (recall 0.549 against 0.538, the same
/// precision); a gain of 0.05 or 0.1 gives the same, 0.2 loses recall.
const MERGE_SAID: f32 = 0.3;
const MERGE_GAIN: f32 = 0.1;

/// A matched group: consecutive left sentences with consecutive right ones
/// (one each, or one against two), and how surely they say the same.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub left: Range<usize>,
    pub right: Range<usize>,
    /// 0 to 1: the probability that the group states the same fact; 1 for
    /// identical sentences.
    pub score: f64,
}

/// The two articles' sentences, measured against each other.
pub struct Scorer<'a> {
    terms: [&'a [Vec<Term>]; 2],
    sents: [Vec<Sent>; 2],
    near: [Near; 2],
    /// Log-odds of every pair, left-major, before the candidate penalty.
    logits: Vec<f64>,
    /// The harmonic mean of the covered shares of every pair.
    both: Vec<f64>,
    /// What the context adds to every pair's log-odds.
    context: f64,
}

impl<'a> Scorer<'a> {
    pub fn new(left: &'a [Vec<Term>], right: &'a [Vec<Term>], expansions: &Expansions) -> Self {
        let model = meaning::get();
        let mut keys: HashMap<&str, u32> = HashMap::new();
        let mut names: Vec<bool> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        for t in left.iter().chain(right).flatten() {
            let id = *keys.entry(t.key.as_str()).or_insert_with(|| {
                names.push(false);
                df.push(0);
                names.len() as u32 - 1
            });
            // A word capitalised mid-sentence anywhere is a name everywhere.
            names[id as usize] |= t.kind != TermKind::Word;
        }
        let aliases: Vec<Vec<Option<String>>> = left.iter().chain(right).map(|s| expansions.aliases(s)).collect();
        for s in left.iter().chain(right) {
            let mut ids: Vec<u32> = s.iter().map(|t| keys[t.key.as_str()]).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.into_iter().for_each(|id| df[id as usize] += 1);
        }
        let n = (left.len() + right.len()) as f64;
        let story = |d: u32| ((n + 1.0) / f64::from(d)).ln() / ((n + 1.0) / 2.0).ln();
        let vocabulary = model.map_or(1, Meaning::len) as f64;
        let rarity = |t: &Term| match (t.kind, t.entry, model) {
            (TermKind::Number, ..) => NUMBER_BOOST,
            (_, None, _) | (_, _, None) => 1.0,
            (_, Some(w), Some(m)) => (f64::from(m.rank(w)) + 2.0).ln() / (vocabulary + 2.0).ln(),
        };
        let mut words: [Vec<WordId>; 2] = [Vec::new(), Vec::new()];
        let mut sents: [Vec<Sent>; 2] = [Vec::new(), Vec::new()];
        for (side, list) in [left, right].into_iter().enumerate() {
            let mut index: HashMap<WordId, u32> = HashMap::new();
            for (k, terms) in list.iter().enumerate() {
                let alias = &aliases[side * left.len() + k];
                let mut toks: Vec<Tok> = terms
                    .iter()
                    .zip(alias)
                    .map(|(t, a)| {
                        let key = keys[t.key.as_str()];
                        let weight = rarity(t).powf(RARITY_POWER) * story(df[key as usize]).min(1.0).powf(STORY_POWER);
                        let meaning = t.entry.filter(|_| !names[key as usize]).map(|w| {
                            *index.entry(w).or_insert_with(|| {
                                words[side].push(w);
                                words[side].len() as u32 - 1
                            })
                        });
                        let alias = a.as_deref().and_then(|a| keys.get(a).copied());
                        Tok { key, alias, meaning, weight: weight as f32 }
                    })
                    .collect();
                weigh_names_once(terms, &mut toks);
                sents[side].push(Sent::new(toks));
            }
        }
        let near = Near::between(model, &words[0], &words[1]);
        let (nl, nr) = (left.len(), right.len());
        let (mut logits, mut both) = (Vec::with_capacity(nl * nr), Vec::with_capacity(nl * nr));
        for l in &sents[0] {
            for r in &sents[1] {
                let m = Measures::of(soft::cover(l, r, &near[0]), soft::cover(r, l, &near[1]));
                logits.push(m.logit());
                both.push(m.both());
            }
        }
        let context = CONTEXT_BONUS * (1.0 - 1.0 / nl.min(nr).max(1) as f64);
        Scorer { terms: [left, right], sents, near, logits, both, context }
    }

    fn n(&self, side: usize) -> usize {
        self.sents[side].len()
    }

    /// The log-odds that left `l` and right `r` state one fact, here.
    fn logit(&self, l: usize, r: usize) -> f64 {
        self.logits[l * self.n(1) + r] + self.context
    }

    /// The share of each article said by the other, graded: each sentence
    /// counts as much as the best its words are said anywhere in the other
    /// (the harmonic mean of the two covered shares), weighed by its
    /// weight; the mean of the two sides. 1 for the same text, about 0.1
    /// for unrelated articles.
    pub fn graded(&self, identical: impl Fn(usize, usize) -> bool) -> f64 {
        let (nl, nr) = (self.n(0), self.n(1));
        let mut sides = [0.0; 2];
        for (side, out) in sides.iter_mut().enumerate() {
            let (mut said, mut total) = (0.0, 0.0);
            for a in 0..self.n(side) {
                let best = (0..self.n(1 - side))
                    .map(|b| {
                        let (l, r) = if side == 0 { (a, b) } else { (b, a) };
                        if identical(l, r) { 1.0 } else { self.both[l * nr + r] }
                    })
                    .fold(0.0, f64::max);
                let w = f64::from(self.sents[side][a].weight);
                said += w * best;
                total += w;
            }
            *out = if total > 0.0 { said / total } else { 0.0 };
        }
        if nl == 0 || nr == 0 { 0.0 } else { (sides[0] + sides[1]) / 2.0 }
    }

    /// The matches, in left order. Pairs for which `identical` holds match
    /// first, with score 1.
    pub fn matches(&self, identical: impl Fn(usize, usize) -> bool) -> Vec<Match> {
        let (nl, nr) = (self.n(0), self.n(1));
        let odds = |l: usize, r: usize| if identical(l, r) { f64::INFINITY } else { self.logit(l, r) };
        let mut left_of = vec![None; nr];
        let mut right_of = vec![None; nl];
        let take = |l: usize, r: usize, left_of: &mut Vec<Option<usize>>, right_of: &mut Vec<Option<usize>>| {
            left_of[r] = Some(l);
            right_of[l] = Some(r);
        };
        // Clear matches: best for both sentences by a margin.
        let mut anchors = Vec::new();
        for l in 0..nl {
            let ((top, r), second) = best_two((0..nr).map(|r| (odds(l, r), r)));
            if top < 0.0 {
                continue;
            }
            let ((_, back), col_second) = best_two((0..nl).map(|l| (odds(l, r), l)));
            if back == l && top - second.max(col_second) >= CLEAR_MARGIN {
                anchors.push((l, r));
            }
        }
        anchors.iter().for_each(|&(l, r)| take(l, r, &mut left_of, &mut right_of));
        // The rest, best first, a candidate in order with the clear matches
        // around it preferred in a near tie.
        let mut rest: Vec<(f64, usize, usize)> = Vec::new();
        for (l, _) in right_of.iter().enumerate().filter(|(_, r)| r.is_none()) {
            for (r, _) in left_of.iter().enumerate().filter(|(_, l)| l.is_none()) {
                let o = odds(l, r);
                if o >= 0.0 {
                    let bonus = if in_order(&anchors, l, r) { IN_ORDER } else { 0.0 };
                    rest.push((o + bonus, l, r));
                }
            }
        }
        rest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, l, r) in rest {
            if right_of[l].is_none() && left_of[r].is_none() {
                take(l, r, &mut left_of, &mut right_of);
            }
        }
        let mut out: Vec<Match> = (0..nl)
            .filter_map(|l| {
                let r = right_of[l]?;
                let score = if identical(l, r) { 1.0 } else { probability(self.logit(l, r)) };
                Some(Match { left: l..l + 1, right: r..r + 1, score })
            })
            .collect();
        self.merge(&mut out, &identical);
        out
    }

    /// Joins to a match the unmatched neighbour sentence that the match's
    /// other side also says (one sentence saying what two say).
    fn merge(&self, matches: &mut [Match], identical: &impl Fn(usize, usize) -> bool) {
        let mut taken = [vec![false; self.n(0)], vec![false; self.n(1)]];
        for m in matches.iter() {
            taken[0][m.left.start] = true;
            taken[1][m.right.start] = true;
        }
        for m in matches.iter_mut() {
            if identical(m.left.start, m.right.start) {
                continue;
            }
            // side: which side gets a second sentence.
            for side in [1, 0] {
                let (one, two) = if side == 1 { (m.left.start, m.right.start) } else { (m.right.start, m.left.start) };
                let candidates = [two.checked_sub(1), Some(two + 1)];
                let Some(extra) = candidates
                    .into_iter()
                    .flatten()
                    .filter(|&x| x < self.n(side) && !taken[side][x])
                    .max_by(|&a, &b| self.gain(side, one, two, a).total_cmp(&self.gain(side, one, two, b)))
                else {
                    continue;
                };
                if self.gain(side, one, two, extra) < (MERGE_GAIN) {
                    continue;
                }
                let other = 1 - side;
                let said_of_extra = soft::cover(&self.sents[side][extra], &self.sents[other][one], &self.near[side]);
                if said_of_extra.share() < MERGE_SAID {
                    continue;
                }
                taken[side][extra] = true;
                let range = two.min(extra)..two.max(extra) + 1;
                let joined = self.joined(side, range.clone());
                let covers = [
                    soft::cover(&self.sents[other][one], &joined, &self.near[other]),
                    soft::cover(&joined, &self.sents[other][one], &self.near[side]),
                ];
                let (l, r) = if side == 1 { (covers[0], covers[1]) } else { (covers[1], covers[0]) };
                m.score = probability(Measures::of(l, r).logit() + self.context);
                if side == 1 {
                    m.right = range;
                } else {
                    m.left = range;
                }
                break;
            }
        }
    }

    /// How much more of sentence `one` (of the other side) is said by
    /// sentences `two` and `extra` of `side` together than by `two` alone.
    fn gain(&self, side: usize, one: usize, two: usize, extra: usize) -> f32 {
        let other = 1 - side;
        let alone = soft::cover(&self.sents[other][one], &self.sents[side][two], &self.near[other]);
        let range = two.min(extra)..two.max(extra) + 1;
        let with = soft::cover(&self.sents[other][one], &self.joined(side, range), &self.near[other]);
        with.share() - alone.share()
    }

    /// Consecutive sentences of one side as one.
    fn joined(&self, side: usize, range: Range<usize>) -> Sent {
        Sent::new(self.sents[side][range].iter().flat_map(|s| s.toks.iter().copied()).collect())
    }

    /// The terms of a group of sentences of one side, with their scoring tokens.
    pub fn terms(&self, side: usize, range: Range<usize>) -> impl Iterator<Item = (&'a Term, Tok)> + '_ {
        range.flat_map(move |s| self.terms[side][s].iter().zip(self.sents[side][s].toks.iter().copied()))
    }

    /// Sentences of one side, joined, to look words up in.
    pub fn group(&self, side: usize, range: Range<usize>) -> Sent {
        self.joined(side, range)
    }

    pub fn near(&self, side: usize) -> &Near {
        &self.near[side]
    }
}

/// The best (value, index) of some pairs, and the runner-up's value.
fn best_two(pairs: impl Iterator<Item = (f64, usize)>) -> ((f64, usize), f64) {
    let mut best = (f64::NEG_INFINITY, 0);
    let mut second = f64::NEG_INFINITY;
    for x in pairs {
        if x.0 > best.0 {
            second = best.0;
            best = x;
        } else if x.0 > second {
            second = x.0;
        }
    }
    (best, second)
}

/// Whether `r` lies between the right sentences of the clear matches
/// nearest before and after `l`.
fn in_order(anchors: &[(usize, usize)], l: usize, r: usize) -> bool {
    let before = anchors.iter().filter(|a| a.0 < l).max_by_key(|a| a.0).map(|a| a.1);
    let after = anchors.iter().filter(|a| a.0 > l).min_by_key(|a| a.0).map(|a| a.1);
    before.is_none_or(|b| r > b) && after.is_none_or(|a| r < a)
}

/// A run of capitalised words is one thing, weighing as its most common
/// word, carried by its last: "Ukrainian President Volodymyr Zelenskiy"
/// counts as much as "Zelenskiy" at most, and "Vladimir" is not rare
/// evidence just because a story names Putin in full once.
fn weigh_names_once(terms: &[Term], toks: &mut [Tok]) {
    let mut k = 0;
    while k < terms.len() {
        let g = terms[k].group;
        let mut end = k + 1;
        while g != 0 && end < terms.len() && terms[end].group == g {
            end += 1;
        }
        if end - k > 1 {
            let least = toks[k..end].iter().map(|t| t.weight).fold(f32::MAX, f32::min);
            toks[k..end].iter_mut().for_each(|t| t.weight = 0.0);
            toks[end - 1].weight = least;
        }
        k = end;
    }
}
