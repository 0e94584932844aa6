//! The coverage chart under the events: for one event, a row per outlet
//! with its articles per day (a ratatui `Sparkline`, all rows on one
//! scale), the dates under them, and what did not fit said as "+N more".
//! Who covered the event, and when, at a glance.

use super::super::doc::date_label;
use super::super::text;
use super::super::theme::Theme;
use crate::events::Coverage;
use crate::sanitize::clean_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols::bar;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Sparkline};

/// The widest outlet label.
const LABEL: usize = 22;
/// Cells a day gets at most (the bar, then a gap).
const CELL: usize = 4;

/// Rows the chart would like: one per outlet, the dates, the border, and a
/// note when some articles are undated.
pub fn wanted_height(c: &Coverage) -> u16 {
    let undated = c.outlets.iter().any(|o| o.undated > 0);
    (c.outlets.len() + 3 + usize::from(undated)).min(usize::from(u16::MAX)) as u16
}

pub fn render(frame: &mut Frame, area: Rect, c: &Coverage, theme: &Theme) {
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(" Who covered it, when: articles per day ", theme.dim));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 || inner.width < 20 {
        return;
    }
    let label_w =
        c.outlets.iter().map(|o| text::width(&outlet_name(o.outlet.as_deref()))).max().unwrap_or(0).clamp(7, LABEL) + 1;
    let label_w = label_w.min(usize::from(inner.width) / 3);
    let total_w = 4;
    let chart_w = usize::from(inner.width).saturating_sub(label_w + total_w + 2).max(1);
    let buckets = c.buckets(chart_w);
    let cell = (chart_w / buckets.len().max(1)).clamp(1, CELL);
    let undated: u32 = c.outlets.iter().map(|o| o.undated).sum();
    // Room for the outlets: all but the dates line, and a note when needed.
    let room = usize::from(inner.height) - 1;
    let needs_note = |shown: usize| shown < c.outlets.len() || undated > 0;
    let mut shown = c.outlets.len().min(room);
    if needs_note(shown) && shown >= room {
        shown = room.saturating_sub(1);
    }
    let rows: Vec<Vec<u64>> =
        c.outlets.iter().take(shown).map(|o| c.bucketed(o, chart_w).into_iter().map(u64::from).collect()).collect();
    let max = rows.iter().flatten().copied().max().unwrap_or(0).max(1);
    for (i, (o, counts)) in c.outlets.iter().zip(&rows).enumerate() {
        let y = inner.y + i as u16;
        let name = text::truncate(&outlet_name(o.outlet.as_deref()), label_w.saturating_sub(1));
        let label = format!(" {name}");
        let style = if o.outlet.is_some() { theme.text } else { theme.dim };
        frame.render_widget(Paragraph::new(Line::styled(label, style)), Rect::new(inner.x, y, label_w as u16, 1));
        let data: Vec<u64> = counts
            .iter()
            .flat_map(|&n| {
                let bar = std::iter::repeat_n(n, cell.saturating_sub(1).max(1));
                bar.chain((cell > 1).then_some(0))
            })
            .collect();
        let x = inner.x + label_w as u16 + 1;
        let spark = Sparkline::default().data(&data).max(max).bar_set(bar::NINE_LEVELS).style(theme.hint);
        frame.render_widget(spark, Rect::new(x, y, data.len().min(chart_w) as u16, 1));
        let total = format!("{:>3}", o.total);
        let tx = inner.x + (label_w + chart_w + 2) as u16;
        frame.render_widget(Paragraph::new(Line::styled(total, theme.dim)), Rect::new(tx, y, total_w as u16, 1));
    }
    let axis_y = inner.y + shown as u16;
    let axis = axis_line(&buckets, cell, chart_w);
    let axis_rect = Rect::new(inner.x + label_w as u16 + 1, axis_y, chart_w as u16, 1);
    frame.render_widget(Paragraph::new(Line::styled(axis, theme.dim)), axis_rect);
    if needs_note(shown) && axis_y + 1 < inner.bottom() {
        let mut note = Vec::new();
        let more = c.outlets.len() - shown;
        if more > 0 {
            note.push(format!("+{more} more outlet{}", if more == 1 { "" } else { "s" }));
        }
        if undated > 0 {
            note.push(format!("{undated} undated, not charted"));
        }
        let line = Line::styled(format!(" {}", note.join(" · ")), theme.dim);
        frame.render_widget(Paragraph::new(line), Rect::new(inner.x, axis_y + 1, inner.width, 1));
    }
}

fn outlet_name(outlet: Option<&str>) -> String {
    outlet.map_or_else(|| "unknown outlet".to_string(), clean_line)
}

/// The first day under the first bar and the last day at the end: one date
/// when the event is one day, nothing when it has no dates.
fn axis_line(buckets: &[(chrono::NaiveDate, chrono::NaiveDate)], cell: usize, width: usize) -> String {
    let (Some(first), Some(last)) = (buckets.first(), buckets.last()) else {
        return "no dated articles".to_string();
    };
    let start = date_label(Some(first.0));
    if first.0 == last.1 {
        return start;
    }
    let end = date_label(Some(last.1));
    let used = (buckets.len() * cell).min(width);
    let gap = used.saturating_sub(start.len() + end.len());
    if gap >= 1 {
        format!("{start}{}{end}", " ".repeat(gap))
    } else {
        text::truncate(&format!("{start} – {end}"), width)
    }
}
