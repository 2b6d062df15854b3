//! Benchmark for issue 3: one whole `duty log` process (start, parse the checklist, lock,
//! read the ledger, append and fsync the history, keep the backup, write and fsync the ledger
//! and its directory) against a 10 000-item checklist whose ledger already holds 10 000
//! logged entries. Method and figures: BENCHMARKS.md, "duty log (issue 3)".

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use duty::ledger::{Entry, ItemRecord, Ledger};
use jiff::civil::date;

const ITEMS: usize = 10_000;
const ENTRIES: usize = 10_000;
const YEAR: i16 = 2024;

/// The kind of item `i`: the four kinds in turn, so half the items take logged entries.
fn kind(i: usize) -> &'static str {
    match i % 4 {
        0 => "Task",
        1 => "Count(target: 4)",
        2 => "Rate(target: 100)",
        _ => "Hours(target: 20)",
    }
}

fn item_id(i: usize) -> String {
    format!("item-{i:05}")
}

/// A checklist shaped like a real one (Chinese titles, owners, evidence and report
/// sentences on every item), in sections of 100 items.
fn checklist_ron(items: usize, year: i16) -> String {
    let mut s = format!(
        "(\n  id: \"bench\",\n  title: \"基准测试清单\",\n  organization: \"某市政务服务和数据管理局\",\n  year: {year},\n  sections: [\n"
    );
    for section in 0..items.div_ceil(100) {
        let _ = write!(
            s,
            "    (\n      id: \"section-{section}\",\n      title: \"第{section}类职责\",\n      items: [\n"
        );
        for i in section * 100..((section + 1) * 100).min(items) {
            let _ = write!(
                s,
                "        (\n          id: \"{}\",\n          title: \"第{i}项法治建设职责\",\n          description: \"主要负责人亲自部署、亲自过问的第{i}项工作。\",\n          owner: \"法规科\",\n          kind: {},\n          due: \"12-31\",\n          evidence: \"会议纪要、文号\",\n          report: \"认真落实第{i}项工作\",\n        ),\n",
                item_id(i),
                kind(i)
            );
        }
        s.push_str("      ],\n    ),\n");
    }
    s.push_str("  ],\n)\n");
    s
}

/// A ledger with `entries` entries spread over the counted and hours items.
fn ledger(items: usize, entries: usize, year: i16) -> Ledger {
    let mut ledger = Ledger::new("bench", year);
    let loggable: Vec<usize> = (0..items).filter(|i| i % 4 == 1 || i % 4 == 3).collect();
    let mut records: BTreeMap<String, ItemRecord> = BTreeMap::new();
    for n in 0..entries {
        let i = loggable[n % loggable.len()];
        let day = date(year, 1, 1)
            .checked_add(jiff::Span::new().days((n % 360) as i64))
            .expect("a date in the year");
        records.entry(item_id(i)).or_default().entries.push(Entry {
            id: format!("e{n:05}"),
            date: day,
            topic: format!("学习《中华人民共和国行政复议法》第{n}讲"),
            hours: (i % 4 == 3).then_some(2.0),
            evidence: format!("政数〔{year}〕{n}号"),
            by: "张三".into(),
        });
    }
    ledger.items = records;
    ledger.seq = entries as u64;
    ledger
}

fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent directory")).expect("create dir");
    std::fs::write(path, contents).expect("write fixture");
}

fn duty_log(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let checklist = tmp.path().join("checklist.ron");
    let data = tmp.path().join("data");
    write(&checklist, &checklist_ron(ITEMS, YEAR));
    let fixture = duty::store::LedgerPaths::new(&data, "bench", YEAR);
    write(
        &fixture.ledger,
        &duty::store::serialize_ledger(&ledger(ITEMS, ENTRIES, YEAR)),
    );
    // The binary cargo built for this bench (release profile), never a stale one.
    let bin = env!("CARGO_BIN_EXE_duty");
    let run = || {
        let status = Command::new(bin)
            .args(["--checklist".as_ref(), checklist.as_os_str()])
            .args(["log", "item-00001", "--date", "2024-05-01"])
            .args(["--topic", "会前学法：《优化营商环境条例》"])
            .args(["--evidence", "党组会议纪要〔2024〕5号"])
            .env("DUTY_DATA_DIR", &data)
            .env("DUTY_CONFIG_DIR", tmp.path().join("config"))
            .env("DUTY_TODAY", "2024-06-01")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .status()
            .expect("run duty");
        assert!(status.success(), "duty log failed: {status}");
    };
    run();
    let mut group = c.benchmark_group("duty log");
    group.sample_size(60);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("10k items, 10k entries, whole process", |b| b.iter(run));
    group.finish();
}

criterion_group!(benches, duty_log);
criterion_main!(benches);
