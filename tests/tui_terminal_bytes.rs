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
//! `BYLINE_CASES=2000 cargo test --test tui_terminal_bytes -- --ignored`.

mod common;

use byline::sanitize::is_forbidden;
use byline::tui::testing::{Harness, Memory, OneEvent};
use byline::tui::views;
use common::unicode::{random_article, random_size, random_text};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Where the terminal's bytes go: a buffer the test can take them from.
#[derive(Clone, Default)]
struct Tape(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Tape {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

type ByteTerminal = Terminal<CrosstermBackend<Tape>>;

/// A terminal that writes what a real one would receive onto a tape.
fn byte_terminal(w: u16, h: u16) -> (ByteTerminal, Tape) {
    let tape = Tape::default();
    let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
    let term = Terminal::with_options(CrosstermBackend::new(tape.clone()), TerminalOptions { viewport });
    (term.expect("a byte terminal"), tape)
}

/// The escape sequences the app's own drawing writes: CSI with numeric
/// parameters ending in a cursor move (`H`, `A`-`D`, `G`), SGR (`m`) or an
/// erase (`J`, `K`); and showing or hiding the cursor (`?25h`, `?25l`).
fn is_ours(params: &str, fin: char) -> bool {
    let numeric = params.chars().all(|c| c.is_ascii_digit() || c == ';' || c == ':');
    (numeric && "HABCDGmJK".contains(fin)) || (params == "?25" && (fin == 'h' || fin == 'l'))
}

/// The first thing in `bytes` that the app did not put there itself, with
/// what came before it.
fn first_foreign(bytes: &[u8]) -> Option<String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return Some(format!("invalid UTF-8 at byte {}", e.valid_up_to())),
    };
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let context = || text[..at].chars().rev().take(30).collect::<String>().chars().rev().collect::<String>();
        if c == '\u{1b}' {
            if chars.next().map(|(_, c)| c) != Some('[') {
                return Some(format!("an escape that is not a CSI at byte {at}, after {:?}", context()));
            }
            let mut params = String::new();
            let fin = loop {
                match chars.next() {
                    Some((_, p)) if ('\u{20}'..='\u{3f}').contains(&p) => params.push(p),
                    Some((_, f)) if ('\u{40}'..='\u{7e}').contains(&f) => break f,
                    other => return Some(format!("an unfinished CSI {params:?} then {other:?} at byte {at}")),
                }
            };
            if !is_ours(&params, fin) {
                return Some(format!("CSI {params:?} {fin:?} at byte {at}, after {:?}", context()));
            }
        } else if c.is_control() || is_forbidden(c) {
            return Some(format!("{c:?} at byte {at}, after {:?}", context()));
        }
    }
    None
}

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
            ("esc e", "events"),
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
#[ignore = "long: BYLINE_CASES=2000 cargo test --test tui_terminal_bytes -- --ignored"]
fn the_bytes_sent_to_the_terminal_many_cases() {
    run(std::env::var("BYLINE_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000));
}
