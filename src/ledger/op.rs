//! Changes as the officer asks for them ([`Change`]) and as they are resolved once against a
//! ledger ([`Op`], by `resolve`): the entry id, the person, and the values they replace are
//! fixed in the operation, so that the same operation is applied in memory, written to the
//! journal, shown and undone (through its [`inverse`](Op::inverse)).

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::model::{Attachment, Done, Entry, ItemRecord, Ledger, RateRecord};

/// One change to a ledger, as asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Check {
        item: String,
        date: Date,
        evidence: String,
    },
    Uncheck {
        item: String,
    },
    Log {
        item: String,
        date: Date,
        topic: String,
        hours: Option<f64>,
        evidence: String,
        /// Who presided and who attended (empty when not said).
        people: People,
        /// Other items the same session counts for.
        also: Vec<String>,
    },
    Unlog {
        item: String,
        entry: String,
    },
    /// Correct a logged entry in place; `None` keeps a field as it is.
    Edit {
        item: String,
        entry: String,
        date: Option<Date>,
        topic: Option<String>,
        hours: Option<f64>,
        evidence: Option<String>,
        presided: Option<String>,
        attended: Option<String>,
    },
    Rate {
        item: String,
        numerator: u64,
        denominator: u64,
        date: Date,
        evidence: String,
    },
    Note {
        item: String,
        text: String,
    },
    Evidence {
        item: String,
        text: String,
    },
    /// Keep a file (already stored, as `file` describes it) as evidence of the item or of
    /// one of its entries; `date` defaults to the entry's or the tick's day.
    Attach {
        item: String,
        entry: Option<String>,
        file: FileFacts,
        date: Option<Date>,
    },
    /// Take a file off the item (or entry): the one whose SHA-256 starts with `sha256`.
    Detach {
        item: String,
        entry: Option<String>,
        sha256: String,
    },
    Close,
    Reopen,
}

/// Who presided over a session and who attended it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    pub presided: String,
    pub attended: String,
}

/// What the store found out about a file before it is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

/// The evidence texts an item carries: its own, and those of its tick and its rate.
/// Clearing an item's evidence clears all three, so undoing it must put all three back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceSet {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
}

/// A change resolved against a ledger: what it sets and what it replaces. Applying checks
/// that the replaced values are still there, so an operation resolved against an older
/// state (a form left open while the CLI changed the item) is refused, never applied blind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "op")]
pub enum Op {
    Check {
        item: String,
        done: Done,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        was: Option<Done>,
    },
    Uncheck {
        item: String,
        was: Done,
    },
    Log {
        item: String,
        entry: Entry,
        /// Where among the item's entries it goes back (the undoing of an unlog), so that
        /// entries of the same day keep their order; a new entry goes after its day's.
        /// Written as `place`: a journal line's own `at` is the time of the change.
        #[serde(default, rename = "place", skip_serializing_if = "Option::is_none")]
        at: Option<usize>,
    },
    Unlog {
        item: String,
        entry: Entry,
        /// Its place among the item's entries (written as `place`, as above).
        #[serde(default, rename = "place")]
        at: usize,
    },
    Edit {
        item: String,
        was: Entry,
        now: Entry,
    },
    Rate {
        item: String,
        rate: RateRecord,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        was: Option<RateRecord>,
    },
    /// Takes a rate out again (only as the undoing of a first `Rate`).
    Unrate {
        item: String,
        was: RateRecord,
    },
    Note {
        item: String,
        text: String,
        was: String,
    },
    Evidence {
        item: String,
        now: EvidenceSet,
        was: EvidenceSet,
    },
    Attach {
        item: String,
        file: Attachment,
    },
    Detach {
        item: String,
        file: Attachment,
    },
    Close,
    Reopen,
    /// Undoes operation `target` by applying `step`, its inverse.
    Undo {
        target: u64,
        step: Box<Op>,
    },
    /// Redoes operation `target` (undone by an undo) by applying `step`, the operation again.
    Redo {
        target: u64,
        step: Box<Op>,
    },
    /// Several operations as one, applied all or none (an import).
    Batch {
        ops: Vec<Op>,
    },
    /// The whole ledger as it stood: how a journal starts for a ledger that had none (one
    /// written by an earlier `duty`, or a copy from another machine). Cannot be undone.
    Checkpoint {
        ledger: Ledger,
    },
    /// A change recorded by an earlier `duty` as the item's state before and after.
    Legacy {
        item: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        was: Option<Box<ItemRecord>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        now: Option<Box<ItemRecord>>,
    },
}

/// When and by whom a change is made; fixed once, when it is resolved.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub today: Date,
    pub at: Timestamp,
    pub by: String,
}

impl Op {
    /// The item the operation is about, if it is about one.
    pub fn item(&self) -> Option<&str> {
        match self {
            Op::Check { item, .. }
            | Op::Uncheck { item, .. }
            | Op::Log { item, .. }
            | Op::Unlog { item, .. }
            | Op::Edit { item, .. }
            | Op::Rate { item, .. }
            | Op::Unrate { item, .. }
            | Op::Note { item, .. }
            | Op::Evidence { item, .. }
            | Op::Attach { item, .. }
            | Op::Detach { item, .. }
            | Op::Legacy { item, .. } => Some(item),
            Op::Undo { step, .. } | Op::Redo { step, .. } => step.item(),
            Op::Close | Op::Reopen | Op::Batch { .. } | Op::Checkpoint { .. } => None,
        }
    }

    /// The id of the entry an operation adds, removes or edits.
    pub fn entry_id(&self) -> Option<&str> {
        match self {
            Op::Log { entry, .. } | Op::Unlog { entry, .. } => Some(&entry.id),
            Op::Edit { now, .. } => Some(&now.id),
            Op::Undo { step, .. } | Op::Redo { step, .. } => step.entry_id(),
            _ => None,
        }
    }

    /// The operation that takes this one back, or `None` for one that cannot be undone.
    pub fn inverse(&self) -> Option<Op> {
        let item = |s: &String| s.clone();
        Some(match self {
            Op::Check {
                item: i,
                done,
                was: Some(was),
            } => Op::Check {
                item: item(i),
                done: was.clone(),
                was: Some(done.clone()),
            },
            Op::Check {
                item: i,
                done,
                was: None,
            } => Op::Uncheck {
                item: item(i),
                was: done.clone(),
            },
            Op::Uncheck { item: i, was } => Op::Check {
                item: item(i),
                done: was.clone(),
                was: None,
            },
            Op::Log { item: i, entry, .. } => Op::Unlog {
                item: item(i),
                entry: entry.clone(),
                at: 0,
            },
            Op::Unlog { item: i, entry, at } => Op::Log {
                item: item(i),
                entry: entry.clone(),
                at: Some(*at),
            },
            Op::Edit { item: i, was, now } => Op::Edit {
                item: item(i),
                was: now.clone(),
                now: was.clone(),
            },
            Op::Rate {
                item: i,
                rate,
                was: Some(was),
            } => Op::Rate {
                item: item(i),
                rate: was.clone(),
                was: Some(rate.clone()),
            },
            Op::Rate {
                item: i,
                rate,
                was: None,
            } => Op::Unrate {
                item: item(i),
                was: rate.clone(),
            },
            Op::Unrate { item: i, was } => Op::Rate {
                item: item(i),
                rate: was.clone(),
                was: None,
            },
            Op::Note { item: i, text, was } => Op::Note {
                item: item(i),
                text: was.clone(),
                was: text.clone(),
            },
            Op::Evidence { item: i, now, was } => Op::Evidence {
                item: item(i),
                now: was.clone(),
                was: now.clone(),
            },
            Op::Attach { item: i, file } => Op::Detach {
                item: item(i),
                file: file.clone(),
            },
            Op::Detach { item: i, file } => Op::Attach {
                item: item(i),
                file: file.clone(),
            },
            Op::Close => Op::Reopen,
            Op::Reopen => Op::Close,
            Op::Undo { step, .. } | Op::Redo { step, .. } => step.inverse()?,
            Op::Batch { ops } => Op::Batch {
                ops: ops
                    .iter()
                    .rev()
                    .map(Op::inverse)
                    .collect::<Option<Vec<_>>>()?,
            },
            Op::Legacy { item: i, was, now } => Op::Legacy {
                item: item(i),
                was: now.clone(),
                now: was.clone(),
            },
            Op::Checkpoint { .. } => return None,
        })
    }
}
