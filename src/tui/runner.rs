//! The event loop, generic over the ratatui backend and the event source, and the effects
//! it carries out: saving through `store::transact`, undo, export, switching year, and
//! noticing another process's change to the ledger.

use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};

use crate::ledger::{ChangeError, Ctx, undo_change, undo_target};
use crate::report::{self, Document, Format};
use crate::store::{self, LedgerPaths, StoreError};
use crate::tui::app::{self, App, Effect};
use crate::tui::keys;
use crate::tui::strings::{self, of};

/// How long to wait for an event before checking the ledger file and retrying a failed save.
pub const POLL: Duration = Duration::from_millis(500);

/// What an event source yields.
pub enum Next {
    Event(Event),
    /// Nothing happened within the poll interval.
    Idle,
    /// No more events will come (a scripted source ran out).
    End,
}

/// Where events come from: the terminal, or a script in tests.
pub trait Events {
    fn next(&mut self, timeout: Duration) -> io::Result<Next>;
}

/// The real terminal's events.
pub struct TerminalEvents;

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Next> {
        if event::poll(timeout)? {
            Ok(Next::Event(event::read()?))
        } else {
            Ok(Next::Idle)
        }
    }
}

/// A fixed list of events, then the end. `None` stands for a poll interval with no event,
/// when the loop retries saves and looks for outside changes, as it does in a terminal.
pub struct Script(pub VecDeque<Option<Event>>);

impl Events for Script {
    fn next(&mut self, _timeout: Duration) -> io::Result<Next> {
        Ok(match self.0.pop_front() {
            None => Next::End,
            Some(None) => Next::Idle,
            Some(Some(ev)) => Next::Event(ev),
        })
    }
}

/// What the effects need from outside the app: where ledgers live and where exports go.
pub struct Io {
    /// A new day is noticed while the screen is open (overdue flags, pace); `None` when
    /// the date is pinned.
    pub clock: crate::cli::Clock,
    /// The checklist file the screen opened, with its year, to find other years' files
    /// beside it (`None`: the built-in checklist).
    pub checklist_file: Option<(PathBuf, i16)>,
    pub data_dir: PathBuf,
    /// Exports are written here first, else into the data directory.
    pub export_dir: PathBuf,
}

impl Io {
    pub fn paths(&self, app: &App) -> LedgerPaths {
        LedgerPaths::new(&self.data_dir, &app.checklist.id, app.checklist.year)
    }
}

/// Draw, wait for an event, update, carry out the effect; until quit or the events end.
pub fn run_loop<B: Backend, E: Events>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    io: &Io,
    events: &mut E,
) -> io::Result<()> {
    let size = terminal
        .size()
        .map_err(|e| io::Error::other(e.to_string()))?;
    app::update(
        app,
        app::Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut last_idle = Instant::now();
    while !app.quit {
        terminal
            .draw(|f| crate::tui::view::draw(app, f))
            .map_err(|e| io::Error::other(e.to_string()))?;
        match events.next(POLL)? {
            Next::End => break,
            Next::Idle => {
                idle(app, io);
                last_idle = Instant::now();
            }
            Next::Event(ev) => {
                // Steady typing never leaves the poll idle; look for outside changes anyway.
                if last_idle.elapsed() >= POLL {
                    idle(app, io);
                    last_idle = Instant::now();
                }
                if let Some(action) = keys::action(app.key_mode(), &ev) {
                    // A key is also a chance to retry a save that failed.
                    if !app.pending.is_empty() && matches!(ev, Event::Key(_)) {
                        flush(app, io);
                    }
                    let effect = app::update(app, action);
                    perform(app, io, effect);
                }
            }
        }
    }
    Ok(())
}

/// Periodic work: retry pending saves, pick up another process's change.
pub fn idle(app: &mut App, io: &Io) {
    if !app.pending.is_empty() {
        flush(app, io);
    }
    if let Some(today) = io.clock.map(|clock| clock())
        && today != app.today
    {
        app.today = today;
        app.rebuild();
    }
    let paths = io.paths(app);
    let now = store::stamp(&paths.ledger);
    if now == app.stamp {
        return;
    }
    app.stamp = now;
    match store::read_ledger(&paths, &app.checklist.id, app.checklist.year) {
        Ok(ledger) => {
            // Also how an unreadable ledger, repaired meanwhile (`duty restore-backup`),
            // becomes editable again.
            if ledger != app.saved || app.load_error.is_some() {
                app.load_error = None;
                app.saved = ledger;
                app.rebuild();
                app.say(of(app.lang).reloaded);
            }
        }
        // Damaged: say so and keep showing what we have; never write over it.
        Err(e) => {
            let msg = e.message(app.lang);
            app.warn(format!("{} {msg}", of(app.lang).read_only_error));
            app.load_error = Some(msg);
        }
    }
}

fn ctx(app: &App) -> Ctx {
    Ctx {
        today: app.today,
        now: jiff::Timestamp::now(),
        user: app.user.clone(),
    }
}

/// Save the pending changes in order, each through the same path as the CLI.
pub fn flush(app: &mut App, io: &Io) {
    let paths = io.paths(app);
    while let Some(change) = app.pending.first().cloned() {
        let result = store::transact(&paths, &app.checklist, &ctx(app), |_, _| Ok(change));
        match result {
            Ok(saved) => {
                app.pending.remove(0);
                app.saved = saved.ledger;
                // The file's fingerprint is not taken here: another process may have saved
                // since our lock was released, and its change would then look like ours.
                // Forgetting the stamp makes the next idle check re-read the file once.
                app.stamp = None;
                app.say(of(app.lang).saved);
            }
            // Refused against the ledger on disk (e.g. closed meanwhile): drop it, say why.
            Err(StoreError::Change(e)) => {
                app.pending.remove(0);
                app.warn(e.message(app.lang));
            }
            Err(e) => {
                let reason = e.message(app.lang);
                app.warn(strings::save_failed(app.lang, &reason, app.pending.len()));
                break;
            }
        }
    }
    app.rebuild();
}

/// Carry out what `update` asked for.
pub fn perform(app: &mut App, io: &Io, effect: Effect) {
    match effect {
        Effect::None | Effect::Quit => {}
        Effect::Flush => flush(app, io),
        Effect::Undo => {
            let paths = io.paths(app);
            let result = store::transact(&paths, &app.checklist, &ctx(app), |_, history| {
                let history = history()?;
                let target = undo_target(&history).ok_or(ChangeError::NothingToUndo)?;
                Ok(undo_change(target))
            });
            match result {
                Ok(saved) => {
                    app.saved = saved.ledger;
                    app.stamp = None; // re-read once at the next idle check (see `flush`)
                    app.rebuild();
                    app.say(of(app.lang).undone);
                }
                Err(StoreError::Change(ChangeError::NothingToUndo)) => {
                    app.warn(of(app.lang).nothing_to_undo)
                }
                Err(e) => app.warn(e.message(app.lang)),
            }
        }
        Effect::Export(format) => match export(app, io, format) {
            Ok(path) => app.say(format!("{} {}", of(app.lang).exported, path.display())),
            Err(e) => app.warn(e.message(app.lang)),
        },
        Effect::SwitchYear(year) => switch_year(app, io, year),
    }
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Text => "txt",
        Format::Md => "md",
        Format::Docx => "docx",
        Format::Csv => "csv",
        Format::Json => "json",
    }
}

/// Write the section-three draft in `format` under a fresh name (never replacing a file):
/// into the export directory, or the data directory if that cannot be written.
fn export(app: &App, io: &Io, format: Format) -> Result<PathBuf, StoreError> {
    let input = report::Input {
        checklist: &app.checklist,
        ledger: &app.ledger,
        today: app.today,
        lang: app.lang,
    };
    let bytes = report::render(Document::Summary, format, &input);
    let stem = format!("{}-{}-section3", app.checklist.id, app.checklist.year);
    let write_in = |dir: &Path| -> Result<PathBuf, StoreError> {
        let mut n = 1;
        loop {
            let name = if n == 1 {
                format!("{stem}.{}", extension(format))
            } else {
                format!("{stem}-{n}.{}", extension(format))
            };
            let path = dir.join(name);
            match store::write_new_file(&path, &bytes, false) {
                Err(StoreError::Io { source, .. })
                    if source.kind() == io::ErrorKind::AlreadyExists && n < 1000 =>
                {
                    n += 1;
                }
                other => return other.map(|()| path),
            }
        }
    };
    write_in(&io.export_dir).or_else(|_| {
        store::ensure_dir(&io.data_dir)?;
        write_in(&io.data_dir)
    })
}

/// The checklist of `year` for a checklist that names its year: the file beside the current
/// one that `duty rollover` made (or came from), which must load and be of that year.
fn year_checklist(app: &App, io: &Io, year: i16) -> Result<crate::checklist::Checklist, String> {
    let lang = app.lang;
    let Some((path, opened)) = &io.checklist_file else {
        return Err(strings::no_year_file(lang, year, None));
    };
    // Named from the file the screen opened: from there, rollover's names lead both ways.
    let files = if year == *opened {
        vec![path.clone()]
    } else {
        crate::review::rollover::files_for_year(path, *opened, year)
    };
    let Some(file) = files.iter().find(|f| f.is_file()) else {
        return Err(strings::no_year_file(
            lang,
            year,
            files.first().map(PathBuf::as_path),
        ));
    };
    let origin = file.display().to_string();
    let bytes = store::read_checklist_bytes(file).map_err(|e| e.message(lang))?;
    match crate::checklist::load(&bytes, &origin, year, lang) {
        Ok(c) if c.year == year => Ok(c),
        Ok(c) => Err(strings::wrong_year_file(lang, file, c.year)),
        Err(diagnostics) => Err(strings::bad_year_file(lang, file, diagnostics.len())),
    }
}

/// Show another year: that year's checklist and ledger (read-only if closed).
fn switch_year(app: &mut App, io: &Io, year: i16) {
    if !app.pending.is_empty() {
        flush(app, io);
        if !app.pending.is_empty() {
            // Never leave unsaved changes behind under another year's name.
            return;
        }
    }
    let checklist = if app.checklist.year_explicit {
        // A checklist that names its year has one file per year, as `duty rollover` makes.
        match year_checklist(app, io, year) {
            Ok(checklist) => checklist,
            Err(message) => {
                app.warn(message);
                return;
            }
        }
    } else {
        let mut checklist = app.checklist.clone();
        checklist.year = year;
        checklist
    };
    let paths = LedgerPaths::new(&io.data_dir, &checklist.id, year);
    let ledger = store::read_ledger(&paths, &checklist.id, year);
    app.checklist = checklist;
    match ledger {
        Ok(l) => {
            app.load_error = None;
            app.saved = l;
            app.say(strings::switched_year(app.lang, year));
        }
        Err(e) => {
            let msg = e.message(app.lang);
            app.saved = crate::ledger::Ledger::new(&app.checklist.id, year);
            app.warn(format!("{} {msg}", of(app.lang).read_only_error));
            app.load_error = Some(msg);
        }
    }
    app.stamp = store::stamp(&paths.ledger);
    app.rebuild();
}
