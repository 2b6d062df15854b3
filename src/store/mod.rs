//! Every file `duty` touches. A ledger is a [`Book`]: its journal (`YEAR.journal`, every
//! change appended and synced under the lock `YEAR.lock`: the record) and its snapshot
//! (`YEAR.ron`, the ledger as human-readable RON, rewritten after each change). Also
//! checklists on disk, settings, ledgers from other machines, and exported files.

mod book;
mod error;
pub mod evidence;
mod files;
mod foreign;
mod journal;
mod layout;
mod legacy;
mod lock;
mod open;
mod repair;
pub mod settings;
mod snapshot;
pub mod unit_file;

pub use book::{Blocker, Book, Committed, Fingerprint, History, Journal, Note, Opened, Proposal};
pub use error::{BadLine, Damage, IoOp, LineFault, NotFile, StoreError};
pub use files::{ensure_dir, os_user, read_checklist, write_new};
pub use foreign::{Unusable, expand_sources, read_all, read_foreign};
pub use layout::{LedgerPaths, config_dir, data_dir};
pub use repair::Repaired;
pub use settings::Settings;
pub use snapshot::FORMAT;

/// The ledger as its file would hold it, for a copy that leaves this machine.
pub fn exported(ledger: &crate::ledger::Ledger) -> String {
    snapshot::serialize(ledger, None)
}

#[cfg(test)]
mod tests;
