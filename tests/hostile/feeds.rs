//! The hostile feed server's cases share this: a library that already holds
//! one good fetched article, private files outside it (the markers: watched
//! with inotify, so that any process opening them is seen, and holding a
//! word no feed has, which must never reach the library), and the checks
//! every case ends with: no crash, the good article still found as before,
//! no marker opened and its word nowhere, every line byline printed clean,
//! and the peak memory of the child under the bound.

#![allow(dead_code)]

use crate::common::http::{Route, Server};
use crate::common::measure::{self, Run};
use crate::common::{self, Sandbox};
use byline::feeds::{Feed, FeedList, Source};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The bound on `byline fetch`, whatever a server sends.
pub const MEMORY_BOUND_BYTES: u64 = 150 * 1024 * 1024;

/// The marker's word: in no feed, no page, no seed.
pub const SECRET: &str = "zyxquokkamemo";

pub struct Hostile {
    pub server: Server,
    pub sb: Sandbox,
    /// A private file, outside every library folder.
    pub marker: PathBuf,
    /// The good article's hit, as `search glaciers --json` gave it.
    good: (Value, Value),
    /// An inotify descriptor watching the markers for opens.
    watch: i32,
}

impl Drop for Hostile {
    fn drop(&mut self) {
        // SAFETY: our own descriptor, closed once.
        unsafe { libc::close(self.watch) };
    }
}

impl Hostile {
    /// A library with one good feed fetched; `[feeds]` of the config gets
    /// `host_delay_ms = 0` and these lines.
    pub fn new(config: &str) -> Hostile {
        let server = Server::start();
        let sb = Sandbox::new();
        common::write(&sb.home().join("config/config.toml"), format!("[feeds]\nhost_delay_ms = 0\n{config}\n"));
        let marker = sb.dir.path().join("private/memo.txt");
        let memo = format!(
            "The {SECRET} account number is 12345678, and nobody outside this office may ever read it or copy it.\n\n\
             Passwords for the payroll system are kept in the second drawer, with the {SECRET} keys and the badge.\n\n\
             The board meets on Thursday to decide on the merger, which must stay secret until the markets close."
        );
        common::write(&marker, &memo);
        let paragraphs: Vec<&str> = memo.split("\n\n").collect();
        common::write(&marker.with_extension("html"), page("Private", "Private memo", &paragraphs));
        let watch = watch_opens(&[&marker, &marker.with_extension("html")]);
        server.route(
            "/good.xml",
            Route::xml(rss("Good Feed", &[item("good-1", "/good/1", "A summary about glaciers.")])),
        );
        let paragraphs = [
            "The glaciers of the northern valley retreated forty metres this summer, the survey found on Monday.",
            "Researchers said the melt had doubled in a decade, and that the lake below had risen by a metre.",
        ];
        server.route("/good/1", Route::html(page("Valley Survey", "Glaciers retreat", &paragraphs)));
        let h = Hostile { server, sb, marker, good: (Value::Null, Value::Null), watch };
        h.subscribe(&h.server.url("/good.xml"));
        let first = h.fetch();
        assert_eq!(first.run.code, Some(0), "{}", first.run.stderr);
        let good = h.search_glaciers();
        assert_eq!(good.0, 1, "the good article is in: {:?}", good.1);
        let good = (good.0.into(), good.1);
        let mut h = h;
        h.good = good;
        h
    }

    /// Subscribe to `url` as `feed add` would, without reading it first
    /// (a hostile server can be well when added and hostile when fetched).
    pub fn subscribe(&self, url: &str) {
        let data = self.sb.paths().data;
        let mut list = FeedList::load(&data).unwrap();
        list.add(Feed::new(&Source::parse(url).unwrap(), None, None));
        list.save(&data).unwrap();
    }

    pub fn byline(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_byline"));
        cmd.env("BYLINE_HOME", self.sb.home()).env("NO_COLOR", "1").env_remove("RUST_BACKTRACE");
        cmd
    }

    /// `byline fetch --json`, measured.
    pub fn fetch(&self) -> Fetch {
        let run = measure::run(self.byline().args(["fetch", "--json"]));
        let report = serde_json::from_slice(&run.stdout).unwrap_or(Value::Null);
        Fetch { run, report }
    }

    fn search_glaciers(&self) -> (u64, Value) {
        let out = self.byline().args(["search", "glaciers", "--json"]).output().unwrap();
        let hits: Value = serde_json::from_slice(&out.stdout).expect("search answers JSON");
        let first = &hits["hits"][0];
        (hits["total"].as_u64().unwrap_or(0), serde_json::json!([first["id"], first["title"], first["outlet"]]))
    }

    /// The checks every case ends with; prints the case's figures.
    pub fn assert_held(&self, case: &str, run: &Run) {
        // 0 or 1 for a fetch (some feeds failed), 2 for a command refused in one line.
        assert!(matches!(run.code, Some(0..=2)), "{case}: exit {:?}\n{}", run.code, run.stderr);
        assert!(!run.stderr.contains("panicked"), "{case}: {}", run.stderr);
        for line in run.stderr.lines() {
            assert!(line_is_clean(line), "{case}: a line with control characters: {line:?}");
        }
        let (total, hit) = self.search_glaciers();
        assert_eq!((Value::from(total), hit), self.good, "{case}: the good article, as before");
        assert_eq!(opened(self.watch), 0, "{case}: a private marker file was opened");
        let out = self.byline().args(["search", SECRET]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{case}: the private memo is in the library");
        if let Some(file) = files_holding(&self.sb.home(), SECRET).first() {
            panic!("{case}: the private memo was read into {}", file.display());
        }
        assert!(
            run.peak_rss_bytes < MEMORY_BOUND_BYTES,
            "{case}: peak RSS {} MiB over the bound of {} MiB",
            run.peak_mib(),
            MEMORY_BOUND_BYTES >> 20
        );
        // A failed feed, an item's note, a refused command: one line each.
        let reasons =
            run.stderr.lines().filter(|l| l.starts_with("failed ") || l.starts_with("  ") || l.starts_with("byline: "));
        eprintln!(
            "hostile feed case {case}: held, {} lines of reason, peak RSS {} MiB",
            reasons.count(),
            run.peak_mib()
        );
    }
}

/// An inotify descriptor told of every open of `files`.
fn watch_opens(files: &[&Path]) -> i32 {
    // SAFETY: plain system calls on our own descriptor and valid C strings.
    unsafe {
        let fd = libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC);
        assert!(fd >= 0, "inotify_init1: {}", std::io::Error::last_os_error());
        for file in files {
            let path = std::ffi::CString::new(file.as_os_str().as_encoded_bytes()).unwrap();
            let wd = libc::inotify_add_watch(fd, path.as_ptr(), libc::IN_OPEN | libc::IN_ACCESS);
            assert!(wd >= 0, "inotify_add_watch: {}", std::io::Error::last_os_error());
        }
        fd
    }
}

/// How many bytes of open events are waiting on `fd` (none: nothing opened).
fn opened(fd: i32) -> usize {
    let mut buf = [0u8; 4096];
    // SAFETY: reading into our own buffer from our own non-blocking descriptor.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
    n.max(0) as usize
}

/// One line with no control character and no bidi control in it.
pub fn line_is_clean(line: &str) -> bool {
    !line.chars().any(|c| c.is_control() || byline::sanitize::is_forbidden(c))
}

/// The files under `dir` whose bytes hold `word`.
fn files_holding(dir: &Path, word: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path).is_ok_and(|b| b.windows(word.len()).any(|w| w == word.as_bytes())) {
                found.push(path);
            }
        }
    }
    found
}

/// What `byline fetch --json` gave.
pub struct Fetch {
    pub run: Run,
    pub report: Value,
}

impl Fetch {
    /// The report of the feed whose url ends with `path`.
    pub fn feed(&self, path: &str) -> &Value {
        let feeds = self.report["feeds"].as_array().unwrap_or_else(|| panic!("no report: {}", self.run.stderr));
        feeds.iter().find(|f| f["url"].as_str().unwrap_or("").ends_with(path)).unwrap_or_else(|| panic!("{path}"))
    }

    /// The line `byline fetch` printed for the feed named `name` (and the
    /// lines of its items' notes under it).
    pub fn lines_of(&self, name: &str) -> String {
        let mut lines =
            self.run.stderr.lines().skip_while(|l| !l.starts_with(name) && !l.contains(&format!(" {name}:")));
        let first = lines.next().unwrap_or_default();
        std::iter::once(first).chain(lines.take_while(|l| l.starts_with("  "))).collect::<Vec<_>>().join("\n")
    }
}

/// An item of [`rss`]: guid, link (empty for none), summary.
pub fn item(guid: &str, link: &str, summary: &str) -> String {
    let link = if link.is_empty() { String::new() } else { format!("<link>{link}</link>") };
    format!(
        "<item><title>Story {guid}</title>{link}<guid isPermaLink=\"false\">{guid}</guid>\
         <pubDate>Mon, 21 Feb 2022 10:00:00 GMT</pubDate><description>{summary}</description></item>"
    )
}

pub fn rss(title: &str, items: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title>{}</channel></rss>",
        items.concat()
    )
}

/// A news page with navigation and a footer around the article.
pub fn page(site: &str, headline: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!doctype html><html><head><title>{headline} | {site}</title>\
         <meta property=\"og:site_name\" content=\"{site}\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>{headline}</h1>{body}</article><footer>Copyright {site}.</footer></body></html>"
    )
}
