//! A property test, seeded so that a failure can be replayed: articles of
//! arbitrary Unicode (every control, bidi overrides and isolates, zero-width
//! characters, combining marks, ZWJ emoji, CJK, tabs, escape sequences) are
//! drawn in the list and the reader on ratatui's TestBackend at random sizes
//! from 1x1 to 200x60. No cell may hold a control, bidi or escape
//! character, and nothing may panic.
//!
//! The long variant tries 5,000 cases:
//! `BYLINE_CASES=5000 cargo test --test tui_unicode_property -- --ignored`.

use byline::article::{Article, ArticleId};
use byline::sanitize::is_forbidden;
use byline::tui::testing::{Harness, Memory};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use std::sync::Arc;

/// The pieces hostile and unusual text is made of.
const PIECES: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]0;title\u{7}",
    "\u{1b}]52;c;eA==\u{1b}\\",
    "\u{1b}]8;;http://x\u{1b}\\",
    "\u{1b}P1$r\u{1b}\\",
    "\u{9b}31m",
    "\u{9d}0;x\u{9c}",
    "\u{202e}",
    "\u{202d}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "\u{061c}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{2028}",
    "e\u{301}\u{302}\u{303}",
    "\u{301}",
    "👩‍👩‍👧‍👦",
    "🏳️‍🌈",
    "👍🏽",
    "日本語の記事",
    "한국어",
    "\t",
    "\t\t",
    "\n",
    "\r",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "Minsk",
    " ",
    "word ",
    "ﷺ",
    "\u{fffd}",
    "a\u{20dd}",
];

fn random_text(rng: &mut ChaCha8Rng, max: u32) -> String {
    let n = rng.next_u32() % max;
    let mut s = String::new();
    for _ in 0..n {
        if rng.next_u32().is_multiple_of(3) {
            // Any scalar value at all, weighted towards the low planes.
            let c = match rng.next_u32() % 4 {
                0 => rng.next_u32() % 0x100,
                1 => rng.next_u32() % 0x3000,
                2 => rng.next_u32() % 0x10000,
                _ => rng.next_u32() % 0x110000,
            };
            s.extend(char::from_u32(c));
        } else {
            s.push_str(PIECES[(rng.next_u32() as usize) % PIECES.len()]);
        }
    }
    s
}

fn article(rng: &mut ChaCha8Rng, i: usize) -> Article {
    let paragraphs = (0..1 + rng.next_u32() % 6).map(|_| format!("Minsk {}", random_text(rng, 60))).collect();
    Article {
        id: ArticleId(format!("{i:016x}")),
        paths: vec![format!("/library/{}.txt", random_text(rng, 5)).into()],
        title: random_text(rng, 20),
        title_derived: false,
        outlet: Some(random_text(rng, 8)),
        byline: Some(random_text(rng, 8)),
        date: None,
        url: Some(format!("https://example.org/{}", random_text(rng, 6))),
        paragraphs,
    }
}

fn assert_no_control(t: &Harness, case: u64, what: &str) {
    for (i, cell) in t.buffer().content.iter().enumerate() {
        let bad = cell.symbol().chars().find(|&c| c.is_control() || is_forbidden(c));
        assert!(bad.is_none(), "case {case}, {what}: cell {i} holds {:?}", cell.symbol());
    }
}

fn run(cases: u64) {
    for case in 0..cases {
        let mut rng = ChaCha8Rng::seed_from_u64(case);
        let (w, h) = (1 + (rng.next_u32() % 200) as u16, 1 + (rng.next_u32() % 60) as u16);
        let articles: Vec<Article> = (0..1 + rng.next_u32() as usize % 3).map(|i| article(&mut rng, i)).collect();
        let mut t = Harness::new(Arc::new(Memory(articles)), w, h);
        assert_no_control(&t, case, "browse");
        t.press("enter");
        assert_no_control(&t, case, "reader");
        if w >= 60 && h >= 30 {
            // The reader is open: the first paragraph's first word shows.
            assert!(t.screen().contains("Minsk"), "case {case}: {}", t.screen());
        }
        t.press("end");
        assert_no_control(&t, case, "reader, end");
        let (w2, h2) = (1 + (rng.next_u32() % 200) as u16, 1 + (rng.next_u32() % 60) as u16);
        t.resize(w2, h2);
        assert_no_control(&t, case, "reader, resized");
    }
}

#[test]
fn arbitrary_unicode_never_puts_a_control_in_a_cell() {
    run(300);
}

#[test]
#[ignore = "long: BYLINE_CASES=5000 cargo test --test tui_unicode_property -- --ignored"]
fn arbitrary_unicode_many_cases() {
    run(std::env::var("BYLINE_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(5000));
}
