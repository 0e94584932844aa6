//! The new views never let article text misbehave and stay readable without
//! colour: hostile titles, outlets, quotes and names (escape sequences,
//! bidi overrides, control characters) in the picker's related list, the
//! events, an event's articles and the header's facts reach the screen
//! clean; with NO_COLOR the two columns use no colour at all and still
//! mark the differences (reverse video) and the difference jumped to.

use byline::article::{Article, ArticleId};
use byline::tui::testing::{Harness, Memory, OneEvent};
use byline::tui::{Theme, text};
use ratatui::style::{Color, Modifier};
use std::sync::Arc;

const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}\u{9b}31m\t";

fn article(id: &str, outlet: &str, quote: &str) -> Article {
    Article {
        id: ArticleId(id.into()),
        paths: vec![],
        title: format!("Headline {id}{EVIL} with 日本語"),
        title_derived: false,
        outlet: Some(format!("{outlet}{EVIL}")),
        byline: None,
        date: None,
        url: None,
        paragraphs: vec![
            format!("Officials met in Minsk{EVIL} on Monday, with 150,000 troops nearby."),
            format!("\"{quote}{EVIL} said the minister,\" according to Reuters."),
            format!("Only the {outlet} account names Pushilin{EVIL} and Pasechnik here."),
        ],
    }
}

fn hostile(w: u16, h: u16) -> Harness {
    let articles = vec![
        article("aaaa", "Left", "We will not back down from anything"),
        article("bbbb", "Right", "Our patience has limits for everyone"),
    ];
    Harness::new(Arc::new(OneEvent { memory: Memory(articles), label: format!("Label{EVIL} of the event") }), w, h)
}

fn assert_clean(t: &Harness, w: u16, what: &str) {
    for cell in t.buffer().content() {
        assert!(
            !cell.symbol().chars().any(|c| byline::sanitize::is_forbidden(c) || c == '\t'),
            "{what}: a forbidden character reached the screen: {:?}",
            cell.symbol()
        );
    }
    let screen = t.screen();
    assert!(!screen.contains("pwned") && !screen.contains("31m"), "{what}:\n{screen}");
    for line in screen.lines() {
        assert_eq!(text::width(line), usize::from(w), "{what}: a row is not {w} wide: {line:?}");
    }
}

#[test]
fn hostile_text_in_the_new_views_reaches_the_screen_clean() {
    for (w, h) in [(80, 24), (140, 40)] {
        let mut t = hostile(w, h);
        t.press("esc c");
        assert!(t.screen().contains("same event 0.50"), "{}", t.screen());
        assert_clean(&t, w, "the picker");
        t.press("enter");
        let screen = t.screen();
        assert!(screen.contains("only here: “"), "the quotes only one side has:\n{screen}");
        assert_clean(&t, w, "the two columns");
        t.press("f");
        assert_clean(&t, w, "the two columns' details");
        t.press("esc e esc g");
        assert!(t.screen().contains("Label of the event"), "{}", t.screen());
        assert_clean(&t, w, "the events");
        t.press("enter space");
        assert_clean(&t, w, "an event's articles");
        t.press("j space");
        assert!(t.app.compare.is_some());
        assert_clean(&t, w, "the two columns from the events");
    }
}

#[test]
fn without_colour_differences_are_still_marked() {
    let home = tempfile::tempdir().unwrap();
    let mut t = Harness::demo(home.path(), 100, 30);
    t.app.theme = Theme::mono();
    t.type_text("Pasechnik");
    t.press("down enter c enter");
    // To the edited Pushilin sentence.
    for _ in 0..30 {
        t.press("]");
        let c = t.app.compare.as_ref().unwrap();
        let left = &c.data.as_ref().unwrap().rows[c.current.unwrap()].left;
        if left.as_ref().is_some_and(|m| m.text.contains("the rebel head of the DNR")) {
            break;
        }
    }
    let b = t.buffer();
    assert!(b.content().iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset), "no colour at all");
    let row = t.row_with("~ Denis Pushilin").expect("the changed row is on screen");
    let reversed: String = (0..b.area.width)
        .map(|x| &b[(x, row)])
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .map(|c| c.symbol())
        .collect();
    assert!(reversed.contains("DNR"), "the left's word difference: {reversed:?}");
    assert!(reversed.contains('~'), "the difference jumped to: {reversed:?}");
    assert!(reversed.contains("Donetsk"), "the right's word difference: {reversed:?}");
}
