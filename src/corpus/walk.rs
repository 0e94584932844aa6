//! Walking library folders: every file byline can read, and every
//! `sources.toml`, with the size and modification time that tell whether it
//! changed since the last index. Hidden files are left alone; symlinks are
//! followed, and a symlink loop is reported, not followed forever.

use super::{Format, Skip, SkipReason, io_reason, sources};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// A file's size and modification time, as recorded in the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    pub mtime_ns: i64,
}

impl FileStamp {
    pub fn of(meta: &std::fs::Metadata) -> FileStamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(0);
        FileStamp { size: meta.len(), mtime_ns }
    }
}

#[derive(Debug)]
pub enum WalkItem {
    /// An article file.
    Article(PathBuf, FileStamp),
    /// A `sources.toml`.
    Sources(PathBuf, FileStamp),
    /// Something that could not be walked or is not a regular file.
    Skip(Skip),
}

/// Every readable file under `roots` (a root may also be a single file), in
/// a stable order.
pub fn walk(roots: &[PathBuf]) -> Vec<WalkItem> {
    let mut items = Vec::new();
    for root in roots {
        let walker = ignore::WalkBuilder::new(root)
            .standard_filters(false)
            .hidden(true)
            .follow_links(true)
            .sort_by_file_path(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    if let Some(item) = classify(entry.path(), entry.file_type().is_some_and(|t| t.is_dir())) {
                        items.push(item);
                    }
                }
                Err(e) => items.push(WalkItem::Skip(walk_error(root, &e))),
            }
        }
    }
    items
}

fn classify(path: &Path, is_dir: bool) -> Option<WalkItem> {
    if is_dir {
        return None;
    }
    let is_sources = path.file_name().is_some_and(|n| n == sources::FILE_NAME);
    if !is_sources && Format::of(path).is_none() {
        return None;
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return Some(WalkItem::Skip(Skip::new(path, SkipReason::Unreadable(io_reason(&e))))),
    };
    if !meta.is_file() {
        return Some(WalkItem::Skip(Skip::new(path, SkipReason::NotAFile)));
    }
    let stamp = FileStamp::of(&meta);
    Some(if is_sources {
        WalkItem::Sources(path.to_path_buf(), stamp)
    } else {
        WalkItem::Article(path.to_path_buf(), stamp)
    })
}

fn walk_error(root: &Path, e: &ignore::Error) -> Skip {
    let mut path = root.to_path_buf();
    let mut inner = e;
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path = p.clone();
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => inner = err,
            ignore::Error::Loop { child, .. } => {
                return Skip::new(child, SkipReason::Unreadable("symlink loop".into()));
            }
            ignore::Error::Io(io) => return Skip::new(&path, SkipReason::Unreadable(io_reason(io))),
            other => return Skip::new(&path, SkipReason::Unreadable(other.to_string())),
        }
    }
}
