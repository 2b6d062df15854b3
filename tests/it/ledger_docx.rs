//! The .docx ledger names the files kept as evidence, as the workbook does: in the item
//! table after the evidence texts, each with the session it belongs to, and with
//! `--entries` under the session itself. Read from `word/document.xml` with an XML parser,
//! independently of the writer.

use std::io::Read;

use crate::evidence::{JPG, PDF, log, n, place};
use crate::harness::{Home, LANGS};

/// The text of each table cell of a WordprocessingML part, its paragraphs joined by `|`,
/// row by row.
fn cells(xml: &str) -> Vec<Vec<String>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), Vec::<String>::new());
    let mut text = None::<String>;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == b"w:t" => {
                text.get_or_insert_with(String::new);
            }
            Event::Text(t) => {
                if let Some(s) = text.as_mut() {
                    s.push_str(&t.unescape().expect("valid escapes"));
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:p" => {
                if let Some(s) = text.take() {
                    cell.push(s);
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:tc" => {
                row.push(std::mem::take(&mut cell).join("|"))
            }
            Event::End(e) if e.name().as_ref() == b"w:tr" => rows.push(std::mem::take(&mut row)),
            Event::Eof => break,
            _ => {}
        }
    }
    rows
}

fn document(h: &Home, file: &str) -> String {
    let bytes = std::fs::read(h.work().join(file)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// Two sessions with files, a file kept for a duty as a whole, and one with a long name
/// that has to wrap in its cell.
fn with_files(h: &Home) {
    let pdf = place(h, PDF, PDF);
    let jpg = place(h, JPG, JPG);
    let long = place(
        h,
        JPG,
        "IMG_20240510_093015_党组会议现场照片_第二次会议_拍摄于局机关三楼会议室.jpg",
    );
    let e1 = log(
        h,
        "party-meetings",
        "2024-03-28",
        "传达学习习近平法治思想",
        "党组会纪要〔2024〕3号",
    );
    let e2 = log(
        h,
        "party-meetings",
        "2024-05-10",
        "研究法治政府建设年度工作",
        "党组会纪要〔2024〕7号",
    );
    h.ok(&[
        "attach",
        "party-meetings",
        "--entry",
        e1.as_str(),
        n(&pdf),
        n(&jpg),
    ]);
    h.ok(&["attach", "party-meetings", "--entry", e2.as_str(), n(&long)]);
    h.ok(&[
        "check",
        "annual-plan",
        "--date",
        "2024-03-20",
        "--evidence",
        "政数〔2024〕1号",
    ]);
    h.ok(&["attach", "annual-plan", n(&pdf)]);
}

#[test]
fn the_docx_ledger_names_each_file_and_the_session_it_belongs_to() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        with_files(&h);
        h.ok(&["ledger", "-f", "docx", "--entries", "-o", "台账.docx"]);
        h.ok(&["ledger", "-o", "台账-无明细.docx"]);
        let zh = lang == duty::i18n::Lang::Zh;
        let (files, march, may) = if zh {
            ("附件：", "（3月28日活动）", "（5月10日活动）")
        } else {
            (
                "File: ",
                " (session of 2024-03-28)",
                " (session of 2024-05-10)",
            )
        };
        let rows = cells(&document(&h, "台账.docx"));
        let item = |title: &str| {
            rows.iter()
                .find(|r| r.len() == 7 && r[2] == title)
                .unwrap_or_else(|| panic!("{title} in {rows:?}"))
                .clone()
        };
        // The item table: the evidence texts, then every file, a line each, with its session.
        let meetings = item("党组会、局务会专题研究法治建设");
        let lines: Vec<&str> = meetings[6].split('|').collect();
        assert_eq!(
            lines,
            [
                "党组会纪要〔2024〕3号".to_string(),
                "党组会纪要〔2024〕7号".to_string(),
                format!("{files}{PDF}{march}"),
                format!("{files}{JPG}{march}"),
                format!(
                    "{files}IMG_20240510_093015_党组会议现场照片_第二次会议_拍摄于局机关三楼会议室.jpg{may}"
                ),
            ]
        );
        let plan = item("将法治建设纳入年度工作要点");
        assert_eq!(plan[6], format!("政数〔2024〕1号|{files}{PDF}"));
        // The sessions table: each session's own files under its evidence.
        let session = |topic: &str| {
            rows.iter()
                .find(|r| r.len() == 7 && r[3] == topic)
                .unwrap_or_else(|| panic!("{topic} in {rows:?}"))
                .clone()
        };
        assert_eq!(
            session("传达学习习近平法治思想")[6],
            format!("党组会纪要〔2024〕3号|{files}{PDF}|{files}{JPG}")
        );
        assert!(session("研究法治政府建设年度工作")[6].ends_with("拍摄于局机关三楼会议室.jpg"));
        // Without --entries the item table alone, still naming every file.
        let plain = cells(&document(&h, "台账-无明细.docx"));
        let named = plain.iter().flatten().filter(|c| c.contains(JPG)).count();
        assert_eq!(named, 1, "{plain:?}");
    }
}
