//! The scoring on hand-written libraries: a large event whose members share
//! their names with every candidate, two events of one kind on different
//! dates, and undated pairs.

use super::*;
use crate::events::SAME_EVENT;
use crate::events::candidates::{self, NAME, key};
use crate::events::features::Features;
use crate::events::rarity::{Rarities, rarity};
use crate::events::weights::DocFreq;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A library of `n` articles where the listed features have these frequencies
/// (every other feature is in one article).
struct Lib {
    n: usize,
    df: HashMap<u32, usize>,
}

impl DocFreq for Lib {
    fn articles(&self) -> usize {
        self.n
    }
    fn df(&self, k: u32) -> usize {
        self.df.get(&k).copied().unwrap_or(1)
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn sorted(v: impl IntoIterator<Item = u32>) -> Box<[u32]> {
    let mut v: Vec<u32> = v.into_iter().collect();
    v.sort_unstable();
    v.dedup();
    v.into()
}

/// An article: its names, lede words and figures, by number.
fn article(names: &[u32], lede: &[u32], numbers: &[u32], when: Option<NaiveDate>) -> Features {
    Features {
        date: when,
        names: sorted(names.iter().copied()),
        numbers: sorted(numbers.iter().copied()),
        lede: sorted(lede.iter().copied()),
        ..Features::default()
    }
}

/// Common words (in a third of a library of 10,000) and the kind's words
/// (in 300 of them), then the listed features with the given frequencies.
fn library(rare: &[(u8, u32, usize)]) -> Lib {
    let mut df = HashMap::new();
    for w in 0..20 {
        df.insert(key(candidates::LEDE, w), 3_000);
    }
    for w in 20..40 {
        df.insert(key(candidates::LEDE, w), 300);
    }
    for &(kind, f, n) in rare {
        df.insert(key(kind, f), n);
    }
    Lib { n: 10_000, df }
}

fn score(lib: &Lib, subject: &Features, candidates: &[Features]) -> Vec<f64> {
    let rarities: Vec<Rarities> = candidates.iter().map(|c| Rarities::of(c, lib)).collect();
    let hood: Vec<Weighed> = weighed(candidates, &rarities);
    let of_subject = Rarities::of(subject, lib);
    score_candidates(Weighed { features: subject, rarities: &of_subject }, &hood, false)
        .into_iter()
        .map(|s| s.score)
        .collect()
}

fn weighed<'a>(features: &'a [Features], rarities: &'a [Rarities]) -> Vec<Weighed<'a>> {
    features.iter().zip(rarities).map(|(features, rarities)| Weighed { features, rarities }).collect()
}

#[test]
fn a_large_event_holds_together_though_every_candidate_shares_its_names() {
    // Fourteen accounts of one casting: every one names the actor, the
    // role and the show (in 30 articles of the library), in its own words.
    let names = [100, 101, 102, 103];
    let lib = library(&names.map(|n| (NAME, n, 30)));
    let member = |i: u32| {
        let own: Vec<u32> = (0..6).map(|k| 1_000 + 10 * i + k).collect();
        let lede: Vec<u32> = [0, 1, 2, 20, 21, 22, 23].into_iter().chain(own).collect();
        article(&names, &lede, &[], date(2009, 1, 3 + i % 2))
    };
    let candidates: Vec<Features> = (1..14).map(member).collect();
    for (i, s) in score(&lib, &member(0), &candidates).into_iter().enumerate() {
        assert!(s >= SAME_EVENT, "member {}: {s:.3}", i + 1);
    }
}

#[test]
fn two_events_of_one_kind_at_one_place_years_apart_stay_apart() {
    // An earthquake at one place in 2008 and in 2013: the place and the
    // kind's words are shared; the figures and the people are not.
    let lib = library(&[(NAME, 200, 40), (NAME, 201, 40), (NAME, 210, 8), (NAME, 220, 8)]);
    // Each lede: the kind's words, and words of its own quake.
    let first = article(&[200, 201, 210], &[0, 1, 2, 20, 21, 22, 800, 801, 802], &[7], date(2008, 6, 1));
    let same = article(&[200, 201, 210], &[0, 1, 2, 20, 21, 23, 800, 801, 803], &[7], date(2008, 6, 2));
    let other = article(&[200, 201, 220], &[0, 1, 2, 20, 21, 22, 900, 901, 902], &[8], date(2013, 5, 20));
    let s = score(&lib, &first, &[same.clone(), other.clone()]);
    assert!(s[0] >= SAME_EVENT, "the same quake's second account: {:.3}", s[0]);
    assert!(s[1] < SAME_EVENT, "the other quake: {:.3}", s[1]);
    assert!(s[0] > s[1] + 0.1, "{s:?}");
}

#[test]
fn an_unknown_date_neither_joins_nor_separates() {
    let lib = library(&[(NAME, 300, 5), (NAME, 301, 5), (NAME, 302, 300)]);
    let lede = [0, 1, 20, 21, 22, 600, 601, 602];
    let dated = article(&[300, 301, 302], &lede, &[9], date(2011, 3, 4));
    let undated = Features { date: None, ..dated.clone() };
    let same_day = article(&[300, 301, 302], &[0, 1, 20, 21, 22, 600, 601, 603], &[9], date(2011, 3, 4));
    let years = Features { date: date(2005, 3, 4), ..same_day.clone() };
    let undated_twin = Features { date: None, ..same_day.clone() };
    let one = |s: &Features, c: &Features| score(&lib, s, std::slice::from_ref(c))[0];
    let (known, unknown, apart) = (one(&dated, &same_day), one(&undated, &same_day), one(&dated, &years));
    let both_unknown = one(&undated, &undated_twin);
    assert!(unknown >= SAME_EVENT && both_unknown >= SAME_EVENT, "{unknown:.3} {both_unknown:.3}");
    assert!(known > unknown && unknown > apart, "same day {known:.3}, unknown {unknown:.3}, years apart {apart:.3}");
    // And an undated pair that shares only the kind's words and a common
    // name is no event.
    let kind_only = article(&[302], &[0, 1, 20, 700, 701, 702, 703, 704], &[], None);
    let s = one(&undated, &kind_only);
    assert!(s < SAME_EVENT, "{s:.3}");
}

#[test]
fn an_events_own_accounts_are_no_background_for_its_names() {
    // Twelve accounts of one happening, told in the subject's own headline
    // and lede words, and six of another happening of the same story: the
    // name the twelve share keeps its weight; the name all eighteen share
    // (the story's cast) loses it.
    let (event_name, cast) = (100, 101);
    let lib = library(&[(NAME, event_name, 30), (NAME, cast, 60)]);
    let lede: Vec<u32> = [0, 1, 20, 21].into_iter().chain(500..508).collect();
    let subject = article(&[event_name, cast], &lede, &[], None);
    let member = |i: u32| article(&[event_name, cast], &[&lede[..10], &[600 + i]].concat(), &[], None);
    let other = |i: u32| article(&[cast], &[0, 1, 20, 21, 700, 701, 702, 710 + i], &[], None);
    let candidates: Vec<Features> = (0..12).map(member).chain((0..6).map(other)).collect();
    let rarities: Vec<Rarities> = candidates.iter().map(|c| Rarities::of(c, &lib)).collect();
    let hood = weighed(&candidates, &rarities);
    let of_subject = Rarities::of(&subject, &lib);
    let subject = Weighed { features: &subject, rarities: &of_subject };
    let ledes = Hood::library(Part::Lede, subject);
    let told: Vec<f64> = hood.iter().map(|&c| background(cosine(Part::Lede, subject, c, &ledes, None), 0.0)).collect();
    assert!(told[..12].iter().all(|&b| b == 0.0), "the event's accounts: {told:?}");
    assert!(told[12..].iter().all(|&b| b > 0.3), "the other happening's: {told:?}");
    let sets = candidates.iter().zip(&told).map(|(c, &b)| (&c.names[..], b));
    let names = Hood::new(Part::Names, NAMES_CONTRAST, subject, sets);
    let (full, common) = (rarity(&lib, NAME, event_name), rarity(&lib, NAME, cast));
    assert!((names.weight(event_name, full) - full).abs() < 1e-9, "{} of {full}", names.weight(event_name, full));
    assert!(names.weight(cast, common) < 0.05 * common, "{}", names.weight(cast, common));
}
