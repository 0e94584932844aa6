//! Comparing two accounts of the same event.
//!
//! Today this holds only the values the two-column view renders ([`Row`]) and
//! a stand-in alignment ([`by_paragraph`]); the real aligner (sentence pairs,
//! word-level differences, similarity) replaces the function and keeps the
//! types.

use crate::article::Article;
use serde::{Deserialize, Serialize};

/// How the two sides of a row relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    Same,
    Changed,
    LeftOnly,
    RightOnly,
}

/// One step of a word-level difference: text both sides share, text only the
/// left has, text only the right has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiffSpan {
    pub op: DiffOp,
    pub text: String,
}

/// One band of the comparison: a passage of the left article beside the
/// passage of the right article that says the same thing (or nothing).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub kind: RowKind,
    pub left: Option<String>,
    pub right: Option<String>,
    /// Similarity of the two sides, 0 to 1.
    pub score: f32,
    /// Word-level difference for `Changed` rows (may be empty).
    pub diff: Vec<DiffSpan>,
    pub left_para: Option<usize>,
    pub right_para: Option<usize>,
}

/// Today's stand-in for the alignment: the two articles paragraph by paragraph
/// (row i = left paragraph i beside right paragraph i; kind Same when equal after
/// trimming, else Changed when both exist, else LeftOnly/RightOnly; empty diff).
pub fn by_paragraph(left: &Article, right: &Article) -> Vec<Row> {
    let n = left.paragraphs.len().max(right.paragraphs.len());
    (0..n)
        .map(|i| {
            let l = left.paragraphs.get(i);
            let r = right.paragraphs.get(i);
            let kind = match (l, r) {
                (Some(l), Some(r)) if l.trim() == r.trim() => RowKind::Same,
                (Some(_), Some(_)) => RowKind::Changed,
                (Some(_), None) => RowKind::LeftOnly,
                _ => RowKind::RightOnly,
            };
            Row {
                kind,
                left: l.cloned(),
                right: r.cloned(),
                score: if kind == RowKind::Same { 1.0 } else { 0.0 },
                diff: Vec::new(),
                left_para: l.map(|_| i),
                right_para: r.map(|_| i),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleId;

    fn article(paragraphs: &[&str]) -> Article {
        Article {
            id: ArticleId("0".into()),
            paths: vec![],
            title: "t".into(),
            title_derived: false,
            outlet: None,
            byline: None,
            date: None,
            url: None,
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn rows_pair_paragraphs_by_position() {
        let rows = by_paragraph(&article(&["a", "b ", "c"]), &article(&["a", "b", "x"]));
        let kinds: Vec<RowKind> = rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RowKind::Same, RowKind::Same, RowKind::Changed]);
        assert_eq!(rows[2].left.as_deref(), Some("c"));
        assert_eq!(rows[2].right.as_deref(), Some("x"));
        assert_eq!((rows[2].left_para, rows[2].right_para), (Some(2), Some(2)));
        assert!(rows.iter().all(|r| r.diff.is_empty()));
    }

    #[test]
    fn the_longer_side_gets_one_sided_rows() {
        let rows = by_paragraph(&article(&["a"]), &article(&["a", "b", "c"]));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].kind, RowKind::RightOnly);
        assert_eq!((rows[1].left.as_deref(), rows[1].left_para), (None, None));
        let rows = by_paragraph(&article(&["a", "b"]), &article(&[]));
        assert_eq!(rows[1].kind, RowKind::LeftOnly);
        assert_eq!(serde_json::to_string(&rows[1].kind).unwrap(), "\"left_only\"");
    }
}
