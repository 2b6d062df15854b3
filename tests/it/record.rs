//! Recording through the binary: `check`, `uncheck`, `log`, `unlog`, `edit`, `rate` (0/0
//! too), `note` and `evidence` say what they recorded and record just that; every refusal
//! explains itself and changes no file; a default date outside the year, a session logged
//! twice, a hand-edited record, an item removed from the checklist, text that would upset a
//! terminal, and saves that fail.

use std::fs;

use duty::checklist::BUILTIN_DEFAULT;
use duty::ledger::{ItemRecord, Ledger, Op, Recorded};

use crate::harness::{BUILTIN, Home, LANGS, Out, tree};

/// The record of `item` in the home's 2024 ledger.
fn record(h: &Home, item: &str) -> ItemRecord {
    h.ledger(2024).items.get(item).cloned().unwrap_or_default()
}

#[test]
fn every_recording_command_records_what_it_says() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&[
            "check",
            "annual-plan",
            "--date",
            "2024年3月28日",
            "--evidence",
            "政数〔2024〕1号",
        ])
        .ok();
        let done = record(&h, "annual-plan").done.unwrap();
        assert_eq!(
            (
                done.date.to_string(),
                done.evidence.as_str(),
                done.by.as_str()
            ),
            ("2024-03-28".into(), "政数〔2024〕1号", "张三")
        );
        // Ticked again without evidence: the date changes, the evidence stays.
        h.duty(&["check", "annual-plan", "--date", "2024-03-29"])
            .ok();
        assert_eq!(
            record(&h, "annual-plan").done.unwrap().evidence,
            "政数〔2024〕1号"
        );
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "《宪法》专题 🙂",
            "--date",
            "2024-03-02",
        ])
        .ok();
        h.duty(&["log", "center-group", "--topic", "民法典"]).ok();
        let entries = record(&h, "center-group").entries;
        assert_eq!(entries.len(), 2);
        assert_eq!(
            entries[1].date.to_string(),
            "2024-06-01",
            "today by default"
        );
        h.duty(&[
            "log",
            "study-hours",
            "--topic",
            "网上学法",
            "--hours",
            "2.5",
            "--date",
            "2024-04-01",
        ])
        .ok();
        h.duty(&[
            "log",
            "study-hours",
            "--topic",
            "网上学法（二）",
            "--hours",
            "1",
        ])
        .ok();
        assert_eq!(record(&h, "study-hours").entries[0].hours, Some(2.5));
        h.duty(&["rate", "exam-participation", "46/50", "--evidence", "名单"])
            .ok();
        let rate = record(&h, "exam-participation").rate.unwrap();
        assert_eq!((rate.numerator, rate.denominator), (46, 50));
        h.duty(&["note", "lectures", r#"请 "法律顾问" 讲 \ #"#])
            .ok();
        assert_eq!(record(&h, "lectures").note, r#"请 "法律顾问" 讲 \ #"#);
        h.duty(&["evidence", "lectures", "档案盒 3"]).ok();
        h.duty(&["note", "lectures", ""]).ok();
        assert_eq!(record(&h, "lectures").note, "");
        assert_eq!(record(&h, "lectures").evidence, "档案盒 3");
        let first = entries[0].id.clone();
        h.duty(&["edit", "center-group", &first, "--topic", "《宪法》修正案"])
            .ok();
        h.duty(&[
            "edit",
            "center-group",
            &first,
            "--date",
            "2024-03-05",
            "--evidence",
            "签到表",
        ])
        .ok();
        let edited = record(&h, "center-group").entries;
        assert_eq!(edited[0].id, first, "an edit keeps the id");
        assert_eq!(
            (edited[0].topic.as_str(), edited[0].evidence.as_str()),
            ("《宪法》修正案", "签到表")
        );
        let hours = record(&h, "study-hours").entries[1].id.clone();
        h.duty(&["edit", "study-hours", &hours, "--hours", "1.5"])
            .ok();
        h.duty(&["unlog", "center-group", &first]).ok();
        assert_eq!(record(&h, "center-group").entries.len(), 1);
        // Unticking throws the date and evidence away: asked first; with no one to ask
        // (no terminal), nothing changes unless --yes answers.
        h.duty(&["uncheck", "annual-plan"]).code(5);
        assert!(record(&h, "annual-plan").done.is_some());
        h.duty(&["uncheck", "annual-plan", "--yes"]).ok();
        assert!(record(&h, "annual-plan").done.is_none());
        h.duty(&["evidence", "annual-plan", "档案盒 1"]).ok();
        h.duty(&["check", "annual-plan", "--evidence", "文号"]).ok();
        // "" clears all of an item's evidence, its tick's too.
        h.duty(&["evidence", "annual-plan", ""]).code(5);
        assert_eq!(record(&h, "annual-plan").evidence, "档案盒 1");
        h.duty(&["evidence", "annual-plan", "", "--yes"]).ok();
        let cleared = record(&h, "annual-plan");
        assert_eq!(
            (
                cleared.evidence.as_str(),
                cleared.done.unwrap().evidence.as_str()
            ),
            ("", "")
        );
        h.duty(&["status", "--json"]).ok();
        snap!(h);
    }
}

#[test]
fn a_rate_of_no_cases_is_complete_and_no_shortfall() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["rate", "exam-pass", "0/0", "--evidence", "本年度无考试"])
            .ok();
        let json = h.run(&["status", "--json"]).json();
        let item = json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "exam-pass")
            .unwrap()
            .clone();
        assert_eq!(item["complete"], true, "{item}");
        h.duty(&["status"]).ok();
        h.duty(&["review"]).ok();
        h.duty(&["summary"]).ok();
        snap!(h);
    }
}

/// A home with a session logged and a duty ticked, to refuse changes against.
fn with_two_changes(lang: duty::i18n::Lang) -> Home {
    let h = Home::in_lang(lang);
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "学法",
        "--date",
        "2024-03-02",
    ]);
    h.ok(&["check", "annual-plan", "--date", "2024-03-01"]);
    h
}

#[test]
fn refused_changes_explain_and_change_no_file() {
    let cases: &[(&[&str], i32)] = &[
        (&["log", "annual-plan", "--topic", "x"], 5),
        (&["check", "center-group"], 5),
        (&["rate", "lectures", "1/2"], 5),
        (&["log", "centre-group", "--topic", "x"], 5),
        (&["note", "no-such-item", "x"], 5),
        (
            &[
                "log",
                "center-group",
                "--topic",
                "x",
                "--date",
                "2023-12-31",
            ],
            5,
        ),
        (&["check", "annual-plan", "--date", "2025年7月1日"], 5),
        (&["check", "annual-plan", "--date", "2024-12-01"], 5),
        (
            &[
                "log",
                "center-group",
                "--topic",
                "x",
                "--date",
                "2024-02-30",
            ],
            2,
        ),
        (&["log", "study-hours", "--topic", "x", "--hours", "-2"], 5),
        (&["log", "study-hours", "--topic", "x", "--hours", "250"], 5),
        (&["log", "study-hours", "--topic", "x"], 5),
        (&["log", "center-group", "--topic", "x", "--hours", "2"], 5),
        (&["log", "center-group", "--topic", "  "], 5),
        (&["rate", "exam-pass", "-1/4"], 2),
        (&["rate", "exam-pass", "5/4"], 2),
        (&["rate", "exam-pass", "1/0"], 2),
        (&["log", "center-group", "--topic", "a\x1b[2Jb"], 5),
        (&["note", "lectures", "左\u{202E}右"], 5),
        (&["evidence", "lectures", "铃\x07"], 5),
        (&["note", "lectures", "两\n行"], 5),
        (&["uncheck", "annual-plan-x"], 5),
        (&["unlog", "center-group", "zzzzzz"], 5),
        (&["edit", "center-group", "zzzzzz", "--topic", "y"], 5),
        (&["uncheck", "study-plan"], 5),
        (&["redo"], 5),
    ];
    for lang in LANGS {
        let h = with_two_changes(lang);
        let entry = record(&h, "center-group").entries[0].id.clone();
        let before = tree(&h.data());
        for (args, code) in cases {
            let out = h.duty(args);
            out.code(*code);
            assert!(
                !out.stderr.contains(['\x1b', '\x07', '\u{202E}']),
                "{args:?} echoed a control character: {:?}",
                out.stderr
            );
            assert_eq!(tree(&h.data()), before, "{args:?} changed a file");
        }
        let out = h.duty(&["edit", "center-group", &entry, "--topic", "学法"]);
        out.code(5);
        assert_eq!(tree(&h.data()), before, "an edit that changes nothing");
        snap!(h);
    }
}

#[test]
fn undo_until_nothing_is_left_and_the_undos_are_history_too() {
    let h = with_two_changes(duty::i18n::Lang::Zh);
    h.ok(&["undo"]);
    h.ok(&["undo"]);
    h.run(&["undo"]).code(5);
    assert!(h.ledger(2024).items.is_empty());
    assert_eq!(h.run(&["history"]).stdout.lines().count(), 4);
}

#[test]
fn a_default_date_outside_the_year_asks_for_one() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        // Today (2024-06-01) is past 2022's window, which ends 2023-06-30.
        h.duty(&["--year", "2022", "rate", "exam-participation", "46/50"])
            .code(2);
        h.duty(&["--year", "2022", "log", "center-group", "--topic", "x"])
            .code(2);
        h.duty(&["--year", "2022", "check", "annual-plan"]).code(2);
        assert!(!h.paths(2022).dir.exists(), "nothing written");
        h.duty(&[
            "--year",
            "2022",
            "rate",
            "exam-participation",
            "46/50",
            "--date",
            "2022-12-20",
        ])
        .ok();
        snap!(h);
    }
}

#[test]
fn a_session_logged_twice_and_closing_with_work_open_are_pointed_out() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        for _ in 0..2 {
            h.duty(&[
                "log",
                "center-group",
                "--topic",
                "宪法",
                "--date",
                "2024-03-01",
            ])
            .ok();
        }
        assert_eq!(record(&h, "center-group").entries.len(), 2, "both kept");
        h.duty(&["close"]).ok();
        snap!(h);
    }
}

#[test]
fn a_hand_edited_impossible_record_is_pointed_out_and_left_as_it_is() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.ok(&["rate", "exam-participation", "46/50"]);
        let file = h.paths(2024).ledger;
        let text = fs::read_to_string(&file).unwrap();
        assert!(text.contains("numerator: 46"), "{text}");
        fs::write(&file, text.replace("numerator: 46", "numerator: 56")).unwrap();
        let before = tree(&h.data());
        for args in [&["status"][..], &["review"], &["summary"]] {
            let out = h.duty(args);
            out.ok();
            assert!(out.stderr.contains("56/50"), "{}", out.stderr);
        }
        assert_eq!(tree(&h.data()), before, "reading it changes nothing");
        snap!(h);
    }
}

#[test]
fn progress_of_a_removed_item_outlives_checklist_edits() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.ok(&["log", "court-hearing", "--topic", "旁听行政案件庭审"]);
        h.ok(&["note", "court-hearing", "组织 20 人"]);
        let kept = record(&h, "court-hearing");
        // The same checklist with the item renamed, as a unit's officer might edit it.
        let edited =
            BUILTIN_DEFAULT.replace("id: \"court-hearing\"", "id: \"court-hearing-visits\"");
        let file = h.write("edited.ron", edited);
        let file = file.to_str().unwrap();
        h.duty(&["--checklist", file, "status"]).ok();
        h.ok(&[
            "--checklist",
            file,
            "log",
            "court-hearing-visits",
            "--topic",
            "新事项",
        ]);
        h.ok(&["--checklist", file, "note", "lectures", "之后的修改"]);
        assert_eq!(
            record(&h, "court-hearing"),
            kept,
            "the orphan survives saves"
        );
        let json = h.run(&["--checklist", file, "status", "--json"]).json();
        assert_eq!(json["orphans"][0]["id"], "court-hearing");
        assert_eq!(json["orphans"][0]["record"]["note"], "组织 20 人");
        // The orphan itself takes no change: its old id now names the item it is a unique
        // part of, and the orphan stays as it was.
        h.duty(&["--checklist", file, "note", "court-hearing", "y"])
            .ok();
        assert_eq!(record(&h, "court-hearing"), kept);
        assert_eq!(record(&h, "court-hearing-visits").note, "y");
        // Back on the original checklist the item is known again, with all its data, and
        // the renamed item's record is the orphan now.
        h.duty(&["status"]).ok();
        assert_eq!(record(&h, "court-hearing"), kept);
        snap!(h);
    }
}

#[test]
fn nothing_from_the_ledger_reaches_the_terminal_raw() {
    let evil = "\x1b[2J\x07\u{202E}";
    let h = Home::new();
    // A ledger carrying escape sequences and a bidi override, as a hand-edited or foreign
    // file could, and a journal line forged with more of them.
    let mut ledger = Ledger::new(BUILTIN, 2024);
    let mut record = ItemRecord {
        note: format!("备注{evil}"),
        ..Default::default()
    };
    record.entries.push(duty::ledger::Entry {
        id: "abcdef".into(),
        date: "2024-03-01".parse().unwrap(),
        topic: format!("主题{evil}"),
        hours: None,
        evidence: Default::default(),
        by: format!("用户{evil}").into(),
        presided: String::new(),
        attended: String::new(),
        linked: Vec::new(),
    });
    ledger.items.insert("center-group".into(), record);
    ledger.items.insert(
        format!("gone{evil}"),
        ItemRecord {
            note: format!("孤立{evil}"),
            ..Default::default()
        },
    );
    h.create_book(&ledger);
    let forged = Recorded {
        seq: 2,
        at: jiff::Timestamp::from_second(1_717_200_000).unwrap(),
        by: format!("谁{evil}"),
        op: Op::Note {
            item: format!("gone{evil}"),
            text: format!("又一条{evil}"),
            was: format!("孤立{evil}"),
        },
    };
    let journal = h.paths(2024).journal;
    let mut text = fs::read_to_string(&journal).unwrap();
    text.push_str(&serde_json::to_string(&forged).unwrap());
    text.push('\n');
    fs::write(&journal, text).unwrap();
    let raw = |s: &str| s.contains(['\x1b', '\x07', '\u{202E}']);
    // Each command, and whether it shows the ledger's text (rather than only the checklist's).
    for (args, shows) in [
        (&["status"][..], true),
        (&["status", "--json"], true),
        (&["history"], true),
        (&["--lang", "en", "history"], true),
        (&["review"], false),
        // Documents take control characters out rather than escape them.
        (&["ledger"], false),
        (&["undo"], true),
        (&["history"], true),
    ] {
        let out = h.duty(args);
        out.ok();
        assert!(
            !raw(&out.stdout) && !raw(&out.stderr),
            "{args:?}: {:?}",
            out.stdout
        );
        let escaped = out.stdout.contains("\\u{1b}") || out.stdout.contains("\\u001b");
        assert_eq!(escaped, shows, "{args:?} shows the escape: {}", out.stdout);
    }
    let out = h.run(&["note", &format!("gone{evil}"), "x"]);
    out.code(5);
    assert!(!raw(&out.stderr));
    snap!(h);
}

/// Make every save fail, without relying on permissions (the tests run as root in CI): a
/// directory stands where the journal is appended.
fn block_the_journal(h: &Home) {
    let journal = h.paths(2024).journal;
    if journal.exists() {
        fs::remove_file(&journal).unwrap();
    }
    fs::create_dir_all(&journal).unwrap();
}

#[test]
fn a_save_that_fails_says_so_and_leaves_the_ledger_as_it_was() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.ok(&[
            "log",
            "center-group",
            "--topic",
            "一",
            "--date",
            "2024-03-02",
        ]);
        let ledger = h.paths(2024).ledger;
        let before = fs::read(&ledger).unwrap();
        // The lock cannot be taken (a directory stands where it is made).
        let lock = h.paths(2024).lock;
        fs::remove_file(&lock).unwrap();
        fs::create_dir(&lock).unwrap();
        let out = h.duty(&["log", "center-group", "--topic", "二"]);
        out.code(4);
        assert!(
            out.stderr.contains("修改未保存") || out.stderr.contains("not saved"),
            "{}",
            out.stderr
        );
        fs::remove_dir(&lock).unwrap();
        // The journal cannot be opened.
        block_the_journal(&h);
        h.duty(&["log", "center-group", "--topic", "二"]).code(4);
        h.duty(&["undo"]).code(4);
        assert_eq!(fs::read(&ledger).unwrap(), before);
        snap!(h);
    }
}

#[test]
fn the_ledger_path_being_a_directory_is_a_clear_error() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        fs::create_dir_all(h.paths(2024).ledger).unwrap();
        h.duty(&["status"]).code(4);
        h.duty(&["note", "lectures", "x"]).code(4);
        assert!(h.paths(2024).ledger.is_dir());
        snap!(h);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error_and_a_closed_pipe_is_not() {
    use std::process::Stdio;
    let h = Home::new();
    // Every write to /dev/full fails with ENOSPC, as on a full disk. Wine hands a Windows
    // program's writes to its console layer, which never reports the error.
    if !crate::harness::windows_build() {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut cmd = h.command();
        cmd.arg("status").stdout(full);
        let out = Out::from(cmd.output().unwrap());
        out.code(4);
        assert!(
            out.stderr.contains("磁盘已满") || out.stderr.contains("空间"),
            "{}",
            out.stderr
        );
    }
    // `duty status | head -0`: the reader goes away; duty ends quietly.
    for args in [
        &["status"][..],
        &["status", "--json"],
        &["paths"],
        &["history"],
    ] {
        let mut child = h
            .command()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = Out::from(child.wait_with_output().unwrap());
        assert!(!out.stderr.contains("panicked"), "{args:?}: {}", out.stderr);
        out.ok();
    }
}

#[test]
fn editing_who_presided_or_attended_is_said_and_kept_in_the_history() {
    let h = Home::new();
    let logged = h.ok(&["log", "center-group", "--topic", "学习宪法"]);
    let id = logged
        .stdout
        .split("编号 ")
        .nth(1)
        .and_then(|s| s.split('）').next())
        .expect("the entry's id")
        .to_string();
    let edited = h.ok(&[
        "edit",
        "center-group",
        &id,
        "--presided",
        "李明",
        "--attended",
        "全体党组成员",
    ]);
    assert!(
        edited.stdout.contains("主持人 （无） → 李明")
            && edited.stdout.contains("参加人员 （无） → 全体党组成员"),
        "{}",
        edited.stdout
    );
    let history = h.ok(&["history", "center-group"]);
    assert!(
        history.stdout.contains("主持人 （无） → 李明"),
        "{}",
        history.stdout
    );
    let undone = h.ok(&["undo"]);
    assert!(undone.stdout.contains("主持人"), "{}", undone.stdout);
}
