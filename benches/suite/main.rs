//! The benchmark suite's in-process half (issue 5). `benches/suite.sh`
//! runs the whole suite; it calls this binary for what is measured inside
//! a process using the `byline` library (parse throughput, query latency
//! against byline's and its peers' indexes, `related`, `compare`, keystroke
//! and frame times) and for turning what it measured outside (index runs,
//! key logs, launch times, memory) into table rows. Every subcommand prints
//! markdown rows: `| what | byline | peer | peer ÷ byline | target |`.
//!
//! Run the suite: `benches/suite.sh 10k` (or `100k`, `1m`).

mod app;
mod corpus;
mod grouping;
mod queries;
mod report;
mod search;
mod stats;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Parse throughput of a corpus folder.
    Parse {
        corpus: PathBuf,
    },
    /// The corpus's articles as tantivy-cli JSON lines.
    Export {
        corpus: PathBuf,
        out: PathBuf,
    },
    /// The question set for a library, one per line (kind, byline, tantivy).
    Questions {
        home: PathBuf,
    },
    /// Query latency per kind, with the peers.
    Search {
        home: PathBuf,
        #[arg(long)]
        tantivy: Option<PathBuf>,
        #[arg(long)]
        tantivy_index: Option<PathBuf>,
        /// The raw corpus for ripgrep.
        #[arg(long)]
        corpus: Option<PathBuf>,
        #[arg(long, default_value_t = 30)]
        repeat: usize,
    },
    /// related and compare latency.
    Domain {
        home: PathBuf,
        #[arg(long, default_value_t = 3)]
        repeat: usize,
    },
    /// The stored events scored against the corpus's planted events.
    Grouping {
        home: PathBuf,
        corpus: PathBuf,
    },
    /// Keystroke to frame in-process, and frame draw times.
    App {
        home: PathBuf,
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Words to type in the real-terminal test, one query per line.
    Typing {
        home: PathBuf,
    },
    ReportIndex {
        dir: PathBuf,
    },
    ReportKeylog {
        file: PathBuf,
        #[arg(default_value = "")]
        label: String,
    },
    ReportLaunch {
        runs: PathBuf,
        baseline: PathBuf,
        label: String,
    },
    ReportRss {
        pid: u32,
        label: String,
    },
}

/// Queries a person would type: a common word then a rarer one.
fn typing(home: &std::path::Path) -> anyhow::Result<Vec<String>> {
    let qs = queries::questions(home)?;
    let pick = |kind: &str| qs.iter().filter(|q| q.kind == kind).map(|q| q.byline.clone()).collect::<Vec<_>>();
    let (common, rare, and) = (pick("term (common)"), pick("term (rare)"), pick("AND"));
    Ok(common.iter().zip(&rare).map(|(c, r)| format!("{c} {r}")).chain(and).collect())
}

fn main() -> anyhow::Result<()> {
    // `cargo bench` passes `--bench`; the subcommands do not take it.
    let args = std::env::args().filter(|a| a != "--bench");
    match Cli::parse_from(args).command {
        Cmd::Parse { corpus } => corpus::parse(&corpus),
        Cmd::Export { corpus, out } => corpus::export(&corpus, &out),
        Cmd::Questions { home } => {
            for q in queries::questions(&home)? {
                println!("{}\t{}\t{}\t{}", q.kind, q.byline, q.tantivy.unwrap_or_default(), q.rg.join(" "));
            }
            Ok(())
        }
        Cmd::Search { home, tantivy, tantivy_index, corpus, repeat } => {
            let qs = queries::questions(&home)?;
            let peers =
                search::Peers { tantivy: tantivy.as_deref().zip(tantivy_index.as_deref()), corpus: corpus.as_deref() };
            search::run(&home, &qs, &peers, repeat)
        }
        Cmd::Domain { home, repeat } => app::domain(&home, repeat),
        Cmd::Grouping { home, corpus } => grouping::run(&home, &corpus),
        Cmd::App { home, rounds } => {
            let typed = typing(&home)?;
            app::keystrokes(&home, &typed, rounds)?;
            app::frames(&home, typed.first().map_or("", |s| s.as_str()), 200)
        }
        Cmd::Typing { home } => {
            for q in typing(&home)? {
                println!("{q}");
            }
            Ok(())
        }
        Cmd::ReportIndex { dir } => report::index(&dir),
        Cmd::ReportKeylog { file, label } => report::keylog(&file, &label),
        Cmd::ReportLaunch { runs, baseline, label } => report::launch(&runs, &baseline, &label),
        Cmd::ReportRss { pid, label } => report::rss(pid, &label),
    }
}
