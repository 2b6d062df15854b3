//! Every file `duty` touches: where things live, reading ledgers, and saving every change
//! atomically, under a lock, with a backup and an append-only history.
//!
//! A change goes: take the lock file (`YEAR.lock`, never renamed, so every process locks
//! the same inode) → re-read the ledger → apply → append the history line and fsync →
//! hard-link the current ledger as `YEAR.ron.bak` → write the new ledger to a temporary file,
//! fsync, rename over `YEAR.ron`, fsync the directory. A crash at any point leaves either the
//! old or the new ledger in place. A ledger that cannot be read is never written over.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::ledger::{
    Change, ChangeError, Ctx, FORMAT_VERSION, HistoryRecord, Ledger, effective_history,
};

/// Ledger files larger than this are refused (a year of 10 000 entries is ~2 MiB).
pub const MAX_LEDGER_BYTES: u64 = 256 * 1024 * 1024;

/// The files of one ledger (one checklist, one year).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerPaths {
    pub dir: PathBuf,
    pub ledger: PathBuf,
    pub backup: PathBuf,
    pub history: PathBuf,
    pub lock: PathBuf,
}

impl LedgerPaths {
    /// `DATA_DIR/CHECKLIST_ID/YEAR.ron` and its siblings.
    pub fn new(data_dir: &Path, checklist_id: &str, year: i16) -> Self {
        let dir = data_dir.join(checklist_id);
        LedgerPaths {
            ledger: dir.join(format!("{year}.ron")),
            backup: dir.join(format!("{year}.ron.bak")),
            history: dir.join(format!("{year}.history.jsonl")),
            lock: dir.join(format!("{year}.lock")),
            dir,
        }
    }
}

/// Where the ledgers live: `--data-dir`/`DUTY_DATA_DIR` if given (clap merges the two),
/// else the platform's data directory.
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    project_dirs()
        .map(|p| p.data_dir().to_path_buf())
        .ok_or(StoreError::NoHome)
}

/// Where the settings file lives (`DUTY_CONFIG_DIR` overrides, for tests and portable use).
pub fn config_dir() -> Result<PathBuf, StoreError> {
    if let Some(dir) = std::env::var_os("DUTY_CONFIG_DIR") {
        return Ok(PathBuf::from(dir));
    }
    project_dirs()
        .map(|p| p.config_dir().to_path_buf())
        .ok_or(StoreError::NoHome)
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "duty")
}

/// Everything that can go wrong with files, with the path involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot {op} '{}': {source}", path.display())]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The ledger exists but cannot be read; it is left exactly as it is.
    #[error("ledger '{}' cannot be read: {problem}", path.display())]
    Corrupt {
        path: PathBuf,
        problem: String,
        backup: PathBuf,
        backup_ok: bool,
    },
    /// Written by a newer `duty` with a format this build does not know.
    #[error("ledger '{}' has format {found}, newer than {FORMAT_VERSION}", path.display())]
    TooNew {
        path: PathBuf,
        found: u32,
        backup: PathBuf,
    },
    /// A ledger of another checklist or year.
    #[error("'{}' is the ledger of '{found_id}' {found_year}, not '{id}' {year}", path.display())]
    Mismatch {
        path: PathBuf,
        id: String,
        year: i16,
        found_id: String,
        found_year: i16,
    },
    #[error("no home directory; give --data-dir or set DUTY_DATA_DIR")]
    NoHome,
    #[error("{0}")]
    Change(#[from] ChangeError),
}

impl StoreError {
    fn io<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> StoreError + 'a {
        move |source| StoreError::Io {
            op,
            path: path.to_path_buf(),
            source,
        }
    }

    /// The error in the UI language, with what to do about it.
    pub fn message(&self, lang: Lang) -> String {
        let show = |p: &Path| crate::text::for_terminal(&p.display().to_string()).into_owned();
        match (self, lang) {
            (StoreError::Io { op, path, source }, Lang::Zh) => {
                let op = match *op {
                    "read" => "读取",
                    "write" => "写入",
                    "create" => "创建",
                    "lock" => "锁定",
                    "rename" => "重命名",
                    "sync" => "同步",
                    "copy" => "复制",
                    other => other,
                };
                format!("无法{op}“{}”：{}", show(path), io_reason(source, lang))
            }
            (StoreError::Io { op, path, source }, Lang::En) => {
                format!("cannot {op} '{}': {}", show(path), io_reason(source, lang))
            }
            (
                StoreError::Corrupt {
                    path,
                    problem,
                    backup,
                    backup_ok,
                },
                Lang::Zh,
            ) => {
                let mut m = format!(
                    "台账文件“{}”无法读取：{}。该文件未作任何改动。",
                    show(path),
                    crate::text::for_terminal(problem)
                );
                if *backup_ok {
                    m.push_str(&format!(
                        "\n备份“{}”完好，可运行 duty restore-backup 恢复（损坏的文件会另存，不会删除）。",
                        show(backup)
                    ));
                } else {
                    m.push_str("\n没有可用的备份；请检查文件内容或从其他副本恢复。");
                }
                m
            }
            (
                StoreError::Corrupt {
                    path,
                    problem,
                    backup,
                    backup_ok,
                },
                Lang::En,
            ) => {
                let mut m = format!(
                    "the ledger '{}' cannot be read: {}. It has not been changed.",
                    show(path),
                    crate::text::for_terminal(problem)
                );
                if *backup_ok {
                    m.push_str(&format!(
                        "\nThe backup '{}' is good: run 'duty restore-backup' to restore it (the damaged file is kept aside, not deleted).",
                        show(backup)
                    ));
                } else {
                    m.push_str("\nThere is no usable backup; inspect the file or restore it from another copy.");
                }
                m
            }
            (StoreError::TooNew { path, found, .. }, Lang::Zh) => format!(
                "台账文件“{}”由更新版本的 duty 写入（格式 {found}，本版本支持 {FORMAT_VERSION}）。请升级 duty；该文件未作任何改动。",
                show(path)
            ),
            (StoreError::TooNew { path, found, .. }, Lang::En) => format!(
                "the ledger '{}' was written by a newer duty (format {found}; this build reads {FORMAT_VERSION}). Upgrade duty; the file has not been changed.",
                show(path)
            ),
            (
                StoreError::Mismatch {
                    path,
                    id,
                    year,
                    found_id,
                    found_year,
                },
                Lang::Zh,
            ) => format!(
                "“{}”是清单“{found_id}” {found_year} 年度的台账，不是“{id}” {year} 年度的",
                show(path)
            ),
            (
                StoreError::Mismatch {
                    path,
                    id,
                    year,
                    found_id,
                    found_year,
                },
                Lang::En,
            ) => format!(
                "'{}' is the ledger of '{found_id}' {found_year}, not of '{id}' {year}",
                show(path)
            ),
            (StoreError::NoHome, Lang::Zh) => {
                "找不到用户主目录；请用 --data-dir 或环境变量 DUTY_DATA_DIR 指定数据目录".into()
            }
            (StoreError::NoHome, Lang::En) => {
                "no home directory; give --data-dir or set DUTY_DATA_DIR".into()
            }
            (StoreError::Change(e), _) => e.message(lang),
        }
    }
}

fn io_reason(e: &io::Error, lang: Lang) -> String {
    let zh = match e.kind() {
        io::ErrorKind::NotFound => Some("文件或目录不存在"),
        io::ErrorKind::PermissionDenied => Some("没有权限"),
        io::ErrorKind::ReadOnlyFilesystem => Some("文件系统只读"),
        io::ErrorKind::StorageFull => Some("磁盘已满"),
        io::ErrorKind::AlreadyExists => Some("文件已存在（如需覆盖请加 --force）"),
        _ => None,
    };
    match (lang, zh) {
        (Lang::Zh, Some(reason)) => reason.to_string(),
        _ => e.to_string(),
    }
}

/// Just the format number, read leniently so that a newer ledger is recognised as newer
/// (rather than as corrupt because of fields this build does not know).
#[derive(Deserialize)]
struct FormatProbe {
    format: u32,
}

/// Read the ledger at `paths`, or a fresh one if there is none yet.
pub fn read_ledger(
    paths: &LedgerPaths,
    checklist_id: &str,
    year: i16,
) -> Result<Ledger, StoreError> {
    match fs::metadata(&paths.ledger) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Ledger::new(checklist_id, year)),
        Err(e) => Err(StoreError::io("read", &paths.ledger)(e)),
        Ok(_) => {
            let ledger = read_ledger_file(&paths.ledger, &paths.backup)?;
            if ledger.checklist != checklist_id || ledger.year != year {
                return Err(StoreError::Mismatch {
                    path: paths.ledger.clone(),
                    id: checklist_id.to_string(),
                    year,
                    found_id: ledger.checklist,
                    found_year: ledger.year,
                });
            }
            Ok(ledger)
        }
    }
}

/// Parse one ledger file; `backup` is named in the error if it cannot be read.
pub fn read_ledger_file(path: &Path, backup: &Path) -> Result<Ledger, StoreError> {
    let corrupt = |problem: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        problem,
        backup: backup.to_path_buf(),
        backup_ok: parse_ledger(&fs::read(backup).unwrap_or_default()).is_ok(),
    };
    let meta = fs::metadata(path).map_err(StoreError::io("read", path))?;
    if meta.len() > MAX_LEDGER_BYTES {
        return Err(corrupt(format!("file too large ({} bytes)", meta.len())));
    }
    let bytes = fs::read(path).map_err(StoreError::io("read", path))?;
    match parse_ledger(&bytes) {
        Ok(l) => Ok(l),
        Err(LedgerParseError::TooNew(found)) => Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            backup: backup.to_path_buf(),
        }),
        Err(LedgerParseError::Bad(problem)) => Err(corrupt(problem)),
    }
}

enum LedgerParseError {
    TooNew(u32),
    Bad(String),
}

fn parse_ledger(bytes: &[u8]) -> Result<Ledger, LedgerParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LedgerParseError::Bad("the file is empty".into()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        LedgerParseError::Bad(format!("not UTF-8 text at byte {}", e.valid_up_to()))
    })?;
    let options = ron::Options::default().with_recursion_limit(64);
    if let Ok(probe) = options.from_str::<FormatProbe>(text)
        && probe.format > FORMAT_VERSION
    {
        return Err(LedgerParseError::TooNew(probe.format));
    }
    options.from_str::<Ledger>(text).map_err(|e| {
        LedgerParseError::Bad(format!(
            "line {}, column {}: {}",
            e.span.start.line, e.span.start.col, e.code
        ))
    })
}

/// The ledger as saved: RON, human-readable, with a header comment.
pub fn serialize_ledger(ledger: &Ledger) -> String {
    let pretty = ron::ser::PrettyConfig::new()
        .depth_limit(6)
        .indentor("  ".to_string())
        .struct_names(false);
    let body = ron::ser::to_string_pretty(ledger, pretty)
        .unwrap_or_else(|e| unreachable!("a ledger always serialises: {e}"));
    format!(
        "// duty 台账 ledger — 由 duty 维护，请勿手工编辑 / maintained by duty; edit with care\n{body}\n"
    )
}

/// Write `contents` to `path` atomically (temp file, fsync, rename, fsync directory).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), StoreError> {
    let mut file =
        atomic_write_file::AtomicWriteFile::open(path).map_err(StoreError::io("write", path))?;
    file.write_all(contents)
        .map_err(StoreError::io("write", path))?;
    file.commit().map_err(StoreError::io("write", path))
}

/// Holds the cross-process lock of one ledger until dropped.
pub struct LedgerLock {
    _file: File,
}

/// Take the ledger's lock, waiting for another process to finish its change.
pub fn lock(paths: &LedgerPaths) -> Result<LedgerLock, StoreError> {
    fs::create_dir_all(&paths.dir).map_err(StoreError::io("create", &paths.dir))?;
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&paths.lock)
        .map_err(StoreError::io("lock", &paths.lock))?;
    file.lock().map_err(StoreError::io("lock", &paths.lock))?;
    Ok(LedgerLock { _file: file })
}

/// The outcome of one saved change.
#[derive(Debug, Clone)]
pub struct Saved {
    pub ledger: Ledger,
    pub record: HistoryRecord,
}

/// Apply one change and save it: lock, re-read, decide, apply, append history, save.
///
/// `decide` sees the freshly read ledger and the effective history (so `undo` can pick its
/// target under the lock) and returns the change to make.
pub fn transact(
    paths: &LedgerPaths,
    checklist: &Checklist,
    ctx: &Ctx,
    decide: impl FnOnce(
        &Ledger,
        &dyn Fn() -> Result<Vec<HistoryRecord>, StoreError>,
    ) -> Result<Change, StoreError>,
) -> Result<Saved, StoreError> {
    let _lock = lock(paths)?;
    let mut ledger = read_ledger(paths, &checklist.id, checklist.year)?;
    let seq = ledger.seq;
    let history = || read_history(paths, seq);
    let change = decide(&ledger, &history)?;
    let applied = ledger.apply(checklist, &change, ctx)?;
    let record = HistoryRecord {
        seq: ledger.seq,
        at: ctx.now,
        by: ctx.user.clone(),
        change,
        applied,
    };
    append_history(paths, &record)?;
    save_ledger(paths, &ledger)?;
    Ok(Saved { ledger, record })
}

/// Replace the ledger file, keeping the current one as the backup. Call under the lock.
pub fn save_ledger(paths: &LedgerPaths, ledger: &Ledger) -> Result<(), StoreError> {
    fs::create_dir_all(&paths.dir).map_err(StoreError::io("create", &paths.dir))?;
    if paths.ledger.exists() {
        keep_backup(paths)?;
    }
    write_atomic(&paths.ledger, serialize_ledger(ledger).as_bytes())
}

/// Make `YEAR.ron.bak` the current (good) ledger: a hard link under a temporary name renamed
/// into place, so the backup is replaced atomically and no bytes are copied; where the file
/// system has no hard links, an atomic copy.
fn keep_backup(paths: &LedgerPaths) -> Result<(), StoreError> {
    let tmp = paths.dir.join(format!(
        ".{}.tmp-{}",
        paths
            .backup
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let _ = fs::remove_file(&tmp);
    match fs::hard_link(&paths.ledger, &tmp) {
        Ok(()) => fs::rename(&tmp, &paths.backup).map_err(StoreError::io("rename", &paths.backup)),
        Err(_) => {
            let bytes = fs::read(&paths.ledger).map_err(StoreError::io("read", &paths.ledger))?;
            write_atomic(&paths.backup, &bytes)
        }
    }
}

/// Append one record to the history file and fsync it.
fn append_history(paths: &LedgerPaths, record: &HistoryRecord) -> Result<(), StoreError> {
    let mut line = serde_json::to_string(record)
        .unwrap_or_else(|e| unreachable!("a history record always serialises: {e}"));
    line.push('\n');
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&paths.history)
        .map_err(StoreError::io("write", &paths.history))?;
    file.write_all(line.as_bytes())
        .map_err(StoreError::io("write", &paths.history))?;
    file.sync_data()
        .map_err(StoreError::io("sync", &paths.history))
}

/// The history records that took effect (see [`effective_history`]). A torn last line (a
/// crash mid-append) is skipped; it never took effect, since the ledger is saved after it.
pub fn read_history(
    paths: &LedgerPaths,
    ledger_seq: u64,
) -> Result<Vec<HistoryRecord>, StoreError> {
    let file = match File::open(&paths.history) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io("read", &paths.history)(e)),
    };
    let mut records = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line.map_err(StoreError::io("read", &paths.history))?;
        if let Ok(record) = serde_json::from_str::<HistoryRecord>(&line) {
            records.push(record);
        }
    }
    Ok(effective_history(records, ledger_seq))
}

/// Replace an unreadable ledger with its backup. The unreadable file is kept aside as
/// `YEAR.ron.damaged-N`, never deleted. Returns where it was kept.
pub fn restore_backup(paths: &LedgerPaths) -> Result<Option<PathBuf>, StoreError> {
    let _lock = lock(paths)?;
    let backup_bytes = fs::read(&paths.backup).map_err(StoreError::io("read", &paths.backup))?;
    if let Err(e) = parse_ledger(&backup_bytes) {
        return Err(StoreError::Corrupt {
            path: paths.backup.clone(),
            problem: match e {
                LedgerParseError::Bad(p) => p,
                LedgerParseError::TooNew(v) => format!("format {v} is newer than {FORMAT_VERSION}"),
            },
            backup: paths.backup.clone(),
            backup_ok: false,
        });
    }
    let mut kept = None;
    if paths.ledger.exists() {
        let aside = (1..)
            .map(|n| {
                paths.dir.join(format!(
                    "{}.damaged-{n}",
                    paths
                        .ledger
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default()
                ))
            })
            .find(|p| !p.exists())
            .unwrap_or_else(|| unreachable!("some damaged-N name is free"));
        fs::rename(&paths.ledger, &aside).map_err(StoreError::io("rename", &paths.ledger))?;
        kept = Some(aside);
    }
    write_atomic(&paths.ledger, &backup_bytes)?;
    Ok(kept)
}

/// A cheap fingerprint of the ledger file (size, modification time, inode) so that the
/// screen can notice another process's change without re-reading the file on every key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        inode,
    })
}

/// What `duty` remembers between runs (`settings.ron` in the config directory).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The checklist `duty` opens when none is given (set by `duty use FILE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// Draw borders with ASCII (`+-|`) for terminals where box-drawing glyphs are double width.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ascii_borders: Option<bool>,
}

pub fn settings_path() -> Result<PathBuf, StoreError> {
    Ok(config_dir()?.join("settings.ron"))
}

/// Read the settings; a missing file means defaults. An unreadable one is an error (it is
/// never silently replaced).
pub fn read_settings(path: &Path) -> Result<Settings, StoreError> {
    match fs::read_to_string(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Settings::default()),
        Err(e) => Err(StoreError::io("read", path)(e)),
        Ok(text) => ron::from_str(&text).map_err(|e| StoreError::Corrupt {
            path: path.to_path_buf(),
            problem: format!(
                "line {}, column {}: {}",
                e.span.start.line, e.span.start.col, e.code
            ),
            backup: path.to_path_buf(),
            backup_ok: false,
        }),
    }
}

pub fn write_settings(path: &Path, settings: &Settings) -> Result<(), StoreError> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(StoreError::io("create", dir))?;
    }
    let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::new())
        .unwrap_or_else(|e| unreachable!("settings always serialise: {e}"));
    write_atomic(path, format!("{text}\n").as_bytes())
}

/// Read a checklist file, refusing one over the size cap before reading it whole.
pub fn read_checklist_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    let meta = fs::metadata(path).map_err(StoreError::io("read", path))?;
    if meta.len() > crate::checklist::MAX_CHECKLIST_BYTES as u64 {
        // Read just past the cap: the loader reports the size with the usual diagnostic.
        let mut head = Vec::new();
        io::Read::read_to_end(
            &mut io::Read::take(
                File::open(path).map_err(StoreError::io("read", path))?,
                crate::checklist::MAX_CHECKLIST_BYTES as u64 + 1,
            ),
            &mut head,
        )
        .map_err(StoreError::io("read", path))?;
        return Ok(head);
    }
    fs::read(path).map_err(StoreError::io("read", path))
}

/// Create `path` with `contents`, refusing to replace an existing file unless `force`.
pub fn write_new_file(path: &Path, contents: &[u8], force: bool) -> Result<(), StoreError> {
    if !force && path.exists() {
        return Err(StoreError::Io {
            op: "write",
            path: path.to_path_buf(),
            source: io::Error::new(
                io::ErrorKind::AlreadyExists,
                "file exists (use --force to replace it)",
            ),
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(StoreError::io("create", dir))?;
    }
    write_atomic(path, contents)
}
