//! What an index run may find already in the index, without asking it.
//!
//! Every article in the index is listed by the record of a file it came
//! from, and records are committed with their articles. So an id that no
//! record listed when the run began, and that the run has not written since,
//! is not in the index: the run need not look it up, nor delete it before
//! adding it. The same holds for the records themselves, by path. On a new
//! library that is every article: one id lookup and one delete per article
//! saved.
//!
//! The sets keep 64-bit hashes, not the strings (about 16 bytes an article
//! with the table's room to grow): a collision only costs a lookup that
//! finds nothing.

use super::docs::FileRecord;
use crate::article::ArticleId;
use rustc_hash::FxHashSet;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};

#[derive(Default)]
pub(super) struct Listed {
    ids: FxHashSet<u64>,
    paths: FxHashSet<u64>,
}

fn hash<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(value)
}

impl Listed {
    /// What the committed records list.
    pub(super) fn new(records: &HashMap<PathBuf, FileRecord>) -> Listed {
        let mut known = Listed::default();
        for (path, record) in records {
            known.add_path(path);
            for id in &record.ids {
                known.add_id(id);
            }
        }
        known
    }

    pub(super) fn may_have_id(&self, id: &ArticleId) -> bool {
        self.ids.contains(&hash(id.as_str()))
    }

    pub(super) fn may_have_path(&self, path: &Path) -> bool {
        self.paths.contains(&hash(path))
    }

    pub(super) fn add_id(&mut self, id: &ArticleId) {
        self.ids.insert(hash(id.as_str()));
    }

    pub(super) fn add_path(&mut self, path: &Path) {
        self.paths.insert(hash(path));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::FileStamp;

    #[test]
    fn what_a_record_lists_or_the_run_wrote_may_be_there_and_nothing_else() {
        let record = FileRecord {
            stamp: FileStamp { size: 1, mtime_ns: 0 },
            hash: String::new(),
            ids: vec![ArticleId("a1".into())],
            is_sources: false,
        };
        let mut known = Listed::new(&HashMap::from([(PathBuf::from("/lib/a.txt"), record)]));
        assert!(known.may_have_id(&ArticleId("a1".into())));
        assert!(known.may_have_path(Path::new("/lib/a.txt")));
        assert!(!known.may_have_id(&ArticleId("b2".into())));
        assert!(!known.may_have_path(Path::new("/lib/b.txt")));
        known.add_id(&ArticleId("b2".into()));
        known.add_path(Path::new("/lib/b.txt"));
        assert!(known.may_have_id(&ArticleId("b2".into())) && known.may_have_path(Path::new("/lib/b.txt")));
    }
}
