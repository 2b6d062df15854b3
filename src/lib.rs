//! `duty`: a terminal ledger for a unit's annual rule-of-law duties.
//!
//! The crate is a pure core and the edges that stand on it:
//!
//! * pure core — [`checklist`] (model, parsing, validation), [`diagnostic`] (where a bad
//!   input file is wrong, with the line itself), [`template`] (report sentences),
//!   [`ledger`] (what is recorded, and changes resolved once into operations), [`progress`]
//!   (where each item stands), [`review`] (risks, pace, rollover, roll-up), [`report`]
//!   (section three and the ledger as documents), [`sheet`] (the ledger as a workbook, and
//!   offices' spreadsheets read back), [`pack`] (the inspector's package: layout and index),
//!   [`text`] (hygiene, cells, numbers, dates) and [`i18n`] (every word, in Chinese and
//!   English). None of it touches the terminal, the filesystem, the clock or the environment.
//! * [`clock`] reads the time; [`store`] owns every file (the journal, the snapshot, the
//!   lock, settings, exports).
//! * [`session`] is what both edges stand on: language, clock, person, checklist, and every
//!   path to the ledger on disk; [`evidence`] adds what it does with files kept as evidence
//!   (attach, open, verify, clean up, pack).
//! * [`cli`] runs one command; [`tui`] is the screen. Neither knows the other.

pub mod checklist;
pub mod cli;
pub mod clock;
pub mod diagnostic;
pub mod evidence;
pub mod i18n;
pub mod ledger;
pub mod overview;
pub mod pack;
pub mod progress;
pub mod report;
pub mod review;
mod ron_fast;
pub mod session;
pub mod sheet;
pub mod store;
pub mod template;
pub mod text;
pub mod tui;
