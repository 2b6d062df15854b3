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

use super::error::{BadLine, Damage, IoOp, LineFault, StoreError};
use super::files::{self, Durability};
use super::journal::{self, Header, Lines};
use super::layout::LedgerPaths;
use super::legacy;
use super::lock;
use super::snapshot::{self, Mark, Snapshot, Unparsed};
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
    fn error(&self) -> StoreError {
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
    journal: Option<(u64, Option<SystemTime>)>,
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

    /// The snapshot as read: `Ok(None)` when there is none, `Err(Err(..))` when it cannot
    /// be read (damaged), `Err(Ok(..))` for an error that stops everything.
    fn read_snapshot(&self) -> Result<Option<Snapshot>, Result<StoreError, Unparsed>> {
        let path = &self.paths.ledger;
        let bytes = match files::read_capped(path, snapshot::MAX_BYTES).map_err(Ok)? {
            None => return Ok(None),
            Some(Err(len)) => {
                return Err(Err(Unparsed::Damaged {
                    damage: Damage::TooLarge { bytes: len },
                    at: None,
                }));
            }
            Some(Ok(bytes)) => bytes,
        };
        match snapshot::parse(&bytes) {
            Ok(s) if s.ledger.checklist != self.checklist || s.ledger.year != self.year => {
                Err(Ok(self.mismatch(path, &s.ledger.checklist, s.ledger.year)))
            }
            Ok(s) => Ok(Some(s)),
            Err(Unparsed::TooNew(found)) => Err(Ok(StoreError::TooNew {
                path: path.clone(),
                found,
            })),
            Err(damaged) => Err(Err(damaged)),
        }
    }

    /// The journal's header, or the damage that stops it from being read at all.
    fn read_header(&self) -> Result<Option<Result<Header, BadLine>>, StoreError> {
        match journal::header(&self.paths.journal) {
            Ok(None) => Ok(None),
            Ok(Some(h)) if h.checklist != self.checklist || h.year != self.year => {
                Err(self.mismatch(&self.paths.journal, &h.checklist, h.year))
            }
            Ok(Some(h)) => Ok(Some(Ok(h))),
            Err(StoreError::JournalDamaged { bad, .. }) => Ok(Some(Err(bad))),
            Err(e) => Err(e),
        }
    }

    /// Open the book: the ledger as it stands now. Writes nothing.
    pub fn open(&self) -> Result<Opened, StoreError> {
        let fingerprint = self.fingerprint();
        let snapshot = match self.read_snapshot() {
            Err(Ok(stop)) => return Err(stop),
            Ok(s) => Ok(s),
            Err(Err(unparsed)) => Err(unparsed),
        };
        let opened = |ledger, journal, notes, snapshot_damaged| Opened {
            ledger,
            journal,
            notes,
            snapshot_damaged,
            fingerprint,
        };
        let header = match self.read_header()? {
            None => None,
            Some(Ok(header)) => Some(header),
            Some(Err(bad)) => {
                let blocker = Blocker::Damaged {
                    journal: self.paths.journal.clone(),
                    bad: bad.clone(),
                };
                return match snapshot {
                    Ok(Some(snap)) => Ok(opened(
                        snap.ledger,
                        Journal::Blocked(blocker.clone()),
                        vec![Note::Blocked(blocker)],
                        false,
                    )),
                    _ => Err(blocker.error()),
                };
            }
        };
        match (snapshot, header) {
            (Ok(Some(snap)), Some(header)) => self.open_both(snap, header, fingerprint),
            (Ok(Some(snap)), None) => {
                let mut notes = Vec::new();
                if snap.mark.is_some() {
                    notes.push(Note::JournalMissing {
                        journal: self.paths.journal.clone(),
                    });
                }
                let format = snap.format;
                Ok(opened(snap.ledger, Journal::None { format }, notes, false))
            }
            (snapshot, Some(header)) => {
                // No snapshot, or one that cannot be read: the journal holds the ledger.
                let damage = match snapshot {
                    Err(Unparsed::Damaged { damage, at }) => Some((damage, at)),
                    _ => None,
                };
                let lines = self.read_journal()?;
                if let Some(bad) = lines.bad.clone() {
                    return Err(StoreError::JournalDamaged {
                        path: self.paths.journal.clone(),
                        bad,
                    });
                }
                let ledger = self.replay(&header, &lines)?;
                let damaged = damage.is_some();
                let mut notes = vec![Note::Rebuilt {
                    ledger: self.paths.ledger.clone(),
                    damage,
                }];
                if lines.torn.is_some() {
                    notes.push(Note::TornTail {
                        journal: self.paths.journal.clone(),
                    });
                }
                let end = lines.end;
                Ok(opened(
                    ledger,
                    Journal::Open { header, end },
                    notes,
                    damaged,
                ))
            }
            (Ok(None), None) => {
                // An earlier duty's files without their ledger: lost, not new.
                if files::regular(&self.paths.legacy_backup)?.is_some()
                    || files::regular(&self.paths.legacy_history)?.is_some()
                {
                    return Err(StoreError::Missing {
                        path: self.paths.ledger.clone(),
                    });
                }
                let ledger = Ledger::new(&self.checklist, self.year);
                Ok(opened(ledger, Journal::New, Vec::new(), false))
            }
            (Err(Unparsed::Damaged { damage, at }), None) => Err(StoreError::Unreadable {
                path: self.paths.ledger.clone(),
                damage,
                at,
                backup_ok: self.legacy_backup_ok(),
            }),
            (Err(Unparsed::TooNew(found)), None) => Err(StoreError::TooNew {
                path: self.paths.ledger.clone(),
                found,
            }),
        }
    }

    /// A readable snapshot beside a journal: normally written from it, so only the lines
    /// after it are read. One that was not (a crash after a journal was started from the
    /// snapshot, before the snapshot was rewritten) is caught up if the journal starts from
    /// this very ledger; otherwise the journal is another copy's.
    fn open_both(
        &self,
        snap: Snapshot,
        header: Header,
        fingerprint: Fingerprint,
    ) -> Result<Opened, StoreError> {
        let journal_path = &self.paths.journal;
        let len = fingerprint.journal.map_or(0, |(len, _)| len);
        let mut notes = Vec::new();
        let block = |ledger, blocker: Blocker, mut notes: Vec<Note>| {
            notes.push(Note::Blocked(blocker.clone()));
            Opened {
                ledger,
                journal: Journal::Blocked(blocker),
                notes,
                snapshot_damaged: false,
                fingerprint,
            }
        };
        let foreign = || Blocker::Foreign {
            journal: journal_path.clone(),
            ledger: self.paths.ledger.clone(),
        };
        let mut ledger = snap.ledger;
        let (lines, bad) = match &snap.mark {
            Some(mark) if mark.id == header.journal && len >= mark.end => {
                if len == mark.end {
                    let journal = Journal::Open {
                        header,
                        end: mark.end,
                    };
                    return Ok(Opened {
                        ledger,
                        journal,
                        notes,
                        snapshot_damaged: false,
                        fingerprint,
                    });
                }
                let tail = journal::read(journal_path, mark.end, ledger.seq, None)?;
                let mut caught_up = ledger.clone();
                match catch_up(&mut caught_up, &tail, journal_path)? {
                    None => {
                        ledger = caught_up;
                        (tail, None)
                    }
                    // The lines after the snapshot do not read: the journal was changed
                    // before them too (a line edited by hand moves every offset). Read it
                    // whole, so that the damage is named where it is, or, if it reads, the
                    // journal is the ledger.
                    Some(_) => {
                        let whole = self.read_journal()?;
                        match whole.bad.clone() {
                            Some(bad) => (whole, Some(bad)),
                            None => {
                                ledger = self.replay(&header, &whole)?;
                                notes.push(Note::Rebuilt {
                                    ledger: self.paths.ledger.clone(),
                                    damage: None,
                                });
                                (whole, None)
                            }
                        }
                    }
                }
            }
            // Shorter than when the snapshot was written: an older copy was put back.
            Some(mark) if mark.id == header.journal => return Ok(block(ledger, foreign(), notes)),
            _ => {
                let lines = self.read_journal()?;
                if let Some(bad) = lines.bad.clone() {
                    let blocker = Blocker::Damaged {
                        journal: journal_path.clone(),
                        bad,
                    };
                    return Ok(block(ledger, blocker, notes));
                }
                let from_this = lines.records.iter().any(|(r, _)| {
                    matches!(&r.op, Op::Checkpoint { ledger: c } if c.items == ledger.items && c.closed == ledger.closed)
                });
                if !from_this {
                    return Ok(block(ledger, foreign(), notes));
                }
                ledger = self.replay(&header, &lines)?;
                (lines, None)
            }
        };
        if lines.torn.is_some() {
            notes.push(Note::TornTail {
                journal: journal_path.clone(),
            });
        }
        if let Some(bad) = bad {
            let blocker = Blocker::Damaged {
                journal: journal_path.clone(),
                bad,
            };
            return Ok(block(ledger, blocker, notes));
        }
        let journal = Journal::Open {
            header,
            end: lines.end,
        };
        Ok(Opened {
            ledger,
            journal,
            notes,
            snapshot_damaged: false,
            fingerprint,
        })
    }

    pub(super) fn legacy_backup_ok(&self) -> bool {
        let ours =
            |s: &Snapshot| s.ledger.checklist == self.checklist && s.ledger.year == self.year;
        matches!(
            files::read_capped(&self.paths.legacy_backup, snapshot::MAX_BYTES),
            Ok(Some(Ok(bytes))) if snapshot::parse(&bytes).is_ok_and(|s| ours(&s))
        )
    }

    pub(super) fn read_journal(&self) -> Result<Lines, StoreError> {
        journal::read_all(&self.paths.journal)?
            .map(|(_, lines)| lines)
            .ok_or_else(|| StoreError::Io {
                op: IoOp::Read,
                path: self.paths.journal.clone(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            })
    }

    /// The ledger from the journal alone: from its last checkpoint (or from empty), every
    /// operation after it. An operation that does not apply means the journal contradicts
    /// itself: that line is reported as damaged.
    pub(super) fn replay(&self, header: &Header, lines: &Lines) -> Result<Ledger, StoreError> {
        let start = lines
            .records
            .iter()
            .rposition(|(r, _)| matches!(r.op, Op::Checkpoint { .. }));
        let mut ledger = Ledger::new(&self.checklist, self.year);
        ledger.seq = match start {
            Some(i) => lines.records[i].0.seq - 1,
            None => header.base,
        };
        for (i, (r, _)) in lines.records.iter().enumerate().skip(start.unwrap_or(0)) {
            if let Err(e) = ledger.apply(&r.op) {
                return Err(StoreError::JournalDamaged {
                    path: self.paths.journal.clone(),
                    bad: BadLine {
                        // The header is line 1; records are read from line 2 on.
                        line: i + 2,
                        fault: LineFault::Contradicts(e),
                    },
                });
            }
        }
        Ok(ledger)
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

/// Bring `ledger` (a snapshot) up to date with the journal lines after it. An operation
/// that does not fit the snapshot means the two disagree: that line is reported as damaged.
fn catch_up(
    ledger: &mut Ledger,
    tail: &Lines,
    journal: &Path,
) -> Result<Option<BadLine>, StoreError> {
    for (i, (r, _)) in tail.records.iter().enumerate() {
        if let Err(e) = ledger.apply(&r.op) {
            let start = if i == 0 {
                tail.start
            } else {
                tail.records[i - 1].1
            };
            return Ok(Some(BadLine {
                line: journal::line_number(journal, start)?,
                fault: LineFault::Contradicts(e),
            }));
        }
    }
    Ok(tail.bad.clone())
}
