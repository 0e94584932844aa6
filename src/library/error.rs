//! What can go wrong when a front end asks the library, as kinds a front end
//! can match on rather than text it has to probe.
//!
//! The domain speaks `anyhow` (a chain of contexts, each naming what was being
//! done); the library service turns a chain into an [`Error`] once, at its
//! boundary, by the typed causes the domain puts in it ([`Busy`],
//! [`LookupError`], [`Kept`], [`OnPath`], `StateError`). The message stays
//! the chain's own text, so a kind costs the user no words: what the command
//! line prints and the app's status line says is what it was before there
//! were kinds. The front ends decide what each kind means to them: the app
//! says once that it reads but does not index when the library is
//! [`Error::Busy`]; the command line's exit status comes from one function
//! over these kinds (`cli::failure`).
//!
//! Errors cross the worker's channel, so they are plain values (`Clone`,
//! `PartialEq`): the causes are kept as text.
//!
//! A query asked as you type never fails: what the parser cannot use is
//! dropped and named in the results' hints. Asked strictly (the command
//! line: [`super::Library::search_strict`]), a query that cannot be answered
//! as asked is [`Error::BadQuery`].
//!
//! [`Busy`]: crate::index::Busy
//! [`LookupError`]: crate::index::LookupError
//! [`Kept`]: crate::index::Kept
//! [`OnPath`]: crate::fsutil::OnPath

use crate::fsutil::OnPath;
use crate::index::{Busy, Kept, LookupError};
use crate::state::StateError;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Another byline holds the index's writer lock: this one can read the
    /// library, not index it.
    #[error("another byline is indexing this library ({}); try again when it has finished", .0.display())]
    Busy(PathBuf),
    /// A file of byline's own is damaged and was kept as it was: the index,
    /// when rebuilding it from the library failed, or the reading state.
    #[error("{message}")]
    Damaged { path: PathBuf, message: String },
    /// No article has an id (or a file name) starting with this.
    #[error("no article with an id or file name starting with {0:?}")]
    NotFound(String),
    /// More than one article does: the prefix, and some of their ids.
    #[error("{0:?} is ambiguous: it could be {1}")]
    Ambiguous(String, String),
    /// A file or folder that cannot be read or written; the message names it.
    #[error("{message}")]
    Io { path: PathBuf, message: String },
    /// Something the user gave is not what it should be: a feed's url or
    /// file, an OPML file, a tag, an argument.
    #[error("{0}")]
    Invalid(String),
    /// A query that cannot be answered as it was asked (see
    /// [`crate::index::refusal`]): the reason, naming the part at fault.
    #[error("{0}")]
    BadQuery(String),
    /// There is no feed to fetch.
    #[error("no feeds yet: add one with `byline feed add URL`")]
    NoFeeds,
    /// A bug, caught (a panic on a worker thread).
    #[error("internal error: {0}")]
    Internal(String),
    /// Anything else, on one line.
    #[error("{0}")]
    Failed(String),
}

impl From<anyhow::Error> for Error {
    /// The kind the chain's typed causes say; the chain's text as the message.
    /// (`anyhow::Error::downcast_ref` finds a typed cause at any depth, and a
    /// typed context too, which a walk of the chain would not.)
    fn from(e: anyhow::Error) -> Error {
        let message = || crate::sanitize::clean_line(&format!("{e:#}"));
        if let Some(Busy(path)) = e.downcast_ref::<Busy>() {
            return Error::Busy(path.clone());
        }
        match e.downcast_ref::<LookupError>() {
            Some(LookupError::NotFound(prefix)) => return Error::NotFound(prefix.clone()),
            Some(LookupError::Ambiguous(prefix, ids)) => return Error::Ambiguous(prefix.clone(), ids.clone()),
            None => {}
        }
        if let Some(Kept(path)) = e.downcast_ref::<Kept>() {
            return Error::Damaged { path: path.clone(), message: message() };
        }
        match e.downcast_ref::<StateError>() {
            Some(StateError::Damaged { path, .. } | StateError::Newer { path, .. }) => {
                return Error::Damaged { path: path.clone(), message: message() };
            }
            Some(StateError::Io { path, .. }) => return Error::Io { path: path.clone(), message: message() },
            None => {}
        }
        if let Some(on) = e.downcast_ref::<OnPath>() {
            return Error::Io { path: on.path.clone(), message: message() };
        }
        Error::Failed(message())
    }
}

impl From<StateError> for Error {
    fn from(e: StateError) -> Error {
        Error::from(anyhow::Error::new(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn the_kind_comes_from_the_typed_cause_and_the_message_from_the_whole_chain() {
        let busy = anyhow::Error::new(Busy("/data".into())).context("cannot index");
        assert_eq!(Error::from(busy), Error::Busy("/data".into()));
        let missing = anyhow::Error::new(LookupError::NotFound("ff".into()));
        assert_eq!(Error::from(missing).to_string(), "no article with an id or file name starting with \"ff\"");
        let io = std::fs::read("/no/such/file")
            .with_context(|| OnPath::new("/no/such/file", "cannot read /no/such/file"))
            .unwrap_err();
        match Error::from(io) {
            Error::Io { path, message } => {
                assert_eq!(path, PathBuf::from("/no/such/file"));
                assert!(message.starts_with("cannot read /no/such/file: "), "{message}");
            }
            other => panic!("{other:?}"),
        }
        let kept = anyhow::anyhow!("cannot rebuild the index").context(Kept("/data/index".into()));
        let Error::Damaged { message, .. } = Error::from(kept) else { panic!("damaged") };
        assert_eq!(message, "the index in /data/index is damaged and was kept: cannot rebuild the index");
        let other = anyhow::anyhow!("disk on fire\nsecond line").context("cannot commit");
        assert_eq!(Error::from(other), Error::Failed("cannot commit: disk on fire second line".into()));
    }
}
