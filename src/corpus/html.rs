//! Saved web pages (`.html`) and fetched feed items to article fields.
//!
//! Interface only: the Readability-style extraction lands with issue 7.
//! `extract` returns what it found; an empty [`Fields`] means "no article
//! text here", and callers fall back to what they already know.

use super::fields::Fields;

/// The article in an HTML page: title, byline, date, canonical url, outlet
/// (site name) and paragraphs, without navigation, ads or comments.
/// `page_url` is where the page came from, when known (a fetched link).
pub fn extract(_html: &str, _page_url: Option<&str>) -> Fields {
    Fields::default()
}
