//! Acceptance tests on the real seed articles, and whole-module properties
//! on small made-up ones.

use super::fixtures::seed;
use super::*;
use crate::article::ArticleId;
use std::path::PathBuf;

/// An article made of `paragraphs`.
pub(super) fn article(title: &str, date: Option<&str>, paragraphs: &[&str]) -> Article {
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
    Article {
        id: ArticleId::from_normalised_text(&paragraphs.join("\n\n")),
        paths: vec![PathBuf::from(format!("{title}.txt"))],
        title: title.to_string(),
        title_derived: false,
        outlet: Some("Test Wire".into()),
        byline: None,
        date: date.map(|d| d.parse().expect("date")),
        url: None,
        paragraphs,
    }
}

/// The row whose left sentence starts with `left`.
fn row_left<'a>(a: &'a Alignment, left: &str) -> &'a Row {
    let found = a.rows.iter().find(|r| r.left.as_deref().is_some_and(|l| l.starts_with(left)));
    found.unwrap_or_else(|| panic!("no row with left {left:?}"))
}

/// The row whose right sentence starts with `right`.
fn row_right<'a>(a: &'a Alignment, right: &str) -> &'a Row {
    let found = a.rows.iter().find(|r| r.right.as_deref().is_some_and(|l| l.starts_with(right)));
    found.unwrap_or_else(|| panic!("no row with right {right:?}"))
}

fn changes(row: &Row) -> Vec<(DiffOp, &str)> {
    row.diff.iter().filter(|p| p.op != DiffOp::Equal).map(|p| (p.op, p.text.as_str())).collect()
}

#[test]
fn pasechnik_is_same_and_pushilin_is_edited() {
    let a = compare(&seed("002"), &seed("004"));
    let pasechnik = row_left(&a, "\"I ask you to recognize the sovereignty");
    assert_eq!(pasechnik.kind, RowKind::Same);
    assert_eq!(pasechnik.left, pasechnik.right);
    assert_eq!(pasechnik.score, 1.0);
    assert_eq!(pasechnik.left_para, Some(1), "002 has it in its second paragraph");
    let pushilin = row_left(&a, "Denis Pushilin, the rebel head of the DNR");
    assert_eq!(pushilin.kind, RowKind::Changed);
    assert_eq!(
        pushilin.right.as_deref(),
        Some("Denis Pushilin, the rebel head of the Donetsk People's Republic, made a similar appeal.")
    );
    assert_eq!(changes(pushilin), vec![(DiffOp::Delete, "DNR"), (DiffOp::Insert, "Donetsk People's Republic")]);
    assert_eq!(pushilin.diff.len(), 4, "equal, delete, insert, equal: {:?}", pushilin.diff);
    assert_eq!(pasechnik.left_para, pushilin.left_para, "one paragraph in 002");
    assert_ne!(pasechnik.right_para, pushilin.right_para, "two paragraphs in 004");
    assert!(pushilin.evidence.names.iter().any(|n| n.starts_with("DNR = Donetsk People")), "{:?}", pushilin.evidence);
    let back = compare(&seed("004"), &seed("002"));
    let pushilin = row_left(&back, "Denis Pushilin, the rebel head of the Donetsk People's Republic");
    let dnr: Vec<&String> = pushilin.evidence.names.iter().filter(|n| n.ends_with("= DNR")).collect();
    assert_eq!(dnr, ["Donetsk People Republic = DNR"], "the name once, whole");
}

#[test]
fn spun_paraphrases_align_as_changed() {
    let a = compare(&seed("000"), &seed("001"));
    let letters = row_left(&a, "Copies of letters published by Russian news services");
    assert_eq!(letters.kind, RowKind::Changed);
    assert!(letters.right.as_deref().unwrap().contains("dated February 22"));
    assert!(letters.evidence.figures.contains(&"Feb. 22".to_string()), "{:?}", letters.evidence);
    // The ledes share almost no word: "appealed … for help fighting" is
    // "requested … for navy assist in opposition to".
    let lede = row_left(&a, "Separatist leaders in eastern Ukraine appealed");
    assert_eq!(lede.kind, RowKind::Changed);
    assert!(lede.right.as_deref().unwrap().starts_with("Rebel leaders in jap Ukraine have requested"));
    let help = lede.evidence.meaning.iter().find(|p| p.left == "help").expect("help matched by meaning");
    assert_eq!(help.right, "assist");
    assert!(lede.reason().unwrap().contains("help ≈ assist"), "{:?}", lede.reason());
    // "the North Atlantic Treaty Organization" is "the NATO alliance".
    let nato = row_left(&a, "Putin demanded that Ukraine accept Russian sovereignty over Crimea");
    assert_eq!(nato.kind, RowKind::Changed);
    assert!(nato.right.as_deref().unwrap().contains("NATO"));
    assert!(nato.evidence.names.iter().any(|n| n.ends_with("= NATO")), "{:?}", nato.evidence);
    let nord = row_left(&a, "U.S. President Joe Biden has announced expanded sanctions");
    assert_eq!(nord.kind, RowKind::Changed);
    assert!(
        nord.right.as_deref().unwrap().starts_with("Washington Wednesday introduced sanctions on the Nord Stream 2")
    );
    let troops = row_left(&a, "Putin has for months sustained a large troop buildup");
    assert!(troops.right.as_deref().unwrap().contains("150,000 troops"), "{troops:?}");
    let deploy = row_left(&a, "Russia’s parliament formally gave Putin the authority to deploy troops");
    assert!(deploy.right.as_deref().unwrap().contains("approval to deploy troops to the 2 breakaway"));
    for row in [letters, lede, nato, nord, troops, deploy] {
        assert!(row.score > 0.5 && row.score < 1.0, "{row:?}");
        assert_ne!(row.confidence, Confidence::None);
        assert!(!row.evidence.is_empty(), "a match says why: {row:?}");
    }
    // Spun "the two letters" against "the 2 breakaway": a spelled count is a
    // figure, and not one only one side gives.
    assert!(!a.numbers.right_only.iter().any(|n| n == "2" || n == "two"), "{:?}", a.numbers.right_only);
}

#[test]
fn unrelated_sentences_on_the_same_topic_stay_apart() {
    let a = compare(&seed("000"), &seed("001"));
    for left in [
        "Stocks fell across Asia Thursday",
        "Zelenskiy said Ukraine posed no threat to Russia",
        "Ukrainian President Volodymyr Zelenskiy said in a late-night televised address",
        "Russia has repeatedly rejected U.S. allegations",
    ] {
        assert_eq!(row_left(&a, left).kind, RowKind::LeftOnly, "{left}");
    }
    let list = row_right(&a, "Australia, Britain, Japan and the European Union");
    assert!(list.left.as_deref().is_none_or(|l| !l.starts_with("Stocks")));
}

#[test]
fn matching_verbatim_edited_paraphrased_reordered_absent() {
    let left = article(
        "l",
        None,
        &[
            "The mayor opened the new bridge on Tuesday. Traffic was light.",
            "Officials said the bridge cost 40 million dollars to build.",
            "Fishermen on the river complained about the noise during construction.",
            "The weather was cold.",
        ],
    );
    let right = article(
        "r",
        None,
        &[
            "Construction of the bridge cost $40 million, officials said.",
            "The mayor opened the new bridge on Tuesday morning. Traffic was light.",
            "A school choir sang at the ceremony.",
        ],
    );
    let a = compare(&left, &right);
    assert_eq!(row_left(&a, "Traffic was light.").kind, RowKind::Same);
    let edited = row_left(&a, "The mayor opened");
    assert_eq!(edited.kind, RowKind::Changed);
    assert_eq!(changes(edited), vec![(DiffOp::Insert, " morning")]);
    let reordered = row_left(&a, "Officials said the bridge cost");
    assert_eq!(reordered.kind, RowKind::Changed, "paraphrased and moved: {:?}", a.rows);
    assert_eq!(reordered.right_para, Some(0));
    assert_eq!(row_left(&a, "Fishermen").kind, RowKind::LeftOnly);
    assert_eq!(row_left(&a, "The weather").kind, RowKind::LeftOnly);
    assert_eq!(row_right(&a, "A school choir").kind, RowKind::RightOnly);
    // Left reading order; the right-only sentence follows its right-side
    // predecessor ("Traffic was light.").
    let kinds: Vec<(RowKind, bool)> = a.rows.iter().map(|r| (r.kind, r.left.is_some())).collect();
    assert_eq!(a.rows.len(), 6);
    let choir = a.rows.iter().position(|r| r.kind == RowKind::RightOnly).unwrap();
    assert_eq!(a.rows[choir - 1].left.as_deref(), Some("Traffic was light."), "{kinds:?}");
}

#[test]
fn right_only_sentences_before_any_match_come_first() {
    let left = article("l", None, &["Shared sentence about the harbour fire."]);
    let right = article("r", None, &["A lone opening line.", "Shared sentence about the harbour fire."]);
    let a = compare(&left, &right);
    let kinds: Vec<RowKind> = a.rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, vec![RowKind::RightOnly, RowKind::Same]);
}

#[test]
fn short_and_empty_articles() {
    let one = article("one", None, &["The council approved the budget on Monday."]);
    let edited = article("edited", None, &["The city council approved the budget late on Monday."]);
    let a = compare(&one, &edited);
    assert_eq!(a.rows.len(), 1);
    assert_eq!(a.rows[0].kind, RowKind::Changed);
    assert!(a.similarity > 0.5 && a.similarity < 1.0, "{}", a.similarity);
    let empty = article("empty", None, &[]);
    let b = compare(&empty, &one);
    assert_eq!((b.similarity, b.shared.left, b.shared.right), (0.0, 0.0, 0.0));
    assert_eq!(b.rows.len(), 1);
    assert!(compare(&empty, &empty).rows.is_empty());
}

#[test]
fn identical_articles_are_all_same() {
    for p in ["000", "001", "002", "003", "004"] {
        let s = seed(p);
        let a = compare(&s, &s);
        assert!(a.rows.iter().all(|r| r.kind == RowKind::Same && r.score == 1.0), "{p}");
        assert!((a.similarity - 1.0).abs() < 1e-9, "{p}: {}", a.similarity);
        assert_eq!((a.shared.left, a.shared.right), (1.0, 1.0));
        assert!(a.quotes.left_only.is_empty() && a.numbers.right_only.is_empty() && a.names.left_only.is_empty());
    }
}

#[test]
fn disjoint_articles_share_nothing() {
    let left = article("l", None, &["The orchestra rehearsed Mozart all week. Tickets sold out quickly."]);
    let right = article("r", None, &["Floods closed three highways in the north. Farmers lost their harvest."]);
    let a = compare(&left, &right);
    assert!(a.rows.iter().all(|r| matches!(r.kind, RowKind::LeftOnly | RowKind::RightOnly)));
    assert_eq!(a.similarity, 0.0);
    assert_eq!((a.shared.left, a.shared.right), (0.0, 0.0));
}

#[test]
fn similarity_and_shares_stay_in_range() {
    let seeds: Vec<Article> = ["000", "001", "002", "003", "004"].map(seed).into();
    for l in &seeds {
        for r in &seeds {
            let a = compare(l, r);
            for x in [a.similarity, a.shared.left, a.shared.right] {
                assert!((0.0..=1.0).contains(&x), "{} vs {}: {x}", l.title, r.title);
            }
            assert!(a.rows.iter().all(|row| (0.0..=1.0).contains(&row.score)));
            for row in a.rows.iter().filter(|row| row.kind == RowKind::Changed) {
                let side = |skip| row.diff.iter().filter(|p| p.op != skip).map(|p| p.text.as_str()).collect::<String>();
                assert_eq!(Some(side(DiffOp::Insert)), row.left, "equal+delete rebuild the left");
                assert_eq!(Some(side(DiffOp::Delete)), row.right, "equal+insert rebuild the right");
            }
        }
    }
    let a = compare(&seeds[2], &seeds[4]);
    assert!(a.shared.left > 0.2 && a.shared.right > 0.2, "{:?}", a.shared);
    assert!(a.similarity > 0.1);
}

#[test]
fn shares_count_words_of_matched_sentences() {
    let left = article("l", None, &["One two three four. Five six seven eight nine ten eleven twelve."]);
    let right = article("r", None, &["One two three four."]);
    let a = compare(&left, &right);
    assert_eq!(a.shared.left, 4.0 / 12.0);
    assert_eq!(a.shared.right, 1.0);
    assert!(a.to_text().contains("33% of the left article appears in the right one."));
    assert!(a.to_text().contains("100% of the right article appears in the left one."));
}

#[test]
fn first_published_needs_both_dates() {
    let on = |d: Option<&str>| article("x", d, &["Text."]);
    let first = |l, r| compare(&on(l), &on(r)).first_published;
    assert_eq!(first(Some("2022-02-21"), Some("2022-02-24")), Some(FirstPublished::Left));
    assert_eq!(first(Some("2022-02-24"), Some("2022-02-21")), Some(FirstPublished::Right));
    assert_eq!(first(Some("2022-02-21"), Some("2022-02-21")), Some(FirstPublished::Same));
    assert_eq!(first(None, Some("2022-02-21")), None);
    assert_eq!(compare(&seed("000"), &seed("004")).first_published, Some(FirstPublished::Right));
    assert_eq!(compare(&seed("002"), &seed("004")).first_published, Some(FirstPublished::Same));
    assert_eq!(compare(&seed("000"), &seed("001")).first_published, None);
}

#[test]
fn facts_on_the_seeds() {
    let a = compare(&seed("002"), &seed("004"));
    assert!(a.quotes.both.iter().any(|q| q.starts_with("I ask you to recognize the sovereignty")), "{:?}", a.quotes);
    assert!(a.quotes.right_only.iter().any(|q| q.contains("gross violation of international law")));
    assert!(a.quotes.left_only.iter().any(|q| q.starts_with("Russian in spirit")));
    assert!(a.names.both.contains(&"Leonid Pasechnik".to_string()), "{:?}", a.names);

    let b = compare(&seed("000"), &seed("001"));
    for n in ["150,000", "February 22"] {
        assert!(b.numbers.both.contains(&n.to_string()), "{n}: {:?}", b.numbers);
    }
    assert!(b.numbers.left_only.contains(&"30%".to_string()));
    for n in ["5 million", "3 million", "250,000", "14,000"] {
        assert!(b.numbers.right_only.contains(&n.to_string()), "{n}: {:?}", b.numbers);
    }
    for n in ["Vladimir Putin", "Dmitry Peskov", "Nord Stream 2", "Volodymyr Zelenskiy"] {
        assert!(b.names.both.contains(&n.to_string()), "{n}: {:?}", b.names);
    }
    for n in ["Joe Biden", "Antony Blinken", "Jen Psaki", "Dmytro Kuleba"] {
        assert!(b.names.left_only.contains(&n.to_string()), "{n}: {:?}", b.names);
    }
    for n in ["Antonio Guterres", "Linda Thomas-Greenfield", "Dmitry Maksimenko"] {
        assert!(b.names.right_only.contains(&n.to_string()), "{n}: {:?}", b.names);
    }
    assert!(b.quotes.left_only.iter().any(|q| q.starts_with("help in repelling the military aggression")));
}

#[test]
fn json_has_the_promised_shape() {
    let a = compare(&seed("002"), &seed("004"));
    let v: serde_json::Value = serde_json::to_value(&a).expect("serialize");
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&v),
        ["first_published", "left", "names", "numbers", "quotes", "right", "rows", "shared", "similarity"]
    );
    assert_eq!(keys(&v["left"]), ["date", "id", "outlet", "title"]);
    assert_eq!(v["left"]["date"], "2022-02-21");
    assert_eq!(v["left"]["outlet"], serde_json::Value::Null);
    assert_eq!(v["right"]["id"].as_str().map(str::len), Some(16));
    assert_eq!(keys(&v["shared"]), ["left", "right"]);
    assert_eq!(v["first_published"], "same");
    for facts in ["quotes", "numbers", "names"] {
        assert_eq!(keys(&v[facts]), ["both", "left_only", "right_only"]);
    }
    let rows = v["rows"].as_array().expect("rows");
    for row in rows {
        assert_eq!(
            keys(row),
            [
                "confidence",
                "diff",
                "evidence",
                "kind",
                "left",
                "left_para",
                "left_sentences",
                "right",
                "right_para",
                "right_sentences",
                "score"
            ]
        );
        let kind = row["kind"].as_str().expect("kind");
        assert!(["same", "changed", "left_only", "right_only"].contains(&kind));
        assert_eq!(row["left"].is_null(), kind == "right_only");
        assert_eq!(row["right"].is_null(), kind == "left_only");
        let confidence = row["confidence"].as_str().expect("confidence");
        assert_eq!(confidence == "none", kind.ends_with("_only"), "{row}");
        assert_eq!(keys(&row["evidence"]), ["figures", "meaning", "names", "words"]);
        for (side, count) in [("left", &row["left_sentences"]), ("right", &row["right_sentences"])] {
            assert_eq!(count.as_u64() == Some(0), row[side].is_null(), "{row}");
        }
        for piece in row["diff"].as_array().expect("diff") {
            assert_eq!(keys(piece), ["op", "text"]);
            assert!(["equal", "delete", "insert"].contains(&piece["op"].as_str().expect("op")));
        }
    }
    let kinds: Vec<&str> = rows.iter().filter_map(|r| r["kind"].as_str()).collect();
    for k in ["same", "changed", "left_only", "right_only"] {
        assert!(kinds.contains(&k), "{k}");
    }
    let undated = serde_json::to_value(compare(&seed("000"), &seed("001"))).expect("serialize");
    assert_eq!(undated["first_published"], serde_json::Value::Null);
    let back: Alignment = serde_json::from_value(v).expect("round trip");
    assert_eq!(back, a);
}

#[test]
fn text_and_markdown_reports() {
    let a = compare(&seed("002"), &seed("004"));
    let text = a.to_text();
    assert!(text.starts_with(
        "Left:  East Ukraine rebels ask Putin to recognize regions as independent (unknown outlet, 2022-02-21)"
    ));
    assert!(text.contains(
        "Right: Putin Says Considering Ukraine Separatists' Independence Request (The Moscow Times, 2022-02-21)"
    ));
    assert!(text.contains("Similarity: ") && text.contains("Published the same day."));
    assert!(text.contains("= \"I ask you to recognize"));
    assert!(text.contains(
        "~ Denis Pushilin, the rebel head of the [-DNR-]{+Donetsk People's Republic+}, made a similar appeal."
    ));
    assert!(text.lines().any(|l| l.starts_with("< ")) && text.lines().any(|l| l.starts_with("> ")));
    assert!(text.contains("Quotes only in the right article:\n  - Our goal is to listen"));
    let md = a.to_markdown();
    assert!(md.starts_with("# Comparison\n"));
    assert!(md.contains("| Outlet | unknown | The Moscow Times |"));
    assert!(md.contains("~~DNR~~ **Donetsk People's Republic**"), "{md}");
    assert!(md.contains("## Sentences") && md.contains("## Quotes") && md.contains("## Names"));
}
