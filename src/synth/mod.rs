//! A seeded generator of news-shaped corpora with planted events and their
//! ground truth, to measure event grouping and to benchmark byline from ten
//! thousand to a million articles.
//!
//! The corpus imitates what makes real news hard to group (see the demo
//! articles): several outlets report each planted event, each in its own
//! words and order, leaving facts out, sometimes copying wire sentences
//! verbatim, sometimes reprinting or synonym-spinning another outlet's
//! article; events come in storylines that share cast, places and vocabulary
//! days apart (hard negatives); the rest are singletons. Files come as
//! `.txt`, `.md` and `.jsonl`, some with unknown outlet or date.
//!
//! The same [`Config`] (seed included) always gives byte-identical output.
//! [`generate`] builds a corpus in memory (for tests); [`write`] writes it
//! out; [`generate_to`] streams a corpus of any size straight to disk.
//!
//! Parts: `rng` (seeded streams), `words`/`vocab` (the vocabulary), `names`,
//! `outlets`, `numbers`, `story` (storylines and events as facts), `grammar`
//! and `realize` (facts and prose into sentences), `article` (one outlet's
//! article), `quirks` (how its file presents it), `plan` (the corpus before
//! any text), `render` (file formats), `output` (streaming to disk), `truth`
//! (ground truth files).

mod article;
mod grammar;
mod names;
mod numbers;
mod outlets;
mod output;
mod plan;
mod quirks;
mod realize;
mod render;
mod rng;
mod story;
mod truth;
mod vocab;
mod words;

#[cfg(test)]
mod tests;

pub use article::{CopyKind, GenArticle};
pub use outlets::OUTLETS;
pub use output::{OutputFormat, Singles, Writer, clear};
pub use plan::FileKind;
pub use quirks::Quirks;
pub use truth::{EVENTS_FILE, GenEvent, TRUTH_FILE, Truth, TruthEntry, WriteStats};

use chrono::NaiveDate;
use rayon::prelude::*;
use std::path::Path;

/// What to generate.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub articles: usize,
    pub seed: u64,
    /// Share of articles that report a planted event (the rest are singletons).
    pub event_share: f64,
    /// Outlets per planted event: sizes are drawn from a skewed distribution
    /// over 2..=8 (pairs most common), then clamped into these bounds.
    pub min_outlets: usize,
    pub max_outlets: usize,
    /// Article length: log-normal with this median and log-sigma, clamped.
    pub median_words: f64,
    pub sigma_words: f64,
    pub min_words: usize,
    pub max_words: usize,
    /// Dates fall in `start .. start + days` (events a few days past it).
    pub start: NaiveDate,
    pub days: u32,
    /// Share of articles whose file states no outlet / no date.
    pub unknown_outlet: f64,
    pub unknown_date: f64,
    /// Shares of articles in `.txt`, `.md` and `.jsonl` files.
    pub format_shares: [f64; 3],
    /// Articles per shard.
    pub shard_size: usize,
}

impl Config {
    pub fn new(articles: usize, seed: u64) -> Config {
        Config {
            articles,
            seed,
            event_share: 0.6,
            min_outlets: 2,
            max_outlets: 8,
            median_words: 650.0,
            sigma_words: 0.5,
            min_words: 80,
            max_words: 5000,
            start: NaiveDate::from_ymd_opt(2022, 1, 1).expect("a date"),
            days: 730,
            unknown_outlet: 0.07,
            unknown_date: 0.08,
            format_shares: [0.45, 0.30, 0.25],
            shard_size: 10_000,
        }
    }
}

impl Default for Config {
    fn default() -> Config {
        Config::new(1000, 1)
    }
}

/// A corpus in memory.
#[derive(Clone, Debug)]
pub struct Corpus {
    pub config: Config,
    pub articles: Vec<GenArticle>,
    pub events: Vec<GenEvent>,
}

/// The planted events of a plan, with neutral labels.
fn events(plan: &plan::Plan) -> Vec<GenEvent> {
    (0..plan.events.len())
        .into_par_iter()
        .map(|e| {
            let h = plan.events[e] as usize;
            let hap = plan.happening(h);
            let mut ctx = grammar::Ctx {
                lex: &vocab::LEXICON,
                story: &hap.story,
                event: Some(&hap.words),
                style: outlets::Style { reword: 0.0, title_case: false, ..outlets::style(0) },
                date: hap.date,
                rng: rng::Rng::derive(plan.cfg.seed, 0xe7, e as u64),
                named: 0,
                orgs_named: 0,
            };
            let hp = plan.haps[h];
            GenEvent {
                id: e as u64,
                label: realize::headline(&mut ctx, &hap.main),
                storyline: (hp.storyline != plan::NONE).then_some(hp.storyline as u64),
                date: hap.date,
                articles: plan.event_keys(e),
                outlets: hap.outlets.iter().map(|&o| OUTLETS[o].name.to_string()).collect(),
            }
        })
        .collect()
}

/// Generate a whole corpus in memory (for test-sized corpora).
pub fn generate(cfg: &Config) -> Corpus {
    let plan = plan::Plan::new(cfg);
    let articles = (0..cfg.articles as u64).into_par_iter().map(|k| article::article(&plan, k)).collect();
    Corpus { config: cfg.clone(), articles, events: events(&plan) }
}

/// Write a corpus generated in memory into `dir` (see [`output`] for the layout).
pub fn write(corpus: &Corpus, dir: &Path, format: OutputFormat) -> std::io::Result<Truth> {
    let mut w = Writer::create(dir, format, corpus.config.shard_size)?;
    let mut articles = Vec::with_capacity(corpus.articles.len());
    for a in &corpus.articles {
        articles.push(w.push(a)?);
    }
    let stats = w.finish(&corpus.events)?;
    Ok(Truth { articles, events: corpus.events.clone(), stats })
}

/// Articles generated in parallel per batch while streaming.
const BATCH: usize = 2048;

/// Generate a corpus of any size straight into `dir`, article by article;
/// `progress` is told how many articles are written so far. Batches are
/// generated in parallel while a writer thread puts the previous one on disk.
pub fn generate_to(
    cfg: &Config,
    dir: &Path,
    format: OutputFormat,
    progress: &(dyn Fn(usize) + Sync),
) -> std::io::Result<WriteStats> {
    let plan = plan::Plan::new(cfg);
    let mut w = Writer::create(dir, format, cfg.shard_size)?;
    let singles = w.singles();
    let (send, recv) = std::sync::mpsc::sync_channel::<Vec<(GenArticle, Option<usize>)>>(2);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> std::io::Result<Writer> {
            let mut done = 0;
            for batch in recv {
                for (a, bytes) in &batch {
                    w.push_written(a, *bytes)?;
                }
                done += batch.len();
                progress(done);
            }
            Ok(w)
        });
        let mut start = 0;
        while start < cfg.articles {
            let end = (start + BATCH).min(cfg.articles);
            let batch: std::io::Result<Vec<(GenArticle, Option<usize>)>> = (start as u64..end as u64)
                .into_par_iter()
                .map(|k| {
                    let a = article::article(&plan, k);
                    let bytes = match &singles {
                        Some(s) => s.write(&a)?,
                        None => None,
                    };
                    Ok((a, bytes))
                })
                .collect();
            if send.send(batch?).is_err() {
                break; // the writer stopped on an error, which join reports
            }
            start = end;
        }
        drop(send);
        let w = writer.join().expect("the writer thread does not panic")?;
        w.finish(&events(&plan))
    })
}
