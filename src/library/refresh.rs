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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, Paths};
    use std::sync::mpsc::channel;

    fn demo() -> (tempfile::TempDir, Library) {
        let home = tempfile::tempdir().unwrap();
        let library = Library::open(&Paths::under(home.path()), &Config::defaults()).unwrap();
        (home, library)
    }

    #[test]
    fn after_a_refresh_the_stored_events_are_those_of_the_index() {
        let (_home, library) = demo();
        // The first question indexes the demo, without grouping it.
        assert_eq!(library.info().unwrap().articles, 5);
        assert!(crate::events::EventStore::load(library.paths()).is_none());
        // A refresh that changes no article still leaves events for the index.
        let refreshed = library.refresh(&|_| {}).unwrap();
        assert!(refreshed.report.articles_unchanged());
        let stored = crate::events::EventStore::load(library.paths()).expect("events stored");
        assert_eq!(stored.commit, library.catalog.commit_stamp().unwrap());
        assert_eq!(stored.events.len(), refreshed.events);
    }

    #[test]
    fn two_refreshes_in_one_process_wait_for_each_other_rather_than_find_the_index_busy() {
        let (_home, library) = demo();
        library.info().unwrap();
        let library = std::sync::Arc::new(library);
        let (inside, entered) = channel();
        let (release, released) = channel::<()>();
        let released = std::sync::Mutex::new(released);
        let first = {
            let library = library.clone();
            std::thread::spawn(move || {
                // Held inside the index run, with the writer lock taken.
                library.refresh(&|step| {
                    if let Step::Index(Progress::Walked { .. }) = step {
                        let _ = inside.send(());
                        let _ = released.lock().unwrap().recv();
                    }
                })
            })
        };
        entered.recv().unwrap();
        let second = {
            let library = library.clone();
            std::thread::spawn(move || library.refresh(&|_| {}))
        };
        std::thread::sleep(Duration::from_millis(300));
        release.send(()).unwrap();
        assert!(first.join().unwrap().is_ok());
        let second = second.join().unwrap();
        assert!(second.is_ok(), "{second:?}");
    }
}
