//! Pages that byline once read wrong, one cause each, written for these
//! tests (`tests/fixtures/html_causes/`): indexed through the command line
//! and read back with `show --json`, as a user would see them.
//!
//! The causes were found on real news pages (issue 19): a story wrapped in
//! an element named for the ads beside it, a `<body>` whose class names the
//! sidebar, subheadings inside the story, a brief of two paragraphs, a page
//! in Japanese, text inside a `paywall` element, a placeholder date in the
//! structured data, a UTC timestamp on a page that states its offset.

use crate::common;

use common::Sandbox;
use serde_json::Value;
use std::sync::OnceLock;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html_causes");

/// One sandbox for all the tests: the fixtures, indexed once.
fn indexed() -> &'static (Sandbox, Value) {
    static INDEXED: OnceLock<(Sandbox, Value)> = OnceLock::new();
    INDEXED.get_or_init(|| {
        let sb = Sandbox::new();
        let out = sb.cmd().args(["index", FIXTURES, "--json"]).assert().success().get_output().stdout.clone();
        let report = serde_json::from_slice(&out).expect("valid JSON");
        (sb, report)
    })
}

fn show(name: &str) -> Value {
    let (sb, _) = indexed();
    serde_json::from_slice(&sb.cmd().args(["show", name, "--json"]).assert().success().get_output().stdout)
        .expect("valid JSON")
}

fn paragraphs(a: &Value) -> Vec<String> {
    a["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect()
}

#[test]
fn every_page_with_a_story_is_read() {
    let (_, report) = indexed();
    assert_eq!(report["skipped"], serde_json::json!([]), "{report:#}");
    assert_eq!(report["articles_total"], 8);
}

#[test]
fn a_story_inside_a_wrapper_named_for_ads_is_kept_and_the_ad_is_not() {
    let a = show("ad_wrapper");
    let p = paragraphs(&a);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(p[0].starts_with("Builders finished repairing the roof"));
    assert!(!p.iter().any(|l| l.contains("ADVERT")));
    assert_eq!(a["title"], "Library roof repairs finish two months early", "the headline, not the site's title");
}

#[test]
fn a_body_whose_class_names_the_sidebar_is_still_the_page() {
    let a = show("body_sidebar");
    let p = paragraphs(&a);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(p[2].starts_with("Residents' groups said"));
    assert!(!p.iter().any(|l| l.contains("SIDEBAR_TEXT")), "the sidebar itself is still furniture");
    assert_eq!(a["title"], "Ferry timetable changes for the winter");
}

#[test]
fn subheadings_inside_the_story_stay_as_paragraphs_of_their_own() {
    let p = paragraphs(&show("subheadings"));
    assert_eq!(p.len(), 5, "{p:#?}");
    assert_eq!(p[1], "Which bin goes out when");
    assert_eq!(p[3], "What happens to food waste");
    assert!(p[4].starts_with("The council says the food waste"));
    assert!(!p.iter().any(|l| l.contains("Related") || l.contains("More from")), "headings that lead to no text go");
}

#[test]
fn a_brief_is_news() {
    let a = show("brief");
    assert_eq!(a["title"], "Coast road closed after landslip");
    assert_eq!(
        paragraphs(&a),
        [
            "The coast road between Lindford and Eastbridge was closed on Sunday after a landslip.",
            "Engineers will inspect the cliff on Monday. Drivers should use the valley road."
        ]
    );
}

#[test]
fn a_page_in_japanese_is_read_though_its_words_have_no_spaces() {
    let a = show("japanese");
    assert_eq!(a["title"], "市立図書館、改修を終えて再開");
    let p = paragraphs(&a);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(p[0].starts_with("港町の市立図書館は"));
}

#[test]
fn text_inside_a_paywall_element_is_the_story_and_page_tools_are_not() {
    let p = paragraphs(&show("paywall"));
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(p[1].starts_with("The buyer, Nordsund Yards"));
    assert!(!p.iter().any(|l| l.contains("Reprints") || l.contains("Text size")));
}

#[test]
fn a_placeholder_date_gives_way_to_the_date_line_the_page_shows() {
    let a = show("dates_placeholder");
    assert_eq!(a["date"], "2019-11-19", "not 1678-01-01 from 0001-01-01T00:00:00Z");
    assert!(!paragraphs(&a).iter().any(|l| l.contains("Published")), "the date line is not story text");
}

#[test]
fn a_utc_timestamp_is_the_local_date_the_page_states_and_itemprop_may_hold_several_names() {
    let a = show("dates_offset");
    // `itemprop="datePublished dateCreated"` says 03:02 UTC on the 19th; the
    // page's other timestamp is at -05:00, where it was still the 18th.
    assert_eq!(a["date"], "2019-11-18");
}

#[test]
fn a_page_whose_only_date_is_a_placeholder_has_no_date() {
    let sb = Sandbox::new();
    let lib = sb.dir.path().join("pages");
    let page = std::fs::read_to_string(format!("{FIXTURES}/dates_placeholder.html"))
        .unwrap()
        .replace("Published 10:02 AM EST Nov 19, 2019", "Published by the harbour desk");
    common::write(&lib.join("placeholder_only.html"), page);
    sb.cmd().args(["index", lib.to_str().unwrap()]).assert().success();
    let out = sb.cmd().args(["show", "placeholder_only", "--json"]).assert().success().get_output().stdout.clone();
    let a: Value = serde_json::from_slice(&out).unwrap();
    assert!(a["date"].is_null(), "{a:#}");
}
