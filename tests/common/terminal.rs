//! What reaches a real terminal is the byte stream, not the cells: a
//! ratatui `CrosstermBackend` writing into memory, and a parser of those
//! bytes that finds the first thing the app did not put there itself.

#![allow(dead_code)]

use byline::sanitize::is_forbidden;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::rc::Rc;

/// Where the terminal's bytes go: a buffer the test can take them from.
#[derive(Clone, Default)]
pub struct Tape(pub Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Tape {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub type ByteTerminal = Terminal<CrosstermBackend<Tape>>;

/// A terminal that writes what a real one would receive onto a tape.
pub fn byte_terminal(w: u16, h: u16) -> (ByteTerminal, Tape) {
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
pub fn first_foreign(bytes: &[u8]) -> Option<String> {
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
