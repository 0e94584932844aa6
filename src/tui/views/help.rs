//! The help overlay: every key of the view in use, read from the key map,
//! so that it is right whatever the user's config says.

use super::super::text;
use super::super::theme::Theme;
use super::centered;
use crate::config::keys::{Context, KeyMap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// The widest the overlay gets.
const WIDTH: u16 = 96;

/// The commands that manage the library, which the app does not: so
/// that someone who only knows the app learns where they are.
const SHELL: [(&str, &str); 4] = [
    ("byline library", "the library's folders, with their articles and whether each is still there"),
    ("byline library remove PATH", "take a folder out of the library, with its articles"),
    ("byline index [PATH]", "add a folder, or with none read every folder again"),
    ("byline search --help", "the query language (word*, OR, -word, outlet:, date:)"),
];

/// One row: `keys` in the first column, `what` beside it, each wrapped
/// within its column.
fn wrapped(keys: &str, what: &str, column: usize, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let room = width.saturating_sub(column + 3).max(1);
    let k: Vec<&str> = text::wrap(keys, column).into_iter().map(|r| &keys[r]).collect();
    let w: Vec<&str> = text::wrap(what, room).into_iter().map(|r| &what[r]).collect();
    (0..k.len().max(w.len()))
        .map(|i| {
            let (k, w) = (k.get(i).copied().unwrap_or(""), w.get(i).copied().unwrap_or(""));
            let pad = column.saturating_sub(text::width(k));
            Line::from(vec![
                Span::styled(format!("  {k}{} ", " ".repeat(pad)), theme.status_key),
                Span::styled(w.to_string(), theme.text),
            ])
        })
        .collect()
}

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

    /// The lines listing the keys of `contexts`, `width` columns wide: a
    /// key's description (and a long list of keys) wraps under its column
    /// rather than run off the edge.
    pub fn lines(keys: &KeyMap, contexts: &[Context], theme: &Theme, width: usize) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        let names =
            |b: &crate::config::keys::Binding| b.keys.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(", ");
        let widest = contexts.iter().flat_map(|c| keys.bindings(*c)).map(|b| names(b).len()).max().unwrap_or(0);
        let column = widest.clamp(13, 32).min(width.saturating_sub(3) / 2).max(1);
        for &context in contexts {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(context.title().to_string(), theme.title));
            let mut rows: Vec<(String, &str)> =
                keys.bindings(context).map(|b| (names(b), b.action.description_in(context))).collect();
            match context {
                Context::Global => rows.push(("ctrl-c".into(), "quit, always")),
                Context::Search => {
                    rows.push(("any character".into(), "type it into the search line (? on an empty line: these keys)"))
                }
                Context::Events => rows.push((
                    "any character".into(),
                    "after the filter key, type the filter (the search line's keys edit it); an event is kept \
                    when every word starts a word of its headlines or outlets",
                )),
                Context::Compare => {
                    let legend = super::LEGEND;
                    let legend = text::wrap(legend, width.saturating_sub(2)).into_iter().map(|r| &legend[r]);
                    lines.extend(legend.map(|l| Line::styled(format!("  {l}"), theme.dim)));
                }
                _ => {}
            }
            for (k, what) in rows {
                lines.extend(wrapped(&k, what, column, width, theme));
            }
        }
        lines.push(Line::default());
        lines.push(Line::styled("In a shell", theme.title));
        for (command, what) in SHELL {
            lines.extend(wrapped(command, what, column, width, theme));
        }
        lines
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, theme: &Theme, keys: &KeyMap, contexts: &[Context]) {
        // 96 columns at most, within the screen less a margin of 2; inside
        // it, borders and a column of padding on each side.
        let width = usize::from(WIDTH.min(area.width.saturating_sub(4)).saturating_sub(4));
        let lines = Help::lines(keys, contexts, theme, width);
        let popup = centered(area, WIDTH, lines.len() as u16 + 2, 2);
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
