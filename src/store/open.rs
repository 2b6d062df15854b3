//! Opening a book: the snapshot, then the journal lines written after it, and what to do
//! when either is missing, damaged or from elsewhere.

use std::path::Path;

use super::book::{Blocker, Book, Fingerprint, Journal, Note, Opened};
use super::error::{BadLine, Damage, IoOp, LineFault, StoreError};
use super::journal::{self, Header, Lines};
use super::snapshot::{self, Snapshot, Unparsed};
use super::{files, legacy};
use crate::ledger::{Ledger, Op};

impl Book {
    /// The snapshot as read: `Ok(None)` when there is none, `Err(Err(..))` when it cannot
    /// be read (damaged), `Err(Ok(..))` for an error that stops everything.
    pub(super) fn read_snapshot(&self) -> Result<Option<Snapshot>, Result<StoreError, Unparsed>> {
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
                let (ledger, stopped) = self.replay_prefix(&header, &lines)?;
                if let Some(bad) = stopped.or(lines.bad.clone()) {
                    // The journal is damaged too: show what it holds before the damage,
                    // say so, and take no change until `duty repair`.
                    let blocker = Blocker::Damaged {
                        journal: self.paths.journal.clone(),
                        bad: bad.clone(),
                    };
                    let note = Note::RebuiltInPart {
                        ledger: self.paths.ledger.clone(),
                        journal: self.paths.journal.clone(),
                        bad,
                    };
                    return Ok(opened(
                        ledger,
                        Journal::Blocked(blocker),
                        vec![note],
                        damage.is_some(),
                    ));
                }
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
                backup_ok: self.legacy_rebuildable(),
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

    /// Whether an earlier duty's backup and history (or its history alone, when it goes
    /// back to the first change) can rebuild this ledger.
    pub(super) fn legacy_rebuildable(&self) -> bool {
        matches!(
            legacy::rebuild(
                &self.paths.legacy_backup,
                &self.paths.legacy_history,
                &self.checklist,
                self.year,
                None,
            ),
            Ok(Some(_))
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
        match self.replay_prefix(header, lines)? {
            (ledger, None) => Ok(ledger),
            (_, Some(bad)) => Err(StoreError::JournalDamaged {
                path: self.paths.journal.clone(),
                bad,
            }),
        }
    }

    /// The ledger the journal's lines make, as far as they apply: with the line that does
    /// not fit what came before it, if one does not.
    pub(super) fn replay_prefix(
        &self,
        header: &Header,
        lines: &Lines,
    ) -> Result<(Ledger, Option<BadLine>), StoreError> {
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
                let bad = BadLine {
                    // The header is line 1; records are read from line 2 on.
                    line: i + 2,
                    fault: LineFault::Contradicts(e),
                };
                return Ok((ledger, Some(bad)));
            }
        }
        Ok((ledger, None))
    }
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
