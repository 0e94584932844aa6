//! What a newcomer tripped on in the app (issue 21), key by key: the
//! selection follows the search, `?` on an empty search line shows the
//! keys, `G` goes to the real end of a long list, `Y` copies the id and
//! `w` writes the comparison as Markdown; and at 80x24 and 120x35 the
//! reader, the side-by-side header and the help cut nothing badly.

use crate::common::demo;
use byline::article::{Article, ArticleId};
use byline::index::{SearchRequest, SearchResults};
use byline::library::{Error, LibraryInfo, Refreshed, Service, Step};
use byline::tui::AppEvent;
use byline::tui::testing::{Harness, Memory};
use byline::tui::views::browse::Focus;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn story(i: usize) -> Article {
    Article {
        id: ArticleId(format!("{i:04}")),
        paths: vec![],
        title: format!("Story {i:02}"),
        title_derived: false,
        outlet: Some("Gazette".into()),
        byline: None,
        date: None,
        url: None,
        paragraphs: vec![format!("Paragraph of story {i}.")],
    }
}

fn stories(n: usize) -> Vec<Article> {
    (0..n).map(story).collect()
}

fn selected(t: &Harness) -> String {
    t.app.browse.selected_hit().map(|h| h.listing.title.clone()).unwrap_or_default()
}

/// Every article matches, in an order that turns by one at each refresh:
/// the library changing under the same query.
struct Turning {
    memory: Memory,
    turns: AtomicUsize,
}

impl Service for Turning {
    fn info(&self) -> Result<LibraryInfo, Error> {
        self.memory.info()
    }
    fn search(&self, request: &SearchRequest) -> Result<SearchResults, Error> {
        let mut all = self.memory.0.clone();
        let turn = self.turns.load(Ordering::SeqCst) % all.len();
        all.rotate_left(turn);
        Memory(all).search(request)
    }
    fn article(&self, id: &str) -> Result<Article, Error> {
        self.memory.article(id)
    }
    fn related(&self, id: &str, limit: usize) -> Result<Vec<byline::events::Related>, Error> {
        self.memory.related(id, limit)
    }
    fn events(&self) -> Result<Vec<byline::events::Event>, Error> {
        self.memory.events()
    }
    fn refresh(&self, _: &(dyn Fn(Step) + Sync)) -> Result<Refreshed, Error> {
        self.turns.fetch_add(1, Ordering::SeqCst);
        let mut r = Refreshed::default();
        r.report.articles_updated = 1;
        Ok(r)
    }
}

#[test]
fn a_new_query_selects_its_first_hit_and_a_refresh_keeps_the_article() {
    let mut t = Harness::new(Arc::new(Memory(stories(20))), 100, 30);
    t.press("down down");
    assert_eq!(selected(&t), "Story 02");
    // Before the answer comes, the first row shown is the one Enter would open.
    t.app.handle(AppEvent::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE)));
    assert_eq!(t.app.browse.selected, 0, "the selection moved to the first hit at once");
    t.type_text("tory");
    assert_eq!(selected(&t), "Story 00", "every article matches, the first is selected");
    t.press("down down enter");
    assert_eq!(t.app.article.as_ref().unwrap().doc.title, "Story 02");

    // The same query after the library changed: the same article, wherever it went.
    let turning = Turning { memory: Memory(stories(20)), turns: AtomicUsize::new(0) };
    let mut t = Harness::new(Arc::new(turning), 100, 30);
    t.press("down down");
    assert_eq!(selected(&t), "Story 02");
    t.app.handle(AppEvent::LibraryChanged(1));
    t.settle();
    assert_eq!(selected(&t), "Story 02", "kept by id");
    assert_eq!(t.app.browse.selected, 1, "it moved up a row");
}

#[test]
fn a_question_mark_on_an_empty_search_line_shows_the_keys_and_f1_does_once_there_is_text() {
    let mut t = Harness::new(Arc::new(Memory(stories(3))), 80, 24);
    assert_eq!(t.app.browse.focus, Focus::Search);
    assert!(t.screen().lines().last().unwrap().contains("? keys"), "{}", t.screen());
    t.type_text("?");
    assert!(t.app.help.is_some(), "? opened the help");
    assert_eq!(t.app.browse.query, "", "and typed nothing");
    t.press("esc");
    assert!(t.app.help.is_none());
    t.type_text("why?");
    assert_eq!(t.app.browse.query, "why?", "in a query, ? is a character");
    assert!(t.app.help.is_none());
    let status = t.screen().lines().last().unwrap().to_string();
    assert!(status.contains("f1 keys") && !status.contains("? keys"), "the key that works here:\n{status}");
    t.press("f1");
    assert!(t.app.help.is_some());
}

#[test]
fn g_goes_to_the_real_end_of_a_long_list_without_reading_all_of_it() {
    let mut t = Harness::new(Arc::new(Memory(stories(500))), 100, 30);
    t.press("tab");
    assert_eq!(t.app.browse.focus, Focus::List);
    t.press("G");
    assert_eq!(selected(&t), "Story 499", "the last of 500, not of those loaded");
    assert!(t.app.browse.hits().len() < 30, "only the last screen was read: {}", t.app.browse.hits().len());
    assert!(t.screen().contains("of 500 articles"), "{}", t.screen());
    assert!(t.screen().contains("Story 499"));
    // Up from there reads the screen before, and the rows stay in order.
    let visible = t.app.browse.visible_hits();
    for _ in 0..visible + 2 {
        t.press("k");
    }
    assert_eq!(selected(&t), format!("Story {}", 499 - visible - 2));
    let titles: Vec<String> = t.app.browse.hits().iter().map(|h| h.listing.title.clone()).collect();
    let first: usize = titles[0][6..].parse().unwrap();
    assert_eq!(titles, (first..500).map(|i| format!("Story {i:02}")).collect::<Vec<_>>(), "one run of the ranking");
    t.press("g");
    assert_eq!(selected(&t), "Story 00");
    assert_eq!(t.app.browse.base, 0);
    t.press("G");
    assert_eq!(selected(&t), "Story 499");
    // A short list: G is the last loaded row, which is its end.
    let mut t = Harness::new(Arc::new(Memory(stories(4))), 100, 40);
    t.press("tab G");
    assert_eq!(selected(&t), "Story 03");
}

#[test]
fn the_reader_names_the_id_and_file_and_y_copies_the_id() {
    let (_home, mut t) = demo(100, 30);
    t.type_text("Pasechnik");
    t.press("enter g");
    let id = t.app.article.as_ref().unwrap().doc.id.clone();
    assert!(t.screen().contains(&format!("id {} · 004_", id.short())), "{}", t.screen());
    t.press("Y");
    let (_, osc) = t.app.clipboard.clone().expect("copied");
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(id.as_str());
    assert_eq!(osc, format!("\x1b]52;c;{encoded}\x07"));
    assert!(t.screen().contains(&format!("copied the id {}", id.short())), "{}", t.screen());
}

#[test]
fn w_writes_the_comparison_as_byline_compare_format_md_prints_it() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Harness::demo(home.path(), 100, 30);
    let here = tempfile::tempdir().unwrap();
    t.app.export_dir = here.path().to_path_buf();
    t.type_text("Pasechnik");
    t.press("down enter g c enter");
    let [left, right] = t.app.compare.as_ref().expect("two columns").ids.clone();
    t.press("w");
    let written = here.path().join(format!("compare-{}-{}.md", left.short(), right.short()));
    assert!(t.screen().contains("wrote the comparison as Markdown to"), "{}", t.screen());
    let text = std::fs::read_to_string(&written).expect("the file written");
    let cli = assert_cmd::Command::cargo_bin("byline")
        .unwrap()
        .env("BYLINE_HOME", home.path())
        .args(["compare", left.as_str(), right.as_str(), "--format", "md"])
        .output()
        .unwrap();
    assert_eq!(text, String::from_utf8_lossy(&cli.stdout), "the same text as the command line's");
    t.press("w");
    assert!(written.with_file_name(format!("compare-{}-{}-2.md", left.short(), right.short())).exists());
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 35)];

#[test]
fn an_article_opened_at_a_match_names_its_title_and_outlet() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        t.type_text("Pasechnik");
        t.press("enter");
        let screen = t.screen();
        let frame = screen.lines().next().unwrap();
        assert!(frame.contains("· The Moscow Times"), "{w}x{h}: {frame}");
        assert!(frame.contains("Putin Says Considering"), "{w}x{h}: {frame}");
        insta::assert_snapshot!(format!("newcomer_reader_at_match_{w}x{h}"), screen);
    }
}

#[test]
fn the_side_by_side_header_keeps_each_date_and_the_hints_keep_unlock() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        t.type_text("Pasechnik");
        t.press("down enter g c enter");
        let screen = t.screen();
        let details = screen.lines().nth(2).unwrap();
        assert_eq!(details.matches("2022-02-21").count(), 2, "{w}x{h}: both dates:\n{screen}");
        let status = screen.lines().last().unwrap();
        assert!(status.contains("u unlock") && status.contains("? keys"), "{w}x{h}: {status}");
        assert!(!status.contains('…'), "whole hints only: {status}");
        insta::assert_snapshot!(format!("newcomer_compare_{w}x{h}"), screen);
        // A message and the legend never run into each other.
        t.press("]");
        let status = t.screen().lines().last().unwrap().to_string();
        assert!(status.contains("difference 1/"), "{status}");
        assert!(!status.contains("right= ") && !status.contains("left= "), "{status}");
        if status.contains("= same") {
            let gap = &status[status.find("difference").unwrap()..status.find("= same").unwrap()];
            assert!(gap.ends_with("  "), "room between them: {status:?}");
        }
        // Whatever its length, a message keeps two columns from the legend, or the legend gives way.
        let mut legend_seen = false;
        for n in 1..usize::from(w) {
            t.app.message = Some(("m".repeat(n), byline::tui::app::Level::Info));
            t.settle();
            let status = t.screen().lines().last().unwrap().to_string();
            let Some(at) = status.find(LEGEND) else { continue };
            legend_seen = true;
            assert!(
                status[..at].ends_with("m  ") || status[..at].ends_with("   "),
                "{w}x{h}, a message of {n}: {status:?}"
            );
        }
        assert!(legend_seen || w < 100, "the legend shows beside a short message at {w}x{h}");
    }
}

const LEGEND: &str = "= same  ~ changed  ? weak  < left only  > right only";

#[test]
fn the_help_wraps_rather_than_cut_a_description() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        t.type_text("Pasechnik");
        t.press("down enter g c enter ?");
        let mut seen = t.screen();
        for _ in 0..6 {
            t.press("space");
            seen.push_str(&t.screen());
        }
        let lines: Vec<&str> = seen.lines().collect();
        let at = lines.iter().position(|l| l.contains("lock or unlock scrolling")).expect("the lock key's line");
        let whole = format!("{} {}", lines[at], lines[at + 1]);
        assert!(
            whole.contains("lock or unlock scrolling between the columns")
                || lines[at].contains("lock or unlock scrolling between the") && lines[at + 1].contains("columns"),
            "{w}x{h}:\n{}\n{}",
            lines[at],
            lines[at + 1]
        );
        assert!(seen.contains("byline library remove PATH"), "the help names the library commands");
        // Scrolled to its end: the library commands, every description whole.
        insta::assert_snapshot!(format!("newcomer_help_compare_{w}x{h}"), t.screen());
    }
}

#[test]
fn the_app_says_once_that_a_folder_of_the_library_is_gone() {
    use byline::config::{Config, Paths};
    let home = tempfile::tempdir().unwrap();
    let folders = tempfile::tempdir().unwrap();
    let (a, b) = (folders.path().join("a"), folders.path().join("b"));
    for (dir, seed) in [(&a, "000_"), (&b, "004_")] {
        std::fs::create_dir_all(dir).unwrap();
        let article = byline::corpus::demo::article(seed).unwrap();
        std::fs::write(dir.join("x.txt"), format!("{}\n\n{}\n", article.title, article.paragraphs.join("\n\n")))
            .unwrap();
    }
    let library = byline::library::Library::open(&Paths::under(home.path()), &Config::defaults()).unwrap();
    library.index(&[a, b.clone()], &|_| {}).unwrap();
    drop(library);
    let mut t = Harness::demo(home.path(), 120, 30);
    std::fs::remove_dir_all(&b).unwrap();
    t.app.handle(AppEvent::LibraryChanged(1));
    t.settle();
    let said = t.app.message.clone().map(|m| m.0).unwrap_or_default();
    assert!(said.contains("is gone: its 1 article is kept; `byline library remove"), "{said}");
    t.app.message = None;
    t.app.handle(AppEvent::LibraryChanged(1));
    t.settle();
    assert!(!t.app.message.clone().map(|m| m.0).unwrap_or_default().contains("is gone"), "said once");
}
