//! The real binary in a real terminal (tmux): start on the demo library,
//! search, open, compare, go back, quit; list the events and open one side
//! by side; and leave on SIGTERM and SIGHUP.
//! Each step checks the screen; at the end the terminal must be restored
//! (main screen back, cooked mode, the shell's next line printed).
//!
//! Skips, saying so, when tmux is not installed.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    _home: tempfile::TempDir,
}

fn tmux_installed() -> bool {
    let ok = Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("SKIPPED: tmux is not installed, so the real-terminal test cannot run (apt-get install tmux)");
    }
    ok
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Tmux {
    /// Start byline in a fresh tmux server of its own, `cols`×`rows`.
    fn start(name: &str, cols: u16, rows: u16) -> Tmux {
        let home = tempfile::tempdir().unwrap();
        let socket = format!("byline-test-{name}-{}", std::process::id());
        let bin = env!("CARGO_BIN_EXE_byline");
        let shell = format!(
            "env -u NO_COLOR BYLINE_HOME={} TERM=xterm-256color {}; echo \"[exited with status $?]\"; \
             if stty -a | grep -q -- -icanon; then echo '[tty raw]'; else echo '[tty cooked]'; fi; sleep 3600",
            quote(&home.path().display().to_string()),
            quote(bin)
        );
        let t = Tmux { socket, _home: home };
        let (x, y) = (cols.to_string(), rows.to_string());
        t.tmux(&["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", &x, "-y", &y, &shell]);
        t
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs");
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "main", k]);
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", text]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    /// The screen with its colours and attributes as escape sequences.
    fn styled(&self) -> String {
        self.tmux(&["capture-pane", "-e", "-p", "-t", "main"])
    }

    fn format(&self, f: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "main", f]).trim().to_string()
    }

    /// Wait until every one of `texts` is on the screen; the screen then.
    fn wait_for(&self, texts: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if texts.iter().all(|t| s.contains(t)) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("never saw {texts:?}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the screen is no longer `before`; the screen then.
    fn wait_for_change(&self, before: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if s != before {
                return s;
            }
            if Instant::now() > deadline {
                panic!("the screen never changed from:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The pid of byline, the shell's child in the pane.
    fn app_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let out = Command::new("ps").args(["-o", "pid=", "--ppid", &shell]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).split_whitespace().next().expect("byline is running").to_string()
    }

    /// The terminal is as the shell left it: main screen, cooked mode.
    fn assert_restored(&self, status: i32) {
        let s = self.wait_for(&[&format!("[exited with status {status}]"), "[tty "]);
        assert!(s.contains("[tty cooked]"), "raw mode was left on:\n{s}");
        assert_eq!(self.format("#{alternate_on}"), "0", "still on the alternate screen");
        assert!(!s.contains("┌") && !s.contains("Search ›"), "the app's screen is left behind:\n{s}");
        assert_eq!(self.format("#{mouse_any_flag}"), "0", "mouse reporting left on");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
    }
}

#[test]
fn search_open_compare_back_quit_in_a_real_terminal() {
    if !tmux_installed() {
        return;
    }
    assert!(Path::new(env!("CARGO_BIN_EXE_byline")).exists());
    let t = Tmux::start("flow", 100, 30);

    // Start: the demo library, newest first.
    let s = t.wait_for(&["5 articles · newest first", "demo library"]);
    assert_eq!(t.format("#{alternate_on}"), "1", "the app uses the alternate screen");
    assert!(s.contains("Bloomberg · 2022-02-24"), "{s}");

    // Search as you type: exactly two results.
    t.type_text("Pasechnik");
    let s = t.wait_for(&["Search › Pasechnik", "2 articles · best match first"]);
    let list: String = s.lines().map(|l| l.split("││").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    assert!(list.contains("Putin Says Considering Ukraine Sepa"), "{s}");
    assert!(list.contains("East Ukraine rebels ask Putin to re"), "{s}");
    assert!(!list.contains("Bloomberg") && !list.contains("undated"), "only the two hits are listed:\n{s}");

    // Open the first: the cleaned article, the word marked.
    t.keys(&["Enter"]);
    let s = t.wait_for(&["separatist Leonid Pasechnik said", "n next match"]);
    assert!(!s.contains("Search ›"), "the article is on its own:\n{s}");
    let styled = t.styled();
    let line =
        styled.lines().find(|l| l.contains("Leonid ") && l.contains("Pasechnik")).expect("the match is on screen");
    let before = &line[..line.find("Pasechnik").unwrap()];
    let sgr = &before[before.rfind('\u{1b}').expect("the word is styled")..];
    assert!(sgr.contains("48;") || sgr.contains("7m"), "the word has a background: {sgr:?} in {line:?}");
    t.keys(&["g"]);
    let s = t.wait_for(&["The Moscow Times · by AFP · 2022-02-21", "line 1/"]);
    assert!(!s.contains("(#)") && !s.contains("# Putin"), "Markdown is gone:\n{s}");
    assert!(s.contains("│ Putin Says Considering Ukraine Separatists' Independence Request"), "{s}");
    t.keys(&["G"]);
    t.wait_for(&["Russia has denied planning an invasion."]);

    // Two columns: the picker proposes the other account of the same event first.
    t.keys(&["c"]);
    t.wait_for(&["Compare “Putin Says Considering", "related first", "same event 0."]);
    t.keys(&["Enter"]);
    let s = t.wait_for(&["The Moscow Times · by AFP · 2022-02-21", "unknown outlet · 2022-02-21", "esc back"]);
    assert!(s.contains("36% similar") && s.contains("u unlock"), "{s}");

    // Back to the article, then quit.
    t.keys(&["Escape"]);
    t.wait_for(&["n next match", "Russia has denied planning an invasion."]);
    t.keys(&["q"]);
    t.assert_restored(0);
}

/// The gutter marker (`=`, `~`, `<`, `>`) of a screen line, at 100 columns.
fn marker(line: &str) -> Option<char> {
    line.chars().nth(49)
}

#[test]
fn events_side_by_side_back_quit_in_a_real_terminal() {
    if !tmux_installed() {
        return;
    }
    let t = Tmux::start("events", 100, 30);
    t.wait_for(&["5 articles · newest first"]);

    // `e` opens the selected article's event (000, the newest, marked);
    // `Esc` goes up to the events: the {000, 001} one and the {002, 004} one.
    t.keys(&["Escape", "e"]);
    t.wait_for(&["the article you came from", "enter reads"]);
    t.keys(&["Escape"]);
    let s = t.wait_for(&[
        "Events: the same story in several articles",
        "2 articles · Bloomberg, 1 unknown outlet · 2022-02-24",
        "2 articles · The Moscow Times, 1 unknown outlet · 2022-02-21",
    ]);
    let bloomberg = s.find("Bloomberg, 1 unknown").unwrap();
    assert!(bloomberg < s.find("The Moscow Times, 1 unknown").unwrap(), "newest first:\n{s}");

    // The second event's articles; choose both: side by side.
    t.keys(&["j", "Enter"]);
    t.wait_for(&["Putin Says Considering Ukraine", "East Ukraine rebels ask Putin", "space marks"]);
    t.keys(&["Enter"]);
    t.wait_for(&["esc back"]);
    t.keys(&["Escape"]);
    t.wait_for(&["space marks"]);
    t.keys(&["Space"]);
    t.wait_for(&["[x] ", "goes on the left"]);
    t.keys(&["j", "Space"]);
    let s = t.wait_for(&["36% similar", "same day", "] next difference"]);
    assert!(s.contains("The Moscow Times · by AFP") && s.contains("unknown outlet · 2022-02-21"), "{s}");

    // `]` from difference to difference until a changed one: its marker is in the gutter.
    let mut changed = false;
    for i in 1..12 {
        t.keys(&["]"]);
        let s = t.wait_for(&[&format!("difference {i}/")]);
        if s.lines().last().is_some_and(|l| l.contains(": changed")) {
            changed = s.lines().any(|l| marker(l) == Some('~'));
            assert!(changed, "a changed row is marked `~`:\n{s}");
            break;
        }
    }
    assert!(changed, "`]` reached a changed row");
    t.keys(&["d"]);
    t.wait_for(&["differences only: what both say is folded"]);
    t.keys(&["g"]);
    let mut s = t.screen();
    for _ in 0..6 {
        if s.contains("… 1 shared sentence …") {
            break;
        }
        t.keys(&["PageDown"]);
        s = t.wait_for_change(&s);
    }
    let s = t.wait_for(&["… 1 shared sentence …"]);
    assert!(s.lines().any(|l| marker(l) == Some('=')), "the fold is marked `=`:\n{s}");

    // Esc: the event's articles, the events, the list; then quit.
    t.keys(&["Escape"]);
    t.wait_for(&["enter reads · c compares · space marks"]);
    t.keys(&["Escape"]);
    t.wait_for(&["/ filter · enter its articles"]);
    t.keys(&["Escape"]);
    t.wait_for(&["5 articles · newest first", "e events"]);
    t.keys(&["q"]);
    t.assert_restored(0);
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    if !tmux_installed() {
        return;
    }
    for (signal, status) in [("TERM", 143), ("HUP", 129)] {
        let t = Tmux::start(&signal.to_lowercase(), 80, 24);
        t.wait_for(&["5 articles"]);
        t.keys(&["Escape", "Enter"]);
        t.wait_for(&["esc back"]);
        let pid = t.app_pid();
        let killed = Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap();
        assert!(killed.success());
        t.assert_restored(status);
    }
}

#[test]
fn too_small_then_big_enough() {
    if !tmux_installed() {
        return;
    }
    let t = Tmux::start("small", 30, 8);
    t.wait_for(&["Terminal too small"]);
    t.tmux(&["resize-window", "-t", "main", "-x", "80", "-y", "24"]);
    t.wait_for(&["5 articles"]);
    t.keys(&["C-c"]);
    t.wait_for(&["[exited with status 0]", "[tty cooked]"]);
    assert_eq!(t.format("#{alternate_on}"), "0");
}
