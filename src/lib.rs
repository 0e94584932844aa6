//! byline: read the news the way an editor does.
//!
//! The domain ([`corpus`], [`index`]) knows nothing of the terminal; the
//! command line ([`cli`]) and the TUI are thin layers over it.

pub mod article;
pub mod cli;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod dates;
pub mod fsutil;
pub mod index;
pub mod sanitize;
pub mod synth;

pub use article::{Article, ArticleId};
