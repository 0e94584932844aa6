//! A live library: while the app is open its folders are watched, and what
//! changes is indexed and shown without a restart, the user's place kept,
//! since a reader who copies articles in (or whose feeds are fetched) should
//! not have to quit to see them.
//!
//! Changes arrive as [`AppEvent::LibraryChanged`] from the library's watch
//! ([`Library::watch`]), already debounced. One refresh runs at a time:
//! changes that come while it runs are folded into a single refresh after
//! it, so a burst of files costs two refreshes at most, whatever its size.
//! When it ends the query runs again; the list keeps the selected article
//! by id. A second byline on the same library cannot index (the other holds
//! the index); it says so once and goes on reading.

use super::action::AppEvent;
use super::app::{App, Level, LibraryState};
use super::protocol::{Ask, Kind};
use super::worker::Opener;
use crate::config::{Config, Paths};
use crate::index::watch::Watch;
use crate::index::{IndexReport, Progress};
use crate::library::{Error, Library, Service, Step};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

/// What a refresh changed, as the status line tells it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Indexed {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub total: usize,
    pub skipped: usize,
    /// A folder of the library found gone (said once: see `index::folders`).
    pub gone: Option<String>,
}

impl Indexed {
    pub fn of(r: &IndexReport) -> Indexed {
        Indexed {
            added: r.articles_added,
            updated: r.articles_updated,
            removed: r.articles_removed,
            total: r.articles_total,
            skipped: r.skipped.len(),
            gone: r.gone.first().map(crate::index::Gone::said),
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

/// A refresh's step, for the status line.
pub fn describe_step(step: Step) -> String {
    match step {
        Step::Index(Progress::Walked { files }) => format!("indexing: {files} files found"),
        Step::Index(Progress::Read { done, total }) => format!("indexing {done}/{total} files"),
        Step::Index(Progress::Committing) => "indexing: saving".into(),
        Step::Grouping => "grouping events".into(),
    }
}

/// The steps worth a new status line: every step but reading, and reading
/// each fiftieth of the way.
pub fn worth_showing(step: Step) -> bool {
    match step {
        Step::Index(Progress::Read { done, total }) => done == total || done % (total / 50).max(1) == 0,
        _ => true,
    }
}

/// What the app knows of refreshing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Live {
    /// A refresh is on the worker.
    pub running: bool,
    /// Changes came while it ran: one more refresh when it ends.
    pub pending: bool,
    /// Asked for with a key: say how it went even when nothing changed.
    manual: bool,
    /// What the running refresh is doing, for the status line.
    pub progress: Option<String>,
    /// The user has been told that this window does not index.
    pub said_read_only: bool,
    /// Refreshes asked of the worker since the app started.
    pub refreshes: u64,
}

/// What the status line says when another byline holds the index.
pub const READ_ONLY: &str =
    "another byline is indexing this library: this window does not index; restart it to see what that one adds";

impl App {
    /// The watcher saw changes.
    pub(super) fn library_changed(&mut self, paths: usize) {
        tracing::debug!(paths, running = self.live.running, "library changed");
        self.want_refresh(false);
    }

    /// The user asked to re-read the library.
    pub(super) fn refresh_now(&mut self) {
        self.want_refresh(true);
        self.say("re-reading the library…", Level::Info);
    }

    fn want_refresh(&mut self, manual: bool) {
        self.live.manual |= manual;
        if self.live.running || !matches!(self.library, LibraryState::Ready(_)) {
            self.live.pending = true;
        } else {
            self.start_refresh();
        }
    }

    fn start_refresh(&mut self) {
        self.live.running = true;
        self.live.pending = false;
        self.live.refreshes += 1;
        self.live.progress = Some("indexing…".into());
        self.ask(Ask::Refresh);
    }

    /// The library is open: say if it had to be rebuilt, and catch up with
    /// changes seen while it opened.
    pub(super) fn library_ready(&mut self, rebuilt: bool) {
        if rebuilt {
            self.say("the index was damaged; it has been rebuilt from the library's files", Level::Info);
        }
        if self.live.pending {
            self.start_refresh();
        }
    }

    pub(super) fn refresh_progress(&mut self, generation: u64, status: String) {
        if generation == self.gens.latest(Kind::Refresh) && self.live.running {
            self.live.progress = Some(status);
        }
    }

    /// A live refresh is over.
    pub(super) fn refreshed(&mut self, report: Result<Indexed, Error>) {
        let manual = std::mem::take(&mut self.live.manual);
        self.live.running = false;
        self.live.progress = None;
        self.show_refresh(report, manual, None);
        if self.live.pending {
            self.start_refresh();
        }
    }

    /// Say how a refresh went (after what `fetched` said of the fetch before
    /// it, if one came first), and show what it changed. Asked for with a
    /// key (`manual`), it is said even when nothing changed.
    pub(super) fn show_refresh(
        &mut self,
        report: Result<Indexed, Error>,
        manual: bool,
        fetched: Option<(String, Level)>,
    ) {
        match report {
            Ok(indexed) => {
                let what = match (indexed.describe(), &indexed.gone) {
                    (Some(what), Some(gone)) => Some(format!("{what}; {gone}")),
                    (Some(what), None) => Some(what),
                    (None, Some(gone)) => Some(gone.clone()),
                    (None, None) if manual => Some(format!("nothing changed ({} articles)", indexed.total)),
                    (None, None) => None,
                };
                match (fetched, what) {
                    (Some((fetched, level)), Some(what)) => self.say(format!("{fetched}; library: {what}"), level),
                    (Some((fetched, level)), None) => self.say(fetched, level),
                    (None, Some(what)) => self.say(what, Level::Info),
                    (None, None) => {}
                }
                if indexed.changed() {
                    self.search();
                    if self.events.is_some() {
                        self.ask_events();
                    }
                }
            }
            Err(Error::Busy(_)) => {
                if manual || !self.live.said_read_only {
                    self.say(READ_ONLY, Level::Info);
                }
                self.live.said_read_only = true;
            }
            Err(e) => self.say(format!("cannot index the library: {e}"), Level::Error),
        }
    }
}

/// The worker's opener for the app: open the library in `paths` with
/// `config` and watch its folders, each batch of changes becoming an
/// [`AppEvent`] on `events`. The watch lives in `slot` as long as the app
/// runs; a library that cannot be watched is still read.
pub fn watched(paths: Paths, config: Config, events: Sender<AppEvent>, slot: Arc<Mutex<Option<Watch>>>) -> Opener {
    Box::new(move || {
        let library = Library::open(&paths, &config)?;
        let send = move |changed: Vec<std::path::PathBuf>| {
            let _ = events.send(AppEvent::LibraryChanged(changed.len()));
        };
        match library.watch(send) {
            Ok(w) => *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(w),
            Err(e) => tracing::warn!("cannot watch the library's folders: {e}"),
        }
        Ok(Arc::new(library) as Arc<dyn Service>)
    })
}

#[cfg(test)]
mod tests {
    use crate::tui::action::AppEvent;
    use crate::tui::testing::{Harness, Memory};
    use std::sync::Arc;

    fn harness() -> Harness {
        let articles = ["000_", "001_", "002_"].map(|p| crate::corpus::demo::article(p).expect("a seed")).to_vec();
        Harness::new(Arc::new(Memory(articles)), 100, 30)
    }

    #[test]
    fn a_burst_of_changes_costs_two_refreshes_at_most() {
        let mut h = harness();
        for _ in 0..100 {
            h.app.handle(AppEvent::LibraryChanged(1));
        }
        assert_eq!(h.app.live.refreshes, 1, "one runs, the rest wait for it");
        assert!(h.app.live.running && h.app.live.pending);
        h.draw();
        assert!(h.screen().contains("indexing…"), "{}", h.screen());
        h.settle();
        assert_eq!(h.app.live.refreshes, 2, "the changes that came meanwhile: one more");
        assert!(!h.app.live.running && !h.app.live.pending);
        assert!(!h.screen().contains("indexing"), "{}", h.screen());
    }

    #[test]
    fn the_status_line_shows_how_far_indexing_has_got() {
        use crate::index::Progress;
        use crate::library::Step;
        use crate::tui::protocol::{Kind, Reply};
        let mut h = harness();
        h.app.handle(AppEvent::LibraryChanged(1));
        let generation = h.app.gens.latest(Kind::Refresh);
        let status = super::describe_step(Step::Index(Progress::Read { done: 40, total: 100 }));
        h.app.handle(AppEvent::Reply(Reply::Progress { kind: Kind::Refresh, generation, status }));
        h.draw();
        let status = h.screen().lines().last().unwrap().to_string();
        assert!(status.trim_end().ends_with("indexing 40/100 files"), "{status}");
        let status = super::describe_step(Step::Grouping);
        h.app.handle(AppEvent::Reply(Reply::Progress { kind: Kind::Refresh, generation, status }));
        h.draw();
        assert!(h.screen().contains("grouping events"));
        h.settle();
        assert!(!h.screen().contains("grouping events"), "gone when it ends");
    }

    #[test]
    fn changes_seen_while_the_library_opens_are_indexed_when_it_is_ready() {
        let config = crate::config::Config::defaults();
        let mut app = crate::tui::App::new(&config, crate::tui::Theme::new(&config, false));
        app.handle(AppEvent::LibraryChanged(3));
        assert_eq!(app.live.refreshes, 0);
        let info = crate::library::LibraryInfo { articles: 1, demo: false, rebuilt: true };
        app.handle(AppEvent::Reply(crate::tui::protocol::Reply::Ready(Ok(info))));
        assert_eq!(app.live.refreshes, 1);
        assert!(app.message.as_ref().is_some_and(|(m, _)| m.contains("rebuilt")), "{:?}", app.message);
    }

    #[test]
    fn the_status_line_says_what_changed() {
        let ix = |added, updated, removed| super::Indexed { added, updated, removed, total: 7, ..Default::default() };
        assert_eq!(ix(0, 0, 0).describe(), None);
        assert_eq!(ix(2, 0, 0).describe().unwrap(), "indexed 2 new articles (7 articles in all)");
        assert_eq!(ix(1, 1, 3).describe().unwrap(), "indexed 1 new article, 1 changed, 3 removed (7 articles in all)");
        assert_eq!(ix(0, 0, 1).describe().unwrap(), "library updated: 1 removed (7 articles in all)");
    }

    #[test]
    fn reading_progress_is_passed_on_fifty_times_at_most() {
        use crate::index::Progress;
        use crate::library::Step;
        let total = 10_000;
        let shown =
            (1..=total).filter(|&done| super::worth_showing(Step::Index(Progress::Read { done, total }))).count();
        assert_eq!(shown, 50);
        assert!(super::worth_showing(Step::Index(Progress::Read { done: 3, total: 3 })));
    }
}
