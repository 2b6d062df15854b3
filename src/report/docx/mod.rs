//! .docx in the style of Chinese official documents (GB/T 9704), written as
//! WordprocessingML into a zip: A4 with the standard margins, 22 lines of 28 characters
//! (a grid of lines; 三号 condensed to 28 a line, see `parts`); the title in 方正小标宋简体 二号; first-level headings in 黑体,
//! second-level in 楷体, body in 仿宋_GB2312, all 三号 with a two-character indent; page
//! numbers `— 1 —` in 四号半角宋体, outside right on odd pages and outside left on even
//! ones. Tables repeat their header on every page and let tall rows break across pages.
//! The ledger alone is a landscape page, as wide tables (台账) usually are.
//!
//! Word and WPS substitute a font the machine lacks, so naming the official fonts is right
//! even where they are not installed. All text passes through [`clean`] and the writer's
//! escaping, which drop what XML 1.0 forbids. The ledger's tables are in [`ledger`]; every
//! word the documents add of their own is the catalogue's (`i18n::ledger`).

mod ledger;
mod parts;
mod xml;

use parts::{Package, TEXT_WIDTH, TEXT_WIDTH_LANDSCAPE};
use xml::{Body, Style};

use super::draft::{Parts, draft_parts};
use super::fill::clean;
use super::plain::{todo_lines, todo_title};
use super::shufa::shufa;
use super::table::{Row, rows};
use super::values::{Person, Scene};
use super::{Document, Input, Options, Part};
use crate::i18n::Lang;
use crate::progress::Status;
use crate::text::dates as date;

/// The width of a landscape page's text, in twips, for callers laying out their own tables.
pub(crate) const LANDSCAPE_TEXT_WIDTH: usize = TEXT_WIDTH_LANDSCAPE;

/// One table of a [`tables_document`]: its heading, column widths in twips (adding up to
/// [`LANDSCAPE_TEXT_WIDTH`]), header row, and rows of cells of one or more lines.
pub(crate) struct HeadedTable<'a> {
    pub heading: String,
    pub widths: Vec<usize>,
    pub header: Vec<&'a str>,
    pub rows: Vec<Vec<Vec<String>>>,
}

/// A landscape document of the same make as the reports (GB/T 9704 type, page numbers,
/// header rows repeated): a title, a few lines of text, then headed tables ("无。" for an
/// empty one). The inspector's package index is one.
pub(crate) fn tables_document(
    title: &str,
    lines: &[String],
    tables: &[HeadedTable<'_>],
    lang: Lang,
    author: &str,
    made: jiff::civil::Date,
) -> Vec<u8> {
    let mut body = Body::new(64 * 1024);
    body.para(Style::Title, title);
    body.blank();
    for line in lines {
        body.para(Style::Body, line);
    }
    for t in tables {
        body.para(Style::Heading1, &t.heading);
        if t.rows.is_empty() {
            body.para(Style::Body, lang.words().doc_none());
        } else {
            body.table(&t.widths, &t.header, &t.rows);
        }
    }
    parts::zip(Package {
        document: parts::document(&body.out, true),
        title,
        author,
        made: format!("{}T00:00:00Z", date::iso(made)),
    })
}

/// Characters of 二号 that fit on one line of the title.
const TITLE_LINE: usize = 20;

pub fn docx(
    doc: Document,
    input: &Input<'_>,
    st: &Status<'_>,
    options: Options<'_>,
    parts: Parts,
) -> Vec<u8> {
    let mut body = Body::new(64 * 1024);
    let (title, landscape) = match doc {
        Document::Summary => (summary(&mut body, input, st, options, parts), false),
        Document::Shufa => (shufa_doc(&mut body, input, st), false),
        Document::Ledger => (ledger::ledger(&mut body, input, st, options.entries), true),
    };
    parts::zip(Package {
        document: parts::document(&body.out, landscape),
        title: &title,
        author: options.author,
        made: format!("{}T00:00:00Z", date::iso(input.today)),
    })
}

/// The title, broken after the unit's name when it does not fit on one line, as titles
/// break where the sense does rather than wherever the width runs out.
fn title(body: &mut Body, text: &str, org: &str) {
    let org = clean(org);
    match text.strip_prefix(org.as_str()) {
        Some(rest) if text.chars().count() > TITLE_LINE && !rest.is_empty() => {
            body.lines(Style::Title, &[&org, rest]);
        }
        _ => body.para(Style::Title, text),
    }
    body.blank();
}

fn summary(
    body: &mut Body,
    input: &Input<'_>,
    st: &Status<'_>,
    options: Options<'_>,
    parts: Parts,
) -> String {
    let lang = input.lang;
    let w = lang.words();
    let d = draft_parts(input, st, parts);
    title(body, &d.title, &input.checklist.organization);
    if let Some(note) = w.summary_draft_note() {
        body.para(Style::Body, note);
    }
    if options.part != Part::Five {
        body.para(Style::Heading1, &d.heading);
        for (sub, text) in d.blocks() {
            body.para(if sub { Style::Heading2 } else { Style::Body }, &text);
        }
    }
    if options.part != Part::Three {
        body.para(Style::Heading1, &d.five.heading);
        body.para(Style::Body, &d.five.paragraph());
    }
    if options.todo {
        body.para(Style::Heading1, todo_title(lang));
        if d.shortfalls.is_empty() {
            body.para(Style::Body, w.doc_none());
        }
        for line in todo_lines(&d.shortfalls, lang) {
            body.para(Style::Body, &line);
        }
    }
    if options.table {
        body.para(Style::Heading1, w.summary_table_heading());
        summary_table(body, &rows(input, st), lang);
    }
    d.title
}

fn shufa_doc(body: &mut Body, input: &Input<'_>, st: &Status<'_>) -> String {
    let s = shufa(&Scene::new(input.checklist, st, Person::First));
    title(body, &s.title, &input.checklist.organization);
    body.para(Style::Body, &s.opening);
    body.para(Style::Heading1, &s.duties_heading);
    if s.groups.is_empty() {
        body.para(Style::Body, input.lang.words().shufa_no_duties());
    }
    for g in &s.groups {
        if let Some(h) = &g.heading {
            body.para(Style::Heading2, h);
        }
        body.para(Style::Body, &g.paragraph());
    }
    body.para(Style::Heading1, &s.shortcomings_heading);
    body.para(Style::Body, &s.shortcomings_paragraph());
    body.para(Style::Heading1, &s.plans_heading);
    body.para(Style::Body, &s.plans_paragraph());
    if !s.closing.is_empty() {
        body.para(Style::Body, &s.closing);
    }
    s.title
}

/// Each piece of evidence on a line of its own, so that a 文号 is not broken mid-way by
/// the one before it.
pub(super) fn evidence_lines(evidence: &str) -> Vec<String> {
    evidence
        .split('、')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(str::to_string)
        .collect()
}

fn summary_table(body: &mut Body, rows: &[Row<'_>], lang: Lang) {
    // 序号 and 责任科室 just wide enough for their headers; the 佐证 column fits a 文号 of
    // eleven characters (党组会议纪要〔2024〕16号) on one line of 小四.
    let fixed = [640, 1900, 1200, 1900];
    let widths = [
        fixed[0],
        fixed[1],
        fixed[2],
        fixed[3],
        TEXT_WIDTH - fixed.iter().sum::<usize>(),
    ];
    let header = lang.words().summary_table_columns();
    let cells: Vec<Vec<Vec<String>>> = rows
        .iter()
        .map(|r| {
            vec![
                vec![r.number.to_string()],
                vec![r.title.clone()],
                vec![r.owner.clone()],
                vec![r.state_and_progress(lang)],
                evidence_lines(&r.evidence),
            ]
        })
        .collect();
    body.table(&widths, &header, &cells);
}
