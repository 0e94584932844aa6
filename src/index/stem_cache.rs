//! English stemming with a memory: a token filter that gives exactly what
//! Tantivy's [`Stemmer`] gives, remembering each word's stem per thread.
//!
//! Stemming every word of every article was the largest single cost of
//! indexing the body (about a seventh of `byline index`), and a library
//! repeats its words: a hundred thousand articles of 650 words use some
//! tens of thousands of distinct ones. A remembered stem costs one hash
//! lookup and a copy into the token's own buffer, where the stemmer walks
//! its suffix tables and allocates.

use rustc_hash::FxBuildHasher;
use std::cell::RefCell;
use std::collections::HashMap;
use tantivy::tokenizer::{Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// Words remembered at most per thread; then the memory starts again.
const REMEMBERED: usize = 200_000;

/// The memory of one thread: stems by word, and the stemmer for new words.
struct Memory {
    stems: HashMap<Box<str>, Box<str>, FxBuildHasher>,
    stemmer: TextAnalyzer,
}

thread_local! {
    static MEMORY: RefCell<Memory> = RefCell::new(Memory {
        stems: HashMap::default(),
        stemmer: TextAnalyzer::builder(RawTokenizer::default()).filter(Stemmer::new(Language::English)).build(),
    });
}

/// Replace `word` with its English stem.
fn stem_in_place(word: &mut String) {
    MEMORY.with_borrow_mut(|m| {
        if let Some(stem) = m.stems.get(word.as_str()) {
            word.clear();
            word.push_str(stem);
            return;
        }
        let mut stem = String::new();
        m.stemmer.token_stream(word).process(&mut |t| stem.clone_from(&t.text));
        if m.stems.len() >= REMEMBERED {
            m.stems.clear();
        }
        m.stems.insert(word.as_str().into(), stem.as_str().into());
        *word = stem;
    })
}

/// The filter: English stemming, remembered.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream { tail: self.inner.token_stream(text) }
    }
}

pub struct CachedStemmerStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        stem_in_place(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer};

    fn stems(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        analyzer.token_stream(text).process(&mut |t| out.push(t.text.clone()));
        out
    }

    #[test]
    fn remembered_stems_are_the_stemmers_own() {
        let plain = || TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(AsciiFoldingFilter);
        let mut text: String = crate::corpus::demo::FILES.iter().map(|(_, b)| String::from_utf8_lossy(b)).collect();
        text.push_str(" ties dying skies news généralement Пасечник 2022 recognized recognize");
        let expected = stems(plain().filter(Stemmer::new(Language::English)).build(), &text);
        assert!(expected.len() > 3000 && expected.contains(&"recogn".to_string()));
        // Twice: the second time every stem comes from memory.
        for _ in 0..2 {
            assert_eq!(stems(plain().filter(CachedStemmer).build(), &text), expected);
        }
    }
}
