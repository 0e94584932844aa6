//! Reading-state filters in a query (`is:unread`, `is:starred`, `tag:x`)
//! and the id sets that answer them.
//!
//! The index does not know where reading state is kept: the query parser
//! yields a [`Flag`], and whoever searches hands in [`FlagSets`], the ids
//! that are read, starred and tagged (the `state` module builds them). Each
//! flag becomes one `TermSetQuery` on the id field, so its cost follows the
//! size of the reading state, not of the library.

use crate::article::ArticleId;
use std::collections::{BTreeMap, BTreeSet};
use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermSetQuery};
use tantivy::schema::Field;

/// A reading-state filter.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    Read,
    Unread,
    Starred,
    /// Carrying this tag (lower case).
    Tag(String),
}

impl Flag {
    /// `is:read`, `is:unread`, `is:starred`, `tag:NAME`; `None` for anything else.
    pub fn parse(field: &str, value: &str) -> Option<Flag> {
        match (field, value.to_lowercase().as_str()) {
            ("is", "read") => Some(Flag::Read),
            ("is", "unread" | "new") => Some(Flag::Unread),
            ("is", "starred" | "star" | "flagged") => Some(Flag::Starred),
            ("tag", tag) if !tag.is_empty() => Some(Flag::Tag(tag.to_string())),
            _ => None,
        }
    }
}

/// The ids each flag stands for, resolved from the reading state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlagSets {
    pub read: BTreeSet<ArticleId>,
    pub starred: BTreeSet<ArticleId>,
    /// Tag (lower case) to the ids carrying it.
    pub tags: BTreeMap<String, BTreeSet<ArticleId>>,
}

fn id_set<'a>(field: Field, ids: impl IntoIterator<Item = &'a ArticleId>) -> Box<dyn Query> {
    Box::new(TermSetQuery::new(ids.into_iter().map(|id| Term::from_field_text(field, id.as_str()))))
}

impl FlagSets {
    /// The query matching the articles `flag` stands for, on the id field.
    pub fn query(&self, id_field: Field, flag: &Flag) -> Box<dyn Query> {
        let none = BTreeSet::new();
        match flag {
            Flag::Read => id_set(id_field, &self.read),
            Flag::Starred => id_set(id_field, &self.starred),
            Flag::Tag(t) => id_set(id_field, self.tags.get(t).unwrap_or(&none)),
            Flag::Unread => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                (Occur::MustNot, id_set(id_field, &self.read)),
            ])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_case_blind() {
        assert_eq!(Flag::parse("is", "Unread"), Some(Flag::Unread));
        assert_eq!(Flag::parse("is", "starred"), Some(Flag::Starred));
        assert_eq!(Flag::parse("tag", "Ukraine"), Some(Flag::Tag("ukraine".into())));
        assert_eq!(Flag::parse("is", "purple"), None);
        assert_eq!(Flag::parse("tag", ""), None);
    }
}
