//! The terminal app: set the terminal up, run the event loop, and put the
//! terminal back however the app ends (quit, error, panic, SIGTERM, SIGHUP).
//!
//! Three threads feed one channel: terminal input, signals, and the worker
//! that asks the library everything slow ([`worker`], over [`protocol`]). The loop draws, waits for an event, lets the
//! [`App`] handle it (and any that queued meanwhile), hands the app's
//! requests to the worker (before drawing, and after: a frame may show the
//! list has room for more hits), and draws again. It never waits on the
//! index.

pub mod action;
pub mod app;
pub mod comparison;
pub mod doc;
mod events_keys;
mod fetching;
pub mod fitting;
pub mod live;
pub mod marking;
mod probe;
pub mod protocol;
mod replies;
mod side_by_side;
#[doc(hidden)]
pub mod testing;
pub mod text;
pub mod theme;
mod update;
pub mod views;
pub mod worker;

pub use action::AppEvent;
pub use app::App;
pub use theme::Theme;
pub use worker::Worker;

use crate::config::{Config, Paths};
use crossterm::{cursor, event, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// Run the app on the library in `paths` until the user quits; returns the exit status.
pub fn run(paths: Paths, config: Config) -> anyhow::Result<i32> {
    let (tx, rx) = channel();
    let mut app = App::new(&config, Theme::new(&config, Theme::no_color_requested()));
    install_panic_hook();
    let guard = TerminalGuard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let stop = Arc::new(AtomicBool::new(false));
    let mut probe = probe::Probe::from_env(tx.clone());
    spawn_input(tx.clone(), stop.clone(), probe.stamps());
    spawn_signals(tx.clone())?;
    // The library is opened on the worker: the first frame does not wait for it.
    let watch = Arc::new(std::sync::Mutex::new(None));
    let worker = Worker::spawn(live::watched(paths, config, tx.clone(), watch.clone()), tx);
    tracing::info!("app started");
    // A copied link reaches the terminal as OSC 52, written once, after the frame.
    let mut copied = 0;
    let result = event_loop(&mut terminal, &mut app, &rx, &worker, |app, _| {
        if let Some((n, osc)) = &app.clipboard
            && *n != copied
        {
            copied = *n;
            let mut out = std::io::stdout();
            let _ = out.write_all(osc.as_bytes()).and_then(|_| out.flush());
        }
        probe.frame(app);
    });
    stop.store(true, Ordering::SeqCst);
    drop(watch);
    drop(terminal);
    drop(guard);
    result
}

/// Draw, wait for events, handle them, repeat until the app says to quit.
/// `on_frame` sees every frame drawn (tests watch the loop through it).
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &Receiver<AppEvent>,
    worker: &Worker,
    mut on_frame: impl FnMut(&App, &Buffer),
) -> anyhow::Result<i32>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let send = |app: &mut App| app.take_requests().into_iter().for_each(|r| worker.send(r));
    loop {
        send(app);
        let frame = terminal.draw(|f| views::render(app, f))?;
        on_frame(app, frame.buffer);
        if let Some(code) = app.quit {
            return Ok(code);
        }
        // What the frame showed may want more (a list with room to fill).
        app.frame_drawn();
        send(app);
        let Ok(first) = events.recv() else { return Ok(0) };
        app.handle(first);
        // Handle what queued meanwhile before drawing again, so a burst of
        // keys (or a paste) costs one frame, not one each.
        while app.quit.is_none()
            && let Ok(more) = events.try_recv()
        {
            app.handle(more);
        }
    }
}

fn spawn_input(tx: Sender<AppEvent>, stop: Arc<AtomicBool>, stamps: probe::KeyStamps) {
    std::thread::Builder::new()
        .name("byline-input".into())
        .spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                match event::poll(Duration::from_millis(100)) {
                    Ok(true) => match event::read() {
                        Ok(e) => {
                            if let event::Event::Key(_) = e {
                                stamps.key_received();
                            }
                            if let Some(e) = AppEvent::from_terminal(e)
                                && tx.send(e).is_err()
                            {
                                return;
                            }
                        }
                        Err(_) => return,
                    },
                    Ok(false) => {}
                    Err(_) => return,
                }
            }
        })
        .expect("cannot start the input thread");
}

fn spawn_signals(tx: Sender<AppEvent>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::Builder::new().name("byline-signals".into()).spawn(move || {
        for signal in signals.forever() {
            if tx.send(AppEvent::Signal(signal)).is_err() {
                return;
            }
        }
    })?;
    Ok(())
}

/// Put the terminal back as it was: cooked mode, main screen, cursor shown,
/// mouse and paste reporting off. Safe to call twice; errors are ignored
/// (the terminal may be gone, after SIGHUP).
pub fn restore_terminal() {
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        event::DisableBracketedPaste,
        event::DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// The terminal in the app's state while this lives; restored when dropped,
/// also when unwinding from an error.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> anyhow::Result<TerminalGuard> {
        terminal::enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(
            std::io::stdout(),
            terminal::EnterAlternateScreen,
            event::EnableMouseCapture,
            event::EnableBracketedPaste,
            cursor::Hide
        )?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Restore the terminal before a panic message is printed, so it is
/// readable and the shell usable. A panic on the worker thread is caught
/// there and shown in the app, so it leaves the terminal alone.
fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some(worker::THREAD_NAME) {
            return;
        }
        restore_terminal();
        previous(info);
    }));
}
