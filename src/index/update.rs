//! Incremental indexing: only files whose size, mtime or content changed are
//! read again, articles whose files are gone are removed, and the records of
//! indexed files are committed together with their articles, every
//! [`COMMIT_EVERY_FILES`] files or [`COMMIT_EVERY_BYTES`] bytes, in atomic
//! Tantivy commits: a file's record is never ahead of the commit that holds
//! its articles.

use super::Catalog;
use super::docs::{FileRecord, article_doc, file_doc, file_from_doc};
use super::listed::Listed;
use super::schema::{KIND_FILE, KIND_SOURCES};
use crate::article::{Article, ArticleId};
use crate::corpus::{self, FileStamp, Parsed, Skip, SkipReason, Sources, SourcesFile, WalkItem};
use anyhow::Context;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

/// Heap for the index writer, per thread.
const WRITER_HEAP_BYTES: usize = 64 * 1024 * 1024;
/// Files read between two commits: a run that is stopped keeps what it has
/// committed (articles and file records together) and the next run starts
/// from there. A commit is not cheap (each writes a segment per indexing
/// thread, which merges then rewrite): at 500 files a commit, a library of
/// one file per article spent 15% of its CPU merging, and its index phase
/// took 2.3 times as long as for the same articles in large files (10k).
/// For files of more than about 5 KB, [`COMMIT_EVERY_BYTES`] is reached
/// first.
const COMMIT_EVERY_FILES: usize = 20_000;
/// Set to a number of files, commits come that often instead of every
/// [`COMMIT_EVERY_FILES`]: the tests that kill a run, or compare one cut
/// in many commits with one in a single commit, need several commits from
/// a small library.
pub const COMMIT_EVERY_FILES_ENV: &str = "BYLINE_COMMIT_EVERY_FILES";

fn commit_every_files() -> usize {
    std::env::var(COMMIT_EVERY_FILES_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(COMMIT_EVERY_FILES)
}

/// Bytes read between two commits: what a batch holds in memory, parsed,
/// stays bounded however large the files (a JSONL shard of 50 MB holds ten
/// thousand articles). A file larger than this is a batch of its own.
const COMMIT_EVERY_BYTES: u64 = 96 * 1024 * 1024;

/// The files to read, in batches of at most `every_files` files and
/// [`COMMIT_EVERY_BYTES`] bytes (at least one file each).
fn batches<'a>(files: &'a [&'a (PathBuf, FileStamp)], every_files: usize) -> Vec<&'a [&'a (PathBuf, FileStamp)]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, (_, stamp)) in files.iter().enumerate() {
        let full = i - start == every_files || (i > start && bytes + stamp.size > COMMIT_EVERY_BYTES);
        if full {
            out.push(&files[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += stamp.size;
    }
    out.push(&files[start..]);
    out
}

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

fn load_records(lib: &Catalog) -> anyhow::Result<HashMap<PathBuf, FileRecord>> {
    let s = &lib.schema;
    let searcher = lib.reader.searcher();
    let mut records = HashMap::new();
    for (kind, is_sources) in [(KIND_FILE, false), (KIND_SOURCES, true)] {
        let q = TermQuery::new(Term::from_field_text(s.kind, kind), IndexRecordOption::Basic);
        for addr in searcher.search(&q, &tantivy::collector::DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(addr)?;
            if let Some((path, record)) = file_from_doc(s, &doc, is_sources) {
                records.insert(path, record);
            }
        }
    }
    Ok(records)
}

fn file_query(lib: &Catalog, path: &Path, kind: &str) -> Box<dyn Query> {
    let s = &lib.schema;
    Box::new(BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(Term::from_field_text(s.kind, kind), IndexRecordOption::Basic)) as Box<dyn Query>,
        ),
        (
            Occur::Must,
            Box::new(TermQuery::new(Term::from_field_text(s.path, &path.to_string_lossy()), IndexRecordOption::Basic)),
        ),
    ]))
}

fn read_sources(path: &Path) -> Result<SourcesFile, Skip> {
    let bytes = std::fs::read(path).map_err(|e| Skip::new(path, SkipReason::Unreadable(corpus::io_reason(&e))))?;
    let (text, _) = corpus::decode::decode(&bytes).map_err(|_| Skip::new(path, SkipReason::Binary(0)))?;
    SourcesFile::parse(path, &text)
        .map_err(|why| Skip::new(path, SkipReason::BadFormat(format!("bad sources.toml: {why}"))))
}

/// Another byline holds the index's writer lock: this one can read, not index.
#[derive(Debug, thiserror::Error)]
#[error("another byline is indexing this library ({}); try again when it has finished", .0.display())]
pub struct Busy(pub PathBuf);

pub fn update(lib: &Catalog, roots: &[PathBuf], progress: &(dyn Fn(Progress) + Sync)) -> anyhow::Result<IndexReport> {
    let started = std::time::Instant::now();
    let mut report = IndexReport::default();
    let mut writer = lib.index.writer::<TantivyDocument>(WRITER_HEAP_BYTES * 2).map_err(|e| match e {
        tantivy::TantivyError::LockFailure(..) => anyhow::Error::new(Busy(lib.data_dir().to_path_buf())),
        e => anyhow::Error::new(e).context("cannot open the index for writing"),
    })?;
    // The records as of the latest commit, which another process may have
    // made since this library last looked: what they list is what `Listed`
    // says may be in the index.
    lib.reader.reload()?;
    let before = lib.commit_stamp()?;
    let old = load_records(lib)?;

    let (present, missing): (Vec<PathBuf>, Vec<PathBuf>) = roots.iter().cloned().partition(|r| r.exists());
    for root in &missing {
        report.skipped.push(Skip::new(root, SkipReason::Unreadable("not found; its articles are kept".into())));
    }
    let items = corpus::walk(&present);
    progress(Progress::Walked { files: items.len() });

    let mut sources_files = Vec::new();
    let mut walked_sources: HashMap<PathBuf, FileStamp> = HashMap::new();
    let mut article_files: Vec<(PathBuf, FileStamp)> = Vec::new();
    for item in items {
        match item {
            WalkItem::Article(p, st) => article_files.push((p, st)),
            WalkItem::Sources(p, st) => {
                match read_sources(&p) {
                    Ok(f) => sources_files.push(f),
                    Err(skip) => report.skipped.push(skip),
                }
                walked_sources.insert(p, st);
            }
            WalkItem::Skip(skip) => report.skipped.push(skip),
        }
    }
    let sources = Sources::new(sources_files);
    // Folders whose sources.toml appeared, changed or went away: re-read their files.
    let mut changed_meta_dirs: Vec<PathBuf> = walked_sources
        .iter()
        .filter(|(p, st)| old.get(*p).is_none_or(|r| r.stamp != **st))
        .chain(old.iter().filter(|(p, r)| r.is_sources && !walked_sources.contains_key(*p)).map(|(p, r)| (p, &r.stamp)))
        .filter_map(|(p, _)| p.parent().map(Path::to_path_buf))
        .collect();
    changed_meta_dirs.sort();
    changed_meta_dirs.dedup();

    report.files_seen = article_files.len();
    let in_changed_dir = |p: &Path| changed_meta_dirs.iter().any(|d| p.starts_with(d));
    let (to_read, unchanged): (Vec<_>, Vec<_>) = article_files
        .iter()
        .partition(|(p, st)| in_changed_dir(p) || old.get(p).is_none_or(|r| r.stamp != *st || r.is_sources));
    report.files_unchanged = unchanged.len();

    // The walk's verdicts: files gone since the last run (their records and
    // articles go in the first commit) and sources.toml records (in the last,
    // so that a run stopped half way re-reads their folders next time).
    let walked: FxHashSet<&Path> =
        article_files.iter().map(|(p, _)| p.as_path()).chain(walked_sources.keys().map(PathBuf::as_path)).collect();
    let gone: Vec<PathBuf> = old
        .keys()
        .filter(|p| !walked.contains(p.as_path()) && !missing.iter().any(|m| p.starts_with(m)))
        .cloned()
        .collect();
    report.files_removed = gone.iter().filter(|p| !old[*p].is_sources).count();
    let changed_sources: Vec<(PathBuf, FileStamp)> = walked_sources
        .iter()
        .filter(|(p, st)| old.get(*p).is_none_or(|r| r.stamp != **st))
        .map(|(p, st)| (p.clone(), *st))
        .collect();

    // The new file records, starting from the old ones.
    let mut records = old.clone();
    let mut listed = Listed::new(&old);
    let done = AtomicUsize::new(0);
    let total = to_read.len();
    let chunks = batches(&to_read, commit_every_files());
    let last_chunk = chunks.len() - 1;
    for (n, chunk) in chunks.into_iter().enumerate() {
        let parsed: Vec<(PathBuf, FileStamp, Result<Parsed, Skip>)> = chunk
            .par_iter()
            .map(|(path, stamp)| {
                let result = corpus::read_file(path, &sources.overrides_for(path));
                progress(Progress::Read { done: done.fetch_add(1, Ordering::Relaxed) + 1, total });
                (path.clone(), *stamp, result)
            })
            .collect();
        let gone: &[PathBuf] = if n == 0 { &gone } else { &[] };
        let sources_records: &[(PathBuf, FileStamp)] = if n == last_chunk { &changed_sources } else { &[] };
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

/// One commit's worth of work: files read, files gone, sources.toml records.
struct Batch<'a> {
    parsed: Vec<(PathBuf, FileStamp, Result<Parsed, Skip>)>,
    gone: &'a [PathBuf],
    sources_records: &'a [(PathBuf, FileStamp)],
    /// Is a file in a folder whose sources.toml changed (read it again)?
    in_changed_dir: &'a dyn Fn(&Path) -> bool,
}

/// Stage a batch in the writer: the articles it touches, rewritten with the
/// files they are now in, and the records of its files. `records` holds the
/// state as of this batch (files not read yet keep their old record, so
/// they are read again if the run stops before them); `listed` what the
/// index may already hold, and what this batch adds to it.
fn apply(
    lib: &Catalog,
    writer: &mut tantivy::IndexWriter<TantivyDocument>,
    old: &HashMap<PathBuf, FileRecord>,
    records: &mut HashMap<PathBuf, FileRecord>,
    listed: &mut Listed,
    batch: Batch<'_>,
    report: &mut IndexReport,
) -> anyhow::Result<()> {
    let s = &lib.schema;
    let mut touched_files: Vec<PathBuf> = batch.gone.to_vec();
    for p in batch.gone {
        records.remove(p);
    }
    let mut affected: BTreeSet<ArticleId> = batch.gone.iter().flat_map(|p| old[p].ids.iter().cloned()).collect();
    let mut fresh: HashMap<ArticleId, Article> = HashMap::new();
    for (path, stamp, result) in batch.parsed {
        match result {
            Ok(parsed) => {
                let same_content =
                    old.get(&path).is_some_and(|r| r.hash == parsed.content_hash) && !(batch.in_changed_dir)(&path);
                if same_content {
                    report.files_unchanged += 1;
                } else {
                    report.files_read += 1;
                }
                report.skipped.extend(parsed.skips);
                let mut ids: Vec<ArticleId> = Vec::new();
                for a in parsed.articles {
                    if !ids.contains(&a.id) {
                        ids.push(a.id.clone());
                    }
                    fresh.entry(a.id.clone()).or_insert(a);
                }
                if !same_content {
                    affected.extend(old.get(&path).into_iter().flat_map(|r| r.ids.iter().cloned()));
                    affected.extend(ids.iter().cloned());
                }
                records.insert(path.clone(), FileRecord { stamp, hash: parsed.content_hash, ids, is_sources: false });
            }
            Err(skip) => {
                // An I/O error may pass: keep what the file gave last time.
                if !matches!(skip.reason, SkipReason::Unreadable(_))
                    && let Some(r) = records.remove(&path)
                {
                    affected.extend(r.ids);
                }
                report.skipped.push(skip);
            }
        }
        touched_files.push(path);
    }
    for (p, st) in batch.sources_records {
        records.insert(p.clone(), FileRecord { stamp: *st, hash: String::new(), ids: Vec::new(), is_sources: true });
        touched_files.push(p.clone());
    }

    // Which files each affected article is now in: one pass over every
    // record, once a batch, so a membership test must cost next to nothing.
    let is_affected: FxHashSet<&ArticleId> = affected.iter().collect();
    let mut paths_of: HashMap<&ArticleId, Vec<&PathBuf>> = HashMap::new();
    for (path, r) in records.iter() {
        for id in r.ids.iter().filter(|id| is_affected.contains(id)) {
            paths_of.entry(id).or_default().push(path);
        }
    }
    let searcher = lib.reader.searcher();
    for id in &affected {
        let existing = if listed.may_have_id(id) {
            writer.delete_term(Term::from_field_text(s.id, id.as_str()));
            lib.stored_article(&searcher, id)?
        } else {
            None
        };
        let Some(paths) = paths_of.get_mut(id) else {
            if existing.is_some() {
                report.articles_removed += 1;
            }
            continue;
        };
        paths.sort();
        let mut article = match fresh.remove(id).or(existing.clone()) {
            Some(a) => a,
            None => continue,
        };
        article.paths = paths.iter().map(|p| (*p).clone()).collect();
        if existing.is_some() {
            report.articles_updated += 1;
        } else {
            report.articles_added += 1;
        }
        writer.add_document(article_doc(s, &article))?;
        listed.add_id(id);
    }
    for path in &touched_files {
        if listed.may_have_path(path) {
            writer.delete_query(file_query(lib, path, KIND_FILE))?;
            writer.delete_query(file_query(lib, path, KIND_SOURCES))?;
        }
        if let Some(r) = records.get(path) {
            writer.add_document(file_doc(s, path, r))?;
            listed.add_path(path);
        }
    }
    Ok(())
}

/// Commit what is staged: articles and file records land together or not at
/// all. Returns the commit's opstamp.
fn commit(writer: &mut tantivy::IndexWriter<TantivyDocument>) -> anyhow::Result<u64> {
    let mut commit = writer.prepare_commit().context("cannot prepare the index commit")?;
    commit.set_payload(&serde_json::json!({ "byline_schema": super::schema::SCHEMA_VERSION }).to_string());
    commit.commit().context("cannot commit the index")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_are_bounded_by_files_and_bytes() {
        let file = |size: u64| (PathBuf::from("f"), FileStamp { size, mtime_ns: 0 });
        let small: Vec<_> = (0..2 * COMMIT_EVERY_FILES + 200).map(|_| file(10)).collect();
        let refs: Vec<&(PathBuf, FileStamp)> = small.iter().collect();
        let lens: Vec<usize> = batches(&refs, COMMIT_EVERY_FILES).iter().map(|b| b.len()).collect();
        assert_eq!(lens, vec![COMMIT_EVERY_FILES, COMMIT_EVERY_FILES, 200]);
        let big: Vec<_> = [60, 20, 200, 10].iter().map(|mb| file(mb * 1024 * 1024)).collect();
        let refs: Vec<&(PathBuf, FileStamp)> = big.iter().collect();
        let lens: Vec<usize> = batches(&refs, COMMIT_EVERY_FILES).iter().map(|b| b.len()).collect();
        assert_eq!(lens, vec![2, 1, 1], "a large file is a batch of its own");
        assert_eq!(batches(&[], COMMIT_EVERY_FILES).len(), 1, "one empty batch still commits the walk's verdicts");
    }
}
