//! The keymap: a pure function from the current key mode and a terminal event to an action.
//!
//! Only key *presses* count (Windows also reports releases, which would act twice).

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};
use tui_input::InputRequest;

use crate::tui::app::{Action, KeyMode};

/// The action a terminal event asks for in `mode`, if any.
pub fn action(mode: KeyMode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(mode, *key),
        Event::Paste(text) if mode == KeyMode::Text => Some(Action::Paste(text.clone())),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(Action::Click {
                x: m.column,
                y: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                down: false,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// The action of one key press in `mode`.
pub fn key_action(mode: KeyMode, key: KeyEvent) -> Option<Action> {
    use Action as A;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(A::Quit);
    }
    let moves = |code: KeyCode| match code {
        KeyCode::Up | KeyCode::Char('k') => Some(A::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(A::Down),
        KeyCode::PageUp => Some(A::PageUp),
        KeyCode::PageDown => Some(A::PageDown),
        KeyCode::Home | KeyCode::Char('g') => Some(A::Top),
        KeyCode::End | KeyCode::Char('G') => Some(A::Bottom),
        _ => None,
    };
    if mode == KeyMode::Normal && ctrl && key.code == KeyCode::Char('r') {
        return Some(A::Redo);
    }
    match mode {
        KeyMode::Normal => moves(key.code).or(match key.code {
            KeyCode::Tab => Some(A::NextPane),
            KeyCode::BackTab => Some(A::PrevPane),
            KeyCode::Left | KeyCode::Char('h') => Some(A::Left),
            KeyCode::Right | KeyCode::Char('l') => Some(A::Right),
            KeyCode::Char(' ') => Some(A::Toggle),
            KeyCode::Enter => Some(A::Activate),
            KeyCode::Char('a') => Some(A::Log),
            KeyCode::Char('x') | KeyCode::Char('d') | KeyCode::Delete => Some(A::RemoveEntry),
            KeyCode::Char('r') => Some(A::Rate),
            KeyCode::Char('n') => Some(A::Note),
            KeyCode::Char('e') => Some(A::Evidence),
            KeyCode::Char('f') => Some(A::CycleFilter),
            KeyCode::Char('o') => Some(A::CycleOwner),
            KeyCode::Char('E') => Some(A::EditEntry),
            KeyCode::Char('A') => Some(A::Attach),
            KeyCode::Char('O') => Some(A::OpenFile),
            KeyCode::Char('D') => Some(A::Detach),
            KeyCode::Char('/') => Some(A::Search),
            KeyCode::Char('u') => Some(A::Undo),
            KeyCode::Char('U') => Some(A::Redo),
            KeyCode::Char('?') => Some(A::Help),
            KeyCode::Char('s') => Some(A::Summary),
            KeyCode::Char('v') => Some(A::Review),
            KeyCode::Char('y') => Some(A::Year),
            KeyCode::Char('q') => Some(A::Quit),
            KeyCode::Esc => Some(A::Cancel),
            _ => None,
        }),
        KeyMode::Text => match key.code {
            KeyCode::Enter => Some(A::Submit),
            KeyCode::Esc => Some(A::Cancel),
            KeyCode::Tab | KeyCode::Down => Some(A::NextField),
            KeyCode::BackTab | KeyCode::Up => Some(A::PrevField),
            KeyCode::Backspace if ctrl => Some(A::Edit(InputRequest::DeletePrevWord)),
            KeyCode::Backspace => Some(A::Edit(InputRequest::DeletePrevChar)),
            KeyCode::Delete => Some(A::Edit(InputRequest::DeleteNextChar)),
            KeyCode::Left => Some(A::Edit(InputRequest::GoToPrevChar)),
            KeyCode::Right => Some(A::Edit(InputRequest::GoToNextChar)),
            KeyCode::Home => Some(A::Edit(InputRequest::GoToStart)),
            KeyCode::End => Some(A::Edit(InputRequest::GoToEnd)),
            KeyCode::Char('a') if ctrl => Some(A::Edit(InputRequest::GoToStart)),
            KeyCode::Char('e') if ctrl => Some(A::Edit(InputRequest::GoToEnd)),
            KeyCode::Char('u') if ctrl => Some(A::Edit(InputRequest::DeleteLine)),
            KeyCode::Char('w') if ctrl => Some(A::Edit(InputRequest::DeletePrevWord)),
            KeyCode::Char(_) if ctrl => None,
            KeyCode::Char(c) => Some(A::Edit(InputRequest::InsertChar(c))),
            _ => None,
        },
        KeyMode::Confirm => match key.code {
            KeyCode::Char('y') | KeyCode::Char('Y') => Some(A::Yes),
            KeyCode::Char('n') | KeyCode::Char('N') => Some(A::No),
            KeyCode::Esc => Some(A::Cancel),
            _ => None,
        },
        KeyMode::Help => match key.code {
            KeyCode::Char('?') => Some(A::Help),
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => Some(A::Cancel),
            _ => None,
        },
        KeyMode::Scroll => moves(key.code).or(match key.code {
            KeyCode::Char('p') => Some(A::Export),
            KeyCode::Char('s') => Some(A::Summary),
            KeyCode::Char('v') => Some(A::Review),
            KeyCode::Esc | KeyCode::Char('q') => Some(A::Cancel),
            _ => None,
        }),
        KeyMode::Pick => moves(key.code).or(match key.code {
            KeyCode::Char(c @ '1'..='9') => Some(A::Choose(usize::from(c as u8 - b'0'))),
            KeyCode::Enter => Some(A::Submit),
            KeyCode::Esc | KeyCode::Char('q') => Some(A::Cancel),
            _ => None,
        }),
        KeyMode::Menu => moves(key.code).or(match key.code {
            KeyCode::Enter => Some(A::Submit),
            KeyCode::Esc | KeyCode::Char('q') => Some(A::Cancel),
            _ => None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn only_presses_act() {
        let press = key(KeyCode::Char('j'), KeyEventKind::Press);
        let release = key(KeyCode::Char('j'), KeyEventKind::Release);
        assert_eq!(action(KeyMode::Normal, &press), Some(Action::Down));
        assert_eq!(action(KeyMode::Normal, &release), None);
    }

    #[test]
    fn letters_are_text_in_forms_and_commands_elsewhere() {
        let q = key(KeyCode::Char('q'), KeyEventKind::Press);
        assert_eq!(action(KeyMode::Normal, &q), Some(Action::Quit));
        assert_eq!(
            action(KeyMode::Text, &q),
            Some(Action::Edit(InputRequest::InsertChar('q')))
        );
    }

    #[test]
    fn digits_pick_a_file_and_capitals_work_with_files() {
        let press = |c| key(KeyCode::Char(c), KeyEventKind::Press);
        assert_eq!(action(KeyMode::Pick, &press('3')), Some(Action::Choose(3)));
        assert_eq!(
            action(KeyMode::Pick, &press('0')),
            None,
            "files count from 1"
        );
        assert_eq!(action(KeyMode::Pick, &press('j')), Some(Action::Down));
        assert_eq!(action(KeyMode::Normal, &press('3')), None);
        assert_eq!(action(KeyMode::Normal, &press('A')), Some(Action::Attach));
        assert_eq!(action(KeyMode::Normal, &press('O')), Some(Action::OpenFile));
        assert_eq!(action(KeyMode::Normal, &press('D')), Some(Action::Detach));
        // Lower case keeps its meaning: log, office, remove an entry.
        assert_eq!(action(KeyMode::Normal, &press('a')), Some(Action::Log));
        assert_eq!(
            action(KeyMode::Normal, &press('o')),
            Some(Action::CycleOwner)
        );
        assert_eq!(
            action(KeyMode::Normal, &press('d')),
            Some(Action::RemoveEntry)
        );
    }

    #[test]
    fn paste_only_reaches_text_fields() {
        let paste = Event::Paste("宪法".into());
        assert_eq!(action(KeyMode::Normal, &paste), None);
        assert_eq!(
            action(KeyMode::Text, &paste),
            Some(Action::Paste("宪法".into()))
        );
    }
}
