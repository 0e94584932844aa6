//! Event grouping and counterpart ranking on the five demo articles, through
//! the command line, as a journalist would ask: which articles report the
//! same event, and which account is this one's counterpart?

use crate::common;

use common::{SEEDS, Sandbox};
use std::path::PathBuf;

/// Seed number of an article id, via `show --json`.
fn seed_of(sb: &Sandbox, id: &str) -> String {
    let a = sb.json(&["show", id, "--json"]);
    let path = PathBuf::from(a["paths"][0].as_str().unwrap());
    path.file_name().unwrap().to_string_lossy()[..3].to_string()
}

fn indexed() -> Sandbox {
    let sb = Sandbox::new();
    sb.cmd().args(["index", SEEDS]).assert().success();
    sb
}

#[test]
fn each_account_ranks_its_counterpart_first() {
    let sb = indexed();
    for (subject, counterpart) in [("002", "004"), ("004", "002"), ("000", "001"), ("001", "000")] {
        let related = sb.json(&["related", &format!("{subject}_"), "--json"]);
        let first = related[0]["id"].as_str().unwrap();
        assert_eq!(seed_of(&sb, first), counterpart, "{subject}'s first counterpart");
        let scores: Vec<f64> = related.as_array().unwrap().iter().map(|r| r["score"].as_f64().unwrap()).collect();
        assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)), "{scores:?}");
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
        assert!(related[0]["same_event"].as_bool().unwrap(), "{subject} and {counterpart} report the same event");
    }
}

#[test]
fn related_says_why() {
    let sb = indexed();
    let related = sb.json(&["related", "002_", "--limit", "1", "--json"]);
    assert_eq!(related.as_array().unwrap().len(), 1);
    let reasons = &related[0]["reasons"];
    let names: Vec<&str> = reasons["names"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    // Whole names, not their words one by one.
    assert!(names.contains(&"Leonid Pasechnik"), "{names:?}");
    assert!(!names.contains(&"Leonid") && !names.contains(&"Pasechnik"), "{names:?}");
    let quotes = reasons["quotes"].as_array().unwrap();
    assert!(quotes.iter().any(|q| q.as_str().unwrap().contains("sovereignty and independence")), "{quotes:?}");
    let passages = reasons["passages"].as_array().unwrap();
    assert!(
        passages
            .iter()
            .any(|p| p.as_str().unwrap().contains("Pasechnik said in a video aired on Russian state television")),
        "{passages:?}"
    );
    // And for people:
    sb.cmd()
        .args(["related", "002_", "--limit", "1"])
        .assert()
        .success()
        .stdout(predicates::str::contains("same event"));
}

#[test]
fn events_group_the_same_event_and_leave_the_other_alone() {
    let sb = indexed();
    let events = sb.json(&["events", "--json"]);
    let mut groups: Vec<Vec<String>> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut g: Vec<String> =
                e["articles"].as_array().unwrap().iter().map(|a| seed_of(&sb, a["id"].as_str().unwrap())).collect();
            g.sort();
            g
        })
        .collect();
    groups.sort();
    assert_eq!(groups, vec![vec!["000", "001"], vec!["002", "004"]], "003 reports a different event");
    let e = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["articles"].as_array().unwrap().len() == 2 && e["first_date"] == "2022-02-21")
        .unwrap();
    assert_eq!(e["outlets"], serde_json::json!(["The Moscow Times"]));
    assert_eq!(e["last_date"], "2022-02-21");
    assert!(!e["label"].as_str().unwrap().is_empty());
}

#[test]
fn events_are_kept_and_updated_when_the_library_changes() {
    let sb = Sandbox::new();
    let lib = sb.library_with_seeds();
    sb.cmd().args(["index", lib.to_str().unwrap()]).assert().success();
    assert!(sb.home().join("data/events.json").exists(), "groups are kept in the data dir");
    assert_eq!(sb.json(&["events", "--json"]).as_array().unwrap().len(), 2);
    // 004 goes: its event has one article left, so it is no longer an event.
    let f = std::fs::read_dir(&lib)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("004_"))
        .unwrap();
    std::fs::remove_file(f).unwrap();
    sb.cmd().args(["index", lib.to_str().unwrap()]).assert().success();
    let events = sb.json(&["events", "--json"]);
    assert_eq!(events.as_array().unwrap().len(), 1);
}

#[test]
fn events_follow_a_changed_outlet_and_date() {
    let sb = Sandbox::new();
    let lib = sb.library_with_seeds();
    sb.cmd().args(["index", lib.to_str().unwrap()]).assert().success();
    let event_of_000 = |sb: &Sandbox| -> serde_json::Value {
        let events = sb.json(&["events", "--json"]);
        let has_000 = |e: &&serde_json::Value| {
            e["articles"].as_array().unwrap().iter().any(|a| seed_of(sb, a["id"].as_str().unwrap()) == "000")
        };
        events.as_array().unwrap().iter().find(has_000).expect("000 and 001 report one event").clone()
    };
    assert_eq!(event_of_000(&sb)["outlets"], serde_json::json!(["Bloomberg"]));
    // The grouping keeps what it read of each article: what the library's
    // metadata now says must still reach the listing.
    let sources = "[[source]]\nfiles = \"000_*.txt\"\noutlet = \"Wire Desk\"\ndate = 2023-06-01\n";
    std::fs::write(lib.join("sources.toml"), sources).unwrap();
    sb.cmd().args(["index", lib.to_str().unwrap()]).assert().success();
    let e = event_of_000(&sb);
    assert_eq!(e["outlets"], serde_json::json!(["Wire Desk"]));
    assert_eq!(e["first_date"], "2023-06-01");
}

/// A file touched (its time changed, not its text) moves the index to a new
/// commit but changes no article: the events are carried over to that
/// commit, not grouped again; a changed text is grouped again.
#[test]
fn a_touched_file_carries_the_events_over_and_a_changed_one_regroups() {
    use std::time::{Duration, SystemTime};
    let sb = Sandbox::new();
    let lib = sb.library_with_seeds();
    let index = |sb: &Sandbox| {
        let out = sb.cmd().args(["index", lib.to_str().unwrap()]).assert().success().get_output().stdout.clone();
        String::from_utf8(out).unwrap()
    };
    index(&sb);
    let events = sb.json(&["events", "--json"]);
    let paths = sb.paths();
    let stamp = || byline::index::Catalog::open(&paths).unwrap().commit_stamp().unwrap();
    let stored_for = || byline::events::EventStore::load(&paths).expect("events stored").commit;
    let grouping = sb.home().join("data/grouping.bin");
    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    let mark = || std::fs::File::options().write(true).open(&grouping).unwrap().set_modified(long_ago).unwrap();
    let rewritten = || std::fs::metadata(&grouping).unwrap().modified().unwrap() != long_ago;
    let seed =
        std::fs::read_dir(&lib).unwrap().map(|e| e.unwrap().path()).find(|p| p.to_string_lossy().contains("002_"));
    let seed = seed.unwrap();

    let commit = stamp();
    mark();
    std::fs::File::options().write(true).open(&seed).unwrap().set_modified(SystemTime::now()).unwrap();
    assert!(index(&sb).contains("0 new, 0 updated, 0 removed"));
    assert_ne!(stamp(), commit, "the file's new record is a new commit");
    assert_eq!(stored_for(), stamp(), "the stored events are the new commit's");
    assert!(!rewritten(), "and were not grouped again");
    assert_eq!(sb.json(&["events", "--json"]), events);

    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(&seed, format!("{text}\n\nA paragraph added by the test.\n")).unwrap();
    assert!(index(&sb).contains("1 new, 0 updated, 1 removed"), "the article's text, so its id, changed");
    assert_eq!(stored_for(), stamp());
    assert!(rewritten(), "a changed article is grouped again");
}
