//! Whether a query can be answered as it was asked, for those who are not
//! watching the answer come.
//!
//! The app searches as you type, so it is lenient: half a query is the
//! normal state of the search line, and what it cannot use yet is said in
//! the status line while the list shows the rest. A script has no status
//! line. A query whose filter could not be used answers a wider question
//! than was asked (all of the library, when nothing else is left), and
//! exits 0 as if it were the answer. So the command line asks strictly: a
//! filter that cannot be used is refused unless the rest of the query
//! stands on its own (then the note names what was dropped), and a query
//! with nothing usable left is refused. An empty query is no such thing:
//! it asks for every article, in so many words, and gets them.

use super::query::ParsedQuery;

/// Why `input` (parsed as `parsed`) cannot be answered as asked, in one
/// line; `None` when what is left of it is a question of its own.
pub fn refusal(input: &str, parsed: &ParsedQuery) -> Option<String> {
    // Asked for nothing, in so many words: every article is the answer (newest first).
    if input.trim().is_empty() {
        return None;
    }
    // What is left stands on its own when it asks for something, not only
    // for everything but something.
    let stands = parsed.groups.iter().flatten().any(|i| !i.negated);
    if let Some(filter) = parsed.dropped.iter().find(|d| d.filter).filter(|_| !stands) {
        let rest = if parsed.is_empty() { "" } else { "; what is left only excludes" };
        return Some(format!("cannot use {}: {}{rest}", filter.text, filter.why));
    }
    if parsed.is_empty() {
        let why = match parsed.dropped.first() {
            Some(d) => format!("{}: {}", d.text, d.why),
            None => "OR, AND and NOT only join words".to_string(),
        };
        return Some(format!("nothing to search for in {input:?} ({why})"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::query::parse;
    use super::*;

    fn refused(input: &str) -> Option<String> {
        refusal(input, &parse(input, false))
    }

    #[test]
    fn a_filter_that_cannot_be_used_is_refused_unless_the_rest_stands() {
        assert_eq!(
            refused("date:2022-13-45").as_deref(),
            Some("cannot use date:2022-13-45: not a date (use 2022-02-21..2022-02-23, 2022-02 or 2022)")
        );
        assert!(refused("date:yesterday").unwrap().starts_with("cannot use date:yesterday: not a date"));
        assert!(refused("is:purple -putin").unwrap().ends_with("what is left only excludes"));
        for fine in ["date:yesterday putin", "is:purple is:unread", "putin *", "-putin", "is:unread", "kess*"] {
            assert_eq!(refused(fine), None, "{fine}");
        }
    }

    #[test]
    fn a_query_with_nothing_usable_left_is_refused() {
        assert_eq!(refused("OR").as_deref(), Some("nothing to search for in \"OR\" (OR, AND and NOT only join words)"));
        assert!(refused("AND OR").unwrap().starts_with("nothing to search for in \"AND OR\""));
        assert_eq!(
            refused("*").as_deref(),
            Some("nothing to search for in \"*\" (*: no letters or digits to search for)")
        );
        assert_eq!(refused("  "), None, "an empty query asks for every article, and gets them");
    }
}
