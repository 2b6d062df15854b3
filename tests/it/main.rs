//! The integration tests, as one binary: the real `duty` run as a process on a private home
//! (see [`harness`]), its whole output compared with snapshots in both languages, and the
//! screen driven headless and in a real terminal. One module per area.

#[macro_use]
mod harness;

#[path = "../../benches/common/city.rs"]
mod city;
#[path = "../../benches/common/generate.rs"]
mod generate;

mod evidence;
mod exchange;
mod faults;
mod history;
mod import_people;
mod import_trial;
mod ledger_docx;
mod overview;
mod package;
mod record;
mod report;
mod review;
mod screen;
mod setup;
mod spreadsheet;
mod status;
mod store;
mod terminal;
mod terminal_files;
mod trial;
mod unchanged;
mod year;
