//! A comparison made ready to draw. The domain's [`Alignment`] is plain
//! text and untrusted, with word differences as spans; the two-column view
//! needs sanitized lines with marked ranges, and working that out for a
//! long pair on the render thread would stall typing. So it is done once,
//! on the worker: the alignment kept whole for the header (similarity,
//! shares, which came first), its rows sanitized with the word differences
//! turned into marks (what only the left has is marked in the left column,
//! what only the right has in the right column), and the quotes, figures
//! and names only one side has, sanitized too.

use super::doc::Doc;
use super::text::Marked;
use crate::compare::{Alignment, Confidence, DiffOp, Row, RowKind, Shared};
use crate::library::Compared;
use crate::sanitize::{self, clean_line};

#[derive(Clone, Debug, PartialEq)]
pub struct ShownRow {
    pub kind: RowKind,
    /// A match to check: more likely the same fact than not, no more.
    pub weak: bool,
    /// Why the sides were matched (score and evidence), sanitized to one line.
    pub reason: Option<String>,
    pub left: Option<Marked>,
    pub right: Option<Marked>,
    pub left_para: Option<usize>,
    pub right_para: Option<usize>,
}

impl ShownRow {
    /// Column `c`'s side: 0 the left, 1 the right.
    pub fn side(&self, c: usize) -> Option<&Marked> {
        if c == 0 { self.left.as_ref() } else { self.right.as_ref() }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub left: Doc,
    pub right: Doc,
    /// The domain's answer, whole. Its text is not sanitized: draw from
    /// `rows` and `facts`, which are.
    pub alignment: Alignment,
    pub rows: Vec<ShownRow>,
    /// What only the left has, and what only the right has.
    pub facts: [Facts; 2],
}

/// The quotes, figures and names one side has and the other lacks, each
/// sanitized to one line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub quotes: Vec<String>,
    pub figures: Vec<String>,
    pub names: Vec<String>,
}

impl Facts {
    fn side(a: &Alignment, left: bool) -> Facts {
        let only = |s: &Shared| {
            let items = if left { &s.left_only } else { &s.right_only };
            items.iter().map(|t| clean_line(t)).filter(|t| !t.is_empty()).collect()
        };
        Facts { quotes: only(&a.quotes), figures: only(&a.numbers), names: only(&a.names) }
    }

    pub fn is_empty(&self) -> bool {
        self.quotes.is_empty() && self.figures.is_empty() && self.names.is_empty()
    }
}

/// One side of a row: its text, or when a changed row has a word diff, the
/// diff's `Equal` spans and the side's own spans (`Delete` on the left,
/// `Insert` on the right), the latter marked.
fn side(row: &Row, text: Option<&String>, own: DiffOp) -> Option<Marked> {
    let text = text?;
    // Only a changed row's differences are marked: a same row is all
    // `Equal`, and a one-sided row (all `Delete` or all `Insert`) says so
    // with its kind's colour and marker.
    if row.kind != RowKind::Changed || row.diff.is_empty() {
        return Some(Marked::plain(text, false));
    }
    let mut out = Marked::default();
    for span in row.diff.iter().filter(|s| s.op == DiffOp::Equal || s.op == own) {
        let clean = sanitize::clean(&span.text);
        let start = out.text.len();
        out.text.push_str(&clean);
        if span.op == own && out.text.len() > start {
            match out.marks.last_mut() {
                Some(last) if last.end == start => last.end = out.text.len(),
                _ => out.marks.push(start..out.text.len()),
            }
        }
    }
    Some(out)
}

pub fn shown(row: &Row) -> ShownRow {
    ShownRow {
        kind: row.kind,
        weak: row.confidence == Confidence::Weak,
        reason: row.reason().map(|r| clean_line(&r)),
        left: side(row, row.left.as_ref(), DiffOp::Delete),
        right: side(row, row.right.as_ref(), DiffOp::Insert),
        left_para: row.left_para,
        right_para: row.right_para,
    }
}

impl Comparison {
    /// Two aligned articles (`Service::compare`), made ready to draw.
    pub fn of(c: Compared) -> Comparison {
        Comparison {
            left: Doc::new(&c.left, ""),
            right: Doc::new(&c.right, ""),
            rows: c.alignment.rows.iter().map(shown).collect(),
            facts: [Facts::side(&c.alignment, true), Facts::side(&c.alignment, false)],
            alignment: c.alignment,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{Confidence, DiffSpan, Evidence};

    fn span(op: DiffOp, text: &str) -> DiffSpan {
        DiffSpan { op, text: text.into() }
    }

    #[test]
    fn diffs_mark_each_side_and_text_is_cleaned() {
        let row = Row {
            kind: RowKind::Changed,
            left: Some("the rebel head of the DNR".into()),
            right: Some("the head of the Donetsk People's Republic".into()),
            score: 0.6,
            diff: vec![
                span(DiffOp::Equal, "the "),
                span(DiffOp::Delete, "rebel "),
                span(DiffOp::Equal, "head of the "),
                span(DiffOp::Delete, "DNR"),
                span(DiffOp::Insert, "Donetsk \u{1b}[2JPeople's Republic"),
            ],
            left_para: Some(1),
            right_para: Some(2),
            confidence: Confidence::Weak,
            left_sentences: 1,
            right_sentences: 1,
            evidence: Evidence::default(),
        };
        let s = shown(&row);
        let left = s.left.unwrap();
        assert_eq!(left.text, "the rebel head of the DNR");
        let marked: Vec<&str> = left.marks.iter().map(|r| &left.text[r.clone()]).collect();
        assert_eq!(marked, ["rebel ", "DNR"]);
        let right = s.right.unwrap();
        assert_eq!(right.text, "the head of the Donetsk People's Republic");
        assert_eq!(&right.text[right.marks[0].clone()], "Donetsk People's Republic");
    }

    #[test]
    fn rows_without_diff_are_plain_and_one_sided_rows_keep_their_side() {
        let row = Row {
            kind: RowKind::LeftOnly,
            left: Some("only\there".into()),
            right: None,
            score: 0.0,
            diff: vec![],
            left_para: Some(0),
            right_para: None,
            confidence: Confidence::None,
            left_sentences: 1,
            right_sentences: 0,
            evidence: Evidence::default(),
        };
        let s = shown(&row);
        assert_eq!(s.left, Some(Marked { text: "only    here".into(), marks: vec![] }));
        assert_eq!(s.right, None);
        // The same with the diff an aligner gives a one-sided row: still not marked.
        let row = Row { diff: vec![span(DiffOp::Delete, "only\there")], ..row };
        assert_eq!(shown(&row).left, Some(Marked { text: "only    here".into(), marks: vec![] }));
    }

    fn article(id: &str, quote: &str) -> crate::article::Article {
        crate::article::Article {
            id: crate::article::ArticleId(id.into()),
            paths: vec![],
            title: id.into(),
            title_derived: false,
            outlet: None,
            byline: None,
            date: None,
            url: None,
            paragraphs: vec![
                "Officials met on Monday in the capital.".into(),
                format!("\"{quote}\" the minister said."),
            ],
        }
    }

    #[test]
    fn the_alignment_is_kept_whole_and_the_facts_only_one_side_has_are_clean() {
        let l = article("l", "We will not\u{1b}]0;pwned\u{7} back down");
        let r = article("r", "Our patience has its limits");
        let c = Comparison::of(Compared::of(l, r));
        assert_eq!(c.alignment.rows.len(), c.rows.len());
        assert_eq!(c.alignment.left.id.as_str(), "l");
        assert_eq!(c.facts[0].quotes, ["We will not back down"]);
        assert_eq!(c.facts[1].quotes, ["Our patience has its limits"]);
        assert!(!c.facts[0].is_empty());
    }
}
