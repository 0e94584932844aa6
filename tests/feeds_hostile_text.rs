//! The hostile feed server, what it writes in the feed: 100,000 items,
//! titles of a megabyte, repeated and missing guids, invalid encodings,
//! entity expansion (and an external entity naming the private file), and
//! escape, OSC 8, OSC 52 and bidi sequences in every text field, then drawn
//! by the app into a real terminal's byte stream. Each case ends with the
//! checks of `hostile/feeds.rs`.

mod common;
#[path = "hostile/feeds.rs"]
mod hostile;

use common::http;
use common::terminal;

use hostile::{Hostile, line_is_clean, rss};
use http::Route;
use serde_json::Value;

fn stored(item: &Value) -> Value {
    serde_json::from_slice(&std::fs::read(item["file"].as_str().expect("stored")).unwrap()).unwrap()
}

#[test]
fn a_feed_of_100000_items_is_read_a_bounded_part_at_a_time() {
    let h = Hostile::new("");
    let items: Vec<String> =
        (0..100_000).map(|i| format!("<item><guid>{i}</guid><description>Census {i}.</description></item>")).collect();
    let feed = rss("Census", &items);
    assert!(feed.len() < 8 << 20, "under the cap: {}", feed.len());
    h.server.route("/many.xml", Route::xml(feed));
    h.subscribe(&h.server.url("/many.xml"));
    let first = h.fetch();
    let report = first.feed("/many.xml");
    assert_eq!(report["status"], "fetched", "{report}");
    assert_eq!(report["items"].as_array().unwrap().len(), 200);
    let note = "the feed has 100000 items: only its first 1000 are read; \
                800 more new items are left for the next fetch (at most 200 items and 1 MiB of text a fetch)";
    assert_eq!(report["note"], note);
    assert!(
        first
            .lines_of("Census")
            .starts_with(&format!("Census: 200 new; their pages could not be read (no link to follow); {note}"))
    );
    h.assert_held("100,000 items, first fetch", &first.run);
    let second = h.fetch();
    let items = second.feed("/many.xml")["items"].as_array().unwrap().clone();
    assert_eq!((items.len(), stored(&items[0])["body"][0].as_str()), (200, Some("Census 200.")), "the next 200");
    assert!(
        second.feed("/many.xml")["note"].as_str().unwrap().ends_with(
            "; 600 more new items are left for the next fetch (at most 200 items and 1 MiB of text a fetch)"
        )
    );
    h.assert_held("100,000 items, second fetch", &second.run);
}

#[test]
fn titles_authors_and_guids_of_a_megabyte_are_cut_to_a_line() {
    let h = Hostile::new("");
    let mega = "Headline ".repeat(1 << 17);
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\
         <title>{mega}</title><item><title>{mega}</title><guid>{mega}</guid><dc:creator>{mega}</dc:creator>\
         <description>The megabyte feed's item tells of the harbour crane.</description></item></channel></rss>"
    );
    h.server.route("/mega.xml", Route::xml(feed));
    h.subscribe(&h.server.url("/mega.xml"));
    let fetch = h.fetch();
    let feed = fetch.feed("/mega.xml");
    let article = stored(&feed["items"][0]);
    for field in ["title", "outlet", "byline"] {
        let text = article[field].as_str().unwrap_or_else(|| panic!("{field}: {article}"));
        assert!(text.chars().count() <= 501 && text.ends_with('…'), "{field}: {} chars", text.chars().count());
    }
    assert!(article["item"].as_str().unwrap().len() < 100, "a megabyte guid is known by its hash");
    let list = h.byline().args(["feed", "list"]).output().unwrap();
    assert!(list.stdout.len() < 2_000, "feed list: {} bytes", list.stdout.len());
    assert!(std::fs::metadata(h.sb.paths().data.join("feeds.json")).unwrap().len() < 4_000);
    assert!(h.byline().args(["search", "crane"]).output().unwrap().status.success());
    h.assert_held("titles, author and guid of a megabyte", &fetch.run);
}

#[test]
fn repeated_and_missing_guids_give_one_article_per_item() {
    let h = Hostile::new("");
    let feed = rss(
        "Guids",
        &[
            "<item><guid>same</guid><description>First telling of the tram story.</description></item>".into(),
            "<item><guid>same</guid><description>Second telling, a replay.</description></item>".into(),
            "<item><guid>same</guid><description>Third telling, a replay.</description></item>".into(),
            "<item><title>Linked only</title><link>/l/1</link><description>Linked item text.</description></item>"
                .into(),
            "<item><title>Title only</title><description>Titled item text.</description></item>".into(),
            "<item><description>Nothing but its text.</description></item>".into(),
            "<item></item>".into(),
        ],
    );
    h.server.route("/guids.xml", Route::xml(feed));
    h.subscribe(&h.server.url("/guids.xml"));
    let fetch = h.fetch();
    let report = fetch.feed("/guids.xml");
    let items = report["items"].as_array().unwrap();
    let bodies: Vec<Value> = items.iter().map(|i| stored(i)["body"][0].clone()).collect();
    assert_eq!(
        bodies,
        ["First telling of the tram story.", "Linked item text.", "Titled item text.", "Nothing but its text."]
    );
    assert_eq!(report["note"], "2 items repeat an earlier item's guid (or link) and were read once");
    h.assert_held("repeated and missing guids", &fetch.run);
    let again = h.fetch();
    assert!(again.feed("/guids.xml")["items"].as_array().unwrap().is_empty(), "the same keys next time");
    h.assert_held("repeated and missing guids, fetched again", &again.run);
}

#[test]
fn invalid_encodings_are_read_or_refused_in_one_line() {
    let h = Hostile::new("");
    let doc = |decl: &str, title: &[u8]| {
        let mut d = format!("<?xml version=\"1.0\"{decl}?><rss version=\"2.0\"><channel><title>").into_bytes();
        d.extend_from_slice(title);
        d.extend_from_slice(b"</title><item><guid>e-1</guid><description>Encoded text about tides.</description></item></channel></rss>");
        d
    };
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(
        String::from_utf8(doc("", "Gazette \u{e9}t\u{e9}".as_bytes()))
            .unwrap()
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let cases: [(&str, Vec<u8>); 6] = [
        ("/bad-utf8.xml", doc(" encoding=\"utf-8\"", b"Caf\xe9 \xff\xfe")),
        ("/klingon.xml", doc(" encoding=\"x-klingon\"", b"Qapla")),
        ("/cp1252.xml", doc(" encoding=\"windows-1252\"", b"\x93Quoted\x94 Times")),
        ("/utf16.xml", utf16),
        ("/liar.xml", doc(" encoding=\"UTF-16\"", b"Not sixteen")),
        (
            "/bad-json.json",
            b"{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\xff\",\"items\":[]}".to_vec(),
        ),
    ];
    for (path, body) in &cases {
        h.server.route(path, Route::xml(body.clone()));
        h.subscribe(&h.server.url(path));
    }
    let fetch = h.fetch();
    for (path, _) in &cases {
        let feed = fetch.feed(path);
        eprintln!(
            "{path}: {} {} {}",
            feed["status"],
            feed["name"],
            if feed["status"] == "failed" { &feed["reason"] } else { &feed["note"] }
        );
        match feed["status"].as_str() {
            Some("fetched") => {}
            _ => assert!(feed["reason"].as_str().unwrap().contains("not a feed"), "{path}: {feed}"),
        }
    }
    let repaired = "bytes that are not UTF-8 were read as \u{fffd}";
    for path in ["/bad-utf8.xml", "/bad-json.json"] {
        assert_eq!(fetch.feed(path)["note"], repaired, "{path}: a few bad bytes do not lose the feed");
    }
    assert_eq!(fetch.feed("/bad-utf8.xml")["name"], "Caf\u{fffd} \u{fffd}\u{fffd}");
    assert_eq!(fetch.feed("/cp1252.xml")["name"], "\u{201c}Quoted\u{201d} Times", "Windows-1252 is read as such");
    assert_eq!(fetch.feed("/utf16.xml")["name"], "Gazette \u{e9}t\u{e9}", "UTF-16 with its BOM");
    assert_eq!(fetch.feed("/klingon.xml")["status"], "fetched", "an unknown encoding is read as UTF-8");
    assert_eq!(fetch.feed("/liar.xml")["status"], "failed", "UTF-16 declared over ASCII bytes is refused");
    h.assert_held("invalid encodings", &fetch.run);
}

#[test]
fn entity_expansion_and_external_entities_read_nothing() {
    let h = Hostile::new("");
    let mut dtd = String::from("<!ENTITY lol0 \"lollollollollollollollollollol\">");
    for i in 1..10 {
        dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">", format!("&lol{};", i - 1).repeat(10)));
    }
    let marker = url::Url::from_file_path(&h.marker).unwrap();
    dtd.push_str(&format!("<!ENTITY memo SYSTEM \"{marker}\">"));
    let feed = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [{dtd}]><rss version=\"2.0\"><channel><title>Laughs &lol9;</title>\
         <item><guid>l-1</guid><title>&memo;</title><description>Laughing &lol9; and &memo;.</description></item>\
         </channel></rss>"
    );
    h.server.route("/laughs.xml", Route::xml(feed));
    h.subscribe(&h.server.url("/laughs.xml"));
    let fetch = h.fetch();
    let feed = fetch.feed("/laughs.xml");
    eprintln!("billion laughs: {} {}", feed["status"], feed["reason"]);
    if feed["status"] == "fetched" {
        let article = stored(&feed["items"][0]);
        assert!(article.to_string().len() < 100_000, "no entity was expanded a billion times");
    }
    h.assert_held("entity expansion and an external entity", &fetch.run);
}

#[test]
fn elements_nested_a_hundred_thousand_deep_are_refused_in_one_line() {
    let h = Hostile::new("");
    let deep = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item><guid>d-1</guid>\
         <description>Deep text.</description><x>{}{}</x></item></channel></rss>",
        "<a>".repeat(100_000),
        "</a>".repeat(100_000)
    );
    // And an item whose HTML nests as deep, escaped in its description.
    let html = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep HTML</title><item><guid>h-1</guid>\
         <description>{}The nested text.</description></item></channel></rss>",
        "&lt;div&gt;".repeat(100_000)
    );
    h.server.route("/deep.xml", Route::xml(deep));
    h.server.route("/deep-html.xml", Route::xml(html));
    h.subscribe(&h.server.url("/deep.xml"));
    h.subscribe(&h.server.url("/deep-html.xml"));
    let fetch = h.fetch();
    h.assert_held("elements nested 100,000 deep, in the XML and in an item's HTML", &fetch.run);
    let deep = fetch.feed("/deep.xml");
    assert!(deep["reason"].as_str().unwrap().contains("not a feed"), "{deep}");
    assert_eq!(fetch.feed("/deep-html.xml")["status"], "fetched");
}

/// Escape sequences of every family, OSC 8 (a hidden link), OSC 52 (the
/// clipboard) and bidi controls, as XML character references.
fn sequences_xml() -> String {
    hostile_sequences()
        .chars()
        .map(|c| if c.is_control() || c > '\u{7e}' { format!("&#x{:x};", c as u32) } else { c.to_string() })
        .collect()
}

fn hostile_sequences() -> &'static str {
    concat!(
        "\u{1b}[2J\u{1b}[H\u{1b}[31mred\u{1b}[0m",
        "\u{1b}]0;pwned title\u{7}",
        "\u{1b}]52;c;ZXZpbA==\u{1b}\\",
        "\u{1b}]8;;http://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\",
        "\u{1b}Pq#0;2;0;0;0\u{1b}\\",
        "\u{9b}2J\u{9d}0;c1 title\u{9c}",
        "\u{202e}reversed\u{202c}\u{2066}isolate\u{2069}\u{200f}"
    )
}

#[test]
fn escape_osc_and_bidi_sequences_in_every_field_never_reach_the_terminal() {
    let h = Hostile::new("");
    let seq = sequences_xml();
    let marker = url::Url::from_file_path(&h.marker).unwrap();
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\
         <title>Escapes {seq} Gazette</title><link>http://x.example/{seq}</link>\
         <item><title>Tram {seq} strike</title><guid>{seq}</guid><dc:creator>Ann {seq} Reed</dc:creator>\
         <category>{seq}</category><link>{marker}{seq}</link>\
         <description>&lt;p&gt;Trams stopped {seq} at noon.&lt;/p&gt;&lt;p&gt;Riders {seq} walked.&lt;/p&gt;</description></item>\
         <item><title>Raw \u{1b}]52;c;ZXZpbA==\u{7} bytes</title><guid>raw-1</guid>\
         <description>Raw \u{1b}[2J\u{202e} escapes in the ferry text.</description></item></channel></rss>"
    );
    h.server.route("/escapes.xml", Route::xml(rss));
    let esc = serde_json::to_string(hostile_sequences()).unwrap();
    let esc = &esc[1..esc.len() - 1];
    let json = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Json {esc} Post","items":[{{"id":"{esc}",
        "url":"javascript:{esc}","title":"Bus {esc} fares","authors":[{{"name":"Bo {esc} Lind"}}],
        "summary":"Bus {esc} fares rose.","content_text":"Bus fares {esc} rose on Monday.\n\nThe {esc} council met."}}]}}"#
    );
    h.server.route("/escapes.json", Route::ok("application/feed+json", json));
    h.subscribe(&h.server.url("/escapes.xml"));
    h.subscribe(&h.server.url("/escapes.json"));
    let fetch = h.fetch();
    for path in ["/escapes.xml", "/escapes.json"] {
        assert_eq!(fetch.feed(path)["status"], "fetched", "{path}: {}", fetch.run.stderr);
    }
    h.assert_held("escape, OSC 8, OSC 52 and bidi sequences in every field", &fetch.run);
    for args in [&["feed", "list"][..], &["search", "trams OR bus OR ferry"], &["events"]] {
        let out = h.byline().args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.lines().all(line_is_clean), "{args:?} printed {text:?}");
    }
    drawn_clean(&h.sb.home(), &["Tram", "Bus"]);
}

/// Every view of the app, drawn on the library in `home` into a real
/// terminal's byte stream, holds no sequence but the app's own; each
/// headline in `shown` appears.
fn drawn_clean(home: &std::path::Path, shown: &[&str]) {
    use byline::tui::testing::Harness;
    let (w, h) = (140, 40);
    let mut t = Harness::demo(home, w, h);
    let (mut term, tape) = terminal::byte_terminal(w, h);
    let mut frames = 0;
    let mut seen = String::new();
    for (keys, what) in [
        ("", "browse"),
        ("enter", "reader"),
        ("end", "reader, end"),
        ("esc j enter", "reader, next"),
        ("esc c", "compare picker"),
        ("enter", "two columns"),
        ("esc e", "events"),
        ("?", "help"),
    ] {
        t.press(keys);
        term.draw(|f| byline::tui::views::render(&mut t.app, f)).unwrap();
        let bytes = std::mem::take(&mut *tape.0.borrow_mut());
        if let Some(bad) = terminal::first_foreign(&bytes) {
            panic!("{what}: {bad}");
        }
        seen.push_str(&String::from_utf8_lossy(&bytes));
        frames += 1;
    }
    for word in shown {
        assert!(seen.contains(word), "{word} was drawn");
    }
    eprintln!("hostile feed case escapes: {frames} frames drawn, 0 sequences but the app's own");
}
