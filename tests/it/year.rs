//! The year's life through the binary: `rollover` (the default checklist and the example,
//! unfinished duties carried with `--carry-over`, the fixed leap day moved, next year's empty
//! ledger started, never over a file), `close` (every change refused, files untouched, still
//! readable) and `reopen`, and last year's paperwork still due in February.

use std::fs;

use jiff::civil::date;

use duty::checklist::{self, DueSpec};
use duty::i18n::Lang;
use duty::ledger::Ledger;

use crate::harness::{BUILTIN, Home, LANGS, fixture, tree};

fn load(path: &std::path::Path, default_year: i16) -> checklist::Checklist {
    checklist::load(&fs::read(path).unwrap(), "rolled", default_year, Lang::Zh)
        .unwrap_or_else(|e| panic!("{}", e[0]))
}

#[test]
fn rollover_of_the_default_checklist() {
    for lang in LANGS {
        let h = Home::in_lang(lang).on("2024-11-20");
        h.ok(&["check", "annual-plan", "--date", "2024-03-01"]);
        h.duty(&["rollover", "--to", "2025"]).ok();
        let new = load(&h.work().join("duty-checklist-2025.ron"), 2031);
        assert_eq!((new.year, new.year_explicit), (2025, true));
        let old =
            checklist::load(checklist::BUILTIN_DEFAULT.as_bytes(), "old", 2024, Lang::Zh).unwrap();
        assert_eq!(
            new.item_count(),
            old.item_count(),
            "nothing carried unasked"
        );
        assert!(new.report.heading.source().contains("{year}"));
        for ((_, a), (_, b)) in old.items().zip(new.items()) {
            assert_eq!((a.due.resolve(2025), a.kind), (b.due_date(2025), b.kind));
        }
        assert_eq!(
            h.ledger(2025),
            Ledger::new(BUILTIN, 2025),
            "an empty ledger"
        );
        // Never over an existing file; a year not just after the checklist's is refused.
        h.duty(&["rollover", "--to", "2025"]).code(4);
        h.duty(&["rollover", "--to", "2024", "-o", "x.ron"]).code(2);
        assert!(!h.work().join("x.ron").exists());
        // The new file, made active, is next year's checklist.
        let file = h.work().join("duty-checklist-2025.ron");
        h.ok(&["use", file.to_str().unwrap()]);
        h.duty(&["--year", "2025", "status"]).ok();
        snap!(h);
    }
}

#[test]
fn rollover_of_the_example_carries_unfinished_duties() {
    for lang in LANGS {
        let h = Home::in_lang(lang).on("2024-12-20");
        // The example, with the leap-day duty a one-off of this year (`once`): the others
        // repeat every year and are never carried.
        let text = std::fs::read_to_string(fixture("review/example-2024.ron"))
            .unwrap()
            .replace(
                "id: \"leap-task\",",
                "id: \"leap-task\",\n                    once: true,",
            );
        let ex = h.write("example-2024.ron", text).display().to_string();
        let c = |args: &[&str]| {
            let mut all = vec!["--checklist", ex.as_str()];
            all.extend_from_slice(args);
            h.duty(&all)
        };
        h.ok(&[
            "--checklist",
            &ex,
            "log",
            "summer-study",
            "--date",
            "2024-07-05",
            "--topic",
            "行政复议法",
        ]);
        h.ok(&["--checklist", &ex, "check", "plan", "--date", "2024-03-01"]);
        // Only the next year: skipping years would leave those between without a ledger.
        c(&["rollover", "--to", "2030", "-o", "later.ron"]).code(2);
        assert!(!h.work().join("later.ron").exists());
        c(&["rollover", "--to", "2025", "--carry-over", "-o", "next.ron"]).ok();
        let new = load(&h.work().join("next.ron"), 2031);
        assert_eq!(new.year, 2025);
        // The unfinished one-off comes back flagged and titled with its year, in its place,
        // its fixed leap day moved to the last day of February; it is not repeated as a
        // duty of the new year. The 述法 date moves a year.
        let carried = new.item("leap-task-from-2024").unwrap();
        assert_eq!(carried.carried_from, Some(2024));
        assert_eq!(carried.due, DueSpec::On(date(2025, 2, 28)));
        assert!(
            carried.title.ends_with("（2024年度结转）"),
            "{}",
            carried.title
        );
        assert!(new.item("leap-task").is_none(), "a one-off is not repeated");
        assert_eq!(
            new.item("shufa").unwrap().due,
            DueSpec::On(date(2026, 1, 31))
        );
        // Yearly duties and quotas repeat (the new year has its own; section three would
        // state them twice); done ones and next-year paperwork are not carried.
        assert!(new.item("summer-study").is_some() && new.item("plan").is_some());
        for gone in [
            "summer-study-from-2024",
            "plan-from-2024",
            "report-publication-from-2024",
            "shufa-from-2024",
        ] {
            assert!(new.item(gone).is_none(), "{gone}");
        }
        let ids: Vec<&str> = new.items().map(|(_, i)| i.id.as_str()).collect();
        let at = |id: &str| ids.iter().position(|x| *x == id).unwrap();
        assert_eq!(at("leap-task-from-2024"), at("plan") + 1);
        let fresh = h.opened("example-bureau", 2025).ledger;
        assert!(fresh.items.is_empty() && !fresh.closed);
        // Rolling the new file over again validates too (carried items are dropped once done).
        h.set_today("2025-12-20");
        let next = h.work().join("next.ron").display().to_string();
        h.duty(&[
            "--checklist",
            &next,
            "rollover",
            "--to",
            "2026",
            "-o",
            "after.ron",
        ])
        .ok();
        let after = load(&h.work().join("after.ron"), 2031);
        assert_eq!(after.year, 2026);
        assert!(
            after.item("leap-task-from-2024").is_none(),
            "not carried unasked"
        );
        assert!(after.item("summer-study").is_some());
        snap!(h);
    }
}

#[test]
fn a_closed_year_refuses_every_change_until_reopened() {
    for lang in LANGS {
        let h = Home::in_lang(lang).on("2025-01-15");
        let ex = fixture("review/example-2024.ron").display().to_string();
        let c = |args: &[&str]| {
            let mut all = vec!["--checklist", ex.as_str()];
            all.extend_from_slice(args);
            h.duty(&all)
        };
        h.ok(&[
            "--checklist",
            &ex,
            "log",
            "meetings",
            "--date",
            "2024-03-05",
            "--topic",
            "汇报",
        ]);
        h.ok(&["--checklist", &ex, "check", "plan", "--date", "2024-03-01"]);
        h.ok(&[
            "--checklist",
            &ex,
            "rate",
            "exam",
            "20/20",
            "--date",
            "2024-10-01",
        ]);
        h.ok(&["--checklist", &ex, "export-ledger", "-o", "copy.ron"]);
        let entry = h.opened("example-bureau", 2024).ledger.items["meetings"].entries[0]
            .id
            .clone();
        c(&["close", "--year", "2024"]).ok();
        let dir = h.paths_of("example-bureau", 2024).dir;
        let before = tree(&dir);
        let refused: [&[&str]; 12] = [
            &["check", "constitution-day", "--date", "2024-12-04"],
            &["uncheck", "plan"],
            &["log", "meetings", "--date", "2024-06-01", "--topic", "x"],
            &["unlog", "meetings", &entry],
            &["edit", "meetings", &entry, "--topic", "y"],
            &["rate", "exam", "19/20", "--date", "2024-10-02"],
            &["note", "plan", "备注"],
            &["evidence", "plan", "文号"],
            &["undo"],
            &["redo"],
            &["import-ledger", "copy.ron"],
            &["close"],
        ];
        for args in refused {
            c(args).code(5);
            assert_eq!(tree(&dir), before, "{args:?} changed a file");
        }
        // Still readable and printable.
        c(&["status", "--year", "2024"]).ok();
        c(&["review", "--year", "2024"]).ok();
        let due = c(&["due"]);
        due.code(0);
        assert_eq!(due.stdout, "");
        assert_eq!(tree(&dir), before, "reading changed a file");
        // Reopening is a change like any other, in the history.
        c(&["reopen", "--year", "2024"]).ok();
        c(&["reopen"]).code(5);
        c(&["note", "plan", "重新打开后可改"]).ok();
        c(&["history"]).ok();
        snap!(h);
    }
}

#[test]
fn in_february_last_years_report_is_still_due() {
    for lang in LANGS {
        // The built-in checklist follows the calendar: on 2025-02-20 it is the 2025 list,
        // but the 2024 report's submission (next-03-01) is what falls due.
        let h = Home::in_lang(lang).on("2024-12-01");
        h.ok(&["check", "report-approval", "--date", "2024-12-01"]);
        h.set_today("2025-02-20");
        h.duty(&["due", "--within", "2w"]).code(1);
        h.duty(&["due", "--within", "5d"]).code(0);
        let review = h.duty(&["review"]);
        review.ok();
        if lang == Lang::Zh {
            let section = review
                .stdout
                .split("2024 年度尚未办结的事项")
                .nth(1)
                .and_then(|rest| rest.split("\n\n").next())
                .unwrap_or_else(|| panic!("no 2024 section in\n{}", review.stdout));
            assert!(section.contains("年度报告报送本级党委、政府和上级部门  9天后到期"));
            assert!(
                !section.contains("审定"),
                "done items are not listed:{section}"
            );
        }
        // Once 2024 is closed it is no longer due.
        h.duty(&["close", "--year", "2024"]).ok();
        h.duty(&["due", "--within", "2w"]).code(0);
        snap!(h);
    }
}
