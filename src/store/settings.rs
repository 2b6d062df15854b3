//! What `duty` remembers between runs: `settings.ron` in the configuration directory.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::{IoOp, StoreError};
use super::files::{self, Durability};
use crate::i18n::Lang;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The checklist `duty` opens when none is given (set by `duty use FILE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// Draw borders with ASCII (`+-|`) for terminals where box-drawing glyphs are double width.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ascii_borders: Option<bool>,
    /// The officer's name as it should appear in the history and in exports, instead of
    /// the computer's account name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

pub fn path(config_dir: &Path) -> PathBuf {
    config_dir.join("settings.ron")
}

/// Read the settings; a missing file means defaults. An unreadable one is an error (it is
/// never silently replaced).
pub fn read(path: &Path) -> Result<Settings, StoreError> {
    let bytes = match files::read_capped(path, 1024 * 1024)? {
        None => return Ok(Settings::default()),
        Some(Ok(bytes)) => bytes,
        Some(Err(len)) => {
            return Err(StoreError::Settings {
                path: path.to_path_buf(),
                problem: format!("{len} bytes"),
            });
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| StoreError::Settings {
        path: path.to_path_buf(),
        problem: e.to_string(),
    })?;
    ron::from_str(text).map_err(|e| StoreError::Settings {
        path: path.to_path_buf(),
        problem: format!(
            "line {}, column {}: {}",
            e.span.start.line, e.span.start.col, e.code
        ),
    })
}

pub fn write(path: &Path, settings: &Settings) -> Result<(), StoreError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(StoreError::io(IoOp::Create, dir))?;
    }
    let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::new().new_line("\n"))
        .unwrap_or_else(|e| unreachable!("settings always serialise: {e}"));
    files::replace(path, format!("{text}\n").as_bytes(), Durability::Synced)
}
