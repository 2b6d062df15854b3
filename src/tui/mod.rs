//! The interactive screen (`duty` with no command): a ratatui front end on the session.
//!
//! [`app`] holds the state and `update`; [`keys`] maps events to actions; [`view`] draws;
//! [`runner`] owns the loop and carries out effects through the session; this module owns
//! the real terminal: raw mode, alternate screen, mouse capture and bracketed paste, undone
//! on quit, on error and on panic.

pub mod app;
pub mod form;
pub mod keys;
pub mod overview;
pub mod runner;
pub mod theme;
pub mod view;
mod watchdog;

use std::io::{self, Write};

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use crate::session::Session;

pub use app::App;

/// The app for `session`: the ledger is read once here; one that cannot be read is shown
/// as an error and the screen is read-only.
pub fn open(session: &Session) -> App {
    let w = session.words();
    let opened = session.read();
    let (ledger, notes, error, fingerprint) = match opened {
        Ok(o) => (Ok(o.ledger), o.notes, None, Some(o.fingerprint)),
        Err(e) => {
            let msg = w.store_error(&e);
            (Err(msg.clone()), Vec::new(), Some(msg), None)
        }
    };
    let _ = error;
    let mut app = App::new(
        session.lang,
        session.clock.today(),
        theme::Theme::from_env(session.ascii),
        session.checklist.clone(),
        ledger,
    );
    app.fingerprint = fingerprint;
    if let Some(note) = notes.first() {
        app.warn(w.note(note));
    }
    if let Some(problem) = app.saved.problem(&app.checklist) {
        app.warn(w.problem_warning(&problem));
    }
    app
}

fn leave_modes() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
}

/// The real terminal's events, ended by SIGTERM, SIGHUP or SIGINT, with a watchdog for a
/// terminal that goes away under the screen (`restore` gives it back if one is left).
pub(crate) fn terminal_events(restore: fn()) -> runner::TerminalEvents {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register(signal, std::sync::Arc::clone(&stop));
    }
    watchdog::start(std::sync::Arc::clone(&stop), restore);
    runner::TerminalEvents { stop }
}

/// Run the screen on the terminal until the officer quits; the exit code.
pub fn main(session: &Session) -> u8 {
    let mut app = open(session);
    // crossterm drops every style under NO_COLOR, modifiers included, which would hide the
    // selection; the monochrome theme already avoids colour, so keep the modifiers.
    ratatui::crossterm::style::force_color_output(true);
    // Our hook runs after ratatui's (installed by `try_init`, which wraps this one), so the
    // terminal is out of raw mode and the modes we enabled are off before the panic prints.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_modes();
        previous(info);
    }));
    let mut session = session.clone();
    // A signal to end the process ends the screen the normal way, so the terminal is
    // restored (raw mode, alternate screen, mouse capture) and nothing half-done is kept:
    // every change is already saved, or still pending and said so on the way out.
    let mut events = terminal_events(|| {
        leave_modes();
        ratatui::restore();
    });
    let result = ratatui::try_init().and_then(|mut terminal| {
        let _ = execute!(io::stdout(), EnableMouseCapture);
        // Bracketed paste is a nicety: the legacy Windows console refuses it, and the
        // screen works without (a paste then arrives as keys).
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        runner::run_loop(&mut terminal, &mut app, &mut session, &mut events)
    });
    leave_modes();
    ratatui::restore();
    let _ = io::stdout().flush();
    if !app.pending.is_empty() {
        let w = session.words();
        let _ = writeln!(
            io::stderr(),
            "{}",
            crate::text::for_terminal(&w.left_unsaved(app.pending.len()))
        );
    }
    match result {
        Ok(()) => 0,
        Err(e) => {
            let w = session.words();
            let _ = writeln!(
                io::stderr(),
                "{}{}",
                w.error_prefix(),
                crate::text::for_terminal(&w.terminal_failed(&e))
            );
            4
        }
    }
}
