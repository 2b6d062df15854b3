//! The event loop, generic over the ratatui backend and the event source, and the effects
//! it carries out through the session: resolving and saving changes, undo and redo,
//! export, switching year, and noticing another process's change to the ledger; evidence
//! files (attach, open) in [`files`].

mod files;

pub use files::Viewers;

use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};

use crate::i18n::screen::{self as strings, of};
use crate::ledger::{ChangeError, Op};
use crate::report::{self, Document, Format};
use crate::session::{OpenError, Session};
use crate::store::{self, StoreError};
use crate::tui::app::{self, App, Confirm, Effect, Mode};
use crate::tui::keys;

/// How long to wait for an event before checking the ledger's files and retrying a failed save.
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

/// The real terminal's events, until `stop` is raised (by SIGTERM, SIGHUP or SIGINT).
pub struct TerminalEvents {
    pub stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Next> {
        use std::sync::atomic::Ordering;
        // Short polls, so a signal ends the screen at once rather than after a long wait.
        let step = Duration::from_millis(100).min(timeout);
        let mut waited = Duration::ZERO;
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return Ok(Next::End);
            }
            if event::poll(step)? {
                return Ok(Next::Event(event::read()?));
            }
            waited += step;
            if waited >= timeout {
                return Ok(Next::Idle);
            }
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

/// Draw, wait for an event, update, carry out the effect; until quit or the events end.
pub fn run_loop<B: Backend, E: Events>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    session: &mut Session,
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
    let mut viewers = Viewers::default();
    while !app.quit {
        terminal
            .draw(|f| crate::tui::view::draw(app, f))
            .map_err(|e| io::Error::other(e.to_string()))?;
        match events.next(POLL)? {
            Next::End => break,
            Next::Idle => {
                idle(app, session);
                viewers.collect(app);
                last_idle = Instant::now();
            }
            Next::Event(ev) => {
                // Steady typing never leaves the poll idle; look for outside changes anyway.
                if last_idle.elapsed() >= POLL {
                    idle(app, session);
                    last_idle = Instant::now();
                }
                if let Some(action) = keys::action(app.key_mode(), &ev) {
                    // A key is also a chance to retry a save that failed.
                    if !app.pending.is_empty() && matches!(ev, Event::Key(_)) {
                        flush(app, session);
                    }
                    let effect = app::update(app, action);
                    perform(app, session, &mut viewers, effect);
                }
                viewers.collect(app);
            }
        }
    }
    Ok(())
}

/// Periodic work: retry pending saves, move to a new day, pick up another process's change.
pub fn idle(app: &mut App, session: &Session) {
    if !app.pending.is_empty() {
        flush(app, session);
    }
    if session.clock.follows_calendar() {
        let today = session.clock.today();
        if today != app.today {
            app.today = today;
            app.rebuild();
        }
    }
    let now = session.book().fingerprint();
    if Some(now) == app.fingerprint {
        return;
    }
    reload(app, session);
}

/// Read the ledger again after a change made elsewhere (or a repair).
fn reload(app: &mut App, session: &Session) {
    let w = session.words();
    match session.read() {
        Ok(opened) => {
            app.fingerprint = Some(opened.fingerprint);
            if opened.ledger != app.saved || app.load_error.is_some() {
                app.load_error = None;
                app.saved = opened.ledger;
                app.rebuild();
                app.say(of(app.lang).reloaded);
            }
        }
        // Damaged: say so and keep showing what we have; never write over it.
        Err(e) => {
            app.fingerprint = Some(session.book().fingerprint());
            let msg = w.store_error(&e);
            app.warn(format!("{} {msg}", of(app.lang).read_only_error));
            app.load_error = Some(msg);
        }
    }
}

/// Save the pending changes in order, each as it was resolved.
pub fn flush(app: &mut App, session: &Session) {
    let w = session.words();
    while let Some(proposal) = app.pending.first().cloned() {
        match session.commit(proposal) {
            Ok(committed) => {
                app.pending.remove(0);
                app.saved = committed.ledger;
                app.fingerprint = Some(committed.fingerprint);
                match committed.notes.first() {
                    Some(note) => app.warn(w.note(note)),
                    None => app.say(of(app.lang).saved),
                }
            }
            // Refused against the ledger on disk (changed elsewhere, closed meanwhile):
            // dropped, said, and the ledger read again to show what is there now.
            Err(StoreError::Change(e)) => {
                app.pending.remove(0);
                app.warn(w.change_error(&e));
                app.fingerprint = None;
            }
            Err(e) => {
                let reason = w.store_error(&e);
                app.warn(strings::save_failed(app.lang, &reason, app.pending.len()));
                break;
            }
        }
    }
    app.rebuild();
}

/// Carry out what `update` asked for.
pub fn perform(app: &mut App, session: &mut Session, viewers: &mut Viewers, effect: Effect) {
    let w = session.words();
    match effect {
        Effect::None | Effect::Quit => {}
        Effect::Propose(proposed) => {
            let (change, base) = *proposed;
            let view = app.view_with(base.as_ref());
            match session.resolve(&view, &change) {
                Err(e) => app.warn(w.change_error(&e)),
                Ok(proposal) => {
                    let detached = match &proposal.op {
                        Op::Detach { file, .. } => Some(file.name.clone()),
                        _ => None,
                    };
                    if app.accept(proposal) {
                        flush(app, session);
                        // Saved without a warning: say which file went, and how to undo it.
                        if let Some(name) = detached
                            && app.pending.is_empty()
                            && app.message.as_ref().is_some_and(|m| !m.error)
                        {
                            app.say(w.detached_here(&name));
                        }
                    } else {
                        let item = base.map(|b| b.item);
                        app.warn(w.change_error(&ChangeError::Changed { item }));
                    }
                }
            }
        }
        Effect::Flush => flush(app, session),
        Effect::AskUndo { redo } => {
            let preview = if redo {
                session.redo_preview()
            } else {
                session.undo_preview()
            };
            match preview {
                Ok(Some(target)) => {
                    let title = |item: &str| {
                        session
                            .checklist
                            .item(item)
                            .map_or_else(|| item.to_string(), |i| i.title.clone())
                    };
                    let what = w.undo_question(
                        target.seq,
                        &w.describe(&target.op, &title),
                        &target.by,
                        &session.clock.local_minute(target.at),
                        redo,
                    );
                    app.mode = Mode::Confirm(Confirm::Undo {
                        seq: target.seq,
                        what,
                        redo,
                    });
                }
                Ok(None) => app.warn(w.change_error(&if redo {
                    ChangeError::NothingToRedo
                } else {
                    ChangeError::NothingToUndo
                })),
                Err(e) => app.warn(w.store_error(&e)),
            }
        }
        Effect::Undo { seq, redo } => {
            let result = if redo {
                session.redo(Some(seq))
            } else {
                session.undo(Some(seq))
            };
            match result {
                Ok(committed) => {
                    app.saved = committed.ledger;
                    app.fingerprint = Some(committed.fingerprint);
                    app.rebuild();
                    let done = if redo {
                        w.redone_short(seq)
                    } else {
                        w.undone_short(seq)
                    };
                    app.say(done);
                }
                Err(e) => {
                    app.warn(w.store_error(&e));
                    app.fingerprint = None;
                }
            }
        }
        Effect::Export(format) => match export(app, session, format) {
            Ok(path) => app.say(format!("{} {}", of(app.lang).exported, path.display())),
            Err(e) => app.warn(w.store_error(&e)),
        },
        Effect::SwitchYear(year) => switch_year(app, session, year),
        Effect::CheckAttach(ask) => files::check_attach(app, session, *ask),
        Effect::Attach(request) => files::attach(app, session, &request),
        Effect::Open { item, n } => files::open(app, session, viewers, &item, n),
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
/// into the current directory, or the data directory if that cannot be written.
fn export(app: &App, session: &Session, format: Format) -> Result<PathBuf, StoreError> {
    let input = report::Input {
        checklist: &app.checklist,
        ledger: &app.ledger,
        today: app.today,
        lang: app.lang,
    };
    let author = report::Options {
        author: &session.user,
        ..Default::default()
    };
    let bytes = report::render_with(Document::Summary, format, &input, author);
    let stem = format!("{}-{}-section3", app.checklist.id, app.checklist.year);
    let write_in = |dir: &Path| -> Result<PathBuf, StoreError> {
        for n in 1..1000 {
            let name = if n == 1 {
                format!("{stem}.{}", extension(format))
            } else {
                format!("{stem}-{n}.{}", extension(format))
            };
            let path = dir.join(name);
            match store::write_new(&path, &bytes, false) {
                Err(StoreError::Io { source, .. })
                    if source.kind() == io::ErrorKind::AlreadyExists => {}
                other => return other.map(|()| path),
            }
        }
        Err(StoreError::Io {
            op: store::IoOp::Write,
            path: dir.join(format!("{stem}.{}", extension(format))),
            source: io::Error::from(io::ErrorKind::AlreadyExists),
        })
    };
    let here = std::env::current_dir().unwrap_or_else(|_| session.data_dir.clone());
    write_in(&here).or_else(|_| {
        store::ensure_dir(&session.data_dir)?;
        write_in(&session.data_dir)
    })
}

/// Show another year: that year's checklist and ledger (read-only if closed).
fn switch_year(app: &mut App, session: &mut Session, year: i16) {
    if !app.pending.is_empty() {
        flush(app, session);
        if !app.pending.is_empty() {
            // Never leave unsaved changes behind under another year's name.
            return;
        }
    }
    let lang = app.lang;
    let other = match session.for_year(year) {
        Ok(other) => other,
        Err(OpenError::YearMismatch { looked_for, .. }) => {
            app.warn(strings::no_year_file(
                lang,
                year,
                looked_for.first().map(PathBuf::as_path),
            ));
            return;
        }
        Err(OpenError::Checklist(diagnostics)) => {
            let file = session.checklist_path.clone().unwrap_or_default();
            app.warn(strings::bad_year_file(lang, &file, diagnostics.len()));
            return;
        }
        Err(OpenError::Store(e)) => {
            app.warn(session.words().store_error(&e));
            return;
        }
    };
    *session = other;
    app.checklist = session.checklist.clone();
    match session.read() {
        Ok(opened) => {
            app.load_error = None;
            app.saved = opened.ledger;
            app.fingerprint = Some(opened.fingerprint);
            app.say(strings::switched_year(lang, year));
        }
        Err(e) => {
            let msg = session.words().store_error(&e);
            app.saved = crate::ledger::Ledger::new(&app.checklist.id, year);
            app.fingerprint = Some(session.book().fingerprint());
            app.warn(format!("{} {msg}", of(lang).read_only_error));
            app.load_error = Some(msg);
        }
    }
    app.rebuild();
}
