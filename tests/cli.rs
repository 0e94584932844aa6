//! The command line end to end, on a temporary BYLINE_HOME: what a user or a
//! script sees, exit codes included.

use crate::common::{self, json};

use common::{SEEDS, Sandbox, seed_numbers};
use predicates::prelude::*;
use std::path::PathBuf;

fn hit_seeds(v: &serde_json::Value) -> Vec<String> {
    let mut s: Vec<String> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|h| {
            let paths: Vec<PathBuf> =
                h["paths"].as_array().unwrap().iter().map(|p| PathBuf::from(p.as_str().unwrap())).collect();
            seed_numbers(&paths)
        })
        .collect();
    s.sort();
    s
}

#[test]
fn the_issue_acceptance_commands() {
    let sb = Sandbox::new();
    sb.cmd().args(["index", SEEDS]).assert().success().stdout(predicate::str::contains("5 new"));
    let out = sb.cmd().args(["search", "Pasechnik", "--json"]).assert().success().get_output().stdout.clone();
    let v = json(&out);
    assert_eq!(hit_seeds(&v), ["002", "004"]);
    assert_eq!(v["total"], 2);
    let out = sb.cmd().args(["search", "outlet:bloomberg", "--json"]).assert().success().get_output().stdout.clone();
    assert_eq!(hit_seeds(&json(&out)), ["000"]);
    let out =
        sb.cmd().args(["search", "\"state of emergency\"", "--json"]).assert().success().get_output().stdout.clone();
    assert_eq!(hit_seeds(&json(&out)), ["000", "001"]);

    // show by id prefix prints the cleaned article.
    let id = json(&out)["hits"][0]["id"].as_str().unwrap().to_string();
    sb.cmd()
        .args(["show", &id[..6]])
        .assert()
        .success()
        .stdout(predicate::str::contains("state of emergency"))
        .stdout(predicate::str::contains("Most Read from").not())
        .stdout(predicate::str::contains("Story continues").not());

    // Indexing again: everything unchanged.
    sb.cmd()
        .args(["index", SEEDS])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 read, 5 unchanged"))
        .stdout(predicate::str::contains("0 new, 0 updated, 0 removed"));
}

#[test]
fn the_demo_library_needs_no_setup() {
    let sb = Sandbox::new();
    sb.cmd()
        .args(["search", "Pasechnik"])
        .current_dir(std::env::temp_dir())
        .assert()
        .success()
        .stdout(predicate::str::contains("2 articles match"));
    sb.cmd()
        .arg("stats")
        .assert()
        .success()
        .stdout(predicate::str::contains("5 articles"))
        .stdout(predicate::str::contains("demo library"));
}

#[test]
fn show_json_is_the_article_struct() {
    let sb = Sandbox::new();
    let out = sb.cmd().args(["show", "004_", "--json"]).assert().success().get_output().stdout.clone();
    let v = json(&out);
    assert_eq!(v["title"], "Putin Says Considering Ukraine Separatists' Independence Request");
    assert_eq!(v["title_derived"], false);
    assert_eq!(v["outlet"], "The Moscow Times");
    assert_eq!(v["byline"], "AFP");
    assert_eq!(v["date"], "2022-02-21");
    assert!(v["url"].as_str().unwrap().starts_with("https://www.themoscowtimes.com/"));
    assert!(v["paragraphs"].as_array().unwrap().len() > 10);
    assert_eq!(v["id"].as_str().unwrap().len(), 16);
}

#[test]
fn exit_codes_and_one_line_errors() {
    let sb = Sandbox::new();
    sb.cmd().args(["search", "zzzyzzx"]).assert().code(1).stdout(predicate::str::contains("0 articles match"));
    let err = sb.cmd().args(["show", "ffffffffff"]).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(err).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no article with an id or file name starting with \"ffffffffff\""), "{err}");
    let err = sb.cmd().args(["index", "/no/such/folder"]).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(err).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/no/such/folder"), "{err}");
    sb.cmd().args(["search", "x", "--sort", "sideways"]).assert().code(2);
    sb.cmd().args(["frobnicate"]).assert().code(2);
}

#[test]
fn any_limit_is_safe() {
    let sb = Sandbox::new();
    sb.cmd()
        .args(["search", "Pasechnik", "--limit", &usize::MAX.to_string()])
        .assert()
        .success()
        .stdout(predicate::str::contains("2 articles match; 2 shown"));
    sb.cmd()
        .args(["search", "Pasechnik", "--limit", "0"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2 articles match; 0 shown"));
}

#[test]
fn stats_json() {
    let sb = Sandbox::new();
    sb.cmd().args(["index", SEEDS]).assert().success();
    let out = sb.cmd().args(["stats", "--json"]).assert().success().get_output().stdout.clone();
    let v = json(&out);
    assert_eq!(v["articles"], 5);
    assert_eq!(v["first_date"], "2022-02-21");
    assert_eq!(v["last_date"], "2022-02-24");
    assert_eq!(v["undated"], 2);
    assert_eq!(v["demo"], false);
    let outlets: Vec<(Option<String>, u64)> = v["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["outlet"].as_str().map(str::to_string), o["articles"].as_u64().unwrap()))
        .collect();
    assert_eq!(outlets, vec![(None, 3), (Some("Bloomberg".into()), 1), (Some("The Moscow Times".into()), 1)]);
}

#[test]
fn index_reports_skips_on_stderr_and_goes_on() {
    let sb = Sandbox::new();
    let lib = sb.library_with_seeds();
    common::write(&lib.join("bad.json"), "{");
    common::write(&lib.join("nul.txt"), b"a\0b");
    let assert = sb.cmd().args(["index", lib.to_str().unwrap(), "--json"]).assert().success();
    let out = assert.get_output();
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(stderr.contains("skipped") && stderr.contains("bad.json: bad JSON"), "{stderr}");
    assert!(stderr.contains("nul.txt: binary file"), "{stderr}");
    let v = json(&out.stdout);
    assert_eq!(v["articles_total"], 5);
    assert_eq!(v["skipped"].as_array().unwrap().len(), 2);
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let sb = Sandbox::new();
    let lib = sb.dir.path().join("hostile");
    common::write(
        &lib.join("evil.txt"),
        "Evil \u{1b}]0;pwned\u{7}title\n\nBody with \u{1b}[2J a clear-screen and \u{202e}reversed text and a bell\u{7}.",
    );
    sb.cmd().args(["index", lib.to_str().unwrap()]).assert().success();
    for args in [vec!["show", "evil"], vec!["search", "clear"]] {
        let out = sb.cmd().args(&args).assert().success().get_output().stdout.clone();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.chars().any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}'), "{args:?}: {text:?}");
        assert!(text.contains("reversed text"));
    }
}

#[test]
fn help_explains_each_command_with_an_example() {
    let sb = Sandbox::new();
    for cmd in ["index", "search", "show"] {
        sb.cmd().args([cmd, "--help"]).assert().success().stdout(predicate::str::contains("Example"));
    }
}
