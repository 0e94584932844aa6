//! Choosing the second article of a comparison: the library's proposals
//! (`library::proposals`), the article's related counterparts first (with their score,
//! and "same event" when the domain says so), then the rest of the library,
//! other outlets first.

use super::super::doc::date_label;
use super::super::text;
use super::super::theme::Theme;
use super::centered;
use super::entries::{Entry, EntryList};
use crate::article::ArticleId;
use crate::library::Proposal;
use crate::sanitize::clean_line;
use ratatui::Frame;
use ratatui::layout::Rect;
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
    pub hits: Option<Vec<Proposal>>,
    pub error: Option<String>,
    pub list: EntryList,
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
            list: EntryList::default(),
            area: Rect::default(),
        }
    }

    fn len(&self) -> usize {
        self.hits.as_ref().map_or(0, Vec::len)
    }

    pub fn select(&mut self, delta: isize) {
        let n = self.len();
        self.list.select(delta, n);
    }

    pub fn page(&mut self, pages: isize) {
        let n = self.len();
        self.list.page(pages, n);
    }

    pub fn chosen(&self) -> Option<&Proposal> {
        self.hits.as_ref()?.get(self.list.selected)
    }

    /// The entry at row `row` of the list, for the mouse.
    pub fn hit_at(&self, row: usize) -> Option<usize> {
        self.list.at(row, self.len())
    }

    fn entry(&self, p: &Proposal, theme: &Theme) -> Entry {
        let c = &p.listing;
        let same_outlet = match (&c.outlet, &self.left_outlet) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => false,
        };
        let outlet = c.outlet.as_deref().map_or_else(|| "unknown outlet".to_string(), clean_line);
        let mut details = vec![Span::styled(format!("{outlet} · {}", date_label(c.date)), theme.dim)];
        if same_outlet {
            details.push(Span::styled(" · same outlet", theme.dim));
        }
        if let Some(r) = p.related {
            let (what, style) = if r.same_event { ("same event", theme.hint) } else { ("related", theme.dim) };
            details.push(Span::styled(" · ", theme.dim));
            details.push(Span::styled(format!("{what} {:.2}", r.score), style));
        }
        Entry { title: clean_line(&c.title), details }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let n = self.len().max(1);
        let popup = centered(area, 90, (n * 2 + 2).min(usize::from(u16::MAX)) as u16, 4);
        frame.render_widget(Clear, popup);
        let title = format!(" Compare “{}” with ", text::truncate(&self.left_title, usize::from(popup.width) / 2));
        let related = self.hits.as_ref().is_some_and(|h| h.first().is_some_and(|c| c.related.is_some()));
        let bottom = if related { " related first, then other outlets " } else { " other outlets first " };
        let block = Block::bordered()
            .border_style(theme.border_focus)
            .title(Span::styled(title, theme.border_focus))
            .title_bottom(Line::styled(bottom, theme.dim).right_aligned());
        let inner = block.inner(popup);
        self.area = inner;
        frame.render_widget(block, popup);
        let message = |frame: &mut Frame, text: String, style| {
            frame.render_widget(Paragraph::new(Line::styled(text, style)), inner);
        };
        match (&self.hits, &self.error) {
            (_, Some(e)) => message(frame, format!(" {e}"), theme.error),
            (None, _) => message(frame, " Finding the other articles…".into(), theme.dim),
            (Some(h), _) if h.is_empty() => {
                message(frame, " There is no other article in the library.".into(), theme.dim)
            }
            (Some(h), _) => {
                let entries: Vec<Entry> = h.iter().map(|c| self.entry(c, theme)).collect();
                self.list.render(frame, inner, &entries, theme);
            }
        }
    }
}
