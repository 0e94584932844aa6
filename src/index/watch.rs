//! Watching the library's folders, so that an open app shows new, changed
//! and deleted articles without a restart.
//!
//! The operating system's notifications (inotify, FSEvents, …) come through
//! the `notify` crate and a debouncer: a burst of changes (an editor saving,
//! a hundred files copied in) arrives as one batch after [`QUIET`] without
//! new ones. Hidden files (editor swap files, `.git`) and byline's own
//! folders are left out, as the index leaves them out. What to do about a
//! batch is the caller's business: this module only says which paths moved.

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// How long the folders must stay quiet before a batch of changes is reported.
pub const QUIET: Duration = Duration::from_millis(400);

/// The folders being watched; watching stops when this is dropped.
pub struct Watch {
    _debouncer: Debouncer<RecommendedWatcher>,
    /// The roots that are watched (those that exist).
    pub watched: Vec<PathBuf>,
}

/// Watch `roots` (folders, recursively, or single files), leaving out
/// changes under `ignore`; `on_change` gets each batch of changed paths.
pub fn watch(
    roots: &[PathBuf],
    ignore: Vec<PathBuf>,
    on_change: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> anyhow::Result<Watch> {
    let watched_roots = roots.to_vec();
    let mut debouncer = new_debouncer(QUIET, move |result: DebounceEventResult| match result {
        Ok(events) => {
            let mut paths: Vec<PathBuf> =
                events.into_iter().map(|e| e.path).filter(|p| relevant(p, &watched_roots, &ignore)).collect();
            paths.sort();
            paths.dedup();
            tracing::debug!(changed = paths.len(), first = ?paths.first(), "library folders changed");
            if !paths.is_empty() {
                on_change(paths);
            }
        }
        Err(e) => tracing::warn!("watching the library: {e}"),
    })?;
    let mut watched = Vec::new();
    for root in roots {
        let mode = if root.is_dir() { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
        match debouncer.watcher().watch(root, mode) {
            Ok(()) => watched.push(root.clone()),
            Err(e) => tracing::warn!(root = %root.display(), "cannot watch: {e}"),
        }
    }
    tracing::info!(roots = watched.len(), "watching the library");
    Ok(Watch { _debouncer: debouncer, watched })
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
