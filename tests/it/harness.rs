//! The harness every test stands on: a private home (data and settings directories in a
//! temporary directory; today, now, the person and the time zone fixed; no `DUTY_LANG` or
//! `NO_COLOR` from outside), `duty` run as a process with its whole output (stdout, stderr,
//! exit code) kept in a transcript for snapshots, and helpers that put checklists and
//! ledgers in place and read them back.
//!
//! `DUTY_BIN=PROGRAM` runs PROGRAM instead of the binary cargo built: a wrapper that runs a
//! Windows or ARM build under Wine or qemu. Every path the harness hands over is absolute,
//! and the program is started directly, never through a shell. The crash tests kill the
//! process they started, so a wrapper must `exec` the program.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::time::SystemTime;

use duty::clock::Clock;
use duty::i18n::Lang;
use duty::ledger::Ledger;
use duty::session::{Options, Session};
use duty::store::{Book, History, LedgerPaths, Opened};
use tempfile::TempDir;

/// The day every test runs on unless it says otherwise.
pub const TODAY: &str = "2024-06-01";
/// The person making changes (`USER`).
pub const USER: &str = "张三";
/// The time zone history times are shown in.
pub const TZ: &str = "Asia/Shanghai";
/// The built-in checklist's id.
pub const BUILTIN: &str = "rule-of-law-duties";
/// Both languages, Chinese (the default) first.
pub const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

/// The program the tests run: `DUTY_BIN`, else the binary cargo built.
pub fn bin() -> PathBuf {
    match std::env::var_os("DUTY_BIN").filter(|v| !v.is_empty()) {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_BIN_EXE_duty")),
    }
}

/// Whether the program is the Windows build, run under Wine by `scripts/run-wine.sh`.
pub fn windows_build() -> bool {
    bin()
        .file_name()
        .is_some_and(|n| n.to_string_lossy().contains("wine"))
}

/// A path inside the repository.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A file or directory under `tests/it/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    repo("tests/it/fixtures").join(rel)
}

/// The moment changes are recorded at on `today`: 10:00 in Beijing.
pub fn now_on(today: &str) -> String {
    format!("{today}T10:00:00+08:00")
}

/// One officer's machine: data, settings and a working directory of its own.
pub struct Home {
    dir: TempDir,
    pub lang: Lang,
    today: Mutex<String>,
    transcript: Mutex<String>,
}

/// What one run of `duty` did.
#[derive(Debug, Clone)]
pub struct Out {
    /// The exit code; -1 when the process was killed by a signal.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Default for Home {
    fn default() -> Self {
        Home::new()
    }
}

impl Home {
    /// A fresh home, in Chinese, on [`TODAY`].
    pub fn new() -> Home {
        Home::in_lang(Lang::Zh)
    }

    pub fn in_lang(lang: Lang) -> Home {
        Home::in_dir(tempfile::tempdir().expect("a temporary directory"), lang)
    }

    /// A home in memory where the system offers it (`/dev/shm`): syncs cost nothing there,
    /// for tests that make thousands of changes and check sizes, not durability.
    pub fn in_memory(lang: Lang) -> Home {
        let shm = Path::new("/dev/shm");
        let dir = if cfg!(target_os = "linux") && shm.is_dir() {
            tempfile::tempdir_in(shm)
        } else {
            tempfile::tempdir()
        };
        Home::in_dir(dir.expect("a temporary directory"), lang)
    }

    fn in_dir(dir: TempDir, lang: Lang) -> Home {
        fs::create_dir_all(dir.path().join("work")).expect("the working directory");
        Home {
            dir,
            lang,
            today: Mutex::new(TODAY.to_string()),
            transcript: Mutex::new(String::new()),
        }
    }

    /// The same home on another day (what `DUTY_TODAY` and `DUTY_NOW` say from now on).
    pub fn on(self, today: &str) -> Home {
        self.set_today(today);
        self
    }

    pub fn set_today(&self, today: &str) {
        *self.today.lock().unwrap() = today.to_string();
    }

    pub fn today(&self) -> String {
        self.today.lock().unwrap().clone()
    }

    /// The root of the home (the temporary directory).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Where ledgers live (`DUTY_DATA_DIR`).
    pub fn data(&self) -> PathBuf {
        self.root().join("data")
    }

    /// Where the settings live (`DUTY_CONFIG_DIR`).
    pub fn config(&self) -> PathBuf {
        self.root().join("config")
    }

    /// The working directory `duty` runs in (relative output files land here).
    pub fn work(&self) -> PathBuf {
        self.root().join("work")
    }

    /// The files of the built-in checklist's ledger for `year`.
    pub fn paths(&self, year: i16) -> LedgerPaths {
        self.paths_of(BUILTIN, year)
    }

    pub fn paths_of(&self, checklist: &str, year: i16) -> LedgerPaths {
        LedgerPaths::new(&self.data(), checklist, year)
    }

    pub fn book_of(&self, checklist: &str, year: i16) -> Book {
        Book::new(&self.data(), checklist, year)
    }

    /// `duty` with this home's environment, in its working directory, reading nothing from
    /// stdin; `--lang en` comes first in English.
    pub fn command(&self) -> Command {
        let today = self.today();
        let mut cmd = Command::new(bin());
        cmd.env("DUTY_DATA_DIR", self.data())
            .env("DUTY_CONFIG_DIR", self.config())
            .env("DUTY_TODAY", &today)
            .env("DUTY_NOW", now_on(&today))
            .env("USER", USER)
            .env("TZ", TZ)
            .env_remove("DUTY_LANG")
            .env_remove("NO_COLOR")
            .current_dir(self.work())
            .stdin(Stdio::null());
        if self.lang == Lang::En {
            cmd.args(["--lang", "en"]);
        }
        cmd
    }

    /// Run `duty ARGS` and record what it did in the transcript.
    pub fn duty<S: AsRef<OsStr>>(&self, args: &[S]) -> Out {
        let out = self.run(args);
        let shown = self.show(args, &out);
        self.transcript.lock().unwrap().push_str(&shown);
        out
    }

    /// Run `duty ARGS` without recording it (setting the scene).
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Out {
        let mut cmd = self.command();
        cmd.args(args);
        Out::from(
            cmd.output()
                .unwrap_or_else(|e| panic!("run {}: {e}", bin().display())),
        )
    }

    /// Run `duty ARGS`, which must succeed, without recording it.
    pub fn ok<S: AsRef<OsStr>>(&self, args: &[S]) -> Out {
        let out = self.run(args);
        assert_eq!(out.code, 0, "duty {}:\n{}", shown_args(args), out.stderr);
        out
    }

    /// A comment line in the transcript, to say what comes next.
    pub fn say(&self, text: &str) {
        let _ = writeln!(self.transcript.lock().unwrap(), "# {text}\n");
    }

    /// Everything recorded so far, with the unstable parts filtered.
    pub fn transcript(&self) -> String {
        self.filter(&self.transcript.lock().unwrap())
    }

    fn show<S: AsRef<OsStr>>(&self, args: &[S], out: &Out) -> String {
        let mut s = String::new();
        let lang = if self.lang == Lang::En {
            "--lang en "
        } else {
            ""
        };
        let _ = writeln!(s, "$ duty {lang}{}", shown_args(args));
        s.push_str(&out.stdout);
        if !out.stdout.is_empty() && !out.stdout.ends_with('\n') {
            s.push_str("[no newline at the end]\n");
        }
        if !out.stderr.is_empty() {
            s.push_str("[stderr]\n");
            s.push_str(&out.stderr);
            if !out.stderr.ends_with('\n') {
                s.push_str("[no newline at the end]\n");
            }
        }
        let _ = writeln!(s, "[exit {}]\n", out.code);
        s
    }

    /// `text` with this home's paths as `[HOME]`, the repository as `[REPO]`, journal ids
    /// as `[JOURNAL]` and a Windows build's `duty.exe` as `duty`.
    pub fn filter(&self, text: &str) -> String {
        let mut places = vec![(self.root().to_path_buf(), "[HOME]"), (repo(""), "[REPO]")];
        for (p, name) in places.clone() {
            if let Ok(c) = fs::canonicalize(&p) {
                places.push((c, name));
            }
        }
        let mut places: Vec<(String, &str)> = places
            .into_iter()
            .map(|(p, name)| (p.display().to_string(), name))
            .collect();
        // A Windows build under Wine names the same place Z:\tmp\….
        for (p, name) in places.clone() {
            if p.starts_with('/') {
                places.push((format!("Z:{}", p.replace('/', "\\")), name));
            }
        }
        places.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let mut out = text.to_string();
        for (p, name) in &places {
            let p = p.trim_end_matches(['/', '\\']);
            if !p.is_empty() {
                out = out.replace(p, name);
            }
        }
        let out = forward_slashes_after(&out, &["[HOME]", "[REPO]"]);
        let out = journal_ids(&out);
        out.replace("duty.exe", "duty")
    }

    /// Write `contents` to `rel` under the home (directories made as needed).
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root().join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap();
        }
        fs::write(&path, contents).unwrap();
        path
    }

    /// Copy a file or directory tree from the fixtures to `rel` under the home.
    pub fn copy_fixture(&self, from: &str, rel: &str) -> PathBuf {
        let to = self.root().join(rel);
        copy_tree(&fixture(from), &to);
        to
    }

    /// The built-in checklist's ledger for `year`, as `duty` would read it.
    pub fn ledger(&self, year: i16) -> Ledger {
        self.opened(BUILTIN, year).ledger
    }

    pub fn opened(&self, checklist: &str, year: i16) -> Opened {
        self.book_of(checklist, year)
            .open()
            .unwrap_or_else(|e| panic!("the ledger {checklist} {year} opens: {e}"))
    }

    pub fn history(&self, checklist: &str, year: i16) -> History {
        self.book_of(checklist, year).history().unwrap()
    }

    /// Start the book of `ledger` (a journal with one checkpoint, and its snapshot).
    pub fn create_book(&self, ledger: &Ledger) {
        self.book_of(&ledger.checklist, ledger.year)
            .create_with(ledger, jiff::Timestamp::UNIX_EPOCH)
            .unwrap();
    }

    /// The library session `duty` would open here (for the screen), on the home's day, for
    /// [`USER`] unless `options` names another login.
    pub fn session(&self) -> Session {
        self.session_with(Options::default())
    }

    pub fn session_with(&self, options: Options) -> Session {
        let today = self.today();
        let clock = Clock::fixed(
            today.parse().expect("a date"),
            Some(now_on(&today).parse().expect("a time")),
        );
        let options = Options {
            lang: Some(self.lang),
            data_dir: Some(self.data()),
            config_dir: Some(self.config()),
            login: options.login.clone().or(Some(USER.into())),
            ..options
        };
        Session::open(options, clock).unwrap_or_else(|_| panic!("the session opens"))
    }
}

impl From<Output> for Out {
    fn from(o: Output) -> Out {
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Out {
    /// Assert the exit code (with the output in the message).
    pub fn code(&self, expected: i32) -> &Out {
        assert_eq!(
            self.code, expected,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn ok(&self) -> &Out {
        self.code(0)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}: not JSON:\n{}", self.stdout))
    }
}

fn shown_args<S: AsRef<OsStr>>(args: &[S]) -> String {
    args.iter()
        .map(|a| {
            let raw = a.as_ref().to_string_lossy();
            // Control characters shown escaped, so that none lands in a snapshot raw.
            let a = duty::text::for_terminal(&raw);
            if a.is_empty() || a.contains([' ', '"', '\'']) {
                format!("'{a}'")
            } else {
                a.into_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Backslashes in the path that follows each marker become slashes (a Windows build joins
/// paths with `\`), up to the first character that cannot be part of a path here.
fn forward_slashes_after(text: &str, markers: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((at, marker)) = markers
        .iter()
        .filter_map(|m| rest.find(m).map(|i| (i, *m)))
        .min()
    {
        out.push_str(&rest[..at + marker.len()]);
        rest = &rest[at + marker.len()..];
        let end = rest
            .find(|c: char| c.is_whitespace() || "'\"“”‘’（）()，,；;：:。".contains(c))
            .unwrap_or(rest.len());
        out.push_str(&rest[..end].replace('\\', "/"));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A journal's id (16 hex digits standing alone) as `[JOURNAL]`: it is random.
fn journal_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            .count();
        let alone = |j: usize| j >= bytes.len() || !bytes[j].is_ascii_alphanumeric();
        let before = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if run == 16 && before && alone(i + run) {
            out.push_str("[JOURNAL]");
            i += run;
        } else {
            let len = text[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&text[i..i + len]);
            i += len;
        }
    }
    out
}

/// Copy `from` (a file or a directory tree) to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).unwrap();
        for e in fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            copy_tree(&e.path(), &to.join(e.file_name()));
        }
    } else {
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir).unwrap();
        }
        fs::copy(from, to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }
}

/// Everything under a directory: each path (relative) with its bytes (none for a
/// directory) and modification time, to show that nothing was written.
pub type Tree = BTreeMap<String, (Option<Vec<u8>>, Option<SystemTime>)>;

pub fn tree(dir: &Path) -> Tree {
    let mut out = Tree::new();
    fn walk(base: &Path, dir: &Path, out: &mut Tree) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            let meta = fs::symlink_metadata(&p).unwrap();
            let rel = p.strip_prefix(base).unwrap().display().to_string();
            let bytes = meta.is_file().then(|| fs::read(&p).unwrap());
            out.insert(rel, (bytes, meta.modified().ok()));
            if meta.is_dir() {
                walk(base, &p, out);
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

/// The names in a directory, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Resolve `change` against `ledger` on `today` as a session would (by "tester", at noon
/// UTC of 2024-11-19), and apply it; the operation.
pub fn apply(
    checklist: &duty::checklist::Checklist,
    ledger: &mut Ledger,
    change: &duty::ledger::Change,
    today: jiff::civil::Date,
) -> duty::ledger::Op {
    let stamp = duty::ledger::Stamp {
        today,
        at: jiff::Timestamp::from_second(1_732_017_600).unwrap(),
        by: "tester".into(),
    };
    let op = duty::ledger::resolve(checklist, ledger, change, &stamp)
        .unwrap_or_else(|e| panic!("{change:?}: {e:?}"));
    ledger.apply(&op).unwrap();
    op
}

/// Where every snapshot is kept, whichever module (and folder) asserts it: insta would look
/// beside the module's own file.
pub const SNAPSHOTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/snapshots");

/// Compare the transcript of `home` with its snapshot, `TEST@zh` or `TEST@en` (or
/// `NAME@…`), under `tests/it/snapshots/`.
#[macro_export]
macro_rules! snap {
    ($home:expr) => {
        insta::with_settings!({ snapshot_path => $crate::harness::SNAPSHOTS, snapshot_suffix => $home.lang.to_string(), omit_expression => true }, {
            insta::assert_snapshot!($home.transcript());
        })
    };
    ($name:expr, $home:expr) => {
        insta::with_settings!({ snapshot_path => $crate::harness::SNAPSHOTS, snapshot_suffix => $home.lang.to_string(), omit_expression => true }, {
            insta::assert_snapshot!($name, $home.transcript());
        })
    };
}

/// `insta::assert_snapshot!`, with the snapshot under `tests/it/snapshots/`.
#[macro_export]
macro_rules! assert_snap {
    ($value:expr) => {
        insta::with_settings!({ snapshot_path => $crate::harness::SNAPSHOTS }, {
            insta::assert_snapshot!($value);
        })
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_make_paths_and_ids_stable() {
        let h = Home::new();
        let shown = format!(
            "at {}\\data\\x.ron, “{}”; journal 0123456789abcdef; 0123456789abcdefa stays; duty.exe",
            h.root().display(),
            repo("y").display()
        );
        assert_eq!(
            h.filter(&shown),
            "at [HOME]/data/x.ron, “[REPO]/y”; journal [JOURNAL]; 0123456789abcdefa stays; duty"
        );
        if cfg!(unix) {
            let wine = format!(
                "Z:{}\\data",
                h.root().display().to_string().replace('/', "\\")
            );
            assert_eq!(h.filter(&wine), "[HOME]/data");
        }
    }
}
