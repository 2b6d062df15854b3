//! Evidence files from the screen: the attach form (filled with the entry selected in the
//! details pane), opening a file (the one selected there, the only one, or one picked), and
//! taking one off, asked first. The files themselves are stored, opened and referred to by
//! the runner through the session, as `duty attach`, `duty open` and `duty detach` do.

use crate::ledger::Change;
use crate::tui::form::FormKind;

use super::{Action, App, Confirm, Effect, Focus, Mode, PickFor};

impl App {
    pub(super) fn open_attach(&mut self) {
        let Some(item) = self.selected_item() else {
            return;
        };
        let record = self.ledger.record(&item.id);
        let entries = record.map_or_else(Vec::new, |r| {
            r.entries
                .iter()
                .map(|e| e.id.to_string())
                .collect::<Vec<_>>()
        });
        // The entry selected in the details pane is the one the files are for, unless the
        // officer clears the field (then they are for the item as a whole).
        let selected = record
            .filter(|_| self.focus == Focus::Details)
            .and_then(|r| r.entries.get(self.entry_cursor))
            .map(|e| e.id.to_string())
            .unwrap_or_default();
        self.open_form(FormKind::Attach { entries }, &["", &selected, ""]);
    }

    /// `O`: the file selected in the details pane, else the only one, else a picker.
    pub(super) fn open_file(&mut self) -> Effect {
        let Some(item) = self.selected_item() else {
            return Effect::None;
        };
        let (id, title) = (item.id.clone(), item.title.clone());
        if let Some((n, _)) = self.selected_file() {
            return Effect::Open { item: id, n };
        }
        match self.files().len() {
            0 => self.warn(self.lang.words().no_files_to_use(&title)),
            1 => return Effect::Open { item: id, n: 1 },
            _ => {
                self.mode = Mode::Pick {
                    purpose: PickFor::Open,
                    item: id,
                    choice: 0,
                }
            }
        }
        Effect::None
    }

    /// `D` (or `x` on a file in the details pane): ask before taking the selected file off;
    /// with none selected, the only one, else pick one first.
    pub(super) fn detach_file(&mut self) {
        if let Some(refusal) = self.refusal() {
            self.warn(refusal);
            return;
        }
        let Some(item) = self.selected_item() else {
            return;
        };
        let (id, title) = (item.id.clone(), item.title.clone());
        let file = match self.selected_file() {
            Some((_, f)) => Some(f.clone()),
            None => match self.files().as_slice() {
                [] => {
                    self.warn(self.lang.words().no_files_to_use(&title));
                    return;
                }
                [one] => Some((*one).clone()),
                _ => None,
            },
        };
        self.mode = match file {
            Some(file) => Mode::Confirm(Confirm::Detach { item: id, file }),
            None => Mode::Pick {
                purpose: PickFor::Detach,
                item: id,
                choice: 0,
            },
        };
    }

    /// A key in the file picker.
    pub(super) fn pick(
        &mut self,
        purpose: PickFor,
        item: String,
        choice: usize,
        action: Action,
    ) -> Effect {
        let count = crate::evidence::files_of(&self.ledger, &item).len();
        let last = count.saturating_sub(1);
        let chosen = match action {
            Action::Choose(n) if (1..=count).contains(&n) => Some(n),
            Action::Submit if count > 0 => Some(choice.min(last) + 1),
            Action::Cancel => return Effect::None,
            _ => None,
        };
        let Some(n) = chosen else {
            let choice = match action {
                Action::Up => choice.saturating_sub(1),
                Action::Down => (choice + 1).min(last),
                Action::Top | Action::PageUp => 0,
                Action::Bottom | Action::PageDown => last,
                _ => choice,
            };
            self.mode = Mode::Pick {
                purpose,
                item,
                choice,
            };
            return Effect::None;
        };
        match purpose {
            PickFor::Open => Effect::Open { item, n },
            PickFor::Detach => {
                let file = crate::evidence::files_of(&self.ledger, &item)
                    .get(n - 1)
                    .map(|f| (*f).clone());
                if let Some(file) = file {
                    self.mode = Mode::Confirm(Confirm::Detach { item, file });
                }
                Effect::None
            }
        }
    }

    /// The answer to "take this file off?": the change names the file by its entry and
    /// hash, so it takes off exactly the one shown (or is refused if it went meanwhile).
    pub(super) fn detach_confirmed(
        &mut self,
        item: String,
        file: crate::ledger::Attachment,
    ) -> Effect {
        self.propose(
            Change::Detach {
                item,
                entry: file.entry,
                sha256: file.sha256,
            },
            None,
        )
    }
}
