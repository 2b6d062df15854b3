//! Which sheet, which heading row and which column is which, for an import: guessed from the
//! headings, changed with `--map B=owner` or `--map 牵头单位=owner`, and shown to the officer
//! before anything is written.

use super::grid::{Grid, Workbook, column_index};
use super::headings::{Field, Kind, heading_row, normalise};

/// How a column was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    Guessed,
    Given,
    /// Named the same field as an earlier column: not imported.
    Duplicate,
    Unknown,
}

/// One column of the heading row and what it is read as.
#[derive(Debug, Clone, PartialEq)]
pub struct MappedColumn {
    pub col: usize,
    pub heading: String,
    pub field: Field,
    pub chosen: Chosen,
}

/// Where the rows are and how they are read.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub sheet: String,
    /// Other sheets, not read.
    pub other_sheets: Vec<String>,
    pub heading_row: usize,
    pub columns: Vec<MappedColumn>,
}

impl Mapping {
    /// The column read as `field`.
    pub fn col(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|c| c.field == field && c.chosen != Chosen::Duplicate)
            .map(|c| c.col)
    }

    /// The heading of column `col`.
    pub fn heading(&self, col: usize) -> String {
        self.columns
            .iter()
            .find(|c| c.col == col)
            .map_or_else(String::new, |c| c.heading.clone())
    }

    /// The columns read, with their fields.
    pub fn used(&self) -> Vec<(usize, Field)> {
        self.columns
            .iter()
            .filter(|c| c.field != Field::Ignore && c.chosen != Chosen::Duplicate)
            .map(|c| (c.col, c.field))
            .collect()
    }

    pub fn headings(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.heading.clone()).collect()
    }
}

/// Why the columns could not be worked out.
#[derive(Debug, Clone, PartialEq)]
pub enum MapError {
    NoSuchSheet {
        asked: String,
        sheets: Vec<String>,
    },
    /// No sheet has a row of headings naming what must be there.
    NoHeadings {
        sheets: Vec<String>,
    },
    /// A `--map` that names no column or no field.
    BadMap {
        spec: String,
        headings: Vec<String>,
    },
    /// The heading row has no column read as `field` (the task, the item, the date).
    Missing {
        field: Field,
        headings: Vec<String>,
    },
}

fn pick_sheet<'a>(
    book: &'a Workbook,
    asked: Option<&str>,
    kind: Kind,
) -> Result<&'a Grid, MapError> {
    let names = || {
        book.sheets
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
    };
    if let Some(asked) = asked {
        let by_number = asked
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| book.sheets.get(i));
        return by_number
            .or_else(|| book.sheets.iter().find(|s| s.name.trim() == asked.trim()))
            .ok_or_else(|| MapError::NoSuchSheet {
                asked: asked.to_string(),
                sheets: names(),
            });
    }
    // The sheet whose headings name most fields (an instructions sheet may come first).
    book.sheets
        .iter()
        .filter_map(|s| heading_row(s, kind).map(|(_, f)| (s, f.iter().flatten().count())))
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s)
        .ok_or_else(|| MapError::NoHeadings { sheets: names() })
}

/// Read `--map` specs over the guessed columns.
fn apply_map(columns: &mut [MappedColumn], specs: &[String]) -> Result<(), MapError> {
    let headings = |c: &[MappedColumn]| c.iter().map(|c| c.heading.clone()).collect::<Vec<_>>();
    for spec in specs {
        let bad = |c: &[MappedColumn]| MapError::BadMap {
            spec: spec.clone(),
            headings: headings(c),
        };
        let Some((which, field)) = spec.split_once('=') else {
            return Err(bad(columns));
        };
        let Some(field) = Field::from_key(field) else {
            return Err(bad(columns));
        };
        let col = column_index(which)
            .filter(|c| columns.iter().any(|m| m.col == *c))
            .or_else(|| {
                let n = normalise(which);
                columns
                    .iter()
                    .find(|m| normalise(&m.heading) == n)
                    .map(|m| m.col)
            });
        let Some(col) = col else {
            return Err(bad(columns));
        };
        for m in columns.iter_mut() {
            if m.col == col {
                m.field = field;
                m.chosen = Chosen::Given;
            } else if m.field == field && field != Field::Ignore {
                // The field moves to the column named; the one guessed before is let go.
                m.field = Field::Ignore;
                m.chosen = Chosen::Given;
            }
        }
    }
    Ok(())
}

/// Work out how `book` is read: the sheet (`sheet`, by name or 1-based number, or the one
/// with the best headings), its heading row, and each column's field, with `map` applied.
/// One of `needed` must be read.
pub fn mapping(
    book: &Workbook,
    sheet: Option<&str>,
    map: &[String],
    kind: Kind,
    needed: &[Field],
) -> Result<Mapping, MapError> {
    let grid = pick_sheet(book, sheet, kind)?;
    let (row, fields) = heading_row(grid, kind).ok_or_else(|| MapError::NoHeadings {
        sheets: vec![grid.name.clone()],
    })?;
    let mut columns: Vec<MappedColumn> = Vec::new();
    for (col, value) in grid.rows[row].iter().enumerate() {
        let heading = value.text();
        if heading.is_empty() {
            continue;
        }
        let (field, chosen) = match fields.get(col).copied().flatten() {
            Some(f) if columns.iter().any(|c| c.field == f) => (f, Chosen::Duplicate),
            Some(f) => (f, Chosen::Guessed),
            None => (Field::Ignore, Chosen::Unknown),
        };
        columns.push(MappedColumn {
            col,
            heading,
            field,
            chosen,
        });
    }
    apply_map(&mut columns, map)?;
    let mapping = Mapping {
        sheet: grid.name.clone(),
        other_sheets: book
            .sheets
            .iter()
            .filter(|s| s.name != grid.name)
            .map(|s| s.name.clone())
            .collect(),
        heading_row: row,
        columns,
    };
    if !needed.iter().any(|f| mapping.col(*f).is_some()) {
        return Err(MapError::Missing {
            field: needed[0],
            headings: mapping.headings(),
        });
    }
    Ok(mapping)
}

/// The grid a mapping reads.
pub fn grid<'a>(book: &'a Workbook, mapping: &Mapping) -> &'a Grid {
    book.sheets
        .iter()
        .find(|s| s.name == mapping.sheet)
        .unwrap_or_else(|| unreachable!("the mapping names a sheet of the book"))
}
