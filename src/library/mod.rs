//! The library service: what both front ends call, and the one place where
//! the domain's steps are put together.
//!
//! The domain parts each do one thing (the catalog indexes and searches,
//! `events` groups, `compare` aligns, `feeds` fetches, `state` keeps the
//! reading state); a user's request is usually several of them in an order
//! that matters: a refresh indexes, then carries the events over or groups
//! them again ([`refresh`]); a fetch stores, then refreshes ([`feeds`]); a
//! first search on an empty library indexes the demo articles first. Written
//! in the command line and again in the app, each order drifted apart; here
//! it is written once. The command line parses arguments and prints what
//! comes back; the app's worker asks through [`Service`], which tests can
//! stand a library in memory behind. Failures come back as [`Error`] kinds.
//!
//! Nothing here draws, parses arguments or prints.

mod error;
pub mod export;
mod feeds;
pub mod finding;
mod folders;
pub mod proposals;
mod refresh;
mod service;

pub use error::Error;
pub use feeds::{FeedEntry, FetchStep, Fetched, Imported, Subscribed, Unsubscribed};
pub use finding::EventOf;
pub use proposals::{Proposal, Relatedness};
pub use refresh::{Refreshed, Step, Took};
pub use service::{Compared, LibraryInfo, Service};

use crate::article::{Article, ArticleId};
use crate::config::{Config, FeedSettings, Paths};
use crate::events::{Event, Related};
use crate::index::watch::Watch;
use crate::index::{Catalog, SearchRequest, SearchResults, Stats};
use crate::state::{Change, Marks, ReadingState, Store};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// The library in one data folder, open.
pub struct Library {
    catalog: Catalog,
    /// How feeds are fetched: `[feeds]` of the configuration it was opened with.
    feed_settings: FeedSettings,
    /// The demo library has been indexed if it had to be.
    ready: AtomicBool,
    /// Held by the refresh under way (see [`Library::refresh`]).
    refreshing: Mutex<()>,
}

impl Library {
    /// Open the library in `paths`, creating an empty index if there is
    /// none. An index that does not open because it is damaged is rebuilt
    /// from the library's files ([`Library::repaired`] says so); opening
    /// stays fast at a million articles, so the files are not checked.
    pub fn open(paths: &Paths, config: &Config) -> Result<Library, Error> {
        Ok(Library::over(Catalog::open(paths)?, config))
    }

    /// [`Library::open`], and every file of the index checked (which reads
    /// it whole) and the index rebuilt if one is damaged: what `byline
    /// index`, which reads the whole library anyway, opens with.
    pub fn open_checked(paths: &Paths, config: &Config) -> Result<Library, Error> {
        Ok(Library::over(Catalog::open_verified(paths)?, config))
    }

    fn over(catalog: Catalog, config: &Config) -> Library {
        Library { catalog, feed_settings: config.feeds, ready: AtomicBool::new(false), refreshing: Mutex::new(()) }
    }

    /// The index was found damaged on open and rebuilt from the library.
    pub fn repaired(&self) -> bool {
        self.catalog.was_rebuilt()
    }

    pub fn paths(&self) -> &Paths {
        self.catalog.paths()
    }

    /// Index the demo articles when the user has no library and nothing is
    /// indexed yet, once: what the first question to a new library needs.
    fn ready(&self) -> Result<(), Error> {
        if !self.ready.load(Ordering::Acquire) {
            let _one_at_a_time = self.refreshing.lock().unwrap_or_else(|p| p.into_inner());
            self.catalog.ensure_ready()?;
            self.ready.store(true, Ordering::Release);
        }
        Ok(())
    }

    /// What the library holds (the demo indexed first if need be).
    pub fn info(&self) -> Result<LibraryInfo, Error> {
        self.ready()?;
        Ok(LibraryInfo {
            articles: self.catalog.article_count()?,
            demo: self.catalog.is_demo()?,
            rebuilt: self.repaired(),
        })
    }

    /// Search, with the reading state: `is:` and `tag:` filters match and
    /// every hit says whether it is read, starred and how it is tagged.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, Error> {
        self.ready()?;
        Ok(crate::state::search(&self.catalog, request)?)
    }

    /// [`Library::search`] for those who do not watch the answer come (a
    /// script, the command line): a query whose filter cannot be used, or
    /// with nothing usable left, is [`Error::BadQuery`] rather than an
    /// answer to a wider question (see [`crate::index::refusal`]).
    pub fn search_strict(&self, request: &SearchRequest) -> Result<SearchResults, Error> {
        let parsed = crate::index::query::parse(&request.query, request.prefix_last);
        if let Some(why) = crate::index::refusal::refusal(&request.query, &parsed) {
            return Err(Error::BadQuery(why));
        }
        self.search(request)
    }

    /// The article whose id (or, failing that, file name) starts with `id`.
    pub fn article(&self, id: &str) -> Result<Article, Error> {
        self.ready()?;
        Ok(self.catalog.get(id)?)
    }

    /// [`Library::article`], with its reading state.
    pub fn show(&self, id: &str) -> Result<(Article, Marks), Error> {
        let article = self.article(id)?;
        let marks = Store::new(self.paths()).load()?.marks(&article.id);
        Ok((article, marks))
    }

    pub fn stats(&self) -> Result<Stats, Error> {
        self.ready()?;
        Ok(self.catalog.stats()?)
    }

    /// The articles most likely to report the same event as `article`, best first.
    pub fn related(&self, article: &Article, limit: usize) -> Result<Vec<Related>, Error> {
        self.ready()?;
        Ok(crate::events::related(&self.catalog, article, limit)?)
    }

    /// The events, largest first, grouped again first if the index has
    /// changed since they were stored.
    pub fn events(&self) -> Result<Vec<Event>, Error> {
        self.ready()?;
        Ok(crate::events::refresh(&self.catalog)?)
    }

    /// The events whose titles and outlets hold the words of `query`
    /// (see [`crate::events::find`]), largest first, at most `limit`.
    pub fn events_matching(&self, query: &str, limit: Option<usize>) -> Result<Vec<Event>, Error> {
        finding::events_matching(self, query, limit)
    }

    /// The event of the article `id`; when it is in none, its `nearest`
    /// nearest counterparts.
    pub fn event_of(&self, id: &str, nearest: usize) -> Result<EventOf, Error> {
        finding::event_of(self, id, nearest)
    }

    /// Align the articles `left` and `right` (ids or prefixes).
    pub fn compare(&self, left: &str, right: &str) -> Result<Compared, Error> {
        Ok(Compared::of(self.article(left)?, self.article(right)?))
    }

    /// Change the reading state of `ids`; the whole state after the change.
    pub fn mark(&self, ids: &[ArticleId], change: &Change) -> Result<ReadingState, Error> {
        Ok(Store::new(self.paths()).update(ids, change)?)
    }

    /// Change the reading state of the articles `prefixes` name (each must
    /// name one); each article with its state after the change.
    pub fn mark_articles(&self, prefixes: &[String], change: &Change) -> Result<Vec<(Article, Marks)>, Error> {
        let articles = prefixes.iter().map(|p| self.article(p)).collect::<Result<Vec<_>, _>>()?;
        let ids: Vec<ArticleId> = articles.iter().map(|a| a.id.clone()).collect();
        let state = self.mark(&ids, change)?;
        Ok(articles
            .into_iter()
            .map(|a| {
                let marks = state.marks(&a.id);
                (a, marks)
            })
            .collect())
    }

    /// Watch the library's folders: `on_change` gets each batch of changed
    /// paths. byline's own folders are left out (the index being written is
    /// no change of the library), unless a library folder is inside one.
    pub fn watch(&self, on_change: impl Fn(Vec<PathBuf>) + Send + 'static) -> Result<Watch, Error> {
        let paths = self.paths();
        let roots = self.catalog.effective_roots()?;
        let mut own = vec![paths.data.clone(), paths.config.clone(), paths.cache.clone(), paths.state.clone()];
        own.retain(|dir| !roots.iter().any(|r| r.starts_with(dir)));
        own.push(Catalog::dir(paths));
        Ok(crate::index::watch::watch(&roots, own, on_change)?)
    }
}
