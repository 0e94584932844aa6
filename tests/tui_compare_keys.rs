//! Keys to actions to state in the side-by-side and events views, on the
//! demo library: `]` / `[` land on the rows that are not `same`, in order,
//! and wrap at the ends; `d` folds what both say and keeps the place; the
//! picker proposes the related counterparts first; choosing two articles
//! of an event opens that pair; `Esc` goes back the way it came.

use crate::common::{T002, T004, demo, select};
use byline::compare::RowKind;
use byline::tui::app::Screen;
use byline::tui::testing::Harness;
use byline::tui::views::browse::Focus;

/// 002 beside 004, from the picker.
fn open_002_004(t: &mut Harness) {
    select(t, T002);
    t.press("c enter");
    assert_eq!(t.app.screen, Screen::Compare);
    assert_eq!(t.app.compare.as_ref().unwrap().data.as_ref().unwrap().right.title, T004);
}

fn current(t: &Harness) -> usize {
    t.app.compare.as_ref().unwrap().current.expect("a difference was jumped to")
}

#[test]
fn opening_the_picker_from_002_lists_004_first_then_the_rest() {
    let (_home, mut t) = demo(100, 30);
    select(&mut t, T002);
    t.press("c");
    let hits = t.app.picker.as_ref().unwrap().hits.clone().unwrap();
    assert_eq!(hits[0].listing.title, T004);
    let first = hits[0].related.expect("004 is a related counterpart");
    assert!(first.same_event, "and reports the same event");
    // Related first (best first), then the rest; each article once, 002 not at all.
    let related: Vec<f64> = hits.iter().map_while(|h| h.related.map(|r| r.score)).collect();
    assert!(related.windows(2).all(|w| w[0] >= w[1]), "{related:?}");
    assert!(hits[related.len()..].iter().all(|h| h.related.is_none()));
    let mut ids: Vec<&str> = hits.iter().map(|h| h.listing.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), hits.len());
    assert_eq!(hits.len(), 4);
    assert!(hits.iter().all(|h| h.listing.title != T002));
    t.press("enter");
    assert_eq!(t.app.compare.as_ref().unwrap().ids[1], hits[0].listing.id);
}

#[test]
fn brackets_land_on_every_difference_in_order_and_wrap() {
    let (_home, mut t) = demo(100, 30);
    open_002_004(&mut t);
    let rows = t.app.compare.as_ref().unwrap().data.as_ref().unwrap().rows.clone();
    let diffs: Vec<usize> = (0..rows.len()).filter(|&r| rows[r].kind != RowKind::Same).collect();
    assert!(diffs.len() > 5 && diffs.len() < rows.len(), "002 and 004 share a sentence and differ elsewhere");
    let mut seen = Vec::new();
    for _ in 0..diffs.len() {
        t.press("]");
        let c = t.app.compare.as_ref().unwrap();
        let row = current(&t);
        // On screen, with both columns on the same line.
        let line = c.row_line(row).unwrap();
        let [left, right] = c.tops();
        assert_eq!(left, right, "the columns stay locked");
        assert!(line >= left && line < left + 20, "row {row} at line {line} is on screen (top {left})");
        seen.push(row);
    }
    assert_eq!(seen, diffs, "every difference, in order, no same row");
    let (msg, _) = t.app.message.clone().unwrap();
    assert_eq!(msg, format!("difference {}/{}: only in the left", diffs.len(), diffs.len()));
    t.press("]");
    assert_eq!(current(&t), diffs[0], "past the last it wraps to the first");
    assert!(t.app.message.as_ref().unwrap().0.ends_with("(wrapped to the first)"));
    t.press("[");
    assert_eq!(current(&t), *diffs.last().unwrap(), "before the first it wraps to the last");
    t.press("[ [");
    assert_eq!(current(&t), diffs[diffs.len() - 3]);
    // `n` and `N` do the same.
    t.press("n");
    assert_eq!(current(&t), diffs[diffs.len() - 2]);
    t.press("N");
    assert_eq!(current(&t), diffs[diffs.len() - 3]);
}

#[test]
fn after_scrolling_the_next_difference_is_the_first_from_the_top() {
    let (_home, mut t) = demo(100, 30);
    open_002_004(&mut t);
    t.press("G");
    let top = t.app.compare.as_ref().unwrap().tops()[0];
    t.press("]");
    let c = t.app.compare.as_ref().unwrap();
    assert!(c.row_line(current(&t)).unwrap() >= top, "not back at the start");
    t.press("g [");
    let (msg, _) = t.app.message.clone().unwrap();
    assert!(msg.contains("wrapped to the last"), "{msg}");
}

#[test]
fn d_folds_the_same_rows_and_keeps_the_difference_in_view() {
    let (_home, mut t) = demo(100, 30);
    open_002_004(&mut t);
    let total = t.app.compare.as_ref().unwrap().total_lines().unwrap();
    // Jump to the edited Pushilin sentence, just after the shared one.
    let row = loop {
        t.press("]");
        let row = current(&t);
        let rows = &t.app.compare.as_ref().unwrap().data.as_ref().unwrap().rows;
        if rows[row].left.as_ref().is_some_and(|m| m.text.contains("the rebel head of the DNR")) {
            break row;
        }
    };
    let c = t.app.compare.as_ref().unwrap();
    let y = c.row_line(row).unwrap() - c.tops()[0];
    t.press("d");
    let c = t.app.compare.as_ref().unwrap();
    assert!(c.diffs_only);
    assert!(c.total_lines().unwrap() < total, "the shared sentence is folded");
    assert_eq!(c.row_line(row).unwrap() - c.tops()[0], y, "the difference stays where it was on screen");
    assert!(t.screen().contains("… 1 shared sentence …"), "{}", t.screen());
    assert!(!t.screen().contains("separatist Leonid Pasechnik said"));
    t.press("d");
    let c = t.app.compare.as_ref().unwrap();
    assert!(!c.diffs_only);
    assert_eq!(c.total_lines().unwrap(), total);
    assert_eq!(c.row_line(row).unwrap() - c.tops()[0], y);
    assert!(t.screen().contains("separatist Leonid Pasechnik said"));
    // Swapping the sides keeps the mode.
    t.press("d s");
    assert!(t.app.compare.as_ref().unwrap().diffs_only);
}

#[test]
fn choosing_two_articles_of_an_event_opens_that_pair_and_esc_comes_back() {
    let (_home, mut t) = demo(100, 30);
    // `e` opens the selected article's event; `esc` goes up to the list of events.
    t.press("esc e esc g");
    assert_eq!(t.app.screen, Screen::Events);
    let events = t.app.events.as_ref().unwrap().events.clone().expect("the events arrived");
    assert_eq!(events.len(), 2, "the demo has two events");
    let pair = events.iter().position(|e| e.articles.iter().any(|a| a.title == T002)).unwrap();
    let members: Vec<String> = events[pair].articles.iter().map(|a| a.title.clone()).collect();
    let mut sorted = members.clone();
    sorted.sort();
    assert_eq!(sorted, [T002, T004]);
    // Space marks, a second Space opens: the first marked on the left.
    t.press(&format!("{} enter j space", "j ".repeat(pair)));
    assert!(t.app.message.as_ref().unwrap().0.contains("now choose"));
    t.press("k space");
    assert_eq!(t.app.screen, Screen::Compare);
    let ids = t.app.compare.as_ref().unwrap().ids.clone();
    assert_eq!(ids, [events[pair].articles[1].id.clone(), events[pair].articles[0].id.clone()]);
    // Esc: back to the event's articles, nothing marked; again: the events; again: browse.
    t.press("esc");
    assert_eq!(t.app.screen, Screen::Events);
    let v = t.app.events.as_ref().unwrap();
    assert_eq!((v.open, v.marked.len()), (Some(pair), 0));
    // A mark, then `c` on another, opens too; `c` on the marked one does not.
    t.press("g space c");
    assert_eq!(t.app.screen, Screen::Events);
    assert!(t.app.message.as_ref().unwrap().0.contains("already chosen"));
    t.press("j c");
    assert_eq!(t.app.screen, Screen::Compare);
    assert_eq!(t.app.compare.as_ref().unwrap().ids[0], events[pair].articles[0].id);
    t.press("esc esc");
    assert_eq!((t.app.screen, t.app.events.as_ref().unwrap().open), (Screen::Events, None));
    t.press("esc");
    assert_eq!((t.app.screen, t.app.browse.focus), (Screen::Browse, Focus::List));
}

#[test]
fn the_events_key_works_from_the_reader_and_the_help_lists_the_new_keys() {
    let (_home, mut t) = demo(100, 30);
    t.press("esc enter e");
    assert_eq!(t.app.screen, Screen::Events);
    t.press("?");
    let help = t.screen();
    assert!(help.contains("Events") && help.contains("mark to compare"), "{help}");
    // Esc closes the help, then goes up to the list of events, then back.
    t.press("esc esc esc");
    assert_eq!(t.app.screen, Screen::Reader);
    open_002_004(&mut t);
    t.press("?");
    let help = t.screen();
    for key in ["]", "[", "differences only, or everything", "all of what only one side has"] {
        assert!(help.contains(key), "{key}:\n{help}");
    }
}
