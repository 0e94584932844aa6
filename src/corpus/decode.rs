//! Bytes to text, without ever panicking.
//!
//! Scraped news arrives in whatever encoding the scraper wrote: UTF-8 with or
//! without a BOM, UTF-16 with a BOM (or, from some Windows tools, without
//! one), or Windows-1252 when the bytes are not valid UTF-8. A NUL byte that
//! is not part of UTF-16 means the file is binary. Line endings become `\n`.

use std::borrow::Cow;

/// Why a file's bytes could not become article text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("binary file (NUL byte at offset {0})")]
    Binary(usize),
}

/// The encoding a file turned out to have, for messages and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// Decode `bytes` to a `String` with `\n` line endings.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let (text, encoding): (Cow<str>, Encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest), Encoding::Utf8Bom)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, true), Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, false), Encoding::Utf16Be)
    } else if let Some(little_endian) = looks_like_bomless_utf16(bytes) {
        let enc = if little_endian { Encoding::Utf16Le } else { Encoding::Utf16Be };
        (utf16(bytes, little_endian), enc)
    } else {
        if let Some(at) = memchr_nul(bytes) {
            return Err(DecodeError::Binary(at));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (Cow::Borrowed(s), Encoding::Utf8),
            Err(_) => {
                let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                (undefined_as_replacement(s), Encoding::Windows1252)
            }
        }
    };
    finish(text).map(|text| (text, encoding))
}

/// Decode `bytes` that a document says are in `declared` (an HTML page's
/// `<meta charset>`), a byte-per-character or multi-byte legacy charset.
pub fn decode_declared(bytes: &[u8], declared: &'static encoding_rs::Encoding) -> Result<String, DecodeError> {
    if let Some(at) = memchr_nul(bytes) {
        return Err(DecodeError::Binary(at));
    }
    let (s, _) = declared.decode_without_bom_handling(bytes);
    finish(undefined_as_replacement(s))
}

fn finish(text: Cow<'_, str>) -> Result<String, DecodeError> {
    if let Some(at) = text.find('\0') {
        return Err(DecodeError::Binary(at));
    }
    Ok(normalise_newlines(&text))
}

fn utf16(bytes: &[u8], little_endian: bool) -> Cow<'static, str> {
    let enc = if little_endian { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
    let (s, _) = enc.decode_without_bom_handling(bytes);
    Cow::Owned(s.into_owned())
}

/// UTF-16 without a BOM: text in a Latin script has a zero in every other
/// byte. Returns `Some(little_endian)` when at least 90% of the sampled pairs
/// look like that and the length is even.
fn looks_like_bomless_utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let (mut le, mut be) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        match (pair[0], pair[1]) {
            (a, 0) if a != 0 => le += 1,
            (0, b) if b != 0 => be += 1,
            _ => {}
        }
    }
    if le * 10 >= pairs * 9 {
        Some(true)
    } else if be * 10 >= pairs * 9 {
        Some(false)
    } else {
        None
    }
}

/// The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
/// 0x9D) decode to C1 controls (so do 0x80..=0x9F in ISO-8859-x); they are
/// mojibake, not escape sequences, and must not make the sanitizer drop the
/// text after them.
fn undefined_as_replacement(s: Cow<'_, str>) -> Cow<'_, str> {
    if !s.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return s;
    }
    Cow::Owned(s.chars().map(|c| if ('\u{80}'..='\u{9f}').contains(&c) { '\u{fffd}' } else { c }).collect())
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

fn normalise_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_with_bom() {
        assert_eq!(decode("Kyiv — “quote”".as_bytes()).unwrap(), ("Kyiv — “quote”".into(), Encoding::Utf8));
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice("café".as_bytes());
        assert_eq!(decode(&b).unwrap(), ("café".into(), Encoding::Utf8Bom));
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Zelenskiy’s “peace”".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), ("Zelenskiy’s “peace”".into(), Encoding::Utf16Le));
        assert_eq!(decode(&be).unwrap(), ("Zelenskiy’s “peace”".into(), Encoding::Utf16Be));
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "Plain Latin text here".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le).unwrap().0, "Plain Latin text here");
    }

    #[test]
    fn windows_1252_when_not_utf8() {
        // 0x93/0x94 are curly quotes, 0xE9 is é in Windows-1252.
        let bytes = b"\x93Caf\xE9\x94 said";
        assert_eq!(decode(bytes).unwrap(), ("“Café” said".into(), Encoding::Windows1252));
    }

    #[test]
    fn windows_1252_undefined_bytes_are_not_c1_controls() {
        let (text, enc) = decode(b"a\x90b\x9dc \xe9").unwrap();
        assert_eq!((text.as_str(), enc), ("a\u{fffd}b\u{fffd}c é", Encoding::Windows1252));
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc\n").unwrap().0, "a\nb\nc\n");
    }

    #[test]
    fn nul_byte_means_binary_even_late() {
        let mut bytes = vec![b'a'; 70_000];
        bytes.push(0);
        bytes.push(b'b');
        assert_eq!(decode(&bytes), Err(DecodeError::Binary(70_000)));
    }

    #[test]
    fn never_panics_on_garbage() {
        for seed in 0u32..200 {
            let bytes: Vec<u8> =
                (0..seed * 7).map(|i| (i.wrapping_mul(2654435761).wrapping_add(seed) >> 13) as u8).collect();
            let _ = decode(&bytes);
        }
        let _ = decode(&[0xFF, 0xFE, 0x00]);
        let _ = decode(&[0xFE]);
        let _ = decode(&[]);
    }
}
