//! The ground truth of a generated corpus, as written beside it:
//! `truth.jsonl` (one line per article: where it is, what its file states,
//! which event it reports) and `events.jsonl` (each planted event and the
//! keys of its articles). Tests read these back to score event grouping.

use super::article::CopyKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::path::Path;

pub const TRUTH_FILE: &str = "truth.jsonl";
pub const EVENTS_FILE: &str = "events.jsonl";

/// One article in `truth.jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TruthEntry {
    /// The article's key (its position in the corpus).
    pub key: u64,
    /// The id byline gives the article (a hash of its text): maps indexed
    /// articles back to this line.
    pub id: String,
    /// The file it is in (relative to the corpus folder), when written as files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Its line in that file, when the file is JSONL (1-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The shard it is in, when written as shards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard_line: Option<u64>,
    /// The headline; the file states it when `title_in_file`.
    pub title: String,
    pub title_in_file: bool,
    /// The outlet as the file states it, or null.
    pub outlet: Option<String>,
    /// The outlet that really published it.
    pub source: String,
    pub date: Option<NaiveDate>,
    pub byline: Option<String>,
    pub url: Option<String>,
    /// The planted event, or null for a singleton.
    pub event: Option<u64>,
    /// The storyline (crisis) it belongs to, or null for a one-off.
    pub storyline: Option<u64>,
    /// The article of its event it was copied from, and how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<CopyKind>,
    pub words: usize,
}

/// One planted event in `events.jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GenEvent {
    pub id: u64,
    /// A neutral headline for the event.
    pub label: String,
    pub storyline: Option<u64>,
    /// The day it happened.
    pub date: NaiveDate,
    /// The keys of its articles.
    pub articles: Vec<u64>,
    /// The outlets that covered it, by article.
    pub outlets: Vec<String>,
}

/// How well a grouping of articles matches the planted events, by pairs
/// (of two articles grouped together, how many should be) and by B-cubed
/// (per article, how much of its group is its event and vice versa).
/// Articles in no group count as groups of one, as singletons do in truth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    pub pair_precision: f64,
    pub pair_recall: f64,
    pub pair_f1: f64,
    pub bcubed_precision: f64,
    pub bcubed_recall: f64,
    pub bcubed_f1: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// What writing a corpus gave.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct WriteStats {
    pub articles: u64,
    pub events: u64,
    pub files: u64,
    pub shards: u64,
    pub bytes: u64,
    pub seconds: f64,
}

/// The whole ground truth of a corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Truth {
    pub articles: Vec<TruthEntry>,
    pub events: Vec<GenEvent>,
    pub stats: WriteStats,
}

fn read_lines<T: for<'de> Deserialize<'de>>(path: &Path) -> std::io::Result<Vec<T>> {
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut out = Vec::new();
    for (i, line) in file.lines().enumerate() {
        let line = line?;
        let v = serde_json::from_str(&line).map_err(|e| {
            std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{}:{}: {e}", path.display(), i + 1))
        })?;
        out.push(v);
    }
    Ok(out)
}

impl Truth {
    /// Read `truth.jsonl` and `events.jsonl` from a corpus folder.
    pub fn read(dir: &Path) -> std::io::Result<Truth> {
        Ok(Truth {
            articles: read_lines(&dir.join(TRUTH_FILE))?,
            events: read_lines(&dir.join(EVENTS_FILE))?,
            stats: WriteStats::default(),
        })
    }

    /// The article keys of each event, from the articles' `event` fields.
    pub fn groups(&self) -> BTreeMap<u64, Vec<u64>> {
        let mut groups: BTreeMap<u64, Vec<u64>> = BTreeMap::new();
        for a in &self.articles {
            if let Some(e) = a.event {
                groups.entry(e).or_default().push(a.key);
            }
        }
        groups
    }

    /// Score a grouping (lists of article keys) against the planted events.
    pub fn score(&self, groups: &[Vec<u64>]) -> Score {
        let n = self.articles.len();
        // Cluster of each article, predicted and true; singletons get their own.
        let mut predicted: Vec<u64> = (0..n as u64).map(|k| u64::MAX - k).collect();
        for (g, keys) in groups.iter().enumerate() {
            for &k in keys {
                if let Some(slot) = predicted.get_mut(k as usize) {
                    *slot = g as u64;
                }
            }
        }
        let truth: Vec<u64> = self.articles.iter().map(|a| a.event.unwrap_or(u64::MAX - a.key)).collect();
        let mut cells: BTreeMap<(u64, u64), u64> = BTreeMap::new();
        let (mut size_p, mut size_t): (BTreeMap<u64, u64>, BTreeMap<u64, u64>) = Default::default();
        for k in 0..n {
            *cells.entry((predicted[k], truth[k])).or_default() += 1;
            *size_p.entry(predicted[k]).or_default() += 1;
            *size_t.entry(truth[k]).or_default() += 1;
        }
        let together: u64 = cells.values().map(|&c| pairs(c)).sum();
        let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let pair_precision = ratio(together, size_p.values().map(|&c| pairs(c)).sum());
        let pair_recall = ratio(together, size_t.values().map(|&c| pairs(c)).sum());
        let (mut bp, mut br) = (0.0, 0.0);
        for (&(p, t), &c) in &cells {
            bp += (c * c) as f64 / size_p[&p] as f64;
            br += (c * c) as f64 / size_t[&t] as f64;
        }
        let (bp, br) = if n == 0 { (1.0, 1.0) } else { (bp / n as f64, br / n as f64) };
        Score {
            pair_precision,
            pair_recall,
            pair_f1: f1(pair_precision, pair_recall),
            bcubed_precision: bp,
            bcubed_recall: br,
            bcubed_f1: f1(bp, br),
        }
    }

    /// Score a grouping given by byline article ids, as `byline events`
    /// reports it. An id may stand for several generated articles (a reprint
    /// with the same text is one article to byline); an unknown id counts
    /// for nothing.
    pub fn score_ids<'a, G, I>(&self, groups: G) -> Score
    where
        G: IntoIterator<Item = I>,
        I: IntoIterator<Item = &'a str>,
    {
        let mut keys_of: HashMap<&str, Vec<u64>> = HashMap::new();
        for a in &self.articles {
            keys_of.entry(a.id.as_str()).or_default().push(a.key);
        }
        let groups: Vec<Vec<u64>> = groups
            .into_iter()
            .map(|ids| ids.into_iter().flat_map(|id| keys_of.get(id).cloned().unwrap_or_default()).collect())
            .collect();
        self.score(&groups)
    }

    /// Everything that must hold of a corpus's truth, as a list of problems
    /// (empty when consistent): keys 0..n once each, events of distinct
    /// outlets within the size bounds, events.jsonl agreeing with truth.jsonl.
    pub fn problems(&self, min_outlets: usize, max_outlets: usize) -> Vec<String> {
        let mut problems = Vec::new();
        for (i, a) in self.articles.iter().enumerate() {
            if a.key != i as u64 {
                problems.push(format!("line {} has key {}", i + 1, a.key));
                break;
            }
        }
        let groups = self.groups();
        if groups.len() != self.events.len() {
            problems.push(format!("{} events in truth, {} in events.jsonl", groups.len(), self.events.len()));
        }
        for (i, e) in self.events.iter().enumerate() {
            if e.id != i as u64 {
                problems.push(format!("event {} listed as {}", i, e.id));
            }
            let mut keys = e.articles.clone();
            keys.sort();
            if groups.get(&e.id) != Some(&keys) {
                problems.push(format!("event {}: events.jsonl and truth.jsonl disagree", e.id));
            }
            if !(min_outlets..=max_outlets).contains(&keys.len()) {
                problems.push(format!("event {} has {} articles", e.id, keys.len()));
            }
            let mut outlets: Vec<&str> =
                keys.iter().filter_map(|&k| self.articles.get(k as usize)).map(|a| a.source.as_str()).collect();
            outlets.sort();
            outlets.dedup();
            if outlets.len() != keys.len() {
                problems.push(format!("event {} repeats an outlet", e.id));
            }
        }
        problems
    }
}
