//! Events: which articles, across outlets, report the same event.
//!
//! For each article, candidates come from the index (a MoreLikeThis query,
//! [`crate::index::Library::more_like`]), so the work grows with n·k and
//! never with all pairs. Each candidate is scored on what identifies an
//! event ([`fingerprint`]: names, figures, quotes, the lede, shared wording)
//! weighted against the neighbourhood ([`score`]), and pairs that reach
//! [`cluster::SAME_EVENT`] are grouped ([`cluster`]). The pairs and groups are
//! kept in the data dir ([`store`]) and updated for what a re-index changed.

pub mod cluster;
pub mod coverage;
pub mod fingerprint;
pub mod score;
mod store;

pub use cluster::{Edge, Event, Member, SAME_EVENT};
pub use coverage::{Coverage, Covered};
pub use score::Reasons;
pub use store::EventStore;

use crate::article::{Article, ArticleId};
use crate::index::{Library, Snapshot};
use fingerprint::{Fingerprint, Passages, stemmer};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// How many candidates the index proposes for each article.
pub const CANDIDATES: usize = 12;

/// An article that reports the same event as another, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Related {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<chrono::NaiveDate>,
    /// 0 to 1: how surely it reports the same event.
    pub score: f64,
    /// At or above [`SAME_EVENT`].
    pub same_event: bool,
    pub reasons: Reasons,
}

/// The articles most likely to report the same event as `article`, best first.
pub fn related(lib: &Library, article: &Article, limit: usize) -> anyhow::Result<Vec<Related>> {
    let candidates = lib.more_like(article, CANDIDATES.max(limit))?;
    let stemmer = stemmer();
    let subject = Fingerprint::of(article, &stemmer);
    let prints: Vec<Fingerprint> = candidates.iter().map(|c| Fingerprint::of(c, &stemmer)).collect();
    let scores = score::score_candidates(&subject, &prints);
    let mut out: Vec<(usize, score::PairScore)> = scores.into_iter().enumerate().collect();
    out.sort_by(|a, b| b.1.score.total_cmp(&a.1.score).then(a.0.cmp(&b.0)));
    out.truncate(limit);
    let subject_passages = Passages::of(article, &stemmer);
    Ok(out
        .into_iter()
        .map(|(i, s)| {
            let c = &candidates[i];
            let mut reasons = s.reasons;
            reasons.passages = subject_passages.shared_with(&Passages::of(c, &stemmer), 3);
            Related {
                id: c.id.clone(),
                title: c.title.clone(),
                outlet: c.outlet.clone(),
                date: c.date,
                score: s.score,
                same_event: s.score >= SAME_EVENT,
                reasons,
            }
        })
        .collect())
}

/// Score the candidates of each subject (indexes into the snapshot): the
/// directed edges subject -> candidate.
fn score_subjects(
    lib: &Library,
    snap: &Snapshot,
    prints: &[Fingerprint],
    subjects: &[usize],
) -> anyhow::Result<Vec<Edge>> {
    let per_subject: Vec<anyhow::Result<Vec<Edge>>> = subjects
        .par_iter()
        .map(|&i| {
            let candidates = snap.more_like(lib, i, CANDIDATES)?;
            let hood: Vec<Fingerprint> = candidates.iter().map(|&c| prints[c].clone()).collect();
            let scores = score::score_candidates(&prints[i], &hood);
            Ok(candidates
                .iter()
                .zip(scores)
                .map(|(&c, s)| Edge { a: snap.articles[i].id.clone(), b: snap.articles[c].id.clone(), score: s.score })
                .collect())
        })
        .collect();
    let mut edges = Vec::new();
    for e in per_subject {
        edges.extend(e?);
    }
    Ok(edges)
}

/// Directed edges to undirected ones: a pair scored from both sides gets the
/// mean of the two, a pair scored from one side that score.
fn undirected(edges: Vec<Edge>) -> Vec<Edge> {
    let mut pairs: BTreeMap<(ArticleId, ArticleId), Vec<f64>> = BTreeMap::new();
    for e in edges {
        let key = if e.a <= e.b { (e.a, e.b) } else { (e.b, e.a) };
        pairs.entry(key).or_default().push(e.score);
    }
    pairs.into_iter().map(|((a, b), s)| Edge { a, b, score: s.iter().sum::<f64>() / s.len() as f64 }).collect()
}

/// Bring the events up to date with the index: the articles that are new or
/// changed since the stored grouping are scored again; everything else keeps
/// its edges. Returns the events, largest first.
pub fn refresh(lib: &Library) -> anyhow::Result<Vec<Event>> {
    let commit = lib.commit_stamp()?;
    let mut store = EventStore::load(lib.paths()).unwrap_or_default();
    if store.is_current() && store.commit == commit {
        return Ok(store.events);
    }
    let snap = lib.snapshot()?;
    let known: HashSet<&ArticleId> = store.members.iter().map(|m| &m.id).collect();
    let position: HashMap<&ArticleId, usize> = snap.articles.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    let fresh: Vec<usize> = (0..snap.articles.len()).filter(|&i| !known.contains(&snap.articles[i].id)).collect();
    let gone: HashSet<ArticleId> =
        known.iter().filter(|id| !position.contains_key(*id)).map(|id| (*id).clone()).collect();
    if fresh.is_empty() && gone.is_empty() && store.is_current() {
        store.commit = commit;
        store.save(lib.paths())?;
        return Ok(store.events);
    }
    let prints: Vec<Fingerprint> = snap.articles.par_iter().map_init(stemmer, |st, a| Fingerprint::of(a, st)).collect();
    // Keep the directed edges of unchanged articles; score the new ones, and
    // the old ones a new article may now be the best counterpart of.
    let mut directed: Vec<Edge> =
        store.directed.into_iter().filter(|e| !gone.contains(&e.a) && !gone.contains(&e.b)).collect();
    let new_edges = score_subjects(lib, &snap, &prints, &fresh)?;
    let mut touched: Vec<usize> =
        new_edges.iter().filter(|e| known.contains(&e.b)).filter_map(|e| position.get(&e.b).copied()).collect();
    touched.sort_unstable();
    touched.dedup();
    let touched_ids: HashSet<&ArticleId> = touched.iter().map(|&i| &snap.articles[i].id).collect();
    directed.retain(|e| !touched_ids.contains(&e.a));
    directed.extend(score_subjects(lib, &snap, &prints, &touched)?);
    directed.extend(new_edges);
    let members: Vec<Member> = snap.articles.iter().map(Member::of).collect();
    let events = cluster::events(&members, &undirected(directed.clone()));
    store = EventStore::new(commit, members, directed, events);
    store.save(lib.paths())?;
    Ok(store.events)
}
