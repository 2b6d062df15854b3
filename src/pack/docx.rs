//! The package's index as a .docx, made by the reports' own writer (GB/T 9704 type, a
//! landscape page, page numbers, header rows repeated on every page): the title, a few
//! lines, then the items, the sessions and the files, each a table.

use jiff::civil::Date;

use super::index::Index;
use crate::i18n::Lang;
use crate::report::{HeadedTable, LANDSCAPE_TEXT_WIDTH, tables_document};
use crate::sheet::write::{Cell, Table};

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Number(n) => crate::text::number(*n),
        Cell::Date(d) => crate::text::dates::iso(*d),
    }
}

/// A cell's lines: each piece of evidence (文号 listed with `；` or `、`) on a line of its
/// own, so that one is never broken mid-way by the one before it; other text as it is.
fn cell_lines(text: String) -> Vec<String> {
    if text.contains(['〔', '号']) && text.contains(['；', '、']) {
        text.split(['；', '、'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    } else {
        vec![text]
    }
}

/// Column widths in twips adding up to the text width: each at least what its heading (and,
/// for short centred columns, its widest cell) needs on one line of 小四, the rest shared
/// out in proportion to the spreadsheet's widths.
fn column_widths(t: &Table) -> Vec<usize> {
    // 小四 (12 pt): a Chinese character is 240 twips, a Latin one about half; plus margins.
    let need = |units: usize| units * 120 + 200;
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
            // A 文号 (党组会议纪要〔2024〕16号) fits the evidence column on one line.
            let evidence = c.heading.contains("佐证") || c.heading.contains("evidence");
            need(heading.max(cells)).max(if evidence { 3100 } else { 0 })
        })
        .collect();
    let floor: usize = mins.iter().sum();
    let spare = LANDSCAPE_TEXT_WIDTH.saturating_sub(floor) as f64;
    let total_units: f64 = t.columns.iter().map(|c| c.width).sum::<f64>().max(1.0);
    let mut widths: Vec<usize> = t
        .columns
        .iter()
        .zip(&mins)
        .map(|(c, &min)| min + (c.width / total_units * spare) as usize)
        .collect();
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last = (*last + LANDSCAPE_TEXT_WIDTH).saturating_sub(used);
    }
    widths
}

/// The index as a .docx made on `today` by `author`.
pub fn docx(index: &Index, today: Date, lang: Lang, author: &str) -> Vec<u8> {
    let tables: Vec<HeadedTable<'_>> = index
        .tables
        .iter()
        .enumerate()
        .map(|(i, t)| HeadedTable {
            heading: lang.words().index_table_heading(i, &t.name),
            widths: column_widths(t),
            header: t.columns.iter().map(|c| c.heading.as_str()).collect(),
            rows: t
                .rows
                .iter()
                .map(|r| {
                    (0..t.columns.len())
                        .map(|i| cell_lines(r.get(i).map(cell_text).unwrap_or_default()))
                        .collect()
                })
                .collect(),
        })
        .collect();
    tables_document(&index.title, &index.lines, &tables, lang, author, today)
}

#[cfg(test)]
mod tests {
    use super::cell_lines;

    #[test]
    fn each_document_number_is_a_line_of_its_own() {
        assert_eq!(
            cell_lines("纪要〔2024〕1号；纪要〔2024〕2号".into()),
            ["纪要〔2024〕1号", "纪要〔2024〕2号"]
        );
        assert_eq!(cell_lines("学习、研讨".into()), ["学习、研讨"]);
    }
}
