//! One trust rule for what a feed links to. Whoever writes a feed chooses
//! its links, and byline follows them on its own: so a feed fetched over
//! http(s) is answered over http(s) only (never from this machine's files,
//! never by another scheme), and a redirect likewise; a feed read from a
//! file (the user's own) may also link files, but only inside its folder.
//! Each refusal is one line, naming what was refused.

use super::source::Source;
use crate::fsutil::lexical;
use std::path::{Path, PathBuf};
use url::Url;

/// The longest piece of a refused link quoted in its reason.
const QUOTED_CHARS: usize = 60;

/// Where the page an item links to may be fetched from, by the feed it
/// came in (`from`), or why it may not.
pub fn page(link: &str, from: &Source) -> Result<Source, String> {
    let url = Url::parse(link.trim()).map_err(|_| format!("not a link: {}", quote(link)))?;
    if let Some(http) = http(&url) {
        return Ok(http);
    }
    match from {
        Source::Http(_) => Err(format!("not an http(s) link: {}", quote(link))),
        Source::File(feed) => {
            let path = url.to_file_path().map_err(|_| format!("not an http(s) or file link: {}", quote(link)))?;
            inside(&path, feed.parent().unwrap_or(Path::new("/")))
                .map(Source::File)
                .map_err(|why| format!("{why}: {}", quote(link)))
        }
    }
}

/// Where a redirect from `from` to `location` leads, if it is http(s).
pub fn redirect(from: &Url, location: &str) -> Result<Url, String> {
    let next = from.join(location.trim()).map_err(|_| format!("redirected to a bad url: {}", quote(location)))?;
    match http(&next) {
        Some(_) => Ok(next),
        None => Err(format!("redirected to a url that is not http(s): {}", quote(location))),
    }
}

/// An http(s) url with a host, as a source.
fn http(url: &Url) -> Option<Source> {
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty()))
        .then(|| Source::Http(url.to_string()))
}

/// `path` if it lies inside `folder` once `..` and symbolic links are
/// resolved, else why not. The check on the words of the path comes first,
/// so that a path outside is refused without touching the file system there.
fn inside(path: &Path, folder: &Path) -> Result<PathBuf, &'static str> {
    const OUTSIDE: &str = "outside the feed's folder";
    let folder = std::fs::canonicalize(folder).map_err(|_| OUTSIDE)?;
    let plain = lexical(path);
    if !plain.starts_with(&folder) {
        return Err(OUTSIDE);
    }
    match std::fs::canonicalize(&plain) {
        Ok(real) if real.starts_with(&folder) => Ok(real),
        Ok(_) => Err("a symbolic link out of the feed's folder"),
        // Not there: reading it will say so, and nothing outside is touched.
        Err(_) => Ok(plain),
    }
}

/// A link as a reason quotes it: one clean line, its first characters.
pub fn quote(text: &str) -> String {
    let line = crate::sanitize::clean_line(text);
    match line.char_indices().nth(QUOTED_CHARS) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn web() -> Source {
        Source::Http("http://news.example/feed.xml".into())
    }

    #[test]
    fn a_web_feed_links_web_pages_only() {
        assert_eq!(page("https://news.example/a", &web()), Ok(Source::Http("https://news.example/a".into())));
        for (link, why) in [
            ("file:///etc/passwd", "not an http(s) link: file:///etc/passwd"),
            ("javascript:alert(1)", "not an http(s) link: javascript:alert(1)"),
            ("data:text/html,<p>hi</p>", "not an http(s) link: data:text/html,<p>hi</p>"),
            ("ftp://news.example/a", "not an http(s) link: ftp://news.example/a"),
            ("/home/ann/memo.txt", "not a link: /home/ann/memo.txt"),
            ("http://", "not a link: http://"),
        ] {
            assert_eq!(page(link, &web()).unwrap_err(), why);
        }
        let long = format!("javascript:{}", "a".repeat(500));
        assert!(page(&long, &web()).unwrap_err().ends_with("aaa…"));
        assert!(!page("javascript:\u{1b}]52;c;eA==\u{7}x", &web()).unwrap_err().contains('\u{1b}'));
    }

    #[test]
    fn a_file_feed_links_files_inside_its_folder_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let feeds = root.join("feeds");
        std::fs::create_dir_all(feeds.join("pages")).unwrap();
        std::fs::write(feeds.join("pages/a.html"), "<p>a</p>").unwrap();
        std::fs::write(root.join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(root.join("secret.txt"), feeds.join("pages/link.html")).unwrap();
        let feed = Source::File(feeds.join("feed.xml"));
        let url = |p: &Path| Url::from_file_path(p).unwrap().to_string();
        assert_eq!(page(&url(&feeds.join("pages/a.html")), &feed), Ok(Source::File(feeds.join("pages/a.html"))));
        assert_eq!(page("https://news.example/a", &feed), Ok(Source::Http("https://news.example/a".into())));
        for outside in [root.join("secret.txt"), feeds.join("pages/../../secret.txt")] {
            let why = page(&url(&outside), &feed).unwrap_err();
            assert!(why.starts_with("outside the feed's folder: file://"), "{why}");
        }
        let why = page(&url(&feeds.join("pages/link.html")), &feed).unwrap_err();
        assert!(why.starts_with("a symbolic link out of the feed's folder: file://"), "{why}");
        assert!(page("javascript:alert(1)", &feed).unwrap_err().starts_with("not an http(s) or file link"));
    }

    #[test]
    fn redirects_go_to_http_only() {
        let from = Url::parse("http://news.example/feed").unwrap();
        assert_eq!(redirect(&from, "/moved").unwrap().as_str(), "http://news.example/moved");
        assert_eq!(redirect(&from, "https://other.example/f").unwrap().as_str(), "https://other.example/f");
        let why = redirect(&from, "file:///etc/passwd").unwrap_err();
        assert_eq!(why, "redirected to a url that is not http(s): file:///etc/passwd");
    }
}
