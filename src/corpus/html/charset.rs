//! The bytes of a saved page to text, honouring the charset the page itself
//! declares.
//!
//! [`decode`](crate::corpus::decode::decode) already reads UTF-8, UTF-16 with a BOM and
//! falls back to Windows-1252; a page saved from a Cyrillic or Central
//! European site may instead say `<meta charset="koi8-r">` or
//! `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">`
//! (or, for XHTML, `<?xml … encoding="…"?>`), and those bytes read as
//! Windows-1252 would be mojibake. The rule, close to a browser's:
//!
//! 1. a byte-order mark wins;
//! 2. bytes that are valid UTF-8 are UTF-8 (a page re-saved as UTF-8 keeps
//!    its old `<meta charset>` surprisingly often, and legacy text is almost
//!    never valid UTF-8 by accident);
//! 3. otherwise the declared charset, when encoding_rs knows its label and it
//!    is an ASCII-compatible one (the spec treats a declared UTF-16 as UTF-8);
//! 4. otherwise the usual fallback (Windows-1252).

use super::guard::find;
use crate::corpus::decode::{self, DecodeError};
use encoding_rs::Encoding;

/// How far into the page a charset declaration is looked for (browsers
/// pre-scan 1024 bytes; saved pages often put scripts first).
const PRESCAN_BYTES: usize = 8 * 1024;

/// A page whose NUL bytes are this rare (one in a thousand bytes, or
/// fewer) is a text page with a stray NUL, which a browser reads past; more
/// is a binary file.
const STRAY_NULS_PER_BYTE: usize = 1000;

/// The page's text, decoded by the rule in the module doc. A page of
/// markup with a stray NUL in it (a byte lost in a conversion) is read
/// without the NUL, as a browser reads it; any other NUL means binary.
pub fn decode_page(bytes: &[u8]) -> Result<String, DecodeError> {
    match decode_strict(bytes) {
        Err(DecodeError::Binary(_)) if has_stray_nuls(bytes) => {
            decode_strict(&bytes.iter().copied().filter(|&b| b != 0).collect::<Vec<u8>>())
        }
        decoded => decoded,
    }
}

/// Markup (a `<` in its first KiB) with few NULs, none in its first KiB (a
/// binary format puts them in its header).
fn has_stray_nuls(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    head.contains(&b'<') && !head.contains(&0) && nuls * STRAY_NULS_PER_BYTE <= bytes.len()
}

fn decode_strict(bytes: &[u8]) -> Result<String, DecodeError> {
    let has_bom =
        bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if has_bom || std::str::from_utf8(bytes).is_ok() {
        return decode::decode(bytes).map(|(text, _)| text);
    }
    match declared(bytes) {
        Some(enc) if enc != encoding_rs::UTF_8 && enc.is_ascii_compatible() => decode::decode_declared(bytes, enc),
        _ => decode::decode(bytes).map(|(text, _)| text),
    }
}

/// The charset the page declares in a `<meta>` tag or an XML declaration in
/// its first few KiB, when encoding_rs knows the label.
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml")
        && let Some(end) = find(&lower, b"?>", 0)
        && let Some(label) = value_after(&lower[..end], b"encoding=")
    {
        return Encoding::for_label(label);
    }
    let mut from = 0;
    while let Some(start) = find(&lower, b"<meta", from) {
        let end = find(&lower, b">", start).unwrap_or(lower.len());
        if let Some(label) = value_after(&lower[start..end], b"charset=")
            && let Some(enc) = Encoding::for_label(label)
        {
            return Some(enc);
        }
        from = end;
    }
    None
}

/// The value after `key` in a tag: quoted or bare, up to a quote, space, `;`
/// or the end of the tag.
fn value_after<'a>(tag: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let at = find(tag, key, 0)? + key.len();
    let rest = &tag[at..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let len = rest.iter().position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace());
    let label = &rest[..len.unwrap_or(rest.len())];
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_in_meta_http_equiv_and_xml() {
        assert_eq!(declared(b"<html><head><meta charset=\"KOI8-R\">"), Some(encoding_rs::KOI8_R));
        assert_eq!(declared(b"<meta charset=windows-1250>"), Some(encoding_rs::WINDOWS_1250));
        assert_eq!(
            declared(b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-2'>"),
            Some(encoding_rs::ISO_8859_2)
        );
        assert_eq!(declared(b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><html>"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(declared(b"<meta name=\"viewport\" content=\"width=device-width\">"), None);
        assert_eq!(declared(b"<meta charset=\"no-such-charset\"><meta charset=\"utf-8\">"), Some(encoding_rs::UTF_8));
        assert_eq!(declared(b"<meta charset="), None);
    }

    #[test]
    fn a_declared_legacy_charset_is_used_where_the_fallback_would_be_mojibake() {
        // Cyrillic in KOI8-U: as Windows-1252 these bytes would be Latin letters.
        let (bytes, _, _) = encoding_rs::KOI8_U.encode("<meta charset=\"koi8-u\"><p>Київ і Москва</p>");
        assert_eq!(decode_page(&bytes).unwrap(), "<meta charset=\"koi8-u\"><p>Київ і Москва</p>");
        let (bytes, _, _) = encoding_rs::ISO_8859_2.encode("<meta charset=\"iso-8859-2\"><p>Łódź</p>");
        assert_eq!(decode_page(&bytes).unwrap(), "<meta charset=\"iso-8859-2\"><p>Łódź</p>");
    }

    #[test]
    fn valid_utf8_and_boms_win_over_a_stale_declaration() {
        let page = "<meta charset=\"windows-1252\"><p>Café “quoted”</p>";
        assert_eq!(decode_page(page.as_bytes()).unwrap(), page);
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend("<meta charset=\"koi8-r\"><p>Київ</p>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_page(&utf16).unwrap(), "<meta charset=\"koi8-r\"><p>Київ</p>");
        // A declared UTF-16 without a BOM is read as the spec says: not as UTF-16.
        assert_eq!(
            decode_page(b"<meta charset=\"utf-16\"><p>Caf\xe9</p>").unwrap(),
            "<meta charset=\"utf-16\"><p>Café</p>"
        );
    }

    #[test]
    fn binary_stays_binary() {
        assert_eq!(decode_page(b"<meta charset=\"koi8-r\">\xd0\x00"), Err(DecodeError::Binary(24)));
        assert!(matches!(decode_page(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR<p>"), Err(DecodeError::Binary(_))));
    }

    #[test]
    fn a_stray_nul_in_a_long_page_is_read_past() {
        let mut page = format!("<html><body>{}", "<p>The council met on Tuesday.</p>".repeat(100)).into_bytes();
        page.insert(2000, 0);
        let text = decode_page(&page).expect("a page, not a binary file");
        assert!(!text.contains('\0') && text.matches("<p>The council met on Tuesday.</p>").count() == 100, "{text}");
    }
}
