//! Human renderings of an [`Alignment`] for `byline compare --format text|md`:
//! plain strings, no terminal codes, so they can be piped, saved or pasted
//! into a story memo.
//!
//! Rows are marked `=` (same), `~` (changed), `?` (a weak match, to check),
//! `<` (left only) and `>` (right only). A changed row shows its word diff
//! inline when the two sentences share most of their text, and both
//! sentences otherwise, then its score and evidence.

use super::{Alignment, Confidence, DiffOp, FirstPublished, Row, RowKind, Shared};
use crate::article::Listing;
use std::fmt::Write;

/// Inline diffs are readable only when most of the text is shared.
const INLINE_DIFF_SHARE: f64 = 0.5;

impl Alignment {
    /// Plain-text report.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Left:  {}", describe(&self.left));
        let _ = writeln!(out, "Right: {}", describe(&self.right));
        let _ = writeln!(out, "Similarity: {}", percent(self.similarity));
        for line in self.share_lines() {
            let _ = writeln!(out, "{line}");
        }
        let _ = writeln!(out, "{}\n", self.first_line());
        for row in &self.rows {
            let _ = writeln!(out, "{}", text_row(row));
        }
        for (what, shared) in self.facts() {
            for (side, items) in [("left", &shared.left_only), ("right", &shared.right_only)] {
                if !items.is_empty() {
                    let _ = writeln!(out, "\n{what} only in the {side} article:");
                    for item in items {
                        let _ = writeln!(out, "  - {item}");
                    }
                }
            }
        }
        out
    }

    /// Markdown report.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("# Comparison\n\n| | Left | Right |\n| --- | --- | --- |\n");
        let cell = |s: &str| s.replace('|', "\\|");
        let (l, r) = (&self.left, &self.right);
        let _ = writeln!(out, "| Title | {} | {} |", cell(&l.title), cell(&r.title));
        let outlet = |s: &Listing| cell(s.outlet.as_deref().unwrap_or("unknown"));
        let _ = writeln!(out, "| Outlet | {} | {} |", outlet(l), outlet(r));
        let date = |s: &Listing| s.date.map_or("unknown".to_string(), |d| d.to_string());
        let _ = writeln!(out, "| Date | {} | {} |\n", date(l), date(r));
        let _ = writeln!(out, "**Similarity:** {}\n", percent(self.similarity));
        for line in self.share_lines() {
            let _ = writeln!(out, "- {line}");
        }
        let _ = writeln!(out, "- {}\n\n## Sentences\n", self.first_line());
        for row in &self.rows {
            let _ = writeln!(out, "{}", md_row(row));
        }
        for (what, shared) in self.facts() {
            let _ = write!(out, "\n## {what}\n\n");
            for (label, items) in
                [("Both", &shared.both), ("Only left", &shared.left_only), ("Only right", &shared.right_only)]
            {
                let list = if items.is_empty() { "none".to_string() } else { items.join("; ") };
                let _ = writeln!(out, "- **{label}:** {}", md_escape(&list));
            }
        }
        out
    }

    fn share_lines(&self) -> [String; 2] {
        [
            format!("{} of the left article appears in the right one.", percent(self.shared.left)),
            format!("{} of the right article appears in the left one.", percent(self.shared.right)),
        ]
    }

    fn first_line(&self) -> String {
        match self.first_published {
            Some(FirstPublished::Left) => "Published first: left.".into(),
            Some(FirstPublished::Right) => "Published first: right.".into(),
            Some(FirstPublished::Same) => "Published the same day.".into(),
            None => "Published first: unknown (a date is missing).".into(),
        }
    }

    fn facts(&self) -> [(&'static str, &Shared); 3] {
        [("Quotes", &self.quotes), ("Numbers", &self.numbers), ("Names", &self.names)]
    }
}

fn describe(side: &Listing) -> String {
    let outlet = side.outlet.as_deref().unwrap_or("unknown outlet");
    let date = side.date.map_or("undated".to_string(), |d| d.to_string());
    format!("{} ({outlet}, {date})", side.title)
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Whether the diff of a changed row is mostly shared text.
fn inline(row: &Row) -> bool {
    let total: usize = row.diff.iter().map(|p| p.text.len()).sum();
    let equal: usize = row.diff.iter().filter(|p| p.op == DiffOp::Equal).map(|p| p.text.len()).sum();
    total > 0 && equal as f64 / total as f64 >= INLINE_DIFF_SHARE
}

fn text_row(row: &Row) -> String {
    let (l, r) = (row.left.as_deref().unwrap_or(""), row.right.as_deref().unwrap_or(""));
    match row.kind {
        RowKind::Same => format!("= {l}"),
        RowKind::LeftOnly => format!("< {l}"),
        RowKind::RightOnly => format!("> {r}"),
        RowKind::Changed if inline(row) => {
            let body: String = row
                .diff
                .iter()
                .map(|p| match p.op {
                    DiffOp::Equal => p.text.clone(),
                    DiffOp::Delete => format!("[-{}-]", p.text),
                    DiffOp::Insert => format!("{{+{}+}}", p.text),
                })
                .collect();
            format!("{} {body}  ({})", mark(row), reason(row))
        }
        RowKind::Changed => format!("{} {l}\n  ~> {r}  ({})", mark(row), reason(row)),
    }
}

/// A changed row's marker: `~`, or `?` for a weak match to check.
fn mark(row: &Row) -> &'static str {
    if row.confidence == Confidence::Weak { "?" } else { "~" }
}

fn reason(row: &Row) -> String {
    row.reason().unwrap_or_else(|| format!("{:.2}", row.score))
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_row(row: &Row) -> String {
    let (l, r) = (row.left.as_deref().unwrap_or(""), row.right.as_deref().unwrap_or(""));
    match row.kind {
        RowKind::Same => format!("- `=` {}", md_escape(l)),
        RowKind::LeftOnly => format!("- `<` {}", md_escape(l)),
        RowKind::RightOnly => format!("- `>` {}", md_escape(r)),
        RowKind::Changed if inline(row) => {
            let mut body = String::new();
            let mut previous = DiffOp::Equal;
            for p in &row.diff {
                let t = md_escape(p.text.trim());
                let lead = if p.text.starts_with(' ') || previous == DiffOp::Delete { " " } else { "" };
                let trail = if p.text.ends_with(' ') { " " } else { "" };
                match p.op {
                    DiffOp::Equal => body.push_str(&md_escape(&p.text)),
                    DiffOp::Delete => body.push_str(&format!("{lead}~~{t}~~{trail}")),
                    DiffOp::Insert => body.push_str(&format!("{lead}**{t}**{trail}")),
                }
                previous = p.op;
            }
            format!("- `{}` {body} ({})", mark(row), md_escape(&reason(row)))
        }
        RowKind::Changed => {
            format!("- `{}` {}  \n  → {} ({})", mark(row), md_escape(l), md_escape(r), md_escape(&reason(row)))
        }
    }
}
