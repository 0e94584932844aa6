//! OPML, the file every feed reader imports and exports: the feed list in
//! and out. An outline's `text` is the name people see, its `title` the
//! feed's own title, its `xmlUrl` the feed; folders (nested outlines) are
//! read through and not kept.

use super::list::Feed;
use quick_xml::escape::escape;
use quick_xml::events::Event;

/// One feed named in an OPML file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    pub url: String,
    pub text: Option<String>,
    pub title: Option<String>,
}

/// The feeds of an OPML document, in order; `Err` says why it cannot be read.
pub fn parse(xml: &str) -> Result<Vec<Outline>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut outlines = Vec::new();
    let mut saw_opml = false;
    loop {
        let event = reader.read_event().map_err(|e| format!("not OPML: {} at byte {}", e, reader.error_position()))?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                saw_opml |= name.as_ref().eq_ignore_ascii_case("opml");
                if !name.as_ref().eq_ignore_ascii_case("outline") {
                    continue;
                }
                let mut outline = Outline { url: String::new(), text: None, title: None };
                for attr in e.attributes().flatten() {
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(|v| v.trim().to_string())
                        .unwrap_or_default();
                    let value = (!value.is_empty()).then_some(value);
                    match attr.key.local_name().as_ref() {
                        "xmlUrl" | "xmlurl" => outline.url = value.unwrap_or_default(),
                        "text" => outline.text = value,
                        "title" => outline.title = value,
                        _ => {}
                    }
                }
                if !outline.url.is_empty() {
                    outlines.push(outline);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err("not OPML: no <opml> element".into());
    }
    Ok(outlines)
}

impl Outline {
    /// The name to record: the outline's text when it differs from the title.
    pub fn name(&self) -> Option<String> {
        self.text.clone().filter(|t| Some(t) != self.title.as_ref())
    }
}

/// The feed list as an OPML 2.0 document.
pub fn export(feeds: &[Feed]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>byline feeds</title>\n  </head>\n  <body>\n",
    );
    for feed in feeds {
        let title = feed.title.as_deref().map(|t| format!(" title=\"{}\"", escape(t))).unwrap_or_default();
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\"{title} xmlUrl=\"{}\"/>\n",
            escape(feed.display_name()),
            escape(feed.url.as_str())
        ));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_outlines_and_names() {
        let xml = r#"<?xml version="1.0"?><opml version="1.0"><head/><body>
            <outline text="News"><outline text="Gazette &amp; Co" title="The Gazette" type="rss" xmlUrl="http://g.example/rss"/></outline>
            <outline text="Post" title="Post" xmlUrl="http://p.example/atom"></outline>
            <outline text="folder only"/></body></opml>"#;
        let got = parse(xml).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].url, "http://g.example/rss");
        assert_eq!(got[0].name().as_deref(), Some("Gazette & Co"));
        assert_eq!(got[1].name(), None, "text equal to the title is no name of its own");
    }

    #[test]
    fn broken_files_are_reasons() {
        assert!(parse("<opml><body><outline xmlUrl='x'></body>").unwrap_err().starts_with("not OPML"));
        assert!(parse("<rss/>").unwrap_err().contains("no <opml>"));
    }
}
