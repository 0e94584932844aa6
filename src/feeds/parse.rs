//! A feed document (RSS 0.9x/1.0/2.0, Atom, JSON Feed, through `feed-rs`) to
//! the few things byline uses: the feed's title and, per item, a stable key,
//! the link to follow, the date, the author and the text the feed carries.
//! The document is untrusted: one-line fields are cut to a readable length,
//! keys are kept short, and an item that repeats another's key is read once.

use super::budget::clip;
use super::prune::{MAX_FEED_ITEMS, prune};
use crate::corpus::html::fragment_paragraphs;
use chrono::NaiveDate;
use feed_rs::model::Text;

/// A parsed feed.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedDoc {
    pub title: Option<String>,
    pub items: Vec<Item>,
    /// Items left out because an earlier one has the same key.
    pub repeated: usize,
    /// Items past the first [`MAX_FEED_ITEMS`] of the document, not read.
    pub unread: usize,
    /// True when bytes that were not UTF-8 were read as U+FFFD.
    pub repaired: bool,
}

/// A guid longer than this (in bytes) is known by its hash instead, so that
/// the list of items seen stays small whatever a feed calls its items.
const MAX_KEY_BYTES: usize = 256;

/// One item (RSS) or entry (Atom).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The guid (RSS) or id (Atom); else the link; else the title; else
    /// the hash of its text; a long one is hashed too.
    pub key: String,
    pub title: Option<String>,
    /// The page to fetch, absolute (relative links are resolved against the feed's url).
    pub link: Option<String>,
    /// Published, else updated.
    pub date: Option<NaiveDate>,
    pub author: Option<String>,
    /// The item's own text (full content, else summary), as paragraphs.
    pub text: Vec<String>,
}

/// Parse `bytes` fetched from `url`; `Err` is a one-line reason.
pub fn parse(bytes: &[u8], url: &str) -> Result<FeedDoc, String> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(url))
        // An item with no guid is known by its link (then its title), never by a random id.
        .id_generator(|links, title, _| match (links.first(), title) {
            (Some(link), _) => link.href.clone(),
            (None, Some(title)) => format!("title:{}", title.content),
            (None, None) => String::new(),
        })
        .build();
    let pruned = prune(bytes, MAX_FEED_ITEMS);
    let feed = parser
        .parse(&pruned.bytes[..])
        .map_err(|e| format!("not a feed: {}", crate::sanitize::clean_line(&e.to_string())))?;
    let mut keys = std::collections::HashSet::new();
    let mut repeated = 0;
    let mut items = Vec::new();
    for e in feed.entries {
        let link = e.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate")).map(|l| l.href.clone());
        let text = match (e.content.and_then(|c| c.body), e.summary) {
            (Some(html), _) => fragment_paragraphs(&html),
            (None, Some(summary)) => paragraphs(&summary),
            (None, None) => Vec::new(),
        };
        let author = e
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>();
        let key = match e.id {
            id if !id.is_empty() => short_key(id),
            // Nothing names it: its text does (an item with none is nothing to read).
            _ if !text.is_empty() => format!("text:{}", blake3::hash(text.join("\n").as_bytes()).to_hex()),
            _ => continue,
        };
        if !keys.insert(key.clone()) {
            repeated += 1;
            continue;
        }
        items.push(Item {
            key,
            title: e.title.map(|t| one_line(&t)).filter(|t| !t.is_empty()),
            link,
            date: e.published.or(e.updated).map(|d| d.date_naive()),
            author: (!author.is_empty()).then(|| clip(&author.join(", "))),
            text,
        });
    }
    Ok(FeedDoc {
        title: feed.title.map(|t| one_line(&t)).filter(|t| !t.is_empty()),
        items,
        repeated,
        unread: pruned.unread,
        repaired: pruned.repaired,
    })
}

/// A key as stored: itself, or the hash of a long one.
fn short_key(key: String) -> String {
    if key.len() <= MAX_KEY_BYTES { key } else { format!("hash:{}", blake3::hash(key.as_bytes()).to_hex()) }
}

/// A text construct as paragraphs: markup read as HTML, plain text as it is.
fn paragraphs(text: &Text) -> Vec<String> {
    if text.content_type.to_string().contains("html") {
        fragment_paragraphs(&text.content)
    } else {
        text.content
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// A title, which may carry markup, as one line of at most [`super::budget::MAX_LINE_CHARS`].
fn one_line(text: &Text) -> String {
    clip(&paragraphs(text).join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour &amp; Gazette</title><link>http://h.example/</link>
<item><title>Dock strike ends</title><link>/news/dock</link><guid isPermaLink="false">g-1</guid>
<pubDate>Mon, 21 Feb 2022 10:00:00 GMT</pubDate><author>a@h.example (Ann Reed)</author>
<description>&lt;p&gt;Workers &lt;b&gt;returned&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Ships sail.&lt;/p&gt;</description></item>
<item><title>No guid here</title><link>http://h.example/news/two</link></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Valley &lt;i&gt;Post&lt;/i&gt;</title><id>urn:v</id>
<updated>2022-02-22T00:00:00Z</updated>
<entry><title>Bridge opens</title><id>urn:v:1</id><updated>2022-02-22T08:00:00Z</updated>
<link rel="alternate" href="http://v.example/bridge"/><summary>The bridge opened.</summary></entry>
</feed>"#;

    #[test]
    fn rss_items_have_keys_links_dates_and_text() {
        let doc = parse(RSS.as_bytes(), "http://h.example/feed.xml").unwrap();
        assert_eq!(doc.title.as_deref(), Some("Harbour & Gazette"));
        let first = &doc.items[0];
        assert_eq!(first.key, "g-1");
        assert_eq!(first.link.as_deref(), Some("http://h.example/news/dock"), "relative links are resolved");
        assert_eq!(first.date, NaiveDate::from_ymd_opt(2022, 2, 21));
        assert_eq!(first.text, vec!["Workers returned.", "Ships sail."]);
        assert_eq!(doc.items[1].key, "http://h.example/news/two", "no guid: the link is the key");
    }

    #[test]
    fn atom_entries_too() {
        let doc = parse(ATOM.as_bytes(), "http://v.example/atom").unwrap();
        assert_eq!(doc.title.as_deref(), Some("Valley Post"));
        let e = &doc.items[0];
        assert_eq!((e.key.as_str(), e.link.as_deref()), ("urn:v:1", Some("http://v.example/bridge")));
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2022, 2, 22));
        assert_eq!(e.text, vec!["The bridge opened."]);
    }

    #[test]
    fn malformed_xml_is_a_reason() {
        let err = parse(b"<rss version=\"2.0\"><channel><title>x</channel>", "http://x.example/").unwrap_err();
        assert!(err.starts_with("not a feed"), "{err}");
        assert!(parse(b"hello", "http://x.example/").is_err());
    }

    #[test]
    fn long_fields_are_cut_keys_kept_short_and_repeats_read_once() {
        let mega = "Headline ".repeat(100_000);
        let rss = format!(
            "<rss version=\"2.0\"><channel><title>{mega}</title>\
             <item><title>{mega}</title><guid>{mega}</guid><description>One.</description></item>\
             <item><guid>g</guid><description>Two.</description></item>\
             <item><guid>g</guid><description>Two again.</description></item>\
             <item><description>Only text.</description></item><item></item></channel></rss>"
        );
        let doc = parse(rss.as_bytes(), "http://x.example/").unwrap();
        let title = doc.title.unwrap();
        assert!(title.chars().count() <= 500 && title.ends_with('…'), "{}", &title[..20]);
        let keys: Vec<&str> = doc.items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys.len(), 3, "{keys:?}");
        assert!(keys[0].starts_with("hash:") && keys[0].len() == 5 + 64);
        assert_eq!(keys[1], "g");
        assert!(keys[2].starts_with("text:"));
        assert_eq!(doc.items[1].text, vec!["Two."], "the first of two with one guid");
        assert_eq!(doc.repeated, 1);
        assert!(doc.items[0].title.as_ref().unwrap().chars().count() <= 500);
    }
}
