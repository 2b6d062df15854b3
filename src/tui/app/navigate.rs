//! Moving about: the cursor of each pane, keeping it in view, and the mouse (clicks select,
//! the wheel scrolls the pane under it).

use crate::tui::view;

use super::{App, Focus};

impl App {
    /// Rows the items pane can show at the current size.
    pub fn page(&self) -> usize {
        view::layout(self.width, self.height)
            .map_or(1, |l| usize::from(l.items.height.saturating_sub(2)).max(1))
    }

    pub(super) fn section_page(&self) -> usize {
        view::layout(self.width, self.height).map_or(1, |l| {
            usize::from(l.sections.height.saturating_sub(2)).max(1)
        })
    }

    pub(super) fn scroll_into_view(&mut self) {
        let page = self.page();
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + page {
            self.offset = self.cursor + 1 - page;
        }
        let max = self.visible.len().saturating_sub(page);
        self.offset = self.offset.min(max);
        let spage = self.section_page();
        if self.section_cursor < self.section_offset {
            self.section_offset = self.section_cursor;
        } else if self.section_cursor >= self.section_offset + spage {
            self.section_offset = self.section_cursor + 1 - spage;
        }
    }

    pub fn entries_len(&self) -> usize {
        self.selected_item()
            .and_then(|i| self.ledger.record(&i.id))
            .map_or(0, |r| r.entries.len())
    }

    /// The files of the selected item, numbered (from 1) as `duty evidence` numbers them.
    pub fn files(&self) -> Vec<&crate::ledger::Attachment> {
        self.selected_item()
            .map_or_else(Vec::new, |i| crate::evidence::files_of(&self.ledger, &i.id))
    }

    /// The file under the details pane's cursor (which passes the entries, then the files):
    /// its number (from 1) and the file.
    pub fn selected_file(&self) -> Option<(usize, &crate::ledger::Attachment)> {
        if self.focus != Focus::Details {
            return None;
        }
        let at = self.entry_cursor.checked_sub(self.entries_len())?;
        self.files().get(at).map(|f| (at + 1, *f))
    }

    /// Move the cursor of the focused pane by `delta` (clamped).
    pub(super) fn move_by(&mut self, delta: isize) {
        let step = |cur: usize, len: usize| -> usize {
            if len == 0 {
                0
            } else {
                cur.saturating_add_signed(delta).min(len - 1)
            }
        };
        match self.focus {
            Focus::Items => {
                self.cursor = step(self.cursor, self.visible.len());
                self.entry_cursor = 0;
            }
            Focus::Sections => {
                let keep = self.selected().map(|r| (r.section, r.item));
                self.section_cursor = step(self.section_cursor, self.checklist.sections.len() + 1);
                self.refilter(keep);
            }
            Focus::Details => {
                let len = self.entries_len() + self.files().len();
                self.entry_cursor = step(self.entry_cursor, len);
            }
        }
        self.scroll_into_view();
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let Some(l) = view::layout(self.width, self.height) else {
            return;
        };
        let inside = |r: ratatui::layout::Rect| {
            x > r.x && x + 1 < r.right() && y > r.y && y + 1 < r.bottom()
        };
        if inside(l.sections) {
            let keep = self.selected().map(|r| (r.section, r.item));
            let at = self.section_offset + usize::from(y - l.sections.y - 1);
            if at <= self.checklist.sections.len() {
                self.focus = Focus::Sections;
                self.section_cursor = at;
                self.refilter(keep);
            }
        } else if inside(l.items) {
            let at = self.offset + usize::from(y - l.items.y - 1);
            if at < self.visible.len() {
                self.focus = Focus::Items;
                self.cursor = at;
                self.entry_cursor = 0;
            }
        } else if inside(l.details) {
            self.focus = Focus::Details;
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let delta = if down { 3 } else { -3 };
        if let Some(l) = view::layout(self.width, self.height) {
            let pos = ratatui::layout::Position { x, y };
            let before = self.focus;
            if l.sections.contains(pos) {
                self.focus = Focus::Sections;
            } else if l.details.contains(pos) {
                self.focus = Focus::Details;
            } else if l.items.contains(pos) {
                self.focus = Focus::Items;
            }
            self.move_by(delta);
            self.focus = before;
        }
    }
}
