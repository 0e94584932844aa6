//! What the keys do to the selected article's reading state and link:
//! mark it read or unread, star it, edit its tags on a prompt line, open
//! its link in the browser, copy its link or its id with OSC 52.
//!
//! The list shows a change at once; the worker writes it to the reading
//! state (`state::Store`), and a failure is said on the status line and the
//! list searched again so that it shows what is really kept. An article the
//! list does not hold (one read from the events view) is changed through
//! the hit the worker sent with it on opening (`App::shown_hit`), and every
//! copy held of an article changes alike.

use super::action::{Key, KeyCode};
use super::app::{App, Level};
use super::protocol::Ask;
use crate::article::ArticleId;
use crate::index::SearchHit;
use crate::state::{Change, normalise_tag};

/// The tag prompt: the article's tags as words, edited on the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagPrompt {
    pub id: ArticleId,
    /// The tags when the prompt opened.
    pub before: Vec<String>,
    pub text: String,
}

impl App {
    /// The hit of the article in use, with its reading state: the list's
    /// selection, or the article read from the events view, from the list
    /// when it holds it, else the hit the worker sent on opening it.
    fn selected_hit(&self) -> Option<&SearchHit> {
        self.hit_of(self.reader_id()?)
    }

    pub(super) fn hit_of(&self, id: &ArticleId) -> Option<&SearchHit> {
        let hits = self.browse.hits();
        let listed = hits.get(self.browse.selected).filter(|h| h.listing.id == *id);
        listed.or_else(|| hits.iter().find(|h| h.listing.id == *id)).or_else(|| self.shown_hit_of(id))
    }

    /// The worker's hit of the article shown, when it is the article `id`.
    pub(super) fn shown_hit_of(&self, id: &ArticleId) -> Option<&SearchHit> {
        self.shown_hit.as_ref().filter(|h| h.listing.id == *id)
    }

    /// Change every copy held of the article `id`'s reading state alike:
    /// its row in the list and the hit of the article shown.
    fn change_hits(&mut self, id: &ArticleId, change: impl Fn(&mut SearchHit)) {
        let listed = self.browse.results.as_mut().map_or(&mut [][..], |r| &mut r.hits[..]);
        for hit in listed.iter_mut().chain(self.shown_hit.as_mut()).filter(|h| h.listing.id == *id) {
            change(hit);
        }
    }

    fn send_change(&mut self, id: ArticleId, change: Change) {
        self.ask(Ask::Mark { ids: vec![id], change });
    }

    /// The article in use was opened: it is read now.
    pub(super) fn opened(&mut self) {
        if let Some(id) = self.reader_id().cloned() {
            self.read_now(&id);
        }
    }

    /// The article `id` was opened: it is read now, if unread (when no copy
    /// of it is held yet, see `read_on_open`).
    pub(super) fn read_now(&mut self, id: &ArticleId) {
        if self.hit_of(id).is_none_or(|h| h.read) {
            return;
        }
        self.change_hits(id, |h| h.read = true);
        self.send_change(id.clone(), Change::Read(true));
    }

    /// Flip the selected article's read mark (or, with `star`, its star).
    pub(super) fn toggle(&mut self, star: bool) {
        let Some(hit) = self.selected_hit() else { return self.say("no article selected", Level::Info) };
        let (id, on) = (hit.listing.id.clone(), !if star { hit.starred } else { hit.read });
        self.change_hits(&id, |h| if star { h.starred = on } else { h.read = on });
        let (change, said) = match (star, on) {
            (true, on) => (Change::Star(on), if on { "starred" } else { "star taken off" }),
            (false, on) => (Change::Read(on), if on { "marked read" } else { "marked unread" }),
        };
        self.send_change(id, change);
        self.say(said, Level::Info);
    }

    pub(super) fn start_tags(&mut self) {
        let Some(hit) = self.selected_hit() else { return self.say("no article selected", Level::Info) };
        let text = if hit.tags.is_empty() { String::new() } else { format!("{} ", hit.tags.join(" ")) };
        self.prompt = Some(TagPrompt { id: hit.listing.id.clone(), before: hit.tags.clone(), text });
    }

    /// A key while the tag prompt is open: edit, `Enter` keeps, `Esc` cancels.
    pub(super) fn prompt_key(&mut self, key: Key) {
        let Some(p) = &mut self.prompt else { return };
        let delete_word = matches!(key.code, KeyCode::Backspace if key.ctrl || key.alt)
            || (key.ctrl && key.code == KeyCode::Char('w'));
        match key.code {
            KeyCode::Esc => self.prompt = None,
            KeyCode::Enter => self.save_tags(),
            _ if delete_word => {
                let kept = p.text.trim_end().rfind(' ').map_or(0, |i| i + 1);
                p.text.truncate(kept);
            }
            KeyCode::Char('u') if key.ctrl => p.text.clear(),
            KeyCode::Backspace => {
                p.text.pop();
            }
            KeyCode::Char(c) if !key.ctrl && !key.alt && !c.is_control() => p.text.push(c),
            _ => {}
        }
    }

    /// Text pasted while the prompt is open.
    pub(super) fn prompt_paste(&mut self, text: &str) {
        if let Some(p) = &mut self.prompt {
            p.text.push_str(&crate::sanitize::clean_line(text));
        }
    }

    fn save_tags(&mut self) {
        let Some(p) = self.prompt.take() else { return };
        let mut tags = Vec::new();
        for word in p.text.split_whitespace() {
            match normalise_tag(word.trim_start_matches(['#', '+'])) {
                Ok(t) if !tags.contains(&t) => tags.push(t),
                Ok(_) => {}
                Err(e) => {
                    let message = format!("{word:?}: {e}");
                    self.prompt = Some(p);
                    return self.say(message, Level::Error);
                }
            }
        }
        tags.sort();
        let add: Vec<String> = tags.iter().filter(|t| !p.before.contains(t)).cloned().collect();
        let remove: Vec<String> = p.before.iter().filter(|t| !tags.contains(t)).cloned().collect();
        if add.is_empty() && remove.is_empty() {
            return self.say("tags unchanged", Level::Info);
        }
        self.change_hits(&p.id, |h| h.tags = tags.clone());
        self.send_change(p.id, Change::Tags { add, remove });
        let said = if tags.is_empty() { "tags removed".to_string() } else { format!("tags: {}", tags.join(", ")) };
        self.say(said, Level::Info);
    }

    /// The selected article's link, checked; `None` after saying why not.
    fn link(&mut self) -> Option<url::Url> {
        let Some(id) = self.reader_id().cloned() else {
            self.say("no article selected", Level::Info);
            return None;
        };
        let Some(view) = self.article.as_ref().filter(|a| a.doc.id == id) else {
            self.say("the article is still loading", Level::Info);
            return None;
        };
        match crate::links::validate(view.doc.link.as_deref()) {
            Ok(url) => Some(url),
            Err(e) => {
                self.say(e.to_string(), Level::Error);
                None
            }
        }
    }

    pub(super) fn open_link(&mut self) {
        let Some(url) = self.link() else { return };
        match self.opener.open(&url) {
            Ok(argv) => self.say(format!("opened {} with {}", url.as_str(), argv[0]), Level::Info),
            Err(e) => self.say(e.to_string(), Level::Error),
        }
    }

    pub(super) fn copy_link(&mut self) {
        let Some(url) = self.link() else { return };
        let count = self.clipboard.as_ref().map_or(0, |c| c.0) + 1;
        self.clipboard = Some((count, crate::links::osc52(&url)));
        self.say(format!("copied {} (OSC 52: if your terminal allows it)", url.as_str()), Level::Info);
    }

    /// `Y`: the id of the article in use, to paste after `byline show`.
    pub(super) fn copy_id(&mut self) {
        let Some(id) = self.reader_id().cloned() else { return self.say("no article selected", Level::Info) };
        let count = self.clipboard.as_ref().map_or(0, |c| c.0) + 1;
        self.clipboard = Some((count, crate::links::osc52_text(id.as_str())));
        let short = id.short();
        self.say(format!("copied the id {short} (OSC 52: if your terminal allows it)"), Level::Info);
    }

    /// The worker could not write a change.
    pub(super) fn mark_failed(&mut self, e: crate::library::Error) {
        self.say(format!("cannot keep the reading state: {e}"), Level::Error);
        self.search();
        // The hit of the article shown is asked again, for its state as
        // kept, unless another article is on its way (its hit with it).
        if self.shown_hit.take().is_some()
            && self.requested.is_none()
            && let Some(view) = &self.article
        {
            let (id, query) = (view.doc.id.clone(), view.doc.query.clone());
            self.requested = Some((id.clone(), query.clone()));
            self.ask(Ask::Open { id, query });
        }
    }
}
