//! `duty submit`: the one self-contained file a unit sends to the collecting office (its
//! checklist, its ledger for the year, who it is, when and by whom the file was made, a
//! checksum), written beside nothing it could replace.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::read_local;
use crate::cli::error::{CmdResult, Failure};
use crate::cli::output::Out;
use crate::overview::UnitHeader;
use crate::session::Session;
use crate::store::{self, unit_file};

#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// 输出文件（默认“单位名称-年度.duty.ron”）/ where to write (default: UNIT-YEAR.duty.ron)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 单位名称（默认取清单的 organization）/ the unit's name (default: the checklist's organization)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// 覆盖已有文件 / replace an existing file
    #[arg(long)]
    pub force: bool,
}

/// The unit name of the default checklist, which names no unit.
const PLACEHOLDER: &str = "本单位";

/// A file name made from a unit's name: characters Windows refuses in names become `_`.
fn file_name(unit: &str, year: i16) -> String {
    let safe: String = unit
        .chars()
        .map(|c| {
            if c.is_control() || crate::text::is_unsafe(c) || r#"/\:*?"<>|"#.contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let safe = safe.trim().trim_matches('.');
    let safe = if safe.is_empty() { "unit" } else { safe };
    format!("{safe}-{year}.duty.ron")
}

pub fn submit(s: &Session, a: &SubmitArgs, out: &mut Out) -> CmdResult {
    let w = s.words();
    let name = a
        .unit
        .clone()
        .unwrap_or_else(|| s.checklist.organization.clone());
    let name = crate::text::check_input(name.trim())
        .map_err(|e| Failure::Usage(w.unit_name_unsafe(e.ch)))?
        .to_string();
    // The default checklist names its unit 本单位 ("this unit"), which tells the office
    // nothing: a real name is asked for.
    if name.is_empty() || name == PLACEHOLDER {
        return Err(Failure::Usage(w.unit_name_missing().into()));
    }
    let ledger = read_local(s)?;
    let history = s.history()?;
    let header = UnitHeader {
        name: name.clone(),
        checklist: s.checklist.id.clone(),
        year: s.checklist.year,
        exported_at: s.clock.now(),
        exported_by: s.user.clone(),
        duty_version: env!("CARGO_PKG_VERSION").to_string(),
        last_change: history.records.last().map(|r| r.at),
        changes: ledger.seq,
    };
    let text = unit_file::serialize(&header, &s.checklist, &ledger);
    let path = a
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(file_name(&name, s.checklist.year)));
    store::write_new(&path, text.as_bytes(), a.force)?;
    writeln!(
        out,
        "{}",
        w.submitted(
            &name,
            s.checklist.year,
            &path.display().to_string(),
            s.checklist.item_count()
        )
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_keep_chinese_and_lose_what_windows_refuses() {
        assert_eq!(
            super::file_name("河源市司法局", 2025),
            "河源市司法局-2025.duty.ron"
        );
        assert_eq!(super::file_name("a/b:c*?", 2025), "a_b_c__-2025.duty.ron");
        assert_eq!(super::file_name(" .. ", 2025), "unit-2025.duty.ron");
    }
}
