//! Cutting news copy into words, the way it writes them: the lowest floor
//! under comparison, grouping and the index, so that all three agree on
//! what a word is, which words carry no fact (stopwords), and how a
//! possessive or a month abbreviation reads.

use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::sync::OnceLock;

/// A word of a sentence: a slice of it and where it starts (byte offset).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl Word<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }
}

/// Cuts `text` into words: letters and digits, with inner `'` `’` `-` `.` `&`
/// (`People's`, `full-scale`, `3.5`, `S&P`), digit-grouping commas
/// (`150,000`), a trailing `%`, and the final period of dotted acronyms and
/// initials (`U.S.`, `p.m.`, `J.`).
pub fn words(text: &str) -> Vec<Word<'_>> {
    if text.is_ascii() {
        // Most copy: a byte is a character, no table of offsets needed.
        let bytes = text.as_bytes();
        return cut_words(text, bytes.len(), |i| bytes.get(i).map(|&b| b as char), |i| i);
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    cut_words(text, chars.len(), |i| chars.get(i).map(|c| c.1), |i| chars.get(i).map_or(text.len(), |c| c.0))
}

/// [`words`] over `len` characters, the `i`th being `at(i)` at byte `offset(i)`.
fn cut_words(
    text: &str,
    len: usize,
    at: impl Fn(usize) -> Option<char>,
    offset: impl Fn(usize) -> usize,
) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < len {
        if !at(i).is_some_and(char::is_alphanumeric) {
            i += 1;
            continue;
        }
        let begin = i;
        i += 1;
        loop {
            match at(i) {
                Some(c) if c.is_alphanumeric() => i += 1,
                Some('\'' | '’' | '-' | '.' | '&') if at(i + 1).is_some_and(char::is_alphanumeric) => i += 2,
                Some(',')
                    if at(i - 1).is_some_and(|c| c.is_ascii_digit())
                        && at(i + 1).is_some_and(|c| c.is_ascii_digit()) =>
                {
                    i += 2
                }
                _ => break,
            }
        }
        let start = offset(begin);
        let body = &text[start..offset(i)];
        match at(i) {
            Some('%') if body.ends_with(|c: char| c.is_ascii_digit()) => i += 1,
            Some('.') if is_acronym_body(body) => i += 1,
            _ => {}
        }
        out.push(Word { text: &text[start..offset(i)], start });
    }
    out
}

/// `U.S`, `p.m`, or a single capital (an initial), whose period belongs to the word.
fn is_acronym_body(body: &str) -> bool {
    let single_capital = body.chars().count() == 1 && body.starts_with(char::is_uppercase);
    let dotted = body.contains('.')
        && body.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    single_capital || dotted
}

/// Unifies curly apostrophes and drops a possessive `'s` or a trailing `'`.
/// Borrowed when there is no apostrophe (most words): grouping and the
/// aligner ask this of most words of every article.
pub fn strip_possessive(word: &str) -> Cow<'_, str> {
    if !word.contains(['\'', '’']) {
        return Cow::Borrowed(word);
    }
    let w = word.replace('’', "'");
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("'S")).unwrap_or(&w);
    Cow::Owned(w.trim_end_matches('\'').to_string())
}

/// Whether a word is written as an acronym: `U.S.`, `DNR`, `NATO` (two or more capitals).
pub fn is_acronym(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| *c != '.');
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}
/// Function words, attribution verbs and hedges: they say nothing about
/// which fact a sentence states.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "even", "ever", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must",
    "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
    "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "yet", "you", "your", "said", "says", "say", "saying", "stated", "told",
    "added", "according", "adding", "including", "however", "still", "already", "since", "though", "although",
    "whether", "within", "without", "s", "t",
];

/// Whether `word` is in `list`.
pub fn listed(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Whether a lowercase word is a stopword. Asked of every word of every
/// article when grouping, so the set hashes with Fx (not SipHash) and a
/// word longer than any stopword is not looked up at all.
pub fn is_stopword(lower: &str) -> bool {
    static SET: OnceLock<(FxHashSet<&'static str>, usize)> = OnceLock::new();
    let (set, longest) =
        SET.get_or_init(|| (STOPWORDS.iter().copied().collect(), STOPWORDS.iter().map(|w| w.len()).max().unwrap_or(0)));
    lower.len() <= *longest && set.contains(lower)
}

/// The full month name for a month word or abbreviation (`Feb`, `Feb.`, `Sept.`, `February`).
pub fn month(word: &str) -> Option<&'static str> {
    crate::dates::month_number(word).map(|n| crate::dates::MONTHS[n as usize - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn every_listed_stopword_is_one_and_a_longer_word_is_not() {
        for w in STOPWORDS {
            assert!(is_stopword(w), "{w}");
        }
        assert!(!is_stopword("accordingly") && !is_stopword("thereupon") && !is_stopword("minister"));
    }

    #[test]
    fn words_keep_news_shapes_whole() {
        assert_eq!(
            texts("The U.S. estimates 150,000 troops, 30% more; Russia’s full-scale S&P 500 at 4 p.m."),
            vec![
                "The",
                "U.S.",
                "estimates",
                "150,000",
                "troops",
                "30%",
                "more",
                "Russia’s",
                "full-scale",
                "S&P",
                "500",
                "at",
                "4",
                "p.m."
            ]
        );
        assert_eq!(texts("\"J. R. R. Tolkien,\" he said."), vec!["J.", "R.", "R.", "Tolkien", "he", "said"]);
    }

    #[test]
    fn months() {
        assert_eq!(month("Feb."), Some("february"));
        assert_eq!(month("Sept."), Some("september"));
        assert_eq!(month("February"), Some("february"));
        assert_eq!(month("Mark"), None);
        assert_eq!(month("Ma"), None);
    }
}
