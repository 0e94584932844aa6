//! How surely two articles report the same event, from 0 to 1, and why.
//!
//! Features are weighted against the subject's neighbourhood (the subject and
//! its candidates from the index): a name or figure that every candidate
//! shares is the storyline's common ground (Putin, Ukraine, 150,000 troops)
//! and counts for little; one that only this pair shares (Nord Stream 2,
//! letters dated Feb. 22) counts for a lot. That is what keeps an article
//! from being grouped with one that is merely about the same crisis.

use super::fingerprint::Fingerprint;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

/// How much each kind of evidence can contribute (a noisy OR of their
/// weighted cosines): names and figures identify an event, the lede states
/// it, shared quotes and wording show one account copied or shared a source.
const NAMES: f64 = 0.35;
const NUMBERS: f64 = 0.3;
const LEDE: f64 = 0.8;
const QUOTES: f64 = 0.25;
const WORDING: f64 = 0.9;
/// Shared wording below this share of the shorter text is background a
/// developing story repeats (the troop numbers, the history); above it, a
/// reprint or wire copy of the same report.
const WORDING_FLOOR: f64 = 0.3;
/// Added to a cosine's denominator, so that one shared feature of little
/// weight between two nearly featureless sets does not make a match.
const SMOOTHING: f64 = 1.0;
/// At most this many shared items of each kind are listed as reasons.
const MAX_REASONS: usize = 6;

/// Why two articles were judged to report the same event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reasons {
    pub names: Vec<String>,
    pub numbers: Vec<String>,
    pub quotes: Vec<String>,
    pub passages: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairScore {
    pub score: f64,
    pub reasons: Reasons,
}

/// The weight of a feature found in `df` of the `n` other articles of the
/// neighbourhood (the subject itself is the +1).
fn weight(df: usize, n: usize) -> f64 {
    ((n as f64 + 2.0) / (df as f64 + 1.0)).ln()
}

/// Weighted cosine of two feature sets: the contrast weight of what both
/// have, over the geometric mean of what each has. A feature the whole
/// neighbourhood shares weighs nothing.
fn cosine<T: Ord + Clone + Hash + Eq>(
    subject: &BTreeSet<T>,
    candidate: &BTreeSet<T>,
    hood: &Hood<'_, T>,
    shown: &mut Vec<T>,
) -> f64 {
    let mut best: Vec<(f64, T)> = subject.intersection(candidate).map(|f| (hood.weight(f), f.clone())).collect();
    best.sort_by(|a, b| b.0.total_cmp(&a.0));
    let shared: f64 = best.iter().map(|(w, _)| w).sum();
    shown.extend(best.into_iter().filter(|(w, _)| *w > 0.0).take(MAX_REASONS).map(|(_, f)| f));
    let (ws, wc): (f64, f64) =
        (subject.iter().map(|f| hood.weight(f)).sum(), candidate.iter().map(|f| hood.weight(f)).sum());
    shared / ((ws * wc).sqrt() + SMOOTHING)
}

/// How many of the candidates have each feature, counted once per subject.
struct Hood<'a, T> {
    df: HashMap<&'a T, usize>,
    size: usize,
}

impl<'a, T: Hash + Eq> Hood<'a, T> {
    fn new(sets: impl Iterator<Item = &'a BTreeSet<T>>) -> Self {
        let mut df: HashMap<&'a T, usize> = HashMap::new();
        let mut size = 0;
        for set in sets {
            size += 1;
            for f in set {
                *df.entry(f).or_default() += 1;
            }
        }
        Hood { df, size }
    }

    fn weight(&self, f: &T) -> f64 {
        weight(self.df.get(f).copied().unwrap_or(0), self.size)
    }
}

/// Days apart, as a factor: an unknown date neither joins nor separates.
pub fn date_factor(a: Option<NaiveDate>, b: Option<NaiveDate>) -> f64 {
    let (Some(a), Some(b)) = (a, b) else { return 1.0 };
    match (a - b).num_days().abs() {
        0 | 1 => 1.0,
        2 => 0.85,
        3 => 0.7,
        4..=7 => 0.5,
        _ => 0.25,
    }
}

fn shared_quotes(a: &[(Vec<String>, String)], b: &[(Vec<String>, String)]) -> Vec<String> {
    a.iter()
        .filter(|(qa, _)| {
            b.iter().any(|(qb, _)| {
                let (short, long): (&Vec<String>, &Vec<String>) =
                    if qa.len() <= qb.len() { (qa, qb) } else { (qb, qa) };
                long.windows(short.len()).any(|w| w == short.as_slice())
            })
        })
        .map(|(_, text)| text.clone())
        .collect()
}

/// Score each candidate against the subject; the neighbourhood is the
/// subject and all the candidates.
pub fn score_candidates(subject: &Fingerprint, candidates: &[Fingerprint]) -> Vec<PairScore> {
    let names = Hood::new(candidates.iter().map(|c| &c.names));
    let numbers = Hood::new(candidates.iter().map(|c| &c.numbers));
    let ledes = Hood::new(candidates.iter().map(|c| &c.lede));
    candidates
        .iter()
        .map(|c| {
            let mut reasons = Reasons::default();
            let c_names = cosine(&subject.names, &c.names, &names, &mut reasons.names);
            let c_numbers = cosine(&subject.numbers, &c.numbers, &numbers, &mut reasons.numbers);
            let c_lede = cosine(&subject.lede, &c.lede, &ledes, &mut Vec::new());
            reasons.quotes = shared_quotes(&subject.quotes, &c.quotes);
            let c_quotes = match subject.quotes.len().min(c.quotes.len()) {
                0 => 0.0,
                n => (reasons.quotes.len() as f64 / n as f64).min(1.0),
            };
            let smaller = subject.shingles.len().min(c.shingles.len()).max(1);
            let c_wording = subject.shingles.intersection(&c.shingles).count() as f64 / smaller as f64;
            let miss = (1.0 - NAMES * c_names)
                * (1.0 - NUMBERS * c_numbers)
                * (1.0 - LEDE * c_lede)
                * (1.0 - QUOTES * c_quotes)
                * (1.0 - WORDING * ((c_wording.min(1.0) - WORDING_FLOOR) / (1.0 - WORDING_FLOOR)).max(0.0));
            reasons.quotes.truncate(MAX_REASONS);
            reasons.names =
                reasons.names.iter().map(|k| subject.name_text.get(k).cloned().unwrap_or_else(|| k.clone())).collect();
            let score = ((1.0 - miss) * date_factor(subject.date, c.date)).clamp(0.0, 1.0);
            PairScore { score, reasons }
        })
        .collect()
}
