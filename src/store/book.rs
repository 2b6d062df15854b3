//! One ledger's files as one book: opening it (the snapshot, then the journal lines written
//! after it) and committing a change to it.
//!
//! A change commits when its journal line is appended and synced, under the lock; the
//! snapshot is then rewritten (atomically, unsynced: the journal already holds it). Opening
//! never writes, so reading commands leave no trace. Whatever a crash leaves is put right
//! on the next open: a cut-off last journal line is ignored, a snapshot behind the journal
//! is brought up to date from it, a missing or damaged snapshot is rebuilt from it. What
//! cannot be put right without a choice (a damaged journal line, another copy's journal) is
//! shown from the snapshot and blocks changes until `duty repair`.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use jiff::Timestamp;

use super::error::{BadLine, Damage, IoOp, StoreError};
use super::files::{self, Durability};
use super::journal::{self, Header};
use super::layout::LedgerPaths;
use super::legacy;
use super::lock;
use super::snapshot::{self, Mark};
use crate::ledger::{Ledger, Op, Recorded};

/// The files of one ledger, for one checklist and year.
#[derive(Debug, Clone)]
pub struct Book {
    pub paths: LedgerPaths,
    pub checklist: String,
    pub year: i16,
}

/// Where the journal stands for changes.
#[derive(Debug, Clone, PartialEq)]
pub enum Journal {
    /// No ledger yet: the first change starts both files.
    New,
    /// The journal and the snapshot agree; the next line goes at `end`.
    Open { header: Header, end: u64 },
    /// A ledger without a journal (written by an earlier `duty`, copied from another
    /// machine, or its journal deleted): the first change starts one from it.
    None { format: u32 },
    /// Changes are refused until `duty repair`: the journal is damaged, or not this one's.
    Blocked(Blocker),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Blocker {
    Damaged { journal: PathBuf, bad: BadLine },
    Foreign { journal: PathBuf, ledger: PathBuf },
}

impl Blocker {
    pub(super) fn error(&self) -> StoreError {
        match self {
            Blocker::Damaged { journal, bad } => StoreError::JournalDamaged {
                path: journal.clone(),
                bad: bad.clone(),
            },
            Blocker::Foreign { journal, ledger } => StoreError::ForeignJournal {
                journal: journal.clone(),
                ledger: ledger.clone(),
            },
        }
    }
}

/// Something about the files worth telling the officer, though the ledger could be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// A last journal line cut off by a crash was ignored (it was never acknowledged).
    TornTail { journal: PathBuf },
    /// The snapshot was missing or damaged and the ledger was rebuilt from the journal; the
    /// next change writes it again (keeping a damaged one aside).
    Rebuilt {
        ledger: PathBuf,
        damage: Option<(Damage, Option<(usize, usize)>)>,
    },
    /// Shown from the snapshot; changes wait for `duty repair`.
    Blocked(Blocker),
    /// The snapshot was missing or damaged, and the journal is damaged at `bad`: the ledger
    /// shown is what the lines before it hold. Changes wait for `duty repair`.
    RebuiltInPart {
        ledger: PathBuf,
        journal: PathBuf,
        bad: BadLine,
    },
    /// The snapshot was written from a journal that is no longer there.
    JournalMissing { journal: PathBuf },
    /// A change was committed but the snapshot could not be rewritten; the journal holds
    /// the change and the next open brings the snapshot up to date.
    SnapshotNotWritten { ledger: PathBuf, reason: String },
}

/// A cheap fingerprint of the files (sizes, times), so that the screen notices another
/// process's change without re-reading the ledger on every key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fingerprint {
    snapshot: Option<(u64, Option<SystemTime>)>,
    pub(super) journal: Option<(u64, Option<SystemTime>)>,
}

/// A book as opened: the ledger it holds now, and how its files stand.
#[derive(Debug, Clone)]
pub struct Opened {
    pub ledger: Ledger,
    pub journal: Journal,
    pub notes: Vec<Note>,
    /// The snapshot on disk cannot be read (it is kept aside before one is written).
    pub(super) snapshot_damaged: bool,
    pub fingerprint: Fingerprint,
}

/// An operation ready to be committed: when and by whom it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub op: Op,
    pub at: Timestamp,
    pub by: String,
}

/// What a commit did.
#[derive(Debug, Clone)]
pub struct Committed<T> {
    pub ledger: Ledger,
    pub recorded: Recorded,
    pub notes: Vec<Note>,
    pub fingerprint: Fingerprint,
    pub value: T,
}

/// Every operation the journal holds, for `duty history` and for undo.
#[derive(Debug, Clone, Default)]
pub struct History {
    pub records: Vec<Recorded>,
    /// A damaged line, after which nothing could be read.
    pub bad: Option<BadLine>,
    /// The records come from an earlier `duty`'s history file (no journal yet).
    pub legacy: bool,
}

fn metadata_print(path: &Path) -> Option<(u64, Option<SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

impl Book {
    pub fn new(data_dir: &Path, checklist: &str, year: i16) -> Book {
        Book {
            paths: LedgerPaths::new(data_dir, checklist, year),
            checklist: checklist.to_string(),
            year,
        }
    }

    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint {
            snapshot: metadata_print(&self.paths.ledger),
            journal: metadata_print(&self.paths.journal),
        }
    }

    pub(super) fn mismatch(&self, path: &Path, found_id: &str, found_year: i16) -> StoreError {
        StoreError::Mismatch {
            path: path.to_path_buf(),
            id: self.checklist.clone(),
            year: self.year,
            found_id: found_id.to_string(),
            found_year,
        }
    }

    /// Every operation recorded for this ledger: the journal's, or, before the first change
    /// with this build, an earlier `duty`'s history.
    pub fn history(&self) -> Result<History, StoreError> {
        match journal::read_all(&self.paths.journal)? {
            Some((_, lines)) => Ok(History {
                records: lines.records.into_iter().map(|(r, _)| r).collect(),
                bad: lines.bad,
                legacy: false,
            }),
            None => {
                let seq = match self.read_snapshot() {
                    Ok(Some(s)) => s.ledger.seq,
                    _ => u64::MAX,
                };
                Ok(History {
                    records: legacy::history(&self.paths.legacy_history, seq)?,
                    bad: None,
                    legacy: true,
                })
            }
        }
    }

    /// Commit one change: under the lock, open the book, let `resolve` turn what it finds
    /// into an operation (it may also read the history, for undo), apply it, append it to
    /// the journal and sync, then rewrite the snapshot. A refused change writes nothing.
    pub fn commit<T>(
        &self,
        resolve: impl FnOnce(
            &Ledger,
            &dyn Fn() -> Result<History, StoreError>,
        ) -> Result<(Proposal, T), StoreError>,
    ) -> Result<Committed<T>, StoreError> {
        let ledger_path = &self.paths.ledger;
        let _lock = lock::lock(&self.paths).map_err(|e| e.not_saved(ledger_path))?;
        let Opened {
            mut ledger,
            journal: standing,
            snapshot_damaged,
            ..
        } = self.open()?;
        if let Journal::Blocked(blocker) = &standing {
            return Err(blocker.error());
        }
        // A ledger without a journal starts one: an earlier duty's history, then the ledger
        // as it stands, so that undo and history reach back and nothing is lost.
        let mut prelude = Vec::new();
        if let Journal::None { format } = standing {
            if format < snapshot::FORMAT {
                prelude = legacy::history(&self.paths.legacy_history, ledger.seq)?;
            }
            ledger = checkpointed(&ledger, &mut prelude);
        }
        // Opening reads only the lines after the snapshot; a change checks the others too (for
        // shape, cheaply), so that nothing is ever appended after a damaged line: every later
        // replay, undo and history would stop there.
        if let Journal::Open { header, end } = &standing
            && let Some(bad) = journal::first_bad(&self.paths.journal, header, *end)?
        {
            return Err(StoreError::JournalDamaged {
                path: self.paths.journal.clone(),
                bad,
            });
        }
        let history = || -> Result<History, StoreError> {
            if matches!(standing, Journal::None { .. }) {
                return Ok(History {
                    records: prelude.clone(),
                    bad: None,
                    legacy: false,
                });
            }
            let h = self.history()?;
            match &h.bad {
                Some(bad) => Err(StoreError::JournalDamaged {
                    path: self.paths.journal.clone(),
                    bad: bad.clone(),
                }),
                None => Ok(h),
            }
        };
        let (proposal, value) = resolve(&ledger, &history)?;
        ledger.apply(&proposal.op)?;
        let recorded = Recorded {
            seq: ledger.seq,
            at: proposal.at,
            by: proposal.by,
            op: proposal.op,
        };
        // The checkpoint is made as part of this change, and dated with it.
        if let Some(checkpoint) = prelude.last_mut() {
            checkpoint.at = recorded.at;
        }
        let mut text: String = prelude.iter().map(journal::line).collect();
        text.push_str(&journal::line(&recorded));
        let not_saved = |e: StoreError| e.not_saved(ledger_path);
        let (id, end) = match &standing {
            Journal::Open { header, end } => (
                header.journal.clone(),
                journal::append(&self.paths.journal, *end, &text).map_err(not_saved)?,
            ),
            Journal::New | Journal::None { .. } => {
                let header = self.new_header();
                let end =
                    journal::create(&self.paths.journal, &header, &text).map_err(not_saved)?;
                (header.journal, end)
            }
            Journal::Blocked(_) => unreachable!("refused above"),
        };
        // Committed. What follows only keeps the snapshot readable for people; a failure is
        // reported, and the next open catches up from the journal.
        let mut notes = Vec::new();
        if let Err(e) = self.write_snapshot(&ledger, &Mark { id, end }, snapshot_damaged) {
            notes.push(Note::SnapshotNotWritten {
                ledger: ledger_path.clone(),
                reason: e.to_string(),
            });
        }
        Ok(Committed {
            ledger,
            recorded,
            notes,
            fingerprint: self.fingerprint(),
            value,
        })
    }

    pub(super) fn new_header(&self) -> Header {
        Header {
            journal: journal::new_id(),
            checklist: self.checklist.clone(),
            year: self.year,
            base: 0,
        }
    }

    /// Rewrite the snapshot; a damaged one is kept aside first, never overwritten.
    pub(super) fn write_snapshot(
        &self,
        ledger: &Ledger,
        mark: &Mark,
        damaged: bool,
    ) -> Result<(), StoreError> {
        let path = &self.paths.ledger;
        files::sweep(path);
        if damaged && files::regular(path)?.is_some() {
            let aside = LedgerPaths::aside(path);
            std::fs::rename(path, &aside).map_err(StoreError::io(IoOp::Rename, path))?;
        }
        files::replace(
            path,
            snapshot::serialize(ledger, Some(mark)).as_bytes(),
            Durability::Unsynced,
        )
    }
}

/// `ledger` as the state after `prelude` and a checkpoint of it, which is added to
/// `prelude` (undated: the caller dates it with the change it belongs to).
pub(super) fn checkpointed(ledger: &Ledger, prelude: &mut Vec<Recorded>) -> Ledger {
    let mut now = ledger.clone();
    now.seq = prelude.len() as u64;
    let checkpoint = Op::Checkpoint {
        ledger: ledger.clone(),
    };
    now.apply(&checkpoint)
        .unwrap_or_else(|e| unreachable!("a checkpoint always applies: {e}"));
    prelude.push(Recorded {
        seq: now.seq,
        at: prelude.last().map_or(Timestamp::UNIX_EPOCH, |r| r.at),
        by: String::new(),
        op: checkpoint,
    });
    now
}
