//! `byline feed …` (the feed list) and `byline fetch` (every feed into the
//! library): parse the arguments, ask the library, print.

use super::failure::Failure;
use super::progress::{self, RefreshProgress};
use super::{EXIT_OK, EXIT_PARTIAL, output};
use crate::feeds::{FeedStatus, FetchProgress};
use crate::library::{FetchStep, Library, Subscribed};
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

pub fn feed(library: &Library, action: FeedCommand) -> Result<i32, Failure> {
    match action {
        FeedCommand::Add { url, name } => match library.subscribe(&url, name)? {
            Subscribed::Already(name) => println!("already subscribed: {}", clean_line(&name)),
            Subscribed::Added { name, items } => {
                println!("added {} ({items} items): `byline fetch` brings them into the library", clean_line(&name))
            }
        },
        FeedCommand::List { json } => {
            let feeds = library.feeds()?;
            if json {
                output::json(&feeds)?;
            } else if feeds.is_empty() {
                println!("no feeds: add one with `byline feed add URL`");
            }
            for f in feeds.iter().filter(|_| !json) {
                let when = f.last_fetch.map(|t| format!("fetched {}", t.format("%Y-%m-%d %H:%M")));
                let state =
                    f.last_error.as_ref().map(|e| format!("failed: {e}")).or(when).unwrap_or("never fetched".into());
                println!(
                    "{}  {}  ({}; {} items)",
                    clean_line(&f.name),
                    clean_line(&f.url),
                    clean_line(&state),
                    f.items_seen
                );
            }
        }
        FeedCommand::Remove { url_or_name } => {
            let gone = library.unsubscribe(&url_or_name)?;
            println!("removed {}; its fetched articles stay in {}", clean_line(&gone.name), gone.folder.display());
        }
        FeedCommand::Import { file } => {
            let imported = library.import_feeds(&file)?;
            for why in &imported.skipped {
                eprintln!("skipped {}", clean_line(why));
            }
            println!(
                "imported {} feeds ({} already subscribed, {} skipped)",
                imported.added,
                imported.known,
                imported.skipped.len()
            );
        }
        FeedCommand::Export => print!("{}", library.export_feeds()?),
    }
    Ok(EXIT_OK)
}

#[derive(Serialize)]
struct FetchOutput<'a> {
    feeds: &'a [crate::feeds::FeedReport],
    index: &'a crate::index::IndexReport,
}

pub fn fetch(library: &Library, json: bool) -> Result<i32, Failure> {
    if library.feeds()?.is_empty() {
        eprintln!("no feeds: add one with `byline feed add URL`");
    }
    let bar = progress::bar("{spinner} {msg} [{bar:30}] {pos}/{len} feeds");
    let refresh = RefreshProgress::default();
    let fetched = library.fetch(&|step| match step {
        FetchStep::Feeds(FetchProgress::Feed { done, total, name }) => {
            if let Some(bar) = &bar {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
                bar.set_message(clean_line(name));
            }
        }
        FetchStep::Feeds(FetchProgress::Item { done, total }) => {
            if let Some(bar) = &bar {
                bar.set_message(format!("article {}/{total}", done + 1));
            }
        }
        FetchStep::Feeds(FetchProgress::FeedDone(report)) => {
            let line = feed_line(report);
            match &bar {
                Some(bar) => bar.println(line),
                None => eprintln!("{line}"),
            }
        }
        FetchStep::Refresh(step) => {
            if let Some(bar) = bar.as_ref().filter(|b| !b.is_finished()) {
                bar.finish_and_clear();
            }
            refresh.step(step)
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let index = fetched.refreshed?;
    refresh.finish(&index.report);
    let report = &fetched.feeds;
    if json {
        output::json(&FetchOutput { feeds: &report.feeds, index: &index.report })?;
    } else {
        println!("{}", report.summary());
        output::index_report(&index.report);
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
            let mut line = format!("{name}: {stored} new");
            if let Some(pages) = crate::feeds::unread_pages(&r.items.iter().collect::<Vec<_>>()) {
                line.push_str(&format!("; {}", clean_line(&pages)));
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
