//! Ledgers that are not this machine's own: files named with `--ledger` for a roll-up (or a
//! directory of them) and files brought in with `duty import-ledger`. They are read and
//! checked here, never written.

use std::fs;
use std::path::{Path, PathBuf};

use super::error::{Damage, IoOp, StoreError};
use super::{files, snapshot};
use crate::checklist::Checklist;
use crate::ledger::{Ledger, Problem};

/// The ledger files named by `sources`: files as given, directories expanded to the `.ron`
/// files directly in them (sorted by name; backups `*.ron.bak` are not `.ron` files).
pub fn expand_sources(sources: &[PathBuf]) -> Result<Vec<PathBuf>, StoreError> {
    let mut out = Vec::new();
    for src in sources {
        if src.is_dir() {
            let mut found: Vec<PathBuf> = fs::read_dir(src)
                .map_err(StoreError::io(IoOp::Read, src))?
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

/// Why a ledger file from elsewhere cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Unusable {
    /// It cannot be read as a ledger (at this line and column, where known).
    Damaged {
        damage: Damage,
        at: Option<(usize, usize)>,
    },
    /// Written by a newer `duty`.
    TooNew { found: u32 },
    /// A ledger of another checklist or year.
    OtherLedger {
        found_id: String,
        found_year: i16,
        id: String,
        year: i16,
    },
    /// It holds something the commands would refuse.
    Invalid(Problem),
}

/// Read one ledger file that must belong to `checklist` (id and year).
pub fn read_foreign(path: &Path, checklist: &Checklist) -> Result<Ledger, StoreError> {
    let unusable = |problem: Unusable| StoreError::Foreign {
        path: path.to_path_buf(),
        problem,
    };
    let bytes = match files::read_capped(path, snapshot::MAX_BYTES)? {
        Some(Ok(bytes)) => bytes,
        Some(Err(bytes)) => {
            return Err(unusable(Unusable::Damaged {
                damage: Damage::TooLarge { bytes },
                at: None,
            }));
        }
        None => {
            return Err(StoreError::Io {
                op: IoOp::Read,
                path: path.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
    };
    let ledger = match snapshot::parse(&bytes) {
        Ok(s) => s.ledger,
        Err(snapshot::Unparsed::TooNew(found)) => return Err(unusable(Unusable::TooNew { found })),
        Err(snapshot::Unparsed::Damaged { damage, at }) => {
            return Err(unusable(Unusable::Damaged { damage, at }));
        }
    };
    if ledger.checklist != checklist.id || ledger.year != checklist.year {
        return Err(unusable(Unusable::OtherLedger {
            found_id: ledger.checklist,
            found_year: ledger.year,
            id: checklist.id.clone(),
            year: checklist.year,
        }));
    }
    // What the commands would refuse must not come in through a file either.
    if let Some(problem) = ledger.problem(checklist) {
        return Err(unusable(Unusable::Invalid(problem)));
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
