//! A damaged index is rebuilt from the library's sources; anything else that
//! stops it opening is reported and touches nothing.
//!
//! Damage is what only a broken index gives: a `meta.json` that is garbage
//! or truncated, a segment file it names that is missing, an index format
//! this Tantivy cannot read. A lock, a permission or any other I/O error is
//! not damage, and never costs the user their index. The rebuild happens
//! aside, in a new folder next to the index; only when it has completed is
//! it swapped in, so a failed rebuild leaves the old index where it was.
//!
//! A flipped byte inside a segment file (bit rot, a bad copy) does not stop
//! the index opening: only its checksum shows it, and checking reads every
//! segment file whole. Opening must stay fast at a million articles (the
//! first frame in under 50 ms), so [`Catalog::open`] never does it. `byline
//! index`, which reads the whole library anyway, opens with
//! [`Catalog::open_verified`]: it checks every segment file's checksum
//! (Tantivy's CRC32 footers) under the writer lock, before it writes, and
//! rebuilds aside when one does not match. A file that cannot be read
//! (permissions, I/O) is an error, never a mismatch.

use super::Catalog;
use crate::config::Paths;
use anyhow::Context;
use std::path::Path;
use std::time::{Duration, Instant};
use tantivy::TantivyError;
use tantivy::directory::error::{LockError, OpenReadError};
use tantivy::directory::{Directory, DirectoryLock, INDEX_WRITER_LOCK, MmapDirectory};

/// The context of a failed rebuild: the damaged index in this folder was
/// kept as it was (the library service reports it as damaged).
#[derive(Debug, Clone, thiserror::Error)]
#[error("the index in {} is damaged and was kept", .0.display())]
pub struct Kept(pub std::path::PathBuf);

/// True when `e` (from opening an index and its reader) means the index on
/// disk is broken, rather than unreachable.
pub fn is_damage(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        matches!(
            cause.downcast_ref::<TantivyError>(),
            Some(
                TantivyError::DataCorruption(_)
                    | TantivyError::IncompatibleIndex(_)
                    | TantivyError::SchemaError(_)
                    | TantivyError::OpenReadError(
                        OpenReadError::FileDoesNotExist(_) | OpenReadError::IncompatibleIndex(_)
                    )
            )
        )
    })
}

/// Replace `dir` with `fresh` (a complete index built aside): the old one is
/// moved out of the way first and removed only once the new one is in place.
pub fn swap_in(dir: &std::path::Path, fresh: &std::path::Path) -> std::io::Result<()> {
    let old = dir.with_extension(format!("damaged-{}", std::process::id()));
    std::fs::rename(dir, &old)?;
    if let Err(e) = std::fs::rename(fresh, dir) {
        // Put the old one back rather than leave no index at all.
        let _ = std::fs::rename(&old, dir);
        return Err(e);
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// How long a writer waits for the index's lock before it says another
/// byline holds it. A lock can outlive its release: a child process that
/// the releasing process started meanwhile holds a copy of the lock's file
/// handle from fork until it runs its program (close-on-exec closes it only
/// then), and the lock goes with the last copy. The app starts one (the
/// link opener) while its worker may index; the integration tests, in one
/// process, start hundreds. Spawning `byline --version` from two threads,
/// 300 times, on the 2-core test machine at a load of 3.6 took at worst
/// 20 ms (median 0.3 ms): this waits twelve times that, and a user whose
/// other byline really is indexing hears so that much later.
pub const LOCK_WAIT: Duration = Duration::from_millis(250);

/// `take` the lock, again every 5 ms while it fails as `busy`, for
/// [`LOCK_WAIT`] at most; then its last answer.
pub fn waiting_for_lock<T, E>(busy: impl Fn(&E) -> bool, mut take: impl FnMut() -> Result<T, E>) -> Result<T, E> {
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        match take() {
            Err(e) if busy(&e) && Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            taken => return taken,
        }
    }
}

/// The lock writers take on the index in `dir`: holding it, no other byline
/// is merging or deleting segment files there.
pub fn writer_lock(dir: &Path) -> anyhow::Result<DirectoryLock> {
    let directory = MmapDirectory::open(dir)?;
    let busy = |e: &LockError| matches!(e, LockError::LockBusy);
    waiting_for_lock(busy, || directory.acquire_lock(&INDEX_WRITER_LOCK)).map_err(|_| {
        anyhow::anyhow!(
            "the index in {} cannot be read while another byline is indexing it; try again when it has finished",
            dir.display()
        )
    })
}

impl Catalog {
    /// [`Catalog::open`], then every segment file's checksum checked (which
    /// reads the whole index) and the index rebuilt aside if one does not
    /// match. When another byline is indexing, nothing is checked: the
    /// caller's own write will say so.
    pub fn open_verified(paths: &Paths) -> anyhow::Result<Catalog> {
        let lib = Catalog::open(paths)?;
        if lib.rebuilt {
            return Ok(lib);
        }
        let dir = lib.index_dir();
        let Ok(lock) = writer_lock(&dir) else { return Ok(lib) };
        let damaged =
            lib.index.validate_checksum().with_context(|| format!("cannot check the index in {}", dir.display()))?;
        if damaged.is_empty() {
            drop(lock);
            return Ok(lib);
        }
        drop(lib);
        let mut lib = Catalog::rebuild(paths, &dir).with_context(|| Kept(dir.clone()))?;
        drop(lock);
        lib.rebuilt = true;
        Ok(lib)
    }
}
