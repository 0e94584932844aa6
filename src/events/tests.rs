//! A regrouping that uses what the last pass stored agrees with a grouping
//! from scratch, and the same articles group the same whatever order the
//! index holds them in.

use super::*;
use crate::config::Paths;
use std::path::Path;

/// The stored grouping of the library in `home` over `roots`, brought up to date.
fn grouped(home: &Path, roots: &[std::path::PathBuf]) -> Grouping {
    let lib = Catalog::open(&Paths::under(home)).unwrap();
    lib.add_roots(roots).unwrap();
    lib.refresh(&|_| {}).unwrap();
    refresh(&lib).unwrap();
    Grouping::load(lib.paths()).unwrap()
}

/// Each article's listing and features, by id.
fn by_id(g: &Grouping) -> Vec<(Listing, Features)> {
    let mut v: Vec<(Listing, Features)> = g.members.iter().cloned().zip(g.features.iter().cloned()).collect();
    v.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    v
}

#[test]
fn a_regrouping_reads_again_what_changed_and_agrees_with_one_from_scratch() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    crate::corpus::demo::materialise(&first).unwrap();
    std::fs::create_dir_all(&second).unwrap();
    // Two articles arrive later, in a folder of their own.
    for name in ["002_", "004_"] {
        let file = std::fs::read_dir(&first)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name));
        let file = file.unwrap();
        std::fs::rename(&file, second.join(file.file_name().unwrap())).unwrap();
    }
    let home = dir.path().join("home");
    assert_eq!(grouped(&home, std::slice::from_ref(&first)).members.len(), 3);
    // And the date of one that was already there changes.
    std::fs::write(first.join("sources.toml"), "[[source]]\nfiles = \"000_*.txt\"\ndate = 2023-06-01\n").unwrap();
    let roots = [first, second];
    let again = grouped(&home, &roots);
    let scratch = grouped(&dir.path().join("scratch"), &roots);
    assert_eq!(again.members.len(), 5);
    assert_eq!(by_id(&again), by_id(&scratch));
    let date = chrono::NaiveDate::from_ymd_opt(2023, 6, 1);
    assert!(again.features.iter().any(|p| p.date == date), "the changed date reached the features");
    let events = |g: &Grouping| cluster::events(&g.members, &undirected(&g.directed)).len();
    assert_eq!(events(&again), events(&scratch));
}

/// Each event's member ids, sorted, and the events sorted.
fn groups(events: &[Event]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            let mut ids: Vec<String> = e.articles.iter().map(|m| m.id.to_string()).collect();
            ids.sort();
            ids
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_same_articles_group_the_same_whatever_order_the_index_holds_them_in() {
    use crate::synth::{self, OutputFormat};
    let dir = tempfile::tempdir().unwrap();
    // Ties that the index order broke changed a group at 4,000 articles
    // (not at 1,500): numbered in index order, this failed.
    let mut config = synth::Config::new(4000, 11);
    config.shard_size = 250;
    synth::write(&synth::generate(&config), &dir.path().join("corpus"), OutputFormat::Shards).unwrap();
    let shards = dir.path().join("corpus/shards");
    // Library a reads every shard at once; library b the even shards first,
    // then the odd ones.
    let a = Catalog::open(&Paths::under(&dir.path().join("a"))).unwrap();
    a.add_roots(std::slice::from_ref(&shards)).unwrap();
    a.refresh(&|_| {}).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&shards).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let (even, odd) = (dir.path().join("even"), dir.path().join("odd"));
    for (i, f) in files.iter().enumerate() {
        let to = if i % 2 == 0 { &even } else { &odd };
        std::fs::create_dir_all(to).unwrap();
        std::fs::copy(f, to.join(f.file_name().unwrap())).unwrap();
    }
    let b = Catalog::open(&Paths::under(&dir.path().join("b"))).unwrap();
    for folder in [even, odd] {
        b.add_roots(&[folder]).unwrap();
        b.refresh(&|_| {}).unwrap();
    }
    let in_index_order = |lib: &Catalog| lib.snapshot().unwrap().ids().unwrap();
    assert_ne!(in_index_order(&a), in_index_order(&b), "the two indexes hold the articles in different orders");
    let (ea, eb) = (refresh(&a).unwrap(), refresh(&b).unwrap());
    assert!(ea.len() > 50, "{} events", ea.len());
    assert_eq!(groups(&ea), groups(&eb));
}
