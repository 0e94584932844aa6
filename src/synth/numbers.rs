//! Numbers as news writes them, and as outlets disagree on them: counts
//! ("150,000", "some 150,000", "tens of thousands"), percentages ("3.5%",
//! "3.5 percent", "3.5 per cent"), money ("$2.4 billion"), ages, distances
//! and dates ("Feb. 22", "February 22", "22 February").
//!
//! A number is a fact of an event; each outlet writes it in its own style.

use super::outlets::Style;
use super::rng::Rng;
use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Count(u64),
    /// Tenths of a percent.
    Percent(u32),
    /// Tenths of a unit of `scale` (0: thousand, 1: million, 2: billion) in `currency`.
    Money {
        tenths: u64,
        scale: u8,
        currency: u8,
    },
    Age(u32),
    Km(u32),
}

const SMALL: &[&str] = &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// AP style month abbreviations (short months are written out).
const MONTHS_AP: &[&str] =
    &["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
pub const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

impl Num {
    /// A count of something: a few, hundreds, round thousands or an exact tally.
    pub fn count(rng: &mut Rng) -> Num {
        Num::Count(match rng.weighted(&[3, 3, 4, 3, 1]) {
            0 => rng.range(2, 12) as u64,
            1 => rng.range(2, 99) as u64 * 10,
            2 => rng.range(1, 300) as u64 * 1000,
            3 => rng.range(101, 9999) as u64,
            _ => rng.range(11, 90) as u64 * 100_000,
        })
    }

    /// The number as an outlet writes it. `loose` allows approximations.
    pub fn render(&self, style: &Style, rng: &mut Rng, loose: bool) -> String {
        match *self {
            Num::Count(n) => {
                let approx = if loose && n >= 1000 && n % 1000 == 0 {
                    *rng.pick(&["", "", "", "about ", "some ", "nearly ", "more than ", "around "])
                } else {
                    ""
                };
                if loose && (10_000..1_000_000).contains(&n) && n % 1000 == 0 && rng.chance(0.08) {
                    return "tens of thousands of".into();
                }
                format!("{approx}{}", count_text(n, rng))
            }
            Num::Percent(t) => {
                let v = if t % 10 == 0 { (t / 10).to_string() } else { format!("{}.{}", t / 10, t % 10) };
                match style.percent {
                    0 => format!("{v}%"),
                    1 => format!("{v} percent"),
                    _ => format!("{v} per cent"),
                }
            }
            Num::Money { tenths, scale, currency } => {
                let v = if tenths % 10 == 0 {
                    (tenths / 10).to_string()
                } else {
                    format!("{}.{}", tenths / 10, tenths % 10)
                };
                let scale = ["thousand", "million", "billion"][scale as usize];
                match currency {
                    0 if style.percent == 1 || rng.chance(0.7) => format!("${v} {scale}"),
                    0 => format!("{v} {scale} dollars"),
                    1 => format!("€{v} {scale}"),
                    2 => format!("£{v} {scale}"),
                    _ => format!("{v} {scale} euros"),
                }
            }
            Num::Age(a) => format!("{a}-year-old"),
            Num::Km(k) => {
                if style.percent == 1 {
                    format!("{} miles ({k} kilometers)", k * 5 / 8)
                } else if rng.chance(0.5) {
                    format!("{k} kilometres ({} miles)", k * 5 / 8)
                } else {
                    format!("{k} km")
                }
            }
        }
    }
}

fn count_text(n: u64, rng: &mut Rng) -> String {
    if n <= 10 && rng.chance(0.8) {
        return SMALL[n as usize].to_string();
    }
    if n >= 1_000_000 && n.is_multiple_of(100_000) {
        let m = n / 100_000;
        return if m.is_multiple_of(10) {
            format!("{} million", m / 10)
        } else {
            format!("{}.{} million", m / 10, m % 10)
        };
    }
    grouped(n)
}

/// `150000` → `150,000`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A day of the month as the outlet writes it in running text.
pub fn day_text(d: NaiveDate, style: &Style) -> String {
    let m = d.month0() as usize;
    match style.dates {
        0 => format!("{} {}", MONTHS_AP[m], d.day()),
        1 => format!("{} {}", MONTHS[m], d.day()),
        _ => format!("{} {}", d.day(), MONTHS[m]),
    }
}

pub fn weekday(d: NaiveDate) -> &'static str {
    WEEKDAYS[d.weekday().num_days_from_monday() as usize]
}

/// A date line at the top of a file, in one of the forms scrapers leave.
pub fn date_line(d: NaiveDate, form: u8) -> String {
    let m = d.month0() as usize;
    match form {
        0 => format!("{} {}, {}", MONTHS[m], d.day(), d.year()),
        1 => format!("{} {}, {}", MONTHS_AP[m], d.day(), d.year()),
        2 => d.format("%Y-%m-%d").to_string(),
        3 => format!("{} {} {}", d.day(), MONTHS[m], d.year()),
        _ => format!("{}, {} {}, {}", weekday(d), MONTHS[m], d.day(), d.year()),
    }
}

/// A month's name, for "in March" references.
pub fn month_name(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    #[test]
    fn numbers_and_dates() {
        assert_eq!(grouped(150_000), "150,000");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_234_567), "1,234,567");
        let style = super::super::outlets::style(0);
        let mut rng = Rng::new(1);
        assert!(Num::Percent(35).render(&style, &mut rng, false).starts_with("3.5"));
        let d = NaiveDate::from_ymd_opt(2022, 2, 22).unwrap();
        for form in 0..5 {
            assert_eq!(parse_date(&date_line(d, form)), Some(d), "{}", date_line(d, form));
        }
        assert_eq!(weekday(d), "Tuesday");
    }
}
