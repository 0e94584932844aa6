//! The events view started from what you read (issue 18), on the demo
//! library: `e` on an article opens its event with the article marked and
//! selected, or, for an article in no event, its nearest counterparts; in
//! a list of articles `Enter` reads one (and `Esc` comes back) and `c`
//! compares; in the list of events `/` filters by words of headlines and
//! outlets, `Esc` stops typing, clears, then goes back; the help says what
//! each key does there; the article you came from counts in its event
//! only; in an article read from the events view that the result list does
//! not hold, `m`, `*` and `t` change its reading state as kept. A snapshot
//! of the event opened from an article.

use crate::common::{T002, T004, demo, select};
use byline::config::Paths;
use byline::state::{Change, Store};
use byline::tui::app::Screen;
use byline::tui::views::browse::Focus;

/// 003: the demo's article in no event.
const T003_WORD: &str = "Rudenko";

/// A word of 004 only: the result list holds 004 and not 002.
const T004_WORD: &str = "acronyms";

fn said(t: &byline::tui::testing::Harness) -> &str {
    t.app.message.as_ref().map_or("", |m| m.0.as_str())
}

#[test]
fn e_on_an_article_opens_its_event_with_it_marked_and_enter_reads_and_esc_comes_back() {
    let (_home, mut t) = demo(80, 24);
    select(&mut t, T004);
    let from = t.app.browse.selected_hit().unwrap().listing.id.clone();
    t.press("e");
    assert_eq!(t.app.screen, Screen::Events);
    let v = t.app.events.as_ref().unwrap();
    let event = v.event().expect("the article's event is open");
    let titles: Vec<&str> = event.articles.iter().map(|a| a.title.as_str()).collect();
    assert!(titles.contains(&T002) && titles.contains(&T004), "{titles:?}");
    assert_eq!(v.selected_article(), Some(from.clone()), "the article you came from is selected");
    let screen = t.screen();
    assert!(screen.contains("the article you came from"), "{screen}");
    insta::assert_snapshot!("event_of_004_80x24", screen);

    // Enter reads the other article; Esc comes back to the event.
    t.press("j");
    let other = t.app.events.as_ref().unwrap().selected_article().unwrap();
    assert_ne!(other, from);
    t.press("enter");
    assert_eq!(t.app.screen, Screen::Reader);
    assert_eq!(t.app.article.as_ref().unwrap().doc.id, other, "the reader shows the event's article, not the list's");
    assert!(t.screen().contains(T002), "{}", t.screen());
    t.press("j esc");
    assert_eq!(t.app.screen, Screen::Events);
    assert!(t.app.events.as_ref().unwrap().event().is_some(), "back on the event's articles");

    // c puts the selected beside the article you came from.
    t.press("c");
    assert_eq!(t.app.screen, Screen::Compare);
    assert_eq!(t.app.compare.as_ref().unwrap().ids, [from.clone(), other.clone()]);
    // e in the columns: the focused column's event, and Esc does not loop.
    t.press("e");
    assert_eq!(t.app.screen, Screen::Events);
    assert_eq!(t.app.events.as_ref().unwrap().selected_article(), Some(from));
    t.press("esc");
    assert_eq!(t.app.events.as_ref().unwrap().open, None, "esc: from the event to the events");
    t.press("esc");
    assert_eq!((t.app.screen, t.app.browse.focus), (Screen::Browse, Focus::List), "then back where e was pressed");
}

#[test]
fn an_article_in_no_event_lists_its_nearest_counterparts() {
    let (_home, mut t) = demo(100, 30);
    t.type_text(T003_WORD);
    t.press("enter");
    assert_eq!(t.app.screen, Screen::Reader);
    let from = t.app.article.as_ref().unwrap().doc.id.clone();
    t.press("e");
    let v = t.app.events.as_ref().unwrap();
    let alone = v.alone.as_ref().expect("in no event");
    assert_eq!(alone.article.id, from);
    assert!(!alone.nearest.is_empty(), "its nearest counterparts are listed");
    let first = alone.nearest[0].listing.clone();
    let screen = t.screen();
    assert!(screen.contains("In no event") && screen.contains("The nearest, best first"), "{screen}");
    assert!(screen.contains(&first.title[..20]), "{screen}");
    // c compares it with the selected counterpart; Enter reads one.
    t.press("c");
    assert_eq!(t.app.compare.as_ref().unwrap().ids, [from.clone(), first.id.clone()]);
    t.press("esc enter");
    assert_eq!((t.app.screen, t.app.article.as_ref().unwrap().doc.id.clone()), (Screen::Reader, first.id));
    t.press("esc esc");
    assert!(t.app.events.as_ref().unwrap().alone.is_none(), "esc: to the list of events");
    assert!(t.screen().contains("Events: the same story"), "{}", t.screen());
    t.press("esc");
    assert_eq!(t.app.screen, Screen::Reader, "back to the article e was pressed on");
    assert_eq!(t.app.article.as_ref().unwrap().doc.id, from);
}

#[test]
fn slash_filters_the_events_by_words_of_headlines_and_outlets() {
    let (_home, mut t) = demo(100, 30);
    t.press("esc e esc");
    let v = t.app.events.as_ref().unwrap();
    assert_eq!((v.open, v.shown.len()), (None, 2), "the list of events, both shown");
    t.press("/");
    t.type_text("bloo");
    let v = t.app.events.as_ref().unwrap();
    assert_eq!((v.filter.text.as_str(), v.shown.len()), ("bloo", 1), "an outlet's start");
    let screen = t.screen();
    assert!(screen.contains("/bloo") && screen.contains("1 of 2"), "{screen}");
    // Letters that are keys elsewhere type while the filter has the keys.
    t.type_text("mberg jq");
    assert_eq!(t.app.events.as_ref().unwrap().shown.len(), 0);
    assert!(t.screen().contains("No event has all of"), "{}", t.screen());
    t.press("ctrl-w");
    assert_eq!(t.app.events.as_ref().unwrap().filter.text, "bloomberg ");
    // Enter stops typing and lists the event's articles.
    t.press("enter");
    let v = t.app.events.as_ref().unwrap();
    assert!(v.event().unwrap().outlets.iter().any(|o| o == "Bloomberg"));
    assert!(!v.filter.typing);
    // Esc: to the filtered list; Esc: the filter cleared; Esc: back.
    t.press("esc");
    assert_eq!(t.app.events.as_ref().unwrap().shown.len(), 1);
    t.press("esc");
    let v = t.app.events.as_ref().unwrap();
    assert_eq!((v.filter.text.as_str(), v.shown.len(), t.app.screen), ("", 2, Screen::Events));
    t.press("/ t i m e s esc");
    let v = t.app.events.as_ref().unwrap();
    assert_eq!((v.filter.typing, v.filter.text.as_str(), v.shown.len()), (false, "times", 1), "esc stops typing");
    t.press("esc esc");
    assert_eq!(t.app.screen, Screen::Browse);
}

#[test]
fn the_help_says_what_each_key_does_in_the_events_view() {
    let (_home, mut t) = demo(100, 40);
    select(&mut t, T002);
    t.press("e ?");
    let help = t.screen();
    for said in ["read the article", "beside the marked article", "filter the events", "a second mark opens"] {
        assert!(help.contains(said), "{said:?} in\n{help}");
    }
    assert!(!help.contains("open the selected article"), "enter is not said to do what it does not:\n{help}");
    t.press("esc esc esc ?");
    assert_eq!(t.app.screen, Screen::Browse);
    assert!(t.screen().contains("this article's event"), "{}", t.screen());
}

#[test]
fn an_article_read_from_the_events_view_that_the_list_does_not_hold_takes_m_star_and_t() {
    let (home, mut t) = demo(100, 30);
    let store = Store::new(&Paths::under(home.path()));
    select(&mut t, T002);
    let other = t.app.selected_id().unwrap().clone();
    // 002 is starred and tagged already: the keys start from what is kept.
    store.update(std::slice::from_ref(&other), &Change::Star(true)).unwrap();
    store.update(std::slice::from_ref(&other), &Change::Tags { add: vec!["kept".into()], remove: vec![] }).unwrap();
    t.press("/");
    t.type_text(T004_WORD);
    t.press("esc");
    let listed: Vec<&str> = t.app.browse.hits().iter().map(|h| h.listing.title.as_str()).collect();
    assert_eq!(listed, [T004], "the list holds 004 only");
    t.press("e j");
    assert_eq!(t.app.events.as_ref().unwrap().selected_article(), Some(other.clone()));
    t.press("enter");
    assert_eq!((t.app.screen, t.app.article.as_ref().unwrap().doc.id.clone()), (Screen::Reader, other.clone()));
    assert!(store.load().unwrap().marks(&other).read, "opening it marked it read");

    t.press("m");
    assert_eq!(said(&t), "marked unread", "m takes it as read, as it is");
    assert!(!store.load().unwrap().marks(&other).read);
    t.press("*");
    assert_eq!(said(&t), "star taken off", "* takes it as starred, as it is kept");
    assert!(!store.load().unwrap().marks(&other).starred);
    t.press("t");
    assert_eq!(t.app.prompt.as_ref().map(|p| p.text.as_str()), Some("kept "), "its tags as kept");
    t.type_text("ukraine");
    t.press("enter");
    let tags: Vec<String> = store.load().unwrap().marks(&other).tags.into_iter().collect();
    assert_eq!(tags, ["kept", "ukraine"]);
    t.press("m");
    assert_eq!(said(&t), "marked read", "the article's state follows each change");
    assert!(store.load().unwrap().marks(&other).read);

    // Read again from the event, it keeps what was changed.
    t.press("esc enter *");
    assert_eq!(said(&t), "starred");
    assert!(store.load().unwrap().marks(&other).starred);
}

#[test]
fn an_article_read_from_the_events_view_that_the_list_holds_changes_in_the_list_too() {
    let (_home, mut t) = demo(100, 30);
    select(&mut t, T004);
    t.press("e j");
    let other = t.app.events.as_ref().unwrap().selected_article().unwrap();
    t.press("enter * esc esc esc");
    assert_eq!(t.app.screen, Screen::Browse);
    let hit = t.app.browse.hits().iter().find(|h| h.listing.id == other).unwrap();
    assert!(hit.read && hit.starred, "the list shows it read (opened) and starred: {hit:?}");
}

#[test]
fn the_article_you_came_from_counts_in_its_event_only() {
    let (_home, mut t) = demo(100, 30);
    select(&mut t, T004);
    let from = t.app.selected_id().unwrap().clone();
    t.press("e esc");
    // Open the other event.
    let v = t.app.events.as_ref().unwrap();
    let events = v.events.as_ref().unwrap();
    let other = v.shown.iter().position(|&i| events[i].articles.iter().all(|a| a.id != from)).unwrap();
    t.press("g");
    for _ in 0..other {
        t.press("j");
    }
    t.press("enter");
    let v = t.app.events.as_ref().unwrap();
    assert!(v.event().unwrap().articles.iter().all(|a| a.id != from), "in the other event");
    assert!(!t.screen().contains("the article you came from"), "{}", t.screen());
    // c does not reach for an article of another event: it is the first of two.
    t.press("c");
    assert_eq!(t.app.screen, Screen::Events, "no comparison with the article of another event");
    assert!(said(&t).starts_with("now choose the article for the right column"), "{}", said(&t));
    // Back in the event that holds it, it is marked again and c compares with it.
    t.press("esc");
    let v = t.app.events.as_ref().unwrap();
    let events = v.events.as_ref().unwrap();
    let its = v.shown.iter().position(|&i| events[i].articles.iter().any(|a| a.id == from)).unwrap();
    t.press("g");
    for _ in 0..its {
        t.press("j");
    }
    t.press("enter");
    assert!(t.screen().contains("the article you came from"), "{}", t.screen());
    let selected = t.app.events.as_ref().unwrap().selected_article().unwrap();
    let selected = if selected == from {
        t.press("j");
        t.app.events.as_ref().unwrap().selected_article().unwrap()
    } else {
        selected
    };
    t.press("c");
    assert_eq!(t.app.compare.as_ref().map(|c| c.ids.clone()), Some([from, selected]));
}

#[test]
fn a_change_that_cannot_be_kept_leaves_the_article_read_from_the_events_view_as_kept() {
    let (home, mut t) = demo(100, 30);
    let paths = Paths::under(home.path());
    let store = Store::new(&paths);
    select(&mut t, T002);
    let other = t.app.selected_id().unwrap().clone();
    store.update(std::slice::from_ref(&other), &Change::Star(true)).unwrap();
    t.press("/");
    t.type_text(T004_WORD);
    t.press("esc e j enter");
    assert_eq!(t.app.article.as_ref().unwrap().doc.id, other);
    // A folder where the lock file goes: no change can be written now.
    let lock = paths.data.join("reading-state.lock");
    std::fs::remove_file(&lock).unwrap();
    std::fs::create_dir(&lock).unwrap();
    t.press("*");
    assert!(said(&t).starts_with("cannot keep the reading state"), "{}", said(&t));
    assert!(store.load().unwrap().marks(&other).starred, "still starred on disk");
    let shown = t.app.article.as_ref().unwrap().doc.id.clone();
    assert_eq!(shown, other, "the list searched again does not put its selection in the reader");
    std::fs::remove_dir(&lock).unwrap();
    t.press("*");
    assert_eq!(said(&t), "star taken off", "the article's state is what is kept, not the change that failed");
    assert!(!store.load().unwrap().marks(&other).starred);
}
