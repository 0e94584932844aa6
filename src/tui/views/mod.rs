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
mod events_draw;
pub mod help;
pub mod picker;
pub mod reader;
mod status;

use super::app::{App, LibraryState, Screen};
use super::theme::Theme;
use browse::{Browse, Focus};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Below this the app shows only a "too small" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width the reading pane sits beside the list, not below it.
pub const WIDE: u16 = 100;

/// What the two columns' gutter markers mean: on the status line when
/// there is room, and in the help. (Issue 17 owns the markers; this is its
/// legend, word for word.)
pub const LEGEND: &str = "= same  ~ changed  ? weak  < left only  > right only";

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
            let ok = app.reader_id().cloned();
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
    status::status_line(app, frame, status);
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
