//! Grouping quality at scale: the events `byline index` stored, scored
//! against the events the generator planted (`truth.jsonl`), pairwise and
//! B-cubed, as `tests/events_generated.rs` scores a small library.

use crate::stats::Row;
use byline::config::Paths;
use byline::index::Catalog;
use byline::synth::Truth;
use std::path::Path;
use std::time::Instant;

pub fn run(home: &Path, corpus: &Path) -> anyhow::Result<()> {
    let truth = Truth::read(corpus)?;
    let lib = Catalog::open(&Paths::under(home))?;
    let started = Instant::now();
    // The stored events (the index has not changed since they were grouped).
    let events = byline::events::refresh(&lib)?;
    let load = started.elapsed();
    let s = truth.score_ids(events.iter().map(|e| e.articles.iter().map(|m| m.id.as_str())));
    Row::new(
        format!("grouping vs the planted events ({} planted, {} found)", truth.groups().len(), events.len()),
        format!(
            "pairwise precision {:.3} recall {:.3}; B-cubed precision {:.3} recall {:.3}",
            s.pair_precision, s.pair_recall, s.bcubed_precision, s.bcubed_recall
        ),
    )
    .print();
    Row::new(
        "events view: stored events loaded",
        format!("{:.0} ms ({} events)", load.as_secs_f64() * 1e3, events.len()),
    )
    .print();
    Ok(())
}
