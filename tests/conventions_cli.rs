//! The conventions users expect of a command-line tool: `--version`, shell
//! completions and a manual page generated from the same definitions as the
//! parser, `byline paths`, and a log file that `-v` fills and that never
//! changes what a command prints.

use crate::common;

/// The subcommands a user types.
const SUBCOMMANDS: &[&str] =
    &["index", "search", "show", "related", "events", "compare", "stats", "paths", "completions", "man"];

fn stdout(sandbox: &common::Sandbox, args: &[&str]) -> String {
    let out = sandbox.cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn version_prints_the_crate_version() {
    let sandbox = common::Sandbox::new();
    let want = format!("byline {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(stdout(&sandbox, &["--version"]), want);
    assert_eq!(stdout(&sandbox, &["-V"]), want);
    assert!(!sandbox.home().exists(), "--version touches no state");
}

#[test]
fn completions_know_every_subcommand() {
    let sandbox = common::Sandbox::new();
    for (shell, marker) in [("bash", "complete -F"), ("zsh", "#compdef byline"), ("fish", "complete -c byline")] {
        let script = stdout(&sandbox, &["completions", shell]);
        assert!(script.contains(marker), "{shell}: {script}");
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
        assert!(script.contains("json") && script.contains("relevance"), "{shell} completes options and their values");
    }
    for shell in ["elvish", "powershell"] {
        assert!(stdout(&sandbox, &["completions", shell]).contains("search"));
    }
    let out = sandbox.cmd().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_roff_with_every_subcommand() {
    let sandbox = common::Sandbox::new();
    let page = stdout(&sandbox, &["man"]);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{}", &page[..80.min(page.len())]);
    assert!(page.contains(".TH byline 1"), "a title");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS"] {
        assert!(page.contains(section), "no {section}");
    }
    for sub in SUBCOMMANDS {
        let heading = format!(".SH \"BYLINE {}\"", sub.to_uppercase());
        assert!(page.contains(&heading), "no section {heading}");
    }
    assert!(page.contains("date:2022\\-02\\-21..2022\\-02\\-23"), "the search help, roff-escaped");
    assert!(!page.lines().any(|l| l.starts_with(".SH") && l.contains("HELP")), "no help subcommand");
}

#[test]
fn paths_shows_where_everything_is_under_byline_home() {
    let sandbox = common::Sandbox::new();
    let json: serde_json::Value = serde_json::from_str(&stdout(&sandbox, &["paths", "--json"])).unwrap();
    let home = sandbox.home();
    for key in ["data", "index", "config", "config_file", "cache", "state", "log"] {
        let path = json[key].as_str().unwrap_or_else(|| panic!("no {key}"));
        assert!(std::path::Path::new(path).starts_with(&home), "{key}: {path}");
    }
    assert!(json["log"].as_str().unwrap().ends_with("byline.log"));
    let text = stdout(&sandbox, &["paths"]);
    assert!(text.lines().any(|l| l.starts_with("log") && l.ends_with("byline.log")), "{text}");
}

/// `-v` and `-vv` write what byline did to the log file; what the command
/// prints (stdout and stderr) is the same, byte for byte.
#[test]
fn verbose_writes_the_log_and_leaves_the_output_alone() {
    let sandbox = common::Sandbox::new();
    let lib = sandbox.library_with_seeds();
    let log = sandbox.paths().log_file();
    let run = |args: &[&str]| sandbox.cmd().args(args).output().unwrap();

    assert!(run(&["index", lib.to_str().unwrap()]).status.success());
    assert!(!log.exists(), "nothing worth a warning, no log");
    let quiet = run(&["index", lib.to_str().unwrap()]);
    let quiet_search = run(&["search", "Pasechnik"]);

    let loud = run(&["-v", "index", lib.to_str().unwrap()]);
    let logged = std::fs::read_to_string(&log).expect("-v writes the log");
    assert!(logged.contains("index run") && logged.contains("total=5"), "{logged}");
    assert_eq!(String::from_utf8_lossy(&loud.stdout), String::from_utf8_lossy(&quiet.stdout));
    assert_eq!(String::from_utf8_lossy(&loud.stderr), String::from_utf8_lossy(&quiet.stderr));

    let loud_search = run(&["search", "-vv", "Pasechnik"]);
    assert_eq!(loud_search.stdout, quiet_search.stdout);
    assert_eq!(loud_search.stderr, quiet_search.stderr);
    assert!(std::fs::read_to_string(&log).unwrap().contains("DEBUG"), "-vv logs details");

    // An error is logged as well as printed.
    let missing = run(&["show", "zzzz"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(std::fs::read_to_string(&log).unwrap().contains("ERROR"));
}

#[test]
fn byline_log_sets_the_filter() {
    let sandbox = common::Sandbox::new();
    let lib = sandbox.library_with_seeds();
    let out = sandbox.cmd().env("BYLINE_LOG", "byline::index=debug").arg("index").arg(&lib).output().unwrap();
    assert!(out.status.success());
    let logged = std::fs::read_to_string(sandbox.paths().log_file()).unwrap();
    assert!(logged.contains("index run"), "{logged}");
    assert!(!logged.contains("byline started"), "only byline::index: {logged}");
}
