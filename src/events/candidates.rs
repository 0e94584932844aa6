//! Each article's likely counterparts, found without touching all pairs:
//! an inverted map from event features (names, figures, lede words, quote
//! word triples, the smallest of the wording hashes) to the articles that
//! have them, built in one pass over the compact features. An article's
//! candidates are the articles that share its rarest features, ranked by
//! how rare what they share is.
//!
//! The work per article is bounded by [`QUERY_FEATURES`], [`MAX_DF`] and
//! [`POSTINGS_BUDGET`], not by the size of the library, so grouping grows
//! linearly with it.

use super::features::{Features, KeyMap, fold, hash_bytes};
use rayon::prelude::*;

/// How many of an article's rarest features look for its candidates.
pub const QUERY_FEATURES: usize = 40;
/// How many articles an article's features may name in all: the rarest
/// features are read until this many (at least one feature). Without it the
/// lists of the same 40 features grow with the library (1,232 articles per
/// article at 10k, 3,127 at 100k) and grouping with them.
pub const POSTINGS_BUDGET: usize = 1_000;
/// A feature in more articles than this is common ground, not an event.
pub const MAX_DF: usize = 1_000;
/// Terms in more than this share of a library say nothing about an event.
const MAX_DF_SHARE: f64 = 0.25;
/// The smallest wording hashes stand for the whole wording (a bottom-k
/// sketch): two copies of one report share some of them.
const WORDING_SKETCH: usize = 8;

/// How many top bits of a key pick its bucket (a table of 256 KB).
const BUCKET_BITS: u32 = 16;

/// The kinds of feature, as keyed.
pub const NAME: u8 = 1;
pub const NUMBER: u8 = 2;
pub const LEDE: u8 = 3;

/// One feature key per kind, so that a name and a figure never collide.
pub fn key(kind: u8, h: u32) -> u32 {
    let mut bytes = [kind; 5];
    bytes[1..].copy_from_slice(&h.to_le_bytes());
    fold(hash_bytes(&bytes))
}

/// Three words of a quote as one hash.
fn triple(w: &[u32]) -> u32 {
    debug_assert_eq!(w.len(), 3, "a quote's words three at a time");
    let mut bytes = [0; 12];
    for (to, word) in bytes.chunks_exact_mut(4).zip(w) {
        to.copy_from_slice(&word.to_le_bytes());
    }
    fold(hash_bytes(&bytes))
}

/// The features an article is found by.
fn feature_keys(p: &Features) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(p.names.len() + p.numbers.len() + p.lede.len() + 16);
    out.extend(p.names.iter().map(|&h| key(NAME, h)));
    out.extend(p.numbers.iter().map(|&h| key(NUMBER, h)));
    out.extend(p.lede.iter().map(|&h| key(LEDE, h)));
    out.extend(p.shingles.iter().take(WORDING_SKETCH).map(|&h| key(4, h)));
    for q in p.quotes.iter() {
        for w in q.windows(3) {
            out.push(key(5, triple(w)));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Feature keys to the articles (positions in the list of [`Features`])
/// that have them.
///
/// An article's own keys are not kept: they are computed again from its
/// [`Features`] when its candidates are asked for (a hundred hashes), which at a
/// million articles spares about 400 MB.
pub struct FeatureMap {
    keys: Vec<u32>,
    /// `keys[buckets[h]..buckets[h + 1]]` are the keys whose top
    /// [`BUCKET_BITS`] bits are `h`: a lookup searches a few hundred keys,
    /// not all of them (the keys are hashes, so the buckets are even). The
    /// lookups of rarity and candidates were 16% of a regrouping at 10k.
    buckets: Vec<u32>,
    /// `postings[offsets[i]..offsets[i + 1]]` have `keys[i]`.
    offsets: Vec<u32>,
    postings: Vec<u32>,
    /// How many articles the map was built from.
    articles: usize,
    max_df: usize,
}

impl FeatureMap {
    pub fn new(features: &[Features]) -> FeatureMap {
        let mut pairs: Vec<(u32, u32)> = features
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, p)| feature_keys(p).into_iter().map(move |k| (k, i as u32)))
            .collect();
        pairs.par_sort_unstable();
        assert!(u32::try_from(pairs.len()).is_ok(), "more feature postings than a u32 counts");
        let mut keys = Vec::new();
        let mut offsets = Vec::new();
        let mut postings = Vec::with_capacity(pairs.len());
        for (k, i) in pairs {
            if keys.last() != Some(&k) {
                keys.push(k);
                offsets.push(postings.len() as u32);
            }
            postings.push(i);
        }
        offsets.push(postings.len() as u32);
        let mut buckets = Vec::with_capacity((1 << BUCKET_BITS) + 1);
        for (i, &k) in keys.iter().enumerate() {
            while buckets.len() <= (k >> (32 - BUCKET_BITS)) as usize {
                buckets.push(i as u32);
            }
        }
        buckets.resize((1 << BUCKET_BITS) + 1, keys.len() as u32);
        let n = features.len();
        // As in a small library every feature is in a large share of it.
        let share = if n >= 20 { (n as f64 * MAX_DF_SHARE) as usize } else { n };
        FeatureMap { keys, buckets, offsets, postings, articles: n, max_df: share.min(MAX_DF) }
    }

    fn postings(&self, k: u32) -> &[u32] {
        let h = (k >> (32 - BUCKET_BITS)) as usize;
        let (from, to) = (self.buckets[h] as usize, self.buckets[h + 1] as usize);
        match self.keys[from..to].binary_search(&k) {
            Ok(i) => &self.postings[self.offsets[from + i] as usize..self.offsets[from + i + 1] as usize],
            Err(_) => &[],
        }
    }

    /// Each key in two or more articles, with how many: what
    /// [`super::weights`] stores.
    pub fn frequencies(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.keys.iter().zip(self.offsets.windows(2)).map(|(&k, o)| (k, o[1] - o[0])).filter(|&(_, df)| df > 1)
    }

    /// Up to `k` articles most like article `i` of `features` (the features
    /// the map was built from; itself excluded), best first.
    pub fn candidates(&self, features: &[Features], i: usize, k: usize) -> Vec<usize> {
        debug_assert_eq!(features.len(), self.articles, "the features the map was built from");
        let n = self.articles.max(1) as f64;
        let mut rare: Vec<(usize, u32)> = feature_keys(&features[i])
            .into_iter()
            .map(|f| (self.postings(f).len(), f))
            .filter(|&(df, _)| df > 1 && df <= self.max_df)
            .collect();
        rare.sort_unstable();
        rare.truncate(QUERY_FEATURES);
        // The rarest features first, until their articles reach the budget:
        // what a larger library adds are longer lists for the same features.
        let mut visited = 0;
        let taken = rare
            .iter()
            .take_while(|&&(df, _)| {
                visited += df;
                visited <= POSTINGS_BUDGET || visited == df
            })
            .count();
        rare.truncate(taken);
        let mut score: KeyMap<f64> = KeyMap::with_capacity_and_hasher(visited, Default::default());
        for (df, f) in rare {
            let idf = (n / df as f64).ln() + 1.0;
            for &j in self.postings(f) {
                if j as usize != i {
                    *score.entry(j).or_default() += idf;
                }
            }
        }
        let mut ranked: Vec<(f64, u32)> = score.into_iter().map(|(j, s)| (s, j)).collect();
        ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.into_iter().take(k).map(|(_, j)| j as usize).collect()
    }
}

impl super::weights::DocFreq for FeatureMap {
    fn articles(&self) -> usize {
        self.articles
    }
    fn df(&self, key: u32) -> usize {
        self.postings(key).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::fingerprint::Fingerprint;

    fn features() -> Vec<Features> {
        ["000", "001", "002", "003", "004"]
            .iter()
            .map(|p| Features::of(&Fingerprint::of(&crate::corpus::demo::article(p).unwrap())))
            .collect()
    }

    #[test]
    fn every_key_is_found_through_its_bucket_and_no_other() {
        let features = features();
        let map = FeatureMap::new(&features);
        assert!(map.keys.len() > 100, "{}", map.keys.len());
        for (i, &k) in map.keys.iter().enumerate() {
            let want = &map.postings[map.offsets[i] as usize..map.offsets[i + 1] as usize];
            assert_eq!(map.postings(k), want, "key {k:#x}");
        }
        // Keys at the ends of the hash space, and one that is not there.
        for k in [0, 1, u32::MAX, u32::MAX - 1, 0x8000_0000] {
            assert_eq!(map.postings(k).is_empty(), map.keys.binary_search(&k).is_err());
        }
    }

    #[test]
    fn each_demo_account_finds_its_counterpart_among_its_candidates() {
        let features = features();
        let map = FeatureMap::new(&features);
        let of = |i: usize, k| map.candidates(&features, i, k);
        assert!(of(2, 2).contains(&4), "{:?}", of(2, 4));
        assert!(of(0, 2).contains(&1), "{:?}", of(0, 4));
        assert!(!of(1, 4).contains(&1), "never itself");
    }
}
