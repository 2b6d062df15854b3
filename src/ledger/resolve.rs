//! Resolving a [`Change`] once against a ledger into the [`Op`] that makes it: every rule
//! checked, the entry id, the person and the values it replaces fixed here.

use super::error::{ChangeError, Field};
use super::model::{Attachment, Done, Entry, ItemRecord, Ledger, RateRecord};
use super::op::{Change, EvidenceSet, Op, Stamp};
use super::{rules, sessions};
use crate::checklist::{Checklist, Item, KindTag};

/// Resolve `change` against `ledger` (of `checklist`): check it against every rule and fix
/// what it sets and replaces. Nothing is changed; apply the result with [`Ledger::apply`].
pub fn resolve(
    checklist: &Checklist,
    ledger: &Ledger,
    change: &Change,
    stamp: &Stamp,
) -> Result<Op, ChangeError> {
    let year = ledger.year;
    match change {
        Change::Reopen if !ledger.closed => return Err(ChangeError::NotClosed { year }),
        Change::Reopen => return Ok(Op::Reopen),
        Change::Close if ledger.closed => return Err(ChangeError::AlreadyClosed { year }),
        _ if ledger.closed => return Err(ChangeError::Closed { year }),
        Change::Close => return Ok(Op::Close),
        _ => {}
    }
    let id = change_item(change);
    let item = checklist.item(id).ok_or_else(|| ChangeError::UnknownItem {
        id: id.to_string(),
        suggestions: checklist
            .suggest(id)
            .into_iter()
            .map(String::from)
            .collect(),
    })?;
    let record = ledger.record(id).cloned().unwrap_or_default();
    let kind = item.kind.tag();
    let need = |wanted: &'static [KindTag]| {
        if wanted.contains(&kind) {
            Ok(())
        } else {
            Err(ChangeError::WrongKind {
                item: id.to_string(),
                kind,
                wanted,
            })
        }
    };
    let by = || stamp.by.clone();
    let item_id = id.to_string();
    Ok(match change {
        Change::Check { date, evidence, .. } => {
            need(&[KindTag::Task])?;
            rules::date_allowed(year, *date, stamp.today)?;
            rules::clean(Field::Evidence, evidence)?;
            // Ticking again without evidence changes the date, never loses the evidence.
            let evidence = kept(evidence, record.done.as_ref().map(|d| &d.evidence));
            Op::Check {
                item: item_id,
                done: Done {
                    date: *date,
                    evidence,
                    by: by(),
                },
                was: record.done,
            }
        }
        Change::Uncheck { .. } => {
            need(&[KindTag::Task])?;
            let was = record.done.ok_or(ChangeError::NotChecked {
                item: item_id.clone(),
            })?;
            Op::Uncheck { item: item_id, was }
        }
        Change::Log { .. } | Change::Unlog { .. } | Change::Edit { .. } => {
            need(&[KindTag::Count, KindTag::Hours])?;
            return sessions::resolve(checklist, ledger, change, stamp);
        }
        Change::Rate {
            numerator,
            denominator,
            date,
            evidence,
            ..
        } => {
            need(&[KindTag::Rate])?;
            if !rules::rate_valid(*numerator, *denominator) {
                return Err(ChangeError::BadRate {
                    numerator: *numerator,
                    denominator: *denominator,
                });
            }
            rules::date_allowed(year, *date, stamp.today)?;
            rules::clean(Field::Evidence, evidence)?;
            let evidence = kept(evidence, record.rate.as_ref().map(|r| &r.evidence));
            // The same figures again (`duty rate ITEM 46/46` run twice) change nothing, and
            // are refused like an edit that changes nothing, so the history holds no
            // change that is none. Who entered it is not part of the figure.
            if let Some(was) = &record.rate
                && (
                    was.numerator,
                    was.denominator,
                    was.date,
                    was.evidence.as_str(),
                ) == (*numerator, *denominator, *date, evidence.as_str())
            {
                return Err(ChangeError::SameRate {
                    item: item_id,
                    numerator: *numerator,
                    denominator: *denominator,
                    date: *date,
                });
            }
            Op::Rate {
                item: item_id,
                rate: RateRecord {
                    numerator: *numerator,
                    denominator: *denominator,
                    date: *date,
                    evidence,
                    by: by(),
                },
                was: record.rate,
            }
        }
        Change::Note { text, .. } => {
            rules::clean(Field::Note, text)?;
            Op::Note {
                item: item_id,
                text: text.clone(),
                was: record.note,
            }
        }
        Change::Evidence { text, .. } => {
            rules::clean(Field::Evidence, text)?;
            let was = EvidenceSet {
                item: record.evidence.clone(),
                done: record.done.as_ref().map(|d| d.evidence.clone()),
                rate: record.rate.as_ref().map(|r| r.evidence.clone()),
            };
            // Clearing means all of it: a tick or a rate keeps its evidence when corrected
            // without new evidence, so this is how a wrong one is taken out.
            let clear = text.trim().is_empty();
            let now = EvidenceSet {
                item: text.clone(),
                done: was
                    .done
                    .as_ref()
                    .map(|d| if clear { String::new() } else { d.clone() }),
                rate: was
                    .rate
                    .as_ref()
                    .map(|r| if clear { String::new() } else { r.clone() }),
            };
            Op::Evidence {
                item: item_id,
                now,
                was,
            }
        }
        Change::Attach {
            entry, file, date, ..
        } => {
            let target = match entry {
                Some(e) => {
                    need(&[KindTag::Count, KindTag::Hours])?;
                    Some(find_entry(&record, id, e)?)
                }
                None => None,
            };
            rules::clean(Field::FileName, &file.name)?;
            if file.name.trim().is_empty() {
                return Err(ChangeError::EmptyFileName);
            }
            if record
                .files
                .iter()
                .any(|f| f.sha256 == file.sha256 && f.entry.as_deref() == entry.as_deref())
            {
                return Err(ChangeError::AlreadyAttached {
                    item: item_id,
                    name: file.name.clone(),
                });
            }
            // The day it proves: the one given, else the entry's, the tick's, the rate's.
            let date = match date {
                Some(d) => {
                    rules::date_allowed(year, *d, stamp.today)?;
                    *d
                }
                None => target
                    .map(|e| e.date)
                    .or(record.done.as_ref().map(|d| d.date))
                    .or(record.rate.as_ref().map(|r| r.date))
                    .unwrap_or(stamp.today),
            };
            Op::Attach {
                item: item_id,
                file: Attachment {
                    name: file.name.clone(),
                    size: file.size,
                    sha256: file.sha256.clone(),
                    date,
                    entry: entry.clone(),
                    by: by(),
                },
            }
        }
        Change::Detach { entry, sha256, .. } => {
            let wanted = sha256.to_ascii_lowercase();
            let matching: Vec<&Attachment> = record
                .files_of(entry.as_deref())
                .filter(|f| !wanted.is_empty() && f.sha256.starts_with(&wanted))
                .collect();
            match matching.as_slice() {
                [one] => Op::Detach {
                    item: item_id,
                    file: (*one).clone(),
                },
                [] => {
                    return Err(ChangeError::NoSuchFile {
                        item: item_id,
                        file: sha256.clone(),
                        known: record
                            .files_of(entry.as_deref())
                            .map(|f| f.name.clone())
                            .collect(),
                    });
                }
                _ => {
                    return Err(ChangeError::AmbiguousFile {
                        item: item_id,
                        file: sha256.clone(),
                    });
                }
            }
        }
        Change::Close | Change::Reopen => unreachable!("resolved above"),
    })
}

fn change_item(change: &Change) -> &str {
    match change {
        Change::Check { item, .. }
        | Change::Uncheck { item }
        | Change::Log { item, .. }
        | Change::Unlog { item, .. }
        | Change::Edit { item, .. }
        | Change::Rate { item, .. }
        | Change::Note { item, .. }
        | Change::Evidence { item, .. }
        | Change::Attach { item, .. }
        | Change::Detach { item, .. } => item,
        Change::Close | Change::Reopen => "",
    }
}

/// The evidence to record: the one given, or, when none is, the one recorded before (a date
/// or a figure corrected without repeating the evidence keeps it).
fn kept(given: &str, before: Option<&String>) -> String {
    if given.trim().is_empty() {
        before.cloned().unwrap_or_default()
    } else {
        given.to_string()
    }
}

pub(super) fn check_topic(topic: &str) -> Result<(), ChangeError> {
    if topic.trim().is_empty() {
        return Err(ChangeError::EmptyTopic);
    }
    rules::clean(Field::Topic, topic)
}

pub(super) fn check_hours(item: &Item, hours: Option<f64>) -> Result<(), ChangeError> {
    let counts_hours = item.kind.tag() == KindTag::Hours;
    match hours {
        None if counts_hours => Err(ChangeError::HoursRequired {
            item: item.id.clone(),
        }),
        Some(_) if !counts_hours => Err(ChangeError::HoursNotHere {
            item: item.id.clone(),
        }),
        Some(h) if !rules::hours_valid(h) => Err(ChangeError::BadHours { hours: h }),
        _ => Ok(()),
    }
}

pub(super) fn find_entry<'r>(
    record: &'r ItemRecord,
    item: &str,
    entry: &str,
) -> Result<&'r Entry, ChangeError> {
    record.entry(entry).ok_or_else(|| ChangeError::NoSuchEntry {
        item: item.to_string(),
        entry: entry.to_string(),
        known: record.entries.iter().map(|e| e.id.to_string()).collect(),
    })
}
