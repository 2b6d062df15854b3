//! `duty import-entries` with who presided, who attended and the other items a session also
//! counts for: guessed from Chinese and English headings, the items named as `duty log
//! --also` names them (and refused in its words, with the cell), merged cells and blank rows
//! in a real .xlsx, and the ledger's own CSV and workbook read back into a fresh ledger as
//! the sessions they list, linked copies and all.

use duty::ledger::Ledger;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook};

use crate::harness::{Home, LANGS, fixture, tree};

fn fx(name: &str) -> String {
    fixture("import-people").join(name).display().to_string()
}

/// The sessions of `ledger` as the tests compare them: item, date, topic, hours, evidence,
/// who presided and attended, the items linked; ids and who logged them left out.
fn sessions(ledger: &Ledger) -> Vec<String> {
    let mut out: Vec<String> = ledger
        .items
        .iter()
        .flat_map(|(item, r)| {
            r.entries.iter().map(move |e| {
                format!(
                    "{item} {} {} {:?} {} [{}] [{}] {:?}",
                    e.date, e.topic, e.hours, e.evidence, e.presided, e.attended, e.linked
                )
            })
        })
        .collect();
    out.sort();
    out
}

#[test]
fn presider_attendees_and_also_counted_items_import_from_a_csv() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let before = tree(&h.data());
        h.duty(&["import-entries", &fx("people.csv"), "--dry-run"])
            .ok();
        assert_eq!(tree(&h.data()), before, "a dry run writes nothing");
        h.duty(&["import-entries", &fx("people.csv")]).ok();
        let l = h.ledger(2024);
        let center = &l.items["center-group"].entries;
        assert_eq!(
            center.len(),
            3,
            "its own row, and two that also count for it"
        );
        let first = &center[0];
        assert_eq!(
            (first.presided.as_str(), first.attended.as_str()),
            ("张局长", "全体党组成员")
        );
        assert_eq!(first.linked, ["study-hours"]);
        // The hours item's row is the same session: logged with the first, not twice.
        let hours = &l.items["study-hours"].entries;
        assert_eq!(hours.len(), 1);
        assert_eq!(
            (hours[0].id.as_str(), hours[0].hours),
            (first.id.as_str(), Some(2.0))
        );
        // One a line, by id; two titles joined with 、.
        assert_eq!(
            l.items["party-meetings"].entries[0].linked,
            ["center-group", "pre-meeting-study"]
        );
        assert_eq!(
            l.items["lectures"].entries[0].linked,
            ["pre-meeting-study", "center-group"]
        );
        assert_eq!(l.items["lectures"].entries[0].attended, "法规科全体");
        // Again: nothing new.
        h.duty(&["import-entries", &fx("people.csv")]).ok();
        assert_eq!(h.ledger(2024), l);
        crate::snap!(h);
    }
}

#[test]
fn a_bad_presider_attendee_or_also_counted_item_refuses_the_whole_file_with_its_cell() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let before = tree(&h.data());
        let out = h.duty(&["import-entries", &fx("people-bad.csv")]);
        out.code(5);
        assert_eq!(tree(&h.data()), before, "nothing recorded");
        // Every bad row, by its cell; the good last row is not among them.
        for cell in ["G2", "G3", "G4", "D5", "E6", "G7", "G8", "D9", "G10"] {
            assert!(out.stderr.contains(cell), "{cell}: {}", out.stderr);
        }
        let listed = out.stderr.lines().filter(|l| l.starts_with("  ")).count();
        assert_eq!(listed, 9, "{}", out.stderr);
        crate::snap!(h);
    }
}

/// An office's workbook: a title merged across the top, English headings, a presider merged
/// down three rows with a blank row among them, a date cell, and an item named by its
/// number in the list, as `duty log --also 17` names it.
fn office_workbook(path: &std::path::Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sessions").unwrap();
    let centre = Format::new().set_align(FormatAlign::Center);
    let day = Format::new().set_num_format("yyyy-mm-dd");
    sheet
        .merge_range(0, 0, 0, 7, "2024年活动登记表", &centre)
        .unwrap();
    for (c, h) in [
        "Item",
        "Date",
        "Topic",
        "Hours",
        "Presider",
        "Attendees",
        "Also counts for",
        "Evidence",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    sheet.merge_range(2, 4, 4, 4, "李副局长", &centre).unwrap();
    sheet.write_string(2, 0, "center-group").unwrap();
    let april = ExcelDateTime::from_ymd(2024, 4, 1).unwrap();
    sheet
        .write_datetime_with_format(2, 1, &april, &day)
        .unwrap();
    sheet.write_string(2, 2, "学习《行政复议法》").unwrap();
    sheet.write_string(2, 5, "全体党组成员").unwrap();
    sheet.write_string(2, 7, "记录3").unwrap();
    // Row 4: nothing but the merged presider.
    sheet.write_string(4, 0, "lectures").unwrap();
    sheet.write_string(4, 1, "2024-04-20").unwrap();
    sheet.write_string(4, 2, "行政执法讲座").unwrap();
    sheet.write_string(4, 5, "法规科").unwrap();
    sheet.write_number(4, 6, 17).unwrap();
    sheet.write_string(4, 7, "讲座通知").unwrap();
    book.save(path).unwrap();
}

#[test]
fn an_xlsx_with_merged_cells_and_blank_rows_imports_who_presided() {
    let h = Home::in_lang(duty::i18n::Lang::En);
    let path = h.work().join("sessions.xlsx");
    office_workbook(&path);
    h.duty(&["import-entries", "sessions.xlsx"]).ok();
    let l = h.ledger(2024);
    let center = &l.items["center-group"].entries[0];
    assert_eq!(center.date.to_string(), "2024-04-01");
    assert_eq!(center.presided, "李副局长");
    let lecture = &l.items["lectures"].entries[0];
    assert_eq!(lecture.presided, "李副局长", "read from the merged cell");
    assert_eq!(lecture.linked, ["pre-meeting-study"], "item 17 of the list");
    assert_eq!(l.items["pre-meeting-study"].entries[0].id, lecture.id);
    crate::snap!(h);
}

/// Sessions as an officer logs them: one that counts for an hours item too, one with a
/// topic a spreadsheet would run as a formula, a tick.
fn logged(h: &Home) {
    h.ok(&[
        "log",
        "center-group",
        "--date",
        "2024-03-05",
        "--topic",
        "学习宪法",
        "--evidence",
        "签到表",
        "--presided",
        "张局长",
        "--attended",
        "全体党组成员",
        "--also",
        "study-hours",
        "--also",
        "pre-meeting-study",
        "--hours",
        "2",
    ]);
    h.ok(&[
        "log",
        "lectures",
        "--date",
        "2024-04-06",
        "--topic",
        "=讲座（第二期）",
        "--attended",
        "法规科",
    ]);
    h.ok(&[
        "log",
        "study-hours",
        "--topic",
        "网络学法",
        "--hours",
        "1.5",
    ]);
    h.ok(&["check", "annual-plan", "--date", "2024-03-01"]);
}

#[test]
fn the_ledgers_csv_and_workbook_read_back_as_the_sessions_they_list() {
    // Written in either language (the headings differ), read back in the same.
    for lang in LANGS {
        let h = Home::in_lang(lang);
        logged(&h);
        let want = sessions(&h.ledger(2024));
        h.ok(&[
            "ledger",
            "-f",
            "csv",
            "--bom",
            "--entries",
            "-o",
            "台账.csv",
        ]);
        h.ok(&["ledger", "-o", "台账.xlsx"]);
        for file in ["台账.csv", "台账.xlsx"] {
            let fresh = Home::in_lang(lang);
            std::fs::copy(h.work().join(file), fresh.work().join(file)).unwrap();
            let out = fresh.duty(&["import-entries", file]);
            out.ok();
            assert_eq!(
                sessions(&fresh.ledger(2024)),
                want,
                "{file}: {}",
                out.stdout
            );
            // The tick is an item row, passed over (and said so) in the CSV.
            assert!(!fresh.ledger(2024).items.contains_key("annual-plan"));
        }
        let fresh = Home::in_lang(lang);
        std::fs::copy(h.work().join("台账.csv"), fresh.work().join("台账.csv")).unwrap();
        fresh
            .duty(&["import-entries", "台账.csv", "--dry-run"])
            .ok();
        crate::snap!(fresh);
    }
}
