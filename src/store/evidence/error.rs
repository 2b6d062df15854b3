//! What can go wrong with evidence files, as data with the paths and figures involved; the
//! words (and what to do) are chosen by `i18n`.

use std::io;
use std::path::{Path, PathBuf};

use crate::store::{IoOp, NotFile, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    /// The file to attach is not there.
    #[error("'{}' does not exist", path.display())]
    SourceMissing { path: PathBuf },
    /// A directory, a device or a dangling link where a file to attach was named.
    #[error("'{}' is not a regular file ({kind:?})", path.display())]
    SourceNotFile { path: PathBuf, kind: NotFile },
    /// The file to attach cannot be read (permissions, a disk error).
    #[error("cannot read '{}': {source}", path.display())]
    SourceUnreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// Larger than the limit the settings allow.
    #[error("'{}' is {size} bytes, over the limit of {limit}", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// A path that names no file (`..`, a root).
    #[error("'{}' names no file", path.display())]
    NoName { path: PathBuf },
    /// The file changed while it was copied (its size or time differ afterwards): it is
    /// probably still being written (a scan, a download).
    #[error("'{}' changed while it was copied", path.display())]
    ChangedWhileCopying { path: PathBuf },
    /// Reading or writing the store failed (a full disk, permissions); nothing was kept.
    #[error("cannot {op:?} '{}': {source}", path.display())]
    Io {
        op: IoOp,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// A file the ledger refers to is not in the store.
    #[error("stored file {sha256} ({name}) is missing")]
    Missing { sha256: String, name: String },
    /// A stored file no longer has the hash it was stored under (altered on disk).
    #[error("stored file {sha256} ({name}) has changed")]
    Damaged { sha256: String, name: String },
    /// Opening a file with the system's viewer failed.
    #[error("cannot start {program}: {source}")]
    Viewer {
        program: String,
        /// The copy that was to be opened, for opening it by hand.
        copy: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The viewer started but reported failure (no desktop session, no application).
    #[error("{program} failed with exit code {code:?}")]
    ViewerFailed {
        program: String,
        copy: PathBuf,
        code: Option<i32>,
    },
    /// The folder copies for viewers go in belongs to another user or is a link (a shared
    /// `/tmp`): no copy was made.
    #[error("'{}' is not a private folder of this user", path.display())]
    NotOurFolder { path: PathBuf },
    /// Attaching a file the item (or the session) already keeps: nothing was added. The item
    /// is named by its title, a session by its date and topic.
    #[error("'{title}' already keeps {name}")]
    AlreadyKept {
        title: String,
        entry: Option<EntryRef>,
        name: String,
    },
    /// `--entry` names no session of the item; `known` are those it has.
    #[error("'{title}' has no entry {entry}")]
    NoSuchEntry {
        title: String,
        entry: String,
        known: Vec<EntryRef>,
    },
    /// The item keeps several files and none was chosen.
    #[error("'{item}' keeps several files")]
    WhichFile { item: String, names: Vec<String> },
    /// Files to be packed that are not in the store as they were stored (missing, or of
    /// another size): each name and hash. Nothing was written.
    #[error("{} files are not kept as stored", .0.len())]
    NotKept(Vec<(String, String)>),
    /// Where a package was to be written, something is already there.
    #[error("'{}' exists", path.display())]
    Exists { path: PathBuf },
    /// The ledger (or another file of the store) could not be used.
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// A logged session as messages name it: its id, date and topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRef {
    pub id: String,
    pub date: jiff::civil::Date,
    pub topic: String,
}

impl EntryRef {
    pub fn of(e: &crate::ledger::Entry) -> EntryRef {
        EntryRef {
            id: e.id.to_string(),
            date: e.date,
            topic: e.topic.clone(),
        }
    }
}

impl EvidenceError {
    pub(crate) fn io(op: IoOp, path: &Path) -> impl FnOnce(io::Error) -> EvidenceError + '_ {
        move |source| EvidenceError::Io {
            op,
            path: path.to_path_buf(),
            source,
        }
    }

    /// A refused change (unknown item, duplicate file …), as opposed to a file fault.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            EvidenceError::Store(StoreError::Change(_))
                | EvidenceError::AlreadyKept { .. }
                | EvidenceError::NoSuchEntry { .. }
        )
    }
}
