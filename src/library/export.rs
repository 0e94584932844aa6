//! A comparison written to a file as Markdown: the app's `w` in the two
//! columns, so that what is on screen can be kept, quoted or sent on. The
//! text is the one `byline compare A B --format md` prints, sanitized the
//! same way; the file goes in the folder given (the app's current folder),
//! named after the two articles, never over a file already there.

use super::{Compared, Error};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `byline compare --format md` prints for `compared`.
pub fn markdown(compared: &Compared) -> String {
    crate::sanitize::clean(&compared.alignment.to_markdown()).into_owned()
}

/// Write `compared` as Markdown into `dir`, as `compare-LEFT-RIGHT.md` (the
/// short ids), or `compare-LEFT-RIGHT-2.md` and on when that is taken; the
/// path written.
pub fn write_markdown(compared: &Compared, dir: &Path) -> Result<PathBuf, Error> {
    let stem = format!("compare-{}-{}", compared.left.id.short(), compared.right.id.short());
    let text = markdown(compared);
    for n in 1..1000 {
        let name = if n == 1 { format!("{stem}.md") } else { format!("{stem}-{n}.md") };
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                return file
                    .write_all(text.as_bytes())
                    .and_then(|_| file.sync_all())
                    .map(|_| path.clone())
                    .map_err(|e| Error::Io { message: format!("cannot write {}: {e}", path.display()), path });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::Io { message: format!("cannot write {}: {e}", path.display()), path }),
        }
    }
    Err(Error::Failed(format!("{} already holds 999 comparisons of these two articles", dir.display())))
}
