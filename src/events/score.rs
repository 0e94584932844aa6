//! How surely two articles report the same event, from 0 to 1, and why.
//!
//! Every feature weighs by how rare it is in the library ([`rarity`], looked
//! up once per article): the names all fourteen accounts of one casting
//! share are rare there, so they count, where weighed only against an article's candidates (all members
//! of that event) they counted for nothing and the event fell apart. Names
//! and figures are also weighed against the neighbourhood's background
//! (the subject's candidates whose headline and lede tell of another
//! happening): a name all of them share is a storyline's common ground (its
//! cast, in every one of its events) and counts for little, while the
//! candidates that may be the same event's accounts do not count.
//! What tells one event from another of the same storyline or kind is
//! mostly the headline and the lede: who did what, in rare words. Dates
//! weigh in as evidence ([`date_factor`]), an unknown date as unknown.
//!
//! [`rarity`]: super::rarity

use super::features::{self, KeyMap};
use super::rarity::{Part, Weighed};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How much each kind of evidence can contribute (a noisy OR of their
/// weighted cosines): names and figures identify an event, the lede states
/// it, shared quotes and wording show one account copied or shared a source.
///
/// Chosen on events-dev (ECB+) with the generator as the check, B-cubed F1
/// on ECB+ / pairwise precision on the generator at 10k: names at 0.35
/// gave 0.777 / 0.62 (a storyline's cast joins its events), at 0.15 with
/// the lede at 1.0 0.825 / 0.85; the headline at 0.5 took ECB+ to 0.892.
/// With the background of [`BACKGROUND`], names at 0.1 (ECB+ 0.869,
/// pairwise precision 0.950; generator precision 0.937); at 0.15 0.873,
/// 0.948 and 0.918.
const NAMES: f64 = 0.1;
const NUMBERS: f64 = 0.3;
const LEDE: f64 = 1.0;
const HEAD: f64 = 0.5;
const QUOTES: f64 = 0.25;
const WORDING: f64 = 0.9;
/// How much of a feature's weight is taken when the whole background has it
/// (0: none, 1: all of it), per kind. Names and figures that the whole
/// neighbourhood shares are a storyline's common ground; lede and headline
/// words are weighed against the library alone. ECB+ B-cubed F1 / generator
/// precision: contrast 1 everywhere 0.667 / 0.77, 0.5 everywhere 0.777 /
/// 0.62, names and figures 1 and lede 0 0.825 / 0.85.
const NAMES_CONTRAST: f64 = 1.0;
const NUMBERS_CONTRAST: f64 = 1.0;
/// A candidate whose headline and lede alone score this much with the
/// subject's is no background for its names and figures: it may well be
/// an account of the same event (see [`Hood`]). Every candidate counted
/// whole (the last version): ECB+ B-cubed F1 0.864, pairwise precision
/// 0.946, generator precision 0.938; counted by 1 - told / 0.3: 0.871,
/// 0.947 and 0.927 with the other constants as they were (0.5: 0.866);
/// with names at 0.1, pairs by their higher side and 3 days at 0.9, 0.869,
/// 0.950 and 0.937.
const BACKGROUND: f64 = 0.3;
/// Two headlines that share little that is rare tell of two happenings: a
/// pair whose headline cosine is under [`HEAD_FULL`] loses up to this share
/// of its score. 0.2 took the generator's precision from 0.911 to 0.938 and
/// ECB+ B-cubed F1 from 0.873 to 0.859 (0.5 gave 0.98 and 0.72).
const HEAD_MISS: f64 = 0.2;
const HEAD_FULL: f64 = 0.1;
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

/// Weighted cosine of one part of two articles: the weight of what both
/// have, over the geometric mean of what each has. With `shown`, the
/// shared features that weigh something, heaviest first.
fn cosine(part: Part, subject: Weighed, candidate: Weighed, hood: &Hood, shown: Option<&mut Vec<u32>>) -> f64 {
    let (s, c) = (part.of(subject.features), part.of(candidate.features));
    let mut best: Vec<(f64, u32)> = Vec::new();
    let mut shared = 0.0;
    features::shared_at(s, c, |i, _| {
        let w = hood.weight(s[i], subject.rarities.at(part, i));
        shared += w;
        if shown.is_some() {
            best.push((w, s[i]));
        }
    });
    if let Some(shown) = shown {
        best.sort_by(|a, b| b.0.total_cmp(&a.0));
        shown.extend(best.into_iter().filter(|(w, _)| *w > 0.0).take(MAX_REASONS).map(|(_, f)| f));
    }
    let wc: f64 = c.iter().zip(candidate.rarities.each(part)).map(|(&f, r)| hood.weight(f, r)).sum();
    shared / ((hood.subject * wc).sqrt() + SMOOTHING)
}

/// Each feature's weight: its rarity in the library, less a share of how
/// much of the subject's background has it (`contrast`: 1 takes all of a
/// feature the whole background has, 0 none). The background is the
/// candidates, each counted by how surely it reports another event
/// ([`background`]): the members of the subject's own event, whose
/// headline and lede tell of the same happening, do not make its names
/// common ground.
struct Hood {
    /// How much of the background has each feature, 0 to 1 (empty when
    /// the part is weighed against the library alone).
    share: KeyMap<f64>,
    contrast: f64,
    /// The subject's total weight.
    subject: f64,
}

impl Hood {
    /// Weighed against the library alone.
    fn library(part: Part, subject: Weighed) -> Self {
        Hood { share: KeyMap::default(), contrast: 0.0, subject: subject.rarities.each(part).sum() }
    }

    fn new<'a>(
        part: Part,
        contrast: f64,
        subject: Weighed,
        sets: impl Iterator<Item = (&'a [u32], f64)> + Clone,
    ) -> Self {
        let mut share: KeyMap<f64> =
            KeyMap::with_capacity_and_hasher(sets.clone().map(|(set, _)| set.len()).sum(), Default::default());
        let mut size = 0.0;
        for (set, background) in sets {
            size += background;
            for &f in set {
                *share.entry(f).or_default() += background;
            }
        }
        let size = f64::max(size, 1.0);
        for w in share.values_mut() {
            *w = (*w / size).min(1.0);
        }
        let mut hood = Hood { share, contrast, subject: 0.0 };
        let own = part.of(subject.features).iter().zip(subject.rarities.each(part));
        hood.subject = own.map(|(&f, r)| hood.weight(f, r)).sum();
        hood
    }

    /// The weight of feature `f` of this rarity.
    fn weight(&self, f: u32, rarity: f64) -> f64 {
        match self.share.get(&f) {
            Some(share) => rarity * (1.0 - self.contrast * share),
            None => rarity,
        }
    }
}

/// Days apart, as a factor. An unknown date is unknown: it neither joins
/// nor separates much (0.9, as two dates a few days apart). Years apart is
/// most often the same kind of event again (an earthquake at one place).
pub fn date_factor(a: Option<NaiveDate>, b: Option<NaiveDate>) -> f64 {
    let (Some(a), Some(b)) = (a, b) else { return 0.9 };
    match (a - b).num_days().abs() {
        0 | 1 => 1.0,
        // Three days at 0.9 as two: ECB+ 0.866 -> 0.869 (generator
        // precision 0.941 -> 0.937).
        2 | 3 => 0.9,
        // An ECB+ event runs weeks and months (follow-ups, a trial): 0.6
        // for 8 days to a year gave B-cubed F1 0.860, 0.7 0.864 (0.85 gave
        // 0.868 but took the generator's precision to 0.917).
        4..=366 => 0.7,
        _ => 0.3,
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
pub fn score_candidates(subject: Weighed, candidates: &[Weighed], explain: bool) -> Vec<PairScore> {
    let (ledes, heads) = (Hood::library(Part::Lede, subject), Hood::library(Part::Head, subject));
    let told: Vec<(f64, f64)> = candidates
        .iter()
        .map(|&c| (cosine(Part::Lede, subject, c, &ledes, None), cosine(Part::Head, subject, c, &heads, None)))
        .collect();
    let background: Vec<f64> = told.iter().map(|&(lede, head)| background(lede, head)).collect();
    let hood = |part: Part, contrast| {
        let sets = candidates.iter().zip(&background).map(move |(c, &b)| (part.of(c.features), b));
        Hood::new(part, contrast, subject, sets)
    };
    let names = hood(Part::Names, NAMES_CONTRAST);
    let numbers = hood(Part::Numbers, NUMBERS_CONTRAST);
    let s = subject.features;
    candidates
        .iter()
        .zip(told)
        .map(|(&w, (c_lede, c_head))| {
            let c = w.features;
            let mut out = PairScore::default();
            let c_names = cosine(Part::Names, subject, w, &names, explain.then_some(&mut out.names));
            let c_numbers = cosine(Part::Numbers, subject, w, &numbers, explain.then_some(&mut out.numbers));
            let quotes = shared_quotes(&s.quotes, &c.quotes);
            let c_quotes = match s.quotes.len().min(c.quotes.len()) {
                0 => 0.0,
                n => (quotes.len() as f64 / n as f64).min(1.0),
            };
            let smaller = s.shingles.len().min(c.shingles.len()).max(1);
            let c_wording = features::shared(&s.shingles, &c.shingles, |_| ()) as f64 / smaller as f64;
            let miss = (1.0 - NAMES * c_names)
                * (1.0 - NUMBERS * c_numbers)
                * told_miss(c_lede, c_head)
                * (1.0 - QUOTES * c_quotes)
                * (1.0 - WORDING * ((c_wording.min(1.0) - WORDING_FLOOR) / (1.0 - WORDING_FLOOR)).max(0.0));
            if explain {
                out.quotes = quotes.into_iter().take(MAX_REASONS).collect();
            }
            // Two headlines that share nothing rare tell of two happenings.
            let head = match s.head.is_empty() || c.head.is_empty() {
                true => 1.0,
                false => 1.0 - HEAD_MISS + HEAD_MISS * (c_head / HEAD_FULL).min(1.0),
            };
            out.score = ((1.0 - miss) * head * date_factor(s.date, c.date)).clamp(0.0, 1.0);
            out
        })
        .collect()
}

/// What the lede and headline leave of the pair's miss (their part of the
/// noisy OR).
fn told_miss(lede: f64, head: f64) -> f64 {
    (1.0 - LEDE * lede) * (1.0 - HEAD * head)
}

/// How surely a candidate reports another event than the subject, from
/// what their headlines and ledes tell alone: 1 when they share nothing,
/// 0 from [`BACKGROUND`] up.
fn background(lede: f64, head: f64) -> f64 {
    (1.0 - (1.0 - told_miss(lede, head)) / BACKGROUND).max(0.0)
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
