//! What flows into the app: terminal input, the worker's replies and
//! signals ([`AppEvent`]); and how a key press becomes an [`Action`]
//! through the key map, depending on where the user is ([`Context`]).

use super::protocol::Reply;
pub use crate::config::keys::{Action, Context, Key, KeyCode, KeyMap};
use crossterm::event::{self, KeyEventKind, KeyModifiers};

/// Everything the event loop reacts to.
#[derive(Clone, Debug)]
pub enum AppEvent {
    Key(event::KeyEvent),
    Mouse(event::MouseEvent),
    Paste(String),
    Resize(u16, u16),
    Reply(Reply),
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT: restore the terminal and leave.
    Signal(i32),
    /// Files in the library's folders changed (this many paths).
    LibraryChanged(usize),
}

impl AppEvent {
    /// The app's view of a terminal event (`None` for key releases and focus changes).
    pub fn from_terminal(e: event::Event) -> Option<AppEvent> {
        match e {
            event::Event::Key(k) if k.kind != KeyEventKind::Release => Some(AppEvent::Key(k)),
            event::Event::Mouse(m) => Some(AppEvent::Mouse(m)),
            event::Event::Paste(p) => Some(AppEvent::Paste(p)),
            event::Event::Resize(w, h) => Some(AppEvent::Resize(w, h)),
            _ => None,
        }
    }
}

/// A crossterm key event as a key-map [`Key`].
pub fn key_of(e: &event::KeyEvent) -> Option<Key> {
    use event::KeyCode as C;
    let code = match e.code {
        C::Char(c) => KeyCode::Char(c),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Delete => KeyCode::Delete,
        C::Insert => KeyCode::Insert,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let m = e.modifiers;
    Some(
        Key {
            code,
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            shift: m.contains(KeyModifiers::SHIFT),
        }
        .normalised(),
    )
}

/// A key-map [`Key`] as the crossterm event a terminal would send.
pub fn event_of(key: Key) -> event::KeyEvent {
    use event::KeyCode as C;
    let code = match key.code {
        KeyCode::Char(c) => C::Char(c),
        KeyCode::Enter => C::Enter,
        KeyCode::Esc => C::Esc,
        KeyCode::Tab => C::Tab,
        KeyCode::BackTab => C::BackTab,
        KeyCode::Backspace => C::Backspace,
        KeyCode::Delete => C::Delete,
        KeyCode::Insert => C::Insert,
        KeyCode::Up => C::Up,
        KeyCode::Down => C::Down,
        KeyCode::Left => C::Left,
        KeyCode::Right => C::Right,
        KeyCode::Home => C::Home,
        KeyCode::End => C::End,
        KeyCode::PageUp => C::PageUp,
        KeyCode::PageDown => C::PageDown,
        KeyCode::F(n) => C::F(n),
    };
    let mut m = KeyModifiers::empty();
    for (on, bit) in [(key.ctrl, KeyModifiers::CONTROL), (key.alt, KeyModifiers::ALT), (key.shift, KeyModifiers::SHIFT)]
    {
        if on {
            m |= bit;
        }
    }
    event::KeyEvent::new(code, m)
}

/// True for Ctrl-C, which quits from anywhere whatever the key map says.
pub fn is_interrupt(key: Key) -> bool {
    key == Key::ctrl('c')
}

/// The character a key types into the search line, if it types one.
pub fn typed_char(key: Key) -> Option<char> {
    match key.code {
        KeyCode::Char(c) if !key.ctrl && !key.alt && !c.is_control() => Some(c),
        _ => None,
    }
}

/// The action for `key` in `context`, falling back to the global bindings.
/// In the search line a printable key types itself unless the search
/// section binds it: `typing` says whether that applies.
pub fn resolve(map: &KeyMap, context: Context, key: Key, typing: bool) -> Resolved {
    if let Some(a) = map.get(context, key) {
        return Resolved::Action(a);
    }
    if typing && let Some(c) = typed_char(key) {
        return Resolved::Type(c);
    }
    match map.get(Context::Global, key) {
        Some(a) => Resolved::Action(a),
        None => Resolved::Nothing,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Action(Action),
    Type(char),
    Nothing,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn ev(code: event::KeyCode, m: KeyModifiers) -> event::KeyEvent {
        event::KeyEvent::new(code, m)
    }

    #[test]
    fn terminal_keys_normalise() {
        assert_eq!(key_of(&ev(event::KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Key::new(KeyCode::Char('G'))));
        assert_eq!(key_of(&ev(event::KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Key::ctrl('c')));
        assert_eq!(key_of(&ev(event::KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Key::new(KeyCode::BackTab)));
        assert_eq!(key_of(&ev(event::KeyCode::Tab, KeyModifiers::SHIFT)), Some(Key::new(KeyCode::BackTab)));
    }

    #[test]
    fn the_search_line_types_letters_that_elsewhere_are_commands() {
        let map = Config::defaults().keys;
        let q = Key::new(KeyCode::Char('q'));
        assert_eq!(resolve(&map, Context::Search, q, true), Resolved::Type('q'));
        assert_eq!(resolve(&map, Context::List, q, false), Resolved::Action(Action::Quit));
        assert_eq!(resolve(&map, Context::Search, Key::new(KeyCode::F(1)), true), Resolved::Action(Action::Help));
        assert_eq!(resolve(&map, Context::Search, Key::new(KeyCode::Esc), true), Resolved::Action(Action::Back));
        assert_eq!(resolve(&map, Context::List, Key::new(KeyCode::Char('z')), false), Resolved::Nothing);
    }
}
