//! Typing never waits on the index: the real event loop and worker run
//! against a backend whose searches take 600 ms, keys arrive 30 ms apart,
//! and every frame is watched. Each keystroke must be on screen long before
//! any search could finish, searches superseded while queued must not run,
//! and results for a query the user has already changed must never be drawn.

use byline::article::{Article, ArticleId, Listing};
use byline::config::Config;
use byline::index::{SearchHit, SearchRequest, SearchResults, Snippet};
use byline::library::{Error, LibraryInfo, Refreshed, Service, Step};
use byline::tui::{App, AppEvent, Theme, Worker, event_loop};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::mpsc::channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long each search takes.
const SEARCH_TIME: Duration = Duration::from_millis(600);

/// A backend whose every search takes [`SEARCH_TIME`] and answers one hit
/// titled after the query, so a stale result is easy to spot.
struct Slow {
    searched: Mutex<Vec<String>>,
}

impl Service for Slow {
    fn info(&self) -> Result<LibraryInfo, Error> {
        std::thread::sleep(Duration::from_millis(300));
        Ok(LibraryInfo { articles: 1, demo: true, rebuilt: false })
    }
    fn search(&self, request: &SearchRequest) -> Result<SearchResults, Error> {
        self.searched.lock().unwrap().push(request.query.clone());
        std::thread::sleep(SEARCH_TIME);
        let hit = SearchHit {
            listing: Listing {
                id: ArticleId(format!("id-{}", request.query.len())),
                title: format!("results for «{}»", request.query),
                outlet: None,
                date: None,
            },
            score: 1.0,
            snippet: Snippet::default(),
            paths: vec![],
            read: false,
            starred: false,
            tags: vec![],
        };
        Ok(SearchResults { query: request.query.clone(), sort: request.sort, total: 1, hits: vec![hit], hints: vec![] })
    }
    fn article(&self, id: &str) -> Result<Article, Error> {
        Ok(Article {
            id: ArticleId(id.into()),
            paths: vec![],
            title: "t".into(),
            title_derived: false,
            outlet: None,
            byline: None,
            date: None,
            url: None,
            paragraphs: vec!["text".into()],
        })
    }
    fn refresh(&self, _: &(dyn Fn(Step) + Sync)) -> Result<Refreshed, Error> {
        Ok(Refreshed::default())
    }
    fn related(&self, _: &str, _: usize) -> Result<Vec<byline::events::Related>, Error> {
        Ok(vec![])
    }
    fn events(&self) -> Result<Vec<byline::events::Event>, Error> {
        Ok(vec![])
    }
}

struct Frame {
    at: Instant,
    search_line: String,
    screen: String,
    searching: bool,
    stale: u64,
}

#[test]
fn keystrokes_are_drawn_while_a_slow_search_runs_and_stale_results_are_dropped() {
    let backend = Arc::new(Slow { searched: Mutex::new(Vec::new()) });
    let (tx, rx) = channel();
    let b = backend.clone();
    let worker = Worker::spawn(Box::new(move || Ok(b as Arc<dyn Service>)), tx.clone());
    let (frames_tx, frames_rx) = channel::<Frame>();
    let ui = std::thread::spawn(move || {
        let config = Config::defaults();
        let mut app = App::new(&config, Theme::new(&config, false));
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        event_loop(&mut terminal, &mut app, &rx, &worker, |app, buffer| {
            let screen: String = (0..buffer.area.height)
                .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
                .collect();
            let _ = frames_tx.send(Frame {
                at: Instant::now(),
                search_line: screen.lines().next().unwrap_or("").to_string(),
                screen,
                searching: app.browse.searching,
                stale: app.stale_replies,
            });
        })
    });

    let mut frames: Vec<Frame> = Vec::new();
    let wait_for = |frames: &mut Vec<Frame>, what: &str, test: &dyn Fn(&Frame) -> bool| -> Instant {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(f) = frames.iter().find(|f| test(f)) {
                return f.at;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match frames_rx.recv_timeout(left) {
                Ok(f) => frames.push(f),
                Err(_) => panic!("never drew a frame with {what}"),
            }
        }
    };

    // The first frame comes before the library is even open (which takes 300 ms here).
    wait_for(&mut frames, "the first frame", &|_| true);
    assert!(frames[0].screen.contains("Opening the library…"), "{}", frames[0].screen);
    wait_for(&mut frames, "the library open", &|f: &Frame| !f.search_line.contains("opening"));
    // The first search (the whole library) is now running and takes 600 ms:
    // waited for, as the worker may not have picked it up yet when the
    // threads of the other tests in this process hold both cores.
    let deadline = Instant::now() + Duration::from_secs(10);
    while backend.searched.lock().unwrap().is_empty() {
        assert!(Instant::now() < deadline, "the first search never started");
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut latencies = Vec::new();
    let mut typed = String::new();
    for c in "pasech".chars() {
        typed.push(c);
        let sent = Instant::now();
        tx.send(AppEvent::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))).unwrap();
        let want = format!("Search › {typed} ");
        let drawn = wait_for(&mut frames, &want, &|f: &Frame| f.search_line.contains(&want) && f.at >= sent);
        latencies.push(drawn.duration_since(sent));
        std::thread::sleep(Duration::from_millis(30));
    }
    let final_results = "results for «pasech»";
    let done = wait_for(&mut frames, final_results, &|f: &Frame| f.screen.contains(final_results));
    tx.send(AppEvent::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))).unwrap();
    assert_eq!(ui.join().unwrap().unwrap(), 0);
    while let Ok(f) = frames_rx.try_recv() {
        frames.push(f);
    }

    let worst = latencies.iter().max().unwrap();
    eprintln!(
        "key-to-frame latency with a {SEARCH_TIME:?} search in flight: worst {worst:?}, all {latencies:?}; \
         {} frames drawn; results after {:?}",
        frames.len(),
        done.duration_since(frames[0].at)
    );
    assert!(*worst < Duration::from_millis(150), "a keystroke waited {worst:?}");
    assert!(frames.iter().filter(|f| f.searching).count() >= 6, "frames were drawn while searches ran");
    // Searches superseded while queued never ran: the first (empty) one was
    // running while "pasech" was typed; of the rest only the newest runs,
    // or one more if it was picked up between two keys.
    let searched = backend.searched.lock().unwrap().clone();
    assert_eq!(searched.first().map(String::as_str), Some(""));
    assert_eq!(searched.last().map(String::as_str), Some("pasech"));
    assert!(searched.len() <= 3, "superseded searches ran: {searched:?}");
    // Results for an older query were never drawn.
    for f in &frames {
        for line in f.screen.lines() {
            if let Some(i) = line.find("results for «") {
                assert!(line[i..].starts_with(final_results), "a stale result was drawn: {line}");
            }
        }
    }
    assert!(frames.last().unwrap().stale >= 1, "the reply to the first search came late and was dropped");
}
