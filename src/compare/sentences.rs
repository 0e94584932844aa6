//! The sentence splitter: comparison works sentence by sentence, so the unit
//! of alignment must be cut the way a reader would cut it.
//!
//! News prose is full of periods that do not end anything (`Feb. 22`, `U.S.`,
//! `Mr.`, `J. R. R. Tolkien`, `3.5`, `4 p.m. GMT`) and of sentences that end
//! inside a closing quote (`…Republic," separatist Leonid Pasechnik said.`).
//! A general-purpose segmenter gets these wrong often enough to wreck an
//! alignment, so this is a small rule-based splitter tuned for news copy.

use crate::words::listed;

/// One sentence of an article, with the paragraph it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence, whitespace collapsed to single spaces.
    pub text: String,
    /// Index of the paragraph in `Article::paragraphs`.
    pub para: usize,
}

/// Splits every paragraph into sentences, in reading order.
pub fn split_paragraphs(paragraphs: &[String]) -> Vec<Sentence> {
    paragraphs
        .iter()
        .enumerate()
        .flat_map(|(para, p)| split(p).into_iter().map(move |text| Sentence { text, para }))
        .collect()
}

/// Abbreviations that never end a sentence: titles before a name (`Mr.`,
/// `Dr.`, `St.`, `Gen.`) and a few Latin ones (`vs.`, `cf.`).
#[rustfmt::skip]
const NEVER_LAST: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "rev", "hon",
    "mt", "ft", "jr", "sr", "messrs", "adm", "maj", "cpl", "pvt", "supt", "vs", "e.g", "i.e", "cf", "approx",
];

/// Abbreviations that end a sentence only when no number follows (`Feb. 22`, `No. 5`).
#[rustfmt::skip]
const BEFORE_NUMBERS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "art",
    "fig", "p", "pp", "vol",
];

/// Capitalised words that typically open a sentence; after a dotted acronym
/// (`U.S.`, `p.m.`) only these make the period a sentence end, so that
/// `U.S. Secretary of State` and `4 p.m. GMT` stay whole.
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "In", "On", "At",
    "As", "If", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our", "There", "Then",
    "Meanwhile", "However", "Earlier", "Later", "After", "Before", "When", "While", "Some", "Many", "Most", "No",
    "Not", "For", "By", "With", "From",
];

/// Splits one paragraph into sentences.
pub fn split(paragraph: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0; // byte offset of the current sentence
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // Runs of terminators: "...", "?!", "!!".
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
            j += 1;
        }
        let ellipsis = c == '…' || j - i >= 3;
        let lone_period = c == '.' && j - i == 1;
        // A sentence that ends inside a quote or bracket ends after it.
        let closers_from = j;
        while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | ']') {
            j += 1;
        }
        let closed = j > closers_from;
        if j < chars.len() && !chars[j].1.is_whitespace() {
            i = j; // "3.5", "U.S", "example.com": not an end
            continue;
        }
        let mut k = skip_space(&chars, j);
        // A quote mark standing alone after the end ("…orchestra. \" Then")
        // closes the sentence before it; an opening one would touch a word.
        if k < chars.len() && matches!(chars[k].1, '"' | '”') && chars.get(k + 1).is_none_or(|c| c.1.is_whitespace())
        {
            j = k + 1;
            k = skip_space(&chars, j);
        }
        if k == chars.len() {
            break; // the paragraph's end ends the sentence anyway
        }
        let next_word = word_at(paragraph, chars[k].0);
        let next = chars[k].1;
        let opens = next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '[');
        let ends = opens
            && (!lone_period || closed || period_ends(word_before(paragraph, chars[i].0), next_word))
            && (!ellipsis || next.is_uppercase());
        if ends {
            let end = if j < chars.len() { chars[j].0 } else { paragraph.len() };
            push(&mut out, &paragraph[start..end]);
            start = chars[k].0;
        }
        i = k;
    }
    push(&mut out, &paragraph[start..]);
    out
}

/// The index of the first non-space character at or after `from`.
fn skip_space(chars: &[(usize, char)], from: usize) -> usize {
    from + chars[from..].iter().take_while(|c| c.1.is_whitespace()).count()
}

/// Whether a lone period after `before` ends the sentence, given the word that follows.
fn period_ends(before: &str, next_word: &str) -> bool {
    let lower = before.to_lowercase();
    if listed(NEVER_LAST, &lower) {
        return false;
    }
    let next_is_number = next_word.starts_with(|c: char| c.is_ascii_digit());
    if listed(BEFORE_NUMBERS, &lower) && next_is_number {
        return false;
    }
    let mut letters = before.chars();
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return false; // an initial: "J. R. R. Tolkien", "Joe B. Smith"
    }
    if before.contains('.') && before.chars().any(char::is_alphabetic) {
        // A dotted acronym such as "U.S" or "p.m": only a typical opener ends it.
        let bare = next_word.trim_start_matches(['"', '“', '‘', '\'', '(', '[']);
        return bare.len() < next_word.len() || listed(SENTENCE_OPENERS, bare);
    }
    true
}

/// The word that ends right before byte offset `end` (the period's position).
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let from = head
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '[' | '—' | '–'))
        .map(|p| p + head[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &head[from..]
}

/// The word (up to whitespace or punctuation) that starts at byte offset `from`.
fn word_at(text: &str, from: usize) -> &str {
    let tail = &text[from..];
    let mut end = 0;
    for (p, c) in tail.char_indices() {
        let is_word = c.is_alphanumeric() || (p == 0 && !c.is_whitespace());
        if !is_word {
            break;
        }
        end = p + c.len_utf8();
    }
    &tail[..end]
}

/// Adds a sentence; a piece with no letters or digits (a closing quote
/// set off by a space, `… the orchestra. "`) belongs to the sentence before.
fn push(out: &mut Vec<String>, raw: &str) {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    match out.last_mut() {
        Some(last) if !text.chars().any(char::is_alphanumeric) && !text.is_empty() => {
            last.push(' ');
            last.push_str(&text);
        }
        _ if !text.is_empty() => out.push(text),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Vec<String> {
        split(text)
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(s("One thing. Two things! Three? Four."), vec!["One thing.", "Two things!", "Three?", "Four."]);
    }

    #[test]
    fn months_before_numbers() {
        assert_eq!(s("They were dated Feb. 22. Peskov said so."), vec!["They were dated Feb. 22.", "Peskov said so."]);
        assert_eq!(s("It happened on Sept. 11, 2001 in New York."), vec!["It happened on Sept. 11, 2001 in New York."]);
    }

    #[test]
    fn dotted_acronyms() {
        let t = "U.S. Secretary of State Antony Blinken told NBC. He spoke late. The U.S. and the U.K. agreed.";
        assert_eq!(
            s(t),
            vec!["U.S. Secretary of State Antony Blinken told NBC.", "He spoke late.", "The U.S. and the U.K. agreed."]
        );
        assert_eq!(s("It is made in the U.S. The rest is not."), vec!["It is made in the U.S.", "The rest is not."]);
        assert_eq!(
            s("He will brief media at 4 p.m. GMT after the talks. Then he left."),
            vec!["He will brief media at 4 p.m. GMT after the talks.", "Then he left."]
        );
    }

    #[test]
    fn titles_and_initials() {
        assert_eq!(
            s("Mr. Smith met Dr. Jones on St. Patrick's day. J. R. R. Tolkien was absent."),
            vec!["Mr. Smith met Dr. Jones on St. Patrick's day.", "J. R. R. Tolkien was absent."]
        );
    }

    #[test]
    fn decimals_and_ellipses() {
        assert_eq!(s("Growth was 3.5 percent. It fell."), vec!["Growth was 3.5 percent.", "It fell."]);
        assert_eq!(
            s("He paused... and went on. I was afraid… Then it ended."),
            vec!["He paused... and went on.", "I was afraid…", "Then it ended."]
        );
    }

    #[test]
    fn quotes_end_after_the_closing_mark() {
        let t = "\"I ask you to recognize the sovereignty,\" Pasechnik said on television. Denis Pushilin made a similar appeal.";
        assert_eq!(
            s(t),
            vec![
                "\"I ask you to recognize the sovereignty,\" Pasechnik said on television.",
                "Denis Pushilin made a similar appeal."
            ]
        );
        let curly = "He said it was “false flag.” The White House agreed. “Will it?” she asked.";
        assert_eq!(s(curly), vec!["He said it was “false flag.”", "The White House agreed.", "“Will it?” she asked."]);
        assert_eq!(s("They said: \"We will.\" Then left."), vec!["They said: \"We will.\"", "Then left."]);
    }

    #[test]
    fn a_lone_closing_mark_stays_with_its_sentence() {
        assert_eq!(
            s("He said \"we will play for the orchestra. \" Then he left."),
            vec!["He said \"we will play for the orchestra. \"", "Then he left."]
        );
    }

    #[test]
    fn paragraphs_keep_their_index_and_whitespace_collapses() {
        let paras = vec!["First.  Second\n one.".to_string(), "Third.".to_string()];
        let got = split_paragraphs(&paras);
        let texts: Vec<(&str, usize)> = got.iter().map(|x| (x.text.as_str(), x.para)).collect();
        assert_eq!(texts, vec![("First.", 0), ("Second one.", 0), ("Third.", 1)]);
    }
}
