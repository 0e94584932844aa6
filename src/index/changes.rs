//! Deciding what an index run must do, before it writes anything: which
//! files to read (new, changed, or in a folder whose `sources.toml`
//! changed), which are unchanged, which are gone, and which `sources.toml`
//! records to write. Kept apart from the writing ([`super::stage`]) because
//! it is where incremental indexing is right or wrong: a file wrongly judged
//! unchanged is an article never updated.

use super::Catalog;
use super::docs::{FileRecord, file_from_doc};
use super::schema::{KIND_FILE, KIND_SOURCES};
use super::update::{IndexReport, Progress};
use crate::corpus::{self, FileStamp, Skip, SkipReason, Sources, SourcesFile, WalkItem};
use rustc_hash::FxHashSet;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

/// What a run must do, as the walk of the library's folders decides it.
pub(super) struct Plan {
    /// Every `sources.toml` found, for the metadata it gives the files it covers.
    pub sources: Sources,
    /// The files to read, in the walk's order.
    pub to_read: Vec<(PathBuf, FileStamp)>,
    /// Files gone since the last run: their records and articles go.
    pub gone: Vec<PathBuf>,
    /// `sources.toml` files new or changed: their records are written last,
    /// so that a run stopped half way re-reads their folders next time.
    pub changed_sources: Vec<(PathBuf, FileStamp)>,
    /// Folders whose `sources.toml` appeared, changed or went away.
    changed_meta_dirs: Vec<PathBuf>,
}

impl Plan {
    /// Is a file in a folder whose `sources.toml` changed (read it again)?
    pub fn in_changed_dir(&self, p: &Path) -> bool {
        self.changed_meta_dirs.iter().any(|d| p.starts_with(d))
    }
}

/// The file records as of the latest commit.
pub(super) fn load_records(lib: &Catalog) -> anyhow::Result<HashMap<PathBuf, FileRecord>> {
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

fn read_sources(path: &Path) -> Result<SourcesFile, Skip> {
    let bytes = std::fs::read(path).map_err(|e| Skip::new(path, SkipReason::Unreadable(corpus::io_reason(&e))))?;
    let (text, _) = corpus::decode::decode(&bytes).map_err(|_| Skip::new(path, SkipReason::Binary(0)))?;
    SourcesFile::parse(path, &text)
        .map_err(|why| Skip::new(path, SkipReason::BadFormat(format!("bad sources.toml: {why}"))))
}

/// Walk `roots` and compare what is there with the `old` records: the plan,
/// with the counts the walk decides (files seen, unchanged, removed, and
/// what was skipped) in `report`.
pub(super) fn plan(
    roots: &[PathBuf],
    old: &HashMap<PathBuf, FileRecord>,
    report: &mut IndexReport,
    progress: &(dyn Fn(Progress) + Sync),
) -> Plan {
    let (present, missing): (Vec<PathBuf>, Vec<PathBuf>) = roots.iter().cloned().partition(|r| r.exists());
    report.gone = missing.iter().map(|root| super::folders::gone(root, old)).collect();
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
    // The walk's verdicts: files gone since the last run (their records and
    // articles go in the first commit) and sources.toml records (in the last).
    let walked: FxHashSet<&Path> =
        article_files.iter().map(|(p, _)| p.as_path()).chain(walked_sources.keys().map(PathBuf::as_path)).collect();
    let gone: Vec<PathBuf> = old
        .keys()
        .filter(|p| !walked.contains(p.as_path()) && !missing.iter().any(|m| p.starts_with(m)))
        .cloned()
        .collect();
    drop(walked);
    report.files_removed = gone.iter().filter(|p| !old[*p].is_sources).count();
    let changed_sources: Vec<(PathBuf, FileStamp)> = walked_sources
        .iter()
        .filter(|(p, st)| old.get(*p).is_none_or(|r| r.stamp != **st))
        .map(|(p, st)| (p.clone(), *st))
        .collect();
    let mut plan = Plan { sources, to_read: Vec::new(), gone, changed_sources, changed_meta_dirs };
    let (to_read, unchanged): (Vec<_>, Vec<_>) = article_files
        .into_iter()
        .partition(|(p, st)| plan.in_changed_dir(p) || old.get(p).is_none_or(|r| r.stamp != *st || r.is_sources));
    report.files_unchanged = unchanged.len();
    plan.to_read = to_read;
    plan
}
