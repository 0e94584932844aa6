//! Summaries of repeated measurements (median, p99) and the table rows the
//! suite prints: one markdown row per measurement, byline beside its peer.

use std::time::Duration;

/// Measurements in milliseconds, sorted.
#[derive(Clone, Debug, Default)]
pub struct Samples(Vec<f64>);

impl Samples {
    pub fn new(mut ms: Vec<f64>) -> Samples {
        ms.retain(|x| x.is_finite());
        ms.sort_by(f64::total_cmp);
        Samples(ms)
    }

    pub fn from_durations(d: &[Duration]) -> Samples {
        Samples::new(d.iter().map(|d| d.as_secs_f64() * 1e3).collect())
    }

    pub fn values(&self) -> &[f64] {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The `p`-th percentile (0–100) by nearest rank; `None` without samples.
    pub fn percentile(&self, p: f64) -> Option<f64> {
        if self.0.is_empty() {
            return None;
        }
        let rank = (p / 100.0 * self.0.len() as f64).ceil() as usize;
        Some(self.0[rank.clamp(1, self.0.len()) - 1])
    }

    pub fn median(&self) -> Option<f64> {
        self.percentile(50.0)
    }

    pub fn p99(&self) -> Option<f64> {
        self.percentile(99.0)
    }

    /// "p50 / p99 ms (n)", the form every latency cell takes.
    pub fn cell(&self) -> String {
        match (self.median(), self.p99()) {
            (Some(m), Some(p)) => format!("{} / {} ms (n={})", ms(m), ms(p), self.len()),
            _ => "n/a".into(),
        }
    }
}

/// A duration in ms with sensible precision.
pub fn ms(x: f64) -> String {
    if x < 1.0 {
        format!("{x:.3}")
    } else if x < 100.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.0}")
    }
}

/// `a / b` with two significant-ish digits, or n/a.
pub fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 && a.is_finite() => {
            let r = a / b;
            match r {
                r if r >= 100.0 => format!("{r:.0}x"),
                r if r >= 0.1 => format!("{r:.2}x"),
                // Two significant digits below 0.1.
                r => format!("{r:.*}x", (1.0 - r.log10().floor()) as usize),
            }
        }
        _ => "n/a".into(),
    }
}

/// One line of the results table.
pub struct Row {
    pub what: String,
    pub byline: String,
    pub peer: String,
    pub ratio: String,
    pub target: String,
}

impl Row {
    pub fn new(what: impl Into<String>, byline: impl Into<String>) -> Row {
        Row { what: what.into(), byline: byline.into(), peer: "".into(), ratio: "".into(), target: "".into() }
    }

    pub fn peer(mut self, peer: impl Into<String>, ratio: impl Into<String>) -> Row {
        self.peer = peer.into();
        self.ratio = ratio.into();
        self
    }

    pub fn target(mut self, target: impl Into<String>) -> Row {
        self.target = target.into();
        self
    }

    /// Print the row as markdown (the script collects stdout into the table).
    pub fn print(&self) {
        println!("| {} | {} | {} | {} | {} |", self.what, self.byline, self.peer, self.ratio, self.target);
    }
}

#[cfg(test)]
mod tests {
    // Paths, not imports: the bench target compiles this module without its tests.
    #[test]
    fn percentiles_by_nearest_rank() {
        let s = super::Samples::new((1..=100).rev().map(f64::from).collect());
        assert_eq!(s.median(), Some(50.0));
        assert_eq!(s.p99(), Some(99.0));
        assert_eq!(s.percentile(100.0), Some(100.0));
        assert_eq!(s.percentile(0.0), Some(1.0));
        let one = super::Samples::new(vec![7.0]);
        assert_eq!((one.median(), one.p99()), (Some(7.0), Some(7.0)));
        assert_eq!(super::Samples::new(vec![f64::NAN]).median(), None);
    }

    #[test]
    fn cells_and_ratios() {
        assert_eq!(super::Samples::new(vec![0.5, 2.0, 250.0]).cell(), "2.00 / 250 ms (n=3)");
        assert_eq!(super::ratio(Some(300.0), Some(2.0)), "150x");
        assert_eq!(super::ratio(Some(1.0), Some(2.0)), "0.50x");
        assert_eq!(super::ratio(Some(0.017), Some(10.0)), "0.0017x");
        assert_eq!(super::ratio(Some(1.0), Some(0.0)), "n/a");
        assert_eq!(super::ratio(None, Some(1.0)), "n/a");
    }
}
