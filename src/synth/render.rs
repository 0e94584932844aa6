//! Turning a generated article into the bytes of a file, in the three shapes
//! scraped news arrives in: plain `.txt` (headline line, `By …` line, date
//! line, `Source:` line, paragraphs, `Original url:` footer), `.md` with YAML
//! front matter, and a `.jsonl` line with the keys scrapers use.
//!
//! Every shape says exactly what [`GenArticle`] says the file states, in a
//! form byline's parser reads back: unknown fields are left out, boilerplate
//! and section heads are lines the parser drops, a broken paragraph is one it
//! joins again.

use super::article::GenArticle;
use super::numbers::date_line;
use std::fmt::Write;

/// The body as lines of text: dateline on the first paragraph, inserted
/// boilerplate, a paragraph broken mid-sentence. Blank lines between.
fn body(a: &GenArticle, out: &mut String) {
    let mut inserts = a.quirks.inserts.iter().peekable();
    for (i, p) in a.paragraphs.iter().enumerate() {
        while let Some((_, line)) = inserts.next_if(|(at, _)| *at <= i) {
            out.push_str(line);
            out.push_str("\n\n");
        }
        if i == 0
            && let Some(d) = &a.quirks.dateline
        {
            out.push_str(d);
        }
        match a.quirks.broken {
            Some((b, at)) if b == i && at < p.len() => {
                out.push_str(&p[..at]);
                out.push_str("\n\n");
                out.push_str(&p[at + 1..]);
            }
            _ => out.push_str(p),
        }
        out.push_str("\n\n");
    }
    for (_, line) in inserts {
        out.push_str(line);
        out.push_str("\n\n");
    }
}

fn explicit_outlet(a: &GenArticle) -> Option<&str> {
    a.outlet.as_deref().filter(|_| a.quirks.outlet_explicit)
}

/// A plain-text file.
pub fn txt(a: &GenArticle, out: &mut String) {
    if a.title_in_file && !a.quirks.glued_date {
        out.push_str(&a.title);
        out.push_str("\n\n");
    }
    if let Some(b) = &a.byline {
        let _ = write!(out, "By {b}\n\n");
    }
    if let Some(d) = a.date.filter(|_| !a.quirks.glued_date) {
        if a.quirks.date_form == 5 {
            let _ = write!(out, "Published: {}\n\n", d.format("%Y-%m-%d"));
        } else {
            out.push_str(&date_line(d, a.quirks.date_form));
            out.push_str("\n\n");
        }
    }
    if let Some(o) = explicit_outlet(a) {
        let key = ["Source", "Outlet", "Publisher"][a.quirks.outlet_key as usize % 3];
        let _ = write!(out, "{key}: {o}\n\n");
    }
    if let Some(d) = a.date.filter(|_| a.quirks.glued_date) {
        let _ = write!(out, " date {} ", d.format("%Y-%m-%d"));
    }
    body(a, out);
    if let Some(u) = &a.url {
        if a.quirks.outlet_key == 0 {
            let _ = write!(out, "Original url:\n\n<{u}>\n");
        } else {
            let _ = writeln!(out, "URL: {u}");
        }
    }
}

fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// The file of a single-article `.txt` or `.md`.
pub fn single(a: &GenArticle, out: &mut String) {
    if a.kind == super::plan::FileKind::Txt { txt(a, out) } else { md(a, out) }
}

/// A Markdown file with YAML front matter.
pub fn md(a: &GenArticle, out: &mut String) {
    let mut front = String::new();
    if a.title_in_file {
        let _ = writeln!(front, "title: {}", yaml_str(&a.title));
    }
    if let Some(o) = explicit_outlet(a) {
        let _ = writeln!(front, "outlet: {}", yaml_str(o));
    }
    if let Some(d) = a.date {
        let _ = writeln!(front, "date: {}", d.format("%Y-%m-%d"));
    }
    if let Some(b) = &a.byline {
        let _ = writeln!(front, "byline: {}", yaml_str(b));
    }
    if let Some(u) = &a.url {
        let _ = writeln!(front, "url: {}", yaml_str(u));
    }
    if !front.is_empty() {
        let _ = write!(out, "---\n{front}---\n\n");
    }
    if a.title_in_file && a.quirks.heading {
        let _ = write!(out, "# {}\n\n", a.title);
    }
    body(a, out);
}

/// One JSONL line (with its newline).
pub fn jsonl(a: &GenArticle, out: &mut String) {
    let mut text = String::with_capacity(a.paragraphs.iter().map(|p| p.len() + 2).sum::<usize>() + 64);
    body(a, &mut text);
    let text = text.trim_end();
    let nulls = a.quirks.nulls;
    let field = |out: &mut String, first: &mut bool, key: &str, v: Option<&str>| {
        let value = match v {
            Some(v) => yaml_str(v),
            None if nulls => "null".to_string(),
            None => return,
        };
        if !*first {
            out.push(',');
        }
        *first = false;
        let _ = write!(out, "\"{key}\":{value}");
    };
    out.push('{');
    let mut first = true;
    field(out, &mut first, "title", a.title_in_file.then_some(a.title.as_str()));
    field(out, &mut first, "text", Some(text));
    field(out, &mut first, "url", a.url.as_deref());
    field(out, &mut first, "source", explicit_outlet(a));
    field(out, &mut first, "author", a.byline.as_deref());
    let stamp = a.date.map(|d| format!("{}T{:02}:{:02}:00Z", d.format("%Y-%m-%d"), a.quirks.hour, (a.key * 7) % 60));
    field(out, &mut first, "published_at", stamp.as_deref());
    out.push_str("}\n");
}
