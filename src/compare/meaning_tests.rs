//! Hand-written pairs for what the meaning layer adds: the same fact in
//! other words, acronyms, spelled counts, one sentence saying what two say,
//! and the near misses that must not match: shared phrases that state
//! different facts, and names that are near only as vectors.

use super::tests::article;
use super::*;

/// The one changed row of two short accounts, or a panic with the rows.
fn changed_row(a: &Alignment, left: &str) -> Row {
    let row = a.rows.iter().find(|r| r.left.as_deref().is_some_and(|l| l.starts_with(left)));
    let row = row.unwrap_or_else(|| panic!("no row {left:?}: {:#?}", a.rows));
    assert_eq!(row.kind, RowKind::Changed, "{left:?} should match: {:#?}", a.rows);
    row.clone()
}

fn one_sided(a: &Alignment, left: &str) -> bool {
    a.rows.iter().any(|r| r.kind == RowKind::LeftOnly && r.left.as_deref().is_some_and(|l| l.starts_with(left)))
}

#[test]
fn the_same_fact_in_other_words_is_matched_and_says_why() {
    let left = article(
        "l",
        None,
        &[
            "Rebel leaders asked the government for military help against the insurgents on Monday.",
            "The harbour was closed to shipping after the storm.",
            "Farmers said the harvest would be late this year.",
        ],
    );
    let right = article(
        "r",
        None,
        &[
            "On Monday the rebel chiefs requested army assistance from the government to fight the insurgents.",
            "A new stadium will open in the spring.",
            "Ticket prices have doubled since last season.",
        ],
    );
    let a = compare(&left, &right);
    let row = changed_row(&a, "Rebel leaders asked");
    assert!(!row.evidence.meaning.is_empty(), "some words were met by meaning: {:?}", row.evidence);
    assert!(row.reason().unwrap().contains('≈'), "{:?}", row.reason());
    assert!(one_sided(&a, "The harbour was closed"));
    assert!(one_sided(&a, "Farmers said"));
}

#[test]
fn an_acronym_meets_the_name_it_stands_for() {
    let left = article(
        "l",
        None,
        &[
            "The International Atomic Energy Agency sent inspectors to the plant on Friday.",
            "Local schools were closed for the day.",
        ],
    );
    let right = article(
        "r",
        None,
        &["Inspectors from the IAEA arrived at the plant on Friday.", "The city council met in the evening."],
    );
    let a = compare(&left, &right);
    let row = changed_row(&a, "The International Atomic Energy Agency");
    assert!(row.evidence.names.iter().any(|n| n == "International Atomic Energy Agency = IAEA"), "{:?}", row.evidence);
}

#[test]
fn a_spelled_count_is_the_same_figure_as_its_digits() {
    let left = article(
        "l",
        None,
        &["Two soldiers were wounded when the convoy was ambushed near the bridge.", "The road was closed."],
    );
    let right =
        article("r", None, &["2 soldiers were hurt in an ambush on the convoy near the bridge.", "Shops opened late."]);
    let a = compare(&left, &right);
    changed_row(&a, "Two soldiers were wounded");
    assert_eq!(a.numbers.both, vec!["2".to_string()], "{:?}", a.numbers);
    assert!(a.numbers.left_only.is_empty() && a.numbers.right_only.is_empty(), "{:?}", a.numbers);
}

#[test]
fn one_sentence_saying_what_two_say_is_matched_with_both() {
    let left = article(
        "l",
        None,
        &[
            "The company announced its quarterly results on Thursday.",
            "Profit rose 12 percent to 3.4 billion dollars.",
            "Its shares fell in early trading.",
            "A strike at a plant in Ohio ended last week.",
        ],
    );
    let right = article(
        "r",
        None,
        &[
            "The company said on Thursday that quarterly profit rose 12 percent to $3.4 billion.",
            "The firm's shares slipped in early trading.",
            "Analysts expect a weaker winter.",
        ],
    );
    let a = compare(&left, &right);
    let merged = a.rows.iter().find(|r| r.left_sentences == 2).unwrap_or_else(|| panic!("{:#?}", a.rows));
    assert_eq!(merged.kind, RowKind::Changed);
    let text = merged.left.as_deref().unwrap();
    assert!(text.contains("quarterly results") && text.contains("Profit rose 12 percent"), "{text}");
    assert!(merged.right.as_deref().unwrap().starts_with("The company said on Thursday"));
    assert!(merged.reason().unwrap().contains("2 left sentences in one"), "{:?}", merged.reason());
    changed_row(&a, "Its shares fell");
}

#[test]
fn a_shared_phrase_stating_another_fact_is_no_confident_match() {
    let left = article(
        "l",
        None,
        &["A tropical storm rapidly developed in the Gulf of Mexico on Sunday and was expected to hit Texas."],
    );
    let right = article(
        "r",
        None,
        &["Oil companies evacuated workers after a tropical storm rapidly developed in the Gulf of Mexico last year."],
    );
    let a = compare(&left, &right);
    let matched = a.rows.iter().find(|r| r.kind == RowKind::Changed);
    assert!(matched.is_none_or(|r| r.confidence == Confidence::Weak), "{:#?}", a.rows);
    assert!(a.similarity < 0.9, "two facts are not one: {}", a.similarity);
}

#[test]
fn outlets_are_not_one_another_by_meaning() {
    // As vectors "Bloomberg" and "Reuters" are near (0.66); as names they
    // are two outlets. (A name opening a sentence is not known as a name;
    // see README, Comparing.)
    let left = article("l", None, &["The deal was first reported by Bloomberg late on Tuesday.", "It was mild."]);
    let right = article("r", None, &["The deal was first reported by Reuters late on Tuesday.", "Shops stayed open."]);
    let a = compare(&left, &right);
    let row = changed_row(&a, "The deal was first reported");
    assert!(row.evidence.meaning.iter().all(|p| p.left != "Bloomberg"), "{:?}", row.evidence);
    assert!(!row.evidence.names.iter().any(|n| n.contains("Bloomberg")), "{:?}", row.evidence);
    assert!(a.names.left_only.contains(&"Bloomberg".to_string()), "{:?}", a.names);
}

#[test]
fn similarity_grades_one_event_above_one_topic_above_nothing() {
    let base = article(
        "a",
        None,
        &[
            "An earthquake of magnitude 6.1 struck the north of the island on Tuesday, killing at least 12 people.",
            "Rescuers searched collapsed buildings in the town of Lorca through the night.",
        ],
    );
    let same_event = article(
        "b",
        None,
        &[
            "At least 12 people died when a 6.1-magnitude quake hit the island's north on Tuesday.",
            "Emergency teams dug through the rubble of homes in Lorca overnight.",
        ],
    );
    let same_topic = article(
        "c",
        None,
        &[
            "A magnitude 5.4 earthquake shook the south coast last year, damaging roads.",
            "Nobody was hurt, officials said.",
        ],
    );
    let unrelated = article(
        "d",
        None,
        &["The central bank left interest rates unchanged.", "Markets rose slightly after the decision."],
    );
    let (event, topic, none) = (
        compare(&base, &same_event).similarity,
        compare(&base, &same_topic).similarity,
        compare(&base, &unrelated).similarity,
    );
    assert!(event > topic && topic > none, "event {event:.2}, topic {topic:.2}, unrelated {none:.2}");
    assert!(event > 0.3 && none < 0.15, "event {event:.2}, unrelated {none:.2}");
}
