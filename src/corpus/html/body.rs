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

use super::furniture::{Furniture, holds_the_story, is_furniture, reading_chars};
use super::story::{self, Para};
use super::when::date_line;
use crate::corpus::clean::{assemble_paragraphs, is_boilerplate, is_caption, is_section_head, split_dateline};
use crate::dates::parse_date;
use chrono::NaiveDate;
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

/// Subheadings: blocks of their own kind inside the story.
const HEADINGS: &[&str] = &["h2", "h3", "h4", "h5", "h6"];

/// A "subheading" this long is the page's text set in a heading's type.
const HEADING_MAX_WORDS: usize = 25;

/// A line of this many words is text even when it is all one link.
const LINKED_SENTENCE_WORDS: usize = 25;

/// The story under a content element, cleaned.
#[derive(Debug, Default)]
pub struct Body {
    pub paragraphs: Vec<String>,
    /// The wire agency of a dateline at the start of the lede
    /// (`KYIV (Reuters) -`), which the lede loses.
    pub agency: Option<String>,
    /// The first date in a line left out as a date or credit line
    /// (`Published 10:02 AM EST Nov 19, 2019`), with that line.
    pub date_line: Option<(NaiveDate, String)>,
}

/// The paragraphs under `root`, cleaned, without the lines around the
/// story ([`story::trim`]).
pub fn paragraphs(root: &NodeRef, byline: Option<&str>) -> Body {
    let mut lines = Lines { total: reading_chars(root), ..Lines::default() };
    lines.walk(root);
    let mut body = Body::default();
    let mut paras: Vec<Para> = Vec::new();
    let mut run: Vec<Vec<String>> = Vec::new();
    for block in lines.blocks {
        let mut kept = Vec::new();
        for line in block.lines {
            if is_text(&line, byline) {
                kept.push(line);
            } else if body.date_line.is_none() && !is_caption(&line) {
                body.date_line = date_line(&line);
            }
        }
        if kept.is_empty() {
            continue;
        }
        if block.heading && kept.iter().map(|l| story::word_count(l)).sum::<usize>() < HEADING_MAX_WORDS {
            paras.extend(assemble_paragraphs(&std::mem::take(&mut run)).into_iter().map(Para::text));
            paras.push(Para::heading(kept.join(" ")));
        } else {
            run.push(kept);
        }
    }
    paras.extend(assemble_paragraphs(&run).into_iter().map(Para::text));
    let trimmed = story::trim(paras);
    if body.date_line.is_none() {
        body.date_line = trimmed.dropped.iter().find_map(|l| date_line(l));
    }
    body.paragraphs = trimmed.kept;
    if let Some(first) = body.paragraphs.first_mut()
        && let Some((wire, rest)) = split_dateline(first)
    {
        body.agency = Some(wire);
        *first = rest.to_string();
    }
    body
}

/// A line that is article text, not a credit, a date, a caption or boilerplate.
fn is_text(line: &str, byline: Option<&str>) -> bool {
    let credit = byline.is_some_and(|b| {
        let l = line.strip_prefix("By ").or_else(|| line.strip_prefix("by ")).unwrap_or(line);
        l.trim() == b
    });
    !(credit
        || is_boilerplate(line)
        || story::is_rights_line(line)
        || is_caption(line)
        || is_section_head(line)
        || parse_date(line).is_some())
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { block: bool, link: bool, heading: bool },
}

#[derive(Default)]
struct Block {
    lines: Vec<String>,
    heading: bool,
}

/// Text lines grouped in blocks, with how much of each line is link text.
#[derive(Default)]
struct Lines {
    /// The reading text of the whole content, to weigh furniture against.
    total: usize,
    blocks: Vec<Block>,
    block: Block,
    line: String,
    link_chars: usize,
    in_link: usize,
    in_heading: usize,
}

impl Lines {
    fn walk(&mut self, root: &NodeRef) {
        let mut stack = vec![Step::Enter(*root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave { block, link, heading } => {
                    if link {
                        self.in_link -= 1;
                    }
                    if block || heading {
                        self.end_block();
                    }
                    if heading {
                        self.in_heading -= 1;
                    }
                }
                Step::Enter(node) if node.is_text() => self.text(&node.text()),
                Step::Enter(node) if node.is_element() || node.is_document() => {
                    if is_furniture(&node, Furniture::InContent) && !holds_the_story(&node, self.total) {
                        continue;
                    }
                    let name = node.node_name().unwrap_or_default();
                    if &*name == "br" {
                        self.end_line();
                        continue;
                    }
                    let heading = HEADINGS.contains(&&*name);
                    let block = BLOCK.contains(&&*name);
                    let link = &*name == "a";
                    if block || heading {
                        self.end_block();
                    }
                    if link {
                        self.in_link += 1;
                    }
                    if heading {
                        self.in_heading += 1;
                    }
                    stack.push(Step::Leave { block, link, heading });
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
        let link_list = self.link_chars * 2 > chars && story::word_count(&line) < LINKED_SENTENCE_WORDS;
        if chars > 0 && !link_list {
            self.block.lines.push(line);
        }
        self.line.clear();
        self.link_chars = 0;
    }

    fn end_block(&mut self) {
        self.end_line();
        if !self.block.lines.is_empty() {
            self.block.heading = self.in_heading > 0;
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
        paragraphs(&doc.root(), Some("Jane Roe")).paragraphs
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
        let body = paragraphs(&doc.root(), None);
        assert_eq!(
            (body.paragraphs, body.agency.as_deref()),
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
