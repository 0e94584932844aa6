//! `F` in the app: a fetch on its own thread, its progress and outcome in the
//! status line, and the list re-read so the new articles show.

use crate::common;
use crate::common::http;

use byline::config::Paths;
use byline::feeds::{Feed, FeedList, Source};
use byline::tui::protocol::Ask;
use byline::tui::testing::{Harness, Memory};
use http::{Route, Server};
use std::sync::Arc;

#[test]
fn f_fetches_the_feeds_and_the_list_shows_the_new_article() {
    let server = Server::start();
    server.route(
        "/feed.xml",
        Route::xml(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Gazette</title>\
             <item><title>Quayside walkout ends</title><link>/gone</link><guid>q-1</guid>\
             <pubDate>Mon, 21 Feb 2022 10:00:00 GMT</pubDate>\
             <description>Stevedores ended the quayside walkout on Monday.</description></item></channel></rss>",
        ),
    );
    let home = tempfile::tempdir().unwrap();
    common::write(&home.path().join("config/config.toml"), "[feeds]\nhost_delay_ms = 0\n");
    let mut list = FeedList::default();
    list.add(Feed::new(&Source::parse(&server.url("/feed.xml")).unwrap(), None, None));
    list.save(&Paths::under(home.path()).data).unwrap();

    let mut h = Harness::demo(home.path(), 140, 30);
    assert!(h.row_with("Quayside walkout ends").is_none());
    h.press("tab F");
    let screen = h.screen();
    assert!(
        screen.contains("feeds: 1 fetched, 0 unchanged, 0 failed; 1 new article; its page could not be read"),
        "{screen}"
    );
    assert!(h.row_with("Quayside walkout ends").is_some(), "{screen}");
    assert!(!screen.contains("Pasechnik"), "the demo articles gave way to the fetched one");
}

#[test]
fn a_second_f_while_fetching_starts_nothing_and_no_feeds_is_said() {
    let mut h = Harness::new(Arc::new(Memory(vec![])), 100, 20);
    h.press("tab");
    let f = byline::tui::action::event_of(byline::config::Key::parse("F").unwrap());
    for _ in 0..2 {
        h.app.handle(byline::tui::AppEvent::Key(f));
    }
    let fetches = h.app.take_requests().into_iter().filter(|r| r.ask == Ask::Fetch).count();
    assert_eq!(fetches, 1);
    h.draw();
    assert!(h.screen().contains("a fetch is already running"), "{}", h.screen());
    // The request, answered by a library without feeds.
    let mut h = Harness::new(Arc::new(Memory(vec![])), 100, 20);
    h.press("tab F");
    assert!(h.screen().contains("cannot fetch: no feeds yet: add one with `byline feed add URL`"), "{}", h.screen());
}
