//! Printing domain values for people (sanitized, highlighted when stdout is
//! a terminal and `NO_COLOR` is unset) and for scripts (`--json`, the serde
//! structs as they are).

use crate::article::Article;
use crate::index::{IndexReport, SearchResults, Snippet, Stats};
use crate::sanitize::{clean, clean_line};
use serde::Serialize;
use std::io::{IsTerminal, Write};

struct Style {
    on: bool,
}

impl Style {
    fn detect() -> Style {
        Style { on: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }
    fn wrap(&self, sgr: &str, text: &str) -> String {
        if self.on { format!("\x1b[{sgr}m{text}\x1b[0m") } else { text.to_string() }
    }
    fn bold(&self, t: &str) -> String {
        self.wrap("1", t)
    }
    fn dim(&self, t: &str) -> String {
        self.wrap("2", t)
    }
    fn mark(&self, t: &str) -> String {
        if self.on { self.wrap("1;33", t) } else { t.to_string() }
    }
}

pub fn json<T: Serialize>(value: &T) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)
}

/// The snippet with its highlights marked and everything sanitized.
fn snippet(style: &Style, s: &Snippet) -> String {
    let flat = |t: &str| clean(t).replace('\n', " ");
    let mut out = String::new();
    let mut at = 0;
    for r in &s.highlights {
        let (Some(before), Some(hit)) = (s.text.get(at..r.start), s.text.get(r.clone())) else { continue };
        out.push_str(&flat(before));
        out.push_str(&style.mark(&flat(hit)));
        at = r.end;
    }
    out.push_str(&flat(s.text.get(at..).unwrap_or("")));
    out
}

fn outlet(o: &Option<String>) -> String {
    o.as_deref().map(clean_line).unwrap_or_else(|| "unknown outlet".into())
}

fn date(d: &Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "undated   ".into())
}

pub fn search_results(r: &SearchResults) {
    let style = Style::detect();
    let mut out = std::io::stdout().lock();
    for hint in &r.hints {
        let _ = writeln!(out, "{}", style.dim(&format!("note: {}", clean_line(hint))));
    }
    for hit in &r.hits {
        let file =
            hit.paths.first().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}  {}  {}  {}",
            style.bold(short_id(&hit.listing.id)),
            date(&hit.listing.date),
            style.bold(&clean_line(&hit.listing.title)),
            style.dim(&format!("({}, {})", outlet(&hit.listing.outlet), clean_line(&file)))
        );
        let _ = writeln!(out, "          {}", snippet(&style, &hit.snippet));
    }
    let shown = r.hits.len();
    let noun = if r.total == 1 { "article" } else { "articles" };
    let _ =
        writeln!(out, "{}", style.dim(&format!("{} {noun} match; {shown} shown ({} order)", r.total, sort_name(r))));
}

fn sort_name(r: &SearchResults) -> &'static str {
    match r.sort {
        crate::index::Sort::Relevance => "relevance",
        crate::index::Sort::Date => "date",
    }
}

pub fn article(a: &Article) {
    let style = Style::detect();
    let mut out = std::io::stdout().lock();
    let derived = if a.title_derived { style.dim(" (headline derived from the lede)") } else { String::new() };
    let _ = writeln!(out, "{}{derived}", style.bold(&clean_line(&a.title)));
    let mut meta = vec![outlet(&a.outlet)];
    meta.extend(a.byline.as_deref().map(|b| format!("by {}", clean_line(b))));
    meta.push(a.date.map(|d| d.to_string()).unwrap_or_else(|| "undated".into()));
    let _ = writeln!(out, "{}", style.dim(&meta.join(" · ")));
    if let Some(url) = &a.url {
        let _ = writeln!(out, "{}", style.dim(&clean_line(url)));
    }
    let files: Vec<String> = a.paths.iter().map(|p| clean_line(&p.to_string_lossy())).collect();
    let _ = writeln!(out, "{}", style.dim(&format!("id {} · {}", a.id, files.join(", "))));
    for p in &a.paragraphs {
        let _ = writeln!(out, "\n{}", clean(p));
    }
}

pub fn stats(s: &Stats) {
    let style = Style::detect();
    let mut out = std::io::stdout().lock();
    let span = match (s.first_date, s.last_date) {
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    };
    let known = s.outlets.iter().filter(|o| o.outlet.is_some()).count();
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!("{} articles from {known} known outlets{span} ({} undated)", s.articles, s.undated))
    );
    if s.demo {
        let _ = writeln!(out, "{}", style.dim("this is the demo library: add your own with `byline index FOLDER`"));
    }
    let _ = writeln!(out, "\noutlets:");
    for o in &s.outlets {
        let _ = writeln!(out, "  {:>6}  {}", o.articles, outlet(&o.outlet));
    }
    let _ = writeln!(out, "\nsources:");
    for src in &s.sources {
        let _ = writeln!(out, "  {}", clean_line(&src.to_string_lossy()));
    }
}

pub fn index_report(r: &IndexReport) {
    let mut out = std::io::stdout().lock();
    let skipped = r.skipped_by_reason();
    let skipped_text = if skipped.is_empty() {
        "0 skipped".to_string()
    } else {
        let parts: Vec<String> = skipped.iter().map(|(reason, n)| format!("{n} {reason}")).collect();
        format!("{} skipped ({})", r.skipped.len(), parts.join(", "))
    };
    let _ = writeln!(
        out,
        "files: {} seen, {} read, {} unchanged, {} removed, {skipped_text}",
        r.files_seen, r.files_read, r.files_unchanged, r.files_removed
    );
    let _ = writeln!(
        out,
        "articles: {} new, {} updated, {} removed; {} in the library",
        r.articles_added, r.articles_updated, r.articles_removed, r.articles_total
    );
}

/// A report rendered by the domain (compare's text or Markdown), sanitized.
pub fn text(report: &str) {
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "{}", clean(report));
}

pub(super) fn short_id(id: &crate::article::ArticleId) -> &str {
    &id.as_str()[..8.min(id.as_str().len())]
}

pub fn related(subject: &Article, related: &[crate::events::Related]) {
    let style = Style::detect();
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", style.bold(&format!("Reporting the same event as: {}", clean_line(&subject.title))));
    if related.is_empty() {
        let _ = writeln!(out, "no counterparts found");
    }
    for r in related {
        let verdict = if r.same_event { "same event" } else { "related" };
        let _ = writeln!(
            out,
            "\n{:.2}  {}  {}  {}  {}",
            r.score,
            style.bold(short_id(&r.listing.id)),
            date(&r.listing.date),
            style.bold(&clean_line(&r.listing.title)),
            style.dim(&format!("({}; {verdict})", outlet(&r.listing.outlet)))
        );
        let list = |label: &str, items: &[String]| {
            (!items.is_empty()).then(|| {
                format!("      {label}: {}", items.iter().map(|i| clean_line(i)).collect::<Vec<_>>().join("; "))
            })
        };
        for line in [
            list("names", &r.reasons.names),
            list("figures", &r.reasons.numbers),
            list("quotes", &r.reasons.quotes),
            list("passages", &r.reasons.passages),
        ]
        .into_iter()
        .flatten()
        {
            let _ = writeln!(out, "{}", style.dim(&line));
        }
    }
}

pub fn events(events: &[crate::events::Event]) {
    let style = Style::detect();
    let mut out = std::io::stdout().lock();
    if events.is_empty() {
        let _ = writeln!(out, "no events: no two articles report the same event");
    }
    for e in events {
        event(&mut out, &style, e, None);
        let _ = writeln!(out);
    }
}

/// One event: its label and span, then its articles; `current` marked with `>`.
fn event(out: &mut impl Write, style: &Style, e: &crate::events::Event, current: Option<&crate::article::ArticleId>) {
    let span = match (e.first_date, e.last_date) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "undated".into(),
    };
    let outlets = if e.outlets.is_empty() {
        "unknown outlets".to_string()
    } else {
        e.outlets.iter().map(|o| clean_line(o)).collect::<Vec<_>>().join(", ")
    };
    let _ = writeln!(
        out,
        "{}  {}",
        style.bold(&clean_line(&e.label)),
        style.dim(&format!("[{} articles · {span} · {outlets}]", e.articles.len()))
    );
    for m in &e.articles {
        let here = current == Some(&m.id);
        let line = format!(
            "{} {}  {}  {}  {}",
            if here { ">" } else { " " },
            short_id(&m.id),
            date(&m.date),
            clean_line(&m.title),
            style.dim(&format!("({})", outlet(&m.outlet)))
        );
        let _ = writeln!(out, "{}", if here { style.bold(&line) } else { line });
    }
}

/// `byline events --of ID`: the article's event, its line marked; or that
/// it is in none, and its nearest counterparts.
pub fn event_of(of: &crate::library::EventOf) {
    let style = Style::detect();
    let mut out = std::io::stdout().lock();
    let title = clean_line(&of.article.title);
    match &of.event {
        Some(e) => event(&mut out, &style, e, Some(&of.article.id)),
        None => {
            let _ = writeln!(out, "{}", style.bold(&format!("{} {title:?} is in no event", short_id(&of.article.id))));
            if of.nearest.is_empty() {
                let _ = writeln!(out, "no other article comes near it");
                return;
            }
            let _ = writeln!(out, "{}", style.dim("its nearest counterparts, none close enough to be the same event:"));
            for r in &of.nearest {
                let _ = writeln!(
                    out,
                    "  {:.2}  {}  {}  {}  {}",
                    r.score,
                    short_id(&r.listing.id),
                    date(&r.listing.date),
                    clean_line(&r.listing.title),
                    style.dim(&format!("({})", outlet(&r.listing.outlet)))
                );
            }
        }
    }
}

/// `byline events --of ID --json`: the article, its event with its
/// coverage (or `null`), and the nearest counterparts of an article in none.
pub fn event_of_json(of: &crate::library::EventOf) -> serde_json::Value {
    let event =
        of.event.as_ref().map(|event| crate::events::Covered { event, coverage: crate::events::Coverage::of(event) });
    serde_json::json!({ "article": of.article, "event": event, "nearest": of.nearest })
}
