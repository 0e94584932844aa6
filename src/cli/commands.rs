//! One function per subcommand: open the library, call it, print.

use super::output;
use super::{Cli, Command, EXIT_NOTHING, EXIT_OK, ReportFormat};
use crate::config::Paths;
use crate::index::{Library, Progress, SearchRequest};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

pub fn run(cli: Cli) -> anyhow::Result<i32> {
    if cli.print_default_config {
        print!("{}", crate::config::DEFAULT_CONFIG);
        return Ok(EXIT_OK);
    }
    let paths = Paths::from_env()?;
    let command = match cli.command {
        None => return app(paths),
        Some(Command::Paths { json }) => return super::meta::paths(&paths, json),
        Some(Command::Completions { shell }) => return super::meta::completions(shell),
        Some(Command::Man) => return super::meta::man(),
        Some(command) => command,
    };
    // Indexing reads the whole library: it checks the whole index too (see index::recover).
    let library =
        if matches!(command, Command::Index { .. }) { Library::open_verified(&paths)? } else { Library::open(&paths)? };
    if library.was_rebuilt() {
        eprintln!("byline: the index was damaged; it has been rebuilt from the library");
    }
    match command {
        Command::Index { paths: roots, json } => index(&library, &roots, json),
        Command::Feed { action } => super::feeds::feed(&paths, action),
        Command::Fetch { json } => super::feeds::fetch(&library, &paths, json),
        Command::Search { query, limit, sort, json } => {
            library.ensure_ready()?;
            let request = SearchRequest { query: query.join(" "), limit, offset: 0, sort, prefix_last: false };
            let results = crate::state::search(&library, &request)?;
            if json {
                output::json(&results)?;
            } else {
                output::search_results(&results);
            }
            Ok(if results.total == 0 { EXIT_NOTHING } else { EXIT_OK })
        }
        Command::Show { id, json } => {
            library.ensure_ready()?;
            let article = library.get(&id)?;
            if json {
                let marks = crate::state::Store::new(library.paths()).load()?.marks(&article.id);
                output::json(&crate::state::WithMarks { article: &article, marks })?
            } else {
                output::article(&article)
            }
            Ok(EXIT_OK)
        }
        Command::Related { id, limit, json } => {
            library.ensure_ready()?;
            let article = library.get(&id)?;
            let related = crate::events::related(&library, &article, limit)?;
            if json {
                output::json(&related)?
            } else {
                output::related(&article, &related)
            }
            Ok(EXIT_OK)
        }
        Command::Events { json } => {
            library.ensure_ready()?;
            let events = crate::events::refresh(&library)?;
            if json {
                let covered: Vec<crate::events::Covered> = events
                    .iter()
                    .map(|event| crate::events::Covered { event, coverage: crate::events::Coverage::of(event) })
                    .collect();
                output::json(&covered)?
            } else {
                output::events(&events)
            }
            Ok(EXIT_OK)
        }
        Command::Compare { left, right, json, format } => {
            library.ensure_ready()?;
            let (left, right) = (library.get(&left)?, library.get(&right)?);
            let alignment = crate::compare::compare(&left, &right);
            match (json, format) {
                (true, _) => output::json(&alignment)?,
                (false, ReportFormat::Text) => output::text(&alignment.to_text()),
                (false, ReportFormat::Md) => output::text(&alignment.to_markdown()),
            }
            Ok(EXIT_OK)
        }
        Command::State(command) => super::state::run(&library, command),
        Command::Paths { .. } | Command::Completions { .. } | Command::Man => unreachable!("answered above"),
        Command::Stats { json } => {
            library.ensure_ready()?;
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
fn app(paths: Paths) -> anyhow::Result<i32> {
    let config = crate::config::Config::load(&paths)?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!("byline: not a terminal, so no app; here are the library's statistics");
        return run(Cli { command: Some(Command::Stats { json: false }), print_default_config: false, verbose: 0 });
    }
    crate::tui::run(paths, config)
}

fn index(library: &Library, roots: &[std::path::PathBuf], json: bool) -> anyhow::Result<i32> {
    // An app open on the same machine keeps answering keys at once.
    crate::background::lower_priority();
    library.add_roots(roots)?;
    let (report, phases) = refresh_timed(library)?;
    if json {
        // The report, and how long each phase took (the benchmark suite reads it).
        let mut value = serde_json::to_value(&report)?;
        value["seconds"] = serde_json::json!({ "index": phases.0.as_secs_f64(), "grouping": phases.1.as_secs_f64() });
        output::json(&value)?
    } else {
        output::index_report(&report)
    }
    Ok(EXIT_OK)
}

/// Bring the index and the events up to date, with a bar on a terminal and
/// plain lines otherwise; skipped files are named on stderr.
pub(super) fn refresh(library: &Library) -> anyhow::Result<crate::index::IndexReport> {
    refresh_timed(library).map(|(report, _)| report)
}

/// [`refresh`], and how long indexing and grouping took.
fn refresh_timed(library: &Library) -> anyhow::Result<(crate::index::IndexReport, (Duration, Duration))> {
    let started = std::time::Instant::now();
    let bar = progress_bar("{spinner} {msg} [{bar:30}] {pos}/{len} files ({eta})");
    if let Some(bar) = &bar {
        bar.set_message("indexing");
    }
    // On a terminal a bar; otherwise (a log, a pipe) a plain line per tenth.
    let progress = |p: Progress| match (&bar, p) {
        (Some(bar), Progress::Walked { files }) => bar.set_length(files as u64),
        (Some(bar), Progress::Read { done, total }) => {
            bar.set_message("indexing"); // again, after a commit between batches
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
        (Some(bar), Progress::Committing) => bar.set_message("committing"),
        (None, Progress::Walked { files }) => eprintln!("found {files} files"),
        (None, Progress::Read { done, total }) if done == total || done % (total / 10).max(1000) == 0 => {
            eprintln!("read {done}/{total} files")
        }
        (None, Progress::Committing) => eprintln!("committing"),
        (None, _) => {}
    };
    let report = library.refresh(&progress)?;
    let carried = crate::events::carry_over(library, &report)?;
    let indexed = started.elapsed();
    match &bar {
        Some(bar) => bar.set_message("grouping events"),
        None => eprintln!("grouping events"),
    }
    let events = match carried {
        Some(events) => events,
        None => crate::events::refresh(library)?,
    };
    let grouped = started.elapsed() - indexed;
    tracing::info!(events = events.len(), ms = grouped.as_millis() as u64, "events grouped");
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for skip in &report.skipped {
        eprintln!("skipped {}", crate::sanitize::clean_line(&skip.to_string()));
    }
    Ok((report, (indexed, grouped)))
}

/// A progress bar drawn with `template` when stderr is a terminal; `None`
/// (plain lines instead) in a log or a pipe.
pub(super) fn progress_bar(template: &'static str) -> Option<ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(ProgressStyle::with_template(template).expect("static template").progress_chars("=> "));
        bar
    })
}
