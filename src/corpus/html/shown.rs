//! The short texts a page shows, in page order, read before anything is
//! removed from it: where [`title`](super::title) looks for the headline.

use dom_query::{Document, NodeData, NodeRef};

/// Texts longer than this are paragraphs, not headlines.
const MAX_CHARS: usize = 300;

/// Elements whose text is never shown as the headline.
const NOT_SHOWN: &[&str] =
    &["head", "title", "script", "style", "noscript", "template", "option", "select", "textarea"];

/// Elements whose text flows into their parent's but that are no headline
/// of their own (a link is another story's title).
const NOT_CANDIDATES: &[&str] = &["a", "button", "html", "body"];

/// Elements that break text into blocks.
const BREAKS: &[&str] =
    &["p", "div", "td", "th", "tr", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section"];

const HEADING_TAGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
const HEADING_WORDS: &[&str] = &["title", "headline", "heading", "hed", "head"];

/// One short text the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub text: String,
    /// In a heading element or one whose class or id says headline.
    pub heading: bool,
    /// Where it begins in [`Shown::page`].
    pub at: usize,
}

/// The short texts of a page, in page order, whitespace collapsed, and
/// all of its text, to find where the story begins.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    pub texts: Vec<Text>,
    pub page: String,
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { breaks: bool, candidate: bool, heading: bool, at: usize },
}

fn is_heading(node: &NodeRef, name: &str) -> bool {
    HEADING_TAGS.contains(&name) || has_class_word(node, HEADING_WORDS)
}

const CAPTION_TAGS: &[&str] = &["figure", "figcaption", "caption"];
const CAPTION_WORDS: &[&str] = &["caption", "cap", "credit", "photo", "image", "img"];

/// A photo's caption or credit: it names the story's people, but it is no
/// headline.
fn is_caption(node: &NodeRef, name: &str) -> bool {
    CAPTION_TAGS.contains(&name) || has_class_word(node, CAPTION_WORDS)
}

fn has_class_word(node: &NodeRef, words: &[&str]) -> bool {
    [node.attr("class"), node.attr("id")].iter().flatten().any(|v| {
        v.len() < 200
            && v.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| words.iter().any(|h| w.eq_ignore_ascii_case(h)))
    })
}

/// The short texts the page shows: every element's text of at most
/// [`MAX_CHARS`] characters, outside `<head>` and scripts.
pub fn shown(doc: &Document) -> Shown {
    let mut out: Vec<Text> = Vec::new();
    let mut page = String::new();
    // One buffer per open element; `None` once its text is too long.
    let mut buffers: Vec<Option<String>> = vec![Some(String::new())];
    let mut stack = vec![Step::Enter(doc.root())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) if node.is_text() => {
                node.query(|t| {
                    if let NodeData::Text { contents } = &t.data {
                        for word in contents.split_whitespace() {
                            page.push_str(word);
                            page.push(' ');
                        }
                    }
                });
                let Some(top) = buffers.last_mut() else { continue };
                if let Some(buf) = top {
                    node.query(|t| {
                        if let NodeData::Text { contents } = &t.data {
                            buf.push_str(contents);
                        }
                    });
                    if buf.len() > MAX_CHARS * 4 {
                        *top = None;
                    }
                }
            }
            Step::Enter(node) => {
                let Some((skip, breaks, candidate, name)) = node.qual_name_ref().map(|q| {
                    let name: &str = &q.local;
                    (
                        NOT_SHOWN.contains(&name),
                        BREAKS.contains(&name),
                        !NOT_CANDIDATES.contains(&name),
                        name.to_string(),
                    )
                }) else {
                    if node.is_document() {
                        stack.extend(node.children_it(true).map(Step::Enter));
                    }
                    continue;
                };
                if skip {
                    continue;
                }
                let candidate = candidate && !is_caption(&node, &name);
                let heading = candidate && is_heading(&node, &name);
                buffers.push(Some(String::new()));
                stack.push(Step::Leave { breaks, candidate, heading, at: page.len() });
                stack.extend(node.children_it(true).map(Step::Enter));
            }
            Step::Leave { breaks, candidate, heading, at } => {
                let text = buffers.pop().flatten();
                let parent = buffers.last_mut().expect("the root's buffer");
                let Some(raw) = text else {
                    *parent = None;
                    continue;
                };
                if let Some(p) = parent {
                    p.push_str(if breaks { " " } else { "" });
                    p.push_str(&raw);
                    p.push_str(if breaks { " " } else { "" });
                }
                let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
                if candidate && !t.is_empty() && t.chars().count() <= MAX_CHARS {
                    match out.last_mut() {
                        // The same text again, from the element around it.
                        Some(last) if last.text == t => {
                            last.heading |= heading;
                            last.at = at;
                        }
                        _ => out.push(Text { text: t, heading, at }),
                    }
                }
            }
        }
    }
    Shown { texts: out, page }
}
