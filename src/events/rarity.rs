//! How rare each of one article's features is in the library, looked up
//! once per article and kept beside its [`Features`].
//!
//! Scoring weighs every feature of a subject and of its twenty candidates
//! by its rarity ([`weights`]), and every article is a candidate of about
//! twenty others: looked up where it is used, each rarity was found some
//! forty times over (a hash, a search of the feature map, two logarithms),
//! which doubled the scoring of a grouping pass. Kept here, each is found
//! once, and a cosine is a merge of two sorted lists.
//!
//! A rarity is kept in 16 bits (steps of 1/65535): the scores it changes
//! move by less than 1e-4.
//!
//! [`weights`]: super::weights

use super::candidates::{self, NAME, NUMBER, key};
use super::features::Features;
use super::weights::DocFreq;

/// The kinds of feature that are weighed by their rarity, in the order
/// [`Rarities`] keeps them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Names = 0,
    Numbers = 1,
    Lede = 2,
    Head = 3,
}

impl Part {
    /// The article's features of this part, sorted.
    pub fn of(self, f: &Features) -> &[u32] {
        match self {
            Part::Names => &f.names,
            Part::Numbers => &f.numbers,
            Part::Lede => &f.lede,
            Part::Head => &f.head,
        }
    }

    /// The kind its features are keyed by in the library (headline words
    /// are lede words).
    fn kind(self) -> u8 {
        match self {
            Part::Names => NAME,
            Part::Numbers => NUMBER,
            Part::Lede | Part::Head => candidates::LEDE,
        }
    }
}

/// How rare a feature is in the library, from 0 (in every article) to 1
/// (in this one alone); 1 for every feature when the library is unknown.
pub fn rarity(library: &dyn DocFreq, kind: u8, f: u32) -> f64 {
    let n = library.articles();
    if n < 2 {
        return 1.0;
    }
    let df = library.df(key(kind, f)).clamp(1, n);
    ((n as f64 + 1.0) / df as f64).ln() / (n as f64 + 1.0).ln()
}

const PARTS: [Part; 4] = [Part::Names, Part::Numbers, Part::Lede, Part::Head];
/// One rarity's 16 bits, as a share of 1.
const STEP: f64 = 1.0 / u16::MAX as f64;

/// The rarity of each of an article's names, figures, lede and headline
/// words, in the order of its [`Features`].
#[derive(Clone, Debug, Default)]
pub struct Rarities {
    /// The four parts one after the other.
    all: Box<[u16]>,
    /// Where the numbers, the lede and the headline start.
    starts: [u32; 3],
}

impl Rarities {
    pub fn of(features: &Features, library: &dyn DocFreq) -> Rarities {
        let mut all = Vec::with_capacity(PARTS.iter().map(|p| p.of(features).len()).sum());
        let mut starts = [0; 3];
        for (k, part) in PARTS.into_iter().enumerate() {
            if k > 0 {
                starts[k - 1] = all.len() as u32;
            }
            let kind = part.kind();
            all.extend(part.of(features).iter().map(|&f| (rarity(library, kind, f) / STEP).round() as u16));
        }
        Rarities { all: all.into(), starts }
    }

    /// The rarities of one part, in the order of its features.
    fn part(&self, part: Part) -> &[u16] {
        let at = |k: usize| match k {
            0 => 0,
            4 => self.all.len(),
            k => self.starts[k - 1] as usize,
        };
        let k = part as usize;
        &self.all[at(k)..at(k + 1)]
    }

    /// The rarity of the `i`th feature of `part`.
    pub fn at(&self, part: Part, i: usize) -> f64 {
        self.part(part)[i] as f64 * STEP
    }

    /// The rarities of `part`, in the order of its features.
    pub fn each(&self, part: Part) -> impl Iterator<Item = f64> + '_ {
        self.part(part).iter().map(|&r| r as f64 * STEP)
    }
}

/// An article's features with their rarities: what scoring reads.
#[derive(Clone, Copy)]
pub struct Weighed<'a> {
    pub features: &'a Features,
    pub rarities: &'a Rarities,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::weights::Unknown;

    struct Lib;
    impl DocFreq for Lib {
        fn articles(&self) -> usize {
            1_000
        }
        fn df(&self, k: u32) -> usize {
            if k == key(NAME, 7) { 1_000 } else { 10 }
        }
    }

    #[test]
    fn each_feature_keeps_its_own_rarity_in_its_own_part() {
        let f = Features {
            names: vec![7, 9].into(),
            numbers: vec![3].into(),
            lede: vec![1, 2, 4].into(),
            head: vec![2].into(),
            ..Features::default()
        };
        let r = Rarities::of(&f, &Lib);
        let every = rarity(&Lib, NAME, 7);
        assert!(every < 0.001 && (r.at(Part::Names, 0) - every).abs() < STEP, "in every article: {every}");
        let ten = rarity(&Lib, NAME, 9);
        assert!(ten > 0.5, "in 10 of 1,000: {ten}");
        assert!((r.at(Part::Names, 1) - ten).abs() < STEP, "{} {ten}", r.at(Part::Names, 1));
        assert_eq!(r.each(Part::Numbers).count(), 1);
        assert_eq!(r.each(Part::Lede).count(), 3);
        assert_eq!(r.each(Part::Head).count(), 1);
        assert!(r.each(Part::Head).all(|x| (x - ten).abs() < STEP));
        let unknown = Rarities::of(&f, &Unknown);
        assert!(unknown.each(Part::Lede).all(|x| x == 1.0), "no library: every feature as rare");
        let empty = Rarities::of(&Features::default(), &Lib);
        assert_eq!(empty.each(Part::Head).count(), 0);
    }
}
