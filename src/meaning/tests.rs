//! The model the binary carries: it loads with nothing but the binary, and
//! its words mean what a reader expects.

use super::*;

fn m() -> &'static Meaning {
    model().expect("the carried word table reads")
}

fn sim(a: &str, b: &str) -> f32 {
    let (x, y) = (m().word(a).unwrap_or_else(|| panic!("{a}")), m().word(b).unwrap_or_else(|| panic!("{b}")));
    m().similarity(x, y)
}

#[test]
fn the_carried_table_loads_and_holds_news_words() {
    let m = m();
    assert!(m.len() > 20_000, "{} words", m.len());
    for w in ["help", "assist", "requested", "appealed", "warfare", "gasoline", "renounce", "ambition", "troops"] {
        assert!(m.word(w).is_some(), "{w} is missing");
    }
    assert!(m.rank(m.word("the").unwrap()) < m.rank(m.word("gasoline").unwrap()));
}

#[test]
fn synonyms_are_near_and_unrelated_words_are_not() {
    for (a, b) in [
        ("help", "assist"),
        ("stated", "said"),
        ("warfare", "war"),
        ("gasoline", "gas"),
        ("requested", "asked"),
        ("renounce", "abandon"),
    ] {
        let near = sim(a, b);
        for other in ["banana", "yesterday", "blue"] {
            assert!(near > sim(a, other) + 0.15, "{a}/{b} {near} against {a}/{other} {}", sim(a, other));
        }
    }
}

#[test]
fn inflections_reach_their_lemma() {
    let m = m();
    assert_eq!(m.word("renounced"), m.word("renounce"));
    assert!(m.word("appealing").is_some());
}

#[test]
fn sums_of_vectors_compare_by_cosine() {
    let m = m();
    let mut a = vec![0.0; m.dims()];
    let mut b = vec![0.0; m.dims()];
    let mut c = vec![0.0; m.dims()];
    for w in ["troops", "border", "attack"] {
        m.add_to(&mut a, m.word(w).unwrap(), 1.0);
    }
    for w in ["soldiers", "frontier", "assault"] {
        m.add_to(&mut b, m.word(w).unwrap(), 1.0);
    }
    for w in ["recipe", "flour", "oven"] {
        m.add_to(&mut c, m.word(w).unwrap(), 1.0);
    }
    assert!(cosine(&a, &b) > cosine(&a, &c) + 0.2, "{} vs {}", cosine(&a, &b), cosine(&a, &c));
    assert_eq!(cosine(&a, &vec![0.0; m.dims()]), 0.0);
}
