//! The year-end review: pacing through a leap year and item windows, risks in order of
//! urgency with their advice, next year's deadlines and the month-by-month chart (through
//! the library, with injected dates), and `duty review` whole in both languages.

use std::collections::BTreeMap;
use std::fs;

use jiff::civil::{Date, date};

use duty::checklist::{self, Checklist};
use duty::i18n::{Lang, Surface};
use duty::ledger::{Change, Ledger};
use duty::progress;
use duty::review::{self, RiskKind};

use crate::harness::{Home, LANGS, apply, fixture};

fn example() -> Checklist {
    let path = fixture("review/example-2024.ron");
    checklist::load(
        &fs::read(&path).unwrap(),
        "example-2024.ron",
        2024,
        Lang::Zh,
    )
    .unwrap()
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

/// (expected, behind) of `item` on `today`.
fn pace_of(c: &Checklist, l: &Ledger, item: &str, today: Date) -> Option<(f64, f64)> {
    let st = progress::status(c, l, today);
    let s = st.items.iter().find(|s| s.item.id == item).unwrap();
    review::pace(s, c.year, today).map(|p| (p.expected, p.behind))
}

#[test]
fn pacing_through_a_leap_year() {
    let c = example();
    let mut l = Ledger::new(&c.id, 2024);
    apply(
        &c,
        &mut l,
        &log("meetings", date(2024, 1, 10), "一", None),
        date(2024, 1, 10),
    );
    // 4 meetings a year, one held: 2024 has 366 days.
    assert_eq!(
        pace_of(&c, &l, "meetings", date(2024, 1, 1)),
        Some((0.0, -1.0))
    );
    // 29 February is day 60: 4 × 60/366 = 0.66 → no whole meeting expected yet.
    assert_eq!(
        pace_of(&c, &l, "meetings", date(2024, 2, 29)),
        Some((0.0, -1.0))
    );
    // 1 July is day 183: exactly half the year, 2 expected.
    assert_eq!(
        pace_of(&c, &l, "meetings", date(2024, 7, 1)),
        Some((2.0, 1.0))
    );
    assert_eq!(
        pace_of(&c, &l, "meetings", date(2024, 12, 31)),
        Some((4.0, 3.0))
    );
    assert_eq!(
        pace_of(&c, &l, "meetings", date(2025, 2, 1)),
        Some((4.0, 3.0))
    );
    // Hours keep their fraction: 20 × 60/366 on 29 February.
    let (expected, behind) = pace_of(&c, &l, "hours", date(2024, 2, 29)).unwrap();
    assert!((expected - 20.0 * 60.0 / 366.0).abs() < 1e-9);
    assert_eq!(expected, behind, "nothing logged yet");
    // summer-study runs 1 July to 31 August (62 days), 6 sessions.
    assert_eq!(
        pace_of(&c, &l, "summer-study", date(2024, 6, 30)),
        Some((0.0, 0.0))
    );
    assert_eq!(
        pace_of(&c, &l, "summer-study", date(2024, 7, 1)),
        Some((0.0, 0.0))
    );
    assert_eq!(
        pace_of(&c, &l, "summer-study", date(2024, 7, 31)),
        Some((3.0, 3.0))
    );
    assert_eq!(
        pace_of(&c, &l, "summer-study", date(2024, 8, 31)),
        Some((6.0, 6.0))
    );
    assert_eq!(
        pace_of(&c, &l, "summer-study", date(2024, 11, 1)),
        Some((6.0, 6.0))
    );
    // Duties and rates have no pace.
    assert_eq!(pace_of(&c, &l, "plan", date(2024, 7, 1)), None);
    assert_eq!(pace_of(&c, &l, "exam", date(2024, 7, 1)), None);
    // Ahead of pace on a leap day: 3 logged by 29 February.
    for d in [date(2024, 2, 1), date(2024, 2, 29)] {
        apply(
            &c,
            &mut l,
            &log("meetings", d, "又一次", None),
            date(2024, 2, 29),
        );
    }
    let st = progress::status(&c, &l, date(2024, 2, 29));
    let s = st.items.iter().find(|s| s.item.id == "meetings").unwrap();
    let p = review::pace(s, 2024, date(2024, 2, 29)).unwrap();
    assert_eq!(p.state(), review::PaceState::Ahead);
    // Nothing is expected yet on the leap day, so the pace says nothing (only the figure).
    assert_eq!(Lang::Zh.words().pace(&p, s.item.kind), None);
    let st = progress::status(&c, &l, date(2024, 4, 30));
    let s = st.items.iter().find(|s| s.item.id == "meetings").unwrap();
    let p = review::pace(s, 2024, date(2024, 4, 30)).unwrap();
    assert_eq!(p.state(), review::PaceState::Ahead);
    assert_eq!(
        Lang::Zh.words().pace(&p, s.item.kind).as_deref(),
        Some("按进度应为1，超前2次")
    );
}

/// The prepared ledger of the review test, on 2024-11-20.
fn prepared() -> (Checklist, Ledger) {
    let c = example();
    let mut l = Ledger::new(&c.id, 2024);
    let changes = [
        Change::Check {
            item: "plan".into(),
            date: date(2024, 3, 1),
            evidence: String::new(),
        },
        log("meetings", date(2024, 3, 5), "听取汇报", None),
        log("hours", date(2024, 5, 1), "网课", Some(2.0)),
        Change::Rate {
            item: "exam".into(),
            numerator: 18,
            denominator: 20,
            date: date(2024, 10, 12),
            evidence: String::new(),
        },
        Change::Check {
            item: "report-submission".into(),
            date: date(2024, 11, 1),
            evidence: "报送函".into(),
        },
    ];
    for ch in &changes {
        apply(&c, &mut l, ch, date(2024, 11, 20));
    }
    (c, l)
}

#[test]
fn review_orders_risks_by_urgency_with_advice() {
    let (c, l) = prepared();
    let today = date(2024, 11, 20);
    let risks = review::review(&c, &l, today);
    let got: Vec<(RiskKind, &str)> = risks.iter().map(|r| (r.kind, r.item.as_str())).collect();
    assert_eq!(
        got,
        [
            (RiskKind::Overdue, "leap-task"),    // 265 days overdue
            (RiskKind::Overdue, "summer-study"), // 81 days overdue
            (RiskKind::BehindPace, "hours"),     // 2 of 17.8 expected: 79% short
            (RiskKind::BehindPace, "meetings"),  // 1 of 3 expected: 50% short
            (RiskKind::DueSoon, "constitution-day"),
            (RiskKind::NoEvidence, "plan"),
            (RiskKind::NoEvidence, "meetings"), // its session was logged without evidence
            (RiskKind::NoEvidence, "hours"),
            (RiskKind::RateBelow, "exam"),
        ]
    );
    // Each item's most urgent advice (the list is in order of urgency), as the command line
    // words it.
    let said = |r: &review::Risk, lang: Lang| lang.words().risk_advice(r, Surface::Cli);
    let advice: BTreeMap<&str, String> = risks
        .iter()
        .rev()
        .map(|r| (r.item.as_str(), said(r, Lang::Zh)))
        .collect();
    let bare = risks
        .iter()
        .find(|r| r.kind == RiskKind::NoEvidence && r.item == "meetings")
        .unwrap();
    assert_eq!(
        said(bare, Lang::Zh),
        "1 次登记没有佐证材料：补齐会议纪要编号后用 duty attach meetings --entry 登记编号 文件 附上，或运行 duty evidence meetings \"…\"（以后登记时加 --evidence）"
    );
    assert_eq!(
        advice["leap-task"],
        "已逾期265天（截止2024-02-29），尚未完成：办结后运行 duty check leap-task"
    );
    assert_eq!(
        advice["meetings"],
        "1/4 次，按进度应为3，落后2次；距截止41天，还差3次：抓紧安排并用 duty log meetings 登记，留存会议纪要编号"
    );
    assert!(advice["constitution-day"].starts_with("20天后到期（2024-12-10）"));
    assert!(advice["plan"].contains("duty evidence plan"));
    assert!(advice["exam"].starts_with("90%（18/20）低于目标100%：核实未达标的2人（件）"));
    assert!(
        risks.iter().all(|r| !said(r, Lang::Zh).contains('\n')),
        "one line each"
    );
    assert!(
        said(&risks[0], Lang::En).starts_with("265 days overdue (due 2024-02-29)"),
        "{}",
        said(&risks[0], Lang::En)
    );

    // Evidence kept on the item as a whole is enough.
    let mut with_evidence = l.clone();
    for item in ["plan", "meetings", "hours"] {
        with_evidence.items.get_mut(item).unwrap().evidence = "档案盒1".into();
    }
    assert!(
        review::review(&c, &with_evidence, today)
            .iter()
            .all(|r| r.kind != RiskKind::NoEvidence)
    );

    let deadlines = review::next_year_deadlines(&c, &l, today);
    let d: Vec<(&str, Date, bool)> = deadlines
        .iter()
        .map(|d| (d.item.as_str(), d.due, d.complete))
        .collect();
    assert_eq!(
        d,
        [
            ("shufa", date(2025, 1, 31), false),
            ("report-submission", date(2025, 3, 1), true),
            ("report-publication", date(2025, 3, 31), false),
        ]
    );

    let m = review::monthly(&c, &l);
    let mut overall = [0; 12];
    overall[2] = 1;
    overall[4] = 1;
    assert_eq!(m.overall, overall);
    let ids: Vec<&str> = m.items.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["meetings", "summer-study", "hours"]);
    assert_eq!(m.items[1].2, [0; 12], "a silent item is still charted");
}

#[test]
fn review_says_what_is_at_risk_in_both_languages() {
    for lang in LANGS {
        let h = Home::in_lang(lang).on("2024-11-20");
        let ex = fixture("review/example-2024.ron").display().to_string();
        h.duty(&["--checklist", &ex, "review"]).ok();
        h.ok(&[
            "--checklist",
            &ex,
            "log",
            "meetings",
            "--date",
            "2024-03-05",
            "--topic",
            "听取汇报",
        ]);
        h.ok(&["--checklist", &ex, "check", "plan", "--date", "2024-03-01"]);
        h.ok(&[
            "--checklist",
            &ex,
            "log",
            "hours",
            "--date",
            "2024-05-01",
            "--topic",
            "网课",
            "--hours",
            "2",
        ]);
        h.ok(&[
            "--checklist",
            &ex,
            "rate",
            "exam",
            "18/20",
            "--date",
            "2024-10-12",
        ]);
        h.ok(&[
            "--checklist",
            &ex,
            "check",
            "report-submission",
            "--date",
            "2024-11-01",
            "--evidence",
            "报送函",
        ]);
        let out = h.duty(&["--checklist", &ex, "review"]);
        out.ok();
        if lang == Lang::Zh {
            let text = &out.stdout;
            let pos = |s: &str| {
                text.find(s)
                    .unwrap_or_else(|| panic!("{s} missing in\n{text}"))
            };
            assert!(pos("[逾期  ] leap-task") < pos("[落后  ] meetings"));
            assert!(pos("[落后  ] meetings") < pos("[将到期] constitution-day"));
        }
        // Everything done, with evidence: nothing at risk.
        let minimal = fixture("valid/03-minimal.ron").display().to_string();
        h.ok(&[
            "--checklist",
            &minimal,
            "check",
            "plan",
            "--date",
            "2024-03-01",
            "--evidence",
            "文号",
        ]);
        h.duty(&["--checklist", &minimal, "review"]).ok();
        snap!(h);
    }
}

#[test]
fn after_the_year_the_review_asks_to_log_what_was_held_not_to_schedule_more() {
    let h = Home::new().on("2025-01-10");
    let review = h.run(&["--year", "2024", "review"]);
    assert!(
        review
            .stdout
            .contains("年度已过：已开展未登记的用 duty log"),
        "{}",
        review.stdout
    );
    assert!(!review.stdout.contains("抓紧安排"), "{}", review.stdout);
    let during = Home::new().on("2024-11-20").run(&["review"]);
    assert!(during.stdout.contains("抓紧安排"), "{}", during.stdout);
    assert!(!during.stdout.contains("年度已过"), "{}", during.stdout);
}
