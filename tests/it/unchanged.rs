//! Changes that would change nothing are refused without writing: a rate entered again with
//! the figure, date and evidence already recorded (issue #12) leaves the ledger, journal
//! and history as they were, while a new date or evidence is still a change.

use crate::harness::{BUILTIN, Home, LANGS, tree};

#[test]
fn a_rate_entered_again_as_recorded_changes_nothing() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.ok(&[
            "rate",
            "exam-participation",
            "46/48",
            "--evidence",
            "考试平台名单",
        ]);
        let before = tree(&h.data());
        let changes = h.history(BUILTIN, 2024).records.len();
        // The same figure again, with the same evidence or none (which keeps it).
        for args in [
            &["rate", "exam-participation", "46/48"][..],
            &[
                "rate",
                "exam-participation",
                "46/48",
                "--evidence",
                "考试平台名单",
            ],
            &[
                "rate",
                "exam-participation",
                "46/48",
                "--date",
                "2024-06-01",
            ],
        ] {
            let out = h.duty(args);
            out.code(5);
            assert!(out.stderr.contains("46/48"), "{}", out.stderr);
            assert_eq!(tree(&h.data()), before, "{args:?} wrote something");
        }
        assert_eq!(h.history(BUILTIN, 2024).records.len(), changes);
        // A new date, new evidence or a new figure is a change.
        h.ok(&[
            "rate",
            "exam-participation",
            "46/48",
            "--date",
            "2024-05-31",
        ]);
        h.ok(&[
            "rate",
            "exam-participation",
            "46/48",
            "--evidence",
            "成绩单",
        ]);
        h.ok(&["rate", "exam-participation", "47/48"]);
        assert_eq!(h.history(BUILTIN, 2024).records.len(), changes + 3);
        h.duty(&["history", "exam-participation"]).ok();
        crate::snap!(h);
    }
}
