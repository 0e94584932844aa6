//! The word table as the binary carries it: a sorted list of words, each with
//! its frequency rank and a unit vector quantised to bytes, read in place.
//!
//! Nothing is copied or decoded up front: the table is `include_bytes!`
//! data, mapped by the OS like the rest of the binary and paged in only where
//! a lookup touches it, so the first frame pays nothing for it. A word is
//! found by binary search over its sorted offsets (about 16 string compares
//! for the 40,890 words), a vector is a slice of `i8`.
//!
//! Layout (little-endian; `assets/meaning/build.py` writes it):
//!
//! ```text
//! "BYLM" version:u32 dims:u32 words:u32 forms:u32
//! word offsets: (words + 1) x u32 into the word text, words sorted by bytes
//! word text:    UTF-8, the words one after another
//! ranks:        words x u32 (0 = the most frequent word)
//! scales:       words x f32 (a vector's component k is i8[k] * scale)
//! vectors:      words x dims x i8 (unit length before quantising)
//! form offsets: (forms + 1) x u32 into the form text, forms sorted by bytes
//! form text:    UTF-8 inflected forms not in the word list ("went", "mice")
//! form targets: forms x u32, the index of each form's lemma
//! ```

use std::fmt;

/// Why a table cannot be read: the asset is not what this build expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadTable(pub &'static str);

impl fmt::Display for BadTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the word table is damaged: {}", self.0)
    }
}

impl std::error::Error for BadTable {}

const MAGIC: &[u8; 4] = b"BYLM";
const VERSION: u32 = 1;

/// A sorted list of strings: offsets into one text.
#[derive(Clone, Copy)]
struct Strings<'a> {
    offsets: &'a [u8],
    text: &'a [u8],
    len: usize,
}

impl<'a> Strings<'a> {
    fn get(&self, i: usize) -> &'a [u8] {
        let (a, b) = (u32_at(self.offsets, i) as usize, u32_at(self.offsets, i + 1) as usize);
        &self.text[a..b]
    }

    fn find(&self, key: &[u8]) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.get(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// The word table, borrowed from its bytes.
#[derive(Clone, Copy)]
pub struct Table<'a> {
    dims: usize,
    words: Strings<'a>,
    ranks: &'a [u8],
    scales: &'a [u8],
    vectors: &'a [i8],
    forms: Strings<'a>,
    targets: &'a [u8],
}

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(bytes[4 * i..4 * i + 4].try_into().expect("four bytes"))
}

/// Cuts `n` bytes off the front of `rest`.
fn take<'a>(rest: &mut &'a [u8], n: usize) -> Result<&'a [u8], BadTable> {
    if rest.len() < n {
        return Err(BadTable("it ends early"));
    }
    let (head, tail) = rest.split_at(n);
    *rest = tail;
    Ok(head)
}

/// A string list of `len` entries: its offsets, then its text, checked.
fn strings<'a>(rest: &mut &'a [u8], len: usize) -> Result<Strings<'a>, BadTable> {
    let offsets = take(rest, 4 * (len + 1))?;
    let end = u32_at(offsets, len) as usize;
    let text = take(rest, end)?;
    let mut last: Option<&[u8]> = None;
    for i in 0..len {
        let (a, b) = (u32_at(offsets, i) as usize, u32_at(offsets, i + 1) as usize);
        if a > b || b > end {
            return Err(BadTable("a word offset is out of range"));
        }
        if std::str::from_utf8(&text[a..b]).is_err() {
            return Err(BadTable("a word is not UTF-8"));
        }
        if last.is_some_and(|l| l >= &text[a..b]) {
            return Err(BadTable("the words are not sorted"));
        }
        last = Some(&text[a..b]);
    }
    Ok(Strings { offsets, text, len })
}

impl<'a> Table<'a> {
    /// Reads the table's header and checks its parts fit together. Cheap
    /// beside its size: one pass over the offsets, none over the vectors.
    pub fn read(bytes: &'a [u8]) -> Result<Self, BadTable> {
        let mut rest = bytes;
        if take(&mut rest, 4)? != MAGIC {
            return Err(BadTable("it does not start with BYLM"));
        }
        let header = take(&mut rest, 16)?;
        if u32_at(header, 0) != VERSION {
            return Err(BadTable("its version is not 1"));
        }
        let (dims, n, m) = (u32_at(header, 1) as usize, u32_at(header, 2) as usize, u32_at(header, 3) as usize);
        if dims == 0 || dims > 4096 {
            return Err(BadTable("its dimension is out of range"));
        }
        let words = strings(&mut rest, n)?;
        let ranks = take(&mut rest, 4 * n)?;
        let scales = take(&mut rest, 4 * n)?;
        let raw = take(&mut rest, n * dims)?;
        // SAFETY: i8 and u8 have the same size and alignment, and every bit
        // pattern is a valid i8.
        let vectors = unsafe { std::slice::from_raw_parts(raw.as_ptr().cast::<i8>(), raw.len()) };
        let forms = strings(&mut rest, m)?;
        let targets = take(&mut rest, 4 * m)?;
        if (0..m).any(|i| u32_at(targets, i) as usize >= n) {
            return Err(BadTable("a form points past the words"));
        }
        if !rest.is_empty() {
            return Err(BadTable("it has bytes after its end"));
        }
        Ok(Table { dims, words, ranks, scales, vectors, forms, targets })
    }

    pub fn dims(&self) -> usize {
        self.dims
    }

    pub fn len(&self) -> usize {
        self.words.len
    }

    pub fn is_empty(&self) -> bool {
        self.words.len == 0
    }

    /// The index of `word` (exactly as written: the table holds lowercase words).
    pub fn find(&self, word: &str) -> Option<usize> {
        self.words.find(word.as_bytes())
    }

    /// The lemma's index for an irregular inflected form (`went` → `go`).
    pub fn find_form(&self, form: &str) -> Option<usize> {
        self.forms.find(form.as_bytes()).map(|i| u32_at(self.targets, i) as usize)
    }

    pub fn word(&self, i: usize) -> &'a str {
        std::str::from_utf8(self.words.get(i)).expect("checked when read")
    }

    /// 0 for the most frequent word, counting up.
    pub fn rank(&self, i: usize) -> u32 {
        u32_at(self.ranks, i)
    }

    fn scale(&self, i: usize) -> f32 {
        f32::from_le_bytes(self.scales[4 * i..4 * i + 4].try_into().expect("four bytes"))
    }

    /// The quantised vector of word `i`, and the factor that restores it.
    pub fn vector(&self, i: usize) -> (&'a [i8], f32) {
        (&self.vectors[i * self.dims..(i + 1) * self.dims], self.scale(i))
    }

    /// Cosine similarity of two words' vectors (they are unit vectors).
    pub fn cosine(&self, a: usize, b: usize) -> f32 {
        let ((va, sa), (vb, sb)) = (self.vector(a), self.vector(b));
        dot(va, vb) as f32 * sa * sb
    }
}

/// Integer dot product; the compiler vectorises it.
pub fn dot(a: &[i8], b: &[i8]) -> i32 {
    a.iter().zip(b).map(|(&x, &y)| i32::from(x) * i32::from(y)).sum()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Writes a table in the asset's layout (the same as build.py writes).
    pub(crate) fn encode(dims: usize, words: &[(&str, u32, Vec<f32>)], forms: &[(&str, &str)]) -> Vec<u8> {
        let mut words: Vec<&(&str, u32, Vec<f32>)> = words.iter().collect();
        words.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for v in [VERSION, dims as u32, words.len() as u32, forms.len() as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let strings = |out: &mut Vec<u8>, list: &[&str]| {
            let mut at = 0u32;
            out.extend_from_slice(&at.to_le_bytes());
            for w in list {
                at += w.len() as u32;
                out.extend_from_slice(&at.to_le_bytes());
            }
            list.iter().for_each(|w| out.extend_from_slice(w.as_bytes()));
        };
        strings(&mut out, &words.iter().map(|w| w.0).collect::<Vec<_>>());
        words.iter().for_each(|w| out.extend_from_slice(&w.1.to_le_bytes()));
        let units: Vec<Vec<f32>> = words
            .iter()
            .map(|w| {
                let n = w.2.iter().map(|x| x * x).sum::<f32>().sqrt();
                w.2.iter().map(|x| x / n).collect()
            })
            .collect();
        let scales: Vec<f32> = units.iter().map(|u| u.iter().fold(0f32, |m, x| m.max(x.abs())) / 127.0).collect();
        scales.iter().for_each(|s| out.extend_from_slice(&s.to_le_bytes()));
        for (u, s) in units.iter().zip(&scales) {
            out.extend(u.iter().map(|x| (x / s).round() as i8 as u8));
        }
        let mut forms: Vec<&(&str, &str)> = forms.iter().collect();
        forms.sort();
        strings(&mut out, &forms.iter().map(|f| f.0).collect::<Vec<_>>());
        for f in forms {
            let target = words.iter().position(|w| w.0 == f.1).expect("lemma listed") as u32;
            out.extend_from_slice(&target.to_le_bytes());
        }
        out
    }

    #[test]
    fn a_written_table_reads_back() {
        let bytes = encode(
            3,
            &[
                ("help", 10, vec![1.0, 0.2, 0.0]),
                ("assist", 900, vec![0.9, 0.3, 0.1]),
                ("car", 40, vec![0.0, 0.1, 1.0]),
            ],
            &[("helped", "help")],
        );
        let t = Table::read(&bytes).expect("reads");
        assert_eq!(t.len(), 3);
        let (help, assist, car) = (t.find("help").unwrap(), t.find("assist").unwrap(), t.find("car").unwrap());
        assert_eq!(t.word(help), "help");
        assert_eq!(t.rank(assist), 900);
        assert!(t.cosine(help, assist) > 0.9, "{}", t.cosine(help, assist));
        assert!(t.cosine(help, car) < 0.2);
        assert!((t.cosine(car, car) - 1.0).abs() < 0.02);
        assert_eq!(t.find_form("helped"), Some(help));
        assert_eq!(t.find("helped"), None);
        assert_eq!(t.find("zebra"), None);
    }

    #[test]
    fn damaged_tables_are_refused_not_read() {
        let good = encode(2, &[("a", 0, vec![1.0, 0.0]), ("b", 1, vec![0.0, 1.0])], &[]);
        assert!(Table::read(&good).is_ok());
        assert_eq!(Table::read(&good[..good.len() - 1]).err(), Some(BadTable("it ends early")));
        let mut longer = good.clone();
        longer.push(0);
        assert!(Table::read(&longer).is_err());
        let mut magic = good.clone();
        magic[0] = b'X';
        assert!(Table::read(&magic).is_err());
        let mut unsorted = good.clone();
        let text = 4 + 16 + 4 * 3;
        unsorted.swap(text, text + 1);
        assert_eq!(Table::read(&unsorted).err(), Some(BadTable("the words are not sorted")));
        assert!(Table::read(&[]).is_err());
    }
}
