//! Command-line edge: parses arguments, resolves the environment (language, today, checklist,
//! data directory), runs one command, and is the only place that picks exit codes.

mod args;
mod ledger_cmds;
mod output;
mod report_cmds;
mod review_cmds;
mod status;
mod usage;

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use jiff::Timestamp;
use jiff::civil::Date;

pub use args::{Cli, Command};
pub use output::Out;
pub use status::{print_status, read_ledger};

use crate::checklist::{self, BUILTIN_DEFAULT, BUILTIN_ORIGIN, Checklist};
use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::ledger::Ctx;
use crate::store::{self, LedgerPaths, Settings, StoreError};

/// Exit codes, documented in the README.
pub mod exit {
    pub const OK: u8 = 0;
    /// `duty due`: something falls due within the window.
    pub const DUE: u8 = 1;
    /// Bad command line (unknown flag, bad date or number).
    pub const USAGE: u8 = 2;
    /// The checklist file is invalid.
    pub const CHECKLIST: u8 = 3;
    /// A file could not be read or written, or the ledger is unreadable.
    pub const IO: u8 = 4;
    /// The change was refused (unknown item, wrong kind, closed year …); nothing changed.
    pub const REFUSED: u8 = 5;
}

/// A failed command: what to print and which exit code to return.
#[derive(Debug)]
pub enum Failure {
    Usage(String),
    Checklist(Vec<Diagnostic>),
    Store(StoreError),
    /// Already reported (or nothing to report); exit with this code.
    Exit(u8),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

impl From<crate::ledger::ChangeError> for Failure {
    fn from(e: crate::ledger::ChangeError) -> Self {
        Failure::Store(StoreError::Change(e))
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        // Writing to stdout failed; a closed pipe (`duty status | head -1`) is not an error.
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::Exit(exit::OK)
        } else {
            Failure::Store(StoreError::Io {
                op: "write",
                path: PathBuf::from("<stdout>"),
                source: e,
            })
        }
    }
}

pub type CmdResult = Result<(), Failure>;

/// Everything a command needs, resolved once.
pub struct Env {
    pub lang: Lang,
    pub today: Date,
    /// Where a later "today" comes from, for the screen left open past midnight; `None`
    /// when `DUTY_TODAY` pins the date.
    pub clock: Clock,
    pub now: Timestamp,
    pub user: String,
    pub data_dir: PathBuf,
    pub settings_path: PathBuf,
    pub settings: Settings,
    pub checklist: Checklist,
    /// The checklist file as given, or `None` for the built-in one.
    pub checklist_path: Option<PathBuf>,
    pub ascii: bool,
    /// The ledger read alongside the checklist, until a command takes it.
    pub prefetched: std::cell::RefCell<Prefetched>,
}

impl Env {
    pub fn ledger_paths(&self) -> LedgerPaths {
        LedgerPaths::new(&self.data_dir, &self.checklist.id, self.checklist.year)
    }

    /// The ledger of this checklist and year: the one read alongside the checklist if that
    /// guess was right (and not yet taken), else read now.
    pub fn take_ledger(&self) -> Result<crate::ledger::Ledger, StoreError> {
        let paths = self.ledger_paths();
        match self.prefetched.borrow_mut().take() {
            Some((guessed, loaded)) if guessed == paths => loaded.map(|l| l.ledger),
            _ => store::read_ledger(&paths, &self.checklist.id, self.checklist.year),
        }
    }

    /// The ledger read alongside the checklist, if it was this checklist's and read cleanly;
    /// a change hands it to [`store::transact_from`], which checks it is still current.
    pub fn take_loaded(&self) -> Option<store::Loaded> {
        match self.prefetched.borrow_mut().take() {
            Some((guessed, Ok(loaded))) if guessed == self.ledger_paths() => Some(loaded),
            _ => None,
        }
    }

    pub fn ctx(&self) -> Ctx {
        Ctx {
            today: self.today,
            now: self.now,
            user: self.user.clone(),
        }
    }

    /// Pick the Chinese or English text.
    pub fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(zh, en)
    }
}

/// Run `duty` with the process's arguments and environment.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        // --help and --version are not errors; clap prints them.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::from(exit::OK);
        }
        Err(e) => {
            match usage::lang_of(&args, std::env::var("DUTY_LANG").ok()) {
                Lang::Zh => {
                    let _ = writeln!(io::stderr(), "{}", usage::in_chinese(&e));
                }
                Lang::En => {
                    let _ = e.print();
                }
            }
            return ExitCode::from(exit::USAGE);
        }
    };
    let lang = early_lang(&cli);
    let code = match run(cli) {
        Ok(()) => exit::OK,
        Err(failure) => report(failure, lang),
    };
    ExitCode::from(code)
}

/// The language for errors that happen before settings are read.
fn early_lang(cli: &Cli) -> Lang {
    cli.lang.unwrap_or_default()
}

fn report(failure: Failure, lang: Lang) -> u8 {
    let mut err = io::stderr().lock();
    use io::Write;
    match failure {
        Failure::Exit(code) => code,
        Failure::Usage(msg) => {
            let _ = writeln!(
                err,
                "{}{}",
                lang.pick("错误：", "error: "),
                crate::text::for_terminal(&msg)
            );
            exit::USAGE
        }
        Failure::Checklist(diags) => {
            for d in &diags {
                let _ = writeln!(err, "{d}\n");
            }
            let _ = writeln!(
                err,
                "{}",
                match lang {
                    Lang::Zh =>
                        format!("清单有 {} 处错误，请按上面的提示修改后再试。", diags.len()),
                    Lang::En => format!(
                        "{} error(s) in the checklist; fix them as shown above and try again.",
                        diags.len()
                    ),
                }
            );
            exit::CHECKLIST
        }
        Failure::Store(e) => {
            let _ = writeln!(err, "{}{}", lang.pick("错误：", "error: "), e.message(lang));
            match e {
                StoreError::Change(_) => exit::REFUSED,
                _ => exit::IO,
            }
        }
    }
}

fn run(cli: Cli) -> CmdResult {
    // Commands that need no checklist or settings.
    if let Some(Command::Validate(args)) = &cli.command {
        let lang = cli.lang.unwrap_or_default();
        return status::validate(&args.file, lang, cli.year, &mut Out::stdout());
    }
    let env = resolve_env(&cli)?;
    let mut out = Out::stdout();
    match cli.command {
        None => crate::tui::run(&env),
        Some(Command::Validate(_)) => unreachable!("handled above"),
        Some(Command::Status(a)) => status::status(&env, &a, &mut out),
        Some(Command::Init(a)) => status::init(&env, &a, &mut out),
        Some(Command::Use(a)) => status::use_checklist(&env, &a, &mut out),
        Some(Command::Paths) => status::paths(&env, &mut out),
        Some(Command::Check(a)) => ledger_cmds::check(&env, a, &mut out),
        Some(Command::Uncheck(a)) => ledger_cmds::uncheck(&env, a, &mut out),
        Some(Command::Log(a)) => ledger_cmds::log(&env, a, &mut out),
        Some(Command::Unlog(a)) => ledger_cmds::unlog(&env, a, &mut out),
        Some(Command::Rate(a)) => ledger_cmds::rate(&env, a, &mut out),
        Some(Command::Note(a)) => ledger_cmds::note(&env, a, &mut out),
        Some(Command::Evidence(a)) => ledger_cmds::evidence(&env, a, &mut out),
        Some(Command::Undo) => ledger_cmds::undo(&env, &mut out),
        Some(Command::History(a)) => ledger_cmds::history(&env, a, &mut out),
        Some(Command::RestoreBackup) => ledger_cmds::restore_backup(&env, &mut out),
        Some(Command::Summary(a)) => report_cmds::summary(&env, a, &mut out),
        Some(Command::Ledger(a)) => report_cmds::ledger(&env, a, &mut out),
        Some(Command::Review(a)) => review_cmds::review(&env, &a, &mut out),
        Some(Command::Due(a)) => review_cmds::due(&env, &a, &mut out),
        Some(Command::Rollover(a)) => review_cmds::rollover(&env, &a, &mut out),
        Some(Command::Close) => review_cmds::close(&env, &mut out),
        Some(Command::Reopen) => review_cmds::reopen(&env, &mut out),
        Some(Command::ExportLedger(a)) => review_cmds::export_ledger(&env, &a, &mut out),
        Some(Command::ImportLedger(a)) => review_cmds::import_ledger(&env, &a, &mut out),
    }
}

/// The local time zone; Asia/Shanghai when the system names none (`try_system`, because the
/// plain lookup silently falls back to UTC).
pub fn local_time_zone() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::try_system()
        .or_else(|_| jiff::tz::TimeZone::get("Asia/Shanghai"))
        .unwrap_or(jiff::tz::TimeZone::UTC)
}

/// Where "today" comes from after start-up: the clock, or nothing when the date is pinned.
pub type Clock = Option<fn() -> Date>;

/// Today by the clock, in the local time zone (Asia/Shanghai when the system names none).
pub fn clock_today() -> Date {
    Timestamp::now().to_zoned_datetime(local_time_zone()).date()
}

/// Today, and whether it follows the clock: `DUTY_TODAY` pins it, so scripted runs and
/// tests never depend on the calendar.
fn today_and_now() -> Result<(Date, Clock, Timestamp), Failure> {
    let now = Timestamp::now();
    if let Ok(s) = std::env::var("DUTY_TODAY") {
        let d = crate::date::parse_date(&s).ok_or_else(|| {
            Failure::Usage(format!("DUTY_TODAY='{s}' is not a date (YYYY-MM-DD)"))
        })?;
        return Ok((d, None, now));
    }
    Ok((
        now.to_zoned_datetime(local_time_zone()).date(),
        Some(clock_today),
        now,
    ))
}

fn resolve_env(cli: &Cli) -> Result<Env, Failure> {
    let settings_path = store::settings_path()?;
    let settings = store::read_settings(&settings_path)?;
    let lang = cli.lang.or(settings.lang).unwrap_or_default();
    let (today, clock, now) = today_and_now()?;
    let data_dir = store::data_dir(cli.data_dir.as_deref())?;
    let checklist_path = cli.checklist.clone().or_else(|| settings.checklist.clone());
    let default_year = cli.year.unwrap_or(today.year());
    let (checklist, prefetched) =
        load_with_ledger(checklist_path.as_deref(), &data_dir, default_year, lang)?;
    if let Some(year) = cli.year.filter(|&y| y != checklist.year) {
        return Err(Failure::Usage(match lang {
            Lang::Zh => format!(
                "清单写明年度为 {}，与 --year {year} 不符；请使用该年度的清单文件",
                checklist.year
            ),
            Lang::En => format!(
                "the checklist is for {}, not --year {year}; use that year's checklist file",
                checklist.year
            ),
        }));
    }
    let ascii = cli.ascii || settings.ascii_borders.unwrap_or(false);
    Ok(Env {
        lang,
        today,
        clock,
        now,
        user: store::os_user(),
        data_dir,
        settings_path,
        settings,
        checklist,
        checklist_path,
        ascii,
        prefetched: std::cell::RefCell::new(prefetched),
    })
}

/// A ledger read on another thread while the checklist was being parsed.
pub type Prefetched = Option<(LedgerPaths, Result<store::Loaded, StoreError>)>;

/// Load the checklist and, at the same time, read the ledger it most likely belongs to.
///
/// Parsing a 10,000-item checklist and its ledger each take tens of milliseconds; the ledger's
/// path needs only the checklist's id and year, which a quick scan of the file's head gives.
/// The guess (only ever a valid id) is checked against the loaded checklist by
/// [`Env::take_ledger`]; a wrong guess just means the ledger is read again. No ledger is
/// written here, so no lock is needed (a change checks under its lock that the file is still
/// what was read); at most the parse cache gets an entry.
fn load_with_ledger(
    path: Option<&Path>,
    data_dir: &Path,
    default_year: i16,
    lang: Lang,
) -> Result<(Checklist, Prefetched), Failure> {
    let (bytes, origin) = checklist_source(path)?;
    let hint = checklist::identity_hint(&bytes, default_year);
    let (checklist, prefetched) = std::thread::scope(|scope| {
        let reader = hint.map(|(id, year)| {
            scope.spawn(move || {
                let paths = LedgerPaths::new(data_dir, &id, year);
                let ledger = store::load_ledger(&paths, &id, year);
                (paths, ledger)
            })
        });
        let mut cache = store::CacheSlot::checklist(data_dir, &origin);
        let checklist = checklist::load_cached(&bytes, &origin, default_year, lang, &mut cache);
        // A reader that panicked is treated as a miss: the ledger is read again in the open.
        (checklist, reader.and_then(|r| r.join().ok()))
    });
    Ok((checklist.map_err(Failure::Checklist)?, prefetched))
}

/// The bytes of the checklist at `path` (or of the built-in one) and how to name it.
fn checklist_source(
    path: Option<&Path>,
) -> Result<(std::borrow::Cow<'static, [u8]>, String), Failure> {
    Ok(match path {
        None => (
            std::borrow::Cow::Borrowed(BUILTIN_DEFAULT.as_bytes()),
            BUILTIN_ORIGIN.to_string(),
        ),
        Some(p) => (
            std::borrow::Cow::Owned(store::read_checklist_bytes(p)?),
            p.display().to_string(),
        ),
    })
}

/// Load the checklist at `path`, or the built-in one.
pub fn load_checklist(
    path: Option<&Path>,
    default_year: i16,
    lang: Lang,
) -> Result<Checklist, Failure> {
    let (bytes, origin) = checklist_source(path)?;
    checklist::load(&bytes, &origin, default_year, lang).map_err(Failure::Checklist)
}
