//! A stale or damaged index (garbage or truncated `meta.json`, a missing
//! segment file) is detected on open and rebuilt from the library's
//! sources, aside and then swapped in; a failed rebuild leaves the old index
//! as it was; an I/O error is reported and never mistaken for damage.

mod common;

use byline::index::Library;
use std::path::{Path, PathBuf};

/// A sandbox with the five seeds indexed, and the index folder.
fn indexed() -> (common::Sandbox, PathBuf) {
    let sandbox = common::Sandbox::new();
    let lib = sandbox.library_with_seeds();
    let library = Library::open(&sandbox.paths()).unwrap();
    library.add_roots(&[lib]).unwrap();
    library.refresh(&|_| {}).unwrap();
    assert_eq!(library.article_count().unwrap(), 5);
    let dir = sandbox.home().join(format!("data/index-v{}", byline::index::schema::SCHEMA_VERSION));
    (sandbox, dir)
}

/// The folders next to the index: no rebuild is ever left lying about.
fn data_entries(sandbox: &common::Sandbox) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(sandbox.home().join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The index opens with every article; `now` when this open is the one that rebuilds it.
fn assert_rebuilt(sandbox: &common::Sandbox, before: &[String], now: bool) {
    let library = Library::open(&sandbox.paths()).expect("a damaged index is rebuilt");
    assert_eq!(library.was_rebuilt(), now);
    assert_eq!(library.article_count().unwrap(), 5);
    let out = sandbox.cmd().args(["search", "Pasechnik"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut after = data_entries(sandbox);
    after.retain(|n| n != "events.json");
    let mut before = before.to_vec();
    before.retain(|n| n != "events.json");
    assert_eq!(after, before);
}

#[test]
fn garbage_meta_json_is_rebuilt() {
    let (sandbox, dir) = indexed();
    let before = data_entries(&sandbox);
    std::fs::write(dir.join("meta.json"), b"\x00garbage{{{not json").unwrap();
    assert_rebuilt(&sandbox, &before, true);
}

#[test]
fn truncated_meta_json_is_rebuilt_and_the_cli_says_so() {
    let (sandbox, dir) = indexed();
    let before = data_entries(&sandbox);
    let meta = std::fs::read(dir.join("meta.json")).unwrap();
    std::fs::write(dir.join("meta.json"), &meta[..meta.len() / 2]).unwrap();
    let out = sandbox.cmd().args(["stats", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr, "byline: the index was damaged; it has been rebuilt from the library\n");
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["articles"], 5);
    assert_rebuilt(&sandbox, &before, false);
}

#[test]
fn a_missing_segment_file_is_rebuilt() {
    let (sandbox, dir) = indexed();
    let before = data_entries(&sandbox);
    let segment_file = segment_files(&dir).into_iter().find(|p| p.extension().is_some_and(|e| e == "idx")).unwrap();
    std::fs::remove_file(segment_file).unwrap();
    assert_rebuilt(&sandbox, &before, true);
}

fn segment_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.') && n != "meta.json"))
        .collect();
    files.sort();
    files
}

#[test]
fn a_failed_rebuild_leaves_the_old_index() {
    let (sandbox, dir) = indexed();
    let before = data_entries(&sandbox);
    std::fs::write(dir.join("meta.json"), b"garbage").unwrap();
    // The rebuild cannot know the library: its list of folders is damaged too.
    std::fs::write(sandbox.home().join("data/library.json"), b"{{{").unwrap();
    let err = Library::open(&sandbox.paths()).err().expect("the rebuild fails");
    assert!(format!("{err:#}").contains("is damaged and was kept"), "{err:#}");
    assert_eq!(std::fs::read(dir.join("meta.json")).unwrap(), b"garbage", "the old index is where it was");
    assert_eq!(data_entries(&sandbox), before, "no half-built index is left");
}

#[test]
fn io_errors_are_reported_and_never_wipe_the_index() {
    // meta.json that cannot be read (a folder where the file should be).
    let (sandbox, dir) = indexed();
    let files = segment_files(&dir);
    std::fs::remove_file(dir.join("meta.json")).unwrap();
    std::fs::create_dir(dir.join("meta.json")).unwrap();
    assert!(Library::open(&sandbox.paths()).is_err());
    assert!(dir.join("meta.json").is_dir());
    assert_eq!(segment_files(&dir), files, "the segments are all still there");
    let out = sandbox.cmd().args(["stats"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("rebuilt"));

    // The index folder cannot be created (a file is in its way).
    let (sandbox, dir) = indexed();
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, b"not a folder").unwrap();
    assert!(Library::open(&sandbox.paths()).is_err());
    assert_eq!(std::fs::read(&dir).unwrap(), b"not a folder");
}

#[test]
fn a_held_lock_is_not_damage() {
    let (sandbox, dir) = indexed();
    let stamp = Library::open(&sandbox.paths()).unwrap().commit_stamp().unwrap();
    let index = tantivy::Index::open_in_dir(&dir).unwrap();
    let _writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    let library = Library::open(&sandbox.paths()).unwrap();
    assert!(!library.was_rebuilt());
    assert_eq!(library.commit_stamp().unwrap(), stamp, "opened as it was, not rebuilt");
    assert_eq!(library.article_count().unwrap(), 5);
}

#[test]
fn damage_seen_while_another_byline_writes_is_not_rebuilt() {
    let (sandbox, dir) = indexed();
    let index = tantivy::Index::open_in_dir(&dir).unwrap();
    let _writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    std::fs::write(dir.join("meta.json"), b"garbage").unwrap();
    let err = Library::open(&sandbox.paths()).err().expect("not opened, not rebuilt");
    assert!(format!("{err:#}").contains("while another byline is indexing it"), "{err:#}");
    assert_eq!(std::fs::read(dir.join("meta.json")).unwrap(), b"garbage");
}
