//! The record of changes through the binary: `history` (all, one item, a mistyped item),
//! `undo` and `redo` walking back and forth (closing is skipped, a new change ends redo, an
//! unlogged entry comes back in its place), and `repair` (alias `restore-backup`) when
//! there is nothing to repair.

use crate::harness::{Home, LANGS};

#[test]
fn undo_and_redo_walk_back_and_forth_and_history_says_it_all() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["history"]).ok();
        h.duty(&["undo"]).code(5);
        h.ok(&[
            "check",
            "annual-plan",
            "--date",
            "2024-03-28",
            "--evidence",
            "文号",
        ]);
        h.ok(&[
            "log",
            "center-group",
            "--topic",
            "宪法",
            "--date",
            "2024-03-02",
        ]);
        h.ok(&["rate", "exam-participation", "46/50"]);
        h.ok(&["note", "lectures", "待安排"]);
        h.duty(&["undo"]).ok();
        h.duty(&["undo"]).ok();
        assert!(h.ledger(2024).record("exam-participation").is_none());
        h.duty(&["redo"]).ok();
        assert!(h.ledger(2024).record("exam-participation").is_some());
        // A new change ends what can be redone.
        h.ok(&["evidence", "annual-plan", "档案盒1"]);
        h.duty(&["redo"]).code(5);
        h.duty(&["undo"]).ok();
        h.duty(&["undo"]).ok();
        h.duty(&["history"]).ok();
        h.duty(&["history", "annual-plan"]).ok();
        h.duty(&["history", "lectures"]).ok();
        h.duty(&["history", "annual-plna"]).code(5);
        snap!(h);
    }
}

#[test]
fn undo_skips_closing_and_reopening() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.ok(&["note", "lectures", "待安排"]);
        h.ok(&["close"]);
        h.duty(&["undo"]).code(5);
        h.ok(&["reopen"]);
        h.duty(&["undo"]).ok();
        assert!(h.ledger(2024).record("lectures").is_none());
        h.duty(&["history"]).ok();
        snap!(h);
    }
}

#[test]
fn an_unlogged_entry_comes_back_in_its_place() {
    let h = Home::new();
    for topic in ["一", "二", "三"] {
        h.ok(&[
            "log",
            "center-group",
            "--topic",
            topic,
            "--date",
            "2024-03-02",
        ]);
    }
    let ids = |h: &Home| -> Vec<String> {
        let l = h.ledger(2024);
        l.record("center-group")
            .map(|r| r.entries.iter().map(|e| e.topic.clone()).collect())
            .unwrap_or_default()
    };
    let middle = h.ledger(2024).record("center-group").unwrap().entries[1]
        .id
        .clone();
    h.ok(&["unlog", "center-group", &middle]);
    assert_eq!(ids(&h), ["一", "三"]);
    h.ok(&["undo"]);
    assert_eq!(ids(&h), ["一", "二", "三"], "back between the other two");
    h.ok(&["redo"]);
    assert_eq!(ids(&h), ["一", "三"]);
    h.ok(&["undo"]);
    // Every line of the journal reads back (history fails on a line it cannot read).
    h.ok(&["history"]);
    assert_eq!(h.history(crate::harness::BUILTIN, 2024).records.len(), 7);
}

#[test]
fn repair_with_nothing_to_repair_says_so() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["repair"]).code(4);
        h.ok(&["note", "lectures", "x"]);
        h.duty(&["repair"]).code(4);
        h.duty(&["restore-backup"]).code(4);
        snap!(h);
    }
}
