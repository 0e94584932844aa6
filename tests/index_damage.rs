//! A stale or damaged index (garbage or truncated `meta.json`, a missing
//! segment file) is detected on open and rebuilt from the library's
//! sources, aside and then swapped in; a byte flipped inside a segment file
//! is detected by the next `byline index` (segment checksums) and rebuilt
//! the same way; a failed rebuild leaves the old index as it was; an I/O
//! error is reported and never mistaken for damage.

use crate::common;

use byline::index::Catalog;
use std::path::{Path, PathBuf};

/// A sandbox with the five seeds indexed, and the index folder.
fn indexed() -> (common::Sandbox, PathBuf) {
    let sandbox = common::Sandbox::new();
    let lib = sandbox.library_with_seeds();
    let library = Catalog::open(&sandbox.paths()).unwrap();
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
    let library = Catalog::open(&sandbox.paths()).expect("a damaged index is rebuilt");
    assert_eq!(library.was_rebuilt(), now);
    assert_eq!(library.article_count().unwrap(), 5);
    let out = sandbox.cmd().args(["search", "Pasechnik"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The grouping files are derived from the index and rewritten at will.
    let derived =
        |n: &String| !["events.json", "grouping.bin", "event-weights.bin", "event-members.bin"].contains(&n.as_str());
    let mut after = data_entries(sandbox);
    after.retain(derived);
    let mut before = before.to_vec();
    before.retain(derived);
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
    let err = Catalog::open(&sandbox.paths()).err().expect("the rebuild fails");
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
    assert!(Catalog::open(&sandbox.paths()).is_err());
    assert!(dir.join("meta.json").is_dir());
    assert_eq!(segment_files(&dir), files, "the segments are all still there");
    let out = sandbox.cmd().args(["stats"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("rebuilt"));

    // The index folder cannot be created (a file is in its way).
    let (sandbox, dir) = indexed();
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, b"not a folder").unwrap();
    assert!(Catalog::open(&sandbox.paths()).is_err());
    assert_eq!(std::fs::read(&dir).unwrap(), b"not a folder");
}

#[test]
fn a_held_lock_is_not_damage() {
    let (sandbox, dir) = indexed();
    let stamp = Catalog::open(&sandbox.paths()).unwrap().commit_stamp().unwrap();
    let index = tantivy::Index::open_in_dir(&dir).unwrap();
    let _writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    let library = Catalog::open(&sandbox.paths()).unwrap();
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
    let err = Catalog::open(&sandbox.paths()).err().expect("not opened, not rebuilt");
    assert!(format!("{err:#}").contains("while another byline is indexing it"), "{err:#}");
    assert_eq!(std::fs::read(dir.join("meta.json")).unwrap(), b"garbage");
}

/// Flip one bit in the middle of `path`, well away from its checksum footer.
fn flip_a_byte(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x10;
    std::fs::write(path, bytes).unwrap();
}

fn segment_file(dir: &Path, ext: &str) -> PathBuf {
    let files = segment_files(dir);
    files.into_iter().find(|p| p.extension().is_some_and(|e| e == ext)).unwrap_or_else(|| panic!("no .{ext} file"))
}

#[test]
fn a_flipped_byte_in_a_segment_file_is_found_by_byline_index_and_rebuilt() {
    // The store holds the articles' text; the idx file holds the postings.
    for ext in ["store", "idx"] {
        let (sandbox, dir) = indexed();
        let before = data_entries(&sandbox);
        let search_before = sandbox.cmd().args(["search", "Pasechnik", "--json"]).output().unwrap().stdout;
        flip_a_byte(&segment_file(&dir, ext));
        // Opening does not read every segment: the damage is not seen yet.
        assert!(!Catalog::open(&sandbox.paths()).unwrap().was_rebuilt());

        let out = sandbox.cmd().arg("index").arg(sandbox.dir.path().join("library")).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{ext}: {stderr}");
        assert!(
            stderr.starts_with("byline: the index was damaged; it has been rebuilt from the library\n"),
            "{stderr}"
        );
        assert_rebuilt(&sandbox, &before, false);
        let search_after = sandbox.cmd().args(["search", "Pasechnik", "--json"]).output().unwrap().stdout;
        assert_eq!(search_after, search_before, "{ext}: the rebuilt index answers as the old one did");
        let again = sandbox.cmd().arg("index").arg(sandbox.dir.path().join("library")).output().unwrap();
        assert!(!String::from_utf8_lossy(&again.stderr).contains("damaged"), "checked clean the next time");
    }
}

#[test]
fn a_segment_file_that_cannot_be_read_is_not_damage() {
    let (sandbox, dir) = indexed();
    let store = segment_file(&dir, "store");
    // A folder where the file was: reading it fails as any I/O error does
    // (the tests run as root, so `chmod 000` would not stop a read).
    std::fs::remove_file(&store).unwrap();
    std::fs::create_dir(&store).unwrap();
    let out = sandbox.cmd().arg("index").arg(sandbox.dir.path().join("library")).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("rebuilt"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(store.is_dir(), "nothing was replaced");
}
