//! The two-column view: two articles side by side, drawn from the rows the
//! domain's alignment hands over. Each row is a band of lines; the two
//! sides of a row start on the same line, a marker between them says how
//! they relate (= same, ~ changed, < left only, > right only), and word
//! differences are marked on their side.
//!
//! Scrolling is locked between the columns until unlocked; the place
//! survives a resize (the row at the top stays at the top).

use super::super::rows::{Comparison, ShownRow};
use super::super::text::{self, Marked};
use super::super::theme::Theme;
use crate::article::ArticleId;
use crate::compare::RowKind;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;
use std::sync::Arc;

/// Lines above the text: two of headline, one of details, a rule.
const HEADER: u16 = 4;
const GUTTER: u16 = 3;

#[derive(Clone, Debug)]
struct Band {
    start: usize,
    lines: [Vec<Range<usize>>; 2],
}

#[derive(Clone, Debug)]
struct Bands {
    widths: [usize; 2],
    bands: Vec<Band>,
    total: usize,
}

#[derive(Clone, Debug)]
pub struct CompareView {
    pub ids: [ArticleId; 2],
    pub data: Option<Arc<Comparison>>,
    pub error: Option<String>,
    pub locked: bool,
    /// The column that scrolls when unlocked: 0 left, 1 right.
    pub focus: usize,
    tops: [usize; 2],
    height: usize,
    bands: Option<Bands>,
    /// Start at the row of this left paragraph once the rows arrive.
    start_para: Option<usize>,
    /// (band, line in band) per column, to restore after re-wrapping.
    anchor: Option<[(usize, usize); 2]>,
    /// Where the columns were drawn, for the mouse.
    pub areas: [Rect; 2],
}

fn side(row: &ShownRow, c: usize) -> Option<&Marked> {
    if c == 0 { row.left.as_ref() } else { row.right.as_ref() }
}

impl CompareView {
    pub fn new(left: ArticleId, right: ArticleId, start_para: Option<usize>) -> CompareView {
        CompareView {
            ids: [left, right],
            data: None,
            error: None,
            locked: true,
            focus: 0,
            tops: [0, 0],
            height: 10,
            bands: None,
            start_para,
            anchor: None,
            areas: [Rect::default(); 2],
        }
    }

    pub fn set_data(&mut self, data: Arc<Comparison>) {
        self.anchor = None;
        self.bands = None;
        self.tops = [0, 0];
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

    pub fn tops(&self) -> [usize; 2] {
        self.tops
    }

    fn band_at(&self, line: usize) -> Option<usize> {
        let b = &self.bands.as_ref()?.bands;
        let i = b.partition_point(|band| band.start <= line);
        i.checked_sub(1)
    }

    fn layout(&mut self, widths: [usize; 2]) {
        if self.bands.as_ref().is_some_and(|b| b.widths == widths) {
            return;
        }
        let Some(data) = self.data.clone() else { return };
        let anchor = self.anchor.take().or_else(|| {
            let b = self.bands.as_ref()?;
            Some(self.tops.map(|t| self.band_at(t).map_or((0, 0), |i| (i, t - b.bands[i].start))))
        });
        let mut bands = Vec::with_capacity(data.rows.len());
        let mut start = 0;
        for row in &data.rows {
            let lines = [0, 1].map(|c| side(row, c).map_or_else(Vec::new, |m| text::wrap(&m.text, widths[c])));
            let height = lines[0].len().max(lines[1].len()) + 1;
            bands.push(Band { start, lines });
            start += height;
        }
        self.bands = Some(Bands { widths, bands, total: start });
        if let Some(anchor) = anchor {
            let b = &self.bands.as_ref().expect("just laid out").bands;
            self.tops = anchor.map(|(i, off)| {
                b.get(i).map_or(0, |band| band.start + off.min(band.lines[0].len().max(band.lines[1].len())))
            });
        } else if let Some(p) = self.start_para.take() {
            let row = data.rows.iter().position(|r| r.left_para.is_some_and(|l| l >= p)).unwrap_or(0);
            let line = self.bands.as_ref().expect("just laid out").bands.get(row).map_or(0, |b| b.start);
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
        let header = HEADER.min(area.height);
        for (c, doc) in [&data.left, &data.right].into_iter().enumerate() {
            let col = Rect { height: header, ..cols[c] };
            let w = usize::from(col.width);
            let focused = !self.locked && self.focus == c;
            let mut lines: Vec<Line> = text::wrap(&doc.title, w)
                .into_iter()
                .take(2)
                .map(|r| Line::styled(doc.title[r].to_string(), theme.title))
                .collect();
            if text::wrap(&doc.title, w).len() > 2 {
                let last = lines.pop().map(|l| l.to_string()).unwrap_or_default();
                lines.push(Line::styled(text::truncate(&format!("{last} …"), w), theme.title));
            }
            while lines.len() < 2 {
                lines.push(Line::default());
            }
            lines.push(Line::styled(text::truncate(&doc.meta, w), theme.dim));
            lines.push(Line::styled("─".repeat(w), if focused { theme.border_focus } else { theme.border }));
            frame.render_widget(Paragraph::new(lines), col);
        }
        let body_h = area.height.saturating_sub(header);
        self.height = usize::from(body_h).max(1);
        self.layout([usize::from(lw).max(1), usize::from(rw).max(1)]);
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
        let band = &self.bands.as_ref().expect("laid out").bands[i];
        let (Some(range), Some(marked)) = (band.lines[c].get(line - band.start), side(&data.rows[i], c)) else {
            return Line::default();
        };
        let row = &data.rows[i];
        let base = kind_style(row.kind, theme, !marked.marks.is_empty());
        let mark = if c == 0 { theme.diff_delete } else { theme.diff_insert };
        Line::from(text::spans(marked, range.clone(), base, mark, None))
    }

    fn gutter_line(&self, data: &Comparison, line: usize, theme: &Theme) -> Line<'static> {
        let aligned = self.locked || self.tops[0] == self.tops[1];
        match self.band_at(line) {
            Some(i) if aligned && self.bands.as_ref().expect("laid out").bands[i].start == line => {
                let kind = data.rows[i].kind;
                let (marker, style) = match kind {
                    RowKind::Same => ("=", theme.dim),
                    RowKind::Changed => ("~", theme.changed),
                    RowKind::LeftOnly => ("<", theme.left_only),
                    RowKind::RightOnly => (">", theme.right_only),
                };
                Line::from(vec![Span::raw(" "), Span::styled(marker, style)])
            }
            _ => Line::from(Span::styled(" │", theme.border)),
        }
    }
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
