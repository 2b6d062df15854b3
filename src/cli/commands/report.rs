//! The documents: `summary` (the annual report's draft: section three, and section five),
//! `shufa` (the principal leader's 述法 report) and `ledger` (the completion ledger for
//! inspectors), printed or written to a file.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::exchange::{LedgerSources, Scope, load_view, print_rollup};
use super::spreadsheet::{self, ExportFormat};
use crate::cli::error::{CmdResult, Failure};
use crate::cli::output::{Mode, Out};
use crate::report::{self, Document, Format, Input, Options, Part};
use crate::session::Session;
use crate::store;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// 格式（默认按输出文件扩展名，否则 text）/ output format (default: from the output file's extension, else text)
    #[arg(long, short, value_enum)]
    pub format: Option<ExportFormat>,
    /// 输出文件（docx 必填；其余默认输出到屏幕）/ write to FILE (required for docx)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 覆盖已有文件 / replace an existing file
    #[arg(long)]
    pub force: bool,
    /// CSV：每条登记另起一行 / CSV: one more row per logged entry
    #[arg(long)]
    pub entries: bool,
    /// CSV：写入 BOM，便于 Excel 识别 UTF-8 / CSV: write a byte-order mark for Excel
    #[arg(long)]
    pub bom: bool,
    /// summary：起草第三部分（three）、第五部分“存在的不足”（five）或两者（both）/ summary: draft section three, five or both
    #[arg(long, value_enum)]
    pub part: Option<Part>,
    /// summary：附上待办事项（未完成事项，不属于报告正文）/ summary: add the officer's to-do list (not part of the report)
    #[arg(long)]
    pub todo: bool,
    /// summary：附上完成情况表（md、docx）/ summary: add the completion table (md, docx)
    #[arg(long)]
    pub table: bool,
    #[command(flatten)]
    pub sources: LedgerSources,
    #[command(flatten)]
    pub scope: Scope,
}

/// Formats a file name may ask for that `duty` does not write.
const NOT_WRITTEN: [&str; 7] = ["doc", "pdf", "xls", "xlsx", "wps", "rtf", "odt"];

pub fn export(s: &Session, doc: Document, a: ExportArgs, out: &mut Out) -> CmdResult {
    let s = &*super::scoped(s, a.scope.owner.as_deref())?;
    let w = s.words();
    if doc != Document::Summary {
        for (given, flag) in [
            (a.part.is_some(), "--part"),
            (a.todo, "--todo"),
            (a.table, "--table"),
        ] {
            if given {
                return Err(Failure::Usage(w.summary_only(flag)));
            }
        }
    }
    // xlsx is written by the spreadsheet module; the report's own formats go on below.
    let by_name = a.output.as_deref().and_then(ExportFormat::from_extension);
    let format = match a.format.or(by_name) {
        Some(ExportFormat::Xlsx) if doc == Document::Ledger => {
            return spreadsheet::ledger_xlsx(s, a.output.as_deref(), a.force, &a.sources, out);
        }
        Some(ExportFormat::Xlsx) => return Err(spreadsheet::summary_xlsx(s)),
        Some(ExportFormat::Report(f)) => Some(f),
        None => None,
    };
    // Without --format, `-o 第三部分.docx` means docx: a file named .docx must be one. A name
    // asking for a format duty does not write is refused rather than filled with text under
    // a misleading name.
    let by_name = a.output.as_deref().and_then(Format::from_extension);
    if format.is_none()
        && by_name.is_none()
        && let Some(ext) = a
            .output
            .as_deref()
            .and_then(|p| p.extension())
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .filter(|e| NOT_WRITTEN.contains(&e.as_str()))
    {
        return Err(Failure::Usage(
            w.cannot_write_format(&ext, doc == Document::Ledger),
        ));
    }
    let format = format.unwrap_or(Format::Text);
    if format == Format::Docx && a.output.is_none() {
        return Err(Failure::Usage(w.docx_needs_output().into()));
    }
    // A byte-order mark is for spreadsheets reading CSV; anywhere else it would be a
    // stray character at the top of the document.
    if a.bom && format != Format::Csv {
        return Err(Failure::Usage(w.bom_only_csv().into()));
    }
    // With --ledger, the document is made from the roll-up of several ledgers; which files
    // were combined and any conflicts go to stderr, so that the document stays clean.
    let view = load_view(s, &a.sources)?;
    let mut err = Out::stderr();
    print_rollup(s, view, &mut err)?;
    err.finish()?;
    let input = Input {
        checklist: &s.checklist,
        ledger: &view.ledger,
        today: s.clock.today(),
        lang: s.lang,
    };
    let options = Options {
        entries: a.entries,
        bom: a.bom,
        part: a.part.unwrap_or_default(),
        todo: a.todo,
        table: a.table,
        // The officer's name from the settings (or the computer's account): the author the
        // .docx properties show.
        author: &s.user,
    };
    let bytes = report::render_with(doc, format, &input, options);
    match a.output {
        Some(path) => {
            store::write_new(&path, &bytes, a.force)?;
            writeln!(out, "{}", w.wrote(&path.display().to_string()))?;
        }
        None => {
            // Text made safe line by line; JSON with JSON escapes; CSV and the rest as
            // text too (a spreadsheet cell cannot hold a raw escape sequence usefully).
            out.set_mode(if format == Format::Json {
                Mode::Json
            } else {
                Mode::Text
            })?;
            out.write_all(&bytes)?;
        }
    }
    Ok(())
}
