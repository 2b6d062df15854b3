//! Everything that can go wrong with files, as data with the paths involved; the words are
//! chosen by `i18n`.

use std::io;
use std::path::{Path, PathBuf};

use super::foreign::Unusable;
use crate::ledger::ChangeError;

/// What was being done to a file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoOp {
    Read,
    Write,
    Create,
    Lock,
    Rename,
    Sync,
}

/// What stands at a path where a regular file belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotFile {
    Directory,
    /// A FIFO, socket or device: reading it could block for ever.
    Special,
    /// A symbolic link whose target does not exist.
    DanglingLink,
}

/// What is wrong with a file that cannot be read as a ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    Empty,
    TooLarge {
        bytes: u64,
    },
    NotUtf8 {
        byte: u8,
    },
    /// UTF-16 text (a byte-order mark says so): saved by an editor in the wrong encoding.
    Utf16,
    /// What the RON parser stopped at (boxed: ron's error is large, errors travel far).
    Syntax(Box<ron::Error>),
    /// A change count no `duty` writes (one that would wrap around).
    BadSeq {
        seq: u64,
    },
}

/// What is wrong with one line of a journal.
#[derive(Debug, Clone, PartialEq)]
pub enum LineFault {
    /// Not a journal line (the JSON reader's complaint).
    Unreadable(String),
    /// The first line does not say whose journal this is.
    NoHeader,
    /// The line's number does not follow the one before it.
    OutOfOrder { expected: u64, found: u64 },
    /// The operation does not fit the ledger before it (the journal contradicts itself, or
    /// the snapshot it follows).
    Contradicts(ChangeError),
}

/// A journal line that cannot be used, with its 1-based line number.
#[derive(Debug, Clone, PartialEq)]
pub struct BadLine {
    pub line: usize,
    pub fault: LineFault,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot {op:?} '{}': {source}", path.display())]
    Io {
        op: IoOp,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// Something other than a regular file where a file belongs.
    #[error("'{}' is not a regular file ({kind:?})", path.display())]
    NotAFile { path: PathBuf, kind: NotFile },
    /// A change could not be saved; the ledger at `ledger` is as it was before.
    #[error("{source}; the ledger '{}' is unchanged", ledger.display())]
    NotSaved {
        ledger: PathBuf,
        #[source]
        source: Box<StoreError>,
    },
    /// The ledger cannot be read, and nothing beside it can rebuild it; it is left as it is.
    #[error("ledger '{}' cannot be read: {damage:?}", path.display())]
    Unreadable {
        path: PathBuf,
        damage: Damage,
        /// Line and column (1-based, columns in characters) where parsing stopped.
        at: Option<(usize, usize)>,
        /// Whether an earlier `duty`'s backup beside it can still be read.
        backup_ok: bool,
    },
    /// Written by a newer `duty` with a format this build does not know.
    #[error("ledger '{}' has format {found}", path.display())]
    TooNew { path: PathBuf, found: u32 },
    /// A ledger (or journal) of another checklist or year.
    #[error("'{}' belongs to '{found_id}' {found_year}, not '{id}' {year}", path.display())]
    Mismatch {
        path: PathBuf,
        id: String,
        year: i16,
        found_id: String,
        found_year: i16,
    },
    /// An earlier `duty`'s ledger is gone but its backup or history is there: starting
    /// afresh would silently drop the year's work.
    #[error("ledger '{}' is missing but its backup or history exists", path.display())]
    Missing { path: PathBuf },
    /// A line of the journal cannot be used: changes, undo and rebuilding stop there.
    #[error("journal '{}' line {}: {:?}", path.display(), bad.line, bad.fault)]
    JournalDamaged { path: PathBuf, bad: BadLine },
    /// The journal beside the ledger is not the one the ledger was written with (a copy
    /// from another machine, or an older copy put back).
    #[error("journal '{}' does not belong to ledger '{}'", journal.display(), ledger.display())]
    ForeignJournal { journal: PathBuf, ledger: PathBuf },
    /// `duty repair` on a ledger and journal that are both fine.
    #[error("'{}' is readable and consistent; nothing to repair", path.display())]
    NothingToRepair { path: PathBuf },
    /// The settings file cannot be read; it is never silently replaced.
    #[error("settings '{}' cannot be read: {problem}", path.display())]
    Settings { path: PathBuf, problem: String },
    /// A ledger file from elsewhere (`--ledger`, `import-ledger`) that cannot be used.
    #[error("'{}' is not a usable ledger: {problem:?}", path.display())]
    Foreign { path: PathBuf, problem: Unusable },
    #[error("no home directory; give --data-dir or set DUTY_DATA_DIR")]
    NoHome,
    #[error("{0}")]
    Change(#[from] ChangeError),
}

impl StoreError {
    pub(crate) fn io(op: IoOp, path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
        move |source| StoreError::Io {
            op,
            path: path.to_path_buf(),
            source,
        }
    }

    /// The same error, said as a change that was not saved.
    pub(crate) fn not_saved(self, ledger: &Path) -> StoreError {
        match self {
            StoreError::Io { .. } | StoreError::NotAFile { .. } => StoreError::NotSaved {
                ledger: ledger.to_path_buf(),
                source: Box::new(self),
            },
            other => other,
        }
    }
}
