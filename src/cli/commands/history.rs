//! The record of changes: `history`, `undo`, `redo`, and `repair` after damage.

use std::io::Write;

use clap::Args;

use super::{tell, title};
use crate::cli::error::{CmdResult, Failure};
use crate::cli::output::Out;
use crate::ledger::{Op, Recorded};
use crate::session::Session;
use crate::store::Repaired;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// 只看此事项 / only this item
    pub item: Option<String>,
}

/// `#12   2024-03-28 10:15  张三  登记“…” …`
pub fn line(s: &Session, r: &Recorded) -> String {
    let who = if r.by.is_empty() { "-" } else { r.by.as_str() };
    format!(
        "#{:<4} {}  {who}  {}",
        r.seq,
        s.clock.local_minute(r.at),
        s.words().describe(&r.op, &|item| title(s, item))
    )
}

fn touches(op: &Op, item: &str) -> bool {
    match op {
        Op::Batch { ops } => ops.iter().any(|o| touches(o, item)),
        Op::Undo { step, .. } | Op::Redo { step, .. } => touches(step, item),
        other => other.item() == Some(item),
    }
}

pub fn history(s: &Session, a: &HistoryArgs, out: &mut Out) -> CmdResult {
    let history = s.history()?;
    let item = match a.item.as_deref() {
        Some(name) => Some(item_named(s, &history.records, name)?),
        None => None,
    };
    let w = s.words();
    if history.legacy && !history.records.is_empty() {
        writeln!(out, "{}", w.history_legacy())?;
    }
    let mut shown = 0;
    for r in history
        .records
        .iter()
        .filter(|r| item.as_deref().is_none_or(|i| touches(&r.op, i)))
    {
        writeln!(out, "{}", line(s, r))?;
        shown += 1;
    }
    if shown == 0 {
        writeln!(out, "{}", w.no_history())?;
    }
    // A damaged line is said after what could be read, and makes the command fail, so that
    // a script does not take a cut-short history for the whole of it.
    if let Some(bad) = history.bad {
        out.finish()?;
        return Err(crate::store::StoreError::JournalDamaged {
            path: s.book().paths.journal,
            bad,
        }
        .into());
    }
    Ok(())
}

/// The item `duty history ITEM` is about: named as every command names one (id, number,
/// title or a part of it only it has, with the resolver's did-you-mean), or by the id of an
/// item no longer in the checklist that the history still holds. A typo is refused rather
/// than shown as an item that was never changed.
fn item_named(s: &Session, records: &[Recorded], name: &str) -> Result<String, Failure> {
    if s.checklist.item(name).is_some() {
        return Ok(name.to_string());
    }
    match s.find_item(name) {
        Ok(item) => Ok(item.id.clone()),
        Err(_) if records.iter().any(|r| touches(&r.op, name)) => Ok(name.to_string()),
        Err(e) => Err(e.into()),
    }
}

/// `duty undo` (`undo`) or `duty redo`: say what was taken back or put back, by whom, when.
pub fn undo(s: &Session, undo: bool, out: &mut Out) -> CmdResult {
    let c = if undo { s.undo(None)? } else { s.redo(None)? };
    tell(s, &c.notes);
    let target = &c.value;
    let what = s.words().describe(&target.op, &|item| title(s, item));
    let when = s.clock.local_minute(target.at);
    let by = if target.by.is_empty() {
        "-"
    } else {
        target.by.as_str()
    };
    let w = s.words();
    let said = if undo {
        w.undone(target.seq, &what, by, &when)
    } else {
        w.redone(target.seq, &what, by, &when)
    };
    writeln!(out, "{said}")?;
    Ok(())
}

pub fn repair(s: &Session, out: &mut Out) -> CmdResult {
    let repaired = s.repair().map_err(Failure::Store)?;
    let w = s.words();
    let book = s.book();
    writeln!(
        out,
        "{}",
        w.repaired(&repaired, &book.paths.ledger, &book.paths.journal)
    )?;
    let ledger = match &repaired {
        Repaired::SnapshotRebuilt { ledger, .. }
        | Repaired::JournalRestarted { ledger, .. }
        | Repaired::RebuiltInPart { ledger, .. }
        | Repaired::FromBackup { ledger, .. } => ledger,
    };
    writeln!(out, "{}", w.repaired_holds(ledger.items.len(), ledger.seq))?;
    Ok(())
}
