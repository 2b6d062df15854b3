//! Inverses and undo: every operation undone exactly by its inverse, undo and redo walking
//! the journal (past closing, up to a checkpoint, back into an earlier duty's history), and
//! every operation read back from its journal line.

use super::*;

#[test]
fn every_operation_is_undone_exactly_by_its_inverse() {
    let (c, _, ctx) = setup();
    let d = date(2024, 4, 2);
    let check = Change::Check {
        item: "annual-plan".into(),
        date: d,
        evidence: "文号".into(),
    };
    let rate = |n| Change::Rate {
        item: "exam-pass".into(),
        numerator: n,
        denominator: 2,
        date: d,
        evidence: String::new(),
    };
    let note = |t: &str| Change::Note {
        item: "lectures".into(),
        text: t.into(),
    };
    // Each case: what is there first, then the change whose inverse must take it back.
    let cases: Vec<(Vec<Change>, Change)> = vec![
        (vec![], check.clone()),
        (
            vec![check.clone()],
            Change::Check {
                item: "annual-plan".into(),
                date: date(2024, 4, 3),
                evidence: String::new(),
            },
        ),
        (
            vec![check.clone()],
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
        (vec![], rate(1)),
        (vec![rate(1)], rate(2)),
        (vec![note("旧")], note("")),
        (
            vec![],
            Change::Evidence {
                item: "lectures".into(),
                text: r#"档案 "A" \ 盒"#.into(),
            },
        ),
        (vec![], Change::Close),
    ];
    for (before_changes, change) in cases {
        let mut l = Ledger::new(&c.id, 2024);
        for s in &before_changes {
            l.change(&c, s, &ctx).unwrap();
        }
        // `unlog` takes the id the first logged entry was given.
        let change = match change {
            Change::Unlog { item, .. } => Change::Unlog {
                entry: l.record(&item).unwrap().entries[0].id.to_string(),
                item,
            },
            other => other,
        };
        let before = l.clone();
        let op = l.change(&c, &change, &ctx).unwrap();
        assert_ne!(
            (&l.items, l.closed),
            (&before.items, before.closed),
            "{change:?} changed nothing"
        );
        l.apply(&op.inverse().unwrap()).unwrap();
        assert_eq!(
            (&l.items, l.closed),
            (&before.items, before.closed),
            "undoing {change:?}"
        );
    }
}

#[test]
fn undo_walks_back_redo_walks_forward_and_a_new_change_ends_redo() {
    let (c, mut l, ctx) = setup();
    let mut journal = Vec::new();
    record(
        &c,
        &mut l,
        &ctx,
        log("pre-meeting-study", date(2024, 1, 5), "一月", None),
        &mut journal,
    );
    let after_first = l.items.clone();
    record(
        &c,
        &mut l,
        &ctx,
        log("pre-meeting-study", date(2024, 2, 5), "二月", None),
        &mut journal,
    );
    let after_second = l.items.clone();
    assert_eq!(step(&mut l, &ctx, &mut journal, true), Some(2));
    assert_eq!(l.items, after_first);
    assert_eq!(
        step(&mut l, &ctx, &mut journal, true),
        Some(1),
        "a second undo goes further back"
    );
    assert!(l.items.is_empty());
    assert_eq!(step(&mut l, &ctx, &mut journal, true), None);
    assert_eq!(step(&mut l, &ctx, &mut journal, false), Some(1));
    assert_eq!(l.items, after_first);
    assert_eq!(step(&mut l, &ctx, &mut journal, false), Some(2));
    assert_eq!(l.items, after_second);
    assert_eq!(
        step(&mut l, &ctx, &mut journal, false),
        None,
        "nothing left to redo"
    );
    step(&mut l, &ctx, &mut journal, true);
    record(
        &c,
        &mut l,
        &ctx,
        log("pre-meeting-study", date(2024, 3, 5), "三月", None),
        &mut journal,
    );
    assert_eq!(
        step(&mut l, &ctx, &mut journal, false),
        None,
        "a new change ends redo"
    );
    assert_eq!(journal.len(), 8, "undo and redo never erase the journal");
    assert_eq!(l.seq, 8);
}

#[test]
fn undo_skips_closing_and_stops_at_a_checkpoint() {
    let (c, mut l, ctx) = setup();
    let mut journal = Vec::new();
    record(
        &c,
        &mut l,
        &ctx,
        Change::Note {
            item: "lectures".into(),
            text: "a".into(),
        },
        &mut journal,
    );
    record(&c, &mut l, &ctx, Change::Close, &mut journal);
    record(&c, &mut l, &ctx, Change::Reopen, &mut journal);
    assert_eq!(
        undo_step(&journal).unwrap().target.seq,
        1,
        "close and reopen are not undone"
    );
    let checkpoint = Op::Checkpoint { ledger: l.clone() };
    l.apply(&checkpoint).unwrap();
    journal.push(Recorded {
        seq: l.seq,
        at: ctx.now,
        by: String::new(),
        op: checkpoint,
    });
    assert!(undo_step(&journal).is_none());
}

#[test]
fn undo_reaches_back_over_a_checkpoint_into_an_earlier_duty_history() {
    let (_, l, ctx) = setup();
    let after = ItemRecord {
        note: "a".into(),
        ..Default::default()
    };
    let legacy = Op::Legacy {
        item: "lectures".into(),
        was: None,
        now: Some(Box::new(after)),
    };
    let mut upgraded = l.clone();
    upgraded.apply(&legacy).unwrap();
    let checkpoint = Op::Checkpoint {
        ledger: upgraded.clone(),
    };
    upgraded.apply(&checkpoint).unwrap();
    let journal: Vec<Recorded> = [legacy, checkpoint]
        .into_iter()
        .enumerate()
        .map(|(i, op)| Recorded {
            seq: i as u64 + 1,
            at: ctx.now,
            by: String::new(),
            op,
        })
        .collect();
    let step = undo_step(&journal).expect("the old change is undoable");
    assert_eq!(step.target.seq, 1);
    upgraded.apply(&step.op).unwrap();
    assert!(upgraded.record("lectures").is_none());
}

#[test]
fn every_operation_reads_back_from_its_journal_line() {
    let (c, mut l, ctx) = setup();
    let mut journal = Vec::new();
    record(
        &c,
        &mut l,
        &ctx,
        log("center-group", date(2024, 3, 1), "一", None),
        &mut journal,
    );
    record(
        &c,
        &mut l,
        &ctx,
        log("center-group", date(2024, 3, 1), "二", None),
        &mut journal,
    );
    let first = l.record("center-group").unwrap().entries[0].id.clone();
    let changes = [
        Change::Unlog {
            item: "center-group".into(),
            entry: first.to_string(),
        },
        Change::Check {
            item: "annual-plan".into(),
            date: date(2024, 3, 1),
            evidence: "文号".into(),
        },
        Change::Rate {
            item: "exam-pass".into(),
            numerator: 1,
            denominator: 2,
            date: date(2024, 3, 1),
            evidence: String::new(),
        },
        Change::Evidence {
            item: "annual-plan".into(),
            text: String::new(),
        },
    ];
    for change in changes {
        record(&c, &mut l, &ctx, change, &mut journal);
    }
    // The undo of the unlog puts the entry back at its place (a `Log` with `at`).
    while step(&mut l, &ctx, &mut journal, true).is_some() {}
    for r in &journal {
        let line = serde_json::to_string(r).unwrap();
        let back: Recorded = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(&back, r, "{line}");
    }
}
