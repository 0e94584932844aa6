//! Where a feed or a page comes from: an http(s) url, or a file (a path or a
//! `file://` url). Files make feeds testable and usable offline: a feed saved
//! by another tool, or one written by hand.

use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Http(String),
    File(PathBuf),
}

impl Source {
    /// An http(s) url as it is; a `file://` url or a path made absolute.
    /// `Err` says why the text is neither.
    pub fn parse(text: &str) -> Result<Source, String> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return match url::Url::parse(text) {
                Ok(u) if u.host_str().is_some() => Ok(Source::Http(u.to_string())),
                _ => Err(format!("{text:?} is not a valid url")),
            };
        }
        if lower.starts_with("file:") {
            return url::Url::parse(text)
                .ok()
                .and_then(|u| u.to_file_path().ok())
                .map(Source::File)
                .ok_or_else(|| format!("{text:?} is not a valid file url"));
        }
        if text.contains("://") {
            return Err(format!("{text:?}: only http, https and file urls can be fetched"));
        }
        if text.is_empty() {
            return Err("an empty url".into());
        }
        Ok(Source::File(absolute(Path::new(text))))
    }

    /// The url this source is recorded under.
    pub fn url(&self) -> String {
        match self {
            Source::Http(u) => u.clone(),
            Source::File(p) => url::Url::from_file_path(p).map(|u| u.to_string()).unwrap_or_else(|_| {
                // Only a relative path fails, and paths are made absolute.
                format!("file://{}", p.display())
            }),
        }
    }

    /// The host requests are paced by; files have none.
    pub fn host(&self) -> Option<String> {
        match self {
            Source::Http(u) => url::Url::parse(u).ok().and_then(|u| u.host_str().map(str::to_ascii_lowercase)),
            Source::File(_) => None,
        }
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::env::current_dir().map(|d| d.join(path)))
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_paths() {
        assert_eq!(Source::parse("https://Example.org/feed").unwrap(), Source::Http("https://example.org/feed".into()));
        assert_eq!(Source::parse("file:///tmp/a%20b.xml").unwrap(), Source::File("/tmp/a b.xml".into()));
        assert_eq!(Source::parse("/tmp/x.xml").unwrap().url(), "file:///tmp/x.xml");
        assert!(Source::parse("ftp://example.org/x").unwrap_err().contains("only http"));
        assert!(Source::parse("http://").is_err());
        assert_eq!(Source::parse("http://127.0.0.1:8080/f").unwrap().host().as_deref(), Some("127.0.0.1"));
        assert_eq!(Source::parse("/tmp/x.xml").unwrap().host(), None);
    }
}
