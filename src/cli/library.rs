//! `byline library`: the library's folders with their articles and state,
//! and `byline library remove PATH` to take one out.

use super::failure::Failure;
use super::progress::RefreshProgress;
use super::{EXIT_OK, output};
use crate::index::{Folder, FolderKind, FolderState};
use crate::library::Library;
use crate::sanitize::clean_line;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Take a folder out of the library: its articles leave the index (in one commit), its files stay on disk.
    #[command(after_help = "PATH is the folder as `byline library` lists it; one that no longer exists \
        can be removed too. An article also read from a file in another folder of the library stays.\n\n\
        Example:\n  byline library remove ~/news/2021")]
    Remove {
        path: PathBuf,
        /// Print what was removed as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(library: &Library, action: Option<LibraryCommand>, json: bool) -> Result<i32, Failure> {
    match action {
        None => {
            let folders = library.folders()?;
            if json {
                output::json(&folders)?;
            } else {
                folders.iter().for_each(print_folder);
            }
        }
        Some(LibraryCommand::Remove { path, json }) => {
            let progress = RefreshProgress::default();
            let removed = library.remove_folder(&path, &|step| progress.step(step))?;
            progress.finish(&Default::default());
            if json {
                output::json(&removed)?;
            } else {
                let kept = match removed.articles_kept {
                    0 => String::new(),
                    n => format!(" ({n} kept: also in another folder)"),
                };
                println!(
                    "removed {}: {} articles from {} files{kept}; {} articles in the library",
                    clean_line(&removed.path.to_string_lossy()),
                    removed.articles_removed,
                    removed.files,
                    removed.articles_total
                );
                if library.info()?.demo {
                    println!(
                        "no folder of yours is left: byline shows its demo articles until you add one (`byline index FOLDER`)"
                    );
                }
            }
        }
    }
    Ok(EXIT_OK)
}

fn print_folder(f: &Folder) {
    let path = clean_line(&f.path.to_string_lossy());
    let what = match (&f.kind, &f.state) {
        (_, FolderState::Gone) => format!("gone: its articles are kept; `byline library remove {path}` drops them"),
        (_, FolderState::Unreadable(why)) => format!("unreadable: {}", clean_line(why)),
        (FolderKind::Demo, _) => "the bundled demo articles, until you add a folder with `byline index FOLDER`".into(),
        (FolderKind::Fetched, _) => "articles fetched from your feeds (`byline feed list`)".into(),
        (FolderKind::Added, _) => String::new(),
    };
    let what = if what.is_empty() { what } else { format!("  ({what})") };
    println!("{:>8} articles  {path}{what}", f.articles);
}
