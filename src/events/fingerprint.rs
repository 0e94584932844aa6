//! What identifies the event an article reports, as sets of features that
//! two accounts of the same event share even when one is reworded: the names
//! of people, places and organisations, the figures and days, the quotes, the
//! words of the lede, and (for wire copy and reprints) runs of five words.

use super::features::hash_bytes;
use crate::article::{Article, Listing};
use crate::words::numbers::{NumberKind, scan as number_spans};
use crate::words::{Word, folded, is_stopword, quotes, runs_in as name_runs_in, stems, strip_possessive, words};
use std::collections::{BTreeMap, BTreeSet};

/// How many words of the article count as its lede.
const LEDE_WORDS: usize = 40;
/// Word runs of this length are wording shared verbatim.
const SHINGLE_WORDS: usize = 5;
/// One shingle in this many is kept (the same ones in every article, so the
/// shared share is estimated without bias, at a quarter of the memory).
const SHINGLE_SAMPLE: u64 = 4;

/// Capitalised words that are titles, roles or pronouns, not names.
const NOT_NAMES: &[&str] = &[
    "they",
    "he",
    "she",
    "we",
    "it",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "president",
    "minister",
    "secretary",
    "spokesman",
    "spokesperson",
    "prime",
    "foreign",
    "deputy",
    "general",
    "chief",
    "leader",
    "mr",
    "mrs",
    "ms",
    "dr",
    "state",
    "the",
    "a",
    "an",
    "in",
    "on",
    "but",
    "and",
    "for",
    "of",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Fingerprint {
    pub listing: Listing,
    /// Name words (lower case, transliteration endings folded), each with
    /// the whole name it was written in (the longest run of name words it
    /// stood in), for showing it.
    pub names: BTreeMap<String, String>,
    /// Figures and days in canonical form (years left out: background).
    pub numbers: BTreeSet<String>,
    /// Quotes as lower-case word lists (three words or more), with their text.
    pub quotes: Vec<(Vec<String>, String)>,
    /// Hashes of the stemmed content words of the lede.
    pub lede: BTreeSet<u64>,
    /// Hashes of the stemmed content words of the headline: who did what.
    pub head: BTreeSet<u64>,
    /// Hashes of a sample of the runs of five content words.
    pub shingles: BTreeSet<u64>,
}

/// A name word's key: `Zelenskiy`, `Zelensky`, `Zelenskyy` are one (the
/// program's one name key, its ending folded: grouping matches names by
/// their hashes alone).
pub fn name_key(word: &str) -> String {
    folded(crate::words::name_key(word))
}

/// A word's hash: fixed, the same in every run and process.
fn hash(word: &str) -> u64 {
    hash_bytes(word.as_bytes())
}

/// The splitmix64 finaliser: every input bit moves every output bit.
fn mix(mut h: u64) -> u64 {
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The hash of a run of words, from the words' hashes.
fn run_hash(words: impl Iterator<Item = u64>) -> u64 {
    words.fold(0x9e37_79b9_7f4a_7c15, |h, w| mix(h ^ w))
}

/// A stemmed content word (its hash) and where it stands: paragraph, byte range.
struct Content {
    stem: u64,
    para: usize,
    start: usize,
    end: usize,
}

/// The hash of a lower-case word's stem, through the program's one stem
/// memory ([`stems`]).
fn stem_hash(lower: &str) -> u64 {
    match lower.contains('’') {
        true => stems::with_stem(&lower.replace('’', "'"), hash),
        false => stems::with_stem(lower, hash),
    }
}

/// The stemmed content words of some paragraphs, in order.
fn content_words(paragraphs: &[String]) -> Vec<Content> {
    let mut out = Vec::new();
    for (para, p) in paragraphs.iter().enumerate() {
        push_content_words(para, &words(p), &mut out);
    }
    out
}

/// The content words among `ws`, the words of paragraph `para`, onto `out`.
fn push_content_words(para: usize, ws: &[Word<'_>], out: &mut Vec<Content>) {
    let mut lower = String::new();
    for w in ws {
        lower.clear();
        if w.text.is_ascii() {
            lower.push_str(w.text);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(w.text.chars().flat_map(char::to_lowercase));
        }
        if lower.chars().any(char::is_alphanumeric) && !is_stopword(&lower) {
            let stem = stem_hash(&lower);
            out.push(Content { stem, para, start: w.start, end: w.end() });
        }
    }
}

/// An article's runs of five content words, to show the passages it shares
/// with another: computed once per article, compared with many.
pub struct Passages<'a> {
    article: &'a Article,
    words: Vec<Content>,
    /// The hash of the window starting at each word.
    windows: Vec<u64>,
}

impl<'a> Passages<'a> {
    pub fn of(article: &'a Article) -> Self {
        let words = content_words(&article.paragraphs);
        let windows = words.windows(SHINGLE_WORDS).map(|w| run_hash(w.iter().map(|c| c.stem))).collect();
        Passages { article, words, windows }
    }

    /// The runs both articles contain, merged where they overlap, as this
    /// article prints them, longest first: wire copy made visible.
    pub fn shared_with(&self, other: &Passages<'_>, max: usize) -> Vec<String> {
        let theirs: BTreeSet<u64> = other.windows.iter().copied().collect();
        let l = &self.words;
        // Runs of content words [first, last] covered by shared windows.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (i, h) in self.windows.iter().enumerate() {
            if !theirs.contains(h) {
                continue;
            }
            let last = i + SHINGLE_WORDS - 1;
            match runs.last_mut() {
                Some(run) if i <= run.1 => run.1 = last,
                _ => runs.push((i, last)),
            }
        }
        let mut texts: Vec<String> = runs
            .into_iter()
            .map(|(first, last)| {
                // The text as printed, cut at paragraph ends.
                let mut pieces: Vec<&str> = Vec::new();
                let mut from = first;
                for i in first..=last {
                    if i == last || l[i + 1].para != l[i].para {
                        let p = &self.article.paragraphs[l[from].para];
                        pieces.push(&p[l[from].start..l[i].end]);
                        from = i + 1;
                    }
                }
                pieces.join(" … ")
            })
            .collect();
        texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
        texts.truncate(max);
        texts
    }
}

impl Fingerprint {
    pub fn of(a: &Article) -> Fingerprint {
        let mut names = BTreeMap::new();
        let mut numbers = BTreeSet::new();
        let mut body = Vec::new();
        // Each paragraph is cut into words once, for names, figures and wording.
        for (para, p) in a.paragraphs.iter().enumerate() {
            let ws = words(p);
            for run in name_runs_in(p, &ws).into_iter().filter(|r| !r.initial) {
                let kept: Vec<(&String, &str)> = run
                    .keys
                    .iter()
                    .zip(run.text.split_whitespace())
                    .filter(|(k, _)| !NOT_NAMES.contains(&k.as_str()) && k.chars().any(char::is_alphabetic))
                    .collect();
                // Each word is shown as the whole name it stands in
                // ("Leonid Pasechnik", not "Leonid"): the longest run met.
                // As written ("Russia's Security Council"), but for the
                // possessive of its last word ("Putin's" is "Putin").
                let mut whole: Vec<String> =
                    kept.iter().map(|(_, t)| t.trim_end_matches([',', '.', ';', ':']).to_string()).collect();
                if let Some(last) = whole.last_mut() {
                    *last = strip_possessive(last).into_owned();
                }
                for (k, _) in &kept {
                    let shown = names.entry(name_key(k)).or_insert_with(String::new);
                    if shown.is_empty() || shown.split_whitespace().count() < whole.len() {
                        *shown = whole.join(" ");
                    }
                }
            }
            // Spelled counts ("two regions") say nothing about which event.
            let figures = number_spans(p, &ws).into_iter().filter(|n| n.kind != NumberKind::Spelled);
            numbers.extend(figures.map(|n| n.canonical).filter(|f| !is_year(f)));
            push_content_words(para, &ws, &mut body);
        }
        let quotes = quotes(&a.paragraphs).into_iter().map(|q| (q.key, q.text)).collect();

        let content: Vec<u64> = body.into_iter().map(|c| c.stem).collect();
        // The event is stated in the headline and the first sentences.
        let title_words = content_words(std::slice::from_ref(&a.title));
        let lede = title_words.iter().map(|c| c.stem).chain(content.iter().take(LEDE_WORDS).copied()).collect();
        let head = title_words.iter().map(|c| c.stem).collect();
        let shingles = content
            .windows(SHINGLE_WORDS)
            .map(|w| run_hash(w.iter().copied()))
            .filter(|h| h % SHINGLE_SAMPLE == 0)
            .collect();
        Fingerprint { listing: Listing::of(a), names, numbers, quotes, lede, head, shingles }
    }
}

/// Years are background (2014 in every article of a crisis) and bare small
/// numbers ("4 days", "4 p.m.") are too common to tell events apart.
fn is_year(canonical: &str) -> bool {
    let digits = canonical.chars().all(|c| c.is_ascii_digit());
    digits && (canonical.len() == 4 || canonical.len() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_key() {
        assert_eq!(name_key("Zelenskiy"), name_key("Zelensky"));
        assert_eq!(name_key("Zelenskyy"), name_key("Zelensky"));
        assert_eq!(name_key("Putin’s"), "putin");
        assert_eq!(name_key("Kyiv"), "kyiv");
    }

    #[test]
    fn fingerprint_of_a_seed() {
        let a = crate::corpus::demo::article("000").unwrap();
        let f = Fingerprint::of(&a);
        for n in ["peskov", "nord", "stream", "kuleba", "zelensk"] {
            assert!(f.names.contains_key(n), "{n}: {:?}", f.names);
        }
        assert!(!f.names.contains_key("president"));
        assert!(f.numbers.iter().any(|n| n.contains("150")), "{:?}", f.numbers);
        assert!(!f.quotes.is_empty());
        assert!(f.lede.contains(&hash("separatist")));
        assert!(f.shingles.len() > 25, "{}", f.shingles.len());
    }
}
