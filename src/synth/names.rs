//! Names of people, places and organisations, made up from syllables, with
//! the transliteration variants real outlets disagree on (Zelenskiy,
//! Zelensky, Zelenskyy; Lugansk, Luhansk; Kiev, Kyiv). Each outlet keeps to
//! one spelling, so two accounts of one event can spell its actors apart.

use super::rng::Rng;
use super::vocab::LEXICON;

/// A name and its spellings; the first is the canonical one.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub variants: Vec<String>,
}

impl Name {
    fn new(base: String) -> Name {
        let variants = spellings(&base);
        Name { variants }
    }

    /// The spelling an outlet with transliteration style `style` uses.
    pub fn get(&self, style: usize) -> &str {
        &self.variants[style % self.variants.len()]
    }
}

/// Other spellings of `base` by the usual transliteration disagreements.
fn spellings(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    // (from, to, only at the end)
    let rules: &[(&str, &[&str], bool)] = &[
        ("skiy", &["sky", "skyy"], true),
        ("iy", &["y", "yi"], true),
        ("kh", &["h"], false),
        ("yiv", &["iev"], false),
        ("ya", &["ia"], false),
        ("yu", &["iu"], false),
        ("ts", &["tz"], true),
        ("ei", &["ey"], false),
        ("ov", &["off"], true),
    ];
    for (from, tos, at_end) in rules {
        if out.len() > 1 {
            break;
        }
        let found =
            if *at_end { base.len().checked_sub(from.len()).filter(|_| base.ends_with(from)) } else { base.find(from) };
        if let Some(i) = found.filter(|&i| i > 0) {
            for to in *tos {
                out.push(format!("{}{}{}", &base[..i], to, &base[i + from.len()..]));
            }
        }
    }
    // Lugansk / Luhansk: a g between vowels.
    if out.len() == 1 {
        let b = base.as_bytes();
        if let Some(i) = (1..b.len().saturating_sub(1))
            .find(|&i| b[i] == b'g' && is_vowel(b[i - 1]) && (is_vowel(b[i + 1]) || b[i + 1] == b'a'))
        {
            out.push(format!("{}h{}", &base[..i], &base[i + 1..]));
        }
    }
    out
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

const SYL: &[&str] = &[
    "ka", "ve", "lo", "dra", "mi", "sto", "ra", "ne", "zo", "bri", "ta", "ko", "le", "va", "gor", "lu", "sha", "ya",
    "pe", "tri", "do", "ma", "ri", "kha", "vo", "yu", "ze", "po", "sa", "ga", "be", "ni", "kor", "mar", "dan", "vel",
    "tor", "sel", "ban", "dor", "ki", "ro", "ste", "ha", "ti", "ru", "gel", "ost", "ei", "ba",
];
const SURNAME_ENDS: &[&str] =
    &["", "", "enko", "ov", "ev", "in", "skiy", "ski", "ic", "escu", "ak", "er", "son", "ez", "ani", "uk", "ts", "dze"];
const COUNTRY_ENDS: &[&str] = &["ia", "a", "istan", "land", "ova", "ria", "any", "or"];
const CITY_ENDS: &[&str] = &["sk", "grad", "ovo", "burg", "ville", "port", "yiv", "ets", "in", "ansk", "opol", "ara"];
const REGION_ENDS: &[&str] = &["ia", "sk", "ovka", "shchyna", "ansk", "a", "eria"];

const FIRST: &[&[&str]] = &[
    &["Anton"],
    &["Mira"],
    &["Denis", "Denys"],
    &["Olena", "Elena"],
    &["Tomas", "Tomasz"],
    &["Irina", "Iryna"],
    &["Pavel", "Pavlo"],
    &["Leila", "Layla"],
    &["Marek"],
    &["Sofia", "Sofiya"],
    &["Dmytro", "Dmitry"],
    &["Mykola", "Nikolai"],
    &["Serhiy", "Sergei"],
    &["Andrei", "Andriy"],
    &["Yulia", "Julia"],
    &["Oksana"],
    &["Viktor"],
    &["Natalia", "Nataliya"],
    &["Ivan"],
    &["Katarina", "Katerina"],
    &["Jens"],
    &["Amira"],
    &["Rafael"],
    &["Ingrid"],
    &["Hassan", "Hasan"],
    &["Lucia"],
    &["Jonas"],
    &["Priya"],
    &["Kofi"],
    &["Elif"],
    &["Mateo"],
    &["Hana"],
    &["Omar", "Umar"],
    &["Nadia", "Nadiya"],
    &["Stefan"],
    &["Ana"],
    &["Boris"],
    &["Lena"],
    &["Yusuf", "Yousef"],
    &["Clara"],
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn syllables(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| *rng.pick(SYL)).collect()
}

/// A made-up proper name from syllables and an ending, never a word of the
/// vocabulary (so a spinner or a tokenizer cannot mistake it for one).
fn coined(rng: &mut Rng, ends: &[&str]) -> String {
    loop {
        let n = 1 + rng.weighted(&[5, 4, 1]);
        let mut s = syllables(rng, n);
        let end = rng.pick(ends);
        if end.starts_with(['a', 'e', 'i', 'o', 'u', 'y']) && s.ends_with(['a', 'e', 'i', 'o', 'u', 'y']) {
            s.pop();
        }
        s.push_str(end);
        if LEXICON.lookup(&s).is_none() {
            return capitalise(&s);
        }
    }
}

/// Every first name people are given, for the vocabulary to avoid.
pub fn first_names() -> impl Iterator<Item = &'static str> {
    FIRST.iter().flat_map(|v| v.iter().copied())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    City,
    Region,
}

#[derive(Clone, Debug)]
pub struct Place {
    pub name: Name,
}

impl Place {
    pub fn new(rng: &mut Rng, kind: PlaceKind) -> Place {
        let ends = match kind {
            PlaceKind::Country => COUNTRY_ENDS,
            PlaceKind::City => CITY_ENDS,
            PlaceKind::Region => REGION_ENDS,
        };
        Place { name: Name::new(coined(rng, ends)) }
    }

    /// The adjective of a place name: Velmoria → Velmorian.
    pub fn adjective(&self, style: usize) -> String {
        let n = self.name.get(style);
        if let Some(stem) = n.strip_suffix("istan") {
            format!("{stem}istani")
        } else if n.ends_with("ia") || n.ends_with('a') {
            format!("{n}n")
        } else if n.ends_with("land") {
            format!("{n}ic")
        } else if n.ends_with('y') || n.ends_with('i') || n.ends_with('o') {
            format!("{n}an")
        } else {
            format!("{n}ian")
        }
    }
}

#[derive(Clone, Debug)]
pub struct Org {
    pub name: String,
    pub short: Option<String>,
}

impl Org {
    /// An organisation, named after `country` (an adjective) where it fits.
    pub fn new(rng: &mut Rng, country: &str) -> Org {
        let word = |rng: &mut Rng| capitalise(&syllables(rng, 2));
        let (name, short) = match rng.below(8) {
            0 => (format!("the {} Central Bank", country), None),
            1 => {
                let m = rng.pick(&["Defence", "Energy", "Health", "Finance", "Interior", "Justice", "Transport"]);
                (format!("the {country} Ministry of {m}"), None)
            }
            2 => {
                let a = word(rng);
                (format!("the {a} People's Front"), Some(format!("{}PF", &a[..1])))
            }
            3 => (format!("{} Group", coined(rng, SURNAME_ENDS)), None),
            4 => {
                let (a, b) = (word(rng), word(rng));
                (format!("the {a} {b} Union"), Some(format!("{}{}U", &a[..1], &b[..1])))
            }
            5 => (format!("the {country} Federation of {} Workers", word(rng)), None),
            6 => (format!("{} Holdings", word(rng)), None),
            _ => (format!("the {} Institute", coined(rng, CITY_ENDS)), None),
        };
        Org { name, short }
    }

    /// The name, capitalised when it starts a sentence.
    pub fn mention(&self, first: bool, start: bool) -> String {
        let n = match (&self.short, first) {
            (Some(s), false) => s.clone(),
            _ => self.name.clone(),
        };
        if start { capitalise(&n) } else { n }
    }
}

/// What a person is, as news names them before their name ("Foreign Minister
/// Anna Vel") or after it ("Anna Vel, a spokeswoman for …").
#[derive(Clone, Debug)]
pub struct Person {
    pub first: Name,
    pub last: Name,
    /// Title used before the name, lower case unless it is an office.
    pub title: String,
    /// True for offices that are capitalised before a name (President, Minister).
    pub office: bool,
}

const OFFICES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Finance Minister",
    "Interior Minister",
    "Deputy Foreign Minister",
    "Health Minister",
    "Energy Minister",
];
const ROLES: &[&str] = &[
    "separatist leader",
    "opposition leader",
    "central bank governor",
    "police chief",
    "army chief",
    "union leader",
    "regional governor",
    "government spokesman",
    "senior official",
    "chief executive",
    "mayor",
    "prosecutor",
    "analyst",
    "lawmaker",
];

impl Person {
    pub fn new(rng: &mut Rng, office: bool) -> Person {
        let first = Name { variants: rng.pick(FIRST).iter().map(|s| s.to_string()).collect() };
        let last = Name::new(coined(rng, SURNAME_ENDS));
        let title = if office { rng.pick(OFFICES) } else { rng.pick(ROLES) }.to_string();
        Person { first, last, title, office }
    }

    pub fn full(&self, style: usize) -> String {
        format!("{} {}", self.first.get(style / 2), self.last.get(style))
    }

    pub fn surname(&self, style: usize) -> &str {
        self.last.get(style)
    }
}

/// A reporter's name for a byline: no initials, no periods.
pub fn reporter(rng: &mut Rng) -> String {
    let first = rng.pick(FIRST)[0];
    format!("{first} {}", coined(rng, &["", "er", "son", "ley", "ford", "man", "ez", "ini"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants() {
        assert_eq!(spellings("Zelenskiy"), vec!["Zelenskiy", "Zelensky", "Zelenskyy"]);
        assert_eq!(spellings("Lugansk"), vec!["Lugansk", "Luhansk"]);
        assert_eq!(spellings("Kyiv"), vec!["Kyiv", "Kiev"]);
        assert_eq!(spellings("Pasechnik"), vec!["Pasechnik"]);
        let n = Name::new("Bakhmut".into());
        assert_ne!(n.get(0), n.get(1));
    }

    #[test]
    fn names_are_capitalised_and_plain() {
        let mut rng = Rng::new(5);
        for _ in 0..200 {
            let office = rng.chance(0.5);
            let p = Person::new(&mut rng, office);
            assert!(p.full(0).chars().next().unwrap().is_uppercase());
            let place = Place::new(&mut rng, PlaceKind::Country);
            assert!(place.adjective(0).starts_with(place.name.get(0).get(..2).unwrap()));
            let r = reporter(&mut rng);
            assert!(!r.contains('.') && r.split_whitespace().count() == 2, "{r}");
        }
    }
}
