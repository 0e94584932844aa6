//! Writing one outlet's article about a happening: the lede, the facts it
//! keeps (and the ones it leaves out) in its own order and words, the quotes,
//! the storyline's background, filler prose up to a log-normal length, and
//! paragraphs. Wire copy takes some sentences of the agency's article
//! verbatim; a reprint is a near-duplicate of another outlet's article; a
//! spun copy is another article run through a synonym spinner.
//!
//! Also the metadata a file states about the article (outlet, date, byline,
//! url, headline), some of it unknown as in real scraped data; how the file
//! presents it is `quirks`.

use super::grammar::{Ctx, word_count};
use super::names::reporter;
use super::outlets::{OUTLETS, style};
use super::plan::{FileKind, NONE, Plan, TAG_DRAFT, TAG_META};
use super::quirks::{Presented, Quirks, agency_of, quirks, url};
use super::realize::{self, dateline, headline, spin};
use super::rng::Rng;
use super::story::{Happening, Role};
use super::vocab::LEXICON;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How an article was copied from another one of its event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CopyKind {
    /// Some sentences verbatim from the wire agency's article.
    Wire,
    /// A near-duplicate reprint.
    Reprint,
    /// A synonym-spun copy.
    Spun,
}

/// A generated article, with what its file states and the ground truth.
#[derive(Clone, Debug, PartialEq)]
pub struct GenArticle {
    /// Its position in the corpus (0-based).
    pub key: u64,
    /// The id byline gives it (a hash of its normalised text).
    pub id: crate::ArticleId,
    /// The headline (derived by a parser from the lede when not in the file).
    pub title: String,
    pub title_in_file: bool,
    /// The outlet as the file states it (what a parser should read), if any.
    pub outlet: Option<String>,
    /// The outlet that really published it (ground truth; never unknown).
    pub source: String,
    pub date: Option<NaiveDate>,
    pub byline: Option<String>,
    pub url: Option<String>,
    /// The body, as a parser should return it (the dateline is in `quirks`).
    pub paragraphs: Vec<String>,
    /// The planted event, or `None` for a singleton.
    pub event: Option<u64>,
    /// The crisis storyline, or `None` for a one-off.
    pub storyline: Option<u64>,
    /// The article of the same event it was copied from, and how.
    pub copy_of: Option<(u64, CopyKind)>,
    pub kind: FileKind,
    /// The number of the file it goes into.
    pub file: u32,
    pub quirks: Quirks,
}

impl GenArticle {
    pub fn word_count(&self) -> usize {
        self.paragraphs.iter().map(|p| word_count(p)).sum()
    }

    /// The [`crate::Article`] byline's parser makes of this article's file
    /// (its path as `files/…` relative to the corpus folder), for tests that
    /// skip writing and parsing.
    pub fn to_article(&self) -> crate::Article {
        use crate::corpus::fields::derive_title;
        let (title, title_derived) = match self.paragraphs.first() {
            Some(lede) if !self.title_in_file => (derive_title(lede), true),
            _ => (self.title.clone(), false),
        };
        crate::Article {
            id: self.id.clone(),
            paths: vec![super::output::rel_path(self.file as u64, self.kind.ext()).into()],
            title,
            title_derived,
            outlet: self.outlet.clone(),
            byline: self.byline.clone(),
            date: self.date,
            url: self.url.clone(),
            paragraphs: self.paragraphs.clone(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Src {
    Lede,
    Fact(u8),
    Quote(u8),
    Back(u8),
    BackQuote(u8),
    Fill,
}

struct Sent {
    text: String,
    src: Src,
}

/// What the file says about a member, decided before its text.
struct Meta {
    outlet: usize,
    published: Option<NaiveDate>,
    title_in_file: bool,
    explicit_outlet: bool,
    byline: Option<String>,
    url: bool,
}

fn meta(plan: &Plan, hap: &Happening, h: usize, m: usize) -> Meta {
    let cfg = &plan.cfg;
    let mut rng = Rng::derive(cfg.seed, TAG_META, (h as u64) << 8 | m as u64);
    let spun = matches!(hap.roles[m], Role::Spun(_));
    let offset = [0, 0, 0, 0, 0, 1, 1, 1, 2, 3][rng.below(10)];
    let unknown_date = if spun { 0.5 } else { cfg.unknown_date };
    let published = (!rng.chance(unknown_date)).then(|| hap.date + chrono::Days::new(offset));
    let outlet = hap.outlets[m];
    let byline = if rng.chance(0.6) {
        let mut staff = Rng::derive(0xb7, outlet as u64, rng.below(15) as u64);
        let one = reporter(&mut staff);
        Some(if rng.chance(0.2) { format!("{one} and {}", reporter(&mut staff)) } else { one })
    } else if OUTLETS[outlet].wire && rng.chance(0.3) {
        Some(OUTLETS[outlet].name.to_string())
    } else {
        None
    };
    Meta {
        outlet,
        published,
        title_in_file: rng.chance(if spun { 0.4 } else { 0.92 }),
        explicit_outlet: rng.chance(if spun { 0.3 } else { 1.0 - cfg.unknown_outlet }),
        byline,
        url: rng.chance(0.75),
    }
}

fn target_words(plan: &Plan, rng: &mut Rng) -> usize {
    let c = &plan.cfg;
    let w = (c.median_words.ln() + c.sigma_words * rng.normal()).exp();
    (w.round() as usize).clamp(c.min_words, c.max_words)
}

/// The sentences of an original (or wire-mixed) article, and its dateline.
fn draft(plan: &Plan, hap: &Happening, h: usize, m: usize, meta: &Meta) -> (Vec<Sent>, Option<String>) {
    let style = style(meta.outlet);
    let mut ctx = Ctx {
        lex: &LEXICON,
        story: &hap.story,
        event: Some(&hap.words),
        style,
        date: hap.date,
        rng: Rng::derive(plan.cfg.seed, TAG_DRAFT, (h as u64) << 8 | m as u64),
        named: 0,
        orgs_named: 0,
    };
    let target = target_words(plan, &mut ctx.rng);
    let mut sents = vec![Sent { text: realize::fact(&mut ctx, &hap.main, meta.published, true), src: Src::Lede }];
    let mut core: Vec<(f64, Sent)> = Vec::new();
    for (i, f) in hap.facts.iter().enumerate() {
        if ctx.rng.chance(0.75) {
            let text = realize::fact(&mut ctx, f, meta.published, false);
            core.push((i as f64 + ctx.rng.unit() * 3.0, Sent { text, src: Src::Fact(i as u8) }));
        }
    }
    for (i, q) in hap.quotes.iter().enumerate() {
        if ctx.rng.chance(0.85) {
            let text = realize::quote(&mut ctx, q);
            core.push((i as f64 * 2.0 + ctx.rng.unit() * 4.0, Sent { text, src: Src::Quote(i as u8) }));
        }
    }
    core.sort_by(|a, b| a.0.total_cmp(&b.0));
    sents.extend(core.into_iter().map(|(_, s)| s));
    let story = &hap.story;
    for (i, f) in story.background.iter().enumerate() {
        if ctx.rng.chance(0.5) {
            let text = realize::fact(&mut ctx, f, meta.published, false);
            let at = ctx.rng.range(2.min(sents.len()), sents.len());
            sents.insert(at, Sent { text, src: Src::Back(i as u8) });
        }
    }
    for (i, q) in story.quotes.iter().enumerate() {
        if ctx.rng.chance(0.25) {
            let text = realize::quote(&mut ctx, q);
            let at = ctx.rng.range(2.min(sents.len()), sents.len());
            sents.insert(at, Sent { text, src: Src::BackQuote(i as u8) });
        }
    }
    let mut words: usize = sents.iter().map(|s| word_count(&s.text)).sum();
    while words > target && sents.len() > 2 {
        let s = sents.pop().expect("more than two");
        words -= word_count(&s.text);
    }
    while words < target {
        let text = ctx.filler();
        words += word_count(&text);
        let at = ctx.rng.range(sents.len().div_ceil(2).max(1), sents.len());
        sents.insert(at, Sent { text, src: Src::Fill });
    }
    let line = style.dateline.then(|| {
        let place = hap.main.place.map_or(0, |p| p as usize);
        let city = story.places[place].name.get(style.translit);
        dateline(city, meta.published.unwrap_or(hap.date), OUTLETS[meta.outlet].name, ctx.rng.chance(0.6))
    });
    (sents, line)
}

/// The headline an outlet gives member `m`.
fn title(plan: &Plan, hap: &Happening, h: usize, m: usize, meta: &Meta) -> String {
    let mut ctx = Ctx {
        lex: &LEXICON,
        story: &hap.story,
        event: Some(&hap.words),
        style: style(meta.outlet),
        date: hap.date,
        rng: Rng::derive(plan.cfg.seed, TAG_DRAFT ^ 0x7, (h as u64) << 8 | m as u64),
        named: 0,
        orgs_named: 0,
    };
    headline(&mut ctx, &hap.main)
}

/// Group sentences into news paragraphs: the lede alone, quotes mostly
/// alone, the rest one to three sentences.
fn paragraphs(sents: &[Sent], rng: &mut Rng) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sents.len() {
        let n = if i == 0 || matches!(sents[i].src, Src::Quote(_) | Src::BackQuote(_)) {
            1
        } else {
            1 + rng.weighted(&[45, 40, 15])
        };
        let end = (i + n).min(sents.len());
        out.push(sents[i..end].iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" "));
        i = end;
    }
    out
}

/// Body and dateline of member `m` (following copies to their source).
fn body(plan: &Plan, hap: &Happening, h: usize, m: usize, metas: &[Meta]) -> (Vec<String>, Option<String>) {
    let mut rng = Rng::derive(plan.cfg.seed, TAG_DRAFT ^ 0xff, (h as u64) << 8 | m as u64);
    match hap.roles[m] {
        Role::Original => {
            let (sents, line) = draft(plan, hap, h, m, &metas[m]);
            (paragraphs(&sents, &mut rng), line)
        }
        Role::Wire => {
            let (mut sents, mut line) = draft(plan, hap, h, m, &metas[m]);
            let (wire, wire_line) = draft(plan, hap, h, 0, &metas[0]);
            for s in sents.iter_mut().filter(|s| s.src != Src::Fill) {
                let p = if s.src == Src::Lede { 0.3 } else { 0.5 };
                if let Some(w) = wire.iter().find(|w| w.src == s.src)
                    && rng.chance(p)
                {
                    s.text = if rng.chance(0.2) { spin(&w.text, &mut rng, 0.15) } else { w.text.clone() };
                }
            }
            if line.is_none() && wire_line.is_some() && rng.chance(0.4) {
                line = wire_line;
            }
            (paragraphs(&sents, &mut rng), line)
        }
        Role::Reprint(j) => {
            let (mut paras, line) = body(plan, hap, h, j as usize, metas);
            if paras.len() > 5 {
                let drop = rng.below(3);
                paras.truncate(paras.len() - drop);
            }
            if rng.chance(0.4) {
                paras.push(
                    "This story has been published from a wire agency feed without modifications to the text.".into(),
                );
            }
            let mut staff = Rng::derive(plan.cfg.seed, 0xcc, rng.u64());
            let city = hap.story.places[0].name.get(style(metas[m].outlet).translit).to_uppercase();
            paras.push(format!(
                "(Reporting by {} in {city}; Editing by {})",
                reporter(&mut staff),
                reporter(&mut staff)
            ));
            (paras, line)
        }
        Role::Spun(j) => {
            let (paras, _) = body(plan, hap, h, j as usize, metas);
            let mut spun: Vec<String> = paras.iter().map(|p| spin(p, &mut rng, 0.85)).collect();
            if spun == paras {
                spun.push("This article was rewritten from agency reports.".into());
            }
            (spun, None)
        }
    }
}

/// The id byline's parser gives these paragraphs: the same text as
/// `corpus::fields::normalise_for_id`, built with a fast path for ASCII.
pub fn id_of(paragraphs: &[String]) -> crate::ArticleId {
    let mut out = String::with_capacity(paragraphs.iter().map(|p| p.len() + 1).sum());
    for word in paragraphs.iter().flat_map(|p| p.split_whitespace()) {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                '“' | '”' | '„' | '«' | '»' => out.push('"'),
                '‘' | '’' | '‚' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    crate::ArticleId::from_normalised_text(&out)
}

/// The article with key `key`, generated from the plan alone.
pub fn article(plan: &Plan, key: u64) -> GenArticle {
    let slot = plan.slots[key as usize];
    let h = slot.hap as usize;
    let m = slot.member as usize;
    let hap = plan.happening(h);
    let metas: Vec<Meta> = (0..hap.outlets.len()).map(|i| meta(plan, &hap, h, i)).collect();
    let (paragraphs, line) = body(plan, &hap, h, m, &metas);
    let me = &metas[m];
    let mut rng = Rng::derive(plan.cfg.seed, TAG_META ^ 0xff, key);
    let mut title = title(plan, &hap, h, m, me);
    if matches!(hap.roles[m], Role::Spun(_)) {
        title = spin(&title, &mut rng, 0.8);
    }
    let outlet = &OUTLETS[me.outlet];
    let stated = if me.explicit_outlet { Some(outlet.name.to_string()) } else { line.as_deref().and_then(agency_of) };
    let url = (me.explicit_outlet && me.url).then(|| url(outlet.domain, &title, me.published, key));
    let presented = Presented { outlet: me.outlet, title_in_file: me.title_in_file, published: me.published };
    let mut quirks = quirks(&mut rng, &paragraphs, line, &presented, &title);
    quirks.outlet_explicit = me.explicit_outlet;
    let hp = plan.haps[h];
    GenArticle {
        key,
        id: id_of(&paragraphs),
        title,
        title_in_file: me.title_in_file,
        outlet: stated,
        source: outlet.name.to_string(),
        date: me.published,
        byline: me.byline.clone(),
        url,
        paragraphs,
        event: (hp.event != NONE).then_some(hp.event as u64),
        storyline: (hp.storyline != NONE).then_some(hp.storyline as u64),
        copy_of: match hap.roles[m] {
            Role::Original => None,
            Role::Wire => Some((plan.key_of(h, 0), CopyKind::Wire)),
            Role::Reprint(j) => Some((plan.key_of(h, j as usize), CopyKind::Reprint)),
            Role::Spun(j) => Some((plan.key_of(h, j as usize), CopyKind::Spun)),
        },
        kind: slot.kind,
        file: slot.file,
        quirks,
    }
}
