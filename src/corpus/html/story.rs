//! Which of the content's paragraphs are the story.
//!
//! Readability picks the element that holds the story, and on many pages
//! that element holds more: the kicker and headline above the lede, a
//! credit and a timestamp, "Print | Email | Text size", a list of other
//! headlines after the last paragraph, readers' comments under a "Posted
//! by" line. What these have in common, on every site, is that they are not
//! prose: the story begins with its first paragraph that reads as text (a
//! long line, or a sentence) and ends with its last one. Lines before the
//! first and after the last are left out; between them everything stays,
//! short lines too (a one-line quote, a list), and so do subheadings that
//! lead into text.

use regex::Regex;
use std::sync::LazyLock;

/// A paragraph of the content, or a subheading.
#[derive(Clone, Debug, PartialEq)]
pub struct Para {
    pub text: String,
    pub heading: bool,
}

impl Para {
    pub fn text(text: String) -> Para {
        Para { text, heading: false }
    }

    pub fn heading(text: String) -> Para {
        Para { text, heading: true }
    }
}

/// The story's paragraphs, and the lines around it that were left out.
#[derive(Debug, Default)]
pub struct Trimmed {
    pub kept: Vec<String>,
    pub dropped: Vec<String>,
}

/// A line this long is prose whatever its punctuation. Chosen on
/// extraction-dev (body F1 with the sentence rule below, trimming alone on
/// top of Readability: 8 words 0.954, 10 0.957, 12 0.958, 15 0.959; with
/// everything else in this folder, 12: 0.9687, 15: 0.9691).
const PROSE_WORDS: usize = 15;

/// The words of a line. Scripts written without spaces (Chinese, Japanese,
/// Thai, ...) count one word for every two characters, about the length of
/// a Japanese or Chinese word, so that a page in Japanese is measured as
/// one in English is.
pub fn word_count(line: &str) -> usize {
    line.split_whitespace()
        .map(|token| {
            let unspaced = token.chars().filter(|&c| is_unspaced_script(c)).count();
            if unspaced == 0 { 1 } else { unspaced.div_ceil(2) }
        })
        .sum()
}

/// Han, kana, Thai, Lao, Khmer, Myanmar: scripts that do not put spaces
/// between words.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x20000..=0x2FA1F) // CJK extensions B and later
}

/// How a line that is a credit or a stamp begins, whatever it ends with.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(by|posted|published|updated|last updated|first published|filed|written by|source|copyright)\b")
        .expect("static regex")
});

/// Sentence-final punctuation, in Latin and in CJK scripts, and a closing quote after it.
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?。！？…]["'”’»」』)]?$"#).expect("static regex"));

/// A line that reads as text: long, or a sentence of three words or more
/// that is not a credit (`By Jane Roe.`) or a parenthesis (`(Agencies)`).
pub fn is_story_line(line: &str) -> bool {
    let words = word_count(line);
    if words >= PROSE_WORDS {
        return true;
    }
    let parenthesis = line.starts_with('(') && line.ends_with(')');
    words >= 3 && SENTENCE_END.is_match(line) && !parenthesis && !CREDIT_LINE.is_match(line)
}

/// The story in `paras`: from its first story line to its last, with the
/// subheadings between them that lead into text. When nothing reads as
/// text, everything stays (the caller decides whether that is a story).
pub fn trim(mut paras: Vec<Para>) -> Trimmed {
    let mut comments = comments_start(&paras).map(|at| paras.split_off(at)).unwrap_or_default();
    let story: Vec<bool> = paras.iter().map(|p| !p.heading && is_story_line(&p.text)).collect();
    let (Some(first), Some(last)) = (story.iter().position(|&s| s), story.iter().rposition(|&s| s)) else {
        let kept = paras.into_iter().filter(|p| !p.heading).map(|p| p.text).collect();
        return Trimmed { kept, dropped: comments.drain(..).map(|p| p.text).collect() };
    };
    let mut out = Trimmed::default();
    for (i, p) in paras.iter().enumerate() {
        let inside = (first..=last).contains(&i);
        let leads_into_text = !p.heading || paras.get(i + 1).is_some_and(|next| !next.heading);
        if inside && leads_into_text {
            out.kept.push(p.text.clone());
        } else {
            out.dropped.push(p.text.clone());
        }
    }
    out.dropped.extend(comments.into_iter().map(|p| p.text));
    out
}

/// A publisher's rights line, as wire stories and pages end:
/// `(© 2008 The Associated Press. All Rights Reserved. This material may not
/// be published, ...)`, `Copyright Business Wire 2008`.
static RIGHTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]?\s*(©|\(c\)|copyright\b)|all rights reserved|\bmay not be (published|reproduced|redistributed|broadcast|copied)")
        .expect("static regex")
});

/// True for a line of [`RIGHTS`] short enough to be one (60 words).
pub fn is_rights_line(line: &str) -> bool {
    word_count(line) <= 60 && RIGHTS.is_match(line)
}

/// How readers' comments begin: `Posted by: Dom, London on 5:19pm`,
/// `Comments (3)`, `Have your say`, `Add your comment`.
static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(posted by\b|comment(ed)? by\b|reader(s'?)? comments\b|comments?\s*(\(\d+\)|:)?$|\d+ comments?\b|have your say\b|(add|post|leave|submit) (a |your )?comments?\b|your comments\b)",
    )
    .expect("static regex")
});

/// Where readers' comments begin after the story: the first line that
/// opens them, once most of the text (three quarters of its words) is
/// behind it. Earlier, such a line is a link in the story's header.
fn comments_start(paras: &[Para]) -> Option<usize> {
    let words: Vec<usize> = paras.iter().map(|p| if p.heading { 0 } else { word_count(&p.text) }).collect();
    let total: usize = words.iter().sum();
    let mut before = 0;
    for (i, p) in paras.iter().enumerate() {
        if before * 4 >= total * 3 && before > 0 && COMMENTS.is_match(&p.text) {
            return Some(i);
        }
        before += words[i];
    }
    None
}

/// The paragraphs after the headline, when the headline is one of them in
/// the first half (what Readability kept above it is the page's, not the
/// story's); otherwise all of them.
pub fn after_headline(paragraphs: &mut Vec<String>, headline: &str) {
    let key = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let headline = key(headline);
    if headline.is_empty() {
        return;
    }
    let half = paragraphs.len() / 2;
    if let Some(at) = paragraphs[..half].iter().position(|p| key(p) == headline) {
        paragraphs.drain(..=at);
        // The credit and stamp lines under the headline.
        let lede = paragraphs.iter().position(|p| is_story_line(p)).unwrap_or(0);
        paragraphs.drain(..lede);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[&str]) -> Vec<Para> {
        lines
            .iter()
            .map(
                |l| {
                    if let Some(h) = l.strip_prefix("## ") {
                        Para::heading(h.into())
                    } else {
                        Para::text(l.to_string())
                    }
                },
            )
            .collect()
    }

    #[test]
    fn words_in_scripts_with_and_without_spaces() {
        assert_eq!(word_count("The council met on Tuesday."), 5);
        // 19 characters of Japanese (the commas and stops are not counted): 10 words.
        assert_eq!(word_count("東京都は火曜日、新しい防災計画を発表した。"), 10);
        assert_eq!(word_count("Tokyo 東京 on Tuesday"), 4);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn story_lines_are_long_or_sentences() {
        for line in [
            "Talks resume on Friday.",
            "“We will not give up,” she said.",
            "The council met on Tuesday and agreed to repair the old harbour wall before the winter",
            "東京都は火曜日、新しい防災計画を発表した。",
        ] {
            assert!(is_story_line(line), "{line}");
        }
        for line in ["Print article", "By Jane Roe", "Posted by Tom on 5 Jan 2008.", "(Agencies)", "Most read", "IANS"]
        {
            assert!(!is_story_line(line), "{line}");
        }
    }

    #[test]
    fn lines_before_and_after_the_story_go_and_subheadings_inside_stay() {
        let t = trim(texts(&[
            "NEWS",
            "Print | Email",
            "By Jane Roe",
            "The council met on Tuesday and agreed to repair the harbour wall.",
            "## What happens next",
            "Work starts in May.",
            "“Soon,” she said.",
            "## Related",
            "Bridge plan shelved",
            "Island school to close",
        ]));
        assert_eq!(
            t.kept,
            [
                "The council met on Tuesday and agreed to repair the harbour wall.",
                "What happens next",
                "Work starts in May.",
                "“Soon,” she said."
            ]
        );
        assert_eq!(t.dropped[..3], ["NEWS", "Print | Email", "By Jane Roe"]);
    }

    #[test]
    fn without_a_story_line_everything_but_headings_stays() {
        let t = trim(texts(&["## Sign in", "Subscribers read more", "Forgot your password"]));
        assert_eq!(t.kept, ["Subscribers read more", "Forgot your password"]);
    }
}
