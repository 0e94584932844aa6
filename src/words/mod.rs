//! Words: how news copy is cut into words, which of them are names,
//! figures, dates and quotes, and how a word is stemmed. The lowest floor
//! under comparison, event grouping and the index (beside `sanitize` and
//! `dates`), so that the three agree on what a word, a name's key or a stem
//! is, and each rule lives once.
//!
//! `cut` cuts words and knows stopwords, possessives and months;
//! `names` finds the runs of capitalised words that name someone and gives
//! the one key of a name's word; [`numbers`] puts figures and dates in one
//! canonical form; `quotes` finds quoted words; [`stems`] is the one
//! remembered English stemmer.

mod cut;
mod names;
pub mod numbers;
mod quotes;
pub mod stems;

pub use cut::{Word, is_acronym, is_stopword, listed, month, strip_possessive, words};
pub use names::{NameRun, folded, name_key, runs, runs_in, same_word};
pub use quotes::{MIN_QUOTE_WORDS, QUOTE_OVERLAP, Quote, quotes, same_quote};
