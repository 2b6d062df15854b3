//! Every file `duty` touches: where things live, reading ledgers, and saving every change
//! atomically, under a lock, with a backup and an append-only history.
//!
//! A change goes: take the lock file (`YEAR.lock`, never renamed, so every process locks
//! the same inode) → re-read the ledger → apply → append the history line and fsync →
//! hard-link the current ledger as `YEAR.ron.bak` → write the new ledger to a temporary file,
//! fsync, rename over `YEAR.ron`, fsync the directory. A crash at any point leaves either the
//! old or the new ledger in place, and the next change sweeps away its temporary files. A
//! ledger that cannot be read is never written over, and a missing one beside its backup or
//! history is reported, not silently started afresh.

mod cache;
mod foreign;

pub use cache::{CACHE_MIN_BYTES, CacheSlot, Digest};
pub use foreign::{Unusable, expand_sources, read_all, read_foreign};

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
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
    /// Where the parse of a large ledger is kept (`DATA_DIR/.cache/`).
    pub cache: CacheSlot,
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
            cache: CacheSlot::ledger(data_dir, checklist_id, year),
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
    /// A change could not be saved; the ledger at `ledger` is as it was before.
    #[error("{source}; the ledger '{}' is unchanged", ledger.display())]
    NotSaved {
        ledger: PathBuf,
        #[source]
        source: Box<StoreError>,
    },
    /// The ledger exists but cannot be read; it is left exactly as it is.
    #[error("ledger '{}' cannot be read: {}", path.display(), problem.describe(Lang::En))]
    Corrupt {
        path: PathBuf,
        problem: Damage,
        /// Line and column (1-based, columns in characters) where parsing stopped.
        at: Option<(usize, usize)>,
        backup: PathBuf,
        backup_ok: bool,
    },
    /// Written by a newer `duty` with a format this build does not know.
    #[error("ledger '{}' has format {found}, newer than {FORMAT_VERSION}", path.display())]
    TooNew {
        path: PathBuf,
        found: u32,
        backup: PathBuf,
        backup_ok: bool,
    },
    /// A ledger of another checklist or year.
    #[error("'{}' is the ledger of '{found_id}' {found_year}, not '{id}' {year}", path.display())]
    Mismatch {
        path: PathBuf,
        id: String,
        year: i16,
        found_id: String,
        found_year: i16,
        backup: PathBuf,
        backup_ok: bool,
    },
    /// `duty restore-backup` on a ledger that reads fine: restoring would lose its last change.
    #[error("ledger '{}' is readable; there is nothing to restore", path.display())]
    NothingToRestore { path: PathBuf },
    /// The ledger file is gone but its backup or history is there: it was moved or deleted,
    /// or lost in a crash. Starting afresh would silently drop the year's work.
    #[error("ledger '{}' is missing but its backup or history exists", path.display())]
    Missing { path: PathBuf },
    /// The settings file cannot be read; it is never silently replaced.
    #[error("settings '{}' cannot be read: {problem}", path.display())]
    Settings { path: PathBuf, problem: String },
    /// A ledger file from elsewhere (`--ledger`, `import-ledger`) that cannot be used; there is
    /// no backup to offer, and nothing was changed.
    #[error("'{}' is not a usable ledger: {}", path.display(), problem.describe(Lang::En))]
    Foreign {
        path: PathBuf,
        problem: foreign::Unusable,
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

    /// True when the ledger file itself is unreadable (and so is being left alone).
    pub fn is_unreadable_ledger(&self) -> bool {
        matches!(
            self,
            StoreError::Corrupt { .. }
                | StoreError::TooNew { .. }
                | StoreError::Mismatch { .. }
                | StoreError::Missing { .. }
        )
    }

    /// The error in the UI language, with what to do about it.
    pub fn message(&self, lang: Lang) -> String {
        let show = |p: &Path| crate::text::for_terminal(&p.display().to_string()).into_owned();
        let q = |s: &str| crate::text::for_terminal(s).into_owned();
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
            (StoreError::NotSaved { ledger, source }, Lang::Zh) => format!(
                "{}\n修改未保存，台账“{}”保持原样。",
                source.message(lang),
                show(ledger)
            ),
            (StoreError::NotSaved { ledger, source }, Lang::En) => format!(
                "{}\nThe change was not saved; the ledger '{}' is unchanged.",
                source.message(lang),
                show(ledger)
            ),
            (
                StoreError::Corrupt {
                    path,
                    problem,
                    at,
                    backup,
                    backup_ok,
                },
                _,
            ) => {
                let problem = q(&problem.describe(lang));
                let mut m = match (lang, at) {
                    (Lang::Zh, Some((l, c))) => format!(
                        "台账文件“{}”无法读取：第 {l} 行第 {c} 列：{problem}。",
                        show(path)
                    ),
                    (Lang::Zh, None) => {
                        format!("台账文件“{}”无法读取：{problem}。", show(path))
                    }
                    (Lang::En, Some((l, c))) => format!(
                        "the ledger '{}' cannot be read: line {l}, column {c}: {problem}.",
                        show(path)
                    ),
                    (Lang::En, None) => {
                        format!("the ledger '{}' cannot be read: {problem}.", show(path))
                    }
                };
                m.push_str(&recovery(lang, &show(backup), *backup_ok));
                m
            }
            (
                StoreError::TooNew {
                    path,
                    found,
                    backup,
                    backup_ok,
                },
                _,
            ) => {
                let mut m = match lang {
                    Lang::Zh => format!(
                        "台账文件“{}”由更新版本的 duty 写入（格式 {found}，本版本支持 {FORMAT_VERSION}），请升级 duty。",
                        show(path)
                    ),
                    Lang::En => format!(
                        "the ledger '{}' was written by a newer duty (format {found}; this build reads {FORMAT_VERSION}); upgrade duty.",
                        show(path)
                    ),
                };
                m.push_str(&recovery(lang, &show(backup), *backup_ok));
                m
            }
            (
                StoreError::Mismatch {
                    path,
                    id,
                    year,
                    found_id,
                    found_year,
                    backup,
                    backup_ok,
                },
                _,
            ) => {
                let mut m = match lang {
                    Lang::Zh => format!(
                        "台账文件“{}”是清单“{}” {found_year} 年度的台账，不是“{}” {year} 年度的。",
                        show(path),
                        q(found_id),
                        q(id)
                    ),
                    Lang::En => format!(
                        "the ledger '{}' belongs to checklist '{}' {found_year}, not to '{}' {year}.",
                        show(path),
                        q(found_id),
                        q(id)
                    ),
                };
                m.push_str(&recovery(lang, &show(backup), *backup_ok));
                m
            }
            (StoreError::Missing { path }, Lang::Zh) => format!(
                "台账文件“{}”不见了，但它的备份或修改历史还在：文件可能被移走、删除或在崩溃中丢失。为免从空白台账重新开始而丢失全年记录，duty 已停止。\n请运行 duty restore-backup 用备份（没有备份时用修改历史）恢复。",
                show(path)
            ),
            (StoreError::Missing { path }, Lang::En) => format!(
                "the ledger '{}' is missing, but its backup or history is still there: it was moved, deleted or lost in a crash. duty stops rather than start an empty ledger and lose the year's records.\nRun 'duty restore-backup' to restore it from the backup (or, without one, from the history).",
                show(path)
            ),
            (StoreError::NothingToRestore { path }, Lang::Zh) => format!(
                "台账“{}”可以正常读取，无需用备份恢复（如需撤回修改，请用 duty undo）",
                show(path)
            ),
            (StoreError::NothingToRestore { path }, Lang::En) => format!(
                "the ledger '{}' reads fine; there is nothing to restore (to revert a change, use 'duty undo')",
                show(path)
            ),
            (StoreError::Settings { path, problem }, Lang::Zh) => format!(
                "设置文件“{}”无法读取：{}。请修正或删除该文件（删除后恢复默认设置）。",
                show(path),
                q(problem)
            ),
            (StoreError::Settings { path, problem }, Lang::En) => format!(
                "the settings file '{}' cannot be read: {}. Fix it, or delete it to go back to the defaults.",
                show(path),
                q(problem)
            ),
            (StoreError::Foreign { path, problem }, Lang::Zh) => format!(
                "“{}”不是可用的台账：{}。未作任何改动。",
                show(path),
                q(&problem.describe(lang))
            ),
            (StoreError::Foreign { path, problem }, Lang::En) => format!(
                "'{}' is not a usable ledger: {}. Nothing was changed.",
                show(path),
                q(&problem.describe(lang))
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

/// What to do about a ledger that cannot be read: it is untouched, and here is the way back.
fn recovery(lang: Lang, backup: &str, backup_ok: bool) -> String {
    match (lang, backup_ok) {
        (Lang::Zh, true) => format!(
            "该文件未作任何改动。\n备份“{backup}”完好，可运行 duty restore-backup 用它恢复（原文件会另存为 .damaged-N，不会删除）。"
        ),
        (Lang::Zh, false) => format!(
            "该文件未作任何改动。\n备份“{backup}”不存在或同样无法读取；请检查文件内容，或从其他副本恢复。"
        ),
        (Lang::En, true) => format!(
            " It has not been changed.\nThe backup '{backup}' is good: run 'duty restore-backup' to restore it (the damaged file is kept aside as .damaged-N, not deleted)."
        ),
        (Lang::En, false) => format!(
            " It has not been changed.\nThe backup '{backup}' is missing or unreadable too; inspect the file, or restore it from another copy."
        ),
    }
}

fn io_reason(e: &io::Error, lang: Lang) -> String {
    let zh = match e.kind() {
        io::ErrorKind::NotFound => Some("文件或目录不存在"),
        io::ErrorKind::NotADirectory => Some("路径中有一段不是目录"),
        io::ErrorKind::IsADirectory => Some("这是一个目录，请给出文件名"),
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
    load_ledger(paths, checklist_id, year).map(|loaded| loaded.ledger)
}

/// A ledger as read, with the digest of the file's bytes (`None`: there was no file yet), so
/// that a change made later under the lock can reuse it if the file is still the same.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub ledger: Ledger,
    pub digest: Option<Digest>,
}

/// [`read_ledger`], keeping the digest of what was read.
pub fn load_ledger(
    paths: &LedgerPaths,
    checklist_id: &str,
    year: i16,
) -> Result<Loaded, StoreError> {
    match fs::symlink_metadata(&paths.ledger) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // No ledger yet is normal for a new year; no ledger beside a backup or a history
            // means it was lost, and a fresh one would hide that until the backup is overwritten.
            // (A history holding only change 1 is what a crash during the very first change
            // leaves: that change never took effect, and the year starts empty.)
            let backup = fs::metadata(&paths.backup).is_ok_and(|m| m.len() > 0);
            let saved_before = || {
                File::open(&paths.history)
                    .ok()
                    .and_then(|f| read_history_lines(paths, f).ok())
                    .is_some_and(|records| records.iter().any(|r| r.seq >= 2))
            };
            if backup || saved_before() {
                return Err(StoreError::Missing {
                    path: paths.ledger.clone(),
                });
            }
            Ok(Loaded {
                ledger: Ledger::new(checklist_id, year),
                digest: None,
            })
        }
        Err(e) => Err(StoreError::io("read", &paths.ledger)(e)),
        Ok(_) => {
            let bytes = read_ledger_bytes(&paths.ledger, &paths.backup)?;
            let digest = Digest::of(&bytes);
            let ledger = match paths.cache.get::<Ledger>(digest) {
                Some(ledger) => ledger,
                None => {
                    let ledger = parse_ledger_file(&bytes, &paths.ledger, &paths.backup)?;
                    paths.cache.put(digest, &ledger);
                    ledger
                }
            };
            if ledger.checklist != checklist_id || ledger.year != year {
                return Err(StoreError::Mismatch {
                    path: paths.ledger.clone(),
                    id: checklist_id.to_string(),
                    year,
                    found_id: ledger.checklist,
                    found_year: ledger.year,
                    backup: paths.backup.clone(),
                    backup_ok: backup_ok(&paths.backup, Some((checklist_id, year))),
                });
            }
            Ok(Loaded {
                ledger,
                digest: Some(digest),
            })
        }
    }
}

/// Whether `backup` holds a ledger this build can read (of `owner`, when given).
fn backup_ok(backup: &Path, owner: Option<(&str, i16)>) -> bool {
    fs::read(backup)
        .ok()
        .and_then(|bytes| parse_ledger(&bytes).ok())
        .is_some_and(|l| owner.is_none_or(|(id, year)| l.checklist == id && l.year == year))
}

/// Parse one ledger file; `backup` is named in the error if it cannot be read.
pub fn read_ledger_file(path: &Path, backup: &Path) -> Result<Ledger, StoreError> {
    parse_ledger_file(&read_ledger_bytes(path, backup)?, path, backup)
}

fn corrupt(path: &Path, backup: &Path, problem: Damage, at: Option<(usize, usize)>) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        problem,
        at,
        backup: backup.to_path_buf(),
        backup_ok: backup_ok(backup, None),
    }
}

/// The bytes of the ledger file at `path`, refusing one too large to be a ledger.
fn read_ledger_bytes(path: &Path, backup: &Path) -> Result<Vec<u8>, StoreError> {
    let meta = fs::metadata(path).map_err(StoreError::io("read", path))?;
    if meta.len() > MAX_LEDGER_BYTES {
        return Err(corrupt(
            path,
            backup,
            Damage::TooLarge { bytes: meta.len() },
            None,
        ));
    }
    fs::read(path).map_err(StoreError::io("read", path))
}

/// Parse the bytes of the ledger file at `path`; errors name the file and its backup.
fn parse_ledger_file(bytes: &[u8], path: &Path, backup: &Path) -> Result<Ledger, StoreError> {
    match parse_ledger(bytes) {
        Ok(ledger) => Ok(ledger),
        Err(LedgerParseError::TooNew(found)) => Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            backup: backup.to_path_buf(),
            backup_ok: backup_ok(backup, None),
        }),
        Err(LedgerParseError::Bad { problem, at }) => Err(corrupt(path, backup, problem, at)),
    }
}

/// What is wrong with a ledger file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    Empty,
    TooLarge {
        bytes: u64,
    },
    NotUtf8 {
        byte: u8,
    },
    /// What the RON parser stopped at (boxed: ron's error is large, errors travel far).
    Syntax(Box<ron::Error>),
}

impl Damage {
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Damage::Empty, Lang::Zh) => "文件是空的".into(),
            (Damage::Empty, Lang::En) => "the file is empty".into(),
            (Damage::TooLarge { bytes }, Lang::Zh) => format!("文件过大（{bytes} 字节）"),
            (Damage::TooLarge { bytes }, Lang::En) => format!("file too large ({bytes} bytes)"),
            (Damage::NotUtf8 { byte }, Lang::Zh) => {
                format!("不是 UTF-8 文本（字节 {byte:#04x}），可能已损坏")
            }
            (Damage::NotUtf8 { byte }, Lang::En) => format!("not UTF-8 text (byte {byte:#04x})"),
            (Damage::Syntax(error), Lang::Zh) => syntax_in_chinese(error),
            (Damage::Syntax(error), Lang::En) => error.to_string(),
        }
    }
}

/// What ron stopped at, in Chinese: the usual damage (a cut-off file, a lost comma or
/// quote, a mistyped field) in words; anything rarer with the parser's own words.
fn syntax_in_chinese(error: &ron::Error) -> String {
    use ron::Error as E;
    match error {
        E::Eof => "文件意外结束（可能被截断）".into(),
        E::ExpectedComma => "缺少逗号或右括号".into(),
        E::ExpectedStringEnd => "字符串缺少结束的引号".into(),
        E::ExpectedStructLikeEnd | E::ExpectedMapEnd => "缺少右括号 )".into(),
        E::ExpectedArrayEnd => "缺少右方括号 ]".into(),
        E::ExpectedMapColon => "字段名后缺少冒号 :".into(),
        E::ExpectedMap => "此处应为 { 开始的事项表".into(),
        E::ExpectedArray => "此处应为 [ 开始的列表".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => "此处应为 ( 开始的记录".into(),
        E::ExpectedString => "此处应为带引号的文字".into(),
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
            "此处应为整数".into()
        }
        E::ExpectedFloat => "此处应为数字".into(),
        E::ExpectedBoolean => "此处应为 true 或 false".into(),
        E::ExpectedIdentifier => "此处应为字段名".into(),
        E::TrailingCharacters => "台账结束后还有多余内容".into(),
        E::UnexpectedChar(c) => {
            format!("意外的字符 '{}'", crate::text::for_terminal(&c.to_string()))
        }
        E::InvalidEscape(_) => "字符串中的转义无效".into(),
        E::NoSuchStructField { found, .. } => format!("未知字段 '{found}'"),
        E::MissingStructField { field, .. } => format!("缺少字段 '{field}'"),
        E::DuplicateStructField { field, .. } => format!("字段 '{field}' 重复"),
        E::InvalidValueForType { expected, found } => {
            format!("值 {found} 无效，应为 {expected}")
        }
        other => format!("格式有误（解析器报告：{other}）"),
    }
}

enum LedgerParseError {
    TooNew(u32),
    Bad {
        problem: Damage,
        at: Option<(usize, usize)>,
    },
}

#[cfg(test)]
impl LedgerParseError {
    fn describe(self) -> String {
        match self {
            LedgerParseError::TooNew(v) => format!("format {v} is newer than {FORMAT_VERSION}"),
            LedgerParseError::Bad { problem, at } => format!("{at:?}: {problem:?}"),
        }
    }
}

fn parse_ledger(bytes: &[u8]) -> Result<Ledger, LedgerParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LedgerParseError::Bad {
            problem: Damage::Empty,
            at: None,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        // Place the first bad byte like a parse error: line and character column.
        let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let col = good.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        LedgerParseError::Bad {
            problem: Damage::NotUtf8 {
                byte: bytes[e.valid_up_to()],
            },
            at: Some((line, col)),
        }
    })?;
    let options = ron::Options::default().with_recursion_limit(64);
    // One full parse in the common case; the format probe runs only when that fails, to tell
    // a newer ledger (with fields this build does not know) from a damaged one.
    match options.from_str::<Ledger>(text) {
        Ok(ledger) if ledger.format > FORMAT_VERSION => {
            Err(LedgerParseError::TooNew(ledger.format))
        }
        Ok(ledger) => Ok(ledger),
        Err(e) => match options.from_str::<FormatProbe>(text) {
            Ok(probe) if probe.format > FORMAT_VERSION => {
                Err(LedgerParseError::TooNew(probe.format))
            }
            _ => Err(LedgerParseError::Bad {
                problem: Damage::Syntax(Box::new(e.code)),
                at: Some((e.span.start.line, e.span.start.col)),
            }),
        },
    }
}

/// The ledger as saved: RON, human-readable, with a header comment; each logged entry on
/// one line, so that the file reads (and diffs) like a register.
///
/// Strings are written as they are (a string holding `"` or `\` as a raw string `r#"…"#`),
/// which is several times faster than ron's per-character escaping for Chinese text. Only a
/// ledger holding a control character or bidi override (never accepted at input, but a
/// hand-edited file may have one) is written with escapes, so none lands in the file raw.
pub fn serialize_ledger(ledger: &Ledger) -> String {
    let pretty = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("  ".to_string())
        .struct_names(false)
        .escape_strings(ledger_strings(ledger).any(crate::text::has_unsafe));
    // Written straight after the header, sized for a typical entry line, to avoid copying.
    let mut out = String::with_capacity(
        256 + 200
            * ledger
                .items
                .values()
                .map(|r| r.entries.len() + 1)
                .sum::<usize>(),
    );
    out.push_str(
        "// duty 台账 ledger — 由 duty 维护，请勿手工编辑 / maintained by duty; edit with care\n",
    );
    ron::ser::to_writer_pretty(&mut out, ledger, pretty)
        .unwrap_or_else(|e| unreachable!("a ledger always serialises: {e}"));
    out.push('\n');
    out
}

/// Every string a ledger holds.
fn ledger_strings(ledger: &Ledger) -> impl Iterator<Item = &str> {
    std::iter::once(ledger.checklist.as_str()).chain(ledger.items.iter().flat_map(|(id, r)| {
        let done = r
            .done
            .iter()
            .flat_map(|d| [d.evidence.as_str(), d.by.as_str()]);
        let rate = r
            .rate
            .iter()
            .flat_map(|x| [x.evidence.as_str(), x.by.as_str()]);
        let entries = r.entries.iter().flat_map(|e| {
            [
                e.id.as_str(),
                e.topic.as_str(),
                e.evidence.as_str(),
                e.by.as_str(),
            ]
        });
        [id.as_str(), r.note.as_str(), r.evidence.as_str()]
            .into_iter()
            .chain(done)
            .chain(rate)
            .chain(entries)
    }))
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
/// target under the lock) and returns the change to make. A failure to write leaves the
/// ledger as it was and is reported as [`StoreError::NotSaved`].
pub fn transact(
    paths: &LedgerPaths,
    checklist: &Checklist,
    ctx: &Ctx,
    decide: impl FnOnce(
        &Ledger,
        &dyn Fn() -> Result<Vec<HistoryRecord>, StoreError>,
    ) -> Result<Change, StoreError>,
) -> Result<Saved, StoreError> {
    transact_from(paths, None, checklist, ctx, decide)
}

/// [`transact`], given the ledger as read earlier: under the lock it is used if the file
/// still holds exactly the bytes it was read from, which spares parsing it a second time.
pub fn transact_from(
    paths: &LedgerPaths,
    known: Option<Loaded>,
    checklist: &Checklist,
    ctx: &Ctx,
    decide: impl FnOnce(
        &Ledger,
        &dyn Fn() -> Result<Vec<HistoryRecord>, StoreError>,
    ) -> Result<Change, StoreError>,
) -> Result<Saved, StoreError> {
    let not_saved = not_saved(paths);
    let _lock = lock(paths).map_err(not_saved)?;
    let mut ledger = match known {
        Some(known) if still_current(paths, &known, checklist) => known.ledger,
        _ => read_ledger(paths, &checklist.id, checklist.year)?,
    };
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
    // History first: a ledger change is never on disk without its record. A record whose
    // ledger save did not happen is ignored by `effective_history`.
    append_history(paths, &record).map_err(not_saved)?;
    save_ledger(paths, &ledger).map_err(not_saved)?;
    Ok(Saved { ledger, record })
}

/// An I/O failure while changing the ledger at `paths` means the change was not saved.
fn not_saved(paths: &LedgerPaths) -> impl Fn(StoreError) -> StoreError + Copy + '_ {
    move |e| match e {
        StoreError::Io { .. } => StoreError::NotSaved {
            ledger: paths.ledger.clone(),
            source: Box::new(e),
        },
        other => other,
    }
}

/// Several changes made at once under the lock, such as an import: `batch` sees the ledger
/// as read under the lock and returns the new ledger, the history records that lead to it
/// (numbered on from the ledger's `seq`) and whatever the caller wants back. The records are
/// appended and synced in one write before the ledger is saved, as for a single change, so
/// records beyond the saved `seq` never took effect. Nothing is written without records.
pub fn transact_batch<T>(
    paths: &LedgerPaths,
    checklist: &Checklist,
    batch: impl FnOnce(&Ledger) -> Result<(Ledger, Vec<HistoryRecord>, T), StoreError>,
) -> Result<(Vec<HistoryRecord>, T), StoreError> {
    let not_saved = not_saved(paths);
    let _lock = lock(paths).map_err(not_saved)?;
    let local = read_ledger(paths, &checklist.id, checklist.year)?;
    let (ledger, records, outcome) = batch(&local)?;
    if !records.is_empty() {
        append_history_records(paths, &records).map_err(not_saved)?;
        save_ledger(paths, &ledger).map_err(not_saved)?;
    }
    Ok((records, outcome))
}

/// Create the empty ledger of `checklist_id` for `year` (a new year), unless one exists: an
/// existing ledger is never replaced, only read, so that a damaged one is reported. Returns
/// whether it was created.
pub fn start_ledger(
    data_dir: &Path,
    checklist_id: &str,
    year: i16,
) -> Result<(bool, LedgerPaths), StoreError> {
    let paths = LedgerPaths::new(data_dir, checklist_id, year);
    let _lock = lock(&paths)?;
    // Read it: a damaged ledger is reported, and a missing one beside its backup or history
    // (lost, not new) is too, rather than replaced by an empty year.
    let existing = load_ledger(&paths, checklist_id, year)?;
    if existing.digest.is_some() {
        return Ok((false, paths));
    }
    save_ledger(&paths, &existing.ledger)?;
    Ok((true, paths))
}

/// Whether the ledger file still holds the bytes `known` was read from (call under the lock).
fn still_current(paths: &LedgerPaths, known: &Loaded, checklist: &Checklist) -> bool {
    known.ledger.checklist == checklist.id
        && known.ledger.year == checklist.year
        && known
            .digest
            .is_some_and(|digest| digest.matches_file(&paths.ledger))
}

/// Replace the ledger file, keeping the current one as the backup. Call under the lock.
pub fn save_ledger(paths: &LedgerPaths, ledger: &Ledger) -> Result<(), StoreError> {
    fs::create_dir_all(&paths.dir).map_err(StoreError::io("create", &paths.dir))?;
    remove_stale_temporaries(paths);
    if paths.ledger.exists() {
        keep_backup(paths)?;
    }
    // The next command reads the bytes written here; they are the exact serialisation of
    // `ledger` (the round trip is tested), so `ledger` is their parse and goes to the cache.
    // The cache entry is encoded while the RON is serialised, and (for a large ledger)
    // written while the ledger is written and synced, on the second core. An entry written
    // for a save that then fails is harmless: it only ever matches these exact bytes.
    std::thread::scope(|scope| {
        let encoded = scope.spawn(|| cache::encode(ledger));
        let text = serialize_ledger(ledger);
        let digest = Digest::of(text.as_bytes());
        if digest.cacheable() {
            scope.spawn(move || {
                if let Ok(Some(payload)) = encoded.join() {
                    paths.cache.store(digest, &payload);
                }
            });
        }
        write_atomic(&paths.ledger, text.as_bytes())
    })
}

/// The name of the temporary hard link that becomes the backup. Only the lock holder uses
/// it, so one fixed name is enough, and a process killed mid-way leaves at most this one.
fn backup_link(paths: &LedgerPaths) -> PathBuf {
    paths.dir.join(format!(".{}.tmp", file_name(&paths.backup)))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Remove temporary files left by a process killed mid-save: atomic-write-file names them
/// `.NAME.XXXXXX` (six letters or digits). Call under the lock, when nobody else is writing.
fn remove_stale_temporaries(paths: &LedgerPaths) {
    let Ok(dir) = fs::read_dir(&paths.dir) else {
        return;
    };
    let prefixes = [
        format!(".{}.", file_name(&paths.ledger)),
        format!(".{}.", file_name(&paths.backup)),
    ];
    for entry in dir.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let stale = prefixes.iter().any(|p| {
            name.strip_prefix(p.as_str()).is_some_and(|rest| {
                rest == "tmp"
                    || (rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
            })
        });
        if stale {
            // Best effort: a leftover that cannot be removed harms nothing but tidiness.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Make `YEAR.ron.bak` the current (good) ledger: a hard link under a temporary name renamed
/// into place, so the backup is replaced atomically and no bytes are copied; where the file
/// system has no hard links, an atomic copy.
fn keep_backup(paths: &LedgerPaths) -> Result<(), StoreError> {
    let tmp = backup_link(paths);
    let _ = fs::remove_file(&tmp);
    match fs::hard_link(&paths.ledger, &tmp) {
        Ok(()) => {
            fs::rename(&tmp, &paths.backup).map_err(StoreError::io("rename", &paths.backup))?;
            // When the backup already is the ledger (a process was killed between making the
            // backup and replacing the ledger), POSIX rename does nothing and leaves `tmp`;
            // removing it is tidiness only, so a failure is not worth refusing the change.
            let _ = fs::remove_file(&tmp);
            Ok(())
        }
        Err(_) => {
            let bytes = fs::read(&paths.ledger).map_err(StoreError::io("read", &paths.ledger))?;
            write_atomic(&paths.backup, &bytes)
        }
    }
}

/// Append one record to the history file and fsync it (see [`append_history_records`]).
fn append_history(paths: &LedgerPaths, record: &HistoryRecord) -> Result<(), StoreError> {
    append_history_records(paths, std::slice::from_ref(record))
}

/// Append records to the history file in one write and fsync it. If the last line was torn
/// by a crash mid-append, the new records start on a line of their own so that they stay
/// readable. Call under the ledger's lock, before saving the ledger.
fn append_history_records(
    paths: &LedgerPaths,
    records: &[HistoryRecord],
) -> Result<(), StoreError> {
    let mut text = String::new();
    for record in records {
        text.push_str(
            &serde_json::to_string(record)
                .unwrap_or_else(|e| unreachable!("a history record always serialises: {e}")),
        );
        text.push('\n');
    }
    let path = &paths.history;
    let mut file = OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .open(path)
        .map_err(StoreError::io("write", path))?;
    let len = file.metadata().map_err(StoreError::io("read", path))?.len();
    if len > 0 {
        let mut last = [0u8];
        file.seek(SeekFrom::Start(len - 1))
            .and_then(|_| file.read_exact(&mut last))
            .map_err(StoreError::io("read", path))?;
        if last[0] != b'\n' {
            text.insert(0, '\n');
        }
    }
    file.write_all(text.as_bytes())
        .map_err(StoreError::io("write", path))?;
    file.sync_data().map_err(StoreError::io("sync", path))
}

/// The history records that took effect (see [`effective_history`]). A line that does not
/// parse (torn by a crash mid-append) is skipped: it never took effect, since the ledger is
/// saved after it.
pub fn read_history(
    paths: &LedgerPaths,
    ledger_seq: u64,
) -> Result<Vec<HistoryRecord>, StoreError> {
    let file = match File::open(&paths.history) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io("read", &paths.history)(e)),
    };
    Ok(effective_history(
        read_history_lines(paths, file)?,
        ledger_seq,
    ))
}

/// Every history line that parses. Lines are split as bytes: a line torn by a crash may end
/// inside a multi-byte character, and must be skipped, not make the whole history unreadable.
fn read_history_lines(paths: &LedgerPaths, file: File) -> Result<Vec<HistoryRecord>, StoreError> {
    let mut records = Vec::new();
    for line in BufReader::new(file).split(b'\n') {
        let line = line.map_err(StoreError::io("read", &paths.history))?;
        if let Ok(record) = serde_json::from_slice::<HistoryRecord>(&line) {
            records.push(record);
        }
    }
    Ok(records)
}

/// Replace an unreadable ledger with its backup. The unreadable file is kept aside as
/// `YEAR.ron.damaged-N`, never deleted. Returns where it was kept. A ledger that reads fine
/// is left alone ([`StoreError::NothingToRestore`]): restoring would drop its last change.
pub fn restore_backup(
    paths: &LedgerPaths,
    checklist_id: &str,
    year: i16,
) -> Result<Restored, StoreError> {
    let _lock = lock(paths)?;
    match read_ledger(paths, checklist_id, year) {
        Ok(_) if paths.ledger.exists() => {
            return Err(StoreError::NothingToRestore {
                path: paths.ledger.clone(),
            });
        }
        Err(e) if !e.is_unreadable_ledger() => return Err(e),
        _ => {}
    }
    let base = match fs::read(&paths.backup) {
        Ok(bytes) => {
            let unusable = |problem: Damage, at| StoreError::Corrupt {
                path: paths.backup.clone(),
                problem,
                at,
                backup: paths.backup.clone(),
                backup_ok: false,
            };
            let backup = parse_ledger(&bytes).map_err(|e| match e {
                LedgerParseError::Bad { problem, at } => unusable(problem, at),
                LedgerParseError::TooNew(found) => StoreError::TooNew {
                    path: paths.backup.clone(),
                    found,
                    backup: paths.backup.clone(),
                    backup_ok: false,
                },
            })?;
            if backup.checklist != checklist_id || backup.year != year {
                return Err(StoreError::Mismatch {
                    path: paths.backup.clone(),
                    id: checklist_id.to_string(),
                    year,
                    found_id: backup.checklist,
                    found_year: backup.year,
                    backup: paths.backup.clone(),
                    backup_ok: false,
                });
            }
            backup
        }
        // No backup (the ledger was saved once, or never): the history holds every item's
        // state after each change, so the ledger is rebuilt from it below.
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(&paths.history).is_err() {
                return Err(StoreError::io("read", &paths.backup)(e));
            }
            Ledger::new(checklist_id, year)
        }
        Err(e) => return Err(StoreError::io("read", &paths.backup)(e)),
    };
    // The backup is one save behind the ledger it stands in for: the changes recorded after
    // it are put back from the history, so restoring loses nothing and numbers stay unique.
    let base_seq = base.seq;
    let records = match File::open(&paths.history) {
        Ok(file) => read_history_lines(paths, file)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(StoreError::io("read", &paths.history)(e)),
    };
    // How far the damaged ledger had got, if its header still says: a change recorded after
    // that never took effect (its save failed) and must not come back.
    let saved_upto = fs::read(&paths.ledger)
        .ok()
        .and_then(|b| saved_seq(&b, checklist_id, year));
    let (restored, replayed) = crate::ledger::replay(base, records, saved_upto.unwrap_or(u64::MAX));
    // Without that count, the last change put back may be one whose save never finished.
    let unsure = (saved_upto.is_none() && !replayed.is_empty())
        .then(|| replayed.last().map(|r| r.seq))
        .flatten();
    // A change whose history line was lost cannot be put back: say which.
    let missing: Vec<u64> = replayed
        .iter()
        .map(|r| r.seq)
        .scan(base_seq, |last, seq| {
            let gap = (*last + 1..seq).collect::<Vec<_>>();
            *last = seq;
            Some(gap)
        })
        .flatten()
        .collect();
    let bytes = serialize_ledger(&restored).into_bytes();
    let mut kept = None;
    if fs::symlink_metadata(&paths.ledger).is_ok() {
        let aside = (1..)
            .map(|n| {
                paths
                    .dir
                    .join(format!("{}.damaged-{n}", file_name(&paths.ledger)))
            })
            .find(|p| fs::symlink_metadata(p).is_err())
            .unwrap_or_else(|| unreachable!("some damaged-N name is free"));
        // Keep the damaged file under a second name first, then replace the ledger in one
        // rename: there is never a moment without a ledger file.
        if fs::hard_link(&paths.ledger, &aside).is_err() {
            let damaged = fs::read(&paths.ledger).map_err(StoreError::io("read", &paths.ledger))?;
            write_atomic(&aside, &damaged)?;
        }
        kept = Some(aside);
    }
    write_atomic(&paths.ledger, &bytes)?;
    Ok(Restored {
        aside: kept,
        replayed,
        unsure,
        missing,
    })
}

/// The change count a ledger file of `checklist_id` and `year` states in its header
/// (`seq: 12,`), read leniently from a file that no longer parses as a whole. `None` when the
/// header is gone, or is another ledger's.
fn saved_seq(bytes: &[u8], checklist_id: &str, year: i16) -> Option<u64> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let field = |name: &str| {
        head.lines().find_map(|line| {
            let value = line.trim().strip_prefix(name)?.trim();
            Some(value.trim_end_matches(',').trim().to_string())
        })
    };
    let ours = field("checklist:") == Some(format!("\"{checklist_id}\""))
        && field("year:") == Some(year.to_string());
    let digits: String = field("seq:")?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    ours.then(|| digits.parse().ok()).flatten()
}

/// What `restore_backup` did.
#[derive(Debug)]
pub struct Restored {
    /// Where the damaged ledger was kept, if there was one.
    pub aside: Option<PathBuf>,
    /// The changes recorded after the backup, put back from the history.
    pub replayed: Vec<HistoryRecord>,
    /// The last change put back, when the damaged ledger no longer said how far it had got:
    /// it may be one whose save never finished.
    pub unsure: Option<u64>,
    /// Changes after the backup whose history line was lost (torn), not put back.
    pub missing: Vec<u64>,
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

/// Who is making changes, for the history: the login name from the environment, else (on
/// Unix) the password-file name of the process's user, else `uid N`, else "unknown".
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .or_else(passwd_user)
        .map(|u| crate::text::strip_unsafe(&u))
        .unwrap_or_else(|| "unknown".to_string())
}

/// The user owning this process, from `/proc/self` (whose owner is the process's effective
/// user on Linux) and `/etc/passwd`; std offers no `getuid`, and this avoids a libc binding.
#[cfg(unix)]
fn passwd_user() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = fs::metadata("/proc/self").ok()?.uid();
    let passwd = fs::read_to_string("/etc/passwd").unwrap_or_default();
    let named = passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let _password = fields.next()?;
        (fields.next()?.parse::<u32>().ok()? == uid && !name.is_empty()).then(|| name.to_string())
    });
    Some(named.unwrap_or_else(|| format!("uid {uid}")))
}

#[cfg(not(unix))]
fn passwd_user() -> Option<String> {
    None
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
        Ok(text) => ron::from_str(&text).map_err(|e| StoreError::Settings {
            path: path.to_path_buf(),
            problem: format!(
                "line {}, column {}: {}",
                e.span.start.line, e.span.start.col, e.code
            ),
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
    if path.is_dir() {
        return Err(StoreError::Io {
            op: "write",
            path: path.to_path_buf(),
            source: io::Error::new(io::ErrorKind::IsADirectory, "it is a directory"),
        });
    }
    let exists = || StoreError::Io {
        op: "write",
        path: path.to_path_buf(),
        source: io::Error::new(
            io::ErrorKind::AlreadyExists,
            "file exists (use --force to replace it)",
        ),
    };
    if !force && path.exists() {
        return Err(exists());
    }
    // A mistyped directory is reported, not created.
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if dir.is_some_and(|d| !d.is_dir()) {
        return Err(StoreError::Io {
            op: "write",
            path: path.to_path_buf(),
            source: io::Error::new(io::ErrorKind::NotFound, "the directory does not exist"),
        });
    }
    if force {
        return write_atomic(path, contents);
    }
    // Never replace: written and synced beside its name, then linked in only if the name is
    // still free, so a file another process made meanwhile is not lost.
    let dir = dir.unwrap_or(Path::new("."));
    let write = StoreError::io("write", path);
    let mut temp = tempfile::Builder::new()
        .prefix(".duty-new-")
        .tempfile_in(dir)
        .map_err(StoreError::io("write", dir))?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(StoreError::io("write", path))?;
    match temp.persist_noclobber(path) {
        Ok(_) => {
            // The new name is durable once the directory is.
            File::open(dir).and_then(|d| d.sync_all()).map_err(write)
        }
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(exists()),
        Err(e) => Err(write(e.error)),
    }
}

/// Create `dir` (and its parents) if it does not exist yet.
pub fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    fs::create_dir_all(dir).map_err(StoreError::io("create", dir))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{BUILTIN_DEFAULT, load};
    use crate::ledger::{Done, Entry, ItemRecord, RateRecord};
    use jiff::Timestamp;
    use jiff::civil::{Date, date};
    use proptest::prelude::*;

    /// Text a ledger might hold: any Unicode (controls and bidi overrides included, which
    /// input refuses but a hand-edited file may carry), mixed with the pieces that trip up
    /// quoting: quotes, raw-string hashes, backslashes, RON punctuation, CJK and emoji.
    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            any::<char>().prop_map(String::from),
            "[\\PC]{0,6}",
            prop::sample::select(vec![
                "\"",
                "#",
                "\"#",
                "r#\"",
                "\"##",
                "\\",
                "\\n",
                "\n",
                "\r\n",
                "\t",
                "'",
                "//",
                "/*",
                ")",
                "}",
                "]",
                ",",
                "学法",
                "《宪法》",
                "🙂",
                "👨‍👩‍👧",
                "\u{202E}",
                "\0",
            ])
            .prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
    }

    /// Printable text only (what input accepts): exercises the unescaped way of writing.
    fn clean_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[\\PC]{0,8}",
            prop::sample::select(vec!["\"", "#", "\"#", "\"##", "\\", "r#\"", "学法", "🙂"])
                .prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
    }

    fn day() -> impl Strategy<Value = Date> {
        (-9999i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
    }

    fn record(text: BoxedStrategy<String>) -> impl Strategy<Value = ItemRecord> {
        let done = prop::option::of((day(), text.clone(), text.clone()))
            .prop_map(|d| d.map(|(date, evidence, by)| Done { date, evidence, by }));
        let hours = prop::option::of(any::<f64>().prop_filter("finite", |h| h.is_finite()));
        let entry = (
            text.clone(),
            day(),
            text.clone(),
            hours,
            text.clone(),
            text.clone(),
        )
            .prop_map(|(id, date, topic, hours, evidence, by)| Entry {
                id,
                date,
                topic,
                hours,
                evidence,
                by,
            });
        let rate = prop::option::of((
            any::<u64>(),
            any::<u64>(),
            day(),
            text.clone(),
            text.clone(),
        ))
        .prop_map(|r| {
            r.map(|(numerator, denominator, date, evidence, by)| RateRecord {
                numerator,
                denominator,
                date,
                evidence,
                by,
            })
        });
        (
            done,
            prop::collection::vec(entry, 0..4),
            rate,
            text.clone(),
            text,
        )
            .prop_map(|(done, entries, rate, note, evidence)| ItemRecord {
                done,
                entries,
                rate,
                note,
                evidence,
            })
    }

    fn ledger(text: BoxedStrategy<String>) -> impl Strategy<Value = Ledger> {
        (
            text.clone(),
            any::<i16>(),
            any::<bool>(),
            any::<u64>(),
            prop::collection::btree_map(text.clone(), record(text), 0..4),
        )
            .prop_map(|(checklist, year, closed, seq, items)| Ledger {
                format: FORMAT_VERSION,
                checklist,
                year,
                closed,
                seq,
                items,
            })
    }

    fn round_trip(l: &Ledger) -> Result<Ledger, String> {
        parse_ledger(serialize_ledger(l).as_bytes()).map_err(LedgerParseError::describe)
    }

    proptest! {
        #[test]
        fn any_ledger_round_trips_through_ron(l in ledger(text().boxed())) {
            let written = serialize_ledger(&l);
            // Control characters never land in the file raw (line breaks are layout).
            prop_assert!(!written.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'));
            prop_assert_eq!(round_trip(&l), Ok(l));
        }

        #[test]
        fn clean_ledgers_round_trip_unescaped(l in ledger(clean_text().boxed())) {
            prop_assert_eq!(round_trip(&l), Ok(l));
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_process_user_is_found_without_the_environment() {
        let name = passwd_user().expect("/proc/self names the process's user");
        let id = std::process::Command::new("id").arg("-un").output();
        match id {
            Ok(out) if out.status.success() => {
                assert_eq!(name, String::from_utf8_lossy(&out.stdout).trim());
            }
            _ => assert!(!name.is_empty() && !name.contains(':'), "{name}"),
        }
    }

    fn fixture() -> (tempfile::TempDir, LedgerPaths, Checklist, Ctx) {
        let dir = tempfile::tempdir().unwrap();
        let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2024, Lang::Zh).unwrap();
        let paths = LedgerPaths::new(dir.path(), &c.id, 2024);
        let ctx = Ctx {
            today: date(2024, 6, 1),
            now: Timestamp::from_second(1_717_200_000).unwrap(),
            user: "tester".into(),
        };
        (dir, paths, c, ctx)
    }

    fn note(text: &str) -> Change {
        Change::Note {
            item: "lectures".into(),
            text: text.into(),
        }
    }

    #[test]
    fn each_save_keeps_the_previous_ledger_as_backup() {
        let (_dir, paths, c, ctx) = fixture();
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        assert!(
            !paths.backup.exists(),
            "nothing to back up before the first save"
        );
        let first = fs::read(&paths.ledger).unwrap();
        let saved = transact(&paths, &c, &ctx, |_, _| Ok(note("二"))).unwrap();
        assert_eq!(fs::read(&paths.backup).unwrap(), first);
        assert_eq!(read_ledger(&paths, &c.id, 2024).unwrap(), saved.ledger);
        let history = read_history(&paths, saved.ledger.seq).unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[1], saved.record);
    }

    #[test]
    fn a_torn_history_line_does_not_swallow_the_next_record() {
        let (_dir, paths, c, ctx) = fixture();
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        let mut f = OpenOptions::new()
            .append(true)
            .open(&paths.history)
            .unwrap();
        f.write_all(br#"{"seq":2,"at":"2024-"#).unwrap();
        let saved = transact(&paths, &c, &ctx, |_, _| Ok(note("二"))).unwrap();
        let history = read_history(&paths, saved.ledger.seq).unwrap();
        let seqs: Vec<_> = history.iter().map(|r| r.seq).collect();
        assert_eq!(seqs, [1, 2]);
    }

    #[test]
    fn stale_temporaries_are_removed_under_the_lock() {
        let (_dir, paths, c, ctx) = fixture();
        fs::create_dir_all(&paths.dir).unwrap();
        let stale = [
            ".2024.ron.Ab3xQ9",
            ".2024.ron.bak.tmp",
            ".2024.ron.bak.zz99ZZ",
        ];
        let kept = ["2024.ron.damaged-1", ".2024.ron.notours", "notes.txt"];
        for name in stale.iter().chain(&kept) {
            fs::write(paths.dir.join(name), "x").unwrap();
        }
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        for name in stale {
            assert!(!paths.dir.join(name).exists(), "{name} should be removed");
        }
        for name in kept {
            assert!(paths.dir.join(name).exists(), "{name} should be kept");
        }
    }

    #[test]
    fn a_failed_write_is_reported_as_not_saved_and_changes_nothing() {
        let (_dir, paths, c, ctx) = fixture();
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        let before = fs::read(&paths.ledger).unwrap();
        // The history cannot be opened for appending: a directory stands in its place.
        fs::remove_file(&paths.history).unwrap();
        fs::create_dir(&paths.history).unwrap();
        let err = transact(&paths, &c, &ctx, |_, _| Ok(note("二"))).unwrap_err();
        assert!(matches!(err, StoreError::NotSaved { .. }), "{err:?}");
        assert!(err.message(Lang::En).contains("is unchanged"));
        assert_eq!(fs::read(&paths.ledger).unwrap(), before);
    }

    #[test]
    fn a_newer_format_is_told_apart_from_damage() {
        let newer = "(format: 2, checklist: \"x\", year: 2024, colour: \"new field\")";
        assert!(matches!(
            parse_ledger(newer.as_bytes()),
            Err(LedgerParseError::TooNew(2))
        ));
        let plain_newer = "(format: 7, checklist: \"x\", year: 2024)";
        assert!(matches!(
            parse_ledger(plain_newer.as_bytes()),
            Err(LedgerParseError::TooNew(7))
        ));
        let bad_utf8 = b"(format: 1,\n  checklist: \"\xff\"";
        match parse_ledger(bad_utf8) {
            Err(LedgerParseError::Bad { at, .. }) => assert_eq!(at, Some((2, 15))),
            _ => panic!("invalid UTF-8 must be placed"),
        }
    }

    #[test]
    fn unreadable_settings_are_reported_as_settings_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        fs::write(&path, "(lang: Some(Klingon))").unwrap();
        let err = read_settings(&path).unwrap_err();
        assert!(matches!(err, StoreError::Settings { .. }), "{err:?}");
        assert!(err.message(Lang::Zh).starts_with("设置文件"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "(lang: Some(Klingon))");
    }

    #[test]
    fn restore_refuses_a_readable_ledger() {
        let (_dir, paths, c, ctx) = fixture();
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        transact(&paths, &c, &ctx, |_, _| Ok(note("二"))).unwrap();
        let err = restore_backup(&paths, &c.id, 2024).unwrap_err();
        assert!(matches!(err, StoreError::NothingToRestore { .. }));
        fs::write(&paths.ledger, "(garbage").unwrap();
        let restored = restore_backup(&paths, &c.id, 2024).unwrap();
        assert_eq!(
            fs::read_to_string(restored.aside.unwrap()).unwrap(),
            "(garbage"
        );
        // The backup held change 1; change 2 comes back from the history, not lost.
        let seqs: Vec<u64> = restored.replayed.iter().map(|r| r.seq).collect();
        assert_eq!(seqs, [2]);
        let ledger = read_ledger(&paths, &c.id, 2024).unwrap();
        assert_eq!(ledger.seq, 2);
        assert_eq!(ledger.items["lectures"].note, "二");
        // And the next change gets a number of its own.
        let next = transact(&paths, &c, &ctx, |_, _| Ok(note("三"))).unwrap();
        assert_eq!(next.record.seq, 3);
        let history = read_history(&paths, 3).unwrap();
        assert_eq!(history.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn a_history_line_torn_inside_a_character_is_skipped() {
        let (_dir, paths, c, ctx) = fixture();
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        let mut f = OpenOptions::new()
            .append(true)
            .open(&paths.history)
            .unwrap();
        // `学` is E5 AD A6: the crash cut it after two bytes.
        f.write_all(b"{\"seq\":2,\"by\":\"\xE5\xAD").unwrap();
        let saved = transact(&paths, &c, &ctx, |_, _| Ok(note("二"))).unwrap();
        let seqs: Vec<_> = read_history(&paths, saved.ledger.seq)
            .unwrap()
            .iter()
            .map(|r| r.seq)
            .collect();
        assert_eq!(seqs, [1, 2]);
    }

    #[test]
    fn a_missing_ledger_beside_its_backup_is_an_error_until_restored() {
        let (_dir, paths, c, ctx) = fixture();
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        let saved = transact(&paths, &c, &ctx, |_, _| Ok(note("二"))).unwrap();
        fs::remove_file(&paths.ledger).unwrap();
        let backup = fs::read(&paths.backup).unwrap();
        let err = read_ledger(&paths, &c.id, 2024).unwrap_err();
        assert!(matches!(err, StoreError::Missing { .. }), "{err:?}");
        assert!(err.message(Lang::Zh).contains("duty restore-backup"));
        // A change is refused too, and the backup is left as it was.
        assert!(transact(&paths, &c, &ctx, |_, _| Ok(note("三"))).is_err());
        assert_eq!(fs::read(&paths.backup).unwrap(), backup);
        let restored = restore_backup(&paths, &c.id, 2024).unwrap();
        assert_eq!(restored.aside, None);
        assert_eq!(read_ledger(&paths, &c.id, 2024).unwrap(), saved.ledger);
    }

    #[test]
    fn without_a_backup_the_ledger_is_rebuilt_from_history() {
        let (_dir, paths, c, ctx) = fixture();
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        let saved = transact(&paths, &c, &ctx, |_, _| Ok(note("二"))).unwrap();
        fs::remove_file(&paths.backup).unwrap();
        fs::remove_file(&paths.ledger).unwrap();
        assert!(matches!(
            read_ledger(&paths, &c.id, 2024),
            Err(StoreError::Missing { .. })
        ));
        restore_backup(&paths, &c.id, 2024).unwrap();
        assert_eq!(read_ledger(&paths, &c.id, 2024).unwrap(), saved.ledger);
    }

    /// A ledger large enough to be cached: a long note on one item.
    fn large_ledger(c: &Checklist) -> Ledger {
        let mut ledger = Ledger::new(&c.id, 2024);
        // An orphaned record (kept, like any other) carries the bulk.
        ledger.items.entry("retired".into()).or_default().note = "学法".repeat(50_000);
        ledger.seq = 1;
        ledger
    }

    #[test]
    fn a_large_ledger_is_read_from_its_cache_only_while_its_bytes_are_unchanged() {
        let (_dir, paths, c, ctx) = fixture();
        save_ledger(&paths, &large_ledger(&c)).unwrap();
        let bytes = fs::read(&paths.ledger).unwrap();
        assert!(bytes.len() > CACHE_MIN_BYTES);
        // The save left the parse of exactly the bytes it wrote.
        let parsed = parse_ledger(&bytes)
            .map_err(LedgerParseError::describe)
            .unwrap();
        assert_eq!(
            paths.cache.get::<Ledger>(Digest::of(&bytes)),
            Some(parsed.clone())
        );
        assert_eq!(read_ledger(&paths, &c.id, 2024).unwrap(), parsed);
        // And reading takes the entry: a ledger planted under the file's key comes back.
        let mut planted = parsed.clone();
        planted.items.entry("marker".into()).or_default().note = "从缓存读出".into();
        paths.cache.put(Digest::of(&bytes), &planted);
        assert_eq!(read_ledger(&paths, &c.id, 2024).unwrap(), planted);
        paths.cache.put(Digest::of(&bytes), &parsed);
        // A change through the store reads the cached parse and refreshes it.
        let saved = transact(&paths, &c, &ctx, |_, _| Ok(note("改"))).unwrap();
        let bytes = fs::read(&paths.ledger).unwrap();
        assert_eq!(
            paths.cache.get::<Ledger>(Digest::of(&bytes)),
            Some(saved.ledger.clone())
        );
        // Damage to the ledger is never hidden by the cache of its earlier bytes.
        let mut torn = bytes.clone();
        torn.truncate(bytes.len() - 100);
        fs::write(&paths.ledger, &torn).unwrap();
        assert!(matches!(
            read_ledger(&paths, &c.id, 2024),
            Err(StoreError::Corrupt { .. })
        ));
        assert_eq!(fs::read(&paths.ledger).unwrap(), torn);
    }

    #[test]
    fn a_ledger_read_earlier_is_used_only_if_the_file_is_unchanged() {
        let (_dir, paths, c, ctx) = fixture();
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        let earlier = load_ledger(&paths, &c.id, 2024).unwrap();
        // Unchanged: the change builds on what was read, not on a second read (the marker
        // is only in the copy handed over).
        let mut marked = earlier.clone();
        marked.ledger.items.entry("marker".into()).or_default().note = "先前读取".into();
        let saved = transact_from(&paths, Some(marked), &c, &ctx, |ledger, _| {
            assert!(
                ledger.items.contains_key("marker"),
                "the earlier read is used"
            );
            Ok(note("二"))
        })
        .unwrap();
        assert_eq!(saved.ledger.seq, 2);
        // Another process changed the file since: its change is kept, not overwritten by a
        // change built on the stale read.
        let stale = earlier;
        transact_from(&paths, Some(stale), &c, &ctx, |ledger, _| {
            assert_eq!(ledger.seq, 2, "re-read, not the stale copy");
            assert!(
                ledger.items.contains_key("marker"),
                "what the last change saved"
            );
            Ok(note("三"))
        })
        .unwrap();
        let now = read_ledger(&paths, &c.id, 2024).unwrap();
        assert_eq!(now.seq, 3);
        assert_eq!(now.items["lectures"].note, "三");
        // A ledger read before there was a file is never taken as current.
        let (_dir, paths, c, ctx) = fixture();
        let empty = load_ledger(&paths, &c.id, 2024).unwrap();
        assert_eq!(empty.digest, None);
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        let saved = transact_from(&paths, Some(empty), &c, &ctx, |_, _| Ok(note("二"))).unwrap();
        assert_eq!(saved.ledger.seq, 2);
    }

    #[test]
    fn common_damage_is_described_in_chinese() {
        let good = serialize_ledger(&Ledger::new("x", 2024));
        let said = |text: &str| match parse_ledger(text.as_bytes()) {
            Err(LedgerParseError::Bad { problem, .. }) => problem.describe(Lang::Zh),
            _ => panic!("{text} parsed"),
        };
        assert_eq!(said(&good[..good.len() - 3]), "文件意外结束（可能被截断）");
        assert_eq!(
            said(&good.replace("seq: 0", "seq: 0 1")),
            "缺少逗号或右括号"
        );
        assert_eq!(said(&good.replace("seq:", "sq:")), "未知字段 'sq'");
        assert_eq!(said(&good.replace("seq: 0", "seq: \"x\"")), "此处应为整数");
        for text in [&good[..8], "(((", "\u{7f}"] {
            assert!(!said(text).is_empty());
        }
    }

    #[test]
    fn starting_a_year_never_replaces_a_lost_ledger() {
        let (_dir, paths, c, ctx) = fixture();
        let data_dir = paths.dir.parent().unwrap().to_path_buf();
        let (created, _) = start_ledger(&data_dir, &c.id, 2024).unwrap();
        assert!(created);
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        transact(&paths, &c, &ctx, |_, _| Ok(note("二"))).unwrap();
        let (created, _) = start_ledger(&data_dir, &c.id, 2024).unwrap();
        assert!(!created, "an existing ledger is kept");
        fs::remove_file(&paths.ledger).unwrap();
        let backup = fs::read(&paths.backup).unwrap();
        assert!(matches!(
            start_ledger(&data_dir, &c.id, 2024),
            Err(StoreError::Missing { .. })
        ));
        assert!(!paths.ledger.exists());
        assert_eq!(fs::read(&paths.backup).unwrap(), backup);
    }

    /// Append the history record of `change` as a change whose save never happened (a crash
    /// between the history and the ledger).
    fn record_without_saving(paths: &LedgerPaths, c: &Checklist, ctx: &Ctx, change: Change) {
        let mut ledger = read_ledger(paths, &c.id, 2024).unwrap();
        let applied = ledger.apply(c, &change, ctx).unwrap();
        let record = HistoryRecord {
            seq: ledger.seq,
            at: ctx.now,
            by: ctx.user.clone(),
            change,
            applied,
        };
        append_history(paths, &record).unwrap();
    }

    #[test]
    fn restoring_never_puts_back_a_change_whose_save_did_not_happen() {
        let (_dir, paths, c, ctx) = fixture();
        for text in ["一", "二", "三"] {
            transact(&paths, &c, &ctx, |_, _| Ok(note(text))).unwrap();
        }
        record_without_saving(&paths, &c, &ctx, note("未保存"));
        // Damage that leaves the header (a torn tail): the ledger says it had 3 changes.
        let good = fs::read(&paths.ledger).unwrap();
        fs::write(&paths.ledger, &good[..good.len() - 20]).unwrap();
        let restored = restore_backup(&paths, &c.id, 2024).unwrap();
        let seqs: Vec<u64> = restored.replayed.iter().map(|r| r.seq).collect();
        assert_eq!(seqs, [3]);
        assert_eq!(restored.unsure, None);
        let ledger = read_ledger(&paths, &c.id, 2024).unwrap();
        assert_eq!(
            (ledger.seq, ledger.items["lectures"].note.as_str()),
            (3, "三")
        );
    }

    #[test]
    fn restoring_from_a_ledger_that_says_nothing_flags_the_last_change() {
        let (_dir, paths, c, ctx) = fixture();
        for text in ["一", "二", "三"] {
            transact(&paths, &c, &ctx, |_, _| Ok(note(text))).unwrap();
        }
        record_without_saving(&paths, &c, &ctx, note("未保存"));
        fs::write(&paths.ledger, "(garbage").unwrap();
        let restored = restore_backup(&paths, &c.id, 2024).unwrap();
        let seqs: Vec<u64> = restored.replayed.iter().map(|r| r.seq).collect();
        assert_eq!(seqs, [3, 4]);
        assert_eq!(restored.unsure, Some(4), "it may never have been saved");
        assert!(restored.missing.is_empty());
    }

    #[test]
    fn the_saved_count_is_read_only_from_this_ledgers_header() {
        let header =
            "(\n  format: 1,\n  checklist: \"a\",\n  year: 2024,\n  seq: 12,\n  items: {(((";
        assert_eq!(saved_seq(header.as_bytes(), "a", 2024), Some(12));
        assert_eq!(saved_seq(header.as_bytes(), "b", 2024), None);
        assert_eq!(saved_seq(header.as_bytes(), "a", 2025), None);
        assert_eq!(saved_seq(b"(garbage", "a", 2024), None);
    }

    #[test]
    fn a_new_file_never_replaces_one_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("第三部分.md");
        write_new_file(&path, "一".as_bytes(), false).unwrap();
        let again = write_new_file(&path, "二".as_bytes(), false).unwrap_err();
        assert!(
            matches!(&again, StoreError::Io { source, .. } if source.kind() == io::ErrorKind::AlreadyExists),
            "{again:?}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "一");
        write_new_file(&path, "三".as_bytes(), true).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "三");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary left behind: {names:?}");
    }

    #[test]
    fn a_crash_during_the_first_change_leaves_an_empty_year() {
        let (_dir, paths, c, ctx) = fixture();
        transact(&paths, &c, &ctx, |_, _| Ok(note("一"))).unwrap();
        // As if the process died after the history line, before the first ledger save.
        fs::remove_file(&paths.ledger).unwrap();
        assert_eq!(read_ledger(&paths, &c.id, 2024).unwrap().seq, 0);
    }
}
