//! .docx in the style of Chinese official documents (GB/T 9704): A4, title in 方正小标宋简体
//! 二号, headings in 黑体 三号, body in 仿宋_GB2312 三号 with a two-character first-line indent
//! and fixed 28-point lines, page numbers `— 1 —` in the footer; then the completion table.
//! The ledger alone is a landscape A4 page, as wide tables (台账) usually are.
//!
//! Word and WPS substitute a font the machine lacks, so naming the official fonts is right
//! even where they are not installed. All text passes through [`clean`], which drops the
//! characters XML 1.0 forbids (docx-rs writes them raw, which Word refuses to open).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum,
    PageOrientationType, Paragraph, Run, RunFonts, SpecialIndentType, Table, TableCell,
    TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::draft::draft_from;
use super::fill::clean;
use super::plain::ledger_title_parts;
use super::table::{Row, rows};
use super::{Document, Input};
use crate::i18n::Lang;
use crate::progress::Status;
use crate::text::dates as date;

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
/// Width of the text area in portrait, and in landscape (the ledger's wide table).
const TEXT_WIDTH: usize = (A4.0 as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
const TEXT_WIDTH_LANDSCAPE: usize = (A4.1 as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;

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

/// The document title, centred, one line per part so that it breaks where the sense does
/// (unit name, then what the document is) rather than wherever the width runs out.
fn title(lines: &[&str]) -> Paragraph {
    let mut p = Paragraph::new();
    for (i, line) in lines.iter().filter(|l| !l.trim().is_empty()).enumerate() {
        if i > 0 {
            p = p.add_run(
                Run::new()
                    .add_break(BreakType::TextWrapping)
                    .size(TITLE_SIZE),
            );
        }
        p = p.add_run(run(line, TITLE_FONT, TITLE_SIZE));
    }
    p.align(AlignmentType::Center)
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

fn cell(text: &str, width: usize, header: bool, centred: bool) -> TableCell {
    let mut r = run(
        text,
        if header { HEADING_FONT } else { BODY_FONT },
        TABLE_SIZE,
    );
    if header {
        r = r.bold();
    }
    TableCell::new()
        .vertical_align(VAlignType::Center)
        .add_paragraph(
            Paragraph::new()
                .add_run(r)
                .align(if header || centred {
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

/// A table with fixed column widths (in twips) that add up to `total`; the first column
/// (序号) is centred.
fn table(header: &[&str], widths: &[usize], total: usize, body: Vec<Vec<String>>) -> Table {
    let head = TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(h, &w)| cell(h, w, true, true))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![head];
    rows.extend(body.into_iter().map(|cells| {
        TableRow::new(
            cells
                .iter()
                .zip(widths)
                .enumerate()
                .map(|(i, (c, &w))| cell(c, w, false, i == 0))
                .collect(),
        )
        .cant_split()
    }));
    Table::new(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(total, WidthType::Dxa)
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
        TEXT_WIDTH,
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

/// The ledger's table, on a landscape page: a Chinese date needs about 1 700 twips at 小四.
fn ledger_table(rows: &[Row<'_>], lang: Lang) -> Table {
    let fixed = [700, 1300, 2700, 1300, 2500, 2400];
    let widths: Vec<usize> = fixed
        .into_iter()
        .chain([TEXT_WIDTH_LANDSCAPE - fixed.iter().sum::<usize>()])
        .collect();
    let day = |d: Option<jiff::civil::Date>| match (d, lang) {
        (None, _) => String::new(),
        (Some(d), Lang::Zh) => date::chinese(d),
        (Some(d), Lang::En) => date::iso(d),
    };
    table(
        &[
            lang.pick("序号", "No."),
            lang.pick("栏目", "Section"),
            lang.pick("事项", "Item"),
            lang.pick("责任科室", "Owner"),
            lang.pick("完成情况", "State"),
            lang.pick("完成日期", "Done"),
            lang.pick("佐证材料", "Evidence"),
        ],
        &widths,
        TEXT_WIDTH_LANDSCAPE,
        rows.iter()
            .map(|r| {
                vec![
                    r.number.to_string(),
                    r.section.clone(),
                    r.title.clone(),
                    r.owner.clone(),
                    r.state_and_progress(lang),
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

pub fn docx(doc: Document, input: &Input<'_>, st: &Status<'_>) -> Vec<u8> {
    let lang = input.lang;
    let c = input.checklist;
    let rows = rows(input, st);
    // The summary is a portrait page of prose; the ledger's seven columns need landscape.
    let mut d = match doc {
        Document::Summary => Docx::new().page_size(A4.0, A4.1),
        Document::Ledger => Docx::new()
            .page_size(A4.1, A4.0)
            .page_orient(PageOrientationType::Landscape),
    };
    // Dated the day it is made (the core stays clock-free: `today` comes in with the input),
    // rather than docx-rs's 1970-01-01. (Its author field cannot be set through its API.)
    let made = format!("{}T00:00:00Z", crate::text::dates::iso(input.today));
    d = d
        .created_at(&made)
        .updated_at(&made)
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
            let draft = draft_from(input, st);
            let what = match lang {
                Lang::Zh => format!("{}年度法治政府建设年度报告", c.year),
                Lang::En => format!("Annual report on law-based government, {}", c.year),
            };
            d = d
                .add_paragraph(title(&[&c.organization, &what]))
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
            let (org, what) = ledger_title_parts(input);
            let as_of = match lang {
                Lang::Zh => format!("（截至{}）", date::chinese(input.today)),
                Lang::En => format!("(as of {})", date::iso(input.today)),
            };
            d = d
                .add_paragraph(title(&[&org, &what]))
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
