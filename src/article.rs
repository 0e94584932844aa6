//! The plain values that cross every boundary of byline: an [`Article`] as the
//! corpus parses it, its stable [`ArticleId`], and its [`Listing`] (what a
//! list of articles shows of each).
//!
//! These are serde structs on purpose: `--json` prints them as they are, the
//! index stores them, and the TUI only ever reads them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

/// A stable article id: 16 hex digits of a hash of the article's normalised
/// text. Re-indexing keeps it; the same text in two files is one article.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// The id of an article whose normalised body text is `normalised`.
    pub fn from_normalised_text(normalised: &str) -> Self {
        let hash = blake3::hash(normalised.as_bytes());
        ArticleId(hash.to_hex()[..16].to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its first 8 digits: what lists print, and a prefix the command line
    /// takes (`byline show 3fa2b1c4`).
    pub fn short(&self) -> &str {
        &self.0[..self.0.len().min(8)]
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One news article, cleaned: boilerplate removed, broken paragraphs joined.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// Every file this article was read from (the same text in two files is
    /// one article).
    pub paths: Vec<PathBuf>,
    pub title: String,
    /// True when the file gave no headline and `title` was derived from the lede.
    pub title_derived: bool,
    /// The outlet, when the file or the user's metadata states it; never guessed.
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub paragraphs: Vec<String>,
}

impl Article {
    /// The article's body as one string, paragraphs separated by blank lines.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// Number of words in the body.
    pub fn word_count(&self) -> usize {
        self.paragraphs.iter().map(|p| p.split_whitespace().count()).sum()
    }
}

/// An article as a list shows it: its id, headline, outlet and date. A
/// search hit, a side of a comparison, an event's member and an article the
/// picker proposes all carry one, so that a list of any of them is drawn and
/// printed the same way; `--json` prints its four fields in the value that
/// holds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<NaiveDate>,
}

impl Listing {
    pub fn of(a: &Article) -> Listing {
        Listing { id: a.id.clone(), title: a.title.clone(), outlet: a.outlet.clone(), date: a.date }
    }
}
