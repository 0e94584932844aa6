//! The article reader: a headline, the details and the paragraphs wrapped
//! to the pane, the query's matches marked, `n`/`N` to jump between them.
//!
//! The same state draws the reading pane beside the result list and the
//! article opened on its own. The scroll position survives a resize: the
//! text at the top of the pane stays at the top after re-wrapping.

use super::super::doc::{Doc, Role};
use super::super::text;
use super::super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::ops::Range;
use std::sync::Arc;

/// The widest the text gets, for comfortable reading.
pub const MEASURE: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq)]
enum DocLine {
    Blank,
    Rule,
    Text { block: usize, range: Range<usize> },
}

#[derive(Clone, Debug)]
struct Wrapped {
    width: usize,
    lines: Vec<DocLine>,
}

#[derive(Clone, Debug)]
pub struct ArticleView {
    pub doc: Arc<Doc>,
    matches: Vec<(usize, Range<usize>)>,
    current: Option<usize>,
    top: usize,
    height: usize,
    wrapped: Option<Wrapped>,
    /// Go to the first match when first drawn, if it is not on the first page.
    jump_first: bool,
    /// (block, byte) to put at the top once the text is wrapped.
    anchor: Option<(usize, usize)>,
}

fn wrap_doc(doc: &Doc, width: usize) -> Vec<DocLine> {
    let mut lines = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if i == doc.body_start {
            lines.push(DocLine::Rule);
        }
        if i > doc.body_start {
            lines.push(DocLine::Blank);
        }
        for range in text::wrap(&block.text.text, width) {
            lines.push(DocLine::Text { block: i, range });
        }
    }
    if doc.body_start == doc.blocks.len() {
        lines.push(DocLine::Rule);
    }
    lines
}

impl ArticleView {
    pub fn new(doc: Arc<Doc>, jump_first: bool) -> ArticleView {
        ArticleView {
            matches: doc.matches(),
            doc,
            current: None,
            top: 0,
            height: 20,
            wrapped: None,
            jump_first,
            anchor: None,
        }
    }

    /// The same article with other matches marked: keep the place.
    pub fn replace_doc(&mut self, doc: Arc<Doc>) {
        self.anchor = self.top_anchor();
        self.matches = doc.matches();
        self.current = None;
        self.doc = doc;
        self.wrapped = None;
    }

    fn top_anchor(&self) -> Option<(usize, usize)> {
        let w = self.wrapped.as_ref()?;
        w.lines[self.top.min(w.lines.len().saturating_sub(1))..].iter().find_map(|l| match l {
            DocLine::Text { block, range } => Some((*block, range.start)),
            _ => None,
        })
    }

    /// The line showing byte `byte` of block `block`.
    fn line_of(&self, block: usize, byte: usize) -> usize {
        let Some(w) = &self.wrapped else { return 0 };
        let mut found = None;
        for (i, l) in w.lines.iter().enumerate() {
            if let DocLine::Text { block: b, range } = l
                && *b == block
            {
                if range.start <= byte || found.is_none() {
                    found = Some(i);
                }
                if range.start > byte {
                    break;
                }
            }
        }
        found.unwrap_or(0)
    }

    fn max_top(&self) -> usize {
        self.wrapped.as_ref().map_or(usize::MAX, |w| w.lines.len().saturating_sub(self.height))
    }

    pub fn scroll(&mut self, delta: isize) {
        self.top = self.top.min(self.max_top()).saturating_add_signed(delta).min(self.max_top());
    }

    pub fn page(&mut self, pages: isize) {
        self.scroll(pages * self.height.saturating_sub(2).max(1) as isize);
    }

    pub fn to_top(&mut self) {
        self.top = 0;
    }

    pub fn to_bottom(&mut self) {
        self.top = self.max_top();
    }

    /// The first paragraph on screen, to start a comparison there.
    pub fn top_paragraph(&self) -> Option<usize> {
        let (block, _) = self.top_anchor()?;
        block.checked_sub(self.doc.body_start)
    }

    pub fn match_count(&self) -> usize {
        self.matches.len()
    }

    /// Jump to the next (or previous) match; the message to show, if any.
    pub fn jump(&mut self, forward: bool) -> Option<&'static str> {
        if self.matches.is_empty() {
            return Some(if self.doc.query.trim().is_empty() {
                "nothing to jump to: search for something first"
            } else {
                "the search words are not in this article"
            });
        }
        let n = self.matches.len();
        let line = |v: &Self, i: usize| v.line_of(v.matches[i].0, v.matches[i].1.start);
        let visible = |v: &Self, l: usize| l >= v.top && l < v.top + v.height;
        let next = match self.current {
            Some(c) if visible(self, line(self, c)) => {
                if forward {
                    (c + 1) % n
                } else {
                    (c + n - 1) % n
                }
            }
            _ if forward => (0..n).find(|&i| line(self, i) >= self.top).unwrap_or(0),
            _ => (0..n).rev().find(|&i| line(self, i) < self.top + self.height).unwrap_or(n - 1),
        };
        let wrapped = match self.current {
            Some(c) if forward && next <= c => Some("search wrapped to the top"),
            Some(c) if !forward && next >= c => Some("search wrapped to the bottom"),
            _ => None,
        };
        self.current = Some(next);
        let l = line(self, next);
        if !visible(self, l) {
            self.top = self.top_for(l);
        }
        wrapped
    }

    /// The top line that shows `line` a third of the way down, not
    /// starting on a blank line.
    fn top_for(&self, line: usize) -> usize {
        let mut top = line.saturating_sub(self.height / 3);
        if let Some(w) = &self.wrapped
            && top < line
            && w.lines.get(top) == Some(&DocLine::Blank)
        {
            top += 1;
        }
        top.min(self.max_top())
    }

    /// Wrap to `width` if not done yet; keep the text at the top in place.
    fn ensure_wrapped(&mut self, width: usize) {
        if self.wrapped.as_ref().is_some_and(|w| w.width == width) {
            return;
        }
        let anchor = self.anchor.take().or_else(|| self.top_anchor());
        let first_wrap = self.wrapped.is_none();
        self.wrapped = Some(Wrapped { width, lines: wrap_doc(&self.doc, width) });
        if let Some((block, byte)) = anchor {
            self.top = self.line_of(block, byte);
            if self.top == 1 && block == 0 {
                self.top = 0;
            }
        }
        if first_wrap && self.jump_first && !self.matches.is_empty() {
            self.jump_first = false;
            let first = self.line_of(self.matches[0].0, self.matches[0].1.start);
            if first >= self.height {
                self.current = Some(0);
                self.top = self.top_for(first);
            }
        }
    }

    /// `line 3/40 · match 2/5`, for the pane's border.
    pub fn position(&self) -> String {
        let total = self.wrapped.as_ref().map_or(0, |w| w.lines.len());
        let mut s = format!("line {}/{}", (self.top + 1).min(total.max(1)), total);
        match (self.current, self.matches.len()) {
            (_, 0) => {}
            (Some(c), n) => s.push_str(&format!(" · match {}/{n}", c + 1)),
            (None, n) => s.push_str(&format!(" · {n} match{}", if n == 1 { "" } else { "es" })),
        }
        s
    }

    /// Draw in `area` (borders included).
    pub fn render(&mut self, frame: &mut Frame, area: Rect, theme: &Theme, focused: bool, title: &str) {
        let border = if focused { theme.border_focus } else { theme.border };
        let mut inner = Block::bordered().inner(area);
        if inner.width > 20 {
            inner.x += 1;
            inner.width -= 2;
        }
        let width = usize::from(inner.width).min(MEASURE);
        inner.x += (inner.width - width as u16) / 2;
        inner.width = width as u16;
        self.height = usize::from(inner.height).max(1);
        self.ensure_wrapped(width.max(1));
        self.top = self.top.min(self.max_top());
        // Scrolled past the headline (opened at a match), the frame says whose article this is.
        let title = if self.top > 0 { self.identity(usize::from(area.width).saturating_sub(4)) } else { title.into() };
        let block = Block::bordered()
            .border_style(border)
            .title(Span::styled(format!(" {title} "), if focused { theme.border_focus } else { theme.dim }))
            .title_bottom(Line::from(format!(" {} ", self.position())).alignment(Alignment::Right))
            .title_style(theme.dim);
        frame.render_widget(block, area);
        let lines = self.visible_lines(theme, width);
        frame.render_widget(Paragraph::new(lines), inner);
    }

    /// `headline · outlet` within `width` columns: the headline is cut (with
    /// `…`) before the outlet is.
    fn identity(&self, width: usize) -> String {
        let outlet = self.doc.outlet.as_deref().unwrap_or("unknown outlet");
        let room = width.saturating_sub(text::width(outlet) + 3);
        if room < 8 {
            return text::truncate(&format!("{outlet} · {}", self.doc.title), width);
        }
        format!("{} · {outlet}", text::truncate(&self.doc.title, room))
    }

    fn visible_lines(&self, theme: &Theme, width: usize) -> Vec<Line<'static>> {
        let Some(w) = &self.wrapped else { return Vec::new() };
        let current = self.current.map(|c| &self.matches[c]);
        w.lines
            .iter()
            .skip(self.top)
            .take(self.height)
            .map(|l| match l {
                DocLine::Blank => Line::default(),
                DocLine::Rule => Line::styled("─".repeat(width), theme.border),
                DocLine::Text { block, range } => {
                    let b = &self.doc.blocks[*block];
                    let base = match b.role {
                        Role::Title => theme.title,
                        Role::Meta | Role::Url => theme.dim,
                        Role::Body => theme.text,
                    };
                    let cur = current.filter(|m| m.0 == *block).map(|m| (m.1.start, theme.current_match));
                    Line::from(text::spans(&b.text, range.clone(), base, theme.matched, cur))
                }
            })
            .collect()
    }

    /// For tests: the wrapped text on screen, one string per line.
    pub fn screen_text(&self) -> Vec<String> {
        self.visible_lines(&Theme::mono(), 0).iter().map(|l| l.to_string()).collect()
    }

    pub fn current_match(&self) -> Option<usize> {
        self.current
    }

    pub fn top(&self) -> usize {
        self.top
    }
}

/// A placeholder pane with a message (loading, nothing selected, an error).
pub fn render_message(frame: &mut Frame, area: Rect, theme: &Theme, title: &str, message: &str, style: Style) {
    let block = Block::bordered().border_style(theme.border).title(Span::styled(format!(" {title} "), theme.dim));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = text::wrap(message, usize::from(inner.width.saturating_sub(2)).max(1))
        .into_iter()
        .map(|r| Line::styled(format!(" {}", &message[r]), style))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
