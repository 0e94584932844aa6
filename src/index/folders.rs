//! The library's folders as a user manages them: which there are, how many
//! articles each holds and whether it is still there ([`Catalog::folders`]);
//! taking one out with its articles ([`Catalog::remove_root`]); and saying
//! once, not on every run, that one has gone.
//!
//! A folder that is not found keeps its articles: it may be a drive not
//! mounted, and an index run must not empty a library because a path went
//! missing for an hour. But a folder deleted on purpose must not haunt every
//! run either, so the first run that misses it says so with the command
//! that takes it out, `library.json` remembers that it was said, and later
//! runs are quiet about it until it comes back (or goes again).

use super::Catalog;
use super::changes::load_records;
use super::docs::FileRecord;
use super::listed::Listed;
use super::stage::{Batch, apply, commit};
use super::update::{IndexReport, writer};
use crate::article::ArticleId;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a folder of the library is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FolderKind {
    /// A folder (or a file) added with `byline index`.
    Added,
    /// Where `byline fetch` stores the feeds' articles.
    Fetched,
    /// The bundled demo articles, shown while the user has no folder.
    Demo,
}

/// Whether a folder is there to be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FolderState {
    Present,
    /// Not found: its articles are kept until it is removed.
    Gone,
    /// There, but not readable: the reason.
    Unreadable(String),
}

/// One folder of the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Folder {
    pub path: PathBuf,
    pub kind: FolderKind,
    pub state: FolderState,
    /// Articles read from files under it.
    pub articles: usize,
}

/// A folder an index run did not find: its articles are kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Gone {
    pub path: PathBuf,
    pub articles: usize,
}

impl Gone {
    /// How the front ends say it: `/news/2021 is gone: its 12 articles are
    /// kept; `byline library remove /news/2021` drops them`.
    pub fn said(&self) -> String {
        let path = crate::sanitize::clean_line(&self.path.to_string_lossy());
        let (n, them) = match self.articles {
            1 => ("1 article is".to_string(), "it"),
            n => (format!("{n} articles are"), "them"),
        };
        format!("{path} is gone: its {n} kept; `byline library remove {path}` drops {them}")
    }
}

/// What taking a folder out of the library did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub path: PathBuf,
    /// Files whose records went.
    pub files: usize,
    pub articles_removed: usize,
    /// Articles also in a file elsewhere in the library, kept with that one.
    pub articles_kept: usize,
    /// Articles left in the library.
    pub articles_total: usize,
}

/// The articles read from files under `root`.
fn articles_under(root: &Path, records: &HashMap<PathBuf, FileRecord>) -> usize {
    let ids: HashSet<&ArticleId> =
        records.iter().filter(|(p, _)| p.starts_with(root)).flat_map(|(_, r)| &r.ids).collect();
    ids.len()
}

/// `root`, found gone, with the articles it keeps.
pub(super) fn gone(root: &Path, records: &HashMap<PathBuf, FileRecord>) -> Gone {
    Gone { path: root.to_path_buf(), articles: articles_under(root, records) }
}

fn state_of(path: &Path) -> FolderState {
    match std::fs::metadata(path) {
        Ok(_) => FolderState::Present,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => FolderState::Gone,
        Err(e) => FolderState::Unreadable(crate::corpus::io_reason(&e)),
    }
}

/// `path` made absolute and `..`, `.` folded away without asking the file
/// system, which cannot answer for a folder that is gone.
fn lexical(path: &Path) -> PathBuf {
    crate::fsutil::lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// The folder of `roots` that `asked` names (as given to `byline index`,
/// or as it was then, for one that is gone); otherwise why none is.
pub fn find_root(asked: &Path, roots: &[PathBuf], fetched: &Path) -> Result<PathBuf, String> {
    let names = [std::fs::canonicalize(asked).ok(), Some(lexical(asked))];
    let is = |p: &Path| names.iter().flatten().any(|n| n == p);
    if let Some(root) = roots.iter().find(|r| is(r)) {
        return Ok(root.clone());
    }
    let shown = asked.display();
    if is(fetched) {
        return Err(format!(
            "{shown} holds the fetched feeds' articles: `byline feed remove NAME` stops a feed (its articles stay)"
        ));
    }
    if let Some(root) = roots.iter().find(|r| names.iter().flatten().any(|n| n.starts_with(r))) {
        return Err(format!(
            "{shown} is inside the library folder {}: byline takes out whole folders (`byline library` lists them)",
            root.display()
        ));
    }
    Err(format!("{shown} is not a folder of the library (`byline library` lists them)"))
}

impl Catalog {
    /// The library's folders, each with its articles and whether it is
    /// there; the demo's folder when the user has none.
    pub fn folders(&self) -> anyhow::Result<Vec<Folder>> {
        let records = load_records(self)?;
        let user = self.user_roots()?;
        let mut roots: Vec<(PathBuf, FolderKind)> = user.iter().map(|r| (r.clone(), FolderKind::Added)).collect();
        roots.extend(self.own_roots()?.into_iter().filter(|r| !user.contains(r)).map(|r| (r, FolderKind::Fetched)));
        if roots.is_empty() {
            roots = self.effective_roots()?.into_iter().map(|r| (r, FolderKind::Demo)).collect();
        }
        Ok(roots
            .into_iter()
            .map(|(path, kind)| Folder {
                state: state_of(&path),
                articles: articles_under(&path, &records),
                path,
                kind,
            })
            .collect())
    }

    /// Take `root` (one of [`Catalog::user_roots`]) out of the library, and
    /// its articles out of the index in one commit: an article also read
    /// from a file elsewhere in the library stays, with that file.
    pub fn remove_root(&self, root: &Path) -> anyhow::Result<Removed> {
        // The lock first: a library that another byline is indexing is left as it is.
        let mut writer = writer(self)?;
        self.reader.reload()?;
        let old = load_records(self)?;
        let mut record = self.roots_record()?;
        record.roots.retain(|r| r != root);
        record.gone.retain(|r| r != root);
        self.save_roots(&record)?;
        let remaining = self.own_roots()?;
        let gone: Vec<PathBuf> = old
            .keys()
            .filter(|p| p.starts_with(root) && !remaining.iter().any(|r| p.starts_with(r)))
            .cloned()
            .collect();
        let (mut records, mut listed, mut report) = (old.clone(), Listed::new(&old), IndexReport::default());
        let batch = Batch { parsed: Vec::new(), gone: &gone, sources_records: &[], in_changed_dir: &|_| false };
        apply(self, &mut writer, &old, &mut records, &mut listed, batch, &mut report)?;
        commit(&mut writer)?;
        writer.wait_merging_threads().ok();
        self.reader.reload()?;
        tracing::info!(root = %root.display(), articles = report.articles_removed, "folder taken out of the library");
        Ok(Removed {
            path: root.to_path_buf(),
            files: gone.iter().filter(|p| !old[*p].is_sources).count(),
            articles_removed: report.articles_removed,
            articles_kept: report.articles_updated,
            articles_total: self.article_count()?,
        })
    }

    /// Keep in `report` only the gone folders not said before, and
    /// remember which are gone now (a folder that comes back is forgotten,
    /// so that going again is said again).
    pub(super) fn say_gone_once(&self, report: &mut IndexReport) -> anyhow::Result<()> {
        let mut record = self.roots_record()?;
        let now: Vec<PathBuf> = report.gone.iter().map(|g| g.path.clone()).collect();
        report.gone.retain(|g| !record.gone.contains(&g.path));
        if record.gone != now {
            record.gone = now;
            self.save_roots(&record)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_found_by_the_path_it_was_added_as_even_when_gone() {
        let dir = tempfile::tempdir().unwrap();
        let kept = dir.path().join("kept");
        std::fs::create_dir(&kept).unwrap();
        let kept = std::fs::canonicalize(&kept).unwrap();
        let gone = kept.parent().unwrap().join("gone");
        let fetched = kept.parent().unwrap().join("data/fetched");
        let roots = vec![kept.clone(), gone.clone()];
        assert_eq!(find_root(&kept, &roots, &fetched), Ok(kept.clone()));
        assert_eq!(find_root(&kept.join("../gone/."), &roots, &fetched), Ok(gone.clone()));
        assert!(find_root(&kept.join("sub"), &roots, &fetched).unwrap_err().contains("is inside the library folder"));
        assert!(find_root(&fetched, &roots, &fetched).unwrap_err().contains("byline feed remove"));
        assert!(
            find_root(Path::new("/elsewhere"), &roots, &fetched).unwrap_err().contains("not a folder of the library")
        );
    }
}
