//! `byline-gen` end to end: the summary line, the corpus folder, the same
//! bytes for the same seed, and refusing to overwrite without `--force`.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

fn gen_cmd(out: &std::path::Path, extra: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("byline-gen").unwrap();
    cmd.args(["--articles", "120", "--seed", "5", "--out"]).arg(out).args(extra);
    cmd
}

#[test]
fn writes_a_corpus_and_its_truth_and_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    gen_cmd(&a, &["--format", "both", "--shard-size", "50"])
        .assert()
        .success()
        .stdout(contains("120 articles,").and(contains("3 shards")).and(contains("articles/s")))
        .stderr(contains("generating: 120/120"));
    for f in ["truth.jsonl", "events.jsonl", "shards/shard-00002.jsonl", "files/0000"] {
        assert!(a.join(f).exists(), "{f}");
    }
    assert_eq!(std::fs::read_to_string(a.join("truth.jsonl")).unwrap().lines().count(), 120);

    gen_cmd(&a, &[]).assert().failure().stderr(contains("already holds a generated corpus"));
    gen_cmd(&a, &["--format", "both", "--shard-size", "50", "--force"]).assert().success();
    let b = tmp.path().join("b");
    gen_cmd(&b, &["--format", "both", "--shard-size", "50"]).assert().success();
    for f in ["truth.jsonl", "events.jsonl", "shards/shard-00001.jsonl"] {
        assert_eq!(std::fs::read(a.join(f)).unwrap(), std::fs::read(b.join(f)).unwrap(), "{f}");
    }
}

#[test]
fn bad_arguments_are_one_line_errors() {
    let tmp = tempfile::tempdir().unwrap();
    gen_cmd(tmp.path(), &["--event-share", "2"]).assert().code(2).stderr(contains("--event-share"));
    Command::cargo_bin("byline-gen").unwrap().args(["--articles", "5"]).assert().failure().stderr(contains("--out"));
}
