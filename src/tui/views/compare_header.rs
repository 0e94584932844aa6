//! The header band of the two columns: each side's headline, outlet and
//! date; one line on how the two relate (similarity, the share of each found
//! in the other, which came out first); then the quotes, figures and names
//! only one side has, each side under its own column: one line per kind
//! cut to the width, or with `details` every item, wrapped.
//!
//! Everything drawn here comes sanitized from [`Comparison`]; the numbers
//! come from the domain's [`crate::compare::Alignment`] as they are.

use super::super::comparison::{Comparison, Facts};
use super::super::fitting;
use super::super::text;
use super::super::theme::Theme;
use crate::compare::FirstPublished;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Lines the body keeps, however many facts there are.
const MIN_BODY: u16 = 4;

/// One line of the header: a line per column, or one across both.
enum HeaderLine {
    Split([Line<'static>; 2]),
    Full(Line<'static>),
}

/// The kinds of facts, with their nouns.
const KINDS: [(&str, &str); 3] = [("quote", "quotes"), ("figure", "figures"), ("name", "names")];

fn items(f: &Facts, kind: usize) -> &[String] {
    match kind {
        0 => &f.quotes,
        1 => &f.figures,
        _ => &f.names,
    }
}

fn shown(kind: usize, item: &str) -> String {
    if kind == 0 { format!("“{item}”") } else { item.to_string() }
}

fn label(kind: usize, n: usize) -> String {
    let (one, many) = KINDS[kind];
    match n {
        0 => format!("no {one} only here"),
        1 => format!("1 {one} only here: "),
        n => format!("{n} {many} only here: "),
    }
}

fn fit(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    Line::from(text::fit(spans, width))
}

/// "31% similar · 44% of the left appears in the right · …", as long as fits.
fn summary(data: &Comparison, width: usize, theme: &Theme) -> Line<'static> {
    let a = &data.alignment;
    let pct = |x: f64| format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0));
    let (first_long, first_short) = match a.first_published {
        Some(FirstPublished::Left) => ("the left came out first", "left first"),
        Some(FirstPublished::Right) => ("the right came out first", "right first"),
        Some(FirstPublished::Same) => ("both came out the same day", "same day"),
        None => ("which came out first is unknown", "order unknown"),
    };
    let long = [
        format!(" similar · {} of the left appears in the right · ", pct(a.shared.left)),
        format!("{} of the right appears in the left · {first_long}", pct(a.shared.right)),
    ];
    let short = [
        format!(" similar · {} of left in right · ", pct(a.shared.left)),
        format!("{} of right in left · {first_short}", pct(a.shared.right)),
    ];
    let similarity = pct(a.similarity);
    let fits =
        |parts: &[String; 2]| text::width(&similarity) + text::width(&parts[0]) + text::width(&parts[1]) <= width;
    let [head, tail] = if fits(&long) { long } else { short };
    fit(vec![Span::styled(similarity, theme.title), Span::styled(head + &tail, theme.text)], width)
}

/// One kind of fact for one side, on one line.
fn compact(facts: &Facts, kind: usize, width: usize, style: Style, theme: &Theme) -> Line<'static> {
    let list = items(facts, kind);
    if list.is_empty() {
        return fit(vec![Span::styled(label(kind, 0), theme.dim)], width);
    }
    let joined = list.iter().map(|i| shown(kind, i)).collect::<Vec<_>>().join(", ");
    fit(vec![Span::styled(label(kind, list.len()), theme.dim), Span::styled(joined, style)], width)
}

/// One kind of fact for one side, every item wrapped on its own lines.
fn full(facts: &Facts, kind: usize, width: usize, style: Style, theme: &Theme) -> Vec<Line<'static>> {
    let list = items(facts, kind);
    let mut lines = vec![fit(vec![Span::styled(label(kind, list.len()).trim_end().to_string(), theme.dim)], width)];
    for item in list {
        let item = shown(kind, item);
        for (i, r) in text::wrap(&item, width.saturating_sub(2)).into_iter().enumerate() {
            let bullet = if i == 0 { "• " } else { "  " };
            lines.push(Line::from(vec![Span::styled(bullet, theme.dim), Span::styled(item[r].to_string(), style)]));
        }
    }
    lines
}

/// The facts lines: a pair of lines per kind that either side has.
fn facts(data: &Comparison, widths: [usize; 2], details: bool, theme: &Theme) -> Vec<HeaderLine> {
    let styles = [theme.left_only, theme.right_only];
    let kinds: Vec<usize> = (0..3).filter(|&k| data.facts.iter().any(|f| !items(f, k).is_empty())).collect();
    if kinds.is_empty() {
        let none = "neither has a quote, figure or name the other lacks";
        return vec![HeaderLine::Full(Line::styled(none, theme.dim))];
    }
    let mut out = Vec::new();
    for k in kinds {
        if !details {
            let side = |c: usize| compact(&data.facts[c], k, widths[c], styles[c], theme);
            out.push(HeaderLine::Split([side(0), side(1)]));
            continue;
        }
        let [mut l, mut r] = [0, 1].map(|c| full(&data.facts[c], k, widths[c], styles[c], theme));
        let n = l.len().max(r.len());
        l.resize(n, Line::default());
        r.resize(n, Line::default());
        out.extend(l.into_iter().zip(r).map(|(a, b)| HeaderLine::Split([a, b])));
    }
    out
}

/// The headline (two lines at most), outlet line, for one side.
fn identity(doc: &super::super::doc::Doc, w: usize, theme: &Theme) -> [Line<'static>; 3] {
    let wrapped = text::wrap(&doc.title, w);
    let mut title: Vec<String> = wrapped.iter().take(2).map(|r| doc.title[r.clone()].to_string()).collect();
    if wrapped.len() > 2 {
        let last = title.pop().unwrap_or_default();
        title.push(text::truncate(&format!("{last} …"), w));
    }
    title.resize(2, String::new());
    let [a, b]: [String; 2] = title.try_into().unwrap_or_default();
    [Line::styled(a, theme.title), Line::styled(b, theme.title), Line::styled(details(doc, w), theme.dim)]
}

/// `outlet · by byline · date` within `w` columns: the byline gives way
/// first, then the date; the outlet is cut last.
fn details(doc: &super::super::doc::Doc, w: usize) -> String {
    let outlet = doc.outlet.clone().unwrap_or_else(|| "unknown outlet".into());
    let byline = doc.byline.as_deref().map(super::super::doc::byline_label);
    let date = super::super::doc::date_label(doc.date);
    let mut fields = vec![(outlet.as_str(), 3)];
    fields.extend(byline.as_deref().map(|b| (b, 1)));
    fields.push((date.as_str(), 2));
    fitting::fields(&fields, " · ", w)
}

/// Draw the header over `area` (the whole view), its two sides over the
/// columns `cols`; `focus` is the column whose rule is highlighted. Returns
/// the lines it took.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    cols: [Rect; 2],
    data: &Comparison,
    theme: &Theme,
    details: bool,
    focus: Option<usize>,
) -> u16 {
    let widths = cols.map(|c| usize::from(c.width).max(1));
    let [l, r] = [0, 1].map(|c| identity(if c == 0 { &data.left } else { &data.right }, widths[c], theme));
    let [l0, l1, l2] = l;
    let [r0, r1, r2] = r;
    let mut lines = vec![
        HeaderLine::Split([l0, r0]),
        HeaderLine::Split([l1, r1]),
        HeaderLine::Split([l2, r2]),
        HeaderLine::Full(summary(data, usize::from(area.width), theme)),
    ];
    let budget = usize::from(area.height.saturating_sub(MIN_BODY)).saturating_sub(1);
    if budget < lines.len() {
        // Too short for all of it: the headline's second line goes first.
        lines.remove(1);
        lines.truncate(budget.max(1));
    } else {
        let room = budget - lines.len();
        let mut f = facts(data, widths, details, theme);
        if f.len() > room {
            f.truncate(room);
            if let Some(HeaderLine::Split(last)) = f.last_mut() {
                for (c, line) in last.iter_mut().enumerate() {
                    let cut = format!("{} …", line.to_string().trim_end());
                    *line = Line::styled(text::truncate(&cut, widths[c]), theme.dim);
                }
            }
        }
        lines.extend(f);
    }
    let rules = [0, 1].map(|c| {
        let style = if focus == Some(c) { theme.border_focus } else { theme.border };
        Line::styled("─".repeat(widths[c]), style)
    });
    lines.push(HeaderLine::Split(rules));
    let height = (lines.len() as u16).min(area.height);
    for (y, line) in lines.into_iter().take(usize::from(height)).enumerate() {
        let y = area.y + y as u16;
        match line {
            HeaderLine::Split(sides) => {
                for (c, side) in sides.into_iter().enumerate() {
                    frame.render_widget(Paragraph::new(side), Rect { y, height: 1, ..cols[c] });
                }
            }
            HeaderLine::Full(line) => frame.render_widget(Paragraph::new(line), Rect { y, height: 1, ..area }),
        }
    }
    height
}
