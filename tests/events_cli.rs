//! `byline events QUERY --limit N --json` and `byline events --of ID` on the
//! seed articles in a temporary home: the query keeps the events whose
//! headlines and outlets hold its words (the rule of `/` in the app), the
//! limit cuts, and `--of` prints one article's event, or says it is in
//! none and lists its nearest counterparts, with the CLI's exit statuses.

use crate::common::{SEEDS, Sandbox};

fn indexed() -> Sandbox {
    let sb = Sandbox::new();
    sb.cmd().args(["index", SEEDS]).assert().success();
    sb
}

fn run(sb: &Sandbox, args: &[&str]) -> (i32, String, String) {
    let out = sb.cmd().args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap(), text(&out.stdout), text(&out.stderr))
}

/// The outlets of each event listed.
fn outlets(events: &serde_json::Value) -> Vec<Vec<String>> {
    let each = |e: &serde_json::Value| e["outlets"].as_array().unwrap().iter().map(|o| o.to_string()).collect();
    events.as_array().unwrap().iter().map(each).collect()
}

#[test]
fn a_query_keeps_the_events_whose_headlines_and_outlets_hold_its_words() {
    let sb = indexed();
    let all = sb.json(&["events", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 2, "the seeds make two events");
    // An outlet's name, a word's start, letter case aside.
    let bloomberg = sb.json(&["events", "BLOOM", "--json"]);
    assert_eq!(bloomberg.as_array().unwrap().len(), 1, "{bloomberg:#}");
    assert!(outlets(&bloomberg)[0].iter().any(|o| o.contains("Bloomberg")), "{bloomberg:#}");
    assert!(bloomberg[0]["coverage"]["days"].is_array(), "each event printed with its coverage, as without a query");
    // Words of a headline: every word must match, in one event.
    let moscow = sb.json(&["events", "moscow", "times", "--json"]);
    assert_eq!(moscow.as_array().unwrap().len(), 1);
    assert_eq!(moscow[0]["outlets"], serde_json::json!(["The Moscow Times"]));
    let (code, out, err) = run(&sb, &["events", "bloomberg", "moscow", "times"]);
    assert_eq!((code, out.as_str()), (1, ""), "no event has all three: nothing found, as `search` says it");
    assert!(err.contains("no event has all of"), "{err}");
}

#[test]
fn the_limit_cuts_the_list_after_the_query() {
    let sb = indexed();
    let ukraine = sb.json(&["events", "ukraine", "--json"]);
    assert_eq!(ukraine.as_array().unwrap().len(), 2, "both events are about Ukraine");
    let one = sb.json(&["events", "ukraine", "--limit", "1", "--json"]);
    assert_eq!(one.as_array().unwrap().len(), 1);
    assert_eq!(one[0]["id"], ukraine[0]["id"], "the first of the same order");
    let (code, out, _) = run(&sb, &["events", "-n", "1"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().filter(|l| l.contains(" articles · ")).count(), 1, "{out}");
}

#[test]
fn of_prints_the_event_of_one_article_with_it_marked() {
    let sb = indexed();
    let of = sb.json(&["events", "--of", "002_", "--json"]);
    let id = of["article"]["id"].as_str().unwrap().to_string();
    let members: Vec<&str> =
        of["event"]["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(members.len(), 2);
    assert!(members.contains(&id.as_str()), "its own event: {of:#}");
    assert_eq!(of["nearest"], serde_json::json!([]), "no counterparts asked for when it has an event");
    assert!(of["event"]["coverage"].is_object());
    let (code, out, _) = run(&sb, &["events", "--of", &id[..8]]);
    assert_eq!(code, 0);
    let marked: Vec<&str> = out.lines().filter(|l| l.starts_with('>')).collect();
    assert_eq!(marked.len(), 1, "{out}");
    assert!(marked[0].contains(&id[..8]), "the article's own line is marked: {out}");
}

#[test]
fn related_calls_same_event_only_what_grouping_put_in_the_articles_event() {
    // 002's own event is 002 and 004; 000 and 001 score high against it
    // (the same story a day before) but are another event.
    let sb = indexed();
    let of = sb.json(&["events", "--of", "002_", "--json"]);
    let own: Vec<&str> =
        of["event"]["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    let related = sb.json(&["related", "002_", "--json"]);
    let listed = related.as_array().unwrap();
    assert!(listed.len() >= 3, "{related:#}");
    for r in listed {
        let id = r["id"].as_str().unwrap();
        assert_eq!(r["same_event"], own.contains(&id), "{id}: {related:#}");
    }
    assert_eq!(listed.iter().filter(|r| r["same_event"] == true).count(), 1, "only 004: {related:#}");
}

#[test]
fn of_an_article_in_no_event_says_so_and_lists_its_nearest() {
    let sb = indexed();
    let (code, out, err) = run(&sb, &["events", "--of", "003_", "--json"]);
    assert_eq!(code, 1, "in no event is nothing found: {err}");
    let of: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(of["event"].is_null(), "{of:#}");
    let nearest = of["nearest"].as_array().unwrap();
    assert!(!nearest.is_empty() && nearest.len() <= 5, "{of:#}");
    assert!(nearest.iter().all(|r| r["same_event"] == false && r["score"].is_number()));
    let (code, out, _) = run(&sb, &["events", "--of", "003_", "--limit", "2"]);
    assert_eq!(code, 1);
    assert!(out.contains("is in no event") && out.contains("nearest"), "{out}");
    assert_eq!(out.lines().filter(|l| l.starts_with("  0.")).count(), 2.min(nearest.len()), "{out}");
}

#[test]
fn unknown_and_ambiguous_ids_and_a_query_with_of_are_errors() {
    let sb = indexed();
    let (code, _, err) = run(&sb, &["events", "--of", "ffffffffff"]);
    assert_eq!(code, 2);
    assert!(err.contains("no article with an id or file name starting with"), "{err}");
    let (code, _, err) = run(&sb, &["events", "--of", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("is ambiguous"), "{err}");
    let (code, _, err) = run(&sb, &["events", "ukraine", "--of", "002_"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot be used with"), "{err}");
}
