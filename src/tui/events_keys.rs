//! What the keys do in the events view, and how the view is reached: `e`
//! on an article (in the list, the reader or either column) opens it on
//! that article's event (asked of the library service: `event_of`), or on
//! its nearest counterparts when it is in none; with no article in use, on
//! the list of events. In the list, `/` types a filter (the search line's
//! editing keys edit it; `events::find` decides what matches, in memory, so
//! typing never waits); `Enter` lists an event's articles. In a list of
//! articles, `Enter` reads one (`Esc` in the reader comes back here), `c`
//! compares and `Space` marks. `Esc` goes back one step: from typing the
//! filter, from an event to the list, a filter cleared, then back to where
//! the view was opened from.

use super::action::{Action, Context, Key, Resolved, resolve};
use super::app::{App, Level, Screen};
use super::protocol::Ask;
use super::views::events::{Chosen, Filter};
use crate::article::ArticleId;

impl App {
    /// Ask the worker for the events (cheap when the library has not changed).
    pub(super) fn ask_events(&mut self) {
        self.ask(Ask::Events);
    }

    /// The article in use where `e` was pressed.
    fn article_for_events(&self) -> Option<ArticleId> {
        match self.screen {
            Screen::Compare => self.compare.as_ref().map(|c| c.ids[c.focus.min(1)].clone()),
            Screen::Reader => self.reader_id().cloned(),
            Screen::Browse => self.selected_id().cloned(),
            Screen::Events => None,
        }
    }

    /// The screen in use was reached from the events view (reading or
    /// comparing its articles): `Esc` leads back there.
    fn reached_from_events(&self) -> bool {
        let reading = self.reading.is_some();
        match self.screen {
            Screen::Reader => reading,
            Screen::Compare => match self.compare_return.0 {
                Screen::Events => true,
                Screen::Reader => reading,
                _ => false,
            },
            Screen::Browse | Screen::Events => false,
        }
    }

    /// Open the events view: on the event of the article in use, or on the
    /// list of events when there is none.
    pub(super) fn open_events(&mut self) {
        let id = self.article_for_events();
        if self.reached_from_events() {
            // Back to the view below, not one more step on top of it.
            self.reading = None;
        } else {
            self.events_return = (self.screen, self.browse.focus);
        }
        let mut view = self.events.take().unwrap_or_default();
        view.close();
        view.current = None;
        self.screen = Screen::Events;
        self.ask_events();
        if let Some(id) = id {
            view.start_from(id.clone());
            self.ask(Ask::EventOf { id });
        }
        self.events = Some(view);
    }

    /// Keys type into the events filter now.
    pub(super) fn filter_typing(&self) -> bool {
        self.screen == Screen::Events
            && self.help.is_none()
            && self.picker.is_none()
            && self.events.as_ref().is_some_and(|v| v.filter.typing && !v.in_articles())
    }

    /// A key while the filter is typed into: the search line's keys edit it.
    pub(super) fn filter_key(&mut self, key: Key) {
        let empty = self.events.as_ref().is_none_or(|v| v.filter.text.is_empty());
        match resolve(&self.keys, Context::Search, key, true) {
            Resolved::Type(_) if empty && self.help_key(key) => self.apply(Action::Help),
            Resolved::Type(c) => self.filter_typed(&c.to_string()),
            Resolved::Action(a) => self.filter_action(a),
            Resolved::Nothing => {}
        }
    }

    /// Text pasted into the filter, on one line and cleaned.
    pub(super) fn filter_text(&mut self, text: &str) {
        self.filter_typed(&crate::sanitize::clean_line(text));
    }

    fn filter_typed(&mut self, text: &str) {
        if let Some(v) = &mut self.events {
            v.filter.text.push_str(text);
            v.refilter();
        }
    }

    fn filter_action(&mut self, action: Action) {
        let Some(v) = &mut self.events else { return };
        let text = &mut v.filter.text;
        match action {
            Action::DeleteChar => {
                text.pop();
            }
            Action::DeleteWord => {
                let kept = text.trim_end().rfind(' ').map_or(0, |i| i + 1);
                text.truncate(kept);
            }
            Action::ClearQuery => text.clear(),
            Action::Back | Action::FocusNext | Action::FocusPrev => v.filter.typing = false,
            Action::Open => {
                v.filter.typing = false;
                v.open_selected();
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => return self.events_action(action),
            Action::ToggleSort => {}
            a => return self.apply(a),
        }
        v.refilter();
    }

    pub(super) fn events_action(&mut self, action: Action) {
        let Some(v) = &mut self.events else { return };
        let chosen = match action {
            Action::Up => return v.select(-1),
            Action::Down => return v.select(1),
            Action::PageUp => return v.page(-1),
            Action::PageDown => return v.page(1),
            Action::Top => return v.select(isize::MIN / 2),
            Action::Bottom => return v.select(isize::MAX / 2),
            Action::Search if !v.in_articles() => {
                v.filter.typing = true;
                return;
            }
            Action::Back => {
                if !v.close() {
                    if v.filter.text.is_empty() {
                        self.leave_events();
                    } else {
                        v.filter = Filter::default();
                        v.refilter();
                    }
                }
                return;
            }
            Action::Open if !v.in_articles() => {
                v.open_selected();
                return;
            }
            Action::Open => {
                let Some(id) = v.selected_article() else { return };
                return self.read_from_events(id);
            }
            Action::Compare if v.in_articles() => v.compare_selected(),
            Action::Mark if v.in_articles() => v.toggle_mark(),
            _ => return,
        };
        match chosen {
            Chosen::Pair([left, right]) => self.compare_pair(left, right),
            Chosen::First => self.say("now choose the article for the right column (c or space)", Level::Info),
            Chosen::Nothing if self.events.as_ref().is_some_and(|v| !v.marked.is_empty()) => {
                self.say("already chosen for the left: choose another article for the right", Level::Info)
            }
            Chosen::Unmarked | Chosen::Nothing => {}
        }
    }

    /// Back to where the events view was opened from.
    fn leave_events(&mut self) {
        (self.screen, self.browse.focus) = self.events_return;
        if let Some(v) = &mut self.events {
            (v.current, v.waiting) = (None, None);
        }
        // The reader may have shown an article of the events meanwhile.
        if matches!(self.screen, Screen::Browse | Screen::Reader) {
            self.sync_article();
        }
    }

    /// Read an article of the events view on its own; `Esc` comes back.
    fn read_from_events(&mut self, id: ArticleId) {
        self.reading = Some(id.clone());
        self.screen = Screen::Reader;
        self.want_article(id.clone());
        // Opened is read, as from the list: now if a copy of it is held (in
        // the list, or it was shown last), else once the worker sends it.
        if self.hit_of(&id).is_some() {
            self.opened();
        } else {
            self.read_on_open = Some(id);
        }
    }

    /// The article the reader shows: one read from the events view, else
    /// the list's selection.
    pub fn reader_id(&self) -> Option<&ArticleId> {
        match (&self.reading, self.screen) {
            (Some(id), Screen::Reader) => Some(id),
            _ => self.selected_id(),
        }
    }

    /// Leave a reader opened from the events view: back to the events.
    pub(super) fn reader_back_to_events(&mut self) -> bool {
        if self.reading.take().is_none() {
            return false;
        }
        self.screen = Screen::Events;
        true
    }
}
