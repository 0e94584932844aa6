//! The reading state as a search needs it, read again only when the file
//! changed.
//!
//! The app searches on every keystroke, and each search needs the state (for
//! `is:`/`tag:` filters and to mark hits read or starred). Reading and
//! parsing the file each time costs in proportion to how much the user has
//! read: a milliseconds-long tax on typing for a heavy reader. So the last
//! state read is kept with the file's size, modification time and (on Unix)
//! inode. Every write replaces the file by a rename, so any change, by this
//! process or another, gives a new stamp.

use super::{ReadingState, StateError, Store};
use crate::index::FlagSets;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// A state and the ids each filter stands for.
#[derive(Debug, Default)]
pub struct Loaded {
    pub state: ReadingState,
    pub flags: FlagSets,
}

/// What identifies one version of the file.
type Stamp = (u64, Option<SystemTime>, u64);

struct Entry {
    file: PathBuf,
    stamp: Stamp,
    loaded: Arc<Loaded>,
}

static LAST: Mutex<Option<Entry>> = Mutex::new(None);

fn stamp(file: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(file).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let inode = 0;
    Some((m.len(), m.modified().ok(), inode))
}

/// The state in `store`'s file, from memory when the file has not changed
/// since it was last read. Errors are never remembered.
pub fn load(store: &Store) -> Result<Arc<Loaded>, StateError> {
    let file = store.path();
    let Some(now) = stamp(file) else {
        // No file (or none readable): `load` says which.
        let state = store.load()?;
        return Ok(Arc::new(Loaded { flags: state.flag_sets(), state }));
    };
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(e) = last.as_ref().filter(|e| e.file == file && e.stamp == now) {
        return Ok(e.loaded.clone());
    }
    let state = store.load()?;
    let loaded = Arc::new(Loaded { flags: state.flag_sets(), state });
    *last = Some(Entry { file: file.to_path_buf(), stamp: now, loaded: loaded.clone() });
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::super::Change;
    use super::*;
    use crate::article::ArticleId;
    use crate::config::Paths;

    #[test]
    fn a_change_on_disk_is_seen_at_the_next_load() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::under(dir.path());
        std::fs::create_dir_all(&paths.data).unwrap();
        let store = Store::new(&paths);
        let id = ArticleId("abc".into());
        assert!(load(&store).unwrap().state.articles.is_empty());
        store.update(std::slice::from_ref(&id), &Change::Star(true)).unwrap();
        let first = load(&store).unwrap();
        assert!(first.flags.starred.contains(&id));
        assert!(Arc::ptr_eq(&first, &load(&store).unwrap()), "unchanged: from memory");
        // Another process un-stars it: same size, new file.
        store.update(std::slice::from_ref(&id), &Change::Star(false)).unwrap();
        store.update(std::slice::from_ref(&id), &Change::Read(true)).unwrap();
        let now = load(&store).unwrap();
        assert!(!now.flags.starred.contains(&id) && now.flags.read.contains(&id));
    }
}
