//! The vocabulary: a few hundred real English words (see `words`) and tens of
//! thousands of generated pseudo-words, each with a part of speech, its
//! inflected forms, a global frequency rank and a synonym group.
//!
//! Content words are drawn by a Zipf law over their global rank, so term
//! statistics look like news: a few types are very common, most are rare.
//! The lexicon does not depend on the corpus seed: it is built once per
//! process from a fixed seed, the same for every corpus.

use super::rng::{FnvBuild, Rng, Zipf};
use super::words::{ADJECTIVES, ADVERBS, AVOID, FUNCTION, NOUNS, SYNONYMS, VERBS};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Number of word types (function words included).
pub const VOCABULARY: usize = 50_000;
/// Zipf exponent and offset of the rank law.
const ZIPF_S: f64 = 1.05;
const ZIPF_Q: f64 = 2.7;
const LEXICON_SEED: u64 = 0x6279_6c69_6e65;

pub type WordId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    Noun = 0,
    Verb = 1,
    Adj = 2,
    Adv = 3,
}

/// Which form of a word: a noun's singular or plural, a verb's base, past or
/// third person singular.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Base = 0,
    Alt = 1,
    Third = 2,
}

pub struct Entry {
    pub pos: Pos,
    /// Base, alternate (plural / past) and third-person forms.
    pub forms: [Box<str>; 3],
    pub real: bool,
}

impl Entry {
    pub fn form(&self, f: Form) -> &str {
        &self.forms[f as usize]
    }
}

pub struct Lexicon {
    pub words: Vec<Entry>,
    by_pos: [Vec<WordId>; 4],
    zipf: [Zipf; 4],
    /// Per word: start and length of its synonym group in `syn_pool`.
    syn_of: Vec<(u32, u32)>,
    syn_pool: Vec<WordId>,
    /// Surface form -> word and form, for rewording finished text.
    surface: HashMap<Box<str>, (WordId, Form), FnvBuild>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

fn plural(s: &str) -> String {
    if s.ends_with(['s', 'x', 'z']) || s.ends_with("sh") || s.ends_with("ch") {
        format!("{s}es")
    } else if let Some(stem) = s.strip_suffix('y').filter(|t| !t.ends_with(['a', 'e', 'i', 'o', 'u'])) {
        format!("{stem}ies")
    } else {
        format!("{s}s")
    }
}

fn past(s: &str) -> String {
    if s.ends_with('e') {
        format!("{s}d")
    } else if let Some(stem) = s.strip_suffix('y').filter(|t| !t.ends_with(['a', 'e', 'i', 'o', 'u'])) {
        format!("{stem}ied")
    } else {
        format!("{s}ed")
    }
}

fn entry(pos: Pos, spec: &str, real: bool) -> Entry {
    let (base, alt) = match spec.split_once('/') {
        Some((b, a)) => (b.to_string(), Some(a.to_string())),
        None => (spec.to_string(), None),
    };
    let (alt, third) = match pos {
        Pos::Noun => (alt.unwrap_or_else(|| plural(&base)), base.clone()),
        Pos::Verb => (alt.unwrap_or_else(|| past(&base)), plural(&base)),
        Pos::Adj | Pos::Adv => (base.clone(), base.clone()),
    };
    Entry { pos, forms: [base.into(), alt.into(), third.into()], real }
}

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "b", "d", "l", "m", "n",
    "p", "r", "s", "t",
];
const CLUSTERS: &[&str] =
    &["br", "bl", "cr", "cl", "dr", "fr", "fl", "gr", "pr", "pl", "st", "sp", "sl", "sh", "tr", "th", "ch"];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "e"];
const DIGRAPHS: &[&str] = &["ai", "ea", "ou", "ie", "oa", "ee"];
const CODAS: &[&str] = &["n", "r", "l", "s", "t", "m", "d", "k", "nd", "st", "rt", "nt", "ck", "ll", "rn", "x"];
const NOUN_ENDS: &[&str] = &["", "", "", "", "ion", "ment", "er", "ity", "ance", "ism", "age", "ure", "ness"];
const VERB_ENDS: &[&str] = &["", "", "", "ate", "ize", "en", "ify"];
const ADJ_ENDS: &[&str] = &["al", "ic", "ive", "ous", "ful", "ish", "ant", "ent", "ary", "able"];

fn pseudo(rng: &mut Rng, pos: Pos) -> String {
    let syllables = 1 + rng.weighted(&[4, 5, 1]);
    let mut w = String::new();
    for i in 0..syllables {
        match rng.below(20) {
            0 if i == 0 => {}
            1..=5 => w.push_str(rng.pick::<&str>(CLUSTERS)),
            _ => w.push_str(rng.pick::<&str>(ONSETS)),
        }
        w.push_str(if rng.chance(0.12) { rng.pick::<&str>(DIGRAPHS) } else { rng.pick::<&str>(VOWELS) });
        if i + 1 == syllables || rng.chance(0.25) {
            w.push_str(rng.pick::<&str>(CODAS));
        }
    }
    let end = match pos {
        Pos::Noun => rng.pick(NOUN_ENDS),
        Pos::Verb => rng.pick(VERB_ENDS),
        Pos::Adj => rng.pick(ADJ_ENDS),
        Pos::Adv => return format!("{w}{}ly", rng.pick(ADJ_ENDS).trim_end_matches('e')),
    };
    if end.starts_with(['a', 'e', 'i', 'o', 'u']) && w.ends_with(['a', 'e', 'i', 'o', 'u']) {
        w.pop();
    }
    format!("{w}{end}")
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut rng = Rng::new(LEXICON_SEED);
        let function: Vec<&str> = FUNCTION.split_whitespace().collect();
        let lists = [(Pos::Noun, NOUNS), (Pos::Verb, VERBS), (Pos::Adj, ADJECTIVES), (Pos::Adv, ADVERBS)];
        let real: Vec<Vec<Entry>> =
            lists.iter().map(|(p, l)| l.split_whitespace().map(|s| entry(*p, s, true)).collect()).collect();
        let mut taken: HashSet<String> = function
            .iter()
            .copied()
            .chain(AVOID.split_whitespace())
            .map(str::to_string)
            .chain(super::names::first_names().map(str::to_lowercase))
            .collect();
        for list in &real {
            for e in list {
                for f in &e.forms {
                    taken.insert(f.to_string());
                }
            }
        }
        // Real content words first, interleaved across parts of speech.
        let mut words: Vec<Entry> = Vec::with_capacity(VOCABULARY);
        let mut ranks: Vec<usize> = Vec::with_capacity(VOCABULARY);
        let mut real_iters: Vec<_> = real.into_iter().map(|l| l.into_iter()).collect();
        loop {
            let before = words.len();
            for it in real_iters.iter_mut() {
                if let Some(e) = it.next() {
                    ranks.push(function.len() + words.len());
                    words.push(e);
                }
            }
            if words.len() == before {
                break;
            }
        }
        // Then pseudo-words, shorter ones more frequent.
        let wanted = VOCABULARY.saturating_sub(function.len() + words.len());
        let shares = [(Pos::Noun, 50), (Pos::Verb, 20), (Pos::Adj, 22), (Pos::Adv, 8)];
        let mut pseudo_words: Vec<Entry> = Vec::with_capacity(wanted);
        for (pos, share) in shares {
            let n = wanted * share / 100;
            let mut made = 0;
            while made < n {
                let w = pseudo(&mut rng, pos);
                let e = entry(pos, &w, false);
                if w.len() < 3 || e.forms.iter().any(|f| taken.contains(&**f)) {
                    continue;
                }
                for f in &e.forms {
                    taken.insert(f.to_string());
                }
                pseudo_words.push(e);
                made += 1;
            }
        }
        // Interleave the parts of speech by position, then order by length (stable).
        let mut order: Vec<usize> = (0..pseudo_words.len()).collect();
        order.sort_by_key(|&i| (pseudo_words[i].forms[0].len(), i % 7, i));
        let mut slots: Vec<Option<Entry>> = pseudo_words.into_iter().map(Some).collect();
        for i in order {
            ranks.push(function.len() + words.len());
            words.push(slots[i].take().expect("each once"));
        }
        let mut by_pos: [Vec<WordId>; 4] = Default::default();
        for (id, e) in words.iter().enumerate() {
            by_pos[e.pos as usize].push(id as WordId);
        }
        let zipf =
            [0, 1, 2, 3].map(|p| Zipf::over_ranks(by_pos[p].iter().map(|&id| ranks[id as usize]), ZIPF_S, ZIPF_Q));
        let mut lex =
            Lexicon { words, by_pos, zipf, syn_of: Vec::new(), syn_pool: Vec::new(), surface: HashMap::default() };
        lex.build_synonyms();
        for (id, e) in lex.words.iter().enumerate() {
            for f in [Form::Base, Form::Alt, Form::Third] {
                lex.surface.entry(e.form(f).into()).or_insert((id as WordId, f));
            }
        }
        lex
    }

    fn build_synonyms(&mut self) {
        self.syn_of = vec![(0, 0); self.words.len()];
        let real_index: HashMap<(&str, u8), WordId> = self
            .words
            .iter()
            .enumerate()
            .filter(|(_, e)| e.real)
            .map(|(i, e)| ((&*e.forms[0], e.pos as u8), i as WordId))
            .collect();
        let mut groups: Vec<Vec<WordId>> = Vec::new();
        for group in SYNONYMS {
            for pos in 0..4u8 {
                let ids: Option<Vec<WordId>> = group.iter().map(|w| real_index.get(&(*w, pos)).copied()).collect();
                if let Some(ids) = ids {
                    groups.push(ids);
                    break;
                }
            }
        }
        for list in &self.by_pos {
            let pseudo: Vec<WordId> = list.iter().copied().filter(|&id| !self.words[id as usize].real).collect();
            groups.extend(pseudo.chunks(3).filter(|c| c.len() > 1).map(|c| c.to_vec()));
        }
        for g in groups {
            let start = self.syn_pool.len() as u32;
            self.syn_pool.extend(&g);
            for &id in &g {
                self.syn_of[id as usize] = (start, g.len() as u32);
            }
        }
    }

    pub fn text(&self, id: WordId, f: Form) -> &str {
        self.words[id as usize].form(f)
    }

    /// A word of part of speech `pos`, by the Zipf law.
    pub fn zipf(&self, pos: Pos, rng: &mut Rng) -> WordId {
        let p = pos as usize;
        self.by_pos[p][self.zipf[p].sample(rng)]
    }

    /// A less common word of `pos` (log-uniform over its ranks past `skip`),
    /// for the words that make a topic or an event recognisable.
    pub fn distinctive(&self, pos: Pos, skip: usize, rng: &mut Rng) -> WordId {
        let list = &self.by_pos[pos as usize];
        let lo = (skip.max(1) as f64).ln();
        let hi = (list.len() as f64).ln();
        let i = (lo + rng.unit() * (hi - lo)).exp() as usize;
        list[i.min(list.len() - 1)]
    }

    /// The synonyms of a word (itself included), or just itself.
    pub fn synonyms(&self, id: WordId) -> &[WordId] {
        let (start, len) = self.syn_of[id as usize];
        &self.syn_pool[start as usize..(start + len) as usize]
    }

    /// With probability `p`, another word of the same group.
    pub fn reword(&self, id: WordId, p: f64, rng: &mut Rng) -> WordId {
        let syn = self.synonyms(id);
        if syn.len() < 2 || !rng.chance(p) {
            return id;
        }
        let other = syn[rng.below(syn.len() - 1)];
        if other == id { syn[syn.len() - 1] } else { other }
    }

    /// The word and form a lower-case surface string is, if it is in the lexicon.
    pub fn lookup(&self, surface: &str) -> Option<(WordId, Form)> {
        self.surface.get(surface).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_has_forms_synonyms_and_skew() {
        let lex = &*LEXICON;
        assert!(lex.words.len() > 45_000, "{}", lex.words.len());
        let said = lex.lookup("said").unwrap();
        assert_eq!(lex.text(said.0, Form::Base), "say");
        assert!(lex.synonyms(said.0).len() >= 2);
        let mut rng = Rng::new(3);
        let mut seen = HashSet::new();
        let mut top = 0;
        for _ in 0..5000 {
            let id = lex.zipf(Pos::Noun, &mut rng);
            seen.insert(id);
            top += usize::from(lex.words[id as usize].real);
        }
        assert!(seen.len() > 1000 && top > 500, "{} {top}", seen.len());
        assert_eq!(plural("city"), "cities");
        assert_eq!(past("approve"), "approved");
    }
}
