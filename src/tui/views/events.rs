//! The events view: the events of the library as the domain groups them
//! (`events::refresh`, run on the worker), each with its label, how many
//! articles, which outlets and when; `/` filters them by words of their
//! headlines and outlets (`events::find`, the rule of `byline events
//! QUERY`); `Enter` lists an event's articles. In an event's articles,
//! `Enter` reads one, `c` puts it beside the marked one (or, in its event,
//! beside the article the view was opened from), and `Space` marks (two
//! marks put the pair side by side, the first chosen on the left).
//!
//! `e` on an article opens the view on that article's event, the article
//! marked as the one you came from there (and only there: in another event
//! `c` does not reach for it); an article in no event gets its nearest
//! counterparts listed instead, with the same keys. Drawing is in
//! `events_draw`.

use crate::article::{ArticleId, Listing};
use crate::events::Event;
use crate::events::find::{EventQuery, Haystack};
use crate::library::EventOf;
use ratatui::layout::Rect;

pub use super::entries::EntryList;

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

/// The `/` filter over the events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub text: String,
    /// Keys type into it.
    pub typing: bool,
}

#[derive(Clone, Debug, Default)]
pub struct EventsView {
    pub events: Option<Vec<Event>>,
    /// Each event's words, for the filter (made on the worker).
    haystacks: Vec<Haystack>,
    pub error: Option<String>,
    pub filter: Filter,
    /// The positions of the events the filter lets through, in order.
    pub shown: Vec<usize>,
    /// The list of events (its selection is a place in `shown`).
    pub list: EntryList,
    /// The event whose articles are listed, and their list.
    pub open: Option<usize>,
    pub articles: EntryList,
    /// The articles chosen in the open event, in the order chosen.
    pub marked: Vec<usize>,
    /// The article the view was opened from (`e`), marked in its event.
    pub current: Option<ArticleId>,
    /// The article whose event is asked of the worker and not yet shown.
    pub waiting: Option<ArticleId>,
    /// The article the view was opened from, when it is in no event: it
    /// and its nearest counterparts, listed in `articles`.
    pub alone: Option<EventOf>,
    /// Where the list was drawn, for the mouse.
    pub area: Rect,
}

impl EventsView {
    /// Take the events (each with its words), keeping the selected and the
    /// open event by id.
    pub fn set_list(&mut self, events: Vec<Event>, haystacks: Vec<Haystack>) {
        let id = |i: Option<usize>| i.and_then(|i| self.events.as_ref()?.get(i)).map(|e| e.id.clone());
        let (selected, open) = (id(self.selected_event()), id(self.open));
        let find = |id: Option<String>| id.and_then(|id| events.iter().position(|e| e.id == id));
        let reopened = find(open);
        if reopened.is_none() || reopened.map(|i| events[i].articles.len()) != self.event().map(|e| e.articles.len()) {
            self.marked.clear();
        }
        let selected = find(selected);
        self.open = reopened;
        self.events = Some(events);
        self.haystacks = haystacks;
        self.error = None;
        self.refilter();
        self.list.selected = selected.and_then(|i| self.shown.iter().position(|&s| s == i)).unwrap_or(0);
        if let Some(id) = self.waiting.clone()
            && self.open_event_of(&id)
        {
            self.waiting = None;
        }
    }

    /// [`EventsView::set_list`], the words gathered here.
    pub fn set_events(&mut self, events: Vec<Event>) {
        let haystacks = events.iter().map(Haystack::of).collect();
        self.set_list(events, haystacks);
    }

    /// Start from the article `id`, whose event is being asked for.
    pub fn start_from(&mut self, id: ArticleId) {
        self.filter = Filter::default();
        self.refilter();
        (self.open, self.alone) = (None, None);
        self.marked.clear();
        self.articles = EntryList::default();
        self.waiting = Some(id.clone());
        self.current = Some(id);
    }

    /// The worker's answer to which event the article is in.
    pub fn set_event_of(&mut self, of: EventOf) {
        if self.current.as_ref() != Some(&of.article.id) {
            return;
        }
        if of.event.is_none() {
            self.waiting = None;
            self.alone = Some(of);
        } else if self.open_event_of(&of.article.id) {
            self.waiting = None;
        }
        // Else the events at hand are older than the answer: the next list opens it.
    }

    /// The article's event could not be found: the list of events stays.
    pub fn event_of_failed(&mut self) {
        self.waiting = None;
    }

    /// Open the event that holds `id`, with `id` selected; false when the
    /// events at hand hold no such event.
    fn open_event_of(&mut self, id: &ArticleId) -> bool {
        let Some(events) = &self.events else { return false };
        let Some((e, at)) = events.iter().enumerate().find_map(|(i, e)| {
            let at = e.articles.iter().position(|a| &a.id == id)?;
            Some((i, at))
        }) else {
            return false;
        };
        self.open = Some(e);
        self.articles = EntryList::default();
        self.articles.selected = at;
        self.marked.clear();
        self.list.selected = self.shown.iter().position(|&s| s == e).unwrap_or(0);
        true
    }

    /// The open event.
    pub fn event(&self) -> Option<&Event> {
        self.events.as_ref()?.get(self.open?)
    }

    /// The event selected in the list of events.
    pub fn selected_event(&self) -> Option<usize> {
        self.shown.get(self.list.selected).copied()
    }

    /// The articles listed now: an event's, or an article's nearest counterparts.
    fn listed(&self) -> Option<Vec<&Listing>> {
        if let Some(e) = self.event() {
            return Some(e.articles.iter().collect());
        }
        self.alone.as_ref().map(|a| a.nearest.iter().map(|r| &r.listing).collect())
    }

    /// A list of articles is up (an event's, or an article's counterparts).
    pub fn in_articles(&self) -> bool {
        self.open.is_some() || self.alone.is_some()
    }

    fn len(&self) -> usize {
        match self.listed() {
            Some(l) => l.len(),
            None => self.shown.len(),
        }
    }

    fn list_mut(&mut self) -> &mut EntryList {
        if self.in_articles() { &mut self.articles } else { &mut self.list }
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
        let Some(i) = self.selected_event().filter(|_| !self.in_articles()) else { return false };
        self.open = Some(i);
        self.articles = EntryList::default();
        self.marked.clear();
        true
    }

    /// Back from a list of articles to the events; false when already there.
    pub fn close(&mut self) -> bool {
        self.marked.clear();
        self.waiting = None;
        let was = self.alone.take().is_some() | self.open.take().is_some();
        if was {
            self.articles = EntryList::default();
        }
        was
    }

    /// The article selected in the list of articles.
    pub fn selected_article(&self) -> Option<ArticleId> {
        self.listed()?.get(self.articles.selected).map(|a| a.id.clone())
    }

    fn pair(&mut self) -> Chosen {
        let Some(l) = self.listed() else { return Chosen::Nothing };
        let ids = [l[self.marked[0]].id.clone(), l[self.marked[1]].id.clone()];
        self.marked.clear();
        Chosen::Pair(ids)
    }

    /// Mark the selected article, or take its mark back; a second mark
    /// makes the pair.
    pub fn toggle_mark(&mut self) -> Chosen {
        let i = self.articles.selected;
        if i >= self.listed().map_or(0, |l| l.len()) {
            return Chosen::Nothing;
        }
        if let Some(at) = self.marked.iter().position(|&m| m == i) {
            self.marked.remove(at);
            return Chosen::Unmarked;
        }
        self.marked.push(i);
        if self.marked.len() == 2 { self.pair() } else { Chosen::First }
    }

    /// The article the view was opened from, when the list of articles up
    /// is its event or its nearest counterparts: elsewhere it is neither
    /// marked nor what `c` compares with.
    pub fn came_from_here(&self) -> Option<ArticleId> {
        let current = self.current.as_ref()?;
        let here = match (self.event(), &self.alone) {
            (Some(e), _) => e.articles.iter().any(|a| a.id == *current),
            (None, Some(a)) => a.article.id == *current,
            (None, None) => false,
        };
        here.then(|| current.clone())
    }

    /// `c` on an article: beside the one marked, or else beside the article
    /// the view was opened from, in its event; with neither, it is the
    /// first of two.
    pub fn compare_selected(&mut self) -> Chosen {
        let Some(selected) = self.selected_article() else { return Chosen::Nothing };
        match self.marked.as_slice() {
            [m] if *m == self.articles.selected => Chosen::Nothing,
            [_] => self.toggle_mark(),
            _ => match self.came_from_here().filter(|c| *c != selected) {
                Some(current) => {
                    self.marked.clear();
                    Chosen::Pair([current, selected])
                }
                None => self.toggle_mark(),
            },
        }
    }

    /// The filter's text changed: which events it lets through, the
    /// selection kept on the same event when it still shows.
    pub fn refilter(&mut self) {
        let was = self.selected_event();
        // The words were gathered with the list, on the worker (`set_list`):
        // a key press only scans them.
        self.shown = EventQuery::new(&self.filter.text).filter(&self.haystacks);
        self.list.selected = was.and_then(|w| self.shown.iter().position(|&s| s == w)).unwrap_or(0);
    }
}
