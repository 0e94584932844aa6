//! The integration tests, gathered into one test binary of many modules
//! (as ripgrep's `tests/tests.rs` does). Each file under `tests/` used to be
//! a binary of its own that linked Tantivy; on a 2-core machine most of
//! `cargo test`'s time went to linking them. Only the tests that need a
//! process to themselves are binaries of their own (`[[test]]` in
//! Cargo.toml, which says why for each); a new test file is a new line here.
//!
//! One filter runs one file's tests as before:
//! `cargo test --test tests walk_race::` (module paths prefix test names).

mod common;

// The benchmark suite's pure helpers (percentiles, ratios, reading
// `/usr/bin/time -v` reports): their unit tests live beside them in
// `benches/suite/` and run here, as the bench itself has no test harness.
// At the crate root, because they name each other from there.
#[allow(dead_code)]
#[path = "../benches/suite/report.rs"]
mod report;
#[allow(dead_code)]
#[path = "../benches/suite/stats.rs"]
mod stats;

/// Hostile files, built by the tests that feed byline bad ones.
mod hostile {
    pub mod files;
}

mod cli;
mod compare_cli;
mod conventions_cli;
mod events;
mod events_cli;
mod events_generated;
mod feeds;
mod fuzz_regressions;
mod honest_queries;
mod hostile_corpus;
mod html;
mod html_causes;
mod index_commits;
mod index_damage;
mod index_incremental;
mod library_cli;
mod links;
mod readme_screens;
mod search;
mod state_cli;
mod synth_cli;
mod synth_parse;
mod tui_cli;
mod tui_compare;
mod tui_compare_keys;
mod tui_compare_safety;
mod tui_coverage;
mod tui_events_view;
mod tui_fetch;
mod tui_keys;
mod tui_live;
mod tui_newcomer;
mod tui_responsive;
mod tui_state;
mod tui_terminal_bytes;
mod tui_tmux;
mod tui_unicode_property;
mod tui_views;
mod walk_race;
