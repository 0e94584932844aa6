//! The demo library: the five real articles of `assets/corpus/`, embedded in
//! the binary so that byline has something to show from any directory with
//! no set-up. They are written out once into the data dir and indexed like
//! any other folder.

use std::path::{Path, PathBuf};

pub const FILES: &[(&str, &[u8])] = &[
    ("000_ef75486793550465.txt", include_bytes!("../../assets/corpus/000_ef75486793550465.txt")),
    ("001_fc5b4ce0b1052cc7.txt", include_bytes!("../../assets/corpus/001_fc5b4ce0b1052cc7.txt")),
    ("002_0509bcb1b6a6774f.txt", include_bytes!("../../assets/corpus/002_0509bcb1b6a6774f.txt")),
    ("003_e2e32fa227fde8af.txt", include_bytes!("../../assets/corpus/003_e2e32fa227fde8af.txt")),
    ("004_e834a8d547207d18.txt", include_bytes!("../../assets/corpus/004_e834a8d547207d18.txt")),
];

/// Write the demo articles into `dir` (only those missing or different) and
/// return the folder.
pub fn materialise(dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    for (name, bytes) in FILES {
        let path = dir.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(*bytes) {
            crate::fsutil::write_atomic(&path, bytes)?;
        }
    }
    Ok(dir.to_path_buf())
}

/// The demo article whose file name starts with `prefix` (`"002"`), parsed
/// by the real parser: the first fixture of every test that can use real text.
pub fn article(prefix: &str) -> Option<crate::article::Article> {
    let (name, bytes) = FILES.iter().find(|(n, _)| n.starts_with(prefix))?;
    let path = Path::new(name);
    super::parse_bytes(path, super::Format::Text, bytes, &super::Fields::default()).ok()?.into_iter().next()
}
