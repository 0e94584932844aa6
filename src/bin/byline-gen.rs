//! `byline-gen`: write a seeded synthetic news corpus with planted events and
//! its ground truth, for measuring event grouping and for benchmarks.
//!
//! ```text
//! byline-gen --articles 100000 --seed 7 --out /tmp/corpus --format both
//! ```

use byline::synth::{self, Config, OutputFormat};
use clap::{Parser, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// One file per article (.txt, .md) and small .jsonl batches.
    Files,
    /// JSONL shards of --shard-size articles.
    Shards,
    /// Both.
    Both,
}

/// Generate a seeded synthetic news corpus with planted events and ground truth.
///
/// Writes DIR/files/… and/or DIR/shards/…, and always DIR/truth.jsonl (one
/// line per article) and DIR/events.jsonl (one line per planted event).
/// Index DIR/files or DIR/shards, not DIR itself.
#[derive(Debug, Parser)]
#[command(name = "byline-gen", version)]
struct Args {
    /// Number of articles.
    #[arg(long, default_value_t = 10_000)]
    articles: usize,
    /// Seed: the same seed gives byte-identical output.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output folder.
    #[arg(long)]
    out: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Files)]
    format: Format,
    /// Articles per JSONL shard.
    #[arg(long, default_value_t = 10_000)]
    shard_size: usize,
    /// Share of articles that report a planted event.
    #[arg(long, default_value_t = 0.6)]
    event_share: f64,
    /// Replace a corpus already in the output folder.
    #[arg(long)]
    force: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !(0.0..=1.0).contains(&args.event_share) {
        eprintln!("byline-gen: --event-share must be between 0 and 1");
        return ExitCode::from(2);
    }
    if args.force
        && let Err(e) = synth::clear(&args.out)
    {
        eprintln!("byline-gen: cannot clear {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    let cfg =
        Config { event_share: args.event_share, shard_size: args.shard_size, ..Config::new(args.articles, args.seed) };
    let format = match args.format {
        Format::Files => OutputFormat::Files,
        Format::Shards => OutputFormat::Shards,
        Format::Both => OutputFormat::Both,
    };
    let tty = std::io::stderr().is_terminal();
    let total = args.articles.max(1);
    let last = std::sync::atomic::AtomicUsize::new(0);
    let progress = |done: usize| {
        let pct = done * 100 / total;
        if tty {
            eprint!("\rgenerating: {done}/{total} articles ({pct}%)");
            let _ = std::io::stderr().flush();
        } else if pct >= last.load(std::sync::atomic::Ordering::Relaxed) + 10 || done == total {
            last.store(pct, std::sync::atomic::Ordering::Relaxed);
            eprintln!("generating: {done}/{total} articles ({pct}%)");
        }
    };
    match synth::generate_to(&cfg, &args.out, format, &progress) {
        Ok(stats) => {
            if tty {
                eprintln!();
            }
            let mb = stats.bytes as f64 / 1e6;
            let secs = stats.seconds.max(1e-9);
            println!(
                "{} articles, {} events, {} files, {} shards, {:.1} MB in {:.1} s ({:.0} articles/s, {:.1} MB/s) -> {}",
                stats.articles,
                stats.events,
                stats.files,
                stats.shards,
                mb,
                stats.seconds,
                stats.articles as f64 / secs,
                mb / secs,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            if tty {
                eprintln!();
            }
            eprintln!("byline-gen: {}: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}
