//! Feeds end to end: `byline feed …` and `byline fetch` against a server on
//! 127.0.0.1 that the test starts, on a temporary BYLINE_HOME.

use crate::common::http;
use crate::common::{self, json};

use common::Sandbox;
use http::{Route, Server};
use predicates::prelude::*;
use std::time::Duration;

/// A sandbox whose config sets `[feeds]` to these lines.
fn sandbox(feeds_config: &str) -> Sandbox {
    let sb = Sandbox::new();
    common::write(&sb.home().join("config/config.toml"), format!("[feeds]\n{feeds_config}\n"));
    sb
}

fn rss(title: &str, items: &[(&str, &str, &str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(guid, link, date, summary)| {
            let link = if link.is_empty() { String::new() } else { format!("<link>{link}</link>") };
            format!(
                "<item><title>Story {guid}</title>{link}<guid isPermaLink=\"false\">{guid}</guid>\
                 <pubDate>{date}</pubDate><description>&lt;p&gt;{summary}&lt;/p&gt;</description></item>"
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title>{items}</channel></rss>")
}

/// A news page with navigation and a footer around the article.
fn page(site: &str, headline: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!doctype html><html><head><title>{headline} | {site}</title>\
         <meta property=\"og:site_name\" content=\"{site}\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>{headline}</h1>{body}</article>\
         <footer>Copyright {site}. All rights reserved. Subscribe to our newsletter.</footer></body></html>"
    )
}

fn fetch_json(sb: &Sandbox) -> (i32, serde_json::Value, String) {
    let out = sb.cmd().args(["fetch", "--json"]).output().unwrap();
    (out.status.code().unwrap(), json(&out.stdout), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn pages_that_cannot_be_read_are_said_once_with_why_in_a_person_s_words() {
    let server = Server::start();
    let sb = sandbox("host_delay_ms = 0");
    // `.invalid` never resolves (RFC 6761): the resolver's own failure, not a refusal.
    let items = [
        ("a", "http://byline-test.invalid/a", "Mon, 21 Feb 2022 10:00:00 GMT", "First own text."),
        ("b", "http://byline-test.invalid/b", "Mon, 21 Feb 2022 11:00:00 GMT", "Second own text."),
    ];
    server.route("/feed.xml", Route::xml(rss("Nowhere News", &items)));
    sb.cmd().args(["feed", "add", &server.url("/feed.xml")]).assert().success();
    let out = sb.cmd().args(["fetch"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("2 new articles; their pages could not be read (host not found: byline-test.invalid)"),
        "{stdout}"
    );
    assert!(stderr.contains("Nowhere News: 2 new; their pages could not be read (host not found"), "{stderr}");
    assert!(!format!("{stdout}{stderr}").contains("lookup address"), "no resolver jargon:\n{stdout}{stderr}");
}

#[test]
fn a_new_user_adds_a_feed_fetches_and_finds_the_article() {
    let server = Server::start();
    let sb = sandbox("host_delay_ms = 0");
    server.route(
        "/feed.xml",
        Route::xml(rss(
            "Harbour Gazette",
            &[("dock-1", "/news/dock", "Mon, 21 Feb 2022 10:00:00 GMT", "Stevedores ended the quayside walkout.")],
        )),
    );
    server.route("/news/dock", Route::html(page("Harbour Gazette", "Dock strike ends", &["Short."])));
    sb.cmd()
        .args(["feed", "add", &server.url("/feed.xml")])
        .assert()
        .success()
        .stdout(predicate::str::contains("added Harbour Gazette (1 items)"));
    sb.cmd()
        .args(["fetch"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 new article; its page could not be read (no article text found)"));
    let out = sb.cmd().args(["search", "stevedores", "--json"]).assert().success().get_output().stdout.clone();
    let hits = json(&out);
    assert_eq!(hits["total"], 1);
    assert_eq!(hits["hits"][0]["outlet"], "Harbour Gazette");
    assert_eq!(hits["hits"][0]["date"], "2022-02-21");
    assert_eq!(hits["hits"][0]["title"], "Story dock-1");
    // Fetched articles are the user's own library: the demo articles are gone.
    sb.cmd().args(["search", "Pasechnik"]).assert().code(1);
    let agents: Vec<String> = server.requests().iter().map(|r| r.headers["user-agent"].clone()).collect();
    assert!(agents.iter().all(|a| a.starts_with("byline/")), "{agents:?}");
    // Listed, with its state.
    let out = sb.cmd().args(["feed", "list", "--json"]).assert().success().get_output().stdout.clone();
    let list = json(&out);
    assert_eq!(list[0]["name"], "Harbour Gazette");
    assert_eq!(list[0]["items_seen"], 1);
}

#[test]
fn an_atom_item_whose_page_is_missing_keeps_its_summary_and_says_why() {
    let server = Server::start();
    let sb = sandbox("host_delay_ms = 0");
    let atom = format!(
        r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title>
        <id>urn:valley</id><updated>2022-02-22T09:00:00Z</updated>
        <entry><title>Bridge reopens</title><id>urn:valley:1</id><updated>2022-02-22T08:00:00Z</updated>
        <link rel="alternate" href="{}"/><summary type="html">&lt;p&gt;The viaduct carried traffic again.&lt;/p&gt;</summary></entry></feed>"#,
        server.url("/gone")
    );
    server.route("/atom", Route::ok("application/atom+xml", atom));
    sb.cmd().args(["feed", "add", &server.url("/atom"), "--name", "The Valley Post"]).assert().success();
    let (code, report, _) = fetch_json(&sb);
    assert_eq!(code, 0, "a missing page is not a failed feed");
    let item = &report["feeds"][0]["items"][0];
    assert_eq!(item["extracted"], false);
    assert!(item["note"].as_str().unwrap().contains("404 Not Found"), "{item}");
    let file = item["file"].as_str().unwrap();
    let stored = json(&std::fs::read(file).unwrap());
    assert_eq!(stored["extracted"], false);
    assert!(stored["note"].as_str().unwrap().contains("404"));
    assert!(file.starts_with(sb.home().join("data/fetched").to_str().unwrap()));
    let out = sb.cmd().args(["search", "viaduct", "--json"]).assert().success().get_output().stdout.clone();
    let hit = &json(&out)["hits"][0];
    assert_eq!((hit["outlet"].as_str(), hit["date"].as_str()), (Some("The Valley Post"), Some("2022-02-22")));
}

#[test]
fn a_second_fetch_asks_with_etag_and_last_modified_and_a_304_is_unchanged() {
    let server = Server::start();
    let sb = sandbox("host_delay_ms = 0");
    let items = [("e-1", "/e/1", "Tue, 22 Feb 2022 10:00:00 GMT", "Etag story about lighthouses.")];
    server.route("/etag.xml", Route { etag: Some("\"v1\"".into()), ..Route::xml(rss("Etag Times", &items)) });
    let items = [("m-1", "/m/1", "Tue, 22 Feb 2022 11:00:00 GMT", "Modified story about orchards.")];
    let lm = "Tue, 22 Feb 2022 12:00:00 GMT";
    server.route("/lm.xml", Route { last_modified: Some(lm.into()), ..Route::xml(rss("Modified Post", &items)) });
    for path in ["/etag.xml", "/lm.xml"] {
        sb.cmd().args(["feed", "add", &server.url(path)]).assert().success();
    }
    let (code, first, _) = fetch_json(&sb);
    assert_eq!(code, 0);
    assert!(first["feeds"].as_array().unwrap().iter().all(|f| f["status"] == "fetched"), "{first}");
    let (code, second, _) = fetch_json(&sb);
    assert_eq!(code, 0);
    assert!(second["feeds"].as_array().unwrap().iter().all(|f| f["status"] == "unchanged"), "{second}");
    let last = |path: &str| server.requests_for(path).last().unwrap().headers.clone();
    assert_eq!(last("/etag.xml").get("if-none-match").map(String::as_str), Some("\"v1\""));
    assert_eq!(last("/lm.xml").get("if-modified-since").map(String::as_str), Some(lm));
    // The articles of the first fetch are still there, once.
    let out =
        sb.cmd().args(["search", "lighthouses OR orchards", "--json"]).assert().success().get_output().stdout.clone();
    assert_eq!(json(&out)["total"], 2);
}

#[test]
fn an_item_already_fetched_is_not_fetched_again() {
    let server = Server::start();
    let sb = sandbox("host_delay_ms = 0");
    let one = ("s-1", "/s/1", "Wed, 23 Feb 2022 10:00:00 GMT", "First story about ferries.");
    server.route("/feed.xml", Route::xml(rss("Seen Daily", &[one])));
    sb.cmd().args(["feed", "add", &server.url("/feed.xml")]).assert().success();
    let (_, first, _) = fetch_json(&sb);
    assert_eq!(first["feeds"][0]["items"].as_array().unwrap().len(), 1);
    // The feed changes (no validators, so a full 200): one old item, one new.
    let two = ("s-2", "/s/2", "Thu, 24 Feb 2022 10:00:00 GMT", "Second story about canals.");
    server.route("/feed.xml", Route::xml(rss("Seen Daily", &[two, one])));
    let (code, second, _) = fetch_json(&sb);
    assert_eq!(code, 0);
    let items = second["feeds"][0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "only the new item: {second}");
    assert_eq!(items[0]["title"], "Story s-2");
    assert_eq!(server.requests_for("/s/1").len(), 1, "the seen item's page is not asked for again");
    let (_, third, _) = fetch_json(&sb);
    assert!(third["feeds"][0]["items"].as_array().unwrap().is_empty());
    assert_eq!(second["index"]["articles_total"], 2);
}

#[test]
fn failing_feeds_are_reported_one_line_each_and_the_others_are_fetched() {
    let server = Server::start();
    let sb = sandbox("host_delay_ms = 0\ntimeout_secs = 1\nmax_mib = 1");
    let good = ("g-1", "/g/1", "Fri, 25 Feb 2022 10:00:00 GMT", "The good feed reports on glaciers.");
    server.route("/good.xml", Route::xml(rss("Good Feed", &[good])));
    // Added while well: each answers a feed at first.
    for path in ["/slow.xml", "/broken.xml", "/big.xml"] {
        server.route(path, Route::xml(rss("Feed", &[])));
    }
    for path in ["/slow.xml", "/broken.xml", "/big.xml", "/good.xml"] {
        sb.cmd().args(["feed", "add", &server.url(path), "--name", &path[1..path.len() - 4]]).assert().success();
    }
    server.route("/slow.xml", Route { delay: Duration::from_secs(4), ..Route::xml(rss("Slow Feed", &[])) });
    server.route("/broken.xml", Route::xml("<rss version=\"2.0\"><channel><title>Broken</channel></rss>"));
    let mut big = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>".to_vec();
    big.extend(std::iter::repeat_n(b' ', 32 * 1024 * 1024));
    big.extend(b"</channel></rss>");
    server.route("/big.xml", Route::xml(big));

    let out = sb.cmd().args(["fetch"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "some feeds failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line =
        |name: &str| stderr.lines().find(|l| l.starts_with(&format!("failed {name}:"))).unwrap_or("").to_string();
    assert!(line("slow").contains("127.0.0.1: timed out after 1 s"), "{stderr}");
    assert!(line("big").contains("too big: over 1 MiB (cut off there)"), "{stderr}");
    assert!(line("broken").contains("not a feed"), "{stderr}");
    assert!(stderr.contains("good: 1 new"), "{stderr}");
    assert!(server.written("/big.xml") < 16 * 1024 * 1024, "the cap stops the reading, not a check after it");
    sb.cmd().args(["search", "glaciers"]).assert().success();
    let (code, report, _) = fetch_json(&sb);
    assert_eq!(code, 1);
    let failed: Vec<&str> = report["feeds"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "failed")
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["slow", "broken", "big"]);
}

#[test]
fn two_requests_to_one_host_are_the_delay_apart() {
    let server = Server::start();
    let sb = sandbox("host_delay_ms = 300");
    let items = [
        ("p-1", "/p/1", "Sat, 26 Feb 2022 10:00:00 GMT", "Polite one."),
        ("p-2", "/p/2", "Sat, 26 Feb 2022 11:00:00 GMT", "Polite two."),
    ];
    server.route("/feed.xml", Route::xml(rss("Polite", &items)));
    sb.cmd().args(["feed", "add", &server.url("/feed.xml")]).assert().success();
    let before = server.requests().len();
    sb.cmd().args(["fetch"]).assert().success();
    let times: Vec<_> = server.requests()[before..].iter().map(|r| (r.path.clone(), r.at)).collect();
    let paths: Vec<&str> = times.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["/feed.xml", "/p/1", "/p/2"]);
    for pair in times.windows(2) {
        let gap = pair[1].1 - pair[0].1;
        assert!(gap >= Duration::from_millis(300), "{} then {} only {gap:?} apart", pair[0].0, pair[1].0);
    }
}

#[test]
fn opml_export_then_import_gives_the_same_list() {
    let sb = Sandbox::new();
    let dir = sb.dir.path();
    let feed = |name: &str, title: &str| {
        let path = dir.join(name);
        common::write(&path, rss(title, &[("f-1", "", "Sun, 27 Feb 2022 10:00:00 GMT", "A story kept on disk.")]));
        path
    };
    let a = feed("a.xml", "Alpha &amp; Omega");
    let b = feed("b.xml", "Beta &lt;News&gt;");
    sb.cmd().args(["feed", "add"]).arg(&a).assert().success();
    sb.cmd().args(["feed", "add"]).arg(&b).args(["--name", "My \"Beta\""]).assert().success();
    let missing = dir.join("missing.xml");
    sb.cmd().args(["feed", "add"]).arg(&missing).assert().code(2).stderr(predicate::str::contains("missing.xml"));
    sb.cmd().args(["feed", "add"]).arg(dir.join("feeds.opml")).assert().code(2);
    let opml = sb.cmd().args(["feed", "export"]).assert().success().get_output().stdout.clone();
    let file = dir.join("feeds.opml");
    std::fs::write(&file, &opml).unwrap();
    let other = Sandbox::new();
    let import =
        |sb: &Sandbox| sb.cmd().args(["feed", "import"]).arg(&file).assert().success().get_output().stdout.clone();
    assert!(String::from_utf8_lossy(&import(&other)).contains("imported 2 feeds"));
    let list = |sb: &Sandbox| {
        let out = sb.cmd().args(["feed", "list", "--json"]).assert().success().get_output().stdout.clone();
        json(&out)
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["url"].clone(), f["name"].clone(), f["title"].clone()))
            .collect::<Vec<_>>()
    };
    let original = list(&sb);
    assert_eq!(original.len(), 2);
    assert_eq!(original[1].1, "My \"Beta\"");
    assert_eq!(list(&other), original);
    assert!(String::from_utf8_lossy(&import(&other)).contains("imported 0 feeds (2 already"));
    // A feed from a file is fetched like any other; removing it keeps its articles.
    other.cmd().args(["fetch"]).assert().success();
    other.cmd().args(["search", "disk"]).assert().success();
    other.cmd().args(["feed", "remove", "Alpha & Omega"]).assert().success();
    assert_eq!(list(&other).len(), 1);
    other.cmd().args(["feed", "remove", "nothing"]).assert().code(2).stderr(predicate::str::contains("no feed"));
}

#[test]
fn a_page_with_an_article_gives_the_full_text_and_its_site_name() {
    let server = Server::start();
    let sb = sandbox("host_delay_ms = 0");
    server.route(
        "/feed.xml",
        Route::xml(rss("Gazette Headlines", &[("x-1", "/news/tide", "Mon, 28 Feb 2022 10:00:00 GMT", "Teaser only.")])),
    );
    let paragraphs = [
        "The spring tide flooded the lower harbour road on Monday morning, closing the fish market for the day.",
        "Harbourmaster Ines Alvarado said the sea wall held, but pumps ran for six hours to clear the quay.",
        "Traders said they lost a day of sales; the council promised to review the drainage before autumn.",
    ];
    server
        .route("/news/tide", Route::html(page("The Harbour Gazette", "Spring tide floods harbour road", &paragraphs)));
    sb.cmd().args(["feed", "add", &server.url("/feed.xml")]).assert().success();
    let (_, report, _) = fetch_json(&sb);
    assert_eq!(report["feeds"][0]["items"][0]["extracted"], true, "{report}");
    let out = sb.cmd().args(["search", "Alvarado", "--json"]).assert().success().get_output().stdout.clone();
    let hit = &json(&out)["hits"][0];
    assert_eq!(hit["outlet"], "The Harbour Gazette", "the page's site name");
    assert_eq!(hit["date"], "2022-02-28", "the item's date");
    sb.cmd().args(["search", "newsletter"]).assert().code(1);
}
