//! One arm per subcommand: open the library, ask it, print the answer.

use super::failure::Failure;
use super::feeds::FeedCommand;
use super::output;
use super::progress::RefreshProgress;
use super::{Cli, Command, EXIT_NOTHING, EXIT_OK, ReportFormat};
use crate::config::{Config, Paths};
use crate::index::SearchRequest;
use crate::library::Library;
use crate::sanitize::clean_line;
use std::io::IsTerminal;

pub fn run(cli: Cli) -> Result<i32, Failure> {
    if cli.print_default_config {
        print!("{}", crate::config::DEFAULT_CONFIG);
        return Ok(EXIT_OK);
    }
    let paths = Paths::from_env()?;
    let command = match cli.command {
        Some(Command::Paths { json }) => return super::meta::paths(&paths, json),
        Some(Command::Completions { shell }) => return super::meta::completions(shell),
        Some(Command::Man) => return super::meta::man(),
        command => command,
    };
    // The configuration is read here, once, and only for what uses it (the
    // app, and the commands that fetch), so that a broken config.toml does
    // not stop a search.
    let reads_config =
        matches!(command, None | Some(Command::Fetch { .. } | Command::Feed { action: FeedCommand::Add { .. } }));
    let config = if reads_config { Config::load(&paths)? } else { Config::defaults() };
    let Some(command) = command else { return app(paths, config) };
    // Indexing reads the whole library: it checks the whole index too.
    let library = if matches!(command, Command::Index { .. }) {
        Library::open_checked(&paths, &config)?
    } else {
        Library::open(&paths, &config)?
    };
    if library.repaired() {
        eprintln!("byline: the index was damaged; it has been rebuilt from the library");
    }
    match command {
        Command::Index { paths: roots, json } => {
            let progress = RefreshProgress::default();
            let refreshed = library.index(&roots, &|step| progress.step(step))?;
            progress.finish(&refreshed.report);
            if json {
                // The report, and how long each phase took (the benchmark suite reads it).
                let mut value = serde_json::to_value(&refreshed.report)?;
                let took = refreshed.took;
                value["seconds"] =
                    serde_json::json!({ "index": took.index.as_secs_f64(), "grouping": took.grouping.as_secs_f64() });
                output::json(&value)?
            } else {
                output::index_report(&refreshed.report)
            }
            Ok(EXIT_OK)
        }
        Command::Feed { action } => super::feeds::feed(&library, action),
        Command::Fetch { json } => super::feeds::fetch(&library, json),
        Command::Search { query, limit, sort, prefix, json } => {
            let request = SearchRequest { query: query.join(" "), limit, offset: 0, sort, prefix_last: prefix };
            let results = library.search_strict(&request)?;
            if json {
                output::json(&results)?;
            } else {
                output::search_results(&results);
            }
            Ok(if results.total == 0 { EXIT_NOTHING } else { EXIT_OK })
        }
        Command::Show { id, json } => {
            if json {
                let (article, marks) = library.show(&id)?;
                output::json(&crate::state::WithMarks { article: &article, marks })?
            } else {
                output::article(&library.article(&id)?)
            }
            Ok(EXIT_OK)
        }
        Command::Related { id, limit, json } => {
            let article = library.article(&id)?;
            let related = library.related(&article, limit)?;
            if json {
                output::json(&related)?
            } else {
                output::related(&article, &related)
            }
            Ok(EXIT_OK)
        }
        Command::Events { query, limit, of: Some(id), json } => {
            debug_assert!(query.is_empty(), "clap keeps QUERY and --of apart");
            let of = library.event_of(&id, limit.unwrap_or(crate::library::finding::NEAREST))?;
            if json {
                output::json(&output::event_of_json(&of))?
            } else {
                output::event_of(&of)
            }
            Ok(if of.event.is_some() { EXIT_OK } else { EXIT_NOTHING })
        }
        Command::Events { query, limit, of: None, json } => {
            let query = query.join(" ");
            let events = library.events_matching(&query, limit)?;
            if json {
                let covered: Vec<crate::events::Covered> = events
                    .iter()
                    .map(|event| crate::events::Covered { event, coverage: crate::events::Coverage::of(event) })
                    .collect();
                output::json(&covered)?
            } else if events.is_empty() && !query.trim().is_empty() {
                eprintln!("byline: no event has all of {:?} in its headlines and outlets", clean_line(&query));
            } else {
                output::events(&events)
            }
            let asked = crate::events::find::EventQuery::new(&query);
            Ok(if events.is_empty() && !asked.is_empty() { EXIT_NOTHING } else { EXIT_OK })
        }
        Command::Compare { left, right, json, format } => {
            let alignment = library.compare(&left, &right)?.alignment;
            match (json, format) {
                (true, _) => output::json(&alignment)?,
                (false, ReportFormat::Text) => output::text(&alignment.to_text()),
                (false, ReportFormat::Md) => output::text(&alignment.to_markdown()),
            }
            Ok(EXIT_OK)
        }
        Command::Library { action, json } => super::library::run(&library, action, json),
        Command::State(command) => super::state::run(&library, command),
        Command::Paths { .. } | Command::Completions { .. } | Command::Man => unreachable!("answered above"),
        Command::Stats { json } => {
            let stats = library.stats()?;
            if json {
                output::json(&stats)?
            } else {
                output::stats(&stats)
            }
            Ok(EXIT_OK)
        }
    }
}

/// No command: the app, in a terminal; the statistics otherwise.
fn app(paths: Paths, config: Config) -> Result<i32, Failure> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!("byline: not a terminal, so no app; here are the library's statistics");
        return run(Cli { command: Some(Command::Stats { json: false }), print_default_config: false, verbose: 0 });
    }
    Ok(crate::tui::run(paths, config)?)
}
