//! `F` in the app: fetch every feed, and refresh after it, on a thread of
//! its own (a fetch waits on servers and on the politeness delay, for
//! minutes perhaps), saying how far it got in the status line and then
//! what it brought. Typing and searching go on meanwhile.

use super::app::{App, Level};
use super::protocol::{Ask, FetchOutcome};
use crate::feeds::{FeedStatus, FetchReport};
use crate::library::Error;
use crate::sanitize::clean_line;

/// What the app knows of the fetch under way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FetchState {
    pub running: bool,
}

/// The report's summary, and the first failure's reason when a feed failed.
pub fn summary(report: &FetchReport) -> String {
    let failure = report.feeds.iter().find(|f| f.status == FeedStatus::Failed).map(|f| {
        format!("; failed {}: {}", clean_line(&f.name), clean_line(f.reason.as_deref().unwrap_or("unknown error")))
    });
    report.summary() + &failure.unwrap_or_default()
}

impl App {
    /// `F`: start a fetch, unless one is running.
    pub(super) fn start_fetch(&mut self) {
        if self.fetch.running {
            self.say("a fetch is already running", Level::Info);
            return;
        }
        self.fetch.running = true;
        self.ask(Ask::Fetch);
        self.say("fetching feeds…", Level::Info);
    }

    /// The fetch is over: what it brought, and what the refresh after it
    /// changed (said as a refresh asked for with a key is).
    pub(super) fn fetched(&mut self, outcome: FetchOutcome) {
        self.fetch.running = false;
        let level = if outcome.summary.contains("; failed ") { Level::Error } else { Level::Info };
        self.show_refresh(outcome.refreshed, true, Some((outcome.summary, level)));
    }

    pub(super) fn fetch_failed(&mut self, e: Error) {
        self.fetch.running = false;
        self.say(format!("cannot fetch: {e}"), Level::Error);
    }
}
