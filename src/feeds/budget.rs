//! What one fetch takes of one feed. A feed's server chooses how many items
//! it lists and how much text each carries, and all of it is indexed in the
//! same run: so a fetch reads at most [`MAX_NEW_ITEMS`] new items of a feed
//! and stores at most [`MAX_FETCH_TEXT`] bytes of their text, the rest left
//! for the next fetch (nothing is lost: an item not stored is not seen), and
//! each article and each one-line field is cut to a length no real one has.

use super::parse::FeedDoc;

/// The most new items one fetch reads of one feed, in the feed's order
/// (newest first, as feeds are written). A real feed carries 10 to 100; a
/// feed of 100,000 would otherwise mean 100,000 pages asked for a second
/// apart (a day and more) and as many files written in one run.
pub const MAX_NEW_ITEMS: usize = 200;

/// The most text one fetch stores of one feed, in bytes. Indexing is what
/// costs: `byline index` of new text made of random words (the most distinct
/// terms a server can send) peaked at 64 to 70 MB for 1 MiB, 100 to 113 MB
/// for 2 MiB (in one article or a hundred; 122 MB for 1.6 MB of words that
/// never repeat) and 150 to 163 MB for 4 MiB, and `byline fetch` must stay
/// under 150 MB with its other work. A day of a busy feed is some 200 KB.
pub const MAX_FETCH_TEXT: usize = 1 << 20;

/// The most text one article keeps, in bytes; longer ones are cut at a
/// paragraph there. The longest articles run to some 300 KB.
pub const MAX_ARTICLE_TEXT: usize = 512 << 10;

/// The longest title, author or outlet kept, in characters; a longer one is
/// cut there with "…". Headlines run to 100 characters or so, and SEO
/// titles to a few hundred; past this it is not a title but a payload.
pub const MAX_LINE_CHARS: usize = 500;

/// At most [`MAX_LINE_CHARS`] characters of a one-line field, the last
/// one "…" when it was cut.
pub fn clip(line: &str) -> String {
    match line.char_indices().nth(MAX_LINE_CHARS) {
        Some(_) => {
            let at = line.char_indices().nth(MAX_LINE_CHARS - 1).map_or(line.len(), |(at, _)| at);
            format!("{}…", line[..at].trim_end())
        }
        None => line.to_string(),
    }
}

/// The paragraphs that fit in [`MAX_ARTICLE_TEXT`] (a first one too long is
/// cut at a character); true when some were left out.
pub fn cut_article(body: &mut Vec<String>) -> bool {
    let mut total = 0;
    for (i, p) in body.iter_mut().enumerate() {
        if total + p.len() > MAX_ARTICLE_TEXT {
            if i == 0 {
                let at = (0..=MAX_ARTICLE_TEXT).rev().find(|&at| p.is_char_boundary(at)).unwrap_or(0);
                p.truncate(at);
                body.truncate(1);
            } else {
                body.truncate(i);
            }
            return true;
        }
        total += p.len();
    }
    false
}

/// What is left of one feed's text budget in this fetch (an article is cut
/// to [`MAX_ARTICLE_TEXT`], less than the whole, so the first always fits).
pub struct Budget {
    text_left: usize,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget { text_left: MAX_FETCH_TEXT }
    }
}

impl Budget {
    /// Take an article of `bytes` of text; false when it must wait for the next fetch.
    pub fn take(&mut self, bytes: usize) -> bool {
        let fits = bytes <= self.text_left;
        if fits {
            self.text_left -= bytes;
        }
        fits
    }
}

/// The bytes of text of an article.
pub fn text_bytes(body: &[String]) -> usize {
    body.iter().map(String::len).sum()
}

/// The feed's note: what was left out of this fetch, and why.
pub fn feed_note(doc: &FeedDoc, held: usize) -> Option<String> {
    let mut parts = Vec::new();
    if doc.repaired {
        parts.push("bytes that are not UTF-8 were read as \u{fffd}".to_string());
    }
    if doc.unread > 0 {
        let first = super::prune::MAX_FEED_ITEMS;
        parts.push(format!("the feed has {} items: only its first {first} are read", first + doc.unread));
    }
    if doc.repeated > 0 {
        parts.push(format!("{} items repeat an earlier item's guid (or link) and were read once", doc.repeated));
    }
    if held > 0 {
        parts.push(format!(
            "{held} more new items are left for the next fetch (at most {MAX_NEW_ITEMS} items and {} MiB of text a fetch)",
            MAX_FETCH_TEXT >> 20
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_clipped_and_articles_cut_at_a_paragraph() {
        let long = "Headline ".repeat(100);
        let clipped = clip(&long);
        assert!(clipped.chars().count() <= MAX_LINE_CHARS && clipped.ends_with('…'));
        assert_eq!(clip("Short"), "Short");
        let mut body = vec!["a".repeat(300 << 10), "b".repeat(300 << 10), "c".into()];
        assert!(cut_article(&mut body));
        assert_eq!(body.len(), 1);
        let mut one = vec!["é".repeat(512 << 10)];
        assert!(cut_article(&mut one));
        assert!(one[0].len() <= MAX_ARTICLE_TEXT);
        let mut short = vec!["x".into()];
        assert!(!cut_article(&mut short));
    }

    #[test]
    fn the_budget_takes_what_fits() {
        const { assert!(MAX_ARTICLE_TEXT <= MAX_FETCH_TEXT) };
        let mut b = Budget::default();
        assert!(b.take(MAX_FETCH_TEXT - 10));
        assert!(b.take(10));
        assert!(!b.take(1));
    }
}
