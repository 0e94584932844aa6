//! A page's metadata: who wrote it, when, for which outlet, under which
//! headline and at which address.
//!
//! dom_smoothie reads the usual sources (JSON-LD, OpenGraph and Dublin Core
//! `<meta>`, `<title>` with its " | Site" suffix, `rel=author` and byline
//! elements); this module adds what it leaves out and byline needs: the
//! canonical url, `<time datetime>` and `<meta name="date">`, and turns the
//! strings into [`Fields`] values (`By ` dropped from credits, dates parsed).

use super::shown::{Shown, shown};
use super::when::{self, PageDates};
use crate::corpus::fields::Fields;
use crate::dates::parse_date;
use chrono::NaiveDate;
use dom_query::Document;

/// What the page states besides what dom_smoothie reports, read before
/// extraction rewrites the document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageExtras {
    pub canonical: Option<String>,
    pub og_url: Option<String>,
    /// The dates its elements state, and its UTC offset.
    pub dates: PageDates,
    /// The page's `<title>` and `og:title`, as written.
    pub titles: Vec<String>,
    /// The short texts the page shows, for the headline.
    pub shown: Shown,
}

/// Read the canonical url, `og:url` and a date from the elements that carry them.
pub fn extras(doc: &Document, page_url: Option<&str>) -> PageExtras {
    let attr = |sel: &str, name: &str| {
        doc.select(sel).iter().find_map(|s| s.attr(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty()))
    };
    PageExtras {
        canonical: attr("link[rel~='canonical' i]", "href").and_then(|href| absolute(&href, page_url)),
        og_url: attr("meta[property='og:url' i]", "content").and_then(|href| absolute(&href, page_url)),
        dates: when::read(doc),
        // Every `<title>`: a page glued from two keeps one in its body.
        titles: std::iter::once(attr("meta[property='og:title' i]", "content"))
            .chain(doc.select("title").iter().take(4).map(|t| Some(t.text().to_string())))
            .flatten()
            .filter(|t| !t.trim().is_empty() && t.len() <= MAX_VALUE_BYTES)
            .collect(),
        shown: shown(doc),
    }
}

/// The metadata dom_smoothie found, as plain strings.
#[derive(Clone, Debug, Default)]
pub struct Found {
    pub title: String,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub url: Option<String>,
}

impl From<&dom_smoothie::Article> for Found {
    fn from(a: &dom_smoothie::Article) -> Found {
        Found {
            title: a.title.clone(),
            byline: a.byline.clone(),
            site_name: a.site_name.clone(),
            published_time: a.published_time.clone(),
            url: a.url.clone(),
        }
    }
}

/// Everything but the paragraphs, by the priorities of the module doc:
/// url = canonical, `og:url`, JSON-LD `url`, where the page came from.
pub fn fields(found: Found, extras: PageExtras, page_url: Option<&str>) -> Fields {
    let outlet = nonempty(found.site_name);
    let title = nonempty(Some(found.title)).map(|t| strip_site_suffix(&t, outlet.as_deref()));
    Fields {
        title,
        outlet,
        byline: nonempty(found.byline).map(|b| credit(&b)).filter(|b| !b.is_empty()),
        date: when::date(found.published_time.as_deref(), &extras.dates, None),
        url: extras
            .canonical
            .or(extras.og_url)
            .or_else(|| found.url.and_then(|u| absolute(&u, page_url)))
            .or_else(|| page_url.and_then(|u| absolute(u, None))),
        paragraphs: Vec::new(),
    }
}

/// A metadata value longer than this is not a title, a name or a date.
const MAX_VALUE_BYTES: usize = 2000;

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty() && s.len() <= MAX_VALUE_BYTES)
}

/// A date as pages write them: anything [`parse_date`] reads, or an
/// ISO timestamp it does not (`2024-03-14T08:30:00+0000`) by its date part.
pub fn page_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() > MAX_VALUE_BYTES {
        return None;
    }
    parse_date(s).or_else(|| s.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()))
}

/// `By Jane Roe` to `Jane Roe`.
fn credit(byline: &str) -> String {
    let b = byline.trim();
    let b = match b.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => &b[3..],
        _ => b,
    };
    b.trim().to_string()
}

/// `Headline | The Site` to `Headline` when the site is known.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some(head) = title.strip_suffix(site).and_then(|t| t.strip_suffix(sep))
                && !head.trim().is_empty()
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// An http(s) url as given, or a root-relative one on the page's site.
fn absolute(href: &str, page_url: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.len() > MAX_VALUE_BYTES {
        return None;
    }
    if href.starts_with("https://") || href.starts_with("http://") {
        return Some(href.to_string());
    }
    let page = page_url?;
    let scheme_end = page.find("://")? + 3;
    let origin_end = page[scheme_end..].find('/').map_or(page.len(), |i| i + scheme_end);
    href.starts_with('/').then(|| format!("{}{href}", &page[..origin_end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_og_url_and_dates_from_elements() {
        let doc = Document::from(
            r#"<html><head><link rel="alternate canonical" href="/a/b"><meta property="og:url" content="https://x.example/og">
            <meta name="Date" content="2023-11-02"></head><body><article><time datetime="2022-02-21T10:00:00+0000">Feb 21</time></article></body></html>"#,
        );
        let e = extras(&doc, Some("https://x.example/page?q=1"));
        assert_eq!(e.canonical.as_deref(), Some("https://x.example/a/b"));
        assert_eq!(e.og_url.as_deref(), Some("https://x.example/og"));
        assert_eq!(
            when::date(None, &e.dates, None),
            NaiveDate::from_ymd_opt(2022, 2, 21),
            "<time> inside the article first"
        );
        let doc = Document::from(r#"<meta name="date" content="2023-11-02"><p>x</p>"#);
        assert_eq!(when::date(None, &extras(&doc, None).dates, None), NaiveDate::from_ymd_opt(2023, 11, 2));
        assert_eq!(extras(&doc, None).canonical, None);
    }

    #[test]
    fn fields_take_urls_in_order_and_clean_credit_and_title() {
        let found = Found {
            title: "Headline here | The Site".into(),
            byline: Some("By Jane Roe".into()),
            site_name: Some("The Site".into()),
            published_time: Some("2024-03-14T08:30:00Z".into()),
            url: Some("https://x.example/ld".into()),
        };
        let f = fields(found.clone(), PageExtras::default(), Some("https://x.example/fetched"));
        assert_eq!(f.title.as_deref(), Some("Headline here"));
        assert_eq!(f.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(f.date, NaiveDate::from_ymd_opt(2024, 3, 14));
        assert_eq!(f.url.as_deref(), Some("https://x.example/ld"));
        let extras = PageExtras { og_url: Some("https://x.example/og".into()), ..PageExtras::default() };
        assert_eq!(fields(found.clone(), extras, None).url.as_deref(), Some("https://x.example/og"));
        let bare = Found { url: None, ..found };
        assert_eq!(
            fields(bare.clone(), PageExtras::default(), Some("https://x.example/f")).url.as_deref(),
            Some("https://x.example/f")
        );
        assert_eq!(fields(bare, PageExtras::default(), Some("file:///tmp/a.html")).url, None);
    }
}
