//! Two instances on one library: while a writer holds the index's lock, a
//! second `byline index` says so in one line and exits with status 2 (no
//! crash, and the other's lock is left alone), while `byline search`,
//! `show` and `stats` still answer: readers need no lock.

mod common;

use std::process::Stdio;

#[test]
fn a_second_indexer_is_refused_and_readers_still_answer() {
    let sandbox = common::Sandbox::new();
    let lib = sandbox.library_with_seeds();
    sandbox.cmd().arg("index").arg(&lib).assert().success();
    common::write(&lib.join("new.txt"), "A new story\n\nThe Minsk talks resumed on Tuesday after a pause.\n");

    // The other instance: the writer lock byline's indexer takes, held here.
    let dir = sandbox.home().join(format!("data/index-v{}", byline::index::schema::SCHEMA_VERSION));
    let index = tantivy::Index::open_in_dir(&dir).unwrap();
    let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();

    for _ in 0..2 {
        let out = sandbox.cmd().arg("index").arg(&lib).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("byline: another byline is indexing this library"), "{stderr}");
        assert!(!stderr.contains("internal error"), "{stderr}");
    }
    assert!(dir.join(".tantivy-writer.lock").exists(), "the other's lock is still there");
    let search = sandbox.cmd().args(["search", "Pasechnik"]).output().unwrap();
    assert!(search.status.success(), "{}", String::from_utf8_lossy(&search.stderr));
    assert!(String::from_utf8_lossy(&search.stdout).contains("Pasechnik"));
    sandbox.cmd().args(["stats", "--json"]).assert().success();
    sandbox.cmd().args(["show", "001"]).assert().success();

    // The refused runs left the lock alone: it is still ours to commit with,
    // and only when it is released does indexing go ahead.
    writer.commit().unwrap();
    drop(writer);
    let out = sandbox.cmd().arg("index").arg(&lib).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    sandbox.cmd().args(["search", "resumed Tuesday"]).assert().success();
}

/// Two real indexers started together on a generated library: each one
/// either indexes or is refused with status 2 and the one-line message;
/// neither crashes, and the library ends complete.
#[test]
fn two_indexers_at_once_never_crash() {
    let sandbox = common::Sandbox::new();
    let corpus = sandbox.dir.path().join("corpus");
    let generated = byline::synth::generate(&byline::synth::Config::new(300, 5));
    byline::synth::write(&generated, &corpus, byline::synth::OutputFormat::Files).unwrap();
    let spawn = || {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_byline"));
        cmd.env("BYLINE_HOME", sandbox.home()).arg("index").arg(&corpus).stdout(Stdio::null()).stderr(Stdio::piped());
        cmd.spawn().unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let mut succeeded = 0;
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => succeeded += 1,
            Some(2) => assert!(stderr.contains("another byline is indexing this library"), "{stderr}"),
            other => panic!("exit {other:?}: {stderr}"),
        }
    }
    assert!(succeeded >= 1);
    sandbox.cmd().arg("index").arg(&corpus).assert().success();
    let stats = sandbox.cmd().args(["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["articles"], 300);
}
