//! The two columns laid out: each row of the alignment a band of lines
//! (the two sides wrapped to their column, starting on the same line, a
//! blank line after), or with "differences only" each run of same rows one
//! band of one line. The view scrolls over these lines.

use super::super::comparison::ShownRow;
use super::super::text;
use crate::compare::RowKind;
use std::ops::Range;

/// What a band shows: one row, or a run of same rows folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Row(usize),
    Fold(Range<usize>),
}

impl Item {
    pub fn first_row(&self) -> usize {
        match self {
            Item::Row(r) => *r,
            Item::Fold(rows) => rows.start,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Band {
    /// Its first line.
    pub start: usize,
    pub item: Item,
    /// Each side's lines, as byte ranges of its text.
    pub lines: [Vec<Range<usize>>; 2],
}

impl Band {
    /// Lines of text, without the blank line that follows.
    pub fn height(&self) -> usize {
        self.lines[0].len().max(self.lines[1].len())
    }
}

#[derive(Clone, Debug)]
pub struct Bands {
    pub widths: [usize; 2],
    pub folded: bool,
    pub bands: Vec<Band>,
    /// The band each row is drawn in.
    pub of_row: Vec<usize>,
    /// Lines in all.
    pub total: usize,
}

impl Bands {
    /// Lay `rows` out in columns `widths` wide, same rows `folded` or not.
    pub fn new(rows: &[ShownRow], widths: [usize; 2], folded: bool) -> Bands {
        let mut items = Vec::new();
        let mut i = 0;
        while i < rows.len() {
            if folded && rows[i].kind == RowKind::Same {
                let from = i;
                while i < rows.len() && rows[i].kind == RowKind::Same {
                    i += 1;
                }
                items.push(Item::Fold(from..i));
            } else {
                items.push(Item::Row(i));
                i += 1;
            }
        }
        let mut bands: Vec<Band> = Vec::with_capacity(items.len());
        let mut of_row = vec![0; rows.len()];
        let mut start = 0;
        for item in items {
            let lines = match &item {
                Item::Row(r) => {
                    of_row[*r] = bands.len();
                    [0, 1].map(|c| rows[*r].side(c).map_or_else(Vec::new, |m| text::wrap(&m.text, widths[c])))
                }
                Item::Fold(run) => {
                    run.clone().for_each(|r| of_row[r] = bands.len());
                    // One line: the fold's label.
                    [0, 1].map(|_| std::iter::once(0..0).collect())
                }
            };
            let band = Band { start, item, lines };
            start += band.height() + 1;
            bands.push(band);
        }
        Bands { widths, folded, bands, of_row, total: start }
    }

    /// The band that shows `line`.
    pub fn at(&self, line: usize) -> Option<usize> {
        self.bands.partition_point(|band| band.start <= line).checked_sub(1)
    }

    /// The band that shows `row`.
    pub fn of(&self, row: usize) -> Option<&Band> {
        self.bands.get(*self.of_row.get(row)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::text::Marked;

    fn row(kind: RowKind, left: Option<&str>, right: Option<&str>) -> ShownRow {
        let m = |t: Option<&str>| t.map(|t| Marked::plain(t, false));
        ShownRow { kind, left: m(left), right: m(right), left_para: None, right_para: None, weak: false, reason: None }
    }

    #[test]
    fn rows_are_bands_and_runs_of_same_rows_fold_into_one_line() {
        let rows = vec![
            row(RowKind::LeftOnly, Some("one two three"), None),
            row(RowKind::Same, Some("a"), Some("a")),
            row(RowKind::Same, Some("b"), Some("b")),
            row(RowKind::Changed, Some("x"), Some("y y y y")),
        ];
        let open = Bands::new(&rows, [5, 3], false);
        let starts: Vec<usize> = open.bands.iter().map(|b| b.start).collect();
        assert_eq!((starts, open.total), (vec![0, 4, 6, 8], 11));
        let folded = Bands::new(&rows, [5, 3], true);
        assert_eq!(folded.bands[1].item, Item::Fold(1..3));
        assert_eq!(folded.of_row, [0, 1, 1, 2]);
        assert_eq!((folded.of(3).unwrap().start, folded.total), (6, 9));
        assert_eq!((folded.at(5), folded.at(6), folded.at(99)), (Some(1), Some(2), Some(2)));
    }
}
