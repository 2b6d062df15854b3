//! Why a change was refused, as data: the words are chosen by `i18n`.

use jiff::civil::Date;

use crate::checklist::KindTag;

/// A field of a record that holds free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Topic,
    Evidence,
    Note,
    FileName,
    Presided,
    Attended,
}

/// Why a change was refused. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeError {
    UnknownItem {
        id: String,
        suggestions: Vec<String>,
    },
    /// A name several items answer to: their numbers, ids and titles.
    AmbiguousItem {
        name: String,
        matches: Vec<(usize, String, String)>,
    },
    WrongKind {
        item: String,
        kind: KindTag,
        wanted: &'static [KindTag],
    },
    DateOutside {
        date: Date,
        from: Date,
        to: Date,
    },
    InFuture {
        date: Date,
        today: Date,
    },
    EmptyTopic,
    UnsafeText {
        field: Field,
        ch: char,
    },
    HoursRequired {
        item: String,
    },
    /// Hours given for an item that counts occurrences, not hours.
    HoursNotHere {
        item: String,
    },
    BadHours {
        hours: f64,
    },
    BadRate {
        numerator: u64,
        denominator: u64,
    },
    NotChecked {
        item: String,
    },
    NoSuchEntry {
        item: String,
        entry: String,
        known: Vec<String>,
    },
    /// A rate entered again exactly as it is recorded (figure, date and evidence): writing
    /// it would only add a change that changes nothing to the history.
    SameRate {
        item: String,
        numerator: u64,
        denominator: u64,
        date: Date,
    },
    /// An edit that would leave the entry exactly as it is.
    NothingToEdit {
        item: String,
        entry: String,
    },
    Closed {
        year: i16,
    },
    NotClosed {
        year: i16,
    },
    AlreadyClosed {
        year: i16,
    },
    EmptyFileName,
    /// The same file is already kept for the item (or entry).
    AlreadyAttached {
        item: String,
        name: String,
    },
    NoSuchFile {
        item: String,
        file: String,
        known: Vec<String>,
    },
    /// The hash prefix given matches several files.
    AmbiguousFile {
        item: String,
        file: String,
    },
    /// A logged entry that still keeps files cannot be removed: they would belong to nothing.
    EntryHasFiles {
        item: String,
        entry: String,
        files: usize,
    },
    /// Undoing or redoing would refer again to a file the clean-up has since deleted.
    FileNotKept {
        item: String,
        name: String,
    },
    NothingToUndo,
    NothingToRedo,
    /// An import that holds nothing the ledger lacks.
    NothingNew,
    /// The state an operation was resolved against is not the state it meets: someone else
    /// changed the item (or the year) in the meantime. `item` is `None` for the year itself.
    Changed {
        item: Option<String>,
    },
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::Lang::En.words().change_error(self))
    }
}

impl std::error::Error for ChangeError {}
