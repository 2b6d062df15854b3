//! Ledgers between machines: `export-ledger` and `import-ledger`, and `--ledger`, which
//! combines several ledgers (each 科室's part) for `status`, `review` and the documents.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{read_local, tell};
use crate::cli::error::{CmdResult, Failure};
use crate::cli::output::Out;
use crate::ledger::{ChangeError, Ledger, Op};
use crate::review::rollup::{self, Conflict};
use crate::session::Session;
use crate::store::{self, Proposal};

/// Several ledgers of the same checklist and year, combined (`--ledger a.ron --ledger dir/`).
#[derive(Debug, Clone, Default, Args)]
pub struct LedgerSources {
    /// 合并这些台账文件（可重复；目录则读取其中全部 .ron）代替本机台账 /
    /// combine these ledger files instead of the local one (repeatable; a directory means every .ron in it)
    #[arg(long = "ledger", value_name = "PATH")]
    pub ledgers: Vec<PathBuf>,
}

/// Which 责任科室 a reading command is about (all of them when none is named).
#[derive(Debug, Clone, Default, Args)]
pub struct Scope {
    /// 只看此责任科室的事项（可写科室名的一部分）/ only this office's items (part of its name will do)
    #[arg(long, value_name = "OFFICE")]
    pub owner: Option<String>,
}

/// The ledger a reading command shows: the local one, or several combined.
pub struct View {
    pub ledger: Ledger,
    pub conflicts: Vec<Conflict>,
    /// The files combined (empty for the local ledger).
    pub sources: Vec<String>,
}

/// The local ledger, or the roll-up of `sources` when any are given.
///
/// A command reads one view and prints from it until the process ends, so the view is
/// leaked rather than dropped: freeing a year of records one string at a time, just before
/// exit, costs more than printing them.
pub fn load_view(s: &Session, sources: &LedgerSources) -> Result<&'static View, Failure> {
    read_view(s, sources).map(|view| &*Box::leak(Box::new(view)))
}

fn read_view(s: &Session, sources: &LedgerSources) -> Result<View, Failure> {
    if sources.ledgers.is_empty() {
        return Ok(View {
            ledger: read_local(s)?,
            conflicts: Vec::new(),
            sources: Vec::new(),
        });
    }
    let (ledgers, paths) = store::read_all(&sources.ledgers, &s.checklist)?;
    if ledgers.is_empty() {
        return Err(Failure::Usage(s.words().no_ledgers_in_dirs().into()));
    }
    let (mut ledger, conflicts) = rollup::combine(&s.checklist, &ledgers);
    if s.owner.is_some() {
        ledger.items.retain(|id, _| s.checklist.item(id).is_some());
    }
    Ok(View {
        ledger,
        conflicts,
        sources: paths.iter().map(|p| p.display().to_string()).collect(),
    })
}

/// The roll-up's sources and conflicts (nothing for the local ledger).
pub fn print_rollup(s: &Session, view: &View, out: &mut Out) -> CmdResult {
    if view.sources.is_empty() {
        return Ok(());
    }
    let w = s.words();
    writeln!(out)?;
    writeln!(out, "{}", w.combined(&view.sources))?;
    if view.conflicts.is_empty() {
        writeln!(out, "{}", w.no_conflicts())?;
        return Ok(());
    }
    writeln!(out, "{}", w.conflicts_heading(view.conflicts.len()))?;
    for c in &view.conflicts {
        writeln!(out, "  {}", c.describe(&view.sources, s.lang))?;
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// 导出到此文件 / where to write the ledger
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// 覆盖已有文件 / replace an existing file
    #[arg(long)]
    pub force: bool,
}

/// `duty export-ledger --output FILE`: a copy of the local ledger to carry to another machine.
pub fn export(s: &Session, a: &ExportArgs, out: &mut Out) -> CmdResult {
    let ledger = read_local(s)?;
    store::write_new(&a.output, store::exported(&ledger).as_bytes(), a.force)?;
    let file = a.output.display().to_string();
    writeln!(out, "{}", s.words().exported(&ledger, &file))?;
    Ok(())
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 要合并的台账文件（duty export-ledger 导出）/ the ledger file to merge (from duty export-ledger)
    pub file: PathBuf,
}

/// `duty import-ledger FILE`: check it, then merge it into the local ledger as one change
/// (never overwriting); say what was added and every conflict.
pub fn import(s: &Session, a: &ImportArgs, out: &mut Out) -> CmdResult {
    // The file is read and checked before anything is locked or written, so a damaged or
    // foreign file changes nothing.
    let incoming = store::read_foreign(&a.file, &s.checklist)?;
    let stamp = s.stamp();
    let file = a.file.display().to_string();
    let w = s.words();
    let result = s.book().commit(|local, _| {
        if local.closed {
            return Err(ChangeError::Closed { year: local.year }.into());
        }
        let merge = rollup::merge_into(local, &incoming);
        if merge.ops.is_empty() {
            // Nothing to add: no change is recorded, and the conflicts are still said.
            return Err(ChangeError::NothingNew.into());
        }
        let n = merge.ops.len();
        let proposal = Proposal {
            op: Op::Batch { ops: merge.ops },
            at: stamp.at,
            by: stamp.by.clone(),
        };
        Ok((proposal, (n, merge.conflicts)))
    });
    let conflicts = match result {
        Ok(c) => {
            tell(s, &c.notes);
            let (n, conflicts) = c.value;
            writeln!(out, "{}", w.merged(&file, n))?;
            conflicts
        }
        Err(store::StoreError::Change(ChangeError::NothingNew)) => {
            writeln!(out, "{}", w.merged(&file, 0))?;
            let local = read_local(s)?;
            rollup::merge_into(&local, &incoming).conflicts
        }
        Err(e) => return Err(e.into()),
    };
    if !conflicts.is_empty() {
        let sources = [w.local().to_string(), file.clone()];
        writeln!(out, "{}", w.import_conflicts_heading())?;
        for c in &conflicts {
            writeln!(out, "  {}", c.describe(&sources, s.lang))?;
        }
    }
    Ok(())
}
