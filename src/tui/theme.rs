//! Colours and text attributes per role, from the config's `[colors]`.
//!
//! With `NO_COLOR` set, no colour is used at all: each role falls back to
//! bold, underline or reverse so that matches, the selection and the
//! differences between two articles stay visible.

use crate::config::Config;
use crate::config::file::{Colour, StyleSpec};
use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub matched: Style,
    pub current_match: Style,
    pub selection: Style,
    pub border: Style,
    pub border_focus: Style,
    pub search: Style,
    pub status: Style,
    pub status_key: Style,
    pub hint: Style,
    pub error: Style,
    pub same: Style,
    pub changed: Style,
    pub left_only: Style,
    pub right_only: Style,
    pub diff_delete: Style,
    pub diff_insert: Style,
    /// True when `NO_COLOR` is in force.
    pub mono: bool,
}

fn colour(c: Colour) -> Color {
    const NAMED: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match c {
        Colour::Default => Color::Reset,
        Colour::Named(i) => NAMED[usize::from(i) % 16],
        Colour::Indexed(i) => Color::Indexed(i),
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

fn modifiers(spec: &StyleSpec) -> Modifier {
    let mut m = Modifier::empty();
    for (on, bit) in [
        (spec.bold, Modifier::BOLD),
        (spec.dim, Modifier::DIM),
        (spec.italic, Modifier::ITALIC),
        (spec.underline, Modifier::UNDERLINED),
        (spec.reverse, Modifier::REVERSED),
    ] {
        if on {
            m |= bit;
        }
    }
    m
}

fn style(spec: StyleSpec) -> Style {
    let mut s = Style::new().add_modifier(modifiers(&spec));
    if let Some(fg) = spec.fg {
        s = s.fg(colour(fg));
    }
    if let Some(bg) = spec.bg {
        s = s.bg(colour(bg));
    }
    s
}

impl Theme {
    /// The theme of `config`; `no_color` drops every colour.
    pub fn new(config: &Config, no_color: bool) -> Theme {
        if no_color {
            return Theme::mono();
        }
        let s = |role: &str| style(config.color(role));
        Theme {
            text: s("text"),
            dim: s("dim"),
            title: s("title"),
            matched: s("match"),
            current_match: s("current_match"),
            selection: s("selection"),
            border: s("border"),
            border_focus: s("border_focus"),
            search: s("search"),
            status: s("status"),
            status_key: s("status_key"),
            hint: s("hint"),
            error: s("error"),
            same: s("same"),
            changed: s("changed"),
            left_only: s("left_only"),
            right_only: s("right_only"),
            diff_delete: s("diff_delete"),
            diff_insert: s("diff_insert"),
            mono: false,
        }
    }

    /// No colour: attributes only.
    pub fn mono() -> Theme {
        let m = |bits: Modifier| Style::new().add_modifier(bits);
        let none = Style::new();
        Theme {
            text: none,
            dim: none,
            title: m(Modifier::BOLD),
            matched: m(Modifier::BOLD | Modifier::UNDERLINED),
            current_match: m(Modifier::REVERSED | Modifier::BOLD),
            selection: m(Modifier::REVERSED),
            border: none,
            border_focus: m(Modifier::BOLD),
            search: m(Modifier::BOLD),
            status: none,
            status_key: m(Modifier::BOLD),
            hint: m(Modifier::BOLD),
            error: m(Modifier::BOLD | Modifier::REVERSED),
            same: none,
            changed: none,
            left_only: none,
            right_only: none,
            diff_delete: m(Modifier::REVERSED),
            diff_insert: m(Modifier::REVERSED),
            mono: true,
        }
    }

    /// True when the environment asks for no colour (`NO_COLOR` set and not empty).
    pub fn no_color_requested() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_has_no_colour_but_keeps_matches_visible() {
        let t = Theme::new(&Config::defaults(), true);
        for s in [t.matched, t.current_match, t.selection, t.diff_delete, t.diff_insert, t.text, t.dim] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
        assert!(!t.matched.add_modifier.is_empty());
        assert_ne!(t.matched, t.current_match);
    }

    #[test]
    fn colours_come_from_the_config() {
        let c = Config::layered("[colors]\nmatch = \"#102030 on 7 italic\"\n", "c").unwrap();
        let t = Theme::new(&c, false);
        assert_eq!(t.matched, Style::new().fg(Color::Rgb(16, 32, 48)).bg(Color::Indexed(7)).italic());
        assert_eq!(Theme::new(&Config::defaults(), false).matched, Style::new().black().on_yellow());
    }
}
