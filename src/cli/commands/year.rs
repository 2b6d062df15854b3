//! The year's life: `rollover` to the next year, `close` it, `reopen` it.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{read_local, tell};
use crate::checklist;
use crate::cli::error::{CmdResult, Failure};
use crate::cli::output::Out;
use crate::cli::parse;
use crate::ledger::Change;
use crate::progress;
use crate::review::rollover::{self, RolloverError};
use crate::session::Session;
use crate::store::{self, Book};

#[derive(Debug, Args)]
pub struct RolloverArgs {
    /// 新年度 / the new year
    #[arg(long, value_name = "YYYY", value_parser = parse::year)]
    pub to: i16,
    /// 新清单文件（默认与当前清单同目录，文件名带新年度）/ where to write the new checklist
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 把未完成事项结转到新年度（标注来源年度）/ carry unfinished items over, flagged with their year
    #[arg(long)]
    pub carry_over: bool,
    /// 覆盖已有文件 / replace an existing file
    #[arg(long)]
    pub force: bool,
}

/// Where the new checklist goes by default: next to the current one, with the year in its name.
fn rollover_output(s: &Session, from: i16, to: i16) -> PathBuf {
    match &s.checklist_path {
        None => PathBuf::from(format!("duty-checklist-{to}.ron")),
        Some(p) => rollover::file_for_year(p, from, to),
    }
}

/// `duty rollover --to YEAR`: the new checklist (validated by loading it), its empty ledger,
/// and the old year's unfinished items.
pub fn rollover(s: &Session, a: &RolloverArgs, out: &mut Out) -> CmdResult {
    let c = &s.checklist;
    let w = s.words();
    let ledger = read_local(s)?;
    let r = rollover::rollover(c, &ledger, a.to, a.carry_over, s.lang).map_err(
        |RolloverError::NotNext { from, to }| Failure::Usage(w.rollover_not_next(from, to)),
    )?;
    let text = rollover::to_ron(&r, c.year);
    let output = a
        .output
        .clone()
        .unwrap_or_else(|| rollover_output(s, c.year, a.to));
    let shown = output.display().to_string();
    // Validate before writing: a checklist duty cannot load is never written.
    let loaded =
        checklist::load(text.as_bytes(), &shown, a.to, s.lang).map_err(Failure::Checklist)?;
    store::write_new(&output, text.as_bytes(), a.force)?;
    let book = Book::new(&s.data_dir, &loaded.id, a.to);
    let created = book.start()?;
    let ledger_shown = book.paths.ledger.display().to_string();
    writeln!(out, "{}", w.rolled_over(a.to, &shown, loaded.item_count()))?;
    writeln!(out, "{}", w.new_ledger(a.to, &ledger_shown, created))?;
    if r.unfinished.is_empty() {
        writeln!(out, "{}", w.all_finished())?;
    } else {
        writeln!(out, "{}", w.unfinished_heading(c.year, r.unfinished.len()))?;
        for u in &r.unfinished {
            let carried = w.carried(u.carried_as.as_deref(), u.next_year, u.repeats, c.year);
            writeln!(
                out,
                "  {}  {}  {}{carried}",
                u.item,
                crate::text::truncate(&u.title, 36),
                u.state
            )?;
        }
        // Only what next year's list lacks and this year's ledger cannot still take is
        // carried over; say so when that is nothing, and offer --carry-over only when it
        // would do something.
        let carriable = r
            .unfinished
            .iter()
            .filter(|u| !u.repeats && !u.next_year)
            .count();
        match (a.carry_over, carriable) {
            (false, 0) | (true, 0) => writeln!(out, "{}", w.nothing_to_carry(c.year))?,
            (false, _) => writeln!(out, "{}", w.carry_over_hint())?,
            (true, _) => {}
        }
    }
    writeln!(out, "{}", w.use_new_checklist(&shown))?;
    Ok(())
}

/// `duty close [--year Y]`: the year's ledger becomes read-only.
pub fn close(s: &Session, out: &mut Out) -> CmdResult {
    let year = s.checklist.year;
    let c = s.change(&Change::Close)?;
    tell(s, &c.notes);
    let w = s.words();
    writeln!(out, "{}", w.closed_year(year))?;
    // Closing is allowed with work open (the year is over either way), but never unnoticed.
    let st = progress::status(&s.checklist, &c.ledger, s.clock.today());
    let unfinished = st.total - st.done;
    if unfinished > 0 {
        writeln!(out, "{}", w.closed_with_open(unfinished))?;
    }
    Ok(())
}

/// `duty reopen [--year Y]`: undo `close`, recorded in the history.
pub fn reopen(s: &Session, out: &mut Out) -> CmdResult {
    let c = s.change(&Change::Reopen)?;
    tell(s, &c.notes);
    writeln!(out, "{}", s.words().reopened(s.checklist.year))?;
    Ok(())
}
