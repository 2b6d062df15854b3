//! Issue 6 end to end: pacing, the review, `due`, rollover, closing a year, roll-up across
//! ledgers, export and import. Library functions are called with injected dates; commands
//! run the real binary with `DUTY_TODAY` pinned and private data and config directories.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jiff::Timestamp;
use jiff::civil::{Date, date};

use duty::checklist::{self, Checklist, DueSpec};
use duty::i18n::Lang;
use duty::ledger::{Change, Ctx, Done, Entry, ItemRecord, Ledger, RateRecord};
use duty::progress;
use duty::review::rollup::{ConflictField, combine, merge_into};
use duty::review::{self, RiskKind};

const EXAMPLE: &str = "tests/fixtures/review/example-2024.ron";
const ROLLUP: &str = "tests/fixtures/review/rollup";

fn example() -> Checklist {
    checklist::load(&fs::read(EXAMPLE).unwrap(), EXAMPLE, 2024, Lang::Zh).unwrap()
}

fn ctx(today: Date) -> Ctx {
    Ctx {
        today,
        now: Timestamp::from_second(1_732_000_000).unwrap(),
        user: "tester".into(),
    }
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
    let x = ctx(date(2024, 1, 10));
    l.apply(&c, &log("meetings", date(2024, 1, 10), "一", None), &x)
        .unwrap();
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
    let leap_day = ctx(date(2024, 2, 29));
    for d in [date(2024, 2, 1), date(2024, 2, 29)] {
        l.apply(&c, &log("meetings", d, "又一次", None), &leap_day)
            .unwrap();
    }
    let st = progress::status(&c, &l, date(2024, 2, 29));
    let s = st.items.iter().find(|s| s.item.id == "meetings").unwrap();
    let p = review::pace(s, 2024, date(2024, 2, 29)).unwrap();
    assert_eq!(p.state(), review::PaceState::Ahead);
    assert_eq!(p.label(s.item.kind, Lang::Zh), "按进度应为0，超前3次");
}

/// The prepared ledger of the review test, on 2024-11-20.
fn prepared() -> (Checklist, Ledger) {
    let c = example();
    let mut l = Ledger::new(&c.id, 2024);
    let x = ctx(date(2024, 11, 20));
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
        l.apply(&c, ch, &x).unwrap();
    }
    (c, l)
}

#[test]
fn review_orders_risks_by_urgency_with_advice() {
    let (c, l) = prepared();
    let today = date(2024, 11, 20);
    let risks = review::review(&c, &l, today, Lang::Zh);
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
    // Each item's most urgent advice (the list is in order of urgency).
    let advice: BTreeMap<&str, &str> = risks
        .iter()
        .rev()
        .map(|r| (r.item.as_str(), r.advice.as_str()))
        .collect();
    let bare = risks
        .iter()
        .find(|r| r.kind == RiskKind::NoEvidence && r.item == "meetings")
        .unwrap();
    assert_eq!(
        bare.advice,
        "1 次登记没有佐证材料：补齐会议纪要编号后运行 duty evidence meetings \"…\"（以后登记时加 --evidence）"
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
        risks.iter().all(|r| !r.advice.contains('\n')),
        "one line each"
    );

    let en = review::review(&c, &l, today, Lang::En);
    assert_eq!(en.len(), risks.len());
    assert!(
        en[0]
            .advice
            .starts_with("265 days overdue (due 2024-02-29)")
    );

    // Evidence kept on the item as a whole is enough.
    let mut with_evidence = l.clone();
    for item in ["plan", "meetings", "hours"] {
        with_evidence.items.get_mut(item).unwrap().evidence = "档案盒1".into();
    }
    assert!(
        review::review(&c, &with_evidence, today, Lang::Zh)
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

/// A `duty` command with private directories and a pinned day.
fn duty(dir: &Path, today: &str) -> Command {
    let mut cmd = Command::cargo_bin("duty").unwrap();
    cmd.env("DUTY_DATA_DIR", dir.join("data"))
        .env("DUTY_CONFIG_DIR", dir.join("config"))
        .env("DUTY_TODAY", today)
        .env_remove("DUTY_LANG")
        .env("USER", "tester")
        .current_dir(dir);
    cmd
}

fn example_abs() -> PathBuf {
    fs::canonicalize(EXAMPLE).unwrap()
}

#[test]
fn review_and_status_commands_show_pace_and_risks() {
    let tmp = tempfile::tempdir().unwrap();
    let ex = example_abs();
    let run = |args: &[&str]| {
        duty(tmp.path(), "2024-11-20")
            .arg("--checklist")
            .arg(&ex)
            .args(args)
            .assert()
    };
    run(&[
        "log",
        "meetings",
        "--date",
        "2024-03-05",
        "--topic",
        "听取汇报",
    ])
    .success();
    let text = String::from_utf8(run(&["status"]).success().get_output().stdout.clone()).unwrap();
    assert!(text.contains("1/4 次，按进度应为3，落后2次"), "{text}");
    let json = run(&["status", "--json"])
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let meetings = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "meetings")
        .unwrap();
    assert_eq!(
        (meetings["expected"].as_f64(), meetings["behind"].as_f64()),
        (Some(3.0), Some(2.0))
    );
    let plan = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "plan")
        .unwrap();
    assert!(plan["expected"].is_null());

    let out = run(&["review"]).success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let pos = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s} missing in\n{text}"))
    };
    assert!(pos("[逾期  ] leap-task") < pos("[落后  ] meetings"));
    assert!(pos("[落后  ] meetings") < pos("[将到期] constitution-day"));
    assert!(text.contains("2025-01-31  主要负责人年终述法"));
    assert!(text.contains("   3月 |######################################## 1"));
    let en = run(&["review", "--lang", "en"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(en)
            .unwrap()
            .contains("] leap-task 闰日前报送学法计划\n      265 days overdue")
    );
}

#[test]
fn due_within_exit_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let ex = example_abs();
    let due = |today: &str, within: &str| {
        duty(tmp.path(), today)
            .arg("--checklist")
            .arg(&ex)
            .args(["due", "--within", within])
            .assert()
    };
    // On 2 January the nearest deadline is leap-task on 29 February, 58 days away.
    for w in ["14d", "2w", "14", "57"] {
        due("2024-01-02", w).code(0).stdout("");
    }
    for w in ["58", "9w", "60d"] {
        let out = due("2024-01-02", w).code(1).get_output().stdout.clone();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "2024-02-29  58天后到期  leap-task  闰日前报送学法计划  未完成\n"
        );
    }
    // Overdue counts as due, whatever the window.
    due("2024-03-01", "0").code(1);
    due("2024-01-02", "3x").code(2);
    due("2024-01-02", "-1").code(2);
    let help = duty(tmp.path(), "2024-01-02")
        .args(["due", "--help"])
        .assert()
        .success();
    let help = String::from_utf8(help.get_output().stdout.clone()).unwrap();
    assert!(help.contains("0  没有到期事项") && help.contains("1  有逾期或即将到期"));
}

fn read_ledger(path: &Path) -> Ledger {
    let text = fs::read_to_string(path).unwrap();
    ron::from_str(&text).unwrap()
}

#[test]
fn rollover_of_the_default_checklist() {
    let tmp = tempfile::tempdir().unwrap();
    duty(tmp.path(), "2024-11-20")
        .args(["check", "annual-plan", "--date", "2024-03-01"])
        .assert()
        .success();
    duty(tmp.path(), "2024-11-20")
        .args(["rollover", "--to", "2025"])
        .assert()
        .success();
    let file = tmp.path().join("duty-checklist-2025.ron");
    let new = checklist::load(&fs::read(&file).unwrap(), "new", 2031, Lang::Zh).unwrap();
    assert_eq!((new.year, new.year_explicit), (2025, true));
    let old =
        checklist::load(checklist::BUILTIN_DEFAULT.as_bytes(), "old", 2024, Lang::Zh).unwrap();
    assert_eq!(
        new.item_count(),
        old.item_count(),
        "nothing carried without --carry-over"
    );
    assert!(new.report.heading.source().contains("{year}"));
    for ((_, a), (_, b)) in old.items().zip(new.items()) {
        assert_eq!((a.due.resolve(2025), a.kind), (b.due_date(2025), b.kind));
    }
    let fresh = read_ledger(&tmp.path().join("data/rule-of-law-duties/2025.ron"));
    assert_eq!(fresh, Ledger::new("rule-of-law-duties", 2025));
    // Never over an existing file; a year not after the checklist's is a usage error.
    duty(tmp.path(), "2024-11-20")
        .args(["rollover", "--to", "2025"])
        .assert()
        .code(4);
    duty(tmp.path(), "2024-11-20")
        .args(["rollover", "--to", "2024", "-o", "x.ron"])
        .assert()
        .code(2);
}

#[test]
fn rollover_of_the_example_carries_unfinished_items() {
    let tmp = tempfile::tempdir().unwrap();
    let ex = example_abs();
    let run = |args: &[&str]| {
        duty(tmp.path(), "2024-12-20")
            .arg("--checklist")
            .arg(&ex)
            .args(args)
            .assert()
    };
    run(&[
        "log",
        "summer-study",
        "--date",
        "2024-07-05",
        "--topic",
        "行政复议法",
    ])
    .success();
    run(&[
        "log",
        "summer-study",
        "--date",
        "2024-07-12",
        "--topic",
        "民法典",
    ])
    .success();
    run(&["check", "plan", "--date", "2024-03-01"]).success();
    // Only the next year: skipping years would leave those between without a ledger.
    run(&["rollover", "--to", "2030", "-o", "later.ron"]).code(2);
    assert!(!tmp.path().join("later.ron").exists());
    let out = run(&["rollover", "--to", "2025", "--carry-over", "-o", "next.ron"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("leap-task-from-2024"), "{text}");
    assert!(
        !text.contains("summer-study-from-2024"),
        "quotas are not carried: {text}"
    );
    assert!(text.contains("report-publication  年度报告向社会公开  未完成  （次年截止"));
    let new = checklist::load(
        &fs::read(tmp.path().join("next.ron")).unwrap(),
        "n",
        2031,
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(new.year, 2025);
    // The fixed leap day moves to the last day of February; the 述法 date moves a year.
    assert_eq!(
        new.item("leap-task").unwrap().due,
        DueSpec::On(date(2025, 2, 28))
    );
    assert_eq!(
        new.item("shufa").unwrap().due,
        DueSpec::On(date(2026, 1, 31))
    );
    // An unfinished duty comes back flagged and titled with its year; a yearly quota does
    // not (the new year has its own, and section three would state it twice).
    let carried = new.item("leap-task-from-2024").unwrap();
    assert_eq!(carried.carried_from, Some(2024));
    assert!(
        carried.title.ends_with("（2024年度结转）"),
        "{}",
        carried.title
    );
    assert!(new.item("summer-study-from-2024").is_none());
    assert!(new.item("plan-from-2024").is_none(), "plan was done");
    assert!(
        new.item("report-publication-from-2024").is_none(),
        "next-year paperwork stays"
    );
    assert!(new.item("shufa-from-2024").is_none());
    let ids: Vec<&str> = new.items().map(|(_, i)| i.id.as_str()).collect();
    let at = |id: &str| ids.iter().position(|x| *x == id).unwrap();
    assert_eq!(at("leap-task-from-2024"), at("leap-task") + 1);
    let fresh = read_ledger(&tmp.path().join("data/example-bureau/2025.ron"));
    assert!(fresh.items.is_empty() && !fresh.closed && fresh.seq == 0);
    // Rolling the new file over again validates too (carried items are dropped once done).
    let next = tmp.path().join("next.ron");
    duty(tmp.path(), "2025-12-20")
        .arg("--checklist")
        .arg(&next)
        .args(["rollover", "--to", "2026", "-o", "after.ron"])
        .assert()
        .success();
    let after = checklist::load(
        &fs::read(tmp.path().join("after.ron")).unwrap(),
        "a",
        2031,
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(after.year, 2026);
    assert!(after.item("summer-study-from-2024").is_none());
}

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "lock") {
            continue;
        }
        out.insert(p.clone(), fs::read(&p).unwrap());
    }
    out
}

#[test]
fn a_closed_year_refuses_every_change_until_reopened() {
    let tmp = tempfile::tempdir().unwrap();
    let ex = example_abs();
    let run = |args: &[&str]| {
        duty(tmp.path(), "2025-01-15")
            .arg("--checklist")
            .arg(&ex)
            .args(args)
            .assert()
    };
    run(&["log", "meetings", "--date", "2024-03-05", "--topic", "汇报"]).success();
    run(&["check", "plan", "--date", "2024-03-01"]).success();
    run(&["rate", "exam", "20/20", "--date", "2024-10-01"]).success();
    run(&["export-ledger", "-o", "copy.ron"]).success();
    let ledger_dir = tmp.path().join("data/example-bureau");
    let entry = read_ledger(&ledger_dir.join("2024.ron")).items["meetings"].entries[0]
        .id
        .clone();
    run(&["close", "--year", "2024"]).success();
    let before = snapshot(&ledger_dir);
    let refused: [&[&str]; 10] = [
        &["check", "constitution-day", "--date", "2024-12-04"],
        &["uncheck", "plan"],
        &["log", "meetings", "--date", "2024-06-01", "--topic", "x"],
        &["unlog", "meetings", &entry],
        &["rate", "exam", "19/20", "--date", "2024-10-02"],
        &["note", "plan", "备注"],
        &["evidence", "plan", "文号"],
        &["undo"],
        &["import-ledger", "copy.ron"],
        &["close"],
    ];
    for args in refused {
        let out = run(args).code(5).get_output().stderr.clone();
        let err = String::from_utf8(out).unwrap();
        assert!(
            err.contains("2024 年度已") && err.contains("关账"),
            "{args:?}: {err}"
        );
        assert_eq!(snapshot(&ledger_dir), before, "{args:?} changed a file");
    }
    let en = run(&["--lang", "en", "note", "plan", "x"])
        .code(5)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8(en)
            .unwrap()
            .contains("is closed and its ledger is read-only")
    );
    // Still viewable and printable.
    let status = run(&["status", "--year", "2024"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(status)
            .unwrap()
            .contains("2024年度（已关账）")
    );
    run(&["review", "--year", "2024"]).success();
    run(&["due"]).code(0).stdout("");
    // Reopening is a change like any other, in the history.
    run(&["reopen", "--year", "2024"]).success();
    run(&["reopen"]).code(5);
    let history = fs::read_to_string(ledger_dir.join("2024.history.jsonl")).unwrap();
    let last: Vec<&str> = history.lines().rev().take(2).collect();
    assert!(
        last[0].contains("\"Reopen\"") && last[1].contains("\"Close\""),
        "{history}"
    );
    run(&["note", "plan", "重新打开后可改"]).success();
}

fn fixture(name: &str) -> Ledger {
    read_ledger(&Path::new(ROLLUP).join(name))
}

#[test]
fn rollup_of_three_ledgers_gives_the_documented_result() {
    let c = example();
    let (a, b, cc) = (fixture("a.ron"), fixture("b.ron"), fixture("c.ron"));
    let (l, conflicts) = combine(&c, &[a.clone(), b.clone(), cc.clone()]);
    let plan = l.items["plan"].done.clone().unwrap();
    assert_eq!(
        plan,
        Done {
            date: date(2024, 3, 10),
            evidence: "政数〔2024〕1号".into(),
            by: "张三".into()
        }
    );
    let meetings: Vec<(&str, Date, &str)> = l.items["meetings"]
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e.date, e.evidence.as_str()))
        .collect();
    assert_eq!(
        meetings,
        [
            ("e1aaaa", date(2024, 3, 5), ""),
            ("e2bbbb", date(2024, 6, 12), "纪要〔2024〕6号"),
            ("e3cccc", date(2024, 9, 20), ""),
        ]
    );
    let exam = l.items["exam"].rate.clone().unwrap();
    assert_eq!(
        (exam.numerator, exam.denominator, exam.date),
        (38, 40, date(2024, 10, 12))
    );
    let hours = &l.items["hours"];
    assert_eq!(hours.entries.len(), 2);
    assert_eq!(progress::total_hours(Some(hours)), 7.0);
    assert_eq!(hours.note, "含网络学法");
    assert_eq!(l.items["shufa"].done.as_ref().unwrap().by, "王五");
    let got: Vec<(&str, ConflictField, Vec<usize>)> = conflicts
        .iter()
        .map(|c| {
            (
                c.item.as_str(),
                c.field,
                c.values.iter().map(|v| v.0).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("hours", ConflictField::Note, vec![0, 1]),
            ("meetings", ConflictField::Entry, vec![0, 2]),
            ("plan", ConflictField::DoneDate, vec![0, 1]),
        ]
    );
    let names = ["a.ron".to_string(), "b.ron".into(), "c.ron".into()];
    assert_eq!(
        conflicts[2].describe(&names, Lang::Zh),
        "plan 完成日期不一致：a.ron 2024-03-10（张三）（采用）；b.ron 2024-03-12（李四）"
    );

    // Idempotent: the same ledger twice, or the whole set twice, changes nothing.
    assert_eq!(
        combine(&c, &[a.clone(), a.clone()]),
        combine(&c, std::slice::from_ref(&a))
    );
    assert!(combine(&c, &[a.clone(), a.clone()]).1.is_empty());
    let twice = [
        a.clone(),
        b.clone(),
        cc.clone(),
        a.clone(),
        b.clone(),
        cc.clone(),
    ];
    let (l2, c2) = combine(&c, &twice);
    assert_eq!(l2, l);
    assert_eq!(c2.len(), conflicts.len());
    // A ledger of another year is left out and said so.
    let mut other = a.clone();
    other.year = 2023;
    let (l3, c3) = combine(&c, &[a.clone(), other]);
    assert_eq!(l3, combine(&c, std::slice::from_ref(&a)).0);
    assert_eq!(c3[0].field, ConflictField::Mismatch);

    // Through the binary: a directory of ledgers, JSON with the conflicts.
    let tmp = tempfile::tempdir().unwrap();
    let out = duty(tmp.path(), "2024-11-20")
        .arg("--checklist")
        .arg(example_abs())
        .args(["status", "--json", "--ledger"])
        .arg(fs::canonicalize(ROLLUP).unwrap())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let exam = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "exam")
        .unwrap();
    assert_eq!(exam["value"].as_f64(), Some(95.0));
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 3);
    assert_eq!(v["ledgers"].as_array().unwrap().len(), 3);
}

#[test]
fn merging_an_import_adds_only_and_is_idempotent() {
    let c = example();
    let (a, b) = (fixture("a.ron"), fixture("b.ron"));
    let x = ctx(date(2024, 11, 20));
    let once = merge_into(&a, &b, &x);
    let twice = merge_into(&once.ledger, &b, &x);
    assert!(twice.records.is_empty(), "nothing left to add");
    assert_eq!(twice.ledger, once.ledger);
    // b brought e3cccc (x9zzzz is the same meeting as e2bbbb) and the hours entry; a's rate,
    // plan date and note were kept and the differences listed (an import never replaces).
    let m = &once.ledger.items["meetings"].entries;
    assert_eq!(
        m.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["e1aaaa", "e2bbbb", "e3cccc"]
    );
    assert_eq!(
        once.ledger.items["exam"].rate.as_ref().unwrap().numerator,
        a.items["exam"].rate.as_ref().unwrap().numerator
    );
    assert_eq!(
        once.ledger.items["plan"].done.as_ref().unwrap().date,
        date(2024, 3, 10)
    );
    let fields: Vec<ConflictField> = once.conflicts.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            ConflictField::Rate,
            ConflictField::Note,
            ConflictField::DoneDate
        ]
    );
    // Each change is a numbered history record whose before/after replay the merge.
    assert_eq!(once.records.len(), 2);
    assert_eq!(once.ledger.seq, a.seq + 2);
    let mut replay = a.items.clone();
    for r in &once.records {
        let id = r.applied.item.clone().unwrap();
        assert_eq!(replay.get(&id).cloned(), r.applied.before);
        replay.insert(id, r.applied.after.clone().unwrap());
    }
    assert_eq!(replay, once.ledger.items);
    let _ = c;
}

#[test]
fn export_and_import_between_machines() {
    let tmp = tempfile::tempdir().unwrap();
    let (m1, m2) = (tmp.path().join("m1"), tmp.path().join("m2"));
    fs::create_dir_all(&m1).unwrap();
    fs::create_dir_all(&m2).unwrap();
    let ex = example_abs();
    let on = |dir: &Path, args: &[&str]| {
        duty(dir, "2024-11-20")
            .arg("--checklist")
            .arg(&ex)
            .args(args)
            .assert()
    };
    on(
        &m1,
        &[
            "log",
            "meetings",
            "--date",
            "2024-03-05",
            "--topic",
            "汇报",
            "--evidence",
            "纪要1",
        ],
    )
    .success();
    on(
        &m1,
        &[
            "check",
            "plan",
            "--date",
            "2024-03-01",
            "--evidence",
            "文号",
        ],
    )
    .success();
    on(
        &m2,
        &["log", "meetings", "--date", "2024-06-05", "--topic", "复议"],
    )
    .success();
    on(&m1, &["export-ledger", "-o", "out.ron"]).success();
    on(&m1, &["export-ledger", "-o", "out.ron"]).code(4);
    let file = m1.join("out.ron");
    let import = |f: &Path| {
        duty(&m2, "2024-11-20")
            .arg("--checklist")
            .arg(&ex)
            .arg("import-ledger")
            .arg(f)
            .assert()
    };
    import(&file).success();
    let dir2 = m2.join("data/example-bureau");
    let merged = read_ledger(&dir2.join("2024.ron"));
    assert_eq!(merged.items["meetings"].entries.len(), 2);
    assert_eq!(merged.items["plan"].done.as_ref().unwrap().by, "tester");
    let after_first = snapshot(&dir2);
    let out = import(&file).success().get_output().stdout.clone();
    assert!(String::from_utf8(out).unwrap().contains("台账未改动"));
    assert_eq!(
        snapshot(&dir2),
        after_first,
        "importing twice changes nothing"
    );
    // The import is in the history, and undo takes it back step by step.
    let history = fs::read_to_string(dir2.join("2024.history.jsonl")).unwrap();
    assert_eq!(history.lines().count(), 3);
    on(&m2, &["undo"]).success();
    assert!(
        !read_ledger(&dir2.join("2024.ron"))
            .items
            .contains_key("plan")
    );
    let before = snapshot(&dir2);

    // A corrupt file, a truncated one, one of another checklist: nothing changes, byte for byte.
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        m2.join("bad.ron"),
        "(format: 1, checklist: \"example-bureau\", year: 2024, items: {\"plan\": (done: Some((",
    )
    .unwrap();
    fs::write(m2.join("half.ron"), &text.as_bytes()[..text.len() / 2]).unwrap();
    fs::write(
        m2.join("other.ron"),
        text.replace("example-bureau", "someone-else"),
    )
    .unwrap();
    fs::write(m2.join("empty.ron"), "").unwrap();
    // Parses, but carries a bidi override that `duty log` would have refused.
    fs::write(m2.join("bidi.ron"), text.replace("汇报", "汇\u{202E}报")).unwrap();
    for f in [
        "bad.ron",
        "half.ron",
        "other.ron",
        "empty.ron",
        "missing.ron",
        "bidi.ron",
    ] {
        let err = import(&m2.join(f)).code(4).get_output().stderr.clone();
        assert_eq!(snapshot(&dir2), before, "{f} changed the ledger");
        if f == "bidi.ron" {
            assert!(String::from_utf8(err).unwrap().contains("U+202E"));
        }
    }
}

#[test]
fn entries_same_by_content_are_counted_once_within_one_ledger() {
    let c = example();
    let mut l = Ledger::new(&c.id, 2024);
    let e = |id: &str| Entry {
        id: id.into(),
        date: date(2024, 4, 1),
        topic: "同一次会".into(),
        hours: None,
        evidence: String::new(),
        by: "x".into(),
    };
    l.items.insert(
        "meetings".into(),
        ItemRecord {
            entries: vec![e("aaaaaa"), e("bbbbbb")],
            rate: None::<RateRecord>,
            ..Default::default()
        },
    );
    let (combined, conflicts) = combine(&c, std::slice::from_ref(&l));
    assert_eq!(combined.items["meetings"].entries.len(), 1);
    assert!(conflicts.is_empty());
    // The same id with another topic is not silently dropped: it is listed.
    let mut clash = e("aaaaaa");
    clash.topic = "另一次会".into();
    l.items.get_mut("meetings").unwrap().entries.push(clash);
    let (combined, conflicts) = combine(&c, &[l]);
    assert_eq!(combined.items["meetings"].entries.len(), 1);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].field, ConflictField::Entry);
}

#[test]
fn in_february_last_years_report_is_still_due() {
    // The built-in checklist follows the calendar: on 2025-02-20 it is the 2025 list, but the
    // 2024 report's submission (next-03-01) is what falls due.
    let tmp = tempfile::tempdir().unwrap();
    duty(tmp.path(), "2024-12-01")
        .args(["check", "report-approval", "--date", "2024-12-01"])
        .assert()
        .success();
    let out = duty(tmp.path(), "2025-02-20")
        .args(["due", "--within", "2w"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "2025-03-01  9天后到期  report-submission  年度报告报送本级党委、政府和上级部门（2024年度）  未完成\n"
    );
    duty(tmp.path(), "2025-02-20")
        .args(["due", "--within", "5d"])
        .assert()
        .code(0);
    let review = duty(tmp.path(), "2025-02-20")
        .arg("review")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let review = String::from_utf8(review).unwrap();
    let section = review
        .split("2024 年度尚未办结的事项")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap_or_else(|| panic!("no 2024 section in\n{review}"));
    assert!(section.contains("2025-03-01  年度报告报送本级党委、政府和上级部门  9天后到期"));
    assert!(
        !section.contains("审定"),
        "done items are not listed:{section}"
    );
    // Once 2024 is closed, or after June, it is no longer due.
    duty(tmp.path(), "2025-02-20")
        .args(["close", "--year", "2024"])
        .assert()
        .success();
    duty(tmp.path(), "2025-02-20")
        .args(["due", "--within", "2w"])
        .assert()
        .code(0);
}
