//! Many sessions at once from a spreadsheet (活动登记): each row names an item (by id or by
//! its title), a date, a topic, hours where the item counts hours, and its 文号 or other
//! evidence. Every row is checked by the same rules as `duty log`, one after another as if
//! logged in turn; if any row is bad, the whole file is refused with every bad cell, and
//! nothing is recorded. Rows already in the ledger (same item, day and topic) are passed
//! over, so that importing the same file twice records it once.

use jiff::civil::Date;

use super::grid::{Address, Value, Workbook, address, excel_serial_date};
use super::headings::{Field, Kind};
use super::mapping::{MapError, Mapping, grid as grid_of, mapping};
use super::values::one_line;
use crate::checklist::{Checklist, KindTag};
use crate::ledger::{Change, ChangeError, Field as TextField, Ledger, Op, People, Stamp, resolve};
use crate::text::dates::parse_date;

/// One row to record.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// The row, from 0 (row 1 is 0).
    pub row: usize,
    pub item: String,
    pub change: Change,
    /// Already recorded: passed over.
    pub duplicate: bool,
}

/// What the file would record.
#[derive(Debug, Clone)]
pub struct Plan {
    pub mapping: Mapping,
    pub rows: Vec<Planned>,
    /// The operations, resolved in turn against the ledger as it stood (duplicates left out).
    pub ops: Vec<Op>,
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
    UnknownItem {
        suggestions: Vec<String>,
    },
    /// Several items have this title.
    AmbiguousItem {
        ids: Vec<String>,
    },
    NoDate,
    BadDate,
    BadHours,
    /// An hours item's row without its hours.
    NoHours,
    /// A rate is recorded with `duty rate`, not a row of sessions.
    RateItem,
    Formula,
    ErrorValue,
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

/// The item a cell names: its id, or its title (exactly, or ignoring spaces and marks).
fn find_item(checklist: &Checklist, text: &str) -> Result<String, RowFault> {
    if checklist.item(text).is_some() {
        return Ok(text.to_string());
    }
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !"，。、；：“”\"'（）()《》".contains(*c))
            .collect()
    };
    let wanted = plain(text);
    let matching: Vec<&str> = checklist
        .items()
        .filter(|(_, i)| i.title.trim() == text || plain(&i.title) == wanted)
        .map(|(_, i)| i.id.as_str())
        .collect();
    match matching.as_slice() {
        [one] => Ok((*one).to_string()),
        [] => {
            let mut scored: Vec<(f64, &str)> = checklist
                .items()
                .map(|(_, i)| {
                    let by_title = strsim::jaro_winkler(&wanted, &plain(&i.title));
                    let by_id = strsim::jaro_winkler(text, &i.id);
                    (by_title.max(by_id), i.id.as_str())
                })
                .filter(|(s, _)| *s > 0.7)
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            Err(RowFault::UnknownItem {
                suggestions: scored
                    .into_iter()
                    .take(3)
                    .map(|(_, id)| id.to_string())
                    .collect(),
            })
        }
        many => Err(RowFault::AmbiguousItem {
            ids: many.iter().map(|s| s.to_string()).collect(),
        }),
    }
}

fn date_of(v: &Value) -> Option<Date> {
    match v {
        Value::Date(d) => Some(*d),
        Value::Number(n) => excel_serial_date(*n),
        Value::Text(t) => {
            let t = t.trim();
            parse_date(t).or_else(|| {
                // 20250328
                (t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| {
                        Date::new(
                            t[..4].parse().ok()?,
                            t[4..6].parse().ok()?,
                            t[6..].parse().ok()?,
                        )
                        .ok()
                    })
                    .flatten()
            })
        }
        _ => None,
    }
}

fn hours_of(v: &Value) -> Result<Option<f64>, ()> {
    match v {
        Value::Empty => Ok(None),
        Value::Number(n) => Ok(Some(*n)),
        Value::Text(t) if t.trim().is_empty() => Ok(None),
        Value::Text(t) => t
            .trim()
            .trim_end_matches(['时', '学', '课', '小'])
            .trim()
            .parse::<f64>()
            .map(Some)
            .map_err(|_| ()),
        _ => Err(()),
    }
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
        _ => Field::Title,
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
    let mut rows = Vec::new();
    let mut ops = Vec::new();
    let mut scratch = ledger.clone();
    for (r, row) in grid.rows.iter().enumerate().skip(mapping.heading_row + 1) {
        if row.iter().all(Value::is_empty) {
            continue;
        }
        let cell = |f: Field| mapping.col(f).map_or(&Value::Empty, |c| grid.get(r, c));
        let mut bad = |field: Field, fault: RowFault| {
            let c = mapping.col(field).unwrap_or(item_col);
            problems.push(RowProblem {
                at: address(r, c),
                heading: mapping.heading(c),
                value: grid.get(r, c).text(),
                fault,
            });
        };
        let mut row_ok = true;
        for (c, f) in mapping.used().into_iter().filter(|u| u.1 != Field::Number) {
            let fault = match grid.get(r, c) {
                Value::Formula(_) => Some(RowFault::Formula),
                Value::Error(_) => Some(RowFault::ErrorValue),
                _ => None,
            };
            if let Some(fault) = fault {
                bad(f, fault);
                row_ok = false;
            }
        }
        if !row_ok {
            continue;
        }
        let item_text = grid.get(r, item_col).text();
        if item_text.is_empty() {
            bad(Field::Title, RowFault::NoItem);
            continue;
        }
        let item_id = match find_item(checklist, &item_text) {
            Ok(id) => id,
            Err(fault) => {
                bad(
                    if mapping.col(Field::Id).is_some() {
                        Field::Id
                    } else {
                        Field::Title
                    },
                    fault,
                );
                continue;
            }
        };
        let date = match cell(Field::Date) {
            v if v.is_empty() => {
                bad(Field::Date, RowFault::NoDate);
                continue;
            }
            v => match date_of(v) {
                Some(d) => d,
                None => {
                    bad(Field::Date, RowFault::BadDate);
                    continue;
                }
            },
        };
        let hours = match hours_of(cell(Field::Hours)) {
            Ok(h) => h,
            Err(()) => {
                bad(Field::Hours, RowFault::BadHours);
                continue;
            }
        };
        let topic = one_line(&cell(Field::Topic).text());
        let evidence = one_line(&cell(Field::Evidence).text());
        let kind = checklist
            .item(&item_id)
            .map_or(KindTag::Task, |i| i.kind.tag());
        let record = scratch.record(&item_id);
        let (change, duplicate) = match kind {
            KindTag::Rate => {
                bad(Field::Title, RowFault::RateItem);
                continue;
            }
            KindTag::Task => {
                let evidence = if evidence.is_empty() {
                    topic.clone()
                } else {
                    evidence
                };
                let same = record
                    .and_then(|r| r.done.as_ref())
                    .is_some_and(|d| d.date == date);
                (
                    Change::Check {
                        item: item_id.clone(),
                        date,
                        evidence,
                    },
                    same,
                )
            }
            KindTag::Hours if hours.is_none() => {
                bad(Field::Hours, RowFault::NoHours);
                continue;
            }
            KindTag::Count | KindTag::Hours => {
                let same = record.is_some_and(|r| {
                    r.entries
                        .iter()
                        .any(|e| e.date == date && e.topic.trim() == topic.trim())
                });
                (
                    Change::Log {
                        item: item_id.clone(),
                        date,
                        topic,
                        hours,
                        evidence,
                        // The file has no columns for who presided or attended, nor for
                        // other items the session counts for.
                        people: People::default(),
                        also: Vec::new(),
                    },
                    same,
                )
            }
        };
        if !duplicate {
            match resolve(checklist, &scratch, &change, stamp) {
                Ok(op) => {
                    if let Err(e) = scratch.apply(&op) {
                        bad(Field::Title, RowFault::Refused(e));
                        continue;
                    }
                    ops.push(op);
                }
                Err(e) => {
                    bad(column_of(&e), RowFault::Refused(e));
                    continue;
                }
            }
        }
        rows.push(Planned {
            row: r,
            item: item_id,
            change,
            duplicate,
        });
    }
    if !problems.is_empty() {
        return Err(EntriesError::Rows(problems));
    }
    if rows.is_empty() {
        return Err(EntriesError::NoRows);
    }
    Ok(Plan { mapping, rows, ops })
}
