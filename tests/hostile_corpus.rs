//! A hostile library, built by the test in a temporary folder (see
//! `hostile/files.rs`: empty, blank, binary, huge, badly encoded, broken
//! front matter and JSON, symlink loops, a FIFO, hostile file names and
//! article text full of escape sequences, controls and bidi overrides).
//!
//! Every file either becomes an article holding its text or is skipped with
//! its path and the expected reason; indexing never panics and ends; and
//! nothing from those articles that reaches the terminal — `byline index`'s
//! skip lines, `byline search`, `byline show`, the TUI's list and reader —
//! holds an escape, a C0/C1 control or a bidi character.
//!
//! Tests run as root here, so `chmod 000` does not make a file unreadable:
//! the unreadable files are a dangling symlink and a symlink to itself.

use crate::common;
use crate::hostile::files;

use byline::article::Article;
use byline::index::{Catalog, SearchRequest};
use byline::sanitize::is_forbidden;
use byline::tui::testing::Harness;
use files::Expect;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The first character that must never reach a terminal, if any.
fn bad_char(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| (c.is_control() && c != '\n') || is_forbidden(c))
}

fn assert_clean(what: &str, s: &str) {
    if let Some((at, c)) = bad_char(s) {
        let before: String = s[..at].chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
        panic!("{what}: {c:?} at byte {at}, after {before:?}");
    }
}

fn all_articles(lib: &Catalog) -> Vec<Article> {
    let mut req = SearchRequest::new("");
    req.limit = 10_000;
    let results = lib.search(&req).unwrap();
    assert_eq!(results.total, results.hits.len());
    results.hits.iter().map(|h| lib.get(h.listing.id.as_str()).unwrap()).collect()
}

#[test]
fn every_hostile_file_is_indexed_or_skipped_and_nothing_reaches_the_terminal() {
    let sandbox = common::Sandbox::new();
    let root = sandbox.dir.path().join("hostile");
    let corpus = files::build(&root);
    assert!(corpus.files.len() >= 60, "{} files", corpus.files.len());
    let root = std::fs::canonicalize(&root).unwrap();

    let lib = Catalog::open(&sandbox.paths()).unwrap();
    lib.add_roots(std::slice::from_ref(&root)).unwrap();
    let report = lib.refresh(&|_| {}).unwrap();
    let articles = all_articles(&lib);
    assert_eq!(report.articles_total, articles.len());

    let text_of = |a: &Article| format!("{}\n{}", a.title, a.paragraphs.join("\n"));
    let mut by_reason: BTreeMap<&str, usize> = BTreeMap::new();
    let mut wrong = Vec::new();
    for (path, expect) in &corpus.files {
        let path = root.join(path.strip_prefix(sandbox.dir.path().join("hostile")).unwrap());
        let skips: Vec<_> = report.skipped.iter().filter(|s| s.path == path).collect();
        let found: Vec<_> = articles.iter().filter(|a| a.paths.contains(&path)).collect();
        let shown = path.display();
        match expect {
            Expect::Indexed(marker) => {
                if !skips.is_empty() || !found.iter().any(|a| text_of(a).contains(marker)) {
                    wrong.push(format!("{shown}: expected an article with {marker:?}; skips {skips:?}"));
                }
            }
            Expect::Skipped(label) => {
                let reasons: Vec<_> = skips.iter().map(|s| s.reason.label()).collect();
                if !found.is_empty() || reasons != [*label] {
                    wrong.push(format!("{shown}: expected {label}; {} articles, skips {skips:?}", found.len()));
                }
                *by_reason.entry(label).or_default() += 1;
            }
            Expect::Partly => {
                if skips.is_empty() || skips.iter().any(|s| s.line.is_none()) {
                    wrong.push(format!("{shown}: expected skipped lines; skips {skips:?}"));
                }
                *by_reason.entry("bad lines in a JSONL file").or_default() += 1;
            }
            Expect::Folder => {
                if !skips.is_empty() || !found.is_empty() {
                    wrong.push(format!("{shown}: a folder, walked into; skips {skips:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} of {} files went wrong:\n{}", wrong.len(), corpus.files.len(), wrong.join("\n"));
    // The mixed JSONL file: three good lines, three bad ones, each by number.
    let mixed = root.join("json/mixed.jsonl");
    let lines: Vec<_> = report.skipped.iter().filter(|s| s.path == mixed).filter_map(|s| s.line).collect();
    assert_eq!(lines, [2, 4, 6]);
    assert_eq!(articles.iter().filter(|a| a.paths.contains(&mixed)).count(), 3);
    // Nothing is skipped that the corpus did not make, and every skip is one line.
    for skip in &report.skipped {
        assert!(skip.path.starts_with(&root), "{skip}");
        assert!(!byline::sanitize::clean_line(&skip.to_string()).is_empty());
    }
    // Escapes in the text are gone, but the words around them stay, and
    // HTML entities stay the literal text they are.
    let find = |marker: &str| articles.iter().find(|a| text_of(a).contains(marker)).unwrap();
    assert!(find("sequencesmarker").paragraphs.concat().contains("redlink"), "{:?}", find("sequencesmarker"));
    assert!(find("entitiesmarker").paragraphs.concat().contains("&#27;]0;x&#7;"));
    assert!(find("cp1252c1marker").paragraphs.concat().contains("more text after"), "{:?}", find("cp1252c1marker"));
    assert!(find("jsonescapemarker").paragraphs.concat().contains("gone."), "{:?}", find("jsonescapemarker"));
    assert_eq!(find("Paragraph 99999 of").paragraphs.len(), 100_000);
    for a in &articles {
        for field in [Some(&a.title), a.outlet.as_ref(), a.byline.as_ref(), a.url.as_ref()].into_iter().flatten() {
            assert_clean(&format!("{} stored field", a.id), field);
        }
    }
    eprintln!(
        "hostile corpus: {} files, {} articles, skipped by reason: {by_reason:?}, {} skip lines",
        corpus.files.len(),
        articles.len(),
        report.skipped.len()
    );

    // The command line, on the index just built.
    let out = sandbox.cmd().args(["index", root.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_clean("byline index stdout", &String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_clean("byline index stderr", &stderr);
    assert!(stderr.contains("skipped ") && stderr.contains("fifo.txt: not a regular file"), "{stderr}");
    for query in ["zebra", "", "title", "pwned"] {
        let out = sandbox.cmd().args(["search", query, "--limit", "1000"]).output().unwrap();
        assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
        assert_clean(&format!("byline search {query:?}"), &String::from_utf8_lossy(&out.stdout));
    }
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    for id in &ids {
        let out = sandbox.cmd().args(["show", id]).output().unwrap();
        assert!(out.status.success(), "show {id}: {}", String::from_utf8_lossy(&out.stderr));
        assert_clean(&format!("byline show {id}"), &String::from_utf8_lossy(&out.stdout));
    }

    // The TUI: the list, then every article in the reader.
    let library = byline::library::Library::open(&sandbox.paths(), &byline::config::Config::defaults()).unwrap();
    let mut t = Harness::new(Arc::new(library), 100, 30);
    let cells_clean = |t: &Harness, what: &str| {
        let b = t.buffer();
        for (i, cell) in b.content.iter().enumerate() {
            assert_clean(&format!("{what}: cell {i}"), cell.symbol());
        }
    };
    cells_clean(&t, "browse");
    for i in 0..articles.len() {
        t.press("enter");
        cells_clean(&t, &format!("reader {i}"));
        t.press("end");
        cells_clean(&t, &format!("reader end {i}"));
        t.press("esc down");
    }
    t.type_text("pwned");
    cells_clean(&t, "browse pwned");
}
