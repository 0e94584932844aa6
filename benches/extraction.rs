//! How fast a saved page becomes an article, on one core: decoding,
//! parsing, Readability, cleaning, title and date, as `byline index` does
//! for every `.html` file and `byline fetch` for every linked page.
//!
//! The page is built here the way a news site's article page is made
//! today (about 200 KB: 150 KB of inline script and JSON, a mega-menu of
//! 600 links, share bars, a 900-word story with subheadings, photos and
//! inline ads, 60 related links, comments and a footer), so that the figure
//! needs nothing outside the repository. `BYLINE_BENCH_PAGES=DIR` adds a
//! row for every `.html` page in DIR (for instance extraction-dev's).
//!
//! Prints a table of medians over rounds; asserts nothing.
//! `cargo bench --bench extraction`

use byline::corpus::html::{decode_page, extract};
use std::time::Instant;

const ROUNDS: usize = 9;

fn typical_page() -> String {
    let script: String = (0..1900)
        .map(|i| {
            format!("window.__data.push({{\"id\": {i}, \"slot\": \"ad-{i}\", \"sizes\": [[300, 250], [728, 90]]}});\n")
        })
        .collect();
    let menu: String = (0..600).map(|i| format!("<li><a href=\"/section/{i}\">Section {i}</a></li>")).collect();
    let words =
        "the council said on Tuesday that the harbour works would start in the spring and last until the autumn";
    let mut story = String::new();
    for i in 0..30 {
        if i % 6 == 5 {
            story.push_str(&format!("<h2>Part {i} of the story</h2>"));
        }
        if i % 8 == 3 {
            story.push_str("<figure><img src=\"/p.jpg\"><figcaption>A photo of the harbour. (Photo: Jane Roe)</figcaption></figure>");
            story.push_str("<div class=\"ad-slot inline-ad\">Advertisement</div>");
        }
        story.push_str(&format!("<p>Paragraph {i}: {words}, {words}.</p>\n"));
    }
    let related: String =
        (0..60).map(|i| format!("<li><a href=\"/news/{i}\">Another story number {i} from the site</a></li>")).collect();
    let comments: String = (0..20)
        .map(|i| {
            format!(
                "<div class=\"comment\"><p>Reader {i} wrote that the works were long overdue and welcome.</p></div>"
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Harbour works to start in spring | The Gazette</title>\
         <meta property=\"og:title\" content=\"Harbour works to start in spring\"><meta property=\"og:site_name\" content=\"The Gazette\">\
         <meta property=\"article:published_time\" content=\"2024-03-14T08:30:00Z\">\
         <script type=\"application/ld+json\">{{\"@type\": \"NewsArticle\", \"headline\": \"Harbour works to start in spring\", \"datePublished\": \"2024-03-14T08:30:00Z\"}}</script>\
         <script>window.__data = [];\n{script}</script><style>.a {{ color: red }}</style></head><body>\
         <header><nav><ul class=\"mega-menu\">{menu}</ul></nav></header>\
         <main><article><h1>Harbour works to start in spring</h1><p class=\"byline\">By Jane Roe</p>\
         <div class=\"share-bar\"><a href=\"#\">Share</a> <a href=\"#\">Email</a></div>{story}</article>\
         <aside class=\"related\"><ul>{related}</ul></aside><section class=\"comments\">{comments}</section></main>\
         <footer><p>© 2024 The Gazette</p></footer></body></html>"
    )
}

/// Median seconds per page of `pages`, over [`ROUNDS`] rounds.
fn seconds_per_page(pages: &[Vec<u8>]) -> f64 {
    let mut rounds: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for page in pages {
                let fields = extract(&decode_page(page).expect("text"), None);
                std::hint::black_box(fields);
            }
            start.elapsed().as_secs_f64() / pages.len() as f64
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[ROUNDS / 2]
}

fn main() {
    let typical = typical_page().into_bytes();
    let mut rows: Vec<(String, Vec<Vec<u8>>)> = vec![("typical page".into(), vec![typical; 20])];
    if let Ok(dir) = std::env::var("BYLINE_BENCH_PAGES") {
        let pages: Vec<Vec<u8>> = std::fs::read_dir(&dir)
            .expect("BYLINE_BENCH_PAGES is a folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .filter_map(|p| std::fs::read(p).ok())
            .filter(|b| decode_page(b).is_ok())
            .collect();
        rows.push((format!("pages in {dir}"), pages));
    }
    println!("| pages | KB per page | ms per page (median of {ROUNDS}) | pages/s on one core |");
    println!("| --- | --- | --- | --- |");
    for (name, pages) in rows {
        let kb = pages.iter().map(Vec::len).sum::<usize>() as f64 / pages.len() as f64 / 1e3;
        let s = seconds_per_page(&pages);
        println!("| {name} ({}) | {kb:.0} | {:.2} | {:.0} |", pages.len(), s * 1e3, 1.0 / s);
    }
}
