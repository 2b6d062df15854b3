//! The `duty` binary: the command line runs a command, or hands the session to the screen.

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(match duty::cli::main() {
        duty::cli::Outcome::Done(code) => code,
        duty::cli::Outcome::Screen(session) => duty::tui::main(&session),
        duty::cli::Outcome::Overview(browse) => duty::tui::overview::main(*browse),
    })
}
