//! The library as the app's worker asks it: one trait, so that tests can put
//! a library held in memory, or a slow one, behind the real worker.
//!
//! [`Library`] is the real one; its methods are the library's own, this
//! only passes them on. What is built from other answers (a comparison from
//! two articles, the picker's proposals from a ranking and a listing) is
//! written here once, as provided methods, so a stand-in gets it right by
//! answering the plain questions.

use super::proposals::{self, Proposal};
use super::{Error, FetchStep, Fetched, Library, Refreshed, Step};
use crate::article::{Article, ArticleId};
use crate::compare::Alignment;
use crate::events::{Event, Related};
use crate::index::{SearchRequest, SearchResults, Sort};
use crate::state::{Change, Marks};
use std::path::{Path, PathBuf};

/// What a front end learns when the library is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryInfo {
    pub articles: usize,
    pub demo: bool,
    /// The index was found damaged on open and rebuilt from the library.
    pub rebuilt: bool,
}

/// Two articles and their alignment.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub left: Article,
    pub right: Article,
    pub alignment: Alignment,
}

impl Compared {
    pub fn of(left: Article, right: Article) -> Compared {
        Compared { alignment: crate::compare::compare(&left, &right), left, right }
    }
}

/// What the app's worker asks of a library.
pub trait Service: Send + Sync {
    /// Make the library usable (index the demo library when there is none)
    /// and say what it holds.
    fn info(&self) -> Result<LibraryInfo, Error>;
    /// Start bringing the library's index into memory, in the background,
    /// so that the first searches do not wait on the disk. Nothing by default.
    fn warm(&self) {}
    fn search(&self, request: &SearchRequest) -> Result<SearchResults, Error>;
    /// The article with this id, or id prefix, or file name prefix.
    fn article(&self, id: &str) -> Result<Article, Error>;
    /// The articles most likely to report the same event as `id`, best first.
    fn related(&self, id: &str, limit: usize) -> Result<Vec<Related>, Error>;
    /// The events of the library, largest first.
    fn events(&self) -> Result<Vec<Event>, Error>;
    /// The refresh pipeline (see [`Library::refresh`]).
    fn refresh(&self, progress: &(dyn Fn(Step) + Sync)) -> Result<Refreshed, Error>;
    /// Fetch every feed, then refresh (see [`Library::fetch`]). A library
    /// with no feeds says so, rather than refresh for nothing.
    fn fetch(&self, _progress: &(dyn Fn(FetchStep) + Sync)) -> Result<Fetched, Error> {
        Err(Error::NoFeeds)
    }
    /// Change the reading state of some articles. A library that keeps no
    /// reading state (one held in memory, for tests) takes the change and
    /// keeps it nowhere: the list shows it until the next search.
    fn mark(&self, _ids: &[ArticleId], _change: &Change) -> Result<(), Error> {
        Ok(())
    }
    /// The reading state of the article `id`. A library that keeps none
    /// says it is unread, unstarred and untagged.
    fn marks(&self, _id: &ArticleId) -> Result<Marks, Error> {
        Ok(Marks::default())
    }

    /// The event of the article `id`, or its nearest counterparts when it
    /// is in none (see [`super::finding`]).
    fn event_of(&self, id: &str, nearest: usize) -> Result<super::EventOf, Error> {
        super::finding::event_of(self, id, nearest)
    }

    /// Align two articles.
    fn compare(&self, left: &str, right: &str) -> Result<Compared, Error> {
        Ok(Compared::of(self.article(left)?, self.article(right)?))
    }

    /// Write two articles' comparison as Markdown into `dir` (see
    /// [`super::export`]); the file written.
    fn write_markdown(&self, left: &str, right: &str, dir: &Path) -> Result<PathBuf, Error> {
        super::export::write_markdown(&self.compare(left, right)?, dir)
    }

    /// The articles to propose beside `id` (whose outlet is `outlet`): its
    /// related counterparts first, then the rest of the library, other
    /// outlets first (see [`proposals`]).
    fn proposals(&self, id: &ArticleId, outlet: Option<&str>) -> Result<Vec<Proposal>, Error> {
        let related = self.related(id.as_str(), proposals::RELATED)?;
        let everything = SearchRequest {
            query: String::new(),
            limit: proposals::PROPOSALS,
            offset: 0,
            sort: Sort::Date,
            prefix_last: false,
        };
        let rest = proposals::order_others(self.search(&everything)?.hits, id, outlet);
        Ok(proposals::proposals(related, rest, id))
    }
}

impl Service for Library {
    fn info(&self) -> Result<LibraryInfo, Error> {
        Library::info(self)
    }
    fn warm(&self) {
        self.catalog.prefetch()
    }
    fn search(&self, request: &SearchRequest) -> Result<SearchResults, Error> {
        Library::search(self, request)
    }
    fn article(&self, id: &str) -> Result<Article, Error> {
        Library::article(self, id)
    }
    fn related(&self, id: &str, limit: usize) -> Result<Vec<Related>, Error> {
        Library::related(self, &Library::article(self, id)?, limit)
    }
    fn events(&self) -> Result<Vec<Event>, Error> {
        Library::events(self)
    }
    fn refresh(&self, progress: &(dyn Fn(Step) + Sync)) -> Result<Refreshed, Error> {
        Library::refresh(self, progress)
    }
    fn fetch(&self, progress: &(dyn Fn(FetchStep) + Sync)) -> Result<Fetched, Error> {
        if self.feeds()?.is_empty() {
            return Err(Error::NoFeeds);
        }
        Library::fetch(self, progress)
    }
    fn mark(&self, ids: &[ArticleId], change: &Change) -> Result<(), Error> {
        Library::mark(self, ids, change).map(|_| ())
    }
    fn marks(&self, id: &ArticleId) -> Result<Marks, Error> {
        Ok(crate::state::marks_of(&crate::state::Store::new(self.paths()), id)?)
    }
}
