//! Timing whole processes the way the project's rule asks: release binaries, pinned to one
//! core, two programs interleaved round by round, medians with a spread, and the ratio.

use std::fmt::Write as _;
use std::fs;
use std::hint::black_box;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Pin this process (every thread) to CPU 0 with `taskset`; every child it starts afterwards
/// inherits the mask, so each measured process runs as under `taskset -c 0` without
/// `taskset`'s own exec in the timed region. Checked through a child's
/// `/proc/self/status`.
pub fn pin_to_cpu0() {
    let pid = std::process::id().to_string();
    let status = Command::new("taskset")
        .args(["-a", "-p", "-c", "0", &pid])
        .stdout(Stdio::null())
        .status()
        .expect("taskset runs (util-linux)");
    assert!(status.success(), "taskset -a -p -c 0 {pid} failed");
    let out = Command::new("grep")
        .args(["Cpus_allowed_list", "/proc/self/status"])
        .output()
        .expect("grep runs");
    let line = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        line.split_whitespace().nth(1),
        Some("0"),
        "children run on CPU 0 only: {line}"
    );
}

/// Run `cmd` to the end, its output read (and dropped) as a reader's terminal would; the
/// wall time from spawn to exit in milliseconds. Panics if it fails.
pub fn time_ms(cmd: &mut Command) -> f64 {
    cmd.stdin(Stdio::null());
    let start = Instant::now();
    let out = cmd.output().expect("the command starts");
    let ms = start.elapsed().as_secs_f64() * 1e3;
    assert!(
        out.status.success(),
        "{:?} failed ({}):\n{}{}",
        cmd,
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    black_box((out.stdout.len(), out.stderr.len()));
    ms
}

/// Run `cmd` (untimed), which must succeed; its stdout.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .expect("the command starts");
    assert!(
        out.status.success(),
        "{:?} failed ({}):\n{}{}",
        cmd,
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Median, minimum and 90th percentile of a sample, in milliseconds.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    pub median: f64,
    pub min: f64,
    pub p90: f64,
}

fn sorted(samples: &[f64]) -> Vec<f64> {
    let mut s = samples.to_vec();
    s.sort_by(f64::total_cmp);
    s
}

fn median_of_sorted(s: &[f64]) -> f64 {
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

pub fn median(samples: &[f64]) -> f64 {
    median_of_sorted(&sorted(samples))
}

impl Stats {
    pub fn of(samples: &[f64]) -> Stats {
        assert!(!samples.is_empty());
        let s = sorted(samples);
        // Nearest rank.
        let p90 = s[((s.len() * 9).div_ceil(10)).max(1) - 1];
        Stats {
            median: median_of_sorted(&s),
            min: s[0],
            p90,
        }
    }

    /// `12.3 ms [11.9–13.0]` (median [min–p90]).
    pub fn show(&self) -> String {
        format!(
            "{} [{}–{}]",
            ms(self.median),
            ms_bare(self.min),
            ms_bare(self.p90)
        )
    }
}

/// Milliseconds with three significant figures or so.
pub fn ms(v: f64) -> String {
    format!("{} ms", ms_bare(v))
}

fn ms_bare(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// The ratio `slow/fast` of the medians, with a 95 % percentile-bootstrap interval
/// (each sample resampled with replacement, 2,000 times, a fixed seed).
pub fn ratio(fast: &[f64], slow: &[f64]) -> (f64, f64, f64) {
    let point = median(slow) / median(fast);
    let mut rng = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |n: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % n as u64) as usize
    };
    let mut ratios = Vec::with_capacity(2000);
    let mut a = vec![0.0; fast.len()];
    let mut b = vec![0.0; slow.len()];
    for _ in 0..2000 {
        for x in a.iter_mut() {
            *x = fast[next(fast.len())];
        }
        for x in b.iter_mut() {
            *x = slow[next(slow.len())];
        }
        ratios.push(median(&b) / median(&a));
    }
    ratios.sort_by(f64::total_cmp);
    (point, ratios[50], ratios[1949])
}

/// Interleave two measurements: `warmup` untimed rounds of each, then `rounds` rounds of
/// A and B, the order swapped every round (A B, B A, …) so that neither always runs right
/// after the other. Each closure does its own untimed preparation and returns the timed ms.
pub fn interleave(
    rounds: usize,
    warmup: usize,
    a: impl FnMut() -> f64,
    b: impl FnMut() -> f64,
) -> (Vec<f64>, Vec<f64>) {
    let mut runs: [Box<dyn FnMut() -> f64 + '_>; 2] = [Box::new(a), Box::new(b)];
    let mut all = interleave_all(rounds, warmup, &mut runs);
    let b = all.pop().expect("two");
    let a = all.pop().expect("two");
    (a, b)
}

/// [`interleave`] for any number of measurements: each round runs every one once, starting
/// one further along each round (A B C, B C A, C A B, …).
pub fn interleave_all(
    rounds: usize,
    warmup: usize,
    runs: &mut [Box<dyn FnMut() -> f64 + '_>],
) -> Vec<Vec<f64>> {
    let n = runs.len();
    for _ in 0..warmup {
        for run in runs.iter_mut() {
            run();
        }
    }
    let mut out = vec![Vec::with_capacity(rounds); n];
    for round in 0..rounds {
        for k in 0..n {
            let i = (round + k) % n;
            out[i].push(runs[i]());
        }
    }
    out
}

/// Put back `work` as a copy of `pristine` and flush it to disk, so that an fsync in the
/// measured command pays for its own writes only (not for the copy's).
pub fn restore(pristine: &Path, work: &Path) {
    if work.exists() {
        fs::remove_dir_all(work).expect("remove the used copy");
    }
    copy_dir(pristine, work);
    sync_fs(work);
}

/// A recursive copy of regular files and directories.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create a directory");
    for entry in fs::read_dir(from).expect("read a directory") {
        let entry = entry.expect("a directory entry");
        let target = to.join(entry.file_name());
        let kind = entry.file_type().expect("file type");
        if kind.is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// `sync -f PATH`: syncfs(2) on the filesystem holding PATH.
pub fn sync_fs(path: &Path) {
    let status = Command::new("sync")
        .arg("-f")
        .arg(path)
        .status()
        .expect("sync runs");
    assert!(status.success());
}

/// Every regular file under `dir` (relative name, bytes), and the total with hard links
/// counted once (what the files take, apparent size).
pub fn files_under(dir: &Path) -> (Vec<(String, u64)>, u64) {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, u64, u64)>) {
        for entry in fs::read_dir(dir).expect("read a directory") {
            let entry = entry.expect("a directory entry");
            let meta = entry.metadata().expect("metadata");
            if meta.is_dir() {
                walk(base, &entry.path(), out);
            } else if meta.is_file() {
                let name = entry
                    .path()
                    .strip_prefix(base)
                    .expect("under base")
                    .display()
                    .to_string();
                out.push((name, meta.len(), meta.ino()));
            }
        }
    }
    let mut all = Vec::new();
    walk(dir, dir, &mut all);
    all.sort();
    let mut inodes: Vec<(u64, u64)> = all.iter().map(|(_, len, ino)| (*ino, *len)).collect();
    inodes.sort_unstable();
    inodes.dedup_by_key(|(ino, _)| *ino);
    let total = inodes.iter().map(|(_, len)| len).sum();
    (
        all.into_iter().map(|(name, len, _)| (name, len)).collect(),
        total,
    )
}

/// Bytes as `1.23 GB` (10⁹), `1.23 MB` (10⁶) or `456 kB`.
pub fn bytes(n: u64) -> String {
    if n >= 1_000_000_000 {
        format!("{:.2} GB", n as f64 / 1e9)
    } else if n >= 1_000_000 {
        format!("{:.2} MB", n as f64 / 1e6)
    } else if n >= 1_000 {
        format!("{:.0} kB", n as f64 / 1e3)
    } else {
        format!("{n} B")
    }
}

/// A results table, printed aligned and written as markdown.
#[derive(Debug, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        assert_eq!(cells.len(), self.header.len());
        self.rows.push(cells);
    }

    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "| {} |", self.header.join(" | "));
        let _ = writeln!(
            out,
            "|{}",
            self.header.iter().map(|_| "---|").collect::<String>()
        );
        for row in &self.rows {
            let _ = writeln!(out, "| {} |", row.join(" | "));
        }
        out
    }

    /// Columns padded by characters (the cells are ASCII but for `×`, `–` and `≥`).
    pub fn plain(&self) -> String {
        let width = |s: &str| s.chars().count();
        let mut widths: Vec<usize> = self.header.iter().map(|h| width(h)).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell));
            }
        }
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
                if i > 0 {
                    out.push_str("  ");
                }
                out.push_str(cell);
                out.extend(std::iter::repeat_n(' ', w - width(cell)));
            }
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            out.push('\n');
        };
        line(&self.header, &mut out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&rule, &mut out);
        for row in &self.rows {
            line(row, &mut out);
        }
        out
    }
}
