//! Turning a fact into a sentence the way one outlet would write it: the
//! words reworded from the synonym groups as the outlet's style allows, the
//! clauses in one of several orders (time first, place first, passive, with
//! or without attribution), names in the outlet's spelling and numbers in its
//! style. Also headlines, quotes with attribution, wire datelines, and the
//! automatic spinner that rewrites a whole article word by word.

use super::grammar::{Ctx, capitalise, finish_sentence};
use super::numbers::{self, Num};
use super::rng::FnvBuild;
use super::story::{Agent, Fact, Np, Quote};
use super::vocab::{Form, LEXICON, Pos};
use super::words::SPIN;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::sync::LazyLock;

/// How an agent reads, and whether it takes a plural verb.
fn agent(ctx: &mut Ctx, a: &Agent) -> (String, bool) {
    match a {
        Agent::Person(i) => (ctx.person(*i as usize), false),
        Agent::Org(i) => (ctx.org(*i as usize), false),
        Agent::Place(i) => {
            let place = &ctx.story.places[*i as usize];
            if ctx.rng.chance(0.5) {
                (format!("the {} government", place.adjective(ctx.style.translit)), false)
            } else {
                (place.name.get(ctx.style.translit).to_string(), false)
            }
        }
        Agent::Group { adj, noun } => {
            let noun = ctx.lex.reword(*noun, ctx.style.reword, &mut ctx.rng);
            let n = ctx.lex.text(noun, Form::Alt);
            match adj {
                Some(a) => {
                    let a = ctx.lex.reword(*a, ctx.style.reword, &mut ctx.rng);
                    (format!("{} {n}", ctx.lex.text(a, Form::Base)), true)
                }
                None => (format!("the {n}"), true),
            }
        }
    }
}

fn np(ctx: &mut Ctx, np: &Np, with_det: bool) -> String {
    let mut out = String::new();
    if let Some(c) = np.count {
        out.push_str(&c.render(&ctx.style, &mut ctx.rng, true));
        out.push(' ');
    } else if with_det {
        out.push_str(if np.plural { "" } else { "the " });
    }
    if let Some(a) = np.adj {
        let a = ctx.lex.reword(a, ctx.style.reword, &mut ctx.rng);
        out.push_str(ctx.lex.text(a, Form::Base));
        out.push(' ');
    }
    let n = ctx.lex.reword(np.noun, ctx.style.reword, &mut ctx.rng);
    out.push_str(ctx.lex.text(n, if np.plural { Form::Alt } else { Form::Base }));
    if let Some(of) = np.of {
        let of = ctx.lex.reword(of, ctx.style.reword, &mut ctx.rng);
        out.push_str(" of ");
        out.push_str(ctx.lex.text(of, Form::Alt));
    }
    out
}

fn extra(ctx: &mut Ctx, n: &Option<Num>) -> String {
    match n {
        Some(n @ Num::Percent(_)) => format!(" by {}", n.render(&ctx.style, &mut ctx.rng, false)),
        Some(n) => format!(" worth {}", n.render(&ctx.style, &mut ctx.rng, false)),
        None => String::new(),
    }
}

/// "on Tuesday" when the article is close to the event, else "on Feb. 22".
fn when(ctx: &mut Ctx, published: Option<NaiveDate>) -> String {
    let near = published.is_none_or(|p| (p - ctx.date).num_days() < 6);
    if near && ctx.rng.chance(0.85) {
        format!("on {}", numbers::weekday(ctx.date))
    } else {
        format!("on {}", numbers::day_text(ctx.date, &ctx.style))
    }
}

/// One outlet's sentence for a fact.
pub fn fact(ctx: &mut Ctx, f: &Fact, published: Option<NaiveDate>, lede: bool) -> String {
    let (s, _) = agent(ctx, &f.subj);
    let verb = ctx.lex.reword(f.verb, ctx.style.reword, &mut ctx.rng);
    let v = ctx.lex.text(verb, Form::Alt);
    let o = np(ctx, &f.obj, true);
    let x = extra(ctx, &f.extra);
    let p = match f.place {
        Some(i) => format!(" in {}", ctx.place(i as usize)),
        None => String::new(),
    };
    let t = if f.when { when(ctx, published) } else { String::new() };
    let t_sp = if t.is_empty() { String::new() } else { format!(" {t}") };
    let attribution = match &f.source {
        Some(a) => {
            let (who, _) = agent(ctx, a);
            if ctx.rng.chance(0.5) { format!(", {who} said") } else { format!(", according to {who}") }
        }
        None => String::new(),
    };
    let form = ctx.rng.below(if lede { 3 } else { 6 });
    let body = match form {
        0 => format!("{s}{t_sp} {v} {o}{x}{p}"),
        1 => format!("{s} {v} {o}{x}{p}{t_sp}"),
        2 if !t.is_empty() => format!("{} {s} {v} {o}{x}{p}", capitalise(format!("{t},"))),
        3 if !p.is_empty() => format!("{}, {s} {v} {o}{x}{t_sp}", capitalise(p.trim().to_string())),
        4 => {
            let be = if f.obj.plural { "were" } else { "was" };
            format!("{} {be} {v} by {s}{x}{p}{t_sp}", capitalise(o))
        }
        _ => format!("{s} {v} {o}{x}{p}{t_sp}"),
    };
    let tail = if lede && ctx.rng.chance(0.5) { lede_tail(ctx) } else { String::new() };
    finish_sentence(format!("{body}{attribution}{tail}.").replace(",,", ",").replace(",.", "."))
}

fn lede_tail(ctx: &mut Ctx) -> String {
    let a = ctx.text(Pos::Adj, Form::Base);
    let n = ctx.text(Pos::Noun, Form::Base);
    let vb = ctx.text(Pos::Verb, Form::Base);
    match ctx.rng.below(4) {
        0 => format!(", a move that could {vb} the {a} {n}"),
        1 => format!(", in a {a} step that opens the door to {n}"),
        2 => format!(", the latest {n} in a {a} {}", ctx.text(Pos::Noun, Form::Base)),
        _ => format!(", raising fears of a {a} {n}"),
    }
}

/// A quote with its attribution, in one of the shapes news uses.
pub fn quote(ctx: &mut Ctx, q: &Quote) -> String {
    let who = ctx.person(q.speaker as usize);
    let said = *ctx.rng.pick(&["said", "said", "said", "added", "told reporters", "said in a statement"]);
    let text = &q.text;
    let s = match ctx.rng.below(3) {
        0 => format!("“{text},” {who} {said}."),
        1 => format!("{who} {said}: “{text}.”"),
        _ => format!("“{text},” {} {}.", if said == "added" { "added" } else { "said" }, who.trim_end_matches(',')),
    };
    let s = finish_sentence(s);
    match &q.more {
        Some(more) if ctx.rng.chance(0.7) => format!("{s} “{more}.”"),
        _ => s,
    }
}

const SMALL_WORDS: &[&str] = &["a", "an", "the", "of", "in", "on", "for", "to", "and", "as", "at", "by", "with"];

/// A headline for the main fact, in the outlet's case style. Never ends in
/// `.`, `,`, `;` or `:`.
pub fn headline(ctx: &mut Ctx, f: &Fact) -> String {
    let t = ctx.style.translit;
    let (subj, plural) = match &f.subj {
        Agent::Person(i) => (ctx.story.people[*i as usize].surname(t).to_string(), false),
        Agent::Org(i) => {
            (ctx.story.orgs[*i as usize].mention(false, true).trim_start_matches("The ").to_string(), false)
        }
        Agent::Place(i) => (ctx.story.places[*i as usize].name.get(t).to_string(), false),
        Agent::Group { noun, .. } => (ctx.lex.text(*noun, Form::Alt).to_string(), true),
    };
    let verb = ctx.lex.reword(f.verb, ctx.style.reword, &mut ctx.rng);
    let v = ctx.lex.text(verb, if plural { Form::Base } else { Form::Third });
    let o = np(ctx, &Np { count: f.obj.count, of: None, ..f.obj.clone() }, false);
    let place = f.place.map(|i| ctx.story.places[i as usize].name.get(t).to_string());
    let h = match (ctx.rng.below(4), place) {
        (0, Some(p)) => format!("{p}: {subj} {v} {o}"),
        (1, Some(p)) => format!("{subj} {v} {o} in {p}"),
        (2, _) => {
            let n = ctx.text(Pos::Noun, Form::Alt);
            format!("{subj} {v} {o} as {n} {}", ctx.text(Pos::Verb, Form::Base))
        }
        _ => format!("{subj} {v} {o}"),
    };
    if ctx.style.title_case { title_case(&h) } else { capitalise(h) }
}

pub fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| if i > 0 && SMALL_WORDS.contains(&w) { w.to_string() } else { capitalise(w.to_string()) })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A wire dateline: `KASTRIN, Feb 21 (Meridian Wire) - ` or `(Meridian Wire) -- `.
pub fn dateline(city: &str, date: NaiveDate, agency: &str, long: bool) -> String {
    if long {
        let month = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];
        format!("{}, {} {} ({agency}) - ", city.to_uppercase(), month[date.month0() as usize], date.day())
    } else {
        format!("({agency}) -- ")
    }
}

static SPIN_MAP: LazyLock<HashMap<&'static str, &'static str, FnvBuild>> =
    LazyLock::new(|| SPIN.iter().copied().collect());

/// Rewrite text as an automatic spinner does: nearly every word that has a
/// synonym is swapped, common words get the spinner's odd substitutes, and
/// quoted speech and names are left alone.
pub fn spin(text: &str, rng: &mut super::rng::Rng, p: f64) -> String {
    let lex = &*LEXICON;
    let mut out = String::with_capacity(text.len() + 32);
    let mut in_quote = false;
    for (i, raw) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let opens = raw.starts_with('“');
        let start = raw.find(|c: char| c.is_alphanumeric()).unwrap_or(raw.len());
        let end = raw.rfind(|c: char| c.is_alphanumeric()).map_or(start, |e| e + 1);
        let (pre, word, post) = (&raw[..start], &raw[start..end.max(start)], &raw[end.max(start)..]);
        if opens {
            in_quote = true;
        }
        let lower = word.to_lowercase();
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let is_name = capital && lex.lookup(&lower).is_none() && !SPIN_MAP.contains_key(lower.as_str());
        let replaced = if in_quote || is_name || word.is_empty() || !rng.chance(p) {
            None
        } else if let Some(s) = SPIN_MAP.get(lower.as_str()) {
            Some(s.to_string())
        } else if let Some((id, form)) = lex.lookup(&lower) {
            let other = lex.reword(id, 1.0, rng);
            (other != id).then(|| lex.text(other, form).to_string())
        } else {
            None
        };
        out.push_str(pre);
        match replaced {
            Some(r) if capital => out.push_str(&capitalise(r)),
            Some(r) => out.push_str(&r),
            None => out.push_str(word),
        }
        out.push_str(post);
        if raw.contains('”') {
            in_quote = false;
        }
    }
    out
}
