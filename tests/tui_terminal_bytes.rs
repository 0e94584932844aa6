//! What reaches a real terminal is the byte stream, not the cells: every
//! view (browse, reader, the compare picker and its two columns, events,
//! an event's articles, help) is drawn with articles of arbitrary hostile
//! Unicode through ratatui's `CrosstermBackend` into a `Vec<u8>`, at random
//! sizes from 1x1 to 200x60, and the bytes are parsed. Every escape sequence
//! in them must be one the app itself writes (CSI cursor moves, SGR, erase,
//! cursor show/hide) — no OSC, DCS, APC, PM or SOS, no C1 control, no C0
//! control but the ESC of those sequences — and no bidi control may appear.
//!
//! The long variant tries 2,000 cases:
//! `BYLINE_CASES=2000 cargo test --test tests tui_terminal_bytes:: -- --ignored`.

use crate::common;
use crate::common::terminal;

use byline::tui::testing::{Harness, Memory, OneEvent};
use byline::tui::views;
use common::unicode::{random_article, random_size, random_text};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use ratatui::layout::Rect;
use std::sync::Arc;
use terminal::{ByteTerminal, Tape, byte_terminal, first_foreign};

/// The bytes written since the last call, checked.
fn assert_ours(tape: &Tape, case: u64, what: &str) -> String {
    let bytes = std::mem::take(&mut *tape.0.borrow_mut());
    if let Some(bad) = first_foreign(&bytes) {
        panic!("case {case}, {what}: {bad}");
    }
    String::from_utf8(bytes).expect("checked above")
}

/// Draw the harness's app on the byte terminal and check what it wrote.
fn draw(t: &mut Harness, (term, tape): &mut (ByteTerminal, Tape), case: u64, what: &str) -> String {
    term.draw(|f| views::render(&mut t.app, f)).expect("drawing into memory");
    assert_ours(tape, case, what)
}

fn run(cases: u64) {
    for case in 0..cases {
        let mut rng = ChaCha8Rng::seed_from_u64(case);
        let (w, h) = random_size(&mut rng);
        let articles = (0..2 + rng.next_u32() as usize % 3).map(|i| random_article(&mut rng, i)).collect();
        let label = random_text(&mut rng, 10);
        let mut t = Harness::new(Arc::new(OneEvent { memory: Memory(articles), label }), w, h);
        let mut term = byte_terminal(w, h);
        draw(&mut t, &mut term, case, "browse");
        t.press("enter");
        let reader = draw(&mut t, &mut term, case, "reader");
        if w >= 60 && h >= 30 {
            // The article's text itself went out: its first word shows.
            assert!(reader.contains("Minsk"), "case {case}: {reader:?}");
        }
        for (keys, what) in [
            ("end", "reader, end"),
            ("c", "compare picker"),
            ("enter", "two columns"),
            ("f ]", "two columns, details"),
            ("esc e esc", "events"),
            ("enter space", "an event's articles"),
            ("j space", "two columns from the events"),
            ("?", "help"),
        ] {
            t.press(keys);
            draw(&mut t, &mut term, case, what);
            if what.starts_with("two columns") && w >= 80 && h >= 24 {
                assert!(t.app.compare.is_some(), "case {case}, {what}: not open\n{}", t.screen());
            }
        }
        let (w2, h2) = random_size(&mut rng);
        t.resize(w2, h2);
        term.0.resize(Rect::new(0, 0, w2, h2)).expect("resizing in memory");
        assert_ours(&term.1, case, "resize");
        draw(&mut t, &mut term, case, "resized");
    }
}

#[test]
fn the_bytes_sent_to_the_terminal_hold_only_our_own_sequences() {
    run(50);
}

#[test]
fn the_checker_catches_what_it_must() {
    assert_eq!(first_foreign(b"\x1b[1;1H\x1b[38;5;12mHi\x1b[0m\x1b[2J\x1b[?25l"), None);
    for bad in [
        &b"\x1b]0;title\x07"[..],
        b"\x1b]52;c;eA==\x1b\\",
        b"\x1b]8;;http://x\x1b\\link",
        b"\x1bP1$r\x1b\\",
        b"\x1b_apc",
        b"\x1b[6n",
        b"\x1b[?1049h",
        b"a\tb",
        b"a\rb",
        "\u{9b}31m".as_bytes(),
        "\u{202e}evil".as_bytes(),
        "\u{2067}".as_bytes(),
        b"\xff",
    ] {
        assert!(first_foreign(bad).is_some(), "{bad:?} passes");
    }
}

#[test]
#[ignore = "long: BYLINE_CASES=2000 cargo test --test tests tui_terminal_bytes:: -- --ignored"]
fn the_bytes_sent_to_the_terminal_many_cases() {
    run(std::env::var("BYLINE_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000));
}
