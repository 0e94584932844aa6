//! Quotes in news copy: the words an outlet puts inside quote marks, which
//! two accounts of one event share when they quote the same person, found
//! here once for comparison and grouping alike.

use super::words;

/// Shorter quoted text is usually a scare quote (`"hysteria"`), not a quote.
pub const MIN_QUOTE_WORDS: usize = 3;

/// Two quotes whose word sets overlap this much (Jaccard) are the same quote
/// with a word changed or a different cut.
pub const QUOTE_OVERLAP: f64 = 0.8;

/// A quote: its text as printed and its matching key (lowercase words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    pub key: Vec<String>,
}

/// The quotes of an article: text inside `“…”` or `"…"`, in order, deduplicated.
pub fn quotes(paragraphs: &[String]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    for p in paragraphs {
        let mut rest = p.as_str();
        while let Some(open) = rest.find(['“', '"']) {
            let opener = rest[open..].chars().next().unwrap_or('"');
            let closer = if opener == '“' { '”' } else { '"' };
            let body = &rest[open + opener.len_utf8()..];
            let Some(close) = body.find(closer) else {
                break;
            };
            let text = body[..close].trim().trim_end_matches([',', '.', ';', ':', ' ']).to_string();
            rest = &body[close + closer.len_utf8()..];
            let key = quote_key(&text);
            if key.len() >= MIN_QUOTE_WORDS && !out.iter().any(|q| q.key == key) {
                out.push(Quote { text, key });
            }
        }
    }
    out
}

fn quote_key(text: &str) -> Vec<String> {
    words(text).iter().map(|w| w.text.replace('’', "'").to_lowercase()).collect()
}

/// Same quote: equal, one a cut of the other, or nearly the same words.
pub fn same_quote(a: &Quote, b: &Quote) -> bool {
    let (short, long) = if a.key.len() <= b.key.len() { (&a.key, &b.key) } else { (&b.key, &a.key) };
    if long.windows(short.len()).any(|w| w == short.as_slice()) {
        return true;
    }
    let common = short.iter().filter(|w| long.contains(w)).count() as f64;
    let union = (short.len() + long.len()) as f64 - common;
    common / union >= QUOTE_OVERLAP
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(ps: &[&str]) -> Vec<String> {
        ps.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn quotes_in_straight_and_curly_marks() {
        let p = paras(&[
            "\"I ask you to recognize the sovereignty,\" Pasechnik said. It was \"hysteria\".",
            "“Hear us, Ukraine wants peace. Wants and does everything it can,” Zelenskiy said.",
        ]);
        let got: Vec<String> = quotes(&p).into_iter().map(|q| q.text).collect();
        assert_eq!(
            got,
            vec![
                "I ask you to recognize the sovereignty",
                "Hear us, Ukraine wants peace. Wants and does everything it can"
            ]
        );
    }

    #[test]
    fn same_quote_across_marks_and_cuts() {
        let left = quotes(&paras(&["He said “Russia’s forces are at the final point of readiness.”"]));
        let right = quotes(&paras(&["\"Russia's forces are at the final point of readiness,\" he said."]));
        assert!(same_quote(&left[0], &right[0]));
        let cut = quotes(&paras(&["the “final point of readiness” he saw"]));
        assert!(same_quote(&cut[0], &left[0]));
        let other = quotes(&paras(&["“we will not wait here for long” he said"]));
        assert!(!same_quote(&other[0], &left[0]));
    }
}
