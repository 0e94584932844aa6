//! The five real articles of `assets/corpus/` parsed as a careful reader sees
//! them (see `../shared/corpus/README.md`): titles, outlets, dates, urls,
//! and the boilerplate that must not survive.

use crate::article::Article;
use chrono::NaiveDate;

fn seed(prefix: &str) -> Article {
    super::demo::article(prefix).expect("seed parses")
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn body(a: &Article) -> String {
    a.paragraphs.join("\n")
}

#[test]
fn seed_000_bloomberg_with_glued_date_and_boilerplate() {
    let a = seed("000");
    assert_eq!(a.outlet.as_deref(), Some("Bloomberg"));
    assert_eq!(a.date, date(2022, 2, 24));
    assert!(a.title_derived);
    assert!(a.title.starts_with("Separatist leaders in eastern Ukraine appealed"), "{}", a.title);
    assert!(a.paragraphs[0].starts_with("Separatist leaders"), "dateline and date field removed: {}", a.paragraphs[0]);
    let text = body(&a);
    for gone in
        ["Most Read from", "Story continues", "(Updates with", "©2022", "Bloomberg L.P.", "(Bloomberg) --", "date 2022"]
    {
        assert!(!text.contains(gone), "{gone:?} should be removed");
    }
    assert!(text.contains("Kuleba said in an interview on Bloomberg Television"), "real text kept");
    assert_eq!(a.url, None);
    assert_eq!(a.paragraphs.len(), 18);
}

#[test]
fn seed_001_spun_afp_copy_keeps_unknowns_unknown() {
    let a = seed("001");
    assert_eq!(a.outlet, None, "the text mentions AFP but never states its outlet");
    assert_eq!(a.date, None, "\"late Wednesday\" and \"dated February 22\" are not a publication date");
    assert!(a.title_derived);
    assert!(a.title.starts_with("Rebel leaders in jap Ukraine"));
    let text = body(&a);
    assert!(!text.contains("Moment of peril’ –"), "section heads are not paragraphs");
    assert!(!text.contains("High value of warfare"));
    assert!(text.contains("“our world is facing a moment of peril”"), "the quote itself stays");
}

#[test]
fn seed_002_headline_line_and_caption() {
    let a = seed("002");
    assert_eq!(a.title, "East Ukraine rebels ask Putin to recognize regions as independent");
    assert!(!a.title_derived);
    assert_eq!(a.outlet, None, "(Reuters Photo) credits the photo, not the article");
    assert_eq!(a.date, date(2022, 2, 21), "the date comes from the caption");
    assert!(!body(&a).contains("ATM"), "the caption is not part of the body");
    assert!(a.paragraphs[0].starts_with("The leaders of two breakaway regions"));
}

#[test]
fn seed_003_starts_with_the_lede() {
    let a = seed("003");
    assert_eq!((a.outlet.as_deref(), a.date), (None, None));
    assert!(a.title_derived);
    assert!(a.title.starts_with("Russia is not planning to send troops"));
    assert_eq!(a.paragraphs.len(), 17, "one paragraph per line");
}

#[test]
fn seed_004_markdown_heading_credit_url_and_broken_paragraph() {
    let a = seed("004");
    assert_eq!(a.title, "Putin Says Considering Ukraine Separatists' Independence Request");
    assert!(!a.title_derived);
    assert_eq!(a.outlet.as_deref(), Some("The Moscow Times"));
    assert_eq!(a.byline.as_deref(), Some("AFP"));
    assert_eq!(a.date, date(2022, 2, 21));
    assert_eq!(
        a.url.as_deref(),
        Some(
            "https://www.themoscowtimes.com/2022/02/21/putin-says-considering-ukraine-separatists-independence-request-a76496"
        )
    );
    let text = body(&a);
    for gone in ["Related article", "(#)", "[", "**", "Original url", "kremlin.ru", "# Putin"] {
        assert!(!text.contains(gone), "{gone:?} should be removed");
    }
    assert!(text.contains("next steps in this direction, bearing in mind both the appeals"), "broken paragraph joined");
    assert_eq!(
        a.paragraphs.iter().filter(|p| p.starts_with("The rebel leaders of Donetsk and Lugansk made")).count(),
        1,
        "the caption (a copy of a paragraph with a credit link) is gone, the paragraph stays"
    );
}

#[test]
fn ids_are_stable_and_distinct() {
    let ids: Vec<String> = ["000", "001", "002", "003", "004"].iter().map(|p| seed(p).id.0).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 5);
    assert_eq!(seed("002").id.0, ids[2]);
    assert!(ids.iter().all(|i| i.len() == 16 && i.chars().all(|c| c.is_ascii_hexdigit())));
}
