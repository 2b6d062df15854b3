//! Section three of the annual report, and the exports for inspectors.
//!
//! Pure: the checklist, the ledger and "today" come in through [`Input`]; bytes go out.
//! [`draft`] builds section three as data, [`table`] the completion table; the format
//! modules only lay those out, so text, Markdown, CSV, JSON and .docx always agree.
//!
//! # How section three is written
//!
//! Heading, opening sentence, then one paragraph per checklist section that has something to
//! state (`在学法方面，一是……；二是……。`, numbers continuing across sections), the closing
//! sentence, and then, separated, 未完成事项: every item not complete with what it lacks.
//! An item appears among the facts once it has progress (a duty done, one entry, a rate
//! above zero, some hours), so an item short of its target states its real figures *and* is
//! listed as unfinished; an item without progress is never written as `0次`.
//!
//! # Placeholder rendering rules
//!
//! * `{year}` the checklist year (`2024`); `{org}` the unit; `{title}` the item title (the
//!   checklist title in heading, opening and closing); `{owner}` the 责任科室, or `有关科室`
//!   when the checklist names none.
//! * `{date}` the day a duty was ticked, a rate recorded, or the latest entry logged, in
//!   Chinese style (`2024年3月28日`); `{first_date}` the earliest entry; `{dates}` every
//!   entry's day, in date order, repeated days once, the year written once per year
//!   (`2024年3月1日、5月6日`).
//! * `{count}` the number of entries; `{hours}` the total hours (`12.5`, never `12.50`);
//!   `{rate}` the percentage with its sign, at most one decimal (`100%`, `91.7%`);
//!   `{numerator}`/`{denominator}` the recorded figures; `{target}` the target
//!   (`4`, `20`, or `100%` for a rate).
//! * `{topics}` the entries' topics in date order, repeats dropped, joined with `、`;
//!   `{evidence}` the item's evidence (item-wide, the tick's or rate's, then each entry's),
//!   the same way. Trailing punctuation of each topic is dropped before joining.
//! * Ledger and checklist text is cleaned: control characters and bidi overrides removed
//!   (tabs and line breaks become spaces), ASCII `{` `}` shown full-width (`｛` `｝`).
//! * A filled sentence is tidied: ASCII `, ; : ( ) ! ?` next to Chinese text become
//!   `，；：（）！？`; brackets left empty by an empty value are removed; a run of marks
//!   (`、，`) keeps the stronger one; no mark is left at either end. Clauses are then joined
//!   with `；` and the paragraph ends with `。`; a clause the officer ended with `。` keeps it
//!   and gets no second mark. Opening and closing always end with one `。`.

mod docx;
mod draft;
mod fill;
mod json;
mod plain;
mod sheet;
mod table;

use jiff::civil::Date;

use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::ledger::Ledger;
use crate::progress;

pub use draft::{Clause, Draft, Group, Shortfall, draft};
pub use json::SCHEMA_VERSION;

/// Which document to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The draft of section three (and the list of unfinished items).
    Summary,
    /// The full completion ledger for inspectors.
    Ledger,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Md,
    Docx,
    Csv,
    Json,
}

impl Format {
    /// The format a file name asks for by its extension (`第三部分.docx`), if it names one.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Md,
            "docx" => Format::Docx,
            "csv" => Format::Csv,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

/// Everything a document is made from.
pub struct Input<'a> {
    pub checklist: &'a Checklist,
    pub ledger: &'a Ledger,
    pub today: Date,
    pub lang: Lang,
}

/// Choices that only some formats use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// CSV: one extra row per logged entry.
    pub entries: bool,
    /// CSV: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8.
    pub bom: bool,
}

/// The draft of section three as plain text (Chinese, or an English rendering).
pub fn section_three(input: &Input<'_>) -> String {
    plain::summary_text(&draft(input), input)
}

/// A document in a format, as bytes ready to write, with default [`Options`].
pub fn render(doc: Document, format: Format, input: &Input<'_>) -> Vec<u8> {
    render_with(doc, format, input, Options::default())
}

/// A document in a format, as bytes ready to write.
///
/// CSV and JSON hold the same data for both documents (CSV the completion table, JSON the
/// summary, every item's state and every entry; its `document` field names the one asked
/// for). Text, Markdown and .docx differ: the summary is section three and the unfinished
/// items (Markdown and .docx add the five-column completion table), the ledger is the full
/// table with dates, evidence, notes and entries.
pub fn render_with(doc: Document, format: Format, input: &Input<'_>, options: Options) -> Vec<u8> {
    if (format, doc) == (Format::Text, Document::Summary) {
        return section_three(input).into_bytes();
    }
    // Computed once for formats that print both the draft and the completion table.
    let st = progress::status(input.checklist, input.ledger, input.today);
    match format {
        Format::Text => plain::ledger_text(input, &st).into_bytes(),
        Format::Md => plain::markdown(doc, input, &st).into_bytes(),
        Format::Csv => sheet::csv(input, &st, options),
        Format::Json => json::json(doc, input, &st),
        Format::Docx => docx::docx(doc, input, &st),
    }
}
