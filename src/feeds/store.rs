//! Fetched articles on disk: `DATA/fetched/<feed-slug>/<item-hash>.json`, in
//! the JSON shape the corpus reads (title, outlet, byline, date, url, body),
//! plus where the text came from. Being files, they are indexed like any
//! other folder, and the index can always be rebuilt from them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One fetched article as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub title: Option<String>,
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The item's date.
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub body: Vec<String>,
    /// The feed it came from.
    pub feed: String,
    /// The item's key in the feed (guid, else link).
    pub item: String,
    /// True when the text is the article extracted from its page; false when
    /// it is the feed's own summary or content.
    pub extracted: bool,
    /// Why the page's text was not used, when it was not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub fetched: DateTime<Utc>,
}

/// Where the article of item `key` of the feed stored under `slug` lives.
pub fn article_path(fetched: &Path, slug: &str, key: &str) -> PathBuf {
    let hash = blake3::hash(key.as_bytes()).to_hex();
    fetched.join(slug).join(format!("{}.json", &hash[..16]))
}

pub fn write(path: &Path, article: &StoredArticle) -> anyhow::Result<()> {
    let json = serde_json::to_vec_pretty(article)?;
    crate::fsutil::write_atomic(path, &json).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_reads_what_is_stored() {
        let dir = tempfile::tempdir().unwrap();
        let path = article_path(dir.path(), "valley-post-1234", "urn:v:1");
        let stored = StoredArticle {
            title: Some("Bridge opens".into()),
            outlet: Some("Valley Post".into()),
            byline: Some("Ann Reed".into()),
            date: NaiveDate::from_ymd_opt(2022, 2, 22),
            url: Some("http://v.example/bridge".into()),
            body: vec!["The bridge opened on Tuesday.".into(), "Traffic flowed.".into()],
            feed: "http://v.example/atom".into(),
            item: "urn:v:1".into(),
            extracted: false,
            note: Some("page: HTTP 404 Not Found".into()),
            fetched: Utc::now(),
        };
        write(&path, &stored).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let parsed =
            crate::corpus::parse_bytes(&path, crate::corpus::Format::Json, &bytes, &Default::default()).unwrap();
        let a = &parsed[0];
        assert_eq!((a.title.as_str(), a.outlet.as_deref()), ("Bridge opens", Some("Valley Post")));
        assert_eq!((a.byline.as_deref(), a.date), (Some("Ann Reed"), NaiveDate::from_ymd_opt(2022, 2, 22)));
        assert_eq!(a.paragraphs, stored.body);
    }
}
