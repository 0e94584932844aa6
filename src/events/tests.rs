//! A regrouping that uses what the last pass stored agrees with a grouping
//! from scratch.

use super::*;
use crate::config::Paths;
use std::path::Path;

/// The stored grouping of the library in `home` over `roots`, brought up to date.
fn grouped(home: &Path, roots: &[std::path::PathBuf]) -> Grouping {
    let lib = Library::open(&Paths::under(home)).unwrap();
    lib.add_roots(roots).unwrap();
    lib.refresh(&|_| {}).unwrap();
    refresh(&lib).unwrap();
    Grouping::load(lib.paths()).unwrap()
}

/// Each article's listing and features, by id.
fn by_id(g: &Grouping) -> Vec<(Member, Print)> {
    let mut v: Vec<(Member, Print)> = g.members.iter().cloned().zip(g.prints.iter().cloned()).collect();
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
    assert!(again.prints.iter().any(|p| p.date == date), "the changed date reached the features");
    let events = |g: &Grouping| cluster::events(&g.members, &undirected(&g.directed)).len();
    assert_eq!(events(&again), events(&scratch));
}
