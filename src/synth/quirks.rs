//! The quirks of scraped news a generated file carries beyond its words, so
//! that the parser is measured against what real files do to it
//! (boilerplate lines, section heads, a paragraph broken mid-sentence, a
//! date glued to the lede, different date and outlet lines), and the
//! article's url and the agency in a dateline, which the truth file records
//! so a test can tell what the parser should have recovered.

use super::outlets::OUTLETS;
use super::rng::{Rng, mix};
use chrono::NaiveDate;

/// How the file presents an article, beyond its metadata.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Quirks {
    /// A wire dateline in front of the first paragraph (`(Agency) -- `).
    pub dateline: Option<String>,
    /// Form of the `.txt` date line (see `numbers::date_line`).
    pub date_form: u8,
    /// `.txt`: the date glued in front of the lede (`date 2022-02-24 …`).
    pub glued_date: bool,
    /// The outlet is stated as such (a `Source:` line, a front matter or
    /// JSON key), not only by the dateline.
    pub outlet_explicit: bool,
    /// `.txt`: which key names the outlet (Source / Outlet / Publisher).
    pub outlet_key: u8,
    /// `.md`: the headline repeated as a `# ` heading.
    pub heading: bool,
    /// Lines a parser must drop (boilerplate, section heads), each before paragraph `i`.
    pub inserts: Vec<(usize, String)>,
    /// Paragraph `i` broken mid-sentence at byte `at` (the parser rejoins it).
    pub broken: Option<(usize, usize)>,
    /// `.jsonl`: unknown fields written as `null` rather than left out.
    pub nulls: bool,
    /// Hour of the publication time, for timestamps.
    pub hour: u8,
}

/// What [`quirks`] needs to know of the article's metadata.
pub struct Presented {
    pub outlet: usize,
    pub title_in_file: bool,
    pub published: Option<NaiveDate>,
}

/// The agency a dateline names.
pub fn agency_of(line: &str) -> Option<String> {
    let open = line.find('(')?;
    let close = line[open..].find(')')? + open;
    Some(line[open + 1..close].to_string())
}

/// The url of an article on its outlet's site.
pub fn url(domain: &str, title: &str, date: Option<NaiveDate>, key: u64) -> String {
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let id = mix(key, 0x0a11) & 0xff_ffff;
    match date {
        Some(d) => format!("https://www.{domain}/{}/{slug}-{id:06x}", d.format("%Y/%m/%d")),
        None => format!("https://www.{domain}/news/{slug}-{id:06x}"),
    }
}

const BOILERPLATE: &[&str] =
    &["Advertisement", "Story continues", "Most Read from {o}", "Read more:", "Sign up for our free daily newsletter"];

/// How a file presents an article: boilerplate lines, section heads, a
/// broken paragraph, the forms of its date and outlet lines.
pub fn quirks(rng: &mut Rng, paras: &[String], line: Option<String>, me: &Presented, title: &str) -> Quirks {
    let mut inserts = Vec::new();
    if rng.chance(0.3) {
        for _ in 0..rng.range(1, 3) {
            let at = rng.range(1, paras.len());
            let b = rng.pick(BOILERPLATE).replace("{o}", OUTLETS[me.outlet].name);
            inserts.push((at, if b == "Read more:" { format!("Read more: {}", title) } else { b }));
        }
    }
    if rng.chance(0.08) && paras.len() > 4 {
        let words: Vec<&str> = paras[2].split(' ').take(3).collect();
        inserts
            .push((rng.range(2, paras.len() - 1), format!("– ‘{}’ –", words.join(" ").trim_end_matches(['.', ',']))));
    }
    inserts.sort_by_key(|(at, _)| *at);
    let broken = if rng.chance(0.05) && paras.len() > 2 { break_point(&paras[1]).map(|at| (1, at)) } else { None };
    // byline's parser reads `date 2022-02-24 Zanyan …` as a date with a time
    // zone " Z" (and `date 2022-02-24 150,000 …` as one with a time), losing
    // both: glue the date only in front of text that cannot be read so.
    let first = line.as_deref().or(paras.first().map(String::as_str)).and_then(|p| p.chars().next());
    let starts_with_letter = first.is_some_and(|c| c == '(' || (c.is_alphabetic() && c != 'Z'));
    Quirks {
        glued_date: !me.title_in_file && me.published.is_some() && starts_with_letter && rng.chance(0.3),
        dateline: line,
        outlet_explicit: false,
        date_form: rng.below(6) as u8,
        outlet_key: rng.below(3) as u8,
        heading: rng.chance(0.3),
        inserts,
        broken,
        nulls: rng.chance(0.3),
        hour: rng.below(24) as u8,
    }
}

/// Where a paragraph can be broken so that a parser joins it again: after a
/// word that does not end a sentence, before one in lower case.
fn break_point(p: &str) -> Option<usize> {
    let mut best = None;
    for (i, _) in p.match_indices(' ') {
        let before = &p[..i];
        let after = &p[i + 1..];
        let ends = before.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ']', ':', '…', '»']);
        if !ends && after.starts_with(|c: char| c.is_lowercase()) && i > p.len() / 3 {
            best = Some(i);
            break;
        }
    }
    best
}
