//! A command run to its end with its own peak memory: the child's resident
//! set as the kernel counted it (`wait4`'s rusage), so that each case has
//! its figure, not the largest of every child the test process waited for.

#![allow(dead_code)]

use std::io::Read;
use std::process::{Command, Stdio};

/// What a run gave.
pub struct Run {
    /// The exit code; `None` when a signal ended it.
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub peak_rss_bytes: u64,
}

impl Run {
    pub fn peak_mib(&self) -> u64 {
        self.peak_rss_bytes >> 20
    }
}

// The child is waited for, by `wait4` (std's `wait` gives no rusage).
#[allow(clippy::zombie_processes)]
pub fn run(cmd: &mut Command) -> Run {
    let mut child = cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            r.read_to_end(&mut buf).expect("read the child's output");
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our child's, not yet waited for; both out-pointers are valid.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4: {}", std::io::Error::last_os_error());
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Run {
        code,
        stdout: out.join().unwrap(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
        // Kilobytes on Linux.
        peak_rss_bytes: usage.ru_maxrss as u64 * 1024,
    }
}
