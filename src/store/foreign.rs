//! Ledgers that are not this machine's own: files named with `--ledger` for a roll-up (or a
//! directory of them) and files brought in with `duty import-ledger`. They are read and
//! checked here, never written; the local ledger's changes go through [`super::transact`].

use std::fs;
use std::path::{Path, PathBuf};

use super::{Damage, StoreError};
use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::ledger::{FORMAT_VERSION, Ledger, Problem};

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

impl Unusable {
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Unusable::Damaged { damage, at: None }, _) => damage.describe(lang),
            (
                Unusable::Damaged {
                    damage,
                    at: Some((l, c)),
                },
                Lang::Zh,
            ) => {
                format!("第 {l} 行第 {c} 列：{}", damage.describe(lang))
            }
            (
                Unusable::Damaged {
                    damage,
                    at: Some((l, c)),
                },
                Lang::En,
            ) => {
                format!("line {l}, column {c}: {}", damage.describe(lang))
            }
            (Unusable::TooNew { found }, Lang::Zh) => format!(
                "由较新版本的 duty 写入（格式 {found}，本程序只能读取格式 {FORMAT_VERSION}）"
            ),
            (Unusable::TooNew { found }, Lang::En) => {
                format!("format {found} is newer than this duty reads ({FORMAT_VERSION})")
            }
            (
                Unusable::OtherLedger {
                    found_id,
                    found_year,
                    id,
                    year,
                },
                Lang::Zh,
            ) => format!("这是清单“{found_id}”{found_year} 年度的台账，不是“{id}”{year} 年度的"),
            (
                Unusable::OtherLedger {
                    found_id,
                    found_year,
                    id,
                    year,
                },
                Lang::En,
            ) => format!("it belongs to checklist '{found_id}' {found_year}, not '{id}' {year}"),
            (Unusable::Invalid(problem), _) => problem.describe(lang),
        }
    }
}

/// Read one ledger file that must belong to `checklist` (id and year). An unreadable file is
/// reported as such, with no backup to offer (it is not the local ledger).
pub fn read_foreign(path: &Path, checklist: &Checklist) -> Result<Ledger, StoreError> {
    let unusable = |problem: Unusable| StoreError::Foreign {
        path: path.to_path_buf(),
        problem,
    };
    let ledger = super::read_ledger_file(path, path).map_err(|e| match e {
        StoreError::Corrupt { problem, at, .. } => unusable(Unusable::Damaged {
            damage: problem,
            at,
        }),
        StoreError::TooNew { found, .. } => unusable(Unusable::TooNew { found }),
        other => other,
    })?;
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
