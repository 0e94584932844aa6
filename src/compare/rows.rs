//! The side-by-side rows from the matches: in the left article's reading
//! order, each right sentence no one matched placed after the row of its
//! nearest matched neighbour above it (or first, when none is above), so a
//! reader sees what the right side adds where it adds it.

use super::align::{Match, Scorer};
use super::evidence;
use super::{Confidence, DiffOp, DiffSpan, Evidence, Row, RowKind, Sentence, word_diff};

/// A match at least this probable is shown as a confident "changed"; below
/// it (down to the match threshold) as weak, with its score, for the
/// reader to check. Chosen on MSRP train: of the pairs the model gives 0.8
/// to 0.9, 88% are paraphrases, and 98% above; from 0.5 to 0.8, 50–72%,
/// about the share of paraphrases among all of MSRP's pairs.
pub const STRONG: f64 = 0.8;

pub fn build(
    ls: &[Sentence],
    rs: &[Sentence],
    matches: &[Match],
    scorer: &Scorer<'_>,
    identical: impl Fn(usize, usize) -> bool,
) -> Vec<Row> {
    // Which match each right sentence belongs to, and which left sentence
    // opens each match.
    let mut right_in: Vec<Option<usize>> = vec![None; rs.len()];
    let mut opens: Vec<Option<usize>> = vec![None; ls.len()];
    let mut inside: Vec<bool> = vec![false; ls.len()];
    for (k, m) in matches.iter().enumerate() {
        m.right.clone().for_each(|r| right_in[r] = Some(k));
        opens[m.left.start] = Some(k);
        m.left.clone().for_each(|l| inside[l] = true);
    }
    // Right-only sentences go after the row of their nearest preceding
    // matched right neighbour, or first of all when none precedes them.
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); ls.len()];
    let mut at_start = Vec::new();
    let mut anchor = None;
    for (r, m) in right_in.iter().enumerate() {
        match m {
            Some(k) => anchor = Some(matches[*k].left.end - 1),
            None => match anchor {
                Some(l) => after[l].push(r),
                None => at_start.push(r),
            },
        }
    }
    let right_only = |r: usize| one_sided(RowKind::RightOnly, &rs[r]);
    let mut rows: Vec<Row> = at_start.into_iter().map(right_only).collect();
    for l in 0..ls.len() {
        if let Some(k) = opens[l] {
            rows.push(matched(ls, rs, &matches[k], scorer, &identical));
        } else if !inside[l] {
            rows.push(one_sided(RowKind::LeftOnly, &ls[l]));
        }
        rows.extend(after[l].iter().map(|&r| right_only(r)));
    }
    rows
}

fn joined(ss: &[Sentence]) -> String {
    ss.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ")
}

fn matched(
    ls: &[Sentence],
    rs: &[Sentence],
    m: &Match,
    scorer: &Scorer<'_>,
    identical: &impl Fn(usize, usize) -> bool,
) -> Row {
    let (left, right) = (joined(&ls[m.left.clone()]), joined(&rs[m.right.clone()]));
    let same = m.left.len() == 1 && m.right.len() == 1 && identical(m.left.start, m.right.start);
    Row {
        kind: if same { RowKind::Same } else { RowKind::Changed },
        score: if same { 1.0 } else { m.score.clamp(0.0, 1.0) },
        confidence: if same || m.score >= STRONG { Confidence::Strong } else { Confidence::Weak },
        left_sentences: m.left.len(),
        right_sentences: m.right.len(),
        evidence: if same { Evidence::default() } else { evidence::of(scorer, m) },
        diff: if same { vec![DiffSpan { op: DiffOp::Equal, text: left.clone() }] } else { word_diff(&left, &right) },
        left_para: Some(ls[m.left.start].para),
        right_para: Some(rs[m.right.start].para),
        left: Some(left),
        right: Some(right),
    }
}

fn one_sided(kind: RowKind, s: &Sentence) -> Row {
    let left_side = kind == RowKind::LeftOnly;
    Row {
        kind,
        left: left_side.then(|| s.text.clone()),
        right: (!left_side).then(|| s.text.clone()),
        score: 0.0,
        confidence: Confidence::None,
        left_sentences: usize::from(left_side),
        right_sentences: usize::from(!left_side),
        evidence: Evidence::default(),
        diff: vec![DiffSpan { op: if left_side { DiffOp::Delete } else { DiffOp::Insert }, text: s.text.clone() }],
        left_para: left_side.then_some(s.para),
        right_para: (!left_side).then_some(s.para),
    }
}
