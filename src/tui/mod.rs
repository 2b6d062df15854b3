//! The interactive screen (`duty` with no command): a ratatui front end on the same ledger
//! layer as the CLI.
//!
//! [`app`] holds the state and `update`; [`keys`] maps events to actions; [`view`] draws;
//! [`runner`] owns the loop and carries out effects; this module owns the real terminal:
//! raw mode, alternate screen, mouse capture and bracketed paste, undone on quit, on error
//! and on panic.

pub mod app;
pub mod form;
pub mod keys;
pub mod runner;
pub mod strings;
pub mod theme;
pub mod view;

use std::io::{self, IsTerminal, Write};

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use crate::cli::{CmdResult, Env, Failure};
use crate::store::{self, StoreError};

pub use app::App;
pub use runner::Io;

/// The app and its I/O for `env`: the ledger is read once here; an unreadable one is shown
/// as an error and the screen is read-only.
pub fn open(env: &Env) -> (App, Io) {
    let paths = env.ledger_paths();
    let ledger = store::read_ledger(&paths, &env.checklist.id, env.checklist.year)
        .map_err(|e| e.message(env.lang));
    let mut app = App::new(
        env.lang,
        env.today,
        env.user.clone(),
        theme::Theme::from_env(env.ascii),
        env.checklist.clone(),
        ledger,
    );
    app.stamp = store::stamp(&paths.ledger);
    if let Some(problem) = app.saved.problem(&app.checklist) {
        app.warn(problem.warning(env.lang));
    }
    let io = Io {
        clock: env.clock,
        checklist_file: env
            .checklist_path
            .clone()
            .map(|path| (path, env.checklist.year)),
        data_dir: env.data_dir.clone(),
        export_dir: std::env::current_dir().unwrap_or_else(|_| env.data_dir.clone()),
    };
    (app, io)
}

fn leave_modes() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
}

pub fn run(env: &Env) -> CmdResult {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        // Piped: never open the screen; print the status instead.
        let ledger = crate::cli::read_ledger(env)?;
        let st = crate::progress::status(&env.checklist, &ledger, env.today);
        return crate::cli::print_status(env, &ledger, &st, &mut crate::cli::Out::stdout());
    }
    let (mut app, io_) = open(env);
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
    let mut terminal = ratatui::try_init().map_err(|e| io_failure(e, "init"))?;
    let result = execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste).and_then(|()| {
        runner::run_loop(&mut terminal, &mut app, &io_, &mut runner::TerminalEvents)
    });
    leave_modes();
    ratatui::restore();
    let _ = io::stdout().flush();
    result.map_err(|e| io_failure(e, "draw"))
}

fn io_failure(e: io::Error, op: &'static str) -> Failure {
    Failure::Store(StoreError::Io {
        op,
        path: "<terminal>".into(),
        source: e,
    })
}
