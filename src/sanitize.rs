//! Article text is untrusted: this is the one place that makes it safe to
//! print.
//!
//! A scraped file can carry escape sequences (CSI, OSC, DCS: move the cursor,
//! set the window title, write the clipboard), C0/C1 control characters and
//! bidi overrides that hide or reorder text. [`clean`] removes all of them,
//! turns tabs into spaces and keeps newlines; [`clean_line`] also turns
//! newlines into spaces, for one-line fields such as titles and outlets.
//! The corpus applies it when parsing, and every printer applies it again
//! before text reaches a terminal.

use std::borrow::Cow;

const TAB_WIDTH: usize = 4;

/// True for characters that must never reach a terminal.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // bidi embeddings, overrides, isolates and marks
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        // line/paragraph separators move the cursor on some terminals
        | '\u{2028}' | '\u{2029}'
        // interlinear annotation and object replacement
        | '\u{fff9}'..='\u{fffb}')
}

/// Remove escape sequences and forbidden characters; tabs become spaces;
/// `\n` is kept.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\t' || is_forbidden(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut column = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 introducers of string sequences (DCS, SOS, OSC, PM, APC): drop their payload too.
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\t' => {
                let n = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            '\n' => {
                out.push('\n');
                column = 0;
            }
            c if is_forbidden(c) => {}
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// [`clean`] for one-line fields: every run of whitespace becomes one space.
pub fn clean_line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // two-character sequences (ESC c, ESC 7, ...) and charset selection (ESC ( B)
        Some('(' | ')' | '*' | '+' | '#' | '%') => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI: parameters and intermediates up to a final byte in `@`..=`~`.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            break;
        }
        if !(' '..='?').contains(&c) {
            break;
        }
    }
}

/// OSC/DCS/APC/PM/SOS payload up to BEL or ST (ESC \ or U+9C), or the end
/// of the line: an unterminated one does not take the rest of the article.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.peek().copied() {
        if c == '\n' {
            break;
        }
        chars.next();
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(clean("Kyiv “peace” 150,000 — 日本 👍"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_are_removed_with_their_payload() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}]0;pwned title\u{7}y"), "xy");
        assert_eq!(clean("x\u{1b}]52;c;ZXZpbA==\u{1b}\\y"), "xy");
        assert_eq!(clean("x\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\y"), "xlinky");
        assert_eq!(clean("x\u{1b}Pq#0;2;0;0;0\u{1b}\\y"), "xy");
        assert_eq!(clean("x\u{9b}2Jy\u{9d}title\u{9c}z"), "xyz");
        assert_eq!(clean("x\u{1b}]0;never ended\nnext line"), "x\nnext line");
    }

    #[test]
    fn controls_and_bidi_are_removed_tabs_expanded() {
        assert_eq!(clean("a\u{7}b\u{8}c\u{202e}d\u{2066}e\u{85}f"), "abcdef");
        assert_eq!(clean("ab\tc\n\td"), "ab  c\n    d");
        assert_eq!(clean_line(" a\n b\t c "), "a b c");
    }

    #[test]
    fn no_forbidden_char_survives_any_input() {
        let nasty: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        let out = clean(&nasty);
        assert!(!out.chars().any(|c| is_forbidden(c) || c == '\t' || c == '\u{1b}'));
    }
}
