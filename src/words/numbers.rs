//! Numbers and dates in one canonical form, so that two outlets writing the
//! same figure differently still agree on it.
//!
//! `150,000` and `150000`, `30%` and `30 percent`, `5 million` and
//! `5,000,000`, `Feb. 22`, `February 22` and `22 February` each come out as one
//! string. The aligner uses them as heavy terms, and the report lists the
//! figures only one side gives.

use super::{Word, month, strip_possessive};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// A figure: `150,000`, `30%`, `5 million`.
    Number,
    /// A day: `February 22`.
    Date,
    /// A bare year, `2014`: background more often than news.
    Year,
    /// A small count written as a word, `two`: the same figure as `2` when
    /// the other account writes it so, but not a figure to report by itself
    /// (`two weeks`, `three men`).
    Spelled,
}

/// A number or date found in a sentence: words `first..=last`, canonical form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberSpan {
    pub first: usize,
    pub last: usize,
    pub kind: NumberKind,
    pub canonical: String,
}

const SCALES: &[(&str, f64)] =
    &[("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];

#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

/// Finds the numbers and dates among the words of `sentence`, in order.
///
/// A number glued to a preceding capitalised word (`Nord Stream 2`, `S&P 500`)
/// is part of a name, not a figure, and is skipped.
pub fn scan(sentence: &str, words: &[Word]) -> Vec<NumberSpan> {
    let mut out = Vec::new();
    let joined = |a: usize, b: usize, seps: &[&str]| {
        let gap = sentence[words[a].end()..words[b].start].trim_start_matches('.');
        seps.contains(&gap)
    };
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // "Feb. 22", "February 22, 2022"
        if let Some(m) = month_word(&w)
            && let Some(day) = words.get(i + 1).and_then(|d| day(d.text))
            && joined(i, i + 1, &[" "])
        {
            let (year, last) = year_after(sentence, words, i + 1);
            out.push(date(i, last, m, day, year));
            i = last + 1;
            continue;
        }
        // "22 February 2022"
        if let Some(day) = day(w.text)
            && let Some(m) = words.get(i + 1).and_then(month_word)
            && joined(i, i + 1, &[" "])
        {
            let (year, last) = year_after(sentence, words, i + 1);
            out.push(date(i, last, m, day, year));
            i = last + 1;
            continue;
        }
        // "three million"
        if let Some(n) = NUMBER_WORDS.iter().position(|x| w.text.eq_ignore_ascii_case(x))
            && let Some(s) = words.get(i + 1).and_then(|n| scale(&n.text.to_lowercase()))
            && s >= 1e3
        {
            let canonical = canonical(n as f64 * s, false, false);
            out.push(NumberSpan { first: i, last: i + 1, kind: NumberKind::Number, canonical });
            i += 2;
            continue;
        }
        // "two", but not "one" (mostly a pronoun) or "zero".
        if let Some(n) = NUMBER_WORDS.iter().position(|x| w.text.eq_ignore_ascii_case(x))
            && n >= 2
        {
            out.push(NumberSpan { first: i, last: i, kind: NumberKind::Spelled, canonical: n.to_string() });
            i += 1;
            continue;
        }
        let Some((mut value, mut percent, grouped)) = leading_number(w.text) else {
            i += 1;
            continue;
        };
        let in_name = i > 1
            && words[i - 1].is_capitalised()
            && strip_possessive(words[i - 1].text).len() == words[i - 1].text.len()
            && month_word(&words[i - 1]).is_none()
            && joined(i - 1, i, &[" "]);
        if in_name {
            i += 1;
            continue;
        }
        let mut last = i;
        let next = words.get(i + 1).map(|n| n.text.to_lowercase());
        if let Some(scale) = next.as_deref().and_then(scale) {
            value *= scale;
            last += 1;
        } else if next.as_deref() == Some("percent") {
            percent = true;
            last += 1;
        }
        let year_like = !grouped && !percent && value.fract() == 0.0 && (1000.0..=2100.0).contains(&value);
        let canonical = canonical(value, percent, year_like);
        let kind = if year_like && last == i { NumberKind::Year } else { NumberKind::Number };
        out.push(NumberSpan { first: i, last, kind, canonical });
        i = last + 1;
    }
    out
}

fn month_word(w: &Word) -> Option<&'static str> {
    if w.is_capitalised() { month(w.text) } else { None }
}

fn day(text: &str) -> Option<u32> {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    if !digits.chars().all(|c| c.is_ascii_digit()) || !["", "st", "nd", "rd", "th"].contains(&suffix) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_after(sentence: &str, words: &[Word], at: usize) -> (Option<u32>, usize) {
    if let Some(y) = words.get(at + 1) {
        let gap = &sentence[words[at].end()..y.start];
        if (gap == ", " || gap == " ")
            && y.text.len() == 4
            && let Ok(year) = y.text.parse::<u32>()
            && (1900..=2100).contains(&year)
        {
            return (Some(year), at + 1);
        }
    }
    (None, at)
}

fn date(first: usize, last: usize, month: &str, day: u32, year: Option<u32>) -> NumberSpan {
    let mut name = month.to_string();
    name[..1].make_ascii_uppercase();
    let canonical = match year {
        Some(y) => format!("{name} {day}, {y}"),
        None => format!("{name} {day}"),
    };
    NumberSpan { first, last, kind: NumberKind::Date, canonical }
}

fn scale(word: &str) -> Option<f64> {
    SCALES.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}

/// The value at the start of a word (`150,000`, `30%`, `3.5`, `27-year-old`),
/// whether it is a percentage, and whether it was written with digit groups.
fn leading_number(text: &str) -> Option<(f64, bool, bool)> {
    let end = text.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(text.len());
    let digits = text[..end].trim_end_matches(['.', ',']);
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let value: f64 = digits.replace(',', "").parse().ok()?;
    let percent = text[end..].starts_with('%');
    Some((value, percent, digits.contains(',')))
}

/// `150000` -> `150,000`; `5e6` -> `5 million`; `30` percent -> `30%`.
fn canonical(value: f64, percent: bool, year_like: bool) -> String {
    if percent {
        return format!("{}%", decimal(value));
    }
    if year_like {
        return decimal(value);
    }
    for (word, scale) in [("trillion", 1e12), ("billion", 1e9), ("million", 1e6)] {
        if value >= scale {
            return format!("{} {word}", decimal(value / scale));
        }
    }
    if value.fract() != 0.0 {
        return decimal(value);
    }
    let digits = format!("{}", value as u64);
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// At most three decimals, trailing zeros dropped.
fn decimal(value: f64) -> String {
    let s = format!("{value:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words;

    fn found(s: &str) -> Vec<String> {
        scan(s, &words(s)).into_iter().map(|n| n.canonical).collect()
    }

    #[test]
    fn figures_in_one_form() {
        assert_eq!(found("around 150,000 soldiers and 150000 more"), vec!["150,000", "150,000"]);
        assert_eq!(found("about 30% of it, or 30 percent"), vec!["30%", "30%"]);
        assert_eq!(found("displace 5 million people, 5,000,000 in all"), vec!["5 million", "5 million"]);
        assert_eq!(found("roughly three million residents"), vec!["3 million"]);
        assert_eq!(found("the two regions, one of them, 2 leaders"), vec!["2", "2"]);
        assert_eq!(found("a 27-year-old miner, 3.5 km, since 2014"), vec!["27", "3.5", "2014"]);
    }

    #[test]
    fn dates_in_one_form() {
        assert_eq!(found("dated Feb. 22."), vec!["February 22"]);
        assert_eq!(found("dated February 22"), vec!["February 22"]);
        assert_eq!(found("on 22 February 2022"), vec!["February 22, 2022"]);
        assert_eq!(found("on Feb. 21, 2022, rebels"), vec!["February 21, 2022"]);
    }

    #[test]
    fn numbers_in_names_are_not_figures() {
        assert_eq!(found("builder of the Nord Stream 2 gas pipeline"), Vec::<String>::new());
        assert_eq!(found("into the S&P 500 correction"), Vec::<String>::new());
        assert_eq!(found("In 2014 it began"), vec!["2014"]);
        assert_eq!(found("after Ukraine's 2014 revolution"), vec!["2014"]);
    }
}
