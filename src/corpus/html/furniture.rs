//! Page furniture: the parts of a news page around the story (navigation,
//! ads, share bars, related links, comments, captions), named by tag, by
//! `class`/`id` words and by ARIA role.
//!
//! It is removed twice. Before Readability scores the page, so that an ad or
//! a share bar inside the story's container is neither scored nor kept (the
//! content Readability returns has lost its `class` attributes where it
//! rewrote a `<div>` as a `<p>`); an element whose `class`/`id` also names
//! the story (`article-body`, `story-content`) is kept then, as Readability
//! keeps it. And again in the returned content, where the credit and date
//! lines of the story's header are left out too: they are read as metadata
//! before, so they are not removed from the page.

use dom_query::{Document, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

/// Where the furniture is looked for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// The whole page, before scoring: credits and dates stay.
    InPage,
    /// The content picked as the story: credits and dates go too.
    InContent,
}

/// Elements whose content is never article text.
const TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "button",
    "input",
    "select",
    "textarea",
    "form",
    "label",
    "nav",
    "aside",
    "footer",
    "figure",
    "figcaption",
    "menu",
    "dialog",
];

/// Inside the story: the headline block and headings (the title is metadata).
const CONTENT_TAGS: &[&str] = &["header", "h1", "h2", "h3", "h4", "h5", "h6"];

fn words(pattern: &str) -> Regex {
    Regex::new(&format!(r"(?i)(^|[\s_-])({pattern})($|[\s_-])")).expect("static regex")
}

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    words(
        r"share|sharing|social|related|recommended|more-stories|comments?|advert\w*|ads?|ad-slot|promo\w*|newsletter|subscribe|signup|caption|credit|breadcrumbs?|tags|sidebar|toolbar|popup|modal|cookie\w*|paywall|outbrain|taboola|sponsor\w*",
    )
});
static CREDIT: LazyLock<Regex> = LazyLock::new(|| words(r"byline|author|dateline|timestamp|date|time"));
static STORY: LazyLock<Regex> = LazyLock::new(|| words(r"article\w*|body|content|main|story|entry|post|text|prose"));

const ROLES: &[&str] = &["navigation", "complementary", "contentinfo", "banner", "dialog", "alert"];

/// True when `node` is furniture, looked for `where`.
pub fn is_furniture(node: &NodeRef, at: Furniture) -> bool {
    let Some(name) = node.node_name() else { return false };
    if at == Furniture::InPage && &*name == "script" {
        // JSON-LD metadata; Readability drops scripts itself.
        return false;
    }
    if TAGS.contains(&&*name) || (at == Furniture::InContent && CONTENT_TAGS.contains(&&*name)) {
        return true;
    }
    if node.has_attr("hidden") || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if node.attr("role").is_some_and(|r| ROLES.contains(&r.trim().to_ascii_lowercase().as_str())) {
        return true;
    }
    if node.attr("style").is_some_and(|s| s.replace(' ', "").to_ascii_lowercase().contains("display:none")) {
        return true;
    }
    let names = [node.attr("class"), node.attr("id")];
    let names: Vec<&str> = names.iter().flatten().map(|v| &**v).filter(|v| v.len() < 512).collect();
    let has = |re: &Regex| names.iter().any(|v| re.is_match(v));
    match at {
        Furniture::InPage => has(&FURNITURE) && !has(&STORY),
        Furniture::InContent => has(&FURNITURE) || has(&CREDIT),
    }
}

/// Remove the page's furniture before it is scored. What holds half the
/// page's text or more is the page, whatever its name says (a WebForms page
/// is one `<form>`; a blog's `<body class="has-sidebar">`).
pub fn strip(doc: &Document) {
    let page_text = doc.root().text().len();
    let found: Vec<NodeRef> =
        doc.root().descendants_it().filter(|n| n.is_element() && is_furniture(n, Furniture::InPage)).collect();
    for node in found {
        if node.text().len() * 2 < page_text {
            node.remove_from_parent();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_in_the_page_but_not_the_story_container() {
        let doc = Document::from(
            "<div class='article-body comments-open'><p>Story.</p><div class='ad-slot'>Ad</div>\
             <div id='related'>More</div><p class='byline'>By A</p><nav>Menu</nav><p style='display:none'>x</p></div>",
        );
        strip(&doc);
        assert_eq!(doc.select("body").text().to_string(), "Story.By A");
    }

    #[test]
    fn a_wrapper_named_like_furniture_is_the_page_and_stays() {
        let story = "The story is here, long enough to be most of the page. ".repeat(5);
        for page in [
            format!("<body class='has-sidebar'><p>{story}</p><div class='ad'>Ad</div></body>"),
            format!("<form id='aspnetForm'><div><p>{story}</p></div><nav>Menu</nav></form>"),
        ] {
            let doc = Document::from(page);
            strip(&doc);
            assert_eq!(doc.select("body").text().trim(), story.trim());
        }
    }
}
