//! Writing a corpus to disk, one article at a time, so that a million
//! articles never sit in memory together.
//!
//! Layout of a corpus folder:
//!
//! ```text
//! DIR/files/0000/0000000.txt    one article (.txt / .md), or a few (.jsonl),
//! DIR/files/0000/0000001.jsonl  a thousand files per sub-folder
//! DIR/shards/shard-00000.jsonl  --shard-size articles per shard
//! DIR/truth.jsonl               one line per article
//! DIR/events.jsonl              one line per planted event
//! ```
//!
//! Index `DIR/files` or `DIR/shards` (indexing `DIR` itself would also read
//! the truth files as articles).

use super::article::GenArticle;
use super::render;
use super::truth::{EVENTS_FILE, GenEvent, TRUTH_FILE, TruthEntry, WriteStats};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What to write: one file per article (and small JSONL batches), JSONL
/// shards, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Files,
    Shards,
    Both,
}

impl OutputFormat {
    fn files(self) -> bool {
        self != OutputFormat::Shards
    }

    fn shards(self) -> bool {
        self != OutputFormat::Files
    }
}

struct Open {
    number: u64,
    out: BufWriter<File>,
    lines: u64,
    rel: String,
}

pub struct Writer {
    dir: PathBuf,
    format: OutputFormat,
    shard_size: u64,
    jsonl: Option<Open>,
    shard: Option<Open>,
    bucket: Option<u64>,
    truth: BufWriter<File>,
    buf: String,
    line: String,
    stats: WriteStats,
    started: Instant,
}

/// Where file number `number` goes, relative to the corpus folder.
pub fn rel_path(number: u64, ext: &str) -> String {
    format!("files/{:04}/{number:07}.{ext}", number / 1000)
}

/// Writes the single-article files (`.txt`, `.md`) of a corpus, from any
/// thread, so that creating a million files is not one thread's work.
pub struct Singles {
    dir: PathBuf,
}

impl Singles {
    /// Write `a`'s file if it is a single-article file; its size in bytes.
    pub fn write(&self, a: &GenArticle) -> io::Result<Option<usize>> {
        if a.kind == super::plan::FileKind::Jsonl {
            return Ok(None);
        }
        let mut buf = String::with_capacity(8 * 1024);
        render::single(a, &mut buf);
        let path = self.dir.join(rel_path(a.file as u64, a.kind.ext()));
        match std::fs::write(&path, buf.as_bytes()) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                std::fs::create_dir_all(path.parent().expect("a bucket folder"))?;
                std::fs::write(&path, buf.as_bytes())?;
            }
            other => other?,
        }
        Ok(Some(buf.len()))
    }
}

/// Remove what an earlier run wrote into `dir` (and nothing else).
pub fn clear(dir: &Path) -> io::Result<()> {
    for sub in ["files", "shards"] {
        match std::fs::remove_dir_all(dir.join(sub)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    for f in [TRUTH_FILE, EVENTS_FILE] {
        match std::fs::remove_file(dir.join(f)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

fn create(path: &Path) -> io::Result<BufWriter<File>> {
    Ok(BufWriter::with_capacity(256 * 1024, File::create(path)?))
}

impl Writer {
    /// Start writing into `dir`, which must not hold a corpus already.
    pub fn create(dir: &Path, format: OutputFormat, shard_size: usize) -> io::Result<Writer> {
        std::fs::create_dir_all(dir)?;
        if dir.join(TRUTH_FILE).exists() || dir.join("files").exists() || dir.join("shards").exists() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} already holds a generated corpus (byline-gen --force replaces it)", dir.display()),
            ));
        }
        if format.shards() {
            std::fs::create_dir_all(dir.join("shards"))?;
        }
        Ok(Writer {
            dir: dir.to_path_buf(),
            format,
            shard_size: shard_size.max(1) as u64,
            jsonl: None,
            shard: None,
            bucket: None,
            truth: create(&dir.join(TRUTH_FILE))?,
            buf: String::with_capacity(64 * 1024),
            line: String::with_capacity(64 * 1024),
            stats: WriteStats::default(),
            started: Instant::now(),
        })
    }

    fn file_rel(&mut self, number: u64, ext: &str) -> io::Result<String> {
        let bucket = number / 1000;
        if self.bucket != Some(bucket) {
            std::fs::create_dir_all(self.dir.join(format!("files/{bucket:04}")))?;
            self.bucket = Some(bucket);
        }
        Ok(rel_path(number, ext))
    }

    /// A handle that writes single-article files from any thread.
    pub fn singles(&self) -> Option<Singles> {
        self.format.files().then(|| Singles { dir: self.dir.clone() })
    }

    /// Write one article (articles must come in key order) and its truth line.
    pub fn push(&mut self, a: &GenArticle) -> io::Result<TruthEntry> {
        self.push_written(a, None)
    }

    /// Like [`Writer::push`], for an article whose single file (`.txt` or
    /// `.md`) [`Singles::write`] already wrote, `bytes` long.
    pub fn push_written(&mut self, a: &GenArticle, bytes: Option<usize>) -> io::Result<TruthEntry> {
        let mut entry = TruthEntry {
            key: a.key,
            id: a.id.0.clone(),
            file: None,
            line: None,
            shard: None,
            shard_line: None,
            title: a.title.clone(),
            title_in_file: a.title_in_file,
            outlet: a.outlet.clone(),
            source: a.source.clone(),
            date: a.date,
            byline: a.byline.clone(),
            url: a.url.clone(),
            event: a.event,
            storyline: a.storyline,
            copy_of: a.copy_of.map(|c| c.0),
            copy: a.copy_of.map(|c| c.1),
            words: a.word_count(),
        };
        let needs_line = self.format.shards() || a.kind == super::plan::FileKind::Jsonl;
        if needs_line {
            self.line.clear();
            render::jsonl(a, &mut self.line);
        }
        if self.format.files() {
            let number = a.file as u64;
            if a.kind == super::plan::FileKind::Jsonl {
                if self.jsonl.as_ref().is_none_or(|o| o.number != number) {
                    self.close_jsonl()?;
                    let rel = self.file_rel(number, "jsonl")?;
                    self.jsonl = Some(Open { number, out: create(&self.dir.join(&rel))?, lines: 0, rel });
                    self.stats.files += 1;
                }
                let open = self.jsonl.as_mut().expect("just opened");
                open.out.write_all(self.line.as_bytes())?;
                open.lines += 1;
                self.stats.bytes += self.line.len() as u64;
                entry.file = Some(open.rel.clone());
                entry.line = Some(open.lines);
            } else {
                let rel = self.file_rel(number, a.kind.ext())?;
                let bytes = match bytes {
                    Some(n) => n,
                    None => {
                        self.buf.clear();
                        render::single(a, &mut self.buf);
                        std::fs::write(self.dir.join(&rel), self.buf.as_bytes())?;
                        self.buf.len()
                    }
                };
                self.stats.files += 1;
                self.stats.bytes += bytes as u64;
                entry.file = Some(rel);
            }
        }
        if self.format.shards() {
            let number = a.key / self.shard_size;
            if self.shard.as_ref().is_none_or(|o| o.number != number) {
                if let Some(mut old) = self.shard.take() {
                    old.out.flush()?;
                }
                let rel = format!("shards/shard-{number:05}.jsonl");
                self.shard = Some(Open { number, out: create(&self.dir.join(&rel))?, lines: 0, rel });
                self.stats.shards += 1;
            }
            let open = self.shard.as_mut().expect("just opened");
            open.out.write_all(self.line.as_bytes())?;
            open.lines += 1;
            self.stats.bytes += self.line.len() as u64;
            entry.shard = Some(open.rel.clone());
            entry.shard_line = Some(open.lines);
        }
        serde_json::to_writer(&mut self.truth, &entry)?;
        self.truth.write_all(b"\n")?;
        self.stats.articles += 1;
        Ok(entry)
    }

    fn close_jsonl(&mut self) -> io::Result<()> {
        if let Some(mut old) = self.jsonl.take() {
            old.out.flush()?;
        }
        Ok(())
    }

    /// Write `events.jsonl` and flush everything.
    pub fn finish(mut self, events: &[GenEvent]) -> io::Result<WriteStats> {
        self.close_jsonl()?;
        if let Some(mut old) = self.shard.take() {
            old.out.flush()?;
        }
        self.truth.flush()?;
        let mut out = create(&self.dir.join(EVENTS_FILE))?;
        for e in events {
            serde_json::to_writer(&mut out, e)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        self.stats.events = events.len() as u64;
        self.stats.seconds = self.started.elapsed().as_secs_f64();
        Ok(self.stats)
    }
}
