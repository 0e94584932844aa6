//! The two things every file byline writes or fails on needs, so that no
//! caller writes them again: a write that is never seen half-done (a crash or
//! a full disk must leave the old file, since the index, the reading state
//! and the events are only as safe as their files), and an error that keeps
//! the path it happened on as a value, so that the library service can hand
//! the front ends an I/O error with its path (`library::Error::Io`) without
//! reading it back out of a message.

use std::io::Write;
use std::path::{Path, PathBuf};

/// A context for an error on `path`: `message` says what was being done
/// (and names the path, since it is what the user reads), `path` is kept as
/// a value for whoever handles the error.
#[derive(Debug, Clone)]
pub struct OnPath {
    pub path: PathBuf,
    pub message: String,
}

impl OnPath {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> OnPath {
        OnPath { path: path.into(), message: message.into() }
    }
}

impl std::fmt::Display for OnPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder and a
/// rename, so a crash leaves either the old file or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    in_place_of(path, |tmp| tmp.write_all(bytes))
}

/// [`write_atomic`] for a file written piece by piece by `write`: a file of
/// a gigabyte never has to be whole in memory first.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    in_place_of(path, |tmp| {
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, tmp);
        write(&mut out)?;
        out.flush()
    })
}

/// A temporary file beside `path`, filled by `fill`, synced and renamed
/// over `path`. On any error the temporary file is removed and `path` left
/// as it was.
fn in_place_of(
    path: &Path,
    fill: impl FnOnce(&mut tempfile::NamedTempFile) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    fill(&mut tmp)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// `path` with `.` and `..` taken out by its words alone, without asking
/// the file system (which cannot answer for a path that is not there, and
/// would follow symbolic links).
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.bin");
        write_atomic(&path, b"old").unwrap();
        let failed = write_atomic_with(&path, |out| {
            out.write_all(b"half of the new")?;
            Err(std::io::Error::other("the disk is full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["f.bin"], "no temporary file is left behind");
        write_atomic_with(&path, |out| out.write_all(b"new, written in pieces").and_then(|_| out.write_all(b"!")))
            .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new, written in pieces!");
        assert_eq!(names(dir.path()), ["f.bin"]);
    }
}
