//! `duty` against Taskwarrior 2.6 on the same data, whole processes, release build, pinned to
//! one core, interleaved in one run; reports each side's median and spread and the ratio.
//!
//! ```sh
//! cargo bench --bench vs_taskwarrior                    # the two comparisons (~30 s)
//! DUTY_BENCH_LONG=1 cargo bench --bench vs_taskwarrior  # + 10,000 `duty log`s (~4 min, ~17 GB today)
//! ```
//!
//! `DUTY_BENCH_ROUNDS=N` (default 60) sets the measured rounds per pair; `DUTY_BENCH_KEEP=DIR`
//! keeps the generated files; `DUTY_BENCH_BIN=PATH` measures that `duty` instead of the one
//! cargo built for the bench (e.g. the shipped static build, `scripts/cross-build.sh --profile
//! dist --target x86_64-unknown-linux-gnu`). The table is printed and written as markdown to
//! `TARGET_DIR/vs_taskwarrior.md`. Method and figures: BENCHMARKS.md, "Against Taskwarrior".
//!
//! The only code that knows how duty stores a ledger is [`make_duty_ledger`].

mod common;
mod taskwarrior;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use duty::checklist::{BUILTIN_DEFAULT, Checklist, load};
use duty::i18n::Lang;

use taskwarrior::measure::{self, Stats, Table, bytes, ms};
use taskwarrior::{Tw, TwTask};

/// The day every run is on (`DUTY_TODAY`); the checklists are for its year.
const TODAY: &str = "2024-11-20";
const YEAR: i16 = 2024;
const WARMUP: usize = 3;

/// The duty-side data: `entries` logged sessions spread in turn over the checklist's counted
/// and hours items, dates over the first 300 days (`common::generate`), written as the store
/// writes a ledger (a journal holding one checkpoint, and the snapshot).
fn make_duty_ledger(case: &Case, checklist: &Checklist, entries: usize) {
    let ledger = common::generate::generate_ledger(checklist, entries);
    common::save_ledger(&case.data, &ledger);
}

/// The `duty` measured: `DUTY_BENCH_BIN`, else the release build cargo made for the bench.
fn duty_binary() -> PathBuf {
    std::env::var_os("DUTY_BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_duty")))
}

/// Which `duty` the run measured, for the report: its path and what `file` says of how it
/// is linked (static or dynamic), when `file` is there to say.
fn measured_binary() -> String {
    let bin = duty_binary();
    let linked = Command::new("file")
        .arg("-b")
        .arg(&bin)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .and_then(|desc| {
            [
                "static-pie linked",
                "statically linked",
                "dynamically linked",
            ]
            .into_iter()
            .find(|k| desc.contains(k))
        })
        .map(|k| format!(", {k}"))
        .unwrap_or_default();
    format!("`{}`{linked}", bin.display())
}

/// One data set: a checklist file, duty's settings and data directories, and a pristine copy
/// of the data to start each mutating run from.
struct Case {
    dir: PathBuf,
    checklist_file: PathBuf,
    config: PathBuf,
    data: PathBuf,
    pristine: PathBuf,
}

impl Case {
    /// Write the checklist and make it the active one (`duty use`), as a unit would.
    fn new(root: &Path, name: &str, checklist_text: &str) -> Case {
        let dir = root.join(name);
        fs::create_dir_all(&dir).unwrap();
        let checklist_file = dir.join("checklist.ron");
        fs::write(&checklist_file, checklist_text).unwrap();
        let case = Case {
            config: dir.join("config"),
            data: dir.join("data"),
            pristine: dir.join("data.pristine"),
            checklist_file,
            dir,
        };
        fs::create_dir_all(&case.data).unwrap();
        measure::run(
            &mut case.duty([std::ffi::OsStr::new("use"), case.checklist_file.as_os_str()]),
        );
        case
    }

    /// `duty ARGS…` with this case's settings and data, on [`TODAY`], in Chinese.
    fn duty<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = Command::new(duty_binary());
        cmd.env("DUTY_DATA_DIR", &self.data)
            .env("DUTY_CONFIG_DIR", &self.config)
            .env("DUTY_TODAY", TODAY)
            .env_remove("DUTY_LANG")
            .env_remove("NO_COLOR")
            .args(args);
        cmd
    }

    /// Keep the current data as the state every mutating round starts from.
    fn snapshot(&self) {
        if self.pristine.exists() {
            fs::remove_dir_all(&self.pristine).unwrap();
        }
        measure::copy_dir(&self.data, &self.pristine);
    }

    fn restore(&self) {
        measure::restore(&self.pristine, &self.data);
    }
}

/// A real unit's checklist at 100 items: the built-in checklist (25 items: 12 duties,
/// 7 counted, 5 rates, 1 hours) four times over, as a bureau with four departments would
/// write it — ids and titles of copies 2–4 marked with the copy's number — for [`YEAR`], for a
/// named organisation. So 48 duties, 28 counted, 20 rates, 4 hours items, every field
/// (descriptions, owners, evidence, report sentences) as the real file has it.
fn unit_checklist(copies: usize) -> String {
    const NUMERALS: [&str; 9] = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let src = BUILTIN_DEFAULT;
    let start = src
        .find("    sections: [\n")
        .expect("the built-in has sections")
        + 16;
    let end = src
        .rfind("    ],\n)")
        .expect("the built-in ends its sections");
    let head = src[..start]
        .replace(
            "organization: \"本单位\",",
            "organization: \"河源市政务服务和数据管理局\",",
        )
        .replace(
            "    // year: 2025,",
            &format!("    year: {YEAR},\n    // year: 2025,"),
        );
    assert!(head.contains(&format!("year: {YEAR},")), "the year went in");
    let sections = &src[start..end];
    let mut out = head;
    for copy in 1..=copies {
        if copy == 1 {
            out.push_str(sections);
            continue;
        }
        for line in sections.lines() {
            let t = line.trim_start();
            if let Some(rest) = t.strip_prefix("id: \"") {
                let id = rest.strip_suffix("\",").expect("id line");
                let indent = &line[..line.len() - t.len()];
                let _ = writeln!(out, "{indent}id: \"{id}-{copy}\",");
            } else if let Some(rest) = t.strip_prefix("title: \"") {
                let title = rest.strip_suffix("\",").expect("title line");
                let indent = &line[..line.len() - t.len()];
                let n = NUMERALS[copy - 1];
                let _ = writeln!(out, "{indent}title: \"{title}（{n}）\",");
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.push_str(&src[end..]);
    out
}

/// Unix seconds at 00:00 UTC of `date`.
fn epoch(date: jiff::civil::Date) -> i64 {
    date.duration_since(jiff::civil::date(1970, 1, 1)).as_secs()
}

/// The Taskwarrior side of a data set: one pending task per checklist item (description the
/// item's title, project its section's title, due its due date), each with `per_task`
/// annotations written like duty's generated entries (topic, evidence, who; dated over the
/// first 300 days of the year).
fn tw_tasks(checklist: &Checklist, per_task: usize) -> Vec<TwTask> {
    let jan1 = epoch(jiff::civil::date(YEAR, 1, 1));
    checklist
        .items()
        .enumerate()
        .map(|(n, (section, item))| TwTask {
            description: item.title.clone(),
            project: section.title.clone(),
            due: epoch(item.due_date(checklist.year)),
            entry: jan1 + 9 * 3600 + n as i64,
            annotations: (0..per_task)
                .map(|k| {
                    let m = n * per_task + k;
                    let at = jan1 + (m % 300) as i64 * 86_400 + 10 * 3600 + k as i64;
                    let text = format!(
                        "学习《中华人民共和国行政复议法》第{m}讲（佐证：政数〔{YEAR}〕{m}号；登记：张三）"
                    );
                    (at, text)
                })
                .collect(),
        })
        .collect()
}

/// A Taskwarrior data set mirroring `checklist`, with its own pristine copy.
struct TwCase {
    tw: Tw,
    pristine: PathBuf,
    generated: Vec<String>,
}

impl TwCase {
    fn new(dir: &Path, checklist: &Checklist, per_task: usize) -> TwCase {
        let tw = Tw::create(&dir.join("tw"), &tw_tasks(checklist, per_task));
        let pristine = dir.join("tw").join("data.pristine");
        measure::copy_dir(&tw.data, &pristine);
        let generated = tw.pending_lines();
        TwCase {
            tw,
            pristine,
            generated,
        }
    }

    fn restore(&self) {
        measure::restore(&self.pristine, &self.tw.data);
    }
}

/// The item's 1-based position in the checklist: Taskwarrior's id for its task.
fn task_id(checklist: &Checklist, item: &str) -> usize {
    checklist
        .items()
        .position(|(_, i)| i.id == item)
        .expect("the item is in the checklist")
        + 1
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One measured pair, as a table row.
struct Compared {
    what: String,
    duty: Vec<f64>,
    task: Vec<f64>,
    goal: f64,
    goal_text: &'static str,
}

impl Compared {
    fn row(&self, table: &mut Table) {
        let (r, lo, hi) = measure::ratio(&self.duty, &self.task);
        table.row(vec![
            self.what.clone(),
            Stats::of(&self.duty).show(),
            Stats::of(&self.task).show(),
            format!("{r:.2}× [{lo:.2}–{hi:.2}]"),
            self.goal_text.to_string(),
            if r >= self.goal { "yes" } else { "**no**" }.to_string(),
        ]);
    }
}

/// What a `duty log` of the bench logs: a session on `item` (a counted one).
fn log_args(item: &str, n: usize) -> Vec<String> {
    let day = jiff::civil::date(YEAR, 1, 1)
        .checked_add(jiff::Span::new().days((n % 320) as i64))
        .unwrap();
    vec![
        "log".into(),
        item.into(),
        "--date".into(),
        day.to_string(),
        "--topic".into(),
        format!("会前学法：《优化营商环境条例》第{n}次"),
        "--evidence".into(),
        format!("党组会议纪要〔{YEAR}〕{n}号"),
    ]
}

/// The 100-item unit (2,000 entries) or the 10,000-item case (10,000 entries):
/// `duty status` against `task list`, then one change against one change.
#[allow(clippy::too_many_arguments)]
fn compare(
    root: &Path,
    name: &str,
    label: &str,
    checklist_text: &str,
    entries: usize,
    per_task: usize,
    log_item: &str,
    tw_change: &[&str],
    goals: [(f64, &'static str); 2],
    rounds: usize,
    notes: &mut String,
    floors: bool,
) -> [Compared; 2] {
    let checklist = load(checklist_text.as_bytes(), "checklist.ron", YEAR, Lang::Zh)
        .expect("the bench's checklist loads");
    let case = Case::new(root, name, checklist_text);
    make_duty_ledger(&case, &checklist, entries);
    // As after any earlier command: a first run brings the snapshot up to date with its journal.
    measure::run(&mut case.duty(["status"]));
    case.snapshot();
    let twc = TwCase::new(&case.dir, &checklist, per_task);
    let id = task_id(&checklist, log_item);

    // The two sides hold the same things.
    let duty_out = measure::run(&mut case.duty(["status"]));
    let task_out = measure::run(&mut twc.tw.cmd(["list"]));
    let items = checklist.items().count();
    assert!(
        task_out.contains(&format!("\n{items} task")),
        "task list shows {items} tasks:\n{task_out}"
    );
    // Taskwarrior's own rewrite of pending.data equals what was generated but for the task
    // changed: the generated format is Taskwarrior's.
    let mut change = twc.tw.cmd([id.to_string()]);
    change.args(tw_change);
    measure::run(&mut change);
    let same = twc.tw.check_format(&twc.generated, id - 1);
    twc.restore();
    case.restore();
    let (_, duty_bytes) = measure::files_under(&case.data);
    let (_, tw_bytes) = measure::files_under(&twc.tw.data);
    let checklist_bytes = checklist_text.len() as u64;
    let _ = writeln!(
        notes,
        "- {label}: duty checklist {} + data dir {} (journal, snapshot); Taskwarrior data {}; `duty status` prints {} lines, `task list` {}; after `task {id} {}`, {same} other lines of pending.data were byte-identical to the generated ones.",
        bytes(checklist_bytes),
        bytes(duty_bytes),
        bytes(tw_bytes),
        duty_out.lines().count(),
        task_out.lines().count(),
        tw_change.join(" ")
    );
    if let Some(keep) = std::env::var_os("DUTY_BENCH_KEEP") {
        measure::copy_dir(&case.dir, &Path::new(&keep).join(name));
    }

    eprintln!("{label}: duty status vs task list, {rounds} rounds …");
    let (duty, task) = measure::interleave(
        rounds,
        WARMUP,
        || measure::time_ms(&mut case.duty(["status"])),
        || measure::time_ms(&mut twc.tw.cmd(["list"])),
    );
    let status = Compared {
        what: format!("{label}: `duty status` vs `task list`"),
        duty,
        task,
        goal: goals[0].0,
        goal_text: goals[0].1,
    };

    if floors {
        process_floors(&case, label, rounds, notes);
    }

    eprintln!(
        "{label}: duty log vs task {id} {}, {rounds} rounds …",
        tw_change.join(" ")
    );
    let mut n = 0;
    let (duty, task) = measure::interleave(
        rounds,
        WARMUP,
        || {
            case.restore();
            n += 1;
            measure::time_ms(&mut case.duty(log_args(log_item, n)))
        },
        || {
            twc.restore();
            let mut cmd = twc.tw.cmd([id.to_string()]);
            cmd.args(tw_change);
            measure::time_ms(&mut cmd)
        },
    );
    let change = Compared {
        what: format!(
            "{label}: `duty log` vs `task {id} {}`",
            tw_change.first().copied().unwrap_or("")
        ),
        duty,
        task,
        goal: goals[1].0,
        goal_text: goals[1].1,
    };
    case.restore();
    [status, change]
}

/// What `duty status` costs beyond starting a process: interleaved, `/usr/bin/true` (spawn,
/// exec, exit of a small C program), `duty --version` (duty's own start: loading, relocation,
/// the Rust runtime, clap), `duty status`, and `duty status` without `DUTY_TODAY` (as a user
/// runs it: the clock and the system time zone are read).
fn process_floors(case: &Case, label: &str, rounds: usize, notes: &mut String) {
    eprintln!("{label}: process floors, {rounds} rounds …");
    let mut runs: [Box<dyn FnMut() -> f64 + '_>; 4] = [
        Box::new(|| measure::time_ms(&mut Command::new("/usr/bin/true"))),
        Box::new(|| measure::time_ms(&mut case.duty(["--version"]))),
        Box::new(|| measure::time_ms(&mut case.duty(["status"]))),
        Box::new(|| {
            let mut cmd = case.duty(["status"]);
            cmd.env_remove("DUTY_TODAY");
            measure::time_ms(&mut cmd)
        }),
    ];
    let t = measure::interleave_all(rounds, WARMUP, &mut runs);
    let _ = writeln!(
        notes,
        "- {label}, where `duty status` starts from (medians [min–p90], interleaved): `/usr/bin/true` {}; `duty --version` {}; `duty status` {}; `duty status` without `DUTY_TODAY` (reads the clock and the system time zone, as a user's run does) {}.",
        Stats::of(&t[0]).show(),
        Stats::of(&t[1]).show(),
        Stats::of(&t[2]).show(),
        Stats::of(&t[3]).show(),
    );
}

/// 10,000 `duty log` processes on one item of the 100-item unit, from an empty ledger:
/// the files left behind and the time of the next logs.
fn many_logs(root: &Path, rounds: usize, table: &mut Table, notes: &mut String) {
    const LOGS: usize = 10_000;
    const ITEM: &str = "pre-meeting-study";
    /// Stop (fail) rather than fill the disk: today's store writes ~16 GB for 10,000 logs.
    const MAX_BYTES: u64 = 40_000_000_000;
    let case = Case::new(root, "many-logs", &unit_checklist(4));
    eprintln!("10,000 duty logs on {ITEM} …");
    let started = Instant::now();
    let mut times = Vec::with_capacity(LOGS);
    for n in 1..=LOGS {
        times.push(measure::time_ms(&mut case.duty(log_args(ITEM, n))));
        if n % 1000 == 0 {
            let (_, so_far) = measure::files_under(&case.data);
            assert!(
                so_far < MAX_BYTES,
                "after {n} logs the data directory holds {}; stopped before the disk fills",
                bytes(so_far)
            );
            eprintln!(
                "  {n}: median of the last 1,000 {} ({:.0} s so far)",
                ms(measure::median(&times[n - 1000..n])),
                started.elapsed().as_secs_f64()
            );
        }
    }
    let total = started.elapsed().as_secs_f64();
    measure::sync_fs(&case.data);
    let (files, all) = measure::files_under(&case.data);
    // The built-in checklist's id, which `unit_checklist` keeps.
    let ledger_dir = case.data.join("rule-of-law-duties");
    let (_, in_ledger_dir) = measure::files_under(&ledger_dir);
    let listing: Vec<String> = files
        .iter()
        .map(|(name, len)| format!("`{name}` {}", bytes(*len)))
        .collect();

    // The further logs continue from the 10,000-log state rather than each from a copy of
    // it: today's history file grows to gigabytes (every line repeats the item's record), too
    // much to copy per round; 30 more in 10,000 change the state by 0.3 %.
    let further: Vec<f64> = (1..=rounds)
        .map(|k| measure::time_ms(&mut case.duty(log_args(ITEM, LOGS + k))))
        .collect();
    let last100 = Stats::of(&times[LOGS - 100..]);
    let curve: Vec<String> = [1usize, 1000, 2000, 5000, 10_000]
        .iter()
        .map(|&k| {
            let from = k.saturating_sub(100).min(LOGS - 100);
            format!("{k}: {}", ms(measure::median(&times[from..from + 100])))
        })
        .collect();
    table.row(vec![
        format!("10,000 `duty log`s on one item: files in the data dir"),
        bytes(all),
        "–".into(),
        "–".into(),
        "< 5 MB".into(),
        if all < 5_000_000 { "yes" } else { "**no**" }.into(),
    ]);
    let further_stats = Stats::of(&further);
    table.row(vec![
        format!("`duty log` nos. 10,001–{} on the same item", LOGS + rounds),
        further_stats.show(),
        "–".into(),
        "–".into(),
        "< 30 ms".into(),
        if further_stats.median < 30.0 {
            "yes"
        } else {
            "**no**"
        }
        .into(),
    ]);
    let _ = writeln!(
        notes,
        "- 10,000 logs: {total:.0} s in all; the 10,000th log took {}, logs 9,901–10,000 {}; median of 100 logs around the n-th: {}. Files: {} (ledger directory {}).",
        ms(times[LOGS - 1]),
        last100.show(),
        curve.join(", "),
        listing.join(", "),
        bytes(in_ledger_dir),
    );
    fs::remove_dir_all(&case.dir).expect("remove the 10,000-log data");
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not: nothing to do then.
    if !std::env::args().any(|a| a == "--bench") {
        println!("vs_taskwarrior: run with `cargo bench --bench vs_taskwarrior`");
        return;
    }
    let task_version = taskwarrior::version();
    measure::pin_to_cpu0();
    let rounds = env_usize("DUTY_BENCH_ROUNDS", 60).max(1);
    let long = std::env::var_os("DUTY_BENCH_LONG").is_some_and(|v| v == "1");
    let target_tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    fs::create_dir_all(target_tmp).unwrap();
    let tmp = tempfile::tempdir_in(target_tmp).expect("a temporary directory");
    let loadavg = || {
        fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let load_before = loadavg();
    let started = Instant::now();

    let mut notes = String::new();
    let mut table = Table::new(&[
        "target",
        "duty median [min–p90]",
        "task median [min–p90]",
        "ratio task/duty [95% CI]",
        "goal",
        "met",
    ]);
    let unit = compare(
        tmp.path(),
        "unit",
        "unit, 100 items, 2,000 entries",
        &unit_checklist(4),
        2_000,
        20,
        "center-group-2",
        &[
            "annotate",
            "会前学法：《优化营商环境条例》（佐证：党组会议纪要〔2024〕5号）",
        ],
        [(3.0, "≥ 3×"), (1.0, "≥ 1×")],
        rounds,
        &mut notes,
        true,
    );
    for c in &unit {
        c.row(&mut table);
    }
    let large = compare(
        tmp.path(),
        "large",
        "10,000 items, 10,000 entries",
        &common::generate::generate_checklist(10_000, YEAR),
        10_000,
        1,
        "item-5001",
        &["done"],
        [(8.0, "≥ 8×"), (3.0, "≥ 3×")],
        rounds,
        &mut notes,
        false,
    );
    for c in &large {
        c.row(&mut table);
    }
    if long {
        many_logs(tmp.path(), rounds, &mut table, &mut notes);
    } else {
        let _ = writeln!(
            notes,
            "- 10,000 logs on one item: not run (set DUTY_BENCH_LONG=1; it takes several minutes)."
        );
    }

    let when = jiff::Timestamp::now().strftime("%Y-%m-%d %H:%M UTC");
    let header = format!(
        "Run of {when}: {rounds} interleaved rounds per pair after {WARMUP} warm-up rounds, every process pinned to CPU 0, `DUTY_TODAY={TODAY}`, duty {}, {task_version} (`task`), load average {load_before} before and {} after, {:.0} s in all.",
        measured_binary(),
        loadavg(),
        started.elapsed().as_secs_f64()
    );
    let plain = table.plain();
    println!("\n{header}\n\n{plain}\n{notes}");
    let md = format!("{header}\n\n{}\n{notes}", table.markdown());
    let out = target_tmp
        .parent()
        .expect("CARGO_TARGET_TMPDIR is TARGET/tmp")
        .join("vs_taskwarrior.md");
    fs::write(&out, md).expect("write the markdown");
    println!("markdown: {}", out.display());
}
