//! `duty status` on a 10,000-item checklist: load + validate + compute status, and the text
//! and JSON output, as library calls. The whole-process figure is in BENCHMARKS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;

use duty::checklist::{generate::generate_checklist, load};
use duty::i18n::Lang;
use duty::ledger::Ledger;
use duty::progress::status;

fn bench(c: &mut Criterion) {
    let text = generate_checklist(10_000, 2024);
    let today = date(2024, 11, 20);
    c.bench_function("load+validate 10k items", |b| {
        b.iter(|| load(text.as_bytes(), "bench.ron", 2024, Lang::Zh).unwrap())
    });
    let checklist = load(text.as_bytes(), "bench.ron", 2024, Lang::Zh).unwrap();
    let ledger = Ledger::new(&checklist.id, 2024);
    c.bench_function("status 10k items", |b| {
        b.iter(|| status(&checklist, &ledger, today).done)
    });
    c.bench_function("load+validate+status 10k items", |b| {
        b.iter(|| {
            let checklist = load(text.as_bytes(), "bench.ron", 2024, Lang::Zh).unwrap();
            status(&checklist, &ledger, today).done
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
