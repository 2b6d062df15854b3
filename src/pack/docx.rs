//! The package's index as a .docx: landscape A4, the title in 黑体, then the items, the
//! sessions and the files, each a table with its heading row repeated on every page. Text
//! that XML 1.0 forbids (control characters; docx-rs writes them raw, and Word then refuses
//! the file) is dropped.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum,
    PageOrientationType, Paragraph, Run, RunFonts, Table, TableCell, TableLayoutType, TableRow,
    VAlignType, WidthType,
};
use jiff::civil::Date;

use super::index::Index;
use crate::i18n::Lang;
use crate::sheet::write::Cell;

/// A4 landscape in twips, with 2 cm margins.
const PAGE: (u32, u32) = (16838, 11906);
const MARGIN: i32 = 1134;
const TEXT_WIDTH: usize = (PAGE.0 as i32 - 2 * MARGIN) as usize;
/// Half-points: 小四 (12pt) for text, 五号 (10.5pt) in tables, 小五 (9pt) for hashes.
const BODY_SIZE: usize = 24;
const TABLE_SIZE: usize = 21;
const SMALL_SIZE: usize = 18;

fn font(lang: Lang, heading: bool) -> RunFonts {
    let east = match (lang, heading) {
        (_, true) => "黑体",
        (_, false) => "宋体",
    };
    RunFonts::new()
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .east_asia(east)
}

/// Every table's first row repeated at the top of each page (`<w:tblHeader/>`), which
/// docx-rs cannot set: added to the first row's properties.
fn repeat_headings(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest: &str = &xml;
    while let Some(t) = rest.find("<w:tbl>") {
        let (before, after) = rest.split_at(t);
        out.push_str(before);
        match after.find("<w:trPr>") {
            Some(p) => {
                let end = p + "<w:trPr>".len();
                out.push_str(&after[..end]);
                out.push_str("<w:tblHeader />");
                rest = &after[end..];
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Text without what XML forbids.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        })
        .collect()
}

fn run(text: &str, lang: Lang, size: usize, heading: bool) -> Run {
    let r = Run::new().fonts(font(lang, heading)).size(size);
    let mut r = r;
    for (i, line) in clean(text).split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(docx_rs::BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    if heading { r.bold() } else { r }
}

fn tight() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .before(0)
        .after(0)
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Number(n) => crate::text::number(*n),
        Cell::Date(d) => crate::text::dates::iso(*d),
    }
}

fn table_cell(
    text: &str,
    width: usize,
    header: bool,
    centred: bool,
    lang: Lang,
    size: usize,
) -> TableCell {
    TableCell::new()
        .vertical_align(VAlignType::Center)
        .add_paragraph(
            Paragraph::new()
                .add_run(run(text, lang, size, header))
                .align(if header || centred {
                    AlignmentType::Center
                } else {
                    AlignmentType::Left
                })
                .line_spacing(tight()),
        )
        .width(width, WidthType::Dxa)
}

/// Column widths in twips adding up to the text width: each at least what its heading (and,
/// for short centred columns, its widest cell) needs on one line, the rest shared out in
/// proportion to the spreadsheet widths.
fn column_widths(t: &crate::sheet::write::Table) -> Vec<usize> {
    // 五号 (10.5 pt): a Chinese character is 210 twips, a Latin one about half; plus margins.
    let need = |units: usize| units * 105 + 230;
    let mins: Vec<usize> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let heading = crate::text::width(&c.heading).min(8);
            let cells = if c.centred {
                t.rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|cell| crate::text::width(&cell_text(cell)))
                    .max()
                    .unwrap_or(0)
                    .min(12)
            } else {
                0
            };
            need(heading.max(cells))
        })
        .collect();
    let floor: usize = mins.iter().sum();
    let spare = TEXT_WIDTH.saturating_sub(floor) as f64;
    let total_units: f64 = t.columns.iter().map(|c| c.width).sum::<f64>().max(1.0);
    let mut widths: Vec<usize> = t
        .columns
        .iter()
        .zip(&mins)
        .map(|(c, &min)| min + (c.width / total_units * spare) as usize)
        .collect();
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last = (*last + TEXT_WIDTH).saturating_sub(used);
    }
    widths
}

fn table(t: &crate::sheet::write::Table, lang: Lang) -> Table {
    let widths = column_widths(t);
    let head = TableRow::new(
        t.columns
            .iter()
            .zip(&widths)
            .map(|(c, &w)| table_cell(&c.heading, w, true, true, lang, TABLE_SIZE))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![head];
    for r in &t.rows {
        rows.push(
            TableRow::new(
                t.columns
                    .iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(i, (c, &w))| {
                        let text = r.get(i).map(cell_text).unwrap_or_default();
                        // A hash is long and unbroken: smaller type keeps it to two lines.
                        let size =
                            if text.len() == 64 && super::super::store::evidence::is_hash(&text) {
                                SMALL_SIZE
                            } else {
                                TABLE_SIZE
                            };
                        table_cell(&text, w, false, c.centred, lang, size)
                    })
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(rows)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn paragraph(text: &str, lang: Lang, size: usize, heading: bool, centred: bool) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, lang, size, heading))
        .align(if centred {
            AlignmentType::Center
        } else {
            AlignmentType::Left
        })
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .line(276)
                .before(120)
                .after(120),
        )
}

/// The index as a .docx made on `today`.
pub fn docx(index: &Index, today: Date, lang: Lang) -> Vec<u8> {
    let made = format!("{}T00:00:00Z", crate::text::dates::iso(today));
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .add_run(run("— ", lang, TABLE_SIZE, false))
            .add_page_num(PageNum::new())
            .add_run(run(" —", lang, TABLE_SIZE, false))
            .align(AlignmentType::Center),
    );
    let mut d = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        )
        .created_at(&made)
        .updated_at(&made)
        .default_fonts(font(lang, false))
        .default_size(BODY_SIZE)
        .footer(footer)
        .add_paragraph(paragraph(&index.title, lang, 36, true, true));
    for line in &index.lines {
        d = d.add_paragraph(paragraph(line, lang, BODY_SIZE, false, false));
    }
    for (i, t) in index.tables.iter().enumerate() {
        let heading = format!(
            "{}{}",
            ["一、", "二、", "三、", "四、"]
                .get(i)
                .copied()
                .unwrap_or(""),
            t.name
        );
        let heading = match lang {
            Lang::Zh => heading,
            Lang::En => format!("{}. {}", i + 1, t.name),
        };
        d = d.add_paragraph(paragraph(&heading, lang, 28, true, false).keep_next(true));
        if t.rows.is_empty() {
            d = d.add_paragraph(paragraph(
                lang.pick("无。", "None."),
                lang,
                BODY_SIZE,
                false,
                false,
            ));
        } else {
            d = d.add_table(table(t, lang));
        }
    }
    let mut xml = d.build();
    xml.document = repeat_headings(&xml.document);
    let mut buf = Cursor::new(Vec::new());
    xml.pack(&mut buf)
        .unwrap_or_else(|e| unreachable!("zip into memory: {e}"));
    buf.into_inner()
}
