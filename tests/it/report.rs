//! The documents from the outside: `duty summary` (section three, `--part five|both`, the
//! to-do list and table only when asked), `duty shufa` (the 述法 report) and `duty ledger`,
//! printed in every format and written by name, never replacing a file unasked, in both
//! languages; the .docx read back as a package (XML that parses, the author, GB/T 9704's
//! page); CSV that a spreadsheet cannot run; the text linter in `duty validate` and
//! `duty log`. How the draft is worded is tested in the library (`src/report/tests`).

use std::io::Read;

use duty::i18n::Lang;

use crate::harness::{self, Home, LANGS, USER};

/// The XML part `name` of a .docx.
fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("docx is a zip");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in docx"))
        .read_to_string(&mut s)
        .expect("utf-8 xml");
    s
}

/// The text of every paragraph of a WordprocessingML part, one per line (parsing it proves
/// it is XML).
fn xml_text(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::End(e) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Event::Text(t) if in_text => out.push_str(&t.unescape().expect("valid escapes")),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// A home on 2025-01-15 with the reference report's fixture: the leading group, three of
/// twelve 党组会, an exam of 45/46, and the report's own approval already ticked.
fn reporting(lang: Lang) -> (Home, String) {
    let h = Home::in_lang(lang).on("2025-01-15");
    let file = harness::fixture("report/heyuan-2024.ron")
        .display()
        .to_string();
    let on = |args: &[&str]| {
        let mut all = vec!["--checklist", file.as_str()];
        all.extend_from_slice(args);
        h.ok(&all);
    };
    for _ in 0..3 {
        on(&[
            "log",
            "party-group-meetings",
            "--date",
            "2024-05-06",
            "--topic",
            "研究法治建设",
        ]);
    }
    on(&[
        "check",
        "leading-group",
        "--date",
        "2024-03-05",
        "--evidence",
        "河政数〔2024〕12号",
    ]);
    on(&["rate", "law-exam", "45/46", "--date", "2024-11-30"]);
    on(&["check", "report-approval", "--date", "2025-01-10"]);
    (h, file)
}

#[test]
fn every_document_prints_in_every_text_format() {
    for lang in LANGS {
        let (h, file) = reporting(lang);
        let c = |args: &[&str]| {
            let mut all = vec!["--checklist", file.as_str()];
            all.extend_from_slice(args);
            h.duty(&all)
        };
        let summary = c(&["summary"]);
        summary.ok();
        if lang == Lang::Zh {
            let out = &summary.stdout;
            // Short of its target, still a fact, with its real figure; not the report's own
            // approval; no to-do list unless asked.
            assert!(out.contains("累计召开党组会3次"), "{out}");
            assert!(out.contains("参加率97.8%"), "{out}");
            assert!(!out.contains("审定") && !out.contains("待办"), "{out}");
        }
        let both = c(&["summary", "--part", "both", "--todo"]);
        both.ok();
        if lang == Lang::Zh {
            let out = &both.stdout;
            assert!(
                out.contains("五、2024年度推进法治政府建设存在的不足和原因"),
                "{out}"
            );
            assert!(
                out.contains("党组会传达学习、研究部署法治建设全年开展3次，未达到12次的年度目标"),
                "{out}"
            );
            assert!(
                out.contains("待办事项（供经办人核对，不写入报告）："),
                "{out}"
            );
        }
        c(&["summary", "--part", "five"]).ok();
        c(&["summary", "-f", "md", "--table"]).ok();
        c(&["summary", "-f", "csv"]).ok();
        c(&["summary", "-f", "json"]).ok();
        let shufa = c(&["shufa"]);
        shufa.ok();
        if lang == Lang::Zh {
            let out = &shufa.stdout;
            assert!(
                out.starts_with("河源市政务服务和数据管理局党组书记、局长2024年度述法报告"),
                "{out}"
            );
            assert!(out.contains("一是组建了以本人担任组长"), "{out}");
        }
        c(&["shufa", "-f", "md"]).ok();
        c(&["shufa", "-f", "json"]).ok();
        c(&["ledger"]).ok();
        c(&["ledger", "-f", "md"]).ok();
        c(&["ledger", "-f", "csv", "--entries"]).ok();
        c(&["ledger", "-f", "json"]).ok();
        let csv = c(&["ledger", "-f", "csv", "--bom", "--entries"]);
        assert!(
            csv.stdout.starts_with('\u{FEFF}'),
            "a byte-order mark for Excel"
        );
        // The summary's own choices belong to the summary.
        c(&["ledger", "--todo"]).code(2);
        c(&["shufa", "--part", "five"]).code(2);
        snap!(h);
    }
}

#[test]
fn documents_are_written_by_name_and_never_replace_a_file_unasked() {
    for lang in LANGS {
        let (h, file) = reporting(lang);
        let c = |args: &[&str]| {
            let mut all = vec!["--checklist", file.as_str()];
            all.extend_from_slice(args);
            h.duty(&all)
        };
        // A .docx needs a file; by name it is docx, a zip.
        c(&["summary", "--format", "docx"]).code(2);
        c(&["summary", "-o", "第三部分.docx"]).ok();
        let docx = std::fs::read(h.work().join("第三部分.docx")).unwrap();
        assert!(docx.starts_with(b"PK"), "a zip, not text");
        let text = xml_text(&docx_part(&docx, "word/document.xml"));
        assert!(text.contains("累计召开党组会3次"), "{text}");
        // The to-do list and the table stay out unless asked.
        for absent in ["待办事项", "To do", "河政数〔2024〕12号"] {
            assert!(!text.contains(absent), "{absent}: {text}");
        }
        c(&["summary", "-o", "第三部分.docx"]).code(4);
        assert_eq!(std::fs::read(h.work().join("第三部分.docx")).unwrap(), docx);
        c(&[
            "summary",
            "-o",
            "第三部分.docx",
            "--force",
            "--todo",
            "--table",
        ])
        .ok();
        let text = xml_text(&docx_part(
            &std::fs::read(h.work().join("第三部分.docx")).unwrap(),
            "word/document.xml",
        ));
        assert!(text.contains("河政数〔2024〕12号"), "the table: {text}");
        c(&["shufa", "-o", "述法报告.docx"]).ok();
        c(&["ledger", "-o", "台账.docx"]).ok();
        for name in ["述法报告.docx", "台账.docx"] {
            assert!(
                std::fs::read(h.work().join(name))
                    .unwrap()
                    .starts_with(b"PK")
            );
        }
        // The ledger lists every session only when asked, as the CSV does.
        let sessions = |args: &[&str]| {
            let mut all = vec!["--checklist", file.as_str(), "ledger", "--force", "-o"];
            all.extend_from_slice(args);
            h.ok(&all);
            xml_text(&docx_part(
                &std::fs::read(h.work().join(args[0])).unwrap(),
                "word/document.xml",
            ))
        };
        let without = sessions(&["台账.docx"]);
        let with = sessions(&["台账.docx", "--entries"]);
        assert!(!without.contains("研究法治建设"), "{without}");
        assert_eq!(with.matches("研究法治建设").count(), 3, "{with}");
        // An old Excel name is refused, naming the workbook the ledger can be.
        let xls = h.run(&["--checklist", file.as_str(), "ledger", "-o", "台账.xls"]);
        assert!(
            xls.code == 2 && xls.stderr.contains(".xlsx"),
            "{}",
            xls.stderr
        );
        // By name: md; an explicit --format wins over the name.
        c(&["summary", "-o", "第三部分.md"]).ok();
        let md = std::fs::read_to_string(h.work().join("第三部分.md")).unwrap();
        // In English the draft is a translation aid, fenced as text.
        let heading = if lang == Lang::Zh { "# " } else { "```text" };
        assert!(md.starts_with(heading), "{md}");
        c(&["summary", "-f", "text", "-o", "plain.md"]).ok();
        let plain = std::fs::read_to_string(h.work().join("plain.md")).unwrap();
        assert!(!plain.starts_with(heading));
        assert_eq!(
            plain,
            c(&["summary"]).stdout,
            "the file holds what is printed"
        );
        c(&["ledger", "-o", "台账.csv", "--bom"]).ok();
        let csv = std::fs::read(h.work().join("台账.csv")).unwrap();
        assert!(csv.starts_with("\u{FEFF}".as_bytes()));
        // A mistyped directory is reported, not created; a directory or a format duty
        // does not write is refused with what to do.
        c(&["summary", "-o", "no-such-dir/x.md"]).code(4);
        assert!(!h.work().join("no-such-dir").exists());
        c(&["summary", "--force", "-o", "."]).code(4);
        c(&["summary", "-o", "报告.pdf"]).code(2);
        assert!(!h.work().join("报告.pdf").exists());
        snap!(h);
    }
}

#[test]
fn the_docx_is_an_official_document_by_the_officer() {
    let (h, file) = reporting(Lang::Zh);
    h.ok(&["settings", "--name", "李四"]);
    h.ok(&[
        "--checklist",
        &file,
        "summary",
        "--part",
        "both",
        "-o",
        "报告.docx",
    ]);
    let docx = std::fs::read(h.work().join("报告.docx")).unwrap();
    let core = docx_part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:creator>李四</dc:creator>"), "{core}");
    assert!(core.contains("2025-01-15T00:00:00Z"), "{core}");
    let document = docx_part(&docx, "word/document.xml");
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(document.contains(r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#));
    let text = xml_text(&document);
    assert!(
        text.starts_with("河源市政务服务和数据管理局2024年法治政府建设年度报告\n"),
        "{text}"
    );
    assert!(text.contains("五、2024年度推进法治政府建设存在的不足和原因"));
    let styles = docx_part(&docx, "word/styles.xml");
    for font in [
        "方正小标宋简体",
        "仿宋_GB2312",
        "黑体",
        "楷体_GB2312",
        "宋体",
    ] {
        assert!(styles.contains(&format!("w:eastAsia=\"{font}\"")), "{font}");
    }
    assert!(docx_part(&docx, "word/settings.xml").contains("<w:evenAndOddHeaders/>"));
    for footer in ["word/footer1.xml", "word/footer2.xml"] {
        assert_eq!(xml_text(&docx_part(&docx, footer)), "— 1 —\n");
    }
    // Without a name in the settings, the person the session knows (USER).
    let (h, file) = reporting(Lang::Zh);
    h.ok(&["--checklist", &file, "shufa", "-o", "述法.docx"]);
    let core = docx_part(
        &std::fs::read(h.work().join("述法.docx")).unwrap(),
        "docProps/core.xml",
    );
    assert!(
        core.contains(&format!("<dc:creator>{USER}</dc:creator>")),
        "{core}"
    );
}

#[test]
fn csv_neutralises_formulas() {
    let (h, file) = reporting(Lang::Zh);
    for topic in ["=1+1", "+SUM(A1)", "-2", "@cmd"] {
        h.ok(&[
            "--checklist",
            &file,
            "log",
            "center-group",
            "--date",
            "2024-05-01",
            &format!("--topic={topic}"),
        ]);
    }
    let csv = h.ok(&["--checklist", &file, "ledger", "-f", "csv", "--entries"]);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv.stdout.as_bytes());
    let mut quoted = 0;
    for rec in reader.records() {
        for cell in rec.expect("valid CSV").iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "live formula {cell:?}"
            );
            quoted += usize::from(cell.starts_with('\''));
        }
    }
    assert_eq!(quoted, 4, "the four topics");
}

#[test]
fn the_linter_speaks_in_validate_and_when_logging() {
    for lang in LANGS {
        let h = Home::in_lang(lang).on("2024-06-01");
        let bad = h.write(
            "我局清单.ron",
            r#"(
    id: "lint",
    title: "清单",
    organization: "某局",
    year: 2024,
    sections: [
        ( id: "s", title: "学法", items: [
            ( id: "adviser", title: "聘请法律顾问", kind: Count(target: 1), due: "12-31",
              report: "聘请法律顾问{count}次" ),
            ( id: "exam", title: "学法考试参考率", kind: Rate(target: 100), due: "12-31",
              report: "参考率{rate}%" ),
            ( id: "center", title: "中心组学习", kind: Count(target: 4), due: "12-31",
              report: "学习{topics:3}等等" ),
        ]),
    ],
)"#,
        );
        let bad = bad.display().to_string();
        // Warnings, not errors: the checklist stays valid.
        let v = h.duty(&["validate", &bad]);
        v.ok();
        assert!(v.stderr.contains("我局清单.ron:9:"), "{}", v.stderr);
        h.duty(&[
            "--checklist",
            &bad,
            "log",
            "center",
            "--topic",
            "学时12.3学时,民法典",
        ])
        .ok();
        snap!(h);
    }
}

#[test]
fn who_presided_is_in_every_list_of_sessions() {
    let h = Home::new();
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "学习宪法",
        "--presided",
        "李明",
        "--attended",
        "全体党组成员",
    ]);
    let csv = h.ok(&["ledger", "-f", "csv", "--entries"]).stdout;
    assert!(csv.contains("李明,全体党组成员"), "{csv}");
    h.ok(&["ledger", "--entries", "-o", "台账.docx"]);
    let docx = std::fs::read(h.work().join("台账.docx")).unwrap();
    assert!(xml_text(&docx_part(&docx, "word/document.xml")).contains("李明"));
    h.ok(&["ledger", "-o", "台账.xlsx"]);
    let xlsx = std::fs::read(h.work().join("台账.xlsx")).unwrap();
    assert!(docx_part(&xlsx, "xl/sharedStrings.xml").contains("全体党组成员"));
}
