//! `sources.toml`: metadata a user can correct without editing an article.
//!
//! A file named `sources.toml` in a library folder maps file names or globs
//! (relative to that folder) to an outlet, a date, a title, a byline or a url:
//!
//! ```toml
//! [[source]]
//! files = "002_*.txt"
//! outlet = "Daily Sabah"
//! date = 2022-02-21
//! ```
//!
//! What the user writes here wins over what the file says. Rules of a folder
//! closer to the file win over rules of a folder above it; within one file,
//! a later rule wins over an earlier one.

use super::fields::Fields;
use crate::dates::parse_date;
use globset::{Glob, GlobMatcher};
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "sources.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    source: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    files: String,
    outlet: Option<String>,
    date: Option<toml::Value>,
    title: Option<String>,
    byline: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Clone)]
struct Rule {
    matcher: GlobMatcher,
    fields: Fields,
}

/// The rules of one `sources.toml`.
#[derive(Debug, Clone)]
pub struct SourcesFile {
    dir: PathBuf,
    rules: Vec<Rule>,
}

impl SourcesFile {
    /// Parse the `sources.toml` at `path`; the error is one line naming the problem.
    pub fn parse(path: &Path, text: &str) -> Result<SourcesFile, String> {
        let raw: RawFile = toml::from_str(text).map_err(|e| crate::sanitize::clean_line(&e.to_string()))?;
        let mut rules = Vec::new();
        for (i, r) in raw.source.into_iter().enumerate() {
            let glob = Glob::new(&r.files).map_err(|e| format!("rule {}: bad glob {:?}: {e}", i + 1, r.files))?;
            let date = match &r.date {
                None => None,
                Some(toml::Value::Datetime(d)) => {
                    Some(parse_date(&d.to_string()).ok_or(format!("rule {}: bad date {d}", i + 1))?)
                }
                Some(toml::Value::String(s)) => Some(parse_date(s).ok_or(format!("rule {}: bad date {s:?}", i + 1))?),
                Some(other) => return Err(format!("rule {}: date must be a date, not {other}", i + 1)),
            };
            rules.push(Rule {
                matcher: glob.compile_matcher(),
                fields: Fields {
                    title: r.title,
                    outlet: r.outlet,
                    byline: r.byline,
                    date,
                    url: r.url,
                    paragraphs: Vec::new(),
                },
            });
        }
        Ok(SourcesFile { dir: path.parent().unwrap_or(Path::new("")).to_path_buf(), rules })
    }

    /// The folder this file's globs are relative to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The overrides of this file for `path` (empty when no rule matches).
    pub fn overrides_for(&self, path: &Path) -> Fields {
        let Ok(relative) = path.strip_prefix(&self.dir) else {
            return Fields::default();
        };
        self.rules
            .iter()
            .rev()
            .filter(|r| r.matcher.is_match(relative) || relative.file_name().is_some_and(|n| r.matcher.is_match(n)))
            .fold(Fields::default(), |acc, r| acc.or(r.fields.clone()))
    }
}

/// All the `sources.toml` rules that apply to files, nearest folder first.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourcesFile>,
}

impl Sources {
    pub fn new(mut files: Vec<SourcesFile>) -> Sources {
        // Deeper folders first, so the nearest file's rules win.
        files.sort_by_key(|f| std::cmp::Reverse(f.dir.components().count()));
        Sources { files }
    }

    pub fn overrides_for(&self, path: &Path) -> Fields {
        self.files.iter().fold(Fields::default(), |acc, f| acc.or(f.overrides_for(path)))
    }

    /// The `sources.toml` files that apply to `path` (for change detection).
    pub fn files_for<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = &'a SourcesFile> + 'a {
        self.files.iter().filter(move |f| path.starts_with(&f.dir))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_dates_and_priority() {
        let top = SourcesFile::parse(
            Path::new("/lib/sources.toml"),
            "[[source]]\nfiles = \"*.txt\"\noutlet = \"Top\"\ndate = 2022-02-21\n\n[[source]]\nfiles = \"002_*.txt\"\noutlet = \"Daily Sabah\"\n",
        )
        .unwrap();
        let sub =
            SourcesFile::parse(Path::new("/lib/sub/sources.toml"), "[[source]]\nfiles = \"a.txt\"\noutlet = \"Sub\"\n")
                .unwrap();
        let sources = Sources::new(vec![top, sub]);
        assert_eq!(sources.overrides_for(Path::new("/lib/002_x.txt")).outlet.as_deref(), Some("Daily Sabah"));
        let f = sources.overrides_for(Path::new("/lib/003_x.txt"));
        assert_eq!((f.outlet.as_deref(), f.date), (Some("Top"), chrono::NaiveDate::from_ymd_opt(2022, 2, 21)));
        assert_eq!(sources.overrides_for(Path::new("/lib/sub/a.txt")).outlet.as_deref(), Some("Sub"));
        assert_eq!(sources.overrides_for(Path::new("/other/a.md")), Fields::default());
    }

    #[test]
    fn errors_name_the_problem() {
        let e = SourcesFile::parse(Path::new("s.toml"), "[[source]]\nfiles = \"a[\"\n").unwrap_err();
        assert!(e.contains("bad glob"), "{e}");
        let e = SourcesFile::parse(Path::new("s.toml"), "[[source]]\nfiles = \"a\"\ndate = \"someday\"\n").unwrap_err();
        assert!(e.contains("bad date"), "{e}");
        let e = SourcesFile::parse(Path::new("s.toml"), "[[source]]\nfiles = \"a\"\noutlt = \"x\"\n").unwrap_err();
        assert!(e.contains("outlt"), "{e}");
    }
}
