//! `byline index` under resource limits, measured from outside (the real
//! binary in a temporary BYLINE_HOME):
//!
//! - memory stays bounded on the hostile corpus, with a 1 GiB file and a
//!   1 GiB JSONL line added: peak RSS is read from the kernel
//!   (`getrusage(RUSAGE_CHILDREN)`) and must stay far below what reading
//!   either into memory would take. A bound, not a timing.
//! - a failed write (a file-size limit, as a full disk gives: `write`
//!   fails with EFBIG) ends in one line and exit status 2, and the previous
//!   commit still opens and answers `byline search` exactly as before; a
//!   re-run without the limit completes.

mod common;
#[path = "hostile/files.rs"]
mod files;

use byline::synth::{self, Config, OutputFormat};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;

/// Reading a 1 GiB file or line whole would need at least this much.
const MEMORY_BOUND_BYTES: u64 = 512 * 1024 * 1024;
const GIB: u64 = 1024 * 1024 * 1024;

fn byline(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.env("BYLINE_HOME", home).env("NO_COLOR", "1").env_remove("RUST_BACKTRACE");
    cmd
}

/// The largest peak resident set of any child this test process has waited for.
fn children_peak_rss_bytes() -> u64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0, "getrusage: {}", std::io::Error::last_os_error());
    usage.ru_maxrss as u64 * 1024 // kilobytes on Linux
}

#[test]
fn memory_stays_bounded_on_the_hostile_corpus() {
    let sandbox = common::Sandbox::new();
    let root = sandbox.dir.path().join("hostile");
    let corpus = files::build(&root);
    // Sparse: a gibibyte each, and nothing on disk.
    std::fs::File::create(root.join("huge/gibibyte.txt")).unwrap().set_len(GIB).unwrap();
    let line = root.join("json/gibibyte_line.jsonl");
    std::fs::File::create(&line).unwrap().set_len(GIB).unwrap();

    let out = byline(&sandbox.home()).arg("index").arg(&root).arg("--json").output().unwrap();
    let peak = children_peak_rss_bytes();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let skipped = report["skipped"].as_array().unwrap();
    let line_skip = skipped.iter().find(|s| s["path"].as_str() == line.to_str()).expect("the huge line is skipped");
    assert_eq!(line_skip["line"], 1, "{line_skip}");
    assert!(report["articles_total"].as_u64().unwrap() >= 30, "{report}");
    eprintln!("peak RSS of byline index on {} hostile files + 2 GiB: {} MiB", corpus.files.len() + 2, peak >> 20);
    assert!(peak < MEMORY_BOUND_BYTES, "peak RSS {} MiB", peak >> 20);
}

/// Run `cmd` with writes limited to files of `limit` bytes; a write past it
/// fails with EFBIG (SIGXFSZ is ignored, as a full disk would not signal).
fn with_file_size_limit(cmd: &mut Command, limit: u64) -> &mut Command {
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit { rlim_cur: limit, rlim_max: limit };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        })
    }
}

#[test]
fn a_failed_write_leaves_the_previous_commit_searchable() {
    let sandbox = common::Sandbox::new();
    let home = sandbox.home();
    let library = sandbox.library_with_seeds();
    let first = byline(&home).arg("index").arg(&library).output().unwrap();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let search = |args: &[&str]| {
        let out = byline(&home).arg("search").args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let queries: [&[&str]; 3] = [&["Pasechnik", "--json"], &["the", "--limit", "50", "--json"], &["Minsk"]];
    let before: Vec<Vec<u8>> = queries.iter().map(|q| search(q)).collect();

    // Enough new articles that the next commit's segment files outgrow the limit.
    synth::write(&synth::generate(&Config::new(1_000, 7)), &library.join("more"), OutputFormat::Files).unwrap();
    let failed = with_file_size_limit(byline(&home).arg("index").arg(&library), 256 * 1024).output().unwrap();
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(failed.status.code(), Some(2), "{stderr}");
    let last = stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("byline: ") && last.contains("large"), "one clear line: {stderr}");
    eprintln!("with writes limited to 256 KiB: {last}");
    assert!(!stderr.contains("panicked") && !stderr.contains("internal error"), "{stderr}");

    let after: Vec<Vec<u8>> = queries.iter().map(|q| search(q)).collect();
    assert_eq!(after, before, "the previous commit answers exactly as before");
    let stats = byline(&home).args(["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["articles"], 5);

    let rerun = byline(&home).arg("index").arg(&library).output().unwrap();
    assert!(rerun.status.success(), "{}", String::from_utf8_lossy(&rerun.stderr));
    let stats = byline(&home).args(["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert!(stats["articles"].as_u64().unwrap() > 900, "{stats}");
}
