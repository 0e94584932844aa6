//! `extract` on whole pages: the fixtures of `tests/fixtures/html/` and
//! hostile pages built here (too big or too deep to keep as files).

use super::*;
use crate::sanitize::is_forbidden;
use std::path::Path;

const NEWS_SITE: &str = include_str!("../../../tests/fixtures/html/news_site.html");
const LOGIN_WALL: &str = include_str!("../../../tests/fixtures/html/login_wall.html");
const INDEX_PAGE: &str = include_str!("../../../tests/fixtures/html/index_page.html");
const MINIMAL: &str = include_str!("../../../tests/fixtures/html/minimal_article.html");
const HOSTILE: &str = include_str!("../../../tests/fixtures/html/hostile.html");

fn article(html: &str) -> crate::article::Article {
    extract(html, None).finish(Path::new("page.html")).expect("an article")
}

fn all_text(a: &crate::article::Article) -> String {
    let mut parts = vec![a.title.clone()];
    parts.extend([&a.outlet, &a.byline, &a.url].into_iter().flatten().cloned());
    parts.extend(a.paragraphs.iter().cloned());
    parts.join("\n")
}

#[test]
fn a_news_page_gives_its_story_and_metadata() {
    let f = extract(NEWS_SITE, None);
    assert_eq!(f.title.as_deref(), Some("Ferry strike halts island crossings for a third day"));
    assert_eq!(f.outlet.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(f.byline.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(f.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 14));
    assert_eq!(f.url.as_deref(), Some("https://www.harbourgazette.example/news/2024/03/14/ferry-strike-third-day"));
    assert_eq!(f.paragraphs.len(), 6, "{:#?}", f.paragraphs);
    assert!(f.paragraphs[0].starts_with("Ferry crews walked off the job"));
    assert!(f.paragraphs[5].starts_with("Talks are due to resume"));
}

#[test]
fn pages_without_a_story_give_empty_fields() {
    assert_eq!(extract(LOGIN_WALL, Some("https://www.harbourgazette.example/login")), Fields::default());
    assert_eq!(extract(INDEX_PAGE, None), Fields::default());
    assert_eq!(extract("", None), Fields::default());
    assert_eq!(extract("<html><body><p>Too short to be a story.</p></body></html>", None), Fields::default());
    assert_eq!(extract("\u{0}\u{1}<<<>>>&&&#;", None), Fields::default());
}

#[test]
fn the_page_url_is_the_url_and_the_outlet_when_the_page_names_neither() {
    let a = extract(MINIMAL, Some("https://www.bbc.co.uk/news/science-1")).finish(Path::new("x.html")).unwrap();
    assert_eq!(a.url.as_deref(), Some("https://www.bbc.co.uk/news/science-1"));
    assert_eq!(a.outlet.as_deref(), Some("BBC"));
    // Not a web address: ignored, never an error.
    let f = extract(MINIMAL, Some("not a url"));
    assert_eq!((f.url, f.paragraphs.len()), (None, 3));
}

#[test]
fn escape_sequences_bidi_and_scripts_do_not_survive() {
    let a = article(HOSTILE);
    let text = all_text(&a);
    assert!(!text.chars().any(is_forbidden), "{text:?}");
    for payload in ["SCRIPT_PAYLOAD", "STYLE_PAYLOAD", "NOSCRIPT_PAYLOAD", "[31m", "]52;", "]0;", "[2J"] {
        assert!(!text.contains(payload), "{payload} in {text}");
    }
    assert_eq!(a.title, "Evil red title here");
    assert_eq!(a.outlet.as_deref(), Some("Evil Site"));
    assert_eq!(a.url.as_deref(), Some("https://evil.example/apage"));
    assert_eq!(a.paragraphs.len(), 4, "{:#?}", a.paragraphs);
}

fn story(extra: &str) -> String {
    let para =
        "The council met on Tuesday and agreed to repair the harbour wall before the winter storms arrive this year.";
    format!("<html><body>{extra}<article><p>{para}</p><p>{para}</p><p>{para}</p></article></body></html>")
}

#[test]
fn ten_thousand_nested_divs_are_read_without_overflowing_the_stack() {
    let depth = 10_000;
    let page = format!("{}{}{}", "<div>".repeat(depth), story(""), "</div>".repeat(depth));
    // The stack of a test thread (2 MiB), not a big main thread's.
    let f = std::thread::spawn(move || extract(&page, None)).join().expect("no stack overflow");
    assert_eq!(f.paragraphs.len(), 3);
    let page = format!("{}{}{}", "<div>".repeat(guard::MAX_DEPTH), story(""), "</div>".repeat(guard::MAX_DEPTH));
    let f = std::thread::spawn(move || extract(&page, None)).join().expect("no stack overflow");
    assert_eq!(f.paragraphs.len(), 3, "as deep as the guard lets pages be");
    let unclosed = "<div><span><b><i>".repeat(depth);
    let page = story(&unclosed);
    let f = std::thread::spawn(move || extract(&page, None)).join().expect("no stack overflow");
    assert_eq!(f.paragraphs.len(), 3);
}

#[test]
fn huge_attribute_values_are_harmless() {
    let huge = "x".repeat(4 << 20);
    let page = story(&format!("<div class=\"{huge}\" data-x=\"{huge}\"><a href=\"{huge}\">link</a></div>"));
    let page =
        page.replacen("<html>", &format!("<html><head><meta property=\"og:site_name\" content=\"{huge}\"></head>"), 1);
    let a = article(&page);
    assert_eq!(a.paragraphs.len(), 3);
    assert_eq!(a.outlet, None, "a 4 MiB site name is no name");
    assert!(!all_text(&a).contains("link"));
}

#[test]
fn a_page_past_the_element_cap_is_refused_with_a_reason() {
    let page = story(&"<span></span>".repeat(MAX_ELEMENTS));
    assert_eq!(extract_page(&page, None).unwrap_err(), format!("HTML page with over {MAX_ELEMENTS} elements"));
    assert_eq!(extract(&page, None), Fields::default());
}

#[test]
fn a_headline_repeated_as_the_first_line_is_not_a_paragraph() {
    let page = story("").replace(
        "<article>",
        "<head><meta property=\"og:title\" content=\"Harbour wall to be repaired\"></head><article><p><b>Harbour wall to be repaired</b></p>",
    );
    let f = extract(&page, None);
    assert_eq!(f.title.as_deref(), Some("Harbour wall to be repaired"));
    assert_eq!(f.paragraphs.len(), 3, "{:#?}", f.paragraphs);
    assert!(f.paragraphs[0].starts_with("The council met on Tuesday"));
}

#[test]
fn page_files_are_read_by_extension_with_their_declared_charset_and_overrides() {
    use crate::corpus::{Format, SkipReason, parse_bytes};
    for name in ["a.html", "b.HTM", "c.xhtml"] {
        assert_eq!(Format::of(Path::new(name)), Some(Format::Html), "{name}");
    }
    let bytes = include_bytes!("../../../tests/fixtures/html/windows1252.html");
    let none = Fields::default();
    let a = parse_bytes(Path::new("w.html"), Format::Html, bytes, &none).unwrap().remove(0);
    assert_eq!(a.title, "Café owners in Sainte-Marie fight the new terrace fee");
    assert!(a.paragraphs[0].contains("a new fee of €12 per square metre"));
    let over = Fields { outlet: Some("Sainte-Marie Post".into()), ..Fields::default() };
    let a = parse_bytes(Path::new("w.html"), Format::Html, bytes, &over).unwrap().remove(0);
    assert_eq!(a.outlet.as_deref(), Some("Sainte-Marie Post"), "sources.toml wins over the page");
    let skip = parse_bytes(Path::new("l.html"), Format::Html, LOGIN_WALL.as_bytes(), &none).unwrap_err();
    assert_eq!(skip.reason, SkipReason::NoText);
}

/// A demo article set in a news site's page: menu, share bar, photo,
/// related links and a footer around its paragraphs.
fn as_page(a: &crate::article::Article) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let paragraphs: String = a.paragraphs.iter().map(|p| format!("<p>{}</p>\n", esc(p))).collect();
    format!(
        "<html><head><title>{t} | Site</title><meta property=\"og:site_name\" content=\"Site\"></head><body>\
         <header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>\
         <article><h1>{t}</h1><div class=\"share-tools\"><a href=\"#\">Share</a></div>\
         <figure><img src=\"x.jpg\"><figcaption>A photo.</figcaption></figure>\
         <div class=\"article__body\">{paragraphs}</div></article>\
         <aside><ul><li><a href=\"/a\">Another story</a></li></ul></aside><footer>© Site</footer></body></html>",
        t = esc(&a.title)
    )
}

#[test]
fn every_demo_article_as_a_page_gives_back_exactly_its_paragraphs() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let text = crate::corpus::demo::article(prefix).unwrap();
        let page = extract(&as_page(&text), None);
        assert_eq!(page.paragraphs, text.paragraphs, "{prefix}");
        assert_eq!(page.title.as_deref(), Some(text.title.as_str()), "{prefix}");
    }
}

#[test]
fn tag_soup_never_panics() {
    let pieces = [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<article>",
        "<table><tr><td>",
        "</td>",
        "<br>",
        "<a href='#'>",
        "</a>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<meta charset='koi8-r'>",
        "<title>",
        "</title>",
        "&amp;",
        "&#x1b;[",
        "&#0;",
        "&#xD800;",
        "<svg><path d='M0'/>",
        "<math>",
        "<template>",
        "<select><option>",
        "<![CDATA[",
        "<h1>",
        "<time datetime='x'>",
        "<link rel=canonical href='http://a'>",
        "text words here. ",
        "\u{202e}",
        "<noscript>",
        "<frameset>",
        "<plaintext>",
        "<body class='ad'>",
        "<p hidden>",
        "<div style='display:none'>",
    ];
    let mut state = 0x2545_f491_u64;
    for round in 0..300 {
        let mut page = String::new();
        for _ in 0..(round % 60) * 4 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            page.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        if let Some(a) = extract(&page, Some("https://example.org/x")).finish(Path::new("soup.html")) {
            assert!(!all_text(&a).chars().any(is_forbidden), "{page}");
        }
    }
}
