//! How a command that failed ends: one line on stderr and an exit status.
//!
//! Every subcommand returns a [`Failure`] and none words its own: the line
//! and the status are decided here, over the library's error kinds, so that
//! a kind that should end differently (a status of its own for a busy
//! library, say) is one arm to change. Today every error ends with status
//! 2 (the README's promise: 0 done, 1 nothing found or part failed, 2 error).

use super::{EXIT_ERROR, EXIT_OK};
use crate::library::Error;

/// Why a command did not finish.
#[derive(Debug)]
pub enum Failure {
    /// The library (or an argument it was given) said no.
    Library(Error),
    /// Writing the output failed.
    Output(std::io::Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Library(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::Output(e)
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Failure {
        Failure::Output(e.into())
    }
}

impl From<crate::config::ConfigError> for Failure {
    fn from(e: crate::config::ConfigError) -> Failure {
        Failure::Library(Error::Invalid(e.to_string()))
    }
}

impl From<crate::links::LinkError> for Failure {
    fn from(e: crate::links::LinkError) -> Failure {
        Failure::Library(Error::Invalid(e.to_string()))
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Failure {
        Failure::Library(Error::from(e))
    }
}

/// An argument the parser could not check itself.
pub fn invalid(why: impl Into<String>) -> Failure {
    Failure::Library(Error::Invalid(why.into()))
}

/// The exit status a library error ends with.
fn status(e: &Error) -> i32 {
    match e {
        Error::Busy(_)
        | Error::Damaged { .. }
        | Error::NotFound(_)
        | Error::Ambiguous(..)
        | Error::Io { .. }
        | Error::Invalid(_)
        | Error::BadQuery(_)
        | Error::NoFeeds
        | Error::Internal(_)
        | Error::Failed(_) => EXIT_ERROR,
    }
}

/// Say why on stderr (and in the log), in one line; the exit status.
pub fn end(failure: Failure) -> i32 {
    let (line, code) = match failure {
        // Output piped into `head` that stopped reading: not an error worth a word.
        Failure::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return EXIT_OK,
        Failure::Output(e) => (e.to_string(), EXIT_ERROR),
        Failure::Library(e) => (e.to_string(), status(&e)),
    };
    let line = crate::sanitize::clean_line(&line);
    tracing::error!("{line}");
    eprintln!("byline: {line}");
    code
}
