//! The fuzz targets' checks (`tests/fuzz/checks.rs`), replayed in the main
//! suite on every seed input and on every input a fuzzer once found failing
//! (`tests/fuzz/regressions/<target>/`), so that a fixed crash stays fixed
//! without running the fuzzers.

#[path = "fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Every file in `tests/fuzz/<kind>/<target>/`, with its name.
fn inputs(kind: &str, target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz").join(kind).join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let mut n = 0;
    for kind in ["seeds", "regressions"] {
        for (name, bytes) in inputs(kind, target) {
            if let Err(e) = std::panic::catch_unwind(|| check(&bytes)) {
                let why =
                    e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
                panic!("{name}: {}", why.unwrap_or_default());
            }
            n += 1;
        }
    }
    n
}

#[test]
fn the_article_parser_passes_its_fuzz_seeds_and_regressions() {
    assert!(replay("parse_article", checks::parse_article) >= 60);
}

#[test]
fn the_query_parser_passes_its_fuzz_seeds_and_regressions() {
    assert!(replay("query", checks::query) >= 20);
}
