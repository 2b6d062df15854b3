//! Benchmarks for issue 6: `duty review` on a 10,000-item checklist with 10,000 entries
//! (target under 50 ms) and a roll-up of 20 ledgers of 1,000 items each (target under 200 ms),
//! both as library calls and as the whole process (the release binary, spawned).
//!
//! The data is generated here, deterministically: a checklist written as RON and loaded the
//! way `duty` loads it, ledgers built as structs and saved the way the store saves them.

use std::fmt::Write as _;
mod common;

use std::fs;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::{Date, date};

use duty::checklist::{self, Checklist, Kind};
use duty::i18n::Lang;
use duty::ledger::{Done, Entry, ItemRecord, Ledger, RateRecord};
use duty::review::{self, rollup};
use duty::store;

/// A checklist of `n` items in sections of 100: a quarter duties, a third counted, the rest
/// rates and hours, with due dates spread over the year and some in the next year's Q1.
fn checklist_ron(id: &str, n: usize) -> String {
    let mut s = format!(
        "(id: \"{id}\", title: \"基准清单\", organization: \"基准局\", year: 2024, sections: ["
    );
    for sec in 0..n.div_ceil(100) {
        write!(s, "(id: \"s{sec}\", title: \"栏目{sec}\", items: [").unwrap();
        for i in sec * 100..((sec + 1) * 100).min(n) {
            let kind = match i % 12 {
                0..=2 => "Task".to_string(),
                3..=6 => format!("Count(target: {})", 2 + i % 11),
                7 | 8 => "Rate(target: 100)".to_string(),
                _ => format!("Hours(target: {})", 10 + i % 30),
            };
            let due = match i % 10 {
                0 => "next-03-01".to_string(),
                k => format!("{:02}-28", k + 2),
            };
            write!(
                s,
                "(id: \"item-{i}\", title: \"事项{i} 学法与依法决策\", owner: \"科室{}\", kind: {kind}, due: \"{due}\", evidence: \"纪要\"),",
                i % 7
            )
            .unwrap();
        }
        s.push_str("]),");
    }
    s.push_str("])");
    s
}

fn day(k: usize) -> Date {
    date(2024, 1, 1)
        .checked_add(jiff::Span::new().days((k % 320) as i64))
        .unwrap()
}

/// A ledger with `entries` entries spread over the counted and hours items, about half of
/// the duties done (some without evidence) and most rates recorded; `salt` varies who and
/// which entries, so ledgers of different 科室 overlap only in part.
fn ledger(c: &Checklist, entries: usize, salt: usize) -> Ledger {
    let mut l = Ledger::new(&c.id, c.year);
    let loggable: Vec<&str> = c
        .items()
        .filter(|(_, i)| matches!(i.kind, Kind::Count { .. } | Kind::Hours { .. }))
        .map(|(_, i)| i.id.as_str())
        .collect();
    for (n, (_, item)) in c.items().enumerate() {
        let mut r = ItemRecord::default();
        match item.kind {
            checklist::Kind::Task if (n + salt).is_multiple_of(2) => {
                r.done = Some(Done {
                    date: day(n),
                    evidence: if n % 3 == 0 {
                        String::new()
                    } else {
                        format!("文号{n}")
                    },
                    by: format!("user{salt}"),
                });
            }
            checklist::Kind::Rate { .. } if !(n + salt).is_multiple_of(5) => {
                r.rate = Some(RateRecord {
                    numerator: 40 + (n % 7) as u64,
                    denominator: 46,
                    date: day(n + salt),
                    evidence: String::new(),
                    by: format!("user{salt}"),
                });
            }
            _ => {}
        }
        if r.is_empty() && salt > 0 {
            // Roll-up ledgers carry a record for every item (a 科室's working note).
            r.note = format!("科室{salt}跟进中");
        }
        if !r.is_empty() {
            l.items.insert(item.id.clone(), r);
        }
    }
    for k in 0..entries {
        // Every third entry is shared between ledgers (same id), the rest are their own.
        let shared = k % 3 == 0;
        let key = if shared { k } else { k * 31 + salt };
        let item = loggable[key % loggable.len()];
        let hours = c
            .item(item)
            .is_some_and(|i| matches!(i.kind, checklist::Kind::Hours { .. }))
            .then_some(2.0);
        l.items
            .entry(item.to_string())
            .or_default()
            .entries
            .push(Entry {
                id: format!("e{key:07}").into(),
                date: day(key),
                topic: format!("专题学习第{key}次"),
                hours,
                evidence: Default::default(),
                by: format!("user{salt}").into(),
                presided: String::new(),
                attended: String::new(),
                linked: Vec::new(),
            });
    }
    for r in l.items.values_mut() {
        r.entries.sort_by_key(|e| e.date);
    }
    l
}

fn load(ron: &str) -> Checklist {
    checklist::load(ron.as_bytes(), "bench", 2024, Lang::Zh)
        .expect("the generated checklist is valid")
}

fn bench_review(c: &mut Criterion) {
    let ron = checklist_ron("bench-review", 10_000);
    let list = load(&ron);
    let l = ledger(&list, 10_000, 0);
    let today = date(2024, 11, 20);
    let risks = review::review(&list, &l, today);
    assert!(risks.len() > 1_000, "the generator puts plenty at risk");

    c.bench_function(
        "review/library: review+deadlines+monthly, 10k items, 10k entries",
        |b| {
            b.iter(|| {
                let risks = review::review(black_box(&list), black_box(&l), today);
                let deadlines = review::next_year_deadlines(&list, &l, today);
                let chart = review::chart(&review::monthly(&list, &l), Lang::Zh);
                black_box((risks.len(), deadlines.len(), chart.len()))
            })
        },
    );

    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bench.ron");
    fs::write(&file, &ron).unwrap();
    let book = store::Book::new(&tmp.path().join("data"), &list.id, 2024);
    book.create_with(&l, jiff::Timestamp::UNIX_EPOCH).unwrap();
    let paths = &book.paths;
    common::keep_copy(tmp.path(), "review");
    // Where the process's time goes besides the review itself (code other areas own).
    c.bench_function("review/breakdown: load the 10k-item checklist", |b| {
        b.iter(|| black_box(load(black_box(&ron)).item_count()))
    });
    c.bench_function(
        "review/breakdown: read the 10k-entry ledger (cached)",
        |b| b.iter(|| black_box(book.open().unwrap().ledger.items.len())),
    );
    // What one parse of the ledger file costs (read through the store's reader of ledger
    // files, which also checks the records against the checklist):
    c.bench_function(
        "review/breakdown: one RON parse of the 10k-entry ledger",
        |b| {
            b.iter(|| {
                black_box(
                    store::read_foreign(black_box(&paths.ledger), &list)
                        .unwrap()
                        .items
                        .len(),
                )
            })
        },
    );
    c.bench_function("review/process: duty review, 10k items, 10k entries", |b| {
        b.iter(|| {
            common::run_ok(
                common::duty_cmd(tmp.path())
                    .arg("--checklist")
                    .arg(&file)
                    .arg("review"),
            )
        })
    });
}

fn bench_rollup(c: &mut Criterion) {
    let ron = checklist_ron("bench-rollup", 1_000);
    let list = load(&ron);
    // 20 ledgers with a record for nearly every one of the 1,000 items.
    let ledgers: Vec<Ledger> = (1..=20).map(|salt| ledger(&list, 1_500, salt)).collect();
    assert!(ledgers.iter().all(|l| l.items.len() == 1_000));

    c.bench_function("rollup/library: combine 20 ledgers x 1k items", |b| {
        b.iter(|| {
            let (l, conflicts) = rollup::combine(black_box(&list), black_box(&ledgers));
            black_box((l.items.len(), conflicts.len()))
        })
    });

    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bench.ron");
    fs::write(&file, &ron).unwrap();
    let dir = tmp.path().join("ledgers");
    fs::create_dir_all(&dir).unwrap();
    for (i, l) in ledgers.iter().enumerate() {
        fs::write(dir.join(format!("ks{i:02}.ron")), store::exported(l)).unwrap();
    }
    common::keep_copy(tmp.path(), "rollup");
    c.bench_function(
        "rollup/process: duty review --ledger DIR (20 x 1k items)",
        |b| {
            b.iter(|| {
                common::run_ok(
                    common::duty_cmd(tmp.path())
                        .arg("--checklist")
                        .arg(&file)
                        .arg("review")
                        .arg("--ledger")
                        .arg(&dir),
                )
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_review, bench_rollup
}
criterion_main!(benches);
