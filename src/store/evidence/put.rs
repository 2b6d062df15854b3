//! Storing a file: one read of the original, hashed as it is copied into a temporary file in
//! the store; the original's size and time compared afterwards; synced; renamed to its hash.
//! A file already stored under that hash is kept (and re-hashed: a damaged copy is replaced
//! by the good one just made, which is how a stored file is mended).

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use super::error::EvidenceError;
use super::{Evidence, TEMP_PREFIX, TEMP_SUFFIX, hex, make_read_only, make_writable};
use crate::ledger::FileFacts;
use crate::store::files::{regular, sync_dir};
use crate::store::{IoOp, NotFile, StoreError};

/// Copy buffer: large enough that a 100 MB scan is a few hundred reads.
pub(crate) const CHUNK: usize = 256 * 1024;

/// A file as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// Its name where it came from (lossy where the name is not Unicode), size and hash.
    pub facts: FileFacts,
    /// The name was not valid Unicode and was recorded with replacement characters.
    pub lossy_name: bool,
    /// Newly stored (not already kept under its hash).
    pub new: bool,
    /// A stored copy under its hash was damaged and has been replaced by this one.
    pub repaired: bool,
}

/// Why a copy stopped.
pub(crate) enum CopyFault {
    Read(io::Error),
    Write(io::Error),
    /// More bytes than the limit (a file that grew while it was read).
    TooLarge(u64),
}

/// Copy `from` into `to` while hashing, at most `limit` bytes: the hash and the size.
pub(crate) fn copy_hashing(
    from: &mut impl Read,
    to: &mut impl Write,
    limit: u64,
) -> Result<(String, u64), CopyFault> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut size: u64 = 0;
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(CopyFault::Read(e)),
        };
        size += n as u64;
        if size > limit {
            return Err(CopyFault::TooLarge(size));
        }
        hasher.update(&buf[..n]);
        to.write_all(&buf[..n]).map_err(CopyFault::Write)?;
    }
    to.flush().map_err(CopyFault::Write)?;
    Ok((hex(&hasher.finalize()), size))
}

/// The SHA-256 of a whole file and its size, read in chunks.
pub(crate) fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    let mut file = File::open(path)?;
    match copy_hashing(&mut file, &mut io::sink(), u64::MAX) {
        Ok(done) => Ok(done),
        Err(CopyFault::Read(e) | CopyFault::Write(e)) => Err(e),
        Err(CopyFault::TooLarge(_)) => unreachable!("no limit"),
    }
}

/// The name and metadata of a file that may be stored, or why it may not.
fn source_meta(
    source: &Path,
    limit: u64,
) -> Result<(std::ffi::OsString, fs::Metadata), EvidenceError> {
    let path = || source.to_path_buf();
    let meta = match regular(source) {
        Ok(Some(meta)) => meta,
        Ok(None) => return Err(EvidenceError::SourceMissing { path: path() }),
        Err(StoreError::NotAFile { kind, .. }) => {
            return Err(EvidenceError::SourceNotFile { path: path(), kind });
        }
        Err(StoreError::Io { source: e, .. }) => {
            return Err(EvidenceError::SourceUnreadable {
                path: path(),
                source: e,
            });
        }
        Err(e) => return Err(e.into()),
    };
    if meta.len() > limit {
        return Err(EvidenceError::TooLarge {
            path: path(),
            size: meta.len(),
            limit,
        });
    }
    // After the look at what stands there: `.` and `/` are folders, said as such.
    let raw_name = source
        .file_name()
        .ok_or_else(|| EvidenceError::NoName { path: path() })?
        .to_os_string();
    Ok((raw_name, meta))
}

/// What identifies a version of a file without reading it.
fn stamp(meta: &fs::Metadata) -> (u64, Option<SystemTime>) {
    (meta.len(), meta.modified().ok())
}

impl Evidence {
    /// Store the file at `source` (at most `limit` bytes). The original is only read.
    pub fn put(&self, source: &Path, limit: u64) -> Result<Stored, EvidenceError> {
        self.put_watched(source, limit, &mut || {})
    }

    /// Whether `source` could be stored (there, a regular file, within `limit`), without
    /// reading it: so that several files are all looked at before any is copied.
    pub fn check_source(&self, source: &Path, limit: u64) -> Result<(), EvidenceError> {
        source_meta(source, limit).map(|_| ())
    }

    /// [`Evidence::put`], calling `copied` once the bytes are copied and before the original
    /// is looked at again (tests change the original there).
    pub(crate) fn put_watched(
        &self,
        source: &Path,
        limit: u64,
        copied: &mut dyn FnMut(),
    ) -> Result<Stored, EvidenceError> {
        let path = || source.to_path_buf();
        let (raw_name, _) = source_meta(source, limit)?;
        let name = raw_name.to_string_lossy().into_owned();
        let lossy_name = raw_name.to_str().is_none();
        let unreadable = |e| EvidenceError::SourceUnreadable {
            path: path(),
            source: e,
        };
        let mut file = File::open(source).map_err(unreadable)?;
        let before = stamp(&file.metadata().map_err(unreadable)?);
        crate::store::files::ensure_dir(&self.root)?;
        let temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(&self.root)
            .map_err(EvidenceError::io(IoOp::Write, &self.root))?;
        // Held until the temporary is renamed or deleted: a sweep by another process leaves
        // it alone. A file system without locks only loses that protection.
        let _ = temp.as_file().try_lock();
        let write_err = |e| EvidenceError::Io {
            op: IoOp::Write,
            path: temp.path().to_path_buf(),
            source: e,
        };
        let (sha256, size) = {
            let mut to = BufWriter::with_capacity(CHUNK, temp.as_file());
            match copy_hashing(&mut file, &mut to, limit) {
                Ok(done) => done,
                Err(CopyFault::Read(e)) => return Err(unreadable(e)),
                Err(CopyFault::Write(e)) => return Err(write_err(e)),
                Err(CopyFault::TooLarge(size)) => {
                    return Err(EvidenceError::TooLarge {
                        path: path(),
                        size,
                        limit,
                    });
                }
            }
        };
        copied();
        // The same size and time before and after, through the open handle and by name
        // (a file replaced meanwhile): otherwise what was copied may be half of two versions.
        let after_handle = file.metadata().map(|m| stamp(&m)).ok();
        let after_path = fs::metadata(source).map(|m| stamp(&m)).ok();
        if size != before.0 || after_handle != Some(before) || after_path != Some(before) {
            return Err(EvidenceError::ChangedWhileCopying { path: path() });
        }
        drop(file);
        temp.as_file()
            .sync_all()
            .map_err(EvidenceError::io(IoOp::Sync, temp.path()))?;
        let target = self.path_of(&sha256);
        let folder = target.parent().unwrap_or(&self.root).to_path_buf();
        crate::store::files::ensure_dir(&folder)?;
        let (new, repaired) = match regular(&target) {
            Ok(Some(_)) if hash_file(&target).is_ok_and(|h| h == (sha256.clone(), size)) => {
                (false, false)
            }
            Ok(Some(_)) => {
                make_writable(&target);
                temp.persist(&target)
                    .map_err(|e| EvidenceError::io(IoOp::Rename, &target)(e.error))?;
                (false, true)
            }
            Ok(None) => match temp.persist_noclobber(&target) {
                Ok(_) => (true, false),
                // Stored by another process a moment ago: the same bytes under the same name.
                Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => (false, false),
                Err(e) => return Err(EvidenceError::io(IoOp::Rename, &target)(e.error)),
            },
            Err(StoreError::NotAFile {
                kind: NotFile::Directory | NotFile::Special,
                ..
            }) => {
                return Err(EvidenceError::Io {
                    op: IoOp::Write,
                    path: target,
                    source: io::Error::new(io::ErrorKind::AlreadyExists, "not a regular file"),
                });
            }
            Err(_) => {
                // A dangling link or an unreadable entry: replaced by the good copy.
                let _ = fs::remove_file(&target);
                temp.persist(&target)
                    .map_err(|e| EvidenceError::io(IoOp::Rename, &target)(e.error))?;
                (false, true)
            }
        };
        if new || repaired {
            make_read_only(&target);
            sync_dir(&folder)?;
            sync_dir(&self.root)?;
        }
        Ok(Stored {
            facts: FileFacts { name, size, sha256 },
            lossy_name,
            new,
            repaired,
        })
    }
}
