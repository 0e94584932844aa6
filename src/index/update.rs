//! Incremental indexing: only files whose size, mtime or content changed are
//! read again, articles whose files are gone are removed, and the records of
//! indexed files are committed together with their articles, in atomic
//! Tantivy commits every so many files or bytes: a file's record is never
//! ahead of the commit that holds its articles. A run decides what changed
//! first ([`super::changes`]), then reads and stages it a batch at a time
//! ([`super::stage`]).

use super::Catalog;
use super::changes::{load_records, plan};
use super::listed::Listed;
use super::stage::{Batch, apply, batches, commit, commit_every_files};
use crate::corpus::{self, FileStamp, Parsed, Skip};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use tantivy::TantivyDocument;

/// Heap for the index writer, per thread.
const WRITER_HEAP_BYTES: usize = 64 * 1024 * 1024;
/// How far an index run has got, for progress bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Walked { files: usize },
    Read { done: usize, total: usize },
    Committing,
}

/// What an index run did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IndexReport {
    pub files_seen: usize,
    pub files_read: usize,
    pub files_unchanged: usize,
    pub files_removed: usize,
    pub articles_added: usize,
    pub articles_updated: usize,
    pub articles_removed: usize,
    pub articles_total: usize,
    pub skipped: Vec<Skip>,
    /// Library folders not found (deleted, renamed, a drive not mounted):
    /// their articles are kept. Each is said once (see [`super::folders`]).
    pub gone: Vec<super::Gone>,
    /// The index's commit when this run took the writer lock, and after
    /// its last commit (both read holding the lock): what was derived
    /// from the first still holds for the second when no article changed.
    #[serde(skip)]
    pub commits: (u64, u64),
}

impl IndexReport {
    /// No article was added, changed or removed: only file records moved
    /// (a file touched, a file of no articles added).
    pub fn articles_unchanged(&self) -> bool {
        self.articles_added + self.articles_updated + self.articles_removed == 0
    }

    /// Skips counted by reason, for the summary line.
    pub fn skipped_by_reason(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        for s in &self.skipped {
            *counts.entry(s.reason.label()).or_default() += 1;
        }
        counts
    }
}

/// Another byline holds the index's writer lock: this one can read, not index.
#[derive(Debug, thiserror::Error)]
#[error("another byline is indexing this library ({}); try again when it has finished", .0.display())]
pub struct Busy(pub PathBuf);

/// The index's writer, or [`Busy`] when another byline holds it (after
/// [`LOCK_WAIT`](super::recover::LOCK_WAIT)).
pub(super) fn writer(lib: &Catalog) -> anyhow::Result<tantivy::IndexWriter<TantivyDocument>> {
    let busy = |e: &tantivy::TantivyError| matches!(e, tantivy::TantivyError::LockFailure(..));
    let taken = super::recover::waiting_for_lock(busy, || lib.index.writer::<TantivyDocument>(WRITER_HEAP_BYTES * 2));
    taken.map_err(|e| match e {
        tantivy::TantivyError::LockFailure(..) => anyhow::Error::new(Busy(lib.data_dir().to_path_buf())),
        e => anyhow::Error::new(e).context("cannot open the index for writing"),
    })
}

pub fn update(lib: &Catalog, roots: &[PathBuf], progress: &(dyn Fn(Progress) + Sync)) -> anyhow::Result<IndexReport> {
    let started = std::time::Instant::now();
    let mut report = IndexReport::default();
    let mut writer = writer(lib)?;
    // The records as of the latest commit, which another process may have
    // made since this library last looked: what they list is what `Listed`
    // says may be in the index.
    lib.reader.reload()?;
    let before = lib.commit_stamp()?;
    let old = load_records(lib)?;
    let plan = plan(roots, &old, &mut report, progress);

    // The new file records, starting from the old ones.
    let mut records = old.clone();
    let mut listed = Listed::new(&old);
    let done = AtomicUsize::new(0);
    let total = plan.to_read.len();
    let chunks = batches(&plan.to_read, commit_every_files());
    let last_chunk = chunks.len() - 1;
    for (n, chunk) in chunks.into_iter().enumerate() {
        let parsed: Vec<(PathBuf, FileStamp, Result<Parsed, Skip>)> = chunk
            .par_iter()
            .map(|(path, stamp)| {
                let result = corpus::read_file(path, &plan.sources.overrides_for(path));
                progress(Progress::Read { done: done.fetch_add(1, Ordering::Relaxed) + 1, total });
                (path.clone(), *stamp, result)
            })
            .collect();
        let gone: &[PathBuf] = if n == 0 { &plan.gone } else { &[] };
        let sources_records: &[(PathBuf, FileStamp)] = if n == last_chunk { &plan.changed_sources } else { &[] };
        let in_changed_dir = |p: &std::path::Path| plan.in_changed_dir(p);
        apply(
            lib,
            &mut writer,
            &old,
            &mut records,
            &mut listed,
            Batch { parsed, gone, sources_records, in_changed_dir: &in_changed_dir },
            &mut report,
        )?;
        if n != last_chunk {
            progress(Progress::Committing);
            commit(&mut writer)?;
            lib.reader.reload()?;
        }
    }
    progress(Progress::Committing);
    let after = commit(&mut writer)?;
    report.commits = (before, after);
    writer.wait_merging_threads().ok();
    lib.reader.reload()?;
    report.articles_total = lib.article_count()?;
    for skip in &report.skipped {
        tracing::debug!("skipped {skip}");
    }
    tracing::info!(
        seen = report.files_seen,
        read = report.files_read,
        unchanged = report.files_unchanged,
        removed_files = report.files_removed,
        added = report.articles_added,
        updated = report.articles_updated,
        removed = report.articles_removed,
        total = report.articles_total,
        skipped = report.skipped.len(),
        ms = started.elapsed().as_millis() as u64,
        "index run"
    );
    Ok(report)
}
