//! The index: the catalog of the library's articles, kept in Tantivy.
//!
//! [`Catalog`] is the one door to it: it opens (or creates) the index in the
//! data dir, updates it incrementally from the library's folders, and answers
//! searches, lookups by id prefix and statistics. It is kept behind one type
//! so that a remote backend (Quickwit speaks the same schema) could stand in
//! for it without the library service (`crate::library`), the TUI or the
//! command line noticing.

mod changes;
pub mod date_range;
mod docs;
pub mod flags;
pub mod folders;
pub mod highlight;
mod hits;
mod listed;
mod madvise;
mod newest;
mod prefetch;
pub mod query;
mod recover;
pub mod refusal;
pub mod schema;
mod search;
mod similar;
mod stage;
mod stem_filter;
mod update;
pub mod watch;

pub use flags::{Flag, FlagSets};
pub use folders::{Folder, FolderKind, FolderState, Gone, Removed};
pub use highlight::{Highlighter, Snippet};
pub use recover::Kept;
pub use search::{OutletCount, SearchHit, SearchRequest, SearchResults, Sort, Stats};
pub use similar::Snapshot;
pub use stage::COMMIT_EVERY_FILES_ENV;
pub use update::{Busy, IndexReport, Progress};

use crate::config::Paths;
use crate::fsutil::OnPath;
use anyhow::Context;
use schema::{SCHEMA_VERSION, Schema};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tantivy::{Index, IndexReader, ReloadPolicy};

/// A lookup by id that did not find exactly one article.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error("no article with an id or file name starting with {0:?}")]
    NotFound(String),
    #[error("{0:?} is ambiguous: it could be {1}")]
    Ambiguous(String, String),
}

/// The folders (or files) that make up the user's library.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryRoots {
    pub roots: Vec<PathBuf>,
    /// Those found gone by an index run and said so: said once, not on
    /// every run (see [`folders`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gone: Vec<PathBuf>,
}

pub struct Catalog {
    paths: Paths,
    index: Index,
    schema: Schema,
    reader: IndexReader,
    /// The index was found damaged on open and rebuilt from the sources.
    rebuilt: bool,
    /// Segments told the kernel that searching reads them at random.
    advised: madvise::Advised,
}

impl Catalog {
    /// Open the library in `paths.data`, creating an empty index if there is
    /// none. A damaged index is rebuilt from the library's sources (see
    /// [`recover`]); any other error is returned and the index left alone.
    pub fn open(paths: &Paths) -> anyhow::Result<Catalog> {
        let dir = Catalog::dir(paths);
        match Catalog::open_in(paths, &dir) {
            Err(e) if recover::is_damage(&e) => {
                // A writer at work (its merges delete segment files) is not
                // damage: never rebuild under another byline's feet.
                let _lock = recover::writer_lock(&dir)?;
                if let Ok(lib) = Catalog::open_in(paths, &dir) {
                    return Ok(lib);
                }
                tracing::warn!(dir = %dir.display(), "the index is damaged ({e:#}); rebuilding it from the library");
                let mut lib = Catalog::rebuild(paths, &dir).with_context(|| Kept(dir.clone()))?;
                lib.rebuilt = true;
                tracing::warn!(articles = lib.article_count().unwrap_or(0), "the index has been rebuilt");
                Ok(lib)
            }
            Ok(lib) => {
                tracing::debug!(dir = %dir.display(), "library opened");
                Ok(lib)
            }
            Err(e) => Err(e),
        }
    }

    /// The folder of the index in `paths`.
    pub fn dir(paths: &Paths) -> PathBuf {
        paths.data.join(format!("index-v{SCHEMA_VERSION}"))
    }

    fn index_dir(&self) -> PathBuf {
        Catalog::dir(&self.paths)
    }

    /// Build a new index aside from the sources, then swap it in for `dir`.
    fn rebuild(paths: &Paths, dir: &Path) -> anyhow::Result<Catalog> {
        let aside = dir.with_extension(format!("rebuild-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&aside);
        let built = Catalog::open_in(paths, &aside).and_then(|lib| lib.refresh(&|_| {}).map(|_| ()));
        if let Err(e) = built {
            let _ = std::fs::remove_dir_all(&aside);
            return Err(e.context("cannot rebuild the index"));
        }
        recover::swap_in(dir, &aside)
            .with_context(|| format!("cannot move the rebuilt index into {}", dir.display()))?;
        // Event groups were computed on the old index's commits.
        let _ = std::fs::remove_file(paths.data.join("events.json"));
        Catalog::open_in(paths, dir)
    }

    fn open_in(paths: &Paths, dir: &Path) -> anyhow::Result<Catalog> {
        std::fs::create_dir_all(dir).with_context(|| OnPath::new(dir, format!("cannot create {}", dir.display())))?;
        let schema = Schema::new();
        let directory =
            tantivy::directory::MmapDirectory::open(dir).with_context(|| format!("cannot open {}", dir.display()))?;
        let index = Index::open_or_create(directory, schema.schema.clone())
            .with_context(|| format!("cannot open the index in {}", dir.display()))?;
        schema::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .with_context(|| format!("cannot read the index in {}", dir.display()))?;
        Ok(Catalog { paths: paths.clone(), index, schema, reader, rebuilt: false, advised: Default::default() })
    }

    /// True when [`Catalog::open`] found the index damaged and rebuilt it.
    pub fn was_rebuilt(&self) -> bool {
        self.rebuilt
    }

    fn roots_file(&self) -> PathBuf {
        self.paths.data.join("library.json")
    }

    /// The folders the user added with `byline index`.
    pub fn user_roots(&self) -> anyhow::Result<Vec<PathBuf>> {
        Ok(self.roots_record()?.roots)
    }

    /// `library.json` as it is (nothing there: no folders yet).
    fn roots_record(&self) -> anyhow::Result<LibraryRoots> {
        let file = self.roots_file();
        match std::fs::read(&file) {
            Ok(bytes) => serde_json::from_slice(&bytes).with_context(|| {
                OnPath::new(&file, format!("{} is damaged; remove it and run byline index again", file.display()))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(LibraryRoots::default()),
            Err(e) => Err(e).with_context(|| OnPath::new(&file, format!("cannot read {}", file.display()))),
        }
    }

    fn save_roots(&self, roots: &LibraryRoots) -> anyhow::Result<()> {
        let file = self.roots_file();
        crate::fsutil::write_atomic(&file, &serde_json::to_vec_pretty(roots)?)
            .with_context(|| OnPath::new(&file, format!("cannot write {}", file.display())))
    }

    /// Add folders or files to the library (absolute, deduplicated).
    pub fn add_roots(&self, new: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
        let mut record = self.roots_record()?;
        for root in new {
            let abs = std::fs::canonicalize(root)
                .with_context(|| OnPath::new(root, format!("{}: cannot add to the library", root.display())))?;
            if !record.roots.contains(&abs) {
                record.roots.push(abs);
            }
        }
        if !new.is_empty() {
            self.save_roots(&record)?;
        }
        Ok(record.roots)
    }

    /// True when the user has no library of their own and byline shows the demo.
    pub fn is_demo(&self) -> anyhow::Result<bool> {
        Ok(self.own_roots()?.is_empty())
    }

    /// The user's folders and, once a fetch has stored articles, the folder
    /// of fetched feeds: those are the user's own too.
    fn own_roots(&self) -> anyhow::Result<Vec<PathBuf>> {
        let mut roots = self.user_roots()?;
        let fetched = self.paths.fetched();
        if fetched.is_dir() && !roots.contains(&fetched) {
            roots.push(fetched);
        }
        Ok(roots)
    }

    /// The folders to index: the user's (fetched feeds included), or the
    /// embedded demo articles.
    pub fn effective_roots(&self) -> anyhow::Result<Vec<PathBuf>> {
        let roots = self.own_roots()?;
        if !roots.is_empty() {
            return Ok(roots);
        }
        let demo = crate::corpus::demo::materialise(&self.paths.data.join("demo"))
            .with_context(|| format!("cannot write the demo articles into {}", self.paths.data.display()))?;
        Ok(vec![demo])
    }

    /// Bring the index up to date with the library's folders. A folder
    /// found gone keeps its articles, and is in the report once (see
    /// [`folders`]).
    pub fn refresh(&self, progress: &(dyn Fn(Progress) + Sync)) -> anyhow::Result<IndexReport> {
        let roots = self.effective_roots()?;
        let mut report = update::update(self, &roots, progress)?;
        self.say_gone_once(&mut report)?;
        Ok(report)
    }

    /// Index the demo library when the user has none and nothing is indexed
    /// yet: what a first `byline search` or the first start of the app needs.
    pub fn ensure_ready(&self) -> anyhow::Result<()> {
        if self.article_count()? == 0 && self.is_demo()? {
            self.refresh(&|_| {})?;
        }
        Ok(())
    }

    /// The opstamp of the last commit: it changes whenever the index does.
    pub fn commit_stamp(&self) -> anyhow::Result<u64> {
        Ok(self.index.load_metas()?.opstamp)
    }

    pub fn article_count(&self) -> anyhow::Result<usize> {
        let searcher = self.reader.searcher();
        let q = tantivy::query::TermQuery::new(
            tantivy::Term::from_field_text(self.schema.kind, schema::KIND_ARTICLE),
            tantivy::schema::IndexRecordOption::Basic,
        );
        Ok(searcher.search(&q, &tantivy::collector::Count)?)
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub(crate) fn data_dir(&self) -> &Path {
        &self.paths.data
    }
}
