//! Drawing: `impl Widget for &App`, the layout shared with mouse handling, and where the real
//! terminal cursor goes (so IMEs compose at the insertion point).
//!
//! Everything is measured in display cells; nothing subtracts without saturating, so any
//! size down to 0×0 draws without a panic.

mod details;
mod main;
mod overlay;
mod pages;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::i18n::screen::of;
use crate::tui::app::{App, Mode};
use crate::tui::theme::Theme;

/// Below this the screen only says it is too small.
pub const MIN_WIDTH: u16 = crate::session::SCREEN_MIN.0;
pub const MIN_HEIGHT: u16 = crate::session::SCREEN_MIN.1;

/// Where each part of the main screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// The area the summary and review pages use (everything between header and footer).
    pub body: Rect,
    pub sections: Rect,
    pub items: Rect,
    pub details: Rect,
    pub footer: Rect,
    pub status: Rect,
}

/// The layout at `width`×`height`, or `None` when too small to be useful.
pub fn layout(width: u16, height: u16) -> Option<Areas> {
    layout_in(Rect::new(0, 0, width, height))
}

/// The layout inside `area`, or `None` when it is too small to be useful.
pub fn layout_in(area: Rect) -> Option<Areas> {
    let (width, height) = (area.width, area.height);
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    let [header, body, footer, status] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let (sections, items, details) = if width >= 120 {
        let [s, i, d] = Layout::horizontal([
            Constraint::Percentage(16),
            Constraint::Percentage(46),
            Constraint::Percentage(38),
        ])
        .areas(body);
        (s, i, d)
    } else {
        let side = (width / 4).clamp(16, 26);
        let [s, right] =
            Layout::horizontal([Constraint::Length(side), Constraint::Min(1)]).areas(body);
        let [i, d] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);
        (s, i, d)
    };
    Some(Areas {
        header,
        body,
        sections,
        items,
        details,
        footer,
        status,
    })
}

/// A bordered block in the theme's border style.
fn block<'a>(theme: Theme, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let b = Block::bordered()
        .border_set(theme.border())
        .title(title.into());
    if focused {
        b.border_style(theme.focused_border())
    } else {
        b.border_style(theme.dim())
    }
}

/// `[#####-----]`: ASCII, so it is one cell per glyph in every terminal.
fn bar(fraction: f64, cells: usize) -> (String, String) {
    let filled = ((fraction.clamp(0.0, 1.0) * cells as f64).round() as usize).min(cells);
    ("#".repeat(filled), "-".repeat(cells - filled))
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(areas) = layout_in(area) else {
            Paragraph::new(of(self.lang).too_small)
                .wrap(ratatui::widgets::Wrap { trim: true })
                .render(area, buf);
            return;
        };
        main::header(self, areas.header, buf);
        match &self.mode {
            Mode::Summary { .. } | Mode::Export { .. } => pages::summary(self, areas.body, buf),
            Mode::Review { .. } => pages::review(self, areas.body, buf),
            _ => {
                main::sections(self, areas.sections, buf);
                main::items(self, areas.items, buf);
                details::details(self, areas.details, buf);
            }
        }
        main::footer(self, areas.footer, buf);
        main::status(self, areas.status, buf);
        match &self.mode {
            // The help may cover the footer too: it lists every key, so it needs the rows.
            Mode::Help => overlay::help(self, area, buf),
            Mode::Form(form) => overlay::form(self, form, areas.body, buf),
            Mode::Confirm(what) => overlay::confirm(self, what, areas.body, buf),
            Mode::Export { choice } => overlay::export(self, *choice, areas.body, buf),
            Mode::Pick {
                purpose,
                item,
                choice,
            } => overlay::pick(self, *purpose, item, *choice, areas.body, buf),
            _ => {}
        }
    }
}

/// Where the terminal cursor belongs: in the field being typed into, if any.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    let areas = layout_in(area)?;
    match &app.mode {
        Mode::Form(form) => overlay::form_cursor(form, areas.body),
        Mode::Search => main::search_cursor(app, areas.items),
        _ => None,
    }
}

/// Draw the app and place the cursor.
pub fn draw(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    frame.render_widget(app, area);
    if let Some(pos) = cursor(app, area) {
        frame.set_cursor_position(pos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_has_no_layout() {
        assert!(layout(39, 24).is_none());
        assert!(layout(80, 9).is_none());
        assert!(layout(80, 24).is_some());
    }
}
