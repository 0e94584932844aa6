//! What each action does, per part of the app, and what the mouse does.
//! Actions only change state and queue requests; drawing comes later. The
//! parts that choose and show two articles are in `side_by_side`.

use super::action::{Action, Context};
use super::app::{App, Level, Screen};
use super::views::browse::Focus;
use super::views::help::Help;
use crate::index::Sort;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

/// Lines the mouse wheel scrolls.
const WHEEL: isize = 3;

/// What the list and the article do alike to the article in use: its
/// reading state, its link, its id.
fn on_the_article(action: Action) -> bool {
    matches!(
        action,
        Action::ToggleRead
            | Action::ToggleStar
            | Action::EditTags
            | Action::OpenLink
            | Action::CopyLink
            | Action::CopyId
    )
}

impl App {
    pub fn apply(&mut self, action: Action) {
        let context = self.context();
        match (context, action) {
            (_, Action::Quit) if context != Context::Help => self.quit = Some(0),
            (Context::Help, Action::Back | Action::Help | Action::Quit) => self.help = None,
            (_, Action::Help) => self.help = Some(Help::default()),
            (_, Action::Refresh) => self.refresh_now(),
            (_, Action::Fetch) => self.start_fetch(),
            (Context::Help, a) => self.help_action(a),
            (Context::Picker, a) => self.picker_action(a),
            (Context::Search, a) => self.search_action(a),
            (Context::List, a) => self.list_action(a),
            (Context::Reader, a) => self.reader_action(a),
            (Context::Compare, a) => self.compare_action(a),
            (Context::Events, a) => self.events_action(a),
            (Context::Global, _) => {}
        }
    }

    fn help_action(&mut self, action: Action) {
        let Some(h) = &mut self.help else { return };
        match action {
            Action::Up => h.scroll_by(-1),
            Action::Down => h.scroll_by(1),
            Action::PageUp => h.page(-1),
            Action::PageDown => h.page(1),
            _ => {}
        }
    }

    /// Move the list's selection and show the newly selected article. `G`
    /// goes to the real end of a long list: it asks for the last screen
    /// (not for every hit before it), and `g` back to the first.
    fn select(&mut self, action: Action) {
        match action {
            Action::Bottom if self.browse.more_after() => return self.search_end(),
            Action::Top if self.browse.base > 0 => {
                self.browse.new_question();
                return self.search();
            }
            _ => {}
        }
        let more = match action {
            Action::Up => self.browse.select(-1),
            Action::Down => self.browse.select(1),
            Action::PageUp => self.browse.page(-1),
            Action::PageDown => self.browse.page(1),
            Action::Top => self.browse.select(isize::MIN / 2),
            Action::Bottom => self.browse.select(isize::MAX / 2),
            _ => return,
        };
        if more {
            self.search_more(self.browse.page_size());
        } else if self.browse.wants_before() {
            self.search_before();
        }
        self.sync_article();
    }

    fn toggle_sort(&mut self) {
        self.browse.sort = match self.browse.sort {
            Sort::Relevance => Sort::Date,
            Sort::Date => Sort::Relevance,
        };
        if self.browse.query.trim().is_empty() {
            self.say("an empty search always lists the newest first", Level::Info);
        }
        self.browse.new_question();
        self.search();
    }

    fn search_action(&mut self, action: Action) {
        let q = &mut self.browse.query;
        match action {
            Action::DeleteChar => {
                if q.pop().is_some() {
                    self.query_changed();
                }
            }
            Action::DeleteWord => {
                let kept = q.trim_end().rfind(' ').map_or(0, |i| i + 1);
                if kept < q.len() {
                    q.truncate(kept);
                    self.query_changed();
                }
            }
            Action::ClearQuery => {
                if !q.is_empty() {
                    q.clear();
                    self.query_changed();
                }
            }
            Action::Open => self.open_reader(),
            Action::Back | Action::FocusNext => self.browse.focus = Focus::List,
            Action::FocusPrev => self.browse.focus = if self.article.is_some() { Focus::Reader } else { Focus::List },
            Action::ToggleSort => self.toggle_sort(),
            a => self.select(a),
        }
    }

    fn list_action(&mut self, action: Action) {
        match action {
            Action::Open => self.open_reader(),
            a if on_the_article(a) => self.state_action(a),
            Action::Search | Action::Back | Action::FocusPrev => self.browse.focus = Focus::Search,
            Action::FocusNext => self.browse.focus = if self.article.is_some() { Focus::Reader } else { Focus::Search },
            Action::ToggleSort => self.toggle_sort(),
            Action::Compare => self.open_picker(),
            Action::Events => self.open_events(),
            a => self.select(a),
        }
    }

    /// Open the selected article on its own.
    fn open_reader(&mut self) {
        let Some(id) = self.selected_id().cloned() else {
            self.say("no article selected", Level::Info);
            return;
        };
        self.reading = None;
        self.want_article(id);
        self.opened();
        self.reader_return = if self.browse.focus == Focus::Reader { Focus::List } else { self.browse.focus };
        self.screen = Screen::Reader;
    }

    /// The article on screen in the reader, if it is the one wanted.
    pub(super) fn shown_article(&mut self) -> Option<&mut super::views::reader::ArticleView> {
        let want = match self.screen {
            Screen::Browse | Screen::Reader => self.reader_id().cloned(),
            Screen::Compare | Screen::Events => None,
        };
        self.article.as_mut().filter(|a| want.is_none_or(|w| a.doc.id == w))
    }

    fn reader_action(&mut self, action: Action) {
        let browsing = self.screen == Screen::Browse;
        match action {
            Action::Back if browsing => self.browse.focus = Focus::List,
            Action::Back if self.reader_back_to_events() => {}
            Action::Back => {
                self.screen = Screen::Browse;
                self.browse.focus = self.reader_return;
            }
            Action::Search => {
                self.reading = None;
                self.screen = Screen::Browse;
                self.browse.focus = Focus::Search;
            }
            Action::Open if browsing => self.open_reader(),
            Action::FocusNext if browsing => self.browse.focus = Focus::Search,
            Action::FocusPrev if browsing => self.browse.focus = Focus::List,
            Action::Compare => self.open_picker(),
            Action::Events => self.open_events(),
            a if on_the_article(a) => self.state_action(a),
            Action::NextMatch => self.jumped(true),
            Action::PrevMatch => self.jumped(false),
            a => {
                let Some(view) = self.shown_article() else { return };
                match a {
                    Action::Up => view.scroll(-1),
                    Action::Down => view.scroll(1),
                    Action::PageUp => view.page(-1),
                    Action::PageDown => view.page(1),
                    Action::Top => view.to_top(),
                    Action::Bottom => view.to_bottom(),
                    _ => {}
                }
            }
        }
    }

    fn state_action(&mut self, action: Action) {
        match action {
            Action::ToggleRead => self.toggle(false),
            Action::ToggleStar => self.toggle(true),
            Action::EditTags => self.start_tags(),
            Action::OpenLink => self.open_link(),
            Action::CopyLink => self.copy_link(),
            Action::CopyId => self.copy_id(),
            _ => {}
        }
    }

    fn jumped(&mut self, forward: bool) {
        if let Some(msg) = self.shown_article().and_then(|v| v.jump(forward)) {
            self.say(msg, Level::Info);
        }
    }

    pub(super) fn mouse(&mut self, m: MouseEvent) {
        let at = Position::new(m.column, m.row);
        let delta = match m.kind {
            MouseEventKind::ScrollUp => -WHEEL,
            MouseEventKind::ScrollDown => WHEEL,
            MouseEventKind::Down(MouseButton::Left) => return self.click(at),
            _ => return,
        };
        let step = delta.signum();
        if let Some(h) = &mut self.help {
            return h.scroll_by(delta);
        }
        if let Some(p) = &mut self.picker {
            return p.select(step);
        }
        match self.screen {
            Screen::Browse if self.areas.list.contains(at) => {
                self.select(if step < 0 { Action::Up } else { Action::Down })
            }
            Screen::Browse | Screen::Reader if self.screen == Screen::Reader || self.areas.reader.contains(at) => {
                if let Some(v) = self.shown_article() {
                    v.scroll(delta);
                }
            }
            Screen::Compare => {
                if let Some(c) = &mut self.compare {
                    if let Some(col) = c.areas.iter().position(|a| a.contains(at)) {
                        c.focus = col;
                    }
                    c.scroll(delta);
                }
            }
            Screen::Events => {
                if let Some(e) = &mut self.events {
                    e.select(step);
                }
            }
            _ => {}
        }
    }

    fn click(&mut self, at: Position) {
        if self.help.is_some() {
            return;
        }
        if let Some(p) = &mut self.picker {
            if p.area.contains(at)
                && let Some(i) = p.hit_at(usize::from(at.y - p.area.y))
            {
                p.list.selected = i;
            }
            return;
        }
        if self.screen == Screen::Events
            && let Some(e) = &mut self.events
            && e.area.contains(at)
        {
            return e.click(usize::from(at.y - e.area.y));
        }
        if self.screen != Screen::Browse {
            return;
        }
        let inner = |r: Rect| Rect {
            x: r.x + 1,
            y: r.y + 1,
            width: r.width.saturating_sub(2),
            height: r.height.saturating_sub(2),
        };
        if inner(self.areas.list).contains(at) {
            self.browse.focus = Focus::List;
            let row = usize::from(at.y - self.areas.list.y - 1);
            if let Some(i) = self.browse.hit_at(row, self.areas.list_lines_per_hit) {
                self.browse.selected = i;
                self.sync_article();
            }
        } else if self.areas.reader.contains(at) && self.article.is_some() {
            self.browse.focus = Focus::Reader;
        } else if at.y == 0 {
            self.browse.focus = Focus::Search;
        }
    }
}
