//! Every query form on the demo library, through the domain API.

use crate::common;

use byline::index::{Catalog, SearchRequest, SearchResults, Sort};
use common::{Sandbox, seed_numbers};
use std::sync::OnceLock;

struct Fixture {
    _sandbox: Sandbox,
    lib: Catalog,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let sandbox = Sandbox::new();
        let lib = Catalog::open(&sandbox.paths()).unwrap();
        lib.add_roots(&[sandbox.library_with_seeds()]).unwrap();
        lib.refresh(&|_| {}).unwrap();
        Fixture { _sandbox: sandbox, lib }
    })
}

fn run(query: &str, prefix: bool, sort: Sort) -> SearchResults {
    let req = SearchRequest { query: query.into(), limit: 20, offset: 0, sort, prefix_last: prefix };
    fixture().lib.search(&req).unwrap()
}

/// The seed numbers that match, sorted.
fn seeds(query: &str) -> Vec<String> {
    let mut s: Vec<String> =
        run(query, false, Sort::Relevance).hits.iter().flat_map(|h| seed_numbers(&h.paths)).collect();
    s.sort();
    s
}

#[test]
fn words_are_anded_and_stemmed() {
    assert_eq!(seeds("Pasechnik"), ["002", "004"]);
    assert_eq!(seeds("pasechnik video"), ["002", "004"]);
    assert_eq!(seeds("Pasechnik Bloomberg"), Vec::<String>::new());
    // "recognize" (002) and "recognized" (003) stem alike.
    assert!(seeds("recognize").contains(&"002".to_string()));
    assert!(seeds("recognize").contains(&"003".to_string()));
}

#[test]
fn phrases() {
    assert_eq!(seeds("\"state of emergency\""), ["000", "001"]);
    assert_eq!(seeds("\"emergency of state\""), Vec::<String>::new());
    assert_eq!(seeds("\"Nord Stream 2\""), ["000", "001"]);
}

#[test]
fn or_and_not() {
    assert_eq!(seeds("Pasechnik OR Kuleba"), ["000", "002", "004"]);
    assert_eq!(seeds("Pasechnik -Moscow"), Vec::<String>::new());
    assert_eq!(seeds("Pasechnik -aired"), Vec::<String>::new());
    assert_eq!(seeds("Pasechnik NOT caption"), ["002", "004"]);
    assert_eq!(seeds("Pasechnik -\"Moscow Times\""), ["002", "004"], "the phrase is in the outlet, not the text");
    assert_eq!(seeds("-Pasechnik").len(), 3, "only an exclusion: everything else");
}

#[test]
fn field_filters() {
    assert_eq!(seeds("outlet:bloomberg"), ["000"]);
    assert_eq!(seeds("outlet:\"moscow times\""), ["004"]);
    assert_eq!(seeds("title:regions"), ["002"]);
    assert_eq!(seeds("title:independent"), ["002", "004"], "stemmed: Independence");
    assert_eq!(seeds("byline:afp"), ["004"]);
    assert_eq!(seeds("body:Pasechnik outlet:bloomberg"), Vec::<String>::new());
}

#[test]
fn date_ranges() {
    assert_eq!(seeds("date:2022-02-21"), ["002", "004"]);
    assert_eq!(seeds("date:2022-02-22..2022-02-24"), ["000"]);
    assert_eq!(seeds("date:2022-02-22.."), ["000"]);
    assert_eq!(seeds("date:..2022-02-21"), ["002", "004"]);
    assert_eq!(seeds("date:2022-02"), ["000", "002", "004"], "undated articles are not in any range");
    assert_eq!(seeds("Putin date:2021"), Vec::<String>::new());
}

#[test]
fn last_word_as_a_prefix_while_typing() {
    let typing = run("pasech", true, Sort::Relevance);
    assert_eq!(typing.total, 2);
    let done = run("pasech", false, Sort::Relevance);
    assert_eq!(done.total, 0, "without prefix mode, a partial word is a word");
    assert_eq!(run("Nord Str", true, Sort::Relevance).total, 2);
}

#[test]
fn malformed_queries_fall_back_and_say_so() {
    let r = run("\"state of emergency", false, Sort::Relevance);
    assert_eq!(r.total, 2);
    assert!(r.hints.iter().any(|h| h.contains("unclosed")));
    let r = run("date:someday Pasechnik", false, Sort::Relevance);
    assert_eq!(r.total, 2);
    assert!(r.hints.iter().any(|h| h.contains("date")));
    for q in ["((", "OR", "-", ":", "\"", "AND AND", "title:", "outlet:\"", "*", "\u{1b}[31m"] {
        run(q, true, Sort::Relevance);
    }
}

#[test]
fn empty_query_lists_everything_newest_first() {
    let r = run("", false, Sort::Relevance);
    assert_eq!(r.total, 5);
    assert_eq!(r.sort, Sort::Date);
    let dates: Vec<Option<String>> = r.hits.iter().map(|h| h.listing.date.map(|d| d.to_string())).collect();
    assert_eq!(dates[0].as_deref(), Some("2022-02-24"));
    assert_eq!(dates[3..], [None, None], "undated last");
}

#[test]
fn sort_by_date() {
    let r = run("Putin", false, Sort::Date);
    let dated: Vec<String> = r.hits.iter().filter_map(|h| h.listing.date.map(|d| d.to_string())).collect();
    let mut sorted = dated.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dated, sorted);
}

#[test]
fn bm25_ranks_the_article_about_it_first() {
    let r = run("Kuleba Blinken", false, Sort::Relevance);
    assert_eq!(seed_numbers(&r.hits[0].paths), ["000"]);
    let scores: Vec<f32> = run("Pushilin", false, Sort::Relevance).hits.iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn snippets_carry_highlight_ranges_into_their_own_text() {
    let r = run("Pasechnik", false, Sort::Relevance);
    for hit in &r.hits {
        assert!(!hit.snippet.highlights.is_empty());
        for range in &hit.snippet.highlights {
            assert_eq!(&hit.snippet.text[range.clone()], "Pasechnik");
        }
    }
}

#[test]
fn lookup_by_prefix_and_file_name() {
    let lib = &fixture().lib;
    let a = lib.get("004_").unwrap();
    assert_eq!(a.outlet.as_deref(), Some("The Moscow Times"));
    assert_eq!(lib.get(&a.id.as_str()[..6]).unwrap().id, a.id);
    assert_eq!(lib.get(&a.id.as_str().to_uppercase()[..6]).unwrap().id, a.id);
    assert!(lib.get("zzzz").unwrap_err().to_string().contains("no article"));
    assert!(lib.get("00").unwrap_err().to_string().contains("ambiguous"));
}
