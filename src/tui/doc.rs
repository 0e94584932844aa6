//! An article made ready to draw, once, on the worker thread: every field
//! sanitized, the query's matches found, cut into blocks (headline, details,
//! url, paragraphs) that the reader and the two-column view wrap to their
//! width. Sanitizing and finding matches in a long article takes longer
//! than a frame, and each frame wraps again at the pane's width; done here,
//! before the article reaches the app, a long article never stalls typing
//! and no view can draw a field that was not cleaned.

use super::text::Marked;
use crate::article::{Article, ArticleId};
use crate::index::Highlighter;
use crate::sanitize::clean_line;
use chrono::NaiveDate;
use std::ops::Range;

/// What a block of the article is, for its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Title,
    Meta,
    Url,
    Body,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub role: Role,
    pub text: Marked,
}

/// An article as the TUI shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    pub id: ArticleId,
    /// The query whose matches are marked.
    pub query: String,
    /// One-line fields for headers and lists.
    pub title: String,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub date: Option<NaiveDate>,
    pub meta: String,
    /// Headline, details, url, then one block per paragraph from `body_start`.
    pub blocks: Vec<Block>,
    pub body_start: usize,
    /// The url as the file gave it: untrusted, never drawn; `links::validate` it.
    pub link: Option<String>,
}

/// `outlet · by byline · date`, with the unknowns said as such.
pub fn meta_line(outlet: Option<&str>, byline: Option<&str>, date: Option<NaiveDate>) -> String {
    let mut parts = vec![outlet.map_or_else(|| "unknown outlet".to_string(), clean_line)];
    parts.extend(byline.map(|b| byline_label(&clean_line(b))));
    parts.push(date_label(date));
    parts.join(" · ")
}

/// `id 3fa2b1c4 · 002_rebels.txt`: what the command line needs to find the
/// article again (`byline show 3fa2b1c4`, or the file name's start), and
/// which file it is (`byline show` prints where).
fn where_from(article: &Article) -> String {
    let file = article.paths.first().and_then(|p| p.file_name()).map(|n| clean_line(&n.to_string_lossy()));
    let more = match article.paths.len() {
        0 | 1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    match file {
        Some(file) => format!("id {} · {file}{more}", article.id.short()),
        None => format!("id {}", article.id.short()),
    }
}

/// `by AFP` (a credit that already says "by" as it is).
pub fn byline_label(byline: &str) -> String {
    if byline.to_lowercase().starts_with("by ") { byline.to_string() } else { format!("by {byline}") }
}

pub fn date_label(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "undated".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

impl Doc {
    /// `article` with the matches of `query` (last word as a prefix) marked.
    pub fn new(article: &Article, query: &str) -> Doc {
        let highlighter = crate::index::Catalog::highlighter(query, true);
        Doc::with_highlighter(article, query, &highlighter)
    }

    pub fn with_highlighter(article: &Article, query: &str, h: &Highlighter) -> Doc {
        let marked = |text: &str, one_line: bool| Marked::clean(text, &h.ranges(text), one_line);
        let meta = meta_line(article.outlet.as_deref(), article.byline.as_deref(), article.date);
        let mut blocks = vec![
            Block { role: Role::Title, text: marked(&clean_line(&article.title), true) },
            Block { role: Role::Meta, text: Marked::plain(&meta, true) },
            Block { role: Role::Meta, text: Marked::plain(&where_from(article), true) },
        ];
        if let Some(url) = &article.url {
            blocks.push(Block { role: Role::Url, text: Marked::plain(url, true) });
        }
        let body_start = blocks.len();
        blocks.extend(article.paragraphs.iter().map(|p| Block { role: Role::Body, text: marked(p, false) }));
        Doc {
            id: article.id.clone(),
            query: query.to_string(),
            title: clean_line(&article.title),
            outlet: article.outlet.as_deref().map(clean_line),
            byline: article.byline.as_deref().map(clean_line),
            date: article.date,
            meta,
            blocks,
            body_start,
            link: article.url.clone(),
        }
    }

    /// Every match, in reading order: (block, byte range in its text).
    pub fn matches(&self) -> Vec<(usize, Range<usize>)> {
        self.blocks.iter().enumerate().flat_map(|(i, b)| b.text.marks.iter().map(move |r| (i, r.clone()))).collect()
    }

    pub fn paragraphs(&self) -> &[Block] {
        &self.blocks[self.body_start..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            id: ArticleId("abc".into()),
            paths: vec![],
            title: "Rebels \u{1b}]0;pwned\u{7}ask".into(),
            title_derived: false,
            outlet: None,
            byline: Some("AFP".into()),
            date: None,
            url: Some("https://example.com/\u{202e}x".into()),
            paragraphs: vec!["Leonid Pasechnik said.\tThen".into(), "Nothing here.".into()],
        }
    }

    #[test]
    fn fields_are_clean_and_matches_marked() {
        let d = Doc::new(&article(), "pasech");
        assert_eq!(d.title, "Rebels ask");
        assert_eq!(d.meta, "unknown outlet · by AFP · undated");
        assert_eq!(d.blocks[2].text.text, "id abc");
        assert_eq!(d.blocks[3].text.text, "https://example.com/x");
        assert_eq!(d.body_start, 4);
        let p = &d.paragraphs()[0].text;
        assert_eq!(p.text, "Leonid Pasechnik said.  Then");
        assert_eq!(d.matches(), vec![(4, 7..16)]);
        assert_eq!(&p.text[7..16], "Pasechnik");
    }

    #[test]
    fn empty_query_marks_nothing() {
        assert!(Doc::new(&article(), "").matches().is_empty());
    }
}
