//! The interactive screen. Until it lands, `duty` with no command prints the status.

use crate::cli::{CmdResult, Env, Out};

pub fn run(env: &Env) -> CmdResult {
    let ledger = crate::cli::read_ledger(env)?;
    let st = crate::progress::status(&env.checklist, &ledger, env.today);
    crate::cli::print_status(env, &ledger, &st, &mut Out::stdout())
}
