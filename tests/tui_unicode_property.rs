//! A property test, seeded so that a failure can be replayed: articles of
//! arbitrary Unicode (every control, bidi overrides and isolates, zero-width
//! characters, combining marks, ZWJ emoji, CJK, tabs, escape sequences) are
//! drawn in the list and the reader on ratatui's TestBackend at random sizes
//! from 1x1 to 200x60. No cell may hold a control, bidi or escape
//! character, and nothing may panic.
//!
//! The long variant tries 5,000 cases:
//! `BYLINE_CASES=5000 cargo test --test tests tui_unicode_property:: -- --ignored`.

use crate::common;

use byline::sanitize::is_forbidden;
use byline::tui::testing::{Harness, Memory};
use common::unicode::{random_article, random_size};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use std::sync::Arc;

fn assert_no_control(t: &Harness, case: u64, what: &str) {
    for (i, cell) in t.buffer().content.iter().enumerate() {
        let bad = cell.symbol().chars().find(|&c| c.is_control() || is_forbidden(c));
        assert!(bad.is_none(), "case {case}, {what}: cell {i} holds {:?}", cell.symbol());
    }
}

fn run(cases: u64) {
    for case in 0..cases {
        let mut rng = ChaCha8Rng::seed_from_u64(case);
        let (w, h) = random_size(&mut rng);
        let articles = (0..1 + rng.next_u32() as usize % 3).map(|i| random_article(&mut rng, i)).collect();
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
        let (w2, h2) = random_size(&mut rng);
        t.resize(w2, h2);
        assert_no_control(&t, case, "reader, resized");
    }
}

#[test]
fn arbitrary_unicode_never_puts_a_control_in_a_cell() {
    run(300);
}

#[test]
#[ignore = "long: BYLINE_CASES=5000 cargo test --test tests tui_unicode_property:: -- --ignored"]
fn arbitrary_unicode_many_cases() {
    run(std::env::var("BYLINE_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(5000));
}
