//! Watching the library's folders, so that an open app shows new, changed
//! and deleted articles without a restart.
//!
//! The operating system's notifications (inotify, FSEvents, …) come through
//! the `notify` crate and are debounced here: a burst of changes (an editor
//! saving, a hundred files copied in) arrives as one batch after [`QUIET`]
//! without new ones. Only what changes files counts: reading them (which
//! indexing does) must not start another round. Hidden files (editor swap
//! files, `.git`) and byline's own folders are left out, as the index
//! leaves them out. What to do about a
//! batch is the caller's business: this module only says which paths moved.

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long the folders must stay quiet before a batch of changes is reported.
pub const QUIET: Duration = Duration::from_millis(400);
/// A batch is reported after this long even if changes keep coming.
pub const LONGEST: Duration = Duration::from_secs(3);

/// The folders being watched; watching stops when this is dropped.
pub struct Watch {
    _watcher: RecommendedWatcher,
    /// The roots that are watched (those that exist).
    pub watched: Vec<PathBuf>,
}

/// Watch `roots` (folders, recursively, or single files), leaving out
/// changes under `ignore`; `on_change` gets each batch of changed paths,
/// on a thread of the watch's own.
pub fn watch(
    roots: &[PathBuf],
    ignore: Vec<PathBuf>,
    on_change: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> anyhow::Result<Watch> {
    let (tx, rx) = channel::<PathBuf>();
    let watched_roots = roots.to_vec();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| match event {
        // Events were lost (the kernel's queue overflowed): anything may have changed.
        Ok(event) if event.need_rescan() => {
            for root in &watched_roots {
                let _ = tx.send(root.clone());
            }
        }
        Ok(event) if changes_files(&event.kind) => {
            for path in event.paths.into_iter().filter(|p| relevant(p, &watched_roots, &ignore)) {
                let _ = tx.send(path);
            }
        }
        Ok(_) => {}
        Err(e) => tracing::warn!("watching the library: {e}"),
    })?;
    let mut watched = Vec::new();
    for root in roots {
        let mode = if root.is_dir() { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
        match watcher.watch(root, mode) {
            Ok(()) => watched.push(root.clone()),
            Err(e) => tracing::warn!(root = %root.display(), "cannot watch: {e}"),
        }
    }
    tracing::info!(roots = watched.len(), "watching the library");
    // Debounce: gather paths until the folders are quiet, then report them.
    std::thread::Builder::new().name("byline-watch".into()).spawn(move || {
        while let Ok(first) = rx.recv() {
            let (started, mut batch) = (Instant::now(), vec![first]);
            let ended = loop {
                let wait = QUIET.min(LONGEST.saturating_sub(started.elapsed()));
                match rx.recv_timeout(wait) {
                    Ok(path) => batch.push(path),
                    Err(RecvTimeoutError::Timeout) => break false,
                    Err(RecvTimeoutError::Disconnected) => break true,
                }
            };
            batch.sort();
            batch.dedup();
            tracing::debug!(changed = batch.len(), first = ?batch.first(), "library folders changed");
            on_change(batch);
            if ended {
                return;
            }
        }
    })?;
    Ok(Watch { _watcher: watcher, watched })
}

/// True for what changes a file's name or contents; opening, reading and
/// metadata (what indexing itself does to the files) are left out.
fn changes_files(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// True for a path the index would read: under a root, not hidden below
/// it, not in one of byline's own folders.
fn relevant(path: &Path, roots: &[PathBuf], ignore: &[PathBuf]) -> bool {
    if ignore.iter().any(|i| path.starts_with(i)) {
        return false;
    }
    let hidden = |c: Component| c.as_os_str().to_string_lossy().starts_with('.');
    roots.iter().any(|root| path.strip_prefix(root).is_ok_and(|rest| !rest.components().any(hidden)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_a_file_is_not_a_change() {
        use notify::event::{CreateKind, DataChange, MetadataKind, RemoveKind};
        assert!(changes_files(&EventKind::Create(CreateKind::File)));
        assert!(changes_files(&EventKind::Remove(RemoveKind::File)));
        assert!(changes_files(&EventKind::Modify(ModifyKind::Data(DataChange::Any))));
        assert!(!changes_files(&EventKind::Access(AccessKind::Open(AccessMode::Any))));
        assert!(!changes_files(&EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(!changes_files(&EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))));
    }

    #[test]
    fn hidden_files_and_byline_own_folders_are_left_out() {
        let roots = vec![PathBuf::from("/news"), PathBuf::from("/home/u/.saved/one.md")];
        let ignore = vec![PathBuf::from("/news/byline-home")];
        let yes = |p: &str| relevant(Path::new(p), &roots, &ignore);
        assert!(yes("/news/2022/a.txt"));
        assert!(yes("/home/u/.saved/one.md"), "a hidden folder above a root is fine");
        assert!(!yes("/news/.a.txt.swp"));
        assert!(!yes("/news/.git/index"));
        assert!(!yes("/news/byline-home/data/index-v3/meta.json"));
        assert!(!yes("/elsewhere/a.txt"));
    }
}
