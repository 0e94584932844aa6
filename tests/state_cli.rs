//! Reading state through the command line, as a newsboat user would use it:
//! mark read, star, tag, then find the articles again with `is:` and `tag:`
//! filters; the state survives re-indexing and a rebuilt index, two
//! bylines writing at once lose nothing, and a damaged state file is named,
//! never wiped.

use crate::common;

use common::Sandbox;
use std::collections::BTreeSet;

/// The seed numbers ("002") a search finds.
fn found(sb: &Sandbox, query: &str) -> BTreeSet<String> {
    let out = sb.cmd().args(["search", "--json", "-n", "50", "--", query]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["paths"][0].as_str().unwrap().rsplit('/').next().unwrap()[..3].to_string())
        .collect()
}

fn set(seeds: &[&str]) -> BTreeSet<String> {
    seeds.iter().map(|s| s.to_string()).collect()
}

fn indexed() -> Sandbox {
    let sb = Sandbox::new();
    let lib = sb.library_with_seeds();
    sb.cmd().arg("index").arg(&lib).assert().success();
    sb
}

#[test]
fn marks_stars_and_tags_are_found_again_by_filters() {
    let sb = indexed();
    let all = set(&["000", "001", "002", "003", "004"]);
    assert_eq!(found(&sb, "is:unread"), all, "everything starts unread");
    assert!(found(&sb, "is:read").is_empty());

    let marked = sb.json(&["mark", "002_", "004_", "--read", "--json"]);
    assert_eq!(marked.as_array().unwrap().len(), 2);
    assert!(marked.as_array().unwrap().iter().all(|m| m["read"] == true && m["starred"] == false));
    sb.json(&["star", "000_", "--json"]);
    let tagged = sb.json(&["tag", "000_", "002_", "+Ukraine", "+draft", "--json"]);
    assert_eq!(tagged[0]["tags"], serde_json::json!(["draft", "ukraine"]));
    sb.json(&["tag", "002_", "-draft", "--json"]);

    assert_eq!(found(&sb, "is:read"), set(&["002", "004"]));
    assert_eq!(found(&sb, "is:unread"), set(&["000", "001", "003"]));
    assert_eq!(found(&sb, "-is:read"), set(&["000", "001", "003"]));
    assert_eq!(sb.json(&["search", "--json", "--", "-is:read"])["hints"], serde_json::json!([]));
    assert_eq!(found(&sb, "is:starred"), set(&["000"]));
    assert_eq!(found(&sb, "tag:ukraine"), set(&["000", "002"]));
    assert_eq!(found(&sb, "tag:draft"), set(&["000"]));
    assert_eq!(found(&sb, "tag:ukraine -is:read"), set(&["000"]));
    assert_eq!(found(&sb, "-tag:ukraine is:unread"), set(&["001", "003"]));
    assert_eq!(found(&sb, "is:starred OR is:read"), set(&["000", "002", "004"]));
    // With words, dates and fields as ever.
    assert_eq!(found(&sb, "Pasechnik"), set(&["002", "004"]));
    assert_eq!(found(&sb, "Pasechnik tag:ukraine"), set(&["002"]));
    assert_eq!(found(&sb, "Pasechnik -tag:ukraine date:2022-02-21"), set(&["004"]));

    // Hits and articles say their state.
    let hits = sb.json(&["search", "is:starred", "--json"]);
    assert_eq!(hits["hits"][0]["starred"], true);
    assert_eq!(hits["hits"][0]["tags"], serde_json::json!(["draft", "ukraine"]));
    assert_eq!(hits["hits"][0]["read"], false);
    let shown = sb.json(&["show", "002_", "--json"]);
    assert_eq!((shown["read"].clone(), shown["starred"].clone()), (true.into(), false.into()));
    assert_eq!(shown["tags"], serde_json::json!(["ukraine"]));
    assert!(shown["paragraphs"].is_array(), "the article's own fields are still there");

    sb.json(&["mark", "002_", "--unread", "--json"]);
    sb.json(&["star", "000_", "--off", "--json"]);
    assert_eq!(found(&sb, "is:read"), set(&["004"]));
    assert!(found(&sb, "is:starred").is_empty());
    sb.cmd().args(["search", "is:starred"]).assert().code(1);
}

#[test]
fn state_survives_reindexing_and_a_rebuilt_index() {
    let sb = indexed();
    sb.json(&["star", "001_", "--json"]);
    sb.json(&["tag", "003_", "+kept", "--json"]);
    let lib = sb.dir.path().join("library");
    sb.cmd().arg("index").arg(&lib).assert().success();
    assert_eq!(found(&sb, "is:starred"), set(&["001"]));
    // A full rebuild: the index is gone and made again from the sources.
    let data = sb.paths().data;
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with("index-") {
            std::fs::remove_dir_all(path).unwrap();
        }
    }
    sb.cmd().arg("index").arg(&lib).assert().success();
    assert_eq!(found(&sb, "is:starred"), set(&["001"]));
    assert_eq!(found(&sb, "tag:kept"), set(&["003"]));
}

#[test]
fn two_bylines_writing_at_once_lose_nothing() {
    let sb = indexed();
    let ids: Vec<String> = sb.json(&["search", "is:unread", "--json"])["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    let children: Vec<std::process::Child> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("byline"));
            cmd.env("BYLINE_HOME", sb.home()).stdout(std::process::Stdio::null());
            if i % 2 == 0 {
                cmd.args(["star", id])
            } else {
                cmd.args(["tag", id, "+both"])
            };
            cmd.spawn().unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(found(&sb, "is:starred").len(), 3);
    assert_eq!(found(&sb, "tag:both").len(), 2);
}

#[test]
fn a_damaged_state_file_is_named_and_kept() {
    let sb = indexed();
    let file = sb.paths().data.join("reading-state.json");
    std::fs::write(&file, "{ this is not json").unwrap();
    let out = sb.cmd().args(["star", "000_"]).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("reading-state.json") && err.contains("left as it is"), "{err}");
    // Searching goes on, without the state, and says why.
    let v = sb.json(&["search", "putin", "--json"]);
    assert!(v["total"].as_u64().unwrap() > 0);
    assert!(v["hints"][0].as_str().unwrap().contains("reading-state.json"), "{v}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{ this is not json");
}

#[test]
fn bad_tags_and_unknown_filters_are_explained() {
    let sb = indexed();
    let out = sb.cmd().args(["tag", "000_", "+no;way"]).assert().code(2).get_output().stderr.clone();
    assert!(String::from_utf8_lossy(&out).contains("cannot contain ';'"));
    let out = sb.cmd().args(["tag", "000_"]).assert().code(2).get_output().stderr.clone();
    assert!(String::from_utf8_lossy(&out).contains("+name"));
    let v = sb.json(&["search", "is:purple putin", "--json"]);
    assert!(v["hints"][0].as_str().unwrap().contains("is:purple"), "{v}");
}

#[test]
fn events_json_says_who_covered_each_event_and_when() {
    let sb = indexed();
    let events = sb.json(&["events", "--json"]);
    let first = &events[0];
    let coverage = &first["coverage"];
    let days = coverage["days"].as_array().unwrap();
    assert!(!days.is_empty());
    let counted: u64 = coverage["outlets"].as_array().unwrap().iter().map(|o| o["total"].as_u64().unwrap()).sum();
    assert_eq!(counted as usize, first["articles"].as_array().unwrap().len());
}
