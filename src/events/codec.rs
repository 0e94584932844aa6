//! The binary form of `grouping.bin`, because the file is large and read
//! on every re-index: it keeps each article's listing and [`Features`] and
//! every scored pair (ten million pairs at a million articles), so each
//! hash costs 4 bytes and each pair 12, where JSON would spell every number
//! out and parse it back. Little-endian integers, length-prefixed strings
//! and hash lists. Reading gives `None` for anything short, oversized or malformed,
//! never a panic: a file that cannot be read is grouped again.

use super::features::Features;
use crate::article::{ArticleId, Listing};
use chrono::NaiveDate;

/// The fewest bytes an article takes (a listing and features with empty
/// strings and lists): what a count read from a file can be checked against.
pub const MIN_ARTICLE_BYTES: usize = 41;

/// Appends values to a byte buffer.
#[derive(Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }
    pub fn u64(&mut self, n: u64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }
    pub fn f32(&mut self, x: f32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn hashes(&mut self, hs: &[u32]) {
        self.u32(hs.len() as u32);
        for &h in hs {
            self.u32(h);
        }
    }
    /// Days since 1 January of year 1; `i32::MIN` for none.
    fn date(&mut self, d: Option<NaiveDate>) {
        let days = d.map_or(i32::MIN, |d| chrono::Datelike::num_days_from_ce(&d));
        self.0.extend_from_slice(&days.to_le_bytes());
    }

    pub fn listing(&mut self, m: &Listing) {
        self.str(m.id.as_str());
        self.str(&m.title);
        match &m.outlet {
            Some(o) => {
                self.0.push(1);
                self.str(o);
            }
            None => self.0.push(0),
        }
        self.date(m.date);
    }

    pub fn features(&mut self, p: &Features) {
        self.date(p.date);
        for hs in [&p.names, &p.numbers, &p.lede, &p.head, &p.shingles] {
            self.hashes(hs);
        }
        self.u32(p.quotes.len() as u32);
        for q in &p.quotes {
            self.hashes(q);
        }
    }
}

/// Reads values back from a byte slice.
pub struct Reader<'a>(pub &'a [u8]);

impl<'a> Reader<'a> {
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub fn str(&mut self) -> Option<String> {
        let len = self.u32()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).ok()
    }
    fn hashes(&mut self) -> Option<Box<[u32]>> {
        let len = self.u32()? as usize;
        let bytes = self.take(len.checked_mul(4)?)?;
        Some(bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
    fn date(&mut self) -> Option<Option<NaiveDate>> {
        match i32::from_le_bytes(self.take(4)?.try_into().ok()?) {
            i32::MIN => Some(None),
            days => Some(Some(NaiveDate::from_num_days_from_ce_opt(days)?)),
        }
    }

    pub fn listing(&mut self) -> Option<Listing> {
        let id = ArticleId(self.str()?);
        let title = self.str()?;
        let outlet = match self.u8()? {
            0 => None,
            1 => Some(self.str()?),
            _ => return None,
        };
        Some(Listing { id, title, outlet, date: self.date()? })
    }

    pub fn features(&mut self) -> Option<Features> {
        let date = self.date()?;
        let (names, numbers, lede) = (self.hashes()?, self.hashes()?, self.hashes()?);
        let (head, shingles) = (self.hashes()?, self.hashes()?);
        let n = self.u32()? as usize;
        let mut quotes = Vec::with_capacity(n.min(self.0.len() / 4));
        for _ in 0..n {
            quotes.push(self.hashes()?);
        }
        Some(Features { date, names, numbers, lede, head, shingles, quotes: quotes.into_boxed_slice() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::fingerprint::Fingerprint;

    #[test]
    fn listings_and_prints_of_the_real_articles_read_back() {
        let mut w = Writer::default();
        let mut expected = Vec::new();
        for a in ["000", "001", "002", "003", "004"].into_iter().filter_map(crate::corpus::demo::article) {
            let (m, p) = (Listing::of(&a), Features::of(&Fingerprint::of(&a)));
            w.listing(&m);
            w.features(&p);
            expected.push((m, p));
        }
        let undated = Listing { id: ArticleId("x".into()), title: String::new(), outlet: None, date: None };
        w.listing(&undated);
        let mut r = Reader(&w.0);
        for (m, p) in &expected {
            assert_eq!(r.listing().as_ref(), Some(m));
            assert_eq!(r.features().as_ref(), Some(p));
        }
        assert_eq!(r.listing(), Some(undated));
        assert!(r.0.is_empty());
        assert!(expected.iter().any(|(m, p)| m.outlet.is_some() && !p.quotes.is_empty() && !p.names.is_empty()));
    }

    #[test]
    fn the_smallest_article_takes_min_article_bytes() {
        let mut w = Writer::default();
        w.listing(&Listing { id: ArticleId(String::new()), title: String::new(), outlet: None, date: None });
        w.features(&Features::default());
        assert_eq!(w.0.len(), MIN_ARTICLE_BYTES);
    }

    #[test]
    fn short_or_malformed_bytes_give_none() {
        let mut w = Writer::default();
        w.features(&Features { names: vec![1, 2, 3].into(), ..Features::default() });
        let bytes = w.0;
        for cut in 0..bytes.len() {
            assert_eq!(Reader(&bytes[..cut]).features(), None, "cut at {cut}");
        }
        let mut huge = Writer::default();
        huge.date(None);
        huge.u32(u32::MAX);
        assert_eq!(Reader(&huge.0).features(), None, "a length past the end");
    }
}
