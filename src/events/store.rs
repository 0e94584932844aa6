//! The events kept in the data dir, so `byline events` and the app do not
//! regroup the library every time, and a re-index only rescores what changed.
//!
//! Two files (and who is in which event, [`super::members`]):
//! `events.json`, the groups as listed (all that showing them needs), and
//! `grouping.bin`, what a re-index needs to read and rescore
//! only what changed: every grouped article's listing and features, and
//! the scored pairs by position, in a compact binary form ([`codec`])
//! because a library of a million articles has ten million pairs. Both
//! are written atomically; an unreadable or older file is simply rebuilt.
//!
//! [`codec`]: super::codec

use super::cluster::Event;
use super::codec::{MIN_ARTICLE_BYTES, Reader, Writer};
use super::features::Features;
use crate::article::Listing;
use crate::config::Paths;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Bumped when the scoring or the files change: older files are rebuilt.
const VERSION: u32 = 5;
const MAGIC: &[u8; 4] = b"BYLG";

/// The events as listed.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct EventStore {
    version: u32,
    /// The index commit the grouping was computed for.
    pub commit: u64,
    pub events: Vec<Event>,
}

/// The scored pairs behind the events, and what was read of each article
/// to score them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grouping {
    /// The articles the grouping was computed for, as listed.
    pub members: Vec<Listing>,
    /// Their features, in the same order.
    pub features: Vec<Features>,
    /// Scored pairs, from each subject to its candidates, as positions in `members`.
    pub directed: Vec<(u32, u32, f32)>,
}

fn events_file(paths: &Paths) -> PathBuf {
    paths.data.join("events.json")
}

fn grouping_file(paths: &Paths) -> PathBuf {
    paths.data.join("grouping.bin")
}

impl EventStore {
    pub fn new(commit: u64, events: Vec<Event>) -> EventStore {
        EventStore { version: VERSION, commit, events }
    }

    /// The stored events, if there is a readable file of this version.
    pub fn load(paths: &Paths) -> Option<EventStore> {
        let bytes = std::fs::read(events_file(paths)).ok()?;
        let store: EventStore = serde_json::from_slice(&bytes).ok()?;
        (store.version == VERSION).then_some(store)
    }

    /// Saved with who is in which event ([`super::members`]), for the
    /// same commit.
    pub fn save(&self, paths: &Paths) -> anyhow::Result<()> {
        super::members::save(paths, self.commit, &self.events)?;
        crate::fsutil::write_atomic_with(&events_file(paths), |out| Ok(serde_json::to_writer(out, self)?))?;
        Ok(())
    }
}

impl Grouping {
    /// The stored grouping, read through a memory map: the file's pages are
    /// the kernel's to drop, where a copy of it (a gigabyte at a million
    /// articles) stood beside the decoded grouping until it was decoded.
    /// Where a file cannot be mapped it is read whole, as before.
    pub fn load(paths: &Paths) -> Option<Grouping> {
        let file = std::fs::File::open(grouping_file(paths)).ok()?;
        // SAFETY: the map lives only while it is decoded, and byline never
        // writes grouping.bin in place: a new one is written aside and
        // renamed over it (`write_atomic_with`), which leaves this mapping on
        // the old file. Only something outside byline truncating the file
        // during those seconds could fault the read.
        match unsafe { memmap2::Mmap::map(&file) } {
            Ok(map) => Grouping::decode(&map),
            Err(_) => Grouping::decode(&std::fs::read(grouping_file(paths)).ok()?),
        }
    }

    pub fn save(&self, paths: &Paths) -> anyhow::Result<()> {
        crate::fsutil::write_atomic_with(&grouping_file(paths), |out| self.encode_into(out))?;
        Ok(())
    }

    /// Magic, version, the articles (each its listing, then its features),
    /// the pairs (12 bytes each). Each article is encoded and handed to
    /// `out` (a buffered file) on its own: the file, a gigabyte at a million
    /// articles, is never whole in memory.
    fn encode_into(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut w = Writer::default();
        w.0.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.u64(self.members.len() as u64);
        for (m, p) in self.members.iter().zip(&self.features) {
            w.listing(m);
            w.features(p);
            out.write_all(&w.0)?;
            w.0.clear();
        }
        w.u64(self.directed.len() as u64);
        for &(a, b, s) in &self.directed {
            w.u32(a);
            w.u32(b);
            w.f32(s);
            out.write_all(&w.0)?;
            w.0.clear();
        }
        out.write_all(&w.0)
    }

    #[cfg(test)]
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode_into(&mut out).expect("a Vec takes every write");
        out
    }

    /// None for anything but a whole file of this version with positions in range.
    fn decode(bytes: &[u8]) -> Option<Grouping> {
        let mut r = Reader(bytes);
        if r.take(4)? != MAGIC || r.u32()? != VERSION {
            return None;
        }
        let n = r.u64()? as usize;
        // A damaged count must not reserve more than the file can hold.
        let most = n.min(bytes.len() / MIN_ARTICLE_BYTES);
        let (mut members, mut features) = (Vec::with_capacity(most), Vec::with_capacity(most));
        for _ in 0..n {
            members.push(r.listing()?);
            features.push(r.features()?);
        }
        let m = r.u64()? as usize;
        let mut directed = Vec::with_capacity(m.min(bytes.len() / 12));
        for _ in 0..m {
            let (a, b, s) = (r.u32()?, r.u32()?, r.f32()?);
            if a as usize >= n || b as usize >= n || !s.is_finite() {
                return None;
            }
            directed.push((a, b, s));
        }
        r.0.is_empty().then_some(Grouping { members, features, directed })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleId;

    #[test]
    fn a_grouping_reads_back_and_a_damaged_one_is_refused() {
        let member = |id: &str| Listing { id: ArticleId(id.into()), title: id.into(), outlet: None, date: None };
        let g = Grouping {
            members: vec![member("a1"), member("b2")],
            features: vec![Features::default(), Features { names: vec![7, 9].into(), ..Features::default() }],
            directed: vec![(0, 1, 0.5), (1, 0, 0.25)],
        };
        let bytes = g.encode();
        assert_eq!(Grouping::decode(&bytes), Some(g));
        assert_eq!(Grouping::decode(&bytes[..bytes.len() - 1]), None, "truncated");
        let mut bad = bytes.clone();
        bad[bytes.len() - 12] = 9;
        assert_eq!(Grouping::decode(&bad), None, "a position out of range");
        assert_eq!(Grouping::decode(b"{}"), None);
        // A count of articles far past what the file holds is refused.
        let mut huge = bytes.clone();
        huge[8..16].copy_from_slice(&u64::MAX.to_le_bytes());
        assert_eq!(Grouping::decode(&huge), None);
    }

    #[test]
    fn a_grouping_of_many_chunks_is_saved_and_loaded_whole() {
        let home = tempfile::tempdir().unwrap();
        let paths = Paths::under(home.path());
        let n = 6000u32;
        let g = Grouping {
            members: (0..n)
                .map(|i| Listing {
                    id: ArticleId(format!("{i:08x}")),
                    title: format!("t{i}"),
                    outlet: None,
                    date: None,
                })
                .collect(),
            features: (0..n).map(|i| Features { shingles: (i..i + 100).collect(), ..Features::default() }).collect(),
            directed: (1..n).map(|i| (i - 1, i, 0.5)).collect(),
        };
        assert!(g.encode().len() > 2 << 20, "megabytes, written an article at a time");
        g.save(&paths).unwrap();
        assert_eq!(Grouping::load(&paths), Some(g.clone()));
        // Saved again over itself (a re-index), it reads back the same.
        g.save(&paths).unwrap();
        assert_eq!(Grouping::load(&paths), Some(g));
        // A cut or emptied file (a disk that filled) is refused: regrouped.
        let file = grouping_file(&paths);
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
        assert_eq!(Grouping::load(&paths), None);
        std::fs::write(&file, b"").unwrap();
        assert_eq!(Grouping::load(&paths), None);
    }
}
