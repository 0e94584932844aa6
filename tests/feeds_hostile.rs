//! A hostile feed server on loopback, started by each test and bounded in
//! requests and time (`common/http.rs`): what it sends on the wire. Bombs
//! (gzip, deflate, stacked), an endless body, a trickle, redirect loops and
//! redirects out of http(s), and item links to this machine's files or to
//! other schemes. Each case ends with the library intact, one clear line per
//! refusal, the private marker file unread and the peak memory of `byline
//! fetch` under 150 MB (`hostile/feeds.rs`).

mod common;
#[path = "hostile/feeds.rs"]
mod hostile;

use common::http;
use common::measure;

use flate2::Compression;
use hostile::{Hostile, item, rss};
use http::Route;
use std::io::Write;
use std::time::Duration;

const MIB: usize = 1024 * 1024;

/// `prefix`, then spaces up to `inflated` bytes, as gzip members: a
/// megabyte on the wire per gibibyte inflated.
fn gzip_bomb(prefix: &[u8], inflated: usize) -> Vec<u8> {
    let gzip = |data: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    };
    let spaces = gzip(&vec![b' '; MIB]);
    let mut bomb = gzip(prefix);
    for _ in 0..inflated / MIB {
        bomb.extend_from_slice(&spaces);
    }
    bomb
}

/// The same as one raw deflate stream: blocks flushed to a byte boundary
/// can follow one another, and a last empty block ends it.
fn deflate_bomb(prefix: &[u8], inflated: usize) -> Vec<u8> {
    let blocks = |data: &[u8]| {
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), Compression::best());
        e.write_all(data).unwrap();
        e.flush().unwrap();
        e.get_ref().clone()
    };
    let spaces = blocks(&vec![b' '; MIB]);
    let mut bomb = blocks(prefix);
    for _ in 0..inflated / MIB {
        bomb.extend_from_slice(&spaces);
    }
    bomb.extend_from_slice(&[0x03, 0x00]);
    bomb
}

const FEED_START: &[u8] = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bomb</title>";

#[test]
fn bombs_are_cut_at_the_cap_once_decompressed() {
    let h = Hostile::new("");
    let gib = 1024 * MIB;
    let gzip = gzip_bomb(FEED_START, gib);
    assert!(gzip.len() < 2 * MIB, "a megabyte on the wire: {}", gzip.len());
    h.server.route("/gzip.xml", Route::xml(gzip.clone()).header("Content-Encoding", "gzip"));
    h.server.route("/deflate.xml", Route::xml(deflate_bomb(FEED_START, gib)).header("Content-Encoding", "deflate"));
    // gzip on gzip, as a server may stack them: 64 KiB on the wire.
    let mut twice = flate2::write::GzEncoder::new(Vec::new(), Compression::best());
    twice.write_all(&gzip).unwrap();
    h.server.route("/twice.xml", Route::xml(twice.finish().unwrap()).header("Content-Encoding", "gzip, gzip"));
    // A feed that is fine, whose item's page is the bomb.
    let page_bomb = gzip_bomb(b"<html><body><article><p>", gib);
    h.server.route("/pages.xml", Route::xml(rss("Paged", &[item("p-1", "/bomb.html", "The feed's own summary.")])));
    h.server.route("/bomb.html", Route::html(page_bomb).header("Content-Encoding", "gzip"));
    // `feed add` reads it once: refused in one line.
    let add = measure::run(h.byline().args(["feed", "add", &h.server.url("/gzip.xml")]));
    h.assert_held("feed add of a gzip bomb", &add);
    assert_eq!(add.code, Some(2), "{}", add.stderr);
    assert_eq!(add.stderr.trim(), "byline: 127.0.0.1: too big: over 8 MiB once decompressed (cut off there)");
    for path in ["/gzip.xml", "/deflate.xml", "/twice.xml", "/pages.xml"] {
        h.subscribe(&h.server.url(path));
    }
    let fetch = h.fetch();
    h.assert_held("gzip, deflate and stacked bombs, feed and page", &fetch.run);
    for path in ["/gzip.xml", "/deflate.xml", "/twice.xml"] {
        let feed = fetch.feed(path);
        assert_eq!(feed["status"], "failed", "{path}: {feed}");
        let reason = "127.0.0.1: too big: over 8 MiB once decompressed (cut off there)";
        assert_eq!(feed["reason"], reason, "{path}");
        assert!(fetch.lines_of(&h.server.url(path)).ends_with(reason), "{path}: {}", fetch.run.stderr);
    }
    let item = &fetch.feed("/pages.xml")["items"][0];
    assert_eq!(item["note"], "page: too big: over 8 MiB once decompressed (cut off there)", "{item}");
    assert_eq!(item["extracted"], false, "the item keeps the feed's own text");
    assert!(fetch.lines_of("Paged").contains("Story p-1: page: too big: over 8 MiB"), "{}", fetch.run.stderr);
}

#[test]
fn endless_and_trickling_bodies_end_at_the_cap_or_the_timeout() {
    let h = Hostile::new("timeout_secs = 2");
    let endless = Route { repeat: usize::MAX, ..Route::xml(format!("{}<item>", String::from_utf8_lossy(FEED_START))) };
    h.server.route("/endless.xml", endless);
    let trickle = Route { repeat: usize::MAX, pace: Duration::from_millis(50), ..Route::xml("<item>") };
    h.server.route("/trickle.xml", trickle);
    h.server.route("/coded.xml", Route::xml("whatever").header("Content-Encoding", "br"));
    for path in ["/endless.xml", "/trickle.xml", "/coded.xml"] {
        h.subscribe(&h.server.url(path));
    }
    let fetch = h.fetch();
    h.assert_held("an endless body, a trickle, an encoding not asked for", &fetch.run);
    let reason = |path| fetch.feed(path)["reason"].as_str().unwrap_or_default().to_string();
    assert_eq!(reason("/endless.xml"), "127.0.0.1: too big: over 8 MiB (cut off there)");
    assert_eq!(reason("/trickle.xml"), "127.0.0.1: timed out after 2 s");
    assert_eq!(reason("/coded.xml"), "127.0.0.1: content encoding \"br\" was not asked for");
}

#[test]
fn redirects_loop_out_of_http_or_too_far_and_are_refused() {
    let h = Hostile::new("");
    let marker = url::Url::from_file_path(&h.marker).unwrap().to_string();
    h.server.route("/loop-a", Route::redirect(302, "/loop-b"));
    h.server.route("/loop-b", Route::redirect(301, &h.server.url("/loop-a")));
    h.server.route("/to-file", Route::redirect(302, &marker));
    for i in 0..7 {
        h.server.route(&format!("/hop{i}"), Route::redirect(307, &format!("/hop{}", i + 1)));
    }
    // Five redirects are followed: hop3 → … → hop7 → the feed.
    h.server.route("/hop7", Route::redirect(308, "/moved.xml"));
    let items = [item("m-1", "/page-to-file", "The moved feed's summary.")];
    h.server.route("/moved.xml", Route::xml(rss("Moved Feed", &items)));
    h.server.route("/page-to-file", Route::redirect(302, &marker.replace(".txt", ".html")));
    for path in ["/loop-a", "/to-file", "/hop0", "/hop3"] {
        h.subscribe(&h.server.url(path));
    }
    let fetch = h.fetch();
    h.assert_held("redirect loop, redirect to file://, seven redirects, five", &fetch.run);
    let reason = |path| fetch.feed(path)["reason"].as_str().unwrap_or_default().to_string();
    assert_eq!(reason("/loop-a"), format!("127.0.0.1: a redirect loop (back to {})", h.server.url("/loop-a")));
    assert!(
        reason("/to-file").starts_with("127.0.0.1: redirected to a url that is not http(s): file:///"),
        "{fetch:?}"
    );
    assert_eq!(reason("/hop0"), "127.0.0.1: too many redirects (more than 5)");
    assert_eq!(fetch.feed("/hop3")["status"], "fetched", "five redirects are followed");
    let item = &fetch.feed("/hop3")["items"][0];
    assert!(
        item["note"].as_str().unwrap().starts_with("page: redirected to a url that is not http(s): file:///"),
        "{item}"
    );
    assert_eq!(h.server.requests_for("/hop5").len(), 2, "hop0 and hop3 asked for hop5");
    assert_eq!(h.server.requests_for("/hop6").len(), 1, "hop0 gave up after five redirects: only hop3 asked");
}

impl std::fmt::Debug for hostile::Fetch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\n{}", self.report, self.run.stderr)
    }
}

#[test]
fn links_to_files_and_other_schemes_are_refused_and_the_item_keeps_its_text() {
    let h = Hostile::new("");
    let marker = url::Url::from_file_path(&h.marker).unwrap().to_string();
    let folder = h.marker.parent().unwrap().display().to_string();
    let refused = "page: not an http(s) link: ";
    // Each link, and the start of its note.
    let links = [
        ("file", marker.clone(), format!("{refused}file:///")),
        ("html", marker.replace(".txt", ".html"), format!("{refused}file:///")),
        ("data", "data:text/html,<p>injected</p>".into(), format!("{refused}data:text/html,<p>injected</p>")),
        ("js", "javascript:alert(1)".into(), format!("{refused}javascript:alert(1)")),
        ("ftp", "ftp://127.0.0.1/x".into(), format!("{refused}ftp://127.0.0.1/x")),
    ];
    let mut items: Vec<String> = links
        .iter()
        .map(|(guid, link, _)| {
            item(guid, &link.replace('&', "&amp;").replace('<', "&lt;"), &format!("Own text of {guid}."))
        })
        .collect();
    // A bare path is a path on the feed's own server, and asked of it.
    items.push(item("bare", &h.marker.display().to_string(), "Own text of bare."));
    h.server.route("/links.xml", Route::xml(rss("Links", &items)));
    // Atom's xml:base can point relative links at the file system.
    let atom = format!(
        r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="file://{folder}/"><title>Based</title>
        <id>urn:b</id><updated>2022-02-22T00:00:00Z</updated><entry><title>Based entry</title><id>urn:b:1</id>
        <updated>2022-02-22T08:00:00Z</updated><link href="memo.txt"/><summary>Own text of the based entry.</summary></entry></feed>"#
    );
    h.server.route("/based.xml", Route::ok("application/atom+xml", atom));
    h.subscribe(&h.server.url("/links.xml"));
    h.subscribe(&h.server.url("/based.xml"));
    let fetch = h.fetch();
    h.assert_held("file://, bare path, data:, javascript:, ftp: and xml:base links", &fetch.run);
    let feed = fetch.feed("/links.xml");
    let reported = feed["items"].as_array().unwrap();
    for (guid, _, note) in &links {
        let item = reported.iter().find(|i| i["title"] == format!("Story {guid}")).unwrap();
        let said = item["note"].as_str().unwrap_or_default();
        assert!(said.starts_with(note.as_str()), "{guid}: {said:?}");
        assert_eq!(item["extracted"], false);
        let stored: serde_json::Value =
            serde_json::from_slice(&std::fs::read(item["file"].as_str().unwrap()).unwrap()).unwrap();
        assert_eq!(stored["body"][0], format!("Own text of {guid}."), "the item keeps the feed's own text");
        assert!(stored["url"].is_null(), "a refused link is not kept as the article's: {stored}");
        assert!(fetch.lines_of("Links").contains(&format!("Story {guid}: {said}")), "{}", fetch.run.stderr);
    }
    let bare = reported.iter().find(|i| i["title"] == "Story bare").unwrap();
    assert_eq!(bare["note"], "page: HTTP 404 Not Found", "{bare}");
    assert_eq!(h.server.requests_for(&h.marker.display().to_string()).len(), 1, "asked of the server");
    let based = &fetch.feed("/based.xml")["items"][0];
    assert!(based["note"].as_str().unwrap().starts_with("page: not an http(s) link: file:///"), "{based}");
}

#[test]
fn a_feed_read_from_a_file_links_files_inside_its_folder_only() {
    let h = Hostile::new("");
    let folder = h.sb.dir.path().join("saved");
    let paragraphs = [
        "The saved page tells of the ferry timetable that changed on Monday for the winter months ahead.",
        "Passengers were told the early boat would leave at six, an hour before the summer timetable did.",
        "The harbour office said the late boat would stay as it was, and that fares would not change.",
    ];
    let page = hostile::page("Saved Site", "Saved page", &paragraphs);
    common::write(&folder.join("pages/ferry.html"), page);
    std::os::unix::fs::symlink(h.marker.with_extension("html"), folder.join("pages/link.html")).unwrap();
    let items = [
        item("inside", "pages/ferry.html", "Own text of inside."),
        item("up", "../private/memo.html", "Own text of up."),
        item("absolute", &h.marker.with_extension("html").display().to_string(), "Own text of absolute."),
        item("symlink", "pages/link.html", "Own text of symlink."),
    ];
    common::write(&folder.join("feed.xml"), rss("Saved", &items));
    h.subscribe(folder.join("feed.xml").to_str().unwrap());
    let fetch = h.fetch();
    h.assert_held("a file feed linking outside its folder (.., absolute, symlink)", &fetch.run);
    let reported = fetch.feed("feed.xml")["items"].as_array().unwrap().clone();
    let note = |guid: &str| {
        let item = reported.iter().find(|i| i["title"] == format!("Story {guid}")).unwrap();
        (item["extracted"].as_bool().unwrap(), item["note"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(note("inside"), (true, String::new()), "a page inside the feed's folder is read");
    for (guid, why) in [
        ("up", "outside the feed's folder"),
        ("absolute", "outside the feed's folder"),
        ("symlink", "a symbolic link out of the feed's folder"),
    ] {
        let (extracted, note) = note(guid);
        assert!(!extracted && note.starts_with(&format!("page: {why}: file:///")), "{guid}: {note}");
    }
    assert!(h.byline().args(["search", "ferry"]).output().unwrap().status.success(), "the inside page is found");
}

/// `n` words of made-up text, different for each `seed`: many distinct terms,
/// the most an index can be asked to hold.
fn words(seed: u64, n: usize) -> String {
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut text = String::with_capacity(n * 8);
    for i in 0..n {
        let mut word = String::new();
        for _ in 0..3 + x % 6 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            word.push((b'a' + (x >> 33) as u8 % 26) as char);
        }
        text.push_str(&word);
        text.push_str(if i % 80 == 79 { ".</p><p>" } else { " " });
    }
    text
}

#[test]
fn heavy_pages_are_refused_or_held_for_the_next_fetch() {
    let h = Hostile::new("");
    // Five pages of 400 KB of text each: two fit in a fetch's 1 MiB.
    let items: Vec<String> = (0..5).map(|i| item(&format!("t-{i}"), &format!("/text/{i}"), "Own text.")).collect();
    for i in 0..5 {
        let body = format!("<html><body><article><h1>Page {i}</h1><p>{}</p></article></body></html>", words(i, 60_000));
        h.server.route(&format!("/text/{i}"), Route::html(body));
    }
    h.server.route("/texts.xml", Route::xml(rss("Texts", &items)));
    // A page of attributes, and a page of 5 MiB of paragraphs.
    let attributes: String = (0..5000).map(|i| format!(" a{i}")).collect();
    h.server.route("/attrs.html", Route::html(format!("<i{attributes}>x</i>").repeat(50)));
    h.server.route("/long.html", Route::html("<p>The council met again on Monday.</p>".repeat(140_000)));
    let heavy = [item("attrs", "/attrs.html", "Own attrs."), item("long", "/long.html", "Own long.")];
    h.server.route("/heavy.xml", Route::xml(rss("Heavy", &heavy)));
    h.subscribe(&h.server.url("/texts.xml"));
    h.subscribe(&h.server.url("/heavy.xml"));
    let fetch = h.fetch();
    h.assert_held("pages of 400 KB of text, of 250,000 attributes, of 5 MiB of markup", &fetch.run);
    let texts = fetch.feed("/texts.xml");
    assert_eq!(texts["items"].as_array().unwrap().len(), 2, "two stored, the third waits: {texts}");
    let note = "3 more new items are left for the next fetch (at most 200 items and 1 MiB of text a fetch)";
    assert_eq!(texts["note"], note);
    let heavy = &fetch.feed("/heavy.xml")["items"];
    assert_eq!(heavy[0]["note"], "page: too much markup to read (over 200000 attributes)");
    assert_eq!(heavy[1]["note"], "page: too much markup to read (over 4 MiB outside scripts and styles)");
    let next = h.fetch();
    h.assert_held("pages of 400 KB of text, the next fetch", &next.run);
    let titles: Vec<&str> =
        next.feed("/texts.xml")["items"].as_array().unwrap().iter().filter_map(|i| i["title"].as_str()).collect();
    assert_eq!(titles, ["Story t-2", "Story t-3"], "the next two");
}
