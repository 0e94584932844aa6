//! A feed document (RSS 0.9x/1.0/2.0, Atom, JSON Feed, through `feed-rs`) to
//! the few things byline uses: the feed's title and, per item, a stable key,
//! the link to follow, the date, the author and the text the feed carries.

use crate::corpus::html::fragment_paragraphs;
use chrono::NaiveDate;
use feed_rs::model::Text;

/// A parsed feed.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedDoc {
    pub title: Option<String>,
    pub items: Vec<Item>,
}

/// One item (RSS) or entry (Atom).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The guid (RSS) or id (Atom); else the link; else the title.
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
    let feed =
        parser.parse(bytes).map_err(|e| format!("not a feed: {}", crate::sanitize::clean_line(&e.to_string())))?;
    let items = feed
        .entries
        .into_iter()
        .filter(|e| !e.id.is_empty())
        .map(|e| {
            let link =
                e.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate")).map(|l| l.href.clone());
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
            Item {
                key: e.id,
                title: e.title.map(|t| one_line(&t)).filter(|t| !t.is_empty()),
                link,
                date: e.published.or(e.updated).map(|d| d.date_naive()),
                author: (!author.is_empty()).then(|| author.join(", ")),
                text,
            }
        })
        .collect();
    Ok(FeedDoc { title: feed.title.map(|t| one_line(&t)).filter(|t| !t.is_empty()), items })
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

/// A title, which may carry markup, as one line.
fn one_line(text: &Text) -> String {
    paragraphs(text).join(" ")
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
}
