//! Which stored event each grouped article is in, so that `related` calls a
//! counterpart "same event" only when grouping put the two in one event,
//! and the picker, `byline related` and the events view never disagree.
//! A pair can score high and still be left apart (it is far below one
//! side's best pair: another event of the story); the score alone cannot
//! say so from one side.
//!
//! `event-members.bin`: magic, version, the index commit the events were
//! grouped for, then each member's id hash with its event's position,
//! sorted by hash, so it is searched in place through a memory map.
//! Written beside `events.json` whenever the events are stored; a file of
//! another commit is not used (an article's counterparts are then judged
//! by their scores alone).

use super::cluster::Event;
use super::features::hash_bytes;
use crate::article::ArticleId;
use crate::config::Paths;
use std::path::PathBuf;

const MAGIC: &[u8; 4] = b"BYLM";
const VERSION: u32 = 1;
/// Magic, version, commit (u64), members (u64).
const HEADER: usize = 24;
/// An id hash (u64) and an event position (u32).
const ENTRY: usize = 12;

fn file(paths: &Paths) -> PathBuf {
    paths.data.join("event-members.bin")
}

fn id_hash(id: &ArticleId) -> u64 {
    hash_bytes(id.as_str().as_bytes())
}

/// Write the members of `events`, grouped for the index commit `commit`.
pub fn save(paths: &Paths, commit: u64, events: &[Event]) -> anyhow::Result<()> {
    let mut entries: Vec<(u64, u32)> = events
        .iter()
        .enumerate()
        .flat_map(|(e, event)| event.articles.iter().map(move |a| (id_hash(&a.id), e as u32)))
        .collect();
    entries.sort_unstable();
    crate::fsutil::write_atomic_with(&file(paths), |out| {
        let mut bytes = Vec::with_capacity(HEADER + ENTRY * entries.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&VERSION.to_le_bytes());
        bytes.extend_from_slice(&commit.to_le_bytes());
        bytes.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        for (h, e) in &entries {
            bytes.extend_from_slice(&h.to_le_bytes());
            bytes.extend_from_slice(&e.to_le_bytes());
        }
        out.write_all(&bytes)?;
        Ok(())
    })?;
    Ok(())
}

/// The stored members, mapped.
pub struct Members {
    map: memmap2::Mmap,
    len: usize,
}

impl Members {
    /// The members of the events grouped for `commit`; None when there is
    /// no whole file of this version for that commit.
    pub fn load(paths: &Paths, commit: u64) -> Option<Members> {
        let f = std::fs::File::open(file(paths)).ok()?;
        // SAFETY: byline writes the file aside and renames it over this one
        // (`write_atomic_with`), which leaves this mapping on the old file.
        let map = unsafe { memmap2::Mmap::map(&f) }.ok()?;
        let u64_at = |at: usize| Some(u64::from_le_bytes(map.get(at..at + 8)?.try_into().ok()?));
        if map.get(..4)? != MAGIC || map.get(4..8)? != VERSION.to_le_bytes() || u64_at(8)? != commit {
            return None;
        }
        let len = u64_at(16)? as usize;
        (map.len() == HEADER.checked_add(len.checked_mul(ENTRY)?)?).then_some(Members { map, len })
    }

    fn entry(&self, i: usize) -> (u64, u32) {
        let at = HEADER + ENTRY * i;
        let h = u64::from_le_bytes(self.map[at..at + 8].try_into().expect("eight bytes"));
        (h, u32::from_le_bytes(self.map[at + 8..at + 12].try_into().expect("four bytes")))
    }

    /// The position of the event `id` is in; None when it is in none.
    pub fn event_of(&self, id: &ArticleId) -> Option<u32> {
        let key = id_hash(id);
        let (mut lo, mut hi) = (0, self.len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.entry(mid).0.cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.entry(mid).1),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Listing;

    fn event(ids: &[&str]) -> Event {
        let articles: Vec<Listing> = ids
            .iter()
            .map(|id| Listing { id: ArticleId(id.to_string()), title: String::new(), outlet: None, date: None })
            .collect();
        Event { id: ids[0].into(), label: String::new(), articles, outlets: vec![], first_date: None, last_date: None }
    }

    #[test]
    fn members_read_back_for_their_commit_only_and_a_damaged_file_is_refused() {
        let home = tempfile::tempdir().unwrap();
        let paths = Paths::under(home.path());
        std::fs::create_dir_all(&paths.data).unwrap();
        assert!(Members::load(&paths, 7).is_none());
        save(&paths, 7, &[event(&["aa", "bb", "cc"]), event(&["dd", "ee"])]).unwrap();
        let m = Members::load(&paths, 7).unwrap();
        let of = |id: &str| m.event_of(&ArticleId(id.into()));
        assert_eq!((of("aa"), of("cc"), of("dd"), of("ee"), of("zz")), (Some(0), Some(0), Some(1), Some(1), None));
        assert!(Members::load(&paths, 8).is_none(), "another commit's events");
        let bytes = std::fs::read(file(&paths)).unwrap();
        std::fs::write(file(&paths), &bytes[..bytes.len() - 1]).unwrap();
        assert!(Members::load(&paths, 7).is_none());
    }
}
