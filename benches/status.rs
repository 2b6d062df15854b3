//! Issue 2: `duty status` on a 10,000-item checklist with 10,000 logged entries, target under
//! 50 ms for the whole process. Measured as the release binary (spawned, caches warm, as every
//! run after the first finds them), and, to show where the time goes, as library calls:
//! loading without the cache, computing the status. Method and figures: BENCHMARKS.md.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;

use common::generate::{generate_checklist, generate_ledger};
use duty::checklist::load;
use duty::i18n::Lang;
use duty::progress::status;

fn bench(c: &mut Criterion) {
    let text = generate_checklist(10_000, 2024);
    let today = date(2024, 11, 20);
    let checklist = load(text.as_bytes(), "bench.ron", 2024, Lang::Zh).unwrap();
    let ledger = generate_ledger(&checklist, 10_000);

    let tmp = tempfile::tempdir().unwrap();
    let file = common::write_fixture(tmp.path(), &text, &ledger);
    common::keep_copy(tmp.path(), "status");
    let status_cmd = || {
        let mut cmd = common::duty_cmd(tmp.path());
        cmd.arg("--checklist").arg(&file).arg("status");
        cmd
    };
    // The first run parses and validates the checklist and keeps it in the cache.
    common::run_ok(&mut status_cmd());
    c.bench_function("status/process: duty status, 10k items, 10k entries", |b| {
        b.iter(|| common::run_ok(&mut status_cmd()))
    });
    c.bench_function(
        "status/process: duty status --json, 10k items, 10k entries",
        |b| b.iter(|| common::run_ok(status_cmd().arg("--json"))),
    );

    c.bench_function("status/library: parse+validate 10k items (no cache)", |b| {
        b.iter(|| load(text.as_bytes(), "bench.ron", 2024, Lang::Zh).unwrap())
    });
    c.bench_function("status/library: status of 10k items, 10k entries", |b| {
        b.iter(|| status(&checklist, &ledger, today).done)
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
