//! The events kept in the data dir, so `byline events` and the app do not
//! regroup the library every time, and a re-index only rescores what changed.
//! Written atomically; an unreadable or older file is simply rebuilt.

use super::cluster::{Event, Member};
use crate::config::Paths;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Bumped when the scoring or the file changes: older files are rebuilt.
const VERSION: u32 = 2;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct EventStore {
    version: u32,
    /// The index commit the grouping was computed for.
    pub commit: u64,
    /// The articles the grouping was computed for.
    pub members: Vec<Member>,
    /// Scored pairs, from each subject to its candidates, as positions in
    /// `members` (compact: a library of a million articles has ten million).
    pub directed: Vec<(u32, u32, f32)>,
    pub events: Vec<Event>,
}

fn file(paths: &Paths) -> PathBuf {
    paths.data.join("events.json")
}

impl EventStore {
    pub fn new(commit: u64, members: Vec<Member>, directed: Vec<(u32, u32, f32)>, events: Vec<Event>) -> EventStore {
        EventStore { version: VERSION, commit, members, directed, events }
    }

    pub fn is_current(&self) -> bool {
        self.version == VERSION
    }

    /// The stored grouping, if there is a readable one of this version.
    pub fn load(paths: &Paths) -> Option<EventStore> {
        let bytes = std::fs::read(file(paths)).ok()?;
        let store: EventStore = serde_json::from_slice(&bytes).ok()?;
        store.is_current().then_some(store)
    }

    pub fn save(&self, paths: &Paths) -> anyhow::Result<()> {
        let bytes = serde_json::to_vec(self)?;
        crate::fsutil::write_atomic(&file(paths), &bytes)?;
        Ok(())
    }
}
