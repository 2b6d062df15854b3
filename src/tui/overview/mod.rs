//! The overview screen (`duty overview DIR` in a terminal): the collecting office's list of
//! units, the matrix, the files and the 通报 draft, and each unit read-only with its review.
//! It writes nothing.
//!
//! [`state`] holds the state and `update`; [`keys`] maps events to actions (pure); [`view`]
//! and [`pages`] draw; [`detail`] builds one unit's page; [`runner`] owns the loop and reads
//! a unit's file again when it is opened. This module owns the real terminal (raw mode,
//! alternate screen, mouse wheel), undone on quit, on error and on panic, as the officer's
//! screen does.

pub(crate) mod detail;
pub(crate) mod keys;
pub(crate) mod pages;
pub(crate) mod runner;
pub(crate) mod state;
pub(crate) mod view;

use std::io::{self, Write};

use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::overview::Browse;
use crate::tui::theme::Theme;
pub use state::State;

/// The screen's state for `browse`, in the theme the environment asks for.
pub fn open(browse: Browse) -> State {
    let theme = Theme::from_env(browse.ascii);
    State::new(browse, theme)
}

/// Run the overview screen until the office quits; the exit code.
pub fn main(browse: Browse) -> u8 {
    let lang = browse.lang;
    let mut state = open(browse);
    ratatui::crossterm::style::force_color_output(true);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    // A signal to end the process ends the screen the normal way, so the terminal is
    // restored (the overview has nothing to save).
    let mut events = crate::tui::terminal_events(|| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
    });
    let result = ratatui::try_init().and_then(|mut terminal| {
        let _ = execute!(io::stdout(), EnableMouseCapture);
        runner::run_loop(&mut terminal, &mut state, &mut events)
    });
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = io::stdout().flush();
    match result {
        Ok(()) => 0,
        Err(e) => {
            let w = lang.words();
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

#[cfg(test)]
mod tests;
