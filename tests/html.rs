//! Saved web pages end to end: `byline index` a folder of pages written for
//! these tests (`tests/fixtures/html/`), then what `search` and `show`
//! give back: the story's own fields and text, none of the page around it,
//! and a clear skip for pages with no story. A real demo article rendered as
//! an outlet's page must compare with the other outlet's text exactly as its
//! plain-text version does.

use crate::common::{self, json};

use common::{SEEDS, Sandbox};
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html");

/// A sandbox whose library holds every fixture page, indexed.
fn indexed_fixtures() -> (Sandbox, Value) {
    let sb = Sandbox::new();
    let lib = sb.dir.path().join("pages");
    std::fs::create_dir_all(&lib).unwrap();
    for entry in std::fs::read_dir(FIXTURES).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), lib.join(entry.file_name())).unwrap();
    }
    let out = sb.cmd().args(["index", lib.to_str().unwrap(), "--json"]).assert().success().get_output().stdout.clone();
    (sb, json(&out))
}

fn show(sb: &Sandbox, name: &str) -> Value {
    json(&sb.cmd().args(["show", name, "--json"]).assert().success().get_output().stdout)
}

fn body(article: &Value) -> String {
    article["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect::<Vec<_>>().join("\n")
}

#[track_caller]
fn assert_text(article: &Value, present: &[&str], absent: &[&str]) {
    let text = body(article);
    for s in present {
        assert!(text.contains(s), "missing {s:?} in\n{text}");
    }
    for s in absent {
        assert!(!text.contains(s), "{s:?} should not be in\n{text}");
    }
}

#[test]
fn pages_with_a_story_are_indexed_and_pages_without_one_are_skipped_with_a_reason() {
    let (_sb, report) = indexed_fixtures();
    assert_eq!(report["articles_total"], 6, "{report:#}");
    let mut skipped: Vec<(String, String)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let name = Path::new(s["path"].as_str().unwrap()).file_name().unwrap().to_string_lossy().to_string();
            (name, s["reason"]["kind"].as_str().unwrap().to_string())
        })
        .collect();
    skipped.sort();
    assert_eq!(skipped, [("index_page.html".into(), "no_text".into()), ("login_wall.html".into(), "no_text".into())]);
}

#[test]
fn a_page_too_big_to_be_an_article_is_skipped_with_the_reason() {
    let sb = Sandbox::new();
    let lib = sb.dir.path().join("pages");
    let cap = byline::corpus::html::MAX_ELEMENTS;
    common::write(&lib.join("huge.html"), format!("<p>{}</p>", "<i>x</i>".repeat(cap + 1)));
    let out = sb.cmd().args(["index", lib.to_str().unwrap()]).assert().success().get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&format!("huge.html: HTML page with over {cap} elements")), "{stderr}");
}

#[test]
fn a_news_site_page_is_its_story_without_the_site() {
    let (sb, _) = indexed_fixtures();
    let out =
        sb.cmd().args(["search", "ferry crews deckhands", "--json"]).assert().success().get_output().stdout.clone();
    let hits = json(&out);
    assert_eq!(hits["total"], 1, "{hits:#}");
    let id = hits["hits"][0]["id"].as_str().unwrap().to_string();
    let a = show(&sb, &id[..8]);
    assert_eq!(a["title"], "Ferry strike halts island crossings for a third day");
    assert_eq!(a["outlet"], "The Harbour Gazette", "og:site_name");
    assert_eq!(a["byline"], "Mara Lindqvist");
    assert_eq!(a["date"], "2024-03-14");
    assert_eq!(a["url"], "https://www.harbourgazette.example/news/2024/03/14/ferry-strike-third-day", "canonical");
    assert_text(
        &a,
        &[
            "Ferry crews walked off the job for a third straight day on Thursday",
            "“We have offered talks every morning and every evening,” said Ilse Brandt",
            "The operator, Nordsund Lines, has offered a raise of 3.5 percent.",
            "Talks are due to resume on Friday at 9 a.m. at the council offices in Vik.",
        ],
        &[
            "Sport",
            "ADVERT",
            "Advertisement",
            "Share",
            "CAPTION_TEXT_MARKER",
            "RELATED_LINK",
            "COMMENT_TEXT",
            "Story continues",
            "©",
            "TRACKING_SCRIPT_TEXT",
            "min-height",
            "Mara Lindqvist",
            "March 14, 2024",
        ],
    );
    assert_eq!(a["paragraphs"].as_array().unwrap().len(), 6);
}

#[test]
fn metadata_only_in_json_ld() {
    let (sb, _) = indexed_fixtures();
    let a = show(&sb, "jsonld_only");
    assert_eq!(a["title"], "Flood barrier passes its first real test as river crests", "headline, not <title>");
    assert_eq!(a["outlet"], "Riverside Courier", "publisher.name");
    assert_eq!(a["byline"], "Jonas Okafor, Lea Marchetti");
    assert_eq!(a["date"], "2023-10-21");
    assert_eq!(a["url"], "https://riverside-courier.example/local/flood-barrier-first-test");
    assert_text(
        &a,
        &[
            "sparing roughly 900 homes in the old town.",
            "“It did exactly what it was designed to do,” said Petra Vogel",
        ],
        &["Home", "Jobs", "newsletter"],
    );
}

#[test]
fn a_bare_article_element_with_nothing_else() {
    let (sb, _) = indexed_fixtures();
    let a = show(&sb, "minimal_article");
    assert_eq!(a["title_derived"], true, "no title anywhere: the lede's first sentence, as for text files");
    assert!(a["title"].as_str().unwrap().starts_with("Volunteers counted 312 nesting pairs of puffins"));
    assert_eq!(
        (a["outlet"].is_null(), a["byline"].is_null(), a["date"].is_null(), a["url"].is_null()),
        (true, true, true, true)
    );
    assert_eq!(a["paragraphs"].as_array().unwrap().len(), 3);
}

#[test]
fn div_soup_without_semantic_tags() {
    let (sb, _) = indexed_fixtures();
    let a = show(&sb, "div_soup");
    assert_eq!(a["title"], "Valley mill reopens with 120 jobs after two-year closure", "<title> without \" - Site\"");
    assert_eq!(a["outlet"], "news.valleypost.example", "no site name: the domain of og:url");
    assert_eq!(a["byline"], "Tomas Ferreira");
    assert_eq!(a["date"], "2023-11-02", "meta name=date");
    assert_eq!(a["url"], "https://news.valleypost.example/story/8812/mill-reopens");
    assert_text(
        &a,
        &[
            "The old paper mill at Lindford opened its gates again on Thursday",
            "\"Half of the people you see here worked in this building before,\" said the plant manager, Ruth Adeyemi.",
            "so that lorries no longer pass the primary school.",
        ],
        &["Council tax", "Weather", "Copyright", "Contact", "By Tomas"],
    );
    assert_eq!(a["paragraphs"].as_array().unwrap().len(), 4, "<br><br> separates paragraphs");
}

#[test]
fn a_windows_1252_page_declared_by_meta_charset() {
    let (sb, _) = indexed_fixtures();
    let a = show(&sb, "windows1252");
    assert_eq!(a["title"], "Café owners in Sainte-Marie fight the new terrace fee");
    assert_eq!(a["outlet"], "L’Écho du Port");
    assert_eq!(a["date"], "2022-06-09");
    assert_text(
        &a,
        &["a new fee of €12 per square metre", "“We are not against paying for the pavement,” said Renée Dufour"],
        &["\u{fffd}"],
    );
}

#[test]
fn a_hostile_page_reaches_neither_the_index_nor_the_terminal() {
    let (sb, _) = indexed_fixtures();
    for args in [vec!["show", "hostile"], vec!["show", "hostile", "--json"], vec!["search", "hostile page parser"]] {
        let out = sb.cmd().args(&args).assert().success().get_output().stdout.clone();
        let text = String::from_utf8(out).unwrap();
        let bad: Vec<char> = text.chars().filter(|&c| byline::sanitize::is_forbidden(c)).collect();
        assert!(bad.is_empty(), "{args:?}: {bad:?} in {text:?}");
        for payload in ["SCRIPT_PAYLOAD", "STYLE_PAYLOAD", "NOSCRIPT_PAYLOAD", "[31m", "]52;", "[2J", "]0;"] {
            assert!(!text.contains(payload), "{args:?}: {payload} in {text}");
        }
    }
    let a = show(&sb, "hostile");
    assert_eq!(a["title"], "Evil red title here");
    assert_eq!(a["byline"], "Eve Mallory");
    assert_text(
        &a,
        &[
            "this sentence carries red text and a clipboard write that both have to vanish",
            "underlined and the paragraph still ends here",
            "nothing in it should crash the parser",
        ],
        &[],
    );
}

/// Escape text for an HTML page.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Demo article 002 (Daily Sabah) as the outlet's site would serve it:
/// navigation, the photo with its caption, the story, related links and a
/// footer around the paragraphs the text version holds.
fn daily_sabah_page() -> String {
    let a = byline::corpus::demo::article("002").expect("demo article 002");
    let paragraphs: String = a.paragraphs.iter().map(|p| format!("      <p>{}</p>\n", escape(p))).collect();
    format!(
        r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | Daily Sabah</title>
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="Daily Sabah">
  <meta property="article:published_time" content="2022-02-21T18:12:00+03:00">
  <link rel="canonical" href="https://www.dailysabah.com/politics/east-ukraine-rebels-ask-putin">
  <script>var ads = ["top", "side"];</script>
</head>
<body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/turkey">Türkiye</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav></header>
  <main>
    <article>
      <h1>{title}</h1>
      <div class="details"><span class="author">Daily Sabah with Reuters</span> <time datetime="2022-02-21">Feb 21, 2022</time></div>
      <figure><img src="/photo.jpg"><figcaption>A woman approaches an ATM money machine in the separatist-controlled city of Donetsk, Ukraine, Feb. 21, 2022. (Reuters Photo)</figcaption></figure>
      <div class="article-body">
{paragraphs}      </div>
      <div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
    </article>
    <aside class="related"><h3>Related</h3><ul><li><a href="/world/europe/a">Russia, Ukraine trade blame over shelling</a></li><li><a href="/world/europe/b">Blinken to meet Lavrov later this week</a></li></ul></aside>
  </main>
  <footer><p>© Copyright 2022 Daily Sabah. All rights reserved.</p></footer>
</body>
</html>
"##,
        title = escape(&a.title)
    )
}

fn compare_rows(sb: &Sandbox, lib: &Path) -> Value {
    sb.cmd().args(["index", lib.to_str().unwrap()]).assert().success();
    json(&sb.cmd().args(["compare", "002_", "004_", "--json"]).assert().success().get_output().stdout)
}

fn pasechnik_kind(v: &Value) -> String {
    let row = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["left"].as_str().is_some_and(|l| l.contains("separatist Leonid Pasechnik said in a video aired")))
        .expect("the Pasechnik sentence is aligned");
    row["kind"].as_str().unwrap().to_string()
}

fn kinds(v: &Value) -> Vec<String> {
    v["rows"].as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_real_article_as_an_html_page_compares_as_its_text_does() {
    let text_sb = Sandbox::new();
    let text_lib = text_sb.dir.path().join("lib");
    std::fs::create_dir_all(&text_lib).unwrap();
    for seed in ["002_0509bcb1b6a6774f.txt", "004_e834a8d547207d18.txt"] {
        std::fs::copy(PathBuf::from(SEEDS).join(seed), text_lib.join(seed)).unwrap();
    }
    let from_text = compare_rows(&text_sb, &text_lib);

    let html_sb = Sandbox::new();
    let html_lib = html_sb.dir.path().join("lib");
    common::write(&html_lib.join("002_dailysabah.html"), daily_sabah_page());
    std::fs::copy(PathBuf::from(SEEDS).join("004_e834a8d547207d18.txt"), html_lib.join("004_e834a8d547207d18.txt"))
        .unwrap();
    let from_html = compare_rows(&html_sb, &html_lib);

    assert_eq!(pasechnik_kind(&from_text), "same");
    assert_eq!(pasechnik_kind(&from_html), "same");
    assert_eq!(kinds(&from_html), kinds(&from_text), "every row classified as for the text version");
    assert_eq!(from_html["similarity"], from_text["similarity"]);
    assert_eq!(from_html["left"]["outlet"], "Daily Sabah");
    assert_eq!(from_html["left"]["date"], "2022-02-21");
    let page = show(&html_sb, "002_");
    let text = show(&text_sb, "002_");
    assert_eq!(page["paragraphs"], text["paragraphs"], "the page gives exactly the text's paragraphs");
    assert_eq!(page["title"], text["title"]);
}

/// Extraction speed on the fixture pages and on the Daily Sabah page made
/// heavy the way real pages are (300 KB of inline script, 2,000 menu links).
/// Prints numbers; asserts nothing about time.
/// `cargo test --release --test tests -- --ignored --nocapture html::extraction_throughput`
#[test]
#[ignore = "a measurement, run by hand"]
fn extraction_throughput() {
    use byline::corpus::html::{decode_page, extract};
    use std::time::Instant;
    let mut fixtures: Vec<Vec<u8>> =
        std::fs::read_dir(FIXTURES).unwrap().map(|e| std::fs::read(e.unwrap().path()).unwrap()).collect();
    fixtures.push(daily_sabah_page().into_bytes());
    let menu: String = (0..2000).map(|i| format!("<li><a href=\"/section/{i}\">Section {i}</a></li>")).collect();
    let script = format!("<script>{}</script>", "var x = [1, 2, 3]; function f(a) { return a < 2; }\n".repeat(6000));
    let heavy = daily_sabah_page()
        .replacen("</head>", &format!("{script}</head>"), 1)
        .replacen("<header>", &format!("<header><ul class=\"mega-menu\">{menu}</ul>"), 1)
        .into_bytes();
    for (name, pages, rounds) in [("fixtures", fixtures, 200), ("heavy page", vec![heavy], 50)] {
        let bytes: usize = pages.iter().map(Vec::len).sum::<usize>() * rounds;
        let start = Instant::now();
        let mut paragraphs = 0;
        for _ in 0..rounds {
            for page in &pages {
                paragraphs += extract(&decode_page(page).unwrap(), None).paragraphs.len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let n = pages.len() * rounds;
        println!(
            "{name}: {n} pages ({:.1} KB each) in {secs:.2} s: {:.0} pages/s, {:.1} MB/s ({paragraphs} paragraphs)",
            bytes as f64 / n as f64 / 1e3,
            n as f64 / secs,
            bytes as f64 / secs / 1e6
        );
    }
}
