//! Reading a page of hits: each hit's stored article and its snippet.
//!
//! Each hit is a read of the article store (a page fault, on a cold page
//! cache a disk read) and a snippet (some CPU). Done one after the other,
//! the reads wait in turn; a small pool of threads overlaps them, and the
//! snippets use both cores. At 1M articles, from a dropped page cache,
//! reading a keystroke's 6 hits took p50 0.98 / p90 1.47 ms through the pool
//! and 1.67 / 2.83 ms one after the other (261 searches each way; the index
//! advised for random reads, see `madvise`).

use super::docs::article_from_doc;
use super::schema::Schema;
use super::{Highlighter, SearchHit};
use crate::article::Listing;
use rayon::prelude::*;
use std::sync::OnceLock;
use tantivy::{DocAddress, Searcher, TantivyDocument};

/// Reads in flight at once, at most.
const READERS: usize = 8;

fn readers() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new().num_threads(READERS).thread_name(|i| format!("byline-read-{i}")).build().ok()
    })
    .as_ref()
}

/// The hits at `addresses` (with their scores), in the same order.
pub(super) fn read_hits(
    searcher: &Searcher,
    schema: &Schema,
    highlighter: &Highlighter,
    addresses: &[(f32, DocAddress)],
) -> anyhow::Result<Vec<SearchHit>> {
    let hit = |&(score, addr): &(f32, DocAddress)| -> anyhow::Result<SearchHit> {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let article = article_from_doc(schema, &doc);
        Ok(SearchHit {
            snippet: highlighter.snippet(&article.paragraphs),
            listing: Listing { id: article.id, title: article.title, outlet: article.outlet, date: article.date },
            score,
            paths: article.paths,
            read: false,
            starred: false,
            tags: Vec::new(),
        })
    };
    match readers() {
        Some(pool) if addresses.len() > 1 => pool.install(|| addresses.par_iter().with_max_len(1).map(hit).collect()),
        // No threads to be had: one read after the other.
        _ => addresses.iter().map(hit).collect(),
    }
}
