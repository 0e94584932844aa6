//! Staging an index run's work in the writer, a commit at a time: each
//! batch of files read is turned into the articles it touches (rewritten
//! with the files they are now in) and the records of its files, and
//! committed together, so that a file's record is never ahead of the commit
//! that holds its articles: a run that is stopped keeps what it committed,
//! and the next run starts from there. What to read is decided before
//! ([`super::changes`]).

use super::Catalog;
use super::docs::{FileRecord, article_doc, file_doc};
use super::listed::Listed;
use super::schema::{KIND_FILE, KIND_SOURCES};
use super::update::IndexReport;
use crate::article::{Article, ArticleId};
use crate::corpus::{FileStamp, Parsed, Skip, SkipReason};
use anyhow::Context;
use rustc_hash::FxHashSet;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

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

pub(super) fn commit_every_files() -> usize {
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
pub(super) fn batches(files: &[(PathBuf, FileStamp)], every_files: usize) -> Vec<&[(PathBuf, FileStamp)]> {
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

/// One commit's worth of work: files read, files gone, sources.toml records.
pub(super) struct Batch<'a> {
    pub parsed: Vec<(PathBuf, FileStamp, Result<Parsed, Skip>)>,
    pub gone: &'a [PathBuf],
    pub sources_records: &'a [(PathBuf, FileStamp)],
    /// Is a file in a folder whose sources.toml changed (read it again)?
    pub in_changed_dir: &'a dyn Fn(&Path) -> bool,
}

/// Stage a batch in the writer: the articles it touches, rewritten with the
/// files they are now in, and the records of its files. `records` holds the
/// state as of this batch (files not read yet keep their old record, so
/// they are read again if the run stops before them); `listed` what the
/// index may already hold, and what this batch adds to it.
pub(super) fn apply(
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
pub(super) fn commit(writer: &mut tantivy::IndexWriter<TantivyDocument>) -> anyhow::Result<u64> {
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
        let lens: Vec<usize> = batches(&small, COMMIT_EVERY_FILES).iter().map(|b| b.len()).collect();
        assert_eq!(lens, vec![COMMIT_EVERY_FILES, COMMIT_EVERY_FILES, 200]);
        let big: Vec<_> = [60, 20, 200, 10].iter().map(|mb| file(mb * 1024 * 1024)).collect();
        let lens: Vec<usize> = batches(&big, COMMIT_EVERY_FILES).iter().map(|b| b.len()).collect();
        assert_eq!(lens, vec![2, 1, 1], "a large file is a batch of its own");
        assert_eq!(batches(&[], COMMIT_EVERY_FILES).len(), 1, "one empty batch still commits the walk's verdicts");
    }
}
