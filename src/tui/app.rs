//! The screen's state and how it changes: [`update`] turns an [`Action`] into new state and an
//! [`Effect`] for the runner to carry out (save, undo, export, switch year, quit).
//!
//! Pure: no terminal, no files, no clock. The status of every item is computed once per change
//! into [`Row`]s; moving, filtering and searching only walk those rows.

use jiff::civil::Date;
use tui_input::InputRequest;

use crate::checklist::{Checklist, Item, Kind, Section};
use crate::i18n::Lang;
use crate::i18n::screen::{self as strings, of};
use crate::ledger::{Change, ItemRecord, Ledger};
use crate::progress;
use crate::report::{self, Format};
use crate::review::{self, Monthly, Risk};
use crate::store::{Fingerprint, Proposal};
use crate::tui::form::{Field, Form, FormKind, Submit};
use crate::tui::theme::Theme;
use crate::tui::view;

/// The export formats, in menu order.
pub const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Md,
    Format::Docx,
    Format::Csv,
    Format::Json,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sections,
    Items,
    Details,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    Pending,
    Overdue,
    DueSoon,
    Done,
}

impl Filter {
    fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Pending,
            Filter::Pending => Filter::Overdue,
            Filter::Overdue => Filter::DueSoon,
            Filter::DueSoon => Filter::Done,
            Filter::Done => Filter::All,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    fn keeps(self, r: &Row) -> bool {
        match self {
            Filter::All => true,
            Filter::Pending => !r.complete,
            Filter::Overdue => r.overdue,
            Filter::DueSoon => r.due_soon,
            Filter::Done => r.complete,
        }
    }
}

/// What the user is asked to confirm.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    RemoveEntry {
        item: String,
        entry: String,
    },
    /// Unticking a duty drops its date and evidence.
    Uncheck {
        item: String,
    },
    /// Undo (or redo) change `seq`, said in `what`.
    Undo {
        seq: u64,
        what: String,
        redo: bool,
    },
    Quit,
}

/// What has the keyboard.
#[derive(Debug, Clone)]
pub enum Mode {
    Normal,
    Search,
    Form(Form),
    Confirm(Confirm),
    Help,
    Summary { scroll: usize },
    Export { choice: usize },
    Review { scroll: usize },
}

/// Which keymap applies (see `keys`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Normal,
    Text,
    Confirm,
    Help,
    Scroll,
    Menu,
}

/// Everything the user can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    NextPane,
    PrevPane,
    Left,
    Right,
    /// Space: tick or untick a duty; for other kinds, their form.
    Toggle,
    /// Enter: tick with the date and evidence form.
    Activate,
    Log,
    RemoveEntry,
    Rate,
    Note,
    Evidence,
    CycleFilter,
    /// Show one 责任科室's items, the next office each time, then all again.
    CycleOwner,
    /// Correct the selected entry (date, topic, hours, evidence).
    EditEntry,
    Search,
    Undo,
    Redo,
    Help,
    Summary,
    Export,
    Review,
    Year,
    Quit,
    Edit(InputRequest),
    Paste(String),
    Submit,
    Cancel,
    NextField,
    PrevField,
    Yes,
    No,
    Click {
        x: u16,
        y: u16,
    },
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
}

/// What the runner must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    /// Resolve this change (against `base`, the item as a form found it when it opened,
    /// else against what the screen shows), show it, and save it.
    Propose(Box<(Change, Option<Base>)>),
    /// Save the pending changes.
    Flush,
    /// Find out what undo (or redo) would do, to ask before doing it.
    AskUndo {
        redo: bool,
    },
    /// Undo (or redo) change `seq`, if it is still the one to undo.
    Undo {
        seq: u64,
        redo: bool,
    },
    Export(Format),
    SwitchYear(i16),
    Quit,
}

/// An item's record as a form found it when it opened: the change the form makes replaces
/// that, so a change made elsewhere meanwhile is noticed, never overwritten.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    pub item: String,
    pub record: Option<ItemRecord>,
}

/// One item's state, computed once per change.
#[derive(Debug, Clone)]
pub struct Row {
    pub section: usize,
    pub item: usize,
    pub complete: bool,
    pub overdue: bool,
    pub due_soon: bool,
    pub due: Date,
    pub days_left: i64,
    /// The state in a few cells: `[x]`, `3/4`, `92%`, `12.5/20`.
    pub glance: String,
    /// The state in words (`3/4 次`, `92%（46/50，目标 100%）`).
    pub label: String,
    /// `7/12，按进度应为10，落后3次`, for counted and hours items.
    pub pace: Option<String>,
    /// Lower-cased title, topics and note, for search.
    haystack: String,
}

/// The message on the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// What the review view shows, computed when it opens.
pub struct ReviewData {
    pub risks: Vec<Risk>,
    pub pacing: Vec<(String, String)>,
    pub monthly: Monthly,
    /// Deadlines in January–March of the next year: (date, title, complete).
    pub next_q1: Vec<(Date, String, bool)>,
}

/// The whole state of the screen.
pub struct App {
    pub lang: Lang,
    pub today: Date,
    pub theme: Theme,
    pub checklist: Checklist,
    /// The ledger as last read from or saved to disk.
    pub saved: Ledger,
    /// `saved` with the pending changes applied: what the screen shows.
    pub ledger: Ledger,
    /// Changes made here but not yet on disk (saving failed), each resolved once; retried
    /// by the runner as they are.
    pub pending: Vec<Proposal>,
    /// The ledger could not be read: shown, and nothing is ever written.
    pub load_error: Option<String>,
    /// Fingerprint of the ledger's files as last seen, to notice other processes' changes.
    pub fingerprint: Option<Fingerprint>,
    /// The record the open form started from (see [`Base`]).
    pub form_base: Option<Base>,
    pub rows: Vec<Row>,
    /// (done, total) per section.
    pub section_done: Vec<(usize, usize)>,
    pub done: usize,
    /// Row index of the nearest pending deadline.
    pub next_deadline: Option<usize>,
    /// Rows shown in the items pane (indexes into `rows`).
    pub visible: Vec<usize>,
    /// 0 is "all sections", then one per section.
    pub section_cursor: usize,
    pub section_offset: usize,
    pub cursor: usize,
    pub offset: usize,
    pub entry_cursor: usize,
    pub focus: Focus,
    pub filter: Filter,
    /// Only this 责任科室's items (`o` cycles through the offices).
    pub owner: Option<String>,
    pub search: Field,
    pub mode: Mode,
    pub message: Option<Message>,
    pub width: u16,
    pub height: u16,
    pub summary: Vec<String>,
    pub review: Option<ReviewData>,
    pub quit: bool,
}

impl App {
    /// The screen on `checklist` with the ledger as read (or why it could not be read).
    pub fn new(
        lang: Lang,
        today: Date,
        theme: Theme,
        checklist: Checklist,
        ledger: Result<Ledger, String>,
    ) -> App {
        let (saved, load_error) = match ledger {
            Ok(l) => (l, None),
            Err(e) => (Ledger::new(&checklist.id, checklist.year), Some(e)),
        };
        let message = load_error.as_ref().map(|e| Message {
            text: format!("{} {e}", of(lang).read_only_error),
            error: true,
        });
        let mut app = App {
            lang,
            today,
            theme,
            ledger: saved.clone(),
            saved,
            checklist,
            pending: Vec::new(),
            load_error,
            fingerprint: None,
            form_base: None,
            rows: Vec::new(),
            section_done: Vec::new(),
            done: 0,
            next_deadline: None,
            visible: Vec::new(),
            section_cursor: 0,
            section_offset: 0,
            cursor: 0,
            offset: 0,
            entry_cursor: 0,
            focus: Focus::Items,
            filter: Filter::All,
            owner: None,
            search: Field::new("", ""),
            mode: Mode::Normal,
            message,
            width: 80,
            height: 24,
            summary: Vec::new(),
            review: None,
            quit: false,
        };
        app.recompute();
        app
    }

    pub fn key_mode(&self) -> KeyMode {
        match self.mode {
            Mode::Normal => KeyMode::Normal,
            Mode::Search | Mode::Form(_) => KeyMode::Text,
            Mode::Confirm(_) => KeyMode::Confirm,
            Mode::Help => KeyMode::Help,
            Mode::Summary { .. } | Mode::Review { .. } => KeyMode::Scroll,
            Mode::Export { .. } => KeyMode::Menu,
        }
    }

    pub fn item_of(&self, row: &Row) -> (&Section, &Item) {
        let section = &self.checklist.sections[row.section];
        (section, &section.items[row.item])
    }

    /// The selected row, if any item is shown.
    pub fn selected(&self) -> Option<&Row> {
        self.visible.get(self.cursor).map(|&i| &self.rows[i])
    }

    pub fn selected_item(&self) -> Option<&Item> {
        self.selected().map(|r| self.item_of(r).1)
    }

    pub fn read_only(&self) -> bool {
        self.load_error.is_some() || self.ledger.closed
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Show `saved` with the pending changes on top, and recompute every row.
    pub fn rebuild(&mut self) {
        let mut ledger = self.saved.clone();
        // A pending change that no longer applies (changed elsewhere) is dropped with a
        // warning by the runner when the disk refuses it; here it simply does not show.
        for p in &self.pending {
            let _ = ledger.apply(&p.op);
        }
        self.ledger = ledger;
        self.recompute();
    }

    /// Recompute every row from the checklist and the ledger; once per change, never per key.
    pub fn recompute(&mut self) {
        let keep = self.selected().map(|r| (r.section, r.item));
        let year = self.checklist.year;
        let st = progress::status(&self.checklist, &self.ledger, self.today);
        let mut rows = Vec::with_capacity(st.items.len());
        let mut at = 0;
        for (si, section) in self.checklist.sections.iter().enumerate() {
            for ii in 0..section.items.len() {
                let s = &st.items[at];
                at += 1;
                let pace = review::pace(s, year, self.today).and_then(|p| {
                    let target = s.target?;
                    Some(strings::pace_line(
                        self.lang,
                        s.value,
                        target,
                        p,
                        s.item.kind,
                    ))
                });
                // Titles, ids, offices, topics and notes: whatever an officer remembers.
                let mut haystack = format!(
                    "{}\n{}\n{}",
                    s.item.title.to_lowercase(),
                    s.item.id.to_lowercase(),
                    s.item.owner.to_lowercase()
                );
                if let Some(r) = s.record {
                    for e in &r.entries {
                        haystack.push('\n');
                        haystack.push_str(&e.topic.to_lowercase());
                    }
                    haystack.push('\n');
                    haystack.push_str(&r.note.to_lowercase());
                }
                rows.push(Row {
                    section: si,
                    item: ii,
                    complete: s.complete,
                    overdue: s.overdue,
                    due_soon: s.due_soon(),
                    due: s.due,
                    days_left: s.days_left,
                    glance: glance(s),
                    label: s.state_label(self.lang),
                    pace,
                    haystack,
                });
            }
        }
        self.section_done = st.sections.iter().map(|s| (s.done, s.total)).collect();
        self.done = st.done;
        self.next_deadline = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.complete && r.days_left >= 0)
            .min_by_key(|(_, r)| r.due)
            .map(|(i, _)| i);
        self.rows = rows;
        self.review = None;
        self.refilter(keep);
    }

    /// Recompute the shown rows (section, filter, search), keeping the selected item if it
    /// is still shown.
    fn refilter(&mut self, keep: Option<(usize, usize)>) {
        let query = self.search.value().trim().to_lowercase();
        let section = self.section_cursor.checked_sub(1);
        let filter = self.filter;
        let owner = self.owner.clone();
        let checklist = &self.checklist;
        self.visible = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                section.is_none_or(|s| r.section == s)
                    && filter.keeps(r)
                    && owner
                        .as_deref()
                        .is_none_or(|o| checklist.sections[r.section].items[r.item].owner == o)
                    && (query.is_empty() || r.haystack.contains(&query))
            })
            .map(|(i, _)| i)
            .collect();
        // The selected item stays selected; if it is filtered out, the next one shown after
        // it in the list is, never whatever lands on the same row.
        if let Some(k) = keep {
            let at = |i: &usize| (self.rows[*i].section, self.rows[*i].item);
            self.cursor = self
                .visible
                .iter()
                .position(|i| at(i) == k)
                .or_else(|| self.visible.iter().position(|i| at(i) > k))
                .unwrap_or(self.visible.len().saturating_sub(1));
        }
        self.cursor = self.cursor.min(self.visible.len().saturating_sub(1));
        self.entry_cursor = 0;
        self.scroll_into_view();
    }

    /// Rows the items pane can show at the current size.
    pub fn page(&self) -> usize {
        view::layout(self.width, self.height)
            .map_or(1, |l| usize::from(l.items.height.saturating_sub(2)).max(1))
    }

    fn section_page(&self) -> usize {
        view::layout(self.width, self.height).map_or(1, |l| {
            usize::from(l.sections.height.saturating_sub(2)).max(1)
        })
    }

    fn scroll_into_view(&mut self) {
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

    /// Move the cursor of the focused pane by `delta` (clamped).
    fn move_by(&mut self, delta: isize) {
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
            Focus::Details => self.entry_cursor = step(self.entry_cursor, self.entries_len()),
        }
        self.scroll_into_view();
    }

    /// Ask to make `change`; refused at once when the ledger is read-only.
    fn propose(&mut self, change: Change, base: Option<Base>) -> Effect {
        if let Some(refusal) = self.refusal() {
            self.warn(refusal);
            return Effect::None;
        }
        Effect::Propose(Box::new((change, base)))
    }

    /// Show a change the runner resolved, and keep it to save. `false` when it no longer
    /// fits what the screen shows (the item changed since the form opened).
    pub fn accept(&mut self, proposal: Proposal) -> bool {
        if self.ledger.apply(&proposal.op).is_err() {
            return false;
        }
        self.pending.push(proposal);
        self.recompute();
        true
    }

    /// What the screen shows, with `base` (if any) as its item's record.
    pub fn view_with(&self, base: Option<&Base>) -> Ledger {
        let mut view = self.ledger.clone();
        if let Some(b) = base {
            match &b.record {
                Some(r) => {
                    view.items.insert(b.item.clone(), r.clone());
                }
                None => {
                    view.items.remove(&b.item);
                }
            }
        }
        view
    }

    fn refusal(&self) -> Option<String> {
        let s = of(self.lang);
        if let Some(e) = &self.load_error {
            Some(format!("{} {e}", s.read_only_error))
        } else if self.ledger.closed {
            Some(s.closed_year.to_string())
        } else {
            None
        }
    }

    fn open_form(&mut self, kind: FormKind, prefill: &[&str]) {
        if let Some(refusal) = self.refusal() {
            self.warn(refusal);
            return;
        }
        let Some(item) = self.selected_item() else {
            return;
        };
        let form = Form::new(kind, self.lang, &item.id, &item.title, prefill);
        self.form_base = Some(Base {
            item: item.id.clone(),
            record: self.ledger.record(&item.id).cloned(),
        });
        self.mode = Mode::Form(form);
        self.validate_form();
    }

    fn validate_form(&mut self) -> Option<Submit> {
        let (lang, year, today) = (self.lang, self.checklist.year, self.today);
        match &mut self.mode {
            Mode::Form(f) => f.validate(lang, year, today),
            _ => None,
        }
    }

    /// The date a change defaults to: today, or the last day of a past year being viewed
    /// (today would fall outside that year's ledger).
    fn default_date(&self) -> Date {
        let year = self.checklist.year;
        // Today while it is inside the year's window (to 30 June of the next year, when the
        // report and 述法 are done), else the year's last day.
        let (_, last) = crate::ledger::rules::year_window(year);
        if self.today <= last {
            self.today
        } else {
            Date::new(year, 12, 31).unwrap_or(self.today)
        }
    }

    fn today_text(&self) -> String {
        match self.lang {
            Lang::Zh => crate::text::dates::chinese(self.default_date()),
            Lang::En => crate::text::dates::iso(self.default_date()),
        }
    }

    fn open_log(&mut self) {
        match self.selected_item().map(|i| i.kind) {
            Some(Kind::Count { .. }) => {
                let today = self.today_text();
                self.open_form(FormKind::Log { hours: false }, &[&today]);
            }
            Some(Kind::Hours { .. }) => {
                let today = self.today_text();
                self.open_form(FormKind::Log { hours: true }, &[&today]);
            }
            Some(_) => self.warn(of(self.lang).wrong_kind_log),
            None => {}
        }
    }

    /// The edit form for the entry selected in the details pane, filled with what it holds.
    fn open_edit(&mut self) {
        let Some(item) = self.selected_item() else {
            return;
        };
        let hours = matches!(item.kind, Kind::Hours { .. });
        let entry = self
            .ledger
            .record(&item.id)
            .and_then(|r| r.entries.get(self.entry_cursor))
            .cloned();
        let Some(e) = entry else {
            self.warn(of(self.lang).no_entry_selected);
            return;
        };
        let date = match self.lang {
            Lang::Zh => crate::text::dates::chinese(e.date),
            Lang::En => crate::text::dates::iso(e.date),
        };
        let h = e.hours.map(crate::text::number).unwrap_or_default();
        let fields: Vec<&str> = if hours {
            vec![&date, &e.topic, &h, &e.evidence]
        } else {
            vec![&date, &e.topic, &e.evidence]
        };
        self.open_form(
            FormKind::Edit {
                hours,
                entry: e.id.clone(),
            },
            &fields,
        );
    }

    fn open_rate(&mut self) {
        match self.selected_item().map(|i| i.kind) {
            Some(Kind::Rate { .. }) => {
                let today = self.today_text();
                let current = self
                    .selected_item()
                    .and_then(|i| self.ledger.record(&i.id))
                    .and_then(|r| r.rate.as_ref())
                    .map(|r| (r.numerator.to_string(), r.denominator.to_string()));
                let (n, d) = current.unwrap_or_default();
                self.open_form(FormKind::Rate, &[&n, &d, &today]);
            }
            Some(_) => self.warn(of(self.lang).wrong_kind_rate),
            None => {}
        }
    }

    fn toggle(&mut self, ask: bool) -> Effect {
        let Some(item) = self.selected_item() else {
            return Effect::None;
        };
        let id = item.id.clone();
        match item.kind {
            Kind::Task => {
                let done = self.ledger.record(&id).is_some_and(|r| r.done.is_some());
                if done {
                    // Unticking drops the date and the evidence: asked first, never a slip.
                    if let Some(refusal) = self.refusal() {
                        self.warn(refusal);
                    } else {
                        self.mode = Mode::Confirm(Confirm::Uncheck { item: id });
                    }
                    Effect::None
                } else if ask {
                    let today = self.today_text();
                    self.open_form(FormKind::Check, &[&today]);
                    Effect::None
                } else {
                    self.propose(
                        Change::Check {
                            item: id,
                            date: self.default_date(),
                            evidence: String::new(),
                        },
                        None,
                    )
                }
            }
            Kind::Count { .. } | Kind::Hours { .. } => {
                self.open_log();
                Effect::None
            }
            Kind::Rate { .. } => {
                self.open_rate();
                Effect::None
            }
        }
    }

    fn open_summary(&mut self) {
        let input = report::Input {
            checklist: &self.checklist,
            ledger: &self.ledger,
            today: self.today,
            lang: self.lang,
        };
        self.summary = report::section_three(&input)
            .lines()
            .map(crate::text::strip_unsafe)
            .collect();
        self.mode = Mode::Summary { scroll: 0 };
    }

    fn open_review(&mut self) {
        let year = self.checklist.year;
        let pacing = self
            .rows
            .iter()
            .filter_map(|r| {
                let line = r.pace.clone()?;
                Some((self.item_of(r).1.title.clone(), line))
            })
            .collect();
        let next_q1 = self
            .rows
            .iter()
            .filter(|r| r.due.year() == year.saturating_add(1) && r.due.month() <= 3)
            .map(|r| (r.due, self.item_of(r).1.title.clone(), r.complete))
            .collect();
        self.review = Some(ReviewData {
            risks: review::review(&self.checklist, &self.ledger, self.today),
            pacing,
            monthly: review::monthly(&self.checklist, &self.ledger),
            next_q1,
        });
        self.mode = Mode::Review { scroll: 0 };
    }

    fn click(&mut self, x: u16, y: u16) {
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

    fn wheel(&mut self, x: u16, y: u16, down: bool) {
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

    fn scroll_mode(&mut self, delta: isize, page: bool) {
        let page_rows = usize::from(self.height.saturating_sub(6)).max(1) as isize;
        let d = if page { delta * page_rows } else { delta };
        // An upper bound on the page's lines, so scrolling past the end does not have to be
        // scrolled back (the view also clamps to the wrapped length).
        let most = match &self.mode {
            Mode::Summary { .. } => self.summary.len(),
            Mode::Review { .. } => self.review.as_ref().map_or(0, |r| {
                2 * r.risks.len() + r.pacing.len() + r.monthly.items.len() + r.next_q1.len() + 24
            }),
            _ => 0,
        };
        match &mut self.mode {
            Mode::Summary { scroll } | Mode::Review { scroll } => {
                *scroll = scroll.saturating_add_signed(d).min(most);
            }
            Mode::Export { choice } => {
                *choice = choice.saturating_add_signed(delta).min(FORMATS.len() - 1);
            }
            _ => {}
        }
    }

    fn quit(&mut self) -> Effect {
        if self.pending.is_empty() {
            self.quit = true;
            Effect::Quit
        } else {
            self.mode = Mode::Confirm(Confirm::Quit);
            Effect::None
        }
    }
}

/// The state in a few cells, ASCII only.
fn glance(s: &progress::ItemStatus<'_>) -> String {
    use crate::text::number;
    match s.item.kind {
        Kind::Task if s.complete => "[x]".into(),
        Kind::Task => "[ ]".into(),
        Kind::Count { target } => format!("{}/{target}", s.entry_count()),
        Kind::Rate { target } if s.record.and_then(|r| r.rate.as_ref()).is_some() => {
            format!("{}%/{}%", number(s.value), number(target))
        }
        Kind::Rate { target } => format!("-/{}%", number(target)),
        Kind::Hours { target } => format!("{}/{}h", number(s.value), number(target)),
    }
}

/// Apply `action` to `app`; what the runner must do next.
pub fn update(app: &mut App, action: Action) -> Effect {
    use Action as A;
    if let A::Resize { width, height } = action {
        app.width = width;
        app.height = height;
        app.scroll_into_view();
        return Effect::None;
    }
    if matches!(action, A::Quit) && !matches!(app.mode, Mode::Confirm(_)) {
        return app.quit();
    }
    // A message is about the last thing done: the next thing the officer does clears it.
    if !matches!(action, A::Wheel { .. } | A::Click { .. }) {
        app.message = None;
    }
    // While the screen only says it is too small, nothing else may act: a key would tick,
    // log or undo where the officer cannot see it.
    if crate::tui::view::layout(app.width, app.height).is_none() {
        return Effect::None;
    }
    match std::mem::replace(&mut app.mode, Mode::Normal) {
        Mode::Normal => normal(app, action),
        Mode::Search => {
            app.mode = Mode::Search;
            let keep = app.selected().map(|r| (r.section, r.item));
            match action {
                A::Edit(req) => {
                    app.search.edit(req);
                    app.refilter(keep);
                }
                A::Paste(text) => {
                    if !app.search.paste(&text) {
                        app.warn(strings::paste_cut(
                            app.lang,
                            crate::tui::form::MAX_FIELD_CHARS,
                        ));
                    }
                    app.refilter(keep);
                }
                // Up/Down move through the results while typing.
                A::NextField => app.move_by(1),
                A::PrevField => app.move_by(-1),
                A::Submit => app.mode = Mode::Normal,
                A::Cancel => {
                    app.search = Field::new("", "");
                    app.mode = Mode::Normal;
                    app.refilter(keep);
                }
                _ => {}
            }
            Effect::None
        }
        Mode::Form(mut form) => match action {
            A::Cancel => Effect::None,
            A::Submit => {
                form.submitted = true;
                app.mode = Mode::Form(form);
                match app.validate_form() {
                    Some(Submit::Change(change)) => {
                        app.mode = Mode::Normal;
                        let base = app.form_base.take();
                        app.propose(*change, base)
                    }
                    Some(Submit::Year(y)) => {
                        app.mode = Mode::Normal;
                        Effect::SwitchYear(y)
                    }
                    None => Effect::None,
                }
            }
            other => {
                match other {
                    A::Edit(req) => form.field().edit(req),
                    A::Paste(text) => {
                        let whole = form.field().paste(&text);
                        if !whole {
                            app.warn(strings::paste_cut(
                                app.lang,
                                crate::tui::form::MAX_FIELD_CHARS,
                            ));
                        }
                    }
                    A::NextField => form.next(),
                    A::PrevField => form.prev(),
                    _ => {}
                }
                app.mode = Mode::Form(form);
                app.validate_form();
                Effect::None
            }
        },
        Mode::Confirm(what) => match action {
            A::Yes => match what {
                Confirm::Quit => {
                    app.quit = true;
                    Effect::Quit
                }
                Confirm::RemoveEntry { item, entry } => {
                    app.propose(Change::Unlog { item, entry }, None)
                }
                Confirm::Uncheck { item } => app.propose(Change::Uncheck { item }, None),
                Confirm::Undo { seq, redo, .. } => Effect::Undo { seq, redo },
            },
            A::No | A::Cancel => Effect::None,
            _ => {
                app.mode = Mode::Confirm(what);
                Effect::None
            }
        },
        Mode::Help => {
            if !matches!(action, A::Help | A::Cancel) {
                app.mode = Mode::Help;
            }
            Effect::None
        }
        mode @ (Mode::Summary { .. } | Mode::Review { .. }) => {
            let summary = matches!(mode, Mode::Summary { .. });
            app.mode = mode;
            match action {
                A::Up => app.scroll_mode(-1, false),
                A::Down => app.scroll_mode(1, false),
                A::PageUp => app.scroll_mode(-1, true),
                A::PageDown => app.scroll_mode(1, true),
                A::Wheel { down, .. } => app.scroll_mode(if down { 3 } else { -3 }, false),
                A::Top => app.scroll_mode(isize::MIN / 2, false),
                A::Bottom => app.scroll_mode(isize::MAX / 2, false),
                A::Export if summary => app.mode = Mode::Export { choice: 0 },
                A::Cancel | A::Summary | A::Review => app.mode = Mode::Normal,
                _ => {}
            }
            Effect::None
        }
        Mode::Export { choice } => {
            app.mode = Mode::Export { choice };
            match action {
                A::Up => app.scroll_mode(-1, false),
                A::Down => app.scroll_mode(1, false),
                A::Submit => {
                    app.mode = Mode::Summary { scroll: 0 };
                    return Effect::Export(FORMATS[choice.min(FORMATS.len() - 1)]);
                }
                A::Cancel => app.mode = Mode::Summary { scroll: 0 },
                _ => {}
            }
            Effect::None
        }
    }
}

fn normal(app: &mut App, action: Action) -> Effect {
    use Action as A;
    let page = app.page() as isize;
    match action {
        A::Up => app.move_by(-1),
        A::Down => app.move_by(1),
        A::PageUp => app.move_by(-page),
        A::PageDown => app.move_by(page),
        A::Top => app.move_by(isize::MIN / 2),
        A::Bottom => app.move_by(isize::MAX / 2),
        A::NextPane | A::Right => {
            app.focus = match app.focus {
                Focus::Sections => Focus::Items,
                Focus::Items => Focus::Details,
                Focus::Details if action == A::NextPane => Focus::Sections,
                Focus::Details => Focus::Details,
            }
        }
        A::PrevPane | A::Left => {
            app.focus = match app.focus {
                Focus::Details => Focus::Items,
                Focus::Items => Focus::Sections,
                Focus::Sections if action == A::PrevPane => Focus::Details,
                Focus::Sections => Focus::Sections,
            }
        }
        A::Toggle => return app.toggle(false),
        A::Activate if app.focus == Focus::Sections => app.focus = Focus::Items,
        A::Activate if app.focus == Focus::Details && app.entries_len() > 0 => app.open_edit(),
        A::Activate => return app.toggle(true),
        A::Log => app.open_log(),
        A::Rate => app.open_rate(),
        A::Note | A::Evidence => {
            let current = app
                .selected_item()
                .and_then(|i| app.ledger.record(&i.id))
                .map(|r| {
                    if action == A::Note {
                        r.note.clone()
                    } else {
                        r.evidence.clone()
                    }
                })
                .unwrap_or_default();
            let kind = if action == A::Note {
                FormKind::Note
            } else {
                FormKind::Evidence
            };
            app.open_form(kind, &[&current]);
        }
        A::RemoveEntry => {
            let target = app.selected_item().and_then(|i| {
                let r = app.ledger.record(&i.id)?;
                let e = r.entries.get(app.entry_cursor)?;
                Some((i.id.clone(), e.id.clone()))
            });
            match (target, app.focus) {
                (Some((item, entry)), Focus::Details) => {
                    if let Some(refusal) = app.refusal() {
                        app.warn(refusal);
                    } else {
                        app.mode = Mode::Confirm(Confirm::RemoveEntry { item, entry });
                    }
                }
                _ => app.warn(of(app.lang).no_entry_selected),
            }
        }
        A::CycleFilter => {
            let keep = app.selected().map(|r| (r.section, r.item));
            app.filter = app.filter.next();
            app.refilter(keep);
        }
        A::CycleOwner => {
            let keep = app.selected().map(|r| (r.section, r.item));
            let owners: Vec<String> = app
                .checklist
                .owners()
                .into_iter()
                .map(String::from)
                .collect();
            app.owner = match app
                .owner
                .as_ref()
                .and_then(|o| owners.iter().position(|x| x == o))
            {
                None => owners.first().cloned(),
                Some(i) => owners.get(i + 1).cloned(),
            };
            app.refilter(keep);
            let said = match &app.owner {
                Some(o) => strings::owner_shown(app.lang, o),
                None => of(app.lang).all_owners.to_string(),
            };
            app.say(said);
        }
        A::EditEntry => app.open_edit(),
        A::Search => app.mode = Mode::Search,
        A::Cancel if !app.search.value().is_empty() => {
            let keep = app.selected().map(|r| (r.section, r.item));
            app.search = Field::new("", "");
            app.refilter(keep);
        }
        A::Undo => {
            if app.pending.pop().is_some() {
                app.rebuild();
                app.say(of(app.lang).undone_pending);
            } else if let Some(refusal) = app.refusal() {
                app.warn(refusal);
            } else {
                return Effect::AskUndo { redo: false };
            }
        }
        A::Redo => {
            if let Some(refusal) = app.refusal() {
                app.warn(refusal);
            } else if app.pending.is_empty() {
                return Effect::AskUndo { redo: true };
            }
        }
        A::Help => app.mode = Mode::Help,
        A::Summary => app.open_summary(),
        A::Review => app.open_review(),
        A::Year => {
            let year = app.checklist.year.to_string();
            app.mode = Mode::Form(Form::new(FormKind::Year, app.lang, "", "", &[&year]));
        }
        A::Click { x, y } => app.click(x, y),
        A::Wheel { x, y, down } => app.wheel(x, y, down),
        _ => {}
    }
    Effect::None
}
