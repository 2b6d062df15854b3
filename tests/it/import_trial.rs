//! `duty import-entries` on what a new user's trial fed it: an unclosed quote, cells beyond
//! the headings and a control character (refused with their cells, never dropped or
//! stripped), items and dates named as `duty log` names them (`中心组`, `16`, `3月5日`,
//! `昨天`, `5/14`), every bad cell of every row said in one run (the first 50, and how many
//! more), and a file that is no spreadsheet at all said as an unreadable file (exit 4).

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::harness::{Home, LANGS, fixture, tree};

fn fx(name: &str) -> String {
    fixture("import-trial").join(name).display().to_string()
}

#[test]
fn an_unclosed_quote_refuses_the_whole_file_with_the_cell_it_opens() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let before = tree(&h.data());
        let refused = h.duty(&["import-entries", &fx("unclosed-quote.csv"), "--dry-run"]);
        refused.code(4);
        assert!(refused.stderr.contains("C2"), "{}", refused.stderr);
        h.duty(&["import-entries", &fx("unclosed-quote.csv")])
            .code(4);
        assert_eq!(tree(&h.data()), before, "nothing recorded");
        crate::snap!(h);
    }
}

#[test]
fn cells_beyond_the_headings_and_control_characters_are_refused_not_dropped() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let before = tree(&h.data());
        let refused = h.duty(&["import-entries", &fx("extra-cells.csv"), "--dry-run"]);
        refused.code(5);
        assert!(refused.stderr.contains("J2"), "{}", refused.stderr);
        assert!(refused.stderr.contains("C3"), "{}", refused.stderr);
        h.duty(&["import-entries", &fx("extra-cells.csv")]).code(5);
        assert_eq!(tree(&h.data()), before, "nothing recorded");
        crate::snap!(h);
    }
}

/// An office's workbook naming the item by its number (a number cell) and a part of its
/// title, with a real date cell and a date written as text.
fn numbered_workbook(path: &std::path::Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["事项", "日期", "主题"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let day = Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_number(1, 0, 16).unwrap();
    let april = ExcelDateTime::from_ymd(2024, 4, 1).unwrap();
    sheet
        .write_datetime_with_format(1, 1, &april, &day)
        .unwrap();
    sheet.write_string(1, 2, "学习《行政复议法》").unwrap();
    sheet.write_string(2, 0, "会前").unwrap();
    sheet.write_string(2, 1, "4月8日").unwrap();
    sheet.write_string(2, 2, "学习《信访工作条例》").unwrap();
    book.save(path).unwrap();
}

#[test]
fn items_and_dates_are_named_as_duty_log_names_them() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["import-entries", &fx("names-dates.csv"), "--dry-run"])
            .ok();
        h.duty(&["import-entries", &fx("names-dates.csv")]).ok();
        let l = h.ledger(2024);
        let days = |item: &str| -> Vec<String> {
            l.items[item]
                .entries
                .iter()
                .map(|e| format!("{} {}", e.date, e.topic))
                .collect()
        };
        assert_eq!(
            days("center-group"),
            [
                "2024-03-05 学习一",
                "2024-04-02 学习四",
                "2024-05-14 学习三",
                "2024-05-31 学习二"
            ]
        );
        assert_eq!(days("pre-meeting-study"), ["2024-04-03 学习五"]);
        let xlsx = h.work().join("编号.xlsx");
        numbered_workbook(&xlsx);
        h.duty(&["import-entries", &xlsx.display().to_string()])
            .ok();
        let l = h.ledger(2024);
        assert!(
            l.items["center-group"]
                .entries
                .iter()
                .any(|e| e.date.to_string() == "2024-04-01" && e.topic == "学习《行政复议法》")
        );
        assert_eq!(
            l.items["pre-meeting-study"].entries[1].date.to_string(),
            "2024-04-08"
        );
        crate::snap!(h);
    }
}

#[test]
fn every_bad_cell_of_every_row_is_said_in_one_run() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let before = tree(&h.data());
        let refused = h.duty(&["import-entries", &fx("several-bad.csv"), "--dry-run"]);
        refused.code(5);
        for cell in ["A2", "B2", "A3", "B3", "D4"] {
            assert!(refused.stderr.contains(cell), "{cell}: {}", refused.stderr);
        }
        // Many bad rows: the first 50 cells, and a count of the rest.
        let mut many = String::from("事项,日期,主题\n");
        for i in 0..60 {
            many.push_str(&format!("不存在{i},2024-04-01,学习{i}\n"));
        }
        let path = h.write("多.csv", many);
        let refused = h.duty(&["import-entries", &path.display().to_string()]);
        refused.code(5);
        let listed = refused
            .stderr
            .lines()
            .filter(|l| l.contains("不存在"))
            .count();
        assert_eq!(listed, 50, "{}", refused.stderr);
        assert!(refused.stderr.contains("10"), "{}", refused.stderr);
        assert_eq!(tree(&h.data()), before, "nothing recorded");
        crate::snap!(h);
    }
}

#[test]
fn a_file_that_is_no_spreadsheet_is_an_unreadable_file() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["import-entries", &fx("garbage.csv"), "--dry-run"])
            .code(4);
        let xlsx = h.write("坏.xlsx", b"not a workbook at all");
        h.duty(&["import-entries", &xlsx.display().to_string()])
            .code(4);
        crate::snap!(h);
    }
}
