//! Recording: `check`, `uncheck`, `log`, `unlog`, `edit`, `rate`, `note`, `evidence`. Each
//! is one change, resolved and committed through the session, then confirmed in words.

use std::io::Write;

use clap::Args;
use jiff::civil::Date;

use super::{date_or_today, tell, title};
use crate::checklist::Kind;
use crate::cli::error::CmdResult;
use crate::cli::output::Out;
use crate::cli::parse;
use crate::i18n::Total;
use crate::ledger::{Change, Op};
use crate::session::Session;
use crate::store::Committed;

#[derive(Debug, Args)]
pub struct ItemArg {
    /// 事项 id / item id
    pub item: String,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 事项 id / item id
    pub item: String,
    /// 完成日期，默认今天 / date done, default today (2024-03-28 or 2024年3月28日)
    #[arg(long, value_parser = parse::date)]
    pub date: Option<Date>,
    /// 佐证材料 / evidence
    #[arg(long, default_value = "")]
    pub evidence: String,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// 事项 id / item id
    pub item: String,
    /// 日期，默认今天 / date, default today
    #[arg(long, value_parser = parse::date)]
    pub date: Option<Date>,
    /// 主题 / topic
    #[arg(long)]
    pub topic: String,
    /// 学时（学时类事项必填）/ hours (required for hours items)
    #[arg(long, allow_negative_numbers = true, value_parser = parse::hours)]
    pub hours: Option<f64>,
    /// 佐证材料 / evidence
    #[arg(long, default_value = "")]
    pub evidence: String,
}

#[derive(Debug, Args)]
pub struct EntryArg {
    /// 事项 id / item id
    pub item: String,
    /// 登记编号（duty log 输出、duty status --json 或交互界面详情栏中的 #编号）/ entry id
    /// (printed by duty log, in duty status --json, and in the screen's details)
    pub entry: String,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// 事项 id / item id
    pub item: String,
    /// 登记编号 / entry id
    pub entry: String,
    /// 新日期 / new date
    #[arg(long, value_parser = parse::date)]
    pub date: Option<Date>,
    /// 新主题 / new topic
    #[arg(long)]
    pub topic: Option<String>,
    /// 新学时 / new hours
    #[arg(long, allow_negative_numbers = true, value_parser = parse::hours)]
    pub hours: Option<f64>,
    /// 新佐证材料（"" 清除）/ new evidence ("" clears it)
    #[arg(long)]
    pub evidence: Option<String>,
}

#[derive(Debug, Args)]
pub struct RateArgs {
    /// 事项 id / item id
    pub item: String,
    /// 分子/分母，如 46/46 / numerator/denominator
    // Hyphen values reach the parser, so `-1/4` gets its own message instead of clap's
    // "unexpected argument".
    #[arg(value_parser = parse::fraction, allow_hyphen_values = true)]
    pub fraction: (u64, u64),
    /// 日期，默认今天 / date, default today
    #[arg(long, value_parser = parse::date)]
    pub date: Option<Date>,
    /// 佐证材料 / evidence
    #[arg(long, default_value = "")]
    pub evidence: String,
}

#[derive(Debug, Args)]
pub struct TextArgs {
    /// 事项 id / item id
    pub item: String,
    /// 文本（空文本清除）/ text (empty clears)
    pub text: String,
}

fn commit(s: &Session, change: Change) -> Result<Committed<()>, crate::cli::error::Failure> {
    let committed = s.change(&change)?;
    tell(s, &committed.notes);
    Ok(committed)
}

pub fn check(s: &Session, a: CheckArgs, out: &mut Out) -> CmdResult {
    let date = date_or_today(s, a.date)?;
    let c = commit(
        s,
        Change::Check {
            item: a.item.clone(),
            date,
            evidence: a.evidence,
        },
    )?;
    let w = s.words();
    let Op::Check { done, was, .. } = &c.recorded.op else {
        unreachable!("a check records a check")
    };
    writeln!(
        out,
        "{}",
        w.checked(&title(s, &a.item), date, was.as_ref().map(|d| d.date))
    )?;
    // Say what evidence the tick now carries, so a kept or replaced one is never a surprise.
    if was.is_some() && !done.evidence.is_empty() {
        writeln!(out, "{}", w.evidence_is(&done.evidence))?;
    }
    Ok(())
}

pub fn uncheck(s: &Session, a: ItemArg, out: &mut Out) -> CmdResult {
    commit(
        s,
        Change::Uncheck {
            item: a.item.clone(),
        },
    )?;
    writeln!(out, "{}", s.words().unchecked(&title(s, &a.item)))?;
    Ok(())
}

pub fn log(s: &Session, a: LogArgs, out: &mut Out) -> CmdResult {
    let date = date_or_today(s, a.date)?;
    let c = commit(
        s,
        Change::Log {
            item: a.item.clone(),
            date,
            topic: a.topic.clone(),
            hours: a.hours,
            evidence: a.evidence,
        },
    )?;
    let Op::Log { entry, .. } = &c.recorded.op else {
        unreachable!("a log records a log")
    };
    let record = c.ledger.record(&a.item);
    let entries = record.map_or(&[][..], |r| r.entries.as_slice());
    // An hours item's running figure is its hours, not how many sessions were logged.
    let total = match s.checklist.item(&a.item).map(|i| i.kind) {
        Some(Kind::Hours { .. }) => Total::Hours(entries.iter().filter_map(|e| e.hours).sum()),
        _ => Total::Count(entries.len()),
    };
    let w = s.words();
    writeln!(out, "{}", w.logged(&title(s, &a.item), entry, total))?;
    // Text that would read wrong in the report, said now while it is easy to fix.
    for (field, text) in [
        (w.field_topic(), &entry.topic),
        (w.field_evidence(), &entry.evidence),
    ] {
        for f in crate::checklist::lint::lint_text(text) {
            let at = text[..f.offset].chars().count() + 1;
            writeln!(out, "{}", w.lint_recorded(field, &f, at))?;
        }
    }
    // The same session logged twice is kept (two meetings can share a topic), but pointed out.
    if let Some(twin) = entries
        .iter()
        .find(|e| e.id != entry.id && e.date == entry.date && e.topic == entry.topic)
    {
        writeln!(out, "{}", w.logged_twice(&twin.id, &a.item, &entry.id))?;
    }
    Ok(())
}

pub fn unlog(s: &Session, a: EntryArg, out: &mut Out) -> CmdResult {
    let c = commit(
        s,
        Change::Unlog {
            item: a.item.clone(),
            entry: a.entry,
        },
    )?;
    let Op::Unlog { entry, .. } = &c.recorded.op else {
        unreachable!("an unlog records an unlog")
    };
    writeln!(out, "{}", s.words().unlogged(&title(s, &a.item), entry))?;
    Ok(())
}

pub fn edit(s: &Session, a: EditArgs, out: &mut Out) -> CmdResult {
    let c = commit(
        s,
        Change::Edit {
            item: a.item.clone(),
            entry: a.entry,
            date: a.date,
            topic: a.topic,
            hours: a.hours,
            evidence: a.evidence,
        },
    )?;
    let Op::Edit { was, now, .. } = &c.recorded.op else {
        unreachable!("an edit records an edit")
    };
    writeln!(out, "{}", s.words().edited(&title(s, &a.item), was, now))?;
    Ok(())
}

pub fn rate(s: &Session, a: RateArgs, out: &mut Out) -> CmdResult {
    let (numerator, denominator) = a.fraction;
    let date = date_or_today(s, a.date)?;
    let c = commit(
        s,
        Change::Rate {
            item: a.item.clone(),
            numerator,
            denominator,
            date,
            evidence: a.evidence,
        },
    )?;
    let Op::Rate { rate, .. } = &c.recorded.op else {
        unreachable!("a rate records a rate")
    };
    writeln!(out, "{}", s.words().rated(&title(s, &a.item), rate))?;
    Ok(())
}

pub fn note(s: &Session, a: TextArgs, out: &mut Out) -> CmdResult {
    let cleared = a.text.is_empty();
    commit(
        s,
        Change::Note {
            item: a.item.clone(),
            text: a.text,
        },
    )?;
    // The item is named by its title, so the text saved is not mistaken for it.
    writeln!(out, "{}", s.words().note_saved(&title(s, &a.item), cleared))?;
    Ok(())
}

pub fn evidence(s: &Session, a: TextArgs, out: &mut Out) -> CmdResult {
    let cleared = a.text.is_empty();
    commit(
        s,
        Change::Evidence {
            item: a.item.clone(),
            text: a.text,
        },
    )?;
    writeln!(
        out,
        "{}",
        s.words().evidence_saved(&title(s, &a.item), cleared)
    )?;
    Ok(())
}
