//! What each reply of the worker does to the app: a reply for a request
//! that a newer one of its kind has superseded is dropped (counted in
//! `stale_replies`, so tests can see it), an answer goes to the part that
//! asked, and a failure is said where the user is looking.

use super::app::{App, Level, LibraryState};
use super::protocol::{Answer, Kind, Reply};
use super::views::browse::Fetching;
use super::views::reader::ArticleView;
use crate::index::{SearchHit, SearchResults};
use crate::library::Error;

impl App {
    pub(super) fn reply(&mut self, reply: Reply) {
        match reply {
            Reply::Ready(Ok(info)) => {
                let rebuilt = info.rebuilt;
                self.library = LibraryState::Ready(info);
                self.library_ready(rebuilt);
            }
            Reply::Ready(Err(e)) => {
                self.library = LibraryState::Failed(e.to_string());
                self.browse.searching = false;
            }
            Reply::Progress { kind: Kind::Refresh, generation, status } => self.refresh_progress(generation, status),
            Reply::Progress { kind, generation, status } if generation == self.gens.latest(kind) => {
                self.say(status, Level::Info)
            }
            Reply::Progress { .. } => self.stale_replies += 1,
            Reply::Answer { kind, generation, .. }
                if kind.superseded_by_newer() && generation != self.gens.latest(kind) =>
            {
                self.stale_replies += 1
            }
            Reply::Answer { answer: Ok(answer), .. } => self.answered(answer),
            Reply::Answer { kind, answer: Err(e), .. } => self.failed(kind, e),
        }
    }

    /// The answer to the latest request of its kind.
    fn answered(&mut self, answer: Answer) {
        match answer {
            Answer::Searched(r) => {
                self.browse.searching = false;
                self.shown_hit_as_listed(&r);
                match std::mem::take(&mut self.browse.fetching) {
                    Fetching::After => self.browse.append_results(r),
                    Fetching::Before => self.browse.prepend_results(r),
                    Fetching::End => {
                        self.browse.end_results(r);
                        self.sync_article();
                    }
                    Fetching::Fresh => {
                        self.browse.set_results(r);
                        self.sync_article();
                    }
                }
            }
            Answer::Opened(doc, hit) => {
                self.requested = None;
                let id = doc.id.clone();
                self.keep_shown_hit(*hit);
                match &mut self.article {
                    Some(view) if view.doc.id == id => view.replace_doc(doc),
                    _ => self.article = Some(ArticleView::new(doc, true)),
                }
                if self.read_on_open.take_if(|r| *r == id).is_some() {
                    self.read_now(&id);
                }
            }
            Answer::Proposals(hits) => {
                if let Some(p) = &mut self.picker {
                    p.hits = Some(hits);
                }
            }
            Answer::Compared(data) => {
                if let Some(c) = &mut self.compare {
                    c.set_data(data);
                }
            }
            Answer::Refreshed(indexed) => self.refreshed(Ok(indexed)),
            Answer::Events(events, words) => {
                if let Some(v) = &mut self.events {
                    v.set_list(events, words);
                }
            }
            Answer::EventOf(of) => {
                if let Some(v) = &mut self.events {
                    v.set_event_of(*of);
                }
            }
            Answer::Fetched(outcome) => self.fetched(outcome),
            Answer::Marked => {}
            Answer::Written(path) => {
                let path = crate::sanitize::clean_line(&path.to_string_lossy());
                self.say(format!("wrote the comparison as Markdown to {path}"), Level::Info)
            }
        }
    }

    /// The hit of the article just opened. What the app holds is ahead of
    /// the worker's answer (a change may have been asked after the article
    /// was): the list's copy when it holds the article, else the one kept
    /// when the same article was opened before.
    fn keep_shown_hit(&mut self, mut hit: SearchHit) {
        let id = hit.listing.id.clone();
        let held = self.browse.hits().iter().find(|h| h.listing.id == id).or_else(|| self.shown_hit_of(&id));
        if let Some(h) = held {
            same_marks(&mut hit, h);
        }
        self.shown_hit = Some(hit);
    }

    /// A search says the reading state as kept: the hit of the article
    /// shown follows it when the search found that article.
    fn shown_hit_as_listed(&mut self, r: &SearchResults) {
        let Some(shown) = &mut self.shown_hit else { return };
        if let Some(h) = r.hits.iter().find(|h| h.listing.id == shown.listing.id) {
            same_marks(shown, h);
        }
    }

    /// Why the latest request of `kind` has no answer.
    fn failed(&mut self, kind: Kind, e: Error) {
        let said = e.to_string();
        match kind {
            Kind::Search => {
                self.browse.searching = false;
                self.browse.error = Some(said);
            }
            Kind::Open => {
                (self.requested, self.read_on_open) = (None, None);
                self.say(format!("cannot open the article: {said}"), Level::Error);
            }
            Kind::Proposals => {
                if let Some(p) = &mut self.picker {
                    p.error = Some(said);
                }
            }
            Kind::Compare => {
                if let Some(c) = &mut self.compare {
                    c.error = Some(said);
                }
            }
            Kind::Refresh => self.refreshed(Err(e)),
            Kind::Events => {
                if let Some(v) = &mut self.events {
                    v.error = Some(said);
                }
            }
            Kind::EventOf => {
                if let Some(v) = &mut self.events {
                    v.event_of_failed();
                }
                self.say(format!("cannot find the article's event: {said}"), Level::Error);
            }
            Kind::Fetch => self.fetch_failed(e),
            Kind::Mark => self.mark_failed(e),
            Kind::WriteMarkdown => self.say(format!("cannot write the comparison: {said}"), Level::Error),
        }
    }
}

/// `to` takes the reading state of `from` (a copy of the same article).
fn same_marks(to: &mut SearchHit, from: &SearchHit) {
    (to.read, to.starred, to.tags) = (from.read, from.starred, from.tags.clone());
}
