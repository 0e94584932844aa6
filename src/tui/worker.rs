//! The worker threads: everything slow happens here, off the render thread,
//! so that a keystroke never waits on the library.
//!
//! One thread opens the library and answers requests in turn; refreshes
//! (indexing) go to a thread of their own, so that searches keep being
//! answered while a large folder is read, and each fetch to one more (it
//! waits on servers for minutes perhaps). What each request means is the
//! protocol's ([`super::protocol`]); here is only where it runs and which
//! requests still deserve an answer.
//!
//! Newest wins: [`Worker::send`] records the latest generation asked for of
//! each kind, and a request that a newer one of its kind has superseded
//! while it waited in the queue is skipped (never a change of reading
//! state). The app drops a reply whose generation is not the latest it
//! asked for.

use super::action::AppEvent;
use super::protocol::{KINDS, Kind, Reply, Request, respond};
use crate::library::{Error, Service};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// The worker threads' name (the panic hook leaves the terminal alone there).
pub const THREAD_NAME: &str = "byline-worker";

/// The latest generation asked for, per kind.
type Latest = Arc<[AtomicU64; KINDS]>;

/// The handle the event loop sends requests through.
pub struct Worker {
    tx: Sender<Request>,
    latest: Latest,
}

/// Opens the library, on the worker thread.
pub type Opener = Box<dyn FnOnce() -> Result<Arc<dyn Service>, Error> + Send>;

impl Worker {
    /// Start the worker thread: it opens the library with `open`, asks it
    /// what it holds, says [`Reply::Ready`], then answers requests, replying
    /// on `events`.
    pub fn spawn(open: Opener, events: Sender<AppEvent>) -> Worker {
        let (tx, rx) = channel::<Request>();
        let latest: Latest = Arc::new(Default::default());
        let seen = latest.clone();
        std::thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || run(open, rx, events, seen))
            .expect("cannot start the worker thread");
        Worker { tx, latest }
    }

    /// Queue a request; it supersedes every older one of its kind.
    pub fn send(&self, request: Request) {
        self.latest[request.ask.kind() as usize].fetch_max(request.generation, Ordering::SeqCst);
        // A closed channel means the worker died; its reply said why.
        let _ = self.tx.send(request);
    }
}

/// Run `f`, a panic in it becoming an internal error.
fn guarded<T>(f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|p| {
        let msg = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned());
        Err(Error::Internal(msg.unwrap_or_else(|| "a panic in the worker".into())))
    })
}

/// Answer `request`, a panic included, with the steps of a long one sent as
/// progress replies.
fn reply(service: &dyn Service, request: Request, events: &Sender<AppEvent>) -> Reply {
    let (kind, generation) = (request.ask.kind(), request.generation);
    let progress = |status: String| {
        let _ = events.send(AppEvent::Reply(Reply::Progress { kind, generation, status }));
    };
    Reply::Answer { kind, generation, answer: guarded(|| respond(service, request.ask, &progress)) }
}

fn superseded(request: &Request, latest: &Latest) -> bool {
    let kind = request.ask.kind();
    kind.superseded_by_newer() && request.generation < latest[kind as usize].load(Ordering::SeqCst)
}

fn run(open: Opener, rx: Receiver<Request>, events: Sender<AppEvent>, latest: Latest) {
    let ready = guarded(|| open().and_then(|s| Ok((s.info()?, s))));
    let service = match ready {
        Ok((info, service)) => {
            let _ = events.send(AppEvent::Reply(Reply::Ready(Ok(info))));
            service
        }
        Err(e) => {
            let _ = events.send(AppEvent::Reply(Reply::Ready(Err(e))));
            return;
        }
    };
    let indexer = spawn_indexer(service.clone(), events.clone(), latest.clone());
    // The index is read ahead once the first answer is out, so that the
    // reading never competes with the first search. (Launch to results at
    // 100k measured 10–17 ms p50 with and without it: within the noise.)
    let mut warmed = false;
    for request in rx {
        if superseded(&request, &latest) {
            continue;
        }
        match request.ask.kind() {
            Kind::Refresh => {
                let _ = indexer.send(request);
                continue;
            }
            Kind::Fetch => {
                spawn_fetch(service.clone(), request, events.clone());
                continue;
            }
            _ => {}
        }
        if events.send(AppEvent::Reply(reply(&*service, request, &events))).is_err() {
            return;
        }
        if !std::mem::replace(&mut warmed, true) {
            service.warm();
        }
    }
}

/// Start the thread that answers refreshes; returns where to send them.
fn spawn_indexer(service: Arc<dyn Service>, events: Sender<AppEvent>, latest: Latest) -> Sender<Request> {
    let (tx, rx) = channel::<Request>();
    std::thread::Builder::new()
        .name(THREAD_NAME.into())
        .spawn(move || {
            // Refreshes yield the cores to the worker that answers keys.
            crate::priority::lower();
            for request in rx {
                if superseded(&request, &latest) {
                    continue;
                }
                if events.send(AppEvent::Reply(reply(&*service, request, &events))).is_err() {
                    return;
                }
            }
        })
        .expect("cannot start the indexing thread");
    tx
}

/// Answer a fetch on a thread of its own (the refresh after it at a lower
/// priority, as every refresh).
fn spawn_fetch(service: Arc<dyn Service>, request: Request, events: Sender<AppEvent>) {
    let _ = std::thread::Builder::new().name(THREAD_NAME.into()).spawn(move || {
        crate::priority::lower();
        let _ = events.send(AppEvent::Reply(reply(&*service, request, &events)));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, ArticleId};
    use crate::events::{Event, Related};
    use crate::index::{SearchRequest, SearchResults};
    use crate::library::{LibraryInfo, Refreshed, Step};
    use crate::tui::protocol::Ask;

    struct Panics;
    impl Service for Panics {
        fn info(&self) -> Result<LibraryInfo, Error> {
            Ok(LibraryInfo { articles: 0, demo: false, rebuilt: false })
        }
        fn search(&self, _: &SearchRequest) -> Result<SearchResults, Error> {
            panic!("index on fire")
        }
        fn article(&self, _: &str) -> Result<Article, Error> {
            Err(Error::NotFound("x".into()))
        }
        fn refresh(&self, _: &(dyn Fn(Step) + Sync)) -> Result<Refreshed, Error> {
            Ok(Refreshed::default())
        }
        fn related(&self, _: &str, _: usize) -> Result<Vec<Related>, Error> {
            Ok(vec![])
        }
        fn events(&self) -> Result<Vec<Event>, Error> {
            panic!("events on fire")
        }
    }

    #[test]
    fn a_panic_in_the_worker_becomes_an_error_reply_and_the_worker_goes_on() {
        let (tx, rx) = channel();
        let worker = Worker::spawn(Box::new(|| Ok(Arc::new(Panics) as Arc<dyn Service>)), tx);
        worker.send(Request { generation: 1, ask: Ask::Search(SearchRequest::new("x")) });
        worker.send(Request { generation: 1, ask: Ask::Open { id: ArticleId("x".into()), query: String::new() } });
        worker.send(Request { generation: 1, ask: Ask::Events });
        let mut replies = Vec::new();
        while replies.len() < 4 {
            match rx.recv_timeout(std::time::Duration::from_secs(10)).expect("a reply") {
                AppEvent::Reply(r) => replies.push(r),
                other => panic!("{other:?}"),
            }
        }
        let failed = |r: &Reply| match r {
            Reply::Answer { answer: Err(e), kind, .. } => Some((*kind, e.clone())),
            _ => None,
        };
        assert!(matches!(&replies[0], Reply::Ready(Ok(_))));
        assert_eq!(failed(&replies[1]), Some((Kind::Search, Error::Internal("index on fire".into()))));
        assert_eq!(failed(&replies[2]), Some((Kind::Open, Error::NotFound("x".into()))));
        assert_eq!(failed(&replies[3]), Some((Kind::Events, Error::Internal("events on fire".into()))));
        assert_eq!(
            replies[3].clone(),
            Reply::Answer { kind: Kind::Events, generation: 1, answer: Err(Error::Internal("events on fire".into())) }
        );
        assert_eq!(Error::Internal("events on fire".into()).to_string(), "internal error: events on fire");
    }
}
