//! The overview as documents: what each cell of each table says (shared by every format),
//! the totals, and the choice of format and view. Layouts are in [`super::text`] (text and
//! Markdown), [`super::data`] (CSV and JSON) and [`super::xlsx`].

use jiff::Timestamp;
use jiff::civil::Date;

use super::collect::{Overview, UnitRow};
use super::figures::{Cell, CellState, LastChange};
use super::matrix::MatrixCell;
use crate::checklist::Kind;
use crate::i18n::Lang;
use crate::i18n::overview::FileTag;
use crate::text::dates::iso;
use crate::text::numbers::percent;

/// The document formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Md,
    Csv,
    Json,
    Xlsx,
}

/// What a document shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The unit table, the totals and every file's status.
    Units,
    /// Items × units.
    Matrix,
    /// Every file's status only.
    Files,
    /// The 通报 draft.
    Notice,
}

/// What a document needs besides the overview.
pub struct Context<'a> {
    pub lang: Lang,
    /// The local day of a moment (the clock's time zone).
    pub day: &'a dyn Fn(Timestamp) -> Date,
    /// The local minute of a moment, `2025-11-19 10:00`.
    pub minute: &'a dyn Fn(Timestamp) -> String,
    /// The rows to show (indexes into the overview's rows), in order.
    pub rows: &'a [usize],
    /// Whether `rows` is a filtered selection (said in the document).
    pub filtered: bool,
    /// Who sends the notice, and by when files are to be sent again.
    pub office: Option<&'a str>,
    pub deadline: Option<Date>,
    /// A byte-order mark before CSV, for spreadsheet programs that need one to read UTF-8.
    pub bom: bool,
}

/// Totals over a set of rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Totals {
    pub units: usize,
    pub no_file: usize,
    pub items: usize,
    pub complete: usize,
    pub with_overdue: usize,
    pub with_behind: usize,
    pub with_below: usize,
    pub with_no_evidence: usize,
    pub all_done: usize,
}

impl Totals {
    pub fn of(o: &Overview, rows: &[usize]) -> Totals {
        let mut t = Totals {
            units: rows.len(),
            ..Totals::default()
        };
        for &r in rows {
            let Some(f) = o.rows[r].figures else {
                t.no_file += 1;
                continue;
            };
            t.items += f.items as usize;
            t.complete += f.complete as usize;
            t.with_overdue += usize::from(f.overdue > 0);
            t.with_behind += usize::from(f.behind > 0);
            t.with_below += usize::from(f.below > 0);
            t.with_no_evidence += usize::from(f.no_evidence > 0);
            t.all_done += usize::from(f.complete == f.items);
        }
        t
    }
}

/// The day of a last change, and whether it is only the latest recorded date.
pub fn last_change_day(c: LastChange, day: &dyn Fn(Timestamp) -> Date) -> (Date, bool) {
    match c {
        LastChange::Journal(t) => (day(t), false),
        LastChange::Recorded(d) => (d, true),
    }
}

/// The cells of one unit row, as [`crate::i18n::Words::overview_columns`] names them.
pub fn unit_cells(o: &Overview, number: usize, row: &UnitRow, ctx: &Context<'_>) -> [String; 11] {
    let w = ctx.lang.words();
    let notes = w.row_notes(row, &o.files).join(ctx.lang.pick("；", "; "));
    let last = row
        .last_change
        .map(|c| {
            let (d, recorded) = last_change_day(c, ctx.day);
            if recorded {
                format!("{} *", iso(d))
            } else {
                iso(d)
            }
        })
        .unwrap_or_else(|| "-".into());
    match row.figures {
        None => [
            number.to_string(),
            row.name.clone(),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            last,
            notes,
        ],
        Some(f) => [
            number.to_string(),
            row.name.clone(),
            format!("{}/{}", f.complete, f.items),
            format!("{}%", percent(u64::from(f.complete), u64::from(f.items))),
            f.overdue.to_string(),
            f.behind.to_string(),
            f.below.to_string(),
            f.no_evidence.to_string(),
            f.score().to_string(),
            last,
            notes,
        ],
    }
}

/// Tag, path and detail of file `i`.
pub fn file_cells(o: &Overview, i: usize, lang: Lang) -> (FileTag, &str, String) {
    let f = &o.files[i];
    let row = o.row_of_file(i);
    let tag = FileTag::of(f, row);
    let detail = lang.words().file_detail(f, &o.files, row, o.year);
    (tag, &f.path, detail)
}

/// How many files have each tag, in the tags' order.
pub fn file_counts(o: &Overview) -> Vec<(FileTag, usize)> {
    let mut counts: Vec<(FileTag, usize)> = Vec::new();
    for (i, f) in o.files.iter().enumerate() {
        let tag = FileTag::of(f, o.row_of_file(i));
        match counts.iter_mut().find(|(t, _)| *t == tag) {
            Some((_, n)) => *n += 1,
            None => counts.push((tag, 1)),
        }
    }
    counts.sort_by_key(|(t, _)| *t as u8);
    counts
}

/// A figure of a cell: `3/4`, `92%`, `12.5/20`, `0/0`; empty for a duty.
pub fn cell_figure(kind: Kind, cell: &Cell) -> String {
    let n = crate::text::number;
    match kind {
        Kind::Task => String::new(),
        Kind::Count { target } => format!("{}/{target}", n(cell.value)),
        Kind::Rate { .. } if cell.no_cases => "0/0".into(),
        Kind::Rate { .. } if cell.unrecorded => "-".into(),
        Kind::Rate { .. } => format!("{}%", n(cell.value)),
        Kind::Hours { target } => format!("{}/{}", n(cell.value), n(target)),
    }
}

/// A matrix cell as short text: the state's code, its figure, and the marks.
pub fn matrix_text(
    o: &Overview,
    unit: &UnitRow,
    c: &MatrixCell,
    lang: Lang,
    figures: bool,
) -> String {
    let w = lang.words();
    match c {
        MatrixCell::Dropped => w.dropped_code().to_string(),
        MatrixCell::Item {
            cell,
            own,
            renamed,
            changed,
        } => {
            let mut s = w.cell_code(cell.state).to_string();
            if figures
                && cell.state != CellState::Done
                && let Some(sk) = o.skeleton(unit)
            {
                let fig = cell_figure(sk.items[*own].kind, cell);
                if !fig.is_empty() {
                    s.push(' ');
                    s.push_str(&fig);
                }
            }
            if *renamed {
                s.push('*');
            }
            if *changed {
                s.push('#');
            }
            s
        }
    }
}

/// The document for `view` in `format`.
pub fn render(o: &Overview, view: View, format: Format, ctx: &Context<'_>) -> Vec<u8> {
    match format {
        Format::Text | Format::Md => {
            super::text::render(o, view, format == Format::Md, ctx).into_bytes()
        }
        Format::Csv => super::data::csv(o, view, ctx),
        Format::Json => super::data::json(o, ctx).into_bytes(),
        Format::Xlsx => super::xlsx::workbook(o, ctx),
    }
}
