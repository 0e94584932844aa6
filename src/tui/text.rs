//! Article text made safe for the terminal and fitted to a width.
//!
//! Every piece of article text passes through [`Marked::clean`] (which calls
//! `sanitize`) before it becomes a span, with its highlight ranges moved to
//! match. Wrapping counts display columns per grapheme, the way ratatui's
//! buffer does, so CJK and emoji take the two columns they really use.

use crate::sanitize;
use ratatui::buffer::CellWidth;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Sanitized text with byte ranges to highlight (sorted, not overlapping).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

impl Marked {
    /// Sanitize `text`, keeping `marks` (byte ranges into `text`) on the
    /// same characters. Ranges that are not on character boundaries, overlap
    /// or run past the end are dropped. With `one_line`, newlines become spaces.
    pub fn clean(text: &str, marks: &[Range<usize>], one_line: bool) -> Marked {
        let mut sorted: Vec<Range<usize>> = marks
            .iter()
            .filter(|r| r.start < r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
            .filter(|r| r.end <= text.len())
            .cloned()
            .collect();
        sorted.sort_by_key(|r| r.start);
        let mut out = Marked::default();
        let mut at = 0;
        let push = |out: &mut Marked, piece: &str, marked: bool| {
            let clean = sanitize::clean(piece);
            let start = out.text.len();
            if one_line {
                out.text.extend(clean.chars().map(|c| if c == '\n' { ' ' } else { c }));
            } else {
                out.text.push_str(&clean);
            }
            if marked && out.text.len() > start {
                out.marks.push(start..out.text.len());
            }
        };
        for r in sorted {
            if r.start < at {
                continue;
            }
            push(&mut out, &text[at..r.start], false);
            push(&mut out, &text[r.clone()], true);
            at = r.end;
        }
        push(&mut out, &text[at..], false);
        out
    }

    pub fn plain(text: &str, one_line: bool) -> Marked {
        Marked::clean(text, &[], one_line)
    }
}

/// Display width of a grapheme, as ratatui's buffer counts it.
pub fn grapheme_width(g: &str) -> usize {
    if g.chars().any(char::is_control) { 0 } else { g.cell_width() as usize }
}

/// Display width of a string.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// The lines of `text` wrapped to `width` columns, as byte ranges: breaks
/// after spaces, cuts a word wider than a line, breaks at `\n`. Trailing
/// spaces are left off each line; there is always at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut col = 0;
    // Where the current line may be broken: (end of this line, start of the next).
    let mut brk: Option<(usize, usize)> = None;
    let mut soft_wrapped = false;
    for (i, g) in text.grapheme_indices(true) {
        if g == "\n" || g == "\r\n" {
            lines.push(start..i);
            (start, col, brk, soft_wrapped) = (i + g.len(), 0, None, false);
            continue;
        }
        if g == " " {
            if soft_wrapped && i == start {
                start = i + 1;
                continue;
            }
            brk = match brk {
                Some((end, next)) if next == i => Some((end, i + 1)),
                _ => Some((i, i + 1)),
            };
            col += 1;
            continue;
        }
        let w = grapheme_width(g);
        if col + w > width && col > 0 {
            match brk.take() {
                Some((end, next)) if next <= i => {
                    lines.push(start..end);
                    start = next;
                    col = self::width(&text[start..i]);
                }
                _ => {
                    lines.push(start..i);
                    (start, col) = (i, 0);
                }
            }
            soft_wrapped = true;
            if col + w > width && col > 0 {
                lines.push(start..i);
                (start, col) = (i, 0);
            }
        }
        col += w;
    }
    lines.push(start..text.len());
    for r in &mut lines {
        let trimmed = text[r.clone()].trim_end_matches(' ').len();
        r.end = r.start + trimmed;
    }
    lines
}

/// The longest prefix of `text` that fits in `width` columns, with `…` when
/// it had to be cut.
pub fn truncate(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut col = 0;
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if col + w + 1 > width {
            break;
        }
        out.push_str(g);
        col += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The spans of one line (`range` of `marked.text`): `base` everywhere,
/// `mark` on the marked parts, `current` on the mark starting at
/// `current_at` (the match n/N last jumped to).
pub fn spans(
    marked: &Marked,
    range: Range<usize>,
    base: Style,
    mark: Style,
    current: Option<(usize, Style)>,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = range.start;
    for m in &marked.marks {
        let (s, e) = (m.start.max(range.start), m.end.min(range.end));
        if s >= e {
            continue;
        }
        if at < s {
            out.push(Span::styled(marked.text[at..s].to_string(), base));
        }
        let style = match current {
            Some((c, style)) if c == m.start => style,
            _ => mark,
        };
        out.push(Span::styled(marked.text[s..e].to_string(), base.patch(style)));
        at = e;
    }
    if at < range.end {
        out.push(Span::styled(marked.text[at..range.end].to_string(), base));
    }
    out
}

/// Spans cut to `width` columns, with `…` where the cut falls and nothing after it.
pub fn fit(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let mut room = width;
    let mut out = Vec::new();
    for s in spans {
        if room == 0 {
            break;
        }
        let t = truncate(&s.content, room);
        room = room.saturating_sub(self::width(&t));
        let cut = t != s.content;
        out.push(Span::styled(t, s.style));
        if cut {
            break;
        }
    }
    out
}

/// A whole line of spans.
pub fn line(spans: Vec<Span<'static>>) -> Line<'static> {
    Line::from(spans)
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn wrapped(text: &str, w: usize) -> Vec<&str> {
        wrap(text, w).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrapped("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(wrapped("abcdefghij klm", 4), ["abcd", "efgh", "ij", "klm"]);
        assert_eq!(wrapped("a  b", 1), ["a", "b"]);
        assert_eq!(wrapped("", 5), [""]);
        assert_eq!(wrapped("one\ntwo", 10), ["one", "two"]);
        assert_eq!(wrapped("  indented", 20), ["  indented"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let lines = wrapped("日本語のテキスト and 👍👍👍", 6);
        for l in &lines {
            assert!(width(l) <= 6, "{l:?} is {} wide", width(l));
        }
        assert_eq!(lines.concat().replace(' ', ""), "日本語のテキストand👍👍👍");
        // A wide character in a one-column line still makes progress.
        assert_eq!(wrapped("日本", 1), ["日", "本"]);
    }

    #[test]
    fn wrapping_never_exceeds_the_width() {
        let text = "Zero\u{200b}width, combining e\u{301}, 한국어 text, 🇺🇦 flags and a verylongwordthatmustbecut here";
        for w in 1..30 {
            for r in wrap(text, w) {
                assert!(width(&text[r.clone()]) <= w.max(2), "width {w}: {:?}", &text[r]);
            }
        }
    }

    #[test]
    fn cleaning_moves_marks_with_the_text() {
        let text = "a\u{1b}[31m\tPasechnik\u{202e} said";
        let m = Marked::clean(text, &[7..16], false);
        assert_eq!(m.text, "a   Pasechnik said");
        assert_eq!(&m.text[m.marks[0].clone()], "Pasechnik");
        let m = Marked::clean("x\ny", &[5..9, 0..1], true);
        assert_eq!((m.text.as_str(), m.marks.clone()), ("x y", vec![0..1]));
    }

    #[test]
    fn truncation_fits_and_says_so() {
        assert_eq!(truncate("Bloomberg", 20), "Bloomberg");
        assert_eq!(truncate("Bloomberg", 5), "Bloo…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn fitting_spans_cuts_once() {
        let s = fit(vec![Span::raw("Bloomberg "), Span::raw("2022-02-24"), Span::raw(" more")], 14);
        let texts: Vec<&str> = s.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["Bloomberg ", "202…"]);
    }

    #[test]
    fn spans_split_at_marks() {
        let m = Marked { text: "say Pasechnik said".into(), marks: vec![4..13] };
        let s = spans(&m, 2..18, Style::new(), Style::new().bold(), Some((4, Style::new().italic())));
        let texts: Vec<&str> = s.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["y ", "Pasechnik", " said"]);
        assert_eq!(s[1].style, Style::new().italic());
    }
}
