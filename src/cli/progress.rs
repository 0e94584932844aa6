//! What a long command shows while it works: a bar when stderr is a
//! terminal, a plain line per step in a log or a pipe (a bar redrawn there
//! would fill the log with escape sequences). The steps are the library's
//! values ([`Step`]); only how they look is decided here.

use crate::index::{IndexReport, Progress};
use crate::library::Step;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::OnceLock;

/// A progress bar drawn with `template` when stderr is a terminal; `None`
/// (plain lines instead) in a log or a pipe.
pub fn bar(template: &'static str) -> Option<ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(ProgressStyle::with_template(template).expect("static template").progress_chars("=> "));
        bar
    })
}

/// How a refresh shows itself: its bar is made at its first step, so that
/// a command that fails before refreshing leaves no bar behind.
#[derive(Default)]
pub struct RefreshProgress {
    bar: OnceLock<Option<ProgressBar>>,
}

impl RefreshProgress {
    fn bar(&self) -> &Option<ProgressBar> {
        self.bar.get_or_init(|| {
            let bar = bar("{spinner} {msg} [{bar:30}] {pos}/{len} files ({eta})");
            if let Some(bar) = &bar {
                bar.set_message("indexing");
            }
            bar
        })
    }

    /// Show one step: on a terminal the bar, otherwise a line per tenth.
    pub fn step(&self, step: Step) {
        match (self.bar(), step) {
            (Some(bar), Step::Index(Progress::Walked { files })) => bar.set_length(files as u64),
            (Some(bar), Step::Index(Progress::Read { done, total })) => {
                bar.set_message("indexing"); // again, after a commit between batches
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            }
            (Some(bar), Step::Index(Progress::Committing)) => bar.set_message("committing"),
            (Some(bar), Step::Grouping) => bar.set_message("grouping events"),
            (None, Step::Index(Progress::Walked { files })) => eprintln!("found {files} files"),
            (None, Step::Index(Progress::Read { done, total }))
                if done == total || done % (total / 10).max(1000) == 0 =>
            {
                eprintln!("read {done}/{total} files")
            }
            (None, Step::Index(Progress::Committing)) => eprintln!("committing"),
            (None, Step::Grouping) => eprintln!("grouping events"),
            (None, _) => {}
        }
    }

    /// The refresh is over: the bar goes, and each skipped file is named.
    pub fn finish(self, report: &IndexReport) {
        if let Some(Some(bar)) = self.bar.get() {
            bar.finish_and_clear();
        }
        for skip in &report.skipped {
            eprintln!("skipped {}", crate::sanitize::clean_line(&skip.to_string()));
        }
        for gone in &report.gone {
            eprintln!("{}", gone.said());
        }
    }
}
