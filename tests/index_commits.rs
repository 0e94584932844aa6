//! An index run cut into many commits ends where one commit would: the same
//! articles, with the same titles, outlets and files. Runs commit every
//! 20,000 files, so the library here (a few files) is cut every 2 files
//! with `BYLINE_COMMIT_EVERY_FILES`, and compared with a library indexed
//! in one commit after each of: a first run with one article in two files
//! of different batches and a `sources.toml`; then a file removed, one
//! changed, one added and the `sources.toml` changed.

use crate::common;

use common::{Sandbox, write};
use std::path::Path;

/// Each article as `byline search` lists it: id, title, outlet, files.
type Listing = Vec<(String, String, Option<String>, Vec<String>)>;

fn index_and_list(sb: &Sandbox, lib: &Path, commit_every: Option<&str>) -> Listing {
    let mut cmd = sb.cmd();
    match commit_every {
        Some(n) => cmd.env(byline::index::COMMIT_EVERY_FILES_ENV, n),
        None => cmd.env_remove(byline::index::COMMIT_EVERY_FILES_ENV),
    };
    cmd.arg("index").arg(lib).assert().success();
    let out = sb.cmd().args(["search", "--json", "--limit", "1000", ""]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut list: Listing = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let mut paths: Vec<String> =
                h["paths"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
            paths.sort();
            (
                h["id"].as_str().unwrap().to_string(),
                h["title"].as_str().unwrap().to_string(),
                h["outlet"].as_str().map(str::to_string),
                paths,
            )
        })
        .collect();
    list.sort();
    list
}

#[test]
fn a_run_in_many_commits_ends_as_a_run_in_one() {
    let (many, one) = (Sandbox::new(), Sandbox::new());
    let lib = many.library_with_seeds();
    let seed = |prefix: &str| {
        std::fs::read_dir(&lib)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
    };
    // The first seed again, under a name that sorts last: its article is in
    // a file of the first batch and one of the last.
    std::fs::copy(seed("000").unwrap(), lib.join("zz_copy.txt")).unwrap();
    write(&lib.join("sources.toml"), "[[source]]\nfiles = \"002_*.txt\"\noutlet = \"Daily Sabah\"\n");

    let first = index_and_list(&many, &lib, Some("2"));
    assert_eq!(first, index_and_list(&one, &lib, None));
    assert_eq!(first.len(), 5, "{first:#?}");
    assert!(first.iter().any(|a| a.3.len() == 2), "the copied article lists both its files: {first:#?}");
    assert!(first.iter().any(|a| a.2.as_deref() == Some("Daily Sabah")), "sources.toml applies: {first:#?}");

    std::fs::remove_file(seed("001").unwrap()).unwrap();
    let changed = seed("003").unwrap();
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n\nA paragraph added later, long enough to change what the article says about the event.\n");
    write(&changed, text);
    write(
        &lib.join("new.md"),
        "---\ntitle: A new report\noutlet: Test Daily\n---\n\nA new article arrives in the library between two runs of the indexer.\n",
    );
    write(&lib.join("sources.toml"), "[[source]]\nfiles = \"002_*.txt\"\noutlet = \"Anadolu Agency\"\n");

    let second = index_and_list(&many, &lib, Some("2"));
    assert_eq!(second, index_and_list(&one, &lib, None));
    assert_eq!(second.len(), 5, "one gone, one added, one changed in place: {second:#?}");
    assert!(second.iter().any(|a| a.1 == "A new report"));
    assert!(second.iter().any(|a| a.2.as_deref() == Some("Anadolu Agency")), "{second:#?}");
    assert!(!second.iter().any(|a| a.2.as_deref() == Some("Daily Sabah")), "{second:#?}");
}
