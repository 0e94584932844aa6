//! The library changes while `byline index` (the real binary) walks and
//! reads it: another thread deletes files, truncates them (to nothing or to
//! half), replaces them (a new file renamed over the old, as editors and
//! sync tools do) and removes whole folders. Nothing panics and the run
//! ends; every file still there at the end was either indexed or skipped
//! with its path and a reason; and a re-run converges to exactly what a
//! fresh index of the folder as it now is holds.

use crate::common;

use byline::config::Paths;
use byline::index::{Catalog, SearchRequest};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const FOLDERS: usize = 30;
const FILES_PER_FOLDER: usize = 50;

fn article_text(i: usize, version: &str) -> String {
    format!(
        "Zebra council {version} {i}\n\nThe zebra council met for the {i}th time, {version}.\n\nA second paragraph.\n"
    )
}

/// 1,500 article files in 30 folders; their paths.
fn build(root: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for f in 0..FOLDERS {
        for n in 0..FILES_PER_FOLDER {
            let path = root.join(format!("folder{f:02}/article{n:02}.txt"));
            common::write(&path, article_text(f * FILES_PER_FOLDER + n, "first"));
            paths.push(path);
        }
    }
    paths
}

/// Change the library at random until `stop`: what a user, an editor or a
/// sync tool may do while byline reads it. Returns the number of changes.
fn meddle(root: &Path, outside: &Path, mut paths: Vec<PathBuf>, seed: u64, stop: &AtomicBool) -> usize {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut changes = 0;
    while !stop.load(Ordering::Relaxed) && changes < 600 && !paths.is_empty() {
        let path = paths.swap_remove(rng.next_u32() as usize % paths.len());
        match rng.next_u32() % 10 {
            0..=2 => {
                let _ = std::fs::remove_file(&path);
            }
            3 | 4 => {
                let _ = std::fs::OpenOptions::new().write(true).open(&path).and_then(|f| f.set_len(0));
            }
            5 | 6 => {
                let len = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                let _ = std::fs::OpenOptions::new().write(true).open(&path).and_then(|f| f.set_len(len / 2));
            }
            7 | 8 => {
                let aside = outside.join(format!("new{changes}"));
                std::fs::write(&aside, article_text(changes, "replaced")).unwrap();
                let _ = std::fs::rename(&aside, &path);
            }
            _ => {
                // A whole folder disappears (a few times at most).
                let folder = path.parent().unwrap().to_path_buf();
                if changes % 3 == 0 && folder != root {
                    let _ = std::fs::remove_dir_all(&folder);
                    paths.retain(|p| !p.starts_with(&folder));
                }
            }
        }
        changes += 1;
        // Pace the changes so that they spread over the walk and the reads.
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    changes
}

fn index(home: &Path, root: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .env("BYLINE_HOME", home)
        .env_remove("RUST_BACKTRACE")
        .args(["index", "--json"])
        .arg(root)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !stderr.contains("internal error"), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every article in the library in `home`: its paths and its text.
fn library(home: &Path) -> BTreeSet<(Vec<PathBuf>, String)> {
    let lib = Catalog::open(&Paths::under(home)).unwrap();
    let mut req = SearchRequest::new("");
    req.limit = 100_000;
    let results = lib.search(&req).unwrap();
    assert_eq!(results.total, results.hits.len());
    results
        .hits
        .iter()
        .map(|h| {
            let a = lib.get(h.listing.id.as_str()).unwrap();
            (a.paths, a.paragraphs.join("\n"))
        })
        .collect()
}

fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.insert(path);
        }
    }
    out
}

fn race(seed: u64) {
    let sandbox = common::Sandbox::new();
    let (root, outside) = (sandbox.dir.path().join("library"), sandbox.dir.path().join("outside"));
    std::fs::create_dir_all(&outside).unwrap();
    let paths = build(&root);
    let root = std::fs::canonicalize(&root).unwrap();
    let paths: Vec<PathBuf> =
        paths.iter().map(|p| root.join(p.strip_prefix(sandbox.dir.path().join("library")).unwrap())).collect();

    let stop = Arc::new(AtomicBool::new(false));
    let meddler = {
        let (root, stop) = (root.clone(), stop.clone());
        std::thread::spawn(move || meddle(&root, &outside, paths, seed, &stop))
    };
    let report = index(&sandbox.home(), &root);
    stop.store(true, Ordering::Relaxed);
    let changes = meddler.join().unwrap();

    // Every file still there was indexed or skipped with its path and a reason.
    let skipped: BTreeMap<PathBuf, String> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (PathBuf::from(s["path"].as_str().unwrap()), s["reason"]["kind"].as_str().unwrap().to_string()))
        .collect();
    for (path, kind) in &skipped {
        assert!(path.starts_with(&root), "a skip names its file: {path:?}");
        assert!(["unreadable", "no_text"].contains(&kind.as_str()), "{path:?}: {kind}");
    }
    let indexed: BTreeSet<PathBuf> = library(&sandbox.home()).into_iter().flat_map(|(p, _)| p).collect();
    let now = files_under(&root);
    let neither: Vec<_> = now.iter().filter(|p| !indexed.contains(*p) && !skipped.contains_key(*p)).collect();
    assert!(neither.is_empty(), "seed {seed}: neither indexed nor skipped: {neither:?}");

    // A re-run converges to what a fresh index of the folder as it is holds.
    index(&sandbox.home(), &root);
    let rerun = library(&sandbox.home());
    let fresh_home = sandbox.dir.path().join("fresh");
    index(&fresh_home, &root);
    assert_eq!(rerun, library(&fresh_home), "seed {seed}: the re-run converges");
    let still_indexed: BTreeSet<PathBuf> = rerun.iter().flat_map(|(p, _)| p.clone()).collect();
    assert!(still_indexed.is_subset(&now), "no article of a file that is gone");
    let empty = now.iter().filter(|p| std::fs::metadata(p).unwrap().len() == 0).count();
    assert_eq!(still_indexed.len() + empty, now.len(), "every file with text is indexed");
    eprintln!(
        "seed {seed}: {changes} changes during the run, {} skips, {} files left, {} articles",
        skipped.len(),
        now.len(),
        rerun.len()
    );
}

#[test]
fn files_changing_during_the_walk_are_indexed_or_skipped_and_a_rerun_converges() {
    race(1);
}

#[test]
#[ignore = "long: BYLINE_ROUNDS=10 cargo test --test tests walk_race:: -- --ignored --nocapture"]
fn files_changing_during_the_walk_many_seeds() {
    let rounds = std::env::var("BYLINE_ROUNDS").ok().and_then(|k| k.parse().ok()).unwrap_or(10);
    for seed in 100..100 + rounds {
        race(seed);
    }
}
