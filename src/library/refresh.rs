//! The one refresh pipeline: bring the index up to date with the library's
//! folders, then the events with the index (carried over when no article
//! changed, grouped again otherwise), saying how far it has got as values.
//!
//! `byline index`, `byline fetch`, the app's live refreshes and its `F` all
//! come here, so a change to what a refresh does is made once. Before there
//! was one pipeline the command line regrouped whenever the stored events
//! could not be carried over, the app only when an article changed; the
//! rule now is the command line's, so that after any refresh the stored
//! events are those of the index (grouping when they are already is a read
//! of `events.json`).

use super::{Error, Library};
use crate::index::{IndexReport, Progress};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a refresh is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Indexing the library's files.
    Index(Progress),
    /// The index is done: the events are being brought up to date.
    Grouping,
}

/// What a refresh did.
#[derive(Clone, Debug, Default)]
pub struct Refreshed {
    pub report: IndexReport,
    /// How many events the library has now.
    pub events: usize,
    pub took: Took,
}

/// How long a refresh's two phases took (the benchmark suite reads them
/// from `byline index --json`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Took {
    /// Indexing, and carrying the events over when that was all they needed.
    pub index: Duration,
    /// Grouping the events again (nothing when they were carried over).
    pub grouping: Duration,
}

impl Library {
    /// Bring the index and then the events up to date. One refresh runs at
    /// a time in a process (the app's live refresh and its fetch wait for
    /// each other rather than find the index busy); another byline indexing
    /// the same library is [`Error::Busy`].
    pub fn refresh(&self, progress: &(dyn Fn(Step) + Sync)) -> Result<Refreshed, Error> {
        let _one_at_a_time = self.refreshing.lock().unwrap_or_else(|p| p.into_inner());
        let started = Instant::now();
        let report = self.catalog.refresh(&|p| progress(Step::Index(p)))?;
        let carried = crate::events::carry_over(&self.catalog, &report)?;
        let index = started.elapsed();
        progress(Step::Grouping);
        let events = match carried {
            Some(events) => events,
            None => crate::events::refresh(&self.catalog)?,
        };
        let grouping = started.elapsed() - index;
        tracing::info!(events = events.len(), ms = grouping.as_millis() as u64, "events grouped");
        Ok(Refreshed { report, events: events.len(), took: Took { index, grouping } })
    }

    /// Add folders or files to the library, then [`Library::refresh`] at a
    /// lower CPU priority, so that an app open on the same machine keeps
    /// answering keys at once (see [`crate::priority`]).
    pub fn index(&self, roots: &[PathBuf], progress: &(dyn Fn(Step) + Sync)) -> Result<Refreshed, Error> {
        crate::priority::lower();
        self.catalog.add_roots(roots)?;
        self.refresh(progress)
    }
}
