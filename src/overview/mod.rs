//! The collecting office's view: every unit's file read into one row per unit, ordered by
//! risk, with a matrix of items × units for the units that share the city's template, every
//! input file's status, and the draft of the customary 通报.
//!
//! Pure: files come in already read (`store::unit_file` reads them, one at a time), the day
//! comes in. A [`Collector`] takes each file's outcome as it is read and keeps only what a
//! row and the matrix need (figures, one small cell per item), never the whole ledger, so a
//! province of thousands of units fits in little memory. [`Collector::finish`] settles the
//! year, the template and duplicates, and returns the [`Overview`].
//!
//! * [`figures`] — one unit's figures and per-item states;
//! * [`collect`] — the collector and the overview it makes;
//! * [`filter`] — filters and sort orders for rows;
//! * [`matrix`] — items × units, items matched by id;
//! * [`notice`] — the 通报 draft, as data and as text;
//! * [`export`] — text, Markdown, CSV, JSON and spreadsheet documents (laid out in `text`,
//!   `data` and `xlsx`).

pub mod collect;
mod data;
pub mod export;
pub mod figures;
pub mod filter;
pub mod matrix;
pub mod notice;
mod text;
mod xlsx;

pub use collect::{Collector, Options, Overview, TemplateSource, UnitRow};
pub use figures::{Cell, CellState, Figures, LastChange};
pub use filter::{Filter, Sort};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::checklist::Checklist;
use crate::diagnostic::Diagnostic;
use crate::ledger::{Ledger, Problem};

/// The header of a unit file: which unit, which checklist and year, and when, by whom and
/// with which `duty` it was exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitHeader {
    /// The unit's name as it signs its documents (河源市司法局); units are told apart by it.
    pub name: String,
    /// The checklist's id and year (the same as the checklist's and the ledger's own).
    pub checklist: String,
    pub year: i16,
    pub exported_at: Timestamp,
    pub exported_by: String,
    pub duty_version: String,
    /// When the ledger last changed: the time of the journal's last operation.
    #[serde(default)]
    pub last_change: Option<Timestamp>,
    /// How many changes the journal holds (the ledger's `seq`).
    #[serde(default)]
    pub changes: u64,
}

/// Whether the file's checksum matches its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checksum {
    Valid,
    /// The contents were changed after export (or the checksum was): the figures come
    /// from the file as it is, and are unverified.
    Mismatch {
        recorded: String,
        computed: String,
    },
}

/// A unit file as read: everything the receiver needs.
#[derive(Debug, Clone)]
pub struct Submission {
    pub header: UnitHeader,
    pub checklist: Checklist,
    pub ledger: Ledger,
    pub checksum: Checksum,
    /// A record `duty` itself would refuse (a hand-edited ledger), shown as a warning.
    pub problem: Option<Problem>,
}

/// Something that looks like another `duty` file, not a unit file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookalike {
    /// A ledger snapshot (`duty export-ledger`, or `YEAR.ron` copied from a data folder).
    Ledger,
    /// A checklist.
    Checklist,
}

/// Why a file gave no unit: what is wrong and, where known, where (line and character
/// column, 1-based, in the file).
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// A pipe, socket or device (never opened: reading one could block for ever), or a
    /// symbolic link to nothing.
    NotRegular {
        special: bool,
    },
    /// A symbolic link to a folder: not followed (it could lead in a circle).
    LinkToFolder,
    /// Folders nested deeper than the walk goes.
    TooDeep {
        depth: usize,
    },
    /// The operating system refused to read it.
    Unreadable {
        kind: std::io::ErrorKind,
    },
    Empty,
    TooLarge {
        bytes: u64,
        cap: u64,
    },
    NotUtf8 {
        byte: u8,
        at: (usize, usize),
    },
    Utf16,
    /// Not a unit file (it does not start as one), maybe another `duty` file.
    NotUnitFile {
        looks_like: Option<Lookalike>,
    },
    /// Written by a newer `duty`, in a format this one does not know.
    TooNew {
        format: u32,
    },
    /// Not RON, or RON of the wrong shape (cut off, a field mistyped): ron's complaint.
    Syntax {
        error: Box<ron::Error>,
        at: (usize, usize),
    },
    /// A part every unit file has is missing.
    Missing {
        field: &'static str,
    },
    /// The header names no unit.
    NoName {
        at: (usize, usize),
    },
    /// The checklist inside does not validate: the first problem (placed in this file)
    /// and how many there are.
    Checklist {
        first: Box<Diagnostic>,
        count: usize,
    },
    /// The header, the checklist and the ledger disagree about the checklist or the year.
    Disagrees {
        part: Part,
        header: (String, i16),
        found: (String, i16),
    },
}

/// A part of a unit file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Checklist,
    Ledger,
}

impl FileProblem {
    /// Line and column of the problem in the file, where known.
    pub fn at(&self) -> Option<(usize, usize)> {
        match self {
            FileProblem::NotUtf8 { at, .. }
            | FileProblem::Syntax { at, .. }
            | FileProblem::NoName { at } => Some(*at),
            FileProblem::Checklist { first, .. } => Some((first.line, first.column)),
            _ => None,
        }
    }
}

/// What the overview screen is opened with: the overview, and how it was asked for.
#[derive(Debug, Clone)]
pub struct Browse {
    pub overview: Overview,
    pub lang: crate::i18n::Lang,
    pub ascii: bool,
    /// For the local day of each time shown (the clock is only read for its time zone).
    pub clock: crate::clock::Clock,
    pub filters: Vec<Filter>,
    pub find: String,
    pub sort: Sort,
}

/// The local day of `t` on `clock`'s time zone (the clock is not read for the time).
pub fn local_day(clock: &crate::clock::Clock, t: Timestamp) -> jiff::civil::Date {
    let minute = clock.local_minute(t);
    crate::text::dates::parse_date(minute.get(..10).unwrap_or(""))
        .unwrap_or_else(|| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
}

/// The key units are told apart by: the name with runs of spaces made one and ends
/// trimmed (full-width spaces too), letters in lower case.
pub fn unit_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests;
