//! Background work yields to the reader.
//!
//! Indexing and grouping use both cores for as long as they run; a search
//! for a keystroke needs a few milliseconds of one. Run at the same priority,
//! the keystroke waits its turn behind them (a p99 of 1.5 s at 100k while
//! `byline index` ran beside the app). So the threads that index lower their
//! CPU priority first: they still get every cycle nobody else wants, and a
//! reader's thread gets a core the moment it asks.

/// The niceness of background work: against a thread of niceness 0 it gets
/// about a tenth of a contended core.
pub const NICENESS: i32 = 10;

/// Lower the calling thread's CPU priority to [`NICENESS`], never raise it.
/// On Linux niceness belongs to the thread, and threads started from it
/// afterwards (Tantivy's indexing threads, a thread pool) inherit it; on
/// other Unix systems it is the whole process's. Best effort: a system that
/// refuses leaves the priority as it was.
pub fn lower() {
    #[cfg(unix)]
    // SAFETY: getpriority/setpriority take plain integers and touch no memory;
    // `who` 0 is the calling thread on Linux and the process elsewhere.
    unsafe {
        let which = libc::PRIO_PROCESS as _;
        let now = libc::getpriority(which, 0);
        if now < NICENESS {
            libc::setpriority(which, 0, NICENESS);
        }
    }
}

/// The calling thread's niceness (Unix), for tests and the log.
pub fn niceness() -> Option<i32> {
    #[cfg(unix)]
    // SAFETY: as above.
    unsafe {
        Some(libc::getpriority(libc::PRIO_PROCESS as _, 0))
    }
    #[cfg(not(unix))]
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_background_thread_is_lowered_and_its_children_inherit_it() {
        let (own, child) = std::thread::spawn(|| {
            lower();
            let child = std::thread::spawn(niceness).join().unwrap();
            lower(); // never raises, and twice is harmless
            (niceness(), child)
        })
        .join()
        .unwrap();
        if cfg!(target_os = "linux") {
            // Under `nice -n 19` the test starts lower still, and stays there.
            let base = niceness().unwrap();
            let lowered = Some(base.max(NICENESS));
            assert_eq!(own, lowered);
            assert_eq!(child, lowered, "a thread started after inherits it");
            assert_eq!(niceness(), Some(base), "the test's own thread is untouched");
        }
    }
}
