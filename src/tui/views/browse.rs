//! The browse view's search line and result list: one entry per hit with
//! its headline, outlet, date and a snippet with the query's words marked,
//! the number of hits and the sort order.
//!
//! The list holds a window of the ranking, a screen or so at a time: from
//! the first hit while scrolling down, from the last screen after `G`
//! (which reads that screen, not every hit before it), growing upwards as
//! one scrolls back. Each new question starts at its first hit, selected.

use super::super::doc::date_label;
use super::super::text::{self, Marked};
use super::super::theme::Theme;
use crate::index::{SearchHit, SearchResults, Sort};
use crate::sanitize::clean_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// A keystroke's search asks for the hits the screen shows, no more: each
/// hit costs a stored document read and a snippet, and on a page cache that
/// has not seen the index (a 1M library just opened) each read may go to
/// the disk. Measured at 1M with a dropped cache, reading 30 hits took
/// 176-202 ms a search and 8 hits 38-48 ms. Moving the selection to within
/// a screen of the end asks for the next screen, so scrolling rarely waits.
/// Until the list is first drawn, it is taken to show this many.
pub const FIRST_SCREEN: usize = 8;

/// Which part of the browse view has the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Search,
    List,
    Reader,
}

/// What the search under way is for: the loaded hits are a window of the
/// ranking (from rank [`Browse::base`]), which a search replaces or extends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Fetching {
    /// The window anew: a new query, or the same one after the library changed.
    #[default]
    Fresh,
    /// The hits after the window.
    After,
    /// The hits before it (scrolling up from a window at the end).
    Before,
    /// The last screen of the ranking (`G`), in place of the window.
    End,
}

#[derive(Clone, Debug)]
pub struct Browse {
    pub query: String,
    pub focus: Focus,
    pub sort: Sort,
    /// Hits the window is to hold, asked for in all.
    pub limit: usize,
    pub results: Option<SearchResults>,
    /// The selected hit, in the window.
    pub selected: usize,
    pub searching: bool,
    /// What the search under way is for, and from which rank it asked.
    pub fetching: Fetching,
    pub asked_from: usize,
    /// The rank of the window's first hit: 0 but after `G` on a long list,
    /// which loads the end of the ranking and not all that comes before it.
    pub base: usize,
    pub error: Option<String>,
    offset: usize,
    visible: usize,
}

impl Default for Browse {
    fn default() -> Browse {
        Browse {
            query: String::new(),
            focus: Focus::Search,
            sort: Sort::Relevance,
            limit: FIRST_SCREEN,
            results: None,
            selected: 0,
            searching: false,
            fetching: Fetching::Fresh,
            asked_from: 0,
            base: 0,
            error: None,
            offset: 0,
            visible: FIRST_SCREEN,
        }
    }
}

impl Browse {
    pub fn hits(&self) -> &[SearchHit] {
        self.results.as_ref().map_or(&[], |r| &r.hits)
    }

    pub fn selected_hit(&self) -> Option<&SearchHit> {
        self.hits().get(self.selected)
    }

    /// A new question (another query, or another order): its results will
    /// start from the first hit, selected, as in fzf. Said at once, so that
    /// `Enter` before they arrive acts on the first hit shown, not on the
    /// one selected in the answer to the question before.
    pub fn new_question(&mut self) {
        (self.selected, self.offset, self.base) = (0, 0, 0);
        self.limit = self.page_size();
    }

    /// Take the window anew. For the same question (the library changed
    /// under it) the same article stays selected when it is still there,
    /// else the one that took its place; a new question selects its first hit.
    pub fn set_results(&mut self, results: SearchResults) {
        let same_query = self.results.as_ref().is_some_and(|r| r.query == results.query && r.sort == results.sort);
        let keep = self.selected_hit().map(|h| h.listing.id.clone()).filter(|_| same_query);
        let in_place = if same_query { self.selected.min(results.hits.len().saturating_sub(1)) } else { 0 };
        self.selected = keep.and_then(|id| results.hits.iter().position(|h| h.listing.id == id)).unwrap_or(in_place);
        if !same_query {
            self.offset = 0;
        }
        self.base = self.asked_from;
        self.results = Some(results);
        self.error = None;
    }

    /// Take the hits that go after those loaded, for the same query: the
    /// rows shown keep their places. Hits for another query replace them.
    pub fn append_results(&mut self, more: SearchResults) {
        let same = self.results.as_ref().is_some_and(|r| r.query == more.query && r.sort == more.sort);
        let Some(r) = self.results.as_mut().filter(|_| same) else { return self.set_results(more) };
        let loaded: std::collections::HashSet<&str> = r.hits.iter().map(|h| h.listing.id.as_str()).collect();
        let new: Vec<SearchHit> = more.hits.into_iter().filter(|h| !loaded.contains(h.listing.id.as_str())).collect();
        r.hits.extend(new);
        r.total = more.total;
        self.error = None;
    }

    /// Take the hits that go before the window: the selected hit and the
    /// rows shown stay where they are on screen.
    pub fn prepend_results(&mut self, more: SearchResults) {
        let same = self.results.as_ref().is_some_and(|r| r.query == more.query && r.sort == more.sort);
        let Some(r) = self.results.as_mut().filter(|_| same) else { return self.set_results(more) };
        let loaded: std::collections::HashSet<&str> = r.hits.iter().map(|h| h.listing.id.as_str()).collect();
        let mut new: Vec<SearchHit> =
            more.hits.into_iter().filter(|h| !loaded.contains(h.listing.id.as_str())).collect();
        let added = new.len();
        new.append(&mut r.hits);
        r.hits = new;
        r.total = more.total;
        self.base = self.asked_from;
        self.limit += added;
        (self.selected, self.offset) = (self.selected + added, self.offset + added);
        self.error = None;
    }

    /// Take the last screen of the ranking in place of the window, the last hit selected.
    pub fn end_results(&mut self, end: SearchResults) {
        self.limit = end.hits.len();
        self.set_results(end);
        self.selected = self.hits().len().saturating_sub(1);
    }

    /// Move the selection; true when it came within a screen of the last
    /// loaded hit and more exist.
    pub fn select(&mut self, delta: isize) -> bool {
        let n = self.hits().len();
        if n == 0 {
            return false;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
        self.wants_more()
    }

    pub fn page(&mut self, pages: isize) -> bool {
        self.select(pages * self.visible.max(1) as isize)
    }

    /// True when the selection is within a screen of the last loaded hit
    /// and more exist: time to ask for the next screen.
    pub fn wants_more(&self) -> bool {
        self.more_exist() && self.selected + self.visible >= self.hits().len()
    }

    /// How many more hits the list, as last drawn, has room for that exist
    /// and were not asked for (the screen grew, or the first search went
    /// out before the list was drawn).
    pub fn wants_fill(&self) -> Option<usize> {
        let room = self.offset + self.visible;
        (self.more_exist() && self.hits().len() < room && self.limit < room).then(|| room - self.hits().len())
    }

    fn more_exist(&self) -> bool {
        self.more_after() && !self.searching
    }

    /// Hits exist after the loaded ones.
    pub fn more_after(&self) -> bool {
        self.results.as_ref().is_some_and(|r| r.total > self.base + r.hits.len())
    }

    /// True when the selection is within a screen of the window's first
    /// hit and hits exist before it: time to ask for the screen before.
    pub fn wants_before(&self) -> bool {
        self.base > 0 && !self.searching && self.selected < self.visible
    }

    pub fn visible_hits(&self) -> usize {
        self.visible
    }

    /// How many more hits to ask for: a screenful (see [`FIRST_SCREEN`]).
    pub fn page_size(&self) -> usize {
        self.visible.max(1)
    }

    /// The hit at row `y` of the list's inner area, for the mouse.
    pub fn hit_at(&self, row: usize, per_hit: usize) -> Option<usize> {
        let i = self.offset + row / per_hit.max(1);
        (i < self.hits().len()).then_some(i)
    }

    pub fn render_search_line(&self, frame: &mut Frame, area: Rect, theme: &Theme, status: Option<&str>) {
        let focused = self.focus == Focus::Search;
        let prompt = " Search › ";
        let right = status.map(|s| format!(" {s} ")).unwrap_or_default();
        let room = usize::from(area.width).saturating_sub(text::width(prompt) + text::width(&right) + 1);
        // Show the end of a query too long for the line.
        let mut shown = clean_line(&self.query);
        while text::width(&shown) > room && !shown.is_empty() {
            shown.remove(0);
        }
        let pad =
            usize::from(area.width).saturating_sub(text::width(prompt) + text::width(&shown) + text::width(&right));
        let line = Line::from(vec![
            Span::styled(prompt, if focused { theme.border_focus } else { theme.dim }),
            Span::styled(shown.clone(), theme.search),
            Span::raw(" ".repeat(pad)),
            Span::styled(right, theme.dim),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        if focused {
            let x = area.x + (text::width(prompt) + text::width(&shown)) as u16;
            if x < area.right() {
                frame.set_cursor_position((x, area.y));
            }
        }
    }

    /// Lines per hit: headline, details, and one or two lines of snippet.
    pub fn lines_per_hit(area: Rect) -> usize {
        if area.width >= 60 && area.height >= 14 { 4 } else { 3 }
    }

    pub fn render_list(&mut self, frame: &mut Frame, area: Rect, theme: &Theme, placeholder: Option<(&str, Style)>) {
        let focused = self.focus == Focus::List;
        let title = match &self.results {
            Some(r) if self.base > 0 => {
                format!(" {}–{} of {} articles · {} ", self.base + 1, self.base + r.hits.len(), r.total, sort_label(r))
            }
            Some(r) if r.hits.len() < r.total => {
                format!(" {} of {} articles · {} ", r.hits.len(), r.total, sort_label(r))
            }
            Some(r) => format!(" {} article{} · {} ", r.total, if r.total == 1 { "" } else { "s" }, sort_label(r)),
            None => " Articles ".to_string(),
        };
        let block = Block::bordered()
            .border_style(if focused { theme.border_focus } else { theme.border })
            .title(Span::styled(title, if focused { theme.border_focus } else { theme.dim }));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = usize::from(inner.width);
        let per_hit = Browse::lines_per_hit(inner);
        self.visible = (usize::from(inner.height) / per_hit).max(1);
        if let Some((message, style)) = placeholder.or_else(|| self.empty_message().map(|m| (m, theme.dim))) {
            let lines: Vec<Line> = text::wrap(message, width.saturating_sub(2).max(1))
                .into_iter()
                .map(|r| Line::styled(format!(" {}", &message[r]), style))
                .collect();
            frame.render_widget(Paragraph::new(lines), inner);
            return;
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.visible {
            self.offset = self.selected + 1 - self.visible;
        }
        let mut lines = Vec::new();
        for (i, hit) in self.hits().iter().enumerate().skip(self.offset).take(self.visible) {
            lines.extend(hit_lines(hit, i == self.selected, width, per_hit, theme));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }

    fn empty_message(&self) -> Option<&'static str> {
        match &self.results {
            Some(r) if r.hits.is_empty() && r.query.trim().is_empty() => Some("The library is empty."),
            Some(r) if r.hits.is_empty() => Some("No article matches. Esc, then ? shows the keys."),
            _ => None,
        }
    }
}

fn sort_label(r: &SearchResults) -> &'static str {
    match r.sort {
        Sort::Date => "newest first",
        Sort::Relevance => "best match first",
    }
}

/// The snippet's lines, starting at the line with the first match when it
/// would otherwise be cut off.
fn snippet_lines(snippet: &Marked, width: usize, count: usize, theme: &Theme, base: Style) -> Vec<Vec<Span<'static>>> {
    let lines = text::wrap(&snippet.text, width.saturating_sub(1).max(1));
    let first_mark = snippet.marks.first().map_or(0, |m| m.start);
    let mark_line = lines.iter().position(|r| r.end > first_mark).unwrap_or(0);
    let skip = if mark_line >= count { mark_line } else { 0 };
    let shown: Vec<_> = lines.iter().skip(skip).take(count).cloned().collect();
    let more = skip + count < lines.len();
    let n = shown.len();
    shown
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut spans = Vec::new();
            if i == 0 && skip > 0 {
                spans.push(Span::styled("…", base));
            }
            spans.extend(text::spans(snippet, r, base, theme.matched, None));
            if i + 1 == n && more {
                spans.push(Span::styled("…", base));
            }
            spans
        })
        .collect()
}

fn hit_lines(hit: &SearchHit, selected: bool, width: usize, per_hit: usize, theme: &Theme) -> Vec<Line<'static>> {
    let gutter = if selected { "▌" } else { " " };
    let row = |style: Style| if selected { style.patch(theme.selection) } else { style };
    // Unread in the title's style (bold by default); read plain and dim.
    let title_style = if hit.read { theme.text.patch(theme.dim).remove_modifier(Modifier::BOLD) } else { theme.title };
    let star = if hit.starred { "★ " } else { "" };
    let title = format!("{star}{}", clean_line(&hit.listing.title));
    let mut details = format!(
        "{} · {}",
        hit.listing.outlet.as_deref().map_or_else(|| "unknown outlet".to_string(), clean_line),
        date_label(hit.listing.date)
    );
    if !hit.tags.is_empty() {
        details.push_str(" · #");
        details.push_str(&clean_line(&hit.tags.join(" #")));
    }
    let room = width.saturating_sub(2);
    let snippet = Marked::clean(&hit.snippet.text, &hit.snippet.highlights, true);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(gutter, theme.border_focus),
            Span::styled(text::truncate(&title, room), row(title_style)),
        ]),
        Line::from(vec![
            Span::styled(gutter, theme.border_focus),
            Span::styled(text::truncate(&details, room), row(theme.dim)),
        ]),
    ];
    for spans in snippet_lines(&snippet, room, per_hit - 2, theme, row(theme.text)) {
        let mut line = vec![Span::styled(gutter, theme.border_focus)];
        line.extend(spans);
        lines.push(Line::from(line));
    }
    while lines.len() < per_hit {
        lines.push(Line::from(Span::styled(gutter, theme.border_focus)));
    }
    if selected {
        // The selection is a bar across the list, not just under the words.
        for line in &mut lines {
            let pad = width.saturating_sub(line.width());
            line.spans.push(Span::styled(" ".repeat(pad), theme.selection));
        }
    }
    lines
}
