//! Many sessions at once from a spreadsheet (活动登记): each row names an item (by id or by
//! its title), a date, a topic, hours where the item counts hours, its 文号 or other
//! evidence, who presided and attended, and the other items it also counts for. Every row
//! is checked by the same rules as `duty log`, one after another as if logged in turn; if
//! any row is bad, the whole file is refused with every bad cell, and nothing is recorded.
//! Rows already in the ledger (same item, day and topic) are passed over, so that importing
//! the same file twice records it once; so are the item rows of `duty ledger -f csv
//! --entries`, whose session rows read back as they were logged (see [`plan`]).

use super::entry_rows::{Read, Row, read};
use super::grid::{Address, Workbook, address};
use super::headings::{Field, Kind};
use super::mapping::{MapError, Mapping, grid as grid_of, mapping};
use crate::checklist::{Checklist, KindTag};
use crate::ledger::{Change, ChangeError, Field as TextField, Ledger, Op, Stamp, resolve};
use crate::text::dates::DateError;

/// One row to record.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// The row, from 0 (row 1 is 0).
    pub row: usize,
    pub item: String,
    pub change: Change,
    /// Already recorded: passed over.
    pub duplicate: bool,
    /// Recorded with an earlier row of the file (this row, 0-based), which named this item
    /// among those the session also counts for: passed over.
    pub with_row: Option<usize>,
}

/// What the file would record.
#[derive(Debug, Clone)]
pub struct Plan {
    pub mapping: Mapping,
    pub rows: Vec<Planned>,
    /// The operations, resolved in turn against the ledger as it stood (duplicates left out).
    pub ops: Vec<Op>,
    /// Item rows of the ledger's own CSV (记录 = 事项), passed over (0-based).
    pub summaries: Vec<usize>,
}

/// A bad cell, with what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    pub at: Address,
    pub heading: String,
    pub value: String,
    pub fault: RowFault,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowFault {
    NoItem,
    NoDate,
    /// Not a date as `duty log --date` reads one, nor a date cell.
    BadDate(DateError),
    BadHours,
    /// An hours item's row without its hours.
    NoHours,
    /// A rate is recorded with `duty rate`, not a row of sessions.
    RateItem,
    /// A yes/no duty's row (a tick) naming other items to count toward.
    AlsoOnTick,
    /// A yes/no duty's row (a tick) naming who presided or attended.
    PeopleOnTick,
    /// An item named to count toward that holds no sessions (a yes/no duty, a rate).
    AlsoWrongKind {
        item: String,
        kind: KindTag,
    },
    /// No hours on a row that also counts toward an hours item.
    AlsoNeedsHours {
        item: String,
    },
    /// Hours on a row whose items all count sessions, not hours.
    HoursNotCounted,
    Formula,
    ErrorValue,
    /// A cell with no heading above it: nothing says what it is, and it would be dropped.
    Unheaded,
    /// The row breaks a rule of the ledger (a date outside the year, hours missing …).
    Refused(ChangeError),
}

#[derive(Debug, Clone, PartialEq)]
pub enum EntriesError {
    Map(MapError),
    /// Nothing but headings.
    NoRows,
    Rows(Vec<RowProblem>),
}

/// Which column a refused change is about.
fn column_of(e: &ChangeError) -> Field {
    match e {
        ChangeError::DateOutside { .. } | ChangeError::InFuture { .. } => Field::Date,
        ChangeError::HoursRequired { .. }
        | ChangeError::HoursNotHere { .. }
        | ChangeError::BadHours { .. } => Field::Hours,
        ChangeError::EmptyTopic
        | ChangeError::UnsafeText {
            field: TextField::Topic,
            ..
        } => Field::Topic,
        ChangeError::UnsafeText {
            field: TextField::Evidence,
            ..
        } => Field::Evidence,
        ChangeError::UnsafeText {
            field: TextField::Presided,
            ..
        } => Field::Presided,
        ChangeError::UnsafeText {
            field: TextField::Attended,
            ..
        } => Field::Attended,
        _ => Field::Title,
    }
}

/// The hours of a session that counts for an hours item as well, written on the hours
/// item's own row: the ledger's CSV lists a session once under each item it counts for,
/// with its hours only under the hours item, and the first of those rows logs them all.
fn hours_of_copies(rows: &mut [Read], checklist: &Checklist) {
    let hours_item = |id: &str| {
        checklist
            .item(id)
            .is_some_and(|i| i.kind.tag() == KindTag::Hours)
    };
    for i in 0..rows.len() {
        if rows[i].hours.is_some() || !rows[i].also.iter().any(|a| hours_item(a)) {
            continue;
        }
        let me = &rows[i];
        let copy = rows.iter().find(|o| {
            me.also.contains(&o.item)
                && hours_item(&o.item)
                && o.date == me.date
                && o.topic.trim() == me.topic.trim()
        });
        if let Some(h) = copy.and_then(|o| o.hours) {
            rows[i].hours = Some(h);
        }
    }
}

/// Work out what `book` would record in `ledger`: every row checked, in turn.
pub fn plan(
    book: &Workbook,
    sheet: Option<&str>,
    map: &[String],
    checklist: &Checklist,
    ledger: &Ledger,
    stamp: &Stamp,
) -> Result<Plan, EntriesError> {
    let mapping = mapping(book, sheet, map, Kind::Entries, &[Field::Id, Field::Title])
        .map_err(EntriesError::Map)?;
    if mapping.col(Field::Date).is_none() {
        return Err(EntriesError::Map(MapError::Missing {
            field: Field::Date,
            headings: mapping.headings(),
        }));
    }
    let grid = grid_of(book, &mapping);
    let item_col = mapping
        .col(Field::Id)
        .or(mapping.col(Field::Title))
        .unwrap_or(0);
    let mut problems = Vec::new();
    let mut bad_at = |r: usize, c: usize, fault: RowFault| {
        problems.push(RowProblem {
            at: address(r, c),
            heading: mapping.heading(c),
            value: grid.get(r, c).text(),
            fault,
        });
    };
    let mut read_rows = Vec::new();
    let mut summaries = Vec::new();
    for r in mapping.heading_row + 1..grid.rows.len() {
        match read(grid, &mapping, checklist, (checklist.year, stamp.today), r) {
            Ok(Row::Blank) => {}
            Ok(Row::Summary) => summaries.push(r),
            Ok(Row::Read(row)) => read_rows.push(*row),
            Err(cells) => cells.into_iter().for_each(|(c, fault)| bad_at(r, c, fault)),
        }
    }
    let mut bad = |r: usize, field: Field, fault: RowFault| {
        bad_at(r, mapping.col(field).unwrap_or(item_col), fault);
    };
    hours_of_copies(&mut read_rows, checklist);
    let mut rows: Vec<Planned> = Vec::new();
    let mut ops = Vec::new();
    let mut scratch = ledger.clone();
    for row in read_rows {
        let Read {
            row: r,
            item,
            kind,
            date,
            hours,
            topic,
            evidence,
            people,
            also,
        } = row;
        let same_session = |l: &Ledger| {
            l.record(&item).is_some_and(|rec| {
                rec.entries
                    .iter()
                    .any(|e| e.date == date && e.topic.trim() == topic.trim())
            })
        };
        let (change, duplicate) = match kind {
            KindTag::Task => {
                let evidence = if evidence.is_empty() {
                    topic.clone()
                } else {
                    evidence
                };
                let same = scratch
                    .record(&item)
                    .and_then(|rec| rec.done.as_ref())
                    .is_some_and(|d| d.date == date);
                let change = Change::Check {
                    item: item.clone(),
                    date,
                    evidence,
                };
                (change, same)
            }
            KindTag::Hours if hours.is_none() => {
                bad(r, Field::Hours, RowFault::NoHours);
                continue;
            }
            _ => {
                let same = same_session(&scratch);
                let change = Change::Log {
                    item: item.clone(),
                    date,
                    topic: topic.clone(),
                    hours,
                    evidence,
                    people,
                    also,
                };
                (change, same)
            }
        };
        // Logged by an earlier row of this file that counted it here too: which one.
        let with_row = (duplicate && !same_session(ledger))
            .then(|| {
                rows.iter()
                    .find(|p| match &p.change {
                        Change::Log {
                            item: i,
                            date: d,
                            topic: t,
                            also,
                            ..
                        } => {
                            (*i == item || also.contains(&item))
                                && *d == date
                                && t.trim() == topic.trim()
                        }
                        _ => false,
                    })
                    .map(|p| p.row)
            })
            .flatten();
        if !duplicate {
            match resolve(checklist, &scratch, &change, stamp) {
                Ok(op) => {
                    if let Err(e) = scratch.apply(&op) {
                        bad(r, Field::Title, RowFault::Refused(e));
                        continue;
                    }
                    ops.push(op);
                }
                Err(e) => {
                    // Said as the file's columns, not `duty log`'s options.
                    let fault = match e {
                        ChangeError::HoursRequired { item } => RowFault::AlsoNeedsHours { item },
                        ChangeError::HoursNotHere { .. } => RowFault::HoursNotCounted,
                        e => RowFault::Refused(e),
                    };
                    let field = match &fault {
                        RowFault::Refused(e) => column_of(e),
                        _ => Field::Hours,
                    };
                    bad(r, field, fault);
                    continue;
                }
            }
        }
        rows.push(Planned {
            row: r,
            item,
            change,
            duplicate,
            with_row,
        });
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| (p.at.row, p.at.col));
        return Err(EntriesError::Rows(problems));
    }
    if rows.is_empty() {
        return Err(EntriesError::NoRows);
    }
    Ok(Plan {
        mapping,
        rows,
        ops,
        summaries,
    })
}
