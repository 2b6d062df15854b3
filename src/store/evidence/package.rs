//! Writing the inspector's package: a zip (names in UTF-8, flagged so that Windows Explorer
//! and WPS show Chinese) or a folder, streamed file by file from the store through the hash
//! check, so that memory stays small whatever the size and no altered file is shipped.
//!
//! The package is written under a temporary name beside its place and renamed there only when
//! complete: a failure (a damaged stored file, a full disk) leaves nothing half-written.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::error::EvidenceError;
use super::put::CHUNK;
use super::{Evidence, make_read_only};
use crate::store::IoOp;
use crate::store::files::sync_dir;

/// What one file of a package holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackContent {
    /// A stored file, checked against its hash as it is copied (`name` for messages).
    Stored {
        sha256: String,
        size: u64,
        name: String,
    },
    /// Bytes made for the package (the index, the checksum list).
    Bytes(Vec<u8>),
}

/// One file of a package, at `path` (relative, `/`-separated, already safe on Windows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackEntry {
    pub path: String,
    pub content: PackContent,
    /// The date the zip records for it (the day it evidences).
    pub date: Option<Date>,
    /// Worth compressing (text, old Office files); scans and photos are stored as they are.
    pub compress: bool,
}

/// Where a package goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackTarget {
    Zip(PathBuf),
    Folder(PathBuf),
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Packed {
    pub files: usize,
    pub bytes: u64,
}

fn dir_of(path: &Path) -> PathBuf {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

fn leaf(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Copy `from` into `to` in large chunks; a failed hash check is said as the stored file.
fn stream(from: &mut impl Read, to: &mut impl Write, buf: &mut [u8]) -> io::Result<u64> {
    let mut total = 0;
    loop {
        let n = match from.read(buf) {
            Ok(0) => return Ok(total),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        to.write_all(&buf[..n])?;
        total += n as u64;
    }
}

impl Evidence {
    /// Write `entries` as a package at `target`. A zip replaces an existing file only with
    /// `force`; a folder must not exist yet.
    pub fn write_package(
        &self,
        target: &PackTarget,
        entries: &[PackEntry],
        force: bool,
    ) -> Result<Packed, EvidenceError> {
        let at = match target {
            PackTarget::Zip(p) | PackTarget::Folder(p) => p,
        };
        let exists = fs::symlink_metadata(at).is_ok();
        if exists && (matches!(target, PackTarget::Folder(_)) || !force) {
            return Err(EvidenceError::Exists { path: at.clone() });
        }
        let dir = dir_of(at);
        if !dir.is_dir() {
            return Err(EvidenceError::Io {
                op: IoOp::Write,
                path: at.clone(),
                source: io::Error::new(io::ErrorKind::NotFound, "no such directory"),
            });
        }
        match target {
            PackTarget::Zip(p) => self.write_zip(p, &dir, entries, force),
            PackTarget::Folder(p) => self.write_folder(p, &dir, entries),
        }
    }

    fn write_zip(
        &self,
        path: &Path,
        dir: &Path,
        entries: &[PackEntry],
        force: bool,
    ) -> Result<Packed, EvidenceError> {
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{}.", leaf(path)))
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(EvidenceError::io(IoOp::Write, dir))?;
        let write_err = |e: io::Error| EvidenceError::io(IoOp::Write, path)(e);
        let file = temp.as_file().try_clone().map_err(write_err)?;
        let mut zip = ZipWriter::new(BufWriter::with_capacity(CHUNK, file));
        let mut buf = vec![0u8; CHUNK];
        let mut packed = Packed::default();
        for entry in entries {
            let size = match &entry.content {
                PackContent::Stored { size, .. } => *size,
                PackContent::Bytes(b) => b.len() as u64,
            };
            let mut options = SimpleFileOptions::default()
                .compression_method(if entry.compress {
                    CompressionMethod::Deflated
                } else {
                    CompressionMethod::Stored
                })
                .unix_permissions(0o644)
                .large_file(size >= u64::from(u32::MAX));
            if let Some(time) = entry.date.and_then(zip_time) {
                options = options.last_modified_time(time);
            }
            zip.start_file(entry.path.as_str(), options)
                .map_err(|e| write_err(io::Error::other(e)))?;
            match &entry.content {
                PackContent::Bytes(bytes) => zip.write_all(bytes).map_err(write_err)?,
                PackContent::Stored { sha256, size, name } => {
                    let mut reader = self.open_checked(sha256, *size, name)?;
                    stream(&mut reader, &mut zip, &mut buf)
                        .map_err(|e| damaged_or(e, sha256, name, path))?;
                }
            }
            packed.files += 1;
            packed.bytes += size;
        }
        let mut out = zip.finish().map_err(|e| write_err(io::Error::other(e)))?;
        out.flush().map_err(write_err)?;
        drop(out);
        temp.as_file()
            .sync_all()
            .map_err(EvidenceError::io(IoOp::Sync, path))?;
        let placed = if force {
            temp.persist(path).map(|_| ())
        } else {
            temp.persist_noclobber(path).map(|_| ())
        };
        match placed {
            Ok(()) => {}
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                return Err(EvidenceError::Exists {
                    path: path.to_path_buf(),
                });
            }
            Err(e) => return Err(EvidenceError::io(IoOp::Rename, path)(e.error)),
        }
        sync_dir(dir)?;
        Ok(packed)
    }

    fn write_folder(
        &self,
        path: &Path,
        dir: &Path,
        entries: &[PackEntry],
    ) -> Result<Packed, EvidenceError> {
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{}.", leaf(path)))
            .suffix(".tmp")
            .tempdir_in(dir)
            .map_err(EvidenceError::io(IoOp::Create, dir))?;
        let mut buf = vec![0u8; CHUNK];
        let mut packed = Packed::default();
        for entry in entries {
            let to = entry
                .path
                .split('/')
                .fold(temp.path().to_path_buf(), |p, part| p.join(part));
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent).map_err(EvidenceError::io(IoOp::Create, parent))?;
            }
            let write_err = |e: io::Error| EvidenceError::io(IoOp::Write, &to)(e);
            let mut out = BufWriter::with_capacity(CHUNK, File::create(&to).map_err(write_err)?);
            let size = match &entry.content {
                PackContent::Bytes(bytes) => {
                    out.write_all(bytes).map_err(write_err)?;
                    bytes.len() as u64
                }
                PackContent::Stored { sha256, size, name } => {
                    let mut reader = self.open_checked(sha256, *size, name)?;
                    stream(&mut reader, &mut out, &mut buf)
                        .map_err(|e| damaged_or(e, sha256, name, &to))?;
                    *size
                }
            };
            let file = out.into_inner().map_err(|e| write_err(e.into_error()))?;
            file.sync_all().map_err(write_err)?;
            drop(file);
            if let PackContent::Stored { .. } = entry.content {
                make_read_only(&to);
            }
            packed.files += 1;
            packed.bytes += size;
        }
        let temp_path = temp.keep();
        if let Err(e) = fs::rename(&temp_path, path) {
            let _ = remove_tree(&temp_path);
            return Err(
                if e.kind() == io::ErrorKind::AlreadyExists
                    || e.kind() == io::ErrorKind::DirectoryNotEmpty
                {
                    EvidenceError::Exists {
                        path: path.to_path_buf(),
                    }
                } else {
                    EvidenceError::io(IoOp::Rename, path)(e)
                },
            );
        }
        sync_dir(dir)?;
        Ok(packed)
    }
}

/// A failed copy: the stored file's fault when its check failed, else the writing's.
fn damaged_or(e: io::Error, sha256: &str, name: &str, path: &Path) -> EvidenceError {
    if e.kind() == io::ErrorKind::InvalidData {
        EvidenceError::Damaged {
            sha256: sha256.to_string(),
            name: name.to_string(),
        }
    } else {
        EvidenceError::io(IoOp::Write, path)(e)
    }
}

/// Remove a tree whose files may be read-only.
fn remove_tree(path: &Path) -> io::Result<()> {
    if let Ok(entries) = fs::read_dir(path) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                let _ = remove_tree(&p);
            } else {
                super::make_writable(&p);
            }
        }
    }
    fs::remove_dir_all(path)
}

/// The zip's date for a day (noon, so that no time zone moves it to another day); days the
/// format cannot hold (before 1980) get none.
fn zip_time(d: Date) -> Option<DateTime> {
    let year = u16::try_from(d.year()).ok()?;
    DateTime::from_date_and_time(year, d.month() as u8, d.day() as u8, 12, 0, 0).ok()
}
