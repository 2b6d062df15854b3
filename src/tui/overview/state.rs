//! The overview screen's state and how it changes: [`update`] turns an [`Action`] into new
//! state and an [`Effect`] for the runner (open a unit's file, quit).
//!
//! Pure: no terminal, no files, no clock. The rows shown are worked out once per change of
//! filter, search or sort; moving only walks them. The cursor is kept clamped here, never
//! left to a widget (ratatui #2421).

use tui_input::{Input, InputRequest};

use super::detail::Detail;
use crate::clock::Clock;
use crate::i18n::Lang;
use crate::overview::{Browse, Filter, Overview, Sort, export, filter};
use crate::tui::theme::Theme;

/// The pages, in the order Tab goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Units,
    Matrix,
    Files,
    Notice,
}

impl Page {
    pub const ALL: [Page; 4] = [Page::Units, Page::Matrix, Page::Files, Page::Notice];

    fn next(self) -> Page {
        let i = Page::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Page::ALL[(i + 1) % Page::ALL.len()]
    }
}

/// What has the keyboard.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    /// Typing a name to look for.
    Search,
    Help,
    /// One unit, read-only, with its review.
    Detail,
}

/// Which keymap applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Normal,
    Text,
    Help,
    Detail,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter: open the unit under the cursor.
    Open,
    NextPage,
    Page(Page),
    CycleFilter,
    CycleSort,
    Search,
    Edit(InputRequest),
    Paste(String),
    Submit,
    Cancel,
    Help,
    Quit,
    Resize {
        width: u16,
        height: u16,
    },
}

/// What the runner does after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Read the file of row `row` again and show the unit.
    OpenUnit {
        row: usize,
    },
    Quit,
}

pub struct State {
    pub overview: Overview,
    pub lang: Lang,
    pub theme: Theme,
    pub clock: Clock,
    pub filters: Vec<Filter>,
    pub find: String,
    pub sort: Sort,
    /// The rows shown (indexes into the overview's rows), in order.
    pub shown: Vec<usize>,
    /// Those of them that are columns of the matrix (on the template, with a usable file).
    pub columns: Vec<usize>,
    pub page: Page,
    pub mode: Mode,
    /// Row cursor on the units page; item cursor on the matrix page; first line shown on
    /// the files and notice pages.
    pub cursor: usize,
    /// The unit column selected on the matrix page (an index into the shown units that are
    /// on the template).
    pub column: usize,
    pub search: Input,
    /// The 通报 draft of the rows shown, as text.
    pub notice: String,
    pub detail: Option<Detail>,
    pub status: Option<(String, bool)>,
    pub width: u16,
    pub height: u16,
    pub quit: bool,
}

impl State {
    pub fn new(b: Browse, theme: Theme) -> State {
        let mut s = State {
            overview: b.overview,
            lang: b.lang,
            theme,
            clock: b.clock,
            filters: b.filters,
            find: b.find.clone(),
            sort: b.sort,
            shown: Vec::new(),
            columns: Vec::new(),
            page: Page::Units,
            mode: Mode::Normal,
            cursor: 0,
            column: 0,
            search: Input::new(b.find),
            notice: String::new(),
            detail: None,
            status: None,
            width: 80,
            height: 24,
            quit: false,
        };
        s.select();
        s
    }

    pub fn key_mode(&self) -> KeyMode {
        match self.mode {
            Mode::Normal => KeyMode::Normal,
            Mode::Search => KeyMode::Text,
            Mode::Help => KeyMode::Help,
            Mode::Detail => KeyMode::Detail,
        }
    }

    /// Work out the rows shown again (after a filter, search or sort).
    fn select(&mut self) {
        let o = &self.overview;
        self.shown = filter::select(&o.rows, &o.files, &self.filters, &self.find, self.sort);
        self.columns = self
            .shown
            .iter()
            .copied()
            .filter(|&r| {
                let row = &o.rows[r];
                row.figures.is_some() && row.other_template.is_none()
            })
            .collect();
        let day = |t: jiff::Timestamp| crate::overview::local_day(&self.clock, t);
        let minute = |t: jiff::Timestamp| self.clock.local_minute(t);
        let ctx = export::Context {
            lang: self.lang,
            day: &day,
            minute: &minute,
            rows: &self.shown,
            filtered: false,
            office: None,
            deadline: None,
            bom: false,
        };
        let bytes = export::render(o, export::View::Notice, export::Format::Text, &ctx);
        self.notice = String::from_utf8(bytes).unwrap_or_default();
        self.clamp();
    }

    /// How many lines the current page can hold (rows of the body, less its chrome).
    pub fn page_lines(&self) -> usize {
        usize::from(self.height.saturating_sub(10)).max(1)
    }

    /// How many lines the current page has.
    pub fn lines(&self) -> usize {
        match self.page {
            Page::Units => self.shown.len(),
            Page::Matrix => self
                .overview
                .template_skeleton()
                .map_or(0, |t| t.items.len()),
            Page::Files => self.overview.files.len(),
            Page::Notice => super::pages::notice_lines(self, usize::from(self.width)).len(),
        }
    }

    fn clamp(&mut self) {
        let n = self.lines();
        self.cursor = self.cursor.min(n.saturating_sub(1));
        if self.page == Page::Matrix {
            self.column = self.column.min(self.columns.len().saturating_sub(1));
        }
    }

    /// The row under the cursor, as an index into the overview's rows.
    pub fn current_row(&self) -> Option<usize> {
        match self.page {
            Page::Units => self.shown.get(self.cursor).copied(),
            Page::Matrix => self.columns.get(self.column).copied(),
            Page::Files => {
                let file = self.cursor;
                self.overview
                    .rows
                    .iter()
                    .position(|r| r.file == Some(file) || r.other_files.contains(&file))
            }
            Page::Notice => None,
        }
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), false));
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), true));
    }

    fn moved(&mut self, by: isize) {
        if self.mode == Mode::Detail
            && let Some(d) = &self.detail
        {
            let n = super::pages::detail_lines(d, usize::from(self.width)).len();
            let scroll = d.scroll.saturating_add_signed(by).min(n.saturating_sub(1));
            if let Some(d) = self.detail.as_mut() {
                d.scroll = scroll;
            }
            return;
        }
        let n = self.lines();
        self.cursor = self
            .cursor
            .saturating_add_signed(by)
            .min(n.saturating_sub(1));
    }
}

/// Apply `action`; what the runner should do next.
pub fn update(s: &mut State, action: Action) -> Effect {
    let page = s.page_lines() as isize;
    match action {
        Action::Quit => {
            s.quit = true;
            return Effect::Quit;
        }
        Action::Resize { width, height } => {
            s.width = width;
            s.height = height;
        }
        Action::Up => s.moved(-1),
        Action::Down => s.moved(1),
        Action::PageUp => s.moved(-page),
        Action::PageDown => s.moved(page),
        Action::Top => s.moved(isize::MIN / 2),
        Action::Bottom => s.moved(isize::MAX / 2),
        Action::Left if s.page == Page::Matrix => s.column = s.column.saturating_sub(1),
        Action::Right if s.page == Page::Matrix => {
            s.column = (s.column + 1).min(s.columns.len().saturating_sub(1));
        }
        Action::Left | Action::Right => {}
        Action::NextPage => {
            s.page = s.page.next();
            s.cursor = 0;
            s.clamp();
        }
        Action::Page(p) => {
            s.page = p;
            s.cursor = 0;
            s.clamp();
        }
        Action::CycleFilter => {
            // One filter at a time on the screen, in turn, then none.
            let next = match s.filters.as_slice() {
                [] => Some(Filter::ALL[0]),
                [f] => Filter::ALL
                    .iter()
                    .position(|x| x == f)
                    .and_then(|i| Filter::ALL.get(i + 1).copied()),
                _ => None,
            };
            s.filters = next.into_iter().collect();
            s.cursor = 0;
            s.select();
        }
        Action::CycleSort => {
            s.sort = s.sort.next();
            s.select();
        }
        Action::Search => {
            s.mode = Mode::Search;
            s.search = Input::new(s.find.clone());
        }
        Action::Edit(req) => {
            s.search.handle(req);
            s.find = s.search.value().to_string();
            s.cursor = 0;
            s.select();
        }
        Action::Paste(text) => {
            for c in text.chars().filter(|c| !crate::text::is_unsafe(*c)) {
                s.search.handle(InputRequest::InsertChar(c));
            }
            s.find = s.search.value().to_string();
            s.select();
        }
        Action::Submit => s.mode = Mode::Normal,
        Action::Cancel => match s.mode {
            Mode::Search => {
                s.find.clear();
                s.search = Input::default();
                s.mode = Mode::Normal;
                s.select();
            }
            Mode::Help | Mode::Detail => s.mode = Mode::Normal,
            Mode::Normal if !s.find.is_empty() => {
                s.find.clear();
                s.select();
            }
            Mode::Normal => {}
        },
        Action::Help => {
            s.mode = if s.mode == Mode::Help {
                Mode::Normal
            } else {
                Mode::Help
            };
        }
        Action::Open => {
            if let Some(row) = s.current_row() {
                return Effect::OpenUnit { row };
            }
        }
    }
    Effect::None
}
