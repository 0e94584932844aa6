//! Searching reads the index at random: the kernel is told so.
//!
//! The index files are memory-mapped, and a page fault in a mapping makes
//! the kernel read ahead around the page, as much as the disk's
//! `read_ahead_kb` (8 MB on this machine). A search touches a few pages here
//! and there (a term's entry, its postings, one 16 KB block of stored
//! articles a hit), so on a cold page cache each fault read megabytes it did
//! not need: at 1M articles, with a dropped cache, the first keystrokes took
//! 40–80 ms and reading 6 hits 26–53 ms. Advised `MADV_RANDOM`, a fault
//! reads the page alone: keystroke p99 11–16 ms over three such runs, and
//! 6 hits about 1 ms.
//!
//! The advice is given by the library that searches, once per segment, and
//! it holds for every read of that mapping in the process: a merge or a
//! grouping pass of the app's own then reads those files without read
//! ahead too (on a cold cache, page by page). `byline index` and `byline
//! events` never search, so their passes over whole files keep the
//! kernel's read ahead. (Tantivy can advise a whole directory when it is
//! opened, `MmapDirectory::open_with_madvice`, but then every process
//! would, the batch ones too.)

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;
use tantivy::Searcher;
use tantivy::index::{SegmentComponent, SegmentId};

/// The files a search reads from, and their extensions.
const COMPONENTS: [(SegmentComponent, &str); 6] = [
    (SegmentComponent::Terms, "term"),
    (SegmentComponent::Postings, "idx"),
    (SegmentComponent::Positions, "pos"),
    (SegmentComponent::FieldNorms, "fieldnorm"),
    (SegmentComponent::FastFields, "fast"),
    (SegmentComponent::Store, "store"),
];

/// Tantivy's footer (its version and a checksum) is a few hundred bytes;
/// a file that ends further than this past the bytes handed out is not
/// laid out as expected, and only those bytes are advised.
const MAX_FOOTER: usize = 64 * 1024;

/// The segments a library has advised (its mappings live as long as it).
#[derive(Default)]
pub(super) struct Advised(Mutex<HashSet<SegmentId>>);

impl Advised {
    /// Advise every segment of `searcher`, whose files are in `dir`, not
    /// advised yet.
    pub(super) fn random_access(&self, searcher: &Searcher, dir: &Path) {
        let Ok(mut advised) = self.0.lock() else { return };
        for segment in searcher.segment_readers() {
            let id = segment.segment_id();
            if !advised.insert(id) {
                continue;
            }
            for (component, extension) in COMPONENTS {
                let file = segment.open_read(component).ok();
                let Some(bytes) = file.and_then(|f| f.read_bytes().ok()) else { continue };
                // The bytes handed out stop short of the file's footer, and
                // the mapping is the whole file: advising only the bytes
                // would leave the footer's last page (a piece of the
                // mapping of its own) reading ahead.
                let file_len = std::fs::metadata(dir.join(format!("{}.{extension}", id.uuid_string())))
                    .map_or(0, |m| m.len() as usize);
                let whole = file_len >= bytes.len() && file_len - bytes.len() <= MAX_FOOTER;
                advise_random(bytes.as_slice().as_ptr() as usize, if whole { file_len } else { bytes.len() });
            }
        }
    }
}

/// `MADV_RANDOM` for the whole pages from `start` for `len` bytes. A hint:
/// memory that is not a file mapping is refused, and reads as before.
fn advise_random(start: usize, len: usize) {
    #[cfg(unix)]
    if len > 0 {
        // SAFETY: sysconf takes no pointers.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(1) as usize;
        let from = start - start % page;
        let to = (start + len).div_ceil(page) * page;
        // SAFETY: MADV_RANDOM changes no memory's contents, only how pages
        // not yet read are read. The range is a file's mapping (Tantivy
        // maps whole files, and the bytes start at the file's start),
        // widened to whole pages, which are mapped as wholes.
        unsafe {
            libc::madvise(from as *mut libc::c_void, to - from, libc::MADV_RANDOM);
        }
    }
    #[cfg(not(unix))]
    let _ = (start, len);
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use crate::config::Paths;
    use crate::index::{Catalog, SearchRequest};
    use crate::synth::{self, OutputFormat};
    use std::path::Path;

    /// The kernel's flags (`VmFlags`) of each mapping of a file under `dir`,
    /// by file name, from /proc/self/smaps.
    fn mapping_flags(dir: &Path) -> Vec<(String, String)> {
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap();
        let mut out = Vec::new();
        let mut file: Option<String> = None;
        for line in smaps.lines() {
            if let Some(flags) = line.strip_prefix("VmFlags:") {
                if let Some(f) = file.take() {
                    out.push((f, flags.trim().to_string()));
                }
            } else if line.split_whitespace().next().is_some_and(|a| a.contains('-') && !a.ends_with(':')) {
                let path = line.split_whitespace().nth(5).map(Path::new);
                file = path.filter(|p| p.starts_with(dir)).and_then(|p| Some(p.file_name()?.to_string_lossy().into()));
            }
        }
        out
    }

    #[test]
    fn after_a_search_the_index_files_are_mapped_for_random_reads() {
        let dir = tempfile::tempdir().unwrap();
        synth::write(&synth::generate(&synth::Config::new(40, 3)), &dir.path().join("corpus"), OutputFormat::Files)
            .unwrap();
        let home = dir.path().join("home");
        let lib = Catalog::open(&Paths::under(&home)).unwrap();
        lib.add_roots(&[dir.path().join("corpus/files")]).unwrap();
        lib.refresh(&|_| {}).unwrap();
        let hits = lib.search(&SearchRequest::new("the")).unwrap().hits;
        assert!(!hits.is_empty());
        let home = home.canonicalize().unwrap();
        let flags = mapping_flags(&home);
        for ext in [".store", ".idx", ".term"] {
            let mapped: Vec<&(String, String)> = flags.iter().filter(|(f, _)| f.ends_with(ext)).collect();
            assert!(!mapped.is_empty(), "a {ext} file is mapped: {flags:?}");
            // `rr`: VM_RAND_READ, what MADV_RANDOM sets.
            assert!(mapped.iter().all(|(_, f)| f.split(' ').any(|x| x == "rr")), "{ext}: {mapped:?}");
        }
    }
}
