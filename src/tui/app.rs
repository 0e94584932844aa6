//! The app's state: which screen is up, what each part shows, what has been
//! asked of the worker. Events come in through [`App::handle`]; requests
//! for the worker collect in an outbox the event loop empties. Nothing here
//! touches a terminal, so every key can be tested on a plain value.

use super::action::{Action, AppEvent, Context, KeyMap, Resolved, is_interrupt, key_of, resolve};
use super::protocol::{Ask, KINDS, Kind, Request};
use super::theme::Theme;
use super::views::browse::{Browse, Fetching, Focus};
use super::views::compare::CompareView;
use super::views::events::EventsView;
use super::views::help::Help;
use super::views::picker::Picker;
use super::views::reader::ArticleView;
use crate::article::ArticleId;
use crate::config::Config;
use crate::index::{SearchHit, SearchRequest};
use crate::library::LibraryInfo;
use ratatui::layout::Rect;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Search line, result list and reading pane.
    Browse,
    /// One article on its own.
    Reader,
    /// Two articles side by side.
    Compare,
    /// The events, or the articles of one.
    Events,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryState {
    Opening,
    Ready(LibraryInfo),
    Failed(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// The latest generation asked for, per kind of request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Gens([u64; KINDS]);

impl Gens {
    pub fn latest(&self, kind: Kind) -> u64 {
        self.0[kind as usize]
    }

    fn next(&mut self, kind: Kind) -> u64 {
        self.0[kind as usize] += 1;
        self.0[kind as usize]
    }
}

/// Where the panes were drawn, for the mouse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub list: Rect,
    pub list_lines_per_hit: usize,
    pub reader: Rect,
}

pub struct App {
    pub keys: KeyMap,
    pub theme: Theme,
    pub screen: Screen,
    pub browse: Browse,
    /// The article in the reading pane or on its own.
    pub article: Option<ArticleView>,
    pub picker: Option<Picker>,
    pub compare: Option<CompareView>,
    pub events: Option<EventsView>,
    pub help: Option<Help>,
    /// The tag prompt on the status line, while it is open.
    pub prompt: Option<super::marking::TagPrompt>,
    /// How links are opened (`$BROWSER`, else the platform's opener).
    pub opener: crate::links::Opener,
    /// Where `w` writes a comparison: the folder byline was started in.
    pub export_dir: std::path::PathBuf,
    /// The last OSC 52 sequence to write, numbered so each is written once.
    pub clipboard: Option<(u64, String)>,
    pub library: LibraryState,
    pub message: Option<(String, Level)>,
    /// Refreshes of the library while it is open (see `live`).
    pub live: super::live::Live,
    /// Set when the app should end, with the exit status.
    pub quit: Option<i32>,
    pub areas: Areas,
    /// Replies dropped because a newer request of their kind was made.
    pub stale_replies: u64,
    pub(super) gens: Gens,
    outbox: Vec<Request>,
    /// The article asked for, and with which query.
    pub(super) requested: Option<(ArticleId, String)>,
    /// Where `Esc` goes from the reader and from the two columns.
    pub(super) reader_return: Focus,
    pub(super) compare_return: (Screen, Focus),
    pub(super) events_return: (Screen, Focus),
    /// The article read on its own from the events view (`Esc` goes back there).
    pub(super) reading: Option<ArticleId>,
    /// The article last opened as a hit of its own, with its reading state
    /// (the worker's, or the list's when the list held it): what the keys
    /// that change that state use when the list does not hold the article.
    pub(super) shown_hit: Option<SearchHit>,
    /// An article read from the events view before any copy of it was
    /// held: marked read when the worker's answer brings its hit.
    pub(super) read_on_open: Option<ArticleId>,
    pub(super) fetch: super::fetching::FetchState,
}

impl App {
    /// A new app; its first request (list the library) is in the outbox.
    pub fn new(config: &Config, theme: Theme) -> App {
        let mut app = App {
            keys: config.keys.clone(),
            theme,
            screen: Screen::Browse,
            browse: Browse::default(),
            article: None,
            picker: None,
            compare: None,
            events: None,
            help: None,
            prompt: None,
            opener: crate::links::Opener::from_env(),
            export_dir: std::env::current_dir().unwrap_or_else(|_| ".".into()),
            clipboard: None,
            library: LibraryState::Opening,
            message: None,
            live: Default::default(),
            quit: None,
            areas: Areas::default(),
            stale_replies: 0,
            gens: Gens::default(),
            outbox: Vec::new(),
            requested: None,
            reader_return: Focus::List,
            compare_return: (Screen::Browse, Focus::List),
            events_return: (Screen::Browse, Focus::List),
            reading: None,
            shown_hit: None,
            read_on_open: None,
            fetch: Default::default(),
        };
        app.search();
        app
    }

    /// The requests made since the last call, oldest first.
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.outbox)
    }

    /// Called after each frame: a list drawn with room for hits that exist
    /// but were not asked for (the screen grew, or the first search went
    /// out before the list was drawn) asks for a screenful.
    pub fn frame_drawn(&mut self) {
        if let Some(count) = self.browse.wants_fill() {
            self.search_more(count);
        }
    }

    /// Ask the worker, as the newest request of its kind.
    pub(super) fn ask(&mut self, ask: Ask) {
        let generation = self.gens.next(ask.kind());
        self.outbox.push(Request { generation, ask });
    }

    /// Which part of the key map is in use.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            return Context::Help;
        }
        self.view_context()
    }

    /// The part in use under the help overlay.
    fn view_context(&self) -> Context {
        if self.picker.is_some() {
            return Context::Picker;
        }
        match (self.screen, self.browse.focus) {
            (Screen::Browse, Focus::Search) => Context::Search,
            (Screen::Browse, Focus::List) => Context::List,
            (Screen::Browse, Focus::Reader) | (Screen::Reader, _) => Context::Reader,
            (Screen::Compare, _) => Context::Compare,
            (Screen::Events, _) => Context::Events,
        }
    }

    /// The key map sections of the view in use, for the help overlay.
    pub fn view_contexts(&self) -> Vec<Context> {
        let mut c = match self.screen {
            Screen::Browse => vec![Context::Search, Context::List, Context::Reader],
            Screen::Reader => vec![Context::Reader],
            Screen::Compare => vec![Context::Compare],
            Screen::Events => vec![Context::Events],
        };
        if self.picker.is_some() {
            c.insert(0, Context::Picker);
        }
        // The part in use first.
        let now = self.view_context();
        if let Some(i) = c.iter().position(|x| *x == now) {
            c[..=i].rotate_right(1);
        }
        c.push(Context::Global);
        c
    }

    pub fn handle(&mut self, event: AppEvent) {
        match event {
            AppEvent::Key(k) => {
                if let Some(key) = key_of(&k) {
                    self.message = None;
                    if is_interrupt(key) {
                        self.quit = Some(0);
                        return;
                    }
                    if self.prompt.is_some() {
                        return self.prompt_key(key);
                    }
                    if self.filter_typing() {
                        return self.filter_key(key);
                    }
                    let context = self.context();
                    match resolve(&self.keys, context, key, context == Context::Search) {
                        // `?` on an empty search line is asked, not typed: nothing is lost.
                        Resolved::Type(_) if self.browse.query.is_empty() && self.help_key(key) => {
                            self.apply(Action::Help)
                        }
                        Resolved::Action(a) => self.apply(a),
                        Resolved::Type(c) => self.type_text(&c.to_string()),
                        Resolved::Nothing => {}
                    }
                }
            }
            AppEvent::Paste(text) => {
                if self.prompt.is_some() {
                    self.prompt_paste(&text);
                } else if self.filter_typing() {
                    self.filter_text(&text);
                } else if self.context() == Context::Search {
                    self.type_text(&crate::sanitize::clean_line(&text));
                }
            }
            AppEvent::Mouse(m) => self.mouse(m),
            AppEvent::Resize(..) => {}
            AppEvent::Reply(r) => self.reply(r),
            AppEvent::Signal(s) => self.quit = Some(128 + s),
            AppEvent::LibraryChanged(n) => self.library_changed(n),
        }
    }

    /// A key that shows the help anywhere (`?`, unless the config says otherwise).
    pub(super) fn help_key(&self, key: crate::config::keys::Key) -> bool {
        self.keys.get(Context::Global, key) == Some(Action::Help)
    }

    pub(super) fn say(&mut self, text: impl Into<String>, level: Level) {
        self.message = Some((text.into(), level));
    }

    /// Send the query as it stands (the last word is a prefix), for the
    /// window of hits the list holds.
    pub(super) fn search(&mut self) {
        self.browse.fetching = Fetching::Fresh;
        self.send_search(self.browse.base, self.browse.limit);
    }

    /// Ask for `count` hits to go after those loaded: the rows shown keep
    /// their places (a new first page, ranked again, could order tied hits
    /// differently) and are not read again.
    pub(super) fn search_more(&mut self, count: usize) {
        let loaded = self.browse.hits().len();
        self.browse.limit = loaded + count;
        self.browse.fetching = Fetching::After;
        self.send_search(self.browse.base + loaded, count);
    }

    /// Ask for the screen of hits before the window (after `G`, scrolling up).
    pub(super) fn search_before(&mut self) {
        let count = self.browse.page_size().min(self.browse.base);
        self.browse.fetching = Fetching::Before;
        self.send_search(self.browse.base - count, count);
    }

    /// Ask for the last screen of the ranking, to go to its end without
    /// reading every hit before it.
    pub(super) fn search_end(&mut self) {
        let total = self.browse.results.as_ref().map_or(0, |r| r.total);
        let count = self.browse.page_size();
        self.browse.fetching = Fetching::End;
        self.send_search(total.saturating_sub(count), count);
    }

    fn send_search(&mut self, offset: usize, limit: usize) {
        self.browse.searching = true;
        self.browse.asked_from = offset;
        let request = SearchRequest {
            query: self.browse.query.clone(),
            limit,
            offset,
            sort: self.browse.sort,
            prefix_last: true,
        };
        self.ask(Ask::Search(request));
    }

    pub(super) fn type_text(&mut self, text: &str) {
        self.browse.query.push_str(text);
        self.query_changed();
    }

    pub(super) fn query_changed(&mut self) {
        self.browse.new_question();
        self.search();
    }

    /// Ask for the article the reader should show (the list's selection, or
    /// the article read from the events view while it is read), unless it is
    /// shown (with the current query's matches) or already asked for.
    pub(super) fn sync_article(&mut self) {
        let Some(id) = self.reader_id().cloned() else { return };
        self.want_article(id);
    }

    pub(super) fn want_article(&mut self, id: ArticleId) {
        let query = self.browse.query.clone();
        let shown = self.article.as_ref().is_some_and(|a| a.doc.id == id && a.doc.query == query);
        let wanted = Some((id.clone(), query.clone()));
        if shown || self.requested == wanted {
            return;
        }
        self.requested = wanted;
        self.ask(Ask::Open { id, query });
    }

    /// The article id the reading pane should show in the browse view.
    pub fn selected_id(&self) -> Option<&ArticleId> {
        self.browse.selected_hit().map(|h| &h.listing.id)
    }
}
