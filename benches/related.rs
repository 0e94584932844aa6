//! `related` on a 100,000-article generated library: the budget is 20 ms.
//!
//! The library is generated (`byline::synth`, seed 1) and indexed once into
//! `target/bench-data/related-100k` and reused by later runs. Set
//! `BYLINE_BENCH_ARTICLES` for another size.
//!
//! Run: `cargo bench --bench related`.

use byline::config::Paths;
use byline::index::{Catalog, SearchRequest};
use byline::synth::{self, OutputFormat};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

fn library(articles: usize) -> Catalog {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/related-{articles}"));
    let done = root.join("indexed");
    let paths = Paths::under(&root.join("home"));
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&root);
        let started = Instant::now();
        let mut cfg = synth::Config::new(articles, 1);
        cfg.shard_size = 10_000;
        synth::generate_to(&cfg, &root.join("corpus"), OutputFormat::Shards, &|_| {}).expect("generate");
        eprintln!("generated {articles} articles in {:.1?}", started.elapsed());
        let started = Instant::now();
        let lib = Catalog::open(&paths).expect("open");
        lib.add_roots(&[root.join("corpus/shards")]).expect("add");
        lib.refresh(&|_| {}).expect("index");
        eprintln!("indexed in {:.1?}", started.elapsed());
        std::fs::write(&done, b"").expect("mark");
    }
    Catalog::open(&paths).expect("open")
}

fn bench(c: &mut Criterion) {
    let articles = std::env::var("BYLINE_BENCH_ARTICLES").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let lib = library(articles);
    // A fixed sample of subjects: the first 64 by date.
    let mut request = SearchRequest::new("");
    request.limit = 64;
    let subjects: Vec<byline::Article> =
        lib.search(&request).expect("list").hits.iter().map(|h| lib.get(h.listing.id.as_str()).expect("get")).collect();
    let mut i = 0;
    c.bench_function(&format!("related/{articles} articles, top 10"), |b| {
        b.iter(|| {
            i = (i + 1) % subjects.len();
            black_box(byline::events::related(&lib, &subjects[i], 10).expect("related"))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
