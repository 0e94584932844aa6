//! The generated corpus as byline reads it: parse throughput, and the same
//! articles exported as tantivy-cli's JSON-lines input (title, body,
//! outlet, date, url), so that the peer indexes exactly what byline does.

use crate::stats::Row;
use byline::corpus::{self, Fields, WalkItem};
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn article_files(dir: &Path) -> Vec<(PathBuf, u64)> {
    corpus::walk(&[dir.to_path_buf()])
        .into_iter()
        .filter_map(|item| match item {
            WalkItem::Article(path, _) => {
                let len = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                Some((path, len))
            }
            _ => None,
        })
        .collect()
}

/// Read and parse every file of `dir` as `byline index` does (all cores),
/// without indexing: articles/s and MB/s.
pub fn parse(dir: &Path) -> anyhow::Result<()> {
    let files = article_files(dir);
    let bytes: u64 = files.iter().map(|f| f.1).sum();
    let started = Instant::now();
    let articles: usize = files
        .par_iter()
        .map(|(path, _)| corpus::read_file(path, &Fields::default()).map_or(0, |p| p.articles.len()))
        .sum();
    let secs = started.elapsed().as_secs_f64();
    Row::new(
        format!("parse (read, decode, clean; {} threads)", rayon::current_num_threads()),
        format!(
            "{:.0} articles/s, {:.1} MB/s ({articles} articles, {:.0} MB, {secs:.1} s)",
            articles as f64 / secs,
            bytes as f64 / 1e6 / secs,
            bytes as f64 / 1e6
        ),
    )
    .print();
    Ok(())
}

/// Write the articles of `dir` as JSON lines for `tantivy index`.
pub fn export(dir: &Path, out: &Path) -> anyhow::Result<()> {
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    let mut n = 0;
    for (path, _) in article_files(dir) {
        let Ok(parsed) = corpus::read_file(&path, &Fields::default()) else { continue };
        for a in parsed.articles {
            let mut doc = serde_json::json!({ "title": a.title, "body": a.body() });
            if let Some(outlet) = a.outlet {
                doc["outlet"] = outlet.into();
            }
            if let Some(date) = a.date {
                doc["date"] = format!("{date}T00:00:00Z").into();
            }
            if let Some(url) = a.url {
                doc["url"] = url.into();
            }
            serde_json::to_writer(&mut w, &doc)?;
            w.write_all(b"\n")?;
            n += 1;
        }
    }
    w.flush()?;
    eprintln!("exported {n} articles to {}", out.display());
    Ok(())
}
