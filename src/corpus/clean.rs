//! Recognising what in a scraped article is not the article: boilerplate
//! lines, photo captions, section heads, Markdown markup, datelines, and
//! paragraphs that a scraper broke in the middle of a sentence.
//!
//! Every rule here is a whole-line (or line-start) pattern; none rewrites the
//! words of the article itself.

use regex::Regex;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static regex")
}

static BOILERPLATE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?i)^most read from\b",
        r"(?i)^story continues\.?$",
        r"(?i)^\((updates|adds|corrects|recasts|changes|rewrites|writes through|refiles|repeats)\b.*\)\.?$",
        r"(?i)^(©|\(c\)\s|copyright\s+(©\s*)?\d{4}|all rights reserved)",
        r"(?i)^related(\s+(article|articles|story|stories|coverage|content|reading|news))?\s*:",
        r"(?i)^(read more|read also|also read|see also|more from|recommended|trending)\s*(:|$)",
        r"(?i)^advertisement\.?$",
        r"(?i)^(sign up|subscribe)\b.{0,120}(newsletter|inbox|subscription|free)",
        r"(?i)^share (this|the) (article|story)\.?$",
        r"(?i)^(click here|follow us|follow (him|her|them) on)\b",
        r"^([-—–_*=~]\s*){3,}$",
        r"(?i)^(photo|image|caption|pictured)\s*:",
        r"^!\[[^\]]*\]\([^)]*\)$",
    ]
    .iter()
    .map(|p| re(p))
    .collect()
});

/// True when a (Markdown-cleaned, trimmed) line is scraping boilerplate.
pub fn is_boilerplate(line: &str) -> bool {
    line.chars().count() < 240 && BOILERPLATE.iter().any(|r| r.is_match(line))
}

static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\((?:[^()]*\b(?:photo|photograph|image|getty|file picture|illustration|pool|via reuters|via ap)\b[^()]*)\)\.?\s*$",
    )
});
static CAPTION_LINK_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\[([^\]\s]+\.[a-z]{2,}|[^\]]*(?i:photo)[^\]]*)\]\([^)]*\)\s*$"));

/// True when a raw line (before Markdown cleanup) is a photo caption: it ends
/// in a photo credit such as `(Reuters Photo)` or a credit link such as
/// `[kremlin.ru](#)`.
pub fn is_caption(raw_line: &str) -> bool {
    CAPTION_CREDIT.is_match(raw_line) || CAPTION_LINK_CREDIT.is_match(raw_line)
}

static SECTION_HEAD: LazyLock<Regex> = LazyLock::new(|| re(r"^[-–—]\s*\S.{0,80}\S\s*[-–—]$"));

/// True for in-article section heads such as `– ‘Moment of peril’ –`.
pub fn is_section_head(line: &str) -> bool {
    SECTION_HEAD.is_match(line)
}

static MD_IMAGE: LazyLock<Regex> = LazyLock::new(|| re(r"!\[[^\]]*\]\([^)]*\)"));
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| re(r"\[([^\]]*)\]\([^)\s]*(?:\s+[^)]*)?\)"));
static MD_AUTOLINK: LazyLock<Regex> = LazyLock::new(|| re(r"<((?:https?|ftp)://[^>\s]+)>"));
static MD_STRONG: LazyLock<Regex> = LazyLock::new(|| re(r"(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)"));
static MD_EM: LazyLock<Regex> = LazyLock::new(|| re(r"(^|[\s(])\*(\S(?:[^*]*?\S)?)\*([\s).,;:!?]|$)"));

/// Markdown inline markup to plain text: links keep their text, images go,
/// autolinks keep their url, emphasis markers go.
pub fn strip_markdown_inline(line: &str) -> String {
    if !line.contains(['[', '<', '*', '_']) {
        return line.to_string();
    }
    let s = MD_IMAGE.replace_all(line, "");
    let s = MD_LINK.replace_all(&s, "$1");
    let s = MD_AUTOLINK.replace_all(&s, "$1");
    let s = MD_STRONG.replace_all(&s, "$2");
    let s = MD_EM.replace_all(&s, "$1$2$3");
    s.trim().to_string()
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*)*,?\s+(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)\s+)?)?\(([A-Z][A-Za-z&.' ]{1,40}?)\)\s*(?:--|—|–|-)\s*",
    )
});

/// A wire dateline at the start of the lede, `(Bloomberg) --` or
/// `KYIV, Feb 23 (Reuters) -`: returns the agency and the text after it.
pub fn split_dateline(paragraph: &str) -> Option<(String, &str)> {
    let caps = DATELINE.captures(paragraph)?;
    let agency = caps.get(1)?.as_str().trim();
    if agency.to_ascii_lowercase().contains("photo") {
        return None;
    }
    let rest = &paragraph[caps.get(0)?.end()..];
    Some((agency.to_string(), rest))
}

/// Characters after which a line may end a sentence.
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']' | ':' | '…' | '»'))
}

fn starts_lowercase(line: &str) -> bool {
    line.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Turn blocks of lines (separated by blank lines in the file) into
/// paragraphs: lines wrapped inside a block are joined, lines that end a
/// sentence stay their own paragraph, and a paragraph that stops mid-sentence
/// is joined with the next when that one starts in lower case.
pub fn assemble_paragraphs(blocks: &[Vec<String>]) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    for block in blocks {
        let mut current = String::new();
        for line in block {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
            if ends_sentence(line) {
                paragraphs.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            paragraphs.push(current);
        }
    }
    let mut joined: Vec<String> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        match joined.last_mut() {
            Some(prev) if !ends_sentence(prev) && starts_lowercase(&p) => {
                prev.push(' ');
                prev.push_str(&p);
            }
            _ => joined.push(p),
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines_from_the_seeds() {
        for line in [
            "Most Read from Bloomberg",
            "Story continues",
            "(Updates with Antony Blinken comments in third paragraph.)",
            "Most Read from Bloomberg Businessweek",
            "©2022 Bloomberg L.P.",
            "Related article: As Ukraine Escalation Peaks, What's the Logic on Both Sides?",
            "Copyright 2022 The Associated Press. All rights reserved.",
            "Advertisement",
            "* * *",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "Story continues to develop as troops move.",
            "Russia has denied planning an invasion.",
            "Related to that, Pushilin said more.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn captions_are_recognised_by_their_credit() {
        assert!(is_caption("A woman approaches an ATM in Donetsk, Ukraine, Feb. 21, 2022. (Reuters Photo)"));
        assert!(is_caption("The rebel leaders made a coordinated appeal. [kremlin.ru](#)"));
        assert!(is_caption("Troops at the border. (Photo by John Doe/Getty Images)"));
        assert!(!is_caption("Washington said so (Reuters) in a statement."));
        assert!(!is_caption("He said [the plan](#) was final."));
    }

    #[test]
    fn markdown_inline_becomes_plain() {
        assert_eq!(strip_markdown_inline("By [AFP](#)"), "By AFP");
        assert_eq!(strip_markdown_inline("**Related article: [Title](#)**"), "Related article: Title");
        assert_eq!(strip_markdown_inline("<https://example.com/a>"), "https://example.com/a");
        assert_eq!(strip_markdown_inline("an *emphasised* word and 5*3*2"), "an emphasised word and 5*3*2");
        assert_eq!(strip_markdown_inline("![alt](img.png) text"), "text");
    }

    #[test]
    fn datelines() {
        let (agency, rest) = split_dateline("(Bloomberg) -- Separatist leaders appealed").unwrap();
        assert_eq!((agency.as_str(), rest), ("Bloomberg", "Separatist leaders appealed"));
        let (agency, rest) = split_dateline("KYIV, Feb 23 (Reuters) - Ukraine declared").unwrap();
        assert_eq!((agency.as_str(), rest), ("Reuters", "Ukraine declared"));
        let (agency, rest) = split_dateline("LONDON, 17 January (Agency) - Talks began").unwrap();
        assert_eq!((agency.as_str(), rest), ("Agency", "Talks began"));
        assert!(split_dateline("Russia (the country) - said").is_none());
        assert!(split_dateline("The leaders of two regions").is_none());
    }

    #[test]
    fn paragraphs_joined_when_broken_mid_sentence() {
        let blocks = vec![
            vec!["\"Our goal is to listen, bearing".to_string()],
            vec!["in mind both appeals,\" Putin said.".to_string()],
            vec!["Next paragraph.".to_string()],
        ];
        assert_eq!(
            assemble_paragraphs(&blocks),
            vec!["\"Our goal is to listen, bearing in mind both appeals,\" Putin said.", "Next paragraph."]
        );
    }

    #[test]
    fn one_line_per_paragraph_and_wrapped_lines() {
        let blocks = vec![vec!["First para.".into(), "Second para.".into(), "A wrapped".into(), "line.".into()]];
        assert_eq!(assemble_paragraphs(&blocks), vec!["First para.", "Second para.", "A wrapped line."]);
    }
}
