//! Issue 3: one whole `duty log` process (start, load the checklist, lock, check the ledger is
//! unchanged, append and fsync the history, keep the backup, write and fsync the ledger and
//! its directory) against a 10,000-item checklist whose ledger already holds 10,000 logged
//! entries; target under 30 ms median. Method and figures: BENCHMARKS.md, "duty log".

mod common;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use common::generate::{generate_checklist, generate_ledger};
use duty::checklist::load;
use duty::i18n::Lang;

fn duty_log(c: &mut Criterion) {
    let text = generate_checklist(10_000, 2024);
    let checklist = load(text.as_bytes(), "bench.ron", 2024, Lang::Zh).unwrap();
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = common::write_fixture(tmp.path(), &text, &generate_ledger(&checklist, 10_000));
    common::keep_copy(tmp.path(), "log");
    let run = || {
        common::run_ok(
            common::duty_cmd(tmp.path())
                .arg("--checklist")
                .arg(&file)
                .args(["log", "item-1", "--date", "2024-05-01"])
                .args(["--topic", "会前学法：《优化营商环境条例》"])
                .args(["--evidence", "党组会议纪要〔2024〕5号"]),
        )
    };
    // The first run keeps the checklist in the cache, as any earlier command would have.
    run();
    let mut group = c.benchmark_group("duty log");
    group.sample_size(60);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("10k items, 10k entries, whole process", |b| b.iter(run));
    group.finish();
}

criterion_group!(benches, duty_log);
criterion_main!(benches);
