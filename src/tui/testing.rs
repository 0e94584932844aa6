//! Driving the app without a terminal, for tests: a [`Harness`] holds an
//! [`App`], a backend whose requests it answers on the spot, and a
//! ratatui `TestBackend` to draw on.

use super::action::{AppEvent, Key, event_of};
use super::app::App;
use super::theme::Theme;
use super::views;
use super::worker::{self, Reply, SearchBackend};
use crate::config::{Config, Paths};
use crate::index::{Catalog, SearchRequest, SearchResults};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::sync::Arc;

/// A library held in memory: every article matches every query (the
/// query's words are marked in the snippets), in the order given, a page
/// (`offset`, `limit`) at a time; the total counts them all.
pub struct Memory(pub Vec<crate::article::Article>);

impl SearchBackend for Memory {
    fn prepare(&self) -> anyhow::Result<worker::LibraryInfo> {
        Ok(worker::LibraryInfo { articles: self.0.len(), demo: false, rebuilt: false })
    }
    fn search(&self, request: &SearchRequest) -> anyhow::Result<SearchResults> {
        let h = Catalog::highlighter(&request.query, request.prefix_last);
        let hits = self
            .0
            .iter()
            .skip(request.offset)
            .take(request.limit)
            .map(|a| crate::index::SearchHit {
                id: a.id.clone(),
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                date: a.date,
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
    fn article(&self, id: &str) -> anyhow::Result<crate::article::Article> {
        self.0.iter().find(|a| a.id.as_str().starts_with(id)).cloned().ok_or_else(|| anyhow::anyhow!("no article {id}"))
    }
    fn refresh(&self, _: &(dyn Fn(crate::index::Progress) + Sync)) -> anyhow::Result<crate::index::IndexReport> {
        Ok(crate::index::IndexReport::default())
    }
    /// No ranking in memory: nothing is proposed as related.
    fn related(&self, _: &str, _: usize) -> anyhow::Result<Vec<crate::events::Related>> {
        Ok(Vec::new())
    }
    /// No grouping in memory: no events.
    fn events(&self) -> anyhow::Result<Vec<crate::events::Event>> {
        Ok(Vec::new())
    }
}

pub struct Harness {
    pub app: App,
    pub backend: Arc<dyn SearchBackend>,
    pub terminal: Terminal<TestBackend>,
    /// The last frame drawn, whole. (The TestBackend's own buffer only gets
    /// the cells that changed and, unlike a terminal, keeps the stale right
    /// half of a wide character that was overwritten by a narrow one.)
    frame: Buffer,
}

impl Harness {
    /// An app on `backend`, the library opened, the first search answered.
    pub fn new(backend: Arc<dyn SearchBackend>, width: u16, height: u16) -> Harness {
        Harness::with_config(backend, &Config::defaults(), width, height)
    }

    pub fn with_config(backend: Arc<dyn SearchBackend>, config: &Config, width: u16, height: u16) -> Harness {
        let app = App::new(config, Theme::new(config, false));
        let terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        let frame = Buffer::empty(terminal.backend().buffer().area);
        let mut h = Harness { app, backend, terminal, frame };
        let ready = h.backend.prepare().map_err(|e| e.to_string());
        h.app.handle(AppEvent::Reply(Reply::Ready(ready)));
        h.settle();
        h
    }

    /// An app on the demo library in `home` (a temporary folder).
    pub fn demo(home: &std::path::Path, width: u16, height: u16) -> Harness {
        Harness::demo_with(home, &Config::defaults(), width, height)
    }

    pub fn demo_with(home: &std::path::Path, config: &Config, width: u16, height: u16) -> Harness {
        let library = Catalog::open(&Paths::under(home)).expect("the demo library opens");
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
                let reply = worker::handle(&*self.backend, r);
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

impl SearchBackend for OneEvent {
    fn prepare(&self) -> anyhow::Result<worker::LibraryInfo> {
        self.memory.prepare()
    }
    fn search(&self, r: &SearchRequest) -> anyhow::Result<SearchResults> {
        self.memory.search(r)
    }
    fn article(&self, id: &str) -> anyhow::Result<crate::article::Article> {
        self.memory.article(id)
    }
    fn refresh(&self, progress: &(dyn Fn(crate::index::Progress) + Sync)) -> anyhow::Result<crate::index::IndexReport> {
        self.memory.refresh(progress)
    }
    fn related(&self, id: &str, _: usize) -> anyhow::Result<Vec<crate::events::Related>> {
        let others = self.memory.0.iter().filter(|a| a.id.as_str() != id);
        Ok(others
            .map(|a| crate::events::Related {
                id: a.id.clone(),
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                date: a.date,
                score: 0.5,
                same_event: true,
                reasons: crate::events::Reasons::default(),
            })
            .collect())
    }
    fn events(&self) -> anyhow::Result<Vec<crate::events::Event>> {
        let articles: Vec<crate::events::Member> = self.memory.0.iter().map(crate::events::Member::of).collect();
        Ok(vec![crate::events::Event {
            id: "e0".into(),
            label: self.label.clone(),
            outlets: articles.iter().filter_map(|a| a.outlet.clone()).collect(),
            articles,
            first_date: None,
            last_date: None,
        }])
    }
}
