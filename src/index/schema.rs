//! The Tantivy schema and its analyzers: one place that knows field names.
//!
//! Two kinds of document live in the index: articles, and the records of the
//! files they came from (path, size, mtime, content hash, article ids). The
//! file records are committed together with the articles, so what byline
//! knows about indexed files is never ahead of the commit.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema as TSchema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};

/// Bumped whenever the schema or the analyzers change: an index of another
/// version is rebuilt from the sources.
pub const SCHEMA_VERSION: u32 = 1;

/// Both analyzers drop words of this many bytes or more (not words: URLs,
/// hashes, runs of digits).
pub const MAX_WORD_BYTES: usize = 40;

/// English words, stemmed: `recognized` and `recognize` match.
pub const STEMMED: &str = "byline_en";
/// Words as written (lower case, accents folded): for prefixes and outlets.
pub const PLAIN: &str = "byline_plain";

pub const KIND_ARTICLE: &str = "article";
pub const KIND_FILE: &str = "file";
pub const KIND_SOURCES: &str = "sources";

#[derive(Clone)]
pub struct Schema {
    pub schema: TSchema,
    pub kind: Field,
    pub id: Field,
    pub title: Field,
    pub body: Field,
    pub words: Field,
    pub outlet: Field,
    pub outlet_key: Field,
    pub byline: Field,
    pub date: Field,
    pub url: Field,
    pub path: Field,
    pub title_derived: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
    pub file_ids: Field,
}

fn text(tokenizer: &str, record: IndexRecordOption, stored: bool) -> TextOptions {
    let options = TextOptions::default()
        .set_indexing_options(TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record));
    if stored { options.set_stored() } else { options }
}

impl Schema {
    pub fn new() -> Schema {
        let mut b = TSchema::builder();
        let positions = IndexRecordOption::WithFreqsAndPositions;
        let kind = b.add_text_field("kind", STRING);
        let id = b.add_text_field("id", STRING | STORED);
        let title = b.add_text_field("title", text(STEMMED, positions, true));
        let body = b.add_text_field("body", text(STEMMED, positions, true));
        let words = b.add_text_field("words", text(PLAIN, IndexRecordOption::WithFreqs, false));
        let outlet = b.add_text_field("outlet", text(PLAIN, positions, true));
        let outlet_key = b.add_text_field("outlet_key", STRING | FAST);
        let byline = b.add_text_field("byline", text(PLAIN, positions, true));
        let date = b.add_date_field(
            "date",
            DateOptions::from(INDEXED | STORED | FAST).set_precision(DateTimePrecision::Seconds),
        );
        let url = b.add_text_field("url", STORED);
        let path = b.add_text_field("path", STRING | STORED);
        let title_derived = b.add_u64_field("title_derived", STORED);
        let file_size = b.add_u64_field("file_size", STORED);
        let file_mtime = b.add_i64_field("file_mtime", STORED);
        let file_hash = b.add_text_field("file_hash", STORED);
        let file_ids = b.add_text_field("file_ids", STORED);
        Schema {
            schema: b.build(),
            kind,
            id,
            title,
            body,
            words,
            outlet,
            outlet_key,
            byline,
            date,
            url,
            path,
            title_derived,
            file_size,
            file_mtime,
            file_hash,
            file_ids,
        }
    }
}

impl Default for Schema {
    fn default() -> Self {
        Schema::new()
    }
}

/// The analyzer behind [`STEMMED`].
pub fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(super::stem_filter::CachedStemmer)
        .build()
}

/// The analyzer behind [`PLAIN`].
pub fn plain_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The tokens of `text` under `analyzer`, with their byte offsets.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    stream.process(&mut |t| out.push((t.text.clone(), t.offset_from..t.offset_to)));
    out
}

pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(STEMMED, stemmed_analyzer());
    index.tokenizers().register(PLAIN, plain_analyzer());
}
