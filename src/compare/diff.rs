//! Word-level differences inside a `changed` row: what an editor changed
//! between two versions of one sentence (`the DNR` -> `the Donetsk People's
//! Republic`).
//!
//! Text is cut into words and single punctuation marks, each carrying the
//! space before it, and diffed with `similar`. Punctuation is its own token,
//! so `DNR,` against `Republic,` changes the word and keeps the comma; and
//! spaces never match on their own, so a rewritten phrase reads as one
//! deletion and one insertion rather than word-by-word confetti.
//! Concatenating the `equal` and `delete` pieces gives the left sentence back,
//! the `equal` and `insert` pieces the right one.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// What a piece of a word diff does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

/// One piece of a word diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffSpan {
    pub op: DiffOp,
    pub text: String,
}

/// Cuts text into chunks: a word (letters, digits, inner `'` `’` `-` `.`
/// `,`) or a single other character, each with the whitespace before it.
/// Chunks compare whole, so a word only matches where the spacing agrees.
fn chunks(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = chars[i].0;
        while i < chars.len() && chars[i].1.is_whitespace() {
            i += 1;
        }
        if i < chars.len() {
            let word = chars[i].1.is_alphanumeric();
            i += 1;
            while word && i < chars.len() {
                let c = chars[i].1;
                let inner = matches!(c, '\'' | '’' | '-' | '.' | ',')
                    && chars.get(i + 1).is_some_and(|n| n.1.is_alphanumeric());
                if c.is_alphanumeric() {
                    i += 1;
                } else if inner {
                    i += 2;
                } else {
                    break;
                }
            }
        }
        let end = chars.get(i).map_or(text.len(), |c| c.0);
        out.push(&text[start..end]);
    }
    out
}

/// The word diff from `left` to `right`.
pub fn word_diff(left: &str, right: &str) -> Vec<DiffSpan> {
    let (old, new) = (chunks(left), chunks(right));
    let mut pieces: Vec<DiffSpan> = Vec::new();
    let mut del = String::new();
    let mut ins = String::new();
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        let (tag, o, n) = op.as_tag_tuple();
        if !matches!(tag, DiffTag::Equal) {
            del.push_str(&old[o].concat());
            ins.push_str(&new[n].concat());
            continue;
        }
        flush(&mut pieces, &mut del, &mut ins);
        push(&mut pieces, DiffOp::Equal, old[o].concat());
    }
    flush(&mut pieces, &mut del, &mut ins);
    pieces
}

/// Emits one change as a deletion then an insertion. When both sides of the
/// change start with the same space, the space is shared text and goes to
/// the `equal` before it, so the change reads `DNR` -> `Donetsk People's
/// Republic` rather than ` DNR` -> ` Donetsk People's Republic`.
fn flush(pieces: &mut Vec<DiffSpan>, del: &mut String, ins: &mut String) {
    let (d, i) = (std::mem::take(del), std::mem::take(ins));
    let space = |s: &str| s.len() - s.trim_start().len();
    let shared = if d.is_empty() || i.is_empty() { 0 } else { space(&d).min(space(&i)) };
    if shared > 0 && d[..shared] == i[..shared] {
        push(pieces, DiffOp::Equal, d[..shared].to_string());
        push(pieces, DiffOp::Delete, d[shared..].to_string());
        push(pieces, DiffOp::Insert, i[shared..].to_string());
    } else {
        push(pieces, DiffOp::Delete, d);
        push(pieces, DiffOp::Insert, i);
    }
}

fn push(pieces: &mut Vec<DiffSpan>, op: DiffOp, text: String) {
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(last) if last.op == op => last.text.push_str(&text),
        _ => pieces.push(DiffSpan { op, text }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(pieces: &[DiffSpan], skip: DiffOp) -> String {
        pieces.iter().filter(|p| p.op != skip).map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn acronym_spelled_out() {
        let l = "Denis Pushilin, the rebel head of the DNR, made a similar appeal.";
        let r = "Denis Pushilin, the rebel head of the Donetsk People's Republic, made a similar appeal.";
        let d = word_diff(l, r);
        let changes: Vec<(DiffOp, &str)> =
            d.iter().filter(|p| p.op != DiffOp::Equal).map(|p| (p.op, p.text.as_str())).collect();
        assert_eq!(changes, vec![(DiffOp::Delete, "DNR"), (DiffOp::Insert, "Donetsk People's Republic")]);
        assert_eq!(side(&d, DiffOp::Insert), l);
        assert_eq!(side(&d, DiffOp::Delete), r);
    }

    #[test]
    fn rewritten_phrase_is_one_change_and_sides_rebuild() {
        let l = "Copies of letters published by Russian news services showed they were dated Feb. 22.";
        let r = "The two letters have been printed by Russian state media and have been each dated February 22.";
        let d = word_diff(l, r);
        assert_eq!(side(&d, DiffOp::Insert), l);
        assert_eq!(side(&d, DiffOp::Delete), r);
        let inserted: Vec<&str> = d.iter().filter(|p| p.op == DiffOp::Insert).map(|p| p.text.as_str()).collect();
        assert!(inserted.contains(&"February"), "{d:?}");
    }

    #[test]
    fn identical_is_one_equal_piece() {
        let d = word_diff("Same words.", "Same words.");
        assert_eq!(d, vec![DiffSpan { op: DiffOp::Equal, text: "Same words.".into() }]);
    }
}
