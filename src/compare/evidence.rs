//! Why two sentences were matched, in words a reader can check: the names
//! and figures both give, the rarest words both use, and the words one side
//! says in other words ("help ≈ assist"). A match a reader cannot check is
//! a guess presented as a fact about an outlet.

use super::align::{Match, Scorer};
use super::soft;
use super::tokens::{Term, TermKind};
use serde::{Deserialize, Serialize};

/// At most this many shared words are listed, rarest first.
const MAX_WORDS: usize = 6;

/// What a matched row rests on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Names both sides give, whole (`Leonid Pasechnik`), and acronyms met
    /// by what they stand for (`DNR = Donetsk People's Republic`).
    pub names: Vec<String>,
    /// Figures and dates both give, as the left writes them.
    pub figures: Vec<String>,
    /// Other words both use, rarest first.
    pub words: Vec<String>,
    /// Words of the left said in other words on the right.
    pub meaning: Vec<WordPair>,
}

/// Word pairs this near in meaning (cosine) are named in a row's reason;
/// all pairs the match used are in the JSON. Below it the pairs read as
/// noise to a person ("fighting ≈ troops", 0.41), though together they
/// still count: of the pairs on the seeds' rows, those from 0.5 up are the
/// ones a reader would call the same word in other words.
const SHOWN_NEAR: f64 = 0.5;

/// A left word and the right word taken for it, with how near they are
/// (the cosine of their vectors, at least [`soft::NEAR`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WordPair {
    pub left: String,
    pub right: String,
    pub similarity: f64,
}

impl Evidence {
    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.figures.is_empty() && self.words.is_empty() && self.meaning.is_empty()
    }

    /// One line of it: names and figures, then shared words, then the
    /// words matched by meaning (`help ≈ assist`, those at least
    /// [`SHOWN_NEAR`]), parts apart by ` · `.
    pub fn line(&self) -> String {
        let meaning: Vec<String> = self
            .meaning
            .iter()
            .filter(|p| p.similarity >= SHOWN_NEAR)
            .map(|p| format!("{} ≈ {}", p.left, p.right))
            .collect();
        let facts: Vec<&str> = self.names.iter().chain(&self.figures).map(String::as_str).collect();
        [facts.join(", "), self.words.join(", "), meaning.join(", ")]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The evidence of a match.
pub fn of(scorer: &Scorer<'_>, m: &Match) -> Evidence {
    let right = scorer.group(1, m.right.clone());
    let right_terms: Vec<(&Term, soft::Tok)> = scorer.terms(1, m.right.clone()).collect();
    let mut out = Evidence::default();
    let mut words: Vec<(f32, String)> = Vec::new();
    let left: Vec<(&Term, soft::Tok)> = scorer.terms(0, m.left.clone()).collect();
    let mut k = 0;
    while k < left.len() {
        let (term, tok) = left[k];
        // A run of capitalised words is one name: shown whole.
        let mut end = k + 1;
        while term.group != 0 && end < left.len() && left[end].0.group == term.group {
            end += 1;
        }
        let run = &left[k..end];
        k = end;
        let (last_term, last) = run[run.len() - 1];
        let (said, through) = soft::said(&last, &right, scorer.near(0));
        if said <= 0.0 {
            continue;
        }
        let text = run.iter().map(|(t, _)| t.text.as_str()).collect::<Vec<_>>().join(" ");
        match last_term.kind {
            TermKind::Number | TermKind::Year => push(&mut out.figures, text),
            _ if through.is_none() && right_terms.iter().all(|(_, t)| t.key != last.key) => {
                // Met through an acronym: "DNR = Donetsk People's Republic".
                let other = acronym_partner(&right_terms, &last).unwrap_or_default();
                // A name cut in two runs ("Donetsk People" 's "Republic") is one entry.
                let tail = format!(" = {other}");
                match out.names.last_mut().and_then(|last| last.strip_suffix(&tail).map(str::to_string)) {
                    Some(head) => *out.names.last_mut().expect("a last entry") = format!("{head} {text}{tail}"),
                    None => push(&mut out.names, format!("{text}{tail}")),
                }
            }
            TermKind::Name => push(&mut out.names, text),
            TermKind::Word if through.is_some() => {
                let other = right_terms.iter().find(|(_, t)| t.meaning == through).map(|(t, _)| t.text.clone());
                let similarity = f64::from(soft::NEAR + said * (1.0 - soft::NEAR));
                let pair = WordPair { left: text, right: other.unwrap_or_default(), similarity };
                if !out.meaning.contains(&pair) {
                    out.meaning.push(pair);
                }
            }
            TermKind::Word if run.len() > 1 => push(&mut out.names, text),
            TermKind::Word => words.push((tok.weight, text)),
        }
    }
    words.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    for (_, w) in words {
        if out.words.len() < MAX_WORDS && !out.words.iter().any(|x| x.eq_ignore_ascii_case(&w)) {
            out.words.push(w);
        }
    }
    out
}

fn push(list: &mut Vec<String>, text: String) {
    if !list.contains(&text) {
        list.push(text);
    }
}

/// The right side's text of what an acronym-linked left term was met by:
/// the acronym its name stands for, or the name run standing for it.
fn acronym_partner(right: &[(&Term, soft::Tok)], left: &soft::Tok) -> Option<String> {
    if let Some(a) = left.alias
        && let Some((t, _)) = right.iter().find(|(_, t)| t.key == a)
    {
        return Some(t.text.clone());
    }
    let stands_for = |t: &soft::Tok| t.alias == Some(left.key) || (left.alias.is_some() && t.alias == left.alias);
    let run: Vec<&str> = right.iter().filter(|(_, t)| stands_for(t)).map(|(t, _)| t.text.as_str()).collect();
    (!run.is_empty()).then(|| run.join(" "))
}
