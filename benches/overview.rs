//! Benchmarks for the collecting office (`duty overview`): a city of 110 units × 30 items ×
//! 50 sessions (target under 100 ms, whole process), and provinces of 100, 1,000 and 5,000
//! units (5,000 under 2 s with peak memory under 500 MB; cost linear in the number of units),
//! each as the whole process (the release binary, spawned, its output read and dropped) and
//! the library's read-and-collect alone.
//!
//! The data is generated here, deterministically, by `common/city.rs` (the generator the
//! integration tests check the overview against). With `DUTY_BENCH_KEEP=DIR` the cities are
//! written to `DIR/units-N` and kept, to time and measure the binary by hand
//! (`taskset -c 0 hyperfine …`, `/usr/bin/time -v …`; see BENCHMARKS.md).

#[path = "common/city.rs"]
mod city;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use duty::i18n::Lang;
use duty::overview::{Collector, Options};
use duty::store::unit_file;

/// A city of `units` units, 50 sessions each, under `root` (kept there if asked).
fn city(root: &Path, units: usize) -> PathBuf {
    let dir = root.join(format!("units-{units}"));
    if !dir.is_dir() {
        let planned = city::write_city(&dir, units, 50, 11);
        let sessions: usize = planned.iter().map(|p| p.sessions).sum();
        eprintln!(
            "generated {units} units, {} sessions on average, in {}",
            sessions / units.max(1),
            dir.display()
        );
    }
    dir
}

fn overview_process(dir: &Path, format: &str) {
    let status = Command::new(env!("CARGO_BIN_EXE_duty"))
        .args(["overview", &dir.display().to_string(), "-f", format])
        .env("DUTY_TODAY", "2025-11-20")
        .env_remove("DUTY_LANG")
        .stdout(Stdio::null())
        .status()
        .expect("duty runs");
    assert!(status.success());
}

fn collect(dir: &Path) -> usize {
    let mut c = Collector::new(Options {
        today: city::TODAY,
        year: None,
        template: None,
    });
    unit_file::for_each_input(&[dir.to_path_buf()], Lang::Zh, &mut |i| {
        c.add(i.path.display().to_string(), i.outcome)
    });
    c.finish().rows.len()
}

fn bench_overview(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let root = std::env::var_os("DUTY_BENCH_KEEP")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&root).unwrap();

    let city110 = city(&root, 110);
    assert_eq!(collect(&city110), 110);
    let mut g = c.benchmark_group("overview/city");
    g.sample_size(30);
    for format in ["text", "json"] {
        g.bench_function(
            format!("process: 110 units x 30 items x 50 sessions, -f {format}"),
            |b| b.iter(|| overview_process(&city110, format)),
        );
    }
    g.bench_function("library: read and collect 110 units", |b| {
        b.iter(|| black_box(collect(&city110)))
    });
    g.finish();

    let mut g = c.benchmark_group("overview/province");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    for units in [100, 1_000, 5_000] {
        let dir = city(&root, units);
        g.bench_with_input(BenchmarkId::new("process -f json", units), &dir, |b, d| {
            b.iter(|| overview_process(d, "json"))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_overview);
criterion_main!(benches);
