//! Opening an article's link: `$BROWSER` is a script that records its
//! arguments, one per line. A url full of shell syntax arrives as exactly one
//! argument and nothing in it runs; links that are not http or https never
//! start anything.

use crate::common;

use common::{Sandbox, write};
use std::path::{Path, PathBuf};

/// A library of one article whose url is `url`, and a browser script that
/// writes each argument it gets on its own line in `argv.txt`, which
/// appears whole.
fn setup(url: &str) -> (Sandbox, PathBuf, PathBuf) {
    let sb = Sandbox::new();
    let lib = sb.dir.path().join("lib");
    let text = format!(
        "---\ntitle: Linked\noutlet: Test Daily\ndate: 2022-02-21\nurl: '{}'\n---\n\nA paragraph about a link that is long enough to be an article.\n",
        url.replace('\'', "''")
    );
    write(&lib.join("linked.md"), text);
    sb.cmd().arg("index").arg(&lib).assert().success();
    let record = sb.dir.path().join("argv.txt");
    let script = sb.dir.path().join("browser.sh");
    // All the arguments at once, by a rename: a reader never sees the
    // first line alone (as it could when each was appended in turn).
    let r = record.display();
    write(&script, format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{r}.part' && mv '{r}.part' '{r}'\n"));
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    (sb, script, record)
}

/// Wait for the detached browser to have written its arguments.
fn recorded(record: &Path) -> Vec<String> {
    for _ in 0..500 {
        if let Ok(text) = std::fs::read_to_string(record)
            && text.ends_with('\n')
        {
            return text.lines().map(str::to_string).collect();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the browser never ran");
}

#[test]
fn a_hostile_url_is_one_argument_and_nothing_runs() {
    let marker = std::env::temp_dir().join(format!("byline-pwned-{}", std::process::id()));
    let url = format!("https://example.com/a b;touch {m}$(touch {m})`touch {m}`\"q\"?x='y'&z=1", m = marker.display());
    let (sb, script, record) = setup(&url);
    let out = sb
        .cmd()
        .env("BROWSER", format!("{} --new-tab", script.display()))
        .args(["open", "linked", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let sent = v["url"].as_str().unwrap().to_string();
    let argv = recorded(&record);
    assert_eq!(argv, vec!["--new-tab".to_string(), sent.clone()], "one argument for the url");
    assert!(sent.starts_with("https://example.com/a%20b;touch"), "{sent}");
    assert!(!sent.contains([' ', '"']), "{sent}");
    assert!(!marker.exists(), "nothing in the url was run");
}

#[test]
fn placeholders_put_the_url_where_browser_says() {
    let (sb, script, record) = setup("https://example.com/story");
    sb.cmd()
        .env("BROWSER", format!("'{}' --url=%u --after", script.display()))
        .args(["open", "linked"])
        .assert()
        .success();
    assert_eq!(recorded(&record), ["--url=https://example.com/story", "--after"]);
}

#[test]
fn other_schemes_and_missing_links_never_start_anything() {
    for url in ["javascript:alert(document.cookie)", "file:///etc/passwd", "data:text/html,hi", "not a url"] {
        let (sb, _script, _record) = setup(url);
        // A browser that cannot start: had byline tried, it would say so.
        let out = sb
            .cmd()
            .env("BROWSER", "/nonexistent/browser")
            .args(["open", "linked"])
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8_lossy(&out);
        assert!(
            err.contains("only http and https") || err.contains("not a valid URL") || err.contains("no link"),
            "{url}: {err}"
        );
        assert!(!err.contains("cannot start"), "{url}: byline tried to start the browser: {err}");
    }
}
