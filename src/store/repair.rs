//! Starting and repairing a book: a new year's empty ledger, a whole ledger made
//! elsewhere, and putting the files right after damage (`duty repair`), always keeping
//! aside whatever is replaced.

use std::path::PathBuf;

use jiff::Timestamp;

use super::book::{Blocker, Book, Journal, Note, Opened, checkpointed};
use super::error::{IoOp, StoreError};
use super::journal;
use super::layout::LedgerPaths;
use super::snapshot::Mark;
use super::{files, legacy, lock};
use crate::ledger::{Ledger, Recorded};

/// What `duty repair` did.
#[derive(Debug, Clone)]
pub enum Repaired {
    SnapshotRebuilt {
        aside: Option<PathBuf>,
        ledger: Ledger,
    },
    /// The journal was damaged (or another copy's): it is kept as `aside` and recording
    /// starts again from the snapshot's ledger.
    JournalRestarted { aside: PathBuf, ledger: Ledger },
    /// Neither file was whole: the snapshot was missing (or unreadable, then kept as
    /// `snapshot_aside`) and the journal damaged (kept as `journal_aside`). The ledger is
    /// what the journal held before the damage, with the `carried` changes after it that
    /// could be read and still fit; `left` (the damaged line among them) could not.
    RebuiltInPart {
        snapshot_aside: Option<PathBuf>,
        journal_aside: PathBuf,
        carried: usize,
        left: usize,
        ledger: Ledger,
    },
    FromBackup {
        aside: Option<PathBuf>,
        ledger: Ledger,
    },
}

impl Book {
    /// Start the (empty) ledger of a new year, unless it exists: an existing ledger is only
    /// read, so that a damaged one is reported. Returns whether it was created.
    pub fn start(&self) -> Result<bool, StoreError> {
        let _lock = lock::lock(&self.paths)?;
        let opened = self.open()?;
        if opened.journal != Journal::New {
            return Ok(false);
        }
        let header = self.new_header();
        let end = journal::create(&self.paths.journal, &header, "")?;
        self.write_snapshot(
            &opened.ledger,
            &Mark {
                id: header.journal,
                end,
            },
            false,
        )?;
        Ok(true)
    }

    /// Start the ledger with `ledger` as it stands (a journal holding one checkpoint of
    /// it, dated `at`), where there is none yet: how a ledger made elsewhere in whole (a
    /// generated one, for benchmarks and tests) becomes a book. Refused if one exists.
    pub fn create_with(&self, ledger: &Ledger, at: Timestamp) -> Result<(), StoreError> {
        let _lock = lock::lock(&self.paths)?;
        let opened = self.open()?;
        if opened.journal != Journal::New {
            return Err(StoreError::Io {
                op: IoOp::Create,
                path: self.paths.ledger.clone(),
                source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
            });
        }
        if ledger.checklist != self.checklist || ledger.year != self.year {
            return Err(self.mismatch(&self.paths.ledger, &ledger.checklist, ledger.year));
        }
        self.restart_journal(ledger, Vec::new(), at)
    }

    /// Put the files right after damage, keeping whatever is replaced aside:
    /// a snapshot that cannot be read is rebuilt from the journal; a journal that is damaged
    /// or not this ledger's is set aside and started again from the snapshot; an earlier
    /// `duty`'s lost or damaged ledger is put back from its backup and history.
    pub fn repair(&self, at: Timestamp) -> Result<Repaired, StoreError> {
        let _lock = lock::lock(&self.paths)?;
        match self.open() {
            Ok(opened) => match opened.journal.clone() {
                // A damaged line the snapshot already holds (opening does not read it).
                Journal::Blocked(blocker) if opened.notes.iter().any(rebuilt_in_part) => {
                    // Neither file is whole: keep both aside, and carry over what the
                    // journal recorded after the damage wherever it still fits.
                    let mut ledger = opened.ledger;
                    // The damaged line itself is one change not carried over.
                    let (mut carried, mut left) = (0, 1);
                    if let Blocker::Damaged { bad, .. } = &blocker {
                        for record in journal::after_line(&self.paths.journal, bad.line)? {
                            match record.map(|r| ledger.apply(&r.op)) {
                                Some(Ok(())) => carried += 1,
                                _ => left += 1,
                            }
                        }
                    }
                    let snapshot_aside = match opened.snapshot_damaged {
                        true => Some(self.set_aside(&self.paths.ledger)?),
                        false => None,
                    };
                    let journal_aside = self.set_aside(&self.paths.journal)?;
                    self.restart_journal(&ledger, Vec::new(), at)?;
                    Ok(Repaired::RebuiltInPart {
                        snapshot_aside,
                        journal_aside,
                        carried,
                        left,
                        ledger,
                    })
                }
                Journal::Blocked(_) | Journal::Open { .. }
                    if self.blocked_by_damage(&opened)? =>
                {
                    let aside = self.set_aside(&self.paths.journal)?;
                    self.restart_journal(&opened.ledger, Vec::new(), at)?;
                    Ok(Repaired::JournalRestarted {
                        aside,
                        ledger: opened.ledger,
                    })
                }
                Journal::Open { header, end }
                    if opened.snapshot_damaged
                        || opened
                            .notes
                            .iter()
                            .any(|n| matches!(n, Note::Rebuilt { .. })) =>
                {
                    let aside = opened
                        .snapshot_damaged
                        .then(|| LedgerPaths::aside(&self.paths.ledger));
                    if let Some(aside) = &aside {
                        std::fs::rename(&self.paths.ledger, aside)
                            .map_err(StoreError::io(IoOp::Rename, &self.paths.ledger))?;
                    }
                    self.write_snapshot(
                        &opened.ledger,
                        &Mark {
                            id: header.journal,
                            end,
                        },
                        false,
                    )?;
                    Ok(Repaired::SnapshotRebuilt {
                        aside,
                        ledger: opened.ledger,
                    })
                }
                _ => Err(StoreError::NothingToRepair {
                    path: self.paths.ledger.clone(),
                }),
            },
            Err(StoreError::Unreadable { .. } | StoreError::Missing { .. }) => {
                let damaged = std::fs::read(&self.paths.ledger).ok();
                let saved_upto = damaged
                    .as_deref()
                    .and_then(|b| legacy::saved_seq(b, &self.checklist, self.year));
                let Some(ledger) = legacy::rebuild(
                    &self.paths.legacy_backup,
                    &self.paths.legacy_history,
                    &self.checklist,
                    self.year,
                    saved_upto,
                )?
                else {
                    return Err(self.open().err().unwrap_or(StoreError::NothingToRepair {
                        path: self.paths.ledger.clone(),
                    }));
                };
                let aside = match files::regular(&self.paths.ledger)? {
                    Some(_) => {
                        let aside = LedgerPaths::aside(&self.paths.ledger);
                        std::fs::rename(&self.paths.ledger, &aside)
                            .map_err(StoreError::io(IoOp::Rename, &self.paths.ledger))?;
                        Some(aside)
                    }
                    None => None,
                };
                let prelude = legacy::history(&self.paths.legacy_history, ledger.seq)?;
                self.restart_journal(&ledger, prelude, at)?;
                Ok(Repaired::FromBackup { aside, ledger })
            }
            Err(e) => Err(e),
        }
    }

    /// Move `path` aside as `NAME.damaged-N`, never over another file; returns where.
    fn set_aside(&self, path: &std::path::Path) -> Result<PathBuf, StoreError> {
        let aside = LedgerPaths::aside(path);
        std::fs::rename(path, &aside).map_err(StoreError::io(IoOp::Rename, path))?;
        Ok(aside)
    }

    /// Whether `opened` may not take changes: its journal is blocked, or damaged in the lines
    /// before the snapshot's place, which opening does not read.
    fn blocked_by_damage(&self, opened: &Opened) -> Result<bool, StoreError> {
        Ok(match opened.journal {
            Journal::Blocked(_) => true,
            Journal::Open { .. } => self.history()?.bad.is_some(),
            _ => false,
        })
    }

    /// A new journal: `prelude` (an earlier duty's history), then a checkpoint of `ledger`
    /// dated `at`; and the snapshot written from it.
    fn restart_journal(
        &self,
        ledger: &Ledger,
        mut prelude: Vec<Recorded>,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        let now = checkpointed(ledger, &mut prelude);
        if let Some(checkpoint) = prelude.last_mut() {
            checkpoint.at = at;
        }
        let text: String = prelude.iter().map(journal::line).collect();
        let header = self.new_header();
        let end = journal::create(&self.paths.journal, &header, &text)?;
        self.write_snapshot(
            &now,
            &Mark {
                id: header.journal,
                end,
            },
            false,
        )
    }
}

fn rebuilt_in_part(note: &Note) -> bool {
    matches!(note, Note::RebuiltInPart { .. })
}
