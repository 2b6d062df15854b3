//! Cut-off lines, damaged and missing files: a cut-off last journal line, a killed first
//! change, snapshots behind, damaged or missing, damaged journal lines (with and without the
//! snapshot), another checklist's, year's, newer duty's or machine's files.

use super::*;

/// A home with three sessions logged.
fn three_sessions(lang: Lang) -> Home {
    let h = Home::in_lang(lang);
    for (topic, day) in [
        ("一", "2024-03-02"),
        ("二", "2024-03-09"),
        ("三", "2024-03-16"),
    ] {
        h.ok(&["log", "center-group", "--topic", topic, "--date", day]);
    }
    h
}

#[test]
fn a_cut_off_last_line_is_ignored_with_a_note_and_never_blocks_the_next_change() {
    for lang in LANGS {
        let h = three_sessions(lang);
        let journal = h.paths(2024).journal;
        let whole = fs::read(&journal).unwrap();
        // The last change's line loses its end, as a crash mid-write leaves it (the snapshot
        // still holds the change: it was written before the crash cut the journal).
        let cut = whole.len() - 20;
        fs::write(&journal, &whole[..cut]).unwrap();
        fs::remove_file(h.paths(2024).ledger).unwrap();
        h.duty(&["status"]).ok();
        assert_eq!(
            topics(&h),
            ["一", "二"],
            "the cut-off change never happened"
        );
        h.duty(&["history"]).ok();
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "四",
            "--date",
            "2024-03-23",
        ])
        .ok();
        assert_eq!(topics(&h), ["一", "二", "四"]);
        assert_contiguous(&h, 3, "after the next change");
        let text = fs::read_to_string(&journal).unwrap();
        assert!(text.ends_with('\n') && text.lines().count() == 4, "{text}");
        h.duty(&["status"]).ok();
        snap!(h);
    }
}

#[test]
fn a_killed_first_change_leaves_no_ledger_and_the_next_one_starts_it() {
    let h = Home::new();
    let paths = h.paths(2024);
    fs::create_dir_all(&paths.dir).unwrap();
    // A journal whose header never got its newline: the first change was cut off.
    fs::write(&paths.journal, "{\"journal\":\"0123456789abcdef\",\"chec").unwrap();
    let out = h.ok(&["status"]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "一",
        "--date",
        "2024-03-02",
    ]);
    assert_eq!(topics(&h), ["一"]);
    assert_contiguous(&h, 1, "the new journal");
}

#[test]
fn a_snapshot_behind_its_journal_is_brought_up_to_date() {
    let h = Home::new();
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "一",
        "--date",
        "2024-03-02",
    ]);
    let ledger = h.paths(2024).ledger;
    let older = fs::read(&ledger).unwrap();
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "二",
        "--date",
        "2024-03-09",
    ]);
    // A crash between the journal's sync and the snapshot's rename leaves the older one.
    fs::write(&ledger, &older).unwrap();
    let out = h.ok(&["status"]);
    assert!(out.stderr.is_empty(), "caught up silently: {}", out.stderr);
    assert_eq!(topics(&h), ["一", "二"]);
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "三",
        "--date",
        "2024-03-16",
    ]);
    assert_eq!(topics(&h), ["一", "二", "三"]);
    assert_contiguous(&h, 3, "after catching up");
}

#[test]
fn a_damaged_snapshot_is_rebuilt_from_the_journal_and_kept_aside_at_the_next_change() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        for name in ["truncated.ron", "zero-byte.ron", "garbage.ron"] {
            let h2 = three_sessions(lang);
            let bad = fs::read(fixture("ledgers").join(name)).unwrap();
            let ledger = h2.paths(2024).ledger;
            fs::write(&ledger, &bad).unwrap();
            let status = h2.run(&["status"]);
            status.ok();
            assert!(
                status.stdout.contains("3/4") || status.stdout.contains("3/4 "),
                "{name}"
            );
            assert!(!status.stderr.is_empty(), "{name}: a note");
            assert_eq!(topics(&h2), ["一", "二", "三"], "{name}: the data is shown");
            assert_eq!(
                fs::read(&ledger).unwrap(),
                bad,
                "{name}: reading changes nothing"
            );
            h2.ok(&["note", "lectures", "x"]);
            let aside = h2.paths(2024).dir.join("2024.ron.damaged-1");
            assert_eq!(fs::read(&aside).unwrap(), bad, "{name}: kept aside");
            assert_eq!(topics(&h2), ["一", "二", "三"]);
            assert!(
                h2.opened(BUILTIN, 2024).notes.is_empty(),
                "{name}: written again"
            );
        }
        // The words, once per kind of damage (the ledger file named by its path).
        for name in ["truncated.ron", "zero-byte.ron", "garbage.ron"] {
            let dir = h.paths(2024).dir;
            let _ = fs::remove_dir_all(&dir);
            for (topic, day) in [("一", "2024-03-02"), ("二", "2024-03-09")] {
                h.ok(&["log", "center-group", "--topic", topic, "--date", day]);
            }
            fs::write(
                h.paths(2024).ledger,
                fs::read(fixture("ledgers").join(name)).unwrap(),
            )
            .unwrap();
            h.say(name);
            h.duty(&["history", "center-group"]).ok();
            h.duty(&[
                "log",
                "center-group",
                "--topic",
                "三",
                "--date",
                "2024-03-16",
            ])
            .ok();
        }
        // A missing snapshot is rebuilt the same way; `duty repair` writes it at once.
        fs::remove_file(h.paths(2024).ledger).unwrap();
        h.say("missing");
        h.duty(&["history", "center-group"]).ok();
        h.duty(&["repair"]).ok();
        h.duty(&["history", "center-group"]).ok();
        fs::write(h.paths(2024).ledger, "(garbage").unwrap();
        h.duty(&["repair"]).ok();
        assert!(h.paths(2024).dir.join("2024.ron.damaged-2").exists());
        snap!(h);
    }
}

#[test]
fn a_ledger_of_another_checklist_year_or_newer_duty_stops_everything_and_is_never_written() {
    for lang in LANGS {
        let h = three_sessions(lang);
        for name in ["future.ron", "other-checklist.ron", "other-year.ron"] {
            let bad = fs::read(fixture("ledgers").join(name)).unwrap();
            let ledger = h.paths(2024).ledger;
            fs::write(&ledger, &bad).unwrap();
            let before = tree(&h.data());
            h.say(name);
            for args in [
                &["status"][..],
                &["log", "center-group", "--topic", "四"],
                &["undo"],
                &["repair"],
            ] {
                h.duty(args).code(4);
                assert_eq!(tree(&h.data()), before, "{name} {args:?}");
            }
        }
        snap!(h);
    }
}

/// Damage line `n` (1-based) of the journal without changing its length.
fn damage_line(h: &Home, n: usize) {
    let journal = h.paths(2024).journal;
    let text = fs::read_to_string(&journal).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[n - 1] = lines[n - 1].replacen("\"seq\":", "\"seq\"?", 1);
    fs::write(&journal, lines.join("\n") + "\n").unwrap();
    assert_eq!(fs::read_to_string(&journal).unwrap().len(), text.len());
}

#[test]
fn a_damaged_journal_line_in_the_middle_is_named_and_blocks_changes_until_repair() {
    for lang in LANGS {
        let h = three_sessions(lang);
        // Line 3 is the second change: the snapshot holds it, so the ledger is shown whole.
        damage_line(&h, 3);
        let before = tree(&h.data());
        h.duty(&["status"]).ok();
        assert_eq!(topics(&h), ["一", "二", "三"]);
        h.duty(&["history"]).code(4);
        h.duty(&["log", "center-group", "--topic", "四"]).code(4);
        h.duty(&["undo"]).code(4);
        h.duty(&["redo"]).code(4);
        assert_eq!(tree(&h.data()), before, "nothing appended after the damage");
        h.duty(&["repair"]).ok();
        let aside = h.paths(2024).dir.join("2024.journal.damaged-1");
        assert!(aside.exists());
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "四",
            "--date",
            "2024-03-23",
        ])
        .ok();
        assert_eq!(topics(&h), ["一", "二", "三", "四"]);
        h.duty(&["history"]).ok();
        h.duty(&["undo"]).ok();
        h.duty(&["undo"]).code(5);
        snap!(h);
    }
}

#[test]
fn a_damaged_journal_without_its_snapshot_shows_what_it_can_and_repair_carries_on_past_the_damage()
{
    for lang in LANGS {
        for snapshot in ["missing", "damaged"] {
            let h = three_sessions(lang);
            h.ok(&[
                "log",
                "center-group",
                "--topic",
                "四",
                "--date",
                "2024-03-23",
            ]);
            let paths = h.paths(2024);
            match snapshot {
                "missing" => fs::remove_file(&paths.ledger).unwrap(),
                _ => fs::write(&paths.ledger, "(format: 2, items: {").unwrap(),
            }
            // Line 3 is the second change; the snapshot that held it is gone.
            damage_line(&h, 3);
            let before = tree(&h.data());
            h.say(&format!(
                "the snapshot {snapshot}, line 3 of the journal damaged"
            ));
            let status = h.duty(&["status"]);
            status.ok();
            assert!(status.stderr.contains("repair"), "{}", status.stderr);
            h.duty(&["log", "center-group", "--topic", "五"]).code(4);
            assert_eq!(tree(&h.data()), before, "nothing written before the repair");
            h.duty(&["repair"]).ok();
            // 一 before the damage, 三 and 四 after it; 二 was on the damaged line.
            assert_eq!(topics(&h), ["一", "三", "四"], "{snapshot}");
            assert!(paths.dir.join("2024.journal.damaged-1").exists());
            assert_eq!(
                paths.dir.join("2024.ron.damaged-1").exists(),
                snapshot == "damaged",
                "an unreadable snapshot is kept, never overwritten"
            );
            h.duty(&[
                "log",
                "center-group",
                "--topic",
                "二（补登）",
                "--date",
                "2024-03-09",
            ])
            .ok();
            assert_eq!(topics(&h).len(), 4);
            if snapshot == "missing" {
                snap!(h);
            }
        }
    }
}

#[test]
fn a_damaged_line_the_snapshot_does_not_hold_yet_blocks_changes_too() {
    let h = three_sessions(Lang::Zh);
    // The snapshot of the first change, as a crash can leave it; lines 3 and 4 are after it.
    let older = {
        let h1 = Home::new();
        h1.ok(&[
            "log",
            "center-group",
            "--topic",
            "一",
            "--date",
            "2024-03-02",
        ]);
        fs::read_to_string(h1.paths(2024).ledger).unwrap()
    };
    let journal_id = fs::read_to_string(h.paths(2024).journal).unwrap()[12..28].to_string();
    let older = older
        .lines()
        .map(|l| match l.trim().strip_prefix("id: \"") {
            Some(_) => format!("    id: \"{journal_id}\","),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(h.paths(2024).ledger, older).unwrap();
    damage_line(&h, 3);
    let status = h.run(&["status"]);
    status.ok();
    assert!(status.stderr.contains("第 3 行"), "{}", status.stderr);
    assert_eq!(
        topics(&h),
        ["一"],
        "shown from the snapshot, up to the damage"
    );
    let log = h.run(&["log", "center-group", "--topic", "四"]);
    log.code(4);
    assert!(log.stderr.contains("第 3 行"), "{}", log.stderr);
    h.ok(&["repair"]);
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "四",
        "--date",
        "2024-03-23",
    ]);
    assert_eq!(topics(&h), ["一", "四"]);
}

#[test]
fn another_machines_journal_beside_the_ledger_is_refused_for_changes() {
    for lang in LANGS {
        let h = three_sessions(lang);
        let other = Home::new();
        other.ok(&["note", "lectures", "另一台电脑"]);
        fs::copy(other.paths(2024).journal, h.paths(2024).journal).unwrap();
        let before = tree(&h.data());
        h.duty(&["status"]).ok();
        assert_eq!(topics(&h), ["一", "二", "三"], "shown from this ledger");
        h.duty(&["log", "center-group", "--topic", "四"]).code(4);
        h.duty(&["undo"]).code(4);
        assert_eq!(tree(&h.data()), before);
        h.duty(&["repair"]).ok();
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "四",
            "--date",
            "2024-03-23",
        ])
        .ok();
        assert_eq!(topics(&h), ["一", "二", "三", "四"]);
        assert!(
            h.ledger(2024).record("lectures").is_none(),
            "nothing of the other's"
        );
        // An older copy of this ledger's own journal put back is refused the same way.
        let journal = h.paths(2024).journal;
        let mut text = fs::read_to_string(&journal).unwrap();
        text.truncate(text.trim_end().rfind('\n').unwrap() + 1);
        fs::write(&journal, text).unwrap();
        h.duty(&["log", "center-group", "--topic", "五"]).code(4);
        snap!(h);
    }
}

#[test]
fn a_missing_journal_starts_again_at_the_next_change() {
    for lang in LANGS {
        let h = three_sessions(lang);
        fs::remove_file(h.paths(2024).journal).unwrap();
        h.duty(&["status"]).ok();
        h.duty(&["history"]).ok();
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "四",
            "--date",
            "2024-03-23",
        ])
        .ok();
        assert_eq!(topics(&h), ["一", "二", "三", "四"]);
        h.duty(&["history"]).ok();
        h.duty(&["undo"]).ok();
        h.duty(&["undo"]).code(5);
        snap!(h);
    }
}
