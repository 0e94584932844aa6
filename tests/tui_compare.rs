//! The side-by-side view and the events view on ratatui's TestBackend,
//! with the real alignment of the demo articles, checked against insta
//! snapshots at two sizes: 002 beside 004 (the same day, a shared quote, an
//! edited sentence) and 000 beside 001 (the same facts, hardly a shared
//! word), the header, a changed row's word differences, differences only,
//! and the events with an event's articles.

use crate::common::demo;
use byline::compare::RowKind;
use byline::tui::testing::Harness;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(80, 24), (140, 40)];

/// 002 on the left, its best counterpart (004) on the right, from the picker.
fn open_002_004(t: &mut Harness) {
    t.type_text("Pasechnik");
    t.press("down enter g c");
    let first = t.app.picker.as_ref().unwrap().chosen().unwrap().listing.title.clone();
    assert_eq!(first, "Putin Says Considering Ukraine Separatists' Independence Request");
    t.press("enter");
    let c = t.app.compare.as_ref().unwrap();
    assert_eq!(
        c.data.as_ref().unwrap().left.title,
        "East Ukraine rebels ask Putin to recognize regions as independent"
    );
}

/// 000 (Bloomberg) on the left and 001 on the right, from the events view.
fn open_000_001(t: &mut Harness) {
    // `e` opens the selected article's event; `esc` goes up to the list of events.
    t.press("esc e esc g");
    let events = t.app.events.as_ref().unwrap().events.clone().unwrap();
    let i = events.iter().position(|e| e.articles.iter().any(|a| a.outlet.as_deref() == Some("Bloomberg"))).unwrap();
    t.press(&"j ".repeat(i));
    t.press("enter");
    let articles = &events[i].articles;
    let bloomberg = articles.iter().position(|a| a.outlet.as_deref() == Some("Bloomberg")).unwrap();
    let other = 1 - bloomberg;
    let moves = |from: usize, to: usize| if to > from { "j" } else { "k" }.repeat(from.abs_diff(to));
    t.press(&format!("{} space {} space", moves(0, bloomberg), moves(bloomberg, other)));
    let data = t.app.compare.as_ref().unwrap().data.clone().unwrap();
    assert_eq!(data.left.outlet.as_deref(), Some("Bloomberg"));
    assert!(data.right.title.starts_with("Rebel leaders in jap Ukraine"), "{}", data.right.title);
}

/// Press `]` until the difference jumped to is a changed row with word
/// differences marked whose left side contains `left`; its row.
fn jump_to_marked_change(t: &mut Harness, left: &str) -> usize {
    for _ in 0..100 {
        t.press("]");
        let c = t.app.compare.as_ref().unwrap();
        let row = c.current.unwrap();
        let shown = &c.data.as_ref().unwrap().rows[row];
        let text = shown.left.as_ref().filter(|m| !m.marks.is_empty()).map(|m| m.text.as_str());
        if shown.kind == RowKind::Changed && text.is_some_and(|t| t.contains(left)) {
            return row;
        }
    }
    panic!("no changed row with word differences and {left:?} on the left");
}

/// The text of the body's cells marked with a background or reverse video
/// (the header and the status line left out), a space between rows.
fn marked_text(t: &Harness) -> String {
    let b = t.buffer();
    let header = t.row_with("──────").expect("the rule under the header");
    let mut out = String::new();
    for y in header + 1..b.area.height - 1 {
        for x in 0..b.area.width {
            let c = &b[(x, y)];
            if c.bg != Color::Reset || c.modifier.contains(Modifier::REVERSED) {
                out.push_str(c.symbol());
            }
        }
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn side_by_side_002_004_header_rows_and_a_changed_row() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        open_002_004(&mut t);
        let screen = t.screen();
        assert!(screen.contains("36% similar"), "{screen}");
        assert!(screen.contains("57% of left in right") || screen.contains("57% of the left appears in the right"));
        assert!(screen.contains("same day"), "{screen}");
        assert!(screen.contains("only here: “Russian in spirit"), "the quote only the left has:\n{screen}");
        insta::assert_snapshot!(format!("side_by_side_002_004_{w}x{h}"), screen);

        jump_to_marked_change(&mut t, "the rebel head of the DNR");
        let screen = t.screen();
        assert!(t.row_with("Denis Pushilin, the rebel head").is_some(), "{screen}");
        // The gutter marker of the difference jumped to is in reverse video too.
        let marked = marked_text(&t);
        assert!(marked.contains("DNR"), "the left's word is marked: {marked:?}\n{screen}");
        assert!(marked.contains("Donetsk People's"), "the right's words are marked: {marked:?}\n{screen}");
        insta::assert_snapshot!(format!("side_by_side_002_004_changed_{w}x{h}"), screen);
    }
}

#[test]
fn side_by_side_000_001_same_facts_other_words() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        open_000_001(&mut t);
        let screen = t.screen();
        assert!(screen.contains("Bloomberg · 2022-02-24"), "{screen}");
        assert!(screen.contains("order unknown") || screen.contains("which came out first is unknown"));
        insta::assert_snapshot!(format!("side_by_side_000_001_{w}x{h}"), screen);
        // The spun lede shares almost no word with Bloomberg's: matched by
        // meaning, and shown as the weak match it is, with its reason.
        let row = jump_to_marked_change(&mut t, "appealed to Russian President Vladimir Putin");
        let shown = &t.app.compare.as_ref().unwrap().data.as_ref().unwrap().rows[row];
        assert!(shown.weak, "a 0.6 match is weak");
        assert!(shown.reason.as_deref().is_some_and(|r| r.contains("weak match") && r.contains("help ≈ assist")));
        let screen = t.screen();
        assert!(screen.contains("weak match"), "the status line says why:\n{screen}");
        insta::assert_snapshot!(format!("side_by_side_000_001_changed_{w}x{h}"), screen);
    }
}

#[test]
fn differences_only_folds_what_both_say() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        open_002_004(&mut t);
        t.press("d");
        assert!(t.app.compare.as_ref().unwrap().diffs_only);
        // The one verbatim sentence (Pasechnik's quote) is folded away.
        t.press("g");
        let mut seen_fold = false;
        for _ in 0..20 {
            let screen = t.screen();
            assert!(!screen.contains("separatist Leonid Pasechnik said"), "a same row is shown:\n{screen}");
            seen_fold |= screen.contains("… 1 shared sentence …");
            t.press("pagedown");
        }
        assert!(seen_fold, "the fold is drawn");
        t.press("g");
        insta::assert_snapshot!(format!("diffs_only_002_004_{w}x{h}"), t.screen());
    }
}

#[test]
fn details_show_every_fact_only_one_side_has() {
    let (_home, mut t) = demo(140, 40);
    open_002_004(&mut t);
    t.press("f");
    let screen = t.screen();
    for name in ["RIA Novosti", "Donbass", "Minsk", "Cold War", "NATO", "Soviet", "Eastern Europe"] {
        assert!(screen.contains(&format!("• {name}")), "{name} is listed:\n{screen}");
    }
    insta::assert_snapshot!("details_002_004_140x40", screen);
}

#[test]
fn events_list_and_an_events_articles() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        t.press("esc e esc g");
        let screen = t.screen();
        assert!(screen.contains("Events"), "{screen}");
        assert!(screen.contains("Separatist leaders in eastern Ukraine appealed"), "{screen}");
        assert!(screen.contains("Putin Says Considering Ukraine"), "{screen}");
        assert!(screen.contains("2 articles · Bloomberg, 1 unknown outlet · 2022-02-24"), "{screen}");
        assert!(screen.contains("2 articles · The Moscow Times, 1 unknown outlet · 2022-02-21"), "{screen}");
        insta::assert_snapshot!(format!("events_{w}x{h}"), screen);
        t.press("enter space");
        let screen = t.screen();
        assert!(screen.contains("[x] "), "{screen}");
        assert!(screen.contains("goes on the left"), "{screen}");
        insta::assert_snapshot!(format!("event_articles_{w}x{h}"), screen);
    }
}
