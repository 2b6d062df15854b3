//! The cross-process lock every change takes: `YEAR.lock`, a separate file that is never
//! renamed, so that every process locks the same file.

use std::fs::{File, OpenOptions};

use super::error::{IoOp, StoreError};
use super::files;
use super::layout::LedgerPaths;

/// Holds the lock of one ledger until dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Take the ledger's lock, waiting for another process to finish its change. Creates the
/// ledger's directory; only changes call this, so reading a ledger writes nothing.
pub fn lock(paths: &LedgerPaths) -> Result<Lock, StoreError> {
    files::ensure_dir(&paths.dir)?;
    files::regular(&paths.lock)?;
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&paths.lock)
        .map_err(StoreError::io(IoOp::Lock, &paths.lock))?;
    file.lock()
        .map_err(StoreError::io(IoOp::Lock, &paths.lock))?;
    Ok(Lock { _file: file })
}
