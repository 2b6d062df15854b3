//! Setting up through the binary: `duty validate` as whole output in both languages, `init`,
//! `use`, `paths`, `settings`, help for every command, the manual and completions, and usage
//! errors.

use super::*;

#[test]
fn validate_prints_ok_or_every_error_in_both_languages() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        for file in fixtures("valid") {
            h.duty(&[PathBuf::from("validate"), file]);
        }
        h.duty(&[PathBuf::from("validate"), repo("checklists/default.ron")]);
        for file in fixtures("invalid") {
            h.duty(&[PathBuf::from("validate"), file]).code(3);
        }
        h.duty(&["validate", "no-such-file.ron"]).code(4);
        snap!(h);
    }
}

#[test]
fn init_writes_the_default_and_never_replaces_a_file_unasked() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let file = h.root().join("mine.ron");
        h.duty(&["init".as_ref(), "--output".as_ref(), file.as_os_str()])
            .ok();
        let first = std::fs::read(&file).unwrap();
        assert_eq!(first, BUILTIN_DEFAULT.as_bytes());
        std::fs::write(&file, "// edited\n").unwrap();
        h.duty(&["init".as_ref(), "--output".as_ref(), file.as_os_str()])
            .code(4);
        assert_eq!(std::fs::read(&file).unwrap(), b"// edited\n");
        h.duty(&[
            "init".as_ref(),
            "--force".as_ref(),
            "-o".as_ref(),
            file.as_os_str(),
        ])
        .ok();
        assert_eq!(std::fs::read(&file).unwrap(), first);
        h.duty(&["validate".as_ref(), file.as_os_str()]).ok();
        // The default name, in the working directory.
        h.duty(&["init"]).ok();
        assert_eq!(
            std::fs::read(h.work().join("duty-checklist.ron")).unwrap(),
            first
        );
        snap!(h);
    }
}

#[test]
fn use_makes_a_checklist_active_and_paths_show_where_everything_lives() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["paths"]).ok();
        let text =
            BUILTIN_DEFAULT.replace("organization: \"本单位\"", "organization: \"某某市司法局\"");
        let file = h.write("unit.ron", text);
        h.duty(&["use".as_ref(), file.as_os_str()]).ok();
        let status = h.run(&["status"]);
        assert!(status.stdout.contains("某某市司法局"), "{}", status.stdout);
        h.duty(&["paths"]).ok();
        // A broken checklist is refused, and the active one stays.
        let bad = h.write("bad.ron", "(id: \"x\"");
        h.duty(&["use".as_ref(), bad.as_os_str()]).code(3);
        assert!(h.run(&["status"]).stdout.contains("某某市司法局"));
        // The settings file names it, absolutely.
        let settings = std::fs::read_to_string(h.config().join("settings.ron")).unwrap();
        let named = match crate::harness::windows_build() {
            // Z:\tmp\…\unit.ron, its backslashes doubled in a RON string.
            true => format!("Z:{}", file.display()).replace('/', "\\\\"),
            false => file.display().to_string(),
        };
        assert!(settings.contains(&named), "{settings}");
        snap!(h);
    }
}

#[test]
fn a_damaged_settings_file_is_said_and_never_replaced() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let settings = h.write("config/settings.ron", "(checklist: ");
        h.duty(&["status"]).code(4);
        let file = h.write("unit.ron", BUILTIN_DEFAULT);
        h.duty(&["use".as_ref(), file.as_os_str()]).code(4);
        assert_eq!(std::fs::read(&settings).unwrap(), b"(checklist: ");
        snap!(h);
    }
}

#[test]
fn checklist_text_reaching_the_terminal_is_escaped() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        // \u{1b} cannot be written raw into a valid checklist (titles refuse control
        // characters); it comes through an escape the validator must catch.
        let text = BUILTIN_DEFAULT.replace("title: \"会前学法\"", "title: \"会前学法\\u{1b}[2J\"");
        let file = h.write("evil.ron", text);
        let out = h.duty(&["--checklist".as_ref(), file.as_os_str(), "status".as_ref()]);
        out.code(3);
        assert!(out.stderr.contains("U+001B"), "{}", out.stderr);
        assert!(!out.stderr.contains('\x1b'));
        snap!(h);
    }
}

#[test]
fn usage_errors_exit_2_in_the_language_asked_for() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["--frobnicate"]).code(2);
        h.duty(&["frobnicate"]).code(2);
        h.duty(&["log", "center-group"]).code(2);
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "x",
            "--date",
            "2024-02-30",
        ])
        .code(2);
        h.duty(&["log", "center-group", "--topic", "x", "--date", "明天"])
            .code(2);
        h.duty(&["log", "study-hours", "--topic", "x", "--hours", "abc"])
            .code(2);
        h.duty(&["rate", "exam-pass", "46"]).code(2);
        h.duty(&["--year", "1999", "status"]).code(2);
        h.duty(&["--year", "二〇二四", "status"]).code(2);
        h.duty(&["due", "--within", "3x"]).code(2);
        snap!(h);
    }
    // A language duty does not speak is refused in Chinese, the default.
    let h = Home::new();
    h.duty(&["--lang", "fr", "status"]).code(2);
    h.duty(&["--lang", "en", "--lang", "zh", "status"]).code(2);
    let mut cmd = h.command();
    cmd.env("DUTY_LANG", "fr").arg("status");
    let out = crate::harness::Out::from(cmd.output().unwrap());
    out.code(2);
    assert!(out.stderr.starts_with("错误："), "{}", out.stderr);
    snap!("usage_errors_for_the_language_itself", h);
    // DUTY_TODAY and DUTY_NOW that cannot be read are usage errors too.
    let h = Home::new();
    let mut cmd = h.command();
    cmd.env("DUTY_TODAY", "6/1").arg("status");
    let out = crate::harness::Out::from(cmd.output().unwrap());
    out.code(2);
    assert!(out.stderr.contains("DUTY_TODAY"), "{}", out.stderr);
    let mut cmd = h.command();
    cmd.env_remove("DUTY_TODAY")
        .env("DUTY_NOW", "noon")
        .arg("status");
    let out = crate::harness::Out::from(cmd.output().unwrap());
    out.code(2);
    assert!(out.stderr.contains("DUTY_NOW"), "{}", out.stderr);
}

#[test]
fn every_command_has_help_in_one_language() {
    for (lang, commands_heading, usage) in [
        (Lang::Zh, "命令：", "用法：duty"),
        (Lang::En, "Commands:", "Usage: duty"),
    ] {
        let h = Home::in_lang(lang);
        let help = h.duty(&["--help"]);
        help.ok();
        let commands: Vec<String> = help
            .stdout
            .lines()
            .skip_while(|l| !l.starts_with(commands_heading))
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .filter_map(|l| l.split_whitespace().next())
            .filter(|c| *c != "help")
            .map(String::from)
            .collect();
        assert!(commands.len() >= 25, "{commands:?}");
        let has_chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for c in &commands {
            let out = h.run(&[c.as_str(), "--help"]);
            out.ok();
            assert!(out.stdout.contains(usage), "{c}: {}", out.stdout);
            match lang {
                Lang::Zh => {
                    for english in ["Usage", "Options", "Arguments", "Print help", "[default"] {
                        assert!(!out.stdout.contains(english), "{c}: {}", out.stdout);
                    }
                }
                Lang::En => assert!(!has_chinese(&out.stdout), "{c}: {}", out.stdout),
            }
            // `duty help COMMAND` says the same.
            assert_eq!(h.run(&["help", c.as_str()]).stdout, out.stdout, "{c}");
        }
        h.duty(&["log", "--help"]).ok();
        h.duty(&["due", "--help"]).ok();
        h.duty(&["--version"]).ok();
        snap!("every_command_has_help", h);
    }
}

#[test]
fn the_manual_and_completions_are_written_in_the_language() {
    let h = Home::new();
    let page = h.run(&["man"]);
    page.ok();
    assert!(page.stdout.starts_with(".TH DUTY 1"), "{}", page.stdout);
    assert!(page.stdout.contains(".SH \"命令\""), "{}", page.stdout);
    let en = h.run(&["--lang", "en", "man"]);
    assert!(en.stdout.contains(".SH \"COMMANDS\""), "{}", en.stdout);
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = h.run(&["completions", shell]);
        script.ok();
        assert!(script.stdout.contains("summary"), "{shell}");
    }
    h.duty(&["completions", "tcsh"]).code(2);
    snap!(h);
}

#[test]
fn a_home_without_anything_written_reads_the_builtin_checklist() {
    let h = Home::new();
    h.ok(&["status"]);
    h.ok(&["paths"]);
    // Reading writes nothing: no data or settings directory appears.
    assert_eq!(names(h.root()), ["work"]);
}

#[test]
fn settings_are_shown_and_changed_and_the_name_is_who_changes() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["settings"]).ok();
        h.duty(&["settings", "--name", "王五", "--ascii-borders", "on"])
            .ok();
        h.duty(&["settings"]).ok();
        h.ok(&[
            "log",
            "center-group",
            "--topic",
            "宪法",
            "--date",
            "2024-03-02",
        ]);
        let entry = &h.ledger(2024).items["center-group"].entries[0];
        assert_eq!(entry.by, "王五", "the settings' name, not the login");
        let cleared = h.duty(&["settings", "--name", ""]);
        cleared.ok();
        assert!(
            cleared.stdout.contains(crate::harness::USER) && !cleared.stdout.contains("王五"),
            "the account's name is shown again: {}",
            cleared.stdout
        );
        h.ok(&["note", "lectures", "x"]);
        assert_eq!(
            h.history(crate::harness::BUILTIN, 2024).records[1].by,
            crate::harness::USER
        );
        h.duty(&["settings", "--ascii-borders", "maybe"]).code(2);
        h.duty(&["history"]).ok();
        snap!(h);
    }
    // The language set there is the default; --lang still wins.
    let h = Home::new();
    h.ok(&["settings", "--language", "en"]);
    assert!(h.run(&["status"]).stdout.contains("Overall"));
    assert!(
        h.run(&["--lang", "zh", "status"])
            .stdout
            .contains("总体进度")
    );
}
