//! The feeds as the library's users ask for them: subscribe (the feed read
//! once to check it is one), list, unsubscribe, import and export OPML, and
//! fetch, which stores what the feeds have new and then refreshes, since a
//! fetched article is only found once it is indexed and grouped.
//!
//! The feed domain ([`crate::feeds`]) does the reading, the politeness and
//! the storing; here is only what is done with it, in what order, with the
//! library's own settings (`[feeds]` of the configuration it was opened with).

use super::{Error, Library, Refreshed, Step};
use crate::feeds::http::{Fetched as Answered, Fetcher, Validators};
use crate::feeds::{Feed, FeedList, FetchProgress, FetchReport, Source, opml};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A feed as `byline feed list --json` shows it.
#[derive(Clone, Debug, Serialize)]
pub struct FeedEntry {
    pub url: String,
    pub name: String,
    pub title: Option<String>,
    /// Where its articles are stored.
    pub folder: PathBuf,
    pub last_fetch: Option<chrono::DateTime<chrono::Utc>>,
    pub last_error: Option<String>,
    pub items_seen: usize,
}

/// What subscribing did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subscribed {
    /// The feed was in the list already, under this name.
    Already(String),
    Added {
        name: String,
        items: usize,
    },
}

/// A feed taken off the list: its name and where its articles stay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsubscribed {
    pub name: String,
    pub folder: PathBuf,
}

/// What importing an OPML file did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    pub known: usize,
    /// Why each outline that is not a feed was skipped.
    pub skipped: Vec<String>,
}

/// How far a fetch has got: the feeds, then the refresh that follows.
#[derive(Clone, Copy, Debug)]
pub enum FetchStep<'a> {
    Feeds(FetchProgress<'a>),
    Refresh(Step),
}

/// What a fetch did: each feed's outcome, and the refresh after it (which
/// may fail, or find the library busy, when the feeds did not).
#[derive(Clone, Debug)]
pub struct Fetched {
    pub feeds: FetchReport,
    pub refreshed: Result<Refreshed, Error>,
}

impl Library {
    fn feed_list(&self) -> Result<FeedList, Error> {
        Ok(FeedList::load(&self.paths().data)?)
    }

    fn save_feeds(&self, list: &FeedList) -> Result<(), Error> {
        Ok(list.save(&self.paths().data)?)
    }

    /// The feeds subscribed to.
    pub fn feeds(&self) -> Result<Vec<FeedEntry>, Error> {
        let fetched = self.paths().fetched();
        Ok(self
            .feed_list()?
            .feeds
            .into_iter()
            .map(|f| FeedEntry {
                name: f.display_name().to_string(),
                folder: fetched.join(&f.slug),
                items_seen: f.seen.len(),
                url: f.url,
                title: f.title,
                last_fetch: f.last_fetch,
                last_error: f.last_error,
            })
            .collect())
    }

    /// Subscribe to the feed at `url` (an http(s) url, a file path or a
    /// file:// url), after reading it once to check that it is a feed.
    pub fn subscribe(&self, url: &str, name: Option<String>) -> Result<Subscribed, Error> {
        let mut list = self.feed_list()?;
        let source = Source::parse(url).map_err(Error::Invalid)?;
        if let Some(known) = list.find(&source.url()) {
            return Ok(Subscribed::Already(known.display_name().to_string()));
        }
        let mut fetcher = Fetcher::new(self.feed_settings);
        let body = match fetcher.fetch(&source, &Validators::default()).map_err(anyhow::Error::new)? {
            Answered::Body(body) => body,
            Answered::Unchanged => {
                return Err(Error::Failed(format!("{url}: the server answered 304 to a plain request")));
            }
        };
        let doc = crate::feeds::parse::parse(&body.bytes, &body.url)
            .map_err(|why| Error::Invalid(format!("{}: {why}", source.url())))?;
        let feed = Feed::new(&source, name, doc.title);
        let added = Subscribed::Added { name: feed.display_name().to_string(), items: doc.items.len() };
        list.add(feed);
        self.save_feeds(&list)?;
        Ok(added)
    }

    /// Take a feed (by url or name) off the list; its articles stay.
    pub fn unsubscribe(&self, url_or_name: &str) -> Result<Unsubscribed, Error> {
        let mut list = self.feed_list()?;
        let gone = list.remove(url_or_name)?;
        self.save_feeds(&list)?;
        Ok(Unsubscribed { name: gone.display_name().to_string(), folder: self.paths().fetched().join(&gone.slug) })
    }

    /// Subscribe to every feed of an OPML file, without reading them.
    pub fn import_feeds(&self, file: &Path) -> Result<Imported, Error> {
        let mut list = self.feed_list()?;
        let text = std::fs::read_to_string(file)
            .map_err(|e| Error::Io { path: file.to_path_buf(), message: format!("{}: {e}", file.display()) })?;
        let outlines = opml::parse(&text).map_err(|why| Error::Invalid(format!("{}: {why}", file.display())))?;
        let mut imported = Imported::default();
        for o in &outlines {
            match Source::parse(&o.url) {
                Ok(source) if list.add(Feed::new(&source, o.name(), o.title.clone())) => imported.added += 1,
                Ok(_) => imported.known += 1,
                Err(why) => imported.skipped.push(why),
            }
        }
        self.save_feeds(&list)?;
        Ok(imported)
    }

    /// The feed list as OPML.
    pub fn export_feeds(&self) -> Result<String, Error> {
        Ok(opml::export(&self.feed_list()?.feeds))
    }

    /// Fetch every feed into the library's folder of fetched articles, then
    /// refresh. With no feeds nothing is fetched, and the library is still
    /// brought up to date.
    pub fn fetch(&self, progress: &(dyn Fn(FetchStep) + Sync)) -> Result<Fetched, Error> {
        let settings = self.feed_settings;
        let feeds = crate::feeds::fetch_all(self.paths(), settings, &|p| progress(FetchStep::Feeds(p)))?;
        let refreshed = self.refresh(&|step| progress(FetchStep::Refresh(step)));
        Ok(Fetched { feeds, refreshed })
    }
}
