//! The article parser on arbitrary bytes, in every format: it returns
//! articles or a skip, never panics, and what it returns is already clean
//! (no control, escape or bidi character in a title, outlet, byline, url or
//! paragraph).
#![no_main]

use byline::corpus::{Format, parse_bytes};
use byline::sanitize::is_forbidden;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

const FORMATS: &[(Format, &str)] =
    &[(Format::Text, "a.txt"), (Format::Markdown, "a.md"), (Format::Json, "a.json"), (Format::Jsonl, "a.jsonl")];

fn assert_clean(what: &str, s: &str) {
    assert!(!s.chars().any(|c| is_forbidden(c) || c == '\t'), "{what} holds a forbidden character: {s:?}");
}

fuzz_target!(|data: &[u8]| {
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
});
