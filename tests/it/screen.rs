//! The screen, headless (library only, not through `DUTY_BIN`): the real app and event loop
//! (`tui::open`, `runner::run_loop`) on ratatui's `TestBackend`, fed scripted events; whole
//! screens as snapshots in both languages, the style of key cells, tiny terminals, forms,
//! confirmations (remove, untick, undo, redo, quit), saves that fail and are retried with the
//! change as it was shown (the entry-id regression), other processes' changes, read-only
//! ledgers, years, the mouse, and random input.
//!
//! This module holds the headless [`Screen`] and the keys to drive it; the tests are in one
//! module per area.

mod confirm;
mod files;
mod forms;
mod input;
mod look;
mod pages;
mod saving;
mod years;

use std::collections::VecDeque;

use duty::checklist::Kind;
use duty::i18n::Lang;
use duty::ledger::{Change, Ledger};
use duty::session::{Options, Session};
use duty::tui::app::{App, Confirm, Mode};
use duty::tui::runner::{self, Script};
use duty::tui::theme::Theme;
use jiff::civil::date;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use ratatui::style::{Color, Modifier};

use crate::harness::{Home, repo};

const TODAY: &str = "2024-11-27";

/// A screen on a home's session, in colour, drawn on a `TestBackend`.
struct Screen {
    home: Home,
    session: Session,
    app: App,
    term: Terminal<TestBackend>,
}

impl Screen {
    /// The built-in checklist in a fresh home on [`TODAY`].
    fn new(lang: Lang, w: u16, h: u16) -> Screen {
        Screen::in_home(Home::in_lang(lang).on(TODAY), w, h)
    }

    fn in_home(home: Home, w: u16, h: u16) -> Screen {
        let session = home.session();
        Screen::with_session(home, session, w, h)
    }

    fn with_session(home: Home, session: Session, w: u16, h: u16) -> Screen {
        let mut app = duty::tui::open(&session);
        app.theme = Theme {
            mono: false,
            ascii: false,
        };
        Screen {
            home,
            session,
            app,
            term: Terminal::new(TestBackend::new(w, h)).unwrap(),
        }
    }

    /// Feed events (`None`: a poll interval with no event), then draw the final state.
    fn run(&mut self, events: Vec<Option<Event>>) {
        let mut script = Script(VecDeque::from(events));
        runner::run_loop(
            &mut self.term,
            &mut self.app,
            &mut self.session,
            &mut script,
        )
        .unwrap();
        // TestBackend keeps the cell after a newly drawn wide glyph as it was (a terminal
        // would cover it), so snapshot a full redraw rather than the accumulated diffs.
        self.term.clear().unwrap();
        self.term
            .draw(|f| duty::tui::view::draw(&self.app, f))
            .unwrap();
    }

    fn keys(&mut self, keys: &[Event]) {
        self.run(keys.iter().cloned().map(Some).collect());
    }

    fn screen(&self) -> String {
        self.term.backend().to_string()
    }

    /// The ledger on disk, of the year shown.
    fn disk(&self) -> Ledger {
        self.home.ledger(self.app.checklist.year)
    }

    fn said(&self) -> String {
        self.app
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    }

    /// Another process (another officer's `duty`) makes `change`.
    fn outside(&self, change: Change) {
        let other = self.home.session_with(Options {
            login: Some("李四".into()),
            ..Options::default()
        });
        other.change(&change).unwrap();
    }
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn text(s: &str) -> Vec<Event> {
    s.chars().map(ch).collect()
}

fn cat(parts: &[&[Event]]) -> Vec<Event> {
    parts.iter().flat_map(|p| p.iter().cloned()).collect()
}

/// The index of the first row whose text contains `needle`.
fn row_of(screen: &str, needle: &str) -> u16 {
    screen
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("'{needle}' not on screen:\n{screen}")) as u16
}

/// Tick the first duty, log a session on the third item: a screen with some content.
fn with_progress(lang: Lang, w: u16, h: u16) -> Screen {
    let mut s = Screen::new(lang, w, h);
    let keys = cat(&[
        &[ch(' '), ch('j'), ch('j'), ch('a')],
        &text("学习宪法修正案"),
        &[key(KeyCode::Enter), ch('g')],
    ]);
    s.keys(&keys);
    s
}
