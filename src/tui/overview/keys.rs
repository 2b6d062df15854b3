//! The overview screen's keymap: a pure function from the key mode and a terminal event to
//! an action. Only key presses count (Windows also reports releases).

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};
use tui_input::InputRequest;

use super::state::{Action, KeyMode, Page};

pub fn action(mode: KeyMode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(mode, *key),
        Event::Paste(text) if mode == KeyMode::Text => Some(Action::Paste(text.clone())),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Down),
            MouseEventKind::ScrollUp => Some(Action::Up),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

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
        KeyCode::PageDown | KeyCode::Char(' ') => Some(A::PageDown),
        KeyCode::Home | KeyCode::Char('g') => Some(A::Top),
        KeyCode::End | KeyCode::Char('G') => Some(A::Bottom),
        _ => None,
    };
    match mode {
        KeyMode::Normal => moves(key.code).or(match key.code {
            KeyCode::Left | KeyCode::Char('h') => Some(A::Left),
            KeyCode::Right | KeyCode::Char('l') => Some(A::Right),
            KeyCode::Enter => Some(A::Open),
            KeyCode::Tab => Some(A::NextPage),
            KeyCode::Char('1') => Some(A::Page(Page::Units)),
            KeyCode::Char('2') | KeyCode::Char('m') => Some(A::Page(Page::Matrix)),
            KeyCode::Char('3') | KeyCode::Char('i') => Some(A::Page(Page::Files)),
            KeyCode::Char('4') | KeyCode::Char('n') => Some(A::Page(Page::Notice)),
            KeyCode::Char('f') => Some(A::CycleFilter),
            KeyCode::Char('s') => Some(A::CycleSort),
            KeyCode::Char('/') => Some(A::Search),
            KeyCode::Char('?') => Some(A::Help),
            KeyCode::Char('q') => Some(A::Quit),
            KeyCode::Esc => Some(A::Cancel),
            _ => None,
        }),
        KeyMode::Detail => moves(key.code).or(match key.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Backspace | KeyCode::Enter => {
                Some(A::Cancel)
            }
            _ => None,
        }),
        KeyMode::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('?') | KeyCode::Enter => {
                Some(A::Cancel)
            }
            _ => None,
        },
        KeyMode::Text => match key.code {
            KeyCode::Enter => Some(A::Submit),
            KeyCode::Esc => Some(A::Cancel),
            KeyCode::Backspace => Some(A::Edit(InputRequest::DeletePrevChar)),
            KeyCode::Delete => Some(A::Edit(InputRequest::DeleteNextChar)),
            KeyCode::Left => Some(A::Edit(InputRequest::GoToPrevChar)),
            KeyCode::Right => Some(A::Edit(InputRequest::GoToNextChar)),
            KeyCode::Home => Some(A::Edit(InputRequest::GoToStart)),
            KeyCode::End => Some(A::Edit(InputRequest::GoToEnd)),
            KeyCode::Char('u') if ctrl => Some(A::Edit(InputRequest::DeleteLine)),
            KeyCode::Char(_) if ctrl => None,
            KeyCode::Char(c) => Some(A::Edit(InputRequest::InsertChar(c))),
            _ => None,
        },
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
    fn only_presses_act_and_letters_are_text_when_typing() {
        let j = key(KeyCode::Char('j'), KeyEventKind::Press);
        assert_eq!(action(KeyMode::Normal, &j), Some(Action::Down));
        let release = key(KeyCode::Char('j'), KeyEventKind::Release);
        assert_eq!(action(KeyMode::Normal, &release), None);
        assert_eq!(
            action(KeyMode::Text, &j),
            Some(Action::Edit(InputRequest::InsertChar('j')))
        );
        let q = key(KeyCode::Char('q'), KeyEventKind::Press);
        assert_eq!(action(KeyMode::Detail, &q), Some(Action::Cancel));
        assert_eq!(action(KeyMode::Normal, &q), Some(Action::Quit));
    }
}
