//! The evidence store: files kept as evidence, each stored once under its SHA-256 in
//! `DATA_DIR/evidence/ab/abcdef…` (the first two hex digits name the folder), shared by every
//! checklist and year in the data directory. The ledger holds what a file is and what it
//! proves ([`crate::ledger::Attachment`]); the store holds the bytes.
//!
//! A file enters through [`Evidence::put`]: copied into a temporary file in the store while it
//! is hashed (one read of the original, which is never moved or changed), checked against the
//! original's size and time afterwards (a file still being written is refused), synced, and
//! renamed to its hash. Only then may the ledger refer to it, so a crash at any point leaves
//! at most an unreferenced temporary, swept by the next writer. Every read of a stored file
//! ([`Evidence::open_checked`]) re-hashes what it reads and fails rather than hand on a file
//! that no longer has its hash.
//!
//! Locks: `evidence/.lock` is held shared by whoever stores a file and refers to it, and
//! exclusively by the clean-up, which so never deletes a file between its storing and its
//! reference. Each temporary is locked by its writer, so a sweep removes only those whose
//! writer is gone.

mod check;
mod error;
mod package;
mod put;
mod viewer;

pub use check::{CheckedReader, Scan, StoredFile};
pub use error::{EntryRef, EvidenceError};
pub use package::{PackContent, PackEntry, PackTarget, Packed};
pub use put::Stored;
pub use viewer::{launch, viewer_copy};

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::error::IoOp;

/// Largest file kept unless the settings say otherwise: scans of a year's minutes fit, a
/// video of a whole meeting does not.
pub const DEFAULT_LIMIT: u64 = 500 * 1024 * 1024;

/// The prefix of a temporary file in the store (`.incoming-XXXXXX.tmp`).
const TEMP_PREFIX: &str = ".incoming-";
const TEMP_SUFFIX: &str = ".tmp";

/// The evidence store of one data directory.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// `DATA_DIR/evidence`.
    pub root: PathBuf,
}

/// Holds the store's lock (shared or exclusive) until dropped.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

impl Evidence {
    pub fn new(data_dir: &Path) -> Evidence {
        Evidence {
            root: data_dir.join("evidence"),
        }
    }

    /// Where the file with this hash is (or would be) kept.
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        let folder = sha256.get(..2).unwrap_or("00");
        self.root.join(folder).join(sha256)
    }

    fn lock_file(&self) -> Result<File, EvidenceError> {
        super::files::ensure_dir(&self.root).map_err(EvidenceError::Store)?;
        let path = self.root.join(".lock");
        OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(EvidenceError::io(IoOp::Lock, &path))
    }

    /// The lock a writer holds from storing a file until the ledger refers to it.
    pub fn lock_shared(&self) -> Result<StoreLock, EvidenceError> {
        let file = self.lock_file()?;
        file.lock_shared()
            .map_err(EvidenceError::io(IoOp::Lock, &self.root.join(".lock")))?;
        Ok(StoreLock { _file: file })
    }

    /// The lock the clean-up holds: no file is being stored meanwhile.
    pub fn lock_exclusive(&self) -> Result<StoreLock, EvidenceError> {
        let file = self.lock_file()?;
        file.lock()
            .map_err(EvidenceError::io(IoOp::Lock, &self.root.join(".lock")))?;
        Ok(StoreLock { _file: file })
    }

    /// Whether the file with this hash is kept, with the size it should have: a cheap look
    /// (no hashing), for listings. `duty verify` re-hashes.
    pub fn presence(&self, sha256: &str, size: u64) -> Presence {
        match std::fs::metadata(self.path_of(sha256)) {
            Ok(m) if m.is_file() && m.len() == size => Presence::Kept,
            Ok(m) if m.is_file() => Presence::WrongSize(m.len()),
            _ => Presence::Missing,
        }
    }

    /// Remove temporaries that writers killed mid-copy left behind (those whose writer still
    /// holds its lock are left alone). Best effort; returns how many were removed.
    pub fn sweep(&self) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
                continue;
            }
            let path = entry.path();
            let free = OpenOptions::new()
                .write(true)
                .open(&path)
                .is_ok_and(|f| f.try_lock().is_ok());
            if free && std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        removed
    }

    /// Delete the stored file with this hash (the clean-up, under the exclusive lock).
    pub fn remove(&self, sha256: &str) -> Result<(), EvidenceError> {
        let path = self.path_of(sha256);
        make_writable(&path);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(EvidenceError::io(IoOp::Write, &path)(e)),
        }?;
        if let Some(dir) = path.parent() {
            // An emptied folder goes too; one still holding files stays.
            let _ = std::fs::remove_dir(dir);
        }
        Ok(())
    }
}

/// Read a file given to an import (a spreadsheet), at most `cap` bytes, with the same
/// messages as a file to attach.
pub fn read_input(path: &Path, cap: u64) -> Result<Vec<u8>, EvidenceError> {
    use crate::store::StoreError;
    let p = || path.to_path_buf();
    match super::files::read_capped(path, cap) {
        Ok(Some(Ok(bytes))) => Ok(bytes),
        Ok(Some(Err(size))) => Err(EvidenceError::TooLarge {
            path: p(),
            size,
            limit: cap,
        }),
        Ok(None) => Err(EvidenceError::SourceMissing { path: p() }),
        Err(StoreError::NotAFile { kind, .. }) => {
            Err(EvidenceError::SourceNotFile { path: p(), kind })
        }
        Err(StoreError::Io { source, .. }) => {
            Err(EvidenceError::SourceUnreadable { path: p(), source })
        }
        Err(e) => Err(e.into()),
    }
}

/// Whether a stored file is there, as far as its size tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Kept,
    Missing,
    /// There, with another size: altered since it was stored.
    WrongSize(u64),
}

/// Stored files are read-only, so that a viewer or a hand cannot change one by accident.
fn make_read_only(path: &Path) {
    if let Ok(meta) = std::fs::metadata(path) {
        let mut perms = meta.permissions();
        perms.set_readonly(true);
        let _ = std::fs::set_permissions(path, perms);
    }
}

/// Windows refuses to delete or replace a read-only file.
fn make_writable(path: &Path) {
    if let Ok(meta) = std::fs::metadata(path) {
        let mut perms = meta.permissions();
        if perms.readonly() {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                perms.set_mode(perms.mode() | 0o200);
            }
            #[cfg(not(unix))]
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            let _ = std::fs::set_permissions(path, perms);
        }
    }
}

/// Lower-case hex of a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// Whether `s` is a SHA-256 as the store names files: 64 lower-case hex digits.
pub fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests;
