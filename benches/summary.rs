//! `duty summary` on a 10 000-item checklist with 10 000 logged entries, in every format:
//! the library's `report::render_with`, and the whole process (`target/release/duty`), which
//! adds loading the checklist and the ledger. Target: under 100 ms for each text format.
//! Method and figures: BENCHMARKS.md, section "duty summary (issue 5)".
//!
//! And a realistic unit (100 items, 2 000 entries): every document in the library, the
//! .docx among them (targets: the whole `duty summary` under 10 ms, the .docx under 100 ms).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};
use duty::checklist::{Checklist, load};
use duty::i18n::Lang;
use duty::ledger::{Done, Entry, ItemRecord, Ledger, RateRecord};
use duty::report::{Document, Format, Input, Options, Part, render_with};
use jiff::civil::date;

const ITEMS: usize = 10_000;
const ENTRIES: usize = 10_000;
const SECTIONS: usize = 100;

fn checklist_source() -> String {
    checklist_of(ITEMS, SECTIONS)
}

/// A checklist in RON: `sections` sections of the four kinds in turn, each with a template
/// that names the placeholders its kind allows.
fn checklist_of(items: usize, sections: usize) -> String {
    let mut s = String::from(
        "(id: \"bench\", title: \"基准清单\", organization: \"某市某局\", year: 2024, sections: [\n",
    );
    for sec in 0..sections {
        s.push_str(&format!(
            "(id: \"s{sec}\", title: \"第{sec}类职责\", items: [\n"
        ));
        for k in 0..items / sections {
            let n = sec * (items / sections) + k;
            let (kind, report) = match n % 4 {
                0 => ("Task", "于{date}完成第{title}事项"),
                1 => ("Count(target: 3)", "召开专题会议{count}次，学习了{topics}"),
                2 => (
                    "Rate(target: 100)",
                    "审查率达{rate}（{numerator}/{denominator}）",
                ),
                _ => ("Hours(target: 20)", "学法{hours}学时，时间为{dates}"),
            };
            s.push_str(&format!(
                "(id: \"i{n}\", title: \"事项{n}\", owner: \"法规科\", kind: {kind}, due: \"12-31\", \
                 evidence: \"纪要\", report: \"{report}\"),\n"
            ));
        }
        s.push_str("]),\n");
    }
    s.push_str("])\n");
    s
}

fn ledger(c: &Checklist) -> Ledger {
    ledger_of(c, ENTRIES, 2)
}

/// Half the duties done, every rate recorded, `entries` entries spread over the count and
/// hours items (`each` apiece), so that the draft has many clauses and shortfalls.
fn ledger_of(c: &Checklist, entries: usize, each: usize) -> Ledger {
    let mut items = BTreeMap::new();
    let mut left = entries;
    for (n, (_, item)) in c.items().enumerate() {
        let day = date(2024, 1 + (n % 12) as i8, 1 + (n % 28) as i8);
        let mut r = ItemRecord::default();
        match n % 4 {
            0 if n % 8 == 0 => {
                r.done = Some(Done {
                    date: day,
                    evidence: format!("文号{n}"),
                    by: "u".into(),
                })
            }
            0 => {}
            2 => {
                r.rate = Some(RateRecord {
                    numerator: 45 + (n % 2) as u64,
                    denominator: 46,
                    date: day,
                    evidence: String::new(),
                    by: "u".into(),
                })
            }
            _ => {
                for e in 0..each.min(left) {
                    r.entries.push(Entry {
                        id: format!("e{e}").into(),
                        date: day,
                        topic: format!("《学习材料{}》", (n + e) % 50),
                        hours: (n % 4 == 3).then_some(8.0),
                        evidence: "签到表".into(),
                        by: "u".into(),
                        presided: String::new(),
                        attended: String::new(),
                        linked: Vec::new(),
                    });
                }
                left -= r.entries.len();
            }
        }
        if !r.is_empty() {
            items.insert(item.id.clone(), r);
        }
    }
    assert_eq!(left, 0, "all entries placed");
    let mut l = Ledger::new(&c.id, c.year);
    l.items = items;
    l
}

const FORMATS: [(Format, &str); 5] = [
    (Format::Text, "text"),
    (Format::Md, "md"),
    (Format::Csv, "csv"),
    (Format::Json, "json"),
    (Format::Docx, "docx"),
];

fn library(c: &mut Criterion) {
    let checklist = load(checklist_source().as_bytes(), "bench", 2024, Lang::Zh).unwrap();
    let ledger = ledger(&checklist);
    let input = Input {
        checklist: &checklist,
        ledger: &ledger,
        today: date(2025, 1, 15),
        lang: Lang::Zh,
    };
    let mut g = c.benchmark_group("summary_library_10k");
    g.sample_size(20);
    for (format, name) in FORMATS {
        let options = Options {
            entries: true,
            ..Options::default()
        };
        g.bench_function(name, |b| {
            b.iter(|| render_with(Document::Summary, format, black_box(&input), options))
        });
    }
    g.finish();
}

fn process(c: &mut Criterion) {
    process_of(
        c,
        "summary_process_10k",
        checklist_source(),
        ledger,
        &FORMATS,
    );
}

/// The whole `duty summary` for a realistic unit (100 items, 2 000 entries).
fn process_realistic(c: &mut Criterion) {
    let formats = [(Format::Text, "text"), (Format::Docx, "docx")];
    process_of(
        c,
        "summary_process_100",
        checklist_of(100, 10),
        |c| ledger_of(c, 2_000, 40),
        &formats,
    );
}

fn process_of(
    c: &mut Criterion,
    group: &str,
    source: String,
    ledger: impl Fn(&Checklist) -> Ledger,
    formats: &[(Format, &str)],
) {
    let dir = tempfile::tempdir().unwrap();
    let checklist = load(source.as_bytes(), "bench", 2024, Lang::Zh).unwrap();
    let file = dir.path().join("bench.ron");
    std::fs::write(&file, &source).unwrap();
    duty::store::Book::new(&dir.path().join("data"), &checklist.id, 2024)
        .create_with(&ledger(&checklist), jiff::Timestamp::UNIX_EPOCH)
        .unwrap();
    let run = |format: &str, out: &Path| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_duty"));
        cmd.env("DUTY_DATA_DIR", dir.path().join("data"))
            .env("DUTY_CONFIG_DIR", dir.path().join("config"))
            .env("DUTY_TODAY", "2025-01-15")
            .arg("--checklist")
            .arg(&file)
            .args(["summary", "--format", format])
            .stdout(Stdio::null());
        if format == "docx" {
            cmd.arg("--force").arg("--output").arg(out);
        }
        let status = cmd.status().unwrap();
        assert!(status.success(), "duty summary --format {format}");
    };
    let mut g = c.benchmark_group(group);
    g.sample_size(10);
    for &(_, name) in formats {
        let out = dir.path().join("out.docx");
        g.bench_function(name, |b| b.iter(|| run(name, &out)));
    }
    g.finish();
}

/// A realistic unit: 100 items, 2 000 entries (40 a counted or hours item), every document.
fn realistic(c: &mut Criterion) {
    let checklist = load(checklist_of(100, 10).as_bytes(), "bench", 2024, Lang::Zh).unwrap();
    let ledger = ledger_of(&checklist, 2_000, 40);
    let input = Input {
        checklist: &checklist,
        ledger: &ledger,
        today: date(2025, 1, 15),
        lang: Lang::Zh,
    };
    let all = Options {
        part: Part::Both,
        todo: true,
        table: true,
        author: "张三",
        ..Options::default()
    };
    let mut g = c.benchmark_group("summary_library_100");
    g.sample_size(50);
    for (name, doc, format, options) in [
        ("text", Document::Summary, Format::Text, Options::default()),
        ("md", Document::Summary, Format::Md, Options::default()),
        ("json", Document::Summary, Format::Json, Options::default()),
        ("docx", Document::Summary, Format::Docx, Options::default()),
        ("docx_all", Document::Summary, Format::Docx, all),
        (
            "shufa_text",
            Document::Shufa,
            Format::Text,
            Options::default(),
        ),
        (
            "shufa_docx",
            Document::Shufa,
            Format::Docx,
            Options::default(),
        ),
        (
            "ledger_docx",
            Document::Ledger,
            Format::Docx,
            Options::default(),
        ),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| render_with(doc, format, black_box(&input), options))
        });
    }
    g.finish();
}

criterion_group!(benches, realistic, process_realistic, library, process);
criterion_main!(benches);
