//! Proper names in news copy: runs of capitalised words (`Vladimir Putin`,
//! `Nord Stream 2`, `Donetsk People's Republic`) or a single capitalised word
//! not at the start of a sentence (`Pasechnik`), and the one key by which
//! two spellings of a name's word are the same. Titles split a run
//! (`Russian President Vladimir Putin` names `Vladimir Putin`), as do
//! weekdays, and lone nationality adjectives (`Russian`) are not names.
//! Transliterations differ between outlets (`Zelenskiy`/`Zelensky`,
//! `Luhansk`/`Lugansk`), so long words one edit apart count as the same word.

use super::{Word, is_acronym, is_stopword, listed, month, strip_possessive, words};
use std::borrow::Cow;

/// Words that introduce a name but are not part of it.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "President", "Vice", "Prime", "Minister", "Secretary", "Secretary-General", "Foreign", "Deputy", "Press",
    "Spokesman", "Spokeswoman", "Spokesperson", "Chancellor", "Ambassador", "General", "Chief", "Senator",
    "Governor", "Mayor", "King", "Queen", "Pope", "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Leader",
    "Director", "Chairman", "Commander", "State",
];

/// Capitalised words that never start a name, besides the stopwords.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "Meanwhile", "Speaking", "Asked", "Later", "Earlier", "Shortly", "Despite", "Like", "Every", "Several",
    "Many", "Among", "Across", "Unlike", "Instead", "Last", "Next",
    // Counts open sentences ("Two soldiers were wounded"), never a name.
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Dozens", "Hundreds",
    "Thousands", "Millions",
];

/// Weekdays are capitalised but name no one; they also split a run
/// (`Washington Wednesday announced`).
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

/// Nationality and direction adjectives that are not names on their own.
#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "Western", "Eastern", "Northern", "Southern", "European", "British", "French", "Dutch", "Swiss", "Greek",
    "Thai",
];

/// A run of capitalised words in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameRun {
    pub text: String,
    /// Matching keys of its words: lowercase, no periods, no possessive.
    pub keys: Vec<String>,
    /// A single word that opens its sentence: capitalised anyway, so not
    /// reported, but it still shows that the article mentions the word.
    pub initial: bool,
}

/// The name runs of one sentence, in order, sentence-initial singles included.
pub fn runs(sentence: &str) -> Vec<NameRun> {
    runs_in(sentence, &words(sentence))
}

/// [`runs`] of a sentence already cut into its [`words`].
pub fn runs_in(sentence: &str, ws: &[Word<'_>]) -> Vec<NameRun> {
    let mut out = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut run_initial = false;
    let mut prev_end = None;
    for (i, w) in ws.iter().enumerate() {
        let connected = prev_end.is_some_and(|e| &sentence[e..w.start] == " ");
        prev_end = Some(w.end());
        if !w.text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            // Most words: neither a capital nor a figure, so no name; the
            // tests below would all come to the same.
            flush(&mut run, run_initial, &mut out);
            continue;
        }
        // "Russia-backed" names Russia; "pro-Moscow" names nothing.
        let (text, cut) = match w.text.split_once('-') {
            Some((head, tail)) if tail.starts_with(char::is_lowercase) => (head, true),
            _ => (w.text, false),
        };
        let bare = strip_possessive(text);
        let capital = bare.starts_with(char::is_uppercase);
        let after_possessive = run.last().is_some_and(|w| strip_possessive(w).len() < w.len());
        let number_in_name =
            !run.is_empty() && connected && !after_possessive && bare.starts_with(|c: char| c.is_ascii_digit());
        let excluded = listed(TITLES, &bare)
            || month(&bare).is_some()
            || (run.is_empty()
                && (listed(NOT_NAMES, &bare) || (!is_acronym(&bare) && is_stopword(&bare.to_lowercase()))))
            || is_contraction(&bare)
            || listed(WEEKDAYS, &bare);
        if !(capital || number_in_name) || excluded || !connected {
            flush(&mut run, run_initial, &mut out);
        }
        if (capital || number_in_name) && !excluded {
            if run.is_empty() {
                // A dateline's dash opens the sentence too: "KYIV (Reuters) - Health officials said".
                run_initial = i == 0 || sentence[..w.start].trim_end().ends_with(['“', '"', '(', '‘', '—', '–', '-']);
            }
            // Possessives stay inside a run ("People's Republic"); the last is dropped.
            run.push(text.to_string());
            if cut {
                flush(&mut run, run_initial, &mut out);
            }
        }
    }
    flush(&mut run, run_initial, &mut out);
    out
}

fn flush(run: &mut Vec<String>, initial: bool, out: &mut Vec<NameRun>) {
    if run.is_empty() {
        return;
    }
    let mut parts: Vec<String> = std::mem::take(run);
    if let Some(end) = parts.last_mut()
        && let Cow::Owned(stripped) = strip_possessive(end)
    {
        *end = stripped;
    }
    let text = parts.join(" ");
    let single = !text.contains(' ');
    let adjective = listed(ADJECTIVES, &text) || ["ian", "ese", "ish"].iter().any(|s| text.ends_with(s));
    if single && adjective {
        return;
    }
    let keys = text.split(' ').map(name_key).collect();
    out.push(NameRun { text, keys, initial: single && initial });
}

/// `I'm`, `We're`, `They'll`: capitalised, but no name.
fn is_contraction(word: &str) -> bool {
    word.split_once(['\'', '’']).is_some_and(|(_, tail)| listed(&["m", "re", "ve", "ll", "d", "t"], tail))
}

/// The one matching key of a word of a name, for comparison, grouping and
/// acronyms alike: no trailing punctuation, no possessive, no periods,
/// lowercase (`Putin’s,` → `putin`, `U.S.` → `us`).
pub fn name_key(word: &str) -> String {
    let word = strip_possessive(word.trim_end_matches([',', '.', ';', ':']));
    if word.is_ascii() {
        return word.bytes().filter(|&b| b != b'.').map(|b| b.to_ascii_lowercase() as char).collect();
    }
    word.replace('.', "").to_lowercase()
}

/// A name key with its transliteration ending folded (`zelenskiy`,
/// `zelensky`, `zelenskyy` → `zelensk`), for matching by equality alone,
/// as grouping does through hashes; comparison instead allows one edit
/// ([`same_word`]), which also covers `luhansk`/`lugansk`.
pub fn folded(key: String) -> String {
    if key.chars().count() >= 6 {
        let trimmed = key.trim_end_matches(['y', 'i']);
        if trimmed.chars().count() >= 5 {
            return trimmed.to_string();
        }
    }
    key
}

/// Same word, allowing one edit in words of six letters or more.
pub fn same_word(a: &str, b: &str) -> bool {
    a == b || (a.len().abs_diff(b.len()) <= 2 && a.chars().count().min(b.chars().count()) >= 6 && within_one_edit(a, b))
}

fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit(&a, &b)
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    let skip = usize::from(short.len() == long.len());
    short[prefix + skip..] == long[prefix + 1..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        runs(s).into_iter().filter(|r| !r.initial).map(|r| r.text).collect()
    }

    #[test]
    fn runs_titles_and_sentence_starts() {
        assert_eq!(
            names("Separatist leaders appealed to Russian President Vladimir Putin for help."),
            vec!["Vladimir Putin"]
        );
        assert_eq!(
            names("Washington sanctioned the builder of the Nord Stream 2 gas pipeline."),
            vec!["Nord Stream 2"]
        );
        assert_eq!(
            names("\"I ask you,\" separatist Leonid Pasechnik said, and Pasechnik left."),
            vec!["Leonid Pasechnik", "Pasechnik"]
        );
        assert_eq!(
            names("Denis Pushilin, the head of the Donetsk People's Republic, spoke on Monday."),
            vec!["Denis Pushilin", "Donetsk People's Republic"]
        );
        assert_eq!(
            names("Ukraine’s Foreign Minister Dmytro Kuleba met Russia-backed rebels."),
            vec!["Dmytro Kuleba", "Russia"]
        );
        assert_eq!(names("Also Pasechnik, and Later on Lugansk’s leader."), vec!["Pasechnik", "Lugansk"]);
        assert_eq!(names("He said: “I’m afraid of the US and the U.S. Army.”"), vec!["US", "U.S. Army"]);
        assert_eq!(names("Kremlin spokesman Dmitry Peskov spoke to the U.S. envoy."), vec!["Dmitry Peskov", "U.S."]);
        // Counts and a dateline's first word open a sentence; they name no one.
        assert_eq!(names("KYIV (Reuters) - Health officials said Two soldiers died."), Vec::<String>::new());
        assert_eq!(names("DONETSK — Two shells hit the Health Ministry."), vec!["Health Ministry"]);
    }

    #[test]
    fn transliterations_match() {
        assert!(same_word("zelenskiy", "zelensky"));
        assert!(same_word("luhansk", "lugansk"));
        assert!(!same_word("donetsk", "donbass"));
        assert!(!same_word("putin", "puton"), "short words must match exactly");
    }

    #[test]
    fn one_key_for_every_spelling_of_a_name_word() {
        assert_eq!(name_key("Putin’s,"), "putin");
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("Kyiv"), "kyiv");
        assert_eq!(folded(name_key("Zelenskiy")), folded(name_key("Zelensky")));
        assert_eq!(folded(name_key("Zelenskyy")), folded(name_key("Zelensky")));
        assert_eq!(folded(name_key("Kyiv")), "kyiv", "short words keep their ending");
    }
}
