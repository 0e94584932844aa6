//! The help overlay: every key of the view in use, read from the key map,
//! so that it is right whatever the user's config says.

use super::super::theme::Theme;
use super::centered;
use crate::config::keys::{Context, KeyMap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

#[derive(Clone, Debug, Default)]
pub struct Help {
    pub scroll: usize,
    height: usize,
    lines: usize,
    /// Where it was drawn, for the mouse.
    pub area: Rect,
}

impl Help {
    pub fn scroll_by(&mut self, delta: isize) {
        let max = self.lines.saturating_sub(self.height);
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    pub fn page(&mut self, pages: isize) {
        self.scroll_by(pages * self.height.saturating_sub(1).max(1) as isize);
    }

    /// The lines listing the keys of `contexts`.
    pub fn lines(keys: &KeyMap, contexts: &[Context], theme: &Theme) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        let names =
            |b: &crate::config::keys::Binding| b.keys.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(", ");
        let column =
            contexts.iter().flat_map(|c| keys.bindings(*c)).map(|b| names(b).len()).max().unwrap_or(0).clamp(13, 32);
        for &context in contexts {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(context.title().to_string(), theme.title));
            let mut rows: Vec<(String, &str)> =
                keys.bindings(context).map(|b| (names(b), b.action.description())).collect();
            if context == Context::Global {
                rows.push(("ctrl-c".into(), "quit, always"));
            }
            if context == Context::Search {
                rows.push(("any character".into(), "type it into the search line"));
            }
            for (k, what) in rows {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {k:<column$} "), theme.status_key),
                    Span::styled(what.to_string(), theme.text),
                ]));
            }
        }
        lines
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, theme: &Theme, keys: &KeyMap, contexts: &[Context]) {
        let lines = Help::lines(keys, contexts, theme);
        let popup = centered(area, 80, lines.len() as u16 + 2, 2);
        frame.render_widget(Clear, popup);
        self.height = usize::from(popup.height.saturating_sub(2));
        self.lines = lines.len();
        self.scroll = self.scroll.min(self.lines.saturating_sub(self.height));
        let more = if self.scroll + self.height < self.lines { " ↓ more · " } else { " " };
        let block = Block::bordered()
            .border_style(theme.border_focus)
            .title(Span::styled(" Keys ", theme.border_focus))
            .title_bottom(Line::styled(format!("{more}esc closes "), theme.dim).right_aligned());
        let inner = block.inner(popup);
        self.area = inner;
        frame.render_widget(block, popup);
        let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
        frame.render_widget(Paragraph::new(lines).scroll((self.scroll.min(usize::from(u16::MAX)) as u16, 0)), inner);
    }
}
