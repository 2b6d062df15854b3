//! `duty`: a terminal checklist for a unit's annual rule-of-law duties.
//!
//! The crate is split into a pure core and two edges:
//!
//! * pure core — [`checklist`] (model, parsing, validation), [`template`] (report sentences),
//!   [`ledger`] (recorded progress and its mutations), [`progress`] (status and pacing),
//!   [`report`] (section three and exports), [`review`] (what is at risk, rollover, roll-up),
//!   [`text`] and [`date`] helpers. None of it touches the terminal, the filesystem or the clock.
//!   [`generate`] writes large checklists and ledgers for benchmarks and stress tests.
//! * [`store`] owns every file: checklists on disk, the ledger, its backup, lock and history.
//! * [`tui`] owns the terminal; [`cli`] parses arguments and runs one command.

pub mod checklist;
pub mod cli;
pub mod date;
pub mod diag;
pub mod generate;
pub mod i18n;
pub mod ledger;
pub mod progress;
pub mod report;
pub mod review;
pub mod store;
pub mod template;
pub mod text;
pub mod tui;
