//! Spreadsheets both ways, pure: the completion ledger (台账) written as an .xlsx workbook in
//! the columns the checklist asks for ([`columns`], [`ledger`], on top of [`write`]), and
//! offices' spreadsheets read back ([`grid`]: .xlsx, .xls, .ods and CSV in UTF-8, UTF-16 or
//! GBK) into a checklist draft ([`import_checklist`]) or many logged sessions at once
//! ([`import_entries`], each row read by [`entry_rows`]), with the columns recognised from their Chinese headings
//! ([`headings`], [`mapping`]) and the cells read as offices write them ([`values`]).

pub mod columns;
mod entry_rows;
pub mod grid;
pub mod headings;
pub mod import_checklist;
pub mod import_entries;
pub mod ledger;
pub mod mapping;
pub mod values;
pub mod write;

pub use columns::{ColumnError, ColumnKey, LedgerColumn};
pub use ledger::ledger_workbook;

#[cfg(test)]
mod tests;
