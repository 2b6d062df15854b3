//! The file side of review and roll-up: reading several ledgers (files or directories),
//! exporting a ledger, importing one under the lock, and starting a new year's ledger.
//!
//! Built only from `store`'s public functions, so locking, atomic saves and backups stay the
//! store's. The one thing added is appending several history records in one write (an import
//! makes one record per added entry); it follows the store's order — history first and
//! fsynced, then the ledger — so records beyond the ledger's `seq` never took effect.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::rollup::{Merge, merge_into};
use crate::checklist::Checklist;
use crate::ledger::{ChangeError, Ctx, HistoryRecord, Ledger};
use crate::store::{self, LedgerPaths, StoreError};

fn io_error<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

/// The ledger files named by `sources`: files as given, directories expanded to the `.ron`
/// files directly in them (sorted by name; backups `*.ron.bak` are not `.ron` files).
pub fn expand_sources(sources: &[PathBuf]) -> Result<Vec<PathBuf>, StoreError> {
    let mut out = Vec::new();
    for src in sources {
        if src.is_dir() {
            let mut found: Vec<PathBuf> = fs::read_dir(src)
                .map_err(io_error("read", src))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(src.clone());
        }
    }
    Ok(out)
}

/// Read one ledger file that must belong to `checklist` (id and year). An unreadable file is
/// reported as such, with no backup to offer (it is not the local ledger).
pub fn read_foreign(path: &Path, checklist: &Checklist) -> Result<Ledger, StoreError> {
    let foreign = |problem: String| StoreError::Foreign {
        path: path.to_path_buf(),
        problem,
    };
    let ledger = store::read_ledger_file(path, path).map_err(|e| match e {
        StoreError::Corrupt {
            problem,
            at: Some((line, col)),
            ..
        } => foreign(format!("line {line}, column {col}: {problem}")),
        StoreError::Corrupt { problem, .. } => foreign(problem),
        StoreError::TooNew { found, .. } => foreign(format!(
            "format {found} is newer than this duty reads ({})",
            crate::ledger::FORMAT_VERSION
        )),
        other => other,
    })?;
    if ledger.checklist != checklist.id || ledger.year != checklist.year {
        return Err(foreign(format!(
            "it belongs to checklist '{}' {}, not '{}' {}",
            ledger.checklist, ledger.year, checklist.id, checklist.year
        )));
    }
    Ok(ledger)
}

/// Read every ledger named by `sources` (see [`expand_sources`]), with the paths read.
pub fn read_all(
    sources: &[PathBuf],
    checklist: &Checklist,
) -> Result<(Vec<Ledger>, Vec<PathBuf>), StoreError> {
    let paths = expand_sources(sources)?;
    let ledgers = paths
        .iter()
        .map(|p| read_foreign(p, checklist))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((ledgers, paths))
}

/// Write the local ledger to `output` (refusing to replace a file unless `force`). Returns
/// the ledger written.
pub fn export(
    paths: &LedgerPaths,
    checklist: &Checklist,
    output: &Path,
    force: bool,
) -> Result<Ledger, StoreError> {
    let ledger = store::read_ledger(paths, &checklist.id, checklist.year)?;
    store::write_new_file(output, store::serialize_ledger(&ledger).as_bytes(), force)?;
    Ok(ledger)
}

/// Merge the ledger file at `file` into the local ledger, under the lock, with a history
/// record per change. The file is read and checked before anything is locked or written, so a
/// corrupt or foreign file changes nothing; a closed year refuses the import.
pub fn import(
    paths: &LedgerPaths,
    checklist: &Checklist,
    ctx: &Ctx,
    file: &Path,
) -> Result<Merge, StoreError> {
    let incoming = read_foreign(file, checklist)?;
    if let Some(problem) = unsafe_text(&incoming) {
        // `duty` refuses these characters when they are typed; a file must not slip them in.
        return Err(StoreError::Foreign {
            path: file.to_path_buf(),
            problem,
        });
    }
    let _lock = store::lock(paths)?;
    let local = store::read_ledger(paths, &checklist.id, checklist.year)?;
    if local.closed {
        return Err(StoreError::Change(ChangeError::Closed { year: local.year }));
    }
    let merge = merge_into(&local, &incoming, ctx);
    if !merge.records.is_empty() {
        append_records(&paths.history, &merge.records)?;
        store::save_ledger(paths, &merge.ledger)?;
    }
    Ok(merge)
}

/// Append `records` to the history file in one write, then fsync it.
fn append_records(path: &Path, records: &[HistoryRecord]) -> Result<(), StoreError> {
    let mut text = String::new();
    for r in records {
        text.push_str(
            &serde_json::to_string(r)
                .unwrap_or_else(|e| unreachable!("a history record always serialises: {e}")),
        );
        text.push('\n');
    }
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(io_error("write", path))?;
    file.write_all(text.as_bytes())
        .map_err(io_error("write", path))?;
    file.sync_data().map_err(io_error("sync", path))
}

/// Create the empty ledger of `checklist_id` for `year`, unless one exists (it is never
/// replaced). Returns whether it was created.
pub fn start_ledger(
    data_dir: &Path,
    checklist_id: &str,
    year: i16,
) -> Result<(bool, LedgerPaths), StoreError> {
    let paths = LedgerPaths::new(data_dir, checklist_id, year);
    let _lock = store::lock(&paths)?;
    if paths.ledger.exists() {
        // Read it, so that a damaged file is reported rather than silently kept.
        store::read_ledger(&paths, checklist_id, year)?;
        return Ok((false, paths));
    }
    store::save_ledger(&paths, &Ledger::new(checklist_id, year))?;
    Ok((true, paths))
}

/// The first stored text of `ledger` holding a control character or bidi override, named.
fn unsafe_text(ledger: &Ledger) -> Option<String> {
    for (id, r) in &ledger.items {
        let mut fields: Vec<(&str, &str)> =
            vec![("id", id), ("note", &r.note), ("evidence", &r.evidence)];
        if let Some(d) = &r.done {
            fields.extend([
                ("done.evidence", d.evidence.as_str()),
                ("done.by", d.by.as_str()),
            ]);
        }
        if let Some(rate) = &r.rate {
            fields.extend([
                ("rate.evidence", rate.evidence.as_str()),
                ("rate.by", rate.by.as_str()),
            ]);
        }
        for e in &r.entries {
            fields.extend([
                ("entry.id", e.id.as_str()),
                ("entry.topic", e.topic.as_str()),
                ("entry.evidence", e.evidence.as_str()),
                ("entry.by", e.by.as_str()),
            ]);
        }
        for (field, text) in fields {
            if let Err(bad) = crate::text::check_input(text) {
                return Some(format!(
                    "item '{}', {field}: character U+{:04X} is not allowed",
                    crate::text::for_terminal(id),
                    bad.ch as u32
                ));
            }
        }
    }
    None
}
