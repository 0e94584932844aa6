//! What the fuzz targets check, shared with the main test suite
//! (`tests/fuzz_regressions.rs` replays every seed and every input that
//! once failed through the same functions).
#![allow(dead_code)] // each fuzz target uses one of the checks

use byline::config::Paths;
use byline::corpus::{Format, parse_bytes};
use byline::index::{Catalog, SearchRequest, query};
use byline::sanitize::is_forbidden;
use std::path::Path;
use std::sync::OnceLock;

/// The formats, chosen by an input's first byte.
const FORMATS: &[(Format, &str)] = &[
    (Format::Text, "a.txt"),
    (Format::Markdown, "a.md"),
    (Format::Json, "a.json"),
    (Format::Jsonl, "a.jsonl"),
    (Format::Html, "a.html"),
];

fn assert_clean(what: &str, s: &str) {
    assert!(!s.chars().any(|c| is_forbidden(c) || c == '\t'), "{what} holds a forbidden character: {s:?}");
}

/// The article parser on arbitrary bytes, in the format the first byte
/// picks: it returns articles or a skip, never panics, and what it returns
/// is already clean (no control, escape or bidi character in a title,
/// outlet, byline, url or paragraph).
pub fn parse_article(data: &[u8]) {
    let Some((&first, bytes)) = data.split_first() else { return };
    let (format, name) = &FORMATS[first as usize % FORMATS.len()];
    let Ok(articles) = parse_bytes(Path::new(name), *format, bytes, &Default::default()) else { return };
    for a in &articles {
        assert_clean("title", &a.title);
        for field in [&a.outlet, &a.byline, &a.url].into_iter().flatten() {
            assert_clean("a field", field);
        }
        for p in &a.paragraphs {
            assert_clean("a paragraph", p);
        }
    }
}

fn library() -> &'static Catalog {
    static LIB: OnceLock<(tempfile::TempDir, Catalog)> = OnceLock::new();
    let (_, lib) = LIB.get_or_init(|| {
        let home = tempfile::tempdir().expect("a temporary folder");
        let lib = Catalog::open(&Paths::under(home.path())).expect("the demo library opens");
        lib.ensure_ready().expect("the demo articles are indexed");
        (home, lib)
    });
    lib
}

/// The query parser on arbitrary text (the first byte says whether the last
/// word is a prefix, as when typing), and the query it makes run against the
/// five demo articles, indexed once in a temporary folder: parsing, building
/// the Tantivy query, searching, ranking and snippets never panic.
///
/// An excluded phrase (`-"a b"`, or a negated word the tokenizer splits,
/// `-is.u`) trips a debug assertion in Tantivy's PhraseScorer
/// (quickwit-oss/tantivy#2811; release builds answer correctly). byline's
/// own builds turn debug assertions off for tantivy; fuzz builds cannot, so
/// the fuzzer passes `skip_excluded_phrases` (a query with an exclusion is
/// parsed but not searched) and the main suite replays such queries in full.
pub fn query(data: &[u8], skip_excluded_phrases: bool) {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let prefix_last = first & 1 == 1;
    let parsed = query::parse(text, prefix_last);
    // A negated word that the tokenizer splits (`-is.u`) is a phrase too.
    let exclusion = parsed.groups.iter().flatten().any(|i| i.negated);
    if skip_excluded_phrases && exclusion {
        return;
    }
    let mut req = SearchRequest::new(text);
    req.prefix_last = prefix_last;
    req.limit = 5;
    if let Ok(results) = library().search(&req) {
        assert!(results.hits.len() <= 5);
        for hit in &results.hits {
            assert_clean("a snippet", &hit.snippet.text);
        }
    }
}
