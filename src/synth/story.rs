//! What the news is about, before anyone writes it: storylines and events.
//!
//! A [`Storyline`] is a crisis that runs for days: a cast of people, places
//! and organisations, a topic vocabulary, and background facts and quotes
//! that every article about it may repeat. A [`Happening`] is one event in a
//! storyline (or a one-off): its date, its main fact, further facts, numbers
//! and quotes, the words only it uses, and the outlets that cover it.
//!
//! Events of one storyline share the cast, the places, the vocabulary and the
//! background, days apart: the hard negatives of event grouping. What tells
//! them apart is the event's own facts, words, quotes, numbers and date.

use super::grammar::Ctx;
use super::names::{Org, Person, Place, PlaceKind};
use super::numbers::Num;
use super::outlets::{pick_outlets, style};
use super::rng::Rng;
use super::vocab::{LEXICON, Lexicon, Pos, WordId};
use chrono::NaiveDate;

/// Content words that make a topic or an event recognisable.
#[derive(Clone, Debug, Default)]
pub struct Topic {
    pub nouns: Vec<WordId>,
    pub verbs: Vec<WordId>,
    pub adjs: Vec<WordId>,
}

impl Topic {
    fn new(lex: &Lexicon, rng: &mut Rng, sizes: [usize; 3], skip: usize) -> Topic {
        let mut draw = |pos, n| -> Vec<WordId> {
            let mut out: Vec<WordId> = Vec::with_capacity(n);
            while out.len() < n {
                let w = lex.distinctive(pos, skip, rng);
                if !out.contains(&w) {
                    out.push(w);
                }
            }
            out
        };
        Topic { nouns: draw(Pos::Noun, sizes[0]), verbs: draw(Pos::Verb, sizes[1]), adjs: draw(Pos::Adj, sizes[2]) }
    }

    pub fn pick(&self, pos: Pos, rng: &mut Rng) -> Option<&WordId> {
        let list = match pos {
            Pos::Noun => &self.nouns,
            Pos::Verb => &self.verbs,
            Pos::Adj => &self.adjs,
            Pos::Adv => return None,
        };
        (!list.is_empty()).then(|| rng.pick(list))
    }
}

/// Who does something in a fact.
#[derive(Clone, Debug)]
pub enum Agent {
    Person(u8),
    Org(u8),
    /// A country or city as an actor ("Velmoria", "the Velmorian government").
    Place(u8),
    /// A group of people: "separatist leaders", "local officials".
    Group {
        adj: Option<WordId>,
        noun: WordId,
    },
}

/// What is done: "the brantic tosken of lawmakers", "150,000 troops".
#[derive(Clone, Debug)]
pub struct Np {
    pub adj: Option<WordId>,
    pub noun: WordId,
    pub plural: bool,
    pub of: Option<WordId>,
    pub count: Option<Num>,
}

/// One proposition an article can report.
#[derive(Clone, Debug)]
pub struct Fact {
    pub subj: Agent,
    pub verb: WordId,
    pub obj: Np,
    pub place: Option<u8>,
    /// A percentage or sum the fact is by or worth.
    pub extra: Option<Num>,
    /// The fact says on which day.
    pub when: bool,
    /// Who the article credits for it ("the ministry said").
    pub source: Option<Agent>,
}

#[derive(Clone, Debug)]
pub struct Quote {
    pub speaker: u8,
    pub text: String,
    pub more: Option<String>,
}

pub struct Storyline {
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    pub orgs: Vec<Org>,
    pub topic: Topic,
    pub background: Vec<Fact>,
    pub quotes: Vec<Quote>,
}

const GROUP_NOUNS: &[&str] =
    &["leader", "official", "protester", "lawmaker", "resident", "soldier", "worker", "minister", "officer", "citizen"];

fn real_noun(lex: &Lexicon, word: &str) -> WordId {
    lex.lookup(word).map(|(w, _)| w).expect("a listed real noun")
}

/// Builds facts from a storyline's cast and a topic's (and an event's) words.
struct FactMaker<'a> {
    lex: &'a Lexicon,
    people: usize,
    places: usize,
    orgs: usize,
    topic: &'a Topic,
    event: Option<&'a Topic>,
}

impl<'a> FactMaker<'a> {
    /// Facts about `story`'s cast and topic, and an event's own words if any.
    fn new(lex: &'a Lexicon, story: &'a Storyline, event: Option<&'a Topic>) -> Self {
        FactMaker {
            lex,
            people: story.people.len(),
            places: story.places.len(),
            orgs: story.orgs.len(),
            topic: &story.topic,
            event,
        }
    }

    fn word(&self, rng: &mut Rng, pos: Pos) -> WordId {
        let x = rng.unit();
        if let Some(ev) = self.event.filter(|_| x < 0.55)
            && let Some(&w) = ev.pick(pos, rng)
        {
            return w;
        }
        if x < 0.85
            && let Some(&w) = self.topic.pick(pos, rng)
        {
            return w;
        }
        self.lex.zipf(pos, rng)
    }

    fn agent(&self, rng: &mut Rng, main: bool) -> Agent {
        let kind = if main { rng.weighted(&[65, 10, 10, 15]) } else { rng.weighted(&[40, 20, 15, 25]) };
        match kind {
            0 => {
                let i = if main { rng.weighted(&[5, 3, 2]).min(self.people - 1) } else { rng.below(self.people) };
                Agent::Person(i as u8)
            }
            1 => Agent::Org(rng.below(self.orgs) as u8),
            2 => Agent::Place(rng.below(self.places.min(2)) as u8),
            _ => Agent::Group {
                adj: rng.chance(0.6).then(|| self.word(rng, Pos::Adj)),
                noun: real_noun(self.lex, rng.pick::<&str>(GROUP_NOUNS)),
            },
        }
    }

    fn fact(&self, rng: &mut Rng, main: bool) -> Fact {
        let count = rng.chance(0.15).then(|| Num::count(rng));
        let obj = Np {
            adj: rng.chance(0.5).then(|| self.word(rng, Pos::Adj)),
            noun: self.word(rng, Pos::Noun),
            plural: count.is_some() || rng.chance(0.4),
            of: rng.chance(0.3).then(|| self.word(rng, Pos::Noun)),
            count,
        };
        let extra = match rng.below(12) {
            0 => Some(Num::Percent(rng.range(1, 600) as u32)),
            1 => Some(Num::Money {
                tenths: rng.range(10, 999) as u64,
                scale: 1 + rng.below(2) as u8,
                currency: rng.below(4) as u8,
            }),
            _ => None,
        };
        Fact {
            subj: self.agent(rng, main),
            verb: self.word(rng, Pos::Verb),
            obj,
            place: (main || rng.chance(0.45)).then(|| rng.below(self.places) as u8),
            extra,
            when: main || rng.chance(0.4),
            source: (!main && rng.chance(0.2)).then(|| self.agent(rng, false)),
        }
    }
}

impl Storyline {
    /// A storyline: a crisis with a large cast, or a one-off topic with a small one.
    pub fn new(seed: u64, crisis: bool) -> Storyline {
        let lex = &*LEXICON;
        let mut rng = Rng::new(seed);
        let n_places = if crisis { rng.range(2, 4) } else { rng.range(1, 2) };
        let mut places = vec![Place::new(&mut rng, PlaceKind::Country)];
        for _ in 1..n_places {
            let kind = *rng.pick(&[PlaceKind::City, PlaceKind::Region, PlaceKind::Country, PlaceKind::City]);
            places.push(Place::new(&mut rng, kind));
        }
        let country = places[0].adjective(0);
        let orgs =
            (0..if crisis { rng.range(2, 4) } else { rng.range(1, 2) }).map(|_| Org::new(&mut rng, &country)).collect();
        let n_people = if crisis { rng.range(4, 8) } else { rng.range(2, 4) };
        let people = (0..n_people)
            .map(|i| {
                let office = i == 0 || (i < 3 && rng.chance(0.5));
                Person::new(&mut rng, office)
            })
            .collect();
        let sizes = if crisis { [14, 7, 7] } else { [9, 5, 5] };
        let topic = Topic::new(lex, &mut rng, sizes, 20);
        let mut story = Storyline { people, places, orgs, topic, background: Vec::new(), quotes: Vec::new() };
        let maker = FactMaker::new(lex, &story, None);
        let background: Vec<Fact> =
            (0..if crisis { rng.range(5, 9) } else { rng.range(2, 4) }).map(|_| maker.fact(&mut rng, false)).collect();
        story.background = background;
        let quotes = make_quotes(&story, None, &mut rng, if crisis { 2 } else { 1 });
        story.quotes = quotes;
        story
    }
}

fn make_quotes(story: &Storyline, event: Option<&Topic>, rng: &mut Rng, n: usize) -> Vec<Quote> {
    let mut ctx = Ctx {
        lex: &LEXICON,
        story,
        event,
        style: style(0),
        date: NaiveDate::from_ymd_opt(2022, 1, 1).expect("date"),
        rng: Rng::new(rng.u64()),
        named: 0,
        orgs_named: 0,
    };
    let speakers = rng.distinct(story.people.len(), n);
    speakers
        .into_iter()
        .map(|s| Quote {
            speaker: s as u8,
            text: ctx.quote_text(),
            more: ctx.rng.chance(0.3).then(|| ctx.quote_text()),
        })
        .collect()
}

/// How one outlet's article about an event came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Written from the facts.
    Original,
    /// Written from the facts, with some sentences taken verbatim from member 0.
    Wire,
    /// A near-duplicate reprint of member `j`.
    Reprint(u8),
    /// Member `j` run through a synonym spinner.
    Spun(u8),
}

pub struct Happening {
    pub story: Storyline,
    pub date: NaiveDate,
    pub words: Topic,
    pub main: Fact,
    pub facts: Vec<Fact>,
    pub quotes: Vec<Quote>,
    pub outlets: Vec<usize>,
    pub roles: Vec<Role>,
}

impl Happening {
    /// An event of `size` articles (1: a singleton) in `story`, on `date`.
    pub fn new(seed: u64, story: Storyline, date: NaiveDate, size: usize) -> Happening {
        let lex = &*LEXICON;
        let mut rng = Rng::new(seed);
        let words = Topic::new(lex, &mut rng, [5, 3, 3], 40);
        let maker = FactMaker::new(lex, &story, Some(&words));
        let main = maker.fact(&mut rng, true);
        let facts: Vec<Fact> = (0..rng.range(3, 9)).map(|_| maker.fact(&mut rng, false)).collect();
        let n_quotes = rng.range(1, 3).min(story.people.len());
        let quotes = make_quotes(&story, Some(&words), &mut rng, n_quotes);
        let outlets = pick_outlets(&mut rng, size);
        let lead_is_wire = super::outlets::OUTLETS[outlets[0]].wire;
        let mut roles = vec![Role::Original];
        for m in 1..size {
            let sources: Vec<u8> =
                (0..m).filter(|&j| matches!(roles[j], Role::Original | Role::Wire)).map(|j| j as u8).collect();
            let wire_weight = if lead_is_wire { 30 } else { 10 };
            roles.push(match rng.weighted(&[60, wire_weight, 6, 6]) {
                0 => Role::Original,
                1 => Role::Wire,
                2 => Role::Reprint(*rng.pick(&sources)),
                _ => Role::Spun(*rng.pick(&sources)),
            });
        }
        Happening { story, date, words, main, facts, quotes, outlets, roles }
    }
}
