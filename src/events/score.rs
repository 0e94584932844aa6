//! How surely two articles report the same event, from 0 to 1, and why.
//!
//! Features are weighted against the subject's neighbourhood (the subject and
//! its candidates from the index): a name or figure that every candidate
//! shares is the storyline's common ground (Putin, Ukraine, 150,000 troops)
//! and counts for little; one that only this pair shares (Nord Stream 2,
//! letters dated Feb. 22) counts for a lot. That is what keeps an article
//! from being grouped with one that is merely about the same crisis.

use super::candidates::{self, NAME, NUMBER, key};
use super::features::{self, Features, KeyMap};
use super::weights::DocFreq;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

/// A candidate's score, and (when asked) what it shares with the subject, as
/// the subject's hashes and quote positions, most telling first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PairScore {
    pub score: f64,
    pub names: Vec<u32>,
    pub numbers: Vec<u32>,
    pub quotes: Vec<usize>,
}

/// Tuning knobs (temporary, for measuring): `BYLINE_TUNE="name=value,..."`.
pub fn knob(name: &str, default: f64) -> f64 {
    static KNOBS: std::sync::OnceLock<Vec<(String, f64)>> = std::sync::OnceLock::new();
    let knobs = KNOBS.get_or_init(|| {
        std::env::var("BYLINE_TUNE")
            .unwrap_or_default()
            .split(',')
            .filter_map(|kv| {
                let (k, v) = kv.split_once('=')?;
                Some((k.trim().to_string(), v.trim().parse().ok()?))
            })
            .collect()
    });
    knobs.iter().find(|(k, _)| k == name).map_or(default, |(_, v)| *v)
}

/// How rare a feature is in the library, from 0 (in every article) to 1
/// (in this one alone); 1 for every feature when the library is unknown.
fn rarity(library: &dyn DocFreq, kind: u8, f: u32) -> f64 {
    let n = library.articles();
    if n < 2 {
        return 1.0;
    }
    let df = library.df(key(kind, f)).clamp(1, n);
    ((n as f64 + 1.0) / df as f64).ln() / (n as f64 + 1.0).ln()
}

/// Weighted cosine of two feature sets: the weight of what both have, over
/// the geometric mean of what each has. With `shown`, the shared features
/// that weigh something, heaviest first.
fn cosine(subject: &[u32], candidate: &[u32], hood: &Hood, shown: Option<&mut Vec<u32>>) -> f64 {
    let mut best: Vec<(f64, u32)> = Vec::new();
    let mut shared = 0.0;
    features::shared(subject, candidate, |f| {
        let w = hood.weight(f);
        shared += w;
        if shown.is_some() {
            best.push((w, f));
        }
    });
    if let Some(shown) = shown {
        best.sort_by(|a, b| b.0.total_cmp(&a.0));
        shown.extend(best.into_iter().filter(|(w, _)| *w > 0.0).take(MAX_REASONS).map(|(_, f)| f));
    }
    let wc: f64 = candidate.iter().map(|&f| hood.weight(f)).sum();
    shared / ((hood.subject * wc).sqrt() + knob("smooth", SMOOTHING))
}

/// Each feature's weight: its rarity in the library, less a share of how
/// many of the subject's candidates have it (`contrast`: 1 takes all of a
/// feature every candidate has, 0 none).
struct Hood {
    weights: KeyMap<f64>,
    /// The subject's total weight.
    subject: f64,
}

impl Hood {
    fn new<'a>(
        kind: u8,
        contrast: f64,
        library: &dyn DocFreq,
        subject: &[u32],
        sets: impl Iterator<Item = &'a [u32]> + Clone,
    ) -> Self {
        // Counted, then turned into weights in place: one table, sized once.
        let mut weights: KeyMap<f64> =
            KeyMap::with_capacity_and_hasher(sets.clone().map(<[u32]>::len).sum(), Default::default());
        let mut size = 0;
        for set in sets {
            size += 1;
            for &f in set {
                *weights.entry(f).or_default() += 1.0;
            }
        }
        let size = size.max(1) as f64;
        for (&f, w) in weights.iter_mut() {
            *w = rarity(library, kind, f) * (1.0 - contrast * *w / size);
        }
        let subject = subject.iter().map(|&f| weights.get(&f).copied().unwrap_or_else(|| rarity(library, kind, f))).sum();
        Hood { weights, subject }
    }

    fn weight(&self, f: u32) -> f64 {
        self.weights.get(&f).copied().unwrap_or(0.0)
    }
}

/// Days apart, as a factor: an unknown date neither joins nor separates.
pub fn date_factor(a: Option<NaiveDate>, b: Option<NaiveDate>) -> f64 {
    let (Some(a), Some(b)) = (a, b) else { return knob("d_unknown", 0.9) };
    match (a - b).num_days().abs() {
        0 => 1.0,
        1 => knob("d1", 1.0),
        2 => knob("d2", 0.9),
        3 => knob("d3", 0.8),
        4..=7 => knob("d7", 0.7),
        8..=366 => knob("d_year", 0.6),
        _ => knob("d_years", 0.3),
    }
}

/// The subject's quotes that one of the candidate's contains, or that
/// contain one of the candidate's (a quote cut short is the same quote).
fn shared_quotes(a: &[Box<[u32]>], b: &[Box<[u32]>]) -> Vec<usize> {
    (0..a.len())
        .filter(|&i| {
            b.iter().any(|qb| {
                let qa = &a[i];
                let (short, long) = if qa.len() <= qb.len() { (qa, qb) } else { (qb, qa) };
                long.windows(short.len()).any(|w| w == &short[..])
            })
        })
        .collect()
}

/// Score each candidate against the subject; the neighbourhood is the
/// subject and all the candidates. With `explain`, each score says what
/// the pair shares.
pub fn score_candidates(
    subject: &Features,
    candidates: &[&Features],
    library: &dyn DocFreq,
    explain: bool,
) -> Vec<PairScore> {
    let contrast = knob("contrast", 0.5);
    let names = Hood::new(NAME, knob("c_names", contrast), library, &subject.names, candidates.iter().map(|c| &c.names[..]));
    let numbers =
        Hood::new(NUMBER, knob("c_numbers", contrast), library, &subject.numbers, candidates.iter().map(|c| &c.numbers[..]));
    let heads = Hood::new(candidates::LEDE, knob("c_head", 0.0), library, &subject.head, candidates.iter().map(|c| &c.head[..]));
    let ledes = Hood::new(candidates::LEDE, knob("c_lede", contrast), library, &subject.lede, candidates.iter().map(|c| &c.lede[..]));
    candidates
        .iter()
        .map(|c| {
            let mut out = PairScore::default();
            let c_names = cosine(&subject.names, &c.names, &names, explain.then_some(&mut out.names));
            let c_numbers = cosine(&subject.numbers, &c.numbers, &numbers, explain.then_some(&mut out.numbers));
            let c_lede = cosine(&subject.lede, &c.lede, &ledes, None);
            let c_head = cosine(&subject.head, &c.head, &heads, None);
            let quotes = shared_quotes(&subject.quotes, &c.quotes);
            let c_quotes = match subject.quotes.len().min(c.quotes.len()) {
                0 => 0.0,
                n => (quotes.len() as f64 / n as f64).min(1.0),
            };
            let smaller = subject.shingles.len().min(c.shingles.len()).max(1);
            let c_wording = features::shared(&subject.shingles, &c.shingles, |_| ()) as f64 / smaller as f64;
            let floor = knob("wfloor", WORDING_FLOOR);
            let miss = (1.0 - knob("names", NAMES) * c_names)
                * (1.0 - knob("numbers", NUMBERS) * c_numbers)
                * (1.0 - knob("lede", LEDE) * c_lede)
                * (1.0 - knob("head", 0.0) * c_head)
                * (1.0 - knob("quotes", QUOTES) * c_quotes)
                * (1.0 - knob("wording", WORDING) * ((c_wording.min(1.0) - floor) / (1.0 - floor)).max(0.0));
            if explain {
                out.quotes = quotes.into_iter().take(MAX_REASONS).collect();
            }
            // Two headlines that share nothing rare tell of two happenings.
            let head_miss = knob("head_miss", 0.0);
            let head = match subject.head.is_empty() || c.head.is_empty() {
                true => 1.0,
                false => 1.0 - head_miss + head_miss * (c_head / knob("head_full", 0.3)).min(1.0),
            };
            out.score = ((1.0 - miss) * head * date_factor(subject.date, c.date)).clamp(0.0, 1.0);
            out
        })
        .collect()
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
