//! The feed list and what byline remembers of each feed between fetches
//! (its title, the validators for conditional requests, the items already
//! fetched), kept as `feeds.json` in the data folder and written atomically.

use super::source::Source;
use anyhow::Context;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One subscribed feed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    /// An http(s) url, or `file://` and an absolute path.
    pub url: String,
    /// The name the user gave (`--name`, or an OPML outline's text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The title the feed gives itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The folder of `fetched/` holding this feed's articles.
    pub slug: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_fetch: Option<DateTime<Utc>>,
    /// Why the last fetch failed, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// Keys (guid, else link) of the items already fetched.
    #[serde(default)]
    pub seen: BTreeSet<String>,
}

impl Feed {
    pub fn new(source: &Source, name: Option<String>, title: Option<String>) -> Feed {
        let url = source.url();
        let label = name.as_deref().or(title.as_deref()).unwrap_or(&url);
        Feed { slug: slug(label, &url), name, title, url, ..Feed::default() }
    }

    /// What people call it: the name given, the feed's title, or its url.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().or(self.title.as_deref()).unwrap_or(&self.url)
    }
}

/// A folder name: the label's words, lower case, and a short hash of the url
/// (two feeds with one title stay apart).
fn slug(label: &str, url: &str) -> String {
    let words: String = label
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .filter(|c| c.is_ascii())
        .collect();
    let words: Vec<&str> = words.split('-').filter(|w| !w.is_empty()).take(6).collect();
    let hash = &blake3::hash(url.as_bytes()).to_hex()[..8];
    if words.is_empty() { hash.to_string() } else { format!("{}-{hash}", words.join("-")) }
}

/// The feed list as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedList {
    pub feeds: Vec<Feed>,
}

impl FeedList {
    pub fn file(data: &Path) -> PathBuf {
        data.join("feeds.json")
    }

    /// The list in `data`, empty when there is none yet.
    pub fn load(data: &Path) -> anyhow::Result<FeedList> {
        let path = FeedList::file(data);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("{} is damaged; fix or remove it", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(FeedList::default()),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    pub fn save(&self, data: &Path) -> anyhow::Result<()> {
        let path = FeedList::file(data);
        let json = serde_json::to_vec_pretty(self)?;
        crate::fsutil::write_atomic(&path, &json).with_context(|| format!("cannot write {}", path.display()))
    }

    pub fn find(&self, url: &str) -> Option<&Feed> {
        self.feeds.iter().find(|f| f.url == url)
    }

    /// Add a feed unless its url is already there; true when added.
    pub fn add(&mut self, feed: Feed) -> bool {
        if self.find(&feed.url).is_some() {
            return false;
        }
        self.feeds.push(feed);
        true
    }

    /// Remove the feed with this url or name (a name must be unambiguous).
    pub fn remove(&mut self, which: &str) -> anyhow::Result<Feed> {
        let url = Source::parse(which).map(|s| s.url()).unwrap_or_default();
        let matches: Vec<usize> = (0..self.feeds.len())
            .filter(|&i| {
                let f = &self.feeds[i];
                f.url == which || f.url == url || f.display_name().eq_ignore_ascii_case(which)
            })
            .collect();
        match matches.as_slice() {
            [i] => Ok(self.feeds.remove(*i)),
            [] => anyhow::bail!("no feed with the url or name {which:?} (see byline feed list)"),
            _ => anyhow::bail!("{which:?} names {} feeds: give the url instead", matches.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(url: &str, name: Option<&str>) -> Feed {
        Feed::new(&Source::parse(url).unwrap(), name.map(String::from), Some("The Title".into()))
    }

    #[test]
    fn slugs_are_readable_and_distinct() {
        let a = feed("https://a.example/rss", None);
        let b = feed("https://b.example/rss", None);
        assert!(a.slug.starts_with("the-title-"), "{}", a.slug);
        assert_ne!(a.slug, b.slug);
        assert_eq!(feed("https://a.example/rss", Some("Ünï ../..")).slug.len(), 8 + "n".len() + 1);
    }

    #[test]
    fn add_is_once_per_url_and_remove_takes_url_or_name() {
        let dir = tempfile::tempdir().unwrap();
        let mut list = FeedList::default();
        assert!(list.add(feed("https://a.example/rss", Some("Alpha"))));
        assert!(!list.add(feed("https://a.example/rss", None)));
        assert!(list.add(feed("https://b.example/rss", None)));
        list.save(dir.path()).unwrap();
        let mut list = FeedList::load(dir.path()).unwrap();
        assert_eq!(list.feeds.len(), 2);
        assert_eq!(list.remove("alpha").unwrap().url, "https://a.example/rss");
        assert!(list.remove("The Title").is_ok());
        assert!(list.remove("nothing").unwrap_err().to_string().contains("no feed"));
    }
}
