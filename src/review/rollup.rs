//! Roll-up: several ledgers of one checklist and year combined into one picture (each 科室
//! keeps its own part), and the merge of an imported ledger into the local one.
//!
//! Pure. The rules, for both:
//!
//! * Entries are merged; an entry is the same as another when it has the same id, or the same
//!   date, topic and hours (one meeting logged on two machines), and is then counted once.
//!   Two entries with the same id but different content keep the first and are a conflict.
//! * A yes/no duty is done if it is done in any ledger; the earliest completion is kept with
//!   who did it and when. Different dates (or different evidence) are a conflict.
//! * Notes and item evidence: the first non-empty one is kept; a different one is a conflict.
//! * Rates: the first ledger's figures are kept; different figures in another ledger are a
//!   conflict to settle (two counts of the same people), never added up.
//!
//! Conflicts are listed, never resolved silently. Merging is idempotent: combining a ledger
//! with itself, or importing the same file twice, changes nothing.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::ledger::{Done, Entry, EvidenceSet, ItemRecord, Ledger, Op, RateRecord};

/// What two ledgers disagree about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConflictField {
    /// The same duty done on different dates.
    DoneDate,
    /// The same duty done with different evidence.
    DoneEvidence,
    /// The same entry id with a different date, topic or hours.
    Entry,
    /// Different figures for the same rate.
    Rate,
    Note,
    Evidence,
    /// The ledger belongs to another checklist or year and was left out.
    Mismatch,
}

/// One disagreement: the item (empty for [`ConflictField::Mismatch`]), what differs, and each
/// value with the index of the ledger it came from (the first one is the value kept).
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub item: String,
    pub field: ConflictField,
    pub values: Vec<(usize, String)>,
}

impl Conflict {
    /// One line for people: `center-group 完成日期不一致：a.ron 2024-03-01（采用）；b.ron 2024-03-05`.
    /// `sources` names the ledgers by index.
    pub fn describe(&self, sources: &[String], lang: Lang) -> String {
        lang.words().conflict(self, sources)
    }
}

/// Whether two entries are the same occurrence.
fn same_entry(a: &Entry, b: &Entry) -> bool {
    a.id == b.id || (a.date == b.date && a.topic == b.topic && a.hours == b.hours)
}

/// Whether two entries with the same id also agree on what happened.
fn same_content(a: &Entry, b: &Entry) -> bool {
    a.date == b.date && a.topic == b.topic && a.hours == b.hours
}

fn entry_text(e: &Entry) -> String {
    let hours = e.hours.map(|h| format!(" {h}h")).unwrap_or_default();
    format!(
        "{} {} {}{hours}",
        e.id,
        crate::text::dates::iso(e.date),
        e.topic
    )
}

/// Collects conflicts for one item and field, keeping values distinct.
#[derive(Default)]
struct Pending {
    map: BTreeMap<(String, ConflictField), Vec<(usize, String)>>,
}

impl Pending {
    fn note(
        &mut self,
        item: &str,
        field: ConflictField,
        kept: (usize, String),
        other: (usize, String),
    ) {
        let values = self.map.entry((item.to_string(), field)).or_default();
        for v in [kept, other] {
            if !values.iter().any(|(_, text)| *text == v.1) {
                values.push(v);
            }
        }
    }

    fn finish(self) -> Vec<Conflict> {
        self.map
            .into_iter()
            .map(|((item, field), values)| Conflict {
                item,
                field,
                values,
            })
            .collect()
    }
}

/// Merge `other`'s record of `item` (from ledger `src`) into `into` (whose fields came from
/// ledger `kept_src`), except the rate, which the callers treat differently.
fn merge_record(
    item: &str,
    into: &mut ItemRecord,
    origin: &mut RecordOrigin,
    other: &ItemRecord,
    src: usize,
    pending: &mut Pending,
) {
    for e in &other.entries {
        match origin.find(e) {
            None => {
                origin.add(e, into.entries.len(), src);
                into.entries.push(e.clone());
            }
            Some(i) => {
                let mine = &mut into.entries[i];
                if !same_content(mine, e) {
                    pending.note(
                        item,
                        ConflictField::Entry,
                        (origin.entries[i], entry_text(mine)),
                        (src, entry_text(e)),
                    );
                } else if mine.evidence.is_empty() && !e.evidence.is_empty() {
                    // The same meeting, with the minutes number filled in on the other machine.
                    mine.evidence = e.evidence.clone();
                }
            }
        }
    }
    match (&mut into.done, &other.done) {
        (_, None) => {}
        (None, Some(d)) => {
            into.done = Some(d.clone());
            origin.done = src;
        }
        (Some(mine), Some(d)) => {
            let show = |d: &Done| format!("{}（{}）", crate::text::dates::iso(d.date), d.by);
            if d.date < mine.date {
                // The earliest completion is the one that counts.
                pending.note(
                    item,
                    ConflictField::DoneDate,
                    (src, show(d)),
                    (origin.done, show(mine)),
                );
                *mine = d.clone();
                origin.done = src;
            } else if d.date > mine.date {
                pending.note(
                    item,
                    ConflictField::DoneDate,
                    (origin.done, show(mine)),
                    (src, show(d)),
                );
            } else if mine.evidence.is_empty() {
                mine.evidence = d.evidence.clone();
            } else if !d.evidence.is_empty() && d.evidence != mine.evidence {
                pending.note(
                    item,
                    ConflictField::DoneEvidence,
                    (origin.done, mine.evidence.clone()),
                    (src, d.evidence.clone()),
                );
            }
        }
    }
    for (field, mine, theirs, from) in [
        (
            ConflictField::Note,
            &mut into.note,
            &other.note,
            &mut origin.note,
        ),
        (
            ConflictField::Evidence,
            &mut into.evidence,
            &other.evidence,
            &mut origin.evidence,
        ),
    ] {
        if theirs.is_empty() || mine == theirs {
            continue;
        }
        if mine.is_empty() {
            *mine = theirs.clone();
            *from = src;
        } else {
            pending.note(item, field, (*from, mine.clone()), (src, theirs.clone()));
        }
    }
}

/// Which ledger each kept value came from (for naming sources in conflicts).
/// Also indexes the kept entries by id and by content, so that matching stays linear when
/// twenty ledgers pour thousands of entries into one item.
#[derive(Default)]
struct RecordOrigin {
    entries: Vec<usize>,
    done: usize,
    note: usize,
    evidence: usize,
    by_id: HashMap<String, usize>,
    by_content: HashMap<ContentKey, usize>,
}

/// Date, topic and hours (as bits: the hours of one occurrence are copied, never computed).
type ContentKey = (Date, String, Option<u64>);

fn content_key(e: &Entry) -> ContentKey {
    (e.date, e.topic.clone(), e.hours.map(f64::to_bits))
}

impl RecordOrigin {
    /// The origin of a first record, whose entries are made distinct on the way in.
    fn of(src: usize, item: &str, entries: &mut Vec<Entry>, pending: &mut Pending) -> Self {
        let mut origin = RecordOrigin {
            done: src,
            note: src,
            evidence: src,
            ..Default::default()
        };
        let mut kept: Vec<Entry> = Vec::with_capacity(entries.len());
        for e in entries.drain(..) {
            match origin.find(&e) {
                None => {
                    origin.add(&e, kept.len(), src);
                    kept.push(e);
                }
                Some(i) if !same_content(&kept[i], &e) => pending.note(
                    item,
                    ConflictField::Entry,
                    (src, entry_text(&kept[i])),
                    (src, entry_text(&e)),
                ),
                Some(_) => {}
            }
        }
        *entries = kept;
        origin
    }

    /// The first kept entry that is the same occurrence as `e` (see [`same_entry`]).
    fn find(&self, e: &Entry) -> Option<usize> {
        let by_id = self.by_id.get(e.id.as_str()).copied();
        let by_content = self.by_content.get(&content_key(e)).copied();
        match (by_id, by_content) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn add(&mut self, e: &Entry, index: usize, src: usize) {
        self.by_id.entry(e.id.to_string()).or_insert(index);
        self.by_content.entry(content_key(e)).or_insert(index);
        self.entries.push(src);
    }
}

/// Combine `ledgers` of `checklist` into one read-only view (for status, review and summary).
///
/// The result carries the checklist's id and year, is closed only if every input is, and has
/// `seq` 0 (it is never saved). Ledgers of another checklist or year are left out and listed
/// as a [`ConflictField::Mismatch`] conflict. Conflicts are sorted by item, then field.
pub fn combine(checklist: &Checklist, ledgers: &[Ledger]) -> (Ledger, Vec<Conflict>) {
    let mut out = Ledger::new(&checklist.id, checklist.year);
    let mut pending = Pending::default();
    let mut mismatched = Vec::new();
    let mut origins: BTreeMap<String, RecordOrigin> = BTreeMap::new();
    // Per item: the first rate recorded, and the ledger it came from.
    let mut rates: BTreeMap<String, (usize, RateRecord)> = BTreeMap::new();
    let mut used = 0;
    let mut all_closed = true;
    for (src, ledger) in ledgers.iter().enumerate() {
        if ledger.checklist != checklist.id || ledger.year != checklist.year {
            mismatched.push((src, format!("{} {}", ledger.checklist, ledger.year)));
            continue;
        }
        used += 1;
        all_closed &= ledger.closed;
        for (id, record) in &ledger.items {
            match out.items.get_mut(id) {
                None => {
                    let mut copy = record.clone();
                    copy.rate = None;
                    // A single ledger may hold one occurrence twice (logged twice by hand).
                    origins.insert(
                        id.clone(),
                        RecordOrigin::of(src, id, &mut copy.entries, &mut pending),
                    );
                    out.items.insert(id.clone(), copy);
                }
                Some(into) => {
                    let origin = origins.entry(id.clone()).or_default();
                    merge_record(id, into, origin, record, src, &mut pending);
                }
            }
            if let Some(rate) = &record.rate {
                // Two officers' figures for one rate are two answers to one question: a
                // conflict to settle, never a sum.
                match rates.get(id) {
                    None => {
                        rates.insert(id.clone(), (src, rate.clone()));
                    }
                    Some((first, kept))
                        if (kept.numerator, kept.denominator)
                            != (rate.numerator, rate.denominator) =>
                    {
                        pending.note(
                            id,
                            ConflictField::Rate,
                            (*first, rate_text(kept)),
                            (src, rate_text(rate)),
                        );
                    }
                    Some(_) => {}
                }
            }
        }
    }
    for (id, (_, rate)) in rates {
        out.items.entry(id).or_default().rate = Some(rate);
    }
    for record in out.items.values_mut() {
        record.entries.sort_by_key(|e| e.date);
    }
    out.closed = used > 0 && all_closed;
    let mut conflicts = pending.finish();
    if !mismatched.is_empty() {
        conflicts.insert(
            0,
            Conflict {
                item: String::new(),
                field: ConflictField::Mismatch,
                values: mismatched,
            },
        );
    }
    (out, conflicts)
}

/// The result of merging an imported ledger into the local one.
#[derive(Debug, Clone)]
pub struct Merge {
    /// The operations that bring the import in, in order, resolved against the local
    /// ledger (committed as one batch, so `duty undo` takes the import back as a whole).
    pub ops: Vec<Op>,
    /// Disagreements; the local value was kept. Source 0 is local, 1 the import.
    pub conflicts: Vec<Conflict>,
}

/// Merge `incoming` into `local`. The caller has checked that both belong to the same
/// checklist and year and that `local` is not closed. Entries, ticks and texts are stamped
/// with who recorded them on the other machine, as they were.
///
/// An import only adds: entries not already there, a duty's completion (or its evidence when
/// the local tick has none), a rate where none is recorded, a note or evidence where the
/// local one is empty; a differing rate, date or text is listed as a conflict.
/// It never edits or removes anything local.
pub fn merge_into(local: &Ledger, incoming: &Ledger) -> Merge {
    let mut ledger = local.clone();
    let mut ops = Vec::new();
    let mut pending = Pending::default();
    let mut step = |ledger: &mut Ledger, op: Op| {
        ledger.apply(&op).unwrap_or_else(|e| {
            unreachable!("an import step fits the ledger it was made for: {e}")
        });
        ops.push(op);
    };
    for (id, theirs) in &incoming.items {
        for e in &theirs.entries {
            let mine = ledger
                .items
                .get(id)
                .map(|r| r.entries.as_slice())
                .unwrap_or(&[]);
            match mine.iter().find(|m| same_entry(m, e)) {
                Some(m) if !same_content(m, e) => {
                    pending.note(
                        id,
                        ConflictField::Entry,
                        (0, entry_text(m)),
                        (1, entry_text(e)),
                    );
                }
                Some(_) => {}
                // An entry whose id is taken here by another occurrence comes in under a
                // longer id, as a new one logged here would.
                None => {
                    let mut entry = e.clone();
                    while mine.iter().any(|m| m.id == entry.id) {
                        entry.id.push('x');
                    }
                    step(
                        &mut ledger,
                        Op::Log {
                            item: id.clone(),
                            entry,
                            at: None,
                        },
                    );
                }
            }
        }
        if let Some(d) = &theirs.done {
            let mine = ledger.items.get(id).and_then(|r| r.done.clone());
            let show = |d: &Done| format!("{}（{}）", crate::text::dates::iso(d.date), d.by);
            let take = match &mine {
                None => true,
                Some(m) if m.date != d.date => {
                    pending.note(id, ConflictField::DoneDate, (0, show(m)), (1, show(d)));
                    false
                }
                Some(m) if m.evidence.is_empty() => !d.evidence.is_empty(),
                Some(m) => {
                    if !d.evidence.is_empty() && d.evidence != m.evidence {
                        pending.note(
                            id,
                            ConflictField::DoneEvidence,
                            (0, m.evidence.clone()),
                            (1, d.evidence.clone()),
                        );
                    }
                    false
                }
            };
            if take {
                let op = Op::Check {
                    item: id.clone(),
                    done: d.clone(),
                    was: mine,
                };
                step(&mut ledger, op);
            }
        }
        if let Some(rate) = &theirs.rate {
            let mine = ledger.items.get(id).and_then(|r| r.rate.clone());
            // An import never replaces a figure already recorded here: a differing one is
            // listed as a conflict for the officer to settle with `duty rate`.
            match &mine {
                None => step(
                    &mut ledger,
                    Op::Rate {
                        item: id.clone(),
                        rate: rate.clone(),
                        was: None,
                    },
                ),
                Some(m) if (m.numerator, m.denominator) != (rate.numerator, rate.denominator) => {
                    pending.note(
                        id,
                        ConflictField::Rate,
                        (0, rate_text(m)),
                        (1, rate_text(rate)),
                    );
                }
                Some(_) => {}
            }
        }
        let record = ledger.items.get(id).cloned().unwrap_or_default();
        if !theirs.note.is_empty() && theirs.note != record.note {
            if record.note.is_empty() {
                let op = Op::Note {
                    item: id.clone(),
                    text: theirs.note.clone(),
                    was: String::new(),
                };
                step(&mut ledger, op);
            } else {
                pending.note(
                    id,
                    ConflictField::Note,
                    (0, record.note.clone()),
                    (1, theirs.note.clone()),
                );
            }
        }
        if !theirs.evidence.is_empty() && theirs.evidence != record.evidence {
            if record.evidence.is_empty() {
                let was = EvidenceSet {
                    item: String::new(),
                    done: record.done.as_ref().map(|d| d.evidence.clone()),
                    rate: record.rate.as_ref().map(|r| r.evidence.clone()),
                };
                let now = EvidenceSet {
                    item: theirs.evidence.clone(),
                    ..was.clone()
                };
                step(
                    &mut ledger,
                    Op::Evidence {
                        item: id.clone(),
                        now,
                        was,
                    },
                );
            } else {
                pending.note(
                    id,
                    ConflictField::Evidence,
                    (0, record.evidence.clone()),
                    (1, theirs.evidence.clone()),
                );
            }
        }
    }
    Merge {
        ops,
        conflicts: pending.finish(),
    }
}

fn rate_text(x: &RateRecord) -> String {
    format!(
        "{}/{}（{}）",
        x.numerator,
        x.denominator,
        crate::text::dates::iso(x.date)
    )
}
