//! Spreadsheets through the binary: the xlsx ledger read back cell by cell with calamine (an
//! independent reader) with its print setup as the file says it, its columns from the
//! checklist, and offices' task lists and session lists imported — merged cells, serial
//! dates, saved and unsaved formulas, GBK CSV — or refused with the cell.

use std::fs;
use std::io::Read;

use calamine::{Data, Reader};

use crate::evidence::{JPG, fx, n};
use crate::harness::{Home, LANGS, tree};
use crate::package::with_evidence;

fn cell(range: &calamine::Range<Data>, r: usize, c: usize) -> String {
    match range.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => duty::text::number(*f),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::DateTime(d)) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("{other:?}"),
    }
}

#[test]
fn the_xlsx_ledger_reads_back_cell_by_cell_and_prints_on_a4_landscape() {
    let h = Home::new();
    with_evidence(&h);
    h.ok(&[
        "rate",
        "exam-participation",
        "46/48",
        "--date",
        "2024-05-20",
    ]);
    h.duty(&["ledger", "-f", "xlsx", "-o", "台账.xlsx"]).ok();
    h.duty(&["ledger", "-o", "台账2.xlsx"]).ok();
    h.duty(&["summary", "-o", "第三部分.xlsx"]).code(2);
    h.duty(&["ledger", "-f", "xlsx"]).code(2);
    let path = h.work().join("台账.xlsx");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), vec!["台账", "活动登记"]);
    let main = book.worksheet_range("台账").unwrap();
    assert_eq!(
        cell(&main, 0, 0),
        "本单位2024年度法治建设第一责任人职责完成情况台账"
    );
    let headings: Vec<String> = (0..10).map(|c| cell(&main, 1, c)).collect();
    assert_eq!(
        headings,
        [
            "序号",
            "类别",
            "工作任务",
            "责任科室",
            "目标",
            "完成时限",
            "完成情况",
            "完成时间",
            "佐证材料",
            "备注"
        ]
    );
    assert_eq!(main.height(), 2 + 25, "one row per item");
    let row = |id_title: &str| {
        (2..main.height())
            .find(|&r| cell(&main, r, 2) == id_title)
            .unwrap()
    };
    let plan = row("将法治建设纳入年度工作要点");
    assert_eq!(cell(&main, plan, 0), "1");
    assert_eq!(cell(&main, plan, 1), "第一责任人职责");
    assert_eq!(cell(&main, plan, 3), "办公室");
    assert_eq!(cell(&main, plan, 4), "完成");
    assert_eq!(cell(&main, plan, 5), "2024-03-31");
    assert_eq!(cell(&main, plan, 6), "已完成（2024年3月20日）");
    assert_eq!(cell(&main, plan, 7), "2024-03-20");
    assert_eq!(
        cell(&main, plan, 8),
        "政数〔2024〕1号\n附件：年度工作要点（扫描）.pdf"
    );
    let meetings = row("党组会、局务会专题研究法治建设");
    assert_eq!(cell(&main, meetings, 4), "≥2次");
    assert_eq!(cell(&main, meetings, 6), "2/2 次");
    let exam = row("国家工作人员学法考试参考率");
    assert_eq!(cell(&main, exam, 6), "95.8%（46/48，目标 100%）");
    let sessions = book.worksheet_range("活动登记").unwrap();
    assert_eq!(sessions.height(), 2 + 3, "every session");
    let s: Vec<String> = (0..11).map(|c| cell(&sessions, 2, c)).collect();
    assert_eq!(
        s[..9],
        [
            "1",
            "党组会、局务会专题研究法治建设",
            "2024-03-28",
            "传达学习习近平法治思想",
            "",
            "",
            "",
            "党组会纪要〔2024〕3号",
            "2025-03-28 党组会纪要.pdf、签到表.jpg"
        ]
    );
    // Print setup, frozen headings and repeated rows, as the file says them.
    let mut z = zip::ZipArchive::new(fs::File::open(&path).unwrap()).unwrap();
    let mut sheet = String::new();
    z.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    for needle in [
        r#"ySplit="2""#,
        r#"orientation="landscape""#,
        r#"paperSize="9""#,
        r#"fitToHeight="0""#,
        "<autoFilter",
        "wrapText",
        r#"customHeight="1""#,
    ] {
        assert!(
            sheet.contains(needle) || styles_contain(&mut z, needle),
            "{needle}"
        );
    }
    let mut workbook = String::new();
    z.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    assert!(
        workbook.contains("_xlnm.Print_Titles") && workbook.contains("$1:$2"),
        "{workbook}"
    );
}

fn styles_contain(z: &mut zip::ZipArchive<fs::File>, needle: &str) -> bool {
    let mut styles = String::new();
    z.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    styles.contains(needle)
}

#[test]
fn the_ledger_columns_follow_the_checklist() {
    let h = Home::new();
    let checklist = duty::checklist::BUILTIN_DEFAULT.replacen(
        "sections:",
        r#"ledger_columns: ["no", "task", "owner=责任单位", "due", "result", "evidence", "得分"],
    sections:"#,
        1,
    );
    let file = h.write("work/清单.ron", &checklist);
    h.duty(&["validate", n(&file)]).ok();
    h.ok(&["--checklist", n(&file), "ledger", "-o", "台账.xlsx"]);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(h.work().join("台账.xlsx")).unwrap();
    let main = book.worksheet_range("台账").unwrap();
    let headings: Vec<String> = (0..7).map(|c| cell(&main, 1, c)).collect();
    assert_eq!(
        headings,
        [
            "序号",
            "工作任务",
            "责任单位",
            "完成时限",
            "完成情况",
            "佐证材料",
            "得分"
        ]
    );
    assert_eq!(main.width(), 7);
    let bad = duty::checklist::BUILTIN_DEFAULT.replacen(
        "sections:",
        r#"ledger_columns: ["no", "scroe", "no"],
    sections:"#,
        1,
    );
    let bad = h.write("work/坏清单.ron", &bad);
    h.duty(&["validate", n(&bad)]).code(3);
    crate::snap!(h);
}

#[test]
fn an_offices_task_spreadsheet_becomes_a_checklist_that_validates() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let tasks = fx("tasks.xlsx");
        // Without --yes (and no terminal to ask at): the mapping is shown, nothing written.
        h.duty(&["import-checklist", &tasks, "-o", "清单.ron"]).ok();
        assert!(!h.work().join("清单.ron").exists());
        h.duty(&[
            "import-checklist",
            &tasks,
            "-o",
            "清单.ron",
            "--yes",
            "--org",
            "某市司法局",
        ])
        .ok();
        h.duty(&["validate", "清单.ron"]).ok();
        let c = duty::session::load_checklist(Some(&h.work().join("清单.ron")), 2024, lang)
            .unwrap_or_else(|_| panic!("loads"));
        assert_eq!((c.year, c.organization.as_str()), (2025, "某市司法局"));
        let items: Vec<(String, String, String, String)> = c
            .items()
            .map(|(s, i)| {
                (
                    s.title.clone(),
                    i.title.clone(),
                    format!("{:?}", i.kind),
                    i.due.to_source(),
                )
            })
            .collect();
        assert_eq!(
            items,
            vec![
                (
                    "第一责任人职责".into(),
                    "党组会专题研究法治建设".into(),
                    "Count { target: 2 }".into(),
                    "12-31".into()
                ),
                (
                    "第一责任人职责".into(),
                    "将法治建设纳入年度工作要点".into(),
                    "Task".into(),
                    "03-31".into()
                ),
                (
                    "第一责任人职责".into(),
                    "主要负责人年终述法".into(),
                    "Task".into(),
                    "next-03-01".into()
                ),
                (
                    "学法".into(),
                    "中心组法治专题学习".into(),
                    "Count { target: 4 }".into(),
                    "12-31".into()
                ),
                (
                    "学法".into(),
                    "国家工作人员学法考试参考率".into(),
                    "Rate { target: 100.0 }".into(),
                    "06-30".into()
                ),
                (
                    "学法".into(),
                    "主要负责人年度学法学时".into(),
                    "Hours { target: 20.0 }".into(),
                    "12-31".into()
                ),
                (
                    "学法".into(),
                    "建立健全法律顾问制度".into(),
                    "Task".into(),
                    "06-30".into()
                ),
            ]
        );
        // A CSV in GBK with heading rows between the tasks, and a column chosen by hand.
        h.duty(&[
            "import-checklist",
            &fx("tasks-gbk.csv"),
            "-o",
            "g.ron",
            "--yes",
            "--map",
            "E=ignore",
        ])
        .ok();
        h.duty(&["validate", "g.ron"]).ok();
        // Refused with the cell: a formula without its value, a deadline no one can read.
        h.duty(&[
            "import-checklist",
            &fx("tasks-formula.xlsx"),
            "-o",
            "f.ron",
            "--yes",
        ])
        .code(5);
        h.duty(&[
            "import-checklist",
            &fx("tasks-bad-due.xlsx"),
            "-o",
            "b.ron",
            "--yes",
        ])
        .code(5);
        // A file that is no spreadsheet cannot be read (4), not a bad command line.
        h.duty(&["import-checklist", &fx(JPG), "-o", "j.ron", "--yes"])
            .code(4);
        h.duty(&[
            "import-checklist",
            &tasks,
            "-o",
            "m.ron",
            "--map",
            "Q=owner",
        ])
        .code(2);
        assert!(!h.work().join("f.ron").exists() && !h.work().join("b.ron").exists());
        crate::snap!(h);
    }
}

#[test]
fn sessions_import_at_once_with_a_dry_run_and_a_bad_file_refused_whole() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let before = tree(&h.data());
        h.duty(&["import-entries", &fx("entries-gbk.csv"), "--dry-run"])
            .ok();
        h.duty(&["import-entries", &fx("entries-bad.csv")]).code(5);
        assert_eq!(
            tree(&h.data()),
            before,
            "a dry run and a refused file write nothing"
        );
        h.duty(&["import-entries", &fx("entries-gbk.csv")]).ok();
        let l = h.ledger(2024);
        assert_eq!(
            l.items["party-meetings"].entries[0].evidence,
            "党组会纪要〔2024〕3号"
        );
        assert_eq!(l.items["study-hours"].entries[0].hours, Some(2.5));
        assert_eq!(
            l.items["annual-plan"]
                .done
                .as_ref()
                .unwrap()
                .date
                .to_string(),
            "2024-02-20"
        );
        // The same file again records nothing twice.
        h.duty(&["import-entries", &fx("entries-gbk.csv")]).ok();
        h.duty(&["import-entries", &fx("entries.xlsx")]).ok();
        let dates: Vec<String> = h.ledger(2024).items["center-group"]
            .entries
            .iter()
            .map(|e| e.date.to_string())
            .collect();
        assert_eq!(dates, ["2024-03-02", "2024-04-10", "2024-06-01"]);
        // One undo takes a whole import back.
        h.duty(&["undo"]).ok();
        assert_eq!(h.ledger(2024).items["center-group"].entries.len(), 1);
        crate::snap!(h);
    }
}
