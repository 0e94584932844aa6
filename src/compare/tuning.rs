//! Measurement and tuning aids, run by hand: the timing budget (two
//! 2,000-word articles in under 10 ms, release build) is checked here by
//! printing, never asserted, and thresholds are tuned by looking at the
//! strongest candidate pairs of two seed articles.

use super::fixtures::seed;
use super::tests::article;
use super::*;

/// Two articles of about 2,000 words each (the seeds, repeated), compared
/// 200 times: prints the median. Run with
/// `cargo test --release -- --ignored --nocapture timing`.
#[test]
#[ignore]
fn timing_two_2000_word_articles() {
    let grow = |order: &[&str]| {
        let mut paragraphs = Vec::new();
        let all: Vec<String> = order.iter().flat_map(|p| seed(p).paragraphs).collect();
        for p in all.iter().cycle() {
            if paragraphs.iter().map(|p: &String| p.split_whitespace().count()).sum::<usize>() >= 2000 {
                break;
            }
            paragraphs.push(p.clone());
        }
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        article("long", None, &refs)
    };
    let (left, right) = (grow(&["000", "002", "003", "004"]), grow(&["001", "004", "000", "003"]));
    let mut times: Vec<std::time::Duration> = (0..200)
        .map(|_| {
            let start = std::time::Instant::now();
            std::hint::black_box(compare(&left, &right));
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "compare: {} vs {} words, median {:?} over 200 runs (min {:?}, max {:?})",
        left.word_count(),
        right.word_count(),
        times[100],
        times[0],
        times[199]
    );
}

/// Tuning aid: the strongest candidate pairs of two seeds and their evidence.
/// `PAIR=000,001 cargo test -- --ignored --nocapture candidates`
#[test]
#[ignore]
fn candidates() {
    let pair = std::env::var("PAIR").unwrap_or_else(|_| "000,001".into());
    let (a, b) = pair.split_once(',').expect("PAIR=000,001");
    let (l, r) = (seed(a), seed(b));
    let (ls, rs) = (split_paragraphs(&l.paragraphs), split_paragraphs(&r.paragraphs));
    let mut terms = tokens::Terms::default();
    let lt: Vec<_> = ls.iter().map(|s| terms.of(&s.text)).collect();
    let rt: Vec<_> = rs.iter().map(|s| terms.of(&s.text)).collect();
    let scorer = align::Scorer::new(&lt, &rt);
    let mut all: Vec<(align::Evidence, usize, usize)> = (0..ls.len())
        .flat_map(|i| (0..rs.len()).map(move |j| (i, j)))
        .map(|(i, j)| (scorer.evidence(i, j), i, j))
        .collect();
    all.sort_by(|x, y| y.0.shared.total_cmp(&x.0.shared));
    for (e, i, j) in all.iter().take(30) {
        let common: Vec<&str> =
            lt[*i].iter().filter(|t| rt[*j].iter().any(|u| u.key == t.key)).map(|t| t.key.as_str()).collect();
        println!("{} {e:.2?} L{i} R{j} {common:?}", if e.matches() { "*" } else { " " });
    }
}

#[test]
#[ignore]
fn show() {
    let pair = std::env::var("PAIR").unwrap_or_else(|_| "000,001".into());
    let (a, b) = pair.split_once(',').expect("PAIR=000,001");
    let al = compare(&seed(a), &seed(b));
    println!("{}", if std::env::var("MD").is_ok() { al.to_markdown() } else { al.to_text() });
}
