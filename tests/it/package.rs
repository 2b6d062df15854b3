//! The inspector's package through the binary: a year's evidence (sessions with minutes and
//! sign-in sheets, a tick with its document, a 120 MB generated scan) packed, then unzipped
//! and checked by Python's zipfile, an independent reader: every non-ASCII name flagged
//! UTF-8, the layout by section and item, each file's hash against the ledger and
//! SHA256SUMS.txt, the index .xlsx read by openpyxl (where installed) and the index .docx;
//! parts of it (`--section`, `--item`, `--owner`), a folder, and refusals.

use std::fs;
use std::io::Read;
use std::process::Command;

use crate::evidence::{JPG, PDF, log, n, place, python, write_generated};
use crate::harness::Home;

/// A home with a year's evidence: sessions with minutes and sign-in sheets, ticks with
/// their documents, and a large generated scan.
pub(crate) fn with_evidence(h: &Home) {
    let pdf = place(h, PDF, PDF);
    let jpg = place(h, JPG, JPG);
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
    log(
        h,
        "center-group",
        "2024-04-10",
        "学习《行政复议法》",
        "中心组学习记录",
    );
    h.ok(&[
        "attach",
        "party-meetings",
        "--entry",
        e1.as_str(),
        n(&pdf),
        n(&jpg),
    ]);
    h.ok(&["attach", "party-meetings", "--entry", e2.as_str(), n(&pdf)]);
    h.ok(&[
        "check",
        "annual-plan",
        "--date",
        "2024-03-20",
        "--evidence",
        "政数〔2024〕1号",
    ]);
    let big = h.work().join("年度工作要点（扫描）.pdf");
    write_generated(&big, 120 * 1024 * 1024);
    h.ok(&["attach", "annual-plan", n(&big)]);
    h.ok(&["attach", "study-hours", "--date", "2024-05-06", n(&jpg)]);
}

/// The package, read by Python's zipfile: every name UTF-8 with the language-encoding flag
/// where it is not ASCII, the layout, each file's hash against the ledger and SHA256SUMS.txt,
/// and the index documents (the xlsx read with openpyxl where installed).
const CHECK_ZIP: &str = r#"
import hashlib, json, sys, zipfile, io
z = zipfile.ZipFile(sys.argv[1])
out = {"names": [], "flags_ok": True, "sums": {}, "hashes": {}, "index_rows": None}
for i in z.infolist():
    out["names"].append(i.filename)
    if any(ord(c) > 127 for c in i.filename) and not (i.flag_bits & 0x800):
        out["flags_ok"] = False
    h = hashlib.sha256()
    with z.open(i) as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    out["hashes"][i.filename] = h.hexdigest()
for line in z.read("SHA256SUMS.txt").decode("utf-8").splitlines():
    digest, name = line.split("  ", 1)
    out["sums"][name] = digest
try:
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(z.read("00 索引.xlsx")))
    out["index_rows"] = {ws.title: [[c for c in r] for r in ws.iter_rows(values_only=True)] for ws in wb}
    for k, rows in out["index_rows"].items():
        out["index_rows"][k] = [[str(c) if c is not None else None for c in r] for r in rows]
except ImportError:
    pass
json.dump(out, sys.stdout, ensure_ascii=False)
"#;

#[test]
fn the_package_opens_in_any_zip_reader_with_its_layout_hashes_and_index() {
    let Some(py) = python() else {
        eprintln!("skipped: no python3");
        return;
    };
    let h = Home::new();
    with_evidence(&h);
    h.duty(&["pack", "-o", "2024佐证材料.zip"]).ok();
    let zip = h.work().join("2024佐证材料.zip");
    let out = Command::new(py)
        .arg("-c")
        .arg(CHECK_ZIP)
        .arg(&zip)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["flags_ok"], true, "every non-ASCII name flagged UTF-8");
    let names: Vec<&str> = got["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec![
            "00 索引.docx",
            "00 索引.xlsx",
            "01 第一责任人职责/01 将法治建设纳入年度工作要点/2024-03-20 年度工作要点（扫描）.pdf",
            "01 第一责任人职责/03 党组会、局务会专题研究法治建设/2024-03-28 传达学习习近平法治思想 - 党组会纪要.pdf",
            "01 第一责任人职责/03 党组会、局务会专题研究法治建设/2024-03-28 传达学习习近平法治思想 - 签到表.jpg",
            "01 第一责任人职责/03 党组会、局务会专题研究法治建设/2024-05-10 研究法治政府建设年度工作.pdf",
            "05 培训/04 主要负责人年度学法学时/2024-05-06 签到表.jpg",
            "SHA256SUMS.txt",
        ]
    );
    let hashes = got["hashes"].as_object().unwrap();
    let sums = got["sums"].as_object().unwrap();
    assert_eq!(
        sums.len(),
        names.len() - 1,
        "every file but the list itself"
    );
    for (name, digest) in sums {
        assert_eq!(hashes[name], *digest, "{name}");
    }
    let ledger = h.ledger(2024);
    let pdf = &ledger.items["party-meetings"].files[0];
    assert_eq!(
        hashes["01 第一责任人职责/03 党组会、局务会专题研究法治建设/2024-03-28 传达学习习近平法治思想 - 党组会纪要.pdf"],
        pdf.sha256.as_str()
    );
    if let Some(index) = got["index_rows"].as_object() {
        let items = index["事项"].as_array().unwrap();
        assert_eq!(items[0][0], "本单位2024年度佐证材料索引（事项）");
        let headings: Vec<&str> = items[1]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(
            headings,
            [
                "序号",
                "类别",
                "工作任务",
                "责任科室",
                "目标",
                "完成情况",
                "文号/佐证材料",
                "文件数",
                "文件夹"
            ]
        );
        assert_eq!(items.len(), 2 + 25, "every item");
        let sessions = index["活动登记"].as_array().unwrap();
        assert_eq!(sessions.len(), 2 + 3, "every logged session");
        assert_eq!(sessions[2][4], "传达学习习近平法治思想");
        assert_eq!(sessions[2][7], "党组会纪要〔2024〕3号");
        let listed = index["文件"].as_array().unwrap();
        assert_eq!(listed.len(), 2 + 5, "every file");
        assert!(listed.iter().skip(2).any(|r| r[7] == pdf.sha256.as_str()));
    }
    // The index .docx names every item, session and hash too.
    let mut z = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
    let mut docx = Vec::new();
    z.by_name("00 索引.docx")
        .unwrap()
        .read_to_end(&mut docx)
        .unwrap();
    let mut d = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    d.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    for needle in [
        "党组会、局务会专题研究法治建设",
        "研究法治政府建设年度工作",
        pdf.sha256.as_str(),
        "<w:tblHeader/>",
    ] {
        assert!(xml.contains(needle), "{needle}");
    }
    // Parts, and a folder.
    h.duty(&[
        "pack",
        "-o",
        "学法.zip",
        "--section",
        "study",
        "--item",
        "center-group",
    ])
    .ok();
    h.duty(&["pack", "-o", "办公室", "--owner", "办公室"]).ok();
    assert!(
        h.work()
            .join("办公室/01 第一责任人职责/03 党组会、局务会专题研究法治建设")
            .is_dir()
    );
    h.duty(&["pack", "-o", "x.zip", "--owner", "不存在的科室"])
        .code(2);
    h.duty(&["pack", "-o", "2024佐证材料.zip"]).code(5);
    crate::snap!(h);
}
