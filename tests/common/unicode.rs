//! Arbitrary hostile Unicode for the TUI tests: every control, escape
//! sequences (CSI, OSC title/clipboard/hyperlink, DCS, C1), bidi overrides
//! and isolates, zero-width characters, combining marks, ZWJ emoji, CJK and
//! tabs, mixed with any scalar value at all. Seeded, so a failure replays.

use byline::article::{Article, ArticleId};
use rand_chacha::ChaCha8Rng;
use rand_core::RngCore;

/// The pieces hostile and unusual text is made of.
pub const PIECES: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]0;title\u{7}",
    "\u{1b}]52;c;eA==\u{1b}\\",
    "\u{1b}]8;;http://x\u{1b}\\",
    "\u{1b}P1$r\u{1b}\\",
    "\u{1b}_apc\u{1b}\\",
    "\u{1b}^pm\u{1b}\\",
    "\u{1b}Xsos\u{1b}\\",
    "\u{9b}31m",
    "\u{9d}0;x\u{9c}",
    "\u{90}dcs\u{9c}",
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

/// Up to `max` pieces or arbitrary characters.
pub fn random_text(rng: &mut ChaCha8Rng, max: u32) -> String {
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

/// An article whose every field is hostile; each paragraph starts "Minsk".
pub fn random_article(rng: &mut ChaCha8Rng, i: usize) -> Article {
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

/// A size from 1x1 to 200x60.
pub fn random_size(rng: &mut ChaCha8Rng) -> (u16, u16) {
    (1 + (rng.next_u32() % 200) as u16, 1 + (rng.next_u32() % 60) as u16)
}
