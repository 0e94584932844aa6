//! The checkable facts of two accounts, set against each other: the quotes
//! each carries, the figures each gives, the names each mentions.
//!
//! Sentence alignment tells where two accounts agree; this tells an editor,
//! at a glance, what one account has that the other lacks: the quote only
//! one outlet ran, the casualty figure only one reports. Quotes are taken
//! from whole paragraphs (a quote may span sentences), normalised for
//! matching, and kept only if they have at least [`MIN_QUOTE_WORDS`] words.

use crate::words::numbers;
use crate::words::words;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Items both articles carry, and those only one carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    pub both: Vec<String>,
    pub left_only: Vec<String>,
    pub right_only: Vec<String>,
}

impl Shared {
    /// Splits `left` and `right` by `same`, keeping each side's wording and order.
    pub fn split<T>(left: &[T], right: &[T], same: impl Fn(&T, &T) -> bool, show: impl Fn(&T) -> String) -> Self {
        let mut shared = Shared::default();
        for l in left {
            let bucket = if right.iter().any(|r| same(l, r)) { &mut shared.both } else { &mut shared.left_only };
            bucket.push(show(l));
        }
        shared.right_only = right.iter().filter(|r| !left.iter().any(|l| same(l, r))).map(show).collect();
        shared
    }
}

/// The figures and dates of some sentences, canonical, in order,
/// deduplicated; and the small counts written as words (`two`), which are
/// not listed but answer the same figure in digits on the other side.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub listed: Vec<String>,
    pub spelled: HashSet<String>,
}

pub fn figures<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Figures {
    // A set beside the list: an article with 100,000 numbered paragraphs
    // must not cost 100,000² comparisons.
    let mut seen = HashSet::new();
    let mut out = Figures::default();
    for s in sentences {
        for n in numbers::scan(s, &words(s)) {
            if n.kind == numbers::NumberKind::Spelled {
                out.spelled.insert(n.canonical);
            } else if seen.insert(n.canonical.clone()) {
                out.listed.push(n.canonical);
            }
        }
    }
    out
}

impl Figures {
    /// Whether this side gives `figure`, in digits or in words.
    fn gives(&self, figure: &String) -> bool {
        self.listed.contains(figure) || self.spelled.contains(figure)
    }

    /// The figures both give and those only one gives ("the 2 leaders" and
    /// "the two leaders" agree).
    pub fn shared(left: &Figures, right: &Figures) -> Shared {
        let mut shared = Shared::default();
        for f in &left.listed {
            let bucket = if right.gives(f) { &mut shared.both } else { &mut shared.left_only };
            bucket.push(f.clone());
        }
        for f in &right.listed {
            if !left.gives(f) {
                shared.right_only.push(f.clone());
            } else if !left.listed.contains(f) {
                shared.both.push(f.clone()); // spelled on the left, in digits on the right
            }
        }
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{quotes, same_quote};

    fn paras(ps: &[&str]) -> Vec<String> {
        ps.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn quotes_match_across_marks_and_cuts() {
        let left = quotes(&paras(&["He said “Russia’s forces are at the final point of readiness.”"]));
        let right = quotes(&paras(&[
            "\"Russia's forces are at the final point of readiness,\" he said, and \"we will not wait here\".",
        ]));
        let s = Shared::split(&left, &right, same_quote, |q| q.text.clone());
        assert_eq!(s.both, vec!["Russia’s forces are at the final point of readiness"]);
        assert!(s.left_only.is_empty());
        assert_eq!(s.right_only, vec!["we will not wait here"]);
        let cut = quotes(&paras(&["the “final point of readiness” he saw"]));
        assert!(same_quote(&cut[0], &left[0]));
    }

    #[test]
    fn figures_compare_in_canonical_form() {
        let left = figures(["They were dated Feb. 22 and 150,000 troops massed.", "About 30% is held."]);
        let right = figures(["Both dated February 22; 150000 troops and 5 million refugees."]);
        let s = Figures::shared(&left, &right);
        assert_eq!(s.both, vec!["February 22", "150,000"]);
        assert_eq!(s.left_only, vec!["30%"]);
        assert_eq!(s.right_only, vec!["5 million"]);
    }

    #[test]
    fn a_count_in_words_answers_the_same_count_in_digits() {
        let digits = figures(["The 2 Russian-backed regions asked for help."]);
        let spelled = figures(["The two breakaway regions asked for help, and three men left."]);
        let s = Figures::shared(&digits, &spelled);
        assert_eq!(s.both, vec!["2"]);
        assert!(s.left_only.is_empty() && s.right_only.is_empty(), "{s:?}");
        let s = Figures::shared(&spelled, &digits);
        assert_eq!(s.both, vec!["2"], "either way round");
        assert!(s.left_only.is_empty() && s.right_only.is_empty(), "{s:?}");
        assert_eq!(figures(["2 soldiers were hurt."]).listed, vec!["2"], "a figure opening a sentence");
        let s = Figures::shared(&spelled, &figures(["Nothing here."]));
        assert!(s.left_only.is_empty(), "a count in words is not reported alone: {s:?}");
    }
}
