//! How rare each event feature is in the whole library, so that a name or
//! figure is weighed against the library and not only against an article's
//! candidates. Against the candidates alone, the names every member of a
//! large event shares (14 accounts of one casting) count for nothing, since
//! every candidate is a member; against the library they are rare and count.
//!
//! A grouping pass knows each feature's frequency from its [`FeatureMap`];
//! it writes the frequencies (of the features in two or more articles) to
//! `event-weights.bin`, so that `related`, which scores one article's
//! candidates from the index, weighs them the same way. The file is read
//! through a memory map and searched in place: a lookup costs a binary
//! search, and opening it nothing that grows with the library.
//!
//! [`FeatureMap`]: super::candidates::FeatureMap

use crate::config::Paths;
use std::path::PathBuf;

const MAGIC: &[u8; 4] = b"BYLW";
const VERSION: u32 = 1;
/// Magic, version, articles (u64), keys (u64).
const HEADER: usize = 24;

/// A feature's document frequency in the library.
pub trait DocFreq: Sync {
    /// How many articles the frequencies count.
    fn articles(&self) -> usize;
    /// How many of them have feature `key` (a [`feature key`]); 0 when unknown.
    ///
    /// [`feature key`]: super::candidates::key
    fn df(&self, key: u32) -> usize;
}

/// No library: every feature equally rare (`related` before any grouping).
pub struct Unknown;

impl DocFreq for Unknown {
    fn articles(&self) -> usize {
        0
    }
    fn df(&self, _: u32) -> usize {
        0
    }
}

fn file(paths: &Paths) -> PathBuf {
    paths.data.join("event-weights.bin")
}

/// Write the frequencies: `keys` sorted, each with its frequency.
pub fn save(paths: &Paths, articles: usize, keys: impl Iterator<Item = (u32, u32)>) -> anyhow::Result<()> {
    crate::fsutil::write_atomic_with(&file(paths), |out| {
        let (mut ks, mut dfs) = (Vec::new(), Vec::new());
        for (k, df) in keys {
            ks.extend_from_slice(&k.to_le_bytes());
            dfs.extend_from_slice(&df.to_le_bytes());
        }
        let mut head = Vec::with_capacity(HEADER);
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&VERSION.to_le_bytes());
        head.extend_from_slice(&(articles as u64).to_le_bytes());
        head.extend_from_slice(&((ks.len() / 4) as u64).to_le_bytes());
        out.write_all(&head)?;
        out.write_all(&ks)?;
        out.write_all(&dfs)?;
        Ok(())
    })?;
    Ok(())
}

/// The stored frequencies, mapped.
pub struct Stored {
    map: memmap2::Mmap,
    articles: usize,
    len: usize,
}

impl Stored {
    /// None when there is no whole file of this version.
    pub fn load(paths: &Paths) -> Option<Stored> {
        let f = std::fs::File::open(file(paths)).ok()?;
        // SAFETY: byline writes the file aside and renames it over this one
        // (`write_atomic_with`), which leaves this mapping on the old file.
        let map = unsafe { memmap2::Mmap::map(&f) }.ok()?;
        let u64_at = |at: usize| Some(u64::from_le_bytes(map.get(at..at + 8)?.try_into().ok()?));
        if map.get(..4)? != MAGIC || map.get(4..8)? != VERSION.to_le_bytes() {
            return None;
        }
        let (articles, len) = (u64_at(8)? as usize, u64_at(16)? as usize);
        (map.len() == HEADER.checked_add(len.checked_mul(8)?)?).then_some(Stored { map, articles, len })
    }

    fn u32_at(&self, i: usize) -> u32 {
        let at = HEADER + 4 * i;
        u32::from_le_bytes(self.map[at..at + 4].try_into().expect("four bytes"))
    }
}

impl DocFreq for Stored {
    fn articles(&self) -> usize {
        self.articles
    }
    fn df(&self, key: u32) -> usize {
        let (mut lo, mut hi) = (0, self.len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.u32_at(mid).cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.u32_at(self.len + mid) as usize,
            }
        }
        // Not stored: in at most one article.
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequencies_read_back_and_a_damaged_file_is_refused() {
        let home = tempfile::tempdir().unwrap();
        let paths = Paths::under(home.path());
        std::fs::create_dir_all(&paths.data).unwrap();
        assert!(Stored::load(&paths).is_none());
        save(&paths, 100, [(3, 7), (9, 2), (40, 55)].into_iter()).unwrap();
        let s = Stored::load(&paths).unwrap();
        assert_eq!((s.articles(), s.df(3), s.df(9), s.df(40), s.df(10)), (100, 7, 2, 55, 1));
        let bytes = std::fs::read(file(&paths)).unwrap();
        std::fs::write(file(&paths), &bytes[..bytes.len() - 1]).unwrap();
        assert!(Stored::load(&paths).is_none());
    }
}
