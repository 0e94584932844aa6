//! The background worker: opens the library, searches, loads and aligns
//! articles, ranks counterparts and lists events off the render thread, so
//! a keystroke never waits on the index.
//!
//! Every request carries a generation number. The newest request of a kind
//! wins: one superseded while it waited in the queue is skipped, and the
//! app drops a reply whose generation is not the latest it asked for.
//! The backend is a trait so that tests can put a slow one behind it.
//! Refreshes (indexing) go to a thread of their own ([`super::refresh`]).

use super::action::AppEvent;
use super::candidates::{Candidate, candidates, order_candidates};
use super::doc::Doc;
use super::refresh::{Indexed, RefreshError, Step};
use super::rows::{Comparison, comparison};
use crate::article::{Article, ArticleId};
use crate::events::{Event, Related};
use crate::index::{IndexReport, Library, Progress, SearchRequest, SearchResults, Sort};
use crate::state::Change;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// How many articles the picker proposes.
pub const CANDIDATES: usize = 500;
/// How many of them are the domain's related counterparts, at most.
pub const RELATED: usize = 10;
/// The worker thread's name (the panic hook leaves the terminal alone there).
pub const THREAD_NAME: &str = "byline-worker";

/// What the worker needs from the library.
pub trait SearchBackend: Send + Sync {
    /// Make the library usable (index the demo library when there is none).
    fn prepare(&self) -> anyhow::Result<LibraryInfo>;
    /// Start bringing the library's index into memory, in the background,
    /// so that the first searches do not wait on the disk. Nothing by default.
    fn warm(&self) {}
    fn search(&self, request: &SearchRequest) -> anyhow::Result<SearchResults>;
    fn article(&self, id: &str) -> anyhow::Result<Article>;
    /// Bring the index up to date with the library's folders, saying how far it has got.
    fn refresh(&self, progress: &(dyn Fn(Progress) + Sync)) -> anyhow::Result<IndexReport>;
    /// The articles most likely to report the same event as `id`, best first.
    fn related(&self, id: &str, limit: usize) -> anyhow::Result<Vec<Related>>;
    /// The events of the library, largest first.
    fn events(&self) -> anyhow::Result<Vec<Event>>;
    /// Fetch every feed into the library's folder of fetched articles,
    /// saying how far it got; the summary line when done. (It does not
    /// index: the app asks for a refresh next.) A library with no feeds by
    /// default.
    fn fetch(&self, _progress: &dyn Fn(String)) -> anyhow::Result<String> {
        anyhow::bail!("this library has no feeds")
    }
    /// Change the reading state of some articles. A library that keeps no
    /// reading state (one held in memory, for tests) takes the change and
    /// keeps it nowhere: the list shows it until the next search.
    fn mark(&self, _ids: &[ArticleId], _change: &Change) -> anyhow::Result<()> {
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryInfo {
    pub articles: usize,
    pub demo: bool,
    /// The index was found damaged on open and rebuilt from the library.
    pub rebuilt: bool,
}

impl SearchBackend for Library {
    fn prepare(&self) -> anyhow::Result<LibraryInfo> {
        self.ensure_ready()?;
        Ok(LibraryInfo { articles: self.article_count()?, demo: self.is_demo()?, rebuilt: self.was_rebuilt() })
    }
    fn warm(&self) {
        self.prefetch()
    }
    fn search(&self, request: &SearchRequest) -> anyhow::Result<SearchResults> {
        crate::state::search(self, request)
    }
    fn article(&self, id: &str) -> anyhow::Result<Article> {
        self.get(id)
    }
    fn refresh(&self, progress: &(dyn Fn(Progress) + Sync)) -> anyhow::Result<IndexReport> {
        let report = Library::refresh(self, progress)?;
        crate::events::carry_over(self, &report)?;
        Ok(report)
    }
    fn related(&self, id: &str, limit: usize) -> anyhow::Result<Vec<Related>> {
        crate::events::related(self, &self.get(id)?, limit)
    }
    fn events(&self) -> anyhow::Result<Vec<Event>> {
        crate::events::refresh(self)
    }
    fn fetch(&self, progress: &dyn Fn(String)) -> anyhow::Result<String> {
        super::fetching::fetch(self.paths(), progress)
    }
    fn mark(&self, ids: &[ArticleId], change: &Change) -> anyhow::Result<()> {
        crate::state::Store::new(self.paths()).update(ids, change)?;
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    Search {
        generation: u64,
        request: SearchRequest,
    },
    /// Load an article and mark the matches of `query`.
    Open {
        generation: u64,
        id: ArticleId,
        query: String,
    },
    /// The articles to propose beside `id`.
    Candidates {
        generation: u64,
        id: ArticleId,
        outlet: Option<String>,
    },
    /// Align two articles.
    Compare {
        generation: u64,
        left: ArticleId,
        right: ArticleId,
    },
    Refresh {
        generation: u64,
    },
    /// The events of the library.
    Events {
        generation: u64,
    },
    /// Fetch every feed (on a thread of its own: it may take minutes).
    Fetch {
        generation: u64,
    },
    /// Change reading state. Never superseded: every change is written.
    Mark {
        generation: u64,
        ids: Vec<ArticleId>,
        change: Change,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Search = 0,
    Open = 1,
    Candidates = 2,
    Compare = 3,
    Refresh = 4,
    Events = 5,
    Fetch = 6,
    Mark = 7,
}

/// How many kinds of request there are.
pub(super) const KINDS: usize = 8;

impl Request {
    pub fn kind(&self) -> Kind {
        match self {
            Request::Search { .. } => Kind::Search,
            Request::Open { .. } => Kind::Open,
            Request::Candidates { .. } => Kind::Candidates,
            Request::Compare { .. } => Kind::Compare,
            Request::Refresh { .. } => Kind::Refresh,
            Request::Events { .. } => Kind::Events,
            Request::Fetch { .. } => Kind::Fetch,
            Request::Mark { .. } => Kind::Mark,
        }
    }

    pub fn generation(&self) -> u64 {
        match self {
            Request::Search { generation, .. }
            | Request::Open { generation, .. }
            | Request::Candidates { generation, .. }
            | Request::Compare { generation, .. }
            | Request::Refresh { generation }
            | Request::Events { generation }
            | Request::Fetch { generation }
            | Request::Mark { generation, .. } => *generation,
        }
    }
}

/// Errors cross the thread as one-line strings.
pub type Answer<T> = Result<T, String>;

#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// The library is open (first reply).
    Ready(Answer<LibraryInfo>),
    Searched {
        generation: u64,
        results: Answer<SearchResults>,
    },
    Opened {
        generation: u64,
        doc: Answer<Arc<Doc>>,
    },
    Candidates {
        generation: u64,
        hits: Answer<Vec<Candidate>>,
    },
    Compared {
        generation: u64,
        comparison: Answer<Arc<Comparison>>,
    },
    Refreshed {
        generation: u64,
        report: Result<Indexed, RefreshError>,
    },
    /// How far the refresh of this generation has got.
    Progress {
        generation: u64,
        step: Step,
    },
    Events {
        generation: u64,
        events: Answer<Vec<Event>>,
    },
    /// How far a fetch has got.
    Fetching {
        generation: u64,
        status: String,
    },
    /// A fetch is over: its summary line.
    Fetched {
        generation: u64,
        summary: Answer<String>,
    },
    Marked {
        generation: u64,
        result: Answer<()>,
    },
}

fn answer<T>(r: anyhow::Result<T>) -> Answer<T> {
    r.map_err(|e| crate::sanitize::clean_line(&format!("{e:#}")))
}

/// Answer one request: what the worker thread does, callable directly from
/// tests that want no thread.
pub fn handle(backend: &dyn SearchBackend, request: Request) -> Reply {
    match request {
        Request::Search { generation, request } => {
            Reply::Searched { generation, results: answer(backend.search(&request)) }
        }
        Request::Open { generation, id, query } => Reply::Opened {
            generation,
            doc: answer(backend.article(id.as_str()).map(|a| Arc::new(Doc::new(&a, &query)))),
        },
        Request::Candidates { generation, id, outlet } => {
            let request = SearchRequest {
                query: String::new(),
                limit: CANDIDATES,
                offset: 0,
                sort: Sort::Date,
                prefix_last: false,
            };
            let hits = backend.related(id.as_str(), RELATED).and_then(|related| {
                let rest = order_candidates(backend.search(&request)?.hits, &id, outlet.as_deref());
                Ok(candidates(related, rest, &id))
            });
            Reply::Candidates { generation, hits: answer(hits) }
        }
        Request::Compare { generation, left, right } => {
            let both = backend.article(left.as_str()).and_then(|l| Ok((l, backend.article(right.as_str())?)));
            Reply::Compared { generation, comparison: answer(both.map(|(l, r)| Arc::new(comparison(&l, &r)))) }
        }
        Request::Refresh { generation } => {
            Reply::Refreshed { generation, report: super::refresh::run(backend, &|_| {}) }
        }
        Request::Events { generation } => Reply::Events { generation, events: answer(backend.events()) },
        Request::Fetch { generation } => Reply::Fetched { generation, summary: answer(backend.fetch(&|_| {})) },
        Request::Mark { generation, ids, change } => {
            Reply::Marked { generation, result: answer(backend.mark(&ids, &change)) }
        }
    }
}

/// The handle the event loop sends requests through.
pub struct Worker {
    tx: Sender<Request>,
    latest: Arc<[AtomicU64; KINDS]>,
}

pub type Opener = Box<dyn FnOnce() -> anyhow::Result<Arc<dyn SearchBackend>> + Send>;

impl Worker {
    /// Start the worker thread: it opens the backend with `open`, prepares
    /// it, says [`Reply::Ready`], then answers requests, replying on `events`.
    pub fn spawn(open: Opener, events: Sender<AppEvent>) -> Worker {
        let (tx, rx) = channel::<Request>();
        let latest: Arc<[AtomicU64; KINDS]> = Arc::new(Default::default());
        let seen = latest.clone();
        std::thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || run(open, rx, events, seen))
            .expect("cannot start the worker thread");
        Worker { tx, latest }
    }

    /// Queue a request; it supersedes every older one of its kind.
    pub fn send(&self, request: Request) {
        self.latest[request.kind() as usize].fetch_max(request.generation(), Ordering::SeqCst);
        // A closed channel means the worker died; its reply said why.
        let _ = self.tx.send(request);
    }
}

pub(super) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        let msg = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned());
        format!("internal error: {}", msg.unwrap_or_else(|| "a panic in the worker".into()))
    })
}

fn run(open: Opener, rx: Receiver<Request>, events: Sender<AppEvent>, latest: Arc<[AtomicU64; KINDS]>) {
    let ready = guarded(|| open().and_then(|b| Ok((b.prepare()?, b))));
    let backend = match ready {
        Ok(Ok((info, backend))) => {
            let _ = events.send(AppEvent::Reply(Reply::Ready(Ok(info))));
            backend
        }
        Ok(Err(e)) => {
            let _ = events.send(AppEvent::Reply(Reply::Ready(answer(Err(e)))));
            return;
        }
        Err(e) => {
            let _ = events.send(AppEvent::Reply(Reply::Ready(Err(e))));
            return;
        }
    };
    let indexer = super::refresh::spawn_indexer(backend.clone(), events.clone(), latest.clone());
    // The index is read ahead once the first answer is out, so that the
    // reading never competes with the first search. (Launch to results at
    // 100k measured 10–17 ms p50 with and without it: within the noise.)
    let mut warmed = false;
    for request in rx {
        let superseded = request.generation() < latest[request.kind() as usize].load(Ordering::SeqCst);
        if superseded && request.kind() != Kind::Mark {
            continue;
        }
        if request.kind() == Kind::Refresh {
            let _ = indexer.send(request);
            continue;
        }
        let (kind, generation) = (request.kind(), request.generation());
        if kind == Kind::Fetch {
            super::fetching::spawn(backend.clone(), generation, events.clone());
            continue;
        }
        let reply = guarded(|| handle(&*backend, request)).unwrap_or_else(|e| failed(kind, generation, e));
        if events.send(AppEvent::Reply(reply)).is_err() {
            return;
        }
        if !std::mem::replace(&mut warmed, true) {
            backend.warm();
        }
    }
}

pub(super) fn failed(kind: Kind, generation: u64, e: String) -> Reply {
    match kind {
        Kind::Search => Reply::Searched { generation, results: Err(e) },
        Kind::Open => Reply::Opened { generation, doc: Err(e) },
        Kind::Candidates => Reply::Candidates { generation, hits: Err(e) },
        Kind::Compare => Reply::Compared { generation, comparison: Err(e) },
        Kind::Refresh => Reply::Refreshed { generation, report: Err(RefreshError::Failed(e)) },
        Kind::Events => Reply::Events { generation, events: Err(e) },
        Kind::Fetch => Reply::Fetched { generation, summary: Err(e) },
        Kind::Mark => Reply::Marked { generation, result: Err(e) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Panics;
    impl SearchBackend for Panics {
        fn prepare(&self) -> anyhow::Result<LibraryInfo> {
            Ok(LibraryInfo { articles: 0, demo: false, rebuilt: false })
        }
        fn search(&self, _: &SearchRequest) -> anyhow::Result<SearchResults> {
            panic!("index on fire")
        }
        fn article(&self, _: &str) -> anyhow::Result<Article> {
            anyhow::bail!("no such article")
        }
        fn refresh(&self, _: &(dyn Fn(Progress) + Sync)) -> anyhow::Result<IndexReport> {
            Ok(IndexReport::default())
        }
        fn related(&self, _: &str, _: usize) -> anyhow::Result<Vec<Related>> {
            Ok(vec![])
        }
        fn events(&self) -> anyhow::Result<Vec<Event>> {
            panic!("events on fire")
        }
    }

    #[test]
    fn a_panic_in_the_worker_becomes_an_error_reply_and_the_worker_goes_on() {
        let (tx, rx) = channel();
        let worker = Worker::spawn(Box::new(|| Ok(Arc::new(Panics) as Arc<dyn SearchBackend>)), tx);
        let request = SearchRequest::new("x");
        worker.send(Request::Search { generation: 1, request });
        worker.send(Request::Open { generation: 1, id: ArticleId("x".into()), query: String::new() });
        worker.send(Request::Events { generation: 1 });
        let mut replies = Vec::new();
        while replies.len() < 4 {
            match rx.recv_timeout(std::time::Duration::from_secs(10)).expect("a reply") {
                AppEvent::Reply(r) => replies.push(r),
                other => panic!("{other:?}"),
            }
        }
        assert!(matches!(&replies[0], Reply::Ready(Ok(_))));
        assert!(matches!(&replies[1], Reply::Searched { results: Err(e), .. } if e == "internal error: index on fire"));
        assert!(matches!(&replies[2], Reply::Opened { doc: Err(e), .. } if e == "no such article"));
        assert!(matches!(&replies[3], Reply::Events { events: Err(e), .. } if e == "internal error: events on fire"));
    }
}
