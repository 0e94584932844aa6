//! A damaged index is rebuilt from the library's sources; anything else that
//! stops it opening is reported and touches nothing.
//!
//! Damage is what only a broken index gives: a `meta.json` that is garbage
//! or truncated, a segment file it names that is missing, an index format
//! this Tantivy cannot read. A lock, a permission or any other I/O error is
//! not damage, and never costs the user their index. The rebuild happens
//! aside, in a new folder next to the index; only when it has completed is
//! it swapped in, so a failed rebuild leaves the old index where it was.

use tantivy::TantivyError;
use tantivy::directory::error::OpenReadError;

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
