//! Drawing: one function turns the app's state into a frame. Each view
//! has its module; this one lays them out, draws the status line and the
//! overlays, and says so when the terminal is too small to be useful.

pub mod browse;
pub mod compare;
pub mod compare_bands;
pub mod compare_header;
pub mod coverage;
pub mod entries;
pub mod events;
pub mod help;
pub mod picker;
pub mod reader;

use super::action::{Action, Context};
use super::app::{App, Level, LibraryState, Screen};
use super::text;
use super::theme::Theme;
use browse::{Browse, Focus};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Below this the app shows only a "too small" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width the reading pane sits beside the list, not below it.
pub const WIDE: u16 = 100;

/// A rectangle of at most `width` × `height` in the middle of `area`,
/// leaving `margin` cells around it.
pub fn centered(area: Rect, width: u16, height: u16, margin: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2 * margin)).max(1).min(area.width);
    let h = height.min(area.height.saturating_sub(margin)).max(1).min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

pub fn render(app: &mut App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return too_small(frame, area, &app.theme);
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    match app.screen {
        Screen::Browse => render_browse(app, frame, main),
        Screen::Reader => {
            let theme = app.theme.clone();
            let ok = app.selected_id().cloned();
            match app.article.as_mut().filter(|a| ok.is_none_or(|id| a.doc.id == id)) {
                Some(view) => view.render(frame, main, &theme, true, "Article"),
                None => reader::render_message(frame, main, &theme, "Article", "Loading the article…", theme.dim),
            }
            app.areas.reader = main;
        }
        Screen::Compare => {
            let theme = app.theme.clone();
            if let Some(c) = &mut app.compare {
                c.render(frame, main, &theme);
            }
        }
        Screen::Events => {
            let theme = app.theme.clone();
            if let Some(e) = &mut app.events {
                e.render(frame, main, &theme);
            }
        }
    }
    let theme = app.theme.clone();
    if let Some(p) = &mut app.picker {
        p.render(frame, main, &theme);
    }
    let contexts = app.view_contexts();
    if let Some(h) = &mut app.help {
        h.render(frame, main, &theme, &app.keys, &contexts);
    }
    status_line(app, frame, status);
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let message =
        format!("Terminal too small: byline needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}.", area.width, area.height);
    let p = Paragraph::new(Line::styled(message, theme.hint)).wrap(Wrap { trim: true }).centered();
    let height = 3.min(area.height);
    frame.render_widget(p, Rect { y: area.y + (area.height - height) / 2, height, ..area });
}

fn render_browse(app: &mut App, frame: &mut Frame, area: Rect) {
    let theme = app.theme.clone();
    let [search, panes] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let [list, reading] = if area.width >= WIDE {
        Layout::horizontal([Constraint::Percentage(40), Constraint::Min(1)]).areas(panes)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Min(1)]).areas(panes)
    };
    let status = match (&app.library, app.browse.searching) {
        (LibraryState::Opening, _) => Some("opening the library…"),
        (LibraryState::Ready(_), true) => Some("searching…"),
        _ => None,
    };
    app.browse.render_search_line(frame, search, &theme, status);
    let placeholder = match (&app.library, &app.browse.error, &app.browse.results) {
        (LibraryState::Failed(e), _, _) => Some((format!("Cannot open the library: {e}"), theme.error)),
        (_, Some(e), _) => Some((e.clone(), theme.error)),
        (LibraryState::Opening, _, None) => Some(("Opening the library…".to_string(), theme.dim)),
        (_, _, None) => Some(("Searching…".to_string(), theme.dim)),
        _ => None,
    };
    app.browse.render_list(frame, list, &theme, placeholder.as_ref().map(|(m, s)| (m.as_str(), *s)));
    app.areas.list = list;
    app.areas.list_lines_per_hit = Browse::lines_per_hit(ratatui::widgets::Block::bordered().inner(list));
    app.areas.reader = reading;
    let focused = app.browse.focus == Focus::Reader;
    let has_hit = app.browse.selected_hit().is_some();
    match app.article.as_mut() {
        Some(view) if has_hit => view.render(frame, reading, &theme, focused, "Article"),
        _ if has_hit => reader::render_message(frame, reading, &theme, "Article", "Loading the article…", theme.dim),
        _ => reader::render_message(frame, reading, &theme, "Article", "", theme.dim),
    }
}

/// The keys worth showing now, per context: (action, what it does).
fn key_hints(app: &App) -> Vec<(Context, Action, &'static str)> {
    use Action::*;
    let context = app.context();
    let local: &[(Action, &str)] = match context {
        Context::Search => &[(Open, "open"), (Down, "select"), (FocusNext, "results"), (Help, "keys")],
        Context::List => &[
            (Open, "open"),
            (Search, "search"),
            (ToggleSort, "sort"),
            (Compare, "compare"),
            (Events, "events"),
            (Help, "keys"),
            (Quit, "quit"),
        ],
        Context::Reader => &[
            (NextMatch, "next match"),
            (PrevMatch, "previous"),
            (Compare, "compare"),
            (Back, "back"),
            (Help, "keys"),
            (Quit, "quit"),
        ],
        Context::Compare => {
            let c = app.compare.as_ref();
            let (locked, folded) = (c.is_none_or(|c| c.locked), c.is_some_and(|c| c.diffs_only));
            let fold = if folded { "show all" } else { "differences only" };
            let lock: &[(Action, &str)] =
                if locked { &[(ToggleLock, "unlock")] } else { &[(ToggleLock, "lock"), (FocusNext, "other column")] };
            let mut hints = vec![(NextDiff, "next difference"), (PrevDiff, "previous"), (DiffsOnly, fold)];
            hints.extend([(Details, "details"), (Back, "back"), (Help, "keys")]);
            hints.extend_from_slice(lock);
            return hints.into_iter().map(|(a, label)| (context, a, label)).collect();
        }
        Context::Events if app.events.as_ref().is_some_and(|e| e.open.is_some()) => {
            &[(Mark, "mark"), (Open, "compare"), (Back, "events"), (Help, "keys")]
        }
        Context::Events => &[(Open, "its articles"), (Down, "choose"), (Back, "back"), (Help, "keys"), (Quit, "quit")],
        Context::Picker => &[(Open, "compare"), (Down, "choose"), (Back, "cancel")],
        Context::Help | Context::Global => &[(Back, "close")],
    };
    local.iter().map(|&(a, label)| (context, a, label)).collect()
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

fn status_line(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    // Indexing under way comes first: the key hints give it room.
    let mut right = match (&app.library, app.screen, &app.live.progress) {
        (_, _, Some(doing)) => format!("{} ", crate::sanitize::clean_line(doing)),
        (_, Screen::Compare, _) => "= same  ~ changed  ? weak  < left only  > right only ".to_string(),
        (LibraryState::Ready(info), _, _) if info.demo => "demo library ".to_string(),
        _ => String::new(),
    };
    let hint = app.browse.results.as_ref().and_then(|r| r.hints.first()).filter(|_| app.screen == Screen::Browse);
    let mut left: Vec<Span> = vec![Span::raw(" ")];
    if let Some(p) = &app.prompt {
        return tag_prompt(frame, area, theme, &p.text, app.message.as_ref());
    }
    if let Some((msg, level)) = &app.message {
        let style = if *level == Level::Error { theme.error } else { theme.hint };
        left.push(Span::styled(crate::sanitize::clean_line(msg), style));
    } else if let Some(h) = hint.filter(|_| app.help.is_none() && app.picker.is_none()) {
        left.push(Span::styled(format!("note: {}", crate::sanitize::clean_line(h)), theme.hint));
    } else {
        for (context, action, label) in key_hints(app) {
            let key = app.keys.first_key(context, action).or_else(|| app.keys.first_key(Context::Global, action));
            let Some(key) = key else { continue };
            left.push(Span::styled(key.to_string(), theme.status_key));
            left.push(Span::styled(format!(" {label}  "), theme.status));
        }
        if app.context() == Context::Search {
            left.push(Span::styled("ctrl-c", theme.status_key));
            left.push(Span::styled(" quit", theme.status));
        }
    }
    let used: usize = left.iter().map(|s| text::width(&s.content)).sum();
    if used + text::width(&right) > width && app.live.progress.is_none() {
        right.clear();
    }
    let mut spans = Vec::new();
    let mut room = width.saturating_sub(text::width(&right));
    for s in left {
        if room == 0 {
            break;
        }
        let t = text::truncate(&s.content, room);
        room = room.saturating_sub(text::width(&t));
        spans.push(Span::styled(t, s.style));
    }
    spans.push(Span::raw(" ".repeat(room)));
    spans.push(Span::styled(right, theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(Style::new()), area);
}
