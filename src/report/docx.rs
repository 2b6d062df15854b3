//! .docx in the style of Chinese official documents (GB/T 9704): A4, title in 方正小标宋简体
//! 二号, headings in 黑体 三号, body in 仿宋_GB2312 三号 with a two-character first-line indent
//! and fixed 28-point lines, page numbers `— 1 —` in the footer; then the completion table.
//!
//! Word and WPS substitute a font the machine lacks, so naming the official fonts is right
//! even where they are not installed. All text passes through [`clean`], which drops the
//! characters XML 1.0 forbids (docx-rs writes them raw, which Word refuses to open).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run,
    RunFonts, SpecialIndentType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use super::draft::draft;
use super::fill::clean;
use super::plain::ledger_title;
use super::table::{Row, rows};
use super::{Document, Input};
use crate::date;
use crate::i18n::Lang;

const TITLE_FONT: &str = "方正小标宋简体";
const HEADING_FONT: &str = "黑体";
const BODY_FONT: &str = "仿宋_GB2312";
const PAGE_NUMBER_FONT: &str = "宋体";
const LATIN_FONT: &str = "Times New Roman";

/// Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt.
const TITLE_SIZE: usize = 44;
const BODY_SIZE: usize = 32;
const PAGE_NUMBER_SIZE: usize = 28;
const TABLE_SIZE: usize = 24;

/// A4 in twips, and GB/T 9704 margins (37/35/28/26 mm).
const A4: (u32, u32) = (11906, 16838);
const MARGIN_TOP: i32 = 2098;
const MARGIN_BOTTOM: i32 = 1984;
const MARGIN_LEFT: i32 = 1588;
const MARGIN_RIGHT: i32 = 1474;
const TEXT_WIDTH: usize = (A4.0 as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;

/// Fixed 28-point line spacing, in twentieths of a point.
const LINE: i32 = 560;
/// Two characters of 三号 (16pt) text, in twips.
const INDENT: i32 = 640;

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .east_asia(east_asia)
}

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new()
        .add_text(clean(text))
        .fonts(fonts(font))
        .size(size)
}

fn fixed_lines() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(LINE)
        .before(0)
        .after(0)
}

/// A body paragraph: 仿宋 三号, indented two characters, justified.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY_FONT, BODY_SIZE))
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .align(AlignmentType::Both)
        .line_spacing(fixed_lines())
}

/// A first-level heading (`三、……`, `未完成事项`): 黑体 三号, indented like body text.
fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, HEADING_FONT, BODY_SIZE))
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .align(AlignmentType::Both)
        .line_spacing(fixed_lines())
        .keep_next(true)
}

fn title(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, TITLE_FONT, TITLE_SIZE))
        .align(AlignmentType::Center)
        // A title of 22-point characters needs more than the body's 28-point line.
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(700)
                .before(0)
                .after(LINE as u32),
        )
}

fn blank() -> Paragraph {
    Paragraph::new().line_spacing(fixed_lines())
}

fn cell(text: &str, width: usize, header: bool) -> TableCell {
    let mut r = run(
        text,
        if header { HEADING_FONT } else { BODY_FONT },
        TABLE_SIZE,
    );
    if header {
        r = r.bold();
    }
    TableCell::new()
        .add_paragraph(
            Paragraph::new()
                .add_run(r)
                .align(if header {
                    AlignmentType::Center
                } else {
                    AlignmentType::Left
                })
                .line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Auto)
                        .line(240)
                        .before(0)
                        .after(0),
                ),
        )
        .width(width, WidthType::Dxa)
}

/// A table with fixed column widths (in twips) that add up to the text width.
fn table(header: &[&str], widths: &[usize], body: Vec<Vec<String>>) -> Table {
    let head = TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(h, &w)| cell(h, w, true))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![head];
    rows.extend(body.into_iter().map(|cells| {
        TableRow::new(
            cells
                .iter()
                .zip(widths)
                .map(|(c, &w)| cell(c, w, false))
                .collect(),
        )
        .cant_split()
    }));
    Table::new(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn summary_table(rows: &[Row<'_>], lang: Lang) -> Table {
    // 序号 narrow, 事项 widest; the five add up to TEXT_WIDTH.
    let widths = [700, 2900, 1300, 2144, TEXT_WIDTH - 700 - 2900 - 1300 - 2144];
    table(
        &[
            lang.pick("序号", "No."),
            lang.pick("事项", "Item"),
            lang.pick("责任科室", "Owner"),
            lang.pick("完成情况", "State"),
            lang.pick("佐证材料", "Evidence"),
        ],
        &widths,
        rows.iter()
            .map(|r| {
                vec![
                    r.number.to_string(),
                    r.title.clone(),
                    r.owner.clone(),
                    r.state_and_progress(lang),
                    r.evidence.clone(),
                ]
            })
            .collect(),
    )
}

fn ledger_table(rows: &[Row<'_>], lang: Lang) -> Table {
    let widths = [
        600,
        2000,
        1100,
        1900,
        1300,
        TEXT_WIDTH - 600 - 2000 - 1100 - 1900 - 1300,
    ];
    let day = |d: Option<jiff::civil::Date>| match (d, lang) {
        (None, _) => String::new(),
        (Some(d), Lang::Zh) => date::chinese(d),
        (Some(d), Lang::En) => date::iso(d),
    };
    table(
        &[
            lang.pick("序号", "No."),
            lang.pick("事项", "Item"),
            lang.pick("责任科室", "Owner"),
            lang.pick("完成情况", "State"),
            lang.pick("完成日期", "Done"),
            lang.pick("佐证材料", "Evidence"),
        ],
        &widths,
        rows.iter()
            .map(|r| {
                vec![
                    r.number.to_string(),
                    r.title.clone(),
                    r.owner.clone(),
                    format!("{}（{}）", r.state, r.progress),
                    day(r.done),
                    r.evidence.clone(),
                ]
            })
            .collect(),
    )
}

/// The footer: `— 1 —`, centred, 宋体 四号.
fn footer() -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .add_run(run("— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE))
            .add_page_num(PageNum::new())
            .add_run(run(" —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE))
            .fonts(fonts(PAGE_NUMBER_FONT))
            .size(PAGE_NUMBER_SIZE)
            .align(AlignmentType::Center),
    )
}

pub fn docx(doc: Document, input: &Input<'_>) -> Vec<u8> {
    let lang = input.lang;
    let c = input.checklist;
    let rows = rows(input);
    let mut d = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(851)
                .footer(992),
        )
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        .footer(footer());
    match doc {
        Document::Summary => {
            let draft = draft(input);
            let doc_title = match lang {
                Lang::Zh => format!(
                    "{}{}年度法治政府建设年度报告",
                    clean(&c.organization),
                    c.year
                ),
                Lang::En => format!(
                    "{}: annual report on law-based government, {}",
                    clean(&c.organization),
                    c.year
                ),
            };
            d = d
                .add_paragraph(title(&doc_title))
                .add_paragraph(heading(&draft.heading));
            match lang {
                Lang::Zh => {
                    for p in draft.paragraphs() {
                        d = d.add_paragraph(body(&p));
                    }
                }
                Lang::En => {
                    d = d.add_paragraph(body(
                        "The report sentences below stay as the officer wrote them in the checklist.",
                    ));
                    d = d.add_paragraph(body(&draft.opening));
                    for g in &draft.groups {
                        d = d.add_paragraph(heading(&g.section));
                        for cl in &g.clauses {
                            d = d.add_paragraph(body(&format!("{}. {}", cl.number, cl.text)));
                        }
                    }
                    d = d.add_paragraph(body(&draft.closing));
                }
            }
            d = d.add_paragraph(blank()).add_paragraph(heading(lang.pick(
                "未完成事项（供第五部分参考）",
                "Not complete (for section five)",
            )));
            if draft.shortfalls.is_empty() {
                d = d.add_paragraph(body(lang.pick("无。", "None.")));
            }
            for (i, s) in draft.shortfalls.iter().enumerate() {
                let end = lang.pick("。", "");
                d = d.add_paragraph(body(&format!("{}. {}{end}", i + 1, s.line(lang))));
            }
            d = d
                .add_paragraph(blank())
                .add_paragraph(heading(lang.pick("附表：完成情况", "Table: completion")))
                .add_table(summary_table(&rows, lang));
        }
        Document::Ledger => {
            let as_of = match lang {
                Lang::Zh => format!("（截至{}）", date::chinese(input.today)),
                Lang::En => format!("(as of {})", date::iso(input.today)),
            };
            d = d
                .add_paragraph(title(&ledger_title(input)))
                .add_paragraph(
                    Paragraph::new()
                        .add_run(run(&as_of, BODY_FONT, BODY_SIZE))
                        .align(AlignmentType::Center)
                        .line_spacing(fixed_lines()),
                )
                .add_table(ledger_table(&rows, lang));
        }
    }
    let mut buf = Cursor::new(Vec::new());
    d.build()
        .pack(&mut buf)
        .unwrap_or_else(|e| unreachable!("zip into memory: {e}"));
    buf.into_inner()
}
