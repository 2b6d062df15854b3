//! The ledger on the built-in checklist: changes resolved and applied against its rules (here),
//! inverses and undo ([`undo`]), the audit of a ledger as read ([`audit`]).

mod audit;
mod undo;

use jiff::Timestamp;
use jiff::civil::{Date, date};

use super::*;
use crate::checklist::{BUILTIN_DEFAULT, Checklist, load};
use crate::i18n::Lang;
use crate::ledger::rules::{MAX_ENTRY_HOURS, year_window};

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
        people: Default::default(),
        also: Vec::new(),
    }
}

/// Record `change` as the journal would: resolved, applied, numbered.
fn record(c: &Checklist, l: &mut Ledger, ctx: &Ctx, change: Change, journal: &mut Vec<Recorded>) {
    let op = l.change(c, &change, ctx).unwrap();
    journal.push(Recorded {
        seq: l.seq,
        at: ctx.now,
        by: ctx.user.clone(),
        op,
    });
}

/// Undo (or redo) the next step as the session would, recording it.
fn step(l: &mut Ledger, ctx: &Ctx, journal: &mut Vec<Recorded>, undo: bool) -> Option<u64> {
    let s = if undo {
        undo_step(journal)
    } else {
        redo_step(journal)
    }?;
    let target = s.target.seq;
    l.apply(&s.op).unwrap();
    journal.push(Recorded {
        seq: l.seq,
        at: ctx.now,
        by: ctx.user.clone(),
        op: s.op,
    });
    Some(target)
}

#[test]
fn correcting_a_date_or_figure_keeps_the_evidence() {
    let (c, mut l, ctx) = setup();
    let check = |d: Date, evidence: &str| Change::Check {
        item: "annual-plan".into(),
        date: d,
        evidence: evidence.into(),
    };
    l.change(&c, &check(date(2024, 3, 28), "政数〔2024〕3号"), &ctx)
        .unwrap();
    l.change(&c, &check(date(2024, 3, 29), ""), &ctx).unwrap();
    let done = l.record("annual-plan").unwrap().done.clone().unwrap();
    assert_eq!(
        (done.date, done.evidence.as_str()),
        (date(2024, 3, 29), "政数〔2024〕3号")
    );
    let rate = |n: u64, evidence: &str| Change::Rate {
        item: "exam-participation".into(),
        numerator: n,
        denominator: 50,
        date: date(2024, 6, 1),
        evidence: evidence.into(),
    };
    l.change(&c, &rate(46, "考试平台名单"), &ctx).unwrap();
    l.change(&c, &rate(48, ""), &ctx).unwrap();
    let r = l
        .record("exam-participation")
        .unwrap()
        .rate
        .clone()
        .unwrap();
    assert_eq!((r.numerator, r.evidence.as_str()), (48, "考试平台名单"));
}

#[test]
fn clearing_evidence_clears_the_tick_and_the_rate_too() {
    let (c, mut l, ctx) = setup();
    let check = Change::Check {
        item: "annual-plan".into(),
        date: date(2024, 3, 28),
        evidence: "错误文号".into(),
    };
    l.change(&c, &check, &ctx).unwrap();
    let clear = Change::Evidence {
        item: "annual-plan".into(),
        text: String::new(),
    };
    let op = l.change(&c, &clear, &ctx).unwrap();
    let done = l.record("annual-plan").unwrap().done.clone().unwrap();
    assert_eq!((done.evidence.as_str(), done.date), ("", date(2024, 3, 28)));
    // Undoing the clearing puts the tick's evidence back as well.
    l.apply(&op.inverse().unwrap()).unwrap();
    assert_eq!(
        l.record("annual-plan")
            .unwrap()
            .done
            .as_ref()
            .unwrap()
            .evidence,
        "错误文号"
    );
}

#[test]
fn check_uncheck_log_and_unlog() {
    let (c, mut l, ctx) = setup();
    let check = Change::Check {
        item: "annual-plan".into(),
        date: date(2024, 3, 1),
        evidence: "政数〔2024〕1号".into(),
    };
    let op = l.change(&c, &check, &ctx).unwrap();
    assert!(matches!(op, Op::Check { was: None, .. }));
    let done = l.record("annual-plan").unwrap().done.clone().unwrap();
    assert_eq!((done.date, done.by.as_str()), (date(2024, 3, 1), "tester"));
    let uncheck = Change::Uncheck {
        item: "annual-plan".into(),
    };
    l.change(&c, &uncheck, &ctx).unwrap();
    assert!(
        l.record("annual-plan").is_none(),
        "an empty record is dropped"
    );
    assert_eq!(l.seq, 2);
    assert!(matches!(
        l.change(&c, &uncheck, &ctx),
        Err(ChangeError::NotChecked { .. })
    ));
    assert_eq!(l.seq, 2, "a refused change is not counted");

    let a = l
        .change(
            &c,
            &log("center-group", date(2024, 5, 1), "《宪法》", None),
            &ctx,
        )
        .unwrap();
    let b = l
        .change(
            &c,
            &log("center-group", date(2024, 2, 1), "《民法典》", None),
            &ctx,
        )
        .unwrap();
    let (a, b) = (
        a.entry_id().unwrap().to_string(),
        b.entry_id().unwrap().to_string(),
    );
    assert_ne!(a, b);
    let topics: Vec<_> = l
        .record("center-group")
        .unwrap()
        .entries
        .iter()
        .map(|e| e.topic.as_str())
        .collect();
    assert_eq!(topics, ["《民法典》", "《宪法》"], "in date order");
    let unlog = |entry: &str| Change::Unlog {
        item: "center-group".into(),
        entry: entry.into(),
    };
    l.change(&c, &unlog(&b), &ctx).unwrap();
    assert_eq!(l.record("center-group").unwrap().entries.len(), 1);
    assert!(matches!(
        l.change(&c, &unlog("zzz"), &ctx),
        Err(ChangeError::NoSuchEntry { known, .. }) if known == vec![a]
    ));
}

#[test]
fn an_entry_is_edited_in_place_and_keeps_its_id() {
    let (c, mut l, ctx) = setup();
    let op = l
        .change(
            &c,
            &log("study-hours", date(2024, 5, 1), "宪法学习", Some(2.0)),
            &ctx,
        )
        .unwrap();
    let id = op.entry_id().unwrap().to_string();
    let edit = Change::Edit {
        item: "study-hours".into(),
        entry: id.clone(),
        date: Some(date(2024, 4, 30)),
        topic: Some("《宪法》学习".into()),
        hours: Some(40.0),
        evidence: Some("培训证书".into()),
        presided: None,
        attended: None,
    };
    let op = l.change(&c, &edit, &ctx).unwrap();
    let e = &l.record("study-hours").unwrap().entries[0];
    assert_eq!(
        (e.id.as_str(), e.date, e.topic.as_str(), e.hours),
        (id.as_str(), date(2024, 4, 30), "《宪法》学习", Some(40.0))
    );
    l.apply(&op.inverse().unwrap()).unwrap();
    assert_eq!(
        l.record("study-hours").unwrap().entries[0].topic,
        "宪法学习"
    );
    let same = Change::Edit {
        item: "study-hours".into(),
        entry: id,
        date: None,
        topic: Some("宪法学习".into()),
        hours: None,
        evidence: None,
        presided: None,
        attended: None,
    };
    assert!(matches!(
        l.change(&c, &same, &ctx),
        Err(ChangeError::NothingToEdit { .. })
    ));
}

#[test]
fn refuses_what_does_not_fit() {
    let (c, mut l, ctx) = setup();
    let before = l.clone();
    let rate = |n, d| Change::Rate {
        item: "exam-pass".into(),
        numerator: n,
        denominator: d,
        date: date(2024, 3, 1),
        evidence: String::new(),
    };
    let cases = [
        log("annual-plan", date(2024, 3, 1), "x", None),
        log("center-group", date(2023, 12, 31), "x", None),
        log("center-group", date(2025, 7, 1), "x", None),
        log("center-group", date(2024, 3, 1), "  ", None),
        log("center-group", date(2024, 3, 1), "a\x1b[2Jb", None),
        log("center-group", date(2024, 3, 1), "x", Some(2.0)),
        log("study-hours", date(2024, 3, 1), "x", None),
        log("study-hours", date(2024, 3, 1), "x", Some(-1.0)),
        log("study-hours", date(2024, 3, 1), "x", Some(f64::NAN)),
        log(
            "study-hours",
            date(2024, 3, 1),
            "x",
            Some(MAX_ENTRY_HOURS + 1.0),
        ),
        log("centre-group", date(2024, 3, 1), "x", None),
        rate(5, 4),
        rate(1, 0),
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
            l.change(&c, change, &ctx).is_err(),
            "{change:?} should be refused"
        );
    }
    assert_eq!(l, before);
    let unknown = l
        .change(&c, &log("centre-group", date(2024, 3, 1), "x", None), &ctx)
        .unwrap_err();
    assert!(
        unknown.to_string().contains("did you mean 'center-group'"),
        "{unknown}"
    );
}

#[test]
fn dates_at_the_edges_and_after_today() {
    let (c, mut l, mut ctx) = setup();
    let (from, to) = year_window(2024);
    for d in [from, to] {
        l.change(&c, &log("study-hours", d, "x", Some(MAX_ENTRY_HOURS)), &ctx)
            .unwrap();
    }
    let outside = l.change(
        &c,
        &log("lectures", to.tomorrow().unwrap(), "x", None),
        &ctx,
    );
    assert!(outside.unwrap_err().to_string().contains("2025-07-01"));
    ctx.today = date(2024, 11, 20);
    assert_eq!(
        l.change(
            &c,
            &log("center-group", date(2024, 11, 21), "未来", None),
            &ctx
        ),
        Err(ChangeError::InFuture {
            date: date(2024, 11, 21),
            today: date(2024, 11, 20)
        })
    );
    assert!(
        l.change(
            &c,
            &log("center-group", date(2024, 11, 20), "今天", None),
            &ctx
        )
        .is_ok()
    );
}

#[test]
fn an_operation_resolved_against_an_older_state_is_refused() {
    let (c, mut l, ctx) = setup();
    let note = |t: &str| Change::Note {
        item: "lectures".into(),
        text: t.into(),
    };
    l.change(&c, &note("screen's view"), &ctx).unwrap();
    let stale = resolve(
        &c,
        &l,
        &note("typed on the screen"),
        &Stamp {
            today: ctx.today,
            at: ctx.now,
            by: "a".into(),
        },
    )
    .unwrap();
    l.change(&c, &note("changed from the command line"), &ctx)
        .unwrap();
    let before = l.clone();
    assert_eq!(
        l.apply(&stale),
        Err(ChangeError::Changed {
            item: Some("lectures".into())
        })
    );
    assert_eq!(l, before);
}

#[test]
fn a_batch_applies_all_or_nothing() {
    let (c, mut l, ctx) = setup();
    let a = resolve(
        &c,
        &l,
        &log("lectures", date(2024, 3, 1), "一", None),
        &Stamp {
            today: ctx.today,
            at: ctx.now,
            by: "a".into(),
        },
    )
    .unwrap();
    let bad = Op::Uncheck {
        item: "annual-plan".into(),
        was: Done {
            date: date(2024, 1, 1),
            evidence: String::new(),
            by: String::new(),
        },
    };
    let before = l.clone();
    assert!(
        l.apply(&Op::Batch {
            ops: vec![a.clone(), bad]
        })
        .is_err()
    );
    assert_eq!(l, before);
    l.apply(&Op::Batch { ops: vec![a] }).unwrap();
    assert_eq!((l.seq, l.record("lectures").unwrap().entries.len()), (1, 1));
}

#[test]
fn files_are_kept_once_dated_by_what_they_prove_and_taken_off_again() {
    let (c, mut l, ctx) = setup();
    let logged = l
        .change(
            &c,
            &log("center-group", date(2024, 3, 28), "传达学习", None),
            &ctx,
        )
        .unwrap();
    let entry = logged.entry_id().unwrap().to_string();
    let file = FileFacts {
        name: "2024-03-28 会议纪要.pdf".into(),
        size: 12_345,
        sha256: "ab".repeat(32),
    };
    let attach = |entry: Option<&str>| Change::Attach {
        item: "center-group".into(),
        entry: entry.map(String::from),
        file: file.clone(),
        date: None,
    };
    l.change(&c, &attach(Some(&entry)), &ctx).unwrap();
    let kept = l.record("center-group").unwrap().files[0].clone();
    assert_eq!(
        (kept.date, kept.entry.as_deref(), kept.by.as_str()),
        (date(2024, 3, 28), Some(entry.as_str()), "tester")
    );
    assert!(matches!(
        l.change(&c, &attach(Some(&entry)), &ctx),
        Err(ChangeError::AlreadyAttached { .. })
    ));
    assert_eq!(l.problem(&c), None);
    let detach = |sha: &str| Change::Detach {
        item: "center-group".into(),
        entry: Some(entry.clone()),
        sha256: sha.into(),
    };
    assert!(matches!(
        l.change(&c, &detach("ff"), &ctx),
        Err(ChangeError::NoSuchFile { .. })
    ));
    let op = l.change(&c, &detach("ABAB"), &ctx).unwrap();
    assert!(l.record("center-group").unwrap().files.is_empty());
    l.apply(&op.inverse().unwrap()).unwrap();
    assert_eq!(l.record("center-group").unwrap().files, vec![kept]);
    let bad = Change::Attach {
        item: "center-group".into(),
        entry: Some("nope".into()),
        file: file.clone(),
        date: None,
    };
    assert!(matches!(
        l.change(&c, &bad, &ctx),
        Err(ChangeError::NoSuchEntry { .. })
    ));
}
