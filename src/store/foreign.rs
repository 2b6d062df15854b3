//! Ledgers that are not this machine's own: files named with `--ledger` for a roll-up (or a
//! directory of them) and files brought in with `duty import-ledger`. They are read and
//! checked here, never written; the local ledger's changes go through [`super::transact`].

use std::fs;
use std::path::{Path, PathBuf};

use super::StoreError;
use crate::checklist::Checklist;
use crate::ledger::Ledger;

/// The ledger files named by `sources`: files as given, directories expanded to the `.ron`
/// files directly in them (sorted by name; backups `*.ron.bak` are not `.ron` files).
pub fn expand_sources(sources: &[PathBuf]) -> Result<Vec<PathBuf>, StoreError> {
    let mut out = Vec::new();
    for src in sources {
        if src.is_dir() {
            let mut found: Vec<PathBuf> = fs::read_dir(src)
                .map_err(StoreError::io("read", src))?
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
    let ledger = super::read_ledger_file(path, path).map_err(|e| match e {
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
