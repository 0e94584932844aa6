//! The search language, parsed leniently: a malformed query never fails, it
//! falls back to the words it can use and says what it ignored, each part
//! it could not use named in [`ParsedQuery::dropped`] (whoever asks decides
//! whether what is left answers the question: see [`super::refusal`]).
//!
//! `words`, `"a phrase"`, `a OR b`, `-word` / `NOT word`, `word*` (any word
//! starting with it), field filters (`outlet:bloomberg`, `title:"state of
//! emergency"`, `byline:afp`), date ranges (`date:2022-02-21..2022-02-23`,
//! `date:2022-02..`, `date:2022`; see [`super::date_range`]), reading-state
//! filters (`is:unread`, `is:read`, `is:starred`, `tag:name`; the search is
//! given the matching ids, see [`super::flags`]) and, while typing, the
//! last word as a prefix. Words are ANDed; `OR` joins its neighbours.

use super::date_range::{parse_date_range, written};
use super::flags::Flag;
use super::schema::{plain_analyzer, tokens};
use chrono::NaiveDate;

/// Which field a clause searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Title and body.
    Text,
    Title,
    Body,
    Outlet,
    Byline,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// One word or a phrase (several words in order) in a field.
    Words { target: Target, words: String, phrase: bool },
    /// The word being typed: anything starting with it.
    Prefix(String),
    /// Published within these days (inclusive), either end open.
    Date(Option<NaiveDate>, Option<NaiveDate>),
    /// Read, unread, starred or tagged, as the reading state says.
    Flag(Flag),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub clause: Clause,
    pub negated: bool,
}

/// A part of a query that could not be used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// As it was written: `date:2022-13-45`, `is:purple`, `*`.
    pub text: String,
    pub why: String,
    /// It narrowed the question (a date, a field, a reading state): without
    /// it, the rest asks for more than was meant.
    pub filter: bool,
}

/// A query as understood: every group must match; within a group, any item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    pub groups: Vec<Vec<Item>>,
    /// What was ignored or read differently, for the status line: each
    /// dropped part (`ignored date:yesterday: …`) and each reading.
    pub hints: Vec<String>,
    /// The parts that could not be used, in the order written.
    pub dropped: Vec<Dropped>,
}

impl ParsedQuery {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The positive clauses, for highlighting.
    pub fn positive(&self) -> impl Iterator<Item = &Clause> {
        self.groups.iter().flatten().filter(|i| !i.negated).map(|i| &i.clause)
    }

    fn drop(&mut self, text: &str, why: impl Into<String>, filter: bool) {
        let why = why.into();
        self.hints.push(format!("ignored {text}: {why}"));
        self.dropped.push(Dropped { text: text.to_string(), why, filter });
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    Word(String),
    Quoted(String),
    Or,
    Not,
}

fn lex(input: &str) -> (Vec<(Token, bool)>, Vec<String>) {
    // (token, preceded by '-')
    let mut tokens = Vec::new();
    let mut hints = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() || c == '(' || c == ')' {
            chars.next();
            continue;
        }
        let negated = c == '-' && chars.clone().nth(1).is_some_and(|n| !n.is_whitespace());
        if negated {
            chars.next();
        }
        let mut word = String::new();
        let mut quoted = None;
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || c == '(' || c == ')' {
                break;
            }
            chars.next();
            if c == '"' || c == '“' || c == '”' {
                let mut phrase = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '"' || c == '”' || c == '“' {
                        closed = true;
                        break;
                    }
                    phrase.push(c);
                }
                if !closed {
                    hints.push("unclosed quote: read as a phrase to the end".to_string());
                }
                quoted = Some(phrase);
                break;
            }
            word.push(c);
        }
        let token = match (quoted, word.as_str()) {
            (Some(phrase), "") => Token::Quoted(phrase),
            (Some(phrase), prefix) => Token::Word(format!("{prefix}\"{phrase}\"")),
            (None, "OR" | "|" | "||") => Token::Or,
            (None, "AND" | "&&" | "+") => continue,
            (None, "NOT") => Token::Not,
            (None, _) => Token::Word(word),
        };
        tokens.push((token, negated));
    }
    (tokens, hints)
}

/// Parse `input`. With `prefix_last`, the last bare word (when the input does
/// not end in a space) matches as a prefix; `word*` always does.
pub fn parse(input: &str, prefix_last: bool) -> ParsedQuery {
    let (tokens, hints) = lex(input);
    let mut q = ParsedQuery { hints, ..ParsedQuery::default() };
    let prefix_allowed = prefix_last && !input.ends_with(char::is_whitespace);
    let mut join_next = false;
    let mut negate_next = false;
    let count = tokens.len();
    for (i, (token, dash)) in tokens.into_iter().enumerate() {
        let (clause, written) = match token {
            Token::Or => {
                join_next = !q.groups.is_empty();
                continue;
            }
            Token::Not => {
                negate_next = true;
                continue;
            }
            Token::Quoted(phrase) => {
                let written = format!("\"{phrase}\"");
                (Some(Clause::Words { target: Target::Text, words: phrase, phrase: true }), written)
            }
            Token::Word(word) => {
                let last = i + 1 == count && prefix_allowed && !dash && !negate_next;
                (word_clause(&word, last, &mut q), word)
            }
        };
        let negated = dash || std::mem::take(&mut negate_next);
        let Some(clause) = clause else { continue };
        if !searchable(&clause) {
            // `*`, `-`, `""`: the index keeps no such word.
            let filter = matches!(clause, Clause::Words { target, .. } if target != Target::Text);
            q.drop(&written, "no letters or digits to search for", filter);
            continue;
        }
        let item = Item { clause, negated };
        match (join_next, q.groups.last_mut()) {
            (true, Some(group)) if !negated => group.push(item),
            _ => q.groups.push(vec![item]),
        }
        join_next = false;
    }
    // `-is:read` is a filter, not an exclusion from a search: no note for it.
    let filters_only = q.groups.iter().flatten().all(|i| matches!(i.clause, Clause::Flag(_)));
    if q.groups.iter().flatten().all(|i| i.negated) && !q.groups.is_empty() && !filters_only {
        q.hints.push("only exclusions: matching everything else".to_string());
    }
    q
}

/// Whether the index can look `clause` up: a word or phrase with at least
/// one word the analyzers keep (not only punctuation, not only words of
/// 40 bytes or more).
fn searchable(clause: &Clause) -> bool {
    match clause {
        Clause::Words { words: text, .. } | Clause::Prefix(text) => !tokens(&mut plain_analyzer(), text).is_empty(),
        Clause::Date(..) | Clause::Flag(_) => true,
    }
}

fn word_clause(word: &str, last: bool, q: &mut ParsedQuery) -> Option<Clause> {
    if let Some((field, value)) = word.split_once(':')
        && !value.is_empty()
        && !field.is_empty()
    {
        let (value, phrase) = match value.strip_prefix('"') {
            Some(v) => (v.trim_end_matches('"'), true),
            None => (value, false),
        };
        let target = match field.to_ascii_lowercase().as_str() {
            "is" | "tag" => {
                let flag = Flag::parse(&field.to_ascii_lowercase(), value);
                if flag.is_none() {
                    q.drop(word, "unknown filter (use is:read, is:unread, is:starred or tag:NAME)", true);
                }
                return flag.map(Clause::Flag);
            }
            "date" | "published" => {
                let Some(range) = parse_date_range(value) else {
                    q.drop(word, "not a date (use 2022-02-21..2022-02-23, 2022-02 or 2022)", true);
                    return None;
                };
                if range.reversed {
                    q.hints.push(format!("read {word} as {field}:{}, the earlier date first", written(range.span)));
                }
                return Some(Clause::Date(range.span.0, range.span.1));
            }
            "outlet" | "source" | "site" => Target::Outlet,
            "title" | "headline" => Target::Title,
            "body" | "text" => Target::Body,
            "byline" | "author" | "by" => Target::Byline,
            "http" | "https" => Target::Text,
            other => {
                q.hints.push(format!("unknown field {other:?}: searched as words"));
                Target::Text
            }
        };
        let words = if target == Target::Text && !matches!(field, "http" | "https") {
            format!("{field} {value}")
        } else if target == Target::Text {
            word.to_string()
        } else {
            value.to_string()
        };
        return Some(Clause::Words { target, words, phrase });
    }
    // `kess*`: a prefix wherever it is, as typing makes the last word one.
    if let Some(stem) = word.strip_suffix('*')
        && stem.chars().any(char::is_alphanumeric)
    {
        return Some(Clause::Prefix(stem.trim_end_matches('*').to_string()));
    }
    if last && word.chars().any(char::is_alphanumeric) {
        return Some(Clause::Prefix(word.to_string()));
    }
    Some(Clause::Words { target: Target::Text, words: word.to_string(), phrase: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &str) -> Clause {
        Clause::Words { target: Target::Text, words: w.into(), phrase: false }
    }
    fn item(clause: Clause) -> Item {
        Item { clause, negated: false }
    }
    fn not(clause: Clause) -> Item {
        Item { clause, negated: true }
    }
    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn words_phrases_or_and_not() {
        let q = parse("putin \"state of emergency\" -nato a OR b NOT c", false);
        assert_eq!(
            q.groups,
            vec![
                vec![item(words("putin"))],
                vec![item(Clause::Words { target: Target::Text, words: "state of emergency".into(), phrase: true })],
                vec![not(words("nato"))],
                vec![item(words("a")), item(words("b"))],
                vec![not(words("c"))],
            ]
        );
        assert!(q.hints.is_empty());
    }

    #[test]
    fn fields_and_dates() {
        let q = parse(
            "outlet:bloomberg title:\"Moscow Times\" date:2022-02-21..2022-02-23 date:2022-02.. date:..2022",
            false,
        );
        let clauses: Vec<Clause> = q.groups.into_iter().flatten().map(|i| i.clause).collect();
        assert_eq!(
            clauses,
            vec![
                Clause::Words { target: Target::Outlet, words: "bloomberg".into(), phrase: false },
                Clause::Words { target: Target::Title, words: "Moscow Times".into(), phrase: true },
                Clause::Date(d(2022, 2, 21), d(2022, 2, 23)),
                Clause::Date(d(2022, 2, 1), None),
                Clause::Date(None, d(2022, 12, 31)),
            ]
        );
    }

    #[test]
    fn last_word_is_a_prefix_only_while_typing() {
        assert_eq!(parse("putin pas", true).groups[1], vec![item(Clause::Prefix("pas".into()))]);
        assert_eq!(parse("putin pas ", true).groups[1], vec![item(words("pas"))]);
        assert_eq!(parse("putin pas", false).groups[1], vec![item(words("pas"))]);
        assert_eq!(parse("putin -pas", true).groups[1], vec![not(words("pas"))]);
    }

    #[test]
    fn reading_state_filters_negate_and_combine() {
        let q = parse("is:unread -is:starred tag:Ukraine OR tag:russia putin", true);
        assert_eq!(
            q.groups,
            vec![
                vec![item(Clause::Flag(Flag::Unread))],
                vec![not(Clause::Flag(Flag::Starred))],
                vec![item(Clause::Flag(Flag::Tag("ukraine".into()))), item(Clause::Flag(Flag::Tag("russia".into())))],
                vec![item(Clause::Prefix("putin".into()))],
            ]
        );
        assert!(q.hints.is_empty());
        let q = parse("is:fresh -tag:x", false);
        assert_eq!(q.groups, vec![vec![not(Clause::Flag(Flag::Tag("x".into())))]]);
        assert!(q.hints[0].contains("is:fresh"), "{:?}", q.hints);
    }

    #[test]
    fn malformed_queries_fall_back_with_a_hint() {
        let q = parse("\"unclosed phrase", false);
        assert_eq!(q.groups.len(), 1);
        assert!(q.hints[0].contains("unclosed"));
        let q = parse("date:yesterday putin", false);
        assert_eq!(q.groups, vec![vec![item(words("putin"))]]);
        assert!(q.hints[0].contains("date"));
        let q = parse("colour:red", false);
        assert_eq!(q.groups, vec![vec![item(words("colour red"))]]);
        for nasty in ["", "   ", "OR", "-", "\"", "((", "a:", ":b", "date:..", "NOT", "OR OR a", "-\"x\""] {
            let _ = parse(nasty, true);
        }
        assert!(parse("OR", false).is_empty());
    }

    #[test]
    fn what_cannot_be_used_is_named_exactly() {
        let q = parse("date:2022-13-45 putin * is:purple", false);
        assert_eq!(q.groups, vec![vec![item(words("putin"))]]);
        let dropped: Vec<(&str, bool)> = q.dropped.iter().map(|d| (d.text.as_str(), d.filter)).collect();
        assert_eq!(dropped, [("date:2022-13-45", true), ("*", false), ("is:purple", true)]);
        assert!(q.hints[0].starts_with("ignored date:2022-13-45: not a date"), "{:?}", q.hints);
        assert!(parse("\"\" outlet:--", false).dropped.iter().all(|d| d.why.contains("no letters")));
        assert!(parse("AND OR", false).is_empty() && parse("AND OR", false).dropped.is_empty());
    }

    #[test]
    fn a_word_ending_in_a_star_is_a_prefix_anywhere() {
        assert_eq!(parse("kess* putin", false).groups[0], vec![item(Clause::Prefix("kess".into()))]);
        assert_eq!(parse("-kess**", false).groups[0], vec![not(Clause::Prefix("kess".into()))]);
    }

    #[test]
    fn a_reversed_range_is_read_the_right_way_round_and_says_so() {
        let q = parse("date:2024-03-15..2024-03-13", false);
        assert_eq!(q.groups, vec![vec![item(Clause::Date(d(2024, 3, 13), d(2024, 3, 15)))]]);
        assert_eq!(
            q.hints,
            ["read date:2024-03-15..2024-03-13 as date:2024-03-13..2024-03-15, the earlier date first"]
        );
    }
}
