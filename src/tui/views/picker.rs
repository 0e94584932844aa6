//! Choosing the second article of a comparison: a list over the current
//! view of the other articles, other outlets first.

use super::super::doc::date_label;
use super::super::text;
use super::super::theme::Theme;
use super::centered;
use crate::article::ArticleId;
use crate::index::SearchHit;
use crate::sanitize::clean_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

#[derive(Clone, Debug)]
pub struct Picker {
    /// The article to put on the left.
    pub left: ArticleId,
    pub left_title: String,
    pub left_outlet: Option<String>,
    /// The left paragraph the user was reading, to start the comparison there.
    pub start_para: Option<usize>,
    pub hits: Option<Vec<SearchHit>>,
    pub error: Option<String>,
    pub selected: usize,
    offset: usize,
    visible: usize,
    /// Where the list was drawn, for the mouse.
    pub area: Rect,
}

impl Picker {
    pub fn new(left: ArticleId, left_title: &str, left_outlet: Option<String>, start_para: Option<usize>) -> Picker {
        Picker {
            left,
            left_title: clean_line(left_title),
            left_outlet,
            start_para,
            hits: None,
            error: None,
            selected: 0,
            offset: 0,
            visible: 5,
            area: Rect::default(),
        }
    }

    pub fn select(&mut self, delta: isize) {
        let n = self.hits.as_ref().map_or(0, Vec::len);
        self.selected = self.selected.saturating_add_signed(delta).min(n.saturating_sub(1));
    }

    pub fn page(&mut self, pages: isize) {
        self.select(pages * self.visible.max(1) as isize);
    }

    pub fn chosen(&self) -> Option<&SearchHit> {
        self.hits.as_ref()?.get(self.selected)
    }

    /// The entry at row `row` of the list, for the mouse.
    pub fn hit_at(&self, row: usize) -> Option<usize> {
        let i = self.offset + row / 2;
        (i < self.hits.as_ref().map_or(0, Vec::len)).then_some(i)
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let n = self.hits.as_ref().map_or(1, |h| h.len().max(1));
        let popup = centered(area, 90, (n * 2 + 2).min(usize::from(u16::MAX)) as u16, 4);
        frame.render_widget(Clear, popup);
        let title = format!(" Compare “{}” with ", text::truncate(&self.left_title, usize::from(popup.width) / 2));
        let block = Block::bordered()
            .border_style(theme.border_focus)
            .title(Span::styled(title, theme.border_focus))
            .title_bottom(Line::styled(" other outlets first ", theme.dim).right_aligned());
        let inner = block.inner(popup);
        self.area = inner;
        frame.render_widget(block, popup);
        let width = usize::from(inner.width);
        let hits = match (&self.hits, &self.error) {
            (_, Some(e)) => {
                frame.render_widget(Paragraph::new(Line::styled(format!(" {e}"), theme.error)), inner);
                return;
            }
            (None, _) => {
                frame.render_widget(Paragraph::new(Line::styled(" Finding the other articles…", theme.dim)), inner);
                return;
            }
            (Some(h), _) if h.is_empty() => {
                let msg = " There is no other article in the library.";
                frame.render_widget(Paragraph::new(Line::styled(msg, theme.dim)), inner);
                return;
            }
            (Some(h), _) => h,
        };
        self.visible = (usize::from(inner.height) / 2).max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.visible {
            self.offset = self.selected + 1 - self.visible;
        }
        let same = |h: &SearchHit| match (&h.outlet, &self.left_outlet) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => false,
        };
        let mut lines = Vec::new();
        for (i, hit) in hits.iter().enumerate().skip(self.offset).take(self.visible) {
            let selected = i == self.selected;
            let gutter = Span::styled(if selected { "▌" } else { " " }, theme.border_focus);
            let outlet = hit.outlet.as_deref().map_or_else(|| "unknown outlet".to_string(), clean_line);
            let note = if same(hit) { " · same outlet" } else { "" };
            let details = format!("{outlet} · {}{note}", date_label(hit.date));
            let title = text::truncate(&clean_line(&hit.title), width.saturating_sub(2));
            let (ts, ds) = if selected {
                (theme.title.patch(theme.selection), theme.dim.patch(theme.selection))
            } else {
                (theme.title, theme.dim)
            };
            let details = text::truncate(&details, width.saturating_sub(2));
            for (text, style) in [(title, ts), (details, ds)] {
                let pad = " ".repeat(width.saturating_sub(1 + text::width(&text)));
                let pad = Span::styled(pad, if selected { theme.selection } else { Style::new() });
                lines.push(Line::from(vec![gutter.clone(), Span::styled(text, style), pad]));
            }
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
