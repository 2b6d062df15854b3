//! The store's own checks: a snapshot reads back as written (by the fast reader and by ron
//! alike), the journal's cut-off and damaged lines, and what every crash point of a commit
//! leaves for the next open.

use std::fs;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::book::{Book, Journal, Note, Proposal};
use super::error::{LineFault, StoreError};
use super::snapshot::{self, Mark};
use crate::checklist::{BUILTIN_DEFAULT, Checklist, load};
use crate::i18n::Lang;
use crate::ledger::{
    Attachment, Change, Done, Entry, ItemRecord, Ledger, RateRecord, Stamp, resolve,
};

/// Text a ledger might hold: any Unicode (controls and bidi overrides included, which
/// input refuses but a hand-edited file may carry), mixed with the pieces that trip up
/// quoting: quotes, raw-string hashes, backslashes, RON punctuation, CJK and emoji.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        "[\\PC]{0,6}",
        prop::sample::select(vec![
            "\"",
            "#",
            "\"#",
            "r#\"",
            "\"##",
            "\\",
            "\\n",
            "\n",
            "\r\n",
            "\t",
            "'",
            "//",
            "/*",
            ")",
            "}",
            "]",
            ",",
            "学法",
            "《宪法》",
            "🙂",
            "👨‍👩‍👧",
            "\u{202E}",
            "\0",
        ])
        .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

fn day() -> impl Strategy<Value = Date> {
    (-9999i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

fn record(text: BoxedStrategy<String>) -> impl Strategy<Value = ItemRecord> {
    let done = prop::option::of((day(), text.clone(), text.clone()))
        .prop_map(|d| d.map(|(date, evidence, by)| Done { date, evidence, by }));
    let hours = prop::option::of(any::<f64>().prop_filter("finite", |h| h.is_finite()));
    let people = (
        text.clone(),
        text.clone(),
        prop::collection::vec(text.clone(), 0..3),
    );
    let entry = (
        text.clone(),
        day(),
        text.clone(),
        hours,
        text.clone(),
        text.clone(),
        people,
    )
        .prop_map(
            |(id, date, topic, hours, evidence, by, (presided, attended, linked))| Entry {
                id: id.into(),
                date,
                topic,
                hours,
                evidence: evidence.into(),
                by: by.into(),
                presided,
                attended,
                linked,
            },
        );
    let file = (
        text.clone(),
        any::<u64>(),
        text.clone(),
        day(),
        prop::option::of(text.clone()),
        text.clone(),
    )
        .prop_map(|(name, size, sha256, date, entry, by)| Attachment {
            name,
            size,
            sha256,
            date,
            entry,
            by,
        });
    let rate = prop::option::of((
        any::<u64>(),
        any::<u64>(),
        day(),
        text.clone(),
        text.clone(),
    ))
    .prop_map(|r| {
        r.map(|(numerator, denominator, date, evidence, by)| RateRecord {
            numerator,
            denominator,
            date,
            evidence,
            by,
        })
    });
    (
        done,
        prop::collection::vec(entry, 0..4),
        rate,
        text.clone(),
        text,
        prop::collection::vec(file, 0..3),
    )
        .prop_map(|(done, entries, rate, note, evidence, files)| ItemRecord {
            done,
            entries,
            rate,
            note,
            evidence,
            files,
        })
}

fn ledger(text: BoxedStrategy<String>) -> impl Strategy<Value = Ledger> {
    (
        text.clone(),
        any::<i16>(),
        any::<bool>(),
        0..u64::MAX / 2,
        prop::collection::btree_map(text.clone(), record(text), 0..4),
    )
        .prop_map(|(checklist, year, closed, seq, items)| Ledger {
            checklist,
            year,
            closed,
            seq,
            items,
        })
}

fn reads_back(l: &Ledger) -> Result<Ledger, String> {
    let written = snapshot::serialize(
        l,
        Some(&Mark {
            id: "0123456789abcdef".into(),
            end: 7,
        }),
    );
    snapshot::parse(written.as_bytes())
        .map(|s| s.ledger)
        .map_err(|e| format!("{e:?}"))
}

proptest! {
    #[test]
    fn any_ledger_reads_back_as_written(l in ledger(text().boxed())) {
        let written = snapshot::serialize(&l, None);
        // Control characters never land in the file raw (line breaks are layout).
        prop_assert!(!written.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'));
        prop_assert_eq!(reads_back(&l), Ok(l));
    }

    #[test]
    fn the_fast_reader_reads_what_duty_writes_as_ron_does(l in ledger(text().boxed())) {
        let written = snapshot::serialize(&l, Some(&Mark { id: "x".into(), end: 1 }));
        prop_assert_eq!(snapshot::parse_fast(&written), Some(l.clone()), "{}", written);
        prop_assert_eq!(reads_back(&l), Ok(l));
    }
}

fn setup() -> (tempfile::TempDir, Book, Checklist) {
    let dir = tempfile::tempdir().unwrap();
    let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2024, Lang::Zh).unwrap();
    let book = Book::new(dir.path(), &c.id, 2024);
    (dir, book, c)
}

fn stamp() -> Stamp {
    Stamp {
        today: date(2025, 6, 30),
        at: Timestamp::from_second(1_717_200_000).unwrap(),
        by: "tester".into(),
    }
}

fn note(text: &str) -> Change {
    Change::Note {
        item: "lectures".into(),
        text: text.into(),
    }
}

fn commit(book: &Book, c: &Checklist, change: &Change) -> Result<Ledger, StoreError> {
    book.commit(|ledger, _| {
        let op = resolve(c, ledger, change, &stamp())?;
        Ok((
            Proposal {
                op,
                at: stamp().at,
                by: "tester".into(),
            },
            (),
        ))
    })
    .map(|done| done.ledger)
}

fn logged(book: &Book, c: &Checklist, n: usize) {
    for i in 0..n {
        let change = Change::Log {
            item: "center-group".into(),
            date: date(2024, 3, 1),
            topic: format!("学习{i}"),
            hours: None,
            evidence: String::new(),
            people: Default::default(),
            also: Vec::new(),
        };
        commit(book, c, &change).unwrap();
    }
}

fn entries(book: &Book) -> usize {
    book.open()
        .unwrap()
        .ledger
        .record("center-group")
        .map_or(0, |r| r.entries.len())
}

#[test]
fn a_new_book_writes_nothing_until_its_first_change() {
    let (dir, book, c) = setup();
    let opened = book.open().unwrap();
    assert_eq!(opened.journal, Journal::New);
    assert!(
        fs::read_dir(dir.path()).unwrap().next().is_none(),
        "reading wrote nothing"
    );
    commit(&book, &c, &note("一")).unwrap();
    let reopened = book.open().unwrap();
    assert!(matches!(reopened.journal, Journal::Open { .. }));
    assert_eq!(reopened.ledger.record("lectures").unwrap().note, "一");
    assert_eq!(reopened.ledger.seq, 1);
}

#[test]
fn a_snapshot_behind_its_journal_catches_up() {
    let (_dir, book, c) = setup();
    logged(&book, &c, 2);
    let behind = fs::read(&book.paths.ledger).unwrap();
    logged(&book, &c, 3);
    // As after a crash between the journal's sync and the snapshot's rename.
    fs::write(&book.paths.ledger, behind).unwrap();
    let opened = book.open().unwrap();
    assert_eq!((entries(&book), opened.ledger.seq), (5, 5));
    logged(&book, &c, 1);
    assert_eq!(entries(&book), 6);
}

#[test]
fn a_cut_off_last_line_is_ignored_then_cleared() {
    let (_dir, book, c) = setup();
    logged(&book, &c, 2);
    let mut bytes = fs::read(&book.paths.journal).unwrap();
    let full = bytes.len();
    // Half of a third line, as a kill during the append leaves it.
    let third = bytes[bytes[..full - 1].iter().rposition(|&b| b == b'\n').unwrap() + 1..].to_vec();
    bytes.extend_from_slice(&third[..third.len() / 2]);
    fs::write(&book.paths.journal, &bytes).unwrap();
    let opened = book.open().unwrap();
    assert!(
        opened
            .notes
            .iter()
            .any(|n| matches!(n, Note::TornTail { .. }))
    );
    assert!(
        matches!(opened.journal, Journal::Open { .. }),
        "never blocks the next change"
    );
    logged(&book, &c, 1);
    assert_eq!(entries(&book), 3);
    let text = fs::read_to_string(&book.paths.journal).unwrap();
    assert_eq!(
        text.lines().count(),
        4,
        "header and three whole lines: {text}"
    );
    assert!(book.open().unwrap().notes.is_empty());
}

#[test]
fn a_damaged_middle_line_is_named_and_blocks_changes() {
    let (_dir, book, c) = setup();
    logged(&book, &c, 3);
    let text = fs::read_to_string(&book.paths.journal).unwrap();
    let damaged = text.replacen("\"seq\":2", "\"seq\":2,,", 1);
    fs::write(&book.paths.journal, damaged).unwrap();
    // The snapshot holds everything: reading works, with the damage said.
    assert_eq!(entries(&book), 3);
    let history = book.history().unwrap();
    assert_eq!(
        history.records.len(),
        1,
        "only what comes before the damage"
    );
    assert_eq!(history.bad.as_ref().unwrap().line, 3);
    assert!(matches!(
        history.bad.unwrap().fault,
        LineFault::Unreadable(_)
    ));
    // The edit moved the snapshot's offset into the journal: the damage is found where it
    // is, and changes wait for a repair.
    match commit(&book, &c, &note("x")) {
        Err(StoreError::JournalDamaged { bad, .. }) => assert_eq!(bad.line, 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_damaged_line_the_snapshot_needs_blocks_changes_until_repaired() {
    let (_dir, book, c) = setup();
    logged(&book, &c, 1);
    let early = fs::read(&book.paths.ledger).unwrap();
    logged(&book, &c, 2);
    fs::write(&book.paths.ledger, early).unwrap();
    let text = fs::read_to_string(&book.paths.journal).unwrap();
    fs::write(
        &book.paths.journal,
        text.replacen("\"seq\":2", "\"seq\":2,,", 1),
    )
    .unwrap();
    let opened = book.open().unwrap();
    assert!(matches!(opened.journal, Journal::Blocked(_)));
    assert_eq!(entries(&book), 1, "shown from the snapshot");
    match commit(&book, &c, &note("x")) {
        Err(StoreError::JournalDamaged { bad, .. }) => assert_eq!(bad.line, 3),
        other => panic!("{other:?}"),
    }
    let repaired = book.repair(stamp().at).unwrap();
    assert!(matches!(repaired, super::Repaired::JournalRestarted { .. }));
    commit(&book, &c, &note("after the repair")).unwrap();
    assert_eq!(entries(&book), 1);
    assert!(
        book.paths.dir.join("2024.journal.damaged-1").exists(),
        "the damaged one is kept"
    );
}

#[test]
fn a_journal_from_another_copy_is_never_taken_for_this_ledgers() {
    let (_dir, book, c) = setup();
    logged(&book, &c, 2);
    let (_other_dir, other, _) = setup();
    logged(&other, &c, 5);
    fs::copy(&other.paths.journal, &book.paths.journal).unwrap();
    let opened = book.open().unwrap();
    assert!(matches!(
        opened.journal,
        Journal::Blocked(super::Blocker::Foreign { .. })
    ));
    assert_eq!(entries(&book), 2, "the snapshot is shown");
    assert!(matches!(
        commit(&book, &c, &note("x")),
        Err(StoreError::ForeignJournal { .. })
    ));
}

#[test]
fn a_missing_or_damaged_snapshot_is_rebuilt_from_the_journal() {
    let (_dir, book, c) = setup();
    logged(&book, &c, 3);
    fs::remove_file(&book.paths.ledger).unwrap();
    let opened = book.open().unwrap();
    assert!(matches!(
        opened.notes[0],
        Note::Rebuilt { damage: None, .. }
    ));
    assert_eq!(entries(&book), 3);
    fs::write(&book.paths.ledger, "(format: 2, checklist: ").unwrap();
    let opened = book.open().unwrap();
    assert!(matches!(
        opened.notes[0],
        Note::Rebuilt {
            damage: Some(_),
            ..
        }
    ));
    assert_eq!(entries(&book), 3);
    logged(&book, &c, 1);
    assert_eq!(entries(&book), 4);
    let kept = book.paths.dir.join("2024.ron.damaged-1");
    assert_eq!(
        fs::read_to_string(kept).unwrap(),
        "(format: 2, checklist: ",
        "never overwritten"
    );
}

#[test]
fn a_crash_while_starting_a_journal_over_an_old_ledger_is_caught_up() {
    let (_dir, book, c) = setup();
    // An earlier duty's ledger, no journal.
    let mut old = Ledger::new(&c.id, 2024);
    old.seq = 7;
    old.items.insert(
        "lectures".into(),
        ItemRecord {
            note: "旧".into(),
            ..Default::default()
        },
    );
    let format1 = snapshot::serialize(&old, None).replace("format: 2", "format: 1");
    fs::create_dir_all(&book.paths.dir).unwrap();
    fs::write(&book.paths.ledger, &format1).unwrap();
    assert!(matches!(
        book.open().unwrap().journal,
        Journal::None { format: 1 }
    ));
    commit(&book, &c, &note("新")).unwrap();
    // Put the old snapshot back, as if the crash came before it was rewritten.
    fs::write(&book.paths.ledger, &format1).unwrap();
    let opened = book.open().unwrap();
    assert!(
        matches!(opened.journal, Journal::Open { .. }),
        "{:?}",
        opened.journal
    );
    assert_eq!(opened.ledger.record("lectures").unwrap().note, "新");
}

#[test]
fn an_old_ledgers_history_comes_into_the_journal_and_undo_reaches_it() {
    let (_dir, book, c) = setup();
    let entry = Entry {
        id: "abc123".into(),
        date: date(2024, 3, 1),
        topic: "旧登记".into(),
        hours: None,
        evidence: Default::default(),
        by: "li".into(),
        presided: String::new(),
        attended: String::new(),
        linked: Vec::new(),
    };
    let after = ItemRecord {
        entries: vec![entry],
        ..Default::default()
    };
    let mut old = Ledger::new(&c.id, 2024);
    old.seq = 1;
    old.items.insert("center-group".into(), after.clone());
    fs::create_dir_all(&book.paths.dir).unwrap();
    fs::write(
        &book.paths.ledger,
        snapshot::serialize(&old, None).replace("format: 2", "format: 1"),
    )
    .unwrap();
    let line = serde_json::json!({
        "seq": 1, "at": "2024-03-01T08:00:00Z", "by": "li",
        "change": {"Log": {"item": "center-group", "date": "2024-03-01", "topic": "旧登记", "hours": null, "evidence": ""}},
        "item": "center-group", "before": null, "after": after, "entry": "abc123"
    });
    fs::write(&book.paths.legacy_history, format!("{line}\n")).unwrap();
    let history = book.history().unwrap();
    assert!(history.legacy);
    assert_eq!(history.records.len(), 1);
    commit(&book, &c, &note("升级后第一次修改")).unwrap();
    let history = book.history().unwrap();
    assert!(!history.legacy);
    // The old change, the checkpoint, the new change.
    assert_eq!(history.records.len(), 3);
    let undo = crate::ledger::undo_step(&history.records).unwrap();
    assert_eq!(undo.target.seq, 3);
    let rate = RateRecord {
        numerator: 1,
        denominator: 1,
        date: Date::MIN,
        evidence: String::new(),
        by: String::new(),
    };
    let _ = (
        rate,
        Done {
            date: Date::MIN,
            evidence: String::new(),
            by: String::new(),
        },
    );
}
