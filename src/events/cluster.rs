//! From scored pairs to events: pairs above the threshold join their
//! articles (union-find), and each event gets a label, its outlets and its
//! date span.

use crate::article::{Article, ArticleId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Two articles whose pair score reaches this report the same event.
pub const SAME_EVENT: f64 = 0.31;

/// One article of an event, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<NaiveDate>,
}

impl Member {
    pub fn of(a: &Article) -> Member {
        Member { id: a.id.clone(), title: a.title.clone(), outlet: a.outlet.clone(), date: a.date }
    }
}

/// Articles from one or more outlets that report the same event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable while the event keeps its earliest-id member.
    pub id: String,
    /// A short label: the headline of its most connected article.
    pub label: String,
    pub articles: Vec<Member>,
    /// Outlets that covered it (unknown outlets not listed).
    pub outlets: Vec<String>,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

/// A scored pair of articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub a: ArticleId,
    pub b: ArticleId,
    pub score: f64,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Group `members` by the edges at or above [`SAME_EVENT`]; events of two
/// or more articles, largest first (then newest).
pub fn events(members: &[Member], edges: &[Edge]) -> Vec<Event> {
    let index: HashMap<&ArticleId, usize> = members.iter().enumerate().map(|(i, m)| (&m.id, i)).collect();
    let mut parent: Vec<usize> = (0..members.len()).collect();
    let mut strength = vec![0.0f64; members.len()];
    for e in edges.iter().filter(|e| e.score >= SAME_EVENT) {
        let (Some(&a), Some(&b)) = (index.get(&e.a), index.get(&e.b)) else { continue };
        strength[a] += e.score;
        strength[b] += e.score;
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..members.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<Event> = groups
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|g| {
            // The most connected article; among equals the smallest id, so the
            // label does not depend on the order the index returns articles in.
            let central = *g
                .iter()
                .max_by(|&&x, &&y| strength[x].total_cmp(&strength[y]).then_with(|| members[y].id.cmp(&members[x].id)))
                .expect("non-empty");
            let mut articles: Vec<Member> = g.iter().map(|&i| members[i].clone()).collect();
            articles.sort_by(|x, y| x.date.cmp(&y.date).then_with(|| x.id.cmp(&y.id)));
            let mut outlets: Vec<String> = articles.iter().filter_map(|m| m.outlet.clone()).collect();
            outlets.sort();
            outlets.dedup();
            let dates = articles.iter().filter_map(|m| m.date);
            let id = articles.iter().map(|m| &m.id).min().expect("non-empty").as_str()[..12].to_string();
            Event {
                id,
                label: members[central].title.clone(),
                first_date: dates.clone().min(),
                last_date: dates.max(),
                outlets,
                articles,
            }
        })
        .collect();
    out.sort_by(|x, y| {
        y.articles.len().cmp(&x.articles.len()).then(y.last_date.cmp(&x.last_date)).then(x.id.cmp(&y.id))
    });
    out
}
