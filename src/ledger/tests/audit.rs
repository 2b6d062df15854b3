//! The audit of a ledger as read: records of items no longer in the checklist kept and left
//! alone, and whatever the commands would refuse found in a hand-edited file.

use super::*;

#[test]
fn orphans_are_kept_and_left_alone() {
    let (c, mut l, ctx) = setup();
    let orphan = ItemRecord {
        evidence: "旧佐证".into(),
        ..Default::default()
    };
    l.items.insert("removed-item".into(), orphan.clone());
    l.change(&c, &log("lectures", date(2024, 5, 1), "讲座", None), &ctx)
        .unwrap();
    assert_eq!(l.items.get("removed-item"), Some(&orphan));
    let orphans: Vec<_> = l.orphans(&c).map(|(id, _)| id.as_str()).collect();
    assert_eq!(orphans, ["removed-item"]);
}

/// The test checklist and a ledger with one session logged on `center-group`.
fn one_session() -> (Checklist, Ledger, Ctx) {
    let (c, mut l, ctx) = setup();
    l.change(
        &c,
        &log("center-group", date(2024, 5, 1), "《宪法》", None),
        &ctx,
    )
    .unwrap();
    (c, l, ctx)
}

#[test]
fn the_audit_finds_what_the_commands_would_refuse() {
    let (c, mut l, ctx) = one_session();
    l.change(
        &c,
        &log("study-hours", date(2024, 5, 1), "网课", Some(2.0)),
        &ctx,
    )
    .unwrap();
    assert_eq!(l.problem(&c), None);
    let flaw = |edit: &dyn Fn(&mut Ledger)| {
        let mut l = l.clone();
        edit(&mut l);
        l.problem(&c).map(|p| p.flaw)
    };
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
    assert_eq!(
        flaw(&|l| l.items.get_mut("center-group").unwrap().entries[0].topic = "a\u{202E}b".into()),
        Some(Flaw::ControlCharacter {
            field: TextField::Text(Field::Topic),
            ch: '\u{202E}'
        })
    );
    let p = Problem {
        item: "center-group".into(),
        flaw: Flaw::ControlCharacter {
            field: TextField::Text(Field::Topic),
            ch: '\u{202E}',
        },
    };
    assert_eq!(
        Lang::Zh.words().problem(&p),
        "事项“center-group”：主题含有控制字符 U+202E"
    );
    assert_eq!(
        Lang::En.words().problem(&p),
        "item 'center-group': topic has control character U+202E"
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
    assert_eq!(
        flaw(&|l| l.items.entry("gone".into()).or_default().note = "旧".into()),
        None
    );
}

#[test]
fn a_control_character_is_found_in_every_text_of_a_record() {
    let (c, l, _) = one_session();
    assert_eq!(l.problem(&c), None);
    let bad = "a\u{7}b";
    let found = |edit: &dyn Fn(&mut ItemRecord)| {
        let mut l = l.clone();
        edit(l.items.get_mut("center-group").unwrap());
        match l.problem(&c).map(|p| p.flaw) {
            Some(Flaw::ControlCharacter { field, ch: '\u{7}' }) => Some(field),
            other => panic!("expected a control character, found {other:?}"),
        }
    };
    let evidence = Some(TextField::Text(Field::Evidence));
    assert_eq!(
        found(&|r| r.note = bad.into()),
        Some(TextField::Text(Field::Note))
    );
    assert_eq!(found(&|r| r.evidence = bad.into()), evidence);
    assert_eq!(found(&|r| r.entries[0].evidence = bad.into()), evidence);
    assert_eq!(
        found(&|r| r.entries[0].by = bad.into()),
        Some(TextField::By)
    );
    assert_eq!(
        found(&|r| r.entries[0].id = bad.into()),
        Some(TextField::EntryId)
    );
    let mut l2 = l.clone();
    l2.items.entry("annual-plan".into()).or_default().done = Some(Done {
        date: date(2024, 5, 1),
        evidence: String::new(),
        by: bad.into(),
    });
    assert!(matches!(
        l2.problem(&c).map(|p| p.flaw),
        Some(Flaw::ControlCharacter {
            field: TextField::By,
            ..
        })
    ));
    let mut l3 = l.clone();
    l3.items.entry("exam-pass".into()).or_default().rate = Some(RateRecord {
        numerator: 1,
        denominator: 2,
        date: date(2024, 5, 1),
        evidence: bad.into(),
        by: String::new(),
    });
    assert!(matches!(
        l3.problem(&c).map(|p| p.flaw),
        Some(Flaw::ControlCharacter {
            field: TextField::Text(Field::Evidence),
            ..
        })
    ));
}
