//! Comparing two accounts of one event, sentence by sentence.
//!
//! Journalists compare outlets to see who copied whom, who edited what, and
//! what one side leaves out. [`compare`] splits both articles into sentences,
//! matches the sentences that say the same thing (verbatim, edited, or the
//! same fact in other words and another place), and reports the rows in the
//! left article's reading order, with word diffs for edited sentences, the
//! quotes, figures and names only one side carries, an overall similarity,
//! the share of each side found in the other, and which came out first.
//!
//! Pure domain code: no terminal, no files. The [`Alignment`] serialises to
//! the JSON that `byline compare --json` prints (scripts rely on its shape:
//! `left`, `right`, `similarity`, `shared`, `first_published`, `rows`,
//! `quotes`, `numbers`, `names`), and renders as plain text or Markdown for
//! `--format text|md`.
//!
//! The pieces, one idea per file: `sentences` (the splitter), `tokens`
//! (normalisation and stemming), `numbers` (figures and dates in one form),
//! `names` (proper names), `align` (the matching and its thresholds), `diff`
//! (word diffs), `facts` (quotes, figures and names set against each other)
//! and `render` (text and Markdown).

mod align;
pub(crate) mod facts_api {
    //! The pieces of comparison that event grouping reuses.
    pub use super::facts::quotes;
    pub use super::names::runs_in as name_runs_in;
    pub use super::numbers::scan as number_spans;
    pub use super::tokens::{Word, is_stopword, strip_possessive, words};
}
mod diff;
mod facts;
mod names;
mod numbers;
mod render;
mod sentences;
mod tokens;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod tests;

pub use diff::{DiffOp, DiffSpan, word_diff};
pub use facts::Shared;
pub use sentences::{Sentence, split, split_paragraphs};

use crate::article::{Article, Listing};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The result of comparing two articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Which articles the report is about.
    pub left: Listing,
    pub right: Listing,
    /// How much the two say the same, 0 (nothing) to 1 (identical): the
    /// match scores of the aligned sentences, weighted by their words.
    pub similarity: f64,
    pub shared: Shares,
    /// Which was published first; `None` unless both dates are known.
    pub first_published: Option<FirstPublished>,
    /// Left reading order; right-only rows follow the row of their nearest
    /// preceding matched right sentence.
    pub rows: Vec<Row>,
    pub quotes: Shared,
    pub numbers: Shared,
    pub names: Shared,
}

/// The share of each side's words (0 to 1) that lie in sentences matched,
/// verbatim, edited or paraphrased, in the other.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shares {
    pub left: f64,
    pub right: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FirstPublished {
    Left,
    Right,
    Same,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// The same sentence on both sides (up to quote style and spacing).
    Same,
    /// Matched sentences that differ: edited, or the same fact reworded.
    Changed,
    LeftOnly,
    RightOnly,
}

/// One line of the side-by-side comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub kind: RowKind,
    pub left: Option<String>,
    pub right: Option<String>,
    /// How surely the two sentences say the same thing, 0 to 1: their
    /// weighted term overlap, or for a paraphrase the strength of the shared
    /// evidence if that is higher; 1 for `same`, 0 for one-sided rows.
    pub score: f64,
    /// Word diff from left to right: `equal`+`delete` pieces rebuild the left
    /// sentence, `equal`+`insert` the right one. A `same` row is one `equal`
    /// piece, a one-sided row one `delete` (left only) or `insert` (right only).
    pub diff: Vec<DiffSpan>,
    /// Index in `Article::paragraphs` of the paragraph the left sentence
    /// comes from (for the TUI to show it in context).
    pub left_para: Option<usize>,
    /// The same for the right sentence.
    pub right_para: Option<usize>,
}

/// Compares two articles; see the module docs.
pub fn compare(left: &Article, right: &Article) -> Alignment {
    let ls = split_paragraphs(&left.paragraphs);
    let rs = split_paragraphs(&right.paragraphs);
    let mut terms = tokens::Terms::default();
    let lt: Vec<_> = ls.iter().map(|s| terms.of(&s.text)).collect();
    let rt: Vec<_> = rs.iter().map(|s| terms.of(&s.text)).collect();
    let (lk, rk): (Vec<String>, Vec<String>) =
        (ls.iter().map(|s| verbatim_key(&s.text)).collect(), rs.iter().map(|s| verbatim_key(&s.text)).collect());
    let pairs = align::Scorer::new(&lt, &rt).matches(|l, r| lk[l] == rk[r]);

    let mut right_match = vec![None; rs.len()];
    let mut left_match = vec![None; ls.len()];
    for p in &pairs {
        right_match[p.right] = Some(p.left);
        left_match[p.left] = Some((p.right, p.score));
    }
    // Right-only sentences go after the row of their nearest preceding
    // matched right neighbour, or first of all when none precedes them.
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); ls.len()];
    let mut at_start = Vec::new();
    let mut anchor = None;
    for (r, m) in right_match.iter().enumerate() {
        match m {
            Some(l) => anchor = Some(*l),
            None => match anchor {
                Some(l) => after[l].push(r),
                None => at_start.push(r),
            },
        }
    }
    let right_only = |r: usize| Row {
        kind: RowKind::RightOnly,
        left: None,
        right: Some(rs[r].text.clone()),
        score: 0.0,
        diff: vec![DiffSpan { op: DiffOp::Insert, text: rs[r].text.clone() }],
        left_para: None,
        right_para: Some(rs[r].para),
    };
    let mut rows: Vec<Row> = at_start.into_iter().map(right_only).collect();
    for (l, s) in ls.iter().enumerate() {
        rows.push(match left_match[l] {
            Some((r, score)) => {
                let same = lk[l] == rk[r];
                Row {
                    kind: if same { RowKind::Same } else { RowKind::Changed },
                    left: Some(s.text.clone()),
                    right: Some(rs[r].text.clone()),
                    score: if same { 1.0 } else { score.clamp(0.0, 1.0) },
                    diff: if same {
                        vec![DiffSpan { op: DiffOp::Equal, text: s.text.clone() }]
                    } else {
                        word_diff(&s.text, &rs[r].text)
                    },
                    left_para: Some(s.para),
                    right_para: Some(rs[r].para),
                }
            }
            None => Row {
                kind: RowKind::LeftOnly,
                left: Some(s.text.clone()),
                right: None,
                score: 0.0,
                diff: vec![DiffSpan { op: DiffOp::Delete, text: s.text.clone() }],
                left_para: Some(s.para),
                right_para: None,
            },
        });
        rows.extend(after[l].iter().map(|&r| right_only(r)));
    }

    let words = |s: &Option<String>| s.as_deref().map_or(0, |t| t.split_whitespace().count());
    let (mut lw, mut rw, mut lm, mut rm, mut weighted) = (0, 0, 0, 0, 0.0);
    for row in &rows {
        let (a, b) = (words(&row.left), words(&row.right));
        lw += a;
        rw += b;
        if row.left.is_some() && row.right.is_some() {
            lm += a;
            rm += b;
            weighted += row.score * (a + b) as f64;
        }
    }
    let ratio = |x: f64, y: usize| {
        if y == 0 { 0.0 } else { (x / y as f64).clamp(0.0, 1.0) }
    };

    let (lq, rq) = (facts::quotes(&left.paragraphs), facts::quotes(&right.paragraphs));
    let text = |ss: &[Sentence]| ss.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
    let (ltext, rtext) = (text(&ls), text(&rs));
    let lf = facts::figures(ltext.iter().map(String::as_str));
    let rf = facts::figures(rtext.iter().map(String::as_str));
    let ln = names::NameIndex::new(ltext.iter().map(String::as_str));
    let rn = names::NameIndex::new(rtext.iter().map(String::as_str));

    Alignment {
        left: Listing::of(left),
        right: Listing::of(right),
        similarity: ratio(weighted, lw + rw),
        shared: Shares { left: ratio(lm as f64, lw), right: ratio(rm as f64, rw) },
        first_published: first_published(left.date, right.date),
        rows,
        quotes: Shared::split(&lq, &rq, facts::same_quote, |q| q.text.clone()),
        numbers: Shared::split(&lf, &rf, |a, b| a == b, String::clone),
        names: names::compare(&ln, &rn),
    }
}

/// Which date is earlier, when both are known.
pub fn first_published(left: Option<NaiveDate>, right: Option<NaiveDate>) -> Option<FirstPublished> {
    Some(match left?.cmp(&right?) {
        Ordering::Less => FirstPublished::Left,
        Ordering::Greater => FirstPublished::Right,
        Ordering::Equal => FirstPublished::Same,
    })
}

/// Text with quote style and spacing unified: equal keys make a `same` row.
fn verbatim_key(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '“' | '”' | '„' => '"',
            '‘' | '’' => '\'',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
