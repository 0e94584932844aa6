//! Finding events for a reader: the events whose titles and outlets hold
//! some words, and the event of one article, with its nearest counterparts
//! when it is in none. Both front ends ask these (`byline events QUERY`,
//! `byline events --of ID`, `e` and `/` in the app), so the steps (look the
//! article up, take the events, find it, else rank its counterparts) are
//! written once, here, over any [`Service`].

use super::{Error, Service};
use crate::article::Listing;
use crate::events::{Event, Related, find};
use serde::Serialize;

/// How many nearest counterparts to give an article in no event, unless asked otherwise.
pub const NEAREST: usize = 5;

/// One article and the event it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventOf {
    pub article: Listing,
    /// Its event; `None` when no other article reports it closely enough.
    pub event: Option<Event>,
    /// Where the article stands in the event's list of articles.
    #[serde(skip)]
    pub position: Option<usize>,
    /// When it is in no event: the articles nearest to it, best first (as
    /// `related` ranks them). Empty when it is in one.
    pub nearest: Vec<Related>,
}

/// The events that match `query` (see [`find`] for the rule), largest first, at most `limit`.
pub fn events_matching<S: Service + ?Sized>(
    service: &S,
    query: &str,
    limit: Option<usize>,
) -> Result<Vec<Event>, Error> {
    Ok(find::matching(service.events()?, query, limit))
}

/// The event of the article `id` (an id prefix, or a file name prefix); when
/// it is in none, its `nearest` nearest counterparts.
pub fn event_of<S: Service + ?Sized>(service: &S, id: &str, nearest: usize) -> Result<EventOf, Error> {
    let article = service.article(id)?;
    let events = service.events()?;
    let listing = Listing::of(&article);
    Ok(match find::containing(&events, &article.id) {
        Some((event, at)) => {
            EventOf { article: listing, event: Some(event.clone()), position: Some(at), nearest: vec![] }
        }
        None => {
            let nearest = service.related(article.id.as_str(), nearest)?;
            EventOf { article: listing, event: None, position: None, nearest }
        }
    })
}
