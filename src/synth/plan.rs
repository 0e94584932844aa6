//! The plan of a corpus, made before any text: which storylines and events
//! exist, how many outlets cover each, on which day, in which order the
//! articles come out, and which file each one goes into.
//!
//! The plan is small (a few bytes per article), so it is held whole even for
//! a million articles; the text of each article is then generated from the
//! plan alone, in any order, which is what lets the writer stream to disk.

use super::Config;
use super::outlets::OUTLETS;
use super::rng::{Rng, mix};
use super::story::{Happening, Storyline};
use chrono::NaiveDate;

pub const NONE: u32 = u32::MAX;

pub const TAG_PLAN: u64 = 1;
pub const TAG_STORY: u64 = 2;
pub const TAG_HAP: u64 = 3;
pub const TAG_DRAFT: u64 = 4;
pub const TAG_META: u64 = 5;
pub const TAG_LAYOUT: u64 = 6;
pub const TAG_ONEOFF: u64 = 7;

/// The kind of file an article is written to (shards are always JSONL).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Txt,
    Md,
    Jsonl,
}

impl FileKind {
    pub fn ext(self) -> &'static str {
        match self {
            FileKind::Txt => "txt",
            FileKind::Md => "md",
            FileKind::Jsonl => "jsonl",
        }
    }
}

/// One thing that happened: an event (`size >= 2`) or a singleton.
#[derive(Clone, Copy, Debug)]
pub struct HapPlan {
    /// The crisis storyline it belongs to, or [`NONE`] for a one-off.
    pub storyline: u32,
    /// Days after the corpus start.
    pub day: u32,
    pub size: u8,
    /// Event id, or [`NONE`] for a singleton.
    pub event: u32,
}

/// An article's place in the plan, by its key (its position in the output).
#[derive(Clone, Copy, Debug)]
pub struct Slot {
    pub hap: u32,
    pub member: u8,
    pub kind: FileKind,
    /// The number of the file it goes into (JSONL files hold several articles).
    pub file: u32,
}

pub struct Plan {
    pub cfg: Config,
    pub haps: Vec<HapPlan>,
    /// Event id -> happening.
    pub events: Vec<u32>,
    /// Article key -> slot.
    pub slots: Vec<Slot>,
    /// Happening -> start of its members' keys in `member_keys`.
    key_offsets: Vec<u32>,
    member_keys: Vec<u32>,
}

const STORY_EVENTS: &[u32] = &[0, 30, 25, 20, 12, 8, 5];
const EVENT_SIZES: &[u32] = &[0, 0, 30, 25, 17, 11, 8, 5, 4];
const STORY_SINGLES: &[u32] = &[45, 35, 20];

impl Plan {
    pub fn new(cfg: &Config) -> Plan {
        let n = cfg.articles;
        let mut rng = Rng::derive(cfg.seed, TAG_PLAN, 0);
        let event_target = ((n as f64 * cfg.event_share).round() as usize).min(n);
        let mut singles_left = n - event_target;
        let mut event_articles = 0usize;
        let mut haps: Vec<HapPlan> = Vec::new();
        let mut events: Vec<u32> = Vec::new();
        let mut storylines = 0u32;
        let span = cfg.days.max(1);
        while event_target - event_articles >= clamp_size(2, cfg) {
            let story = storylines;
            storylines += 1;
            let start = rng.below(span.saturating_sub(20).max(1) as usize) as u32;
            let mut day = start;
            for _ in 0..rng.weighted(STORY_EVENTS) {
                let left = event_target - event_articles;
                let size = clamp_size(rng.weighted(EVENT_SIZES), cfg).min(left);
                if size < clamp_size(2, cfg) {
                    break;
                }
                events.push(haps.len() as u32);
                haps.push(HapPlan { storyline: story, day, size: size as u8, event: events.len() as u32 - 1 });
                event_articles += size;
                day += rng.range(1, 4) as u32;
            }
            // Single articles in the storyline: more hard negatives.
            for _ in 0..rng.weighted(STORY_SINGLES) {
                if singles_left == 0 {
                    break;
                }
                singles_left -= 1;
                let day = start + rng.below((day - start + 1) as usize) as u32;
                haps.push(HapPlan { storyline: story, day, size: 1, event: NONE });
            }
        }
        singles_left += event_target - event_articles;
        for _ in 0..singles_left {
            haps.push(HapPlan { storyline: NONE, day: rng.below(span as usize) as u32, size: 1, event: NONE });
        }
        let mut slots: Vec<Slot> = Vec::with_capacity(n);
        for (h, hp) in haps.iter().enumerate() {
            for m in 0..hp.size {
                slots.push(Slot { hap: h as u32, member: m, kind: FileKind::Txt, file: 0 });
            }
        }
        rng.shuffle(&mut slots);
        layout(cfg, &mut slots);
        let mut key_offsets = Vec::with_capacity(haps.len());
        let mut total = 0u32;
        for hp in &haps {
            key_offsets.push(total);
            total += hp.size as u32;
        }
        let mut member_keys = vec![0u32; slots.len()];
        for (key, s) in slots.iter().enumerate() {
            member_keys[(key_offsets[s.hap as usize] + s.member as u32) as usize] = key as u32;
        }
        Plan { cfg: cfg.clone(), haps, events, slots, key_offsets, member_keys }
    }

    /// The key of member `m` of happening `h`.
    pub fn key_of(&self, h: usize, m: usize) -> u64 {
        self.member_keys[self.key_offsets[h] as usize + m] as u64
    }

    /// The keys of the articles of event `e`, by member.
    pub fn event_keys(&self, e: usize) -> Vec<u64> {
        let h = self.events[e] as usize;
        (0..self.haps[h].size as usize).map(|m| self.key_of(h, m)).collect()
    }

    pub fn date(&self, day: u32) -> NaiveDate {
        self.cfg.start + chrono::Days::new(day as u64)
    }

    /// The facts of happening `h`, rebuilt from its seed.
    pub fn happening(&self, h: usize) -> Happening {
        let hp = &self.haps[h];
        let story = if hp.storyline == NONE {
            Storyline::new(mix(mix(self.cfg.seed, TAG_ONEOFF), h as u64), false)
        } else {
            Storyline::new(mix(mix(self.cfg.seed, TAG_STORY), hp.storyline as u64), true)
        };
        Happening::new(mix(mix(self.cfg.seed, TAG_HAP), h as u64), story, self.date(hp.day), hp.size as usize)
    }
}

/// An event size within the config's bounds (and the number of outlets).
fn clamp_size(size: usize, cfg: &Config) -> usize {
    let max = cfg.max_outlets.min(OUTLETS.len());
    let min = cfg.min_outlets.max(2).min(max);
    size.clamp(min, max.max(min))
}

/// Which file each article goes into: single `.txt` and `.md` files, and
/// `.jsonl` files of a few articles each, in the shares the config asks for.
fn layout(cfg: &Config, slots: &mut [Slot]) {
    let mut rng = Rng::derive(cfg.seed, TAG_LAYOUT, 0);
    let [txt, md, jsonl] = cfg.format_shares;
    let mean_batch = 7.0;
    // The chance a file is JSONL so that `jsonl` of the articles are.
    let total = (txt + md + jsonl).max(f64::MIN_POSITIVE);
    let share = jsonl / total;
    let p_jsonl = if share >= 1.0 { 1.0 } else { share / (mean_batch * (1.0 - share) + share) };
    let mut file = 0u32;
    let mut i = 0;
    while i < slots.len() {
        let (kind, count) = if rng.chance(p_jsonl) {
            (FileKind::Jsonl, rng.range(2, 12))
        } else if rng.unit() * (txt + md) < txt {
            (FileKind::Txt, 1)
        } else {
            (FileKind::Md, 1)
        };
        let end = (i + count).min(slots.len());
        for s in slots[i..end].iter_mut() {
            s.kind = kind;
            s.file = file;
        }
        i += count;
        file += 1;
    }
}
