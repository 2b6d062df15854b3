//! The completion ledger (台账) as a workbook: one row per item in the columns the checklist
//! asks for, and a second sheet with every logged session (date, topic, hours, 文号 or other
//! evidence, the files kept for it, the other items it counts for). Its words are the
//! catalogue's (`i18n::ledger`).

use jiff::civil::Date;

use super::columns::{ColumnKey, LedgerColumn, effective};
use super::write::{Cell, Column, Table, fit, workbook};
use crate::checklist::{Checklist, Kind};
use crate::i18n::Lang;
use crate::ledger::{Entry, ItemRecord, Ledger};
use crate::progress::{ItemStatus, status};
use crate::text::{number, width};

/// The target as a ledger writes it: `≥4次`, `100%`, `20学时`, `完成` for a duty.
pub fn target_text(kind: Kind, lang: Lang) -> String {
    lang.words().ledger_target(kind)
}

/// Every evidence text a record carries (its own, the tick's, the rate's, each entry's), in
/// that order, repeats once, joined with `；`.
pub fn evidence_text(record: Option<&ItemRecord>) -> String {
    let Some(r) = record else {
        return String::new();
    };
    let mut seen: Vec<&str> = Vec::new();
    let texts = std::iter::once(r.evidence.as_str())
        .chain(r.done.as_ref().map(|d| d.evidence.as_str()))
        .chain(r.rate.as_ref().map(|x| x.evidence.as_str()))
        .chain(r.entries.iter().map(|e| e.evidence.as_str()));
    for t in texts {
        let t = t.trim();
        if !t.is_empty() && !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.join("；")
}

/// The names of the files kept for a record (or one entry), joined with `、`.
pub fn file_names(record: Option<&ItemRecord>, entry: Option<&str>) -> String {
    record.map_or_else(String::new, |r| {
        r.files
            .iter()
            .filter(|f| entry.is_none() || f.entry.as_deref() == entry)
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    })
}

/// 佐证材料 as the ledger shows it: the texts, then `附件：a.pdf、b.jpg`.
fn evidence_cell(record: Option<&ItemRecord>, lang: Lang) -> String {
    let text = evidence_text(record);
    let files = file_names(record, None);
    match (text.is_empty(), files.is_empty()) {
        (_, true) => text,
        (true, false) => format!("{}{files}", lang.words().ledger_files_label()),
        (false, false) => format!("{text}\n{}{files}", lang.words().ledger_files_label()),
    }
}

/// When the item was done: the tick, the rate, or its latest entry (once complete).
pub fn done_date(s: &ItemStatus<'_>) -> Option<Date> {
    if !s.complete {
        return None;
    }
    let r = s.record?;
    r.done
        .as_ref()
        .map(|d| d.date)
        .or(r.rate.as_ref().map(|x| x.date))
        .or(r.entries.iter().map(|e| e.date).max())
}

/// One item's cell in a column.
fn item_cell(key: ColumnKey, number_in_list: usize, s: &ItemStatus<'_>, lang: Lang) -> Cell {
    let r = s.record;
    match key {
        ColumnKey::No => Cell::Number(number_in_list as f64),
        ColumnKey::Section => s.section.title.as_str().into(),
        ColumnKey::Id => s.item.id.as_str().into(),
        ColumnKey::Task => s.item.title.as_str().into(),
        ColumnKey::Description => s.item.description.clone().unwrap_or_default().into(),
        ColumnKey::Owner => s.item.owner.as_str().into(),
        ColumnKey::Target => target_text(s.item.kind, lang).into(),
        ColumnKey::Due => Cell::Date(s.due),
        ColumnKey::Result => {
            let state = s.state_label(lang);
            if s.overdue {
                lang.words()
                    .ledger_state_overdue(&state, s.days_left)
                    .into()
            } else {
                state.into()
            }
        }
        ColumnKey::Done => done_date(s).map_or(Cell::Empty, Cell::Date),
        ColumnKey::Evidence => evidence_cell(r, lang).into(),
        ColumnKey::Files => Cell::Number(r.map_or(0, |r| r.files.len()) as f64),
        ColumnKey::Required => s.item.evidence.as_str().into(),
        ColumnKey::Score | ColumnKey::SelfScore => Cell::Empty,
        ColumnKey::Note => r.map_or(String::new(), |r| r.note.clone()).into(),
    }
}

/// Width limits per column (in Excel units): short codes narrow, prose wide and wrapped.
fn width_range(key: ColumnKey) -> (f64, f64, bool) {
    match key {
        ColumnKey::No => (6.0, 6.0, true),
        ColumnKey::Section => (10.0, 16.0, false),
        ColumnKey::Id => (10.0, 20.0, false),
        ColumnKey::Task => (24.0, 32.0, false),
        ColumnKey::Description | ColumnKey::Required => (16.0, 26.0, false),
        ColumnKey::Owner => (10.0, 12.0, true),
        ColumnKey::Target => (8.0, 10.0, true),
        ColumnKey::Due | ColumnKey::Done => (12.0, 12.0, true),
        ColumnKey::Result => (14.0, 20.0, false),
        ColumnKey::Evidence => (20.0, 34.0, false),
        ColumnKey::Files | ColumnKey::Score => (8.0, 8.0, true),
        ColumnKey::SelfScore => (10.0, 10.0, true),
        ColumnKey::Note => (10.0, 16.0, false),
    }
}

fn columns_for(headings: &[String], keys: &[ColumnKey], rows: &[Vec<Cell>]) -> Vec<Column> {
    keys.iter()
        .zip(headings)
        .enumerate()
        .map(|(c, (&key, heading))| {
            let (min, max, centred) = width_range(key);
            let cells = rows.iter().map(|r| match r.get(c) {
                Some(Cell::Text(s)) => s.lines().map(width).max().unwrap_or(0),
                Some(Cell::Date(_)) => 10,
                Some(Cell::Number(n)) => number(*n).len(),
                _ => 0,
            });
            Column {
                heading: heading.clone(),
                width: fit(heading, cells, min, max),
                centred,
            }
        })
        .collect()
}

/// The sessions sheet: every logged entry, item by item in checklist order, each in date
/// order.
fn sessions_table(st: &crate::progress::Status<'_>, lang: Lang, title: &str) -> Table {
    let headings = lang.words().ledger_sessions_columns();
    let title_of = |id: &str| {
        st.items
            .iter()
            .find(|s| s.item.id == id)
            .map_or_else(|| id.to_string(), |s| s.item.title.clone())
    };
    let mut rows = Vec::new();
    for s in &st.items {
        let Some(r) = s.record else { continue };
        let mut entries: Vec<&Entry> = r.entries.iter().collect();
        entries.sort_by_key(|e| e.date);
        for e in entries {
            rows.push(vec![
                Cell::Number((rows.len() + 1) as f64),
                s.item.title.as_str().into(),
                Cell::Date(e.date),
                e.topic.as_str().into(),
                e.hours.map_or(Cell::Empty, Cell::Number),
                e.presided.as_str().into(),
                e.attended.as_str().into(),
                e.evidence.as_str().into(),
                file_names(Some(r), Some(&e.id)).into(),
                e.by.as_str().into(),
                e.id.as_str().into(),
                // By title, which `duty import-entries` takes as `duty log --also` does.
                e.linked
                    .iter()
                    .map(|id| title_of(id))
                    .collect::<Vec<_>>()
                    .join("；")
                    .into(),
            ]);
        }
    }
    let ranges = [
        (6.0, 6.0, true),
        (20.0, 36.0, false),
        (12.0, 12.0, true),
        (20.0, 40.0, false),
        (6.0, 6.0, true),
        (8.0, 12.0, false),
        (10.0, 30.0, false),
        (16.0, 36.0, false),
        (12.0, 36.0, false),
        (8.0, 12.0, true),
        (10.0, 10.0, true),
        (16.0, 36.0, false),
    ];
    let columns = headings
        .iter()
        .zip(ranges)
        .enumerate()
        .map(|(c, (h, (min, max, centred)))| Column {
            heading: h.to_string(),
            width: fit(
                h,
                rows.iter().map(|r: &Vec<Cell>| match &r[c] {
                    Cell::Text(s) => width(s),
                    _ => 0,
                }),
                min,
                max,
            ),
            centred,
        })
        .collect();
    Table {
        name: lang.words().ledger_sheet_names()[1].into(),
        title: title.to_string(),
        columns,
        rows,
    }
}

/// The ledger workbook of `checklist` and `ledger` as it stands on `today`, with
/// `columns` (the checklist's `ledger_columns`; the default ones when empty).
pub fn ledger_workbook(
    checklist: &Checklist,
    columns: &[LedgerColumn],
    ledger: &Ledger,
    today: Date,
    lang: Lang,
    author: &str,
) -> Vec<u8> {
    let st = status(checklist, ledger, today);
    let columns = effective(columns);
    let keys: Vec<ColumnKey> = columns.iter().map(|c| c.key).collect();
    let headings: Vec<String> = columns.iter().map(|c| c.heading(lang)).collect();
    let rows: Vec<Vec<Cell>> = st
        .items
        .iter()
        .enumerate()
        .map(|(i, s)| keys.iter().map(|&k| item_cell(k, i + 1, s, lang)).collect())
        .collect();
    // The same title as the .docx and text ledger (`report`).
    let w = lang.words();
    let title = w.ledger_workbook_title(&checklist.organization, checklist.year);
    let main = Table {
        name: w.ledger_sheet_names()[0].into(),
        title: title.clone(),
        columns: columns_for(&headings, &keys, &rows),
        rows,
    };
    let sessions_title = w.ledger_sessions_title(&checklist.organization, checklist.year);
    let sessions = sessions_table(&st, lang, &sessions_title);
    workbook(&[main, sessions], &title, lang, author, today)
}
