//! Excel both ways: `duty ledger -f xlsx` (the completion ledger as a workbook; routed here
//! from `report`), `duty import-checklist` (an office's task spreadsheet as a checklist
//! draft, its column mapping shown for confirmation) and `duty import-entries` (many
//! sessions at once, with a dry run; a file with any bad row is refused whole).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use super::evidence::fail;
use super::exchange::{LedgerSources, load_view, print_rollup};
use super::{read_local, tell};
use crate::checklist;
use crate::cli::error::{CmdResult, Failure, exit};
use crate::cli::output::Out;
use crate::ledger::Op;
use crate::report::Format;
use crate::session::Session;
use crate::sheet::grid::{self, Workbook};
use crate::sheet::import_checklist::{self, Draft, ImportError};
use crate::sheet::import_entries::{self, EntriesError};
use crate::store::evidence::read_input;
use crate::store::{self, Proposal};

/// Largest spreadsheet read: a year's tasks or sessions are far smaller.
const MAX_SHEET_BYTES: u64 = 64 * 1024 * 1024;

/// Bad cells of an entries file listed; the rest are counted.
const SHOWN_PROBLEMS: usize = 50;

/// `--format` of `summary` and `ledger`: the report's formats, and xlsx (the ledger only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Report(Format),
    Xlsx,
}

impl ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: OnceLock<Vec<ExportFormat>> = OnceLock::new();
        ALL.get_or_init(|| {
            let mut all: Vec<ExportFormat> = Format::value_variants()
                .iter()
                .map(|f| ExportFormat::Report(*f))
                .collect();
            all.push(ExportFormat::Xlsx);
            all
        })
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        match self {
            ExportFormat::Report(f) => f.to_possible_value(),
            ExportFormat::Xlsx => Some(PossibleValue::new("xlsx")),
        }
    }
}

impl ExportFormat {
    /// The format a file name asks for by its extension, if it names one.
    pub fn from_extension(path: &Path) -> Option<ExportFormat> {
        let xlsx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if xlsx {
            Some(ExportFormat::Xlsx)
        } else {
            Format::from_extension(path).map(ExportFormat::Report)
        }
    }
}

/// `duty ledger -f xlsx -o 台账.xlsx` (with `--ledger`, the roll-up of several ledgers).
pub fn ledger_xlsx(
    s: &Session,
    output: Option<&Path>,
    force: bool,
    sources: &LedgerSources,
    out: &mut Out,
) -> CmdResult {
    let w = s.words();
    let Some(path) = output else {
        return Err(Failure::Usage(w.ledger_xlsx_needs_output().into()));
    };
    let view = load_view(s, sources)?;
    let mut err = Out::stderr();
    print_rollup(s, view, &mut err)?;
    err.finish()?;
    let bytes = crate::sheet::ledger_workbook(
        &s.checklist,
        &s.checklist.ledger_columns,
        &view.ledger,
        s.clock.today(),
        s.lang,
        &s.user,
    );
    store::write_new(path, &bytes, force)?;
    writeln!(out, "{}", w.wrote(&path.display().to_string()))?;
    Ok(())
}

/// `duty summary -f xlsx`: section three is prose, not a table.
pub fn summary_xlsx(s: &Session) -> Failure {
    Failure::Usage(s.words().summary_not_xlsx().into())
}

#[derive(Debug, Args)]
#[command(after_help = "例 / example:\n  \
    duty import-checklist 2025年任务清单.xlsx -o 清单.ron\n  \
    duty import-checklist 任务.csv -o 清单.ron --map 牵头单位=owner --map E=ignore --yes")]
pub struct ImportChecklistArgs {
    /// 任务表（.xlsx、.xls、.ods 或 .csv）/ the task spreadsheet (.xlsx, .xls, .ods or .csv)
    pub file: PathBuf,
    /// 写出的清单草稿 / the checklist draft to write
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// 工作表名称或序号（默认自动选择）/ the sheet, by name or number (default: the one with headings)
    #[arg(long)]
    pub sheet: Option<String>,
    /// 指定列的含义：列=字段（如 B=owner、牵头单位=owner、E=ignore），可重复 / COLUMN=FIELD, repeatable
    #[arg(long, value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// 清单标识（默认 imported）/ the checklist id
    #[arg(long, default_value = "imported")]
    pub id: String,
    /// 清单名称（默认取表格标题）/ the checklist title (default: the sheet's title row)
    #[arg(long)]
    pub title: Option<String>,
    /// 单位名称（默认取当前清单的单位）/ the unit (default: the current checklist's)
    #[arg(long)]
    pub org: Option<String>,
    /// 不再询问，直接写出 / write without asking
    #[arg(long)]
    pub yes: bool,
    /// 覆盖已有文件 / replace an existing file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportEntriesArgs {
    /// 活动登记表（.csv、.xlsx、.xls 或 .ods）/ the sessions file
    pub file: PathBuf,
    /// 只显示将登记的内容，不作修改 / show what would be recorded, change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// 工作表名称或序号 / the sheet, by name or number
    #[arg(long)]
    pub sheet: Option<String>,
    /// 指定列的含义：列=字段（item 用 title 或 id，另有 date、topic、hours、evidence、presided、attended、also）/ COLUMN=FIELD
    #[arg(long, value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
}

fn read_book(s: &Session, path: &Path) -> Result<Workbook, Failure> {
    let bytes = read_input(path, MAX_SHEET_BYTES).map_err(|e| fail(s, e))?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A file that cannot be read as a spreadsheet is said as one (exit 4), not as a bad
    // command line.
    let w = s.words();
    let mut book = grid::read(&bytes, &ext).map_err(|e| {
        let line = format!("{}{}", w.error_prefix(), w.read_error(path, &e));
        refuse([line], exit::IO)
    })?;
    // A CSV file's one sheet is named after the file (its draft's title, its section).
    if book.encoding.is_some()
        && let (Some(sheet), Some(stem)) = (book.sheets.first_mut(), path.file_stem())
    {
        sheet.name = stem.to_string_lossy().into_owned();
    }
    Ok(book)
}

/// Lines on stderr, then the exit code: how a refused file is said.
fn refuse(lines: impl IntoIterator<Item = String>, code: u8) -> Failure {
    let mut err = Out::stderr();
    for line in lines {
        let _ = writeln!(err, "{line}");
    }
    let _ = err.finish();
    Failure::Exit(code)
}

fn ask(out: &mut Out, question: &str) -> Result<bool, Failure> {
    write!(out, "{question}")?;
    out.flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "是"))
}

pub fn import_checklist(s: &Session, a: &ImportChecklistArgs, out: &mut Out) -> CmdResult {
    let w = s.words();
    let book = read_book(s, &a.file)?;
    let options = import_checklist::Options {
        sheet: a.sheet.clone(),
        map: a.map.clone(),
        id: a.id.clone(),
        title: a.title.clone(),
        organization: a
            .org
            .clone()
            .unwrap_or_else(|| s.checklist.organization.clone()),
        year: s.checklist.year,
    };
    let draft: Draft = match import_checklist::draft(&book, &options) {
        Ok(d) => d,
        Err(ImportError::Map(e)) => return Err(Failure::Usage(w.map_error(&e))),
        Err(ImportError::NoTasks) => return Err(Failure::Usage(w.entries_empty().into())),
        Err(ImportError::Cells(cells)) => {
            let mut lines = vec![format!(
                "{}{}",
                w.error_prefix(),
                w.cells_refused(&a.file, cells.len())
            )];
            lines.extend(cells.iter().map(|c| w.cell_problem(c)));
            return Err(refuse(lines, exit::REFUSED));
        }
    };
    for line in w.mapping_lines(&draft.mapping) {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "{}",
        w.draft_summary(
            draft.raw.sections.len(),
            import_checklist::kinds(&draft.raw)
        )
    )?;
    for note in &draft.notes {
        writeln!(out, "{}", w.import_note(note))?;
    }
    let go = a.yes || (std::io::stdin().is_terminal() && ask(out, w.draft_confirm())?);
    if !go {
        writeln!(out, "{}", w.draft_needs_yes())?;
        return Ok(());
    }
    let text = import_checklist::to_ron(&draft, &a.file.display().to_string());
    store::write_new(&a.output, text.as_bytes(), a.force)?;
    let origin = a.output.display().to_string();
    match checklist::load(text.as_bytes(), &origin, s.checklist.year, s.lang) {
        Ok(_) => {
            writeln!(out, "{}", w.draft_written(&a.output))?;
            Ok(())
        }
        Err(diags) => {
            let mut lines: Vec<String> = diags.iter().map(|d| format!("{d}\n")).collect();
            lines.push(w.draft_invalid(&a.output));
            Err(refuse(lines, exit::CHECKLIST))
        }
    }
}

pub fn import_entries(s: &Session, a: &ImportEntriesArgs, out: &mut Out) -> CmdResult {
    let w = s.words();
    let book = read_book(s, &a.file)?;
    let stamp = s.stamp();
    let ledger = read_local(s)?;
    let plan = |ledger: &crate::ledger::Ledger| {
        import_entries::plan(
            &book,
            a.sheet.as_deref(),
            &a.map,
            &s.checklist,
            ledger,
            &stamp,
        )
    };
    let shown = match plan(&ledger) {
        Ok(p) => p,
        Err(EntriesError::Map(e)) => return Err(Failure::Usage(w.map_error(&e))),
        Err(EntriesError::NoRows) => return Err(Failure::Usage(w.entries_empty().into())),
        Err(EntriesError::Rows(rows)) => {
            let mut lines = vec![format!(
                "{}{}",
                w.error_prefix(),
                w.rows_refused(&a.file, rows.len())
            )];
            lines.extend(rows.iter().take(SHOWN_PROBLEMS).map(|r| w.row_problem(r)));
            if rows.len() > SHOWN_PROBLEMS {
                lines.push(w.problems_not_shown(rows.len() - SHOWN_PROBLEMS));
            }
            return Err(refuse(lines, exit::REFUSED));
        }
    };
    for line in w.mapping_lines(&shown.mapping) {
        writeln!(out, "{line}")?;
    }
    let title = |id: &str| super::title(s, id);
    for p in &shown.rows {
        let also: Vec<String> = match &p.change {
            crate::ledger::Change::Log { also, .. } => also.iter().map(|a| title(a)).collect(),
            _ => Vec::new(),
        };
        writeln!(out, "{}", w.planned(p, &title(&p.item), &also))?;
    }
    if !shown.summaries.is_empty() {
        writeln!(out, "{}", w.entries_summaries(&shown.summaries))?;
    }
    // A row recorded with an earlier one (a session that also counts here) is recorded, not
    // passed over as one already in the ledger.
    let duplicates = shown
        .rows
        .iter()
        .filter(|p| p.duplicate && p.with_row.is_none())
        .count();
    let recorded = shown.rows.len() - duplicates;
    if a.dry_run {
        writeln!(out, "{}", w.entries_summary(recorded, duplicates, true))?;
        return Ok(());
    }
    if shown.ops.is_empty() {
        writeln!(out, "{}", w.entries_nothing_new())?;
        return Ok(());
    }
    // Resolved again under the lock, against the ledger as it is then.
    let committed = s.book().commit(|ledger, _| {
        let mut plan =
            plan(ledger).map_err(|_| crate::ledger::ChangeError::Changed { item: None })?;
        let op = match plan.ops.len() {
            0 => return Err(crate::ledger::ChangeError::NothingNew.into()),
            1 => plan.ops.remove(0),
            _ => Op::Batch { ops: plan.ops },
        };
        Ok((
            Proposal {
                op,
                at: stamp.at,
                by: stamp.by.clone(),
            },
            (),
        ))
    })?;
    tell(s, &committed.notes);
    writeln!(out, "{}", w.entries_summary(recorded, duplicates, false))?;
    Ok(())
}
