//! Newest first without ranking the whole library by date.
//!
//! The list a person sees first (an empty query, newest first) and every
//! `--sort date` search want a page of the newest matches. Ranking all
//! matches by date visits each of them: 21 ms for a million articles, most
//! of the first frame's wait. The newest page almost always lies in the
//! last weeks of the library, so the search is tried on those first, then
//! on a wider window, and on everything only when a window holds too few.
//! A window's page is the whole library's page whenever the window holds
//! the page entirely: every article outside it is older, or undated (and
//! undated articles come last).

use super::Catalog;
use std::ops::Bound;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery};
use tantivy::{DateTime, DocAddress, Order, Searcher, Term};

/// The windows tried before the whole library, in days before its newest article.
const WINDOWS_DAYS: [i64; 2] = [31, 366];

impl Catalog {
    /// The `limit` newest matches of `query` after skipping `offset`, newest first.
    pub(super) fn newest_first(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
        offset: usize,
    ) -> anyhow::Result<Vec<DocAddress>> {
        let top = || TopDocs::with_limit(limit).and_offset(offset).order_by_fast_field::<DateTime>("date", Order::Desc);
        let addresses = |docs: Vec<(Option<DateTime>, DocAddress)>| docs.into_iter().map(|(_, a)| a).collect();
        if let Some(newest) = newest_date(searcher) {
            for days in WINDOWS_DAYS {
                // In nanoseconds, saturating: a hostile file may date an
                // article at the very edge of what a date can hold.
                let from = DateTime::from_timestamp_nanos(
                    newest.into_timestamp_nanos().saturating_sub(days * 86_400 * 1_000_000_000),
                );
                let window = BooleanQuery::new(vec![
                    (Occur::Must, query.box_clone()),
                    (
                        Occur::Must,
                        Box::new(RangeQuery::new(
                            Bound::Included(Term::from_field_date(self.schema.date, from)),
                            Bound::Unbounded,
                        )),
                    ),
                ]);
                let docs = searcher.search(&window, &top())?;
                // A full page: the window holds everything up to it.
                if docs.len() == limit {
                    return Ok(addresses(docs));
                }
            }
        }
        Ok(addresses(searcher.search(query, &top())?))
    }
}

/// The newest date of any article (deleted ones included: only a bound).
fn newest_date(searcher: &Searcher) -> Option<DateTime> {
    searcher
        .segment_readers()
        .iter()
        .filter(|s| s.num_docs() > 0)
        .filter_map(|s| s.fast_fields().date("date").ok())
        .map(|column| column.max_value())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Paths;
    use crate::synth::{self, OutputFormat};

    #[test]
    fn a_window_gives_the_same_page_as_ranking_every_article() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = synth::generate(&synth::Config::new(300, 7));
        synth::write(&corpus, &dir.path().join("corpus"), OutputFormat::Files).unwrap();
        let lib = Catalog::open(&Paths::under(&dir.path().join("home"))).unwrap();
        lib.add_roots(&[dir.path().join("corpus/files")]).unwrap();
        lib.refresh(&|_| {}).unwrap();
        let searcher = lib.reader.searcher();
        let everything = tantivy::query::AllQuery;
        let ranked = |limit: usize, offset: usize| -> Vec<(Option<DateTime>, DocAddress)> {
            let top =
                TopDocs::with_limit(limit).and_offset(offset).order_by_fast_field::<DateTime>("date", Order::Desc);
            searcher.search(&everything, &top).unwrap()
        };
        // The newest ten lie within the first window, the next pages in the
        // second, the last ones only in the whole library.
        let newest = ranked(10, 0);
        let span = newest[0].0.unwrap().into_timestamp_secs() - newest[9].0.unwrap().into_timestamp_secs();
        assert!(span < 31 * 86_400, "{span} s");
        for (limit, offset) in [(10, 0), (20, 40), (60, 0), (7, 290), (5, 295), (300, 0)] {
            let expected: Vec<DocAddress> = ranked(limit, offset).into_iter().map(|(_, a)| a).collect();
            assert_eq!(
                lib.newest_first(&searcher, &everything, limit, offset).unwrap(),
                expected,
                "{limit} from {offset}"
            );
        }
    }
}
