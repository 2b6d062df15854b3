//! One module per group of commands, each with its options beside it, and what they share:
//! naming items, defaulting dates, and telling the officer what was noticed about the files.

pub mod evidence;
pub mod exchange;
pub mod history;
pub mod overview;
pub mod record;
pub mod report;
pub mod review;
pub mod setup;
pub mod spreadsheet;
pub mod status;
pub mod submit;
pub mod year;

use std::io::Write;

use jiff::civil::Date;

use super::args::Command;
use super::error::{CmdResult, Failure};

use super::output::Out;
use crate::ledger::rules::year_window;
use crate::session::Session;
use crate::store::Note;

/// Run one command. `None` (no command) is the screen, which `main` opens; here it prints
/// the status, for when there is no terminal to open it in.
pub fn run(s: &Session, command: Option<Command>, out: &mut Out) -> CmdResult {
    match command {
        None => status::plain(s, out),
        Some(Command::Validate(_) | Command::Completions(_) | Command::Man) => {
            unreachable!("run before the session opens")
        }
        Some(Command::Status(a)) => status::status(s, &a, out),
        Some(Command::Due(a)) => status::due(s, &a, out),
        Some(Command::Init(a)) => setup::init(s, &a, out),
        Some(Command::Use(a)) => setup::use_checklist(s, &a, out),
        Some(Command::Paths) => setup::paths(s, out),
        Some(Command::Settings(a)) => setup::settings(s, &a, out),
        Some(Command::Check(a)) => record::check(s, a, out),
        Some(Command::Uncheck(a)) => record::uncheck(s, a, out),
        Some(Command::Log(a)) => record::log(s, a, out),
        Some(Command::Unlog(a)) => record::unlog(s, a, out),
        Some(Command::Edit(a)) => record::edit(s, a, out),
        Some(Command::Rate(a)) => record::rate(s, a, out),
        Some(Command::Note(a)) => record::note(s, a, out),
        Some(Command::Evidence(a)) => evidence::evidence(s, a, out),
        Some(Command::Attach(a)) => evidence::attach(s, a, out),
        Some(Command::Detach(a)) => evidence::detach(s, a, out),
        Some(Command::Open(a)) => evidence::open(s, a, out),
        Some(Command::Verify) => evidence::verify(s, out),
        Some(Command::Clean(a)) => evidence::clean(s, &a, out),
        Some(Command::Pack(a)) => evidence::pack::pack(s, a, out),
        Some(Command::ImportChecklist(a)) => spreadsheet::import_checklist(s, &a, out),
        Some(Command::ImportEntries(a)) => spreadsheet::import_entries(s, &a, out),
        Some(Command::Undo) => history::undo(s, true, out),
        Some(Command::Redo) => history::undo(s, false, out),
        Some(Command::History(a)) => history::history(s, &a, out),
        Some(Command::Repair) => history::repair(s, out),
        Some(Command::Summary(a)) => report::export(s, crate::report::Document::Summary, a, out),
        Some(Command::Ledger(a)) => report::export(s, crate::report::Document::Ledger, a, out),
        Some(Command::Shufa(a)) => report::export(s, crate::report::Document::Shufa, a, out),
        Some(Command::Review(a)) => review::review(s, &a, out),
        Some(Command::Rollover(a)) => year::rollover(s, &a, out),
        Some(Command::Close) => year::close(s, out),
        Some(Command::Reopen) => year::reopen(s, out),
        Some(Command::ExportLedger(a)) => exchange::export(s, &a, out),
        Some(Command::ImportLedger(a)) => exchange::import(s, &a, out),
        Some(Command::Submit(a)) => submit::submit(s, &a, out),
        Some(Command::Overview(_)) => unreachable!("run before the session opens"),
    }
}

/// `s`, or `s` narrowed to the office `owner` names (`--owner`).
pub fn scoped<'s>(
    s: &'s Session,
    owner: Option<&str>,
) -> Result<std::borrow::Cow<'s, Session>, Failure> {
    match owner {
        None => Ok(std::borrow::Cow::Borrowed(s)),
        Some(name) => s
            .for_owner(name)
            .map(std::borrow::Cow::Owned)
            .map_err(|owners| Failure::Usage(s.words().no_such_owner(name, &owners))),
    }
}

/// An item named by its title, as the officer knows it (its id when the checklist has no
/// such item any more).
pub fn title(s: &Session, item: &str) -> String {
    s.checklist
        .item(item)
        .map_or_else(|| item.to_string(), |i| i.title.clone())
}

/// The date given, or today. Today outside the checklist's year (working on last year's
/// ledger with --year in the new year) is said as such, since no date was typed.
pub fn date_or_today(s: &Session, given: Option<Date>) -> Result<Date, Failure> {
    if let Some(date) = given {
        return Ok(date);
    }
    let today = s.clock.today();
    let (from, to) = year_window(s.checklist.year);
    if (from..=to).contains(&today) {
        return Ok(today);
    }
    Err(Failure::Usage(s.words().date_defaults_outside(
        today,
        s.checklist.year,
        from,
        to,
    )))
}

/// Ask before throwing recorded data away: `yes` (from `--yes`) answers for the officer;
/// otherwise the question is put on the terminal, and without one nothing is changed.
pub fn confirm(s: &Session, question: &str, yes: bool) -> Result<(), Failure> {
    use std::io::{BufRead, IsTerminal};
    if yes {
        return Ok(());
    }
    let w = s.words();
    if !std::io::stdin().is_terminal() {
        return Err(Failure::NotConfirmed(w.not_confirmed(question)));
    }
    let mut err = Out::stderr();
    write!(err, "{question} {}", w.yes_no())?;
    err.finish()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    if w.is_yes(&answer) {
        Ok(())
    } else {
        Err(Failure::NotConfirmed(w.nothing_changed().to_string()))
    }
}

/// What was noticed about the files (a rebuilt snapshot, a cut-off journal line …), on
/// stderr so that documents on stdout stay clean.
pub fn tell(s: &Session, notes: &[Note]) {
    if notes.is_empty() {
        return;
    }
    let mut err = Out::stderr();
    for note in notes {
        let _ = writeln!(err, "{}", s.words().note(note));
    }
    let _ = err.finish();
}

/// The local ledger for a reading command, with what was noticed told, and a hand-edited
/// record `duty` would refuse pointed out (shown, not refused).
pub fn read_local(s: &Session) -> Result<crate::ledger::Ledger, Failure> {
    let opened = s.read()?;
    tell(s, &opened.notes);
    if let Some(problem) = opened.ledger.problem(&s.checklist) {
        let mut err = Out::stderr();
        let _ = writeln!(err, "{}", s.words().problem_warning(&problem));
        let _ = err.finish();
    }
    Ok(opened.ledger)
}
