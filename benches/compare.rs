//! `compare` on two ~2,000-word accounts (the demo articles' paragraphs,
//! repeated in two different orders): the budget is 10 ms.
//!
//! Run: `cargo bench --bench compare`.

use byline::Article;
use byline::compare::compare;
use byline::corpus::demo;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// An article of about `words` words from the paragraphs of these seeds.
fn long_article(seeds: &[&str], words: usize) -> Article {
    let mut base = demo::article(seeds[0]).expect("seed");
    let all: Vec<String> = seeds.iter().flat_map(|s| demo::article(s).expect("seed").paragraphs).collect();
    let mut paragraphs = Vec::new();
    for p in all.iter().cycle() {
        if paragraphs.iter().map(|p: &String| p.split_whitespace().count()).sum::<usize>() >= words {
            break;
        }
        paragraphs.push(p.clone());
    }
    base.paragraphs = paragraphs;
    base
}

fn bench(c: &mut Criterion) {
    let left = long_article(&["000", "002", "003", "004"], 2000);
    let right = long_article(&["001", "004", "000", "003"], 2000);
    let mut group = c.benchmark_group("compare");
    group.bench_function("two 2000-word articles", |b| b.iter(|| compare(black_box(&left), black_box(&right))));
    let (a, b) = (demo::article("002").unwrap(), demo::article("004").unwrap());
    group.bench_function("demo 002 vs 004", |bench| bench.iter(|| compare(black_box(&a), black_box(&b))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
