//! Finding an article's likely counterparts without touching all pairs: a
//! MoreLikeThis query built from its most distinctive terms (weighted by how
//! rare they are in the library), answered by the index like any search.

use super::Catalog;
use super::docs::article_from_doc;
use super::schema::{KIND_ARTICLE, stemmed_analyzer, tokens};
use crate::article::{Article, ArticleId};
use std::collections::HashMap;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED, TantivyDocument, Term};

/// How many terms of the article make up the query.
const QUERY_TERMS: usize = 30;
/// Terms in more than this share of the library say nothing about an event.
const MAX_DOC_SHARE: f64 = 0.25;

/// A snapshot of the library for a pass over all of it: every article's
/// address, read one at a time so that a pass never holds the library's
/// text in memory.
pub struct Snapshot {
    searcher: Searcher,
    schema: super::schema::Schema,
    addresses: Vec<DocAddress>,
}

impl Snapshot {
    pub fn len(&self) -> usize {
        self.addresses.len()
    }

    pub fn is_empty(&self) -> bool {
        self.addresses.is_empty()
    }

    /// The `i`th article, in index order.
    pub fn article(&self, i: usize) -> anyhow::Result<Article> {
        let doc: TantivyDocument = self.searcher.doc(self.addresses[i])?;
        Ok(article_from_doc(&self.schema, &doc))
    }

    /// Every article's id, in index order, read from the index's list of
    /// ids rather than from the stored articles: a pass that has already
    /// seen most of the library learns which articles are new without
    /// reading any article's text.
    pub fn ids(&self) -> anyhow::Result<Vec<ArticleId>> {
        let mut by_segment: Vec<Vec<Option<ArticleId>>> = Vec::new();
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(self.schema.id)?;
            let mut ids = vec![None; segment.max_doc() as usize];
            let mut terms = inverted.terms().stream()?;
            while let Some((term, info)) = terms.next() {
                let id = ArticleId(String::from_utf8_lossy(term).into_owned());
                let mut postings = inverted.read_postings_from_terminfo(info, IndexRecordOption::Basic)?;
                while postings.doc() != TERMINATED {
                    if let Some(slot) = ids.get_mut(postings.doc() as usize) {
                        *slot = Some(id.clone());
                    }
                    postings.advance();
                }
            }
            by_segment.push(ids);
        }
        self.addresses
            .iter()
            .map(|a| {
                let id = by_segment.get(a.segment_ord as usize).and_then(|s| s.get(a.doc_id as usize)?.as_ref());
                id.cloned().ok_or_else(|| anyhow::anyhow!("article {a:?} has no id in the index"))
            })
            .collect()
    }
}

impl Catalog {
    /// Up to `k` articles most like `article` (itself excluded), best first.
    pub fn more_like(&self, article: &Article, k: usize) -> anyhow::Result<Vec<Article>> {
        let searcher = self.reader.searcher();
        let mut out = Vec::with_capacity(k);
        for addr in self.more_like_addresses(&searcher, article, k)? {
            let doc: TantivyDocument = searcher.doc(addr)?;
            out.push(article_from_doc(&self.schema, &doc));
        }
        Ok(out)
    }

    fn more_like_addresses(&self, searcher: &Searcher, article: &Article, k: usize) -> anyhow::Result<Vec<DocAddress>> {
        let s = &self.schema;
        let total = searcher.num_docs().max(1) as f64;
        // The title and the lede carry the event: they count twice.
        let lede: String = article.paragraphs.iter().take(3).cloned().collect::<Vec<_>>().join(" ");
        let mut tf: HashMap<String, f64> = HashMap::new();
        let mut analyzer = stemmed_analyzer();
        for (text, weight) in [(article.title.as_str(), 2.0), (lede.as_str(), 1.0), (article.body().as_str(), 1.0)] {
            for (t, _) in tokens(&mut analyzer, text) {
                if t.chars().count() > 2 {
                    *tf.entry(t).or_default() += weight;
                }
            }
        }
        let mut scored: Vec<(f64, String)> = Vec::with_capacity(tf.len());
        for (term, f) in tf {
            let df = searcher.doc_freq(&Term::from_field_text(s.body, &term))? as f64;
            // A term no other article has finds nothing; one in too many says
            // nothing (unless the library is too small to tell).
            let common = df / total > MAX_DOC_SHARE && total >= 20.0;
            if df > 1.0 && !common {
                let idf = (total / df).ln() + 1.0;
                scored.push((f.sqrt() * idf, term));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored.truncate(QUERY_TERMS);
        if scored.is_empty() {
            return Ok(Vec::new());
        }
        let should: Vec<(Occur, Box<dyn Query>)> = scored
            .iter()
            .map(|(w, t)| {
                let q = TermQuery::new(Term::from_field_text(s.body, t), IndexRecordOption::WithFreqs);
                (Occur::Should, Box::new(BoostQuery::new(Box::new(q), *w as f32)) as Box<dyn Query>)
            })
            .collect();
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(Term::from_field_text(s.kind, KIND_ARTICLE), IndexRecordOption::Basic)),
            ),
            (Occur::Must, Box::new(BooleanQuery::new(should))),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(Term::from_field_text(s.id, article.id.as_str()), IndexRecordOption::Basic)),
            ),
        ]);
        let top = searcher.search(&query, &tantivy::collector::TopDocs::with_limit(k).order_by_score())?;
        Ok(top.into_iter().map(|(_, addr)| addr).collect())
    }

    /// Every article in the library, in index order.
    pub fn snapshot(&self) -> anyhow::Result<Snapshot> {
        // The latest commit, whoever made it: at least the one a caller
        // read before asking (the reader reloads only when told to).
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        let q = TermQuery::new(Term::from_field_text(self.schema.kind, KIND_ARTICLE), IndexRecordOption::Basic);
        let mut addresses: Vec<_> = searcher.search(&q, &tantivy::collector::DocSetCollector)?.into_iter().collect();
        addresses.sort();
        Ok(Snapshot { searcher, schema: self.schema.clone(), addresses })
    }
}
