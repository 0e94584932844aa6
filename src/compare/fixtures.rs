//! Test fixtures: the five real seed articles, parsed by the real parser.

use crate::article::Article;

/// The seed article whose file name starts with `{prefix}_`.
pub fn seed(prefix: &str) -> Article {
    crate::corpus::demo::article(prefix).unwrap_or_else(|| panic!("no seed {prefix}"))
}
