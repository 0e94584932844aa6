//! The commands about byline itself rather than the library: where its
//! files are, shell completions and the manual page, the last two generated
//! from the same clap definitions as the command line, so they never drift.

use super::failure::Failure;
use super::{Cli, EXIT_OK};
use crate::config::Paths;
use clap::CommandFactory;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// Every file and folder byline uses.
#[derive(Debug, Serialize)]
pub struct Locations {
    pub data: PathBuf,
    pub index: PathBuf,
    pub config: PathBuf,
    pub config_file: PathBuf,
    pub cache: PathBuf,
    pub state: PathBuf,
    pub log: PathBuf,
}

impl Locations {
    pub fn of(paths: &Paths) -> Locations {
        Locations {
            data: paths.data.clone(),
            index: crate::index::Catalog::dir(paths),
            config: paths.config.clone(),
            config_file: paths.config_file(),
            cache: paths.cache.clone(),
            state: paths.state.clone(),
            log: paths.log_file(),
        }
    }
}

pub fn paths(paths: &Paths, json: bool) -> Result<i32, Failure> {
    let l = Locations::of(paths);
    if json {
        super::output::json(&l)?;
        return Ok(EXIT_OK);
    }
    let mut out = std::io::stdout().lock();
    for (what, path) in
        [("data", &l.data), ("index", &l.index), ("config", &l.config_file), ("cache", &l.cache), ("log", &l.log)]
    {
        writeln!(out, "{what:<7}{}", crate::sanitize::clean_line(&path.display().to_string()))?;
    }
    Ok(EXIT_OK)
}

pub fn completions(shell: clap_complete::Shell) -> Result<i32, Failure> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "byline", &mut std::io::stdout().lock());
    Ok(EXIT_OK)
}

/// The manual page: the command as clap_mangen renders it, then a section
/// per subcommand with its full help (arguments, options, examples).
pub fn man() -> Result<i32, Failure> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    let mut page = roff::Roff::new();
    for sub in command.get_subcommands_mut() {
        let name = format!("byline {}", sub.get_name());
        let help = sub.render_long_help().to_string();
        page.control("SH", [name.to_uppercase().as_str()])
            .control("nf", [])
            .text([roff::roman(help.trim_end())])
            .control("fi", []);
    }
    out.write_all(page.to_roff().as_bytes())?;
    Ok(EXIT_OK)
}
