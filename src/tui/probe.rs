//! Hidden hooks for the benchmark suite (`benches/suite.sh`), off unless
//! their environment variable is set: they let a script time the real
//! binary in a real terminal without scraping the screen.
//!
//! - `BYLINE_BENCH_EXIT_AFTER_FIRST_FRAME=1` quits right after the first
//!   frame is drawn; `=results` after the first frame that shows the
//!   library's results (launch to something useful on screen).
//! - `BYLINE_BENCH_KEYLOG=FILE` appends one line per key and frame:
//!   `echo MICROS` (key read from the terminal to the next frame flushed)
//!   and `results MICROS` (key to the first frame that shows the results
//!   of the query as typed, the search answered by the worker).

use super::action::AppEvent;
use super::app::{App, LibraryState};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::io::Write;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub const EXIT_AFTER_FIRST_FRAME: &str = "BYLINE_BENCH_EXIT_AFTER_FIRST_FRAME";
pub const KEYLOG: &str = "BYLINE_BENCH_KEYLOG";

/// When a key was read from the terminal; shared with the input thread.
#[derive(Clone, Default)]
pub struct KeyStamps(Option<Arc<Mutex<Vec<Instant>>>>);

impl KeyStamps {
    /// Note that a key was read now (nothing when the key log is off).
    pub fn key_received(&self) {
        if let Some(stamps) = &self.0 {
            stamps.lock().unwrap_or_else(|e| e.into_inner()).push(Instant::now());
        }
    }

    fn take(&self) -> Vec<Instant> {
        self.0.as_ref().map(|s| std::mem::take(&mut *s.lock().unwrap_or_else(|e| e.into_inner()))).unwrap_or_default()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ExitAfter {
    FirstFrame,
    Results,
}

/// The frame side of the hooks: sees every frame the event loop draws.
pub struct Probe {
    exit_after: Option<ExitAfter>,
    quit_sent: bool,
    events: Sender<AppEvent>,
    stamps: KeyStamps,
    log: Option<std::fs::File>,
    /// Keys echoed on screen whose query's results are not drawn yet.
    awaiting_results: Vec<Instant>,
}

impl Probe {
    /// The hooks the environment asks for; `events` is where the quit goes.
    pub fn from_env(events: Sender<AppEvent>) -> Probe {
        let exit_after = match std::env::var(EXIT_AFTER_FIRST_FRAME).as_deref() {
            Ok("results") => Some(ExitAfter::Results),
            Ok("") | Err(_) => None,
            Ok(_) => Some(ExitAfter::FirstFrame),
        };
        let log = std::env::var_os(KEYLOG)
            .and_then(|path| std::fs::OpenOptions::new().create(true).append(true).open(path).ok());
        let stamps = KeyStamps(log.as_ref().map(|_| Arc::default()));
        Probe { exit_after, quit_sent: false, events, stamps, log, awaiting_results: Vec::new() }
    }

    pub fn stamps(&self) -> KeyStamps {
        self.stamps.clone()
    }

    /// A frame was drawn and flushed to the terminal.
    pub fn frame(&mut self, app: &App) {
        let now = Instant::now();
        let shows_results = !app.browse.searching
            && matches!(app.library, LibraryState::Ready(_))
            && app.browse.results.as_ref().is_some_and(|r| r.query == app.browse.query);
        if let Some(log) = &mut self.log {
            for key in self.stamps.take() {
                let _ = writeln!(log, "echo {}", (now - key).as_micros());
                self.awaiting_results.push(key);
            }
            if shows_results {
                for key in self.awaiting_results.drain(..) {
                    let _ = writeln!(log, "results {}", (now - key).as_micros());
                }
            }
        }
        let done = match self.exit_after {
            Some(ExitAfter::FirstFrame) => true,
            Some(ExitAfter::Results) => shows_results,
            None => false,
        };
        if done && !self.quit_sent {
            self.quit_sent = true;
            let _ = self.events.send(AppEvent::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        }
    }
}
