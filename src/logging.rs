//! The log: what byline did (library opened, index runs with their counts
//! and durations, files skipped, rebuilds, errors, the folder watcher), for
//! when something went wrong and the terminal has long been cleared.
//!
//! It goes to one file in the state folder ([`Paths::log_file`]), never to
//! the terminal: the app owns the screen, and a command's output stays
//! exactly what scripts expect. By default only warnings and errors are
//! written; `-v` adds what byline did, `-vv` the details, `-vvv` everything
//! (the libraries' too). `BYLINE_LOG` takes a filter in the `RUST_LOG`
//! syntax instead (`BYLINE_LOG=byline::index=debug`). The file is created
//! on the first line written, and when it passes [`MAX_BYTES`] it is moved
//! to `byline.log.1` (replacing the one before) and a new one is started,
//! so the log never holds more than twice that.

use crate::config::Paths;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tracing_subscriber::EnvFilter;

/// The environment variable that sets the log filter.
pub const FILTER_ENV: &str = "BYLINE_LOG";
/// The size at which the log is rotated.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// The filter for `-v` given `verbose` times.
pub fn default_filter(verbose: u8) -> &'static str {
    match verbose {
        0 => "warn",
        1 => "byline=info,warn",
        2 => "byline=debug,info",
        _ => "trace",
    }
}

/// Send the log to `paths.log_file()` from now on. Returns false (and logs
/// nothing) when a logger was already set; a log that cannot be written is
/// dropped rather than shown on the terminal.
pub fn init(paths: &Paths, verbose: u8) -> bool {
    let filter = std::env::var(FILTER_ENV)
        .ok()
        .filter(|f| !f.trim().is_empty())
        .and_then(|f| EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| EnvFilter::new(default_filter(verbose)));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(Mutex::new(RotatingFile::new(paths.log_file(), MAX_BYTES)))
        .try_init()
        .is_ok()
}

/// A file that is opened on the first write and rotated past `max` bytes.
pub struct RotatingFile {
    path: PathBuf,
    max: u64,
    file: Option<File>,
    size: u64,
}

impl RotatingFile {
    pub fn new(path: PathBuf, max: u64) -> RotatingFile {
        RotatingFile { path, max, file: None, size: 0 }
    }

    fn open(&mut self) -> std::io::Result<&mut File> {
        if self.file.is_none() || self.size >= self.max {
            if let Some(dir) = self.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let size = std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0);
            self.size = if size >= self.max {
                std::fs::rename(&self.path, rotated(&self.path))?;
                0
            } else {
                size
            };
            self.file = Some(OpenOptions::new().create(true).append(true).open(&self.path)?);
        }
        Ok(self.file.as_mut().expect("opened above"))
    }
}

/// Where the previous log goes.
pub fn rotated(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".1");
    path.with_file_name(name)
}

impl Write for RotatingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.open()?.write(buf)?;
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_is_created_on_first_write_and_rotated_past_its_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/byline.log");
        let mut log = RotatingFile::new(path.clone(), 100);
        assert!(!path.exists(), "nothing written, no file");
        for i in 0..25 {
            writeln!(log, "line {i:02} of the log").unwrap();
        }
        let now = std::fs::read_to_string(&path).unwrap();
        let before = std::fs::read_to_string(rotated(&path)).unwrap();
        assert!(now.len() < 100 + 20 && before.len() < 100 + 20, "{} and {}", now.len(), before.len());
        assert!(now.ends_with("line 24 of the log\n"), "{now}");
        assert!(before.lines().count() >= 4, "the previous log is kept: {before}");
        assert!(!dir.path().join("state/byline.log.1.1").exists());
    }

    #[test]
    fn a_log_left_over_its_cap_is_rotated_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("byline.log");
        std::fs::write(&path, "x".repeat(300)).unwrap();
        let mut log = RotatingFile::new(path.clone(), 100);
        writeln!(log, "new run").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new run\n");
        assert_eq!(std::fs::read_to_string(rotated(&path)).unwrap().len(), 300);
    }
}
