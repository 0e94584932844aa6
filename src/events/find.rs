//! Finding events: the events whose titles and outlets hold some words (the
//! one rule behind `byline events QUERY` and `/` in the app's events view),
//! and the event one article belongs to.
//!
//! The rule: every word of the query starts a word of the event's label,
//! of one of its articles' headlines or of one of its outlets, letter case
//! aside (`ukr moscow` finds an event headlined "Ukraine …" that The Moscow
//! Times covered). A word matches at its start so that a filter typed a
//! letter at a time narrows as it grows. An event's words are gathered once
//! into a [`Haystack`]; matching is then a scan of that string per query
//! word, O(events) for a filter and never a question to the index, so the
//! app can filter on every key press.

use super::cluster::Event;
use crate::article::ArticleId;

/// The distinct words of an event's label, headlines and outlets, lower
/// case, each with a space before and after (`" moscow times ukraine "`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Haystack(String);

/// The words of `text`, lower case: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

impl Haystack {
    pub fn of(event: &Event) -> Haystack {
        let texts = std::iter::once(event.label.as_str())
            .chain(event.articles.iter().map(|a| a.title.as_str()))
            .chain(event.articles.iter().filter_map(|a| a.outlet.as_deref()))
            .chain(event.outlets.iter().map(String::as_str));
        let mut all: Vec<String> = texts.flat_map(words).collect();
        all.sort_unstable();
        all.dedup();
        let mut s = String::with_capacity(all.iter().map(|w| w.len() + 1).sum::<usize>() + 1);
        s.push(' ');
        for w in all {
            s.push_str(&w);
            s.push(' ');
        }
        Haystack(s)
    }
}

/// A query as the words it asks for; an empty query asks for nothing and
/// lets every event through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventQuery {
    /// Each word with a space before it, so it matches at a word's start.
    starts: Vec<String>,
}

impl EventQuery {
    pub fn new(query: &str) -> EventQuery {
        EventQuery { starts: words(query).map(|w| format!(" {w}")).collect() }
    }

    /// The query asks for no word.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    pub fn matches(&self, haystack: &Haystack) -> bool {
        self.starts.iter().all(|w| haystack.0.contains(w.as_str()))
    }

    /// The positions of the events that match, in their order.
    pub fn filter(&self, haystacks: &[Haystack]) -> Vec<usize> {
        (0..haystacks.len()).filter(|&i| self.matches(&haystacks[i])).collect()
    }
}

/// The events that match `query`, in their order, at most `limit`.
pub fn matching(events: Vec<Event>, query: &str, limit: Option<usize>) -> Vec<Event> {
    let q = EventQuery::new(query);
    let limit = limit.unwrap_or(usize::MAX);
    events.into_iter().filter(|e| q.is_empty() || q.matches(&Haystack::of(e))).take(limit).collect()
}

/// The event that holds the article `id`, and where in its list the article is.
pub fn containing<'a>(events: &'a [Event], id: &ArticleId) -> Option<(&'a Event, usize)> {
    events.iter().find_map(|e| e.articles.iter().position(|a| &a.id == id).map(|i| (e, i)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Listing;

    fn event(id: &str, label: &str, members: &[(&str, &str, Option<&str>)]) -> Event {
        let articles: Vec<Listing> = members
            .iter()
            .map(|(id, title, outlet)| Listing {
                id: ArticleId(id.to_string()),
                title: title.to_string(),
                outlet: outlet.map(String::from),
                date: None,
            })
            .collect();
        let mut outlets: Vec<String> = articles.iter().filter_map(|a| a.outlet.clone()).collect();
        outlets.sort();
        outlets.dedup();
        Event { id: id.into(), label: label.into(), articles, outlets, first_date: None, last_date: None }
    }

    fn two() -> Vec<Event> {
        vec![
            event(
                "a",
                "Rebels ask Putin to recognise regions",
                &[
                    ("a1", "Rebels ask Putin to recognise regions", Some("Reuters")),
                    ("a2", "Kremlin weighs plea", None),
                ],
            ),
            event(
                "b",
                "Quake hits coastal town",
                &[("b1", "Quake hits coastal town", Some("The Moscow Times")), ("b2", "Aftershocks", Some("AP"))],
            ),
        ]
    }

    #[test]
    fn every_word_must_start_a_word_of_a_headline_or_an_outlet() {
        let events = two();
        let hay: Vec<Haystack> = events.iter().map(Haystack::of).collect();
        let ids =
            |q: &str| EventQuery::new(q).filter(&hay).into_iter().map(|i| events[i].id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(""), ["a", "b"], "no words: every event");
        assert_eq!(ids("kreml"), ["a"], "a member's headline, not only the label, and a word's start");
        assert_eq!(ids("MOSCOW quake"), ["b"], "letter case aside, outlet and headline together");
        assert_eq!(ids("reuters quake"), Vec::<String>::new(), "all words, not any");
        assert_eq!(ids("emlin"), Vec::<String>::new(), "inside a word does not match");
        assert_eq!(ids("ap"), ["b"]);
    }

    #[test]
    fn matching_keeps_the_order_and_the_limit() {
        assert_eq!(matching(two(), "", Some(1)).len(), 1);
        assert_eq!(matching(two(), "town, rebels?", None).len(), 0);
        assert_eq!(matching(two(), "to", None).iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn the_event_of_an_article_and_its_place() {
        let events = two();
        let (e, i) = containing(&events, &ArticleId("b2".into())).unwrap();
        assert_eq!((e.id.as_str(), i), ("b", 1));
        assert!(containing(&events, &ArticleId("zz".into())).is_none());
    }
}
