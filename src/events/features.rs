//! An article's event features in compact form: sorted 32-bit hashes, no
//! strings. A pass over a whole library keeps one of these per article
//! (a few hundred bytes) instead of its text, and compares them by merging
//! sorted slices. The strings behind the hashes are only needed to explain a
//! match to a person, and [`Fingerprint`] keeps them for that.

use super::fingerprint::Fingerprint;
use chrono::NaiveDate;

/// FNV-1a: fixed, fast, the same in every run and process.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A string's feature hash.
pub fn hash_str(s: &str) -> u32 {
    fold(hash_bytes(s.as_bytes()))
}

/// 64 bits to 32, keeping both halves' entropy.
pub fn fold(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// Hashes keys that are hashes already: one multiply, not SipHash.
#[derive(Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A map keyed by feature hashes.
pub type KeyMap<V> = std::collections::HashMap<u32, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// What a grouping pass keeps of each article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    pub date: Option<NaiveDate>,
    /// Name keys, sorted.
    pub names: Box<[u32]>,
    /// Figures and days, sorted.
    pub numbers: Box<[u32]>,
    /// Stemmed content words of the headline and lede, sorted.
    pub lede: Box<[u32]>,
    /// Stemmed content words of the headline, sorted.
    pub head: Box<[u32]>,
    /// A sample of the runs of five content words, sorted.
    pub shingles: Box<[u32]>,
    /// Each quote's words, in order (quotes match when one contains the other).
    pub quotes: Box<[Box<[u32]>]>,
}

fn sorted(items: impl Iterator<Item = u32>) -> Box<[u32]> {
    let mut v: Vec<u32> = items.collect();
    v.sort_unstable();
    v.dedup();
    v.into_boxed_slice()
}

impl Features {
    pub fn of(f: &Fingerprint) -> Features {
        Features {
            date: f.listing.date,
            names: sorted(f.names.keys().map(|n| hash_str(n))),
            numbers: sorted(f.numbers.iter().map(|n| hash_str(n))),
            lede: sorted(f.lede.iter().map(|&h| fold(h))),
            head: sorted(f.head.iter().map(|&h| fold(h))),
            shingles: sorted(f.shingles.iter().map(|&h| fold(h))),
            quotes: f.quotes.iter().map(|(words, _)| words.iter().map(|w| hash_str(w)).collect()).collect(),
        }
    }
}

/// How many items two sorted slices share, calling `each` on every one.
pub fn shared(a: &[u32], b: &[u32], mut each: impl FnMut(u32)) -> usize {
    shared_at(a, b, |i, _| each(a[i]))
}

/// How many items two sorted slices share, calling `each` with where each
/// one is in `a` and in `b`.
pub fn shared_at(a: &[u32], b: &[u32], mut each: impl FnMut(usize, usize)) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                each(i, j);
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hashes_keep_every_feature_of_the_fingerprint() {
        let a = crate::corpus::demo::article("000").unwrap();
        let f = Fingerprint::of(&a);
        let p = Features::of(&f);
        assert_eq!(p.names.len(), f.names.len());
        assert_eq!(p.numbers.len(), f.numbers.len());
        assert_eq!(p.quotes.len(), f.quotes.len());
        assert!(p.names.windows(2).all(|w| w[0] < w[1]));
        assert!(p.names.contains(&hash_str("peskov")));
    }

    #[test]
    fn shared_counts_the_common_items_of_sorted_slices() {
        let mut seen = Vec::new();
        assert_eq!(shared(&[1, 3, 5, 7], &[2, 3, 4, 7, 9], |x| seen.push(x)), 2);
        assert_eq!(seen, vec![3, 7]);
        assert_eq!(shared(&[], &[1], |_| ()), 0);
    }
}
