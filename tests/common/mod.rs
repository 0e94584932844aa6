//! Shared helpers for the integration tests: a temporary BYLINE_HOME, a
//! copy of the demo articles to index, and the `byline` binary.
#![allow(dead_code)]

pub mod http;
pub mod measure;
pub mod terminal;
pub mod unicode;

use std::path::{Path, PathBuf};

pub const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/corpus");

/// A temporary home for byline's state and a library folder with the seeds.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    pub fn paths(&self) -> byline::config::Paths {
        byline::config::Paths::under(&self.home())
    }

    /// A folder holding copies of the five seed articles.
    pub fn library_with_seeds(&self) -> PathBuf {
        let lib = self.dir.path().join("library");
        std::fs::create_dir_all(&lib).unwrap();
        for entry in std::fs::read_dir(SEEDS).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), lib.join(entry.file_name())).unwrap();
        }
        lib
    }

    /// The JSON that `byline ARGS` prints, the run asserted to succeed.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.cmd().args(args).assert().success().get_output().stdout.clone();
        serde_json::from_slice(&out).unwrap()
    }

    pub fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("byline").unwrap();
        cmd.env("BYLINE_HOME", self.home()).env("NO_COLOR", "1").env_remove("RUST_BACKTRACE");
        cmd
    }
}

/// The seed number (`"002"`) of each file a hit came from.
pub fn seed_numbers(paths: &[PathBuf]) -> Vec<String> {
    paths.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy()[..3].to_string()).collect()
}

pub fn write(path: &Path, text: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Bytes that must be JSON, parsed.
pub fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("valid JSON")
}

/// The app on the demo library at `w`×`h`, and the temporary home it keeps
/// its state in (dropped with the harness's test).
pub fn demo(w: u16, h: u16) -> (tempfile::TempDir, byline::tui::testing::Harness) {
    let home = tempfile::tempdir().unwrap();
    let harness = byline::tui::testing::Harness::demo(home.path(), w, h);
    (home, harness)
}

/// Select the article titled `title` in the app's result list (focus on the list).
pub fn select(t: &mut byline::tui::testing::Harness, title: &str) {
    t.press("esc g");
    while t.app.browse.selected_hit().unwrap().listing.title != title {
        let before = t.app.browse.selected;
        t.press("j");
        assert_ne!(t.app.browse.selected, before, "{title} is not in the list");
    }
}

/// The titles of two demo accounts of one event (002 and 004).
pub const T002: &str = "East Ukraine rebels ask Putin to recognize regions as independent";
pub const T004: &str = "Putin Says Considering Ukraine Separatists' Independence Request";
