//! Where things live: the data and settings directories, and the files of one ledger.

use std::path::{Path, PathBuf};

use super::error::StoreError;

/// The files of one ledger (one checklist, one year), all in `DATA_DIR/CHECKLIST_ID/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerPaths {
    pub dir: PathBuf,
    /// `YEAR.ron`: the ledger as a human-readable snapshot.
    pub ledger: PathBuf,
    /// `YEAR.journal`: every change, one JSON line each, appended and synced: the record.
    pub journal: PathBuf,
    /// `YEAR.lock`: taken by every change; never renamed, so every process locks one inode.
    pub lock: PathBuf,
    /// `YEAR.history.jsonl`: the history an earlier `duty` kept (read when upgrading).
    pub legacy_history: PathBuf,
    /// `YEAR.ron.bak`: the backup an earlier `duty` kept (used only to repair its ledger).
    pub legacy_backup: PathBuf,
}

impl LedgerPaths {
    pub fn new(data_dir: &Path, checklist_id: &str, year: i16) -> Self {
        let dir = data_dir.join(checklist_id);
        LedgerPaths {
            ledger: dir.join(format!("{year}.ron")),
            journal: dir.join(format!("{year}.journal")),
            lock: dir.join(format!("{year}.lock")),
            legacy_history: dir.join(format!("{year}.history.jsonl")),
            legacy_backup: dir.join(format!("{year}.ron.bak")),
            dir,
        }
    }

    /// A free name beside `path` for keeping a damaged file aside: `NAME.damaged-N`.
    pub fn aside(path: &Path) -> PathBuf {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = path.parent().unwrap_or(Path::new("."));
        (1..)
            .map(|n| dir.join(format!("{name}.damaged-{n}")))
            .find(|p| std::fs::symlink_metadata(p).is_err())
            .unwrap_or_else(|| unreachable!("some damaged-N name is free"))
    }
}

/// Where ledgers live: the directory given (`--data-dir`, `DUTY_DATA_DIR`), else the
/// platform's data directory.
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    project_dirs()
        .map(|p| p.data_dir().to_path_buf())
        .ok_or(StoreError::NoHome)
}

/// Where the settings file lives: the directory given (`DUTY_CONFIG_DIR`), else the
/// platform's configuration directory.
pub fn config_dir(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    project_dirs()
        .map(|p| p.config_dir().to_path_buf())
        .ok_or(StoreError::NoHome)
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "duty")
}
