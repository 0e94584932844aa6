//! Reading the dates news files carry: `2022-02-24`, `February 21, 2022`,
//! `Feb. 21, 2022`, `21 February 2022`, RFC 3339 and RFC 2822 timestamps.
//!
//! Only a whole string that is a date counts; [`find_date`] looks for one
//! inside a caption or dateline. A date that is not given stays unknown.

use chrono::{DateTime, NaiveDate};

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number of an English month name or its three-letter
/// abbreviation, with or without a period (`Feb`, `Feb.`, `February`; `Sept`
/// too). Other prefixes (`Mar` yes, `Marc` no) are words, not months.
pub fn month_number(word: &str) -> Option<u32> {
    // Compared without case, not lowercased: asked of most words of an article.
    let w = word.trim_end_matches('.');
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w) || (w.len() == 3 && m[..3].eq_ignore_ascii_case(w)))
        .map(|i| i as u32 + 1)
}

/// The earliest date an article of news can carry: earlier is a
/// placeholder (`0001-01-01`) or a typing error, not a story's date.
pub const EARLIEST: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a date");

/// `date` when an article can have been published then: from 1900 to
/// tomorrow (tomorrow, for a page dated in a time zone ahead of ours).
/// Placeholders and impossible dates are no date.
pub fn trustworthy(date: NaiveDate) -> Option<NaiveDate> {
    let tomorrow = chrono::Utc::now().date_naive().succ_opt()?;
    (EARLIEST..=tomorrow).contains(&date).then_some(date)
}

/// Parse a string that is exactly one date (surrounding whitespace allowed).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_end_matches(['.', ',']);
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y/%m/%d"] {
        if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.date());
        }
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    words_to_date(&words)
}

/// `Month D YYYY` or `D Month YYYY` (with an optional weekday in front).
fn words_to_date(words: &[&str]) -> Option<NaiveDate> {
    let words = match words.first() {
        Some(w) if is_weekday(w) => &words[1..],
        _ => words,
    };
    if words.len() != 3 {
        return None;
    }
    let year: i32 = words[2].trim_end_matches(['.', ';', ':']).parse().ok().filter(|y| (1800..=2200).contains(y))?;
    let (month, day) = if let Some(m) = month_number(words[0]) {
        (m, day_number(words[1])?)
    } else {
        (month_number(words[1])?, day_number(words[0])?)
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

fn day_number(w: &str) -> Option<u32> {
    w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()
}

fn is_weekday(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']).to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().any(|d| w.starts_with(d))
}

/// The first `Month D, YYYY` / `D Month YYYY` / `YYYY-MM-DD` inside `text`.
pub fn find_date(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text.split([' ', ',', '(', ')']).filter(|w| !w.is_empty()).collect();
    for (i, w) in words.iter().enumerate() {
        if w.len() >= 10
            && let Some(d) = w.get(..10).and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
        {
            return Some(d);
        }
        if i + 3 <= words.len()
            && let Some(d) = words_to_date(&words[i..i + 3])
        {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn whole_string_dates() {
        assert_eq!(parse_date("2022-02-24"), d(2022, 2, 24));
        assert_eq!(parse_date("February 21, 2022"), d(2022, 2, 21));
        assert_eq!(parse_date("Feb. 21, 2022"), d(2022, 2, 21));
        assert_eq!(parse_date("21 February 2022"), d(2022, 2, 21));
        assert_eq!(parse_date("Monday, February 21, 2022"), d(2022, 2, 21));
        assert_eq!(parse_date("2022-02-21T09:30:00Z"), d(2022, 2, 21));
        assert_eq!(parse_date("Mon, 21 Feb 2022 09:30:00 +0000"), d(2022, 2, 21));
        assert_eq!(parse_date("2022-02-21 09:30:00"), d(2022, 2, 21));
    }

    #[test]
    fn non_dates_are_none() {
        for s in ["", "Monday", "May the force", "February 30, 2022", "2022-13-01", "150,000 troops"] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn placeholders_and_future_dates_are_not_trusted() {
        assert_eq!(trustworthy(d(2022, 2, 24).unwrap()), d(2022, 2, 24));
        assert_eq!(trustworthy(d(1900, 1, 1).unwrap()), d(1900, 1, 1));
        for placeholder in [d(1, 1, 1), d(1678, 1, 1), d(1899, 12, 31), d(9999, 12, 31)] {
            assert_eq!(trustworthy(placeholder.unwrap()), None, "{placeholder:?}");
        }
        let in_two_days = chrono::Utc::now().date_naive() + chrono::Days::new(2);
        assert_eq!(trustworthy(in_two_days), None);
    }

    #[test]
    fn dates_inside_text() {
        let caption = "A woman approaches an ATM in Donetsk, Ukraine, Feb. 21, 2022. (Reuters Photo)";
        assert_eq!(find_date(caption), d(2022, 2, 21));
        assert_eq!(find_date("published 2022-02-24T10:00"), d(2022, 2, 24));
        assert_eq!(find_date("no date here, May we go"), None);
    }
}
