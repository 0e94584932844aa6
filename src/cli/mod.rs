//! The command line: argument parsing (clap), one function per subcommand,
//! exit codes. It holds no domain logic and puts no domain steps together:
//! it asks the library service ([`crate::library`]) and prints what comes
//! back, as text for people or as JSON for scripts, so that a script sees
//! exactly what the app works from.

mod commands;
mod failure;
mod feeds;
mod library;
mod meta;
mod output;
mod progress;
mod state;

use crate::index::Sort;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Exit status: success.
pub const EXIT_OK: i32 = 0;
/// Exit status: a search found nothing.
pub const EXIT_NOTHING: i32 = 1;
/// Exit status: part of the work failed and the rest was done (`byline
/// fetch`: a feed could not be fetched; the others were, and were indexed).
pub const EXIT_PARTIAL: i32 = 1;
/// Exit status: an error (one line on stderr says which).
pub const EXIT_ERROR: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "byline",
    version,
    about = "Read the news the way an editor does: search many outlets, read cleanly, compare accounts.",
    long_about = "Read the news the way an editor does.\n\n\
        byline indexes a folder of news articles (.txt, .md, .json, .jsonl, saved .html pages), searches them instantly \
        and reads them cleanly. With no command it opens the app on your library, or on five bundled \
        demo articles when you have none.\n\n\
        All state lives in the platform's data, config and cache folders; set BYLINE_HOME to keep it \
        all under one folder instead.",
    after_help = "Examples:\n  byline index ~/news           add a folder to the library and index it\n  \
        byline search '\"state of emergency\" outlet:bloomberg'\n  byline show 3fa2                print an article by id prefix\n  \
        byline library                the library's folders (`byline library remove PATH` takes one out)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Print the default configuration (keys and colours) and exit.
    #[arg(long, global = true)]
    pub print_default_config: bool,
    /// Log more to the log file (-v what byline does, -vv details); `byline paths` shows where it is.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add folders or files to the library and index them; with none, read every folder of the library again.
    #[command(after_help = "Only files whose size, modification time or content changed are read again; \
        articles whose files are gone are removed. A file that cannot be read is skipped with its reason. \
        A folder that is gone keeps its articles and is named once (`byline library remove PATH` drops them).\n\n\
        Examples:\n  byline index ~/news/2022 ~/saved/article.md\n  byline index                     \
        every folder of the library, again")]
    Index {
        /// Folders or files to add (every folder of the library is brought up to date).
        paths: Vec<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search the library.
    #[command(
        after_help = "Query syntax:\n  words              all of them (English stemming: recognize = recognized)\n  \
        \"a phrase\"         these words in this order\n  a OR b             either\n  -word, NOT word    without it\n  \
        kess*              words starting with kess (--prefix: the last word is read so)\n  \
        outlet:bloomberg   field filters: outlet, title, body, byline\n  \
        is:unread, is:read, is:starred, tag:NAME   reading state (-is:read: not read)\n  \
        date:2022-02-21..2022-02-23   date ranges; either end may be left open (date:2022-02..)\n\n\
        A filter byline cannot use (date:yesterday) is an error, unless the rest of the query stands on \
        its own: then a note names what was left out. A query with nothing to search for is an error.\n\n\
        Example:\n  byline search 'Pasechnik OR Pushilin -Bloomberg' --sort date --limit 5"
    )]
    Search {
        /// The query (several words are joined with spaces; put `--` before a query that starts with `-`).
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// How many results to print.
        #[arg(long, short = 'n', default_value_t = 20)]
        limit: usize,
        /// Order by relevance (BM25) or by date, newest first.
        #[arg(long, value_enum, default_value_t = Sort::Relevance)]
        sort: Sort,
        /// Read the last word as the beginning of a word, as the app does while you type (`kess` finds Kessel).
        #[arg(long)]
        prefix: bool,
        /// Print the results as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print one article, cleaned.
    #[command(after_help = "ID is any unique prefix of the article's id, like git; a file name prefix works too.\n\n\
        Example:\n  byline show 3fa2\n  byline show 002_ --json")]
    Show {
        id: String,
        /// Print the article as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The articles that report the same event as ID, best first, and why.
    #[command(after_help = "Each counterpart has a score from 0 to 1 and the names, figures, quotes and passages \
        the two share. Candidates come from the index, so this stays fast on a large library.\n\n\
        Example:\n  byline related 002_ --limit 3")]
    Related {
        id: String,
        /// How many counterparts to list.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The events of the library: articles from several outlets that report the same event.
    #[command(
        after_help = "Largest first, each with a short label, its articles, their outlets and its date span.\n\n\
        QUERY keeps the events in which every word of it starts a word of the label, of an article's headline \
        or of an outlet, letter case aside (the rule of `/` in the app's events view). --of ID prints the event \
        of one article; an article in no event is said to be so, with its nearest counterparts.\n\n\
        Exit status: 0 when something is printed, 1 when no event matches QUERY or the article of --of is in no \
        event, 2 on error (an unknown or ambiguous id among them).\n\n\
        Examples:\n  byline events --json\n  byline events ukraine reuters --limit 3\n  byline events --of 002_"
    )]
    Events {
        /// Keep the events whose headlines and outlets hold these words (several words are joined with spaces).
        #[arg(conflicts_with = "of")]
        query: Vec<String>,
        /// How many events to print (with --of: how many counterparts, for an article in no event; 5 by default).
        #[arg(long, short = 'n')]
        limit: Option<usize>,
        /// Print the event of this article (any unique prefix of its id, or of its file name).
        #[arg(long, value_name = "ID")]
        of: Option<String>,
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Put two accounts side by side: what both say, what each says differently, what only one says.
    #[command(after_help = "Sentences are aligned whether copied, edited, reworded or moved: rows of same, changed, \
        left_only and right_only, with word differences, the quotes, figures and names only one side has, \
        the overall similarity and the share of each side found in the other.\n\n\
        Example:\n  byline compare 002_ 004_\n  byline compare 000_ 001_ --format md > diff.md")]
    Compare {
        left: String,
        right: String,
        /// Print the alignment as JSON (the shape scripts rely on).
        #[arg(long)]
        json: bool,
        /// Text for the terminal, or Markdown.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Subscribe to RSS and Atom feeds: add, list, remove, import and export OPML.
    #[command(after_help = "Examples:\n  byline feed add https://example.org/rss.xml --name Example\n  \
        byline feed add ~/saved/feed.xml\n  byline feed import ~/newsboat.opml\n  byline feed export > feeds.opml")]
    Feed {
        #[command(subcommand)]
        action: feeds::FeedCommand,
    },
    /// Fetch every feed: each new item's page is read and its article added to the library.
    #[command(after_help = "Conditional requests (a feed that has not changed costs one 304), a timeout, \
        a size cap and a pause between two requests to the same host ([feeds] in config.toml). \
        Articles are stored in the data folder under fetched/ and indexed.\n\n\
        Exit status: 0 when every feed was fetched, 1 when some failed (each named on stderr \
        with its reason; the others were fetched and indexed), 2 on error.")]
    Fetch {
        /// Print the report as JSON: per feed its status (fetched, unchanged, failed and why) and new items.
        #[arg(long)]
        json: bool,
    },
    /// The library's folders, with their articles and whether each is still there.
    #[command(after_help = "Examples:\n  byline library\n  byline library remove ~/news/2021")]
    Library {
        #[command(subcommand)]
        action: Option<library::LibraryCommand>,
        /// Print the folders as JSON.
        #[arg(long)]
        json: bool,
    },
    #[command(flatten)]
    State(state::StateCommand),
    /// Count the library: articles, outlets, dates, sources.
    Stats {
        /// Print the statistics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Where byline keeps its index, configuration and log.
    #[command(after_help = "Set BYLINE_HOME to keep them all under one folder.")]
    Paths {
        /// Print them as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  byline completions bash > ~/.local/share/bash-completion/completions/byline\n  \
        byline completions zsh > ~/.zfunc/_byline\n  byline completions fish > ~/.config/fish/completions/byline.fish"
    )]
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  byline man > ~/.local/share/man/man1/byline.1")]
    Man,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Md,
}

/// Run the command line; returns the process exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    if let Ok(paths) = crate::config::Paths::from_env() {
        crate::logging::init(&paths, cli.verbose);
    }
    tracing::debug!(version = env!("CARGO_PKG_VERSION"), args = ?std::env::args().skip(1).collect::<Vec<_>>(), "byline started");
    // A bug must still end in one line and exit status 2, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("byline: internal error{at}: {}", crate::sanitize::clean_line(&what));
    }));
    let result = std::panic::catch_unwind(|| commands::run(cli));
    let _ = std::panic::take_hook();
    let Ok(result) = result else { return EXIT_ERROR };
    result.unwrap_or_else(failure::end)
}
