//! The corpus: from files on disk to clean [`Article`]s.
//!
//! It walks library folders, decodes bytes, recognises the format by the
//! file's extension, parses and cleans the article, and applies the user's
//! `sources.toml` overrides. A file that cannot be read or parsed becomes a
//! [`Skip`] with its path and a one-line reason; nothing here panics on input
//! and nothing here knows about the index.

mod clean;
pub mod decode;
pub mod demo;
pub mod fields;
pub mod html;
mod outlets;
mod plain;
pub mod sources;
mod structured;
mod walk;

#[cfg(test)]
mod seed_tests;

pub use fields::Fields;
pub use outlets::outlet_from_url;
pub use sources::{Sources, SourcesFile};
pub use walk::{FileStamp, WalkItem, walk};

use crate::article::Article;
use serde::Serialize;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Files bigger than this are skipped as too big (JSONL is read line by line
/// and has a cap per line instead).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// The longest JSONL line read.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// The formats byline reads, by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Json,
    Jsonl,
    Html,
}

impl Format {
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            "html" | "htm" | "xhtml" => Format::Html,
            _ => return None,
        })
    }
}

/// Why a file (or one line of it) was not indexed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum SkipReason {
    Unreadable(String),
    TooBig(u64),
    Binary(usize),
    NotAFile,
    BadFormat(String),
    NoText,
}

impl SkipReason {
    /// A short name for counting skips by reason.
    pub fn label(&self) -> &'static str {
        match self {
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::TooBig(_) => "too big",
            SkipReason::Binary(_) => "binary",
            SkipReason::NotAFile => "not a regular file",
            SkipReason::BadFormat(_) => "bad format",
            SkipReason::NoText => "no article text",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Unreadable(why) => write!(f, "unreadable: {why}"),
            SkipReason::TooBig(size) => write!(f, "too big: {size} bytes, over the {} MiB cap", MAX_FILE_BYTES >> 20),
            SkipReason::Binary(at) => write!(f, "binary file (NUL byte at offset {at})"),
            SkipReason::NotAFile => f.write_str("not a regular file"),
            SkipReason::BadFormat(why) => f.write_str(why),
            SkipReason::NoText => f.write_str("no article text"),
        }
    }
}

/// A file (or a line of a JSONL file) that was skipped, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skip {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub reason: SkipReason,
}

impl Skip {
    pub fn new(path: &Path, reason: SkipReason) -> Skip {
        Skip { path: path.to_path_buf(), line: None, reason }
    }
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

/// What reading one file gave: its articles, the lines skipped inside it,
/// and a hash of its bytes (to tell a touched file from an edited one).
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub skips: Vec<Skip>,
    pub content_hash: String,
}

/// Read and parse one file, applying `overrides` (from `sources.toml`).
pub fn read_file(path: &Path, overrides: &Fields) -> Result<Parsed, Skip> {
    let format = Format::of(path).ok_or_else(|| Skip::new(path, SkipReason::BadFormat("unknown file type".into())))?;
    let meta = std::fs::metadata(path).map_err(|e| Skip::new(path, SkipReason::Unreadable(io_reason(&e))))?;
    if !meta.is_file() {
        return Err(Skip::new(path, SkipReason::NotAFile));
    }
    let file = std::fs::File::open(path).map_err(|e| Skip::new(path, SkipReason::Unreadable(io_reason(&e))))?;
    if format == Format::Jsonl {
        return read_jsonl(path, file, overrides);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Skip::new(path, SkipReason::TooBig(meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Skip::new(path, SkipReason::Unreadable(io_reason(&e))))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Skip::new(path, SkipReason::TooBig(bytes.len() as u64)));
    }
    let content_hash = blake3::hash(&bytes).to_hex().to_string();
    let articles = parse_bytes(path, format, &bytes, overrides)?;
    Ok(Parsed { articles, skips: Vec::new(), content_hash })
}

/// Parse the bytes of a single-article (or JSON array) file.
pub fn parse_bytes(path: &Path, format: Format, bytes: &[u8], overrides: &Fields) -> Result<Vec<Article>, Skip> {
    let decoded = match format {
        Format::Html => html::decode_page(bytes),
        _ => decode::decode(bytes).map(|(text, _)| text),
    };
    let text = decoded.map_err(|decode::DecodeError::Binary(at)| Skip::new(path, SkipReason::Binary(at)))?;
    let bad = |why: String| Skip::new(path, SkipReason::BadFormat(why));
    let all_fields: Vec<Fields> = match format {
        Format::Text => vec![plain::parse_text(&text)],
        Format::Markdown => vec![structured::parse_markdown(&text).map_err(bad)?],
        Format::Html => vec![html::extract_page(&text, None).map_err(bad)?],
        Format::Json | Format::Jsonl => {
            let value: serde_json::Value =
                serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| bad(format!("bad JSON: {e}")))?;
            match value {
                serde_json::Value::Object(map) => vec![structured::fields_from_object(&map)],
                serde_json::Value::Array(items) => {
                    items.iter().filter_map(|v| v.as_object().map(structured::fields_from_object)).collect()
                }
                _ => return Err(bad("JSON is not an article object".into())),
            }
        }
    };
    let articles: Vec<Article> = all_fields.into_iter().filter_map(|f| overrides.clone().or(f).finish(path)).collect();
    if articles.is_empty() {
        return Err(Skip::new(path, SkipReason::NoText));
    }
    Ok(articles)
}

fn read_jsonl(path: &Path, file: std::fs::File, overrides: &Fields) -> Result<Parsed, Skip> {
    let mut reader = BufReader::new(file);
    let mut parsed = Parsed::default();
    let mut hasher = blake3::Hasher::new();
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let n = (&mut reader)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| Skip::new(path, SkipReason::Unreadable(io_reason(&e))))?;
        if n == 0 {
            break;
        }
        hasher.update(&line);
        let skip = |reason| Skip { path: path.to_path_buf(), line: Some(number), reason };
        if line.len() > MAX_LINE_BYTES && !line.ends_with(b"\n") {
            parsed.skips.push(skip(SkipReason::TooBig(line.len() as u64)));
            discard_rest_of_line(&mut reader, &mut hasher)
                .map_err(|e| Skip::new(path, SkipReason::Unreadable(io_reason(&e))))?;
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_bytes(path, Format::Jsonl, &line, overrides) {
            Ok(articles) => parsed.articles.extend(articles),
            Err(s) => parsed.skips.push(skip(s.reason)),
        }
    }
    parsed.content_hash = hasher.finalize().to_hex().to_string();
    if parsed.articles.is_empty() && parsed.skips.is_empty() {
        return Err(Skip::new(path, SkipReason::NoText));
    }
    Ok(parsed)
}

fn discard_rest_of_line(reader: &mut impl BufRead, hasher: &mut blake3::Hasher) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                hasher.update(&buf[..=i]);
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                hasher.update(buf);
                reader.consume(n);
            }
        }
    }
}

/// An I/O error as a short reason, without the "(os error 13)" noise.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
