//! An answer's body, bounded by what arrives rather than by what the server
//! claims. The `Content-Encoding` layers (gzip, deflate: what byline asks
//! for) are undone while reading, and the cap counts the bytes they give:
//! a megabyte on the wire that inflates to a gibibyte is cut off at the cap,
//! like a body that is simply too long, and neither is ever held whole.

use std::cell::Cell;
use std::io::{self, Read};

/// What byline sends as `Accept-Encoding`: the codings it undoes itself.
/// (Brotli and zstd are left out: gzip and deflate are what every server
/// offers, and one fewer decoder is one fewer thing a server can feed.)
pub const ACCEPTED: &str = "gzip, deflate";

/// Layers of coding undone at most: a server may stack gzip on gzip, but a
/// header listing thousands would cost a decoder (and its window) each.
const MAX_LAYERS: usize = 2;

/// One content coding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Gzip,
    Deflate,
}

impl Coding {
    fn name(self) -> &'static str {
        match self {
            Coding::Gzip => "gzip",
            Coding::Deflate => "deflate",
        }
    }
}

/// Why a body could not be read.
#[derive(Debug)]
pub enum Cut {
    /// More than the cap; `decoded` when a coding made it so.
    TooBig { decoded: bool },
    /// A coding byline does not undo, or too many of them.
    Coding(String),
    /// The coded data is broken.
    Broken(&'static str, io::Error),
    /// Reading itself failed (a timeout, a dropped connection).
    Io(io::Error),
}

/// The codings of a `Content-Encoding` header, in the order they were applied.
pub fn codings(header: Option<&str>) -> Result<Vec<Coding>, Cut> {
    let mut out = Vec::new();
    for name in header.unwrap_or("").split(',').map(|n| n.trim().to_ascii_lowercase()) {
        match name.as_str() {
            "" | "identity" => {}
            "gzip" | "x-gzip" => out.push(Coding::Gzip),
            "deflate" => out.push(Coding::Deflate),
            other => {
                let shown = crate::sanitize::clean_line(&other.chars().take(40).collect::<String>());
                return Err(Cut::Coding(format!("content encoding {shown:?} was not asked for")));
            }
        }
        if out.len() > MAX_LAYERS {
            return Err(Cut::Coding(format!("more than {MAX_LAYERS} content encodings")));
        }
    }
    Ok(out)
}

/// Read `raw`, undoing `codings`, keeping at most `cap` bytes of what comes
/// out; one byte more and reading stops there.
pub fn read_capped(raw: impl Read, codings: &[Coding], cap: u64) -> Result<Vec<u8>, Cut> {
    let state = Cell::new(Raw::Reading);
    // The raw bytes are bounded too: coded data is never much larger than
    // what it decodes to, so more than twice the cap of it is a stream that
    // decodes to little or nothing for ever (empty gzip members, say).
    let raw_cap = cap.saturating_mul(2).saturating_add(64 << 10);
    let mut reader: Box<dyn Read + '_> = Box::new(Watched { inner: raw, left: raw_cap, state: &state });
    for &coding in codings.iter().rev() {
        reader = match coding {
            Coding::Gzip => Box::new(flate2::read::MultiGzDecoder::new(reader)),
            Coding::Deflate => deflate(reader),
        };
    }
    let mut bytes = Vec::new();
    let result = reader.take(cap + 1).read_to_end(&mut bytes);
    let decoded = !codings.is_empty();
    match (result, state.get()) {
        (_, Raw::Over) => Err(Cut::TooBig { decoded }),
        (Err(e), Raw::Failed) => Err(Cut::Io(e)),
        (Err(e), _) => Err(Cut::Broken(codings.first().map_or("coded", |c| c.name()), e)),
        (Ok(_), _) if bytes.len() as u64 > cap => Err(Cut::TooBig { decoded }),
        (Ok(_), _) => Ok(bytes),
    }
}

/// HTTP's "deflate" is zlib-wrapped, but some servers send the bare deflate
/// stream: the first two bytes tell which (RFC 1950's header check).
fn deflate<'a>(reader: Box<dyn Read + 'a>) -> Box<dyn Read + 'a> {
    let mut reader = io::BufReader::new(reader);
    let zlib = match io::BufRead::fill_buf(&mut reader) {
        Ok([cmf, flg, ..]) => cmf & 0x0f == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => true,
    };
    if zlib {
        Box::new(flate2::bufread::ZlibDecoder::new(reader))
    } else {
        Box::new(flate2::bufread::DeflateDecoder::new(reader))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Raw {
    Reading,
    /// The raw stream went past its bound.
    Over,
    /// The raw stream failed (not a decoder).
    Failed,
}

/// The raw reader, bounded, noting how it stopped.
struct Watched<'a, R> {
    inner: R,
    left: u64,
    state: &'a Cell<Raw>,
}

impl<R: Read> Read for Watched<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 && !buf.is_empty() {
            self.state.set(Raw::Over);
            return Err(io::Error::other("the raw body is over its bound"));
        }
        let max = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..max]).inspect_err(|_| self.state.set(Raw::Failed))?;
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn codings_are_undone_in_reverse_order() {
        let text = b"<rss>harbour</rss>".repeat(100);
        let twice = gzip(&gzip(&text));
        let c = codings(Some("gzip, x-gzip")).unwrap();
        assert_eq!(read_capped(&twice[..], &c, 1 << 20).unwrap(), text);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), Compression::default());
        z.write_all(&text).unwrap();
        let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), Compression::default());
        raw.write_all(&text).unwrap();
        for coded in [z.finish().unwrap(), raw.finish().unwrap()] {
            assert_eq!(read_capped(&coded[..], &[Coding::Deflate], 1 << 20).unwrap(), text);
        }
        assert_eq!(codings(Some("identity")).unwrap(), vec![]);
    }

    #[test]
    fn the_cap_counts_decoded_bytes() {
        let bomb = gzip(&vec![0u8; 4 << 20]);
        assert!(bomb.len() < 64 << 10);
        assert!(matches!(read_capped(&bomb[..], &[Coding::Gzip], 1 << 20), Err(Cut::TooBig { decoded: true })));
        assert_eq!(read_capped(&bomb[..], &[Coding::Gzip], 4 << 20).unwrap().len(), 4 << 20);
        let plain = vec![b'x'; 100];
        assert!(matches!(read_capped(&plain[..], &[], 99), Err(Cut::TooBig { decoded: false })));
        assert_eq!(read_capped(&plain[..], &[], 100).unwrap(), plain);
    }

    #[test]
    fn unknown_stacked_or_broken_codings_are_reasons() {
        assert!(matches!(codings(Some("br")), Err(Cut::Coding(w)) if w.contains("\"br\" was not asked for")));
        assert!(matches!(codings(Some("gzip,gzip,gzip")), Err(Cut::Coding(w)) if w.contains("more than 2")));
        let broken = read_capped(&b"\x1f\x8b\x08\0garbage"[..], &[Coding::Gzip], 1 << 20);
        assert!(matches!(broken, Err(Cut::Broken("gzip", _))), "{broken:?}");
    }
}
