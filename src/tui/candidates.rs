//! The articles the picker proposes beside one: first its counterparts as
//! the domain ranks them (`events::related`, with their score and whether
//! they report the same event), then the rest of the library, other
//! outlets first. Built on the worker; the picker only draws the list.

use crate::article::ArticleId;
use crate::events::Related;
use crate::index::SearchHit;
use chrono::NaiveDate;
use std::collections::HashSet;

/// One article the picker proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<NaiveDate>,
    /// Set for the domain's related counterparts.
    pub related: Option<Relatedness>,
}

/// How surely a counterpart reports the same event, as `events::related` says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Relatedness {
    pub score: f64,
    pub same_event: bool,
}

impl From<Related> for Candidate {
    fn from(r: Related) -> Candidate {
        Candidate {
            id: r.id,
            title: r.title,
            outlet: r.outlet,
            date: r.date,
            related: Some(Relatedness { score: r.score, same_event: r.same_event }),
        }
    }
}

impl From<SearchHit> for Candidate {
    fn from(h: SearchHit) -> Candidate {
        Candidate { id: h.id, title: h.title, outlet: h.outlet, date: h.date, related: None }
    }
}

/// Order the articles to propose beside one from `outlet`: other known
/// outlets first, then unknown outlets, then the same outlet, each group in
/// the library's order (newest first).
pub fn order_candidates(hits: Vec<SearchHit>, id: &ArticleId, outlet: Option<&str>) -> Vec<SearchHit> {
    let same = |o: &Option<String>| match (o, outlet) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    };
    let mut hits: Vec<SearchHit> = hits.into_iter().filter(|h| &h.id != id).collect();
    hits.sort_by_key(|h| {
        if same(&h.outlet) {
            2
        } else if h.outlet.is_none() {
            1
        } else {
            0
        }
    });
    hits
}

/// The related counterparts in the domain's order, then the other `hits`
/// (already ordered by [`order_candidates`]) that are not among them.
pub fn candidates(related: Vec<Related>, hits: Vec<SearchHit>, id: &ArticleId) -> Vec<Candidate> {
    let related: Vec<Related> = related.into_iter().filter(|r| &r.id != id).collect();
    let listed: HashSet<ArticleId> = related.iter().map(|r| r.id.clone()).collect();
    let rest = hits.into_iter().filter(|h| !listed.contains(&h.id) && &h.id != id);
    related.into_iter().map(Candidate::from).chain(rest.map(Candidate::from)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::Reasons;
    use crate::index::Snippet;

    fn hit(id: &str, outlet: Option<&str>) -> SearchHit {
        SearchHit {
            id: ArticleId(id.into()),
            title: id.into(),
            outlet: outlet.map(str::to_string),
            date: None,
            score: 0.0,
            snippet: Snippet::default(),
            paths: vec![],
            read: false,
            starred: false,
            tags: vec![],
        }
    }

    fn related(id: &str, score: f64) -> Related {
        Related {
            id: ArticleId(id.into()),
            title: id.into(),
            outlet: None,
            date: None,
            score,
            same_event: score >= 0.5,
            reasons: Reasons::default(),
        }
    }

    #[test]
    fn other_outlets_first_then_unknown_then_same() {
        let hits = vec![
            hit("a", Some("Bloomberg")),
            hit("b", None),
            hit("me", Some("AFP")),
            hit("c", Some("afp")),
            hit("d", Some("Reuters")),
        ];
        let ids: Vec<String> =
            order_candidates(hits, &ArticleId("me".into()), Some("AFP")).into_iter().map(|h| h.id.0).collect();
        assert_eq!(ids, ["a", "d", "b", "c"]);
    }

    #[test]
    fn related_come_first_in_their_order_and_are_not_listed_twice() {
        let me = ArticleId("me".into());
        let hits = order_candidates(vec![hit("a", Some("X")), hit("b", None), hit("c", None)], &me, None);
        let list = candidates(vec![related("c", 0.7), related("a", 0.2), related("me", 1.0)], hits, &me);
        let ids: Vec<&str> = list.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);
        assert_eq!(list[0].related, Some(Relatedness { score: 0.7, same_event: true }));
        assert_eq!(list[2].related, None);
    }
}
