//! Tests of the generator as a whole: determinism, length and vocabulary
//! statistics, the shape of planted events, and ground-truth consistency.
//! (That byline's parser reads the files back is `tests/synth_parse.rs`.)

use super::*;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// Every file under `dir`, relative path -> bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = Config::new(150, 42);
    write(&generate(&cfg), &tmp.path().join("a"), OutputFormat::Both).unwrap();
    // The streaming writer gives the same bytes as generate + write.
    generate_to(&cfg, &tmp.path().join("b"), OutputFormat::Both, &|_| {}).unwrap();
    write(&generate(&Config::new(150, 43)), &tmp.path().join("c"), OutputFormat::Both).unwrap();
    let (a, b, c) = (tree(&tmp.path().join("a")), tree(&tmp.path().join("b")), tree(&tmp.path().join("c")));
    assert!(a.len() > 50, "{} files", a.len());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{} differs between two runs", path.display());
    }
    let truth = Path::new(TRUTH_FILE);
    assert_ne!(a[truth], c[truth], "another seed gives another corpus");
}

#[test]
fn lengths_are_log_normal_around_650_and_vocabulary_is_skewed() {
    let corpus = generate(&Config::new(2000, 7));
    let mut words: Vec<usize> = corpus.articles.iter().map(GenArticle::word_count).collect();
    words.sort();
    let median = words[words.len() / 2];
    assert!((570..=730).contains(&median), "median {median}");
    assert!(words[0] >= 60 && *words.last().unwrap() <= 5200, "{} .. {}", words[0], words.last().unwrap());
    let (p10, p90) = (words[words.len() / 10], words[words.len() * 9 / 10]);
    assert!(p10 < 450 && p90 > 1000, "spread {p10} .. {p90}");

    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut tokens = 0usize;
    for a in &corpus.articles {
        for p in &a.paragraphs {
            for w in p.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                *counts.entry(w.to_lowercase()).or_default() += 1;
                tokens += 1;
            }
        }
    }
    let mut freq: Vec<usize> = counts.values().copied().collect();
    freq.sort_unstable_by(|a, b| b.cmp(a));
    let top100: usize = freq.iter().take(100).sum();
    let share = top100 as f64 / tokens as f64;
    assert!(share > 0.35 && share < 0.7, "top 100 types cover {share:.2} of {tokens} tokens");
    assert!(counts.len() > 15_000, "{} types", counts.len());
    // Zipf: rank 10 is several times as frequent as rank 1000.
    assert!(freq[9] > 10 * freq[999], "{} vs {}", freq[9], freq[999]);
}

#[test]
fn planted_events_and_truth_are_consistent() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = generate(&Config::new(400, 9));
    let truth = write(&corpus, tmp.path(), OutputFormat::Both).unwrap();
    let read = Truth::read(tmp.path()).unwrap();
    assert_eq!(read.articles, truth.articles);
    assert_eq!(read.events, corpus.events);
    assert_eq!(read.problems(2, 8), Vec::<String>::new());
    assert_eq!(read.articles.len(), 400);

    let in_events: usize = corpus.events.iter().map(|e| e.articles.len()).sum();
    assert!((200..=280).contains(&in_events), "{in_events} of 400 articles in events");
    for e in &corpus.events {
        let dates: Vec<_> = e.articles.iter().filter_map(|&k| corpus.articles[k as usize].date).collect();
        for d in dates {
            assert!((0..=3).contains(&(d - e.date).num_days()), "event {} article dated {d}", e.id);
        }
    }
    // Hard negatives: storylines with several events.
    let mut per_story: HashMap<u64, usize> = HashMap::new();
    for e in &corpus.events {
        *per_story.entry(e.storyline.unwrap()).or_default() += 1;
    }
    assert!(per_story.values().filter(|&&n| n >= 2).count() >= 5, "{per_story:?}");
    // Copies of every kind, some unknown outlets and dates.
    for kind in [CopyKind::Wire, CopyKind::Reprint, CopyKind::Spun] {
        assert!(corpus.articles.iter().any(|a| a.copy_of.is_some_and(|c| c.1 == kind)), "{kind:?}");
    }
    assert!(corpus.articles.iter().any(|a| a.outlet.is_none()));
    assert!(corpus.articles.iter().any(|a| a.date.is_none()));
    // Every file and shard line named in the truth exists.
    for a in &read.articles {
        assert!(tmp.path().join(a.file.as_ref().unwrap()).is_file());
        assert!(a.shard_line.unwrap() >= 1);
    }
}

#[test]
fn scores_of_perfect_trivial_and_storyline_groupings() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = generate(&Config::new(300, 13));
    let truth = write(&corpus, tmp.path(), OutputFormat::Shards).unwrap();
    let events: Vec<Vec<u64>> = corpus.events.iter().map(|e| e.articles.clone()).collect();
    let perfect = truth.score(&events);
    assert_eq!((perfect.pair_f1, perfect.bcubed_f1), (1.0, 1.0));
    // The same grouping as byline reports it, by article id, scores the same.
    let id_of: BTreeMap<u64, &str> = truth.articles.iter().map(|a| (a.key, a.id.as_str())).collect();
    let by_id = truth.score_ids(events.iter().map(|keys| keys.iter().map(|k| id_of[k])));
    assert_eq!(by_id, perfect);
    let nothing = truth.score(&[]);
    assert_eq!((nothing.pair_precision, nothing.pair_recall, nothing.bcubed_precision), (1.0, 0.0, 1.0));
    // Grouping by storyline (fooled by shared vocabulary) keeps recall, loses precision.
    let mut by_story: BTreeMap<u64, Vec<u64>> = BTreeMap::new();
    for a in &corpus.articles {
        if let Some(s) = a.storyline {
            by_story.entry(s).or_default().push(a.key);
        }
    }
    let fooled = truth.score(&by_story.into_values().collect::<Vec<_>>());
    assert_eq!(fooled.pair_recall, 1.0);
    assert!(fooled.pair_precision < 0.6, "{fooled:?}");
}

#[test]
fn ids_are_the_ids_byline_gives() {
    use crate::corpus::fields::normalise_for_id;
    for a in generate(&Config::new(60, 2)).articles {
        assert_eq!(a.id, crate::ArticleId::from_normalised_text(&normalise_for_id(&a.paragraphs)));
    }
    let odd = vec!["Ünïcode “Quotes” ‘and’ „more« ẞ İstanbul  spaced\ttab".to_string()];
    assert_eq!(article::id_of(&odd), crate::ArticleId::from_normalised_text(&normalise_for_id(&odd)));
}

#[test]
fn a_reprint_is_near_duplicate_and_a_spun_copy_keeps_names_and_quotes() {
    let corpus = generate(&Config::new(600, 11));
    let by_key = |k: u64| &corpus.articles[k as usize];
    let words = |a: &GenArticle| -> std::collections::HashSet<String> {
        a.paragraphs.iter().flat_map(|p| p.split_whitespace().map(str::to_string)).collect()
    };
    let mut seen = 0;
    for a in &corpus.articles {
        let Some((src, kind)) = a.copy_of else { continue };
        let (wa, ws) = (words(a), words(by_key(src)));
        let shared = wa.intersection(&ws).count() as f64 / wa.len().min(ws.len()) as f64;
        match kind {
            CopyKind::Reprint => assert!(shared > 0.9, "reprint shares {shared:.2}"),
            CopyKind::Spun => {
                assert!(shared < 0.9 && shared > 0.2, "spun copy shares {shared:.2}");
                let source = by_key(src).paragraphs.join(" ");
                let spun = a.paragraphs.join(" ");
                for quote in source.split('“').skip(1).filter_map(|q| q.split('”').next()) {
                    assert!(spun.contains(quote), "quote {quote:?} lost in spinning");
                }
                for w in source.split(|c: char| !c.is_alphanumeric()) {
                    let name = w.chars().next().is_some_and(char::is_uppercase)
                        && vocab::LEXICON.lookup(&w.to_lowercase()).is_none()
                        && !words::SPIN.iter().any(|(from, _)| from.eq_ignore_ascii_case(w));
                    assert!(!name || spun.contains(w), "name {w:?} lost in spinning");
                }
            }
            CopyKind::Wire => {}
        }
        assert_ne!(a.paragraphs, by_key(src).paragraphs);
        seen += 1;
    }
    assert!(seen > 20);
}

#[test]
fn outlets_write_the_same_event_differently() {
    let corpus = generate(&Config::new(300, 5));
    let e = corpus.events.iter().find(|e| e.articles.len() >= 3).expect("an event of three");
    let ledes: Vec<&str> = e.articles.iter().map(|&k| corpus.articles[k as usize].paragraphs[0].as_str()).collect();
    let mut distinct = ledes.clone();
    distinct.sort();
    distinct.dedup();
    assert!(distinct.len() >= 2, "{ledes:?}");
}

#[test]
fn tiny_and_extreme_configs() {
    for n in [0, 1, 2, 3, 17] {
        for share in [0.0, 0.6, 1.0] {
            let cfg = Config { event_share: share, ..Config::new(n, 3) };
            let c = generate(&cfg);
            assert_eq!(c.articles.len(), n);
            let in_events = c.articles.iter().filter(|a| a.event.is_some()).count();
            assert!(in_events <= (n as f64 * share).round() as usize, "{n} {share}: {in_events}");
        }
    }
    let c = generate(&Config { min_outlets: 5, max_outlets: 99, ..Config::new(200, 4) });
    assert!(c.events.iter().all(|e| (5..=OUTLETS.len()).contains(&e.articles.len())));
}
