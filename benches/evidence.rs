//! Evidence files, as whole processes of the release binary (method and figures:
//! BENCHMARKS.md, "Evidence files and spreadsheets"):
//!
//! * `duty attach` of a 100 MB file (hashed while copied, synced, renamed, referred to):
//!   target under 1 s;
//! * `duty pack` of 500 files, 1 GB in all, into a zip: peak memory under 64 MB (streamed
//!   from the store through the hash check);
//! * `duty ledger -f xlsx` for 100 items and 2,000 sessions: target under 200 ms.
//!
//! Each is run several times; the median, the fastest and the slowest are printed, and the
//! peak resident memory as `/usr/bin/time` measures it, where it is installed. A harness of
//! its own (not criterion): a gigabyte per sample is too slow for criterion's sampling, and
//! what matters here is the whole process and its peak memory.
//!
//! `cargo bench --bench evidence` runs all three; `-- attach`, `-- pack` or `-- xlsx` one.

use std::fs;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use duty::ledger::{Entry, ItemRecord, Ledger};
use duty::store::Book;

const TODAY: &str = "2024-11-20";

fn duty(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_duty"));
    cmd.env("DUTY_DATA_DIR", dir.join("data"))
        .env("DUTY_CONFIG_DIR", dir.join("config"))
        .env("DUTY_TODAY", TODAY)
        .env_remove("DUTY_LANG")
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// Run `cmd` (which must succeed): its wall time, and its peak resident memory in KiB when
/// `/usr/bin/time` is there to measure it.
fn measure(cmd: &mut Command) -> (Duration, Option<u64>) {
    let gnu_time = Path::new("/usr/bin/time").exists();
    let report = tempfile::NamedTempFile::new().unwrap();
    let mut run = if gnu_time {
        let mut wrapped = Command::new("/usr/bin/time");
        wrapped
            .arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(report.path())
            .arg(cmd.get_program())
            .args(cmd.get_args())
            .envs(cmd.get_envs().filter_map(|(k, v)| v.map(|v| (k, v))))
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in cmd.get_envs() {
            if v.is_none() {
                wrapped.env_remove(k);
            }
        }
        if let Some(dir) = cmd.get_current_dir() {
            wrapped.current_dir(dir);
        }
        wrapped
    } else {
        std::mem::replace(cmd, Command::new("true"))
    };
    let start = Instant::now();
    let out = run.output().expect("duty runs");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kib = fs::read_to_string(report.path())
        .ok()
        .and_then(|s| s.trim().lines().last().and_then(|l| l.trim().parse().ok()));
    (took, kib)
}

fn report(name: &str, target: &str, runs: &mut [(Duration, Option<u64>)]) {
    runs.sort_by_key(|r| r.0);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(runs[runs.len() / 2].0);
    let peak = runs.iter().filter_map(|r| r.1).max();
    println!(
        "{name}: median {median:.1} ms, fastest {:.1} ms, slowest {:.1} ms over {} runs{}; target {target}",
        ms(runs[0].0),
        ms(runs[runs.len() - 1].0),
        runs.len(),
        peak.map_or(String::new(), |k| format!(
            ", peak memory {:.1} MB",
            k as f64 / 1024.0
        )),
    );
}

/// `len` bytes that do not compress (a scan or a photo is already compressed).
fn generated(path: &Path, len: usize, seed: u64) {
    let mut f = std::io::BufWriter::with_capacity(1 << 20, fs::File::create(path).unwrap());
    let mut x = seed
        .wrapping_mul(2)
        .wrapping_add(1)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut buf = vec![0u8; 1 << 20];
    let mut left = len;
    while left > 0 {
        for chunk in buf.chunks_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
        }
        let n = left.min(buf.len());
        f.write_all(&buf[..n]).unwrap();
        left -= n;
    }
    f.flush().unwrap();
}

const SECTIONS: [&str; 5] = ["第一责任人职责", "依法决策", "学法", "培训", "普法"];
const OWNERS: [&str; 4] = ["办公室", "法规科", "人事科", "政务服务科"];

/// A checklist of `items` counted items (Chinese titles, owners, evidence to keep) in five
/// sections, as RON.
fn checklist(items: usize) -> String {
    let mut s = String::from(
        "(id: \"bench\", title: \"党政主要负责人履行推进法治建设第一责任人职责清单\", organization: \"某市政务服务和数据管理局\", year: 2024, sections: [\n",
    );
    let per = items.div_ceil(SECTIONS.len());
    for (si, title) in SECTIONS.iter().enumerate() {
        s.push_str(&format!("(id: \"s{si}\", title: \"{title}\", items: [\n"));
        for i in si * per..((si + 1) * per).min(items) {
            s.push_str(&format!(
                "(id: \"item-{}\", title: \"党组会专题研究法治建设工作（第{}项）\", owner: \"{}\", kind: Count(target: 20), due: \"12-31\", evidence: \"会议纪要、签到表\"),\n",
                i + 1,
                i + 1,
                OWNERS[i % OWNERS.len()]
            ));
        }
        s.push_str("]),\n");
    }
    s.push_str("])\n");
    s
}

/// A data directory with that checklist and `entries` sessions spread over its items.
fn fixture(dir: &Path, items: usize, entries: usize) -> PathBuf {
    let file = dir.join("bench.ron");
    fs::write(&file, checklist(items)).unwrap();
    let mut ledger = Ledger::new("bench", 2024);
    for n in 0..entries {
        let record: &mut ItemRecord = ledger
            .items
            .entry(format!("item-{}", n % items + 1))
            .or_default();
        let day = jiff::civil::date(2024, 1, 1)
            .checked_add(jiff::Span::new().days((n % 300) as i64))
            .unwrap();
        // Through serde, so that fields added to entries later take their defaults.
        let entry: Entry = serde_json::from_value(serde_json::json!({
            "id": format!("e{n:05}"),
            "date": day.to_string(),
            "topic": format!("学习《中华人民共和国行政复议法》第{n}次专题研讨"),
            "evidence": format!("党组会议纪要〔2024〕{n}号"),
            "by": "张三",
        }))
        .unwrap();
        record.entries.push(entry);
    }
    Book::new(&dir.join("data"), &ledger.checklist, ledger.year)
        .create_with(&ledger, jiff::Timestamp::UNIX_EPOCH)
        .unwrap();
    file
}

fn attach(dir: &Path) {
    let checklist = fixture(dir, 100, 0);
    let scan = dir.join("年度工作要点（扫描件）.pdf");
    generated(&scan, 100 * 1024 * 1024, 7);
    let mut runs = Vec::new();
    for i in 0..7u64 {
        // Different bytes each time (a new file to store), the store emptied, the ledger
        // reference taken off, so that every run stores and refers to a new 100 MB file.
        let mut f = fs::OpenOptions::new().write(true).open(&scan).unwrap();
        f.seek(SeekFrom::Start(0)).unwrap();
        f.write_all(&i.to_le_bytes()).unwrap();
        f.sync_all().unwrap();
        drop(f);
        let _ = fs::remove_dir_all(dir.join("data/evidence"));
        let mut cmd = duty(dir);
        cmd.arg("--checklist")
            .arg(&checklist)
            .arg("attach")
            .arg("item-1")
            .arg(&scan);
        let run = measure(&mut cmd);
        if i > 0 {
            runs.push(run); // the first warms the page cache, as a scan just saved would be
        }
        let mut detach = duty(dir);
        detach
            .arg("--checklist")
            .arg(&checklist)
            .args(["detach", "item-1", "1"]);
        measure(&mut detach);
    }
    report("duty attach, 100 MB file", "under 1 s", &mut runs);
}

fn pack(dir: &Path) {
    let checklist = fixture(dir, 100, 0);
    let files = dir.join("files");
    fs::create_dir_all(&files).unwrap();
    // 500 files of 2 MiB: five per item.
    for item in 0..100 {
        let mut cmd = duty(dir);
        cmd.arg("--checklist")
            .arg(&checklist)
            .arg("attach")
            .arg(format!("item-{}", item + 1));
        for k in 0..5 {
            let p = files.join(format!("第{item}项佐证材料{k}.pdf"));
            generated(&p, 2 * 1024 * 1024, (item * 5 + k + 1) as u64);
            cmd.arg(&p);
        }
        measure(&mut cmd);
    }
    let mut runs = Vec::new();
    for i in 0..3 {
        let out = dir.join(format!("2024佐证材料{i}.zip"));
        let mut cmd = duty(dir);
        cmd.arg("--checklist")
            .arg(&checklist)
            .arg("pack")
            .arg("-o")
            .arg(&out);
        runs.push(measure(&mut cmd));
        let size = fs::metadata(&out).unwrap().len();
        assert!(size > 1024 * 1024 * 1000, "the whole gigabyte: {size}");
        fs::remove_file(&out).unwrap();
    }
    report(
        "duty pack, 500 files, 1 GB",
        "peak memory under 64 MB",
        &mut runs,
    );
}

fn xlsx(dir: &Path) {
    let checklist = fixture(dir, 100, 2_000);
    let mut runs = Vec::new();
    for i in 0..16 {
        let out = dir.join(format!("台账{i}.xlsx"));
        let mut cmd = duty(dir);
        cmd.arg("--checklist")
            .arg(&checklist)
            .args(["ledger", "-f", "xlsx", "-o"])
            .arg(&out);
        let run = measure(&mut cmd);
        if i > 0 {
            runs.push(run);
        }
        fs::remove_file(&out).unwrap();
    }
    report(
        "duty ledger -f xlsx, 100 items, 2,000 sessions",
        "under 200 ms",
        &mut runs,
    );
}

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let on = |name: &str| wanted.is_empty() || wanted.iter().any(|w| name.contains(w.as_str()));
    // Under the target directory, on the project's disk (a tmpfs /tmp would measure memory).
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    for (name, bench) in [
        ("attach", attach as fn(&Path)),
        ("pack", pack),
        ("xlsx", xlsx),
    ] {
        if on(name) {
            let dir = tempfile::tempdir_in(&base).unwrap();
            bench(dir.path());
        }
    }
}
