//! The journal `YEAR.journal`: every change to one ledger, one JSON line each, appended and
//! synced before the change counts. It is the record; the snapshot is derived from it.
//!
//! The first line names the journal (a random id the snapshot repeats, so a journal from
//! another copy is never mistaken for this ledger's) and the number the lines after it
//! continue from. A last line without its newline was cut off by a crash before its sync
//! returned: the change was never acknowledged, so it is ignored and cut away before the
//! next append. A bad line anywhere else is damage: it is reported with its line number and
//! everything after it is left unused, never silently skipped.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::{BadLine, IoOp, LineFault, StoreError};
use super::files;
use crate::ledger::Recorded;

/// The first line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub journal: String,
    pub checklist: String,
    pub year: i16,
    /// The number the first operation line comes after.
    pub base: u64,
}

/// Lines read from a journal, from some offset to its end.
#[derive(Debug, Default)]
pub struct Lines {
    /// Where reading started (the end of a line).
    pub start: u64,
    /// The operations, in order, each with the offset just past its line.
    pub records: Vec<(Recorded, u64)>,
    /// Where the last usable line ends: the next append goes here.
    pub end: u64,
    /// A cut-off last line (from a crash mid-append), ignored: its length in bytes.
    pub torn: Option<u64>,
    /// The first damaged line, after which nothing was used.
    pub bad: Option<BadLine>,
}

/// A fresh journal id: 64 random bits (std seeds its hash keys from the system's random
/// source), shown as 16 hex digits.
pub fn new_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u8(0);
    format!("{:016x}", hasher.finish())
}

/// The journal's first line, or `None` when there is no journal. A journal whose first line
/// never got its newline was cut off by a crash while it was being started: nothing in it
/// was acknowledged, so it counts as none (and [`create`] replaces it).
pub fn header(path: &Path) -> Result<Option<Header>, StoreError> {
    let Some(_) = files::regular(path)? else {
        return Ok(None);
    };
    let file = File::open(path).map_err(StoreError::io(IoOp::Read, path))?;
    let mut line = Vec::new();
    // The header is short; a first line of megabytes is not one.
    BufReader::new(file)
        .take(64 * 1024)
        .read_until(b'\n', &mut line)
        .map_err(StoreError::io(IoOp::Read, path))?;
    if !line.ends_with(b"\n") && line.len() < 64 * 1024 {
        return Ok(None);
    }
    parse_header(&line)
        .map(Some)
        .ok_or_else(|| damaged(path, 1, LineFault::NoHeader))
}

fn parse_header(line: &[u8]) -> Option<Header> {
    let line = line.strip_suffix(b"\n")?;
    serde_json::from_slice(line).ok()
}

fn damaged(path: &Path, line: usize, fault: LineFault) -> StoreError {
    StoreError::JournalDamaged {
        path: path.to_path_buf(),
        bad: BadLine { line, fault },
    }
}

/// The operation lines from byte `from` (the end of a line) to the end, expecting the first
/// to be number `after + 1`. `first_line` is the line number at `from`, when known, for
/// messages; when it is not (`None`), it is counted only if a damaged line must be named.
pub fn read(
    path: &Path,
    from: u64,
    after: u64,
    first_line: Option<usize>,
) -> Result<Lines, StoreError> {
    let mut file = File::open(path).map_err(StoreError::io(IoOp::Read, path))?;
    let mut bytes = Vec::new();
    file.seek(SeekFrom::Start(from))
        .and_then(|_| file.read_to_end(&mut bytes))
        .map_err(StoreError::io(IoOp::Read, path))?;
    let mut out = Lines {
        start: from,
        end: from,
        ..Lines::default()
    };
    let mut expected = after + 1;
    let mut offset = from;
    let mut index = 0usize;
    let mut rest = bytes.as_slice();
    while !rest.is_empty() {
        let Some(newline) = rest.iter().position(|&b| b == b'\n') else {
            out.torn = Some(rest.len() as u64);
            break;
        };
        let line = &rest[..newline];
        rest = &rest[newline + 1..];
        offset += newline as u64 + 1;
        let fault = match serde_json::from_slice::<Recorded>(line) {
            Ok(r) if r.seq == expected => {
                expected += 1;
                out.records.push((r, offset));
                out.end = offset;
                index += 1;
                continue;
            }
            Ok(r) => LineFault::OutOfOrder {
                expected,
                found: r.seq,
            },
            Err(e) => LineFault::Unreadable(e.to_string()),
        };
        let line = match first_line {
            Some(n) => n + index,
            None => line_number(path, from)? + index,
        };
        out.bad = Some(BadLine { line, fault });
        break;
    }
    Ok(out)
}

/// The whole journal: its header and every usable operation line.
pub fn read_all(path: &Path) -> Result<Option<(Header, Lines)>, StoreError> {
    let Some(header) = header(path)? else {
        return Ok(None);
    };
    let header_len = header_len(path)?;
    let lines = read(path, header_len, header.base, Some(2))?;
    Ok(Some((header, lines)))
}

fn header_len(path: &Path) -> Result<u64, StoreError> {
    let file = File::open(path).map_err(StoreError::io(IoOp::Read, path))?;
    let mut line = Vec::new();
    BufReader::new(file)
        .read_until(b'\n', &mut line)
        .map_err(StoreError::io(IoOp::Read, path))?;
    Ok(line.len() as u64)
}

/// The first line before byte `end` that is not a record numbered after the one before it,
/// checked for shape only (its number, and that it is JSON): how a change reads the lines
/// the snapshot already holds, which opening skips, without the cost of reading them whole.
pub fn first_bad(path: &Path, header: &Header, end: u64) -> Result<Option<BadLine>, StoreError> {
    #[derive(Deserialize)]
    struct Numbered {
        seq: u64,
    }
    let from = header_len(path)?;
    let mut file = File::open(path).map_err(StoreError::io(IoOp::Read, path))?;
    let mut bytes = Vec::new();
    file.seek(SeekFrom::Start(from))
        .and_then(|_| file.take(end.saturating_sub(from)).read_to_end(&mut bytes))
        .map_err(StoreError::io(IoOp::Read, path))?;
    if bytes.is_empty() {
        return Ok(None);
    }
    let lines = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
    let mut expected = header.base + 1;
    for (i, line) in lines.split(|&b| b == b'\n').enumerate() {
        let fault = match serde_json::from_slice::<Numbered>(line) {
            Ok(n) if n.seq == expected => {
                expected += 1;
                continue;
            }
            Ok(n) => LineFault::OutOfOrder {
                expected,
                found: n.seq,
            },
            Err(e) => LineFault::Unreadable(e.to_string()),
        };
        // The header is line 1.
        return Ok(Some(BadLine { line: i + 2, fault }));
    }
    Ok(None)
}

/// The records on the lines after line `line` (1-based, the header being line 1), each
/// `None` where it cannot be read: what a repair tries to carry over past a damaged line.
/// A cut-off last line was never acknowledged and is not among them.
pub fn after_line(path: &Path, line: usize) -> Result<Vec<Option<Recorded>>, StoreError> {
    let bytes = std::fs::read(path).map_err(StoreError::io(IoOp::Read, path))?;
    let whole = match bytes.iter().rposition(|&b| b == b'\n') {
        Some(last) => &bytes[..last],
        None => return Ok(Vec::new()),
    };
    Ok(whole
        .split(|&b| b == b'\n')
        .skip(line)
        .map(|l| serde_json::from_slice::<Recorded>(l).ok())
        .collect())
}

/// The 1-based number of the line starting at byte `offset`.
pub fn line_number(path: &Path, offset: u64) -> Result<usize, StoreError> {
    let file = File::open(path).map_err(StoreError::io(IoOp::Read, path))?;
    let mut count = 1;
    let mut reader = BufReader::new(file.take(offset));
    loop {
        let buf = reader
            .fill_buf()
            .map_err(StoreError::io(IoOp::Read, path))?;
        if buf.is_empty() {
            return Ok(count);
        }
        count += buf.iter().filter(|&&b| b == b'\n').count();
        let n = buf.len();
        reader.consume(n);
    }
}

/// One operation as its journal line.
pub fn line(record: &Recorded) -> String {
    let mut s = serde_json::to_string(record)
        .unwrap_or_else(|e| unreachable!("a journal line always serialises: {e}"));
    s.push('\n');
    s
}

/// Append `text` (whole lines) at `end`, the end of the last good line, and sync. Whatever
/// follows `end` is a line cut off by a crash, never acknowledged: it is cut away first. If
/// the write or the sync fails, the journal is cut back to `end`, so that a change reported
/// as not saved does not come back later. Returns the new end. Call under the lock.
pub fn append(path: &Path, end: u64, text: &str) -> Result<u64, StoreError> {
    let write = StoreError::io(IoOp::Write, path);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .map_err(StoreError::io(IoOp::Write, path))?;
    let result = (|| -> io::Result<()> {
        if file.metadata()?.len() != end {
            file.set_len(end)?;
        }
        file.seek(SeekFrom::Start(end))?;
        file.write_all(text.as_bytes())?;
        file.sync_data()
    })();
    match result {
        Ok(()) => Ok(end + text.len() as u64),
        Err(e) => {
            let _ = file.set_len(end).and_then(|()| file.sync_data());
            Err(write(e))
        }
    }
}

/// Start a journal at `path` with `header` and `text` (whole lines), replacing one that
/// [`header`] found holds nothing. Synced, with its name, before this returns. Returns its
/// length. Call under the lock.
pub fn create(path: &Path, header: &Header, text: &str) -> Result<u64, StoreError> {
    let mut all = serde_json::to_string(header)
        .unwrap_or_else(|e| unreachable!("a journal header always serialises: {e}"));
    all.push('\n');
    all.push_str(text);
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
        .map_err(StoreError::io(IoOp::Create, path))?;
    let written = file
        .write_all(all.as_bytes())
        .and_then(|()| file.sync_all());
    if let Err(e) = written {
        drop(file);
        let _ = std::fs::remove_file(path);
        return Err(StoreError::io(IoOp::Write, path)(e));
    }
    if let Some(dir) = path.parent() {
        files::sync_dir(dir)?;
    }
    Ok(all.len() as u64)
}
