//! Query latency, warm, per kind of question: byline (top 20 with
//! snippets, in-process through `Catalog::search`), tantivy-cli (`tantivy
//! bench`: top 10, then fetching those 10 documents; no snippets) and
//! ripgrep over the raw corpus (counting matching lines).

use crate::queries::{KINDS, Question};
use crate::stats::{Row, Samples, ms, ratio};
use byline::config::Paths;
use byline::index::{Catalog, SearchRequest};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

pub struct Peers<'a> {
    /// The `tantivy` binary and the index it built of the same articles.
    pub tantivy: Option<(&'a Path, &'a Path)>,
    /// The raw corpus folder ripgrep searches.
    pub corpus: Option<&'a Path>,
}

/// byline's latency for each question, `repeat` times after one warm-up.
fn byline_times(lib: &Catalog, qs: &[Question], repeat: usize) -> anyhow::Result<Vec<Samples>> {
    let mut out = Vec::new();
    for q in qs {
        let request = SearchRequest { prefix_last: q.prefix_last, ..SearchRequest::new(&q.byline) };
        lib.search(&request)?;
        let mut times = Vec::with_capacity(repeat);
        for _ in 0..repeat {
            let started = Instant::now();
            let results = lib.search(&request)?;
            times.push(started.elapsed());
            std::hint::black_box(results);
        }
        out.push(Samples::from_durations(&times));
    }
    Ok(out)
}

/// tantivy-cli's search + fetch time per run of each query (microseconds in its output).
fn tantivy_times(bin: &Path, index: &Path, qs: &[&Question], repeat: usize) -> anyhow::Result<Vec<f64>> {
    let file = index.with_extension("queries.txt");
    let lines: Vec<&str> = qs.iter().filter_map(|q| q.tantivy.as_deref()).collect();
    std::fs::write(&file, lines.join("\n") + "\n")?;
    let out = Command::new(bin)
        .args(["bench", "-i"])
        .arg(index)
        .arg("-q")
        .arg(&file)
        .args(["-n", &(repeat + 1).to_string()])
        .output()?;
    anyhow::ensure!(out.status.success(), "tantivy bench failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let (search, fetch) = text.split_once("FETCH STORE").unwrap_or((&text, ""));
    let micros = |section: &str, col: usize| -> Vec<f64> {
        section.lines().filter_map(|l| l.split('\t').nth(col).and_then(|v| v.trim().parse::<f64>().ok())).collect()
    };
    let (s, f) = (micros(search, 2), micros(fetch, 1));
    // The first round is the warm-up.
    Ok(s.iter().zip(f.iter().chain(std::iter::repeat(&0.0))).skip(lines.len()).map(|(s, f)| (s + f) / 1e3).collect())
}

/// ripgrep's wall time (ms) for one question over `corpus`, the better of 2 after a warm-up.
fn rg_time(corpus: &Path, q: &Question) -> Option<f64> {
    let run = || {
        let started = Instant::now();
        let status = Command::new("rg").args(&q.rg).arg(corpus).stdout(std::process::Stdio::null()).status().ok()?;
        // 1 is "no match", still an answer.
        (status.code() == Some(0) || status.code() == Some(1)).then(|| started.elapsed().as_secs_f64() * 1e3)
    };
    run()?;
    Samples::new((0..2).filter_map(|_| run()).collect()).median()
}

fn target(kind: &str) -> &'static str {
    match kind {
        "term (rare)" | "term (common)" | "AND" | "phrase" => "p99 < 10 ms at 1M; ≥100x faster than rg",
        "prefix 1" | "prefix 2" | "prefix 3" => "(typing: keystroke p99 < 16 ms)",
        _ => "",
    }
}

pub fn run(home: &Path, qs: &[Question], peers: &Peers, repeat: usize) -> anyhow::Result<()> {
    let lib = Catalog::open(&Paths::under(home))?;
    let times = byline_times(&lib, qs, repeat)?;
    for kind in KINDS {
        let idx: Vec<usize> = (0..qs.len()).filter(|&i| qs[i].kind == kind).collect();
        if idx.is_empty() {
            Row::new(format!("query: {kind}"), "n/a: byline's query language has no fuzzy operator")
                .peer("n/a (tantivy-cli's parser has none either)", "")
                .print();
            continue;
        }
        let all = Samples::new(idx.iter().flat_map(|&i| times[i].values().iter().copied()).collect());
        let example = &qs[idx[0]].byline;
        let mine: Vec<&Question> = idx.iter().map(|&i| &qs[i]).collect();
        let (peer, r) = match peers.tantivy {
            Some((bin, index)) if mine.iter().all(|q| q.tantivy.is_some()) => {
                let t = Samples::new(tantivy_times(bin, index, &mine, repeat)?);
                (format!("tantivy-cli {}", t.cell()), ratio(t.median(), all.median()))
            }
            _ => ("tantivy-cli: n/a (no one-word prefix query)".to_string(), String::new()),
        };
        Row::new(format!("query: {kind}, top 20 + snippets (e.g. `{example}`)"), all.cell())
            .peer(peer, r)
            .target(target(kind))
            .print();
        if let Some(corpus) = peers.corpus {
            // ripgrep on two questions of the kind against byline's median for them.
            let rg: BTreeMap<usize, f64> =
                idx.iter().take(2).filter_map(|&i| Some((i, rg_time(corpus, &qs[i])?))).collect();
            let rg_all = Samples::new(rg.values().copied().collect());
            let byline_same = Samples::new(rg.keys().filter_map(|&i| times[i].median()).collect());
            let median = |s: &Samples| s.median().map_or("n/a".into(), |m| format!("{} ms", ms(m)));
            Row::new(format!("query: {kind}, same questions, median"), median(&byline_same))
                .peer(format!("ripgrep `rg -i -c` {}", median(&rg_all)), ratio(rg_all.median(), byline_same.median()))
                .target(if target(kind).contains("rg") { "≥100x" } else { "" })
                .print();
        }
    }
    Ok(())
}
