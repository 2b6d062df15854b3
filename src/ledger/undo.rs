//! Undo and redo over the journal: which operation the next `undo` takes back and which the
//! next `redo` puts back, worked out from the recorded operations alone.
//!
//! Undo is linear, as in an editor: undoing goes back through the changes not yet undone,
//! newest first; redo goes forward again through what was undone, until a new change is
//! made. Both are new operations in the journal, never erasures. Closing and reopening the
//! year are left out (they are said as such, and `reopen` is their undo); a checkpoint (a
//! journal started over an existing ledger) is where undo stops, except for an earlier
//! `duty`'s changes before it (the history of a format-1 ledger, carried into the journal
//! when it is upgraded): they hold the item's whole state before and after, so applying
//! their inverse checks that the item is still as they left it.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::op::Op;

/// One recorded operation: its number, when and by whom, and the operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recorded {
    pub seq: u64,
    pub at: Timestamp,
    pub by: String,
    #[serde(flatten)]
    pub op: Op,
}

/// What undo or redo would do: the operation it takes back (or puts back), and the
/// operation that does it.
#[derive(Debug, Clone, PartialEq)]
pub struct Step<'a> {
    pub target: &'a Recorded,
    pub op: Op,
}

#[derive(Debug, Default)]
struct Stacks {
    undoable: Vec<usize>,
    redoable: Vec<usize>,
}

fn stacks(records: &[Recorded]) -> Stacks {
    let mut s = Stacks::default();
    // Records are in journal order, so their numbers ascend.
    let at = |seq: u64| records.binary_search_by_key(&seq, |r| r.seq).ok();
    for (i, r) in records.iter().enumerate() {
        match &r.op {
            Op::Close | Op::Reopen => {}
            Op::Checkpoint { .. } => {
                let legacy = |&i: &usize| matches!(records[i].op, Op::Legacy { .. });
                s.undoable.retain(legacy);
                s.redoable.retain(legacy);
            }
            Op::Undo { target: seq, .. } => {
                if let Some(pos) = s.undoable.iter().rposition(|&t| Some(t) == at(*seq)) {
                    let t = s.undoable.remove(pos);
                    s.redoable.push(t);
                }
            }
            Op::Redo { target: seq, .. } => {
                if let Some(pos) = s.redoable.iter().rposition(|&t| Some(t) == at(*seq)) {
                    let t = s.redoable.remove(pos);
                    s.undoable.push(t);
                }
            }
            _ => {
                s.undoable.push(i);
                s.redoable.clear();
            }
        }
    }
    s
}

/// The operation the next undo takes back, with its inverse; `None` when there is nothing
/// to undo (or the last one cannot be undone).
pub fn undo_step(records: &[Recorded]) -> Option<Step<'_>> {
    let target = &records[*stacks(records).undoable.last()?];
    Some(Step {
        target,
        op: Op::Undo {
            target: target.seq,
            step: Box::new(target.op.inverse()?),
        },
    })
}

/// The operation the next redo puts back.
pub fn redo_step(records: &[Recorded]) -> Option<Step<'_>> {
    let target = &records[*stacks(records).redoable.last()?];
    Some(Step {
        target,
        op: Op::Redo {
            target: target.seq,
            step: Box::new(target.op.clone()),
        },
    })
}
