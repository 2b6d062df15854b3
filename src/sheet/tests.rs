//! Spreadsheets both ways on real files: the fixtures offices' files are modelled on
//! (tests/it/fixtures/evidence, made by make_fixtures.py), and the ledger workbook read back
//! with calamine, an independent reader.

use std::io::Cursor;
use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx};

use super::grid::{self, Value, address};
use super::import_checklist::{self, CellFault, ImportError, Options};
use super::import_entries::{self, EntriesError, RowFault};
use crate::checklist::{BUILTIN_DEFAULT, RawKind, load};
use crate::i18n::Lang;
use crate::ledger::{Change, Ledger, Stamp};

fn fixture(name: &str) -> (Vec<u8>, String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/fixtures/evidence")
        .join(name);
    let ext = path.extension().unwrap().to_string_lossy().into_owned();
    (std::fs::read(&path).unwrap(), ext)
}

fn book(name: &str) -> grid::Workbook {
    let (bytes, ext) = fixture(name);
    grid::read(&bytes, &ext).unwrap()
}

fn options() -> Options {
    Options {
        id: "imported".into(),
        organization: "某市司法局".into(),
        year: 2024,
        ..Options::default()
    }
}

#[test]
fn merged_cells_serial_dates_and_saved_formulas_are_read() {
    let b = book("tasks.xlsx");
    assert_eq!(b.sheets.len(), 2);
    let tasks = &b.sheets[1];
    assert_eq!(tasks.name, "任务清单");
    // 类别 merged down its tasks reads in every row it covers.
    assert_eq!(tasks.get(5, 1), &Value::Text("第一责任人职责".into()));
    assert!(tasks.is_merged(5, 1));
    // The formula =ROW()-3 by the value saved with it.
    assert_eq!(tasks.get(3, 0), &Value::Number(1.0));
    let d = import_checklist::draft(&b, &options()).unwrap();
    assert_eq!(
        d.mapping.sheet, "任务清单",
        "the instructions sheet before it is passed over"
    );
    assert_eq!(d.mapping.heading_row, 2);
    assert_eq!(d.raw.year, Some(2025), "from the title row");
    assert_eq!(d.raw.title, "2025年度法治政府建设重点任务清单");
    let items: Vec<(&str, &str)> = d
        .raw
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(|i| (i.id.as_str(), i.due.as_str())))
        .collect();
    assert_eq!(
        items,
        [
            ("s01-01", "12-31"),
            ("s01-02", "03-31"),
            ("s01-03", "next-03-01"),
            ("s02-01", "12-31"),
            ("s02-02", "06-30"),
            ("s02-03", "12-31"),
            ("s02-04", "06-30"),
        ]
    );
    let text = import_checklist::to_ron(&d, "tasks.xlsx");
    let checklist = load(text.as_bytes(), "清单.ron", 2024, Lang::Zh).unwrap();
    assert_eq!(checklist.item_count(), 7);
    assert!(matches!(
        d.raw.sections[1].items[1].kind,
        RawKind::Rate { target } if target == 100.0
    ));
}

#[test]
fn unreadable_cells_are_refused_with_their_address() {
    let Err(ImportError::Cells(cells)) =
        import_checklist::draft(&book("tasks-formula.xlsx"), &options())
    else {
        panic!("refused")
    };
    assert_eq!(cells.len(), 1);
    assert_eq!(cells[0].at.to_string(), "E10");
    assert_eq!(cells[0].fault, CellFault::Formula);
    let Err(ImportError::Cells(cells)) =
        import_checklist::draft(&book("tasks-bad-due.xlsx"), &options())
    else {
        panic!("refused")
    };
    assert_eq!(
        (cells[0].at, cells[0].value.as_str(), cells[0].fault),
        (address(5, 4), "尽快", CellFault::BadDue)
    );
}

#[test]
fn gbk_csv_with_heading_rows_between_tasks() {
    let b = book("tasks-gbk.csv");
    assert_eq!(b.encoding, Some("GBK"));
    let mut o = options();
    o.map = vec!["E=ignore".into()];
    let d = import_checklist::draft(&b, &o).unwrap();
    let sections: Vec<(&str, usize)> = d
        .raw
        .sections
        .iter()
        .map(|s| (s.title.as_str(), s.items.len()))
        .collect();
    assert_eq!(sections, [("依法决策", 2), ("学法", 1)]);
    // The target column let go: a rate by its title (…率), the rest duties.
    let kinds: Vec<bool> = d
        .raw
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| matches!(i.kind, RawKind::Task))
        .collect();
    assert_eq!(kinds, [false, false, true]);
    o.map = vec!["Q=owner".into()];
    assert!(matches!(
        import_checklist::draft(&b, &o),
        Err(ImportError::Map(_))
    ));
}

fn stamp() -> Stamp {
    Stamp {
        today: jiff::civil::date(2024, 6, 1),
        at: "2024-06-01T02:00:00Z".parse().unwrap(),
        by: "张三".into(),
    }
}

#[test]
fn sessions_are_checked_row_by_row_and_refused_whole() {
    let checklist = load(BUILTIN_DEFAULT.as_bytes(), "builtin", 2024, Lang::Zh).unwrap();
    let ledger = Ledger::new(&checklist.id, 2024);
    let plan = import_entries::plan(
        &book("entries-gbk.csv"),
        None,
        &[],
        &checklist,
        &ledger,
        &stamp(),
    )
    .unwrap();
    assert_eq!(plan.ops.len(), 4);
    assert!(matches!(&plan.rows[0].change, Change::Log { item, .. } if item == "party-meetings"));
    assert!(matches!(&plan.rows[3].change, Change::Check { item, .. } if item == "annual-plan"));
    let mut after = ledger.clone();
    for op in &plan.ops {
        after.apply(op).unwrap();
    }
    let again = import_entries::plan(
        &book("entries-gbk.csv"),
        None,
        &[],
        &checklist,
        &after,
        &stamp(),
    )
    .unwrap();
    assert!(again.ops.is_empty() && again.rows.iter().all(|r| r.duplicate));
    let Err(EntriesError::Rows(rows)) = import_entries::plan(
        &book("entries-bad.csv"),
        None,
        &[],
        &checklist,
        &ledger,
        &stamp(),
    ) else {
        panic!("refused")
    };
    let faults: Vec<(String, bool)> = rows
        .iter()
        .map(|r| (r.at.to_string(), matches!(r.fault, RowFault::Refused(_))))
        .collect();
    assert_eq!(
        faults,
        [
            ("B3".to_string(), false),
            // An unknown item, in `duty log`'s words.
            ("A4".to_string(), true),
            ("D5".to_string(), false),
            ("B6".to_string(), true),
        ]
    );
    let xlsx = import_entries::plan(
        &book("entries.xlsx"),
        None,
        &[],
        &checklist,
        &ledger,
        &stamp(),
    )
    .unwrap();
    let dates: Vec<String> = xlsx
        .rows
        .iter()
        .map(|r| match &r.change {
            Change::Log { date, .. } => date.to_string(),
            _ => String::new(),
        })
        .collect();
    assert_eq!(dates, ["2024-03-02", "2024-06-01", "2024-05-20"]);
}

fn cell(range: &calamine::Range<Data>, r: usize, c: usize) -> String {
    match range.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => crate::text::number(*f),
        Some(Data::DateTime(d)) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("{other:?}"),
    }
}

#[test]
fn the_ledger_workbook_reads_back_cell_by_cell() {
    let checklist = load(BUILTIN_DEFAULT.as_bytes(), "builtin", 2024, Lang::Zh).unwrap();
    let mut ledger = Ledger::new(&checklist.id, 2024);
    let plan = import_entries::plan(
        &book("entries-gbk.csv"),
        None,
        &[],
        &checklist,
        &ledger,
        &stamp(),
    )
    .unwrap();
    for op in &plan.ops {
        ledger.apply(op).unwrap();
    }
    let bytes = super::ledger_workbook(
        &checklist,
        &checklist.ledger_columns,
        &ledger,
        jiff::civil::date(2024, 6, 1),
        Lang::Zh,
        "张三",
    );
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let main = wb.worksheet_range("台账").unwrap();
    assert_eq!(main.height(), 2 + checklist.item_count());
    assert_eq!(cell(&main, 1, 2), "工作任务");
    let plan_row = (2..main.height())
        .find(|&r| cell(&main, r, 2) == "将法治建设纳入年度工作要点")
        .unwrap();
    assert_eq!(cell(&main, plan_row, 5), "2024-03-31");
    assert_eq!(cell(&main, plan_row, 7), "2024-02-20");
    assert_eq!(cell(&main, plan_row, 8), "政数〔2024〕1号");
    let sessions = wb.worksheet_range("活动登记").unwrap();
    assert_eq!(sessions.height(), 2 + 3);
    assert_eq!(cell(&sessions, 2, 2), "2024-03-28");
    assert_eq!(cell(&sessions, 1, 5), "主持人");
    assert_eq!(cell(&sessions, 2, 7), "党组会纪要〔2024〕3号");
    // Read back with the importer too: the same file round-trips as a grid.
    let g = grid::read(&bytes, "xlsx").unwrap();
    assert_eq!(g.sheets[0].get(1, 0), &Value::Text("序号".into()));
    assert!(
        g.sheets[0].is_merged(0, 3),
        "the title row is merged across"
    );
}
