//! The outlets of the synthetic news: about thirty made-up newspapers,
//! broadcasters and wire agencies, each with a url domain (under the
//! reserved `.example` top-level domain) and a house style: how it spells
//! foreign names, writes percentages and dates, cases its headlines, and how
//! freely it rewords what it reports.

use super::rng::{Rng, mix};

pub struct Outlet {
    pub name: &'static str,
    pub domain: &'static str,
    /// A wire agency: its copy is reprinted by others, it leads with a dateline.
    pub wire: bool,
}

pub const OUTLETS: &[Outlet] = &[
    Outlet { name: "Meridian Wire", domain: "meridianwire.example", wire: true },
    Outlet { name: "Global Press Agency", domain: "gpa-news.example", wire: true },
    Outlet { name: "Allied Press Service", domain: "alliedpress.example", wire: true },
    Outlet { name: "Northern News Service", domain: "nns.example", wire: true },
    Outlet { name: "The Harbor Ledger", domain: "harborledger.example", wire: false },
    Outlet { name: "The Evening Courier", domain: "eveningcourier.example", wire: false },
    Outlet { name: "The Daily Sentinel", domain: "dailysentinel.example", wire: false },
    Outlet { name: "The Capital Post", domain: "capitalpost.example", wire: false },
    Outlet { name: "Continental Times", domain: "continentaltimes.example", wire: false },
    Outlet { name: "The Morning Register", domain: "morningregister.example", wire: false },
    Outlet { name: "Westbrook Gazette", domain: "westbrookgazette.example", wire: false },
    Outlet { name: "The Atlas Review", domain: "atlasreview.example", wire: false },
    Outlet { name: "Pacific Observer", domain: "pacificobserver.example", wire: false },
    Outlet { name: "The Civic Herald", domain: "civicherald.example", wire: false },
    Outlet { name: "Lakeside Chronicle", domain: "lakesidechronicle.example", wire: false },
    Outlet { name: "The Frontier Journal", domain: "frontierjournal.example", wire: false },
    Outlet { name: "Metro Dispatch", domain: "metrodispatch.example", wire: false },
    Outlet { name: "The Commonwealth Standard", domain: "cwstandard.example", wire: false },
    Outlet { name: "Ridgeline Report", domain: "ridgelinereport.example", wire: false },
    Outlet { name: "Riverbend Telegraph", domain: "riverbendtelegraph.example", wire: false },
    Outlet { name: "Orbit News Network", domain: "orbitnews.example", wire: false },
    Outlet { name: "The Granite Record", domain: "granite-record.example", wire: false },
    Outlet { name: "Eastfield Examiner", domain: "eastfieldexaminer.example", wire: false },
    Outlet { name: "Bay Street Bulletin", domain: "baystreetbulletin.example", wire: false },
    Outlet { name: "Coastal Current", domain: "coastalcurrent.example", wire: false },
    Outlet { name: "Keystone Courier", domain: "keystonecourier.example", wire: false },
    Outlet { name: "The Lantern", domain: "lantern-news.example", wire: false },
    Outlet { name: "Halcyon Daily", domain: "halcyondaily.example", wire: false },
    Outlet { name: "The Crossroads Times", domain: "crossroadstimes.example", wire: false },
    Outlet { name: "Tidewater Post", domain: "tidewaterpost.example", wire: false },
    Outlet { name: "Summit Ledger", domain: "summitledger.example", wire: false },
];

/// How an outlet writes.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Which transliteration of foreign names it uses.
    pub translit: usize,
    pub title_case: bool,
    /// 0: "3.5%", 1: "3.5 percent", 2: "3.5 per cent".
    pub percent: u8,
    /// 0: "Feb. 22", 1: "February 22", 2: "22 February".
    pub dates: u8,
    /// How likely it rewords a word that has synonyms.
    pub reword: f64,
    /// Leads with a `CITY, Feb 22 (Outlet) -` dateline.
    pub dateline: bool,
}

pub fn style(outlet: usize) -> Style {
    let h = mix(0x0057_171e, outlet as u64);
    Style {
        translit: (h & 7) as usize,
        title_case: h >> 3 & 1 == 1,
        percent: (h >> 4 & 3) as u8 % 3,
        dates: (h >> 6 & 3) as u8 % 3,
        reword: 0.2 + (h >> 8 & 7) as f64 * 0.05,
        dateline: OUTLETS[outlet].wire,
    }
}

/// `k` distinct outlets for one event, the first one a wire agency about
/// half of the time; bigger outlets (earlier in the list) cover more.
pub fn pick_outlets(rng: &mut Rng, k: usize) -> Vec<usize> {
    let weights: Vec<u32> = (0..OUTLETS.len()).map(|i| 1200 / (i as u32 + 4)).collect();
    let mut chosen: Vec<usize> = Vec::with_capacity(k);
    if rng.chance(if k > 1 { 0.5 } else { 0.1 }) {
        chosen.push(rng.below(OUTLETS.iter().filter(|o| o.wire).count()));
    }
    while chosen.len() < k.min(OUTLETS.len()) {
        let i = rng.weighted(&weights);
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen
}
