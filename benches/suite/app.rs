//! In-process numbers of the app and the domain behind it: `related` and
//! `compare` on the built library, keystroke to frame while typing a query
//! (the TUI [`Harness`] answers the worker's requests on the spot, so a key
//! counts its search, a screenful of hits with snippets, and the redraw),
//! and the time to draw each view at two terminal sizes.

use crate::stats::{Row, Samples};
use byline::config::{Config, Paths};
use byline::index::{Catalog, SearchRequest};
use byline::library::Library;
use byline::tui::AppEvent;
use byline::tui::testing::Harness;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// `related` (top 10) for 32 articles, and `compare` of each with its best counterpart.
pub fn domain(home: &Path, repeat: usize) -> anyhow::Result<()> {
    let lib = Catalog::open(&Paths::under(home))?;
    let mut req = SearchRequest::new("");
    req.limit = 32;
    let subjects: Vec<byline::Article> =
        lib.search(&req)?.hits.iter().map(|h| lib.get(h.listing.id.as_str())).collect::<Result<_, _>>()?;
    let (mut related, mut compared) = (Vec::new(), Vec::new());
    for a in &subjects {
        let mut best = None;
        for _ in 0..repeat {
            let started = Instant::now();
            let r = byline::events::related(&lib, a, 10)?;
            related.push(started.elapsed());
            best = r.into_iter().next();
        }
        let other = match best {
            Some(r) => lib.get(r.listing.id.as_str())?,
            None => continue,
        };
        for _ in 0..repeat {
            let started = Instant::now();
            std::hint::black_box(byline::compare::compare(a, &other));
            compared.push(started.elapsed());
        }
    }
    Row::new("related, top 10 (32 articles)", Samples::from_durations(&related).cell())
        .target("< 20 ms at 100k (issue 4)")
        .print();
    Row::new("compare, article vs its best counterpart", Samples::from_durations(&compared).cell())
        .target("< 10 ms, 2,000-word articles (issue 4)")
        .print();
    Ok(())
}

fn key(h: &mut Harness, code: KeyCode, modifiers: KeyModifiers) {
    h.app.handle(AppEvent::Key(KeyEvent::new(code, modifiers)));
}

/// Type each query letter by letter, `rounds` times; the time from the key
/// to the frame that shows that query's results (and its first article).
pub fn keystrokes(home: &Path, queries: &[String], rounds: usize) -> anyhow::Result<()> {
    let lib = Library::open(&Paths::under(home), &Config::defaults())?;
    let mut h = Harness::new(Arc::new(lib), 110, 30);
    let mut times = Vec::new();
    for _ in 0..rounds {
        for q in queries {
            for c in q.chars() {
                let started = Instant::now();
                key(&mut h, KeyCode::Char(c), KeyModifiers::NONE);
                h.settle();
                times.push(started.elapsed());
            }
            key(&mut h, KeyCode::Char('u'), KeyModifiers::CONTROL);
            h.settle();
        }
    }
    let example = queries.first().cloned().unwrap_or_default();
    Row::new(
        format!("keystroke → frame with results, in-process (typing `{example}`…, 110x30)"),
        Samples::from_durations(&times).cell(),
    )
    .target("p99 < 16 ms at 100k, < 50 ms at 1M")
    .print();
    Ok(())
}

/// Draw each view `n` times on a `TestBackend`.
pub fn frames(home: &Path, query: &str, n: usize) -> anyhow::Result<()> {
    for (w, ht) in [(80, 24), (200, 50)] {
        let lib = Library::open(&Paths::under(home), &Config::defaults())?;
        let mut h = Harness::new(Arc::new(lib), w, ht);
        h.type_text(query);
        let time = |h: &mut Harness, view: &str| {
            let mut t = Vec::with_capacity(n);
            for _ in 0..n {
                let started = Instant::now();
                h.draw();
                t.push(started.elapsed());
            }
            Row::new(format!("frame draw, {view} view, {w}x{ht}"), Samples::from_durations(&t).cell())
                .target("(budget 16 ms a frame)")
                .print();
        };
        time(&mut h, "browse");
        h.press("down enter");
        time(&mut h, "reader");
        h.press("g c");
        h.press("enter");
        if h.app.compare.is_some() {
            time(&mut h, "compare");
        } else {
            Row::new(format!("frame draw, compare view, {w}x{ht}"), "n/a (no counterpart proposed)").print();
        }
    }
    Ok(())
}
