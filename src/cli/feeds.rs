//! `byline feed …` (the feed list) and `byline fetch` (every feed into the
//! library): parse the arguments, call [`crate::feeds`], print.

use super::output;
use super::{EXIT_OK, EXIT_PARTIAL};
use crate::config::{Config, Paths};
use crate::feeds::http::{Fetched, Fetcher, Validators};
use crate::feeds::{Feed, FeedList, FeedStatus, FetchProgress, Source, opml};
use crate::index::Library;
use crate::sanitize::clean_line;
use clap::Subcommand;
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum FeedCommand {
    /// Subscribe to a feed (an http(s) url, a file path or a file:// url); it is read once to check it is a feed.
    Add {
        url: String,
        /// The name to show, and to give its articles as their outlet (default: the feed's title).
        #[arg(long)]
        name: Option<String>,
    },
    /// The feeds subscribed to.
    List {
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Unsubscribe (by url or name); articles already fetched stay in the library.
    Remove { url_or_name: String },
    /// Subscribe to every feed of an OPML file (as other feed readers export).
    Import { file: PathBuf },
    /// Print the feed list as OPML.
    Export,
}

/// A feed as `byline feed list --json` shows it.
#[derive(Serialize)]
struct Listed<'a> {
    url: &'a str,
    name: &'a str,
    title: Option<&'a str>,
    folder: PathBuf,
    last_fetch: Option<chrono::DateTime<chrono::Utc>>,
    last_error: Option<&'a str>,
    items_seen: usize,
}

pub fn feed(paths: &Paths, action: FeedCommand) -> anyhow::Result<i32> {
    let mut list = FeedList::load(&paths.data)?;
    match action {
        FeedCommand::Add { url, name } => {
            let source = Source::parse(&url).map_err(anyhow::Error::msg)?;
            if let Some(known) = list.find(&source.url()) {
                println!("already subscribed: {}", clean_line(known.display_name()));
                return Ok(EXIT_OK);
            }
            let mut fetcher = Fetcher::new(Config::load(paths)?.feeds);
            let body = match fetcher.fetch(&source, &Validators::default())? {
                Fetched::Body(body) => body,
                Fetched::Unchanged => anyhow::bail!("{url}: the server answered 304 to a plain request"),
            };
            let doc = crate::feeds::parse::parse(&body.bytes, &body.url)
                .map_err(|why| anyhow::anyhow!("{}: {why}", source.url()))?;
            let feed = Feed::new(&source, name, doc.title);
            println!(
                "added {} ({} items): `byline fetch` brings them into the library",
                clean_line(feed.display_name()),
                doc.items.len()
            );
            list.add(feed);
            list.save(&paths.data)?;
        }
        FeedCommand::List { json } => {
            let listed: Vec<Listed> = list
                .feeds
                .iter()
                .map(|f| Listed {
                    url: &f.url,
                    name: f.display_name(),
                    title: f.title.as_deref(),
                    folder: paths.fetched().join(&f.slug),
                    last_fetch: f.last_fetch,
                    last_error: f.last_error.as_deref(),
                    items_seen: f.seen.len(),
                })
                .collect();
            if json {
                output::json(&listed)?;
            } else if listed.is_empty() {
                println!("no feeds: add one with `byline feed add URL`");
            }
            for f in listed.iter().filter(|_| !json) {
                let when = f.last_fetch.map(|t| format!("fetched {}", t.format("%Y-%m-%d %H:%M")));
                let state = f.last_error.map(|e| format!("failed: {e}")).or(when).unwrap_or("never fetched".into());
                println!(
                    "{}  {}  ({}; {} items)",
                    clean_line(f.name),
                    clean_line(f.url),
                    clean_line(&state),
                    f.items_seen
                );
            }
        }
        FeedCommand::Remove { url_or_name } => {
            let gone = list.remove(&url_or_name)?;
            list.save(&paths.data)?;
            println!(
                "removed {}; its fetched articles stay in {}",
                clean_line(gone.display_name()),
                paths.fetched().join(&gone.slug).display()
            );
        }
        FeedCommand::Import { file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let outlines = opml::parse(&text).map_err(|why| anyhow::anyhow!("{}: {why}", file.display()))?;
            let (mut added, mut known, mut bad) = (0, 0, 0);
            for o in &outlines {
                match Source::parse(&o.url) {
                    Ok(source) if list.add(Feed::new(&source, o.name(), o.title.clone())) => added += 1,
                    Ok(_) => known += 1,
                    Err(why) => {
                        bad += 1;
                        eprintln!("skipped {}", clean_line(&why));
                    }
                }
            }
            list.save(&paths.data)?;
            println!("imported {added} feeds ({known} already subscribed, {bad} skipped)");
        }
        FeedCommand::Export => print!("{}", opml::export(&list.feeds)),
    }
    Ok(EXIT_OK)
}

#[derive(Serialize)]
struct FetchOutput<'a> {
    feeds: &'a [crate::feeds::FeedReport],
    index: &'a crate::index::IndexReport,
}

pub fn fetch(library: &Library, paths: &Paths, json: bool) -> anyhow::Result<i32> {
    let settings = Config::load(paths)?.feeds;
    if FeedList::load(&paths.data)?.feeds.is_empty() {
        eprintln!("no feeds: add one with `byline feed add URL`");
    }
    let bar = super::commands::progress_bar("{spinner} {msg} [{bar:30}] {pos}/{len} feeds");
    let progress = |p: FetchProgress| match p {
        FetchProgress::Feed { done, total, name } => {
            if let Some(bar) = &bar {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
                bar.set_message(clean_line(name));
            }
        }
        FetchProgress::Item { done, total } => {
            if let Some(bar) = &bar {
                bar.set_message(format!("article {}/{total}", done + 1));
            }
        }
        FetchProgress::FeedDone(report) => {
            let line = feed_line(report);
            match &bar {
                Some(bar) => bar.println(line),
                None => eprintln!("{line}"),
            }
        }
    };
    let report = crate::feeds::fetch_all(paths, settings, &progress)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let index = super::commands::refresh(library)?;
    if json {
        output::json(&FetchOutput { feeds: &report.feeds, index: &index })?;
    } else {
        println!("{}", report.summary());
        output::index_report(&index);
    }
    Ok(if report.failed() > 0 { EXIT_PARTIAL } else { EXIT_OK })
}

/// One line per feed: its outcome, and the reason when it failed.
fn feed_line(r: &crate::feeds::FeedReport) -> String {
    let name = clean_line(&r.name);
    match r.status {
        FeedStatus::Failed => format!("failed {name}: {}", clean_line(r.reason.as_deref().unwrap_or("unknown error"))),
        FeedStatus::Unchanged => format!("{name}: unchanged"),
        FeedStatus::Fetched => {
            let stored = r.items.iter().filter(|i| i.file.is_some()).count();
            let summary = r.items.iter().filter(|i| i.file.is_some() && !i.extracted).count();
            let mut line = format!("{name}: {stored} new");
            if summary > 0 {
                line.push_str(&format!(" ({summary} from the feed's own text)"));
            }
            if let Some(note) = &r.note {
                line.push_str(&format!("; {}", clean_line(note)));
            }
            for item in r.items.iter().filter(|i| i.note.is_some()) {
                let title = item.title.as_deref().or(item.url.as_deref()).unwrap_or("an item");
                line.push_str(&format!(
                    "\n  {}: {}",
                    clean_line(title),
                    clean_line(item.note.as_deref().unwrap_or(""))
                ));
            }
            line
        }
    }
}
