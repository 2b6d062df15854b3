//! The previous release's files (format 1), written by it (see fixtures/format1/README.md):
//! read as they are, upgraded in place by the first change without losing anything, undone
//! across the upgrade, and put back from the old backup and history when lost or damaged.

use super::*;

#[test]
fn the_previous_releases_ledger_is_read_as_it_is() {
    for lang in LANGS {
        let h = format1(lang);
        h.duty(&["status"]).ok();
        h.duty(&["history"]).ok();
        h.duty(&["history", "center-group"]).ok();
        h.duty(&["paths"]).ok();
        let l = h.ledger(2024);
        assert_eq!(l.seq, 14);
        assert_eq!(l.items.len(), 7);
        let history = h.history(BUILTIN, 2024);
        assert!(history.legacy);
        assert_eq!(history.records.len(), 14);
        snap!(h);
    }
}

#[test]
fn the_first_change_upgrades_in_place_and_loses_nothing() {
    for lang in LANGS {
        let h = format1(lang);
        let dir = h.paths(2024).dir;
        let old = h.ledger(2024);
        let history = fs::read(dir.join("2024.history.jsonl")).unwrap();
        let backup = fs::read(dir.join("2024.ron.bak")).unwrap();
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "新的一次",
            "--date",
            "2024-05-30",
        ])
        .ok();
        let new = h.ledger(2024);
        // Every item as it was, but the one just changed, which gained just the entry.
        for (id, record) in &old.items {
            if id != "center-group" {
                assert_eq!(new.items.get(id), Some(record), "{id}");
            }
        }
        assert_eq!(new.items.len(), old.items.len());
        let mut center = new.items["center-group"].clone();
        center.entries.retain(|e| e.topic != "新的一次");
        assert_eq!(Some(&center), old.items.get("center-group"));
        assert!(!new.closed);
        // The old files stay as they were; the journal holds their history and the change.
        assert_eq!(fs::read(dir.join("2024.history.jsonl")).unwrap(), history);
        assert_eq!(fs::read(dir.join("2024.ron.bak")).unwrap(), backup);
        assert_eq!(
            names(&dir),
            [
                "2024.history.jsonl",
                "2024.journal",
                "2024.lock",
                "2024.ron",
                "2024.ron.bak"
            ]
        );
        let journal = h.history(BUILTIN, 2024);
        assert!(!journal.legacy && journal.bad.is_none());
        assert_eq!(
            journal.records.len(),
            16,
            "14 old changes, a checkpoint, the new one"
        );
        h.duty(&["history"]).ok();
        // Undo takes back the new change, then the old ones, newest first.
        h.duty(&["undo"]).ok();
        assert_eq!(h.ledger(2024).items, old.items);
        h.duty(&["undo"]).ok();
        let party = h.ledger(2024).items["party-meetings"].clone();
        assert!(party.entries.is_empty() && party.note == "第二次会议待纪要印发");
        h.duty(&["undo"]).ok();
        assert!(h.ledger(2024).record("pre-meeting-study").is_none());
        h.duty(&["redo"]).ok();
        assert!(h.ledger(2024).record("pre-meeting-study").is_some());
        h.duty(&["status"]).ok();
        snap!(h);
    }
}

#[test]
fn undo_as_the_first_change_after_the_upgrade_undoes_the_last_old_change() {
    for lang in LANGS {
        let h = format1(lang);
        let old = h.ledger(2024);
        h.duty(&["undo"]).ok();
        let new = h.ledger(2024);
        // The last old change was 李四's log on party-meetings: only that is gone.
        let mut expected = old.items.clone();
        expected.get_mut("party-meetings").unwrap().entries.clear();
        assert_eq!(new.items, expected);
        h.duty(&["history"]).ok();
        h.duty(&["redo"]).ok();
        assert_eq!(h.ledger(2024).items, old.items);
        snap!(h);
    }
}

#[test]
fn an_old_history_line_that_never_took_effect_is_left_out_of_the_upgrade() {
    let h = format1(Lang::Zh);
    let path = h.paths(2024).legacy_history;
    let text = fs::read_to_string(&path).unwrap();
    // A crash between the history append and the ledger's rename: change 15 is in the
    // history, but the ledger (seq 14) never got it.
    let last = text.lines().last().unwrap();
    let ghost = last
        .replacen("\"seq\":14", "\"seq\":15", 1)
        .replace("研究法治建设", "从未保存");
    fs::write(&path, format!("{text}{ghost}\n")).unwrap();
    let old = h.ledger(2024);
    assert_eq!(h.history(BUILTIN, 2024).records.len(), 14);
    h.ok(&["note", "lectures", "升级"]);
    let history = h.history(BUILTIN, 2024);
    assert_eq!(history.records.len(), 16);
    assert!(!h.run(&["history"]).stdout.contains("从未保存"));
    let mut expected = old.items.clone();
    expected.insert(
        "lectures".into(),
        ItemRecord {
            note: "升级".into(),
            ..Default::default()
        },
    );
    assert_eq!(h.ledger(2024).items, expected);
}

#[test]
fn a_lost_or_damaged_old_ledger_is_put_back_from_its_backup_and_history() {
    for lang in LANGS {
        let h = format1(lang);
        let old = h.ledger(2024);
        let paths = h.paths(2024);
        for name in ["truncated.ron", "garbage.ron"] {
            let bad = fs::read(fixture("ledgers").join(name)).unwrap();
            fs::write(&paths.ledger, &bad).unwrap();
            let before = tree(&h.data());
            h.say(name);
            for args in [
                &["status"][..],
                &["log", "center-group", "--topic", "x"],
                &["undo"],
            ] {
                h.duty(args).code(4);
                assert_eq!(tree(&h.data()), before, "{name} {args:?}");
            }
            // The old history is still there to read.
            h.duty(&["history", "party-meetings"]).ok();
        }
        h.duty(&["repair"]).ok();
        assert_eq!(
            h.ledger(2024).items,
            old.items,
            "the backup and the history after it"
        );
        let aside = paths.dir.join("2024.ron.damaged-1");
        assert_eq!(
            fs::read(aside).unwrap(),
            fs::read(fixture("ledgers/garbage.ron")).unwrap()
        );
        h.duty(&["history"]).ok();
        snap!(h);
        // A ledger gone altogether, beside its backup and history, is lost, not new.
        let h2 = format1(lang);
        fs::remove_file(h2.paths(2024).ledger).unwrap();
        h2.duty(&["status"]).code(4);
        h2.duty(&["log", "center-group", "--topic", "x"]).code(4);
        h2.duty(&["restore-backup"]).ok();
        assert_eq!(h2.ledger(2024).items, old.items);
        snap!(
            "a_lost_old_ledger_is_put_back_from_its_backup_and_history",
            h2
        );
        // With its backup unreadable too, the history alone rebuilds it: it goes back to the
        // first change, and each line holds the item's whole state.
        let h3 = format1(lang);
        let paths = h3.paths(2024);
        fs::write(
            &paths.ledger,
            fs::read(fixture("ledgers/garbage.ron")).unwrap(),
        )
        .unwrap();
        fs::write(&paths.legacy_backup, "").unwrap();
        let before = tree(&h3.data());
        h3.duty(&["status"]).code(4);
        assert_eq!(tree(&h3.data()), before);
        h3.duty(&["repair"]).ok();
        assert_eq!(h3.ledger(2024).items, old.items, "the history alone");
        assert!(paths.dir.join("2024.ron.damaged-1").exists());
        h3.duty(&["status"]).ok();
        snap!("an_old_ledger_with_its_backup_unreadable_too", h3);
    }
}
