//! The foundation commands through the real binary: status (text and JSON), init, use, paths,
//! languages, exit codes, and output that is safe for a terminal and for a closed pipe.

use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::prelude::*;
use predicates::prelude::*;
use tempfile::TempDir;

/// `duty` with private data and config directories and a fixed today.
fn duty(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("duty").unwrap();
    cmd.env("DUTY_DATA_DIR", home.join("data"))
        .env("DUTY_CONFIG_DIR", home.join("config"))
        .env("DUTY_TODAY", "2024-06-01")
        .env_remove("DUTY_LANG")
        .env_remove("NO_COLOR");
    cmd
}

fn json(home: &Path, args: &[&str]) -> serde_json::Value {
    let out = duty(home).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn status_of_the_builtin_checklist_in_chinese_and_english() {
    let home = TempDir::new().unwrap();
    duty(home.path())
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains("总体进度 0/25"))
        .stdout(predicate::str::contains("党组理论学习中心组法治专题学习"))
        .stdout(predicate::str::contains("逾期"));
    duty(home.path())
        .args(["status", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Overall 0/25"));
    duty(home.path())
        .env("DUTY_LANG", "en")
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains("Overall 0/25"));
}

#[test]
fn status_json_has_the_documented_schema() {
    let home = TempDir::new().unwrap();
    duty(home.path())
        .args(["rate", "exam-participation", "46/50"])
        .assert()
        .success();
    let v = json(home.path(), &["status", "--json"]);
    assert_eq!(v["schema"], 1);
    assert_eq!(v["overall"]["total"], 25);
    assert_eq!(v["overall"]["done"], 0);
    for item in v["items"].as_array().unwrap() {
        for key in [
            "id", "title", "kind", "complete", "value", "target", "due", "overdue",
        ] {
            assert!(item.get(key).is_some(), "item lacks {key}: {item}");
        }
        let kind = item["kind"].as_str().unwrap();
        assert!(["task", "count", "rate", "hours"].contains(&kind));
        assert_eq!(item["target"].is_null(), kind == "task");
    }
    let rate = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "exam-participation")
        .unwrap();
    assert_eq!(rate["value"], 92.0);
    assert_eq!(rate["complete"], false);
    let plan = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "study-plan")
        .unwrap();
    assert_eq!(plan["due"], "2024-03-31");
    assert_eq!(plan["overdue"], true);
}

#[test]
fn no_subcommand_never_panics_on_a_closed_pipe() {
    let home = TempDir::new().unwrap();
    for args in [vec!["status"], vec!["status", "--json"], vec!["paths"]] {
        let mut child = duty(home.path())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close our end at once, as `| head -0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success(), "{args:?}: {stderr}");
    }
}

#[test]
fn init_writes_the_default_and_refuses_to_overwrite() {
    let home = TempDir::new().unwrap();
    let file = home.path().join("mine.ron");
    duty(home.path())
        .args(["init", "--output"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("已写出默认清单"));
    let first = std::fs::read(&file).unwrap();
    std::fs::write(&file, "// edited\n").unwrap();
    duty(home.path())
        .args(["init", "--output"])
        .arg(&file)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read(&file).unwrap(), b"// edited\n");
    duty(home.path())
        .args(["init", "--force", "--output"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(std::fs::read(&file).unwrap(), first);
    duty(home.path())
        .arg("validate")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("OK"))
        .stdout(predicate::str::contains("25 个事项"));
}

#[test]
fn output_files_take_their_format_from_the_name_and_need_their_directory() {
    let home = TempDir::new().unwrap();
    let docx = home.path().join("第三部分.docx");
    duty(home.path())
        .args(["summary", "-o"])
        .arg(&docx)
        .assert()
        .success();
    assert!(
        std::fs::read(&docx).unwrap().starts_with(b"PK"),
        "a zip, not text"
    );
    let md = home.path().join("第三部分.md");
    duty(home.path())
        .args(["summary", "-o"])
        .arg(&md)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&md).unwrap().starts_with("## "));
    // An explicit --format wins over the name.
    let txt = home.path().join("plain.md");
    duty(home.path())
        .args(["summary", "-f", "text", "-o"])
        .arg(&txt)
        .assert()
        .success();
    assert!(!std::fs::read_to_string(&txt).unwrap().starts_with("## "));
    // A mistyped directory is reported, not created.
    let typo = home.path().join("no-such-dir").join("x.md");
    duty(home.path())
        .args(["summary", "-o"])
        .arg(&typo)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("文件或目录不存在"));
    assert!(!home.path().join("no-such-dir").exists());
    // A directory, or a format duty does not write, is refused with what to do.
    duty(home.path())
        .args(["summary", "--force", "-o"])
        .arg(home.path())
        .assert()
        .code(4)
        .stderr(predicate::str::contains("这是一个目录"));
    duty(home.path())
        .args(["summary", "-o"])
        .arg(home.path().join("报告.pdf"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不能写出 .pdf 文件"));
    assert!(!home.path().join("报告.pdf").exists());
}

#[test]
fn a_default_date_outside_the_year_asks_for_one() {
    let home = TempDir::new().unwrap();
    // Today (2024-06-01) is past 2022's window, which ends 2023-06-30.
    duty(home.path())
        .args(["--year", "2022", "rate", "exam-participation", "46/50"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "未给 --date 时默认为今天（2024-06-01）",
        ))
        .stderr(predicate::str::contains("请用 --date 写明日期"));
    duty(home.path())
        .args(["--year", "2022", "rate", "exam-participation", "46/50"])
        .args(["--date", "2022-12-20"])
        .assert()
        .success();
}

#[test]
fn a_hand_edited_impossible_record_is_pointed_out() {
    let home = TempDir::new().unwrap();
    duty(home.path())
        .args(["rate", "exam-participation", "46/50"])
        .assert()
        .success();
    let file = home.path().join("data/rule-of-law-duties/2024.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("numerator: 46"), "{text}");
    std::fs::write(&file, text.replace("numerator: 46", "numerator: 56")).unwrap();
    for args in [&["status"][..], &["review"], &["summary"]] {
        duty(home.path())
            .args(args)
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "注意：台账中有 duty 不会写入的记录",
            ))
            .stderr(predicate::str::contains("比率 56/50 无效"));
    }
    // Nothing is changed by reading it.
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("numerator: 56")
    );
}

#[test]
fn a_repeated_session_and_closing_with_work_open_are_pointed_out() {
    let home = TempDir::new().unwrap();
    let log = || {
        let out = duty(home.path())
            .args([
                "log",
                "center-group",
                "--topic",
                "宪法",
                "--date",
                "2024-03-01",
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(!log().contains("注意"));
    let second = log();
    assert!(
        second.contains("注意：同一天已有相同主题的登记"),
        "{second}"
    );
    assert!(second.contains("duty unlog center-group"), "{second}");
    duty(home.path())
        .arg("close")
        .assert()
        .success()
        .stdout(predicate::str::contains("注意：仍有 25 项未完成"));
}

#[test]
fn use_makes_a_checklist_active_and_paths_show_it() {
    let home = TempDir::new().unwrap();
    let file = home.path().join("unit.ron");
    let text =
        duty_checklist_text().replace("organization: \"本单位\"", "organization: \"某某市司法局\"");
    std::fs::write(&file, text).unwrap();
    duty(home.path()).arg("use").arg(&file).assert().success();
    duty(home.path())
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains("某某市司法局"));
    duty(home.path())
        .arg("paths")
        .assert()
        .success()
        .stdout(predicate::str::contains("unit.ron"))
        .stdout(predicate::str::contains("2024.history.jsonl"));
    // A broken checklist is refused and the active one stays.
    let bad = home.path().join("bad.ron");
    std::fs::write(&bad, "(id: \"x\"").unwrap();
    duty(home.path()).arg("use").arg(&bad).assert().code(3);
    duty(home.path())
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains("某某市司法局"));
}

#[test]
fn checklist_text_reaching_stdout_is_escaped() {
    let home = TempDir::new().unwrap();
    let file = home.path().join("evil.ron");
    // \u{1b} cannot be written raw into a valid checklist (titles refuse control characters),
    // so the hostile text comes through an escape the validator must catch, and through the
    // ledger note, which must be escaped on output.
    let text =
        duty_checklist_text().replace("title: \"会前学法\"", "title: \"会前学法\\u{1b}[2J\"");
    std::fs::write(&file, text).unwrap();
    duty(home.path())
        .args(["--checklist"])
        .arg(&file)
        .arg("status")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("U+001B"))
        .stderr(predicate::str::contains("\x1b").not());
}

#[test]
fn usage_errors_exit_2_and_bad_year_is_explained() {
    let home = TempDir::new().unwrap();
    duty(home.path()).arg("--frobnicate").assert().code(2);
    duty(home.path())
        .args([
            "log",
            "center-group",
            "--topic",
            "x",
            "--date",
            "2024-02-30",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2024-02-30"));
    duty(home.path())
        .args(["--year", "1999", "status"])
        .assert()
        .code(2);
    duty(home.path())
        .args(["--year", "2023", "status"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2023年度"));
}

#[test]
fn every_command_has_help() {
    let home = TempDir::new().unwrap();
    let out = duty(home.path()).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 10, "{commands:?}");
    for c in commands {
        duty(home.path()).args([c, "--help"]).assert().success();
    }
}

fn duty_checklist_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("checklists/default.ron"))
        .unwrap()
}
