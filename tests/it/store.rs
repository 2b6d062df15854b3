//! The store through the binary: `duty log` killed at random points (the ledger is always
//! the state before or after, the journal numbered without a gap), writers racing (no change
//! lost), reading commands that write nothing (not even a lock), a cut-off last journal
//! line, damaged or missing snapshots and journals, another machine's journal, the
//! previous release's format-1 files read and upgraded in place, and a journal that grows
//! with the changes, not with the items' size.
//!
//! This module holds what the areas share; the tests are in one module per area.

mod damage;
mod journal;
mod previous_release;
mod reading;

use std::collections::BTreeSet;
use std::fs;
use std::process::Stdio;
use std::time::{Duration, Instant};

use duty::i18n::Lang;
use duty::ledger::{Change, ItemRecord, Ledger};
use duty::store::{Journal, Note};

use crate::harness::{BUILTIN, Home, LANGS, fixture, names, tree};

/// The journal's records are numbered 1, 2, 3 … up to the ledger's count, none unreadable.
fn assert_contiguous(h: &Home, seq: u64, what: &str) {
    let history = h.history(BUILTIN, 2024);
    assert!(history.bad.is_none(), "{what}: {:?}", history.bad);
    let seqs: Vec<u64> = history.records.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (1..=seq).collect::<Vec<_>>(), "{what}");
}

fn topics(h: &Home) -> Vec<String> {
    h.ledger(2024)
        .record("center-group")
        .map(|r| r.entries.iter().map(|e| e.topic.clone()).collect())
        .unwrap_or_default()
}

/// A home holding the previous release's data directory.
fn format1(lang: Lang) -> Home {
    let h = Home::in_lang(lang);
    h.copy_fixture("format1/data", "data");
    h
}
