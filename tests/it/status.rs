//! Where the year stands, through the binary: `status` in text (both languages, chosen by
//! `--lang` or `DUTY_LANG`, a locale name too) and as JSON in its documented schema, the
//! plain status `duty` prints when it has no terminal, pace on a checklist with windows, and
//! `due` for scripts with its exit codes.

use crate::harness::{Home, LANGS, Out, fixture};

/// The example checklist of the review fixtures (items with start dates and a leap day).
fn example() -> String {
    fixture("review/example-2024.ron").display().to_string()
}

#[test]
fn status_of_the_builtin_checklist() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["status"]).ok();
        h.ok(&["check", "annual-plan", "--date", "2024-03-28"]);
        h.ok(&[
            "log",
            "center-group",
            "--topic",
            "宪法",
            "--date",
            "2024-03-02",
        ]);
        h.ok(&["log", "study-hours", "--topic", "网课", "--hours", "12"]);
        h.ok(&["rate", "exam-participation", "46/50"]);
        h.duty(&["status"]).ok();
        // With no terminal to open the screen in, `duty` prints the same status.
        let plain = h.duty::<&str>(&[]);
        plain.ok();
        assert_eq!(plain.stdout, h.run(&["status"]).stdout);
        snap!(h);
    }
}

#[test]
fn the_language_comes_from_duty_lang_too_in_any_locale_spelling() {
    let h = Home::new();
    let english = h.run(&["--lang", "en", "status"]);
    english.ok();
    for value in ["en", "en_US.UTF-8", "English"] {
        let mut cmd = h.command();
        cmd.env("DUTY_LANG", value).arg("status");
        let out = Out::from(cmd.output().unwrap());
        assert_eq!(out.stdout, english.stdout, "DUTY_LANG={value}");
    }
    // The flag wins over the variable.
    let mut cmd = h.command();
    cmd.env("DUTY_LANG", "en").args(["--lang", "zh", "status"]);
    let out = Out::from(cmd.output().unwrap());
    assert_eq!(out.stdout, h.run(&["status"]).stdout);
    assert!(out.stdout.contains("总体进度"), "{}", out.stdout);
}

#[test]
fn status_json_has_the_documented_schema() {
    let h = Home::new();
    h.ok(&["rate", "exam-participation", "46/50"]);
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "宪法",
        "--date",
        "2024-03-02",
    ]);
    let out = h.duty(&["status", "--json"]);
    let v = out.json();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["overall"]["total"], 25);
    assert_eq!(v["overall"]["done"], 0);
    for item in v["items"].as_array().unwrap() {
        for key in [
            "id",
            "section",
            "title",
            "kind",
            "owner",
            "complete",
            "value",
            "target",
            "due",
            "days_left",
            "overdue",
            "due_soon",
            "expected",
            "behind",
            "record",
        ] {
            assert!(item.get(key).is_some(), "item lacks {key}: {item}");
        }
        let kind = item["kind"].as_str().unwrap();
        assert!(["task", "count", "rate", "hours"].contains(&kind));
        assert_eq!(item["target"].is_null(), kind == "task");
        assert_eq!(
            item["expected"].is_null(),
            matches!(kind, "task" | "rate"),
            "{item}"
        );
    }
    let item = |id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(item("exam-participation")["value"], 92.0);
    assert_eq!(item("exam-participation")["complete"], false);
    assert_eq!(item("study-plan")["due"], "2024-03-31");
    assert_eq!(item("study-plan")["overdue"], true);
    assert_eq!(item("center-group")["record"]["entries"][0]["by"], "张三");
    assert!(v.get("ledgers").is_none() && v.get("conflicts").is_none());
    insta::with_settings!({ omit_expression => true }, {
        insta::assert_snapshot!(h.transcript());
    });
}

#[test]
fn pace_on_a_checklist_with_windows_in_text_and_json() {
    for lang in LANGS {
        let h = Home::in_lang(lang).on("2024-11-20");
        let ex = example();
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
        h.duty(&["--checklist", &ex, "status"]).ok();
        let v = h.duty(&["--checklist", &ex, "status", "--json"]).json();
        let item = |id: &str| {
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["id"] == id)
                .unwrap()
                .clone()
        };
        assert_eq!(
            (
                item("meetings")["expected"].as_f64(),
                item("meetings")["behind"].as_f64()
            ),
            (Some(3.0), Some(2.0))
        );
        assert!(item("plan")["expected"].is_null());
        snap!(h);
    }
}

#[test]
fn due_lists_what_falls_due_and_exits_1_when_anything_does() {
    for lang in LANGS {
        let h = Home::in_lang(lang).on("2024-01-02");
        let ex = example();
        let due = |within: &str| h.duty(&["--checklist", &ex, "due", "--within", within]);
        // On 2 January the nearest deadline is leap-task on 29 February, 58 days away.
        for w in ["14d", "2w", "14", "57"] {
            let out = due(w);
            out.code(0);
            assert_eq!(out.stdout, "", "{w}");
        }
        for w in ["58", "9w", "60d"] {
            due(w).code(1);
        }
        due("3x").code(2);
        due("-1").code(2);
        // Overdue counts as due, whatever the window.
        h.set_today("2024-03-01");
        due("0").code(1);
        // Default window: 14 days.
        h.duty(&["--checklist", &ex, "due"]).code(1);
        snap!(h);
    }
}

#[test]
fn one_offices_items_with_owner() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.ok(&["check", "annual-plan", "--date", "2024-03-28"]);
        h.duty(&["status", "--owner", "办公室"]).ok();
        h.duty(&["due", "--owner", "法规", "--within", "30d"])
            .code(1);
        h.duty(&["review", "--owner", "人事科"]).ok();
        h.duty(&["summary", "--owner", "办公室"]).ok();
        h.duty(&["status", "--owner", "财务科"]).code(2);
        let v = h.run(&["status", "--json", "--owner", "办公室"]).json();
        let items = v["items"].as_array().unwrap();
        assert!(
            !items.is_empty() && items.iter().all(|i| i["owner"] == "办公室"),
            "{v}"
        );
        snap!(h);
    }
}
