//! A failed command as data, and the one place that turns it into a message on stderr and
//! an exit code (documented in the README).

use std::io::{self, Write};

use super::output::Out;
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::ledger::ChangeError;
use crate::session::OpenError;
use crate::store::StoreError;

pub mod exit {
    pub const OK: u8 = 0;
    /// `duty due`: something falls due within the window.
    pub const DUE: u8 = 1;
    /// Bad command line (unknown flag, bad date or number).
    pub const USAGE: u8 = 2;
    /// The checklist file is invalid.
    pub const CHECKLIST: u8 = 3;
    /// A file could not be read or written, or the ledger is unreadable.
    pub const IO: u8 = 4;
    /// The change was refused (unknown item, wrong kind, closed year …); nothing changed.
    pub const REFUSED: u8 = 5;
}

#[derive(Debug)]
pub enum Failure {
    /// A mistake on the command line, already worded.
    Usage(String),
    Checklist(Vec<Diagnostic>),
    Store(StoreError),
    /// Writing the output failed (a full disk behind `>`; a closed pipe is no failure).
    Output(io::Error),
    /// A change that would throw recorded data away was not confirmed; nothing changed.
    NotConfirmed(String),
    /// Already reported (or nothing to report); exit with this code.
    Exit(u8),
}

pub type CmdResult = Result<(), Failure>;

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl From<ChangeError> for Failure {
    fn from(e: ChangeError) -> Self {
        Failure::Store(StoreError::Change(e))
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

impl Failure {
    pub fn open(e: OpenError, lang: Lang) -> Failure {
        match e {
            OpenError::Store(e) => Failure::Store(e),
            OpenError::Checklist(d) => Failure::Checklist(d),
            OpenError::YearMismatch {
                checklist,
                file_year,
                asked,
                looked_for,
            } => Failure::Usage(lang.words().year_mismatch(
                &checklist,
                file_year,
                asked,
                &looked_for,
            )),
        }
    }
}

/// Whether writing failed because the reader went away (`duty status | head -1`): a quiet
/// end, not an error. Windows says so with ERROR_NO_DATA (232) or ERROR_PIPE_NOT_CONNECTED
/// (233), only the first of which std counts as a broken pipe.
fn reader_gone(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe || (cfg!(windows) && e.raw_os_error() == Some(233))
}

/// Say `failure` on stderr and return its exit code.
pub fn report(failure: Failure, lang: Lang) -> u8 {
    let w = lang.words();
    let mut err = Out::stderr();
    let code = match failure {
        Failure::Exit(code) => code,
        Failure::Output(e) if reader_gone(&e) => exit::OK,
        Failure::Output(e) => {
            let _ = writeln!(err, "{}{}", w.error_prefix(), w.stdout_failed(&e));
            exit::IO
        }
        Failure::NotConfirmed(msg) => {
            let _ = writeln!(err, "{msg}");
            exit::REFUSED
        }
        Failure::Usage(msg) => {
            let _ = writeln!(err, "{}{msg}", w.error_prefix());
            exit::USAGE
        }
        Failure::Checklist(diags) => {
            for d in &diags {
                let _ = writeln!(err, "{d}\n");
            }
            let _ = writeln!(err, "{}", w.checklist_errors(diags.len()));
            exit::CHECKLIST
        }
        Failure::Store(e) => {
            let _ = writeln!(err, "{}{}", w.error_prefix(), w.store_error(&e));
            match e {
                StoreError::Change(_) => exit::REFUSED,
                _ => exit::IO,
            }
        }
    };
    let _ = err.finish();
    code
}
