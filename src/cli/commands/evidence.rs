//! Files as evidence: `attach`, `detach`, `evidence` (list, or set the item's evidence text),
//! `open`, `verify`, `clean`, and `pack` (in [`pack`]). Each stands on the session's
//! evidence functions, which the screen uses too.

pub mod pack;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::{read_local, tell, title};
use crate::cli::error::{CmdResult, Failure, exit};
use crate::cli::output::Out;
use crate::evidence::{Request, files_in};
use crate::pack::index::{short_hash as short, size_text};
use crate::session::Session;
use crate::store::evidence::{EvidenceError, launch};

#[derive(Debug, Args)]
pub struct AttachArgs {
    /// 事项（id、编号或标题）/ item (id, number or title)
    pub item: String,
    /// 要附上的文件（可多个；原文件不会被移动或修改）/ files to attach (the originals are only read)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// 附到某次登记的活动（编号见 duty evidence 或 duty status --json）/ attach to a logged entry
    #[arg(long, value_name = "ENTRY")]
    pub entry: Option<String>,
    /// 证明的日期，默认为登记日期、勾选日期或今天 / the day it evidences (default: the entry's, the tick's or today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct DetachArgs {
    /// 事项（id、编号或标题）/ item (id, number or title)
    pub item: String,
    /// 第几个文件（duty evidence 中的编号）、文件名或哈希前几位 / the file: its number in duty evidence, its name, or the start of its hash
    pub file: String,
}

#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// 事项（id、编号或标题；省略时列出所有事项的附件情况）/ item (id, number or title; all items when omitted)
    pub item: Option<String>,
    /// 给出文字时：填写事项的佐证材料文字（空文本清除）/ with text: set the item's evidence text (empty clears it)
    pub text: Option<String>,
    /// 清除文字时不再询问 / do not ask before clearing the text
    #[arg(long, short)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// 事项（id、编号或标题）/ item (id, number or title)
    pub item: String,
    /// 第几个文件（duty evidence 中的编号；只有一个时可省略）/ which file (its number in duty evidence; optional when there is one)
    #[arg(value_name = "NUMBER")]
    pub n: Option<usize>,
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    /// 不再询问，直接删除 / delete without asking
    #[arg(long)]
    pub yes: bool,
}

/// An evidence error as the command line reports it: a ledger error the usual way, the rest
/// said here with its exit code (a refusal 5, a file that cannot be used 4).
pub fn fail(s: &Session, e: EvidenceError) -> Failure {
    let code = match &e {
        EvidenceError::Store(_) => {
            let EvidenceError::Store(e) = e else {
                unreachable!()
            };
            return Failure::Store(e);
        }
        EvidenceError::TooLarge { .. }
        | EvidenceError::WhichFile { .. }
        | EvidenceError::AlreadyKept { .. }
        | EvidenceError::NoSuchEntry { .. }
        | EvidenceError::Exists { .. }
        | EvidenceError::NoName { .. } => exit::REFUSED,
        _ => exit::IO,
    };
    let w = s.words();
    let mut err = Out::stderr();
    let _ = writeln!(err, "{}{}", w.error_prefix(), w.evidence_error(&e));
    let _ = err.finish();
    Failure::Exit(code)
}

/// The id of the item the officer named (by id, number, title or a unique part of it).
fn item_id(s: &Session, name: &str) -> Result<String, Failure> {
    Ok(s.find_item(name)?.id.clone())
}

pub fn attach(s: &Session, a: AttachArgs, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    // Dates as the officer writes them (3月5日, 昨天, …), as for logging.
    let date = match a.date.as_deref() {
        Some(text) => Some(
            s.date(text)
                .map_err(|e| Failure::Usage(s.words().date_error(text, &e)))?,
        ),
        None => None,
    };
    let req = Request {
        item: item.clone(),
        entry: a.entry,
        date,
        files: a.files,
    };
    let attached = s.attach(&req).map_err(|e| fail(s, e))?;
    if let Some(c) = &attached.committed {
        tell(s, &c.notes);
    }
    let w = s.words();
    let t = title(s, &item);
    for f in &attached.files {
        writeln!(out, "{}", w.attached(&t, f))?;
        for note in &f.notes {
            writeln!(out, "  {}", w.name_note(note))?;
        }
    }
    Ok(())
}

pub fn detach(s: &Session, a: DetachArgs, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    let c = s.detach(&item, &a.file).map_err(|e| fail(s, e))?;
    tell(s, &c.notes);
    writeln!(out, "{}", s.words().detached(&title(s, &item), &c.value))?;
    Ok(())
}

/// `duty evidence [ITEM [TEXT]]`: with text, the item's evidence text is set (as before);
/// with an item, its files are listed; with nothing, every item's.
pub fn evidence(s: &Session, a: EvidenceArgs, out: &mut Out) -> CmdResult {
    match (a.item, a.text) {
        (Some(item), Some(text)) => super::record::evidence(
            s,
            super::record::TextArgs {
                item,
                text,
                yes: a.yes,
            },
            out,
        ),
        (Some(item), None) => list_item(s, &item_id(s, &item)?, out),
        (None, _) => list_all(s, out),
    }
}

/// The files of `item` (an id the checklist has).
fn list_item(s: &Session, item: &str, out: &mut Out) -> CmdResult {
    let it = s.find_item(item)?;
    let ledger = read_local(s)?;
    let record = ledger.record(item).cloned().unwrap_or_default();
    let files = files_in(&record);
    let w = s.words();
    writeln!(out, "{}", w.evidence_heading(&it.title, files.len()))?;
    if !it.evidence.is_empty() {
        writeln!(out, "{}", w.evidence_required(&it.evidence))?;
    }
    let text = crate::sheet::ledger::evidence_text(Some(&record));
    if !text.is_empty() {
        writeln!(out, "{}", w.evidence_text(&text))?;
    }
    if files.is_empty() {
        writeln!(out, "{}", w.no_files_yet(item))?;
        return Ok(());
    }
    let presence = s.presence(&files);
    for (i, (f, p)) in files.iter().zip(presence).enumerate() {
        let owner = w.file_owner(
            f.entry
                .as_deref()
                .and_then(|e| record.entry(e))
                .map(|e| (e.id.as_str(), e.topic.as_str())),
        );
        writeln!(
            out,
            "  {:>2}. {}  {}  {}  {}  {owner}  {}{}",
            i + 1,
            w.date(f.date),
            f.name,
            size_text(f.size),
            short(&f.sha256),
            f.by,
            w.presence(p)
        )?;
    }
    Ok(())
}

fn list_all(s: &Session, out: &mut Out) -> CmdResult {
    let ledger = read_local(s)?;
    let w = s.words();
    let (mut total, mut bytes, mut bare) = (0, 0, 0);
    for (_, item) in s.checklist.items() {
        let Some(r) = ledger.record(&item.id) else {
            continue;
        };
        let progress = r.done.is_some() || r.rate.is_some() || !r.entries.is_empty();
        let evidenced =
            !r.files.is_empty() || !crate::sheet::ledger::evidence_text(Some(r)).is_empty();
        if !progress && r.files.is_empty() {
            continue;
        }
        let missing = progress && !evidenced;
        bare += usize::from(missing);
        total += r.files.len();
        bytes += r.files.iter().map(|f| f.size).sum::<u64>();
        let mark = if missing { "[!]" } else { "   " };
        writeln!(
            out,
            "{mark} {}  {}  {}",
            item.id,
            item.title,
            w.evidence_summary_line(r.files.len(), missing)
        )?;
    }
    writeln!(out, "{}", w.evidence_totals(total, bytes, bare))?;
    Ok(())
}

pub fn open(s: &Session, a: OpenArgs, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    let ledger = read_local(s)?;
    let (copy, file) = s.viewer_copy(&ledger, &item, a.n).map_err(|e| fail(s, e))?;
    launch(&copy, crate::evidence::opener(), Duration::from_secs(2)).map_err(|e| fail(s, e))?;
    writeln!(out, "{}", s.words().opened(&file.name, &copy))?;
    Ok(())
}

/// `duty verify`: exit 0 when everything referred to is there and intact (orphans and
/// leftovers are said, not failed), 1 when something is missing, altered or unreadable.
pub fn verify(s: &Session, out: &mut Out) -> CmdResult {
    let v = s.verify().map_err(|e| fail(s, e))?;
    for line in s.words().verification(&v) {
        writeln!(out, "{line}")?;
    }
    if v.has_problems() {
        Err(Failure::Exit(exit::DUE))
    } else {
        Ok(())
    }
}

pub fn clean(s: &Session, a: &CleanArgs, out: &mut Out) -> CmdResult {
    let w = s.words();
    let plan = s.clean_plan().map_err(|e| fail(s, e))?;
    if plan.is_empty() {
        writeln!(out, "{}", w.clean_nothing())?;
        return Ok(());
    }
    for line in w.clean_list(&plan) {
        writeln!(out, "{line}")?;
    }
    let go = if a.yes {
        true
    } else if std::io::stdin().is_terminal() {
        write!(out, "{}", w.clean_confirm())?;
        out.flush()?;
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        matches!(answer.trim(), "y" | "Y" | "yes" | "是")
    } else {
        writeln!(out, "{}", w.clean_needs_yes())?;
        return Ok(());
    };
    if !go {
        writeln!(out, "{}", w.clean_kept())?;
        return Ok(());
    }
    let done = s.clean(&plan).map_err(|e| fail(s, e))?;
    writeln!(out, "{}", w.clean_total(&done, true))?;
    Ok(())
}
