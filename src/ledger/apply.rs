//! Applying a resolved [`Op`] to a ledger: the one place where records change.
//!
//! Every operation states what it replaces; if that is not what the ledger holds, the
//! operation is refused as [`ChangeError::Changed`] and the ledger is left as it was.

use super::error::ChangeError;
use super::model::{ItemRecord, Ledger};
use super::op::{EvidenceSet, Op};

impl Ledger {
    /// Apply `op` and count it (`seq` goes up by one). On error nothing changed.
    pub fn apply(&mut self, op: &Op) -> Result<(), ChangeError> {
        if let Op::Batch { ops } = op {
            // All or none: the batch is tried on a copy (imports are rare and small).
            let mut copy = self.clone();
            for op in ops {
                copy.apply_one(op)?;
            }
            *self = copy;
        } else {
            self.apply_one(op)?;
        }
        self.seq += 1;
        Ok(())
    }

    fn apply_one(&mut self, op: &Op) -> Result<(), ChangeError> {
        match op {
            Op::Reopen => {
                if !self.closed {
                    return Err(ChangeError::Changed { item: None });
                }
                self.closed = false;
                return Ok(());
            }
            Op::Checkpoint { ledger } => {
                self.closed = ledger.closed;
                self.items = ledger.items.clone();
                return Ok(());
            }
            _ if self.closed => return Err(ChangeError::Closed { year: self.year }),
            Op::Close => {
                self.closed = true;
                return Ok(());
            }
            Op::Undo { step, .. } | Op::Redo { step, .. } => return self.apply_one(step),
            Op::Batch { ops } => {
                for op in ops {
                    self.apply_one(op)?;
                }
                return Ok(());
            }
            _ => {}
        }
        let id = op.item().unwrap_or_default();
        let changed = || ChangeError::Changed {
            item: Some(id.to_string()),
        };
        let mut record = self.items.get(id).cloned().unwrap_or_default();
        match op {
            Op::Check { done, was, .. } => {
                if record.done != *was {
                    return Err(changed());
                }
                record.done = Some(done.clone());
            }
            Op::Uncheck { was, .. } => {
                if record.done.as_ref() != Some(was) {
                    return Err(changed());
                }
                record.done = None;
            }
            Op::Log { entry, at, .. } => {
                if record.entry(&entry.id).is_some() {
                    return Err(changed());
                }
                let entries = &mut record.entries;
                // Back where it was if that keeps the date order, else after its day's.
                let fits = |i: usize| {
                    i <= entries.len()
                        && (i == 0 || entries[i - 1].date <= entry.date)
                        && (i == entries.len() || entry.date <= entries[i].date)
                };
                match at {
                    Some(i) if fits(*i) => entries.insert(*i, entry.clone()),
                    _ => {
                        entries.push(entry.clone());
                        sort_entries(&mut record);
                    }
                }
            }
            Op::Unlog { entry, .. } => {
                let pos = record
                    .entries
                    .iter()
                    .position(|e| e == entry)
                    .ok_or_else(changed)?;
                record.entries.remove(pos);
            }
            Op::Edit { was, now, .. } => {
                let slot = record
                    .entries
                    .iter_mut()
                    .find(|e| *e == was)
                    .ok_or_else(changed)?;
                *slot = now.clone();
                sort_entries(&mut record);
            }
            Op::Rate { rate, was, .. } => {
                if record.rate != *was {
                    return Err(changed());
                }
                record.rate = Some(rate.clone());
            }
            Op::Unrate { was, .. } => {
                if record.rate.as_ref() != Some(was) {
                    return Err(changed());
                }
                record.rate = None;
            }
            Op::Note { text, was, .. } => {
                if record.note != *was {
                    return Err(changed());
                }
                record.note = text.clone();
            }
            Op::Evidence { now, was, .. } => {
                if evidence_of(&record) != *was {
                    return Err(changed());
                }
                record.evidence = now.item.clone();
                if let (Some(done), Some(text)) = (&mut record.done, &now.done) {
                    done.evidence = text.clone();
                }
                if let (Some(rate), Some(text)) = (&mut record.rate, &now.rate) {
                    rate.evidence = text.clone();
                }
            }
            Op::Attach { file, .. } => {
                if record.files.contains(file) {
                    return Err(changed());
                }
                record.files.push(file.clone());
            }
            Op::Detach { file, .. } => {
                let pos = record
                    .files
                    .iter()
                    .position(|f| f == file)
                    .ok_or_else(changed)?;
                record.files.remove(pos);
            }
            Op::Legacy { was, now, .. } => {
                let current = self.items.get(id);
                if current != was.as_deref() {
                    return Err(changed());
                }
                record = now.as_deref().cloned().unwrap_or_default();
            }
            Op::Close
            | Op::Reopen
            | Op::Undo { .. }
            | Op::Redo { .. }
            | Op::Batch { .. }
            | Op::Checkpoint { .. } => unreachable!("handled above"),
        }
        if record.is_empty() {
            self.items.remove(id);
        } else {
            self.items.insert(id.to_string(), record);
        }
        Ok(())
    }
}

/// Entries stay in date order; the order they were logged in breaks ties (a stable sort).
fn sort_entries(record: &mut ItemRecord) {
    record.entries.sort_by_key(|e| e.date);
}

fn evidence_of(record: &ItemRecord) -> EvidenceSet {
    EvidenceSet {
        item: record.evidence.clone(),
        done: record.done.as_ref().map(|d| d.evidence.clone()),
        rate: record.rate.as_ref().map(|r| r.evidence.clone()),
    }
}
