//! The events kept in the data dir, so `byline events` and the app do not
//! regroup the library every time, and a re-index only rescores what changed.
//!
//! Two files: `events.json`, the groups as listed (all that showing them
//! needs), and `grouping.bin`, the scored pairs by article id (what a
//! re-index needs to rescore only what changed), in a compact binary form
//! because a library of a million articles has ten million of them. Both
//! are written atomically; an unreadable or older file is simply rebuilt.

use super::cluster::Event;
use crate::article::ArticleId;
use crate::config::Paths;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Bumped when the scoring or the files change: older files are rebuilt.
const VERSION: u32 = 2;
const MAGIC: &[u8; 4] = b"BYLG";

/// The events as listed.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct EventStore {
    version: u32,
    /// The index commit the grouping was computed for.
    pub commit: u64,
    pub events: Vec<Event>,
}

/// The scored pairs behind the events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grouping {
    /// The articles the grouping was computed for.
    pub ids: Vec<ArticleId>,
    /// Scored pairs, from each subject to its candidates, as positions in `ids`.
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

    pub fn save(&self, paths: &Paths) -> anyhow::Result<()> {
        crate::fsutil::write_atomic(&events_file(paths), &serde_json::to_vec(self)?)?;
        Ok(())
    }
}

impl Grouping {
    pub fn load(paths: &Paths) -> Option<Grouping> {
        Grouping::decode(&std::fs::read(grouping_file(paths)).ok()?)
    }

    pub fn save(&self, paths: &Paths) -> anyhow::Result<()> {
        crate::fsutil::write_atomic(&grouping_file(paths), &self.encode())?;
        Ok(())
    }

    /// Magic, version, the ids (length-prefixed), the pairs (12 bytes each).
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.ids.len() * 18 + self.directed.len() * 12);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.ids.len() as u64).to_le_bytes());
        for id in &self.ids {
            out.extend_from_slice(&(id.0.len() as u32).to_le_bytes());
            out.extend_from_slice(id.0.as_bytes());
        }
        out.extend_from_slice(&(self.directed.len() as u64).to_le_bytes());
        for &(a, b, s) in &self.directed {
            out.extend_from_slice(&a.to_le_bytes());
            out.extend_from_slice(&b.to_le_bytes());
            out.extend_from_slice(&s.to_le_bytes());
        }
        out
    }

    /// None for anything but a whole file of this version with positions in range.
    fn decode(bytes: &[u8]) -> Option<Grouping> {
        let mut r = Reader(bytes);
        if r.take(4)? != MAGIC || r.u32()? != VERSION {
            return None;
        }
        let n = r.u64()? as usize;
        let mut ids = Vec::with_capacity(n.min(bytes.len()));
        for _ in 0..n {
            let len = r.u32()? as usize;
            ids.push(ArticleId(String::from_utf8(r.take(len)?.to_vec()).ok()?));
        }
        let m = r.u64()? as usize;
        let mut directed = Vec::with_capacity(m.min(bytes.len() / 12));
        for _ in 0..m {
            let (a, b, s) = (r.u32()?, r.u32()?, f32::from_le_bytes(r.take(4)?.try_into().ok()?));
            if a as usize >= n || b as usize >= n || !s.is_finite() {
                return None;
            }
            directed.push((a, b, s));
        }
        r.0.is_empty().then_some(Grouping { ids, directed })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grouping_reads_back_and_a_damaged_one_is_refused() {
        let g = Grouping {
            ids: vec![ArticleId("a1".into()), ArticleId("b2".into())],
            directed: vec![(0, 1, 0.5), (1, 0, 0.25)],
        };
        let bytes = g.encode();
        assert_eq!(Grouping::decode(&bytes), Some(g));
        assert_eq!(Grouping::decode(&bytes[..bytes.len() - 1]), None, "truncated");
        let mut bad = bytes.clone();
        bad[bytes.len() - 12] = 9;
        assert_eq!(Grouping::decode(&bad), None, "a position out of range");
        assert_eq!(Grouping::decode(b"{}"), None);
    }
}
