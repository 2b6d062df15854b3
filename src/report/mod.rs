//! Section three of the annual report, and the exports for inspectors.
//! (Interface fixed first so the screen can use it; the body is being written.)

use jiff::civil::Date;

use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::ledger::Ledger;

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

/// Everything a document is made from.
pub struct Input<'a> {
    pub checklist: &'a Checklist,
    pub ledger: &'a Ledger,
    pub today: Date,
    pub lang: Lang,
}

/// The draft of section three as plain text.
pub fn section_three(input: &Input<'_>) -> String {
    format!("{}\n", input.checklist.report.heading.render(|_| input.checklist.year.to_string()))
}

/// A document in a format, as bytes ready to write.
pub fn render(doc: Document, format: Format, input: &Input<'_>) -> Vec<u8> {
    let _ = (doc, format);
    section_three(input).into_bytes()
}
