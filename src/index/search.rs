//! Answering questions of the index: searches (ranked by BM25 or by date,
//! with snippets and highlight ranges), lookups by id prefix, and statistics.

use super::docs::{article_from_doc, date_from_tantivy, date_to_tantivy};
use super::flags::FlagSets;
use super::query::{Clause, ParsedQuery, Target, parse};
use super::schema::{KIND_ARTICLE, plain_analyzer, stemmed_analyzer, tokens};
use super::{Catalog, Highlighter, LookupError, Snippet};
use crate::article::{Article, ArticleId, Listing};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Bound;
use std::path::PathBuf;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, EmptyQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

/// Title matches count this much more than body matches.
const TITLE_BOOST: f32 = 2.0;
/// How many words a prefix may expand to.
const PREFIX_EXPANSIONS: u32 = 200;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Relevance,
    Date,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: Sort,
    /// Match the last word as a prefix (search as you type).
    pub prefix_last: bool,
}

impl SearchRequest {
    pub fn new(query: &str) -> SearchRequest {
        SearchRequest { query: query.to_string(), limit: 20, offset: 0, sort: Sort::Relevance, prefix_last: false }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Printed as its four fields, first (`--json`).
    #[serde(flatten)]
    pub listing: Listing,
    pub score: f32,
    pub snippet: Snippet,
    pub paths: Vec<PathBuf>,
    /// Reading state, filled in by whoever keeps it (`state::search`).
    #[serde(default)]
    pub read: bool,
    #[serde(default)]
    pub starred: bool,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    pub sort: Sort,
    /// How many articles match in all (the hits are the first `limit`).
    pub total: usize,
    pub hits: Vec<SearchHit>,
    /// What in the query was ignored or read differently.
    pub hints: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletCount {
    pub outlet: Option<String>,
    pub articles: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub articles: usize,
    pub outlets: Vec<OutletCount>,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub undated: usize,
    pub sources: Vec<PathBuf>,
    pub demo: bool,
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
}

fn any_of(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match queries.len() {
        0 => Box::new(EmptyQuery),
        1 => queries.into_iter().next().expect("one"),
        _ => Box::new(BooleanQuery::new(queries.into_iter().map(|q| (Occur::Should, q)).collect())),
    }
}

impl Catalog {
    fn words_query(&self, field: Field, analyzed: &[String], phrase: bool) -> Option<Box<dyn Query>> {
        let terms: Vec<Term> = analyzed.iter().map(|t| Term::from_field_text(field, t)).collect();
        match terms.len() {
            0 => None,
            1 => Some(term_query(field, &analyzed[0])),
            _ if phrase || field != self.schema.body && field != self.schema.title => {
                Some(Box::new(PhraseQuery::new(terms)))
            }
            // Several tokens from one typed word ("U.S.", "Nord-Stream"): a phrase too.
            _ => Some(Box::new(PhraseQuery::new(terms))),
        }
    }

    fn clause_query(&self, clause: &Clause, flags: &FlagSets) -> Option<Box<dyn Query>> {
        let s = &self.schema;
        match clause {
            Clause::Words { target, words, phrase } => {
                let stemmed: Vec<String> = tokens(&mut stemmed_analyzer(), words).into_iter().map(|t| t.0).collect();
                let plain: Vec<String> = tokens(&mut plain_analyzer(), words).into_iter().map(|t| t.0).collect();
                let in_title = || {
                    self.words_query(s.title, &stemmed, *phrase)
                        .map(|q| Box::new(BoostQuery::new(q, TITLE_BOOST)) as Box<dyn Query>)
                };
                let queries: Vec<Box<dyn Query>> = match target {
                    Target::Text => {
                        [in_title(), self.words_query(s.body, &stemmed, *phrase)].into_iter().flatten().collect()
                    }
                    Target::Title => in_title().into_iter().collect(),
                    Target::Body => self.words_query(s.body, &stemmed, *phrase).into_iter().collect(),
                    Target::Outlet => self.words_query(s.outlet, &plain, true).into_iter().collect(),
                    Target::Byline => self.words_query(s.byline, &plain, true).into_iter().collect(),
                };
                (!queries.is_empty()).then(|| any_of(queries))
            }
            Clause::Prefix(word) => {
                let plain: Vec<String> = tokens(&mut plain_analyzer(), word).into_iter().map(|t| t.0).collect();
                let last = plain.last()?;
                let mut prefix = PhrasePrefixQuery::new(vec![Term::from_field_text(s.words, last)]);
                prefix.set_max_expansions(PREFIX_EXPANSIONS);
                let exact = self
                    .clause_query(&Clause::Words { target: Target::Text, words: word.clone(), phrase: false }, flags);
                Some(any_of([Some(Box::new(prefix) as Box<dyn Query>), exact].into_iter().flatten().collect()))
            }
            Clause::Date(from, to) => {
                let bound = |d: Option<NaiveDate>, upper: bool| match d {
                    None => Bound::Unbounded,
                    Some(d) if upper => {
                        Bound::Excluded(Term::from_field_date(s.date, date_to_tantivy(d.succ_opt().unwrap_or(d))))
                    }
                    Some(d) => Bound::Included(Term::from_field_date(s.date, date_to_tantivy(d))),
                };
                Some(Box::new(RangeQuery::new(bound(*from, false), bound(*to, true))))
            }
            Clause::Flag(flag) => Some(flags.query(s.id, flag)),
        }
    }

    /// The Tantivy query for a parsed query: articles only, every group must
    /// match, negated items must not.
    ///
    /// Only articles have text fields and dates, so a query with a group of
    /// such clauses matches articles alone; the filter on the document kind
    /// is added only when nothing else keeps the library's file records out
    /// (an empty query, only negations, reading-state filters, which may
    /// match any document). Intersecting every prefix with the kind of a
    /// million documents doubled a keystroke's search at 1M.
    fn build_query(&self, parsed: &ParsedQuery, flags: &FlagSets) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut articles_only = false;
        for group in &parsed.groups {
            let (negated, positive): (Vec<_>, Vec<_>) = group.iter().partition(|i| i.negated);
            for item in negated {
                if let Some(q) = self.clause_query(&item.clause, flags) {
                    clauses.push((Occur::MustNot, q));
                }
            }
            let positive: Vec<(bool, Box<dyn Query>)> = positive
                .iter()
                .filter_map(|i| Some((!matches!(i.clause, Clause::Flag(_)), self.clause_query(&i.clause, flags)?)))
                .collect();
            if !positive.is_empty() {
                articles_only |= positive.iter().all(|(only, _)| *only);
                clauses.push((Occur::Must, any_of(positive.into_iter().map(|(_, q)| q).collect())));
            }
        }
        if !articles_only {
            let kind = TermQuery::new(Term::from_field_text(self.schema.kind, KIND_ARTICLE), IndexRecordOption::Basic);
            clauses.insert(0, (Occur::Must, Box::new(kind)));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// A highlighter for the words of `query`, for the reader.
    pub fn highlighter(query: &str, prefix_last: bool) -> Highlighter {
        Highlighter::new(&parse(query, prefix_last))
    }

    /// Run a search. Never fails on the query text: what cannot be used is
    /// dropped and named in `hints`. Reading-state filters match nothing
    /// here (no state is known): see [`Catalog::search_with`].
    pub fn search(&self, req: &SearchRequest) -> anyhow::Result<SearchResults> {
        self.search_with(req, &FlagSets::default())
    }

    /// Run a search whose reading-state filters (`is:read`, `tag:x`) match
    /// the ids in `flags`.
    pub fn search_with(&self, req: &SearchRequest, flags: &FlagSets) -> anyhow::Result<SearchResults> {
        let started = std::time::Instant::now();
        let parsed = parse(&req.query, req.prefix_last);
        // An empty query is every article (newest first, below); so is one
        // that only filters (`is:starred`), which has nothing to rank by.
        let query = self.build_query(&parsed, flags);
        let only_filters = parsed.groups.iter().flatten().all(|i| matches!(i.clause, Clause::Flag(_)));
        let sort = if only_filters { Sort::Date } else { req.sort };
        let searcher = self.reader.searcher();
        self.advised.random_access(&searcher, &self.index_dir());
        // No page is bigger than the library (a huge limit must not overflow);
        // a limit of 0 only counts.
        let docs = searcher.num_docs() as usize;
        let (limit, offset) = (req.limit.min(docs), req.offset.min(docs));
        let (addresses, total): (Vec<(f32, DocAddress)>, usize) = match sort {
            _ if limit == 0 => (Vec::new(), searcher.search(&query, &Count)?),
            Sort::Relevance => {
                let top = TopDocs::with_limit(limit).and_offset(offset).order_by_score();
                searcher.search(&query, &(top, Count))?
            }
            Sort::Date => {
                let docs = self.newest_first(&searcher, query.as_ref(), limit, offset)?;
                (docs.into_iter().map(|addr| (0.0, addr)).collect(), searcher.search(&query, &Count)?)
            }
        };
        let collected = started.elapsed();
        let highlighter = Highlighter::new(&parsed);
        let mut hits = super::hits::read_hits(&searcher, &self.schema, &highlighter, &addresses)?;
        // Equal scores or dates come back in segment order, which changes
        // between runs: break ties by id so a list never shuffles itself.
        match sort {
            Sort::Relevance => {
                hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.listing.id.cmp(&b.listing.id)))
            }
            Sort::Date => {
                hits.sort_by(|a, b| b.listing.date.cmp(&a.listing.date).then_with(|| a.listing.id.cmp(&b.listing.id)))
            }
        }
        tracing::debug!(
            query = %crate::sanitize::clean_line(&req.query),
            total,
            query_us = collected.as_micros() as u64,
            hits_us = (started.elapsed() - collected).as_micros() as u64,
            "searched"
        );
        Ok(SearchResults { query: req.query.clone(), sort, total, hits, hints: parsed.hints })
    }

    /// The article whose id starts with `prefix` (like git), or failing that
    /// the one whose file name starts with it.
    pub fn get(&self, prefix: &str) -> anyhow::Result<Article> {
        let searcher = self.reader.searcher();
        let prefix = prefix.trim();
        if prefix.is_empty() {
            return Err(LookupError::NotFound(prefix.to_string()).into());
        }
        let mut ids = self.ids_with_prefix(&searcher, &prefix.to_ascii_lowercase())?;
        if ids.is_empty() {
            ids = self.ids_by_file_name(&searcher, prefix)?;
        }
        match ids.len() {
            0 => Err(LookupError::NotFound(prefix.to_string()).into()),
            1 => Ok(self.stored_article(&searcher, &ids[0])?.expect("id was just found")),
            _ => {
                let list = ids.iter().take(5).map(|i| i.as_str()).collect::<Vec<_>>().join(", ");
                Err(LookupError::Ambiguous(prefix.to_string(), list).into())
            }
        }
    }

    fn live(&self, searcher: &Searcher, field: Field, value: &str) -> anyhow::Result<bool> {
        let q = TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic);
        Ok(searcher.search(&q, &Count)? > 0)
    }

    fn ids_with_prefix(&self, searcher: &Searcher, prefix: &str) -> anyhow::Result<Vec<ArticleId>> {
        let mut ids = Vec::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.schema.id)?;
            let mut stream = inverted.terms().range().ge(prefix.as_bytes()).into_stream()?;
            while stream.advance() {
                let key = String::from_utf8_lossy(stream.key()).to_string();
                if !key.starts_with(prefix) {
                    break;
                }
                let id = ArticleId(key);
                if !ids.contains(&id) && self.live(searcher, self.schema.id, id.as_str())? {
                    ids.push(id);
                }
            }
        }
        Ok(ids)
    }

    fn ids_by_file_name(&self, searcher: &Searcher, prefix: &str) -> anyhow::Result<Vec<ArticleId>> {
        let mut ids = Vec::new();
        let q = TermQuery::new(Term::from_field_text(self.schema.kind, KIND_ARTICLE), IndexRecordOption::Basic);
        let as_path = std::fs::canonicalize(prefix).ok();
        for addr in searcher.search(&q, &tantivy::collector::DocSetCollector)? {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let a = article_from_doc(&self.schema, &doc);
            let matches = a.paths.iter().any(|p| {
                Some(p) == as_path.as_ref() || p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            });
            if matches && !ids.contains(&a.id) {
                ids.push(a.id);
            }
        }
        ids.sort();
        Ok(ids)
    }

    pub fn stats(&self) -> anyhow::Result<Stats> {
        let searcher = self.reader.searcher();
        let articles = self.article_count()?;
        let mut outlets: Vec<OutletCount> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.schema.outlet_key)?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                let key = String::from_utf8_lossy(stream.key()).to_string();
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        for key in keys {
            let n = searcher.search(
                &TermQuery::new(Term::from_field_text(self.schema.outlet_key, &key), IndexRecordOption::Basic),
                &Count,
            )?;
            if n > 0 {
                outlets.push(OutletCount { outlet: (!key.is_empty()).then_some(key), articles: n });
            }
        }
        outlets.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.outlet.cmp(&b.outlet)));
        let kind = self.build_query(&ParsedQuery::default(), &FlagSets::default());
        let by_date = |order| -> anyhow::Result<Option<NaiveDate>> {
            let top = searcher
                .search(&kind, &TopDocs::with_limit(1).order_by_fast_field::<tantivy::DateTime>("date", order))?;
            Ok(top.first().and_then(|(d, _)| *d).and_then(date_from_tantivy))
        };
        let dated = searcher.search(&self.build_query(&parse("date:1000..", false), &FlagSets::default()), &Count)?;
        Ok(Stats {
            articles,
            outlets,
            first_date: by_date(Order::Asc)?,
            last_date: by_date(Order::Desc)?,
            undated: articles.saturating_sub(dated),
            sources: self.effective_roots()?,
            demo: self.is_demo()?,
        })
    }
}
