//! What the keys do where two articles are chosen and shown: the picker
//! (an article's related counterparts first) and the two columns
//! (scrolling, jumping from difference to difference, folding what both
//! say). These lead into one another (`c` in the columns opens the picker
//! again), so their keys live together, apart from the browsing keys of
//! `update` and the events view's keys (`events_keys`), which open the
//! columns through [`App::compare_pair`].

use super::action::Action;
use super::app::{App, Level, Screen};
use super::protocol::Ask;
use super::views::browse::Focus;
use super::views::compare::CompareView;
use super::views::picker::Picker;
use crate::article::ArticleId;

impl App {
    /// Propose the articles to put beside the one in use.
    pub(super) fn open_picker(&mut self) {
        let from_reader = match self.screen {
            Screen::Reader => true,
            Screen::Browse => self.browse.focus == Focus::Reader,
            Screen::Compare | Screen::Events => false,
        };
        let target = if self.screen == Screen::Compare {
            let Some(d) = self.compare.as_ref().and_then(|c| c.data.clone()) else { return };
            (d.left.id.clone(), d.left.title.clone(), d.left.outlet.clone(), None)
        } else if let Some(v) = self.shown_article().filter(|_| from_reader) {
            (v.doc.id.clone(), v.doc.title.clone(), v.doc.outlet.clone(), v.top_paragraph())
        } else if let Some(h) = self.browse.selected_hit() {
            (h.listing.id.clone(), h.listing.title.clone(), h.listing.outlet.clone(), None)
        } else {
            return self.say("no article selected", Level::Info);
        };
        let (id, title, outlet, para) = target;
        self.ask(Ask::Proposals { id: id.clone(), outlet: outlet.clone() });
        self.picker = Some(Picker::new(id, &title, outlet, para));
    }

    pub(super) fn picker_action(&mut self, action: Action) {
        let Some(p) = &mut self.picker else { return };
        match action {
            Action::Up => p.select(-1),
            Action::Down => p.select(1),
            Action::PageUp => p.page(-1),
            Action::PageDown => p.page(1),
            Action::Top => p.select(isize::MIN / 2),
            Action::Bottom => p.select(isize::MAX / 2),
            Action::Back => self.picker = None,
            Action::Open => {
                let Some(right) = p.chosen().map(|h| h.listing.id.clone()) else { return };
                let (left, para) = (p.left.clone(), p.start_para);
                self.picker = None;
                self.start_compare(CompareView::new(left, right, para));
            }
            _ => {}
        }
    }

    /// `w`: the comparison on screen as Markdown, into a file in the folder
    /// byline was started in (the worker writes it and says where).
    fn write_markdown(&mut self) {
        let Some(c) = self.compare.as_ref().filter(|c| c.data.is_some()) else {
            return self.say("the comparison is not ready yet", Level::Info);
        };
        let [left, right] = c.ids.clone();
        self.ask(Ask::WriteMarkdown { left, right, dir: self.export_dir.clone() });
    }

    /// Show two articles side by side; the alignment is asked of the worker.
    pub(super) fn start_compare(&mut self, view: CompareView) {
        if self.screen != Screen::Compare {
            self.compare_return = (self.screen, self.browse.focus);
        }
        let [left, right] = view.ids.clone();
        self.ask(Ask::Compare { left, right });
        self.compare = Some(view);
        self.screen = Screen::Compare;
    }

    pub(super) fn compare_action(&mut self, action: Action) {
        if action == Action::Back {
            (self.screen, self.browse.focus) = self.compare_return;
            self.compare = None;
            return;
        }
        if action == Action::Compare {
            return self.open_picker();
        }
        if action == Action::WriteMarkdown {
            return self.write_markdown();
        }
        if action == Action::Events {
            return self.open_events();
        }
        let Some(c) = &mut self.compare else { return };
        match action {
            Action::Up => c.scroll(-1),
            Action::Down => c.scroll(1),
            Action::PageUp => c.page(-1),
            Action::PageDown => c.page(1),
            Action::Top => c.to_edge(false),
            Action::Bottom => c.to_edge(true),
            Action::FocusNext | Action::FocusPrev => c.focus = 1 - c.focus,
            Action::NextDiff | Action::PrevDiff => {
                if let Some(msg) = c.jump(action == Action::NextDiff) {
                    self.say(msg, Level::Info);
                }
            }
            Action::DiffsOnly => {
                c.toggle_diffs_only();
                let msg = if c.diffs_only { "differences only: what both say is folded" } else { "everything shown" };
                self.say(msg, Level::Info);
            }
            Action::Details => c.details = !c.details,
            Action::ToggleLock => {
                c.toggle_lock();
                let msg = if c.locked { "columns scroll together" } else { "columns scroll apart" };
                self.say(msg, Level::Info);
            }
            Action::Swap => {
                let [l, r] = c.ids.clone();
                let mut view = CompareView::new(r, l, None);
                (view.locked, view.diffs_only, view.details) = (c.locked, c.diffs_only, c.details);
                self.start_compare(view);
            }
            _ => {}
        }
    }

    pub(super) fn compare_pair(&mut self, left: ArticleId, right: ArticleId) {
        self.start_compare(CompareView::new(left, right, None));
    }
}
