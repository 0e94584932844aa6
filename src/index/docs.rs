//! Articles and file records to Tantivy documents and back, and the stored
//! article with a given id.

use super::schema::{KIND_ARTICLE, KIND_FILE, KIND_SOURCES, Schema};
use crate::article::{Article, ArticleId};
use crate::corpus::FileStamp;
use chrono::{NaiveDate, NaiveTime};
use std::path::PathBuf;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DateTime, TantivyDocument, Term};

/// What the index remembers of one source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRecord {
    pub stamp: FileStamp,
    pub hash: String,
    pub ids: Vec<ArticleId>,
    pub is_sources: bool,
}

/// Tantivy keeps dates as nanoseconds since 1970 in an i64: about 1678 to
/// 2262. Dates outside are clamped to the nearest representable day.
pub fn date_to_tantivy(d: NaiveDate) -> DateTime {
    let min = NaiveDate::from_ymd_opt(1678, 1, 1).expect("valid");
    let max = NaiveDate::from_ymd_opt(2261, 12, 31).expect("valid");
    DateTime::from_timestamp_secs(d.clamp(min, max).and_time(NaiveTime::MIN).and_utc().timestamp())
}

pub fn date_from_tantivy(d: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(d.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// The key outlets are counted by: the outlet as written.
pub fn outlet_key(outlet: Option<&str>) -> &str {
    outlet.unwrap_or("")
}

pub fn article_doc(s: &Schema, a: &Article) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(s.kind, KIND_ARTICLE);
    doc.add_text(s.id, a.id.as_str());
    doc.add_text(s.title, &a.title);
    let body = a.body();
    doc.add_text(s.words, &a.title);
    doc.add_text(s.words, &body);
    doc.add_text(s.body, &body);
    if let Some(outlet) = &a.outlet {
        doc.add_text(s.outlet, outlet);
    }
    doc.add_text(s.outlet_key, outlet_key(a.outlet.as_deref()));
    if let Some(byline) = &a.byline {
        doc.add_text(s.byline, byline);
    }
    if let Some(date) = a.date {
        doc.add_date(s.date, date_to_tantivy(date));
    }
    if let Some(url) = &a.url {
        doc.add_text(s.url, url);
    }
    for path in &a.paths {
        doc.add_text(s.path, path.to_string_lossy());
    }
    doc.add_u64(s.title_derived, a.title_derived as u64);
    doc
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string)
}

pub fn article_from_doc(s: &Schema, doc: &TantivyDocument) -> Article {
    let body = text(doc, s.body).unwrap_or_default();
    Article {
        id: ArticleId(text(doc, s.id).unwrap_or_default()),
        paths: doc.get_all(s.path).filter_map(|v| v.as_str()).map(PathBuf::from).collect(),
        title: text(doc, s.title).unwrap_or_default(),
        title_derived: doc.get_first(s.title_derived).and_then(|v| v.as_u64()) == Some(1),
        outlet: text(doc, s.outlet),
        byline: text(doc, s.byline),
        date: doc.get_first(s.date).and_then(|v| v.as_datetime()).and_then(date_from_tantivy),
        url: text(doc, s.url),
        paragraphs: body.split("\n\n").map(str::to_string).filter(|p| !p.is_empty()).collect(),
    }
}

pub fn file_doc(s: &Schema, path: &std::path::Path, r: &FileRecord) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(s.kind, if r.is_sources { KIND_SOURCES } else { KIND_FILE });
    doc.add_text(s.path, path.to_string_lossy());
    doc.add_u64(s.file_size, r.stamp.size);
    doc.add_i64(s.file_mtime, r.stamp.mtime_ns);
    doc.add_text(s.file_hash, &r.hash);
    for id in &r.ids {
        doc.add_text(s.file_ids, id.as_str());
    }
    doc
}

pub fn file_from_doc(s: &Schema, doc: &TantivyDocument, is_sources: bool) -> Option<(PathBuf, FileRecord)> {
    let path = PathBuf::from(text(doc, s.path)?);
    let record = FileRecord {
        stamp: FileStamp {
            size: doc.get_first(s.file_size).and_then(|v| v.as_u64()).unwrap_or(0),
            mtime_ns: doc.get_first(s.file_mtime).and_then(|v| v.as_i64()).unwrap_or(0),
        },
        hash: text(doc, s.file_hash).unwrap_or_default(),
        ids: doc.get_all(s.file_ids).filter_map(|v| v.as_str()).map(|i| ArticleId(i.to_string())).collect(),
        is_sources,
    };
    Some((path, record))
}

impl super::Catalog {
    /// The stored article with exactly this id, if any.
    pub(crate) fn stored_article(
        &self,
        searcher: &tantivy::Searcher,
        id: &ArticleId,
    ) -> anyhow::Result<Option<Article>> {
        let q = TermQuery::new(Term::from_field_text(self.schema.id, id.as_str()), IndexRecordOption::Basic);
        let top = searcher.search(&q, &tantivy::collector::TopDocs::with_limit(1).order_by_score())?;
        match top.first() {
            Some((_, addr)) => {
                let doc: TantivyDocument = searcher.doc(*addr)?;
                Ok(Some(article_from_doc(&self.schema, &doc)))
            }
            None => Ok(None),
        }
    }
}
