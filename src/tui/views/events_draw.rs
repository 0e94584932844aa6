//! Drawing the events view (its state and keys are in `events`): the list
//! of events under the `/` filter's line, an event's articles with the one
//! you came from marked, or an article in no event with its nearest
//! counterparts; under a list, when there is room, the chart of who
//! covered the event and when (`coverage`).

use super::super::doc::date_label;
use super::super::text;
use super::super::theme::Theme;
use super::coverage;
use super::entries::Entry;
use super::events::EventsView;
use crate::events::{Coverage, Event};
use crate::sanitize::clean_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The chart shows under the list from this many rows inside the frame.
const CHART_FROM: u16 = 14;

impl EventsView {
    pub fn render(&mut self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let (title, bottom) = if let Some(e) = self.event() {
            (clean_line(&e.label), " enter reads · c compares · space marks · esc events ")
        } else if let Some(a) = &self.alone {
            (
                format!("In no event: {}", clean_line(&a.article.title)),
                " enter reads · c compares with it · esc events ",
            )
        } else if self.filter.typing {
            (self.list_title(), " type to filter · enter its articles · esc stops typing ")
        } else if !self.filter.text.is_empty() {
            (self.list_title(), " / filter · enter its articles · esc clears the filter ")
        } else {
            (self.list_title(), " / filter · enter its articles · esc back ")
        };
        let title = format!(" {} ", text::truncate(&title, usize::from(area.width.saturating_sub(6))));
        let block = Block::bordered()
            .border_style(theme.border_focus)
            .title(Span::styled(title, theme.border_focus))
            .title_bottom(Line::styled(bottom, theme.dim).right_aligned());
        let mut inner = block.inner(area);
        self.area = inner;
        frame.render_widget(block, area);
        let waiting = !self.in_articles() && self.waiting.is_some();
        let message = match (&self.events, &self.error) {
            (_, Some(e)) => Some((format!(" Cannot list the events: {e}"), theme.error)),
            (None, _) => Some((" Grouping the articles into events…".to_string(), theme.dim)),
            _ if waiting => Some((" Finding the article's event…".to_string(), theme.dim)),
            (Some(e), _) if e.is_empty() && self.alone.is_none() => {
                Some((" No events: no two articles in the library report the same event.".to_string(), theme.dim))
            }
            _ => None,
        };
        if let Some((text, style)) = message {
            frame.render_widget(Paragraph::new(Line::styled(text, style)), inner);
            return;
        }
        if let Some(a) = &self.alone {
            let said = if a.nearest.is_empty() {
                " No other article reports this closely enough to make an event, and none comes near it.".to_string()
            } else {
                " No other article reports this closely enough to make an event. The nearest, best first:".to_string()
            };
            let rows = (text::wrap(&said, usize::from(inner.width)).len() as u16).min(inner.height);
            let p = Paragraph::new(Line::styled(said, theme.hint)).wrap(Wrap { trim: false });
            frame.render_widget(p, Rect { height: rows, ..inner });
            inner = Rect { y: inner.y + rows + 1, height: inner.height.saturating_sub(rows + 1), ..inner };
        } else if !self.in_articles() && (self.filter.typing || !self.filter.text.is_empty()) {
            let cursor = if self.filter.typing { "▏" } else { "" };
            let line = Line::from(vec![
                Span::styled(" /", theme.status_key),
                Span::styled(format!("{}{cursor}", clean_line(&self.filter.text)), theme.search),
            ]);
            frame.render_widget(Paragraph::new(line), Rect { height: 1, ..inner });
            inner = Rect { y: inner.y + 1, height: inner.height.saturating_sub(1), ..inner };
        }
        let entries = self.entries(theme);
        if entries.is_empty() && !self.in_articles() {
            let said =
                format!(" No event has all of “{}” in its headlines and outlets.", clean_line(&self.filter.text));
            frame.render_widget(Paragraph::new(Line::styled(said, theme.dim)), inner);
            return;
        }
        // The chart of the open or selected event under the list, when there is room.
        let shown =
            self.event().or_else(|| self.events.as_ref()?.get(self.selected_event()?)).filter(|_| self.alone.is_none());
        let coverage = shown.map(Coverage::of);
        let list_area = match &coverage {
            Some(c) if inner.height >= CHART_FROM => {
                let chart = coverage::wanted_height(c).min(inner.height / 2);
                let [list, chart_area] = Layout::vertical([Constraint::Min(1), Constraint::Length(chart)]).areas(inner);
                coverage::render(frame, chart_area, c, theme);
                list
            }
            _ => inner,
        };
        self.area = list_area;
        let list = if self.in_articles() { &mut self.articles } else { &mut self.list };
        list.render(frame, list_area, &entries, theme);
    }

    /// "Events: the same story in several articles", or how many the filter keeps.
    fn list_title(&self) -> String {
        let all = self.events.as_ref().map_or(0, Vec::len);
        if self.filter.text.trim().is_empty() {
            "Events: the same story in several articles".to_string()
        } else {
            format!("Events with “{}”: {} of {all}", clean_line(self.filter.text.trim()), self.shown.len())
        }
    }

    fn entries(&self, theme: &Theme) -> Vec<Entry> {
        if let Some(e) = self.event() {
            return self.article_entries(e, theme);
        }
        if let Some(a) = &self.alone {
            return a
                .nearest
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let l = &r.listing;
                    let outlet = l.outlet.as_deref().map_or_else(|| "unknown outlet".to_string(), clean_line);
                    let mark = if self.marked.contains(&i) { "[x] " } else { "[ ] " };
                    let details = format!("    {:.2} · {outlet} · {}", r.score, date_label(l.date));
                    Entry {
                        title: format!("{mark}{}", clean_line(&l.title)),
                        details: vec![Span::styled(details, theme.dim)],
                    }
                })
                .collect();
        }
        let events = self.events.as_deref().unwrap_or_default();
        self.shown.iter().map(|&i| event_entry(&events[i], theme)).collect()
    }

    fn article_entries(&self, e: &Event, theme: &Theme) -> Vec<Entry> {
        let came_from = self.came_from_here();
        e.articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mark = self.marked.iter().position(|&m| m == i);
                let outlet = a.outlet.as_deref().map_or_else(|| "unknown outlet".to_string(), clean_line);
                let mut details = vec![Span::styled(format!("    {outlet} · {}", date_label(a.date)), theme.dim)];
                if came_from.as_ref() == Some(&a.id) {
                    details.push(Span::styled(" · the article you came from", theme.hint));
                }
                if mark == Some(0) {
                    details.push(Span::styled(" · goes on the left", theme.hint));
                }
                let check = if mark.is_some() { "[x] " } else { "[ ] " };
                Entry { title: format!("{check}{}", clean_line(&a.title)), details }
            })
            .collect()
    }
}

/// "2 articles · The Moscow Times, 1 unknown outlet · 2022-02-21".
fn event_entry(e: &Event, theme: &Theme) -> Entry {
    let mut outlets: Vec<String> = e.outlets.iter().map(|o| clean_line(o)).collect();
    match e.articles.iter().filter(|a| a.outlet.is_none()).count() {
        0 => {}
        1 => outlets.push("1 unknown outlet".into()),
        n => outlets.push(format!("{n} unknown outlets")),
    }
    let span = match (e.first_date, e.last_date) {
        (Some(a), Some(b)) if a != b => format!("{} – {}", date_label(Some(a)), date_label(Some(b))),
        (a, b) => date_label(a.or(b)),
    };
    let details = format!("{} articles · {} · {span}", e.articles.len(), outlets.join(", "));
    Entry { title: clean_line(&e.label), details: vec![Span::styled(details, theme.dim)] }
}
