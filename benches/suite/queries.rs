//! The questions asked of byline and its peers: words drawn from the
//! generated vocabulary at several frequencies (read from the built index's
//! term dictionary), pairs of them, phrases taken from articles, prefixes.
//! Each question is written in byline's syntax, tantivy-cli's and ripgrep's.

use byline::config::Paths;
use byline::index::schema::SCHEMA_VERSION;
use byline::index::{Catalog, SearchRequest};
use tantivy::schema::Field;

/// One question in the three tools' words.
#[derive(Clone, Debug)]
pub struct Question {
    pub kind: &'static str,
    pub byline: String,
    /// Match the last word as a prefix (as the app does while typing).
    pub prefix_last: bool,
    /// tantivy-cli's query parser (default fields: title, body, outlet);
    /// `None` where it has no such query.
    pub tantivy: Option<String>,
    /// ripgrep's arguments (before the path), case-insensitive.
    pub rg: Vec<String>,
}

/// The kinds, in table order.
pub const KINDS: [&str; 9] =
    ["term (rare)", "term (common)", "AND", "OR", "phrase", "prefix 1", "prefix 2", "prefix 3", "fuzzy"];

fn is_word(w: &str) -> bool {
    w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase())
}

/// Words of the `words` field (unstemmed) with their document frequency.
fn vocabulary(home: &std::path::Path) -> anyhow::Result<(Vec<(String, u64)>, u64)> {
    let dir = Paths::under(home).data.join(format!("index-v{SCHEMA_VERSION}"));
    let index = tantivy::Index::open_in_dir(dir)?;
    let field: Field = index.schema().get_field("words")?;
    let searcher = index.reader()?.searcher();
    let mut words = std::collections::BTreeMap::<String, u64>::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            if let Ok(w) = std::str::from_utf8(stream.key())
                && is_word(w)
            {
                *words.entry(w.to_string()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok((words.into_iter().collect(), searcher.num_docs()))
}

/// A fixed shuffle of words (FNV-1a), so that ties are not all of one letter.
fn scramble(w: &str) -> u64 {
    w.bytes().fold(0xcbf29ce484222325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

/// `n` words whose frequency is closest to `share` of the documents.
fn near(vocab: &[(String, u64)], docs: u64, share: f64, n: usize) -> Vec<String> {
    let want = (docs as f64 * share).max(3.0);
    let mut v: Vec<&(String, u64)> = vocab.iter().collect();
    v.sort_by(|a, b| {
        (a.1 as f64 - want).abs().total_cmp(&(b.1 as f64 - want).abs()).then(scramble(&a.0).cmp(&scramble(&b.0)))
    });
    v.into_iter().take(n).map(|(w, _)| w.clone()).collect()
}

/// Two-word phrases from the bodies of the newest articles.
fn phrases(lib: &Catalog, n: usize) -> anyhow::Result<Vec<String>> {
    let mut req = SearchRequest::new("");
    req.limit = n * 7;
    let mut out = Vec::new();
    for (i, hit) in lib.search(&req)?.hits.iter().enumerate().step_by(7) {
        let body = lib.get(hit.listing.id.as_str())?.body().to_lowercase();
        let words: Vec<&str> = body.split(|c: char| !c.is_ascii_lowercase()).filter(|w| !w.is_empty()).collect();
        let pairs: Vec<String> = words
            .windows(2)
            .filter(|w| is_word(w[0]) && is_word(w[1]) && body.contains(&format!("{} {}", w[0], w[1])))
            .map(|w| format!("{} {}", w[0], w[1]))
            .collect();
        if let Some(p) = pairs.get((i * 13) % pairs.len().max(1)) {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn rg(args: &[&str]) -> Vec<String> {
    let mut v = vec!["-i".to_string(), "-c".to_string()];
    v.extend(args.iter().map(|s| s.to_string()));
    v
}

/// The question set for the library in `home`.
pub fn questions(home: &std::path::Path) -> anyhow::Result<Vec<Question>> {
    let (vocab, docs) = vocabulary(home)?;
    let lib = Catalog::open(&Paths::under(home))?;
    let rare = near(&vocab, docs, 0.001, 4);
    let common = near(&vocab, docs, 0.1, 4);
    let mid = near(&vocab, docs, 0.01, 4);
    let mut qs = Vec::new();
    let q = |kind, byline: String, tantivy: Option<String>, rg: Vec<String>| Question {
        kind,
        byline,
        prefix_last: kind.starts_with("prefix"),
        tantivy,
        rg,
    };
    for (kind, words) in [("term (rare)", &rare), ("term (common)", &common)] {
        for w in words {
            qs.push(q(kind, w.clone(), Some(w.clone()), rg(&["-w", w])));
        }
    }
    for (a, b) in mid.iter().zip(&common) {
        let both = format!(r"^(?=.*\b{a}\b)(?=.*\b{b}\b)");
        qs.push(q("AND", format!("{a} {b}"), Some(format!("+{a} +{b}")), rg(&["-P", &both])));
        qs.push(q("OR", format!("{a} OR {b}"), Some(format!("{a} {b}")), rg(&["-w", "-e", a, "-e", b])));
    }
    for p in phrases(&lib, 4)? {
        qs.push(q("phrase", format!("\"{p}\""), Some(format!("\"{p}\"")), rg(&["-F", &p])));
    }
    for w in mid.iter().chain(&common) {
        for len in 1..=3 {
            let kind = ["prefix 1", "prefix 2", "prefix 3"][len - 1];
            let prefix = &w[..len];
            // tantivy-cli's parser has no one-word prefix (`"co"*` needs two words).
            qs.push(q(kind, prefix.to_string(), None, rg(&[&format!(r"\b{prefix}\w*")])));
        }
    }
    let mut seen = std::collections::HashSet::new();
    qs.retain(|q| seen.insert((q.kind, q.byline.clone())));
    Ok(qs)
}
