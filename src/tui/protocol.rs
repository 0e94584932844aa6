//! What the app asks of its worker and what comes back: the requests, the
//! replies, and how each kind of request is answered.
//!
//! A kind of request is declared once ([`Ask`], with its [`Kind`]) and
//! answered in one place ([`respond`]); every reply is a [`Reply::Answer`]
//! that names its kind and generation, whatever the kind, so the thread
//! loop ([`super::worker`]) and a panic caught there need nothing per kind.
//! Answers are made ready to draw here (an article's matches found, a
//! comparison sanitized), off the render thread.
//!
//! Every request carries a generation, counted per kind by the app: the
//! newest request of a kind wins (see [`super::worker`] for how).

use super::comparison::Comparison;
use super::doc::Doc;
use super::live::{Indexed, describe_step, worth_showing};
use crate::article::{ArticleId, Listing};
use crate::events::Event;
use crate::events::find::Haystack;
use crate::index::{SearchHit, SearchRequest, SearchResults};
use crate::library::finding::NEAREST;
use crate::library::{Error, EventOf, FetchStep, LibraryInfo, Proposal, Service};
use crate::sanitize::clean_line;
use crate::state::Change;
use std::path::PathBuf;
use std::sync::Arc;

/// The kinds of request, each with what it needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Ask {
    Search(SearchRequest),
    /// Load an article and mark the matches of `query`.
    Open {
        id: ArticleId,
        query: String,
    },
    /// The articles to propose beside `id`.
    Proposals {
        id: ArticleId,
        outlet: Option<String>,
    },
    /// Align two articles.
    Compare {
        left: ArticleId,
        right: ArticleId,
    },
    /// Bring the library up to date with its folders (on a thread of its own).
    Refresh,
    /// The events of the library.
    Events,
    /// The event of one article, or its nearest counterparts when it is in none.
    EventOf {
        id: ArticleId,
    },
    /// Fetch every feed, then refresh (on a thread of its own: it may take minutes).
    Fetch,
    /// Change reading state. Never superseded: every change is written.
    Mark {
        ids: Vec<ArticleId>,
        change: Change,
    },
    /// Write two articles' comparison as Markdown into a folder.
    WriteMarkdown {
        left: ArticleId,
        right: ArticleId,
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Search = 0,
    Open = 1,
    Proposals = 2,
    Compare = 3,
    Refresh = 4,
    Events = 5,
    Fetch = 6,
    Mark = 7,
    WriteMarkdown = 8,
    EventOf = 9,
}

/// How many kinds of request there are.
pub const KINDS: usize = 10;

impl Ask {
    pub fn kind(&self) -> Kind {
        match self {
            Ask::Search(_) => Kind::Search,
            Ask::Open { .. } => Kind::Open,
            Ask::Proposals { .. } => Kind::Proposals,
            Ask::Compare { .. } => Kind::Compare,
            Ask::Refresh => Kind::Refresh,
            Ask::Events => Kind::Events,
            Ask::EventOf { .. } => Kind::EventOf,
            Ask::Fetch => Kind::Fetch,
            Ask::Mark { .. } => Kind::Mark,
            Ask::WriteMarkdown { .. } => Kind::WriteMarkdown,
        }
    }
}

impl Kind {
    /// A newer request of this kind makes an older one pointless: every kind
    /// but a change of reading state, which must be written whatever came
    /// after, and a comparison written to a file, whose path must be said.
    pub fn superseded_by_newer(self) -> bool {
        !matches!(self, Kind::Mark | Kind::WriteMarkdown)
    }
}

/// A request: what is asked, and its generation within its kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub generation: u64,
    pub ask: Ask,
}

/// What a finished fetch says: its summary line, and the refresh after it.
#[derive(Clone, Debug, PartialEq)]
pub struct FetchOutcome {
    pub summary: String,
    pub refreshed: Result<Indexed, Error>,
}

/// The answer to each kind of request, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Searched(SearchResults),
    /// The article, and the article as a hit of its own with its reading
    /// state, for the keys that change it when no list holds the article.
    Opened(Arc<Doc>, Box<SearchHit>),
    Proposals(Vec<Proposal>),
    Compared(Arc<Comparison>),
    Refreshed(Indexed),
    /// The events, each with its words for the filter.
    Events(Vec<Event>, Vec<Haystack>),
    EventOf(Box<EventOf>),
    Fetched(FetchOutcome),
    Marked,
    /// The file a comparison was written to.
    Written(PathBuf),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// The library is open (first reply).
    Ready(Result<LibraryInfo, Error>),
    /// The answer to the request of this kind and generation, or why there is none.
    Answer { kind: Kind, generation: u64, answer: Result<Answer, Error> },
    /// How far the long request of this kind and generation (a refresh, a
    /// fetch) has got, for the status line.
    Progress { kind: Kind, generation: u64, status: String },
}

/// Answer one request, passing on how far a long one has got as status
/// lines: what the worker's threads do.
pub fn respond(service: &dyn Service, ask: Ask, progress: &(dyn Fn(String) + Sync)) -> Result<Answer, Error> {
    match ask {
        Ask::Search(request) => service.search(&request).map(Answer::Searched),
        Ask::Open { id, query } => open(service, &id, &query),
        Ask::Proposals { id, outlet } => service.proposals(&id, outlet.as_deref()).map(Answer::Proposals),
        Ask::Compare { left, right } => {
            service.compare(left.as_str(), right.as_str()).map(|c| Answer::Compared(Arc::new(Comparison::of(c))))
        }
        Ask::Refresh => {
            let shown = |step| {
                if worth_showing(step) {
                    progress(describe_step(step))
                }
            };
            service.refresh(&shown).map(|r| Answer::Refreshed(Indexed::of(&r.report)))
        }
        Ask::Events => service.events().map(|events| {
            let words = events.iter().map(Haystack::of).collect();
            Answer::Events(events, words)
        }),
        Ask::EventOf { id } => service.event_of(id.as_str(), NEAREST).map(|of| Answer::EventOf(Box::new(of))),
        Ask::Fetch => fetch(service, progress).map(Answer::Fetched),
        Ask::Mark { ids, change } => service.mark(&ids, &change).map(|_| Answer::Marked),
        Ask::WriteMarkdown { left, right, dir } => {
            service.write_markdown(left.as_str(), right.as_str(), &dir).map(Answer::Written)
        }
    }
}

/// The reply to one request, with no one to tell how far it has got: for
/// tests that want no thread.
pub fn handle(service: &dyn Service, request: Request) -> Reply {
    let (kind, generation) = (request.ask.kind(), request.generation);
    Reply::Answer { kind, generation, answer: respond(service, request.ask, &|_| {}) }
}

/// The article `id` ready to draw, with its reading state. A state that
/// cannot be read does not stop the reading: the article is said unread
/// (the result list's hint says why, and a change would say it again).
fn open(service: &dyn Service, id: &ArticleId, query: &str) -> Result<Answer, Error> {
    let article = service.article(id.as_str())?;
    let marks = service.marks(&article.id).unwrap_or_default();
    let hit = SearchHit {
        listing: Listing::of(&article),
        score: 0.0,
        snippet: Default::default(),
        paths: article.paths.clone(),
        read: marks.read,
        starred: marks.starred,
        tags: marks.tags.into_iter().collect(),
    };
    Ok(Answer::Opened(Arc::new(Doc::new(&article, query)), Box::new(hit)))
}

fn fetch(service: &dyn Service, progress: &(dyn Fn(String) + Sync)) -> Result<FetchOutcome, Error> {
    let fetched = service.fetch(&|step| match step {
        FetchStep::Feeds(crate::feeds::FetchProgress::Feed { done, total, name }) => {
            progress(format!("fetching feed {}/{total}: {}…", done + 1, clean_line(name)))
        }
        FetchStep::Feeds(_) => {}
        FetchStep::Refresh(step) if worth_showing(step) => progress(describe_step(step)),
        FetchStep::Refresh(_) => {}
    })?;
    let summary = super::fetching::summary(&fetched.feeds);
    Ok(FetchOutcome { summary, refreshed: fetched.refreshed.map(|r| Indexed::of(&r.report)) })
}
