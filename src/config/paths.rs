//! Where byline keeps its state. By default the platform's directories
//! (XDG on Linux, through the `directories` crate); `BYLINE_HOME` moves all
//! of it under one folder, which is what every test does.

use std::path::{Path, PathBuf};

pub const HOME_ENV: &str = "BYLINE_HOME";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    /// The index, the library's folder list, the demo articles.
    pub data: PathBuf,
    /// `config.toml`.
    pub config: PathBuf,
    /// Things that may be thrown away.
    pub cache: PathBuf,
    /// The log (XDG state folder on Linux; the cache folder where a platform has no state folder).
    pub state: PathBuf,
}

impl Paths {
    /// All state under one folder.
    pub fn under(home: &Path) -> Paths {
        Paths {
            data: home.join("data"),
            config: home.join("config"),
            cache: home.join("cache"),
            state: home.join("state"),
        }
    }

    /// `BYLINE_HOME` when set, else the platform's directories.
    pub fn from_env() -> anyhow::Result<Paths> {
        if let Some(home) = std::env::var_os(HOME_ENV).filter(|h| !h.is_empty()) {
            return Ok(Paths::under(Path::new(&home)));
        }
        let dirs = directories::ProjectDirs::from("", "", "byline").ok_or_else(|| {
            anyhow::anyhow!("cannot find a home directory: set {HOME_ENV} to a folder for byline's data")
        })?;
        Ok(Paths {
            data: dirs.data_dir().to_path_buf(),
            config: dirs.config_dir().to_path_buf(),
            cache: dirs.cache_dir().to_path_buf(),
            state: dirs.state_dir().unwrap_or(dirs.cache_dir()).to_path_buf(),
        })
    }

    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }

    /// The log file (`-v` writes more to it; never to the terminal).
    pub fn log_file(&self) -> PathBuf {
        self.state.join("byline.log")
    }

    /// Articles fetched from feeds, a folder per feed: always part of the library.
    pub fn fetched(&self) -> PathBuf {
        self.data.join("fetched")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_moves_everything() {
        let p = Paths::under(Path::new("/tmp/h"));
        for dir in [&p.data, &p.config, &p.cache, &p.state, &p.log_file()] {
            assert!(dir.starts_with("/tmp/h"));
        }
    }
}
