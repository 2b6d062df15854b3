//! The runner's evidence effects, through the session as the command line goes: looking at
//! the files the attach form names, attaching them (`duty attach`), and opening one with the
//! system's viewer (`duty open`) without holding up the screen. The checked copy is made and
//! the viewer started on a thread of their own (a large scan takes a while to copy and
//! re-hash), the viewer with nothing to read or write on the terminal (its input and output
//! go nowhere), and what became of it is said on the status line once it is known.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use crate::evidence::{Attached, Request};
use crate::ledger::Ledger;
use crate::session::Session;
use crate::store::evidence::{EvidenceError, launch};
use crate::tui::app::{App, Confirm, Mode};
use crate::tui::form::AttachAsk;

/// How long a viewer has to say it failed (`xdg-open` without a desktop exits at once with
/// an error); one still running then is taken as opened, as `duty open` takes it.
const VIEWER_WAIT: Duration = Duration::from_secs(2);

/// Viewers started and not yet heard from.
#[derive(Default)]
pub struct Viewers {
    running: Vec<Receiver<Launched>>,
}

/// What became of one: the file's name and the copy opened, or why not.
type Launched = Result<(String, PathBuf), EvidenceError>;

impl Viewers {
    /// Copy file `n` of `item` (as `ledger` has it) for the viewer and start it, in the
    /// background.
    fn start(&mut self, session: &Session, ledger: &Ledger, item: &str, n: usize) {
        let (tx, rx) = mpsc::channel();
        let (session, ledger, item) = (session.clone(), ledger.clone(), item.to_string());
        std::thread::spawn(move || {
            let launched = session
                .viewer_copy(&ledger, &item, Some(n))
                .and_then(|(copy, file)| {
                    launch(&copy, crate::evidence::opener(), VIEWER_WAIT)?;
                    Ok((file.name, copy))
                });
            let _ = tx.send(launched);
        });
        self.running.push(rx);
    }

    /// Say what became of the viewers heard from since last asked.
    pub fn collect(&mut self, app: &mut App) {
        let w = app.lang.words();
        self.running.retain(|rx| match rx.try_recv() {
            Ok(launched) => {
                match launched {
                    Ok((name, copy)) => app.say(w.opened(&name, &copy)),
                    Err(e) => app.warn(w.evidence_error(&e)),
                }
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
    }
}

/// Open file `n` of `item`: said at once, copied (a damaged or missing stored file is said
/// when found) and handed to the viewer in the background.
pub(super) fn open(app: &mut App, session: &Session, viewers: &mut Viewers, item: &str, n: usize) {
    let name = crate::evidence::files_of(&app.ledger, item)
        .get(n.wrapping_sub(1))
        .map(|f| f.name.clone());
    if let Some(name) = name {
        app.say(session.words().opening(&name));
    }
    // A number that names no file is refused by `viewer_copy`, worded as `duty open` says it.
    viewers.start(session, &app.ledger, item, n);
}

/// Look at the files the form names before asking: each must be there, a file, and within
/// the limit, as `duty attach` checks them. A fault is said with the form still open.
pub(super) fn check_attach(app: &mut App, session: &Session, ask: AttachAsk) {
    match files_named(session, &ask) {
        Err(e) => app.warn(session.words().evidence_error(&e)),
        Ok(files) => {
            let Mode::Form(form) = std::mem::replace(&mut app.mode, Mode::Normal) else {
                return;
            };
            app.parked = Some(form);
            app.mode = Mode::Confirm(Confirm::Attach {
                request: Box::new(Request {
                    item: ask.item,
                    entry: ask.entry,
                    date: ask.date,
                    files,
                }),
            });
        }
    }
}

/// The files the form names: the whole text when it names a file (a name may hold blanks),
/// else the text split into paths; `~` is the home folder, as a shell would have it.
fn files_named(session: &Session, ask: &AttachAsk) -> Result<Vec<PathBuf>, EvidenceError> {
    let store = session.evidence_store();
    let limit = session.evidence_limit();
    if ask.split != [ask.whole.clone()] {
        let whole = home_expanded(&ask.whole);
        if store.check_source(&whole, limit).is_ok() {
            return Ok(vec![whole]);
        }
    }
    let files: Vec<PathBuf> = ask.split.iter().map(|p| home_expanded(p)).collect();
    for f in &files {
        store.check_source(f, limit)?;
    }
    Ok(files)
}

fn home_expanded(p: &Path) -> PathBuf {
    match (p.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => p.to_path_buf(),
    }
}

/// Attach as `duty attach` does (stored first, then referred to in one change, so `u`
/// undoes it as `duty undo` would). Done, the form closes; a fault keeps it open.
pub(super) fn attach(app: &mut App, session: &Session, request: &Request) {
    // The attach goes to disk at once: changes still waiting go first, in their order.
    if !app.pending.is_empty() {
        super::flush(app, session);
        if !app.pending.is_empty() {
            return;
        }
    }
    let w = session.words();
    let Attached { files, committed } = match session.attach(request) {
        Ok(a) => a,
        Err(e) => {
            app.warn(w.evidence_error(&e));
            return;
        }
    };
    let mut note = None;
    if let Some(c) = committed {
        app.saved = c.ledger;
        app.fingerprint = Some(c.fingerprint);
        note = c.notes.first().map(|n| w.note(n));
    }
    app.rebuild();
    app.mode = Mode::Normal;
    app.form_base = None;
    let title = session
        .checklist
        .item(&request.item)
        .map_or_else(|| request.item.clone(), |i| i.title.clone());
    match (note, files.as_slice()) {
        (Some(note), _) => app.warn(note),
        (None, [one]) => app.say(w.attached(&title, one)),
        (None, several) => {
            let names: Vec<&str> = several.iter().map(|f| f.attachment.name.as_str()).collect();
            app.say(w.attached_several(&title, &names));
        }
    }
}
