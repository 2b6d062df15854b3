//! Reading stored files back, never trusting them: a reader that re-hashes what it hands on
//! and fails at the end if the bytes are not the ones stored, and the scan `duty verify`
//! makes of the whole store.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::PathBuf;

use sha2::{Digest, Sha256};

use super::error::EvidenceError;
use super::put::hash_file;
use super::{Evidence, TEMP_PREFIX, TEMP_SUFFIX, hex, is_hash};
use crate::store::IoOp;

/// A stored file read through its hash: at its end (or past its size) it checks that what
/// was read is what was stored, and fails with [`io::ErrorKind::InvalidData`] otherwise, so
/// that a copy, a package or a viewer never receives an altered file as if it were good.
pub struct CheckedReader {
    file: File,
    hasher: Sha256,
    expected: String,
    size: u64,
    read: u64,
    done: bool,
}

impl CheckedReader {
    fn fail(&self) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, "stored file has changed")
    }
}

impl Read for CheckedReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.done {
            return Ok(0);
        }
        let n = self.file.read(buf)?;
        self.read += n as u64;
        if self.read > self.size {
            return Err(self.fail());
        }
        self.hasher.update(&buf[..n]);
        if n == 0 {
            self.done = true;
            let got = hex(&std::mem::take(&mut self.hasher).finalize());
            if self.read != self.size || got != self.expected {
                return Err(self.fail());
            }
        }
        Ok(n)
    }
}

/// One file found in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub sha256: String,
    pub size: u64,
    /// What its bytes hash to now (`None` when it could not be read).
    pub found: Option<String>,
}

impl StoredFile {
    pub fn intact(&self) -> bool {
        self.found.as_deref() == Some(self.sha256.as_str())
    }
}

/// Everything in the store, as `duty verify` sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// Files named by a hash, re-hashed (when asked to).
    pub files: Vec<StoredFile>,
    /// Temporaries of an interrupted attach (removed by the next one, or `duty clean`).
    pub temps: Vec<PathBuf>,
    /// Anything else: not `duty`'s (left alone, but pointed out).
    pub strays: Vec<PathBuf>,
}

impl Evidence {
    /// Read the stored file with this hash, checking it as it is read. `name` is for the
    /// message only.
    pub fn open_checked(
        &self,
        sha256: &str,
        size: u64,
        name: &str,
    ) -> Result<CheckedReader, EvidenceError> {
        let path = self.path_of(sha256);
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(EvidenceError::Missing {
                    sha256: sha256.to_string(),
                    name: name.to_string(),
                });
            }
            Err(e) => return Err(EvidenceError::io(IoOp::Read, &path)(e)),
        };
        let len = file
            .metadata()
            .map_err(EvidenceError::io(IoOp::Read, &path))?
            .len();
        if len != size {
            return Err(EvidenceError::Damaged {
                sha256: sha256.to_string(),
                name: name.to_string(),
            });
        }
        Ok(CheckedReader {
            file,
            hasher: Sha256::new(),
            expected: sha256.to_string(),
            size,
            read: 0,
            done: false,
        })
    }

    /// Every file in the store; with `rehash`, each read and hashed again.
    pub fn scan(&self, rehash: bool) -> Result<Scan, EvidenceError> {
        let mut scan = Scan::default();
        let top = match fs::read_dir(&self.root) {
            Ok(d) => d,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(scan),
            Err(e) => return Err(EvidenceError::io(IoOp::Read, &self.root)(e)),
        };
        let mut folders: Vec<(String, PathBuf)> = Vec::new();
        for entry in top.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if name == ".lock" {
                continue;
            }
            if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
                scan.temps.push(path);
            } else if is_dir && name.len() == 2 && name.bytes().all(|b| b.is_ascii_hexdigit()) {
                folders.push((name, path));
            } else {
                scan.strays.push(path);
            }
        }
        folders.sort();
        for (prefix, folder) in folders {
            let entries = fs::read_dir(&folder).map_err(EvidenceError::io(IoOp::Read, &folder))?;
            let mut found: Vec<(String, PathBuf)> = entries
                .flatten()
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
                .collect();
            found.sort();
            for (name, path) in found {
                let meta = fs::symlink_metadata(&path).ok();
                if !(is_hash(&name)
                    && name.starts_with(&prefix)
                    && meta.as_ref().is_some_and(|m| m.is_file()))
                {
                    scan.strays.push(path);
                    continue;
                }
                let size = meta.map_or(0, |m| m.len());
                let found = if rehash {
                    hash_file(&path).ok().map(|(h, _)| h)
                } else {
                    Some(name.clone())
                };
                scan.files.push(StoredFile {
                    sha256: name,
                    size,
                    found,
                });
            }
        }
        scan.temps.sort();
        scan.strays.sort();
        Ok(scan)
    }
}
