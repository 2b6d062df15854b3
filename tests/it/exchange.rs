//! Ledgers between machines and 科室: `--ledger` roll-ups (the documented result of three
//! fixture ledgers, idempotent, conflicts listed; `status`, `review` and the documents on
//! them), `export-ledger` and `import-ledger` (adds only, idempotent, one undoable change,
//! every unusable file refused with nothing changed), through the library and the binary.

use std::fs;

use jiff::civil::{Date, date};

use duty::checklist::{self, Checklist};
use duty::i18n::Lang;
use duty::ledger::{Done, Entry, ItemRecord, Ledger, RateRecord};
use duty::progress;
use duty::review::rollup::{ConflictField, combine, merge_into};

use crate::harness::{Home, LANGS, fixture, tree};

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

/// One of the roll-up fixtures, read as `--ledger` reads it.
fn ledger_fixture(name: &str) -> Ledger {
    duty::store::read_foreign(&fixture("review/rollup").join(name), &example()).unwrap()
}

#[test]
fn rollup_of_three_ledgers_gives_the_documented_result() {
    let c = example();
    let (a, b, cc) = (
        ledger_fixture("a.ron"),
        ledger_fixture("b.ron"),
        ledger_fixture("c.ron"),
    );
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
    // Two figures for one rate are two answers to one question: the first is kept, the
    // other listed (c's copy of a's figures is no conflict).
    let exam = l.items["exam"].rate.clone().unwrap();
    assert_eq!(
        (exam.numerator, exam.denominator, exam.date),
        (20, 20, date(2024, 10, 10))
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
            ("exam", ConflictField::Rate, vec![0, 1]),
            ("hours", ConflictField::Note, vec![0, 1]),
            ("meetings", ConflictField::Entry, vec![0, 2]),
            ("plan", ConflictField::DoneDate, vec![0, 1]),
        ]
    );
    let names = ["a.ron".to_string(), "b.ron".into(), "c.ron".into()];
    assert_eq!(
        conflicts[0].describe(&names, Lang::Zh),
        "exam 比率数字不一致：a.ron 20/20（2024-10-10）（采用）；b.ron 18/20（2024-10-12）"
    );
    assert_eq!(
        conflicts[3].describe(&names, Lang::Zh),
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
    let h = Home::new().on("2024-11-20");
    let ex = fixture("review/example-2024.ron").display().to_string();
    let dir = fixture("review/rollup").display().to_string();
    let v = h
        .ok(&["--checklist", &ex, "status", "--json", "--ledger", &dir])
        .json();
    let exam = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "exam")
        .unwrap();
    assert_eq!(exam["value"].as_f64(), Some(100.0));
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 4);
    assert_eq!(v["ledgers"].as_array().unwrap().len(), 3);
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
        evidence: Default::default(),
        by: "x".into(),
        presided: String::new(),
        attended: String::new(),
        linked: Vec::new(),
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
fn merging_an_import_adds_only_and_is_idempotent() {
    let (a, b) = (ledger_fixture("a.ron"), ledger_fixture("b.ron"));
    let once = merge_into(&a, &b);
    let mut merged = a.clone();
    for op in &once.ops {
        merged.apply(op).unwrap();
    }
    let twice = merge_into(&merged, &b);
    assert!(twice.ops.is_empty(), "nothing left to add");
    // b brought e3cccc (x9zzzz is the same meeting as e2bbbb) and the hours entry; a's rate,
    // plan date and note were kept and the differences listed (an import never replaces).
    let m = &merged.items["meetings"].entries;
    assert_eq!(
        m.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["e1aaaa", "e2bbbb", "e3cccc"]
    );
    assert_eq!(merged.items["exam"].rate, a.items["exam"].rate);
    assert_eq!(
        merged.items["plan"].done.as_ref().unwrap().date,
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
    // Every operation only adds: its inverse takes the import back to a, step by step.
    for op in once.ops.iter().rev() {
        merged.apply(&op.inverse().unwrap()).unwrap();
    }
    assert_eq!(merged.items, a.items);
}

#[test]
fn a_rollup_feeds_status_review_and_the_documents() {
    for lang in LANGS {
        let h = Home::in_lang(lang).on("2024-11-20");
        let ex = fixture("review/example-2024.ron").display().to_string();
        let dir = fixture("review/rollup");
        let a = dir.join("a.ron").display().to_string();
        let b = dir.join("b.ron").display().to_string();
        let dir = dir.display().to_string();
        let c = |args: &[&str]| {
            let mut all = vec!["--checklist", ex.as_str()];
            all.extend_from_slice(args);
            h.duty(&all)
        };
        c(&["status", "--ledger", &dir]).ok();
        c(&["status", "--ledger", &a, "--ledger", &a]).ok();
        c(&["review", "--ledger", &a, "--ledger", &b]).ok();
        c(&["summary", "--ledger", &dir]).ok();
        c(&["ledger", "-f", "csv", "--ledger", &a]).ok();
        // A directory without ledgers, a file of another checklist: refused.
        let empty = h.root().join("empty");
        fs::create_dir_all(&empty).unwrap();
        c(&["status", "--ledger", empty.to_str().unwrap()]).code(2);
        let other = h.write(
            "other.ron",
            fs::read_to_string(&a)
                .unwrap()
                .replace("example-bureau", "someone-else"),
        );
        c(&[
            "status",
            "--ledger",
            &a,
            "--ledger",
            other.to_str().unwrap(),
        ])
        .code(4);
        // The local ledger is neither read nor written by a roll-up.
        assert!(!h.data().exists());
        snap!(h);
    }
}

#[test]
fn export_and_import_between_machines() {
    for lang in LANGS {
        let ex = fixture("review/example-2024.ron").display().to_string();
        let one = Home::in_lang(lang).on("2024-11-20");
        let two = Home::in_lang(lang).on("2024-11-20");
        let on = |h: &Home, args: &[&str]| {
            let mut all = vec!["--checklist", ex.as_str()];
            all.extend_from_slice(args);
            h.duty(&all)
        };
        on(
            &one,
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
        .ok();
        on(
            &one,
            &[
                "check",
                "plan",
                "--date",
                "2024-03-01",
                "--evidence",
                "文号",
            ],
        )
        .ok();
        on(
            &two,
            &["log", "meetings", "--date", "2024-06-05", "--topic", "复议"],
        )
        .ok();
        on(&one, &["export-ledger", "-o", "out.ron"]).ok();
        on(&one, &["export-ledger", "-o", "out.ron"]).code(4);
        // Carried over to the other machine.
        fs::copy(one.work().join("out.ron"), two.work().join("from-one.ron")).unwrap();
        let file = "from-one.ron";
        on(&two, &["import-ledger", file]).ok();
        let merged = two.opened("example-bureau", 2024).ledger;
        assert_eq!(merged.items["meetings"].entries.len(), 2);
        assert_eq!(merged.items["plan"].done.as_ref().unwrap().by, "张三");
        let after_first = tree(&two.data());
        on(&two, &["import-ledger", file]).ok();
        assert_eq!(
            tree(&two.data()),
            after_first,
            "importing twice changes nothing"
        );
        // The import is one change in the history; undo takes it back whole, redo again.
        on(&two, &["history"]).ok();
        on(&two, &["undo"]).ok();
        let undone = two.opened("example-bureau", 2024).ledger;
        assert!(!undone.items.contains_key("plan"));
        assert_eq!(undone.items["meetings"].entries.len(), 1);
        on(&two, &["redo"]).ok();
        on(&two, &["undo"]).ok();
        let before = tree(&two.data());
        // Unusable files change nothing, byte for byte.
        let text = fs::read_to_string(two.work().join(file)).unwrap();
        two.write(
            "work/bad.ron",
            "(format: 1, checklist: \"example-bureau\", year: 2024, items: {\"plan\": (done: Some((",
        );
        two.write("work/half.ron", &text.as_bytes()[..text.len() / 2]);
        two.write(
            "work/other.ron",
            text.replace("example-bureau", "someone-else"),
        );
        two.write("work/year.ron", text.replace("year: 2024", "year: 2023"));
        two.write("work/empty.ron", "");
        two.write("work/future.ron", text.replace("format: 2", "format: 3"));
        // Parses, but carries a bidi override that `duty log` would have refused.
        two.write("work/bidi.ron", text.replace("汇报", "汇\u{202E}报"));
        for f in [
            "bad.ron",
            "half.ron",
            "other.ron",
            "year.ron",
            "empty.ron",
            "missing.ron",
            "future.ron",
            "bidi.ron",
        ] {
            on(&two, &["import-ledger", f]).code(4);
            assert_eq!(tree(&two.data()), before, "{f} changed the ledger");
        }
        // A closed year takes no import.
        on(&two, &["close"]).ok();
        on(&two, &["import-ledger", file]).code(5);
        snap!("export_and_import_between_machines_one", one);
        snap!("export_and_import_between_machines_two", two);
    }
}

#[test]
fn an_export_of_the_previous_release_is_imported() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.ok(&[
            "log",
            "center-group",
            "--topic",
            "宪法",
            "--date",
            "2024-03-02",
        ]);
        let file = fixture("format1/office-export.ron").display().to_string();
        h.duty(&["import-ledger", &file]).ok();
        let l = h.ledger(2024);
        assert_eq!(l.items["pre-meeting-study"].entries[0].by, "王五");
        assert_eq!(l.items["leading-group"].done.as_ref().unwrap().by, "王五");
        h.duty(&["history"]).ok();
        snap!(h);
    }
}
