//! A list of two-line entries (a headline, then a line of details) with a
//! selection that keeps itself on screen: the picker, the events and the
//! articles of an event are drawn with it. The text given must already be
//! sanitized.

use super::super::text;
use super::super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// One entry: its headline and its details line.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub title: String,
    pub details: Vec<Span<'static>>,
}

/// The selection and scroll of a list of entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryList {
    pub selected: usize,
    offset: usize,
    visible: usize,
}

impl Default for EntryList {
    fn default() -> EntryList {
        EntryList { selected: 0, offset: 0, visible: 5 }
    }
}

impl EntryList {
    /// Move the selection by `delta` in a list of `n`.
    pub fn select(&mut self, delta: isize, n: usize) {
        self.selected = self.selected.saturating_add_signed(delta).min(n.saturating_sub(1));
    }

    pub fn page(&mut self, pages: isize, n: usize) {
        self.select(pages * self.visible.max(1) as isize, n);
    }

    /// The entry drawn at `row` of the list's area, for the mouse.
    pub fn at(&self, row: usize, n: usize) -> Option<usize> {
        let i = self.offset + row / 2;
        (i < n).then_some(i)
    }

    /// Draw `entries` in `area`, the selected one highlighted and in view.
    pub fn render(&mut self, frame: &mut Frame, area: Rect, entries: &[Entry], theme: &Theme) {
        self.visible = (usize::from(area.height) / 2).max(1);
        self.selected = self.selected.min(entries.len().saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.visible {
            self.offset = self.selected + 1 - self.visible;
        }
        let width = usize::from(area.width);
        let mut lines = Vec::new();
        for (i, entry) in entries.iter().enumerate().skip(self.offset).take(self.visible) {
            let selected = i == self.selected;
            let gutter = Span::styled(if selected { "▌" } else { " " }, theme.border_focus);
            let on = |s: Style| if selected { s.patch(theme.selection) } else { s };
            let title = vec![Span::styled(entry.title.clone(), theme.title)];
            for spans in [title, entry.details.clone()] {
                let mut line = vec![gutter.clone()];
                let fitted = text::fit(spans, width.saturating_sub(2));
                let room = width.saturating_sub(2 + fitted.iter().map(|s| text::width(&s.content)).sum::<usize>());
                line.extend(fitted.into_iter().map(|s| Span::styled(s.content, on(s.style))));
                let pad = Style::new().patch(if selected { theme.selection } else { Style::new() });
                line.push(Span::styled(" ".repeat(room + 1), pad));
                lines.push(Line::from(line));
            }
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}
