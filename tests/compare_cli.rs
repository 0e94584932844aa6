//! `byline compare` end to end on the demo library: the JSON shape scripts
//! rely on, and the two acceptance pairs of the corpus README.

use crate::common;

use common::Sandbox;
use serde_json::Value;

fn compare(sb: &Sandbox, a: &str, b: &str) -> Value {
    let out = sb.cmd().args(["compare", a, b, "--json"]).assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

fn rows<'a>(v: &'a Value, kind: &str) -> Vec<&'a Value> {
    v["rows"].as_array().unwrap().iter().filter(|r| r["kind"] == kind).collect()
}

#[test]
fn json_has_the_promised_shape() {
    let sb = Sandbox::new();
    let v = compare(&sb, "002_", "004_");
    for key in ["left", "right", "similarity", "shared", "rows", "quotes", "numbers", "names"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    for side in ["left", "right"] {
        for key in ["id", "title", "outlet", "date"] {
            assert!(v[side].get(key).is_some(), "missing {side}.{key}");
        }
    }
    let sim = v["similarity"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&sim));
    for share in ["left", "right"] {
        assert!((0.0..=1.0).contains(&v["shared"][share].as_f64().unwrap()));
    }
    for row in v["rows"].as_array().unwrap() {
        let kind = row["kind"].as_str().unwrap();
        assert!(["same", "changed", "left_only", "right_only"].contains(&kind));
        assert_eq!(row["left"].is_null(), kind == "right_only");
        assert_eq!(row["right"].is_null(), kind == "left_only");
        assert!((0.0..=1.0).contains(&row["score"].as_f64().unwrap()));
        for d in row["diff"].as_array().unwrap() {
            assert!(["equal", "delete", "insert"].contains(&d["op"].as_str().unwrap()));
        }
    }
    for group in ["quotes", "numbers", "names"] {
        for part in ["both", "left_only", "right_only"] {
            assert!(v[group][part].is_array(), "{group}.{part}");
        }
    }
    assert_eq!(v["first_published"], "same");
}

#[test]
fn wire_copy_pair_aligns_the_quote_as_same_and_pushilin_as_changed() {
    let sb = Sandbox::new();
    let v = compare(&sb, "002_", "004_");
    assert!(
        rows(&v, "same")
            .iter()
            .any(|r| r["left"].as_str().unwrap().contains("separatist Leonid Pasechnik said in a video aired")),
        "the Pasechnik quote and sentence are the same on both sides"
    );
    let pushilin = rows(&v, "changed")
        .into_iter()
        .find(|r| r["left"].as_str().unwrap().starts_with("Denis Pushilin, the rebel head of the DNR"))
        .expect("Pushilin sentence aligned as changed");
    let ops: Vec<(String, String)> = pushilin["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["op"] != "equal")
        .map(|d| (d["op"].as_str().unwrap().to_string(), d["text"].as_str().unwrap().trim().to_string()))
        .collect();
    assert_eq!(ops, vec![("delete".into(), "DNR".into()), ("insert".into(), "Donetsk People's Republic".into())]);
}

#[test]
fn spun_copy_aligns_the_same_facts_in_other_words_as_changed() {
    let sb = Sandbox::new();
    let v = compare(&sb, "000_", "001_");
    let changed = rows(&v, "changed");
    let pair = |left: &str, right: &str| {
        changed
            .iter()
            .any(|r| r["left"].as_str().unwrap().contains(left) && r["right"].as_str().unwrap().contains(right))
    };
    assert!(pair("dated Feb. 22", "dated February 22"), "the letters");
    assert!(pair("Nord Stream 2", "Nord Stream 2"), "the sanctions");
    assert!(
        pair("appealed to Russian President Vladimir Putin for help", "requested Moscow for navy assist"),
        "the ledes"
    );
    assert!(pair("renounce its ambition of joining the North Atlantic Treaty Organization", "NATO"), "NATO");
    for row in &changed {
        let confidence = row["confidence"].as_str().unwrap();
        assert!(confidence == "strong" || confidence == "weak", "{row}");
        let evidence = &row["evidence"];
        let said = ["names", "figures", "words", "meaning"].iter().any(|k| !evidence[k].as_array().unwrap().is_empty());
        assert!(said, "a changed row says why: {row}");
    }
    let left_only = rows(&v, "left_only");
    assert!(
        left_only.iter().any(|r| r["left"].as_str().unwrap().starts_with("Stocks fell across Asia")),
        "no counterpart"
    );
}

#[test]
fn text_and_markdown_reports() {
    let sb = Sandbox::new();
    sb.cmd()
        .args(["compare", "002_", "004_"])
        .assert()
        .success()
        .stdout(predicates::str::contains("Similarity:"))
        .stdout(predicates::str::contains("of the right article appears in the left one"));
    sb.cmd()
        .args(["compare", "002_", "004_", "--format", "md"])
        .assert()
        .success()
        .stdout(predicates::str::contains("| Outlet |"));
    sb.cmd().args(["compare", "002_", "nope"]).assert().code(2);
}
