//! The ledger: everything recorded against one checklist for one year, and the changes to it.
//!
//! Pure: a [`Change`] is checked against the checklist and applied to a [`Ledger`] in memory;
//! "today", "now" and "who" come in through [`Ctx`]. Saving, locking and the history file
//! belong to `store`. Records of items that vanished from the checklist are kept untouched
//! (they are reported as orphans), so editing the checklist never loses progress.

use std::collections::BTreeMap;
use std::fmt;
use std::hash::{Hash, Hasher};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::checklist::{Checklist, Item, KindTag};
use crate::i18n::Lang;
use crate::text;

/// The ledger file format written by this build. A ledger with a higher number was written
/// by a newer `duty` and is refused rather than misread (and never overwritten).
pub const FORMAT_VERSION: u32 = 1;

/// Most hours one logged entry may carry (a day of study).
pub const MAX_ENTRY_HOURS: f64 = 24.0;

/// Largest numerator or denominator of a rate: far above any unit's headcount, far below
/// where sums of several ledgers could overflow.
pub const MAX_RATE_COUNT: u64 = 100_000_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    pub format: u32,
    /// The checklist id this ledger belongs to.
    pub checklist: String,
    pub year: i16,
    /// A closed year refuses every change but `Reopen`.
    #[serde(default)]
    pub closed: bool,
    /// Number of changes applied so far; history records carry the number they produced.
    #[serde(default)]
    pub seq: u64,
    #[serde(default)]
    pub items: BTreeMap<String, ItemRecord>,
}

/// What is recorded for one item. Which parts are used depends on the item's kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRecord {
    /// A yes/no duty that was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Done>,
    /// Occurrences of a counted or hours item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Entry>,
    /// The latest figures of a rate item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<RateRecord>,
    /// Free note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Evidence kept for the item as a whole (a folder, a file number).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

impl ItemRecord {
    pub fn is_empty(&self) -> bool {
        *self == ItemRecord::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Done {
    pub date: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(default)]
    pub by: String,
}

/// One logged occurrence: a meeting, a study session, a lecture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Short stable id, unique within the item (used by `duty unlog`).
    pub id: String,
    pub date: Date,
    pub topic: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(default)]
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateRecord {
    pub numerator: u64,
    pub denominator: u64,
    pub date: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(default)]
    pub by: String,
}

impl RateRecord {
    pub fn percent(&self) -> f64 {
        if self.denominator == 0 {
            0.0
        } else {
            self.numerator as f64 * 100.0 / self.denominator as f64
        }
    }
}

/// One change to a ledger, as the user asked for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    Check {
        item: String,
        date: Date,
        evidence: String,
    },
    Uncheck {
        item: String,
    },
    Log {
        item: String,
        date: Date,
        topic: String,
        hours: Option<f64>,
        evidence: String,
    },
    Unlog {
        item: String,
        entry: String,
    },
    Rate {
        item: String,
        numerator: u64,
        denominator: u64,
        date: Date,
        evidence: String,
    },
    Note {
        item: String,
        text: String,
    },
    Evidence {
        item: String,
        text: String,
    },
    /// Revert change number `seq`: the item goes back to `restore` (its state before).
    Undo {
        seq: u64,
        item: String,
        restore: Option<ItemRecord>,
    },
    Close,
    Reopen,
}

impl Change {
    /// The item the change is about, if any.
    pub fn item(&self) -> Option<&str> {
        match self {
            Change::Check { item, .. }
            | Change::Uncheck { item }
            | Change::Log { item, .. }
            | Change::Unlog { item, .. }
            | Change::Rate { item, .. }
            | Change::Note { item, .. }
            | Change::Evidence { item, .. }
            | Change::Undo { item, .. } => Some(item),
            Change::Close | Change::Reopen => None,
        }
    }
}

/// The moment and person behind a change; injected so that the core never reads the clock.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub today: Date,
    pub now: Timestamp,
    pub user: String,
}

/// What a change did to its item, for the history and for undo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Applied {
    pub item: Option<String>,
    pub before: Option<ItemRecord>,
    pub after: Option<ItemRecord>,
    /// The id given to a newly logged entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
}

/// Why a change was refused. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeError {
    UnknownItem {
        id: String,
        suggestions: Vec<String>,
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
        field: &'static str,
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
    Closed {
        year: i16,
    },
    NotClosed {
        year: i16,
    },
    AlreadyClosed {
        year: i16,
    },
    NothingToUndo,
}

impl Ledger {
    pub fn new(checklist: &str, year: i16) -> Self {
        Ledger {
            format: FORMAT_VERSION,
            checklist: checklist.to_string(),
            year,
            closed: false,
            seq: 0,
            items: BTreeMap::new(),
        }
    }

    pub fn record(&self, item: &str) -> Option<&ItemRecord> {
        self.items.get(item)
    }

    /// Records whose item is not in `checklist` (renamed or removed since they were made).
    pub fn orphans<'a>(
        &'a self,
        checklist: &'a Checklist,
    ) -> impl Iterator<Item = (&'a String, &'a ItemRecord)> + 'a {
        self.items
            .iter()
            .filter(move |(id, _)| checklist.item(id).is_none())
    }

    /// Check `change` against `checklist` and apply it. On error the ledger is unchanged.
    pub fn apply(
        &mut self,
        checklist: &Checklist,
        change: &Change,
        ctx: &Ctx,
    ) -> Result<Applied, ChangeError> {
        match change {
            Change::Reopen => {
                if !self.closed {
                    return Err(ChangeError::NotClosed { year: self.year });
                }
                self.closed = false;
                self.seq += 1;
                return Ok(Applied {
                    item: None,
                    before: None,
                    after: None,
                    entry: None,
                });
            }
            _ if self.closed => return Err(ChangeError::Closed { year: self.year }),
            Change::Close => {
                self.closed = true;
                self.seq += 1;
                return Ok(Applied {
                    item: None,
                    before: None,
                    after: None,
                    entry: None,
                });
            }
            _ => {}
        }
        let id = change.item().unwrap_or_default().to_string();
        let before = self.items.get(&id).cloned();
        let mut record = before.clone().unwrap_or_default();
        let mut new_entry = None;
        if let Change::Undo { restore, .. } = change {
            // Undo restores a snapshot taken by an earlier change, item known or not.
            record = restore.clone().unwrap_or_default();
        } else {
            let item = checklist
                .item(&id)
                .ok_or_else(|| ChangeError::UnknownItem {
                    id: id.clone(),
                    suggestions: checklist
                        .suggest(&id)
                        .into_iter()
                        .map(String::from)
                        .collect(),
                })?;
            new_entry = self.change_record(item, &mut record, change, ctx)?;
        }
        let after = (!record.is_empty()).then_some(record);
        match &after {
            Some(r) => {
                self.items.insert(id.clone(), r.clone());
            }
            None => {
                self.items.remove(&id);
            }
        }
        self.seq += 1;
        Ok(Applied {
            item: Some(id),
            before,
            after,
            entry: new_entry,
        })
    }

    fn change_record(
        &self,
        item: &Item,
        record: &mut ItemRecord,
        change: &Change,
        ctx: &Ctx,
    ) -> Result<Option<String>, ChangeError> {
        let kind = item.kind.tag();
        let need = |wanted: &'static [KindTag]| {
            if wanted.contains(&kind) {
                Ok(())
            } else {
                Err(ChangeError::WrongKind {
                    item: item.id.clone(),
                    kind,
                    wanted,
                })
            }
        };
        match change {
            Change::Check { date, evidence, .. } => {
                need(&[KindTag::Task])?;
                self.in_window(*date, ctx.today)?;
                clean("evidence", evidence)?;
                // Ticking again without evidence changes the date, never loses the evidence.
                let evidence = kept_evidence(evidence, record.done.as_ref().map(|d| &d.evidence));
                record.done = Some(Done {
                    date: *date,
                    evidence,
                    by: ctx.user.clone(),
                });
            }
            Change::Uncheck { .. } => {
                need(&[KindTag::Task])?;
                if record.done.take().is_none() {
                    return Err(ChangeError::NotChecked {
                        item: item.id.clone(),
                    });
                }
            }
            Change::Log {
                date,
                topic,
                hours,
                evidence,
                ..
            } => {
                need(&[KindTag::Count, KindTag::Hours])?;
                self.in_window(*date, ctx.today)?;
                if topic.trim().is_empty() {
                    return Err(ChangeError::EmptyTopic);
                }
                clean("topic", topic)?;
                clean("evidence", evidence)?;
                match hours {
                    None if kind == KindTag::Hours => {
                        return Err(ChangeError::HoursRequired {
                            item: item.id.clone(),
                        });
                    }
                    Some(_) if kind != KindTag::Hours => {
                        return Err(ChangeError::HoursNotHere {
                            item: item.id.clone(),
                        });
                    }
                    Some(h) if !(h.is_finite() && *h > 0.0 && *h <= MAX_ENTRY_HOURS) => {
                        return Err(ChangeError::BadHours { hours: *h });
                    }
                    _ => {}
                }
                let id = entry_id(self.seq, ctx, &item.id, topic, &record.entries);
                record.entries.push(Entry {
                    id: id.clone(),
                    date: *date,
                    topic: topic.clone(),
                    hours: *hours,
                    evidence: evidence.clone(),
                    by: ctx.user.clone(),
                });
                // Keep entries in date order; logging order breaks ties (stable sort).
                record.entries.sort_by_key(|e| e.date);
                return Ok(Some(id));
            }
            Change::Unlog { entry, .. } => {
                need(&[KindTag::Count, KindTag::Hours])?;
                let Some(pos) = record.entries.iter().position(|e| e.id == *entry) else {
                    return Err(ChangeError::NoSuchEntry {
                        item: item.id.clone(),
                        entry: entry.clone(),
                        known: record.entries.iter().map(|e| e.id.clone()).collect(),
                    });
                };
                record.entries.remove(pos);
            }
            Change::Rate {
                numerator,
                denominator,
                date,
                evidence,
                ..
            } => {
                need(&[KindTag::Rate])?;
                if *denominator == 0 || numerator > denominator || *denominator > MAX_RATE_COUNT {
                    return Err(ChangeError::BadRate {
                        numerator: *numerator,
                        denominator: *denominator,
                    });
                }
                self.in_window(*date, ctx.today)?;
                clean("evidence", evidence)?;
                let evidence = kept_evidence(evidence, record.rate.as_ref().map(|r| &r.evidence));
                record.rate = Some(RateRecord {
                    numerator: *numerator,
                    denominator: *denominator,
                    date: *date,
                    evidence,
                    by: ctx.user.clone(),
                });
            }
            Change::Note { text, .. } => {
                clean("note", text)?;
                record.note = text.clone();
            }
            Change::Evidence { text, .. } => {
                clean("evidence", text)?;
                record.evidence = text.clone();
                // Clearing means all of it: a tick or a rate keeps its evidence when corrected
                // without new evidence, so this is how a wrong one is taken out.
                if text.trim().is_empty() {
                    if let Some(done) = &mut record.done {
                        done.evidence.clear();
                    }
                    if let Some(rate) = &mut record.rate {
                        rate.evidence.clear();
                    }
                }
            }
            Change::Undo { .. } | Change::Close | Change::Reopen => {
                unreachable!("handled by apply")
            }
        }
        Ok(None)
    }

    /// Dates must fall in the ledger's year or the first half of the next (the window in
    /// which the year's duties and its report are done).
    /// Dates must fall in the year's window, and not after today: a session is logged once it
    /// has happened, and a future date would count towards a target too early.
    fn in_window(&self, date: Date, today: Date) -> Result<(), ChangeError> {
        let (from, to) = year_window(self.year);
        if !(from..=to).contains(&date) {
            return Err(ChangeError::DateOutside { date, from, to });
        }
        if date > today {
            return Err(ChangeError::InFuture { date, today });
        }
        Ok(())
    }
}

impl Ledger {
    /// The first thing in this ledger that `duty` itself would never have recorded: a record
    /// that does not fit its item's kind, a date outside the year, bad hours or rates, or
    /// text with control characters. Ledgers from elsewhere (`import-ledger`, `--ledger`)
    /// are checked with this before they are merged, so a hand-made or damaged file cannot
    /// slip in what the commands refuse. Records of items not in `checklist` get the checks
    /// that need no kind.
    pub fn problem(&self, checklist: &Checklist) -> Option<Problem> {
        let (from, to) = year_window(self.year);
        let in_year = |d: Date| (from..=to).contains(&d);
        for (id, r) in &self.items {
            let at = |flaw: Flaw| {
                Some(Problem {
                    item: id.clone(),
                    flaw,
                })
            };
            let kind = checklist.item(id).map(|i| i.kind.tag());
            let mut texts: Vec<(&'static str, &str)> =
                vec![("id", id), ("note", &r.note), ("evidence", &r.evidence)];
            if let Some(d) = &r.done {
                if kind.is_some_and(|k| k != KindTag::Task) {
                    return at(Flaw::TickOnNonTask);
                }
                if !in_year(d.date) {
                    return at(Flaw::OutsideYear(d.date));
                }
                texts.extend([("evidence", d.evidence.as_str()), ("by", d.by.as_str())]);
            }
            if let Some(rate) = &r.rate {
                if kind.is_some_and(|k| k != KindTag::Rate) {
                    return at(Flaw::RateOnNonRate);
                }
                if rate.denominator == 0
                    || rate.numerator > rate.denominator
                    || rate.denominator > MAX_RATE_COUNT
                {
                    return at(Flaw::InvalidRate {
                        numerator: rate.numerator,
                        denominator: rate.denominator,
                    });
                }
                if !in_year(rate.date) {
                    return at(Flaw::OutsideYear(rate.date));
                }
                texts.extend([
                    ("evidence", rate.evidence.as_str()),
                    ("by", rate.by.as_str()),
                ]);
            }
            if !r.entries.is_empty()
                && kind.is_some_and(|k| !matches!(k, KindTag::Count | KindTag::Hours))
            {
                return at(Flaw::EntriesOnNonLogging);
            }
            for e in &r.entries {
                if e.id.is_empty() || e.topic.trim().is_empty() {
                    return at(Flaw::EntryWithoutIdOrTopic);
                }
                if !in_year(e.date) {
                    return at(Flaw::OutsideYear(e.date));
                }
                match e.hours {
                    // Hours on a counted item are refused at input, but the previous build
                    // took them and they change no figure: not a reason to refuse a file.
                    Some(h) if !(h.is_finite() && h > 0.0 && h <= MAX_ENTRY_HOURS) => {
                        return at(Flaw::InvalidHours(h));
                    }
                    None if kind == Some(KindTag::Hours) => {
                        return at(Flaw::MissingHours);
                    }
                    _ => {}
                }
                texts.extend([
                    ("entry id", e.id.as_str()),
                    ("topic", e.topic.as_str()),
                    ("evidence", e.evidence.as_str()),
                    ("by", e.by.as_str()),
                ]);
            }
            for (field, value) in texts {
                if let Err(bad) = text::check_input(value) {
                    return at(Flaw::ControlCharacter { field, ch: bad.ch });
                }
            }
        }
        None
    }
}

/// Something `duty` would never have recorded, found in a ledger from elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The item whose record it is in.
    pub item: String,
    pub flaw: Flaw,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Flaw {
    TickOnNonTask,
    RateOnNonRate,
    InvalidRate { numerator: u64, denominator: u64 },
    OutsideYear(Date),
    EntriesOnNonLogging,
    EntryWithoutIdOrTopic,
    InvalidHours(f64),
    MissingHours,
    ControlCharacter { field: &'static str, ch: char },
}

impl Problem {
    /// A warning about this problem in the local ledger, which is shown, not refused: the
    /// rest of the year's records stay usable while the officer puts it right.
    pub fn warning(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "注意：台账中有 duty 不会写入的记录（可能被手工改过）：{}。请用 duty history 核对并改正。",
                self.describe(lang)
            ),
            Lang::En => format!(
                "note: the ledger holds a record duty would not have written (edited by hand?): {}. Check it with duty history and put it right.",
                self.describe(lang)
            ),
        }
    }

    pub fn describe(&self, lang: Lang) -> String {
        let item = text::for_terminal(&self.item);
        let what = match (&self.flaw, lang) {
            (Flaw::TickOnNonTask, Lang::Zh) => "非“是否完成”事项却记有完成".to_string(),
            (Flaw::TickOnNonTask, Lang::En) => "a tick on an item that is not a yes/no duty".into(),
            (Flaw::RateOnNonRate, Lang::Zh) => "非比率事项却记有比率".into(),
            (Flaw::RateOnNonRate, Lang::En) => "a rate on an item that is not a rate target".into(),
            (
                Flaw::InvalidRate {
                    numerator,
                    denominator,
                },
                Lang::Zh,
            ) => {
                format!("比率 {numerator}/{denominator} 无效")
            }
            (
                Flaw::InvalidRate {
                    numerator,
                    denominator,
                },
                Lang::En,
            ) => {
                format!("rate {numerator}/{denominator} is invalid")
            }
            (Flaw::OutsideYear(d), Lang::Zh) => {
                format!("日期 {} 超出本年度", crate::date::iso(*d))
            }
            (Flaw::OutsideYear(d), Lang::En) => {
                format!("date {} is outside the year", crate::date::iso(*d))
            }
            (Flaw::EntriesOnNonLogging, Lang::Zh) => "不登记活动的事项却有活动记录".into(),
            (Flaw::EntriesOnNonLogging, Lang::En) => {
                "logged entries on an item that does not log them".into()
            }
            (Flaw::EntryWithoutIdOrTopic, Lang::Zh) => "有一条活动记录缺少编号或主题".into(),
            (Flaw::EntryWithoutIdOrTopic, Lang::En) => "an entry without id or topic".into(),
            (Flaw::InvalidHours(h), Lang::Zh) => format!("学时 '{h}' 无效"),
            (Flaw::InvalidHours(h), Lang::En) => format!("hours '{h}' are invalid"),
            (Flaw::MissingHours, Lang::Zh) => "学时事项的活动记录缺少学时".into(),
            (Flaw::MissingHours, Lang::En) => "an entry without hours on an hours item".into(),
            (Flaw::ControlCharacter { field, ch }, Lang::Zh) => {
                let field = match *field {
                    "id" => "事项编号",
                    "note" => "备注",
                    "evidence" => "佐证材料",
                    "by" => "记录人",
                    "entry id" => "记录编号",
                    "topic" => "主题",
                    other => other,
                };
                format!("{field}含有控制字符 U+{:04X}", *ch as u32)
            }
            (Flaw::ControlCharacter { field, ch }, Lang::En) => {
                format!("{field} has control character U+{:04X}", *ch as u32)
            }
        };
        match lang {
            Lang::Zh => format!("事项“{item}”：{what}"),
            Lang::En => format!("item '{item}': {what}"),
        }
    }
}

pub use crate::date::year_window;

/// The evidence to record: the one given, or, when none is, the one recorded before (a date
/// or a figure corrected without repeating the evidence keeps it).
fn kept_evidence(given: &str, before: Option<&String>) -> String {
    if given.trim().is_empty() {
        before.cloned().unwrap_or_default()
    } else {
        given.to_string()
    }
}

fn clean(field: &'static str, s: &str) -> Result<(), ChangeError> {
    text::check_input(s)
        .map(|_| ())
        .map_err(|bad| ChangeError::UnsafeText { field, ch: bad.ch })
}

/// A short id (six base-32 characters) unique within the item. It is derived from the
/// moment, the change number and the content, so that ledgers kept on different machines
/// rarely share ids; a collision within the item lengthens the id.
fn entry_id(seq: u64, ctx: &Ctx, item: &str, topic: &str, existing: &[Entry]) -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (seq, ctx.now.as_nanosecond(), item, topic, &ctx.user).hash(&mut hasher);
    let mut bits = hasher.finish();
    let mut id = String::new();
    loop {
        for _ in 0..6 {
            id.push(ALPHABET[(bits & 31) as usize] as char);
            bits >>= 5;
            if bits == 0 {
                bits = u64::from(seq as u32) ^ 0x9E37_79B9_7F4A_7C15;
            }
        }
        if !existing.iter().any(|e| e.id == id) {
            return id;
        }
    }
}

impl ChangeError {
    /// The error in the UI language. Text quoted from the user is escaped for the terminal.
    pub fn message(&self, lang: Lang) -> String {
        let q = |s: &str| text::for_terminal(s).into_owned();
        let kind_name = |k: KindTag| kind_label(k, lang);
        match (self, lang) {
            (ChangeError::UnknownItem { id, suggestions }, _) => {
                let mut m = match lang {
                    Lang::Zh => format!("清单中没有事项 '{}'", q(id)),
                    Lang::En => format!("no item '{}' in the checklist", q(id)),
                };
                if !suggestions.is_empty() {
                    let list = suggestions.join("', '");
                    m.push_str(&match lang {
                        Lang::Zh => format!("；是否想找 '{list}'？"),
                        Lang::En => format!("; did you mean '{list}'?"),
                    });
                }
                m
            }
            (ChangeError::WrongKind { item, kind, wanted }, _) => {
                let wanted: Vec<_> = wanted.iter().map(|k| kind_name(*k)).collect();
                match lang {
                    Lang::Zh => format!(
                        "事项 '{}' 属于{}，此命令只适用于{}",
                        q(item),
                        kind_name(*kind),
                        wanted.join("或")
                    ),
                    Lang::En => format!(
                        "item '{}' is a {}; this command is for {} items",
                        q(item),
                        kind_name(*kind),
                        wanted.join(" or ")
                    ),
                }
            }
            (ChangeError::DateOutside { date, from, to }, _) => {
                let (day, first, last) = (
                    crate::date::iso(*date),
                    crate::date::iso(*from),
                    crate::date::iso(*to),
                );
                let year = from.year();
                let mut m = match lang {
                    Lang::Zh => format!("日期 {day} 不在 {year} 年度范围内（{first} 至 {last}）"),
                    Lang::En => format!("date {day} is outside {year} ({first} to {last})"),
                };
                // Most often last year's work, recorded in the new year before the report.
                if date < from {
                    m.push_str(&match lang {
                        Lang::Zh => format!(
                            "；如要记入 {0} 年度，请切换到该年度（命令行加 --year {0}，界面按 y）",
                            date.year()
                        ),
                        Lang::En => format!(
                            "; to record it in {0}, switch to that year (--year {0}, or y on the screen)",
                            date.year()
                        ),
                    });
                }
                m
            }
            (ChangeError::InFuture { date, today }, Lang::Zh) => format!(
                "日期 {} 晚于今天（{}）：请在活动完成后再登记",
                crate::date::iso(*date),
                crate::date::iso(*today)
            ),
            (ChangeError::InFuture { date, today }, Lang::En) => format!(
                "date {} is after today ({}); record it once it has happened",
                crate::date::iso(*date),
                crate::date::iso(*today)
            ),
            (ChangeError::EmptyTopic, Lang::Zh) => "主题不能为空".into(),
            (ChangeError::EmptyTopic, Lang::En) => "the topic must not be empty".into(),
            (ChangeError::UnsafeText { field, ch }, Lang::Zh) => {
                let field = match *field {
                    "topic" => "主题",
                    "evidence" => "佐证材料",
                    "note" => "备注",
                    other => other,
                };
                format!(
                    "{field}含有控制字符或方向控制符 U+{:04X}，不能保存；请删去后重试",
                    *ch as u32
                )
            }
            (ChangeError::UnsafeText { field, ch }, Lang::En) => format!(
                "the {field} contains control character U+{:04X}; remove it and try again",
                *ch as u32
            ),
            (ChangeError::HoursRequired { item }, Lang::Zh) => {
                format!("事项 '{}' 按学时计，请用 --hours 填写学时", q(item))
            }
            (ChangeError::HoursRequired { item }, Lang::En) => {
                format!("item '{}' counts hours; give them with --hours", q(item))
            }
            (ChangeError::HoursNotHere { item }, Lang::Zh) => {
                format!("事项 '{}' 按次数计，不记学时；请去掉 --hours", q(item))
            }
            (ChangeError::HoursNotHere { item }, Lang::En) => {
                format!(
                    "item '{}' counts occurrences, not hours; leave out --hours",
                    q(item)
                )
            }
            (ChangeError::BadHours { hours }, Lang::Zh) if *hours < 0.0 => {
                format!("学时 '{hours}' 是负数；学时应大于 0 且不超过 {MAX_ENTRY_HOURS}")
            }
            (ChangeError::BadHours { hours }, Lang::En) if *hours < 0.0 => format!(
                "hours '{hours}' are negative; expected more than 0 and at most {MAX_ENTRY_HOURS}"
            ),
            (ChangeError::BadHours { hours }, Lang::Zh) => {
                format!("学时 '{hours}' 无效，应大于 0 且不超过 {MAX_ENTRY_HOURS}")
            }
            (ChangeError::BadHours { hours }, Lang::En) => {
                format!(
                    "hours '{hours}' are invalid; expected more than 0 and at most {MAX_ENTRY_HOURS}"
                )
            }
            (
                ChangeError::BadRate {
                    numerator,
                    denominator,
                },
                Lang::Zh,
            ) => format!("比率 '{numerator}/{denominator}' 无效：分母须大于 0，分子不能大于分母"),
            (
                ChangeError::BadRate {
                    numerator,
                    denominator,
                },
                Lang::En,
            ) => format!(
                "rate '{numerator}/{denominator}' is invalid: the denominator must be above 0 and the numerator at most the denominator"
            ),
            (ChangeError::NotChecked { item }, Lang::Zh) => {
                format!("事项 '{}' 尚未勾选，无需取消", q(item))
            }
            (ChangeError::NotChecked { item }, Lang::En) => {
                format!("item '{}' is not checked", q(item))
            }
            (ChangeError::NoSuchEntry { item, entry, known }, _) => {
                let known = if known.is_empty() {
                    lang.pick("（无记录）", "(none)").to_string()
                } else {
                    known.iter().map(|k| q(k)).collect::<Vec<_>>().join(", ")
                };
                match lang {
                    Lang::Zh => format!(
                        "事项 '{}' 没有编号为 '{}' 的记录；现有记录：{known}",
                        q(item),
                        q(entry)
                    ),
                    Lang::En => format!(
                        "item '{}' has no entry '{}'; its entries: {known}",
                        q(item),
                        q(entry)
                    ),
                }
            }
            (ChangeError::Closed { year }, Lang::Zh) => {
                format!("{year} 年度已关账，台账只读；如需修改请先运行 duty reopen --year {year}")
            }
            (ChangeError::Closed { year }, Lang::En) => format!(
                "the year {year} is closed and its ledger is read-only; run 'duty reopen --year {year}' to change it"
            ),
            (ChangeError::NotClosed { year }, Lang::Zh) => format!("{year} 年度并未关账"),
            (ChangeError::NotClosed { year }, Lang::En) => format!("the year {year} is not closed"),
            (ChangeError::AlreadyClosed { year }, Lang::Zh) => format!("{year} 年度已经关账"),
            (ChangeError::AlreadyClosed { year }, Lang::En) => {
                format!("the year {year} is already closed")
            }
            (ChangeError::NothingToUndo, Lang::Zh) => "没有可以撤销的修改".into(),
            (ChangeError::NothingToUndo, Lang::En) => "there is nothing to undo".into(),
        }
    }
}

impl fmt::Display for ChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ChangeError {}

/// The kind's name in the UI language.
pub fn kind_label(kind: KindTag, lang: Lang) -> &'static str {
    match (kind, lang) {
        (KindTag::Task, Lang::Zh) => "是否完成类事项",
        (KindTag::Count, Lang::Zh) => "计次类事项",
        (KindTag::Rate, Lang::Zh) => "比率类事项",
        (KindTag::Hours, Lang::Zh) => "学时类事项",
        (KindTag::Task, Lang::En) => "yes/no duty",
        (KindTag::Count, Lang::En) => "counted target",
        (KindTag::Rate, Lang::En) => "rate target",
        (KindTag::Hours, Lang::En) => "hours target",
    }
}

/// One line of the append-only history: change number `seq`, who made it and when, what was
/// asked, and the item's state before and after (what `duty history` shows and undo restores).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRecord {
    pub seq: u64,
    pub at: Timestamp,
    pub by: String,
    pub change: Change,
    #[serde(flatten)]
    pub applied: Applied,
}

/// The records that took effect, oldest first. The history is written before the ledger, so
/// a crash between the two leaves a record whose number is reused by the next change (or is
/// beyond the ledger's count): the later record with a number wins, and numbers beyond
/// `ledger_seq` never took effect.
pub fn effective_history(records: Vec<HistoryRecord>, ledger_seq: u64) -> Vec<HistoryRecord> {
    let mut out: Vec<HistoryRecord> = Vec::with_capacity(records.len());
    for r in records {
        if r.seq > ledger_seq {
            continue;
        }
        while out.last().is_some_and(|last| last.seq >= r.seq) {
            out.pop();
        }
        out.push(r);
    }
    out
}

/// The change `duty undo` reverts: the latest item change not already undone. Undoing twice
/// goes further back; an undo is itself a change in the history, never an erasure.
pub fn undo_target(history: &[HistoryRecord]) -> Option<&HistoryRecord> {
    let mut undone = std::collections::HashSet::new();
    for r in history.iter().rev() {
        match &r.change {
            Change::Undo { seq, .. } => {
                undone.insert(*seq);
            }
            Change::Close | Change::Reopen => {}
            _ if undone.contains(&r.seq) => {}
            _ => return Some(r),
        }
    }
    None
}

/// A ledger rebuilt from its history alone (for a ledger lost with no backup): each record
/// holds its item's state after the change, so replaying those states in order gives the
/// ledger as of the last record.
pub fn rebuild(checklist: &str, year: i16, records: Vec<HistoryRecord>) -> Ledger {
    replay(Ledger::new(checklist, year), records, u64::MAX).0
}

/// `ledger` brought up to date with the history: every change recorded after its `seq` that
/// took effect gives its item the state it had after that change (and `close`/`reopen` their
/// flag). How a ledger restored from its backup, one save behind, gets back the last change
/// instead of losing it. Returns the ledger and the records replayed, oldest first.
///
/// `upto` is the last change known to have been saved (the damaged ledger's own count, when
/// it can still be read); records beyond it never took effect. `u64::MAX` when unknown.
pub fn replay(
    mut ledger: Ledger,
    records: Vec<HistoryRecord>,
    upto: u64,
) -> (Ledger, Vec<HistoryRecord>) {
    let base = ledger.seq;
    let later: Vec<HistoryRecord> = effective_history(records, upto)
        .into_iter()
        .filter(|r| r.seq > base)
        .collect();
    for r in &later {
        match &r.change {
            Change::Close => ledger.closed = true,
            Change::Reopen => ledger.closed = false,
            _ => {}
        }
        if let Some(item) = &r.applied.item {
            match &r.applied.after {
                Some(after) => {
                    ledger.items.insert(item.clone(), after.clone());
                }
                None => {
                    ledger.items.remove(item);
                }
            }
        }
        ledger.seq = r.seq;
    }
    (ledger, later)
}

/// The change that undoes `target`.
pub fn undo_change(target: &HistoryRecord) -> Change {
    Change::Undo {
        seq: target.seq,
        item: target.applied.item.clone().unwrap_or_default(),
        restore: target.applied.before.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{BUILTIN_DEFAULT, load};
    use jiff::civil::date;

    fn setup() -> (Checklist, Ledger, Ctx) {
        let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2024, Lang::Zh).unwrap();
        let l = Ledger::new(&c.id, 2024);
        // The last day of the year's window, so that every date in it is already past.
        let ctx = Ctx {
            today: date(2025, 6, 30),
            now: Timestamp::from_second(1_717_200_000).unwrap(),
            user: "tester".into(),
        };
        (c, l, ctx)
    }

    fn log(item: &str, d: Date, topic: &str, hours: Option<f64>) -> Change {
        Change::Log {
            item: item.into(),
            date: d,
            topic: topic.into(),
            hours,
            evidence: String::new(),
        }
    }

    #[test]
    fn correcting_a_date_or_figure_keeps_the_evidence() {
        let (c, mut l, ctx) = setup();
        let check = |d: Date, evidence: &str| Change::Check {
            item: "annual-plan".into(),
            date: d,
            evidence: evidence.into(),
        };
        l.apply(&c, &check(date(2024, 3, 28), "政数〔2024〕3号"), &ctx)
            .unwrap();
        l.apply(&c, &check(date(2024, 3, 29), ""), &ctx).unwrap();
        let done = l.record("annual-plan").unwrap().done.clone().unwrap();
        assert_eq!(
            (done.date, done.evidence.as_str()),
            (date(2024, 3, 29), "政数〔2024〕3号")
        );
        l.apply(&c, &check(date(2024, 3, 30), "新文号"), &ctx)
            .unwrap();
        assert_eq!(
            l.record("annual-plan")
                .unwrap()
                .done
                .as_ref()
                .unwrap()
                .evidence,
            "新文号"
        );
        let rate = |n: u64, evidence: &str| Change::Rate {
            item: "exam-participation".into(),
            numerator: n,
            denominator: 50,
            date: date(2024, 6, 1),
            evidence: evidence.into(),
        };
        l.apply(&c, &rate(46, "考试平台名单"), &ctx).unwrap();
        l.apply(&c, &rate(48, ""), &ctx).unwrap();
        let r = l
            .record("exam-participation")
            .unwrap()
            .rate
            .clone()
            .unwrap();
        assert_eq!((r.numerator, r.evidence.as_str()), (48, "考试平台名单"));
    }

    #[test]
    fn clearing_evidence_clears_the_ticks_and_the_rates_too() {
        let (c, mut l, ctx) = setup();
        let check = Change::Check {
            item: "annual-plan".into(),
            date: date(2024, 3, 28),
            evidence: "错误文号".into(),
        };
        l.apply(&c, &check, &ctx).unwrap();
        let clear = Change::Evidence {
            item: "annual-plan".into(),
            text: String::new(),
        };
        l.apply(&c, &clear, &ctx).unwrap();
        let record = l.record("annual-plan").unwrap();
        assert_eq!(record.done.as_ref().unwrap().evidence, "");
        assert_eq!(
            record.done.as_ref().unwrap().date,
            date(2024, 3, 28),
            "the tick stays"
        );
    }

    #[test]
    fn hours_are_refused_on_an_item_that_counts_occurrences() {
        let (c, mut l, ctx) = setup();
        let with_hours = log("center-group", date(2024, 5, 1), "《宪法》", Some(2.0));
        assert_eq!(
            l.apply(&c, &with_hours, &ctx),
            Err(ChangeError::HoursNotHere {
                item: "center-group".into()
            })
        );
        assert!(l.record("center-group").is_none());
    }

    #[test]
    fn check_and_uncheck_a_duty() {
        let (c, mut l, ctx) = setup();
        let check = Change::Check {
            item: "annual-plan".into(),
            date: date(2024, 3, 1),
            evidence: "政数〔2024〕1号".into(),
        };
        let applied = l.apply(&c, &check, &ctx).unwrap();
        assert_eq!(applied.before, None);
        let done = l.record("annual-plan").unwrap().done.clone().unwrap();
        assert_eq!((done.date, done.by.as_str()), (date(2024, 3, 1), "tester"));
        l.apply(
            &c,
            &Change::Uncheck {
                item: "annual-plan".into(),
            },
            &ctx,
        )
        .unwrap();
        assert!(
            l.record("annual-plan").is_none(),
            "an empty record is dropped"
        );
        assert_eq!(l.seq, 2);
        let again = l.apply(
            &c,
            &Change::Uncheck {
                item: "annual-plan".into(),
            },
            &ctx,
        );
        assert!(matches!(again, Err(ChangeError::NotChecked { .. })));
        assert_eq!(l.seq, 2, "a refused change is not counted");
    }

    #[test]
    fn log_and_unlog_entries_in_date_order() {
        let (c, mut l, ctx) = setup();
        let a = l
            .apply(
                &c,
                &log("center-group", date(2024, 5, 1), "《宪法》", None),
                &ctx,
            )
            .unwrap()
            .entry
            .unwrap();
        let b = l
            .apply(
                &c,
                &log("center-group", date(2024, 2, 1), "《民法典》", None),
                &ctx,
            )
            .unwrap()
            .entry
            .unwrap();
        assert_ne!(a, b);
        let topics: Vec<_> = l
            .record("center-group")
            .unwrap()
            .entries
            .iter()
            .map(|e| e.topic.as_str())
            .collect();
        assert_eq!(topics, ["《民法典》", "《宪法》"]);
        l.apply(
            &c,
            &Change::Unlog {
                item: "center-group".into(),
                entry: b,
            },
            &ctx,
        )
        .unwrap();
        assert_eq!(l.record("center-group").unwrap().entries.len(), 1);
        let missing = l.apply(
            &c,
            &Change::Unlog {
                item: "center-group".into(),
                entry: "zzz".into(),
            },
            &ctx,
        );
        assert!(matches!(missing, Err(ChangeError::NoSuchEntry { known, .. }) if known == vec![a]));
    }

    #[test]
    fn refuses_what_does_not_fit() {
        let (c, mut l, ctx) = setup();
        let before = l.clone();
        let cases = [
            log("annual-plan", date(2024, 3, 1), "x", None),
            log("center-group", date(2023, 12, 31), "x", None),
            log("center-group", date(2025, 7, 1), "x", None),
            log("center-group", date(2024, 3, 1), "  ", None),
            log("center-group", date(2024, 3, 1), "a\x1b[2Jb", None),
            log("study-hours", date(2024, 3, 1), "x", None),
            log("study-hours", date(2024, 3, 1), "x", Some(-1.0)),
            log("study-hours", date(2024, 3, 1), "x", Some(f64::NAN)),
            log("centre-group", date(2024, 3, 1), "x", None),
            Change::Rate {
                item: "exam-pass".into(),
                numerator: 5,
                denominator: 4,
                date: date(2024, 3, 1),
                evidence: String::new(),
            },
            Change::Rate {
                item: "exam-pass".into(),
                numerator: 0,
                denominator: 0,
                date: date(2024, 3, 1),
                evidence: String::new(),
            },
            Change::Check {
                item: "center-group".into(),
                date: date(2024, 3, 1),
                evidence: String::new(),
            },
            Change::Note {
                item: "center-group".into(),
                text: "\u{202E}evil".into(),
            },
        ];
        for change in &cases {
            assert!(
                l.apply(&c, change, &ctx).is_err(),
                "{change:?} should be refused"
            );
        }
        assert_eq!(l, before);
        let unknown = l
            .apply(&c, &log("centre-group", date(2024, 3, 1), "x", None), &ctx)
            .unwrap_err();
        assert!(
            unknown
                .message(Lang::En)
                .contains("did you mean 'center-group'")
        );
    }

    #[test]
    fn rates_notes_and_evidence() {
        let (c, mut l, ctx) = setup();
        l.apply(
            &c,
            &Change::Rate {
                item: "exam-participation".into(),
                numerator: 46,
                denominator: 50,
                date: date(2024, 11, 1),
                evidence: "名单".into(),
            },
            &ctx,
        )
        .unwrap();
        assert_eq!(
            l.record("exam-participation")
                .unwrap()
                .rate
                .as_ref()
                .unwrap()
                .percent(),
            92.0
        );
        l.apply(
            &c,
            &Change::Note {
                item: "exam-participation".into(),
                text: "补考 🙂".into(),
            },
            &ctx,
        )
        .unwrap();
        l.apply(
            &c,
            &Change::Evidence {
                item: "exam-participation".into(),
                text: "档案盒3".into(),
            },
            &ctx,
        )
        .unwrap();
        let r = l.record("exam-participation").unwrap();
        assert_eq!(
            (r.note.as_str(), r.evidence.as_str()),
            ("补考 🙂", "档案盒3")
        );
        l.apply(
            &c,
            &Change::Note {
                item: "exam-participation".into(),
                text: String::new(),
            },
            &ctx,
        )
        .unwrap();
        assert!(l.record("exam-participation").unwrap().note.is_empty());
    }

    #[test]
    fn undo_walks_back_through_history() {
        let (c, mut l, ctx) = setup();
        let mut history = Vec::new();
        let record = |l: &mut Ledger, change: Change, history: &mut Vec<HistoryRecord>| {
            let applied = l.apply(&c, &change, &ctx).unwrap();
            history.push(HistoryRecord {
                seq: l.seq,
                at: ctx.now,
                by: ctx.user.clone(),
                change,
                applied,
            });
        };
        record(
            &mut l,
            log("pre-meeting-study", date(2024, 1, 5), "一月", None),
            &mut history,
        );
        let after_first = l.clone();
        record(
            &mut l,
            log("pre-meeting-study", date(2024, 2, 5), "二月", None),
            &mut history,
        );
        let target = undo_target(&history).unwrap().clone();
        assert_eq!(target.seq, 2);
        record(&mut l, undo_change(&target), &mut history);
        assert_eq!(l.items, after_first.items);
        let target = undo_target(&history).unwrap().clone();
        assert_eq!(target.seq, 1, "a second undo goes further back");
        record(&mut l, undo_change(&target), &mut history);
        assert!(l.items.is_empty());
        assert!(undo_target(&history).is_none());
        assert_eq!(history.len(), 4, "undo never erases history");
    }

    #[test]
    fn closed_year_refuses_changes_until_reopened() {
        let (c, mut l, ctx) = setup();
        l.apply(&c, &Change::Close, &ctx).unwrap();
        let r = l.apply(
            &c,
            &Change::Note {
                item: "annual-plan".into(),
                text: "x".into(),
            },
            &ctx,
        );
        assert_eq!(r, Err(ChangeError::Closed { year: 2024 }));
        l.apply(&c, &Change::Reopen, &ctx).unwrap();
        assert!(!l.closed);
        assert!(l.apply(&c, &Change::Reopen, &ctx).is_err());
    }

    #[test]
    fn orphans_are_kept() {
        let (c, mut l, _) = setup();
        l.items.insert(
            "gone".into(),
            ItemRecord {
                note: "旧事项".into(),
                ..Default::default()
            },
        );
        let orphans: Vec<_> = l.orphans(&c).map(|(id, _)| id.as_str()).collect();
        assert_eq!(orphans, ["gone"]);
    }

    #[test]
    fn effective_history_drops_records_that_never_took_effect() {
        let (_, _, ctx) = setup();
        let rec = |seq, note: &str| HistoryRecord {
            seq,
            at: ctx.now,
            by: String::new(),
            change: Change::Note {
                item: "x".into(),
                text: note.into(),
            },
            applied: Applied {
                item: Some("x".into()),
                before: None,
                after: None,
                entry: None,
            },
        };
        let h = effective_history(
            vec![
                rec(1, "a"),
                rec(2, "crashed"),
                rec(2, "b"),
                rec(3, "c"),
                rec(4, "pending"),
            ],
            3,
        );
        let notes: Vec<_> = h
            .iter()
            .map(|r| match &r.change {
                Change::Note { text, .. } => text.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(notes, ["a", "b", "c"]);
    }

    /// Apply `change` and return its history record, as `store::transact` would write it.
    fn recorded(c: &Checklist, l: &mut Ledger, ctx: &Ctx, change: Change) -> HistoryRecord {
        let applied = l.apply(c, &change, ctx).unwrap();
        HistoryRecord {
            seq: l.seq,
            at: ctx.now,
            by: ctx.user.clone(),
            change,
            applied,
        }
    }

    #[test]
    fn every_mutation_is_undone_exactly() {
        let (c, _, ctx) = setup();
        let d = date(2024, 4, 2);
        // Each case: what is there first, then the change that undo must take back.
        let cases: Vec<(Vec<Change>, Change)> = vec![
            (
                vec![],
                Change::Check {
                    item: "annual-plan".into(),
                    date: d,
                    evidence: "文号".into(),
                },
            ),
            (
                vec![Change::Check {
                    item: "annual-plan".into(),
                    date: d,
                    evidence: "文号".into(),
                }],
                Change::Uncheck {
                    item: "annual-plan".into(),
                },
            ),
            (vec![], log("study-hours", d, "宪法 🙂", Some(2.5))),
            (
                vec![
                    log("lectures", d, "一", None),
                    log("lectures", d, "二", None),
                ],
                Change::Unlog {
                    item: "lectures".into(),
                    entry: String::new(),
                },
            ),
            (
                vec![Change::Rate {
                    item: "exam-pass".into(),
                    numerator: 1,
                    denominator: 2,
                    date: d,
                    evidence: String::new(),
                }],
                Change::Rate {
                    item: "exam-pass".into(),
                    numerator: 2,
                    denominator: 2,
                    date: d,
                    evidence: "成绩单".into(),
                },
            ),
            (
                vec![Change::Note {
                    item: "lectures".into(),
                    text: "旧".into(),
                }],
                Change::Note {
                    item: "lectures".into(),
                    text: String::new(),
                },
            ),
            (
                vec![],
                Change::Evidence {
                    item: "lectures".into(),
                    text: r#"档案 "A" \ 盒"#.into(),
                },
            ),
        ];
        for (setup_changes, change) in cases {
            let mut l = Ledger::new(&c.id, 2024);
            let mut history = Vec::new();
            for s in setup_changes {
                history.push(recorded(&c, &mut l, &ctx, s));
            }
            // `unlog` takes the id the first logged entry was given.
            let change = match change {
                Change::Unlog { item, .. } => Change::Unlog {
                    entry: l.record(&item).unwrap().entries[0].id.clone(),
                    item,
                },
                other => other,
            };
            let before = l.items.clone();
            history.push(recorded(&c, &mut l, &ctx, change.clone()));
            assert_ne!(l.items, before, "{change:?} changed nothing");
            let target = undo_target(&history).unwrap().clone();
            assert_eq!(target.change, change);
            history.push(recorded(&c, &mut l, &ctx, undo_change(&target)));
            assert_eq!(l.items, before, "undoing {change:?}");
            assert_eq!(l.seq as usize, history.len(), "undo is counted as a change");
        }
    }

    #[test]
    fn undo_restores_an_orphan_and_skips_closing() {
        let (c, mut l, ctx) = setup();
        l.items.insert(
            "gone".into(),
            ItemRecord {
                note: "旧事项".into(),
                ..Default::default()
            },
        );
        let orphan = l.items["gone"].clone();
        // A change recorded while "gone" was still in the checklist: undo must restore it
        // even though the item is no longer known.
        let history = vec![
            HistoryRecord {
                seq: 1,
                at: ctx.now,
                by: ctx.user.clone(),
                change: Change::Note {
                    item: "gone".into(),
                    text: String::new(),
                },
                applied: Applied {
                    item: Some("gone".into()),
                    before: Some(orphan.clone()),
                    after: None,
                    entry: None,
                },
            },
            recorded(&c, &mut l, &ctx, Change::Close),
            recorded(&c, &mut l, &ctx, Change::Reopen),
        ];
        l.items.remove("gone");
        let target = undo_target(&history).unwrap();
        assert_eq!(target.seq, 1, "close and reopen are not undone");
        l.apply(&c, &undo_change(target), &ctx).unwrap();
        assert_eq!(l.items.get("gone"), Some(&orphan));
    }

    #[test]
    fn changes_leave_other_records_alone() {
        let (c, mut l, ctx) = setup();
        let orphan = ItemRecord {
            evidence: "旧佐证".into(),
            ..Default::default()
        };
        l.items.insert("removed-item".into(), orphan.clone());
        l.apply(&c, &log("lectures", date(2024, 5, 1), "讲座", None), &ctx)
            .unwrap();
        l.apply(
            &c,
            &Change::Note {
                item: "lectures".into(),
                text: "备注".into(),
            },
            &ctx,
        )
        .unwrap();
        assert_eq!(l.items.get("removed-item"), Some(&orphan));
        assert_eq!(l.items.len(), 2);
    }

    #[test]
    fn hours_and_dates_at_the_edges() {
        let (c, mut l, ctx) = setup();
        let (from, to) = year_window(2024);
        for d in [from, to] {
            l.apply(&c, &log("study-hours", d, "x", Some(MAX_ENTRY_HOURS)), &ctx)
                .unwrap();
        }
        let too_many = l.apply(&c, &log("study-hours", from, "x", Some(24.5)), &ctx);
        assert_eq!(too_many, Err(ChangeError::BadHours { hours: 24.5 }));
        let negative = l
            .apply(&c, &log("study-hours", from, "x", Some(-2.0)), &ctx)
            .unwrap_err();
        assert!(negative.message(Lang::En).contains("negative"));
        assert!(negative.message(Lang::Zh).contains("负数"));
        let late = to.tomorrow().unwrap();
        let outside = l
            .apply(&c, &log("lectures", late, "x", None), &ctx)
            .unwrap_err();
        assert!(outside.message(Lang::En).contains("2025-07-01"));
        assert_eq!(l.record("study-hours").unwrap().entries.len(), 2);
    }

    #[test]
    fn unsafe_text_is_refused_in_every_field() {
        let (c, mut l, ctx) = setup();
        let bad = "a\u{7}b";
        let changes = [
            Change::Check {
                item: "annual-plan".into(),
                date: date(2024, 3, 1),
                evidence: bad.into(),
            },
            Change::Log {
                item: "lectures".into(),
                date: date(2024, 3, 1),
                topic: "ok".into(),
                hours: None,
                evidence: bad.into(),
            },
            Change::Rate {
                item: "exam-pass".into(),
                numerator: 1,
                denominator: 1,
                date: date(2024, 3, 1),
                evidence: bad.into(),
            },
            Change::Evidence {
                item: "lectures".into(),
                text: "x\u{2066}y".into(),
            },
            Change::Note {
                item: "lectures".into(),
                text: "line\nbreak".into(),
            },
        ];
        for change in &changes {
            let e = l.apply(&c, change, &ctx).unwrap_err();
            assert!(matches!(e, ChangeError::UnsafeText { .. }), "{change:?}");
        }
        assert!(l.items.is_empty());
        assert_eq!(l.seq, 0);
    }

    #[test]
    fn problem_finds_what_the_commands_would_refuse() {
        let (c, mut l, ctx) = setup();
        l.apply(
            &c,
            &log("center-group", date(2024, 5, 1), "《宪法》", None),
            &ctx,
        )
        .unwrap();
        l.apply(
            &c,
            &log("study-hours", date(2024, 5, 1), "网课", Some(2.0)),
            &ctx,
        )
        .unwrap();
        assert_eq!(l.problem(&c), None);
        let bad = |edit: &dyn Fn(&mut Ledger)| {
            let mut l = l.clone();
            edit(&mut l);
            l.problem(&c)
        };
        let entry = |l: &mut Ledger, item: &str| -> Entry {
            l.items.get_mut(item).unwrap().entries[0].clone()
        };
        let flaw = |edit: &dyn Fn(&mut Ledger)| bad(edit).map(|p| p.flaw);
        assert_eq!(
            flaw(&|l| l.items.get_mut("center-group").unwrap().entries[0].date = date(1999, 1, 1)),
            Some(Flaw::OutsideYear(date(1999, 1, 1)))
        );
        assert_eq!(
            flaw(&|l| l.items.get_mut("study-hours").unwrap().entries[0].hours = Some(-100.0)),
            Some(Flaw::InvalidHours(-100.0))
        );
        assert_eq!(
            flaw(&|l| l.items.get_mut("study-hours").unwrap().entries[0].hours = None),
            Some(Flaw::MissingHours)
        );
        let control = bad(&|l| {
            l.items.get_mut("center-group").unwrap().entries[0].topic = "a\u{202E}b".into()
        })
        .unwrap();
        assert_eq!(
            control.flaw,
            Flaw::ControlCharacter {
                field: "topic",
                ch: '\u{202E}'
            }
        );
        assert_eq!(
            control.describe(Lang::Zh),
            "事项“center-group”：主题含有控制字符 U+202E"
        );
        assert_eq!(
            control.describe(Lang::En),
            "item 'center-group': topic has control character U+202E"
        );
        assert_eq!(
            flaw(&|l| {
                let e = entry(l, "center-group");
                l.items
                    .entry("annual-plan".into())
                    .or_default()
                    .entries
                    .push(e);
            }),
            Some(Flaw::EntriesOnNonLogging)
        );
        assert_eq!(
            flaw(&|l| {
                l.items.entry("exam-pass".into()).or_default().rate = Some(RateRecord {
                    numerator: u64::MAX,
                    denominator: u64::MAX,
                    date: date(2024, 5, 1),
                    evidence: String::new(),
                    by: String::new(),
                });
            }),
            Some(Flaw::InvalidRate {
                numerator: u64::MAX,
                denominator: u64::MAX
            })
        );
        // An orphan keeps its record, but still gets the checks that need no kind.
        assert!(
            bad(&|l| {
                l.items.entry("gone".into()).or_default().note = "旧".into();
            })
            .is_none()
        );
    }

    #[test]
    fn a_date_after_today_is_refused() {
        let (c, mut l, mut ctx) = setup();
        ctx.today = date(2024, 11, 20);
        let tomorrow = log("center-group", date(2024, 11, 21), "未来", None);
        assert_eq!(
            l.apply(&c, &tomorrow, &ctx),
            Err(ChangeError::InFuture {
                date: date(2024, 11, 21),
                today: date(2024, 11, 20)
            })
        );
        assert!(
            l.apply(
                &c,
                &log("center-group", date(2024, 11, 20), "今天", None),
                &ctx
            )
            .is_ok()
        );
    }
}
