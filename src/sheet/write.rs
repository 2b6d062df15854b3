//! Tables as an .xlsx workbook that prints well: a merged title row, a bold header row that
//! stays in view (frozen) and repeats on every printed page, an autofilter, thin borders,
//! wrapped text in columns sized for Chinese, row heights set from the text they hold (Excel
//! and WPS do not grow rows on opening), real dates, and A4 landscape, one page wide, with
//! page numbers in the footer.
//!
//! Pure: tables in, bytes out (rust_xlsxwriter builds the file in memory).

use jiff::civil::Date;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use crate::i18n::Lang;
use crate::text::width;

/// A cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::from(s.to_string())
    }
}

/// One column: its heading and width (in Excel's units, about one Latin character; a
/// Chinese character takes two).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub heading: String,
    pub width: f64,
    /// Centred (numbers, dates, short codes) rather than left-aligned and wrapped.
    pub centred: bool,
}

/// One sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's tab name (made valid here: 31 characters, no `[]:*?/\`).
    pub name: String,
    /// The title row above the headings, merged across them.
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

const DATE_FORMAT: &str = "yyyy-mm-dd";
/// Points per line of 11-point text, with the cell's padding.
const LINE_HEIGHT: f64 = 14.5;

fn font(lang: Lang) -> &'static str {
    lang.pick("宋体", "Calibri")
}

struct Formats {
    title: Format,
    heading: Format,
    text: Format,
    centred: Format,
    date: Format,
}

fn formats(lang: Lang) -> Formats {
    let base = Format::new()
        .set_font_name(font(lang))
        .set_font_size(11)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    Formats {
        title: Format::new()
            .set_font_name(lang.pick("黑体", "Calibri"))
            .set_font_size(16)
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        heading: base
            .clone()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(0xD9_E1_F2)),
        text: base.clone().set_text_wrap().set_align(FormatAlign::Left),
        centred: base.clone().set_text_wrap().set_align(FormatAlign::Center),
        date: base
            .set_align(FormatAlign::Center)
            .set_num_format(DATE_FORMAT),
    }
}

/// A tab name Excel accepts, unique among `taken`.
fn sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let base: String = if clean.is_empty() {
        "Sheet".into()
    } else {
        clean.chars().take(31).collect()
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == candidate.to_lowercase())
    {
        let suffix = format!(" ({n})");
        let keep = 31 - suffix.chars().count();
        candidate = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// How many lines `text` takes in a column `width` units wide.
fn lines(text: &str, width_units: f64) -> usize {
    let per_line = width_units.max(2.0);
    text.split('\n')
        .map(|l| ((width(l) as f64) / per_line).ceil().max(1.0) as usize)
        .sum()
}

/// A cell as it reads, for measuring.
fn shown(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Number(n) => crate::text::number(*n),
        Cell::Date(_) => "2025-03-28".into(),
    }
}

/// A text Excel would run as a formula is kept as text anyway (rust_xlsxwriter writes
/// strings as strings; nothing here is a formula), but a leading `=` is not special then.
fn write_table(sheet: &mut Worksheet, table: &Table, f: &Formats) -> Result<(), XlsxError> {
    let last_col = table.columns.len().saturating_sub(1) as u16;
    sheet.merge_range(0, 0, 0, last_col, &table.title, &f.title)?;
    sheet.set_row_height(0, 30)?;
    let mut heading_lines = 1;
    for (c, col) in table.columns.iter().enumerate() {
        let c = c as u16;
        sheet.set_column_width(c, col.width)?;
        sheet.write_string_with_format(1, c, &col.heading, &f.heading)?;
        heading_lines = heading_lines.max(lines(&col.heading, col.width));
    }
    sheet.set_row_height(1, LINE_HEIGHT * heading_lines as f64 + 4.0)?;
    for (r, row) in table.rows.iter().enumerate() {
        let at = r as u32 + 2;
        let mut height = 1;
        for (c, col) in table.columns.iter().enumerate() {
            let cell = row.get(c).unwrap_or(&Cell::Empty);
            let format = if col.centred { &f.centred } else { &f.text };
            let c16 = c as u16;
            match cell {
                Cell::Empty => {
                    sheet.write_blank(at, c16, format)?;
                }
                Cell::Text(s) => {
                    sheet.write_string_with_format(at, c16, s, format)?;
                }
                Cell::Number(n) => {
                    sheet.write_number_with_format(at, c16, *n, format)?;
                }
                Cell::Date(d) => match excel_date(*d) {
                    Some(x) => {
                        sheet.write_date_with_format(at, c16, &x, &f.date)?;
                    }
                    None => {
                        sheet.write_string_with_format(
                            at,
                            c16,
                            crate::text::dates::iso(*d),
                            format,
                        )?;
                    }
                },
            }
            height = height.max(lines(&shown(cell), col.width));
        }
        sheet.set_row_height(at, LINE_HEIGHT * height.min(40) as f64 + 3.0)?;
    }
    let last_row = table.rows.len() as u32 + 1;
    sheet.autofilter(1, 0, last_row, last_col)?;
    sheet.set_freeze_panes(2, 0)?;
    sheet.set_repeat_rows(0, 1)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    Ok(())
}

fn excel_date(d: Date) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

/// A workbook's properties: its title, its author, and the day it was made (the clock's,
/// never the system's time, which the writer would otherwise read).
pub fn properties(title: &str, author: &str, made: Date) -> DocProperties {
    let props = DocProperties::new().set_title(title).set_author(author);
    match excel_date(made) {
        Some(day) => props.set_creation_datetime(&day),
        None => props,
    }
}

/// The workbook holding `tables`, one sheet each, in order, made on `made` by `author`.
pub fn workbook(tables: &[Table], title: &str, lang: Lang, author: &str, made: Date) -> Vec<u8> {
    let f = formats(lang);
    let mut book = Workbook::new();
    book.set_properties(&properties(title, author, made));
    let mut taken = Vec::new();
    for table in tables {
        let sheet = book.add_worksheet();
        let name = sheet_name(&table.name, &mut taken);
        let footer = lang.pick("&C第 &P 页，共 &N 页", "&CPage &P of &N");
        let built = sheet
            .set_name(name)
            .map(|s| {
                s.set_footer(footer);
            })
            .and_then(|()| write_table(sheet, table, &f));
        if let Err(e) = built {
            unreachable!("every table fits a worksheet: {e}");
        }
    }
    book.save_to_buffer()
        .unwrap_or_else(|e| unreachable!("a workbook in memory: {e}"))
}

/// Width for a column of `cells` (with its heading): the widest, within `min..=max`.
pub fn fit(heading: &str, cells: impl Iterator<Item = usize>, min: f64, max: f64) -> f64 {
    let widest = cells.max().unwrap_or(0).max(width(heading)) as f64 + 2.0;
    widest.clamp(min, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("台账", &mut taken), "台账");
        assert_eq!(sheet_name("台账", &mut taken), "台账 (2)");
        assert_eq!(sheet_name("a/b:c", &mut taken), "a_b_c");
        let long = "长".repeat(40);
        assert_eq!(sheet_name(&long, &mut taken).chars().count(), 31);
        assert_eq!(sheet_name("", &mut taken), "Sheet");
    }

    #[test]
    fn lines_count_wide_characters_twice() {
        assert_eq!(lines("", 10.0), 1);
        assert_eq!(lines("abcdefghi", 10.0), 1);
        assert_eq!(lines("学法学法学法", 10.0), 2);
        assert_eq!(lines("a\nb", 10.0), 2);
    }
}
