//! The overview as a spreadsheet (rust_xlsxwriter): one workbook with the unit table, the
//! matrix and the files, each sheet with a bold header row that stays in view and repeats
//! on every printed page, landscape A4, filters on the header. Counts are numbers, so the
//! office can sort and sum them in the spreadsheet.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::collect::Overview;
use super::data::table;
use super::export::{Context, View};
use crate::text::{strip_unsafe, width};

/// Paper size 9 is A4 in the spreadsheet's numbering.
const A4: u8 = 9;

pub fn workbook(o: &Overview, ctx: &Context<'_>) -> Vec<u8> {
    build(o, ctx).unwrap_or_else(|e| unreachable!("a workbook in memory always builds: {e}"))
}

fn build(o: &Overview, ctx: &Context<'_>) -> Result<Vec<u8>, XlsxError> {
    let lang = ctx.lang;
    let mut book = Workbook::new();
    let title = lang.pick(
        "各单位法治建设第一责任人职责汇总",
        "Units' rule-of-law duties",
    );
    book.set_properties(&crate::sheet::write::properties(title, "duty", o.today));
    let sheets = [
        (
            View::Units,
            lang.pick("单位", "Units"),
            &[0usize, 4, 5, 6, 7, 8][..],
        ),
        (View::Matrix, lang.pick("矩阵", "Matrix"), &[][..]),
        (View::Files, lang.pick("文件", "Files"), &[][..]),
    ];
    for (view, name, numeric) in sheets {
        let (header, rows) = table(o, view, ctx);
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        fill(sheet, &header, &rows, numeric)?;
    }
    book.save_to_buffer()
}

fn fill(
    sheet: &mut Worksheet,
    header: &[String],
    rows: &[Vec<String>],
    numeric: &[usize],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, strip_unsafe(h), &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width(cell));
            }
            match cell.parse::<i64>() {
                Ok(n) if numeric.contains(&c) => sheet.write_number(r, c as u16, n as f64)?,
                _ => sheet.write_string(r, c as u16, strip_unsafe(cell))?,
            };
        }
    }
    for (c, w) in widths.iter().enumerate() {
        // Spreadsheet widths are in characters of the default font; CJK counts two here too.
        sheet.set_column_width(c as u16, (*w as f64 + 2.0).min(60.0))?;
    }
    if !header.is_empty() {
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_repeat_rows(0, 0)?;
        sheet.autofilter(0, 0, rows.len() as u32, (header.len() - 1) as u16)?;
    }
    sheet.set_landscape();
    sheet.set_paper_size(A4);
    Ok(())
}
