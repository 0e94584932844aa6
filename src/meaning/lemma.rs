//! Finding a word's entry in the table when the text inflects it: the table
//! holds lemmas and common forms (`help`, `helped`), not every form of every
//! word (`renounced`, `stopping`, `mice`).
//!
//! Irregular forms come from the table's own list (WordNet's exception
//! lists); regular ones by stripping the English inflections in the order
//! WordNet's morphy tries them, keeping the first candidate the table knows.
//! A stem must keep three letters, so `bed` is never `b` + `ed`.

use super::table::Table;

/// Suffix rewrites, tried in order: (suffix, replacement).
const RULES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("ses", "s"),
    ("xes", "x"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("es", "e"),
    ("s", ""),
    ("ied", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];

/// The index of the entry for lowercase `word`: itself, its irregular
/// lemma, or its regular lemma.
pub fn find(table: &Table<'_>, word: &str) -> Option<usize> {
    if let Some(i) = table.find(word).or_else(|| table.find_form(word)) {
        return Some(i);
    }
    let mut buf = String::with_capacity(word.len());
    for (suffix, with) in RULES {
        let Some(stem) = word.strip_suffix(suffix) else { continue };
        if stem.chars().count() < 3 {
            continue;
        }
        buf.clear();
        buf.push_str(stem);
        buf.push_str(with);
        if let Some(i) = table.find(&buf) {
            return Some(i);
        }
        // "stopped", "stopping": a doubled final consonant.
        if with.is_empty()
            && let [.., a, b] = stem.as_bytes()
            && a == b
            && !b"aeiouls".contains(b)
            && let Some(i) = table.find(&stem[..stem.len() - 1])
        {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::table::tests::encode;
    use super::*;

    #[test]
    fn inflected_forms_find_their_lemma() {
        let v = |x: f32| vec![x, 1.0 - x];
        let bytes = encode(
            2,
            &[
                ("renounce", 5000, v(0.1)),
                ("stop", 300, v(0.2)),
                ("policy", 400, v(0.3)),
                ("go", 20, v(0.4)),
                ("bed", 2000, v(0.5)),
                ("watch", 900, v(0.6)),
                ("ask", 90, v(0.7)),
            ],
            &[("went", "go")],
        );
        let t = Table::read(&bytes).unwrap();
        let word = |w: &str| find(&t, w).map(|i| t.word(i));
        assert_eq!(word("renounced"), Some("renounce"));
        assert_eq!(word("renouncing"), Some("renounce"));
        assert_eq!(word("renounces"), Some("renounce"));
        assert_eq!(word("stopped"), Some("stop"));
        assert_eq!(word("stopping"), Some("stop"));
        assert_eq!(word("policies"), Some("policy"));
        assert_eq!(word("watches"), Some("watch"));
        assert_eq!(word("asked"), Some("ask"));
        assert_eq!(word("went"), Some("go"));
        assert_eq!(word("bed"), Some("bed"));
        assert_eq!(word("beds"), Some("bed"));
        assert_eq!(word("ed"), None);
        assert_eq!(word("pasechnik"), None);
    }
}
