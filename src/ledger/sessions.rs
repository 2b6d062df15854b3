//! Logging, removing and correcting sessions, one of which may count for several items (a
//! 中心组 study that is also the leader's 学时): logged once, with one id, into every item it
//! counts for, each copy naming the others; removed, corrected and undone together.

use super::error::{ChangeError, Field};
use super::model::{Entry, Ledger};
use super::op::{Change, Op, Stamp};
use super::resolve::{check_hours, check_topic, find_entry};
use super::rules;
use crate::checklist::{Checklist, Item, KindTag};

/// Resolve a `Log`, `Unlog` or `Edit` (the caller has checked the first item's kind).
pub(super) fn resolve(
    checklist: &Checklist,
    ledger: &Ledger,
    change: &Change,
    stamp: &Stamp,
) -> Result<Op, ChangeError> {
    let ops = match change {
        Change::Log { .. } => log(checklist, ledger, change, stamp)?,
        Change::Unlog { item, entry } => unlog(ledger, item, entry)?,
        Change::Edit { .. } => edit(checklist, ledger, change, stamp)?,
        _ => unreachable!("only sessions come here"),
    };
    Ok(one(ops))
}

/// One operation, or several as one batch.
fn one(mut ops: Vec<Op>) -> Op {
    if ops.len() == 1 {
        ops.remove(0)
    } else {
        Op::Batch { ops }
    }
}

/// The item `id`, which must count sessions or hours.
fn logging_item<'c>(checklist: &'c Checklist, id: &str) -> Result<&'c Item, ChangeError> {
    let item = checklist.item(id).ok_or_else(|| ChangeError::UnknownItem {
        id: id.to_string(),
        suggestions: checklist
            .suggest(id)
            .into_iter()
            .map(String::from)
            .collect(),
    })?;
    match item.kind.tag() {
        KindTag::Count | KindTag::Hours => Ok(item),
        kind => Err(ChangeError::WrongKind {
            item: id.to_string(),
            kind,
            wanted: &[KindTag::Count, KindTag::Hours],
        }),
    }
}

fn log(
    checklist: &Checklist,
    ledger: &Ledger,
    change: &Change,
    stamp: &Stamp,
) -> Result<Vec<Op>, ChangeError> {
    let Change::Log {
        item,
        date,
        topic,
        hours,
        evidence,
        people,
        also,
    } = change
    else {
        unreachable!("a log")
    };
    let mut targets: Vec<&Item> = vec![logging_item(checklist, item)?];
    for other in also {
        let other = logging_item(checklist, other)?;
        if !targets.iter().any(|t| t.id == other.id) {
            targets.push(other);
        }
    }
    rules::date_allowed(ledger.year, *date, stamp.today)?;
    check_topic(topic)?;
    rules::clean(Field::Evidence, evidence)?;
    rules::clean(Field::Presided, &people.presided)?;
    rules::clean(Field::Attended, &people.attended)?;
    // Hours belong to the hours items among those the session counts for.
    let counts_hours = |i: &Item| i.kind.tag() == KindTag::Hours;
    match targets.iter().find(|i| counts_hours(i)) {
        Some(h) => check_hours(h, *hours)?,
        None => check_hours(targets[0], *hours)?,
    }
    let taken = |id: &str| {
        targets
            .iter()
            .any(|t| ledger.record(&t.id).is_some_and(|r| r.entry(id).is_some()))
    };
    let existing = ledger.record(item).map_or(0, |r| r.entries.len());
    let id = rules::entry_id(
        stamp.at.as_nanosecond(),
        &stamp.by,
        item,
        topic,
        existing,
        taken,
    );
    let ids: Vec<&str> = targets.iter().map(|t| t.id.as_str()).collect();
    Ok(targets
        .iter()
        .map(|t| Op::Log {
            item: t.id.clone(),
            entry: Entry {
                id: id.as_str().into(),
                date: *date,
                topic: topic.clone(),
                hours: hours.filter(|_| counts_hours(t)),
                evidence: evidence.as_str().into(),
                by: stamp.by.as_str().into(),
                presided: people.presided.clone(),
                attended: people.attended.clone(),
                linked: ids
                    .iter()
                    .filter(|i| **i != t.id)
                    .map(|i| i.to_string())
                    .collect(),
            },
            at: None,
        })
        .collect())
}

/// The copies of entry `entry` of `item`: its own, then those of the items it is linked
/// to that still hold it.
fn copies<'l>(
    ledger: &'l Ledger,
    item: &str,
    entry: &str,
) -> Result<Vec<(String, &'l Entry, usize)>, ChangeError> {
    let record = ledger.record(item).cloned().unwrap_or_default();
    let found = find_entry(&record, item, entry)?;
    let mut out = Vec::new();
    for id in std::iter::once(item.to_string()).chain(found.linked.iter().cloned()) {
        if let Some(r) = ledger.record(&id)
            && let Some(at) = r.entries.iter().position(|e| e.id == entry)
        {
            out.push((id, &r.entries[at], at));
        }
    }
    Ok(out)
}

fn unlog(ledger: &Ledger, item: &str, entry: &str) -> Result<Vec<Op>, ChangeError> {
    // Files kept for the session would belong to nothing.
    for (i, e, _) in copies(ledger, item, entry)? {
        let files = ledger
            .record(&i)
            .map_or(0, |r| r.files_of(Some(&e.id)).count());
        if files > 0 {
            return Err(ChangeError::EntryHasFiles {
                item: i,
                entry: e.id.to_string(),
                files,
            });
        }
    }
    Ok(copies(ledger, item, entry)?
        .into_iter()
        .map(|(item, e, at)| Op::Unlog {
            item,
            entry: e.clone(),
            at,
        })
        .collect())
}

fn edit(
    checklist: &Checklist,
    ledger: &Ledger,
    change: &Change,
    stamp: &Stamp,
) -> Result<Vec<Op>, ChangeError> {
    let Change::Edit {
        item,
        entry,
        date,
        topic,
        hours,
        evidence,
        presided,
        attended,
    } = change
    else {
        unreachable!("an edit")
    };
    let copies = copies(ledger, item, entry)?;
    if let Some(date) = date {
        rules::date_allowed(ledger.year, *date, stamp.today)?;
    }
    if let Some(topic) = topic {
        check_topic(topic)?;
    }
    for (field, text) in [
        (Field::Evidence, evidence),
        (Field::Presided, presided),
        (Field::Attended, attended),
    ] {
        if let Some(text) = text {
            rules::clean(field, text)?;
        }
    }
    let hours_item = |id: &str| {
        checklist
            .item(id)
            .is_some_and(|i| i.kind.tag() == KindTag::Hours)
    };
    if hours.is_some() {
        match copies.iter().find(|(id, _, _)| hours_item(id)) {
            Some((id, _, _)) => check_hours(logging_item(checklist, id)?, *hours)?,
            None => check_hours(logging_item(checklist, item)?, *hours)?,
        }
    }
    let mut ops = Vec::new();
    for (id, was, _) in copies {
        let mut now = was.clone();
        if let Some(d) = date {
            now.date = *d;
        }
        if let Some(t) = topic {
            now.topic = t.clone();
        }
        if let Some(h) = hours.filter(|_| hours_item(&id)) {
            now.hours = Some(h);
        }
        if let Some(e) = evidence {
            now.evidence = e.as_str().into();
        }
        if let Some(p) = presided {
            now.presided = p.clone();
        }
        if let Some(a) = attended {
            now.attended = a.clone();
        }
        if now != *was {
            ops.push(Op::Edit {
                item: id,
                was: was.clone(),
                now,
            });
        }
    }
    if ops.is_empty() {
        return Err(ChangeError::NothingToEdit {
            item: item.clone(),
            entry: entry.clone(),
        });
    }
    Ok(ops)
}
