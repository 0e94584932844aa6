//! Rows from what the script measured outside this process: `byline index`
//! and `tantivy index` under `/usr/bin/time -v`, the app's key log
//! (`BYLINE_BENCH_KEYLOG`), hyperfine's launch times, a process's memory.

use crate::stats::{Row, Samples, ms, ratio};
use std::path::Path;

/// Wall seconds and peak RSS (kB) from a `/usr/bin/time -v` report.
fn time_v(text: &str) -> Option<(f64, u64)> {
    let value = |key: &str| text.lines().find_map(|l| l.trim().strip_prefix(key).map(|v| v.trim().to_string()));
    let wall = value("Elapsed (wall clock) time (h:mm:ss or m:ss):")?;
    let secs = wall.split(':').try_fold(0.0, |acc, part| part.parse::<f64>().ok().map(|p| acc * 60.0 + p))?;
    let rss = value("Maximum resident set size (kbytes):")?.parse().ok()?;
    Some((secs, rss))
}

fn runs(dir: &Path, prefix: &str, ext: &str) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with(prefix) && name.ends_with(ext)
        })
        .collect();
    names.sort();
    names.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

fn size(dir: &Path, key: &str) -> Option<f64> {
    let text = std::fs::read_to_string(dir.join("sizes")).ok()?;
    text.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix(' ')?.trim().parse().ok())
}

/// The index rows from the runs in `dir`: `byline-N.time`, `byline-N.json`,
/// `tantivy-N.time`, `files-N.time` (one file per article), and `sizes`
/// (`byline_input BYTES`, ...).
pub fn index(dir: &Path) -> anyhow::Result<()> {
    let byline: Vec<(f64, u64)> = runs(dir, "byline-", ".time").iter().filter_map(|t| time_v(t)).collect();
    let tantivy: Vec<(f64, u64)> = runs(dir, "tantivy-", ".time").iter().filter_map(|t| time_v(t)).collect();
    let phases: Vec<(f64, f64)> = runs(dir, "byline-", ".json")
        .iter()
        .filter_map(|t| serde_json::from_str::<serde_json::Value>(t).ok())
        .filter_map(|v| Some((v["seconds"]["index"].as_f64()?, v["seconds"]["grouping"].as_f64()?)))
        .collect();
    let articles = size(dir, "articles").unwrap_or(0.0);
    let wall = |runs: &[(f64, u64)]| Samples::new(runs.iter().map(|r| r.0).collect()).median();
    let rss = |runs: &[(f64, u64)]| Samples::new(runs.iter().map(|r| r.1 as f64 / 1024.0).collect()).median();
    let speed = |secs: Option<f64>, bytes: Option<f64>| match (secs, bytes) {
        (Some(s), Some(b)) => format!("{s:.1} s, {:.1} MB/s, {:.0} articles/s", b / 1e6 / s, articles / s),
        _ => "n/a".into(),
    };
    let (bw, tw) = (wall(&byline), wall(&tantivy));
    Row::new(
        format!("`byline index` wall, median of {} (parse, clean, index, group)", byline.len()),
        speed(bw, size(dir, "byline_input")),
    )
    .peer(
        format!("tantivy-cli index, median of {}: {}", tantivy.len(), speed(tw, size(dir, "tantivy_input"))),
        ratio(tw, bw),
    )
    .target("ratio ≥ 1.0")
    .print();
    let files: Vec<(f64, u64)> = runs(dir, "files-", ".time").iter().filter_map(|t| time_v(t)).collect();
    if let Some(fw) = wall(&files) {
        let count = size(dir, "files_count").unwrap_or(0.0);
        Row::new(
            format!("`byline index` wall, one run, the same articles as a personal archive ({count:.0} .txt, .md and small .jsonl files)"),
            format!(
                "{}; peak RSS {}",
                speed(Some(fw), size(dir, "files_input")),
                rss(&files).map_or("n/a".into(), |m| format!("{m:.0} MB"))
            ),
        )
        .peer(
            format!("in JSONL shards (above): {}", bw.map_or("n/a".into(), |s| format!("{s:.1} s"))),
            ratio(bw, Some(fw)),
        )
        .print();
    }
    let share = Samples::new(phases.iter().map(|(i, g)| 100.0 * g / (i + g)).collect());
    let grouping = Samples::new(phases.iter().map(|p| p.1).collect());
    Row::new(
        "grouping's share of `byline index`",
        match (share.median(), grouping.median()) {
            (Some(s), Some(g)) => format!("{s:.0}% ({g:.1} s)"),
            _ => "n/a".into(),
        },
    )
    .target("flat from 10k to 1M")
    .print();
    Row::new("peak RSS while indexing", rss(&byline).map_or("n/a".into(), |m| format!("{m:.0} MB")))
        .peer(
            rss(&tantivy).map_or("n/a".into(), |m| format!("tantivy-cli {m:.0} MB")),
            ratio(rss(&tantivy), rss(&byline)),
        )
        .print();
    let mb = |key| size(dir, key).map_or("n/a".into(), |b| format!("{:.0} MB", b / 1e6));
    Row::new("index size on disk", mb("byline_index"))
        .peer(
            format!("tantivy-cli {}", mb("tantivy_index")),
            ratio(size(dir, "tantivy_index"), size(dir, "byline_index")),
        )
        .print();
    Ok(())
}

/// A key whose results took longer than this missed the 1M target.
const SLOW_KEY_MS: f64 = 50.0;

/// Rows from a key log: key → echo and key → results, in ms.
pub fn keylog(file: &Path, label: &str) -> anyhow::Result<()> {
    let (echo, results) = keylog_cells(&std::fs::read_to_string(file)?);
    Row::new(format!("keystroke → frame echoing it, real terminal{label}"), echo).print();
    Row::new(format!("keystroke → frame with its results, real terminal{label}"), results)
        .target("p99 < 16 ms at 100k, < 50 ms at 1M, also while indexing")
        .print();
    Ok(())
}

/// The echo and results cells of a key log (`echo US` and `results US` lines).
fn keylog_cells(text: &str) -> (String, String) {
    let of = |kind: &str| {
        Samples::new(
            text.lines().filter_map(|l| l.strip_prefix(kind)?.trim().parse::<f64>().ok()).map(|us| us / 1e3).collect(),
        )
    };
    // With about a hundred keys, p99 is the slowest key or the one before
    // it: one stall decides it, so the row also says how many keys were slow.
    let results = of("results ");
    let slow = results.values().iter().filter(|&&x| x > SLOW_KEY_MS).count();
    let cell = match results.values().last() {
        Some(&max) => format!("{}; slowest {} ms, {slow} over {SLOW_KEY_MS} ms", results.cell(), ms(max)),
        None => results.cell(),
    };
    (of("echo ").cell(), cell)
}

/// Launch to first frame from hyperfine's JSON, less the pty's own cost.
pub fn launch(runs: &Path, baseline: &Path, label: &str) -> anyhow::Result<()> {
    let times = |p: &Path| -> anyhow::Result<Samples> {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(p)?)?;
        let t = v["results"][0]["times"].as_array().cloned().unwrap_or_default();
        Ok(Samples::new(t.iter().filter_map(|x| x.as_f64()).map(|s| s * 1e3).collect()))
    };
    let (t, base) = (times(runs)?, times(baseline)?.median().unwrap_or(0.0));
    let net = Samples::new(t.values().iter().map(|x| x - base).collect());
    Row::new(format!("launch → {label}, real binary in a pty"), net.cell())
        .peer(format!("(pty + shell alone: {} ms, subtracted)", ms(base)), "")
        .target("first frame < 50 ms on a 1M library")
        .print();
    Ok(())
}

/// Anonymous resident memory of a process (the mmapped index is file-backed, so not in it).
pub fn rss(pid: u32, label: &str) -> anyhow::Result<()> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let kb = |key: &str| {
        status.lines().find_map(|l| l.strip_prefix(key)?.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
    };
    let mb = |key| kb(key).map_or("n/a".into(), |k| format!("{:.0} MB", k / 1024.0));
    Row::new(
        format!("resident memory while browsing ({label})"),
        format!("RssAnon {} (RssFile {}, peak VmHWM {})", mb("RssAnon:"), mb("RssFile:"), mb("VmHWM:")),
    )
    .target("< 300 MB at 1M, excluding the mmapped index")
    .print();
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_gnu_time_reports() {
        let report = "\tCommand being timed: \"byline index\"\n\
            \tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50\n\
            \tMaximum resident set size (kbytes): 204800\n";
        assert_eq!(super::time_v(report), Some((62.5, 204800)));
        let hours = "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:00:01\nMaximum resident set size (kbytes): 1\n";
        assert_eq!(super::time_v(hours), Some((3601.0, 1)));
        assert_eq!(super::time_v("nothing"), None);
    }

    #[test]
    fn a_key_log_says_its_slowest_key_and_how_many_were_slow() {
        let log = "echo 500\nresults 2000\nresults 61000\necho 700\nresults 52000\nresults 3000\nnoise\n";
        let (echo, results) = super::keylog_cells(log);
        assert_eq!(echo, "0.500 / 0.700 ms (n=2)");
        assert_eq!(results, "3.00 / 61.00 ms (n=4); slowest 61.00 ms, 2 over 50 ms");
        assert_eq!(super::keylog_cells(""), ("n/a".to_string(), "n/a".to_string()));
    }
}
