//! The events view: the events of the library as the domain groups them
//! (`events::refresh`, run on the worker), each with its label, how many
//! articles, which outlets and when; `Enter` lists an event's articles, and
//! choosing two of them (`Space` marks, `Enter` on a second opens) puts
//! them side by side, the first chosen on the left. Under the list, a chart
//! of the selected event's articles per day per outlet (`coverage`).

use super::super::doc::date_label;
use super::super::text;
use super::super::theme::Theme;
use super::coverage;
use super::entries::{Entry, EntryList};
use crate::article::ArticleId;
use crate::events::{Coverage, Event};
use crate::sanitize::clean_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// The chart shows under the list from this many rows inside the frame.
const CHART_FROM: u16 = 14;

/// What choosing an article led to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chosen {
    /// Two articles: open them side by side, left then right.
    Pair([ArticleId; 2]),
    /// The first of two.
    First,
    /// A mark taken back.
    Unmarked,
    /// Nothing to do: no event open, or the same article twice.
    Nothing,
}

#[derive(Clone, Debug, Default)]
pub struct EventsView {
    pub events: Option<Vec<Event>>,
    pub error: Option<String>,
    /// The list of events.
    pub list: EntryList,
    /// The event whose articles are listed, and their list.
    pub open: Option<usize>,
    pub articles: EntryList,
    /// The articles chosen in the open event, in the order chosen.
    pub marked: Vec<usize>,
    /// Where the list was drawn, for the mouse.
    pub area: Rect,
}

impl EventsView {
    /// Take the events, keeping the selected and the open event by id.
    pub fn set_events(&mut self, events: Vec<Event>) {
        let id = |i: Option<usize>| i.and_then(|i| self.events.as_ref()?.get(i)).map(|e| e.id.clone());
        let (selected, open) = (id(Some(self.list.selected)), id(self.open));
        let find = |id: Option<String>| id.and_then(|id| events.iter().position(|e| e.id == id));
        self.list.selected = find(selected).unwrap_or(0);
        let reopened = find(open);
        if reopened.is_none() || reopened.map(|i| events[i].articles.len()) != self.event().map(|e| e.articles.len()) {
            self.marked.clear();
        }
        self.open = reopened;
        self.events = Some(events);
        self.error = None;
    }

    /// The open event.
    pub fn event(&self) -> Option<&Event> {
        self.events.as_ref()?.get(self.open?)
    }

    fn len(&self) -> usize {
        match self.event() {
            Some(e) => e.articles.len(),
            None => self.events.as_ref().map_or(0, Vec::len),
        }
    }

    fn list_mut(&mut self) -> &mut EntryList {
        if self.open.is_some() { &mut self.articles } else { &mut self.list }
    }

    pub fn select(&mut self, delta: isize) {
        let n = self.len();
        self.list_mut().select(delta, n);
    }

    pub fn page(&mut self, pages: isize) {
        let n = self.len();
        self.list_mut().page(pages, n);
    }

    /// Select the entry drawn at `row` of the list, for the mouse.
    pub fn click(&mut self, row: usize) {
        let n = self.len();
        if let Some(i) = self.list_mut().at(row, n) {
            self.list_mut().selected = i;
        }
    }

    /// List the selected event's articles; false when there is none.
    pub fn open_selected(&mut self) -> bool {
        let n = self.events.as_ref().map_or(0, Vec::len);
        if self.open.is_some() || self.list.selected >= n {
            return false;
        }
        self.open = Some(self.list.selected);
        self.articles = EntryList::default();
        self.marked.clear();
        true
    }

    /// Back from an event's articles to the events; false when already there.
    pub fn close(&mut self) -> bool {
        self.marked.clear();
        self.open.take().is_some()
    }

    fn pair(&mut self) -> Chosen {
        let Some(e) = self.event() else { return Chosen::Nothing };
        let ids = [e.articles[self.marked[0]].id.clone(), e.articles[self.marked[1]].id.clone()];
        self.marked.clear();
        Chosen::Pair(ids)
    }

    /// Mark the selected article, or take its mark back; a second mark
    /// makes the pair.
    pub fn toggle_mark(&mut self) -> Chosen {
        let i = self.articles.selected;
        if self.event().is_none_or(|e| i >= e.articles.len()) {
            return Chosen::Nothing;
        }
        if let Some(at) = self.marked.iter().position(|&m| m == i) {
            self.marked.remove(at);
            return Chosen::Unmarked;
        }
        self.marked.push(i);
        if self.marked.len() == 2 { self.pair() } else { Chosen::First }
    }

    /// `Enter` on an article: the pair with the one marked before, or the first mark.
    pub fn choose(&mut self) -> Chosen {
        match self.marked.as_slice() {
            [m] if *m == self.articles.selected => Chosen::Nothing,
            _ => self.toggle_mark(),
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let (title, bottom) = match self.event() {
            Some(e) => (clean_line(&e.label), " choose two: space marks, enter opens · esc events "),
            None => ("Events: the same story in several articles".to_string(), " enter lists its articles · esc back "),
        };
        let title = format!(" {} ", text::truncate(&title, usize::from(area.width.saturating_sub(6))));
        let block = Block::bordered()
            .border_style(theme.border_focus)
            .title(Span::styled(title, theme.border_focus))
            .title_bottom(Line::styled(bottom, theme.dim).right_aligned());
        let inner = block.inner(area);
        self.area = inner;
        frame.render_widget(block, area);
        let message = match (&self.events, &self.error) {
            (_, Some(e)) => Some((format!(" Cannot list the events: {e}"), theme.error)),
            (None, _) => Some((" Grouping the articles into events…".to_string(), theme.dim)),
            (Some(e), _) if e.is_empty() => {
                Some((" No events: no two articles in the library report the same event.".to_string(), theme.dim))
            }
            _ => None,
        };
        if let Some((text, style)) = message {
            frame.render_widget(Paragraph::new(Line::styled(text, style)), inner);
            return;
        }
        let entries = match self.event() {
            Some(e) => self.article_entries(e, theme),
            None => self.events.iter().flatten().map(|e| event_entry(e, theme)).collect(),
        };
        // The chart of the open or selected event under the list, when there is room.
        let shown = self.event().or_else(|| self.events.as_ref()?.get(self.list.selected));
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
        let list = if self.open.is_some() { &mut self.articles } else { &mut self.list };
        list.render(frame, list_area, &entries, theme);
    }

    fn article_entries(&self, e: &Event, theme: &Theme) -> Vec<Entry> {
        e.articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mark = self.marked.iter().position(|&m| m == i);
                let outlet = a.outlet.as_deref().map_or_else(|| "unknown outlet".to_string(), clean_line);
                let mut details = vec![Span::styled(format!("    {outlet} · {}", date_label(a.date)), theme.dim)];
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
