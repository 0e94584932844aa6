//! One fetch of every feed: ask each feed whether it changed, and for each
//! item not seen before, fetch its page, extract the article and store it.
//! A feed that fails is reported with its reason and the run goes on; the
//! feed list is saved after each feed, so a stopped run keeps what it did.
//! What an item links to is followed only as [`super::trust`] allows; a
//! refused or failed page leaves the item with the feed's own text and a
//! one-line note saying why.

use super::budget::{self, Budget, MAX_NEW_ITEMS};
use super::http::{Failure, Fetched, Fetcher, Validators};
use super::list::{Feed, FeedList};
use super::parse::{Item, parse};
use super::source::Source;
use super::store::{StoredArticle, article_path};
use crate::config::{FeedSettings, Paths};
use crate::corpus::Fields;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What a fetch did, feed by feed.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FetchReport {
    pub feeds: Vec<FeedReport>,
}

impl FetchReport {
    pub fn failed(&self) -> usize {
        self.feeds.iter().filter(|f| f.status == FeedStatus::Failed).count()
    }

    pub fn new_articles(&self) -> usize {
        self.feeds.iter().map(|f| f.items.iter().filter(|i| i.file.is_some()).count()).sum()
    }

    /// One line: `feeds: 2 fetched, 1 unchanged, 1 failed; 3 new articles;
    /// 1 of their pages could not be read (HTTP 404 Not Found)`.
    pub fn summary(&self) -> String {
        let count = |s: FeedStatus| self.feeds.iter().filter(|f| f.status == s).count();
        let items: Vec<&ItemReport> = self.feeds.iter().flat_map(|f| &f.items).collect();
        let pages = unread_pages(&items).map(|p| format!("; {p}")).unwrap_or_default();
        let n = self.new_articles();
        format!(
            "feeds: {} fetched, {} unchanged, {} failed; {n} new article{}{pages}",
            count(FeedStatus::Fetched),
            count(FeedStatus::Unchanged),
            count(FeedStatus::Failed),
            if n == 1 { "" } else { "s" },
        )
    }
}

/// What became of the pages of the new articles that keep the feed's own
/// text, with why (the distinct reasons, two at most): `their pages could
/// not be read (host not found: example.org)`; `None` when every page was read.
pub fn unread_pages(items: &[&ItemReport]) -> Option<String> {
    let stored: Vec<&&ItemReport> = items.iter().filter(|i| i.file.is_some()).collect();
    let unread: Vec<&&ItemReport> = stored.iter().copied().filter(|i| !i.extracted).collect();
    if unread.is_empty() {
        return None;
    }
    let mut reasons: Vec<&str> = Vec::new();
    for note in unread.iter().filter_map(|i| i.note.as_deref()) {
        // The first clause is why the page was not used; what follows ("text cut at …") is of the text kept.
        let why = note.split("; ").next().unwrap_or(note);
        let why = why.strip_prefix("page: ").unwrap_or(why);
        if !reasons.contains(&why) {
            reasons.push(why);
        }
    }
    let more = if reasons.len() > 2 { "; …" } else { "" };
    let why = if reasons.is_empty() {
        String::new()
    } else {
        format!(" ({}{more})", reasons[..reasons.len().min(2)].join("; "))
    };
    let whose = match (unread.len(), stored.len()) {
        (1, 1) => "its page".to_string(),
        (u, s) if u == s => "their pages".to_string(),
        (1, _) => "1 of their pages".to_string(),
        (u, _) => format!("{u} of their pages"),
    };
    Some(format!("{whose} could not be read{why}"))
}

#[derive(Clone, Debug, Serialize)]
pub struct FeedReport {
    pub url: String,
    pub name: String,
    pub status: FeedStatus,
    /// Why it failed, in one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What else a user should know of this feed's fetch, in one line
    /// (items repeated in the feed, items left for the next fetch).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The items new in this fetch.
    pub items: Vec<ItemReport>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedStatus {
    /// Fetched and read (with or without new items).
    Fetched,
    /// The server said 304 Not Modified.
    Unchanged,
    Failed,
}

#[derive(Clone, Debug, Serialize)]
pub struct ItemReport {
    pub title: Option<String>,
    pub url: Option<String>,
    /// The stored article; `None` when the item had no text at all (it is
    /// tried again next time).
    pub file: Option<PathBuf>,
    /// True when the text was extracted from the item's page; false when it
    /// is the feed's own summary or content.
    pub extracted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How far a fetch has got, for progress bars and status lines.
#[derive(Clone, Copy, Debug)]
pub enum FetchProgress<'a> {
    /// Starting feed `done + 1` of `total`.
    Feed { done: usize, total: usize, name: &'a str },
    /// Fetching the page of item `done + 1` of `total` new ones.
    Item { done: usize, total: usize },
    /// A feed is finished.
    FeedDone(&'a FeedReport),
}

/// Fetch every feed in the list, store new articles under `paths.fetched()`.
pub fn fetch_all(
    paths: &Paths,
    settings: FeedSettings,
    progress: &dyn Fn(FetchProgress),
) -> anyhow::Result<FetchReport> {
    let mut list = FeedList::load(&paths.data)?;
    let mut fetcher = Fetcher::new(settings);
    let mut report = FetchReport::default();
    let total = list.feeds.len();
    for i in 0..total {
        progress(FetchProgress::Feed { done: i, total, name: list.feeds[i].display_name() });
        let feed_report = fetch_feed(&mut fetcher, &mut list.feeds[i], &paths.fetched(), progress);
        list.save(&paths.data)?;
        progress(FetchProgress::FeedDone(&feed_report));
        report.feeds.push(feed_report);
    }
    Ok(report)
}

fn fetch_feed(
    fetcher: &mut Fetcher,
    feed: &mut Feed,
    fetched_dir: &Path,
    progress: &dyn Fn(FetchProgress),
) -> FeedReport {
    let mut report = FeedReport {
        url: feed.url.clone(),
        name: String::new(),
        status: FeedStatus::Fetched,
        reason: None,
        note: None,
        items: vec![],
    };
    let outcome = fetch_items(fetcher, feed, fetched_dir, progress, &mut report);
    feed.last_fetch = Some(chrono::Utc::now());
    match outcome {
        Ok(status) => {
            report.status = status;
            feed.last_error = None;
        }
        Err(reason) => {
            report.status = FeedStatus::Failed;
            feed.last_error = Some(reason.clone());
            report.reason = Some(reason);
        }
    }
    report.name = feed.display_name().to_string();
    report
}

/// Fetch one feed and its new items; `Err` is why the feed itself failed.
fn fetch_items(
    fetcher: &mut Fetcher,
    feed: &mut Feed,
    fetched_dir: &Path,
    progress: &dyn Fn(FetchProgress),
    report: &mut FeedReport,
) -> Result<FeedStatus, String> {
    let source = Source::parse(&feed.url)?;
    let since = Validators { etag: feed.etag.clone(), last_modified: feed.last_modified.clone() };
    let body = match fetcher.fetch(&source, &since).map_err(|e| e.to_string())? {
        Fetched::Unchanged => return Ok(FeedStatus::Unchanged),
        Fetched::Body(body) => body,
    };
    let doc =
        parse(&body.bytes, &body.url).map_err(|why| format!("{}: {why}", source.host().unwrap_or(feed.url.clone())))?;
    if doc.title.is_some() {
        feed.title.clone_from(&doc.title);
    }
    let mut new: Vec<&Item> = doc.items.iter().filter(|i| !feed.seen.contains(&i.key)).collect();
    let mut held = new.len().saturating_sub(MAX_NEW_ITEMS);
    new.truncate(MAX_NEW_ITEMS);
    let mut budget = Budget::default();
    let mut all_stored = held == 0;
    for (done, item) in new.iter().enumerate() {
        progress(FetchProgress::Item { done, total: new.len() });
        let (article, note) = article_of(fetcher, &source, feed, item);
        if article.as_ref().is_some_and(|a| !budget.take(budget::text_bytes(&a.body))) {
            // Left, with those after it, for the next fetch.
            held += new.len() - done;
            all_stored = false;
            break;
        }
        let path = article_path(fetched_dir, &feed.slug, &item.key);
        let file = match &article {
            Some(a) => {
                super::store::write(&path, a).map_err(|e| e.to_string())?;
                feed.seen.insert(item.key.clone());
                Some(path)
            }
            None => {
                all_stored = false;
                None
            }
        };
        report.items.push(ItemReport {
            title: item.title.clone(),
            url: item.link.clone(),
            file,
            extracted: article.as_ref().is_some_and(|a| a.extracted),
            note,
        });
    }
    report.note = budget::feed_note(&doc, held);
    // Validators only once every item is stored: a 304 must not hide an item
    // still to be read (one with no text at all is tried again next time).
    if all_stored {
        feed.etag = body.validators.etag;
        feed.last_modified = body.validators.last_modified;
    }
    Ok(FeedStatus::Fetched)
}

/// The article for one item: its page's text when extraction finds some,
/// else the feed's own text with a note saying why; `None` when there is no
/// text at all. The page is fetched only from where the feed (`from`) may
/// send byline.
fn article_of(
    fetcher: &mut Fetcher,
    from: &Source,
    feed: &Feed,
    item: &Item,
) -> (Option<StoredArticle>, Option<String>) {
    let trusted = item.link.as_deref().map(|link| super::trust::page(link, from));
    let (page, note) = match &trusted {
        None => (Fields::default(), Some("no link to follow".to_string())),
        Some(Err(why)) => (Fields::default(), Some(format!("page: {why}"))),
        Some(Ok(source)) => match read_page(fetcher, source) {
            // What the page says of itself (title, site, date) is kept even without its text.
            Ok(fields) if fields.paragraphs.is_empty() => (fields, Some("page: no article text found".into())),
            Ok(fields) => (fields, None),
            Err(why) => (Fields::default(), Some(format!("page: {why}"))),
        },
    };
    let extracted = !page.paragraphs.is_empty();
    let mut body = if extracted { page.paragraphs } else { item.text.clone() };
    if body.is_empty() {
        return (None, Some(note.unwrap_or_default() + "; the feed has no text for it either"));
    }
    let note = match (budget::cut_article(&mut body), note) {
        (false, note) => note,
        (true, note) => {
            let cut = format!("text cut at {} KiB", budget::MAX_ARTICLE_TEXT >> 10);
            Some(note.map_or(cut.clone(), |n| format!("{n}; {cut}")))
        }
    };
    let line = |s: Option<String>| s.map(|s| budget::clip(&s));
    let article = StoredArticle {
        title: line(item.title.clone().or(page.title)),
        // The name the user gave, else what the page calls its site, else the feed's title.
        outlet: line(feed.name.clone().or(page.outlet).or(feed.title.clone())),
        byline: line(item.author.clone().or(page.byline)),
        date: item.date.or(page.date),
        // Only a link byline would follow: a refused one is named in the note.
        url: trusted.and_then(Result::ok).map(|s| s.url()).or(page.url),
        body,
        feed: feed.url.clone(),
        item: item.key.clone(),
        extracted,
        note: note.clone(),
        fetched: chrono::Utc::now(),
    };
    (Some(article), note)
}

/// What the page at `source` holds, or why it cannot be read.
fn read_page(fetcher: &mut Fetcher, source: &Source) -> Result<Fields, String> {
    let body = match fetcher.fetch(source, &Validators::default()) {
        Ok(Fetched::Body(body)) => body,
        Ok(Fetched::Unchanged) => return Err("304 Not Modified".into()),
        // Where it failed, when that is the failure: `host not found: example.org`.
        Err(e) if matches!(e.kind, Failure::HostNotFound | Failure::Connect) => {
            return Err(format!("{}: {}", e.kind, e.at));
        }
        Err(e) => return Err(e.kind.to_string()),
    };
    let html = crate::corpus::html::decode_page(&body.bytes).map_err(|_| "not text".to_string())?;
    super::page::check(&html)?;
    Ok(crate::corpus::html::extract(&html, Some(&body.url)))
}
