//! The reading state on disk: `reading-state.json` in the data folder, a
//! versioned JSON document written atomically (`fsutil::write_atomic`).
//!
//! Two bylines may change it at once (the app and a `byline star` in
//! another terminal). Every change takes an exclusive lock on
//! `reading-state.lock`, re-reads the file, applies the change to what it
//! found and writes it back before letting go: neither loses the other's
//! work. Readers take no lock; the rename makes every read whole.
//!
//! A file byline cannot read (garbage, or written by a newer byline) is an
//! error naming it, and is never overwritten.

use super::{Change, ReadingState};
use crate::article::ArticleId;
use crate::config::Paths;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The format version this byline writes and reads.
pub const VERSION: u32 = 1;
const FORMAT: &str = "byline-reading-state";
const FILE: &str = "reading-state.json";

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error(
        "{path} is not a reading-state file byline can read ({reason}); it was left as it is: move it aside to start afresh"
    )]
    Damaged { path: PathBuf, reason: String },
    #[error(
        "{path} was written by a newer byline (format version {version}, this one reads {VERSION}); it was left as it is"
    )]
    Newer { path: PathBuf, version: u32 },
    #[error("cannot {what} {path}: {source}")]
    Io { what: &'static str, path: PathBuf, source: std::io::Error },
}

#[derive(Serialize, Deserialize)]
struct OnDisk {
    format: String,
    version: u32,
    #[serde(flatten)]
    state: ReadingState,
}

/// An I/O error on `path`, said with what was being done.
fn io(what: &'static str, path: &std::path::Path) -> impl FnOnce(std::io::Error) -> StateError {
    let path = path.to_path_buf();
    move |source| StateError::Io { what, path, source }
}

/// Where the reading state lives.
#[derive(Clone, Debug)]
pub struct Store {
    file: PathBuf,
    lock: PathBuf,
}

impl Store {
    pub fn new(paths: &Paths) -> Store {
        Store { file: paths.data.join(FILE), lock: paths.data.join("reading-state.lock") }
    }

    pub fn path(&self) -> &std::path::Path {
        &self.file
    }

    /// The state as it is on disk; none when there is no file yet.
    pub fn load(&self) -> Result<ReadingState, StateError> {
        let bytes = match std::fs::read(&self.file) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ReadingState::default()),
            Err(source) => return Err(StateError::Io { what: "read", path: self.file.clone(), source }),
        };
        let damaged = |reason: String| StateError::Damaged { path: self.file.clone(), reason };
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(damaged(format!("no \"format\": \"{FORMAT}\"")));
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(VERSION) => {
                return Err(StateError::Newer { path: self.file.clone(), version: v.min(u64::from(u32::MAX)) as u32 });
            }
            Some(_) => {}
            None => return Err(damaged("no format version".into())),
        }
        let on_disk: OnDisk = serde_json::from_value(value).map_err(|e| damaged(e.to_string()))?;
        Ok(on_disk.state)
    }

    /// Apply `change` to `ids` under the lock, on the state as it is on disk
    /// now, and write it back. Returns the state written.
    pub fn update(&self, ids: &[ArticleId], change: &Change) -> Result<ReadingState, StateError> {
        let dir = self.file.parent().unwrap_or(std::path::Path::new("."));
        std::fs::create_dir_all(dir).map_err(io("create", dir))?;
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&self.lock)
            .map_err(io("open", &self.lock))?;
        fs4::fs_std::FileExt::lock_exclusive(&lock).map_err(io("lock", &self.lock))?;
        let mut state = self.load()?;
        state.apply(ids, change);
        let on_disk = OnDisk { format: FORMAT.into(), version: VERSION, state };
        let json = serde_json::to_vec_pretty(&on_disk).expect("reading state serializes");
        crate::fsutil::write_atomic(&self.file, &json).map_err(io("write", &self.file))?;
        // Closing the file lets go of the lock.
        drop(lock);
        Ok(on_disk.state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::new(&Paths::under(dir.path()));
        (dir, s)
    }

    fn id(s: &str) -> ArticleId {
        ArticleId(s.into())
    }

    #[test]
    fn a_change_is_kept_and_read_back() {
        let (_dir, s) = store();
        assert_eq!(s.load().unwrap(), ReadingState::default());
        s.update(&[id("a")], &Change::Star(true)).unwrap();
        s.update(&[id("a")], &Change::Read(true)).unwrap();
        let m = s.load().unwrap().marks(&id("a"));
        assert!(m.read && m.starred);
        let text = std::fs::read_to_string(s.path()).unwrap();
        assert!(text.contains("\"version\": 1") && text.contains(FORMAT), "{text}");
    }

    #[test]
    fn garbage_and_newer_files_are_refused_and_left_alone() {
        let (_dir, s) = store();
        std::fs::create_dir_all(s.path().parent().unwrap()).unwrap();
        for (bytes, expect) in [
            (&b"\x00\x01 not json"[..], "not a reading-state file"),
            (br#"{"articles": {}}"#, "not a reading-state file"),
            (br#"{"format": "byline-reading-state", "version": 9, "articles": {}}"#, "newer byline"),
            (br#"{"format": "byline-reading-state", "version": 1, "articles": {"a": {"read": "yes"}}}"#, "not a"),
        ] {
            std::fs::write(s.path(), bytes).unwrap();
            let err = s.update(&[id("a")], &Change::Read(true)).unwrap_err().to_string();
            assert!(err.contains(expect) && err.contains("reading-state.json"), "{err}");
            assert_eq!(std::fs::read(s.path()).unwrap(), bytes, "the file is never wiped");
        }
    }

    #[test]
    fn writers_in_parallel_lose_nothing() {
        let (_dir, s) = store();
        std::thread::scope(|scope| {
            for t in 0..4 {
                let s = s.clone();
                scope.spawn(move || {
                    for i in 0..25 {
                        s.update(&[id(&format!("{t}-{i}"))], &Change::Star(true)).unwrap();
                    }
                });
            }
        });
        assert_eq!(s.load().unwrap().articles.len(), 100);
    }
}
