//! The reading-state and link subcommands: `mark`, `star`, `tag` and
//! `open`. The library resolves the id prefixes and changes the state; this
//! prints each article's state after the change.

use super::EXIT_OK;
use super::failure::{Failure, invalid};
use super::output::short_id;
use crate::article::ArticleId;
use crate::library::Library;
use crate::sanitize::clean_line;
use crate::state::{Change, normalise_tag};
use clap::Subcommand;
use serde::Serialize;

#[derive(Debug, Subcommand)]
pub enum StateCommand {
    /// Mark articles read or unread (one of --read and --unread).
    #[command(
        after_help = "Example:\n  byline mark 3fa2 002_ --read\n  byline mark 3fa2 --unread\n  byline search is:unread",
        group(clap::ArgGroup::new("state").required(true).args(["read", "unread"]))
    )]
    Mark {
        /// Articles, by any unique id prefix (or file name prefix).
        #[arg(required = true)]
        ids: Vec<String>,
        /// Mark them read.
        #[arg(long)]
        read: bool,
        /// Mark them unread.
        #[arg(long)]
        unread: bool,
        /// Print the articles' state as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Star articles (or take the star off with --off).
    #[command(after_help = "Example:\n  byline star 3fa2\n  byline search is:starred")]
    Star {
        /// Articles, by any unique id prefix (or file name prefix).
        #[arg(required = true)]
        ids: Vec<String>,
        /// Take the star off.
        #[arg(long)]
        off: bool,
        /// Print the articles' state as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add (+name) or remove (-name) tags.
    #[command(after_help = "Tags are lower case: letters, digits, - _ . / and :.\n\n\
        Example:\n  byline tag 3fa2 002_ +ukraine -draft\n  byline search 'tag:ukraine -is:read'")]
    Tag {
        /// Article ids, then +tag to add and -tag to remove.
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
        items: Vec<String>,
        /// Print the articles' state as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Open an article's link in the browser ($BROWSER, else the platform's opener).
    #[command(after_help = "Only http and https links are opened; the browser is started without a shell.\n\n\
        Example:\n  byline open 3fa2\n  BROWSER='firefox --new-tab %u' byline open 002_")]
    Open {
        id: String,
        /// Print the url and the command run as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// One article's state, as printed.
#[derive(Serialize)]
struct Marked {
    id: ArticleId,
    title: String,
    read: bool,
    starred: bool,
    tags: Vec<String>,
}

pub fn run(library: &Library, command: StateCommand) -> Result<i32, Failure> {
    let (ids, change, json) = match command {
        StateCommand::Mark { ids, read, unread: _, json } => (ids, Change::Read(read), json),
        StateCommand::Star { ids, off, json } => (ids, Change::Star(!off), json),
        StateCommand::Tag { items, json } => {
            // `-name` makes the list take anything, `--json` too.
            let json = json || items.iter().any(|i| i == "--json");
            let (mut ids, mut add, mut remove) = (Vec::new(), Vec::new(), Vec::new());
            for item in items.into_iter().filter(|i| i != "--json") {
                let tag = |t: &str| normalise_tag(t).map_err(|e| invalid(format!("{item:?}: {e}")));
                match (item.strip_prefix('+'), item.strip_prefix('-')) {
                    (Some(t), _) => add.push(tag(t)?),
                    (_, Some(t)) => remove.push(tag(t)?),
                    _ => ids.push(item),
                }
            }
            if add.is_empty() && remove.is_empty() {
                return Err(invalid("name tags to add (+name) or remove (-name)"));
            }
            (ids, Change::Tags { add, remove }, json)
        }
        StateCommand::Open { id, json } => return open(library, &id, json),
    };
    if ids.is_empty() {
        return Err(invalid("name at least one article"));
    }
    let shown: Vec<Marked> = library
        .mark_articles(&ids, &change)?
        .into_iter()
        .map(|(a, m)| Marked {
            id: a.id,
            title: a.title,
            read: m.read,
            starred: m.starred,
            tags: m.tags.into_iter().collect(),
        })
        .collect();
    if json {
        super::output::json(&shown)?;
    } else {
        for m in &shown {
            let tags = if m.tags.is_empty() { String::new() } else { format!("  #{}", m.tags.join(" #")) };
            println!(
                "{}  {}  {}  {}{tags}",
                short_id(&m.id),
                if m.read { "read  " } else { "unread" },
                if m.starred { "★" } else { " " },
                clean_line(&m.title)
            );
        }
    }
    Ok(EXIT_OK)
}

fn open(library: &Library, id: &str, json: bool) -> Result<i32, Failure> {
    let article = library.article(id)?;
    let url = crate::links::validate(article.url.as_deref())?;
    let command = crate::links::Opener::from_env().open(&url)?;
    if json {
        super::output::json(&serde_json::json!({ "id": article.id, "url": url.as_str(), "command": command }))?;
    } else {
        println!("opened {}", clean_line(url.as_str()));
    }
    Ok(EXIT_OK)
}
