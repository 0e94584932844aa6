//! Driving the app without a terminal, for tests: a [`Harness`] holds an
//! [`App`], a backend whose requests it answers on the spot, and a
//! ratatui `TestBackend` to draw on.

use super::action::{AppEvent, Key, event_of};
use super::app::App;
use super::protocol::{self, Reply};
use super::theme::Theme;
use super::views;
use crate::article::{Article, Listing};
use crate::config::{Config, Paths};
use crate::events::{Event, Related};
use crate::index::{Catalog, SearchHit, SearchRequest, SearchResults};
use crate::library::{Error, Library, LibraryInfo, Refreshed, Service, Step};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::sync::Arc;

/// A library held in memory: every article matches every query (the
/// query's words are marked in the snippets), in the order given, a page
/// (`offset`, `limit`) at a time; the total counts them all.
pub struct Memory(pub Vec<Article>);

impl Service for Memory {
    fn info(&self) -> Result<LibraryInfo, Error> {
        Ok(LibraryInfo { articles: self.0.len(), demo: false, rebuilt: false })
    }
    fn search(&self, request: &SearchRequest) -> Result<SearchResults, Error> {
        let h = Catalog::highlighter(&request.query, request.prefix_last);
        let hits = self
            .0
            .iter()
            .skip(request.offset)
            .take(request.limit)
            .map(|a| SearchHit {
                listing: Listing::of(a),
                score: 1.0,
                snippet: h.snippet(&a.paragraphs),
                paths: a.paths.clone(),
                read: false,
                starred: false,
                tags: Vec::new(),
            })
            .collect::<Vec<_>>();
        let total = self.0.len();
        Ok(SearchResults { query: request.query.clone(), sort: request.sort, total, hits, hints: vec![] })
    }
    fn article(&self, id: &str) -> Result<Article, Error> {
        self.0.iter().find(|a| a.id.as_str().starts_with(id)).cloned().ok_or_else(|| Error::NotFound(id.into()))
    }
    fn refresh(&self, _: &(dyn Fn(Step) + Sync)) -> Result<Refreshed, Error> {
        Ok(Refreshed::default())
    }
    /// No ranking in memory: nothing is proposed as related.
    fn related(&self, _: &str, _: usize) -> Result<Vec<Related>, Error> {
        Ok(Vec::new())
    }
    /// No grouping in memory: no events.
    fn events(&self) -> Result<Vec<Event>, Error> {
        Ok(Vec::new())
    }
}

pub struct Harness {
    pub app: App,
    pub backend: Arc<dyn Service>,
    pub terminal: Terminal<TestBackend>,
    /// The last frame drawn, whole. (The TestBackend's own buffer only gets
    /// the cells that changed and, unlike a terminal, keeps the stale right
    /// half of a wide character that was overwritten by a narrow one.)
    frame: Buffer,
}

impl Harness {
    /// An app on `backend`, the library opened, the first search answered.
    pub fn new(backend: Arc<dyn Service>, width: u16, height: u16) -> Harness {
        Harness::with_config(backend, &Config::defaults(), width, height)
    }

    pub fn with_config(backend: Arc<dyn Service>, config: &Config, width: u16, height: u16) -> Harness {
        let app = App::new(config, Theme::new(config, false));
        let terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        let frame = Buffer::empty(terminal.backend().buffer().area);
        let mut h = Harness { app, backend, terminal, frame };
        let ready = h.backend.info();
        h.app.handle(AppEvent::Reply(Reply::Ready(ready)));
        h.settle();
        h
    }

    /// An app on the demo library in `home` (a temporary folder).
    pub fn demo(home: &std::path::Path, width: u16, height: u16) -> Harness {
        Harness::demo_with(home, &Config::defaults(), width, height)
    }

    pub fn demo_with(home: &std::path::Path, config: &Config, width: u16, height: u16) -> Harness {
        let library = Library::open(&Paths::under(home), config).expect("the demo library opens");
        Harness::with_config(Arc::new(library), config, width, height)
    }

    /// Answer every request the app has made (and those the answers lead to),
    /// drawing in between as the event loop would.
    pub fn settle(&mut self) {
        loop {
            self.draw();
            let requests = self.app.take_requests();
            if requests.is_empty() {
                return;
            }
            for r in requests {
                let reply = protocol::handle(&*self.backend, r);
                self.app.handle(AppEvent::Reply(reply));
            }
        }
    }

    /// Press keys named as in the config file (`j`, `enter`, `ctrl-c`), one
    /// after the other, settling after each.
    pub fn press(&mut self, keys: &str) {
        for name in keys.split_whitespace() {
            let key = Key::parse(name).unwrap_or_else(|e| panic!("{e}"));
            self.app.handle(AppEvent::Key(event_of(key)));
            self.settle();
        }
    }

    /// Type text into whatever has the keys, one key per character.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let key = Key::new(crate::config::keys::KeyCode::Char(c));
            self.app.handle(AppEvent::Key(event_of(key)));
        }
        self.settle();
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.app.handle(AppEvent::Resize(width, height));
        self.settle();
    }

    pub fn draw(&mut self) {
        let app = &mut self.app;
        let done = self.terminal.draw(|f| views::render(app, f)).expect("drawing on a test terminal");
        self.frame = done.buffer.clone();
        self.app.frame_drawn();
    }

    /// The last frame drawn.
    pub fn buffer(&self) -> &Buffer {
        &self.frame
    }

    /// The screen as text, one line per row, trailing spaces kept.
    pub fn screen(&self) -> String {
        buffer_text(self.buffer())
    }

    /// The screen row that contains `needle`, if any.
    pub fn row_with(&self, needle: &str) -> Option<u16> {
        self.screen().lines().position(|l| l.contains(needle)).map(|i| i as u16)
    }
}

/// A drawn buffer as text, one line per row, trailing spaces kept; a wide
/// character is written once, not followed by its continuation cell.
pub fn buffer_text(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut skip = 0;
        for x in 0..b.area.width {
            let cell = &b[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(cell.symbol());
            skip = super::text::width(cell.symbol()).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Articles in memory that are all related to each other (score 0.5, same
/// event) and make up one event called `label`, so that every view, the
/// picker and the events view included, has something to draw.
pub struct OneEvent {
    pub memory: Memory,
    pub label: String,
}

impl Service for OneEvent {
    fn info(&self) -> Result<LibraryInfo, Error> {
        self.memory.info()
    }
    fn search(&self, r: &SearchRequest) -> Result<SearchResults, Error> {
        self.memory.search(r)
    }
    fn article(&self, id: &str) -> Result<Article, Error> {
        self.memory.article(id)
    }
    fn refresh(&self, progress: &(dyn Fn(Step) + Sync)) -> Result<Refreshed, Error> {
        self.memory.refresh(progress)
    }
    fn related(&self, id: &str, _: usize) -> Result<Vec<Related>, Error> {
        let others = self.memory.0.iter().filter(|a| a.id.as_str() != id);
        Ok(others
            .map(|a| Related {
                listing: Listing::of(a),
                score: 0.5,
                same_event: true,
                reasons: crate::events::Reasons::default(),
            })
            .collect())
    }
    fn events(&self) -> Result<Vec<Event>, Error> {
        let articles: Vec<Listing> = self.memory.0.iter().map(Listing::of).collect();
        Ok(vec![Event {
            id: "e0".into(),
            label: self.label.clone(),
            outlets: articles.iter().filter_map(|a| a.outlet.clone()).collect(),
            articles,
            first_date: None,
            last_date: None,
        }])
    }
}
