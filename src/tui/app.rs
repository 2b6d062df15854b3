//! The screen's state: [`App`], what has the keyboard ([`Mode`]), everything the user can ask
//! for ([`Action`]) and what the runner must do after it ([`Effect`]); changes proposed,
//! accepted and kept pending here. [`update()`] turns an action into new state and an effect;
//! evidence files (attach, open, take off) are asked for in `files`.
//!
//! Pure: no terminal, no files, no clock. The status of every item is computed once per change
//! into [`Row`]s (`rows`); moving, filtering and searching only walk those rows.

mod files;
mod forms;
mod navigate;
mod pages;
mod rows;
mod update;

pub use update::update;

use jiff::civil::Date;
use tui_input::InputRequest;

use crate::checklist::{Checklist, Item, Section};
use crate::evidence::Request;
use crate::i18n::Lang;
use crate::i18n::screen::of;
use crate::ledger::{Attachment, Change, ItemRecord, Ledger};
use crate::report::Format;
use crate::review::{Monthly, Risk};
use crate::store::{Fingerprint, Proposal};
use crate::tui::form::{AttachAsk, Field, Form};
use crate::tui::theme::Theme;

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
    /// Attach these files (looked at: there, files, within the limit) as shown; the form
    /// they came from waits in [`App::parked`].
    Attach {
        request: Box<Request>,
    },
    /// Take `file` off `item` (the history keeps it).
    Detach {
        item: String,
        file: Attachment,
    },
    Quit,
}

/// What the file picker chooses a file for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    Open,
    Detach,
}

/// What has the keyboard.
#[derive(Debug, Clone)]
pub enum Mode {
    Normal,
    Search,
    Form(Form),
    Confirm(Confirm),
    Help,
    Summary {
        scroll: usize,
    },
    Export {
        choice: usize,
    },
    Review {
        scroll: usize,
    },
    /// Choose one of `item`'s files (numbered as `duty evidence` numbers them).
    Pick {
        purpose: PickFor,
        item: String,
        choice: usize,
    },
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
    /// The file picker: digits choose at once.
    Pick,
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
    /// Attach files to the item, or to the selected entry.
    Attach,
    /// Open a file of the item with the system's viewer.
    OpenFile,
    /// Take the selected file off the item.
    Detach,
    /// A digit in the file picker: file `n` (from 1).
    Choose(usize),
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
    /// Look at the files the attach form names, and ask before attaching them.
    CheckAttach(Box<AttachAsk>),
    /// Attach the files, as the command line does.
    Attach(Box<Request>),
    /// Open file `n` (from 1) of `item` with the system's viewer.
    Open {
        item: String,
        n: usize,
    },
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
    /// Files kept for the item and its entries.
    pub files: usize,
    /// The review's "no evidence" risk for the item, if it has one: the one rule for
    /// missing evidence, as `duty review` says it.
    pub evidence_gap: Option<Risk>,
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
    /// The attach form, set aside while its files are looked at and the officer asked:
    /// back on screen if a file cannot be attached, or the answer is no.
    pub parked: Option<Form>,
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
    /// The cursor of the details pane: over the entries, then the files.
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
            parked: None,
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
            Mode::Pick { .. } => KeyMode::Pick,
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
