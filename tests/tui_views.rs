//! Every view of the app drawn on ratatui's TestBackend at two sizes and
//! compared with insta snapshots, on the demo library in a temporary
//! BYLINE_HOME. Styles are checked on the buffer where they matter.

use crate::common::demo;
use byline::tui::testing::Harness;
use ratatui::style::Color;

const SIZES: [(u16, u16); 2] = [(80, 24), (140, 40)];

#[test]
fn browse_lists_the_library_newest_first() {
    for (w, h) in SIZES {
        let (_home, t) = demo(w, h);
        let screen = t.screen();
        assert!(screen.contains("5 articles · newest first"), "{screen}");
        insta::assert_snapshot!(format!("browse_{w}x{h}"), screen);
    }
}

#[test]
fn browse_narrows_as_you_type() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        t.type_text("Pasechnik");
        let screen = t.screen();
        assert!(screen.contains("2 articles · best match first"), "{screen}");
        insta::assert_snapshot!(format!("browse_search_{w}x{h}"), screen);
    }
}

/// The cells of the first `word` on the screen, after row `from`.
fn word_cells(t: &Harness, word: &str, from: u16) -> Vec<ratatui::buffer::Cell> {
    let screen = t.screen();
    let (row, line) = screen.lines().enumerate().skip(usize::from(from)).find(|(_, l)| l.contains(word)).expect(word);
    let col = line[..line.find(word).unwrap()].chars().count() as u16;
    (0..word.len() as u16).map(|i| t.buffer()[(col + i, row as u16)].clone()).collect()
}

#[test]
fn reader_shows_the_cleaned_article_with_the_word_marked() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        t.type_text("Pasechnik");
        t.press("enter");
        let screen = t.screen();
        assert!(screen.contains("separatist Leonid Pasechnik said"), "{screen}");
        assert!(screen.contains("match 1/1") || screen.contains("· 1 match"), "{screen}");
        for cell in word_cells(&t, "Pasechnik", 0) {
            assert_ne!(cell.bg, Color::Reset, "the match is marked");
        }
        insta::assert_snapshot!(format!("reader_{w}x{h}"), screen);
        t.press("g");
        insta::assert_snapshot!(format!("reader_top_{w}x{h}"), t.screen());
    }
}

#[test]
fn picker_proposes_related_counterparts_first() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        t.type_text("Pasechnik");
        t.press("enter c");
        let screen = t.screen();
        assert!(screen.contains("Compare “Putin Says Considering"), "{screen}");
        assert!(screen.contains("related first"), "{screen}");
        // 002, the other account of the same day, first and marked so.
        let same_day = screen.find("East Ukraine rebels ask Putin").expect("002 is proposed");
        let bloomberg = screen.find("Separatist leaders in eastern").expect("000 is proposed");
        assert!(same_day < bloomberg, "the counterpart comes first:\n{screen}");
        assert!(screen.contains("unknown outlet · 2022-02-21 · same event 0."), "{screen}");
        insta::assert_snapshot!(format!("picker_{w}x{h}"), screen);
    }
}

#[test]
fn two_columns_put_rows_side_by_side() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        t.type_text("Pasechnik");
        // 004 (The Moscow Times) beside 002, the other account of the same day.
        t.press("enter g c enter");
        let screen = t.screen();
        assert!(screen.contains("The Moscow Times · by AFP · 2022-02-21"), "{screen}");
        assert!(screen.contains("unknown outlet · 2022-02-21"), "{screen}");
        insta::assert_snapshot!(format!("compare_{w}x{h}"), screen);
        // Locked: both columns move together.
        t.press("j j");
        assert_eq!(t.app.compare.as_ref().unwrap().tops(), [2, 2]);
        t.press("u j");
        assert_eq!(t.app.compare.as_ref().unwrap().tops(), [3, 2]);
        t.press("esc");
        assert!(t.screen().contains("match 1/1") || t.screen().contains("line 1/"), "back in the reader");
    }
}

#[test]
fn help_lists_the_keys_of_the_view() {
    for (w, h) in SIZES {
        let (_home, mut t) = demo(w, h);
        t.press("esc ?");
        let screen = t.screen();
        assert!(screen.contains("Keys"), "{screen}");
        assert!(screen.contains("Result list"), "{screen}");
        assert!(screen.contains("mark the article read or unread"), "{screen}");
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen);
        t.press("esc");
        assert!(t.app.help.is_none());
    }
}

#[test]
fn too_small_says_so() {
    for (w, h) in [(39, 24), (80, 9)] {
        let (_home, t) = demo(w, h);
        let screen = t.screen();
        assert!(screen.replace('\n', " ").contains("Terminal too small"), "{screen}");
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), screen);
    }
}

#[test]
fn no_size_panics_in_any_view() {
    let (_home, mut t) = demo(80, 24);
    t.type_text("Pasechnik");
    let mut views = Vec::new();
    for keys in ["", "esc", "enter", "c", "enter", "?"] {
        t.press(keys);
        views.push(t.app.screen);
        for (w, h) in [(1, 1), (2, 1), (1, 2), (10, 3), (39, 9), (40, 10), (41, 11), (60, 15), (99, 30), (100, 30)] {
            t.resize(w, h);
        }
        t.resize(80, 24);
    }
    assert_eq!(views.last(), Some(&byline::tui::app::Screen::Compare));
}

#[test]
fn resizing_keeps_the_place_in_the_article() {
    let (_home, mut t) = demo(140, 40);
    t.press("esc enter");
    t.press("j j j j j j j j j j j j j j j j j j j j");
    let top_text = |t: &Harness| {
        let s = t.screen();
        let line = s.lines().nth(1).unwrap().trim_matches(|c: char| c == '│' || c == ' ').to_string();
        line.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    };
    let before = top_text(&t);
    t.resize(90, 40);
    let after = t.screen();
    assert!(
        after.lines().take(3).any(|l| l.contains(&before)),
        "the words at the top ({before:?}) are still at the top:\n{after}"
    );
}

fn hostile(id: &str, outlet: &str) -> byline::Article {
    byline::Article {
        id: byline::ArticleId(id.into()),
        paths: vec![],
        title: "Title\u{1b}]0;pwned\u{7} with 日本語 and \u{202e}reversed".into(),
        title_derived: false,
        outlet: Some(format!("{outlet}\u{1b}[2J")),
        byline: Some("Reporter\u{9b}31m".into()),
        date: None,
        url: Some("https://example.com/\u{1b}]52;c;ZXZpbA==\u{7}x".into()),
        paragraphs: vec![
            "Tabs\tand\tescapes \u{1b}[31mred\u{1b}[0m, a bell\u{7}, bidi \u{2066}isolate\u{2069}.".into(),
            "東京で記者会見が開かれ、首相は「平和」を強調した。👍🏽 emoji 👨‍👩‍👧 family and wide text 한국어 뉴스 기사 in one paragraph that must wrap by display width.".into(),
            "A verylongwordwithoutanyspacesthatislongerthananylineinthepaneandmustbecutsomewhere end.".into(),
        ],
    }
}

#[test]
fn hostile_and_wide_text_never_breaks_the_layout() {
    use byline::tui::testing::Memory;
    use std::sync::Arc;
    for (w, h) in SIZES {
        let mut t = Harness::new(Arc::new(Memory(vec![hostile("aaaa", "Left"), hostile("bbbb", "Right")])), w, h);
        t.type_text("emoji");
        let mut screens = Vec::new();
        for keys in ["", "enter", "c enter"] {
            t.press(keys);
            let buffer = t.buffer();
            for cell in buffer.content() {
                assert!(
                    !cell.symbol().chars().any(|c| byline::sanitize::is_forbidden(c) || c == '\t'),
                    "a forbidden character reached the screen: {:?}",
                    cell.symbol()
                );
            }
            let screen = t.screen();
            for line in screen.lines() {
                assert_eq!(byline::tui::text::width(line), usize::from(w), "a row is not {w} wide: {line:?}");
            }
            assert!(!screen.contains("pwned") && !screen.contains("ZXZpbA"), "{screen}");
            screens.push(screen);
        }
        assert!(screens[1].contains("東京で"), "{}", screens[1]);
        insta::assert_snapshot!(format!("hostile_reader_{w}x{h}"), screens[1]);
        insta::assert_snapshot!(format!("hostile_compare_{w}x{h}"), screens[2]);
    }
}
