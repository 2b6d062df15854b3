//! `duty overview DIR|FILE…`: the collecting office's view of every unit's file. In a
//! terminal with no output asked for it opens the overview screen; otherwise it prints (or
//! writes) the unit table, the matrix, the files' statuses or the 通报 draft. It reads no
//! settings, checklist or ledger of this machine, and never writes into a folder it reads.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use jiff::civil::Date;

use crate::cli::args::Cli;
use crate::cli::error::{self, Failure, exit};
use crate::cli::output::{Mode, Out};
use crate::cli::{Environment, Outcome, can_draw};
use crate::clock::Clock;
use crate::i18n::Lang;
use crate::overview::export::{self, Context, Format, View};
use crate::overview::{Browse, Collector, Filter, Options, Sort, filter};
use crate::session;
use crate::store::{self, unit_file};

#[derive(Debug, Args)]
pub struct OverviewArgs {
    /// 单位报送文件（duty submit 生成）或存放它们的文件夹（含子文件夹），可多个 /
    /// unit files (made by duty submit) or folders holding them (nested folders too)
    #[arg(required = true, value_name = "DIR|FILE")]
    pub paths: Vec<PathBuf>,
    /// 格式（默认按输出文件扩展名，否则 text）/ format (default: from the output file's extension, else text)
    #[arg(long, short, value_enum)]
    pub format: Option<FormatArg>,
    /// 写入文件（xlsx 必填；不能在正在汇总的文件夹里）/ write to FILE (required for xlsx; never inside a folder being read)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 覆盖已有文件 / replace an existing file
    #[arg(long)]
    pub force: bool,
    /// 事项×单位矩阵 / the items × units matrix
    #[arg(long, conflicts_with_all = ["files", "notice"])]
    pub matrix: bool,
    /// 只列出每个文件的状态 / only every file's status
    #[arg(long, conflicts_with = "notice")]
    pub files: bool,
    /// 通报草稿 / a draft notice naming the units behind
    #[arg(long)]
    pub notice: bool,
    /// 只显示符合条件的单位（可重复，须同时满足）/ only units that meet this (repeatable; all must hold)
    #[arg(long, value_enum, value_name = "WHAT")]
    pub only: Vec<OnlyArg>,
    /// 只显示名称含此文字的单位 / only units whose name holds TEXT
    #[arg(long, value_name = "TEXT")]
    pub find: Option<String>,
    /// 排序 / order of the units
    #[arg(long, value_enum, default_value = "risk")]
    pub sort: SortArg,
    /// 模板清单（默认取多数单位使用的清单）/ the city's template checklist (default: the one most units use)
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// 通报的发文单位 / who sends the notice
    #[arg(long, value_name = "UNIT")]
    pub office: Option<String>,
    /// 通报中整改和重新报送的期限 / by when the notice asks for catching up and files sent again
    #[arg(long, value_name = "DATE", value_parser = deadline)]
    pub deadline: Option<Date>,
    /// CSV：写入 BOM，便于 Excel 识别 UTF-8 / CSV: write a byte-order mark for Excel
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    Md,
    Csv,
    Json,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnlyArg {
    AtRisk,
    Overdue,
    Behind,
    Below,
    NoEvidence,
    Files,
    Complete,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Risk,
    Completion,
    LastChange,
    Name,
    File,
}

impl FormatArg {
    fn format(self) -> Format {
        match self {
            FormatArg::Text => Format::Text,
            FormatArg::Md => Format::Md,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Xlsx => Format::Xlsx,
        }
    }

    fn from_extension(path: &Path) -> Option<FormatArg> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => FormatArg::Text,
            "md" | "markdown" => FormatArg::Md,
            "csv" => FormatArg::Csv,
            "json" => FormatArg::Json,
            "xlsx" => FormatArg::Xlsx,
            _ => return None,
        })
    }
}

impl OnlyArg {
    fn filter(self) -> Filter {
        match self {
            OnlyArg::AtRisk => Filter::AtRisk,
            OnlyArg::Overdue => Filter::Overdue,
            OnlyArg::Behind => Filter::Behind,
            OnlyArg::Below => Filter::Below,
            OnlyArg::NoEvidence => Filter::NoEvidence,
            OnlyArg::Files => Filter::Files,
            OnlyArg::Complete => Filter::Complete,
        }
    }
}

impl SortArg {
    fn sort(self) -> Sort {
        match self {
            SortArg::Risk => Sort::Risk,
            SortArg::Completion => Sort::Completion,
            SortArg::LastChange => Sort::LastChange,
            SortArg::Name => Sort::Name,
            SortArg::File => Sort::File,
        }
    }
}

/// `2025-12-15` or `2025年12月15日`.
fn deadline(s: &str) -> Result<Date, String> {
    crate::text::dates::parse_date(s).ok_or_else(|| format!("'{s}' (expected YYYY-MM-DD)"))
}

/// Run `duty overview`: print, or hand the screen its overview.
pub(in crate::cli) fn main(
    a: &OverviewArgs,
    cli: &Cli,
    env: &Environment,
    out: &mut Out,
) -> Outcome {
    let lang = cli.lang.unwrap_or_default();
    let result = run(a, cli, env, out).and_then(|screen| {
        out.finish().map_err(Failure::Output)?;
        Ok(screen)
    });
    match result {
        Ok(Some(browse)) => Outcome::Overview(Box::new(browse)),
        Ok(None) => Outcome::Done(exit::OK),
        Err(f) => Outcome::Done(error::report(f, lang)),
    }
}

/// The folder a path is in, as the system names it, when it can be found.
fn real_dir(path: &Path) -> Option<PathBuf> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::canonicalize(dir).ok()
}

/// Refuse an output file inside a folder being read (or one of the files being read).
fn check_output(out: &Path, inputs: &[PathBuf], lang: Lang) -> Result<(), Failure> {
    let Some(out_dir) = real_dir(out) else {
        return Ok(()); // a folder that does not exist: writing it says so
    };
    let out_file = out.file_name().map(|n| out_dir.join(n));
    for input in inputs {
        let Ok(real) = std::fs::canonicalize(input) else {
            continue;
        };
        let inside = if real.is_dir() {
            out_dir.starts_with(&real)
        } else {
            out_file.as_deref() == Some(real.as_path())
        };
        if inside {
            return Err(Failure::Usage(lang.words().output_inside_input(
                &out.display().to_string(),
                &input.display().to_string(),
            )));
        }
    }
    Ok(())
}

fn run(
    a: &OverviewArgs,
    cli: &Cli,
    env: &Environment,
    out: &mut Out,
) -> Result<Option<Browse>, Failure> {
    let lang = cli.lang.unwrap_or_default();
    let w = lang.words();
    let clock = Clock::from_vars(env.today.as_deref(), env.now.as_deref())
        .map_err(|e| Failure::Usage(w.clock_error(&e)))?;
    if let Some(missing) = a.paths.iter().find(|p| !unit_file::input_exists(p)) {
        return Err(Failure::Usage(
            w.no_inputs_exist(&missing.display().to_string()),
        ));
    }
    let today = clock.today();
    let template = match &a.template {
        None => None,
        Some(path) => {
            let year = cli.year.unwrap_or_else(|| today.year());
            let c = session::load_checklist(Some(path), year, lang)
                .map_err(|e| Failure::open(e, lang))?;
            Some((c, path.display().to_string()))
        }
    };
    let asked = a.format.is_some() || a.output.is_some() || a.matrix || a.files || a.notice;
    let screen = !asked && can_draw(env.term.as_deref());
    let format = a
        .format
        .or_else(|| a.output.as_deref().and_then(FormatArg::from_extension))
        .unwrap_or(FormatArg::Text)
        .format();
    if format == Format::Xlsx && a.output.is_none() {
        return Err(Failure::Usage(w.xlsx_needs_output().into()));
    }
    if let Some(path) = &a.output {
        check_output(path, &a.paths, lang)?;
    }
    let mut collector = Collector::new(Options {
        today,
        year: cli.year,
        template,
    });
    unit_file::for_each_input(&a.paths, lang, &mut |input| {
        collector.add(input.path.display().to_string(), input.outcome);
    });
    let overview = collector.finish();
    let filters: Vec<Filter> = a.only.iter().map(|o| o.filter()).collect();
    let find = a.find.clone().unwrap_or_default();
    let sort = a.sort.sort();
    if screen {
        return Ok(Some(Browse {
            overview,
            lang,
            ascii: cli.ascii,
            clock,
            filters,
            find,
            sort,
        }));
    }
    let rows = filter::select(&overview.rows, &overview.files, &filters, &find, sort);
    let day = |t: jiff::Timestamp| crate::overview::local_day(&clock, t);
    let minute = |t: jiff::Timestamp| clock.local_minute(t);
    let ctx = Context {
        lang,
        day: &day,
        minute: &minute,
        rows: &rows,
        filtered: !filters.is_empty() || !find.trim().is_empty(),
        office: a.office.as_deref(),
        deadline: a.deadline,
        bom: a.bom,
    };
    let view = if a.matrix {
        View::Matrix
    } else if a.files {
        View::Files
    } else if a.notice {
        View::Notice
    } else {
        View::Units
    };
    let bytes = export::render(&overview, view, format, &ctx);
    match &a.output {
        Some(path) => {
            store::write_new(path, &bytes, a.force)?;
            writeln!(out, "{}", w.wrote_file(&path.display().to_string()))?;
        }
        None => {
            out.set_mode(if format == Format::Json {
                Mode::Json
            } else {
                Mode::Text
            })?;
            out.write_all(&bytes)?;
        }
    }
    // Freeing thousands of rows piece by piece costs more than the exit that follows.
    std::mem::forget(overview);
    Ok(None)
}
