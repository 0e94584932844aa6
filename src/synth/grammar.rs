//! The prose around the facts: sentence templates with slots for nouns,
//! verbs, names and numbers, filled from the words of the article's event,
//! its storyline and the whole vocabulary. Filler sentences give articles
//! their length and their background vocabulary; quote templates give the
//! speakers something to say.
//!
//! [`Ctx`] is the state of one article being written: the outlet's style,
//! who has been named already (full name and title first, surname after),
//! and the article's random stream.

use super::numbers::{self, Num};
use super::outlets::Style;
use super::rng::Rng;
use super::story::{Storyline, Topic};
use super::vocab::{Form, Lexicon, Pos, WordId};
use chrono::{Datelike, NaiveDate};
use std::sync::LazyLock;

const FILLER: &[&str] = &[
    "The {A} {N} has {V} {Ns} in {L} since {Yr}.",
    "{P} {V} that the {N} would {Vb} the {A} {N} of {Ns}.",
    "It was not {A} whether the {Ns} would {Vb} the {N} before {Mon}.",
    "{O} {V} {C} {Ns} last {Per}, according to {A} {Ns}.",
    "Analysts {V} the {N} as a {A} {N} for the {A} {N}.",
    "{Ns} in {L} have {V} {A} {Ns} for {Nn} {Per}s.",
    "The {N}, which {V} in {Yr}, {V} {A} {Ns} and {Ns}.",
    "{L} has {V} {Ns} to {Vb} the {N}, but {Ns} {V} the {N}.",
    "According to {O}, the {N} of {Ns} {V} {Pct} in {Mon}.",
    "{P} did not respond to a request for comment.",
    "The {N} comes as {Ns} {V} {A} {Ns} across the {N}.",
    "Earlier this {Per}, {P} {V} {A} {Ns} with {Ns} from {L}.",
    "{Ns} {V} the {N} on {Day} after {Ns} {V} the {A} {N}.",
    "The {A} {N} is expected to {Vb} {Ns} and {Vb} the {N} of {L}.",
    "Some {Ns} {V} that the {N} could {Vb} {Ns} in the {A} {N}.",
    "{O} said in a statement that it would {Vb} the {N} {Adv}.",
    "The {N} of {Ns} {V} {Adv} in {Mon}, with {Ns} {V} to {Vb} {Pct} of the {N}.",
    "{La} {Ns} have long {V} the {N}, which they say {Vs} the {A} {N}.",
    "There was no {A} {N} of {Ns} in {L} on {Day}, {A} {Ns} said.",
    "The {N} has {V} {M} in {A} {Ns} over the past {Nn} {Per}s.",
    "{P} has {Adv} {V} the {A} {N}.",
    "In {L}, {Ns} {V} {C} {Ns} and {V} the {A} {N}.",
    "A {A} {N} of {Ns} {V} the {N} as {A}, and {Ns} {V} a {A} {N}.",
    "The {Ns} were {V} by {A} {Ns} in {Yr}, when {Ns} {V} the {N}.",
    "That {N} was {V} by {O} on {Day}.",
    "{Ns} from {L} and {L} {V} on {Day} to {Vb} the {N}.",
    "The {A} {Ns}, {V} in {L}, {V} the {N} for {C} {Ns}.",
    "It is the {A} {N} since the {N} of {Yr}.",
    "{P} {V} the {N} and {V} {Ns} to {Vb} the {A} {N}, {O} said.",
    "Officials {V} that {C} {Ns} had {V} the {N} by {Day}.",
    "The {N} is the {A} of {Nn} {Ns} {V} by {O} this {Per}.",
    "Both {Ns} have {V} the {N}, and neither has {V} its {A} {Ns}.",
    "{P} is due to {Vb} the {N} in {L} next {Per}.",
    "The {A} {N} was {Adv} {V}, {A} {Ns} told reporters.",
    "A {Age} {N} from {L} told {O} that the {Ns} had {V} {A} {Ns}.",
    "In a village around {Km} from the border, {Ns} {V} {A} {Ns}.",
];

const QUOTES: &[&str] = &[
    "We will not {Vb} the {N} of our {Ns}",
    "This is a {A} {N} for {L}",
    "Our goal is to {Vb} the {Ns} and {Vb} our {A} {N}",
    "There is no {N}, never mind {N}",
    "We ask you to {Vb} the {N} and the {N} of our {Ns}",
    "The {N} is not {A}, it will be {V} later",
    "Nobody is planning to {Vb} anything anywhere",
    "We are {A} that the {N} of {L} is being {V} right now",
    "{L} must be among those {Ns} giving {A} {Ns}",
    "For now, no one is planning to {Vb} {Ns}",
    "If there is a {N}, then we will {Vb} {N} in accordance with the {A} {Ns}",
    "The {Ns} have been {V} and we expect a {A} {N}",
    "It is a {A} day for our {Ns}",
    "We do not know what is going to happen next, but the {N} is {A}",
    "Hear us, we want {N}, our {Ns} want {N}",
];

/// A piece of a template: literal text, or a slot with text around it.
#[derive(Clone, Debug)]
enum Tok {
    Lit(&'static str),
    Slot { pre: &'static str, slot: &'static str, post: &'static str },
}

fn parse(t: &'static str) -> Vec<Tok> {
    t.split(' ')
        .map(|w| match (w.find('{'), w.find('}')) {
            (Some(a), Some(b)) if a < b => Tok::Slot { pre: &w[..a], slot: &w[a + 1..b], post: &w[b + 1..] },
            _ => Tok::Lit(w),
        })
        .collect()
}

static FILLER_T: LazyLock<Vec<Vec<Tok>>> = LazyLock::new(|| FILLER.iter().map(|t| parse(t)).collect());
static QUOTE_T: LazyLock<Vec<Vec<Tok>>> = LazyLock::new(|| QUOTES.iter().map(|t| parse(t)).collect());

/// The state of one article being written.
pub struct Ctx<'a> {
    pub lex: &'a Lexicon,
    pub story: &'a Storyline,
    pub event: Option<&'a Topic>,
    pub style: Style,
    /// The day the event happened.
    pub date: NaiveDate,
    pub rng: Rng,
    /// People and organisations named already (bit per index).
    pub named: u64,
    pub orgs_named: u64,
}

impl<'a> Ctx<'a> {
    /// A content word of `pos`: from the event, the storyline's topic, or anywhere.
    pub fn word(&mut self, pos: Pos) -> WordId {
        let x = self.rng.unit();
        if let Some(ev) = self.event.filter(|_| x < 0.15)
            && let Some(&w) = ev.pick(pos, &mut self.rng)
        {
            return w;
        }
        if x < 0.5
            && let Some(&w) = self.story.topic.pick(pos, &mut self.rng)
        {
            return w;
        }
        self.lex.zipf(pos, &mut self.rng)
    }

    pub fn text(&mut self, pos: Pos, form: Form) -> &'a str {
        let w = self.word(pos);
        self.lex.text(w, form)
    }

    /// A person, named in full with their title the first time.
    pub fn person(&mut self, i: usize) -> String {
        let p = &self.story.people[i];
        let t = self.style.translit;
        if self.named & (1 << i) != 0 {
            return p.surname(t).to_string();
        }
        self.named |= 1 << i;
        let country = self.story.places[0].adjective(t);
        match (p.office, self.rng.below(3)) {
            (true, 0) => format!("{country} {} {}", p.title, p.full(t)),
            (true, 1) => format!("{} {}", p.title, p.full(t)),
            (true, _) => format!("{}, {}'s {},", p.full(t), self.story.places[0].name.get(t), p.title.to_lowercase()),
            (false, 0) => format!("{} {}", p.title, p.full(t)),
            (false, _) => format!("{}, a {},", p.full(t), p.title),
        }
    }

    pub fn org(&mut self, i: usize) -> String {
        let first = self.orgs_named & (1 << i) == 0;
        self.orgs_named |= 1 << i;
        self.story.orgs[i].mention(first, false)
    }

    pub fn place(&mut self, i: usize) -> String {
        self.story.places[i].name.get(self.style.translit).to_string()
    }

    fn number(&mut self, n: Num) -> String {
        n.render(&self.style, &mut self.rng, true)
    }

    /// Append the text of a slot to `out`.
    fn fill_slot(&mut self, slot: &str, out: &mut String) {
        let word = match slot {
            "N" => Some((Pos::Noun, Form::Base)),
            "Ns" => Some((Pos::Noun, Form::Alt)),
            "A" => Some((Pos::Adj, Form::Base)),
            "V" => Some((Pos::Verb, Form::Alt)),
            "Vb" => Some((Pos::Verb, Form::Base)),
            "Vs" => Some((Pos::Verb, Form::Third)),
            "Adv" => Some((Pos::Adv, Form::Base)),
            _ => None,
        };
        if let Some((pos, form)) = word {
            out.push_str(self.text(pos, form));
            return;
        }
        let story = self.story;
        let text = match slot {
            "P" => {
                let i = self.rng.below(story.people.len());
                self.person(i)
            }
            "L" => {
                let i = self.rng.below(story.places.len());
                self.place(i)
            }
            "La" => {
                let i = self.rng.below(story.places.len());
                story.places[i].adjective(self.style.translit)
            }
            "O" => {
                let i = self.rng.below(story.orgs.len());
                self.org(i)
            }
            "C" => {
                let n = Num::count(&mut self.rng);
                self.number(n)
            }
            "Pct" => {
                let n = Num::Percent(self.rng.range(1, 600) as u32);
                self.number(n)
            }
            "M" => {
                let n = Num::Money {
                    tenths: self.rng.range(10, 999) as u64,
                    scale: 1 + self.rng.below(2) as u8,
                    currency: 0,
                };
                self.number(n)
            }
            "Age" => {
                let n = Num::Age(self.rng.range(18, 90) as u32);
                self.number(n)
            }
            "Km" => {
                let n = Num::Km(self.rng.range(2, 80) as u32 * 5);
                self.number(n)
            }
            "Yr" => (self.date.year() - self.rng.range(1, 30) as i32).to_string(),
            "Mon" => numbers::month_name(self.date).to_string(),
            "Day" => numbers::weekday(self.date).to_string(),
            "Per" => self.rng.pick(&["week", "month", "year"]).to_string(),
            "Nn" => self.rng.pick(&["two", "three", "four", "five", "six", "several"]).to_string(),
            other => other.to_string(),
        };
        out.push_str(&text);
    }

    fn fill(&mut self, toks: &[Tok]) -> String {
        let mut out = String::with_capacity(160);
        for tok in toks {
            if !out.is_empty() {
                out.push(' ');
            }
            match tok {
                Tok::Lit(s) => out.push_str(s),
                Tok::Slot { pre, slot, post } => {
                    out.push_str(pre);
                    self.fill_slot(slot, &mut out);
                    // An appositive that ends in a comma before punctuation.
                    if out.ends_with(',') && !post.is_empty() {
                        out.pop();
                    }
                    out.push_str(post);
                }
            }
        }
        finish_sentence(out)
    }

    /// A background sentence of the storyline's and the event's vocabulary.
    pub fn filler(&mut self) -> String {
        let t = &FILLER_T[self.rng.below(FILLER_T.len())];
        self.fill(t)
    }

    /// What a speaker says, without closing punctuation.
    pub fn quote_text(&mut self) -> String {
        let t = &QUOTE_T[self.rng.below(QUOTE_T.len())];
        self.fill(t)
    }
}

/// Capitalise the first letter, write "a" as "an" before a vowel, and undo
/// a comma doubled by an appositive before a template's comma.
pub fn finish_sentence(s: String) -> String {
    let s = if s.contains(",,") { s.replace(",,", ",") } else { s };
    let b = s.as_bytes();
    let is_vowel = |i: usize| b.get(i).is_some_and(|c| b"aeiou".contains(c));
    // Each standalone "a" (or a sentence-initial "A") before a vowel.
    let fixes: Vec<usize> = (0..b.len().saturating_sub(2))
        .filter(|&i| {
            (b[i] == b'a' || (i == 0 && b[i] == b'A'))
                && b[i + 1] == b' '
                && (i == 0 || b[i - 1] == b' ')
                && is_vowel(i + 2)
        })
        .collect();
    if fixes.is_empty() {
        return capitalise(s);
    }
    let mut out = String::with_capacity(s.len() + fixes.len());
    let mut last = 0;
    for i in fixes {
        out.push_str(&s[last..=i]);
        out.push('n');
        last = i + 1;
    }
    out.push_str(&s[last..]);
    capitalise(out)
}

pub fn capitalise(s: String) -> String {
    match s.chars().next() {
        Some(c) if c.is_lowercase() => {
            let mut out: String = c.to_uppercase().collect();
            out.push_str(&s[c.len_utf8()..]);
            out
        }
        _ => s,
    }
}

/// Words in a generated string (single spaces between words), as
/// `Article::word_count` counts them.
pub fn word_count(s: &str) -> usize {
    if s.is_empty() { 0 } else { s.bytes().filter(|&b| b == b' ').count() + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_capitals() {
        assert_eq!(
            finish_sentence("a analyst said a old man saw a dog.".into()),
            "An analyst said an old man saw a dog."
        );
        assert_eq!(finish_sentence("A ally,, of banana a.".into()), "An ally, of banana a.");
        assert_eq!(word_count("one two three"), 3);
        assert_eq!(word_count(""), 0);
    }
}
