//! Date ranges as a query writes them: `date:2022-02-21..2022-02-23`,
//! `date:2022-02..`, `date:..2022`, `date:2022`. Kept apart from the rest of
//! the query language because a range has its own ways to be wrong (a month
//! 13, a day that does not exist, the ends given the wrong way round), and
//! each one is said in its own words.

use chrono::NaiveDate;

/// A span of days, inclusive, either end open.
pub type Span = (Option<NaiveDate>, Option<NaiveDate>);

/// A range as read: the span, and whether its ends were given the wrong way
/// round (`2024-03-15..2024-03-13` is read as `2024-03-13..2024-03-15`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub span: Span,
    pub reversed: bool,
}

/// `A..B`, `A..`, `..B` or a single `A`, where each end is `YYYY`, `YYYY-MM`
/// or `YYYY-MM-DD`. A single value covers its whole year, month or day.
/// Ends that come the wrong way round are swapped: nobody asks for the days
/// after the 15th and before the 13th, and an empty answer would not say
/// why (a reversed `2024-03..2024-01` is January to March, whole months).
pub fn parse_date_range(value: &str) -> Option<Range> {
    if let Some((a, b)) = value.split_once("..") {
        let a = if a.is_empty() { None } else { Some(date_bounds(a)?) };
        let b = if b.is_empty() { None } else { Some(date_bounds(b)?) };
        return match (a, b) {
            (None, None) => None,
            (Some(a), Some(b)) if a.0 > b.1 => Some(Range { span: (Some(b.0), Some(a.1)), reversed: true }),
            (a, b) => Some(Range { span: (a.map(|a| a.0), b.map(|b| b.1)), reversed: false }),
        };
    }
    let (from, to) = date_bounds(value)?;
    Some(Range { span: (Some(from), Some(to)), reversed: false })
}

/// The first and last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` stands for.
fn date_bounds(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<u32>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)? as i32;
            Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
        }
        [y, m] if y.len() == 4 => {
            let (y, m) = (num(y)? as i32, num(m)?);
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next =
                if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
            Some((first, next.pred_opt()?))
        }
        [y, m, d] if y.len() == 4 => {
            let day = NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?)?;
            Some((day, day))
        }
        _ => None,
    }
}

/// A span as a query would write it: `2024-03-13..2024-03-15`.
pub fn written(span: Span) -> String {
    let end = |d: Option<NaiveDate>| d.map_or(String::new(), |d| d.format("%Y-%m-%d").to_string());
    format!("{}..{}", end(span.0), end(span.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn ends_open_or_closed_whole_years_and_months() {
        let span = |v: &str| parse_date_range(v).map(|r| r.span);
        assert_eq!(span("2022-02-21..2022-02-23"), Some((d(2022, 2, 21), d(2022, 2, 23))));
        assert_eq!(span("2022-02.."), Some((d(2022, 2, 1), None)));
        assert_eq!(span("..2022"), Some((None, d(2022, 12, 31))));
        assert_eq!(span("2024-02"), Some((d(2024, 2, 1), d(2024, 2, 29))));
        for bad in ["2022-13-45", "yesterday", "..", "2022-02-30", "22-02-01", "2022-1-1-1"] {
            assert_eq!(parse_date_range(bad), None, "{bad}");
        }
    }

    #[test]
    fn ends_the_wrong_way_round_are_swapped_and_say_so() {
        let r = parse_date_range("2024-03-15..2024-03-13").unwrap();
        assert_eq!(r, Range { span: (d(2024, 3, 13), d(2024, 3, 15)), reversed: true });
        assert_eq!(written(r.span), "2024-03-13..2024-03-15");
        let months = parse_date_range("2024-03..2024-01").unwrap();
        assert_eq!(months.span, (d(2024, 1, 1), d(2024, 3, 31)), "whole months, as asked");
        assert!(!parse_date_range("2024-03-13..2024-03-13").unwrap().reversed);
    }
}
