//! `byline library` end to end on a temporary home (issue 21): the folders
//! with their articles, a folder that vanished (said once, its articles
//! kept until removed), `byline library remove`, and `byline index` with no
//! path reading every folder again.

use crate::common;

use common::{SEEDS, Sandbox};
use std::path::{Path, PathBuf};

fn run(sb: &Sandbox, args: &[&str]) -> (i32, String, String) {
    let out = sb.cmd().args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap(), text(&out.stdout), text(&out.stderr))
}

/// Two folders: `a` with seeds 000-002, `b` with seeds 003-004.
fn two_folders(sb: &Sandbox) -> (PathBuf, PathBuf) {
    let (a, b) = (sb.dir.path().join("a"), sb.dir.path().join("b"));
    for entry in std::fs::read_dir(SEEDS).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        let into = if name.as_str() < "003" { &a } else { &b };
        std::fs::create_dir_all(into).unwrap();
        std::fs::copy(entry.path(), into.join(&name)).unwrap();
    }
    (std::fs::canonicalize(a).unwrap(), std::fs::canonicalize(b).unwrap())
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn folders(sb: &Sandbox) -> serde_json::Value {
    let (code, out, err) = run(sb, &["library", "--json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn the_demo_is_listed_as_such() {
    let sb = Sandbox::new();
    let (code, out, _) = run(&sb, &["library"]);
    assert_eq!(code, 0);
    assert!(out.contains("5 articles") && out.contains("the bundled demo articles"), "{out}");
    assert_eq!(folders(&sb)[0]["kind"], "demo");
}

#[test]
fn a_vanished_folder_is_said_once_kept_until_removed_and_removed_in_one_go() {
    let sb = Sandbox::new();
    let (a, b) = two_folders(&sb);
    sb.cmd().args(["index", s(&a), s(&b)]).assert().success();
    let listed = folders(&sb);
    assert_eq!(listed[0]["path"], s(&a));
    assert_eq!((listed[0]["articles"].as_u64(), listed[1]["articles"].as_u64()), (Some(3), Some(2)));
    assert_eq!(listed[1]["state"], "present");

    // A new file in a, b deleted: `byline index` with no path reads every folder.
    std::fs::write(a.join("new.txt"), "Harbour\n\nThe stevedores ended their quayside walkout on Monday.\n").unwrap();
    std::fs::remove_dir_all(&b).unwrap();
    let (code, out, err) = run(&sb, &["index"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 new"), "the new file in a was read:\n{out}");
    let said = format!("{} is gone: its 2 articles are kept; `byline library remove {}` drops them", s(&b), s(&b));
    assert!(err.contains(&said), "{err}");
    assert!(!err.contains("unreadable"), "{err}");
    let (_, _, again) = run(&sb, &["index"]);
    assert!(!again.contains("is gone"), "said once, not on every run:\n{again}");
    let (_, list, _) = run(&sb, &["library"]);
    assert!(list.contains(&format!("{}  (gone: its articles are kept; `byline library remove", s(&b))), "{list}");
    assert_eq!(run(&sb, &["show", "004_"]).0, 0, "its articles still answer until removed");

    // Removed by the path it was added as, though it no longer exists.
    let (code, out, err) = run(&sb, &["library", "remove", s(&b)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!("removed {}: 2 articles from 2 files; 4 articles in the library", s(&b))),
        "{out}"
    );
    assert_eq!(run(&sb, &["show", "004_"]).0, 2, "its articles are gone from the index");
    assert_eq!(run(&sb, &["show", "002_"]).0, 0, "the other folder's stay");
    let listed = folders(&sb);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["articles"], 4);
    let events: serde_json::Value = serde_json::from_str(&run(&sb, &["events", "--json"]).1).unwrap();
    let ids: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["articles"].as_array().unwrap())
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    let (_, kept, _) = run(&sb, &["search", "", "--json", "--limit", "100"]);
    let kept: serde_json::Value = serde_json::from_str(&kept).unwrap();
    let kept: Vec<&str> = kept["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert!(ids.iter().all(|id| kept.contains(id)), "the events name no removed article: {ids:?}");

    // Comes back and goes again: said again.
    std::fs::create_dir_all(sb.dir.path().join("c")).unwrap();
    let c = std::fs::canonicalize(sb.dir.path().join("c")).unwrap();
    std::fs::write(c.join("x.txt"), "Title\n\nA paragraph about lighthouses and keepers.\n").unwrap();
    sb.cmd().args(["index", s(&c)]).assert().success();
    std::fs::remove_dir_all(&c).unwrap();
    assert!(run(&sb, &["index"]).2.contains("is gone"));
    std::fs::create_dir_all(&c).unwrap();
    assert!(!run(&sb, &["index"]).2.contains("is gone"));
    std::fs::remove_dir_all(&c).unwrap();
    assert!(run(&sb, &["index"]).2.contains("is gone"), "gone again: said again");
}

#[test]
fn removing_what_is_not_a_folder_of_the_library_says_what_it_is() {
    let sb = Sandbox::new();
    let (a, _) = two_folders(&sb);
    sb.cmd().args(["index", s(&a)]).assert().success();
    let (code, out, err) = run(&sb, &["library", "remove", s(&a.join("000_x.txt"))]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("is inside the library folder"), "{err}");
    let (code, _, err) = run(&sb, &["library", "remove", "/no/such/place"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim(), "byline: /no/such/place is not a folder of the library (`byline library` lists them)");
    assert_eq!(folders(&sb)[0]["articles"], 3, "nothing was removed");
    // The last folder out: the demo comes back, and that is said.
    let (code, out, err) = run(&sb, &["library", "remove", s(&a)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("no folder of yours is left: byline shows its demo articles"), "{out}");
    assert_eq!(folders(&sb)[0]["kind"], "demo");
    assert!(run(&sb, &["search", ""]).1.contains("5 articles match"), "the demo's five");
}

#[test]
fn mark_says_it_needs_read_or_unread() {
    let sb = Sandbox::new();
    let (code, _, err) = run(&sb, &["mark", "000_"]);
    assert_eq!(code, 2);
    assert!(err.contains("<--read|--unread>"), "{err}");
    let (_, help, _) = run(&sb, &["mark", "--help"]);
    assert!(help.contains("--read") && help.contains("Mark them read") && help.contains("Mark them unread"), "{help}");
}
