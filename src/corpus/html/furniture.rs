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
//!
//! A name is only a hint: layouts name their wrappers for what sits beside
//! the story (`Page-ad-margins`, `<body class="one-sidebar">`,
//! `l-sidebar-fixed`). So furniture is weighed against the text it would
//! remove, and what holds half the reading text is kept whatever it is
//! called. Script, style and link text weigh nothing: before, a page's
//! script counted, and eleven of thirteen real pages refused as "no
//! article text" had lost their story this way.

use dom_query::{Document, NodeData, NodeRef};

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

/// Inside the story: the headline block and the headline (the title is
/// metadata). Subheadings (`h2`-`h6`) are the story's own and stay.
const CONTENT_TAGS: &[&str] = &["header", "h1"];

/// Elements whose text no reader sees: they weigh nothing.
const UNSEEN: &[&str] = &["script", "style", "noscript", "template"];

/// Words in a `class` or `id` that name furniture: matched as whole words
/// of a class token (`share-bar`, `ad_slot`, `commentList` have them;
/// `shared`, `adler`, `loads` do not). `paywall` is not one: text a page
/// carries inside its paywall is the story, there for whoever saved it.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "comment",
    "comments",
    "ad",
    "ads",
    "newsletter",
    "subscribe",
    "signup",
    "caption",
    "credit",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "sidebar",
    "toolbar",
    "popup",
    "modal",
    "outbrain",
    "taboola",
];
/// Prefixes that name furniture whatever follows (`advertisement`, `promobox`).
const FURNITURE_PREFIXES: &[&str] = &["advert", "promo", "cookie", "sponsor"];
const CREDIT_WORDS: &[&str] = &["byline", "author", "dateline", "timestamp", "date", "time"];
const STORY_WORDS: &[&str] = &["body", "content", "main", "story", "entry", "post", "text", "prose"];
const STORY_PREFIXES: &[&str] = &["article"];

const ROLES: &[&str] = &["navigation", "complementary", "contentinfo", "banner", "dialog", "alert"];

/// The words of `class`/`id` values: split at spaces, `-`, `_` and a lower
/// case letter followed by a capital, lower-cased.
fn name_words(values: &[&str]) -> Vec<String> {
    let mut words = Vec::new();
    for value in values {
        let mut word = String::new();
        let mut prev_lower = false;
        for c in value.chars() {
            let boundary = c.is_whitespace() || c == '-' || c == '_' || (prev_lower && c.is_uppercase());
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            }
            prev_lower = c.is_lowercase();
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

fn names_any(words: &[String], exact: &[&str], prefixes: &[&str]) -> bool {
    words.iter().any(|w| exact.contains(&w.as_str()) || prefixes.iter().any(|p| w.starts_with(p)))
}

/// `more stories`, `more-stories`: two words that name a list of links.
fn names_more_stories(words: &[String]) -> bool {
    words.windows(2).any(|w| w[0] == "more" && w[1] == "stories")
}

/// True when `node` is furniture, looked for `where`.
pub fn is_furniture(node: &NodeRef, at: Furniture) -> bool {
    let Some(by_tag) = node.qual_name_ref().map(|q| {
        let name: &str = &q.local;
        // A script in the page is JSON-LD metadata; Readability drops scripts itself.
        let script_in_page = at == Furniture::InPage && name == "script";
        !script_in_page && (TAGS.contains(&name) || (at == Furniture::InContent && CONTENT_TAGS.contains(&name)))
    }) else {
        return false;
    };
    if by_tag {
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
    let values = [node.attr("class"), node.attr("id")];
    let values: Vec<&str> = values.iter().flatten().map(|v| &**v).filter(|v| v.len() < 512).collect();
    if values.is_empty() {
        return false;
    }
    let words = name_words(&values);
    let furniture = names_any(&words, FURNITURE_WORDS, FURNITURE_PREFIXES) || names_more_stories(&words);
    match at {
        Furniture::InPage => furniture && !names_any(&words, STORY_WORDS, STORY_PREFIXES),
        Furniture::InContent => furniture || names_any(&words, CREDIT_WORDS, &[]),
    }
}

/// The characters (not spaces) of text under `node` that a reader sees and
/// that are not link text: what removing `node` would take from the story.
/// Script and style count nothing, and neither do links (menus, lists of
/// other stories), so a wrapper is weighed by the prose it holds.
pub fn reading_chars(node: &NodeRef) -> usize {
    let mut n = 0;
    let mut stack = vec![*node];
    while let Some(node) = stack.pop() {
        if node.is_text() {
            n += node.query_or(0, |t| match &t.data {
                NodeData::Text { contents } => contents.chars().filter(|c| !c.is_whitespace()).count(),
                _ => 0,
            });
            continue;
        }
        let unseen = node.qual_name_ref().map(|q| {
            let name: &str = &q.local;
            UNSEEN.contains(&name) || name == "a"
        });
        if unseen.unwrap_or(!node.is_document()) {
            continue;
        }
        stack.extend(node.children_it(false));
    }
    n
}

/// Whether furniture this heavy is the story's own container: it holds at
/// least half the reading text of `total` (a WebForms page is one `<form>`;
/// a blog's `<body class="has-sidebar">`; a story inside a wrapper named
/// for the ads beside it).
pub fn holds_the_story(node: &NodeRef, total: usize) -> bool {
    total > 0 && reading_chars(node) * 2 >= total
}

/// Remove the page's furniture before it is scored, except what holds the
/// story ([`holds_the_story`]). The walk does not enter what it removes.
pub fn strip(doc: &Document) {
    let root = doc.root();
    let total = reading_chars(&root);
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.is_element() && is_furniture(&node, Furniture::InPage) && !holds_the_story(&node, total) {
            node.remove_from_parent();
            continue;
        }
        stack.extend(node.children_it(false).filter(|c| c.is_element()));
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
