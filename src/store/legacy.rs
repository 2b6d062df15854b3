//! Ledgers written by an earlier `duty` (format 1): a snapshot with a backup `YEAR.ron.bak`
//! and a history `YEAR.history.jsonl` holding each change's item state before and after.
//!
//! They are read as they are. The first change made with this build starts the journal
//! with that history (as [`Op::Legacy`] lines, so `duty history` and `duty undo` reach back
//! into it) and a checkpoint of the ledger as it stands; the old files are left in place.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;

use super::error::{IoOp, StoreError};
use super::{files, snapshot};
use crate::ledger::{ItemRecord, Ledger, Op, Recorded};

/// One line of a format-1 history, read leniently: only what the journal needs.
#[derive(Debug, Deserialize)]
struct OldRecord {
    seq: u64,
    at: Timestamp,
    #[serde(default)]
    by: String,
    change: serde_json::Value,
    #[serde(default)]
    item: Option<String>,
    #[serde(default)]
    before: Option<ItemRecord>,
    #[serde(default)]
    after: Option<ItemRecord>,
}

/// The format-1 history's lines that took effect, oldest first. The history was written
/// before the ledger, so a crash between the two leaves a record whose number is reused by
/// the next change (or is beyond the ledger's count): the later record with a number wins,
/// and numbers beyond `ledger_seq` never took effect. Lines that do not parse (torn by a
/// crash) are left out, as the earlier `duty` left them out.
fn effective(path: &Path, ledger_seq: u64) -> Result<Vec<OldRecord>, StoreError> {
    if files::regular(path)?.is_none() {
        return Ok(Vec::new());
    }
    let file = File::open(path).map_err(StoreError::io(IoOp::Read, path))?;
    let mut out: Vec<OldRecord> = Vec::new();
    for line in BufReader::new(file).split(b'\n') {
        let line = line.map_err(StoreError::io(IoOp::Read, path))?;
        let Ok(r) = serde_json::from_slice::<OldRecord>(&line) else {
            continue;
        };
        if r.seq > ledger_seq {
            continue;
        }
        while out.last().is_some_and(|last| last.seq >= r.seq) {
            out.pop();
        }
        out.push(r);
    }
    Ok(out)
}

/// The format-1 history as journal operations, numbered from 1: each change becomes the
/// item's state before and after it, an undo stays an undo of the change it took back.
pub fn history(path: &Path, ledger_seq: u64) -> Result<Vec<Recorded>, StoreError> {
    let old = effective(path, ledger_seq)?;
    let mut renumbered = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(old.len());
    for (i, r) in old.into_iter().enumerate() {
        let seq = i as u64 + 1;
        renumbered.insert(r.seq, seq);
        let state = || Op::Legacy {
            item: r.item.clone().unwrap_or_default(),
            was: r.before.clone().map(Box::new),
            now: r.after.clone().map(Box::new),
        };
        let op = match &r.change {
            serde_json::Value::String(s) if s == "Close" => Op::Close,
            serde_json::Value::String(s) if s == "Reopen" => Op::Reopen,
            serde_json::Value::Object(map) => match map.get("Undo").and_then(|u| u.get("seq")) {
                Some(target) => match target.as_u64().and_then(|t| renumbered.get(&t)) {
                    Some(&target) => Op::Undo {
                        target,
                        step: Box::new(state()),
                    },
                    None => state(),
                },
                None => state(),
            },
            _ => state(),
        };
        out.push(Recorded {
            seq,
            at: r.at,
            by: r.by,
            op,
        });
    }
    Ok(out)
}

/// A format-1 ledger put back from its backup and the changes its history recorded after
/// it (how the earlier `duty restore-backup` worked), for a ledger that is gone or cannot
/// be read and has no journal. `saved_upto` is the change count the damaged file still
/// states, if any: changes after it never took effect. `None` without a usable backup and
/// history.
pub fn rebuild(
    backup: &Path,
    history_path: &Path,
    checklist: &str,
    year: i16,
    saved_upto: Option<u64>,
) -> Result<Option<Ledger>, StoreError> {
    let upto = saved_upto.unwrap_or(u64::MAX);
    let records = effective(history_path, upto)?;
    // Without a usable backup the history alone will do, if it goes back to the first
    // change: each of its lines holds the item's whole state after it.
    let from_scratch = || match records.first() {
        Some(first) if first.seq == 1 => Some(Ledger::new(checklist, year)),
        _ => None,
    };
    let base = match files::read_capped(backup, snapshot::MAX_BYTES)? {
        Some(Ok(bytes)) => match snapshot::parse(&bytes) {
            Ok(s) if s.ledger.checklist == checklist && s.ledger.year == year => Some(s.ledger),
            // Another checklist's or year's backup: not this ledger's to rebuild from.
            Ok(_) => return Ok(None),
            Err(_) => from_scratch(),
        },
        Some(Err(_)) => from_scratch(),
        None if files::regular(history_path)?.is_some() => Some(Ledger::new(checklist, year)),
        None => None,
    };
    let Some(base) = base else {
        return Ok(None);
    };
    let mut ledger = base;
    for r in records {
        if r.seq <= ledger.seq {
            continue;
        }
        match r.change.as_str() {
            Some("Close") => ledger.closed = true,
            Some("Reopen") => ledger.closed = false,
            _ => {}
        }
        if let Some(item) = &r.item {
            match &r.after {
                Some(after) => {
                    ledger.items.insert(item.clone(), after.clone());
                }
                None => {
                    ledger.items.remove(item);
                }
            }
        }
        ledger.seq = r.seq;
    }
    Ok(Some(ledger))
}

/// The change count a ledger file states in its header (`seq: 12,`), read leniently from a
/// file that no longer parses as a whole. `None` when the header is gone or another's.
pub fn saved_seq(bytes: &[u8], checklist: &str, year: i16) -> Option<u64> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let field = |name: &str| {
        head.lines().find_map(|line| {
            let value = line.trim().strip_prefix(name)?.trim();
            Some(value.trim_end_matches(',').trim().to_string())
        })
    };
    let ours = field("checklist:") == Some(format!("\"{checklist}\""))
        && field("year:") == Some(year.to_string());
    let digits: String = field("seq:")?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    ours.then(|| digits.parse().ok()).flatten()
}
