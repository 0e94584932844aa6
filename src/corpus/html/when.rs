//! When a page says its story was published, as a date a reader can trust.
//!
//! Pages state it in several places, and each can mislead: structured data
//! carries placeholders (`0001-01-01T00:00:00Z`, which the index would keep
//! as 1678, the earliest day it can store) and timestamps in UTC (a story
//! published at 10 p.m. in New York is dated the next day); a template may
//! leave the date out of the metadata and print it only on the page
//! (`Published 10:02 AM EST Nov 19, 2019`). So:
//!
//! 1. a date outside 1900 to tomorrow is no date ([`trustworthy`]), and the
//!    next source is asked: metadata, then `<time datetime>` and date
//!    `<meta>` tags, then the date line the page shows;
//! 2. a UTC timestamp is shown as the page's local date when the page
//!    states its offset: another of its timestamps with a non-zero offset
//!    (`2019-11-18T22:02:00-05:00`), or a time zone on its date line (`EST`).

use super::meta::page_date;
use crate::dates::{find_date, trustworthy};
use chrono::{DateTime, FixedOffset, NaiveDate};
use dom_query::Document;
use regex::Regex;
use std::sync::LazyLock;

/// `<meta>` elements that carry a publication date.
const DATE_META: &str = "meta[name='date' i], meta[name='pubdate' i], meta[name='publishdate' i], \
     meta[name='dc.date' i], meta[name='dc.date.issued' i], meta[itemprop~='datePublished'], \
     meta[itemprop~='dateCreated'], meta[property='og:published_time'], meta[property='article:published_time' i]";

/// `<meta>` elements whose timestamps may state the page's offset.
const STAMP_META: &str = "meta[property$='_time' i], meta[itemprop~='dateModified'], meta[itemprop~='datePublished'], \
     meta[itemprop~='dateCreated'], meta[name='date' i]";

/// What the page's elements say of its date, read before extraction.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageDates {
    /// `<time datetime>` values (those inside an `<article>` first), then date `<meta>` contents.
    pub stated: Vec<String>,
    /// The first non-zero UTC offset among the page's timestamps.
    pub offset: Option<FixedOffset>,
    /// The first date line the page shows in an element named for it
    /// (`<div class="timestamp">Published 10:02 AM EST Nov 19, 2019</div>`).
    pub line: Option<(NaiveDate, String)>,
}

/// Elements that show a date line.
const DATE_LINES: &str = "time, [class*='date' i], [class*='time' i], [class*='publish' i], [class*='posted' i], \
     [id*='date' i], [class*='byline' i], [class*='dateline' i]";

/// A date line is short: this many words at most.
const DATE_LINE_WORDS: usize = 15;

/// A line short enough to be a date line, and the date in it.
pub fn date_line(line: &str) -> Option<(NaiveDate, String)> {
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.split(' ').count() > DATE_LINE_WORDS {
        return None;
    }
    find_date(&line).and_then(trustworthy).map(|d| (d, line))
}

/// A timestamp in JSON-LD: `"dateModified": "2019-11-18T22:02:00-05:00"`.
static JSON_LD_STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""date(Published|Modified|Created)"\s*:\s*"([^"]{10,40})""#).expect("static regex"));

/// Read the page's stated dates and offset.
pub fn read(doc: &Document) -> PageDates {
    let mut stated: Vec<String> = Vec::new();
    for sel in ["article time[datetime]", "time[datetime]"] {
        stated.extend(doc.select(sel).iter().filter_map(|t| t.attr("datetime").map(|d| d.to_string())));
    }
    stated.extend(doc.select(DATE_META).iter().filter_map(|m| m.attr("content").map(|d| d.to_string())));
    let mut stamps: Vec<String> =
        doc.select(STAMP_META).iter().filter_map(|m| m.attr("content").map(|c| c.to_string())).collect();
    stamps.extend(stated.iter().cloned());
    for script in doc.select("script[type='application/ld+json' i]").iter() {
        let text = script.text();
        stamps.extend(JSON_LD_STAMP.captures_iter(&text).map(|c| c[2].to_string()));
    }
    let offset = stamps.iter().filter_map(|s| stamp(s)).map(|t| *t.offset()).find(|o| o.local_minus_utc() != 0);
    let line = doc.select(DATE_LINES).iter().take(200).find_map(|e| date_line(&e.text()));
    PageDates { stated, offset, line }
}

/// A timestamp with its offset: RFC 3339, or ISO with `+0000`.
fn stamp(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%z"))
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%z"))
        .ok()
}

/// The trustworthy date `s` states, in `offset`'s local time when `s` is
/// a timestamp in UTC.
pub fn local_date(s: &str, offset: Option<FixedOffset>) -> Option<NaiveDate> {
    let date = match (stamp(s), offset) {
        (Some(t), Some(offset)) if t.offset().local_minus_utc() == 0 => t.with_timezone(&offset).date_naive(),
        _ => page_date(s)?,
    };
    trustworthy(date)
}

/// Time zones a date line names, with their offsets in hours.
const ZONES: &[(&str, i32)] = &[
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
    ("AKST", -9),
    ("HST", -10),
    ("BST", 1),
    ("CET", 1),
    ("CEST", 2),
    ("EET", 2),
    ("EEST", 3),
    ("MSK", 3),
    ("IST", 5),
    ("JST", 9),
    ("KST", 9),
    ("AEST", 10),
    ("AEDT", 11),
    ("NZST", 12),
    ("NZDT", 13),
];

/// The offset of a time zone named in a date line (`10:02 AM EST`).
pub fn zone_of(line: &str) -> Option<FixedOffset> {
    line.split(|c: char| !c.is_ascii_alphanumeric())
        .find_map(|w| ZONES.iter().find(|(z, _)| *z == w))
        .and_then(|(_, h)| FixedOffset::east_opt(h * 3600))
}

/// The page's date: `published` (what the metadata says), else the first
/// trustworthy one among the elements' `stated`, else the date line the
/// page shows: in an element named for it, else `shown` (one left out of
/// the story's text).
pub fn date(published: Option<&str>, dates: &PageDates, shown: Option<&(NaiveDate, String)>) -> Option<NaiveDate> {
    let shown = dates.line.as_ref().or(shown);
    let offset = dates.offset.or_else(|| shown.and_then(|(_, line)| zone_of(line)));
    published
        .and_then(|p| local_date(p, offset))
        .or_else(|| dates.stated.iter().find_map(|s| local_date(s, offset)))
        .or_else(|| shown.and_then(|(d, _)| trustworthy(*d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn placeholders_are_no_date_and_the_next_source_speaks() {
        let doc = Document::from(r#"<meta itemprop="datePublished dateCreated" content="2019-11-19"><p>x</p>"#);
        let dates = read(&doc);
        assert_eq!(date(Some("0001-01-01T00:00:00Z"), &dates, None), d(2019, 11, 19), "multi-valued itemprop");
        assert_eq!(date(Some("0001-01-01T00:00:00Z"), &PageDates::default(), None), None);
        assert_eq!(date(Some("2999-01-01"), &PageDates::default(), None), None, "after tomorrow");
        let line = (NaiveDate::from_ymd_opt(2019, 11, 19).unwrap(), "Published 10:02 AM EST Nov 19, 2019".to_string());
        assert_eq!(date(Some("1899-12-31"), &PageDates::default(), Some(&line)), d(2019, 11, 19));
    }

    #[test]
    fn a_utc_stamp_is_the_local_date_where_the_page_states_its_offset() {
        let doc =
            Document::from(r#"<meta property="article:modified_time" content="2019-11-18T23:10:00-05:00"><p>x</p>"#);
        let dates = read(&doc);
        assert_eq!(dates.offset, FixedOffset::west_opt(5 * 3600));
        assert_eq!(date(Some("2019-11-19T03:02:00Z"), &dates, None), d(2019, 11, 18));
        assert_eq!(
            date(Some("2019-11-19T03:02:00Z"), &PageDates::default(), None),
            d(2019, 11, 19),
            "no offset stated"
        );
        let line = (NaiveDate::from_ymd_opt(2019, 11, 18).unwrap(), "Updated 10:02 PM EST Nov 18, 2019".to_string());
        assert_eq!(date(Some("2019-11-19T03:02:00Z"), &PageDates::default(), Some(&line)), d(2019, 11, 18));
        let ld = Document::from(
            r#"<script type="application/ld+json">{"dateModified": "2019-11-18T23:10:00+09:00"}</script><p>x</p>"#,
        );
        assert_eq!(read(&ld).offset, FixedOffset::east_opt(9 * 3600));
    }
}
