//! Which rows to show and in what order: filters (each one a condition a row must meet; several
//! must all hold), a search by name, and the sort orders.
//!
//! The risk order: units without a usable file first (the office must ask for it again),
//! then the highest score, then the lowest completion, the most overdue, the most behind,
//! and the name.

use std::cmp::Ordering;

use super::collect::{FileEntry, UnitRow};
use super::figures::LastChange;
use super::unit_key;

/// A condition on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Filter {
    /// A score above 0, or trouble with its files.
    AtRisk,
    Overdue,
    Behind,
    Below,
    NoEvidence,
    /// No usable file, a checksum that does not match, another template, a refused record,
    /// or several files.
    Files,
    /// Every item complete.
    Complete,
}

impl Filter {
    /// Every filter, in the order the screen cycles through them.
    pub const ALL: [Filter; 7] = [
        Filter::AtRisk,
        Filter::Overdue,
        Filter::Behind,
        Filter::Below,
        Filter::NoEvidence,
        Filter::Files,
        Filter::Complete,
    ];

    /// The name on the command line (`--only overdue`).
    pub fn name(self) -> &'static str {
        match self {
            Filter::AtRisk => "at-risk",
            Filter::Overdue => "overdue",
            Filter::Behind => "behind",
            Filter::Below => "below",
            Filter::NoEvidence => "no-evidence",
            Filter::Files => "files",
            Filter::Complete => "complete",
        }
    }

    pub fn parse(s: &str) -> Option<Filter> {
        Filter::ALL.into_iter().find(|f| f.name() == s.trim())
    }

    pub fn keeps(self, row: &UnitRow) -> bool {
        let f = row.figures;
        match self {
            Filter::AtRisk => row.file_trouble() || f.is_some_and(|f| f.at_risk()),
            Filter::Overdue => f.is_some_and(|f| f.overdue > 0),
            Filter::Behind => f.is_some_and(|f| f.behind > 0),
            Filter::Below => f.is_some_and(|f| f.below > 0),
            Filter::NoEvidence => f.is_some_and(|f| f.no_evidence > 0),
            Filter::Files => row.file_trouble(),
            Filter::Complete => f.is_some_and(|f| f.complete == f.items),
        }
    }
}

/// Whether `row` meets every filter and its name holds `find` (ignoring case and spaces).
pub fn keeps(row: &UnitRow, filters: &[Filter], find: &str) -> bool {
    let find = unit_key(find);
    filters.iter().all(|f| f.keeps(row)) && (find.is_empty() || unit_key(&row.name).contains(&find))
}

/// A sort order of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    #[default]
    Risk,
    /// Least complete first.
    Completion,
    /// Longest unchanged first.
    LastChange,
    Name,
    /// By the path of the unit's file.
    File,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Risk,
        Sort::Completion,
        Sort::LastChange,
        Sort::Name,
        Sort::File,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Sort::Risk => "risk",
            Sort::Completion => "completion",
            Sort::LastChange => "last-change",
            Sort::Name => "name",
            Sort::File => "file",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.name() == s.trim())
    }

    pub fn next(self) -> Sort {
        let i = Sort::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Sort::ALL[(i + 1) % Sort::ALL.len()]
    }
}

/// Seconds since 1970 of a last change, for ordering (a recorded date as its midnight UTC).
fn moment(c: Option<LastChange>) -> i64 {
    match c {
        None => i64::MIN,
        Some(LastChange::Journal(t)) => t.as_second(),
        Some(LastChange::Recorded(d)) => d
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .map_or(i64::MIN, |z| z.timestamp().as_second()),
    }
}

fn path_of<'a>(row: &UnitRow, files: &'a [FileEntry]) -> &'a str {
    row.file
        .or_else(|| row.other_files.first().copied())
        .and_then(|i| files.get(i))
        .map_or("", |f| f.path.as_str())
}

/// Risk order between two rows (see the module's doc).
pub fn by_risk(a: &UnitRow, b: &UnitRow) -> Ordering {
    match (a.figures, b.figures) {
        (None, None) => by_name(a, b),
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(x), Some(y)) => y
            .score()
            .cmp(&x.score())
            .then(x.permille().cmp(&y.permille()))
            .then(y.overdue.cmp(&x.overdue))
            .then(y.behind.cmp(&x.behind))
            .then_with(|| by_name(a, b)),
    }
}

fn by_name(a: &UnitRow, b: &UnitRow) -> Ordering {
    a.name.cmp(&b.name)
}

/// How two rows compare in `order`.
pub fn compare(order: Sort, a: &UnitRow, b: &UnitRow, files: &[FileEntry]) -> Ordering {
    let permille = |r: &UnitRow| r.figures.map(|f| f.permille());
    match order {
        Sort::Risk => by_risk(a, b),
        Sort::Completion => permille(a).cmp(&permille(b)).then_with(|| by_name(a, b)),
        Sort::LastChange => moment(a.last_change)
            .cmp(&moment(b.last_change))
            .then_with(|| by_name(a, b)),
        Sort::Name => by_name(a, b),
        Sort::File => path_of(a, files).cmp(path_of(b, files)),
    }
}

/// Sort `rows` in place; stable, so equal rows keep their order.
pub fn sort(rows: &mut [UnitRow], order: Sort, files: &[FileEntry]) {
    rows.sort_by(|a, b| compare(order, a, b, files));
}

/// The indexes of the rows to show: those meeting `filters` and `find`, in `order`.
pub fn select(
    rows: &[UnitRow],
    files: &[FileEntry],
    filters: &[Filter],
    find: &str,
    order: Sort,
) -> Vec<usize> {
    let mut picked: Vec<usize> = (0..rows.len())
        .filter(|&i| keeps(&rows[i], filters, find))
        .collect();
    picked.sort_by(|&a, &b| compare(order, &rows[a], &rows[b], files));
    picked
}
