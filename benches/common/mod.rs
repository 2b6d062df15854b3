//! What the whole-process benchmarks share: a temporary data directory holding a checklist
//! and its ledger, running the release binary cargo built for the benchmark on it, and the
//! generator of large checklists and ledgers ([`generate`]).

#![allow(dead_code)] // each benchmark uses a part of this

pub mod generate;

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use duty::ledger::Ledger;
use duty::store;

/// The day every benchmark runs on, so pacing and risks do not depend on the calendar.
pub const TODAY: &str = "2024-11-20";

/// `duty` with its data and config in `dir`, on [`TODAY`], in Chinese.
pub fn duty_cmd(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duty"));
    cmd.env("DUTY_DATA_DIR", dir.join("data"))
        .env("DUTY_CONFIG_DIR", dir.join("config"))
        .env("DUTY_TODAY", TODAY)
        .env_remove("DUTY_LANG");
    cmd
}

/// Run `cmd`, which must succeed; its output is read (and dropped) like a reader's would be.
pub fn run_ok(cmd: &mut Command) {
    let out = cmd.output().expect("duty runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    black_box(out.stdout.len());
}

/// Write `checklist` (RON) to `dir/bench.ron` and save `ledger` where `duty` looks for it,
/// the way the store saves it. Returns the checklist's path.
pub fn write_fixture(dir: &Path, checklist: &str, ledger: &Ledger) -> PathBuf {
    let file = dir.join("bench.ron");
    fs::write(&file, checklist).expect("write the checklist");
    save_ledger(&dir.join("data"), ledger);
    file
}

/// Start the book of `ledger` in `data_dir`: a journal holding one checkpoint of it, and
/// its snapshot, as `duty` reads them.
pub fn save_ledger(data_dir: &Path, ledger: &Ledger) {
    store::Book::new(data_dir, &ledger.checklist, ledger.year)
        .create_with(ledger, jiff::Timestamp::UNIX_EPOCH)
        .expect("save the ledger");
}

/// With `DUTY_BENCH_KEEP=DIR`, copy the generated files to `DIR/NAME` to time or profile the
/// binary by hand (see BENCHMARKS.md).
pub fn keep_copy(from: &Path, name: &str) {
    let Some(keep) = std::env::var_os("DUTY_BENCH_KEEP") else {
        return;
    };
    let status = Command::new("cp")
        .arg("-r")
        .arg(from)
        .arg(Path::new(&keep).join(name))
        .status()
        .expect("cp runs");
    assert!(status.success());
}
