//! A live library: with the app open on a folder, an article file written
//! into it appears in the list and a deleted one goes, without a restart,
//! the selected article staying selected; a burst of a hundred files costs
//! a handful of refreshes, not a hundred. The app here is the real one: the
//! event loop, the worker and its indexing thread, the folder watcher, the
//! library on disk; only the terminal is a ratatui `TestBackend`. A second
//! test runs where another byline holds the index, one where the index was
//! damaged and rebuilt on open.

use crate::common;

use byline::config::{Config, Paths};
use byline::index::Catalog;
use byline::library::Library;
use byline::tui::action::{Key, event_of};
use byline::tui::live::{self, READ_ONLY};
use byline::tui::testing::{Harness, buffer_text};
use byline::tui::{App, AppEvent, Theme, Worker};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the test can see of the running app: the last frame and a few facts.
#[derive(Clone, Default)]
struct Seen {
    screen: String,
    selected: Option<String>,
    refreshes: u64,
    running: bool,
    articles: usize,
}

/// The user's side: keys in, frames watched.
struct User {
    tx: Sender<AppEvent>,
    seen: Arc<Mutex<Seen>>,
}

impl User {
    fn press(&self, keys: &str) {
        for k in keys.split_whitespace() {
            self.tx.send(AppEvent::Key(event_of(Key::parse(k).unwrap()))).unwrap();
        }
    }

    fn now(&self) -> Seen {
        self.seen.lock().unwrap().clone()
    }

    /// Wait until `what` holds of a frame (the app has no deadline of its
    /// own to meet: a minute is only a bound on a broken test).
    fn wait(&self, why: &str, what: impl Fn(&Seen) -> bool) -> Seen {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let seen = self.now();
            if what(&seen) {
                return seen;
            }
            assert!(Instant::now() < deadline, "never saw {why}; the screen:\n{}", seen.screen);
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Run the app on the library in `paths` while `script` plays the user; it
/// quits the app when done, also when it fails.
fn with_app(paths: Paths, script: impl FnOnce(&User) + Send + 'static) {
    let (tx, rx) = channel();
    let config = Config::defaults();
    let mut app = App::new(&config, Theme::new(&config, false));
    let watch = Arc::new(Mutex::new(None));
    let worker = Worker::spawn(live::watched(paths, config.clone(), tx.clone(), watch.clone()), tx.clone());
    let seen = Arc::new(Mutex::new(Seen::default()));
    let user = User { tx: tx.clone(), seen: seen.clone() };
    let played = std::thread::spawn(move || {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| script(&user)));
        user.press("ctrl-c");
        result
    });
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    byline::tui::event_loop(&mut terminal, &mut app, &rx, &worker, |app, frame| {
        *seen.lock().unwrap() = Seen {
            screen: buffer_text(frame),
            selected: app.selected_id().map(|id| id.0.clone()),
            refreshes: app.live.refreshes,
            running: app.live.running,
            articles: app.browse.results.as_ref().map_or(0, |r| r.total),
        };
    })
    .unwrap();
    drop(watch);
    if let Err(panic) = played.join().unwrap() {
        std::panic::resume_unwind(panic);
    }
}

/// A sandbox whose library (the five seeds) is indexed; its folder.
fn indexed() -> (common::Sandbox, PathBuf) {
    let sandbox = common::Sandbox::new();
    let lib = sandbox.library_with_seeds();
    let library = Catalog::open(&sandbox.paths()).unwrap();
    library.add_roots(std::slice::from_ref(&lib)).unwrap();
    library.refresh(&|_| {}).unwrap();
    (sandbox, lib)
}

fn story(dir: &Path, name: &str, title: &str) {
    let body =
        format!("{title}\n\nThe talks in Minsk resumed on Tuesday after a pause of {name} days, officials said.\n");
    std::fs::write(dir.join(name), body).unwrap();
}

#[test]
fn new_and_deleted_files_show_up_and_the_selection_stays() {
    let (sandbox, lib) = indexed();
    with_app(sandbox.paths(), move |user| {
        let first = user.wait("the library", |s| s.articles == 5 && s.selected.is_some()).selected;
        user.press("down");
        let selected =
            user.wait("the second article selected", |s| s.selected.is_some() && s.selected != first).selected;

        story(&lib, "new_story.txt", "Talks resume in Minsk");
        let after = user.wait("the new article", |s| s.screen.contains("Talks resume in Minsk") && !s.running);
        assert_eq!(after.articles, 6);
        assert_eq!(after.selected, selected, "the selected article stays selected");
        assert!(after.screen.contains("indexed 1 new article"), "{}", after.screen);

        std::fs::remove_file(lib.join("new_story.txt")).unwrap();
        let gone = user.wait("the article gone", |s| s.articles == 5 && !s.screen.contains("Talks resume in Minsk"));
        assert_eq!(gone.selected, selected);
        assert!(gone.screen.contains("removed"), "{}", gone.screen);

        // A hundred files at once: a few refreshes, every article indexed.
        let start = user.now().refreshes;
        for i in 0..100 {
            story(&lib, &format!("burst_{i:03}.txt"), &format!("Burst story number {i}"));
        }
        let done = user.wait("the burst indexed", |s| s.articles == 105 && !s.running);
        let refreshes = done.refreshes - start;
        eprintln!("MEASURED: 100 files written at once cost {refreshes} refreshes");
        assert!((1..=5).contains(&refreshes), "{refreshes} refreshes for one burst");
        assert_eq!(done.selected, selected);

        // Indexing reads the files: that must not wake the watcher again
        // (which would index for ever). Nothing changes, so nothing runs.
        std::thread::sleep(byline::index::watch::QUIET * 4);
        assert_eq!(user.now().refreshes, done.refreshes, "indexing set off more indexing");
    });
}

/// Another byline holds the index's writer lock: this window reads, does
/// not index, and says so once, however many changes it sees.
#[test]
fn a_read_only_library_says_so_once() {
    let (sandbox, lib) = indexed();
    let index = tantivy::Index::open_in_dir(Catalog::dir(&sandbox.paths())).unwrap();
    let writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    let mut h = Harness::new(Arc::new(Library::open(&sandbox.paths(), &Config::defaults()).unwrap()), 120, 30);
    h.app.handle(AppEvent::LibraryChanged(1));
    h.settle();
    assert!(h.screen().contains(READ_ONLY), "{}", h.screen());
    h.press("tab");
    for _ in 0..3 {
        h.app.handle(AppEvent::LibraryChanged(1));
        h.settle();
        assert!(!h.screen().contains("does not index"), "said once:\n{}", h.screen());
    }
    assert_eq!(h.app.live.refreshes, 4, "it tried each time, in case the other had finished");
    assert!(h.screen().contains("Pasechnik") || h.app.browse.hits().len() == 5, "it still reads");
    drop(writer);
    story(&lib, "new_story.txt", "Talks resume in Minsk");
    h.app.handle(AppEvent::LibraryChanged(1));
    h.settle();
    assert!(h.screen().contains("indexed 1 new article"), "the other is done: this one indexes\n{}", h.screen());
}

#[test]
fn a_rebuilt_index_is_announced_once() {
    let (sandbox, _lib) = indexed();
    std::fs::write(Catalog::dir(&sandbox.paths()).join("meta.json"), b"\x00garbage").unwrap();
    let library = Library::open(&sandbox.paths(), &Config::defaults()).unwrap();
    assert!(library.repaired());
    let mut h = Harness::new(Arc::new(library), 120, 30);
    let status = h.screen().lines().last().unwrap().to_string();
    assert!(status.contains("the index was damaged; it has been rebuilt"), "{status}");
    assert_eq!(h.app.browse.hits().len(), 5);
    h.press("tab j");
    assert!(!h.screen().contains("rebuilt"), "once:\n{}", h.screen());
}
