//! The articles the app's picker proposes to put beside one: first its
//! counterparts as the domain ranks them (`events::related`, with their
//! score and whether they report the same event), then the rest of the
//! library, other outlets first, since a comparison is most often of two
//! outlets' accounts. Put together here from two answers of the library
//! (see `Service::proposals`); the picker only draws the list.

use crate::article::{ArticleId, Listing};
use crate::events::Related;
use crate::index::SearchHit;
use std::collections::HashSet;

/// How many articles the picker proposes.
pub const PROPOSALS: usize = 500;
/// How many of them are the domain's related counterparts, at most.
pub const RELATED: usize = 10;

/// One article the picker proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub listing: Listing,
    /// Set for the domain's related counterparts.
    pub related: Option<Relatedness>,
}

/// How surely a counterpart reports the same event, as `events::related` says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Relatedness {
    pub score: f64,
    pub same_event: bool,
}

impl From<Related> for Proposal {
    fn from(r: Related) -> Proposal {
        Proposal { listing: r.listing, related: Some(Relatedness { score: r.score, same_event: r.same_event }) }
    }
}

impl From<SearchHit> for Proposal {
    fn from(h: SearchHit) -> Proposal {
        Proposal { listing: h.listing, related: None }
    }
}

/// Order the articles to propose beside one from `outlet`: other known
/// outlets first, then unknown outlets, then the same outlet, each group in
/// the library's order (newest first).
pub fn order_others(hits: Vec<SearchHit>, id: &ArticleId, outlet: Option<&str>) -> Vec<SearchHit> {
    let same = |o: &Option<String>| match (o, outlet) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    };
    let mut hits: Vec<SearchHit> = hits.into_iter().filter(|h| &h.listing.id != id).collect();
    hits.sort_by_key(|h| {
        if same(&h.listing.outlet) {
            2
        } else if h.listing.outlet.is_none() {
            1
        } else {
            0
        }
    });
    hits
}

/// The related counterparts in the domain's order, then the other `hits`
/// (already ordered by [`order_others`]) that are not among them.
pub fn proposals(related: Vec<Related>, hits: Vec<SearchHit>, id: &ArticleId) -> Vec<Proposal> {
    let related: Vec<Related> = related.into_iter().filter(|r| &r.listing.id != id).collect();
    let listed: HashSet<ArticleId> = related.iter().map(|r| r.listing.id.clone()).collect();
    let rest = hits.into_iter().filter(|h| !listed.contains(&h.listing.id) && &h.listing.id != id);
    related.into_iter().map(Proposal::from).chain(rest.map(Proposal::from)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::Reasons;
    use crate::index::Snippet;

    fn listing(id: &str, outlet: Option<&str>) -> Listing {
        Listing { id: ArticleId(id.into()), title: id.into(), outlet: outlet.map(str::to_string), date: None }
    }

    fn hit(id: &str, outlet: Option<&str>) -> SearchHit {
        SearchHit {
            listing: listing(id, outlet),
            score: 0.0,
            snippet: Snippet::default(),
            paths: vec![],
            read: false,
            starred: false,
            tags: vec![],
        }
    }

    fn related(id: &str, score: f64) -> Related {
        Related { listing: listing(id, None), score, same_event: score >= 0.5, reasons: Reasons::default() }
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
            order_others(hits, &ArticleId("me".into()), Some("AFP")).into_iter().map(|h| h.listing.id.0).collect();
        assert_eq!(ids, ["a", "d", "b", "c"]);
    }

    #[test]
    fn related_come_first_in_their_order_and_are_not_listed_twice() {
        let me = ArticleId("me".into());
        let hits = order_others(vec![hit("a", Some("X")), hit("b", None), hit("c", None)], &me, None);
        let list = proposals(vec![related("c", 0.7), related("a", 0.2), related("me", 1.0)], hits, &me);
        let ids: Vec<&str> = list.iter().map(|c| c.listing.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);
        assert_eq!(list[0].related, Some(Relatedness { score: 0.7, same_event: true }));
        assert_eq!(list[2].related, None);
    }
}
