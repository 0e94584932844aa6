//! The corpora `byline-gen` writes go through byline's real parser and index
//! and come back as generated: headline, outlet, date, byline, url and every
//! paragraph, in `.txt`, `.md`, `.jsonl` files and JSONL shards.

use crate::common;

use byline::corpus::{Fields, fields::derive_title, read_file};
use byline::index::{Catalog, SearchRequest};
use byline::synth::{self, Config, GenArticle, OutputFormat, TruthEntry};
use common::Sandbox;
use std::collections::HashMap;
use std::path::Path;

fn check(parsed: &byline::Article, want: &GenArticle, entry: &TruthEntry, what: &str) {
    let ctx = format!("{what} (key {})", want.key);
    let mut expected = want.to_article();
    expected.paths = parsed.paths.clone();
    assert_eq!(parsed, &expected, "{ctx}");
    if want.title_in_file {
        assert_eq!(parsed.title, want.title, "{ctx}: title");
    }
    assert_eq!((&entry.outlet, entry.date), (&want.outlet, want.date), "{ctx}: truth line");
    assert_eq!(entry.words, parsed.word_count(), "{ctx}: word count");
    assert_eq!(entry.id, parsed.id.0, "{ctx}: byline's id");
}

#[test]
fn every_generated_file_and_shard_parses_back_as_generated() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let corpus = synth::generate(&Config { shard_size: 300, ..Config::new(700, 21) });
    let truth = synth::write(&corpus, &dir, OutputFormat::Both).unwrap();
    let mut files: HashMap<String, Vec<byline::Article>> = HashMap::new();
    let mut parse = |rel: &str| -> Vec<byline::Article> {
        files
            .entry(rel.to_string())
            .or_insert_with(|| {
                let parsed = read_file(&dir.join(rel), &Fields::default()).unwrap_or_else(|s| panic!("{s}"));
                assert!(parsed.skips.is_empty(), "{:?}", parsed.skips);
                parsed.articles
            })
            .clone()
    };
    let mut kinds: HashMap<&str, usize> = HashMap::new();
    for (want, entry) in corpus.articles.iter().zip(&truth.articles) {
        let file = entry.file.as_deref().unwrap();
        let parsed = parse(file);
        let article = &parsed[entry.line.map_or(0, |l| l as usize - 1)];
        check(article, want, entry, file);
        assert!(article.paths[0].ends_with(&want.to_article().paths[0]), "{:?}", article.paths);
        *kinds.entry(Path::new(file).extension().unwrap().to_str().unwrap().to_string().leak()).or_default() += 1;
        let shard = parse(entry.shard.as_deref().unwrap());
        check(&shard[entry.shard_line.unwrap() as usize - 1], want, entry, entry.shard.as_deref().unwrap());
    }
    for ext in ["txt", "md", "jsonl"] {
        assert!(kinds.get(ext).copied().unwrap_or(0) > 60, "{kinds:?}");
    }
    assert_eq!(truth.stats.shards, 3);
    let glued = corpus.articles.iter().filter(|a| a.quirks.glued_date && a.kind == synth::FileKind::Txt).count();
    assert!(glued > 3, "{glued} glued dates");
}

#[test]
fn a_generated_folder_indexes_with_the_library() {
    let sb = Sandbox::new();
    let dir = sb.dir.path().join("corpus");
    let corpus = synth::generate(&Config::new(300, 4));
    let truth = synth::write(&corpus, &dir, OutputFormat::Files).unwrap();
    let lib = Catalog::open(&sb.paths()).unwrap();
    lib.add_roots(&[dir.join("files")]).unwrap();
    let report = lib.refresh(&|_| {}).unwrap();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.articles_total, 300, "every article is distinct and indexed");

    let mut req = SearchRequest::new("");
    req.limit = 1000;
    let hits = lib.search(&req).unwrap().hits;
    assert_eq!(hits.len(), 300);
    let by_id: HashMap<&str, usize> = truth.articles.iter().map(|e| (e.id.as_str(), e.key as usize)).collect();
    for hit in &hits {
        let key =
            *by_id.get(hit.listing.id.as_str()).unwrap_or_else(|| panic!("{}: id not in truth.jsonl", hit.listing.id));
        let (want, entry) = (&corpus.articles[key], &truth.articles[key]);
        let title = if want.title_in_file { want.title.clone() } else { derive_title(&want.paragraphs[0]) };
        assert_eq!(
            (&hit.listing.title, &hit.listing.outlet, hit.listing.date),
            (&title, &want.outlet, want.date),
            "key {key}"
        );
        assert!(hit.paths[0].ends_with(entry.file.as_deref().unwrap()), "{:?}", hit.paths);
    }
    // Search finds an event's articles by a word its facts use.
    let e = corpus.events.iter().find(|e| e.articles.len() >= 3).unwrap();
    let lede = &corpus.articles[e.articles[0] as usize].paragraphs[0];
    let word = lede.split_whitespace().max_by_key(|w| w.len()).unwrap().trim_matches(|c: char| !c.is_alphanumeric());
    assert!(lib.search(&SearchRequest::new(word)).unwrap().total >= 1, "{word}");
}
