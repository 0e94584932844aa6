//! The article's paragraphs from the content dom_smoothie picked.
//!
//! Readability scoring finds the element that holds the story; inside it a
//! news page still carries things that are not the story: the headline and
//! credit block, photo captions, share bars, inline ads, "related" lists.
//! This walk turns the content into lines of text, one block per block
//! element and one line per `<br>`, leaving out those parts (what
//! [`furniture`](super::furniture) names, and lines that are mostly link
//! text), then hands the lines to the same cleaning rules as the text
//! formats: boilerplate
//! ("Story continues", `©` lines), captions, paragraphs broken mid-sentence,
//! the wire dateline.
//!
//! The walk keeps its own stack, so a page nested ten thousand levels deep
//! costs memory, not the call stack.

use super::furniture::{Furniture, is_furniture};
use crate::corpus::clean::{assemble_paragraphs, is_boilerplate, is_caption, is_section_head, split_dateline};
use crate::dates::parse_date;
use dom_query::NodeRef;

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// A line of this many words is text even when it is all one link.
const LINKED_SENTENCE_WORDS: usize = 25;

/// The paragraphs under `root`, cleaned; and the wire agency of a dateline
/// at the start of the lede (`KYIV (Reuters) -`), which the lede loses.
pub fn paragraphs(root: &NodeRef, byline: Option<&str>) -> (Vec<String>, Option<String>) {
    let mut lines = Lines::default();
    lines.walk(root);
    let blocks: Vec<Vec<String>> = lines
        .blocks
        .into_iter()
        .map(|block| block.into_iter().filter(|l| is_text(l, byline)).collect::<Vec<_>>())
        .filter(|b| !b.is_empty())
        .collect();
    let mut paragraphs = assemble_paragraphs(&blocks);
    let mut agency = None;
    if let Some(first) = paragraphs.first_mut()
        && let Some((wire, rest)) = split_dateline(first)
    {
        agency = Some(wire);
        *first = rest.to_string();
    }
    (paragraphs, agency)
}

/// A line that is article text, not a credit, a date, a caption or boilerplate.
fn is_text(line: &str, byline: Option<&str>) -> bool {
    let credit = byline.is_some_and(|b| {
        let l = line.strip_prefix("By ").or_else(|| line.strip_prefix("by ")).unwrap_or(line);
        l.trim() == b
    });
    !(credit || is_boilerplate(line) || is_caption(line) || is_section_head(line) || parse_date(line).is_some())
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { block: bool, link: bool },
}

/// Text lines grouped in blocks, with how much of each line is link text.
#[derive(Default)]
struct Lines {
    blocks: Vec<Vec<String>>,
    block: Vec<String>,
    line: String,
    link_chars: usize,
    in_link: usize,
}

impl Lines {
    fn walk(&mut self, root: &NodeRef) {
        let mut stack = vec![Step::Enter(*root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave { block, link } => {
                    if link {
                        self.in_link -= 1;
                    }
                    if block {
                        self.end_block();
                    }
                }
                Step::Enter(node) if node.is_text() => self.text(&node.text()),
                Step::Enter(node) if node.is_element() || node.is_document() => {
                    if is_furniture(&node, Furniture::InContent) {
                        continue;
                    }
                    let name = node.node_name().unwrap_or_default();
                    if &*name == "br" {
                        self.end_line();
                        continue;
                    }
                    let block = BLOCK.contains(&&*name);
                    let link = &*name == "a";
                    if block {
                        self.end_block();
                    }
                    if link {
                        self.in_link += 1;
                    }
                    stack.push(Step::Leave { block, link });
                    stack.extend(node.children_it(true).map(Step::Enter));
                }
                Step::Enter(_) => {}
            }
        }
        self.end_block();
    }

    fn text(&mut self, text: &str) {
        if self.in_link > 0 {
            self.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
        }
        // Soft hyphens (`&shy;`) only say where a browser may break a word.
        self.line.extend(text.chars().filter(|&c| c != '\u{ad}'));
    }

    fn end_line(&mut self) {
        let line = self.line.split_whitespace().collect::<Vec<_>>().join(" ");
        let chars = line.chars().filter(|c| !c.is_whitespace()).count();
        // A short line that is mostly links is a menu, a list of stories or
        // a tag cloud; a long one is a sentence that links its source.
        let link_list = self.link_chars * 2 > chars && line.split(' ').count() < LINKED_SENTENCE_WORDS;
        if chars > 0 && !link_list {
            self.block.push(line);
        }
        self.line.clear();
        self.link_chars = 0;
    }

    fn end_block(&mut self) {
        self.end_line();
        if !self.block.is_empty() {
            self.blocks.push(std::mem::take(&mut self.block));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn paras(html: &str) -> Vec<String> {
        let doc = Document::from(html);
        let (p, _) = paragraphs(&doc.root(), Some("Jane Roe"));
        p
    }

    #[test]
    fn blocks_brs_and_inline_markup() {
        assert_eq!(
            paras("<div><p>One <b>bold</b> and <a href='#'>a link</a> here.</p>Loose text.<br>After a break.</div>"),
            vec!["One bold and a link here.", "Loose text.", "After a break."]
        );
        assert_eq!(paras("<p>Die Bundes&shy;regierung tagt&nbsp;heute.</p>"), vec!["Die Bundesregierung tagt heute."]);
        assert_eq!(
            paras("<p>A sentence broken</p><p>in the middle by the page.</p>"),
            vec!["A sentence broken in the middle by the page."]
        );
    }

    #[test]
    fn furniture_credit_dates_and_link_lists_are_left_out() {
        let p = paras(
            "<div><p class='byline'>By Jane Roe</p><p>By Jane Roe</p><p>March 14, 2024</p>\
             <div class='share-bar'>Share</div><div class='ad-slot'>Buy now</div><p hidden>secret</p>\
             <p style='display: none'>gone</p><ul><li><a href='/a'>Another story</a></li></ul>\
             <p>Story continues</p><p>The text stays, with <a href='/x'>one link</a> in it.</p></div>",
        );
        assert_eq!(p, vec!["The text stays, with one link in it."]);
        let sentence = "The minister said on Monday that the new rules would apply to every port on the coast from the first of May, and that inspectors would be hired.";
        assert_eq!(paras(&format!("<p><a href='/source'>{sentence}</a></p>")), vec![sentence]);
    }

    #[test]
    fn the_lede_loses_its_dateline_and_names_the_agency() {
        let doc = Document::from("<p>KYIV, Feb 23 (Reuters) - Ukraine declared a state of emergency.</p>");
        let (p, agency) = paragraphs(&doc.root(), None);
        assert_eq!(
            (p, agency.as_deref()),
            (vec!["Ukraine declared a state of emergency.".to_string()], Some("Reuters"))
        );
    }

    #[test]
    fn ten_thousand_nested_divs_do_not_use_the_call_stack() {
        let depth = 10_000;
        let html = format!("{}<p>Deep text.</p>{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(paras(&html), vec!["Deep text."]);
    }
}
