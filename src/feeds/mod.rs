//! Feeds: RSS and Atom fetched into the library.
//!
//! People who read news in a feed reader add feeds, fetch, and read. Here the
//! feed list and its state live in the data folder ([`list`]); a fetch
//! ([`fetch`]) asks each feed politely for what changed ([`http`]), follows
//! each new item's link, extracts the article from the page
//! (`corpus::html::extract`) or keeps the feed's own text, and stores it as a
//! JSON file under `DATA/fetched/` ([`store`]), which is part of the library
//! and indexed like any folder. [`opml`] moves the list in and out of other
//! readers. What a feed links to is followed only as [`trust`] allows, and
//! every answer is decoded and capped while it is read ([`body`]): a feed is
//! written by someone else. Nothing here knows about the terminal.

pub mod body;
pub mod budget;
pub mod fetch;
pub mod http;
pub mod list;
pub mod opml;
pub mod page;
pub mod parse;
pub mod prune;
pub mod source;
pub mod store;
pub mod trust;

pub use fetch::{FeedReport, FeedStatus, FetchProgress, FetchReport, ItemReport, fetch_all, unread_pages};
pub use list::{Feed, FeedList};
pub use source::Source;
