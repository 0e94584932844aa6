//! The key map as data: key names (`q`, `ctrl-d`, `pagedown`), the actions a
//! key can trigger, and the parts of the app ([`Context`]) a binding applies
//! to. The defaults live in `assets/default-config.toml`; the user's
//! `config.toml` rebinds actions over them. Nothing here knows a terminal
//! library: the TUI converts its key events into [`Key`].

use std::collections::HashMap;
use std::fmt;

/// A key, as a terminal-independent value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key with its modifiers. Shift is part of the character for printable
/// keys (`G`, `?`) and only kept for named keys (`shift-up`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("space", KeyCode::Char(' ')),
];

const ALIASES: &[(&str, &str)] = &[
    ("return", "enter"),
    ("escape", "esc"),
    ("del", "delete"),
    ("ins", "insert"),
    ("pgup", "pageup"),
    ("pgdn", "pagedown"),
];

impl Key {
    pub const fn new(code: KeyCode) -> Key {
        Key { code, ctrl: false, alt: false, shift: false }
    }

    pub const fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), ctrl: true, alt: false, shift: false }
    }

    /// Normalise: shift folds into printable characters, `shift-tab` is
    /// `backtab`, control letters are lower case.
    pub fn normalised(mut self) -> Key {
        match self.code {
            KeyCode::Char(c) => {
                if self.shift && c.is_ascii_lowercase() {
                    self.code = KeyCode::Char(c.to_ascii_uppercase());
                }
                if self.ctrl {
                    self.code = KeyCode::Char(c.to_ascii_lowercase());
                }
                self.shift = false;
            }
            KeyCode::Tab if self.shift => {
                self.code = KeyCode::BackTab;
                self.shift = false;
            }
            KeyCode::BackTab => self.shift = false,
            _ => {}
        }
        self
    }

    /// Parse a key name: `q`, `G`, `?`, `space`, `enter`, `ctrl-d`, `alt-x`,
    /// `shift-tab`, `f1`.
    pub fn parse(name: &str) -> Result<Key, String> {
        let mut rest = name.trim();
        let mut key = Key::new(KeyCode::Esc);
        loop {
            let lower = rest.to_ascii_lowercase();
            let stripped = ["ctrl-", "alt-", "shift-"].iter().find(|m| lower.starts_with(**m) && rest.len() > m.len());
            match stripped {
                Some(&"ctrl-") => key.ctrl = true,
                Some(&"alt-") => key.alt = true,
                Some(_) => key.shift = true,
                None => break,
            }
            rest = &rest[stripped.expect("matched").len()..];
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_whitespace() && !c.is_control() => KeyCode::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                let canonical = ALIASES.iter().find(|(a, _)| *a == lower).map_or(lower.as_str(), |(_, n)| n);
                if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == canonical) {
                    *code
                } else if let Some(n) = canonical.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    if !(1..=24).contains(&n) {
                        return Err(format!("unknown key name {name:?}"));
                    }
                    KeyCode::F(n)
                } else {
                    return Err(format!("unknown key name {name:?}"));
                }
            }
        };
        Ok(key.normalised())
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (on, name) in [(self.ctrl, "ctrl-"), (self.alt, "alt-"), (self.shift, "shift-")] {
            if on {
                f.write_str(name)?;
            }
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => f.write_str(NAMED.iter().find(|(_, c)| *c == code).map_or("?", |(n, _)| n)),
        }
    }
}

/// The parts of the app a binding applies to, in the order the config file
/// and the help list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Search,
    List,
    Reader,
    Compare,
    Picker,
    Events,
    Help,
}

impl Context {
    pub const ALL: [Context; 8] = [
        Context::Global,
        Context::Search,
        Context::List,
        Context::Reader,
        Context::Compare,
        Context::Picker,
        Context::Events,
        Context::Help,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Search => "search",
            Context::List => "list",
            Context::Reader => "reader",
            Context::Compare => "compare",
            Context::Picker => "picker",
            Context::Events => "events",
            Context::Help => "help",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::Search => "Search line",
            Context::List => "Result list",
            Context::Reader => "Article",
            Context::Compare => "Two columns",
            Context::Picker => "Choosing an article",
            Context::Events => "Events",
            Context::Help => "Help",
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }
}

macro_rules! actions {
    ($($variant:ident $name:literal $doc:literal,)*) => {
        /// Everything a key can do.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $($variant,)* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The name used in the config file.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)* }
            }

            /// What it does, for the help overlay.
            pub fn description(self) -> &'static str {
                match self { $(Action::$variant => $doc,)* }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Quit "quit" "quit byline",
    Help "help" "show or hide the keys",
    Back "back" "go back to where you were",
    Open "open" "open the selected article",
    Search "search" "go to the search line",
    FocusNext "focus_next" "move to the next pane",
    FocusPrev "focus_prev" "move to the previous pane",
    Up "up" "up one line",
    Down "down" "down one line",
    PageUp "page_up" "up one page",
    PageDown "page_down" "down one page",
    Top "top" "go to the top",
    Bottom "bottom" "go to the bottom",
    NextMatch "next_match" "jump to the next match",
    PrevMatch "prev_match" "jump to the previous match",
    ToggleSort "toggle_sort" "sort by relevance or by date",
    Compare "compare" "put this article beside another",
    Swap "swap" "swap the two sides",
    NextDiff "next_diff" "jump to the next difference",
    PrevDiff "prev_diff" "jump to the previous difference",
    DiffsOnly "diffs_only" "differences only, or everything",
    Details "details" "all of what only one side has, or less",
    Events "events" "list the events across outlets",
    Mark "mark" "choose an article to compare (or not)",
    ToggleLock "toggle_lock" "lock or unlock scrolling between the columns",
    DeleteChar "delete_char" "delete the last character",
    DeleteWord "delete_word" "delete the last word",
    ClearQuery "clear_query" "clear the search line",
    Refresh "refresh" "re-read the library's folders",
    Fetch "fetch" "fetch every feed into the library",
    ToggleRead "toggle_read" "mark the article read or unread",
    ToggleStar "toggle_star" "star the article, or take the star off",
    EditTags "edit_tags" "edit the article's tags",
    OpenLink "open_link" "open the article's link in the browser",
    CopyLink "copy_link" "copy the article's link (OSC 52)",
    CopyId "copy_id" "copy the article's id, for the command line (OSC 52)",
    WriteMarkdown "write_markdown" "write the comparison as Markdown to a file in this folder",
}

impl Action {
    /// What it does in `context`, for the help overlay: the general
    /// description, unless the action does something of its own there.
    pub fn description_in(self, context: Context) -> &'static str {
        match (context, self) {
            (Context::Events, Action::Open) => "read the article; in the list of events, list its articles",
            (Context::Events, Action::Compare) => {
                "put it beside the marked article, or (in its event) the one you came from"
            }
            (Context::Events, Action::Mark) => "mark to compare (or not); a second mark opens the two",
            (Context::Events, Action::Search) => "filter the events by words of headlines and outlets",
            (Context::Events, Action::Back) => {
                "back: from an event to the events, a filter cleared, then to where you were"
            }
            (Context::List | Context::Reader | Context::Compare, Action::Events) => {
                "this article's event, or its nearest if in none"
            }
            _ => self.description(),
        }
    }
}

/// One action's keys in one context, in the order of the config file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub action: Action,
    pub keys: Vec<Key>,
}

/// Which key does what, per context. Built by `config::file` from the
/// defaults and the user's file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<Binding>,
    lookup: HashMap<(Context, Key), Action>,
}

impl KeyMap {
    /// A key map from bindings; a key bound twice in one context goes to the
    /// later binding.
    pub fn new(bindings: Vec<Binding>) -> KeyMap {
        KeyMap::layered(bindings, Vec::new())
    }

    /// The defaults with the user's bindings over them: a key the user gives
    /// to an action is taken away from any default action in that context.
    pub fn layered(defaults: Vec<Binding>, user: Vec<Binding>) -> KeyMap {
        let mut lookup = HashMap::new();
        for b in defaults.iter().chain(&user) {
            for k in &b.keys {
                lookup.insert((b.context, *k), b.action);
            }
        }
        let mut bindings: Vec<Binding> = defaults.into_iter().chain(user).collect();
        // The help must not list a key that a later binding took away.
        for b in &mut bindings {
            b.keys.retain(|k| lookup.get(&(b.context, *k)) == Some(&b.action));
        }
        bindings.sort_by_key(|b| (b.context, Action::ALL.iter().position(|a| *a == b.action)));
        KeyMap { bindings, lookup }
    }

    /// The action `key` triggers in `context` (not falling back to global).
    pub fn get(&self, context: Context, key: Key) -> Option<Action> {
        self.lookup.get(&(context, key)).copied()
    }

    /// The bindings of one context, in file order, for the help overlay.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context && !b.keys.is_empty())
    }

    /// The first key of an action in a context, for the status line.
    pub fn first_key(&self, context: Context, action: Action) -> Option<Key> {
        self.keys_of(context, action).next()
    }

    /// Every key of an action in a context, in the order of the config file.
    pub fn keys_of(&self, context: Context, action: Action) -> impl Iterator<Item = Key> + '_ {
        self.bindings(context).filter(move |b| b.action == action).flat_map(|b| b.keys.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_round_trip_and_bad_ones_are_refused() {
        for name in ["q", "G", "?", "/", "space", "enter", "ctrl-d", "alt-x", "f1", "pagedown", "backtab", "-"] {
            assert_eq!(Key::parse(name).unwrap().to_string(), name);
        }
        assert_eq!(Key::parse("shift-tab").unwrap(), Key::new(KeyCode::BackTab));
        assert_eq!(Key::parse("Ctrl-C").unwrap(), Key::ctrl('c'));
        assert_eq!(Key::parse("PgDn").unwrap(), Key::new(KeyCode::PageDown));
        assert_eq!(Key::parse("shift-g").unwrap(), Key::new(KeyCode::Char('G')));
        for name in ["", "ctrl-", "hyper-x", "f99", "pagdown", "ab"] {
            assert!(Key::parse(name).is_err(), "{name}");
        }
    }

    #[test]
    fn later_bindings_win_and_vanish_from_the_earlier_action() {
        let j = Key::new(KeyCode::Char('j'));
        let map = KeyMap::new(vec![
            Binding { context: Context::List, action: Action::Down, keys: vec![j, Key::new(KeyCode::Down)] },
            Binding { context: Context::List, action: Action::Open, keys: vec![j] },
        ]);
        assert_eq!(map.get(Context::List, j), Some(Action::Open));
        assert_eq!(map.get(Context::Reader, j), None);
        assert_eq!(map.first_key(Context::List, Action::Down), Some(Key::new(KeyCode::Down)));
    }

    #[test]
    fn action_names_are_unique() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(*a));
        }
    }
}
