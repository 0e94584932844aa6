//! The query parser on arbitrary text, and the query it makes run against
//! the five demo articles (indexed once, in a temporary folder): parsing,
//! building the Tantivy query, searching, ranking and snippets never panic.
#![no_main]

use byline::config::Paths;
use byline::index::{Library, SearchRequest, query};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn library() -> &'static Library {
    static LIB: OnceLock<(tempfile::TempDir, Library)> = OnceLock::new();
    let (_, lib) = LIB.get_or_init(|| {
        let home = tempfile::tempdir().expect("a temporary folder");
        let lib = Library::open(&Paths::under(home.path())).expect("the demo library opens");
        lib.ensure_ready().expect("the demo articles are indexed");
        (home, lib)
    });
    lib
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let prefix_last = first & 1 == 1;
    let _ = query::parse(text, prefix_last);
    let mut req = SearchRequest::new(text);
    req.prefix_last = prefix_last;
    req.limit = 5;
    if let Ok(results) = library().search(&req) {
        assert!(results.hits.len() <= 5);
    }
});
