//! The status line: what the app just said (or the search's note), else the
//! keys worth knowing where the user is; on the right, what is going on
//! (indexing), the two columns' legend, or that this is the demo library.
//!
//! It is one line however narrow the terminal, so something must give: a
//! hint is shown whole or not at all, never cut mid-word, and the least
//! useful go first (each hint has a rank; the line takes them best first
//! while they fit, then shows them in their usual order). Indexing under
//! way is always shown; a message is cut with an ellipsis only when it
//! alone is wider than the line, and the right side stays only with room
//! to spare between them.

use super::super::action::{Action, Context, typed_char};
use super::super::app::{App, Level, LibraryState, Screen};
use super::super::fitting::keep_best;
use super::super::text;
use super::super::theme::Theme;
use super::LEGEND;
use crate::config::keys::Key;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Columns kept free between the left of the line and its right side.
const GAP: usize = 2;

/// A key hint: the action, what it does, and how much it is worth keeping
/// on a narrow line (higher is kept longer).
type Hint = (Action, &'static str, u8);

/// The keys worth showing now.
fn key_hints(app: &App) -> Vec<Hint> {
    use Action::*;
    match app.context() {
        Context::Search => vec![(Open, "open", 9), (Down, "select", 5), (FocusNext, "results", 6), (Help, "keys", 10)],
        Context::List => vec![
            (Open, "open", 9),
            (Search, "search", 6),
            (ToggleSort, "sort", 4),
            (Compare, "compare", 8),
            (Events, "events", 5),
            (Help, "keys", 10),
            (Quit, "quit", 7),
        ],
        Context::Reader => vec![
            (NextMatch, "next match", 8),
            (PrevMatch, "previous", 4),
            (Compare, "compare", 7),
            (Events, "its event", 3),
            (Back, "back", 9),
            (Help, "keys", 10),
            (Quit, "quit", 6),
        ],
        Context::Compare => {
            let c = app.compare.as_ref();
            let (locked, folded) = (c.is_none_or(|c| c.locked), c.is_some_and(|c| c.diffs_only));
            let fold = if folded { "show all" } else { "differences only" };
            let mut hints = vec![(NextDiff, "next difference", 9), (PrevDiff, "previous", 3), (DiffsOnly, fold, 6)];
            hints.extend([(Details, "details", 4), (WriteMarkdown, "markdown file", 2)]);
            hints.extend([(Back, "back", 8), (Help, "keys", 10)]);
            if locked {
                hints.push((ToggleLock, "unlock", 7));
            } else {
                hints.extend([(ToggleLock, "lock", 7), (FocusNext, "other column", 5)]);
            }
            hints
        }
        Context::Events if app.filter_typing() => {
            vec![(Open, "its articles", 9), (Back, "stop typing", 8), (Help, "keys", 10)]
        }
        Context::Events if app.events.as_ref().is_some_and(|e| e.in_articles()) => {
            vec![(Open, "read", 9), (Compare, "compare", 8), (Mark, "mark", 6), (Back, "events", 7), (Help, "keys", 10)]
        }
        Context::Events => vec![
            (Open, "its articles", 9),
            (Search, "filter", 7),
            (Down, "choose", 5),
            (Back, "back", 8),
            (Help, "keys", 10),
            (Quit, "quit", 6),
        ],
        Context::Picker => vec![(Open, "compare", 9), (Down, "choose", 6), (Back, "cancel", 8)],
        Context::Help | Context::Global => vec![(Back, "close", 9)],
    }
}

/// The key to show for `action`: the first that does it here, but on a
/// search line with text in it, the first that does not type itself (`?`
/// types a question mark there; `F1` shows the keys).
fn shown_key(app: &App, context: Context, action: Action) -> Option<Key> {
    let typing = context == Context::Search && !app.browse.query.is_empty();
    let keys = app.keys.keys_of(context, action).chain(app.keys.keys_of(Context::Global, action));
    keys.into_iter().find(|k| !typing || typed_char(*k).is_none())
}

/// The right side of the line, and whether it must stay (indexing under way).
fn right_side(app: &App) -> Option<(String, bool, u8)> {
    match (&app.library, app.screen, &app.live.progress) {
        (_, _, Some(doing)) => Some((crate::sanitize::clean_line(doing), true, u8::MAX)),
        // After the keys that move and fold (the help has it too), before the rest.
        (_, Screen::Compare, _) => Some((LEGEND.to_string(), false, 5)),
        (LibraryState::Ready(info), _, _) if info.demo => Some(("demo library".to_string(), false, 6)),
        _ => None,
    }
}

pub(super) fn status_line(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    if let Some(p) = &app.prompt {
        return tag_prompt(frame, area, theme, &p.text, app.message.as_ref());
    }
    let width = usize::from(area.width);
    let right = right_side(app);
    let note = app
        .browse
        .results
        .as_ref()
        .and_then(|r| r.hints.first())
        .filter(|_| app.screen == Screen::Browse && app.help.is_none() && app.picker.is_none());
    let said = match (&app.message, note) {
        (Some((msg, level)), _) => Some((crate::sanitize::clean_line(msg), *level == Level::Error)),
        (None, Some(h)) => Some((format!("note: {}", crate::sanitize::clean_line(h)), false)),
        (None, None) => None,
    };
    // The pieces of the line, each with its width and rank; the right side last.
    let mut pieces: Vec<(Vec<Span<'static>>, u8)> = Vec::new();
    if let Some((text, error)) = said {
        let style = if error { theme.error } else { theme.hint };
        // A message is what the user is waiting for: cut only if it alone does not fit.
        let room = width.saturating_sub(1 + right.as_ref().filter(|r| r.1).map_or(0, |r| GAP + text::width(&r.0) + 1));
        pieces.push((vec![Span::styled(text::truncate(&text, room), style)], u8::MAX - 1));
    } else {
        let context = app.context();
        let mut hints = key_hints(app);
        if context == Context::Search {
            hints.push((Action::Quit, "quit", 8));
        }
        for (action, label, rank) in hints {
            let key = match (context, action) {
                // Ctrl-C quits from the search line, whatever the key map.
                (Context::Search, Action::Quit) => Some("ctrl-c".to_string()),
                _ => shown_key(app, context, action).map(|k| k.to_string()),
            };
            let Some(key) = key else { continue };
            let spans = vec![Span::styled(key, theme.status_key), Span::styled(format!(" {label}  "), theme.status)];
            pieces.push((spans, rank));
        }
    }
    let mut sizes: Vec<(usize, u8)> =
        pieces.iter().map(|(spans, rank)| (spans.iter().map(|s| text::width(&s.content)).sum(), *rank)).collect();
    if let Some((text, _, rank)) = &right {
        // The gap before it, and the column it keeps free at the line's end.
        sizes.push((GAP + text::width(text) + 1, *rank));
    }
    let keep = keep_best(&sizes, width.saturating_sub(1));
    let mut spans = vec![Span::raw(" ")];
    for (i, (piece, _)) in pieces.into_iter().enumerate() {
        if keep[i] {
            spans.extend(piece);
        }
    }
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    if let Some((text, _, _)) = right.filter(|_| keep.last() == Some(&true)) {
        let pad = width.saturating_sub(used + text::width(&text) + 1);
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(format!("{text} "), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(Style::new()), area);
}

/// The tag prompt on the status line, the end of the text in view and the
/// cursor after it; an error about the text (a bad tag) on the right.
fn tag_prompt(frame: &mut Frame, area: Rect, theme: &Theme, input: &str, message: Option<&(String, Level)>) {
    let width = usize::from(area.width);
    let label = " Tags: ";
    let help = match message {
        Some((m, Level::Error)) => format!(" {} ", crate::sanitize::clean_line(m)),
        _ => " enter keeps · esc cancels ".to_string(),
    };
    // Room for at least a few characters of input; the rest for the help or the error.
    let help = text::truncate(&help, width.saturating_sub(text::width(label) + 12));
    let room = width.saturating_sub(text::width(label) + text::width(&help) + 1);
    let mut shown = crate::sanitize::clean_line(input);
    while text::width(&shown) > room && !shown.is_empty() {
        shown.remove(0);
    }
    let pad = width.saturating_sub(text::width(label) + text::width(&shown) + text::width(&help));
    let style = if matches!(message, Some((_, Level::Error))) { theme.error } else { theme.dim };
    let line = Line::from(vec![
        Span::styled(label, theme.status_key),
        Span::styled(shown.clone(), theme.search),
        Span::raw(" ".repeat(pad)),
        Span::styled(help, style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    let x = area.x + (text::width(label) + text::width(&shown)) as u16;
    if x < area.right() {
        frame.set_cursor_position((x, area.y));
    }
}
