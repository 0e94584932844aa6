//! byline: read the news the way an editor does.
//!
//! The domain ([`corpus`], [`index`], [`events`], [`compare`], [`feeds`],
//! [`state`]) knows nothing of the terminal; the library service
//! ([`library`]) puts its steps together, and the command line ([`cli`]) and
//! the TUI ([`tui`]) are thin layers over that. [`synth`] writes news-shaped test corpora with planted
//! events, for measuring grouping and for benchmarks.

pub mod article;
pub mod cli;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod dates;
pub mod events;
pub mod feeds;
pub mod fsutil;
pub mod index;
pub mod library;
pub mod links;
pub mod logging;
pub mod meaning;
pub mod priority;
pub mod sanitize;
pub mod state;
pub mod synth;
pub mod tui;
pub mod words;

pub use article::{Article, ArticleId};
