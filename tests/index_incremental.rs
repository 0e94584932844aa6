//! Incremental indexing on a real library folder: unchanged, touched,
//! edited, deleted, renamed and duplicated files.

use crate::common;

use byline::index::{Catalog, IndexReport, SearchRequest};
use common::{Sandbox, write};
use std::time::{Duration, SystemTime};

fn index(lib: &Catalog, roots: &[std::path::PathBuf]) -> IndexReport {
    lib.add_roots(roots).unwrap();
    lib.refresh(&|_| {}).unwrap()
}

fn titles(lib: &Catalog, query: &str) -> Vec<String> {
    let mut req = SearchRequest::new(query);
    req.limit = 100;
    let mut t: Vec<String> = lib.search(&req).unwrap().hits.into_iter().map(|h| h.listing.title).collect();
    t.sort();
    t
}

fn set_mtime(path: &std::path::Path, secs_later: u64) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() + Duration::from_secs(secs_later)).unwrap();
}

#[test]
fn second_run_reads_nothing() {
    let sb = Sandbox::new();
    let folder = sb.library_with_seeds();
    let lib = Catalog::open(&sb.paths()).unwrap();
    let first = index(&lib, std::slice::from_ref(&folder));
    assert_eq!((first.files_seen, first.files_read, first.articles_added, first.articles_total), (5, 5, 5, 5));
    let second = index(&lib, &[folder]);
    assert_eq!((second.files_read, second.files_unchanged), (0, 5));
    assert_eq!((second.articles_added, second.articles_updated, second.articles_removed), (0, 0, 0));
    assert_eq!(second.articles_total, 5);
}

#[test]
fn touched_file_is_unchanged_edited_file_is_updated_with_the_same_id() {
    let sb = Sandbox::new();
    let folder = sb.library_with_seeds();
    let lib = Catalog::open(&sb.paths()).unwrap();
    index(&lib, std::slice::from_ref(&folder));
    let path = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("003_"))
        .unwrap();
    let id_before = lib.get("003_").unwrap().id;

    set_mtime(&path, 10);
    let touched = lib.refresh(&|_| {}).unwrap();
    assert_eq!((touched.files_read, touched.files_unchanged, touched.articles_updated), (0, 5, 0));
    assert_eq!(lib.get("003_").unwrap().id, id_before, "an unchanged text keeps its id");

    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\nA new closing paragraph about Zaporizhzhia.");
    write(&path, text);
    set_mtime(&path, 20);
    let edited = lib.refresh(&|_| {}).unwrap();
    assert_eq!(
        (edited.files_read, edited.articles_added, edited.articles_removed, edited.articles_total),
        (1, 1, 1, 5)
    );
    assert_eq!(titles(&lib, "Zaporizhzhia").len(), 1);
}

#[test]
fn deleted_renamed_and_duplicated_files() {
    let sb = Sandbox::new();
    let folder = sb.library_with_seeds();
    let lib = Catalog::open(&sb.paths()).unwrap();
    index(&lib, std::slice::from_ref(&folder));
    let file = |prefix: &str| {
        std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap()
    };

    // Deleted: its article goes.
    assert_eq!(titles(&lib, "\"jap Ukraine\"").len(), 1);
    std::fs::remove_file(file("001")).unwrap();
    let r = lib.refresh(&|_| {}).unwrap();
    assert_eq!((r.files_removed, r.articles_removed, r.articles_total), (1, 1, 4));
    assert!(titles(&lib, "\"jap Ukraine\"").is_empty());

    // Renamed: same article (same id), new path, nothing added or removed.
    let id = lib.get("002_").unwrap().id;
    let renamed = folder.join("sub").join("renamed.txt");
    std::fs::create_dir_all(renamed.parent().unwrap()).unwrap();
    std::fs::rename(file("002"), &renamed).unwrap();
    let r = lib.refresh(&|_| {}).unwrap();
    assert_eq!((r.articles_added, r.articles_removed, r.articles_total), (0, 0, 4));
    let a = lib.get(id.as_str()).unwrap();
    assert_eq!(a.paths, vec![renamed.clone()]);

    // Duplicated: the same text in a second file is one article with two paths.
    let copy = folder.join("copy-of-004.txt");
    std::fs::copy(file("004"), &copy).unwrap();
    let r = lib.refresh(&|_| {}).unwrap();
    assert_eq!((r.articles_added, r.articles_total), (0, 4));
    let a = lib.get("004_").unwrap();
    assert_eq!(a.paths.len(), 2, "{:?}", a.paths);
    assert_eq!(titles(&lib, "Pasechnik").len(), 2, "the duplicate is not a second hit");

    // Removing one copy keeps the article.
    std::fs::remove_file(&copy).unwrap();
    let r = lib.refresh(&|_| {}).unwrap();
    assert_eq!((r.articles_removed, r.articles_total), (0, 4));
    assert_eq!(lib.get("004_").unwrap().paths.len(), 1);
}

#[test]
fn sources_toml_sets_outlet_and_a_change_to_it_is_picked_up() {
    let sb = Sandbox::new();
    let folder = sb.library_with_seeds();
    write(&folder.join("sources.toml"), "[[source]]\nfiles = \"002_*.txt\"\noutlet = \"Daily Sabah\"\n");
    let lib = Catalog::open(&sb.paths()).unwrap();
    index(&lib, std::slice::from_ref(&folder));
    assert_eq!(lib.get("002_").unwrap().outlet.as_deref(), Some("Daily Sabah"));
    assert_eq!(lib.get("003_").unwrap().outlet, None);

    write(
        &folder.join("sources.toml"),
        "[[source]]\nfiles = \"00[23]_*.txt\"\noutlet = \"Anadolu\"\ndate = 2022-02-22\n",
    );
    set_mtime(&folder.join("sources.toml"), 10);
    lib.refresh(&|_| {}).unwrap();
    assert_eq!(lib.get("002_").unwrap().outlet.as_deref(), Some("Anadolu"));
    let a = lib.get("003_").unwrap();
    assert_eq!((a.outlet.as_deref(), a.date.map(|d| d.to_string())), (Some("Anadolu"), Some("2022-02-22".into())));
    assert_eq!(titles(&lib, "outlet:anadolu").len(), 2);
}

#[test]
fn bad_files_are_skipped_with_reasons_and_the_rest_indexed() {
    let sb = Sandbox::new();
    let folder = sb.library_with_seeds();
    write(&folder.join("binary.txt"), b"text\0more");
    write(&folder.join("empty.md"), "");
    write(&folder.join("broken.json"), "{\"title\": ");
    write(
        &folder.join("lines.jsonl"),
        "{\"title\":\"Good line\",\"text\":\"Kharkiv body text.\"}\nnot json\n{\"title\":\"No text\"}\n",
    );
    write(&folder.join("bad front.md"), "---\ntitle: [oops\n---\nBody");
    write(&folder.join("sub/sources.toml"), "[[source]\n");
    std::fs::create_dir_all(folder.join("dir.txt")).unwrap();
    std::os::unix::fs::symlink(folder.join("missing-target.txt"), folder.join("dangling.txt")).unwrap();
    let lib = Catalog::open(&sb.paths()).unwrap();
    let r = index(&lib, &[folder]);
    assert_eq!(r.articles_total, 6, "5 seeds + the good JSONL line");
    let reasons: Vec<String> = r.skipped.iter().map(|s| s.to_string()).collect();
    let has = |needle: &str| reasons.iter().any(|s| s.contains(needle));
    assert!(has("binary.txt: binary file (NUL byte at offset 4)"), "{reasons:#?}");
    assert!(has("empty.md: no article text"), "{reasons:#?}");
    assert!(has("broken.json: bad JSON"), "{reasons:#?}");
    assert!(has("lines.jsonl:2: bad JSON"), "{reasons:#?}");
    assert!(has("lines.jsonl:3: no article text"), "{reasons:#?}");
    assert!(has("bad front.md: bad YAML front matter"), "{reasons:#?}");
    assert!(has("sources.toml: bad sources.toml"), "{reasons:#?}");
    assert!(has("dangling.txt: unreadable"), "{reasons:#?}");
    assert_eq!(titles(&lib, "Kharkiv"), vec!["Good line"]);
}

#[test]
fn a_library_that_another_byline_indexed_under_adds_nothing_twice() {
    let sb = Sandbox::new();
    let folder = sb.library_with_seeds();
    // The app's library stays open while another byline adds a folder.
    let app = Catalog::open(&sb.paths()).unwrap();
    index(&app, std::slice::from_ref(&folder));
    let extra = sb.home().join("extra");
    write(
        &extra.join("harbour.txt"),
        "Harbour cranes stand idle after the strike\n\nDock workers in the port walked out on Monday \
         over pay, leaving container ships waiting offshore. The union said talks would resume.\n",
    );
    index(&Catalog::open(&sb.paths()).unwrap(), std::slice::from_ref(&extra));
    // The app indexes next: what the other run committed is not added again.
    let report = app.refresh(&|_| {}).unwrap();
    assert_eq!((report.articles_added, report.articles_total), (0, 6), "{report:?}");
    assert_eq!(titles(&app, "harbour"), ["Harbour cranes stand idle after the strike"]);
}
