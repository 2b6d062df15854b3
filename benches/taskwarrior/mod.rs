//! Taskwarrior 2.6 as the yardstick for `benches/vs_taskwarrior.rs`: its data written
//! directly in the 2.6 file format, a private `TASKRC`, and the `task` command on them.
//!
//! The file format (`pending.data`, "format 4") is one task per line,
//! `[name:"value" name:"value" …]`, the attributes in name order (Taskwarrior keeps a task as a
//! `std::map` and writes it out in order, `Task::composeF4`), dates as Unix seconds, string
//! values JSON-escaped and then `[`/`]` spelt `&open;`/`&close;`, and each annotation as its own
//! attribute `annotation_<unix seconds>`. `Tw::check_format` compares what is written here
//! with what `task` itself writes back after a change, line for line.

pub mod measure;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The binary measured against.
pub const TASK_BIN: &str = "/usr/bin/task";

/// One task as written to `pending.data`.
#[derive(Debug, Clone)]
pub struct TwTask {
    pub description: String,
    pub project: String,
    /// Unix seconds.
    pub due: i64,
    /// Unix seconds; also its `modified`.
    pub entry: i64,
    /// (Unix seconds, text); the seconds must differ within one task.
    pub annotations: Vec<(i64, String)>,
}

/// A UUID for task `n`, the same on every run (random-looking, version-4 shaped).
pub fn uuid(n: u64) -> String {
    let a = splitmix(n.wrapping_mul(2).wrapping_add(1));
    let b = splitmix(n.wrapping_mul(2).wrapping_add(2));
    format!(
        "{:08x}-{:04x}-4{:03x}-{:x}{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        8 + ((b >> 62) & 3),
        (b >> 48) & 0xfff,
        b & 0xffff_ffff_ffff
    )
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A string attribute's value as `Task::composeF4` writes it: `json::encode` (quote,
/// backslash and control characters escaped; other UTF-8 as it is), then `[`/`]` encoded.
fn encode(value: &str, out: &mut String) {
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '[' => out.push_str("&open;"),
            ']' => out.push_str("&close;"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// One line of `pending.data` (without the newline) for task `n`.
pub fn compose_f4(n: u64, task: &TwTask) -> String {
    // Attributes in name order: annotation_*, description, due, entry, modified, project,
    // status, uuid. Annotation names sort by their (ten-digit) seconds.
    let mut notes: Vec<&(i64, String)> = task.annotations.iter().collect();
    notes.sort_by_key(|(at, _)| *at);
    let mut line = String::with_capacity(256 + 96 * notes.len());
    line.push('[');
    for (at, text) in notes {
        let _ = write!(line, "annotation_{at}:\"");
        encode(text, &mut line);
        line.push_str("\" ");
    }
    line.push_str("description:\"");
    encode(&task.description, &mut line);
    let _ = write!(
        line,
        "\" due:\"{}\" entry:\"{}\" modified:\"{}\" project:\"",
        task.due, task.entry, task.entry
    );
    encode(&task.project, &mut line);
    let _ = write!(line, "\" status:\"pending\" uuid:\"{}\"]", uuid(n));
    line
}

/// A private Taskwarrior: its rc file and data directory.
#[derive(Debug, Clone)]
pub struct Tw {
    pub rc: PathBuf,
    pub data: PathBuf,
}

impl Tw {
    /// Write `tasks` as a fresh `pending.data` in `dir/data` (with the empty `completed.data`,
    /// `undo.data` and `backlog.data` that Taskwarrior would otherwise create on the first
    /// change) and the rc file `dir/taskrc`.
    ///
    /// Settings, and why (BENCHMARKS.md, "Against Taskwarrior", says the same):
    /// - `confirmation=off`: no prompt (the commands run without a terminal).
    /// - `gc=on` (the default, kept): every measured command starts from the generated data
    ///   (mutating ones from a fresh copy), where every task is pending, so gc has nothing to
    ///   move and costs one pass over tasks that are loaded anyway (measured: `task list` on
    ///   10,000 tasks 209 ms with gc on, 205 ms off, within noise); turning it off would only
    ///   change which ids later commands see.
    /// - `hooks=off`: there are no hooks; off saves Taskwarrior looking for them, which only
    ///   makes the yardstick faster. duty has no hooks.
    /// - `color=off`: output goes to a pipe, where neither program colours; off also skips
    ///   Taskwarrior's colour rules. duty prints plain text to a pipe.
    /// - `defaultwidth=0`: no wrapping. Output to a pipe is otherwise cut to 80 columns and
    ///   Taskwarrior wraps every long line (10,000 tasks became 20,005 lines); duty never
    ///   wraps, so `task` is given the same unbounded width, which only makes it faster.
    /// - `news.version=2.6.0`: no "recently upgraded" notice.
    ///
    /// Everything else is Taskwarrior's default: urgency sorting, the `list` report's
    /// columns, file locking, fdatasync of every file it writes, verbose messages (project
    /// progress after a change).
    pub fn create(dir: &Path, tasks: &[TwTask]) -> Tw {
        let data = dir.join("data");
        fs::create_dir_all(&data).expect("create the Taskwarrior data directory");
        let mut pending = String::with_capacity(tasks.len() * 400);
        for (n, task) in tasks.iter().enumerate() {
            pending.push_str(&compose_f4(n as u64, task));
            pending.push('\n');
        }
        fs::write(data.join("pending.data"), pending).expect("write pending.data");
        for empty in ["completed.data", "undo.data", "backlog.data"] {
            fs::write(data.join(empty), "").expect("write an empty Taskwarrior file");
        }
        let rc = dir.join("taskrc");
        fs::write(
            &rc,
            format!(
                "# Written by benches/vs_taskwarrior.rs\ndata.location={}\nconfirmation=off\ngc=on\nhooks=off\ncolor=off\ndefaultwidth=0\nnews.version=2.6.0\n",
                data.display()
            ),
        )
        .expect("write taskrc");
        Tw { rc, data }
    }

    /// `task ARGS…` on this data.
    pub fn cmd<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = Command::new(TASK_BIN);
        cmd.env("TASKRC", &self.rc)
            .env("TASKDATA", &self.data)
            .env_remove("TASKRC_OVERRIDE")
            .args(args);
        cmd
    }

    /// The lines of `pending.data`.
    pub fn pending_lines(&self) -> Vec<String> {
        fs::read_to_string(self.data.join("pending.data"))
            .expect("read pending.data")
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// After a change by `task` that rewrote `pending.data` (as every modification does),
    /// every line that `task` did not change must be byte for byte what was generated: the
    /// generated format is then exactly what Taskwarrior writes. Returns how many lines
    /// were compared, and panics on the first difference.
    pub fn check_format(&self, generated: &[String], changed_line: usize) -> usize {
        let now = self.pending_lines();
        assert_eq!(now.len(), generated.len(), "task kept every line");
        let mut same = 0;
        for (i, (a, b)) in generated.iter().zip(&now).enumerate() {
            if i == changed_line {
                assert_ne!(a, b, "task changed line {i}");
                continue;
            }
            assert_eq!(a, b, "line {i} of pending.data as task rewrote it");
            same += 1;
        }
        same
    }
}

/// `task --version`, which must be 2.6.x.
pub fn version() -> String {
    let out = Command::new(TASK_BIN)
        .arg("--version")
        .output()
        .unwrap_or_else(|e| {
            panic!("{TASK_BIN} does not run ({e}); apt-get install -y taskwarrior")
        });
    let v = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(
        v.starts_with("2.6"),
        "Taskwarrior 2.6 is the yardstick; found {v}"
    );
    v
}
