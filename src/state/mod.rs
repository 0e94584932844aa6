//! Reading state: which articles the user has read, starred and tagged.
//!
//! People who come from a feed reader expect read and unread, a star and
//! free tags. They are kept by the stable [`ArticleId`], so they survive
//! re-indexing, renamed files and a rebuilt index, in one versioned JSON
//! file in the data folder ([`store`]). The index never sees that file: a
//! search is handed the ids each filter stands for ([`FlagSets`]) and the
//! hits are annotated afterwards ([`search`]).

mod cached;
pub mod store;

pub use store::{StateError, Store};

use crate::article::ArticleId;
use crate::index::{Catalog, FlagSets, SearchRequest, SearchResults};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The longest tag, in characters.
pub const MAX_TAG: usize = 64;

/// One article's reading state. An article with none is unread, unstarred
/// and untagged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    #[serde(default)]
    pub read: bool,
    #[serde(default)]
    pub starred: bool,
    #[serde(default)]
    pub tags: BTreeSet<String>,
}

impl Marks {
    fn is_default(&self) -> bool {
        *self == Marks::default()
    }
}

/// A value with an article's reading state beside its fields, for `--json`.
#[derive(Serialize)]
pub struct WithMarks<T: Serialize> {
    #[serde(flatten)]
    pub article: T,
    #[serde(flatten)]
    pub marks: Marks,
}

/// The reading state of the whole library: only articles with some state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    pub articles: BTreeMap<ArticleId, Marks>,
}

/// A change to some articles' reading state. Changes say what to set, never
/// "toggle": applied to the state as it is on disk when written (another
/// byline may have changed it meanwhile), they keep what the other did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Read(bool),
    Star(bool),
    Tags { add: Vec<String>, remove: Vec<String> },
}

/// A tag as stored: lower case, trimmed; letters, digits, `-`, `_`, `.`, `/`
/// and `:` only, at most [`MAX_TAG`] characters.
pub fn normalise_tag(tag: &str) -> Result<String, String> {
    let t = tag.trim().to_lowercase();
    if t.is_empty() {
        return Err("a tag cannot be empty".into());
    }
    if t.chars().count() > MAX_TAG {
        return Err(format!("a tag has at most {MAX_TAG} characters"));
    }
    if let Some(bad) = t.chars().find(|c| !(c.is_alphanumeric() || "-_./:".contains(*c))) {
        return Err(format!("a tag cannot contain {bad:?} (only letters, digits and - _ . / :)"));
    }
    Ok(t)
}

impl ReadingState {
    /// The marks of `id` (none when it has no state).
    pub fn marks(&self, id: &ArticleId) -> Marks {
        self.articles.get(id).cloned().unwrap_or_default()
    }

    /// Apply `change` to each of `ids`. Tags must already be normalised.
    pub fn apply(&mut self, ids: &[ArticleId], change: &Change) {
        for id in ids {
            let m = self.articles.entry(id.clone()).or_default();
            match change {
                Change::Read(on) => m.read = *on,
                Change::Star(on) => m.starred = *on,
                Change::Tags { add, remove } => {
                    for t in remove {
                        m.tags.remove(t);
                    }
                    m.tags.extend(add.iter().cloned());
                }
            }
            if m.is_default() {
                self.articles.remove(id);
            }
        }
    }

    /// The ids each search filter stands for.
    pub fn flag_sets(&self) -> FlagSets {
        let mut sets = FlagSets::default();
        for (id, m) in &self.articles {
            if m.read {
                sets.read.insert(id.clone());
            }
            if m.starred {
                sets.starred.insert(id.clone());
            }
            for t in &m.tags {
                sets.tags.entry(t.clone()).or_default().insert(id.clone());
            }
        }
        sets
    }

    /// Fill in each hit's read, starred and tags.
    pub fn annotate(&self, results: &mut SearchResults) {
        for hit in &mut results.hits {
            let m = self.marks(&hit.listing.id);
            hit.read = m.read;
            hit.starred = m.starred;
            hit.tags = m.tags.into_iter().collect();
        }
    }
}

/// Search the library with the reading state: `is:`/`tag:` filters match,
/// and every hit says whether it is read, starred and how it is tagged. A
/// state file that cannot be read does not stop the search: it goes on as
/// if nothing were read or starred, and the first hint says why.
pub fn search(library: &Catalog, request: &SearchRequest) -> anyhow::Result<SearchResults> {
    let (loaded, problem) = match cached::load(&Store::new(library.paths())) {
        Ok(loaded) => (loaded, None),
        Err(e) => (Default::default(), Some(e.to_string())),
    };
    let mut results = library.search_with(request, &loaded.flags)?;
    loaded.state.annotate(&mut results);
    if let Some(p) = problem {
        results.hints.insert(0, p);
    }
    Ok(results)
}

/// The reading state of `id`, from memory when the file has not changed
/// since it was last read (see [`cached`]): what the app asks on opening
/// each article, so it must not read the file each time.
pub fn marks_of(store: &Store, id: &ArticleId) -> Result<Marks, StateError> {
    Ok(cached::load(store)?.state.marks(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> ArticleId {
        ArticleId(s.into())
    }

    #[test]
    fn changes_set_and_clear_and_empty_entries_vanish() {
        let mut s = ReadingState::default();
        s.apply(&[id("a"), id("b")], &Change::Read(true));
        s.apply(&[id("a")], &Change::Star(true));
        s.apply(&[id("b")], &Change::Tags { add: vec!["ukraine".into(), "nato".into()], remove: vec![] });
        assert!(s.marks(&id("a")).read && s.marks(&id("a")).starred);
        assert_eq!(s.marks(&id("b")).tags.iter().collect::<Vec<_>>(), ["nato", "ukraine"]);
        let sets = s.flag_sets();
        assert_eq!(sets.read.len(), 2);
        assert_eq!(sets.tags["nato"].iter().collect::<Vec<_>>(), [&id("b")]);
        s.apply(&[id("b")], &Change::Read(false));
        s.apply(&[id("b")], &Change::Tags { add: vec![], remove: vec!["ukraine".into(), "nato".into()] });
        assert!(!s.articles.contains_key(&id("b")), "no state left, no entry");
    }

    #[test]
    fn tags_are_normalised_or_refused() {
        assert_eq!(normalise_tag(" Ukraine ").unwrap(), "ukraine");
        assert_eq!(normalise_tag("follow-up/2022").unwrap(), "follow-up/2022");
        assert!(normalise_tag("").is_err());
        assert!(normalise_tag("two words").is_err());
        assert!(normalise_tag("x\u{1b}[31m").is_err());
        assert!(normalise_tag(&"a".repeat(65)).is_err());
    }
}
