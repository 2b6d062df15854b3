//! Auditing a ledger from elsewhere (or edited by hand): the first record that `duty` itself
//! would never have written.

use jiff::civil::Date;

use super::error::Field;
use super::model::{ItemRecord, Ledger};
use super::rules;
use crate::checklist::{Checklist, KindTag};
use crate::text;

/// Something `duty` would never have recorded, and the item whose record holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub item: String,
    pub flaw: Flaw,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Flaw {
    TickOnNonTask,
    RateOnNonRate,
    InvalidRate {
        numerator: u64,
        denominator: u64,
    },
    OutsideYear(Date),
    EntriesOnNonLogging,
    EntryWithoutIdOrTopic,
    InvalidHours(f64),
    MissingHours,
    ControlCharacter {
        field: TextField,
        ch: char,
    },
    /// A kept file whose hash is not a SHA-256 in hex, or that belongs to no entry here.
    BadFile {
        name: String,
    },
}

/// Where in a record a piece of text sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Id,
    EntryId,
    By,
    Text(Field),
}

impl Ledger {
    /// The first thing in this ledger that `duty` itself would never have recorded: a record
    /// that does not fit its item's kind, a date outside the year, bad hours or rates, or
    /// text with control characters. Ledgers from elsewhere are checked with this before
    /// they are merged, so a hand-made or damaged file cannot slip in what the commands
    /// refuse. Records of items not in `checklist` get the checks that need no kind.
    pub fn problem(&self, checklist: &Checklist) -> Option<Problem> {
        let in_year = |d: Date| rules::in_year(self.year, d);
        for (id, r) in &self.items {
            let at = |flaw: Flaw| {
                Some(Problem {
                    item: id.clone(),
                    flaw,
                })
            };
            let kind = checklist.item(id).map(|i| i.kind.tag());
            if let Some(d) = &r.done {
                if kind.is_some_and(|k| k != KindTag::Task) {
                    return at(Flaw::TickOnNonTask);
                }
                if !in_year(d.date) {
                    return at(Flaw::OutsideYear(d.date));
                }
            }
            if let Some(rate) = &r.rate {
                if kind.is_some_and(|k| k != KindTag::Rate) {
                    return at(Flaw::RateOnNonRate);
                }
                if !rules::rate_valid(rate.numerator, rate.denominator) {
                    return at(Flaw::InvalidRate {
                        numerator: rate.numerator,
                        denominator: rate.denominator,
                    });
                }
                if !in_year(rate.date) {
                    return at(Flaw::OutsideYear(rate.date));
                }
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
                    // Hours on a counted item are refused at input, but an earlier build
                    // took them and they change no figure: not a reason to refuse a file.
                    Some(h) if !rules::hours_valid(h) => return at(Flaw::InvalidHours(h)),
                    None if kind == Some(KindTag::Hours) => return at(Flaw::MissingHours),
                    _ => {}
                }
            }
            for f in &r.files {
                let hash_ok = f.sha256.len() == 64
                    && f.sha256
                        .bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
                let entry_ok = f.entry.as_ref().is_none_or(|e| r.entry(e).is_some());
                if !hash_ok || !entry_ok {
                    return at(Flaw::BadFile {
                        name: f.name.clone(),
                    });
                }
                if !in_year(f.date) {
                    return at(Flaw::OutsideYear(f.date));
                }
            }
            if let Some(flaw) = bad_text(id, r) {
                return at(flaw);
            }
        }
        None
    }
}

/// The first text of one item's record with a control character, checked in this order
/// after every other check of the record.
fn bad_text(id: &str, r: &ItemRecord) -> Option<Flaw> {
    let check = |field, value: &str| {
        text::check_input(value)
            .err()
            .map(|bad| Flaw::ControlCharacter { field, ch: bad.ch })
    };
    let evidence = TextField::Text(Field::Evidence);
    let done = r.done.iter().map(|d| (&d.evidence, &d.by));
    let rate = r.rate.iter().map(|rate| (&rate.evidence, &rate.by));
    let flaw = check(TextField::Id, id)
        .or_else(|| check(TextField::Text(Field::Note), &r.note))
        .or_else(|| check(evidence, &r.evidence))
        .or_else(|| {
            done.chain(rate)
                .find_map(|(e, by)| check(evidence, e).or_else(|| check(TextField::By, by)))
        });
    if flaw.is_some() {
        return flaw;
    }
    for e in &r.entries {
        let flaw = check(TextField::EntryId, &e.id)
            .or_else(|| check(TextField::Text(Field::Topic), &e.topic))
            .or_else(|| check(evidence, &e.evidence))
            .or_else(|| check(TextField::By, &e.by));
        if flaw.is_some() {
            return flaw;
        }
    }
    r.files.iter().find_map(|f| {
        check(TextField::Text(Field::FileName), &f.name).or_else(|| check(TextField::By, &f.by))
    })
}
