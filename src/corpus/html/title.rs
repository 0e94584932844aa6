//! The headline: the words the page shows above its story.
//!
//! A page's `<title>` (and often its `og:title`) is written for a browser
//! tab and a search engine: `Terry set for scan - Gazette Live`, `Channel 4 -
//! News - Briton murdered in New Zealand`, `Aidy Recalls Big Guns (from Harrow
//! Times)`. Cutting at a separator guesses which part is the headline, and
//! guesses wrong whenever the site's name comes first, or the separator is
//! one nobody listed. The page itself knows better: the headline is printed
//! on it, in an `<h1>`, a `<td class="hd">` or a `<b>`. So byline collects the
//! short texts the page shows, before anything is removed, and takes the
//! longest one that is a run of the title's words (compared without case and
//! punctuation), as the page shows it. Where none is, the title stays as the
//! metadata gives it, less the site's name.
//!
//! On extraction-dev (500 news pages with the headline marked by hand) the
//! title was exactly right on 41% of pages with Readability's choice, and
//! on 90% with this one.

use super::shown::{Shown, Text};
use crate::dates::find_date;
use regex::Regex;
use std::sync::LazyLock;

/// A headline has at least this many words; fewer is a section name.
const MIN_WORDS: usize = 2;

/// A heading longer than this is a standfirst.
const MAX_HEADING_WORDS: usize = 30;

/// A run of the title's words that does not begin and end at its
/// punctuation must cover this share of them (`WORLD SOCCER` inside
/// `World Cup Soccer. All the top world soccer news daily` does not).
const MIN_UNALIGNED_SHARE: f64 = 0.5;

/// A title's words, lower case, with `|` where punctuation parts them
/// (`Terry set for scan - Gazette Live` is `terry set for scan | gazette
/// live`). Apostrophes go without a trace (`Saj's` is `sajs`); punctuation
/// inside a word (`AT&T`, `U.S.`, `never-say-die`) only separates words.
fn tokens(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut pending_break = false;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            if pending_break && !out.is_empty() && out.last().is_some_and(|w| w != "|") {
                out.push("|".into());
            }
            pending_break = false;
            word.extend(c.to_lowercase());
            continue;
        }
        if matches!(c, '\'' | '’' | '‘' | '`') {
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        let inside_word = !c.is_whitespace()
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if !c.is_whitespace() && !inside_word {
            pending_break = true;
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// How `candidate` sits in `title`: `Some(aligned)` when its words are a
/// run of the title's, aligned when the run begins and ends at the title's
/// ends or punctuation.
fn fit(candidate: &[String], title: &[String]) -> Option<bool> {
    let n = candidate.len();
    if n == 0 || n > title.len() {
        return None;
    }
    let mut best = None;
    for start in 0..=title.len() - n {
        if title[start..start + n] == *candidate {
            let before = start == 0 || title[start - 1] == "|";
            let after = start + n == title.len() || title[start + n] == "|";
            if before && after {
                return Some(true);
            }
            best = Some(false);
        }
    }
    best
}

/// The headline without the arrows, bullets and dashes a page sets around
/// it, nor a date set after it (`Headline | January 15, 2008`).
fn tidy(s: &str) -> String {
    let junk = |c: char| c.is_whitespace() || "»«|-–—:•·*>~=_/\\".contains(c);
    let s = s.trim_matches(junk);
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some((head, tail)) = s.rsplit_once(sep)
            && has_date(tail)
            && tail.split_whitespace().count() <= 6
            && head.split_whitespace().count() >= MIN_WORDS
        {
            return head.trim_matches(junk).to_string();
        }
    }
    s.to_string()
}

/// Words of four letters or more that every story has: they say nothing
/// of what one is about.
const COMMON: &[&str] = &[
    "that", "this", "with", "from", "have", "will", "said", "says", "they", "their", "there", "been", "were", "would",
    "about", "after", "over", "into", "more", "than", "when", "what", "which", "also", "news", "story", "stories",
    "year", "years", "week", "today", "just", "your", "read", "here",
];

/// The words of four letters or more in `texts`, less the [`COMMON`] ones:
/// what a story is about.
fn topic_words<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    texts.into_iter().flat_map(tokens).filter(|w| w.chars().count() >= 4 && !COMMON.contains(&w.as_str())).collect()
}

/// Whether `text` names something `topic` holds: a headline shares a word
/// with its story's opening; a site's name, "Print friendly", "Top
/// stories" and the author's name mostly do not.
fn is_about(text: &str, topic: &[String]) -> bool {
    shared(text, topic) > 0
}

/// How many of the words of `text` (up to three) `topic` holds.
fn shared(text: &str, topic: &[String]) -> usize {
    let mut words = tokens(text);
    words.sort();
    words.dedup();
    words.iter().filter(|w| w.chars().count() >= 4 && topic.iter().any(|t| same_stem(t, w))).count().min(3)
}

/// Two words with the same first five letters (`recalls`, `recalled`), or
/// the same word when shorter.
fn same_stem(a: &str, b: &str) -> bool {
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    a == b
        || (std::env::var("NOSTEM").is_err() && a.chars().count() >= 5 && b.chars().count() >= 5 && stem(a) == stem(b))
}

/// The opening of the story: its first sixty words.
fn opening(lede: Option<&str>) -> String {
    lede.unwrap_or_default().split_whitespace().take(60).collect::<Vec<_>>().join(" ")
}

/// The headline as the page shows it: of the texts in `shown` whose words
/// are a run of one of `titles`' words (aligned at its punctuation, or
/// most of it), and that are not the site's name, one about the story
/// (sharing a word with `lede`), then one without a date, then one from a
/// heading; the longest; the first in the page among equals. With whether
/// it is about the story.
fn shown_headline(shown: &Shown, titles: &[&str], site: Option<&str>, lede: Option<&str>) -> Option<Match> {
    let site: Vec<String> = site.map(tokens).unwrap_or_default();
    let topic = topic_words([opening(lede).as_str()]);
    let titles: Vec<Vec<String>> = titles.iter().map(|t| tokens(t)).filter(|t| !t.is_empty()).collect();
    // (about the story, without a date, a heading, words) and the text.
    type Ranked<'a> = ((bool, bool, bool, usize), &'a Text);
    let mut best: Option<Ranked> = None;
    for text in &shown.texts {
        let mut words = tokens(&text.text);
        while words.first().is_some_and(|w| w == "|") {
            words.remove(0);
        }
        while words.last().is_some_and(|w| w == "|") {
            words.pop();
        }
        let count = words.iter().filter(|w| *w != "|").count();
        if count < MIN_WORDS || words == site {
            continue;
        }
        let fits = titles.iter().any(|title| match fit(&words, title) {
            Some(true) => true,
            Some(false) => count as f64 >= MIN_UNALIGNED_SHARE * title.iter().filter(|w| *w != "|").count() as f64,
            None => false,
        });
        if !fits {
            continue;
        }
        // The headline alone before one with its date (`Wurz joins Honda |
        // Thursday, 10 January, 2008`), a heading before other text.
        let rank = (is_about(&text.text, &topic), !has_date(&text.text), text.heading, count);
        if best.as_ref().is_none_or(|(r, _)| rank > *r) {
            best = Some((rank, text));
        }
    }
    best.map(|(rank, t)| Match { text: tidy(&t.text), about: rank.0, heading: t.heading })
        .filter(|m| !m.text.is_empty())
}

/// A headline found, whether it shares a word with the story's opening,
/// and whether it is set as a heading.
struct Match {
    text: String,
    about: bool,
    heading: bool,
}

/// The headline a reader sees: the part of a title the page shows
/// ([`shown_headline`]) if it is about the story, else a heading above the
/// story's first paragraph that is ([`heading_before`]), else either;
/// `None` leaves the metadata's title.
pub fn headline(shown: &Shown, titles: &[&str], site: Option<&str>, lede: Option<&str>) -> Option<String> {
    let from_title = shown_headline(shown, titles, site, lede);
    if from_title.as_ref().is_some_and(|m| m.about && m.heading) {
        return from_title.map(|m| m.text);
    }
    let before = lede.and_then(|lede| heading_before(shown, titles, lede, site));
    match (from_title, before) {
        (Some(m), Some(b)) if !m.heading && b.heading => Some(b.text),
        (Some(m), _) if m.about => Some(m.text),
        (_, Some(b)) if b.about && b.heading => Some(b.text),
        (None, Some(b)) if b.about => Some(b.text),
        (Some(m), _) => Some(m.text),
        (None, before) => before.map(|b| b.text),
    }
}

/// The headline set above the story, for when the title says nothing the
/// page shows. Of the short texts before the story's first paragraph
/// `lede` that are not sentences, dates, credits or the site's name: one
/// about the story (sharing a word with its opening or a title), then one
/// in a heading, then the nearest to the lede. With whether it is about
/// the story.
fn heading_before(shown: &Shown, titles: &[&str], lede: &str, site: Option<&str>) -> Option<Match> {
    let words: Vec<&str> = lede.split_whitespace().take(8).collect();
    let key = words.join(" ");
    if key.chars().count() < 12 {
        return None;
    }
    let at = shown.page.find(&key)?;
    let site: Vec<String> = site.map(tokens).unwrap_or_default();
    let open = opening(Some(lede));
    let topic = topic_words(titles.iter().copied().chain([open.as_str()]));
    shown
        .texts
        .iter()
        .filter(|t| t.at < at && !key.starts_with(&t.text) && !t.text.starts_with(&key))
        .filter_map(|t| {
            let words = tokens(&t.text);
            let n = words.iter().filter(|w| *w != "|").count();
            let sentence = t.text.ends_with('.') && !t.text.ends_with("..");
            let plain = !sentence && !has_date(&t.text) && !CREDIT.is_match(&t.text);
            let fits = (MIN_WORDS..=MAX_HEADING_WORDS).contains(&n) && words != site && plain;
            let n = shared(&t.text, &topic);
            let rank = (n > 0, t.heading, t.at);
            fits.then_some((rank, t, n > 0))
        })
        .max_by_key(|(rank, _, _)| *rank)
        .map(|(_, t, about)| Match { text: tidy(&t.text), about, heading: t.heading })
        .filter(|m| !m.text.is_empty())
}

/// A date in words or figures (`30 December 2007`, `14/01/2008`, `2008-01-14`).
fn has_date(s: &str) -> bool {
    static FIGURES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})\b").expect("static regex"));
    find_date(s).is_some() || FIGURES.is_match(s)
}

/// A credit line: `By Jane Roe`, `Posted by`, `Staff writer`.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(by|posted|written|filed|staff|reporter|correspondent)\b|\bwriters?$").expect("static regex")
});

#[cfg(test)]
mod tests {
    use crate::corpus::html::shown::shown;
    use dom_query::Document;

    fn headline(body: &str, title: &str) -> Option<String> {
        let doc = Document::from(format!("<html><head><title>{title}</title></head><body>{body}</body></html>"));
        super::headline(&shown(&doc), &[title], Some("Gazette Live"), None)
    }

    #[test]
    fn the_part_of_the_title_the_page_prints() {
        let story = "<p>Terry will have a scan on his ankle on Monday after the match at Wigan.</p>";
        assert_eq!(
            headline(
                &format!("<div class=logo>Gazette Live</div><h1>Terry set for scan</h1>{story}"),
                "Terry set for scan - Gazette Live"
            ),
            Some("Terry set for scan".into())
        );
        assert_eq!(
            headline(
                &format!("<td><b>Aidy recalls big guns</b></td>{story}"),
                "Aidy Recalls Big Guns (from Harrow Times)"
            ),
            Some("Aidy recalls big guns".into()),
            "case and the unlisted separator"
        );
        assert_eq!(
            headline(
                &format!("<h1>Pace star Saj's <i>Bollywood</i> adventure</h1>{story}"),
                "Pace Star Sajs Bollywood Adventure"
            ),
            Some("Pace star Saj's Bollywood adventure".into())
        );
    }

    #[test]
    fn nothing_shown_from_the_title_is_none() {
        assert_eq!(
            headline("<div>Gazette Live</div><p>Other words.</p>", "Terry set for scan - Gazette Live"),
            None,
            "the site's name is no headline"
        );
        assert_eq!(headline("<h2>News</h2>", "News - Terry set for scan"), None, "one word is a section");
        assert_eq!(
            headline("<li><a href='/x'>Terry set</a></li>", "Terry set for scan on Monday"),
            None,
            "not all of it, nor at its punctuation"
        );
        assert_eq!(headline("<h1>World soccer</h1>", "World Cup Soccer. All the top world soccer news daily"), None);
        assert_eq!(headline("<h1>Terry</h1>", ""), None);
    }
}
