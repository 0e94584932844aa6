//! The benchmark suite's pure helpers (percentiles, ratios, reading
//! `/usr/bin/time -v` reports): their unit tests live beside them in
//! `benches/suite/` and run here, as the bench itself has no test harness.

#![allow(dead_code)]

#[path = "../benches/suite/report.rs"]
mod report;
#[path = "../benches/suite/stats.rs"]
mod stats;
