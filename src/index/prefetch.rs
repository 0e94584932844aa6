//! Warming the index when the app opens a library.
//!
//! The first searches after the app starts read the index from disk when
//! the page cache has let it go (after a build, a backup, another large
//! index run): at 100k articles the first keystrokes took 25–61 ms with a
//! dropped cache and at most 13 ms with the index's files read first (0.8 s
//! for 494 MB). So the app reads the files through once, from a background
//! thread at a lower priority, the parts a search needs first (terms, fast
//! fields, norms, postings) before the stored articles and positions. No
//! more than [`MAX_BYTES`] is read, and no more than half the memory
//! available: reading all 4.8 GB of a million articles' index kept the disk
//! busy just when the first searches wanted it (1.5–1.8 s for the first
//! keys), so a large index gets its small files read and nothing else.

use super::Catalog;
use std::fs::File;
use std::path::{Path, PathBuf};

/// The most read ahead: all of a 100k-article index (494 MB), the term
/// dictionaries and fast fields of a larger one.
const MAX_BYTES: u64 = 768 * 1024 * 1024;

impl Catalog {
    /// Bring the index into the page cache, in the background.
    pub fn prefetch(&self) {
        let dir = self.index_dir();
        let _ = std::thread::Builder::new().name("byline-prefetch".into()).spawn(move || {
            crate::priority::lower();
            let budget = available_memory().map_or(MAX_BYTES, |m| (m / 2).min(MAX_BYTES));
            let bytes = prefetch_dir(&dir, Some(budget));
            tracing::debug!(bytes, dir = %dir.display(), "index read ahead");
        });
    }
}

/// Which files a search needs first (lower first).
fn rank(path: &Path) -> u8 {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "term" => 0,
        "fast" => 1,
        "fieldnorm" => 2,
        "idx" => 3,
        "store" => 4,
        "pos" => 5,
        _ => 6,
    }
}

/// Read the files of `dir`, most needed first, each only if it fits in
/// what is left of `budget` bytes; returns the bytes read.
fn prefetch_dir(dir: &Path, budget: Option<u64>) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let mut files: Vec<(u8, PathBuf, u64)> = entries
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            Some((rank(&e.path()), e.path(), meta.len()))
        })
        .collect();
    files.sort();
    let (mut total, mut buf) = (0, vec![0u8; 1 << 20]);
    for (_, path, len) in files {
        if budget.is_some_and(|b| total + len > b) {
            continue;
        }
        if let Ok(file) = File::open(&path) {
            read_ahead(&file, &mut buf);
            total += len;
        }
    }
    total
}

/// Read `file` through once, so that the kernel keeps its pages. (Advice
/// alone, `posix_fadvise(WILLNEED)`, left the files uncached here.)
fn read_ahead(mut file: &File, buf: &mut [u8]) {
    use std::io::Read;
    while matches!(file.read(buf), Ok(n) if n > 0) {}
}

/// MemAvailable from /proc/meminfo, in bytes (None elsewhere).
fn available_memory() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_a_search_needs_first_are_read_ahead_within_the_budget() {
        let dir = tempfile::tempdir().unwrap();
        for (name, len) in [("a.store", 100), ("a.term", 10), ("a.pos", 50), ("meta.json", 5)] {
            std::fs::write(dir.path().join(name), vec![0u8; len]).unwrap();
        }
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert_eq!(prefetch_dir(dir.path(), None), 165);
        // The stored articles do not fit after the terms: positions and meta do.
        assert_eq!(prefetch_dir(dir.path(), Some(70)), 65);
        assert_eq!(prefetch_dir(&dir.path().join("missing"), None), 0);
        if cfg!(target_os = "linux") {
            assert!(available_memory().is_some_and(|m| m > 0));
        }
    }
}
