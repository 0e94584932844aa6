//! A live library: while the app is open its folders are watched, and what
//! changes is indexed and shown without a restart, the user's place kept.
//!
//! Changes arrive as [`AppEvent::LibraryChanged`] from the watcher
//! ([`crate::index::watch`]), already debounced. One refresh runs at a
//! time: changes that come while it runs are folded into a single refresh
//! after it, so a burst of files costs two refreshes at most, whatever its
//! size. When it ends the query runs again; the list keeps the selected
//! article by id. A second byline on the same library cannot index (the
//! other holds the index); it says so once and goes on reading.

use super::action::AppEvent;
use super::app::{App, Level, LibraryState};
use super::refresh::{Indexed, RefreshError, Step};
use super::worker::{Opener, Request, SearchBackend};
use crate::config::Paths;
use crate::index::Library;
use crate::index::watch::{Watch, watch};
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

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
        self.gens.refresh += 1;
        self.request(Request::Refresh { generation: self.gens.refresh });
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

    pub(super) fn refresh_progress(&mut self, generation: u64, step: Step) {
        if generation == self.gens.refresh && self.live.running {
            self.live.progress = Some(step.describe());
        }
    }

    pub(super) fn refreshed(&mut self, report: Result<Indexed, RefreshError>) {
        let manual = std::mem::take(&mut self.live.manual);
        self.live.running = false;
        self.live.progress = None;
        match report {
            Ok(indexed) => {
                let what = match indexed.describe() {
                    Some(what) => Some(what),
                    None if manual => Some(format!("nothing changed ({} articles)", indexed.total)),
                    None => None,
                };
                match (self.take_fetch_summary(), what) {
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
            Err(RefreshError::Busy) => {
                if manual || !self.live.said_read_only {
                    self.say(READ_ONLY, Level::Info);
                }
                self.live.said_read_only = true;
            }
            Err(RefreshError::Failed(e)) => self.say(format!("cannot index the library: {e}"), Level::Error),
        }
        if self.live.pending {
            self.start_refresh();
        }
    }
}

/// The worker's opener for the app: open the library in `paths` and watch
/// its folders, each batch of changes becoming an [`AppEvent`] on `events`.
/// The watch lives in `slot` as long as the app runs.
pub fn watched(paths: Paths, events: Sender<AppEvent>, slot: Arc<Mutex<Option<Watch>>>) -> Opener {
    Box::new(move || {
        let library = Library::open(&paths)?;
        match library.effective_roots() {
            Ok(roots) => {
                let ignore = own_folders(&paths, &roots);
                let send = move |changed: Vec<PathBuf>| {
                    let _ = events.send(AppEvent::LibraryChanged(changed.len()));
                };
                match watch(&roots, ignore, send) {
                    Ok(w) => *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(w),
                    Err(e) => tracing::warn!("cannot watch the library's folders: {e:#}"),
                }
            }
            Err(e) => tracing::warn!("cannot list the library's folders: {e:#}"),
        }
        Ok(Arc::new(library) as Arc<dyn SearchBackend>)
    })
}

/// byline's own folders, whose changes (the index being written) are not
/// the library's, unless a library folder is inside one of them.
fn own_folders(paths: &Paths, roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut own = vec![paths.data.clone(), paths.config.clone(), paths.cache.clone(), paths.state.clone()];
    own.retain(|dir| !roots.iter().any(|r| r.starts_with(dir)));
    own.push(Library::dir(paths));
    own
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
        use crate::tui::refresh::Step;
        use crate::tui::worker::Reply;
        let mut h = harness();
        h.app.handle(AppEvent::LibraryChanged(1));
        let generation = h.app.gens.refresh;
        let step = Step::Index(Progress::Read { done: 40, total: 100 });
        h.app.handle(AppEvent::Reply(Reply::Progress { generation, step }));
        h.draw();
        let status = h.screen().lines().last().unwrap().to_string();
        assert!(status.trim_end().ends_with("indexing 40/100 files"), "{status}");
        h.app.handle(AppEvent::Reply(Reply::Progress { generation, step: Step::Grouping }));
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
        let info = crate::tui::worker::LibraryInfo { articles: 1, demo: false, rebuilt: true };
        app.handle(AppEvent::Reply(crate::tui::worker::Reply::Ready(Ok(info))));
        assert_eq!(app.live.refreshes, 1);
        assert!(app.message.as_ref().is_some_and(|(m, _)| m.contains("rebuilt")), "{:?}", app.message);
    }
}
