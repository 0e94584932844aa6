//! Seeded randomness that gives the same corpus for the same seed on every
//! run: a ChaCha8 stream (whose output `rand_chacha` keeps stable) and the
//! few samplers the generator needs, written here on top of raw `u64`s so
//! that no library's choice of sampling algorithm can change the output.
//!
//! Every article, event and storyline draws from its own stream, derived from
//! the corpus seed and its id with [`mix`], so articles can be generated in
//! any order (and in parallel) and still come out byte for byte the same.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

/// SplitMix64's finaliser: a good 64-bit mixer for deriving seeds.
pub fn mix(a: u64, b: u64) -> u64 {
    let mut z = a ^ b.wrapping_add(0x9e37_79b9_7f4a_7c15).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A seeded random stream.
pub struct Rng(ChaCha8Rng);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(ChaCha8Rng::seed_from_u64(seed))
    }

    /// The stream for thing `id` of kind `tag` in the corpus seeded `seed`.
    pub fn derive(seed: u64, tag: u64, id: u64) -> Rng {
        Rng::new(mix(mix(seed, tag), id))
    }

    pub fn u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift (bias below 2^-40 for
    /// the sizes used here).
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        ((self.u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn with the given relative weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// A standard normal draw (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.unit();
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// `k` distinct indices of `0..n`, in the order drawn.
    pub fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let k = k.min(n);
        let mut out: Vec<usize> = Vec::with_capacity(k);
        while out.len() < k {
            let i = self.below(n);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

/// Sampling ranks `0..n` with Zipf–Mandelbrot weights `1 / (rank + q)^s`,
/// in constant time (Walker's alias method, built deterministically).
pub struct Zipf {
    prob: Vec<f64>,
    alias: Vec<u32>,
}

impl Zipf {
    /// A sampler over items whose global ranks are `ranks` (so a part of a
    /// vocabulary keeps the weights the whole vocabulary gives it).
    pub fn over_ranks(ranks: impl Iterator<Item = usize>, s: f64, q: f64) -> Zipf {
        let weights: Vec<f64> = ranks.map(|r| 1.0 / (r as f64 + q).powf(s)).collect();
        let n = weights.len();
        let total: f64 = weights.iter().sum();
        let mut prob: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| prob[i] < 1.0);
        while let (Some(s), Some(&l)) = (small.pop(), large.last()) {
            alias[s] = l as u32;
            prob[l] -= 1.0 - prob[s];
            if prob[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        for i in large.into_iter().chain(small) {
            prob[i] = 1.0;
        }
        Zipf { prob, alias }
    }

    /// An index into the items, by weight.
    pub fn sample(&self, rng: &mut Rng) -> usize {
        let x = rng.u64();
        let i = (((x >> 32) * self.prob.len() as u64) >> 32) as usize;
        let f = (x & 0xffff_ffff) as f64 * (1.0 / 4_294_967_296.0);
        if f < self.prob[i] { i } else { self.alias[i] as usize }
    }
}

/// FNV-1a, for the hash maps of the generator (fast on short words; no
/// randomness, although no output depends on map order).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Rng::derive(7, 1, 2).u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(Rng::derive(7, 1, 2).u64(), Rng::derive(7, 1, 3).u64());
        assert_ne!(Rng::derive(7, 1, 2).u64(), Rng::derive(8, 1, 2).u64());
    }

    #[test]
    fn samplers_stay_in_range() {
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            assert!(r.below(3) < 3);
            assert!((5..=9).contains(&r.range(5, 9)));
            assert!((0.0..1.0).contains(&r.unit()));
        }
        let z = Zipf::over_ranks(0..100, 1.0, 2.7);
        let mut counts = [0usize; 100];
        for _ in 0..10_000 {
            counts[z.sample(&mut r)] += 1;
        }
        assert!(counts[0] > counts[10] && counts[10] > counts[90]);
        let mut d = r.distinct(10, 10);
        d.sort();
        assert_eq!(d, (0..10).collect::<Vec<_>>());
    }
}
