//! Reading state and links in the app: keys → actions → the state kept on
//! disk, what the list shows (unread in bold, read plain, a star, tags),
//! the tag prompt, opening and copying an article's link.

use crate::common::demo;
use byline::article::{Article, ArticleId};
use byline::config::Paths;
use byline::links::Opener;
use byline::state::Store;
use byline::tui::testing::{Harness, Memory};
use ratatui::style::Modifier;
use std::sync::Arc;

fn kept(home: &tempfile::TempDir) -> byline::state::ReadingState {
    Store::new(&Paths::under(home.path())).load().unwrap()
}

fn selected(t: &Harness) -> ArticleId {
    t.app.selected_id().unwrap().clone()
}

/// Is the first cell of `needle`'s row (after the gutter) bold?
fn title_is_bold(t: &Harness, needle: &str) -> bool {
    let row = t.row_with(needle).unwrap_or_else(|| panic!("{needle} on screen:\n{}", t.screen()));
    t.buffer()[(2, row)].modifier.contains(Modifier::BOLD)
}

#[test]
fn opening_an_article_marks_it_read_and_the_list_shows_it() {
    let (home, mut t) = demo(80, 24);
    t.press("tab");
    let id = selected(&t);
    let title = t.app.browse.selected_hit().unwrap().listing.title.clone();
    let needle = &title[..20];
    // The selection bar is bold itself: look at the row once it is not selected.
    t.press("j");
    assert!(title_is_bold(&t, needle), "unread is bold");
    t.press("k enter esc j");
    assert!(kept(&home).marks(&id).read, "opening marked it read on disk");
    assert!(!title_is_bold(&t, needle), "read is plain:\n{}", t.screen());
    t.press("k m");
    assert!(t.screen().contains("marked unread"), "{}", t.screen());
    assert!(!kept(&home).marks(&id).read, "m marks it unread again");
    t.press("j");
    assert!(title_is_bold(&t, needle));
}

#[test]
fn star_and_tags_are_kept_and_shown() {
    let (home, mut t) = demo(80, 24);
    t.press("tab");
    let id = selected(&t);
    t.press("*");
    assert!(kept(&home).marks(&id).starred);
    t.press("t");
    t.type_text("Ukraine #nato");
    insta::assert_snapshot!("tag_prompt_80x24", t.screen());
    t.press("enter");
    let tags: Vec<String> = kept(&home).marks(&id).tags.into_iter().collect();
    assert_eq!(tags, ["nato", "ukraine"]);
    let screen = t.screen();
    assert!(screen.contains("★ ") && screen.contains("#nato #ukraine"), "{screen}");
    insta::assert_snapshot!("starred_and_tagged_80x24", screen);
    // The prompt opens on the tags there are; removing one removes it.
    t.press("t");
    assert_eq!(t.app.prompt.as_ref().unwrap().text, "nato ukraine ");
    t.press("backspace backspace backspace backspace backspace backspace backspace backspace enter");
    assert_eq!(kept(&home).marks(&id).tags.into_iter().collect::<Vec<_>>(), ["nato"]);
}

#[test]
fn a_bad_tag_keeps_the_prompt_open_and_says_why() {
    let (home, mut t) = demo(80, 24);
    t.press("tab t");
    t.type_text("a;b");
    t.press("enter");
    assert!(t.app.prompt.is_some(), "the prompt stays for a fix");
    assert!(t.screen().contains("cannot contain ';'"), "{}", t.screen());
    t.press("esc");
    assert!(t.app.prompt.is_none());
    assert!(kept(&home).articles.is_empty(), "nothing was written");
}

#[test]
fn state_filters_narrow_the_list_in_the_app() {
    let (_home, mut t) = demo(80, 24);
    t.press("tab j *");
    let starred = selected(&t);
    t.press("/");
    t.type_text("is:starred");
    let hits = t.app.browse.hits();
    assert_eq!(hits.len(), 1, "{}", t.screen());
    assert_eq!(hits[0].listing.id, starred);
    assert!(hits[0].starred);
}

fn with_url(id: &str, url: &str) -> Article {
    Article {
        id: ArticleId(id.into()),
        paths: vec![],
        title: format!("Article {id}"),
        title_derived: false,
        outlet: Some("Test Daily".into()),
        byline: None,
        date: None,
        url: Some(url.into()),
        paragraphs: vec!["Some text.".into()],
    }
}

#[test]
fn the_link_opens_in_browser_as_one_argument() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("argv.txt");
    let script = dir.path().join("browser.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '{}'; done\n", record.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let url = "https://example.com/x y;$(touch /tmp/byline-never)";
    let mut t = Harness::new(Arc::new(Memory(vec![with_url("aaaa", url)])), 80, 24);
    t.app.opener = Opener::Browser(format!("'{}'", script.display()));
    t.press("tab o");
    assert!(t.screen().contains("opened https://example.com/x%20y"), "{}", t.screen());
    let mut argv = String::new();
    for _ in 0..500 {
        argv = std::fs::read_to_string(&record).unwrap_or_default();
        if argv.ends_with('\n') {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(argv, "https://example.com/x%20y;$(touch%20/tmp/byline-never)\n");
}

#[test]
fn copying_writes_osc52_of_the_checked_url_and_says_so() {
    let mut t = Harness::new(Arc::new(Memory(vec![with_url("aaaa", "https://example.com/story")])), 80, 24);
    t.press("tab y");
    let (_, osc) = t.app.clipboard.clone().expect("a sequence to write");
    assert_eq!(osc, "\x1b]52;c;aHR0cHM6Ly9leGFtcGxlLmNvbS9zdG9yeQ==\x07");
    assert!(t.screen().contains("copied https://example.com/story"), "{}", t.screen());
}

#[test]
fn javascript_and_file_links_are_refused_with_a_message() {
    for url in ["javascript:alert(1)", "file:///etc/passwd"] {
        let mut t = Harness::new(Arc::new(Memory(vec![with_url("aaaa", url)])), 80, 24);
        t.app.opener = Opener::Browser("/nonexistent/browser".into());
        t.press("tab o");
        let screen = t.screen();
        assert!(screen.contains("only http and https"), "{url}: {screen}");
        t.press("y");
        assert!(t.app.clipboard.is_none(), "{url}: nothing copied");
    }
}
