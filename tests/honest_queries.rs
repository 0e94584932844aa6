//! A script that asks a question never gets the whole library back as the
//! answer (issue 21): `byline search` on the demo library, each case with
//! its exit status and the line it prints.

use crate::common;

use common::{SEEDS, Sandbox};

struct Asked {
    code: i32,
    stdout: String,
    stderr: String,
}

fn search(sb: &Sandbox, args: &[&str]) -> Asked {
    let out = sb.cmd().arg("search").args(args).output().unwrap();
    Asked {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn indexed() -> Sandbox {
    let sb = Sandbox::new();
    sb.cmd().args(["index", SEEDS]).assert().success();
    sb
}

#[test]
fn a_filter_that_cannot_be_used_is_an_error_that_names_it() {
    let sb = indexed();
    for (query, named) in [("date:2022-13-45", "date:2022-13-45"), ("date:yesterday", "date:yesterday")] {
        for json in [false, true] {
            let args: Vec<&str> = if json { vec![query, "--json"] } else { vec![query] };
            let a = search(&sb, &args);
            assert_eq!(a.code, 2, "{query}: {}", a.stdout);
            assert_eq!(a.stdout, "", "nothing printed as if it were the answer");
            assert_eq!(a.stderr.lines().count(), 1, "{}", a.stderr);
            assert!(a.stderr.starts_with(&format!("byline: cannot use {named}: not a date")), "{}", a.stderr);
        }
    }
    // What is left only excludes: still refused.
    let a = search(&sb, &["is:purple -Bloomberg"]);
    assert_eq!(a.code, 2);
    assert!(a.stderr.contains("cannot use is:purple") && a.stderr.contains("only excludes"), "{}", a.stderr);
}

#[test]
fn a_filter_dropped_beside_a_query_that_stands_is_named_in_the_note() {
    let sb = indexed();
    let a = search(&sb, &["date:yesterday Pasechnik"]);
    assert_eq!(a.code, 0);
    assert!(a.stdout.starts_with("note: ignored date:yesterday: not a date"), "{}", a.stdout);
    assert!(a.stdout.contains("2 articles match"), "only what the rest asks for:\n{}", a.stdout);
    let out = sb.cmd().args(["search", "date:yesterday Pasechnik", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 2);
    assert!(v["hints"][0].as_str().unwrap().starts_with("ignored date:yesterday"), "{v}");
}

#[test]
fn a_query_with_nothing_usable_is_an_error() {
    let sb = indexed();
    for (query, why) in [
        ("OR", "nothing to search for in \"OR\" (OR, AND and NOT only join words)"),
        ("AND OR", "nothing to search for in \"AND OR\""),
        ("*", "nothing to search for in \"*\" (*: no letters or digits to search for)"),
    ] {
        let a = search(&sb, &[query]);
        assert_eq!((a.code, a.stdout.as_str()), (2, ""), "{query}");
        assert!(a.stderr.starts_with(&format!("byline: {why}")), "{query}: {}", a.stderr);
    }
    // An empty query asks for everything, in so many words.
    let a = search(&sb, &[""]);
    assert_eq!(a.code, 0);
    assert!(a.stdout.contains("5 articles match"), "{}", a.stdout);
}

#[test]
fn a_reversed_range_is_read_as_meant_and_says_so() {
    let sb = indexed();
    let a = search(&sb, &["date:2022-02-23..2022-02-20"]);
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert!(
        a.stdout.starts_with(
            "note: read date:2022-02-23..2022-02-20 as date:2022-02-20..2022-02-23, the earlier date first"
        ),
        "{}",
        a.stdout
    );
    let right_way = search(&sb, &["date:2022-02-20..2022-02-23"]);
    let count = |s: &str| s.lines().last().unwrap_or("").to_string();
    assert_eq!(count(&a.stdout), count(&right_way.stdout), "the same articles as the range the right way round");
    assert!(count(&a.stdout).starts_with("2 articles match"), "{}", a.stdout);
}

#[test]
fn a_word_ending_in_a_star_is_a_prefix_and_prefix_makes_the_last_word_one() {
    let sb = indexed();
    assert_eq!(search(&sb, &["pasech"]).code, 1, "a whole word on the command line");
    let star = search(&sb, &["pasech*"]);
    assert_eq!(star.code, 0);
    assert!(star.stdout.contains("2 articles match"), "{}", star.stdout);
    let prefix = search(&sb, &["pasech", "--prefix"]);
    assert!(prefix.stdout.contains("2 articles match"), "as typing it in the app finds:\n{}", prefix.stdout);
}
