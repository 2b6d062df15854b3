//! An office's task spreadsheet (the 依法治市办's list of the year's tasks) as a checklist
//! draft: which sheet and row hold the headings, which column is which (guessed from the
//! headings, changed with `--map`), and every task as an item — its section from a 类别
//! column or from heading rows between the tasks, its deadline and target read from what
//! offices write. What cannot be read is refused with its cell address; nothing is guessed
//! silently that the officer is not shown.

use super::grid::{Address, Grid, Value, Workbook, address};
use super::headings::{Field, Kind};
use super::mapping::{MapError, Mapping, grid as grid_of, mapping};
use super::values::{due, kind, one_line, strip_numbering};
use crate::checklist::{RawChecklist, RawItem, RawKind, RawReport, RawSection};

/// What the officer gives besides the file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The sheet to read (by name or 1-based number); the one with the best headings if none.
    pub sheet: Option<String>,
    /// Column choices (`B=owner`, `牵头单位=owner`, `C=ignore`), over the guesses.
    pub map: Vec<String>,
    pub id: String,
    pub title: Option<String>,
    pub organization: String,
    pub year: i16,
}

/// Something read on the way worth showing.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// No deadline given: the end of the year.
    DefaultDue { rows: usize },
    /// Rows without a task, passed over (their cells for other columns empty).
    Skipped { rows: Vec<usize> },
    /// A target cell in words that name no figure: kept as the item's description.
    TargetAsText { at: Address, text: String },
    /// A section heading row with no task under it: left out.
    EmptySection { at: Address, title: String },
}

/// The draft checklist, with how it was read.
#[derive(Debug, Clone)]
pub struct Draft {
    pub mapping: Mapping,
    pub raw: RawChecklist,
    pub notes: Vec<Note>,
}

/// A cell that cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct CellProblem {
    pub at: Address,
    pub heading: String,
    pub value: String,
    pub fault: CellFault,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellFault {
    /// A formula saved without its value.
    Formula,
    /// An error value (`#REF!`).
    ErrorValue,
    /// A deadline in words that name no day.
    BadDue,
    /// Text in several cells of a row without a task.
    NoTask,
}

/// Why no draft could be made.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    Map(MapError),
    /// The sheet has headings but no task under them.
    NoTasks,
    Cells(Vec<CellProblem>),
}

/// The sheet's title (a merged row above the headings), for the checklist's title and year.
fn sheet_title(grid: &Grid, heading_row: usize) -> Option<String> {
    grid.rows[..heading_row]
        .iter()
        .flat_map(|r| r.iter())
        .map(Value::text)
        .find(|t| t.chars().count() >= 4)
}

/// The year most full dates in the deadline column are in (`2025年6月30日`, a date cell).
fn deadline_year(grid: &Grid, mapping: &Mapping) -> Option<i16> {
    let col = mapping.col(Field::Due)?;
    let mut counts: std::collections::BTreeMap<i16, usize> = std::collections::BTreeMap::new();
    for r in mapping.heading_row + 1..grid.rows.len() {
        let year = match grid.get(r, col) {
            Value::Date(d) => Some(d.year()),
            Value::Number(n) => super::grid::excel_serial_date(*n).map(|d| d.year()),
            Value::Text(t) => crate::text::dates::parse_date(t.trim().trim_end_matches('前'))
                .map(|d| d.year())
                .or_else(|| t.split_once('年').and_then(|(y, _)| y.trim().parse().ok())),
            _ => None,
        };
        if let Some(y) = year.filter(|y| (2000..=2100).contains(y)) {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, -*y))
        .map(|(y, _)| y)
}

/// `2025` from `2025年度法治政府建设工作任务清单`.
pub fn year_in(text: &str) -> Option<i16> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        (w[4] == '年' && w[..4].iter().all(char::is_ascii_digit))
            .then(|| digits.parse::<i16>().ok())
            .flatten()
            .filter(|y| (2000..=2100).contains(y))
    })
}

/// Make the draft.
pub fn draft(book: &Workbook, options: &Options) -> Result<Draft, ImportError> {
    let mapping = mapping(
        book,
        options.sheet.as_deref(),
        &options.map,
        Kind::Checklist,
        &[Field::Title],
    )
    .map_err(ImportError::Map)?;
    let grid = grid_of(book, &mapping);
    let title_of_sheet = sheet_title(grid, mapping.heading_row);
    // The year the title names, else the one most deadlines are in, else the officer's.
    let year = title_of_sheet
        .as_deref()
        .and_then(year_in)
        .or_else(|| deadline_year(grid, &mapping))
        .unwrap_or(options.year);
    let heading_of = |col: usize| mapping.heading(col);
    let title_col = mapping.col(Field::Title).unwrap_or(0);
    let used = mapping.used();
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut skipped = Vec::new();
    let mut defaulted = 0;
    // (section title, where it was named, items)
    let mut sections: Vec<(String, Option<Address>, Vec<RawItem>)> = Vec::new();
    let mut current: Option<usize> = None;
    let heading_texts: Vec<String> = grid.rows[mapping.heading_row]
        .iter()
        .map(Value::text)
        .collect();
    for (r, row) in grid.rows.iter().enumerate().skip(mapping.heading_row + 1) {
        if row.iter().all(Value::is_empty) {
            continue;
        }
        if row.iter().map(Value::text).collect::<Vec<_>>() == heading_texts {
            continue; // the headings repeated (a sheet pasted from a printout)
        }
        let mut row_faulty = false;
        for &(c, field) in &used {
            if field == Field::Number {
                continue; // not read: a running number may be a formula
            }
            let at = address(r, c);
            let fault = match grid.get(r, c) {
                Value::Formula(_) => Some(CellFault::Formula),
                Value::Error(_) => Some(CellFault::ErrorValue),
                _ => None,
            };
            if let Some(fault) = fault {
                problems.push(CellProblem {
                    at,
                    heading: heading_of(c),
                    value: grid.get(r, c).text(),
                    fault,
                });
                row_faulty = true;
            }
        }
        if row_faulty {
            continue;
        }
        let text = |field: Field| {
            mapping
                .col(field)
                .map(|c| one_line(&grid.get(r, c).text()))
                .unwrap_or_default()
        };
        let title = text(Field::Title);
        // 一、依法决策 in the task column, with nothing else in the row: a heading.
        let others_empty = used
            .iter()
            .filter(|(_, f)| !matches!(f, Field::Title | Field::Number | Field::Section))
            .all(|(c, _)| grid.get(r, *c).is_empty());
        if others_empty && mapping.col(Field::Section).is_none() && numbered_heading(&title) {
            sections.push((
                strip_numbering(&title).to_string(),
                Some(address(r, title_col)),
                Vec::new(),
            ));
            current = Some(sections.len() - 1);
            continue;
        }
        if title.is_empty() {
            // A heading row between tasks (一、依法决策), merged across or alone in its row;
            // cells filled from a merged 类别 or 序号 above do not count.
            let own: Vec<(usize, String)> = row
                .iter()
                .enumerate()
                .filter(|(c, v)| {
                    let number_column = matches!(
                        used.iter().find(|u| u.0 == *c).map(|u| u.1),
                        Some(Field::Number)
                    );
                    // 一、依法决策 is often written in the 序号 column; a number there is not.
                    let numeric = matches!(v, Value::Number(_))
                        || v.text().chars().all(|ch| ch.is_ascii_digit() || ch == '.');
                    !(v.is_empty() || grid.is_merged(r, *c) || (number_column && numeric))
                })
                .map(|(c, v)| (c, v.text()))
                .collect();
            let merged_across: Vec<String> = row
                .iter()
                .map(Value::text)
                .filter(|t| !t.is_empty())
                .collect();
            let heading = match own.as_slice() {
                [] => None,
                [(_, t)] => Some(t.clone()),
                _ if merged_across.windows(2).all(|w| w[0] == w[1]) => Some(own[0].1.clone()),
                _ => {
                    problems.push(CellProblem {
                        at: address(r, title_col),
                        heading: heading_of(title_col),
                        value: String::new(),
                        fault: CellFault::NoTask,
                    });
                    None
                }
            };
            match heading {
                Some(t) if mapping.col(Field::Section).is_none() => {
                    let t = strip_numbering(&t).to_string();
                    sections.push((t, Some(address(r, own[0].0)), Vec::new()));
                    current = Some(sections.len() - 1);
                }
                _ => skipped.push(r + 1),
            }
            continue;
        }
        let section = match mapping.col(Field::Section) {
            Some(_) => {
                let s = strip_numbering(&text(Field::Section)).to_string();
                let s = if s.is_empty() { grid.name.clone() } else { s };
                match sections.iter().position(|x| x.0 == s) {
                    Some(i) => i,
                    None => {
                        sections.push((s, None, Vec::new()));
                        sections.len() - 1
                    }
                }
            }
            None => match current {
                Some(i) => i,
                None => {
                    sections.push((default_section(&grid.name), None, Vec::new()));
                    current = Some(sections.len() - 1);
                    sections.len() - 1
                }
            },
        };
        let due_col = mapping.col(Field::Due);
        let due = match due_col.map(|c| grid.get(r, c)) {
            None => None,
            Some(v) if v.is_empty() => None,
            Some(v) => match due(v, year) {
                Some(d) => Some(d),
                None => {
                    let c = due_col.unwrap_or(0);
                    problems.push(CellProblem {
                        at: address(r, c),
                        heading: heading_of(c),
                        value: v.text(),
                        fault: CellFault::BadDue,
                    });
                    None
                }
            },
        };
        let due = due.unwrap_or_else(|| {
            defaulted += 1;
            "12-31".to_string()
        });
        let title = strip_numbering(&title).to_string();
        let target = text(Field::Target);
        let (kind, understood) = kind(&target, &title);
        let mut description = text(Field::Description);
        if !understood {
            if let Some(c) = mapping.col(Field::Target) {
                notes.push(Note::TargetAsText {
                    at: address(r, c),
                    text: target.clone(),
                });
            }
            description = [description, target]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("；");
        }
        let non_empty = |s: String| (!s.is_empty()).then_some(s);
        let items = &mut sections[section].2;
        items.push(RawItem {
            id: String::new(),
            title,
            description: non_empty(description),
            owner: non_empty(text(Field::Owner)),
            kind,
            start: None,
            due,
            evidence: non_empty(text(Field::Evidence)),
            report: None,
            // The report's own texts are the checklist writer's to add; by default an
            // item is stated with its figures, and one due next year follows the report.
            if_short: None,
            no_cases: None,
            follows_report: None,
            shortfall: None,
            shufa: None,
            carried_from: None,
            once: false,
            rhythm: None,
        });
    }
    if !problems.is_empty() {
        return Err(ImportError::Cells(problems));
    }
    for (title, at, items) in &sections {
        if items.is_empty()
            && let Some(at) = at
        {
            notes.push(Note::EmptySection {
                at: *at,
                title: title.clone(),
            });
        }
    }
    sections.retain(|s| !s.2.is_empty());
    if sections.is_empty() {
        return Err(ImportError::NoTasks);
    }
    if defaulted > 0 {
        notes.push(Note::DefaultDue { rows: defaulted });
    }
    if !skipped.is_empty() {
        notes.push(Note::Skipped { rows: skipped });
    }
    let sections = sections
        .into_iter()
        .enumerate()
        .map(|(si, (title, _, items))| RawSection {
            id: format!("s{:02}", si + 1),
            title,
            heading: None,
            lead_in: None,
            clauses: Vec::new(),
            items: items
                .into_iter()
                .enumerate()
                .map(|(ii, item)| RawItem {
                    id: format!("s{:02}-{:02}", si + 1, ii + 1),
                    ..item
                })
                .collect(),
        })
        .collect();
    let raw = RawChecklist {
        id: options.id.clone(),
        title: options
            .title
            .clone()
            .or(title_of_sheet)
            .unwrap_or_else(|| grid.name.clone()),
        organization: options.organization.clone(),
        year: Some(i64::from(year)),
        report: RawReport::default(),
        ledger_columns: Vec::new(),
        sections,
    };
    Ok(Draft {
        mapping,
        raw,
        notes,
    })
}

/// `一、依法决策` or `（二）学法`: numbered the way headings are, not tasks (`1.`).
fn numbered_heading(title: &str) -> bool {
    let chinese = "一二三四五六七八九十";
    let t = title.trim();
    let numbered = t.chars().next().is_some_and(|c| chinese.contains(c))
        && t.chars().find(|c| !chinese.contains(*c)) == Some('、');
    numbered && strip_numbering(t) != t
}

fn default_section(sheet: &str) -> String {
    if sheet.trim().is_empty() || sheet.starts_with("Sheet") || sheet == "csv" {
        "工作任务".to_string()
    } else {
        sheet.to_string()
    }
}

/// The draft as RON text, with a header saying where it came from and what to check.
pub fn to_ron(draft: &Draft, source: &str) -> String {
    let pretty = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ".to_string())
        .struct_names(false)
        .depth_limit(5)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let body = ron::ser::to_string_pretty(&draft.raw, pretty)
        .unwrap_or_else(|e| unreachable!("a raw checklist always serialises: {e}"));
    format!(
        "// 由 duty import-checklist 根据 {source}（工作表“{}”）生成的清单草稿：\n// 请核对每项的类型（kind）、目标和截止日期（due），补上 report 句子后用 duty use 启用。\n// A checklist draft made by duty import-checklist from {source}: check kinds, targets and\n// due dates, add report sentences, then make it active with duty use.\n{body}\n",
        draft.mapping.sheet
    )
}

/// Count items of each kind in a draft (for the summary line).
pub fn kinds(raw: &RawChecklist) -> [usize; 4] {
    let mut n = [0; 4];
    for item in raw.sections.iter().flat_map(|s| &s.items) {
        n[match item.kind {
            RawKind::Task => 0,
            RawKind::Count { .. } => 1,
            RawKind::Rate { .. } => 2,
            RawKind::Hours { .. } => 3,
        }] += 1;
    }
    n
}
