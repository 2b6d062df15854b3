//! The documents: the draft of the annual report (section three, and section five), the
//! principal leader's 述法 report, and the completion ledger for inspectors.
//!
//! Pure: the checklist, the ledger and "today" come in through [`Input`]; bytes go out.
//! [`draft`] builds the report as data, [`Shufa`] the 述法 report, the table module the
//! completion table; the format modules only lay those out, so text, Markdown, CSV,
//! JSON and .docx always agree. The officer's to-do list (every item not complete) is data
//! of the draft too, but it enters a document only when asked for ([`Options::todo`]).
//!
//! # How section three is written
//!
//! Heading, opening sentence, then one paragraph per checklist section with something to
//! state: its lead-in (`在学法方面，`, or the section's own, or none), then its clauses
//! enumerated 一是……；二是……。 A section's clauses are the unit's own sentences and may
//! name any item's figures (`累计召开党组会{party-meetings.count}次和党组理论学习中心组
//! {center-group.count}次`); a clause is written only when every item it names has something
//! to state, and every item no clause states adds its own sentence, so each item is stated
//! once. With `numbered: true` each section gets a （一）（二） sub-heading. Then the closing
//! sentence.
//!
//! What an item states (true by default):
//!
//! * a duty done, or an item with progress, with its real figures — short of its target
//!   too (`组织中心组学习11次`), unless the item says `if_short: Omit`;
//! * a rate recorded as 0/0 with its `no_cases` sentence (`本年度无此类案件` by default);
//! * never a duty that follows the report (`follows_report`, by default any item due in the
//!   next year: approving, submitting, publishing it, the next year's 述法), never an item
//!   with nothing done (no `0次`).
//!
//! Section five states the real shortfalls in 不足 sentences (see [`Five`]); the 述法
//! report states the same facts in the first person (see [`Shufa`]).
//!
//! # Placeholder rendering rules
//!
//! * `{year}` the checklist year (`2024`); `{org}` the unit; `{leader}` how section three
//!   names the leader (`本人` in the 述法 report); `{title}` the item title (the section
//!   title in section texts, the checklist title in report texts); `{owner}` the 责任科室,
//!   or `有关科室` when the checklist names none; `{note}` the item's note.
//! * `{date}` the day a duty was ticked, a rate recorded, or the latest entry logged, in
//!   Chinese style (`2024年3月28日`); `{first_date}` the earliest entry; `{dates}` every
//!   entry's day in date order, repeated days once, the year written once per year, `和`
//!   before the last (`2024年6月30日和12月27日`). `:md` leaves the year out (`7月18日`),
//!   `:month` keeps the month (`7月`).
//! * `{count}` the number of entries; `{hours}` the total hours (`12.5`, never `12.50`);
//!   `{rate}` the percentage with its sign, rounded down to one decimal so that it never
//!   reads as a target it missed (2499/2500 is `99.9%`); `{numerator}`/`{denominator}`;
//!   `{target}` (`4`, `20`, or `100%` for a rate); `{short}` how far short (section five
//!   only). `:cn` writes a number in Chinese numerals (`第{count:cn}次` → `第十四次`).
//! * `{topics}` the entries' topics in date order, each once (`《宪法》` and `宪法` are
//!   one), entries without a Chinese character (`x`, `test`) left out, joined with `、`
//!   except between two 《》 titles; `{topics:3}` keeps three and adds `等`; written inside
//!   a template's own `《…》` each topic becomes one title (`《宪法》《民法典》`).
//!   `{evidence}` the item's evidence (item-wide, the tick's or rate's, then each entry's).
//! * A phrase whose value is missing is left out with its joining mark (`召开会议3次，学习了
//!   {topics}` without topics is `召开会议3次`); a value alone in brackets takes them along.
//! * Ledger and checklist text is cleaned: control characters and bidi overrides removed
//!   (tabs and line breaks become spaces), ASCII `{` `}` shown full-width (`｛` `｝`).
//! * A filled sentence is tidied: ASCII `, ; : ( ) ! ?` next to Chinese text become
//!   `，；：（）！？`; doubled `《《 》》 %% 等等` are written once; brackets left empty are
//!   removed; a run of marks (`、，`) keeps the stronger one; no mark is left at either end.

mod compose;
mod docx;
mod draft;
mod fill;
mod five;
mod json;
mod markdown;
mod plain;
mod prose;
mod sheet;
mod shufa;
mod table;
mod values;

use jiff::civil::Date;

use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::ledger::Ledger;
use crate::progress;

pub use compose::{Clause, Group};
pub(crate) use docx::{HeadedTable, LANDSCAPE_TEXT_WIDTH, tables_document};
pub use draft::{Draft, Shortfall, draft};
pub use five::{Five, Point};
pub use json::SCHEMA_VERSION;
pub use shufa::Shufa;

/// Which document to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The draft of the annual report: section three, and section five if asked.
    Summary,
    /// The full completion ledger for inspectors.
    Ledger,
    /// The principal leader's annual 述法 report, in the first person.
    Shufa,
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

/// Which sections of the annual report a summary drafts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    /// Section three: how the principal leader carried out the duties.
    #[default]
    #[value(aliases = ["3", "三"])]
    Three,
    /// Section five: shortcomings, from the year's real shortfalls.
    #[value(aliases = ["5", "五"])]
    Five,
    /// Both, three then five.
    #[value(aliases = ["3,5", "三五", "全部"])]
    Both,
}

/// Everything a document is made from.
pub struct Input<'a> {
    pub checklist: &'a Checklist,
    pub ledger: &'a Ledger,
    pub today: Date,
    pub lang: Lang,
}

/// Choices that only some documents or formats use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options<'a> {
    /// CSV: one extra row per logged entry.
    pub entries: bool,
    /// CSV: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8.
    pub bom: bool,
    /// Summary: which sections of the report to draft.
    pub part: Part,
    /// Summary: add the officer's to-do list (every item not complete).
    pub todo: bool,
    /// Summary, Markdown and .docx: add the completion table.
    pub table: bool,
    /// .docx: the author in the document's properties (the officer's name).
    pub author: &'a str,
}

/// The draft as the screen shows it to the officer, in plain text: section three, section
/// five, then the to-do list.
pub fn section_three(input: &Input<'_>) -> String {
    plain::screen_text(&draft(input), input)
}

/// A document in a format, as bytes ready to write, with default [`Options`].
pub fn render(doc: Document, format: Format, input: &Input<'_>) -> Vec<u8> {
    render_with(doc, format, input, Options::default())
}

/// A document in a format, as bytes ready to write.
///
/// CSV holds the completion table whatever the document; JSON holds the draft, every
/// item's state and every entry (its `document` field names the one asked for, and the
/// 述法 report is added for that document). Text, Markdown and .docx lay out the document
/// asked for; the ledger is the full table with dates, evidence, notes and entries.
pub fn render_with(
    doc: Document,
    format: Format,
    input: &Input<'_>,
    options: Options<'_>,
) -> Vec<u8> {
    let st = progress::status(input.checklist, input.ledger, input.today);
    let parts = draft::Parts {
        three: options.part != Part::Five,
        five: options.part != Part::Three,
        todo: options.todo,
    };
    match (format, doc) {
        (Format::Text, Document::Summary) => {
            plain::summary_text(&draft::draft_parts(input, &st, parts), input, options).into_bytes()
        }
        (Format::Text, Document::Shufa) => {
            let scene = values::Scene::new(input.checklist, &st, values::Person::First);
            plain::shufa_text(&shufa::shufa(&scene), input).into_bytes()
        }
        (Format::Text, Document::Ledger) => plain::ledger_text(input, &st).into_bytes(),
        (Format::Md, _) => markdown::markdown(doc, input, &st, options, parts).into_bytes(),
        (Format::Csv, _) => sheet::csv(input, &st, options),
        (Format::Json, _) => json::json(doc, input, &st),
        (Format::Docx, _) => docx::docx(doc, input, &st, options, parts),
    }
}

#[cfg(test)]
mod tests;
