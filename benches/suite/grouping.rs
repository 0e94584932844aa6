//! Grouping quality at scale: the events `byline index` stored, scored
//! against the events the generator planted (`truth.jsonl`), pairwise and
//! B-cubed, as `tests/events_generated.rs` scores a small library.

use crate::stats::Row;
use byline::config::Paths;
use byline::index::Library;
use byline::synth::Truth;
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

pub fn run(home: &Path, corpus: &Path) -> anyhow::Result<()> {
    let truth = Truth::read(corpus)?;
    let lib = Library::open(&Paths::under(home))?;
    let started = Instant::now();
    // The stored events (the index has not changed since they were grouped).
    let events = byline::events::refresh(&lib)?;
    let load = started.elapsed();
    // An id may stand for several generated articles (a reprint with the same text).
    let mut keys_of: HashMap<&str, Vec<u64>> = HashMap::new();
    for a in &truth.articles {
        keys_of.entry(a.id.as_str()).or_default().push(a.key);
    }
    let groups: Vec<Vec<u64>> = events
        .iter()
        .map(|e| e.articles.iter().flat_map(|m| keys_of.get(m.id.as_str()).cloned().unwrap_or_default()).collect())
        .collect();
    let s = truth.score(&groups);
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
