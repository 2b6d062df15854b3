//! The file side of review and roll-up: reading several ledgers (files or directories),
//! exporting a ledger, importing one under the lock, and starting a new year's ledger.
//!
//! Built only from `store`'s public functions, so locking, atomic saves and backups stay the
//! store's. The one thing added is appending several history records in one write (an import
//! makes one record per added entry); it follows the store's order — history first and
//! fsynced, then the ledger — so records beyond the ledger's `seq` never took effect.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::rollup::{Merge, merge_into};
use crate::checklist::Checklist;
use crate::ledger::{ChangeError, Ctx, Ledger};
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
    // What the commands would refuse must not come in through a file either.
    if let Some(problem) = ledger.problem(checklist) {
        return Err(foreign(problem));
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
    let _lock = store::lock(paths)?;
    let local = store::read_ledger(paths, &checklist.id, checklist.year)?;
    if local.closed {
        return Err(StoreError::Change(ChangeError::Closed { year: local.year }));
    }
    let merge = merge_into(&local, &incoming, ctx);
    if !merge.records.is_empty() {
        store::append_history_records(paths, &merge.records)?;
        store::save_ledger(paths, &merge.ledger)?;
    }
    Ok(merge)
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
