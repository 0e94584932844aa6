//! Who covered an event, and when: its articles counted per day and per
//! outlet, the plain value the events view draws as a chart and
//! `byline events --json` prints beside each event.

use super::cluster::Event;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One outlet's articles on the event, per day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletCoverage {
    /// `None`: the articles whose outlet is unknown, together.
    pub outlet: Option<String>,
    /// Articles per day, one count per day of [`Coverage::days`].
    pub per_day: Vec<u32>,
    pub undated: u32,
    pub total: u32,
}

/// An event's articles per day per outlet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Every day from the first article to the last, gaps included.
    pub days: Vec<NaiveDate>,
    /// Most articles first, then by name; unknown outlets last.
    pub outlets: Vec<OutletCoverage>,
}

/// An event with its coverage, as `byline events --json` prints it.
#[derive(Serialize)]
pub struct Covered<'a> {
    #[serde(flatten)]
    pub event: &'a Event,
    pub coverage: Coverage,
}

impl Coverage {
    /// Count `event`'s articles.
    pub fn of(event: &Event) -> Coverage {
        let dates = event.articles.iter().filter_map(|a| a.date);
        let days: Vec<NaiveDate> = match (dates.clone().min(), dates.max()) {
            (Some(first), Some(last)) => first.iter_days().take_while(|d| *d <= last).collect(),
            _ => Vec::new(),
        };
        let mut by_outlet: BTreeMap<Option<String>, OutletCoverage> = BTreeMap::new();
        for a in &event.articles {
            let row = by_outlet.entry(a.outlet.clone()).or_insert_with(|| OutletCoverage {
                outlet: a.outlet.clone(),
                per_day: vec![0; days.len()],
                undated: 0,
                total: 0,
            });
            row.total += 1;
            match a.date.and_then(|d| days.first().map(|first| (d - *first).num_days() as usize)) {
                Some(i) => row.per_day[i] += 1,
                None => row.undated += 1,
            }
        }
        let mut outlets: Vec<OutletCoverage> = by_outlet.into_values().collect();
        outlets.sort_by(|a, b| {
            (a.outlet.is_none(), std::cmp::Reverse(a.total), &a.outlet).cmp(&(
                b.outlet.is_none(),
                std::cmp::Reverse(b.total),
                &b.outlet,
            ))
        });
        Coverage { days, outlets }
    }

    /// The days cut into at most `columns` runs of equal length (the last
    /// may be shorter): each run's first and last day.
    pub fn buckets(&self, columns: usize) -> Vec<(NaiveDate, NaiveDate)> {
        let per = self.days_per_bucket(columns);
        self.days.chunks(per).map(|c| (c[0], c[c.len() - 1])).collect()
    }

    /// One outlet's counts summed over the runs of [`Coverage::buckets`].
    pub fn bucketed(&self, row: &OutletCoverage, columns: usize) -> Vec<u32> {
        row.per_day.chunks(self.days_per_bucket(columns)).map(|c| c.iter().sum()).collect()
    }

    fn days_per_bucket(&self, columns: usize) -> usize {
        self.days.len().div_ceil(columns.max(1)).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleId;
    use crate::article::Listing;

    fn member(outlet: Option<&str>, day: Option<u32>) -> Listing {
        Listing {
            id: ArticleId(format!("{outlet:?}{day:?}")),
            title: "t".into(),
            outlet: outlet.map(str::to_string),
            date: day.map(|d| NaiveDate::from_ymd_opt(2022, 2, d).unwrap()),
        }
    }

    fn event(articles: Vec<Listing>) -> Event {
        Event { id: "e".into(), label: "l".into(), articles, outlets: vec![], first_date: None, last_date: None }
    }

    #[test]
    fn counts_per_day_per_outlet_with_gaps_and_unknowns() {
        let c = Coverage::of(&event(vec![
            member(Some("Reuters"), Some(21)),
            member(Some("Reuters"), Some(24)),
            member(Some("AFP"), Some(21)),
            member(None, Some(22)),
            member(Some("AFP"), None),
            member(Some("Reuters"), Some(21)),
        ]));
        assert_eq!(c.days.len(), 4, "21 to 24, the empty 23rd included");
        let rows: Vec<(Option<&str>, &[u32], u32)> =
            c.outlets.iter().map(|o| (o.outlet.as_deref(), o.per_day.as_slice(), o.undated)).collect();
        assert_eq!(
            rows,
            vec![
                (Some("Reuters"), &[2, 0, 0, 1][..], 0),
                (Some("AFP"), &[1, 0, 0, 0][..], 1),
                (None, &[0, 1, 0, 0][..], 0),
            ]
        );
    }

    #[test]
    fn long_spans_fold_into_the_columns_there_are() {
        let c = Coverage::of(&event(vec![member(Some("A"), Some(1)), member(Some("A"), Some(28))]));
        assert_eq!(c.days.len(), 28);
        let b = c.buckets(10);
        assert_eq!(b.len(), 10);
        assert_eq!(b[0].0, NaiveDate::from_ymd_opt(2022, 2, 1).unwrap());
        assert_eq!(b[9].1, NaiveDate::from_ymd_opt(2022, 2, 28).unwrap());
        let sums = c.bucketed(&c.outlets[0], 10);
        assert_eq!((sums.len(), sums[0], sums[9], sums.iter().sum::<u32>()), (10, 1, 1, 2));
        let one_day = Coverage::of(&event(vec![member(Some("A"), Some(3))]));
        assert_eq!(one_day.buckets(40).len(), 1);
        assert!(Coverage::of(&event(vec![member(Some("A"), None)])).days.is_empty());
    }
}
