//! `duty summary` (section three of the annual report) and `duty ledger` (the completion
//! ledger for inspectors): read the ledger, render, print or write the file.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{CmdResult, Env, Failure, Out};
use crate::i18n::Lang;
use crate::report::{self, Document, Format, Input, Options};
use crate::store;
use crate::text::for_terminal;

/// Options shared by both documents.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// 格式（默认按输出文件扩展名，否则 text）/ output format (default: from the output file's extension, else text)
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,
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
    #[command(flatten)]
    pub sources: super::review_cmds::LedgerSources,
}

/// `duty summary`. (The completion ledger is `duty ledger`: `--ledger PATH` here names ledgers
/// to combine, as on `status` and `review`.)
#[derive(Debug, Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    pub export: ExportArgs,
}

#[derive(Debug, Args)]
pub struct LedgerArgs {
    #[command(flatten)]
    pub export: ExportArgs,
}

/// `duty summary`: the draft of section three, text by default.
pub fn summary(env: &Env, a: SummaryArgs, out: &mut Out) -> CmdResult {
    export(env, Document::Summary, a.export, out)
}

/// `duty ledger`: the completion ledger, text by default.
pub fn ledger(env: &Env, a: LedgerArgs, out: &mut Out) -> CmdResult {
    export(env, Document::Ledger, a.export, out)
}

fn export(env: &Env, doc: Document, a: ExportArgs, out: &mut Out) -> CmdResult {
    // Without --format, `-o 第三部分.docx` means docx: a file named .docx must be one. A name
    // asking for a format duty does not write (.doc, .pdf …) is refused rather than filled
    // with text under a misleading name.
    let by_name = a.output.as_deref().and_then(Format::from_extension);
    if a.format.is_none()
        && by_name.is_none()
        && let Some(ext) = a
            .output
            .as_deref()
            .and_then(|p| p.extension())
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .filter(|e| ["doc", "pdf", "xls", "xlsx", "wps", "rtf", "odt"].contains(&e.as_str()))
    {
        return Err(Failure::Usage(match env.lang {
            Lang::Zh => format!(
                "不能写出 .{ext} 文件；可用 .docx、.md、.csv、.json 或 .txt（或用 --format 指定）"
            ),
            Lang::En => format!(
                "cannot write a .{ext} file; use .docx, .md, .csv, .json or .txt (or give --format)"
            ),
        }));
    }
    let format = a.format.or(by_name).unwrap_or(Format::Text);
    if format == Format::Docx && a.output.is_none() {
        return Err(Failure::Usage(
            env.t(
                "docx 格式须用 --output 指定输出文件，例如 --output 第三部分.docx",
                "the docx format needs --output FILE, e.g. --output section-three.docx",
            )
            .to_string(),
        ));
    }
    // With --ledger, the document is made from the roll-up of several ledgers; which files
    // were combined and any conflicts go to stderr, so that the document itself stays clean.
    let view = super::review_cmds::load_view(env, &a.sources)?;
    super::review_cmds::print_rollup(env, &view, &mut Out::to(std::io::stderr()))?;
    let input = Input {
        checklist: &env.checklist,
        ledger: &view.ledger,
        today: env.today,
        lang: env.lang,
    };
    let options = Options {
        entries: a.entries,
        bom: a.bom,
    };
    let bytes = report::render_with(doc, format, &input, options);
    match a.output {
        Some(path) => {
            store::write_new_file(&path, &bytes, a.force)?;
            let shown = for_terminal(&path.display().to_string()).into_owned();
            match env.lang {
                Lang::Zh => writeln!(out, "已写入 {shown}")?,
                Lang::En => writeln!(out, "Wrote {shown}")?,
            }
        }
        None => out.write_all(&bytes)?,
    }
    Ok(())
}
