//! The two-column view: two articles side by side, drawn from the domain's
//! alignment. A header band says how the two relate ([`compare_header`]);
//! below it each row is a band of lines, the two sides of a row starting on
//! the same line, a marker between them saying how they relate (= same,
//! ~ changed, ? a weak match to check, < left only, > right only), and a
//! changed row's word differences marked on their side.
//!
//! `]` / `[` jump from difference to difference (every row that is not
//! `same`) and centre it; "differences only" folds each run of same rows
//! into one line. Scrolling is locked between the columns until unlocked.
//! The place survives a resize and a fold: the difference last jumped to
//! stays where it was on screen, or else the row at the top stays on top.
//!
//! [`compare_header`]: super::compare_header

use super::super::comparison::{Comparison, ShownRow};
use super::super::text;
use super::super::theme::Theme;
use super::compare_bands::{Bands, Item};
use super::compare_header;
use crate::article::ArticleId;
use crate::compare::RowKind;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::sync::Arc;

const GUTTER: u16 = 3;

/// A place to keep across a re-layout: `line` lines into the band of `row`,
/// `y` lines below the top of the column.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    row: usize,
    line: usize,
    y: usize,
}

#[derive(Clone, Debug)]
pub struct CompareView {
    pub ids: [ArticleId; 2],
    pub data: Option<Arc<Comparison>>,
    pub error: Option<String>,
    pub locked: bool,
    /// The column that scrolls when unlocked: 0 left, 1 right.
    pub focus: usize,
    /// Same rows folded away, differences only.
    pub diffs_only: bool,
    /// Every quote, figure and name only one side has, not a line per kind.
    pub details: bool,
    /// The row of the difference last jumped to.
    pub current: Option<usize>,
    tops: [usize; 2],
    height: usize,
    bands: Option<Bands>,
    /// Start at the row of this left paragraph once the rows arrive.
    start_para: Option<usize>,
    /// Centre the current difference once laid out.
    center: bool,
    /// Where the columns were drawn, for the mouse.
    pub areas: [Rect; 2],
}

/// How a row's kind is said in messages.
pub fn kind_label(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Same => "the same",
        RowKind::Changed => "changed",
        RowKind::LeftOnly => "only in the left",
        RowKind::RightOnly => "only in the right",
    }
}

impl CompareView {
    pub fn new(left: ArticleId, right: ArticleId, start_para: Option<usize>) -> CompareView {
        CompareView {
            ids: [left, right],
            data: None,
            error: None,
            locked: true,
            focus: 0,
            diffs_only: false,
            details: false,
            current: None,
            tops: [0, 0],
            height: 10,
            bands: None,
            start_para,
            center: false,
            areas: [Rect::default(); 2],
        }
    }

    pub fn set_data(&mut self, data: Arc<Comparison>) {
        self.bands = None;
        self.tops = [0, 0];
        self.current = None;
        self.data = Some(data);
        self.error = None;
    }

    fn max_top(&self) -> usize {
        self.bands.as_ref().map_or(usize::MAX, |b| b.total.saturating_sub(self.height))
    }

    pub fn scroll(&mut self, delta: isize) {
        let max = self.max_top();
        let columns: &[usize] = if self.locked { &[0, 1] } else { std::slice::from_ref(&self.focus) };
        for &c in columns {
            self.tops[c] = self.tops[c].min(max).saturating_add_signed(delta).min(max);
        }
    }

    pub fn page(&mut self, pages: isize) {
        self.scroll(pages * self.height.saturating_sub(2).max(1) as isize);
    }

    pub fn to_edge(&mut self, bottom: bool) {
        self.scroll(if bottom { isize::MAX / 2 } else { isize::MIN / 2 });
    }

    /// Lock or unlock; locking lines the other column up with the focused one.
    pub fn toggle_lock(&mut self) {
        self.locked = !self.locked;
        if self.locked {
            self.tops[1 - self.focus] = self.tops[self.focus];
        }
    }

    /// Fold the same rows away, or show them again; the place is kept.
    pub fn toggle_diffs_only(&mut self) {
        self.diffs_only = !self.diffs_only;
    }

    pub fn tops(&self) -> [usize; 2] {
        self.tops
    }

    /// The first line of the band that shows `row`, once laid out.
    pub fn row_line(&self, row: usize) -> Option<usize> {
        Some(self.bands.as_ref()?.of(row)?.start)
    }

    /// How many lines the body has, once laid out.
    pub fn total_lines(&self) -> Option<usize> {
        self.bands.as_ref().map(|b| b.total)
    }

    fn band_at(&self, line: usize) -> Option<usize> {
        self.bands.as_ref()?.at(line)
    }

    /// Jump to the next (or previous) row that is not `same`, from the one
    /// last jumped to if it is on screen, else from the top of the screen;
    /// past the last it wraps to the first. Returns what to tell the user.
    pub fn jump(&mut self, forward: bool) -> Option<String> {
        let data = self.data.clone()?;
        let diffs: Vec<usize> = (0..data.rows.len()).filter(|&r| data.rows[r].kind != RowKind::Same).collect();
        if diffs.is_empty() {
            return Some("no differences: the two say the same throughout".into());
        }
        let top = self.tops[if self.locked { 0 } else { self.focus }];
        let start = |r: usize| self.row_line(r);
        let on_screen = |r: &usize| start(*r).is_some_and(|s| s >= top && s < top + self.height);
        let found = match self.current.filter(on_screen) {
            Some(cur) if forward => diffs.iter().position(|&r| r > cur),
            Some(cur) => diffs.iter().rposition(|&r| r < cur),
            None if forward => diffs.iter().position(|&r| start(r).is_none_or(|s| s >= top)),
            None => diffs.iter().rposition(|&r| start(r).is_some_and(|s| s < top)),
        };
        let (i, wrapped) = match found {
            Some(i) => (i, false),
            None if forward => (0, true),
            None => (diffs.len() - 1, true),
        };
        self.current = Some(diffs[i]);
        self.center = true;
        self.center_current();
        let row = &data.rows[diffs[i]];
        let kind = match &row.reason {
            Some(why) => format!("{} {why}", kind_label(row.kind)),
            None => kind_label(row.kind).to_string(),
        };
        let wrap = match (wrapped, forward) {
            (false, _) => "",
            (true, true) => " (wrapped to the first)",
            (true, false) => " (wrapped to the last)",
        };
        Some(format!("difference {}/{}: {kind}{wrap}", i + 1, diffs.len()))
    }

    /// Put the current difference in the middle of the screen, both columns.
    fn center_current(&mut self) {
        let (Some(r), Some(b)) = (self.current, self.bands.as_ref()) else { return };
        let Some(band) = b.of(r) else { return };
        let h = band.height();
        let top = if h >= self.height { band.start } else { (band.start + h / 2).saturating_sub(self.height / 2) };
        let top = top.min(self.max_top());
        self.tops = [top, top];
        self.center = false;
    }

    /// Where each column is, to find again after laying out anew.
    fn anchors(&self) -> Option<[Anchor; 2]> {
        let b = self.bands.as_ref()?;
        if b.bands.is_empty() {
            return None;
        }
        Some([0, 1].map(|c| {
            let top = self.tops[c];
            if let Some(start) = self.current.and_then(|r| self.row_line(r))
                && (top..top + self.height).contains(&start)
            {
                return Anchor { row: self.current.unwrap_or(0), line: 0, y: start - top };
            }
            let band = &b.bands[self.band_at(top).unwrap_or(0)];
            Anchor { row: band.item.first_row(), line: top - band.start, y: 0 }
        }))
    }

    fn layout(&mut self, widths: [usize; 2]) {
        if self.bands.as_ref().is_some_and(|b| b.widths == widths && b.folded == self.diffs_only) {
            return;
        }
        let Some(data) = self.data.clone() else { return };
        let anchor = self.anchors();
        let rows = &data.rows;
        self.bands = Some(Bands::new(rows, widths, self.diffs_only));
        let b = self.bands.as_ref().expect("just laid out");
        if let Some(anchor) = anchor {
            self.tops = anchor
                .map(|a| b.of(a.row).map_or(0, |band| (band.start + a.line.min(band.height())).saturating_sub(a.y)));
        } else if let Some(p) = self.start_para.take() {
            let row = rows.iter().position(|r| r.left_para.is_some_and(|l| l >= p)).unwrap_or(0);
            let line = self.row_line(row).unwrap_or(0);
            self.tops = [line, line];
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let Some(data) = self.data.clone() else {
            let message = self
                .error
                .as_deref()
                .map_or("Putting the two articles side by side…".into(), |e| format!("Cannot compare: {e}"));
            let style = if self.error.is_some() { theme.error } else { theme.dim };
            frame.render_widget(Paragraph::new(Line::styled(message, style)), area);
            return;
        };
        let lw = area.width.saturating_sub(GUTTER) / 2;
        let rw = area.width.saturating_sub(GUTTER + lw);
        let cols = [Rect { width: lw, ..area }, Rect { x: area.x + lw + GUTTER, width: rw, ..area }];
        self.areas = cols;
        let focus = (!self.locked).then_some(self.focus);
        let header = compare_header::render(frame, area, cols, &data, theme, self.details, focus);
        let body_h = area.height.saturating_sub(header);
        self.height = usize::from(body_h).max(1);
        self.layout([usize::from(lw).max(1), usize::from(rw).max(1)]);
        if self.center {
            self.center_current();
        }
        self.tops = self.tops.map(|t| t.min(self.max_top()));
        let body = |r: Rect| Rect { y: r.y + header, height: body_h, ..r };
        for (c, col) in cols.iter().enumerate() {
            let lines: Vec<Line> =
                (0..self.height).map(|y| self.column_line(&data, c, self.tops[c] + y, theme)).collect();
            frame.render_widget(Paragraph::new(lines), body(*col));
        }
        let gutter = Rect { x: area.x + lw, width: GUTTER.min(area.width.saturating_sub(lw)), ..body(area) };
        let marks: Vec<Line> = (0..self.height).map(|y| self.gutter_line(&data, self.tops[0] + y, theme)).collect();
        frame.render_widget(Paragraph::new(marks), gutter);
    }

    fn column_line(&self, data: &Comparison, c: usize, line: usize, theme: &Theme) -> Line<'static> {
        let Some(i) = self.band_at(line) else { return Line::default() };
        let bands = self.bands.as_ref().expect("laid out");
        let band = &bands.bands[i];
        let r = match &band.item {
            Item::Fold(run) if line == band.start => {
                let n = run.len();
                let label = format!("… {n} shared sentence{} …", if n == 1 { "" } else { "s" });
                return Line::styled(text::truncate(&label, bands.widths[c]), theme.dim);
            }
            Item::Fold(_) => return Line::default(),
            Item::Row(r) => *r,
        };
        let (Some(range), Some(marked)) = (band.lines[c].get(line - band.start), data.rows[r].side(c)) else {
            return Line::default();
        };
        let base = kind_style(data.rows[r].kind, theme, !marked.marks.is_empty());
        let mark = if c == 0 { theme.diff_delete } else { theme.diff_insert };
        Line::from(text::spans(marked, range.clone(), base, mark, None))
    }

    fn gutter_line(&self, data: &Comparison, line: usize, theme: &Theme) -> Line<'static> {
        let aligned = self.locked || self.tops[0] == self.tops[1];
        let band = self.band_at(line).map(|i| &self.bands.as_ref().expect("laid out").bands[i]);
        match band {
            Some(band) if aligned && band.start == line => {
                let (marker, style) = match &band.item {
                    Item::Fold(_) => ("=", theme.dim),
                    Item::Row(r) => {
                        let (m, s) = marker(&data.rows[*r], theme);
                        let current = self.current == Some(*r);
                        (m, if current { s.add_modifier(Modifier::REVERSED | Modifier::BOLD) } else { s })
                    }
                };
                Line::from(vec![Span::raw(" "), Span::styled(marker, style)])
            }
            _ => Line::from(Span::styled(" │", theme.border)),
        }
    }
}

/// The gutter's marker for a row, and its style (bold without colour, so
/// that the differences stand out from the same rows). A weak match is a
/// `?`, dimmed: a guess is not shown as a confident "changed".
pub fn marker(row: &ShownRow, theme: &Theme) -> (&'static str, Style) {
    let (m, s) = match row.kind {
        RowKind::Same => return ("=", theme.dim),
        RowKind::Changed if row.weak => return ("?", theme.changed.add_modifier(Modifier::DIM)),
        RowKind::Changed => ("~", theme.changed),
        RowKind::LeftOnly => ("<", theme.left_only),
        RowKind::RightOnly => (">", theme.right_only),
    };
    (m, if theme.mono { s.add_modifier(Modifier::BOLD) } else { s })
}

/// The text style of a row: its kind's colour, or plain text when the
/// word differences carry the colour.
pub fn kind_style(kind: RowKind, theme: &Theme, has_diff: bool) -> Style {
    match kind {
        RowKind::Same => theme.same,
        RowKind::Changed if has_diff => theme.text,
        RowKind::Changed => theme.changed,
        RowKind::LeftOnly => theme.left_only,
        RowKind::RightOnly => theme.right_only,
    }
}
