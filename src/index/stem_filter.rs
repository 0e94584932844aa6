//! English stemming with a memory, as a Tantivy token filter: each token
//! is stemmed through the program's one stem memory
//! ([`crate::words::stems`]), which gives what Tantivy's own English
//! [`Stemmer`] gives (the test below holds them together) at one hash lookup
//! per repeated word.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

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
        crate::words::stems::stem_in_place(&mut self.tail.token_mut().text);
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
    use tantivy::tokenizer::{AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

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
