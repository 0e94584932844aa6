//! `F` in the app: fetch every feed on a thread of its own (a fetch waits on
//! servers and on the politeness delay, for minutes perhaps), say how far it
//! got in the status line, then ask the worker to re-read the library so the
//! new articles show. Typing and searching go on meanwhile.

use super::action::AppEvent;
use super::app::{App, Level};
use super::worker::{Answer, Reply, Request, SearchBackend, THREAD_NAME, guarded};
use crate::config::{Config, Paths};
use crate::feeds::{FeedList, FeedStatus, FetchProgress, FetchReport, fetch_all};
use crate::sanitize::clean_line;
use std::sync::Arc;
use std::sync::mpsc::Sender;

/// What the app knows of the fetch under way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FetchState {
    pub running: bool,
    /// The finished fetch's summary, shown with the re-read that follows it.
    summary: Option<(String, Level)>,
}

/// The fetch itself, for a library in `paths`: the summary line when done.
pub fn fetch(paths: &Paths, progress: &dyn Fn(String)) -> anyhow::Result<String> {
    let settings = Config::load(paths)?.feeds;
    if FeedList::load(&paths.data)?.feeds.is_empty() {
        anyhow::bail!("no feeds yet: add one with `byline feed add URL`");
    }
    let report = fetch_all(paths, settings, &|p| {
        if let FetchProgress::Feed { done, total, name } = p {
            progress(format!("fetching feed {}/{total}: {}…", done + 1, clean_line(name)));
        }
    })?;
    Ok(summary(&report))
}

/// The report's summary, and the first failure's reason when a feed failed.
pub fn summary(report: &FetchReport) -> String {
    let failure = report.feeds.iter().find(|f| f.status == FeedStatus::Failed).map(|f| {
        format!("; failed {}: {}", clean_line(&f.name), clean_line(f.reason.as_deref().unwrap_or("unknown error")))
    });
    report.summary() + &failure.unwrap_or_default()
}

/// Run the fetch on its own thread, replying on `events`.
pub fn spawn(backend: Arc<dyn SearchBackend>, generation: u64, events: Sender<AppEvent>) {
    // Named as the worker, so that a panic in it leaves the terminal alone
    // (it comes back as an error reply).
    let _ = std::thread::Builder::new().name(THREAD_NAME.into()).spawn(move || {
        let tx = events.clone();
        let progress = move |status: String| {
            let _ = tx.send(AppEvent::Reply(Reply::Fetching { generation, status }));
        };
        let summary: Answer<String> =
            guarded(|| backend.fetch(&progress)).and_then(|r| r.map_err(|e| clean_line(&format!("{e:#}"))));
        let _ = events.send(AppEvent::Reply(Reply::Fetched { generation, summary }));
    });
}

impl App {
    /// `F`: start a fetch, unless one is running.
    pub(super) fn start_fetch(&mut self) {
        if self.fetch.running {
            self.say("a fetch is already running", Level::Info);
            return;
        }
        self.fetch.running = true;
        self.gens.fetch += 1;
        self.request(Request::Fetch { generation: self.gens.fetch });
        self.say("fetching feeds…", Level::Info);
    }

    pub(super) fn fetch_reply(&mut self, reply: Reply) {
        match reply {
            Reply::Fetching { generation, status } if generation == self.gens.fetch => self.say(status, Level::Info),
            Reply::Fetched { generation, summary } if generation == self.gens.fetch => {
                self.fetch.running = false;
                match summary {
                    Ok(line) => {
                        let level = if line.contains("; failed ") { Level::Error } else { Level::Info };
                        self.say(line.clone(), level);
                        self.fetch.summary = Some((line, level));
                        self.refresh_now();
                    }
                    Err(e) => self.say(format!("cannot fetch: {e}"), Level::Error),
                }
            }
            _ => self.stale_replies += 1,
        }
    }

    /// The summary of the fetch a re-read followed, to show with the re-read's.
    pub(super) fn take_fetch_summary(&mut self) -> Option<(String, Level)> {
        self.fetch.summary.take()
    }
}
