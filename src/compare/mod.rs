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
//! `names` (proper names), `acronyms` (what they stand for), `soft` (how
//! much of a sentence another says, by letters and meaning, see
//! [`crate::meaning`]), `pair` (the odds that two sentences state one
//! fact), `align` (the matching), `rows` (the side-by-side rows),
//! `evidence` (why a row matched), `diff` (word diffs), `facts` (quotes,
//! figures and names set against each other) and `render` (text and
//! Markdown).

mod acronyms;
mod align;
mod diff;
mod evidence;
mod facts;
mod names;
mod pair;
mod render;
mod rows;
mod sentences;
mod soft;
mod tokens;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod meaning_tests;
#[cfg(test)]
mod tests;

pub use diff::{DiffOp, DiffSpan, word_diff};
pub use evidence::{Evidence, WordPair};
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
    /// How alike the two articles are, graded, 0 to 1: how much of each the
    /// other says, sentence by sentence, by letters and by meaning, weighed
    /// by how rare the words are (1 for the same text; two accounts of one
    /// event well above two articles about one crisis, which score above
    /// two unrelated ones). Not only the aligned rows count: a sentence the
    /// other article half says counts half.
    pub similarity: f64,
    /// The share of each side's words in rows aligned with the other.
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

/// How surely a matched row says the same on both sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Identical, or the odds are clearly for the match.
    Strong,
    /// More likely the same fact than not, but a reader should check.
    Weak,
    /// A one-sided row: nothing was matched.
    None,
}

/// One line of the side-by-side comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub kind: RowKind,
    /// The left sentence; two sentences, joined, when the right says in one
    /// what the left says in two (`left_sentences` is then 2).
    pub left: Option<String>,
    pub right: Option<String>,
    /// How surely the two sides say the same thing, 0 to 1: the probability
    /// of the match (`pair`'s model); 1 for `same`, 0 for one-sided rows.
    pub score: f64,
    /// `strong` or `weak` for a match, `none` for a one-sided row.
    pub confidence: Confidence,
    /// How many sentences each side of the row holds.
    pub left_sentences: usize,
    pub right_sentences: usize,
    /// What a match rests on; empty for `same` and one-sided rows.
    pub evidence: Evidence,
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
    let texts: Vec<(&str, &[tokens::Term])> =
        ls.iter().zip(&lt).chain(rs.iter().zip(&rt)).map(|(s, t)| (s.text.as_str(), t.as_slice())).collect();
    let expansions = acronyms::Expansions::find(&texts);
    let (lk, rk): (Vec<String>, Vec<String>) =
        (ls.iter().map(|s| verbatim_key(&s.text)).collect(), rs.iter().map(|s| verbatim_key(&s.text)).collect());
    let identical = |l: usize, r: usize| lk[l] == rk[r];
    let scorer = align::Scorer::new(&lt, &rt, &expansions);
    let matches = scorer.matches(identical);
    let rows = rows::build(&ls, &rs, &matches, &scorer, identical);

    let words = |s: &Option<String>| s.as_deref().map_or(0, |t| t.split_whitespace().count());
    let (mut lw, mut rw, mut lm, mut rm) = (0, 0, 0, 0);
    for row in &rows {
        let (a, b) = (words(&row.left), words(&row.right));
        lw += a;
        rw += b;
        if row.left.is_some() && row.right.is_some() {
            lm += a;
            rm += b;
        }
    }
    let ratio = |x: usize, y: usize| {
        if y == 0 { 0.0 } else { (x as f64 / y as f64).clamp(0.0, 1.0) }
    };

    let (lq, rq) = (crate::words::quotes(&left.paragraphs), crate::words::quotes(&right.paragraphs));
    let text = |ss: &[Sentence]| ss.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
    let (ltext, rtext) = (text(&ls), text(&rs));
    let lf = facts::figures(ltext.iter().map(String::as_str));
    let rf = facts::figures(rtext.iter().map(String::as_str));
    let ln = names::NameIndex::new(ltext.iter().map(String::as_str));
    let rn = names::NameIndex::new(rtext.iter().map(String::as_str));

    Alignment {
        left: Listing::of(left),
        right: Listing::of(right),
        similarity: scorer.graded(identical).clamp(0.0, 1.0),
        shared: Shares { left: ratio(lm, lw), right: ratio(rm, rw) },
        first_published: first_published(left.date, right.date),
        rows,
        quotes: Shared::split(&lq, &rq, crate::words::same_quote, |q| q.text.clone()),
        numbers: facts::Figures::shared(&lf, &rf),
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

impl Row {
    /// Why the row's two sides were matched, for a reader: its score,
    /// whether the match is weak, and its evidence; `None` for `same` and
    /// one-sided rows, which need no reason.
    pub fn reason(&self) -> Option<String> {
        if self.kind != RowKind::Changed {
            return None;
        }
        let weak = if self.confidence == Confidence::Weak { " weak match" } else { "" };
        let merged = match (self.left_sentences, self.right_sentences) {
            (2.., _) => format!(", {} left sentences in one", self.left_sentences),
            (_, 2..) => format!(", {} right sentences in one", self.right_sentences),
            _ => String::new(),
        };
        let evidence = self.evidence.line();
        let sep = if evidence.is_empty() { "" } else { ": " };
        Some(format!("{:.2}{weak}{merged}{sep}{evidence}", self.score))
    }
}
