//! Re-reading the library from the app: index what changed, then group the
//! events again as `byline index` does, saying how far it has got.
//!
//! Refreshes run on a thread of their own (see [`spawn_indexer`]), so that
//! searches and articles keep being answered while a large folder is read:
//! typing never waits behind indexing.

use super::action::AppEvent;
use super::worker::{Kind, Reply, Request, SearchBackend, THREAD_NAME, failed, guarded};
use crate::index::{Busy, IndexReport, Progress};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};

/// What a refresh is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Index(Progress),
    Grouping,
}

impl Step {
    /// For the status line.
    pub fn describe(&self) -> String {
        match self {
            Step::Index(Progress::Walked { files }) => format!("indexing: {files} files found"),
            Step::Index(Progress::Read { done, total }) => format!("indexing {done}/{total} files"),
            Step::Index(Progress::Committing) => "indexing: saving".into(),
            Step::Grouping => "grouping events".into(),
        }
    }
}

/// What a refresh changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Indexed {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub total: usize,
    pub skipped: usize,
}

impl Indexed {
    pub fn of(r: &IndexReport) -> Indexed {
        Indexed {
            added: r.articles_added,
            updated: r.articles_updated,
            removed: r.articles_removed,
            total: r.articles_total,
            skipped: r.skipped.len(),
        }
    }

    pub fn changed(&self) -> bool {
        self.added + self.updated + self.removed > 0
    }

    /// "indexed 2 new articles", or `None` when nothing changed.
    pub fn describe(&self) -> Option<String> {
        let articles = |n: usize| if n == 1 { "article" } else { "articles" };
        let mut parts = Vec::new();
        if self.updated > 0 {
            parts.push(format!("{} changed", self.updated));
        }
        if self.removed > 0 {
            parts.push(format!("{} removed", self.removed));
        }
        let head = match (self.added, parts.is_empty()) {
            (0, true) => return None,
            (0, false) => format!("library updated: {}", parts.remove(0)),
            (n, _) => format!("indexed {n} new {}", articles(n)),
        };
        let rest: String = parts.iter().map(|p| format!(", {p}")).collect();
        Some(format!("{head}{rest} ({} {} in all)", self.total, articles(self.total)))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefreshError {
    /// Another byline holds the index: this one reads but does not index.
    Busy,
    Failed(String),
}

/// Index what changed and, if anything did, group the events again.
pub fn run(backend: &dyn SearchBackend, progress: &(dyn Fn(Step) + Sync)) -> Result<Indexed, RefreshError> {
    let failed = |e: anyhow::Error| {
        if e.chain().any(|c| c.is::<Busy>()) {
            tracing::info!("not indexing: {e:#}");
            return RefreshError::Busy;
        }
        tracing::error!("refresh: {e:#}");
        RefreshError::Failed(crate::sanitize::clean_line(&format!("{e:#}")))
    };
    let indexed = Indexed::of(&backend.refresh(&|p| progress(Step::Index(p))).map_err(failed)?);
    if indexed.changed() {
        progress(Step::Grouping);
        let started = std::time::Instant::now();
        let events = backend.events().map_err(failed)?;
        tracing::info!(events = events.len(), ms = started.elapsed().as_millis() as u64, "events grouped");
    }
    Ok(indexed)
}

/// Pass on the steps worth a new status line: every step but reading,
/// and reading each fiftieth of the way.
fn worth_showing(step: Step) -> bool {
    match step {
        Step::Index(Progress::Read { done, total }) => done == total || done % (total / 50).max(1) == 0,
        _ => true,
    }
}

/// Start the thread that answers [`Request::Refresh`]; returns where to send them.
pub fn spawn_indexer(
    backend: Arc<dyn SearchBackend>,
    events: Sender<AppEvent>,
    latest: Arc<[AtomicU64; super::worker::KINDS]>,
) -> Sender<Request> {
    let (tx, rx) = channel::<Request>();
    std::thread::Builder::new()
        .name(THREAD_NAME.into())
        .spawn(move || {
            // Refreshes yield the cores to the worker that answers keys.
            crate::background::lower_priority();
            for request in rx {
                let generation = request.generation();
                if generation < latest[Kind::Refresh as usize].load(Ordering::SeqCst) {
                    continue;
                }
                let progress = |step: Step| {
                    if worth_showing(step) {
                        let _ = events.send(AppEvent::Reply(Reply::Progress { generation, step }));
                    }
                };
                let reply = guarded(|| Reply::Refreshed { generation, report: run(&*backend, &progress) })
                    .unwrap_or_else(|e| failed(Kind::Refresh, generation, e));
                if events.send(AppEvent::Reply(reply)).is_err() {
                    return;
                }
            }
        })
        .expect("cannot start the indexing thread");
    tx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_line_says_what_changed() {
        let ix = |added, updated, removed| Indexed { added, updated, removed, total: 7, skipped: 0 };
        assert_eq!(ix(0, 0, 0).describe(), None);
        assert_eq!(ix(2, 0, 0).describe().unwrap(), "indexed 2 new articles (7 articles in all)");
        assert_eq!(ix(1, 1, 3).describe().unwrap(), "indexed 1 new article, 1 changed, 3 removed (7 articles in all)");
        assert_eq!(ix(0, 0, 1).describe().unwrap(), "library updated: 1 removed (7 articles in all)");
    }

    #[test]
    fn reading_progress_is_passed_on_fifty_times_at_most() {
        let total = 10_000;
        let shown = (1..=total).filter(|&done| worth_showing(Step::Index(Progress::Read { done, total }))).count();
        assert_eq!(shown, 50);
        assert!(worth_showing(Step::Index(Progress::Read { done: 3, total: 3 })));
    }
}
