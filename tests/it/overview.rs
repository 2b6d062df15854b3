//! The collecting office: `duty submit` makes one self-contained file per unit, and `duty
//! overview` reads a whole city of them. A generated city of 110 units (varied progress,
//! damaged, duplicated and foreign files among them) is checked row by row against figures
//! worked out from the generator's plan, never from the overview's own code; every bad
//! input of `tests/it/fixtures/overview/` gets its one line, the rest are read; nothing is
//! written into the folder read; the documents in both languages as whole snapshots.

use std::fs;
use std::path::PathBuf;

use serde_json::Value;

use crate::city::{self, Expect, Rng, TEMPLATE_ID, YEAR};
use crate::harness::{Home, LANGS, fixture, tree};

/// The day the city is looked at, as the harness sets it.
pub(crate) const TODAY: &str = "2025-11-20";

pub(crate) fn fixtures() -> PathBuf {
    fixture("overview")
}

/// A unit planned from the city's template changed by `change` (rename, drop, add).
pub(crate) fn planned(
    n: usize,
    name: &str,
    rng: &mut Rng,
    id: &str,
    change: (Option<&str>, Option<&str>, bool),
) -> city::Unit {
    let ron = city::template_ron(name, id, change.0, change.1, change.2);
    city::unit(n, name, &ron, rng, 50)
}

/// What the test expects of one unit's row.
pub(crate) struct Want {
    name: String,
    expect: Option<Expect>,
    /// The file its figures must come from (relative to the city folder).
    file: Option<String>,
    note: &'static str,
}

/// The city of 110 units and what each row must show.
pub(crate) fn city_of_110(home: &Home) -> (PathBuf, Vec<Want>, Vec<(String, &'static str)>) {
    let dir = home.root().join("city");
    let mut wants = Vec::new();
    for p in city::write_city(&dir, 104, 50, 7) {
        let rel = p.path.strip_prefix(&dir).unwrap().display().to_string();
        wants.push(Want {
            name: p.name,
            expect: Some(p.expect),
            file: Some(rel),
            note: "",
        });
    }
    let mut files: Vec<(String, &'static str)> = wants
        .iter()
        .map(|w| (w.file.clone().unwrap(), "used"))
        .collect();
    let mut rng = Rng::new(99);
    let write = |rel: &str, bytes: &[u8]| {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    };
    // 105: sent twice; the later export wins.
    let early = planned(
        105,
        "宜昌市审计局",
        &mut rng,
        TEMPLATE_ID,
        (None, None, false),
    );
    let mut late = planned(
        105,
        "宜昌市审计局",
        &mut rng,
        TEMPLATE_ID,
        (None, None, false),
    );
    late.header.exported_at = city::stamp(86_400);
    write(
        "重复/审计局-第一次.duty.ron",
        city::unit_text(&early).as_bytes(),
    );
    write(
        "重复/审计局-第二次.duty.ron",
        city::unit_text(&late).as_bytes(),
    );
    files.push(("重复/审计局-第一次.duty.ron".into(), "superseded"));
    files.push(("重复/审计局-第二次.duty.ron".into(), "used"));
    wants.push(Want {
        name: "宜昌市审计局".into(),
        expect: Some(late.expect),
        file: Some("重复/审计局-第二次.duty.ron".into()),
        note: "superseded",
    });
    // 106: renamed one item, dropped one, added its own: in the matrix, marked.
    let changed = planned(
        106,
        "宜昌市统计局",
        &mut rng,
        TEMPLATE_ID,
        (Some("c07"), Some("t10"), true),
    );
    write("改动/统计局.duty.ron", city::unit_text(&changed).as_bytes());
    files.push(("改动/统计局.duty.ron".into(), "used"));
    wants.push(Want {
        name: "宜昌市统计局".into(),
        expect: Some(changed.expect),
        file: Some("改动/统计局.duty.ron".into()),
        note: "",
    });
    // 107: on another checklist altogether: its own figures, out of the matrix.
    let other = planned(
        107,
        "宜昌市档案馆",
        &mut rng,
        "archives-2025",
        (None, None, false),
    );
    write("档案馆.duty.ron", city::unit_text(&other).as_bytes());
    files.push(("档案馆.duty.ron".into(), "other-template"));
    wants.push(Want {
        name: "宜昌市档案馆".into(),
        expect: Some(other.expect),
        file: Some("档案馆.duty.ron".into()),
        note: "other-template",
    });
    // 108: altered after export: the figures as the file says, flagged.
    let altered = planned(
        108,
        "宜昌市林业局",
        &mut rng,
        TEMPLATE_ID,
        (None, None, false),
    );
    let text =
        city::unit_text(&altered).replacen("exported_by: \"张三\"", "exported_by: \"李四\"", 1);
    write("林业局.duty.ron", text.as_bytes());
    files.push(("林业局.duty.ron".into(), "checksum-mismatch"));
    wants.push(Want {
        name: "宜昌市林业局".into(),
        expect: Some(altered.expect),
        file: Some("林业局.duty.ron".into()),
        note: "checksum-mismatch",
    });
    // 109: its only file cut off in transit: a row without figures, named from the head.
    let cut = planned(
        109,
        "宜昌市气象局",
        &mut rng,
        TEMPLATE_ID,
        (None, None, false),
    );
    let text = city::unit_text(&cut);
    write("气象局.duty.ron", &text.as_bytes()[..text.len() / 2]);
    files.push(("气象局.duty.ron".into(), "damaged"));
    wants.push(Want {
        name: "宜昌市气象局".into(),
        expect: None,
        file: None,
        note: "damaged",
    });
    // 110: sent only last year's file.
    let mut old = planned(
        110,
        "宜昌市地震局",
        &mut rng,
        TEMPLATE_ID,
        (None, None, false),
    );
    old.header.year = YEAR - 1;
    let text =
        city::unit_text(&old).replace(&format!("year: {YEAR}"), &format!("year: {}", YEAR - 1));
    write("旧/地震局-2024.duty.ron", text.as_bytes());
    files.push(("旧/地震局-2024.duty.ron".into(), "other-year"));
    wants.push(Want {
        name: "宜昌市地震局".into(),
        expect: None,
        file: None,
        note: "other-year",
    });
    // Files that are no unit's: each said, none stops the rest.
    let ledger = duty::store::exported(&duty::ledger::Ledger::new(TEMPLATE_ID, YEAR));
    write("杂项/2025.ron", ledger.as_bytes());
    write("杂项/通知.docx", b"PK\x03\x04\x14\x00binary");
    write("杂项/空.ron", b"");
    write(
        "杂项/清单.ron",
        city::template_ron("x", TEMPLATE_ID, None, None, false).as_bytes(),
    );
    for (f, s) in [
        ("杂项/2025.ron", "not-a-unit-file"),
        ("杂项/通知.docx", "not-a-unit-file"),
        ("杂项/空.ron", "empty"),
        ("杂项/清单.ron", "not-a-unit-file"),
    ] {
        files.push((f.into(), s));
    }
    (dir, wants, files)
}

fn json(home: &Home, args: &[&str]) -> Value {
    let out = home.ok(args);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}:\n{}", out.stdout))
}

#[test]
fn a_city_of_110_units_row_by_row() {
    let home = Home::new().on(TODAY);
    let (dir, wants, files) = city_of_110(&home);
    let before = tree(&dir);
    let doc = json(&home, &["overview", dir.to_str().unwrap(), "-f", "json"]);
    assert_eq!(
        tree(&dir),
        before,
        "the overview wrote into the folder it read"
    );
    assert_eq!(doc["year"], 2025);
    assert_eq!(doc["template"]["id"], TEMPLATE_ID);
    let units = doc["units"].as_array().unwrap();
    assert_eq!(units.len(), wants.len(), "one row per unit, none lost");
    let shown = |p: &str| format!("{}/{p}", dir.display());
    for want in &wants {
        let row = units
            .iter()
            .find(|u| u["name"] == want.name.as_str())
            .unwrap_or_else(|| panic!("{} has no row", want.name));
        match want.expect {
            None => {
                assert!(row["figures"].is_null(), "{}: {row}", want.name);
                assert!(
                    row["notes"][0].as_str().unwrap().contains("请重新报送"),
                    "{row}"
                );
            }
            Some(e) => {
                let f = &row["figures"];
                let got = Expect {
                    items: f["items"].as_u64().unwrap() as u32,
                    complete: f["complete"].as_u64().unwrap() as u32,
                    overdue: f["overdue"].as_u64().unwrap() as u32,
                    behind: f["behind"].as_u64().unwrap() as u32,
                    below: f["below"].as_u64().unwrap() as u32,
                    no_evidence: f["no_evidence"].as_u64().unwrap() as u32,
                };
                assert_eq!(got, e, "{}", want.name);
                assert_eq!(
                    row["score"].as_u64(),
                    Some(u64::from(e.score())),
                    "{}",
                    want.name
                );
                // Windows lists a folder typed with / with \ inside it (W2, docs/PLATFORMS.md).
                if !crate::harness::windows_build() {
                    assert_eq!(
                        row["file"].as_str(),
                        Some(shown(want.file.as_deref().unwrap()).as_str())
                    );
                }
            }
        }
        match want.note {
            "checksum-mismatch" => assert!(row["checksum"]["computed"].is_string(), "{row}"),
            "other-template" => assert_eq!(row["other_template"], "archives-2025"),
            "superseded" => assert_eq!(row["other_files"].as_array().unwrap().len(), 1),
            _ => {}
        }
    }
    // Risk order: rows without figures first, then the score never rises.
    let scores: Vec<Option<u64>> = units.iter().map(|u| u["score"].as_u64()).collect();
    let first_scored = scores.iter().position(Option::is_some).unwrap();
    assert!(scores[..first_scored].iter().all(Option::is_none));
    assert!(
        scores[first_scored..].windows(2).all(|w| w[0] >= w[1]),
        "{scores:?}"
    );
    // Every file listed once, with the status it must have.
    let listed = doc["files"].as_array().unwrap();
    assert_eq!(listed.len(), files.len());
    // Found by path, which Windows prints with \ inside a folder typed with / (W2).
    for (rel, status) in files.iter().filter(|_| !crate::harness::windows_build()) {
        let f = listed
            .iter()
            .find(|f| f["path"] == shown(rel).as_str())
            .unwrap_or_else(|| panic!("{rel} not listed"));
        assert_eq!(f["status"], *status, "{rel}: {f}");
    }
    // The damaged file says where it stops.
    let cut = listed.iter().find(|f| f["status"] == "damaged").unwrap();
    assert!(cut["problem"]["line"].as_u64().unwrap() > 1, "{cut}");
    // The matrix: the template's 30 items × the units on it; the changed unit marked.
    let m = &doc["matrix"];
    assert_eq!(m["items"].as_array().unwrap().len(), 30);
    let cols = m["units"].as_array().unwrap();
    assert_eq!(
        cols.len(),
        107,
        "104 + 审计局 + 统计局 + 林业局 (档案馆 is on another list)"
    );
    let k = cols.iter().position(|u| u == "宜昌市统计局").unwrap();
    let item = |id: &str| {
        m["items"]
            .as_array()
            .unwrap()
            .iter()
            .position(|i| i["id"] == id)
            .unwrap()
    };
    assert_eq!(m["cells"][item("t10")][k], "dropped");
    assert_eq!(m["cells"][item("c07")][k]["renamed"], true);
    assert_eq!(m["added"][k].as_array().unwrap().len(), 1);
    assert!(
        m["left_out"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u == "宜昌市档案馆")
    );
}

#[test]
fn every_bad_input_gets_one_line_and_the_rest_are_read() {
    for lang in LANGS {
        let home = Home::in_lang(lang).on(TODAY);
        let dir = home.copy_fixture("overview/inputs", "work/inputs");
        #[cfg(unix)]
        {
            let fifo = dir.join("管道.ron");
            let ok = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(ok.is_ok_and(|s| s.success()));
            std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("断开的链接.ron")).unwrap();
            std::os::unix::fs::symlink(&dir, dir.join("循环")).unwrap();
        }
        // 200 MB, never read: its size is enough (sparse, so it costs no disk).
        let big = fs::File::create(dir.join("大文件.ron")).unwrap();
        big.set_len(200 * 1024 * 1024).unwrap();
        let before = tree(&dir);
        home.duty(&["overview", "inputs", "--files"]);
        home.duty(&["overview", "inputs"]);
        assert_eq!(tree(&dir), before);
        // Paths under a folder print with \ inside on Windows (W2, docs/PLATFORMS.md).
        if !crate::harness::windows_build() {
            snap!(home);
        }
    }
}

#[test]
fn documents_in_both_languages() {
    for lang in LANGS {
        let home = Home::in_lang(lang).on(TODAY);
        home.copy_fixture("overview/small", "work/small");
        home.duty(&["overview", "small", "--matrix"]);
        home.duty(&[
            "overview",
            "small",
            "--notice",
            "--office",
            "宜昌市委全面依法治市委员会办公室",
            "--deadline",
            "2025-12-15",
        ]);
        home.duty(&["overview", "small", "-f", "md", "--only", "overdue"]);
        home.duty(&["overview", "small", "-f", "csv", "--sort", "name"]);
        home.duty(&["overview", "small", "--find", "司法", "--only", "at-risk"]);
        if !crate::harness::windows_build() {
            snap!(home);
        }
    }
}

#[test]
fn thousands_of_files_in_one_folder_each_in_one_line() {
    let home = Home::in_memory(duty::i18n::Lang::En).on(TODAY);
    let dir = home.work().join("many");
    let units = city::write_city(&dir.join("units"), 5, 50, 3);
    for n in 0..3000 {
        fs::write(dir.join(format!("附件{n:04}.txt")), format!("note {n}")).unwrap();
    }
    let doc = json(&home, &["overview", "many", "-f", "json"]);
    assert_eq!(doc["files"].as_array().unwrap().len(), 3005);
    assert_eq!(doc["units"].as_array().unwrap().len(), units.len());
    let text = home.ok(&["overview", "many", "--files"]).stdout;
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("  not a unit file"))
            .count(),
        3000
    );
}

#[test]
fn the_output_never_lands_in_a_folder_being_read() {
    let home = Home::new().on(TODAY);
    let dir = home.copy_fixture("overview/small", "work/small");
    let before = tree(&dir);
    for target in ["small/汇总.csv", "./small/../small/汇总.md"] {
        let out = home.run(&["overview", "small", "-o", target]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(
            out.stderr.contains("不能写到正在汇总的文件夹"),
            "{}",
            out.stderr
        );
    }
    assert_eq!(tree(&dir), before);
    home.ok(&["overview", "small", "-o", "汇总.xlsx"]);
    let xlsx = fs::read(home.work().join("汇总.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    assert!(strings.contains("宜昌市司法局"), "{strings}");
    for sheet in [
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
    ] {
        assert!(zip.by_name(sheet).is_ok(), "{sheet}");
    }
    let again = home.run(&["overview", "small", "-o", "汇总.xlsx"]);
    assert_eq!(again.code, 4, "never replaced without --force");
    assert_eq!(
        home.run(&["overview", "small", "-f", "xlsx"]).code,
        2,
        "xlsx needs a file"
    );
    assert_eq!(home.run(&["overview", "nowhere"]).code, 2);
}

#[test]
fn submit_writes_one_file_the_overview_reads_back() {
    let home = Home::new().on(TODAY);
    home.write(
        "list.ron",
        city::template_ron("宜昌市司法局", TEMPLATE_ID, None, None, false),
    );
    let list = home.root().join("list.ron");
    let list = list.to_str().unwrap();
    home.ok(&[
        "--checklist",
        list,
        "check",
        "t01",
        "--date",
        "2025-03-01",
        "--evidence",
        "文号",
    ]);
    home.ok(&[
        "--checklist",
        list,
        "log",
        "c07",
        "--date",
        "2025-04-01",
        "--topic",
        "宪法",
    ]);
    home.duty(&["--checklist", list, "submit"]);
    home.duty(&["--checklist", list, "submit"]);
    home.duty(&["submit"]);
    let file = home.work().join("宜昌市司法局-2025.duty.ron");
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("last_change: Some(\"2025-11-20T02:00:00Z\")"),
        "{text}"
    );
    assert!(text.contains("exported_by: \"张三\""));
    // The checksum as the README says to check it with standard tools.
    let body: String = text
        .lines()
        .take_while(|l| !l.starts_with("    sha256: "))
        .map(|l| format!("{l}\n"))
        .collect();
    let sum = sha256_hex(body.as_bytes());
    assert!(text.contains(&format!("sha256: \"{sum}\"")));
    let doc = json(&home, &["overview", file.to_str().unwrap(), "-f", "json"]);
    let row = &doc["units"][0];
    assert_eq!(row["name"], "宜昌市司法局");
    assert_eq!(row["figures"]["complete"], 1);
    assert_eq!(row["checksum"], "valid");
    snap!(home);
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[path = "overview_fixtures.rs"]
mod fixtures;
#[path = "overview_terminal.rs"]
mod terminal;
