//! The app's side of the command line: `--print-default-config`, a config
//! file byline cannot use, and `byline` with no terminal. Each run has its
//! own temporary BYLINE_HOME.

use assert_cmd::Command;
use predicates::prelude::*;

fn byline(home: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("byline").unwrap();
    c.env("BYLINE_HOME", home).env_remove("NO_COLOR");
    c
}

#[test]
fn print_default_config_prints_the_embedded_defaults_which_parse() {
    let home = tempfile::tempdir().unwrap();
    let out = byline(home.path()).arg("--print-default-config").assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text, byline::config::DEFAULT_CONFIG);
    assert!(text.contains("[keys.global]") && text.contains("[colors]"));
    // Written back as a user's config.toml, it is accepted as is.
    byline::config::Config::layered(&text, "config.toml").unwrap();
}

#[test]
fn a_bad_config_is_one_line_naming_the_line() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    let file = home.path().join("config/config.toml");
    std::fs::write(&file, "[keys.list]\ndown = [\"j\"]\nzoom = [\"z\"]\n").unwrap();
    let out = byline(home.path()).assert().code(2).get_output().stderr.clone();
    let err = String::from_utf8(out).unwrap();
    assert_eq!(err, format!("byline: {} line 3: unknown action \"zoom\" in [keys.list]\n", file.display()));
    std::fs::write(&file, "[keys.list]\ndown = [\"jj\"]\n").unwrap();
    byline(home.path()).assert().code(2).stderr(predicate::str::contains("line 2: unknown key name \"jj\""));
    std::fs::write(&file, "[colors]\n\nmatch = \"pink on yellow\"\n").unwrap();
    byline(home.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 3:").and(predicate::str::contains("pink")));
}

#[test]
fn without_a_terminal_byline_prints_the_statistics() {
    let home = tempfile::tempdir().unwrap();
    byline(home.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("5 articles"))
        .stderr(predicate::str::contains("not a terminal"));
}
