//! Starting and repairing a book: a new year's empty ledger, a whole ledger made
//! elsewhere, and putting the files right after damage (`duty repair`), always keeping
//! aside whatever is replaced.

use std::path::PathBuf;

use jiff::Timestamp;

use super::book::{Book, Journal, Note, checkpointed};
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
    JournalRestarted {
        aside: PathBuf,
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
                Journal::Blocked(_) => {
                    let aside = LedgerPaths::aside(&self.paths.journal);
                    std::fs::rename(&self.paths.journal, &aside)
                        .map_err(StoreError::io(IoOp::Rename, &self.paths.journal))?;
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
