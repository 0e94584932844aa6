//! The README shows what the app looks like: the browse view, the
//! side-by-side view and the events view, drawn from the demo library by the
//! current build. This test draws them again and fails when the README's
//! captures are no longer true; `BYLINE_UPDATE_README=1 cargo test --test
//! tests readme_screens` writes the new ones into the README.

use byline::tui::testing::Harness;
use std::path::Path;

const SIZE: (u16, u16) = (100, 30);

fn demo() -> (tempfile::TempDir, Harness) {
    crate::common::demo(SIZE.0, SIZE.1)
}

/// Each screen with its name in the README's markers.
fn screens() -> Vec<(&'static str, String)> {
    let (_home, mut t) = demo();
    t.type_text("Pasechnik");
    let browse = t.screen();
    t.press("down enter g c");
    t.press("enter");
    assert!(t.app.compare.is_some(), "the side-by-side view opened");
    let compare = t.screen();

    let (_home2, mut t) = demo();
    // `e` opens the selected article's event; `esc` goes up to the list of events.
    t.press("esc e esc");
    assert!(t.app.events.is_some(), "the events view opened");
    let events = t.screen();
    vec![("browse", browse), ("compare", compare), ("events", events)]
}

fn tidy(screen: &str) -> String {
    screen.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// The README with the block between `<!-- screen:NAME -->` and
/// `<!-- /screen -->` replaced by `screen` in a fenced block.
fn with_screen(readme: &str, name: &str, screen: &str) -> String {
    let open = format!("<!-- screen:{name} -->\n");
    let start = readme.find(&open).unwrap_or_else(|| panic!("README has no {open:?} marker")) + open.len();
    let end = start + readme[start..].find("<!-- /screen -->").expect("README marker closed");
    format!("{}```text\n{}\n```\n{}", &readme[..start], tidy(screen), &readme[end..])
}

#[test]
fn the_readme_screens_are_what_this_build_draws() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let mut expected = readme.clone();
    for (name, screen) in screens() {
        let sign = match name {
            "browse" => "2 articles",
            "compare" => "% similar",
            _ => "Events",
        };
        assert!(screen.contains(sign), "{name} should show {sign:?}:\n{screen}");
        expected = with_screen(&expected, name, &screen);
    }
    if std::env::var_os("BYLINE_UPDATE_README").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    assert!(
        readme == expected,
        "the README's screens are out of date: run BYLINE_UPDATE_README=1 cargo test --test tests readme_screens"
    );
}
