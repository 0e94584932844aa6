//! Keys to actions to state, without a terminal: the app is driven by key
//! events and its state (and the requests it makes) is checked. The demo
//! library lives in a temporary BYLINE_HOME.

use byline::config::Config;
use byline::library::Error;
use byline::tui::app::{App, Level, Screen};
use byline::tui::protocol::{Ask, Reply, Request};
use byline::tui::testing::Harness;
use byline::tui::views::browse::Focus;
use byline::tui::{AppEvent, Theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

fn demo() -> (tempfile::TempDir, Harness) {
    crate::common::demo(100, 30)
}

fn selected(t: &Harness) -> String {
    t.app.browse.selected_hit().map(|h| h.listing.title.clone()).unwrap_or_default()
}

fn shown(t: &Harness) -> Option<String> {
    t.app.article.as_ref().map(|a| a.doc.id.to_string())
}

#[test]
fn typing_sends_the_query_with_a_new_generation_and_the_last_word_as_prefix() {
    let config = Config::defaults();
    let mut app = App::new(&config, Theme::mono());
    let first = app.take_requests();
    assert!(matches!(&first[..], [Request { generation: 1, ask: Ask::Search(request) }] if request.query.is_empty()));
    for c in ['p', 'a'] {
        app.handle(AppEvent::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
    let sent = app.take_requests();
    let queries: Vec<(u64, String, bool)> = sent
        .iter()
        .map(|r| match r {
            Request { generation, ask: Ask::Search(request) } => {
                (*generation, request.query.clone(), request.prefix_last)
            }
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(queries, [(2, "p".to_string(), true), (3, "pa".to_string(), true)]);
    assert!(app.browse.searching);
}

#[test]
fn a_reply_for_an_older_query_is_dropped() {
    let (_home, mut t) = demo();
    let old = byline::tui::protocol::handle(&*t.backend, {
        let mut app = App::new(&Config::defaults(), Theme::mono());
        app.take_requests().remove(0)
    });
    t.type_text("Pasechnik");
    assert_eq!(t.app.browse.results.as_ref().unwrap().total, 2);
    // Answering every keystroke's request, the harness delivered the
    // replies for "P", "Pa", ... after the query had moved on: all dropped.
    assert_eq!(t.app.stale_replies, 8);
    // The reply to the very first request (generation 1, the whole library) comes late.
    t.app.handle(AppEvent::Reply(old));
    assert_eq!(t.app.stale_replies, 9);
    assert_eq!(t.app.browse.results.as_ref().unwrap().total, 2, "the stale reply changed nothing");
    t.draw();
    assert!(t.screen().contains("2 articles"));
}

#[test]
fn the_search_line_types_letters_and_esc_leaves_it() {
    let (_home, mut t) = demo();
    assert_eq!(t.app.browse.focus, Focus::Search);
    t.type_text("q?j");
    assert_eq!(t.app.browse.query, "q?j");
    assert_eq!(t.app.quit, None);
    assert!(t.app.help.is_none());
    t.press("backspace");
    assert_eq!(t.app.browse.query, "q?");
    t.type_text(" putin");
    t.press("ctrl-w");
    assert_eq!(t.app.browse.query, "q? ");
    t.press("ctrl-u");
    assert_eq!(t.app.browse.query, "");
    t.press("esc");
    assert_eq!(t.app.browse.focus, Focus::List);
    t.press("/");
    assert_eq!(t.app.browse.focus, Focus::Search);
    t.press("esc q");
    assert_eq!(t.app.quit, Some(0));
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    for keys in ["", "esc enter", "esc c", "esc ?", "esc c enter"] {
        let (_home, mut t) = demo();
        t.press(keys);
        assert_eq!(t.app.quit, None, "{keys}");
        t.press("ctrl-c");
        assert_eq!(t.app.quit, Some(0), "{keys}");
    }
}

#[test]
fn moving_in_the_list_shows_the_selected_article() {
    let (_home, mut t) = demo();
    let first = selected(&t);
    assert_eq!(shown(&t).as_deref(), t.app.browse.selected_hit().map(|h| h.listing.id.as_str()));
    t.press("esc j");
    assert_ne!(selected(&t), first);
    assert_eq!(shown(&t).as_deref(), t.app.browse.selected_hit().map(|h| h.listing.id.as_str()));
    t.press("G");
    assert_eq!(t.app.browse.selected, 4);
    t.press("k g");
    assert_eq!(t.app.browse.selected, 0);
    t.press("down down up");
    assert_eq!(t.app.browse.selected, 1);
}

#[test]
fn tab_moves_focus_around_the_browse_view() {
    let (_home, mut t) = demo();
    let mut seen = vec![t.app.browse.focus];
    for _ in 0..3 {
        t.press("tab");
        seen.push(t.app.browse.focus);
    }
    assert_eq!(seen, [Focus::Search, Focus::List, Focus::Reader, Focus::Search]);
    t.press("backtab");
    assert_eq!(t.app.browse.focus, Focus::Reader);
}

#[test]
fn s_toggles_the_sort_order() {
    let (_home, mut t) = demo();
    t.type_text("putin");
    assert_eq!(t.app.browse.results.as_ref().unwrap().sort, byline::index::Sort::Relevance);
    t.press("esc s");
    assert_eq!(t.app.browse.results.as_ref().unwrap().sort, byline::index::Sort::Date);
    assert!(t.screen().contains("newest first"));
    t.press("s");
    assert!(t.screen().contains("best match first"));
}

#[test]
fn an_unusable_query_says_so_in_the_status_line() {
    let (_home, mut t) = demo();
    t.type_text("putin date:yesterday");
    let status = t.screen().lines().last().unwrap().to_string();
    assert!(status.contains("note:"), "{status}");
    assert!(t.app.browse.results.as_ref().unwrap().total > 0, "the usable part still searches");
}

#[test]
fn the_reader_opens_scrolls_jumps_and_goes_back() {
    let (_home, mut t) = demo();
    t.type_text("putin");
    t.press("enter");
    assert_eq!(t.app.screen, Screen::Reader);
    let view = t.app.article.as_ref().unwrap();
    let matches = view.match_count();
    assert!(matches > 2, "{matches}");
    t.press("g");
    assert_eq!(t.app.article.as_ref().unwrap().top(), 0);
    t.press("j j");
    assert_eq!(t.app.article.as_ref().unwrap().top(), 2);
    t.press("pagedown");
    assert!(t.app.article.as_ref().unwrap().top() > 10);
    t.press("G");
    let bottom = t.app.article.as_ref().unwrap().top();
    t.press("j");
    assert_eq!(t.app.article.as_ref().unwrap().top(), bottom, "the bottom is the bottom");
    t.press("g n");
    assert_eq!(t.app.article.as_ref().unwrap().current_match(), Some(0));
    t.press("n");
    assert_eq!(t.app.article.as_ref().unwrap().current_match(), Some(1));
    t.press("N N");
    assert_eq!(t.app.article.as_ref().unwrap().current_match(), Some(matches - 1));
    assert_eq!(t.app.message, Some(("search wrapped to the bottom".into(), Level::Info)));
    t.press("esc");
    assert_eq!((t.app.screen, t.app.browse.focus), (Screen::Browse, Focus::Search));
}

#[test]
fn n_without_a_query_explains() {
    let (_home, mut t) = demo();
    t.press("esc enter n");
    let (msg, _) = t.app.message.clone().unwrap();
    assert!(msg.contains("search for something first"), "{msg}");
}

#[test]
fn compare_picks_an_article_swaps_locks_and_returns() {
    let (_home, mut t) = demo();
    t.press("esc c");
    assert!(t.app.picker.is_some());
    let left = t.app.browse.selected_hit().unwrap().listing.id.clone();
    t.press("j enter");
    assert_eq!(t.app.screen, Screen::Compare);
    let c = t.app.compare.as_ref().unwrap();
    assert_eq!(c.ids[0], left);
    assert!(c.locked);
    let right = c.ids[1].clone();
    t.press("s");
    assert_eq!(t.app.compare.as_ref().unwrap().ids, [right.clone(), left.clone()]);
    t.press("u");
    assert!(!t.app.compare.as_ref().unwrap().locked);
    t.press("tab j j");
    assert_eq!(t.app.compare.as_ref().unwrap().tops(), [0, 2]);
    t.press("u");
    assert_eq!(t.app.compare.as_ref().unwrap().tops(), [2, 2], "locking lines the columns up");
    t.press("esc");
    assert_eq!((t.app.screen, t.app.browse.focus), (Screen::Browse, Focus::List));
    assert!(t.app.compare.is_none());
}

#[test]
fn picker_esc_cancels() {
    let (_home, mut t) = demo();
    t.press("esc c esc");
    assert!(t.app.picker.is_none());
    assert_eq!(t.app.screen, Screen::Browse);
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let (_home, mut t) = demo();
    let wheel = |t: &mut Harness, kind, column, row| {
        t.app.handle(AppEvent::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }));
        t.settle();
    };
    // 100 columns: the list is the left 40, the reading pane the rest.
    wheel(&mut t, MouseEventKind::ScrollDown, 70, 10);
    assert_eq!(t.app.article.as_ref().unwrap().top(), 3);
    assert_eq!(t.app.browse.selected, 0);
    wheel(&mut t, MouseEventKind::ScrollDown, 10, 10);
    assert_eq!(t.app.browse.selected, 1);
    wheel(&mut t, MouseEventKind::ScrollUp, 10, 10);
    assert_eq!(t.app.browse.selected, 0);
}

#[test]
fn keys_come_from_the_config_file() {
    let home = tempfile::tempdir().unwrap();
    let config =
        Config::layered("[keys.list]\ndown = [\"x\"]\n[keys.global]\nquit = [\"Q\"]\n", "config.toml").unwrap();
    let mut t = Harness::demo_with(home.path(), &config, 100, 30);
    t.press("esc x");
    assert_eq!(t.app.browse.selected, 1);
    t.press("j q");
    assert_eq!(t.app.browse.selected, 1, "j and q are no longer bound");
    assert_eq!(t.app.quit, None);
    t.press("?");
    let screen = t.screen();
    let down = screen.lines().find(|l| l.contains("down one line")).unwrap();
    assert!(down.contains("  x   "), "{screen}");
    t.press("esc Q");
    assert_eq!(t.app.quit, Some(0));
}

#[test]
fn pasted_text_is_cleaned_before_it_is_searched() {
    let (_home, mut t) = demo();
    t.app.handle(AppEvent::Paste("Pase\u{1b}]0;title\u{7}chnik\n".into()));
    t.settle();
    assert_eq!(t.app.browse.query, "Pasechnik");
    assert_eq!(t.app.browse.results.as_ref().unwrap().total, 2);
}

#[test]
fn signals_end_the_app_with_their_status() {
    let (_home, mut t) = demo();
    t.app.handle(AppEvent::Signal(15));
    assert_eq!(t.app.quit, Some(143));
}

#[test]
fn a_library_that_cannot_open_is_shown_not_fatal() {
    let config = Config::defaults();
    let mut app = App::new(&config, Theme::mono());
    app.handle(AppEvent::Reply(Reply::Ready(Err(Error::Failed("cannot open /nowhere: permission denied".into())))));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| byline::tui::views::render(&mut app, f)).unwrap();
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains("Cannot open the library: cannot open /nowhere"), "{screen}");
}

fn stories(n: usize) -> byline::tui::testing::Memory {
    use byline::article::{Article, ArticleId};
    let story = |i: usize| Article {
        id: ArticleId(format!("{i:04}")),
        paths: vec![],
        title: format!("Story {i:02}"),
        title_derived: false,
        outlet: None,
        byline: None,
        date: None,
        url: None,
        paragraphs: vec![format!("Paragraph of story {i}.")],
    };
    byline::tui::testing::Memory((0..n).map(story).collect())
}

/// How many hits the list (the left pane) shows: their headlines start
/// with "Story".
fn rows_shown(t: &Harness) -> usize {
    t.screen().lines().filter(|l| l.starts_with("│ Story") || l.starts_with("│▌Story")).count()
}

#[test]
fn a_search_asks_for_a_screenful_and_moving_down_asks_for_the_next_before_it_is_needed() {
    use byline::tui::views::browse::FIRST_SCREEN;
    let mut t = Harness::new(std::sync::Arc::new(stories(50)), 100, 40);
    t.type_text("story");
    let visible = t.app.browse.visible_hits();
    assert!(visible != FIRST_SCREEN && visible < 16, "{visible} hits fit 40 rows");
    assert_eq!(t.app.browse.limit, visible, "a keystroke reads only the hits it shows");
    assert_eq!((t.app.browse.hits().len(), rows_shown(&t)), (visible, visible));
    assert!(t.screen().contains(&format!("{visible} of 50 articles")), "{}", t.screen());
    for i in 1..30 {
        t.press("down");
        assert_eq!(selected(&t), format!("Story {i:02}"), "down never stops at the end of what was loaded");
        assert!(t.app.browse.hits().len() >= (i + visible).min(50), "a screen ahead is loaded at {i}");
    }
    assert!(t.app.browse.hits().len() < 50, "only what scrolling needs is read");
}

#[test]
fn the_next_screen_is_asked_for_after_the_loaded_hits_which_stay_in_place() {
    let mut t = Harness::new(std::sync::Arc::new(stories(50)), 100, 30);
    t.type_text("story");
    let first: Vec<String> = t.app.browse.hits().iter().map(|h| h.listing.title.clone()).collect();
    t.app.handle(AppEvent::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)));
    let sent = t.app.take_requests();
    let next = sent.iter().find_map(|r| match r {
        Request { ask: Ask::Search(request), .. } => Some(request.clone()),
        _ => None,
    });
    let next = next.expect("moving down asks for the next screen");
    // Only the new hits: the loaded ones are neither read nor ranked again.
    assert_eq!((next.offset, next.limit), (first.len(), t.app.browse.visible_hits()));
    for r in sent {
        let reply = byline::tui::protocol::handle(&*t.backend, r);
        t.app.handle(AppEvent::Reply(reply));
    }
    t.settle();
    let now: Vec<String> = t.app.browse.hits().iter().map(|h| h.listing.title.clone()).collect();
    assert_eq!(now.len(), 2 * first.len());
    assert_eq!(now[..first.len()], first[..], "rows already shown stay where they were");
    assert_eq!(now[first.len()], format!("Story {:02}", first.len()));
}

#[test]
fn a_taller_screen_is_filled_without_a_key() {
    let (_home, mut t) = demo();
    // Five demo articles: shrink the screen so they do not fit, then grow it.
    t.resize(100, 12);
    t.type_text("a");
    let few = t.app.browse.hits().len();
    assert!(few < 5 && t.screen().contains(&format!("{few} of 5 articles")), "{few}:\n{}", t.screen());
    t.resize(100, 60);
    assert!(t.screen().contains(" 5 articles"), "the grown list shows every article:\n{}", t.screen());
    // Scrolled down a longer list, a screen that grows is filled too.
    let mut t = Harness::new(std::sync::Arc::new(stories(80)), 100, 30);
    t.type_text("story");
    for _ in 0..20 {
        t.press("down");
    }
    t.resize(100, 90);
    let visible = t.app.browse.visible_hits();
    assert!(visible > 15, "{visible}");
    assert_eq!(rows_shown(&t), visible, "every row of the grown list shows a hit:\n{}", t.screen());
}
