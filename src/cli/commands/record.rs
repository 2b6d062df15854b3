//! Recording: `check`, `uncheck`, `log`, `unlog`, `edit`, `rate`, `note`, `evidence`. Each
//! is one change, resolved and committed through the session, then confirmed in words.

use std::io::Write;

use clap::Args;
use jiff::civil::Date;

use super::{confirm, date_or_today, tell, title};
use crate::checklist::Kind;
use crate::cli::error::{CmdResult, Failure};
use crate::cli::output::Out;
use crate::cli::parse;
use crate::i18n::Total;
use crate::ledger::{Change, Op, People};
use crate::session::Session;
use crate::store::Committed;

#[derive(Debug, Args)]
pub struct UncheckArgs {
    /// 事项（id、编号或标题）/ item (id, number or title)
    pub item: String,
    /// 不再询问：取消勾选会清除完成日期和佐证材料 / do not ask (unticking drops the date and evidence)
    #[arg(long, short)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 事项（id、编号或标题）/ item (id, number or title)
    pub item: String,
    /// 完成日期，默认今天（2025-03-28、3月28日、3/28、昨天……）/ date done, default today
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// 佐证材料 / evidence
    #[arg(long, default_value = "")]
    pub evidence: String,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// 事项（id、编号或标题）/ item (id, number or title)
    pub item: String,
    /// 日期，默认今天（2025-03-28、3月28日、3/28、昨天……）/ date, default today
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// 主题 / topic
    #[arg(long)]
    pub topic: String,
    /// 学时（学时类事项必填）/ hours (required for hours items)
    #[arg(long, allow_negative_numbers = true, value_parser = parse::hours)]
    pub hours: Option<f64>,
    /// 佐证材料 / evidence
    #[arg(long, default_value = "")]
    pub evidence: String,
    /// 主持人 / who presided
    #[arg(long, default_value = "")]
    pub presided: String,
    /// 参加人员 / who attended
    #[arg(long, default_value = "")]
    pub attended: String,
    /// 同一次活动同时计入的其他事项（可重复）/ other items the same session counts for (repeatable)
    #[arg(long, value_name = "ITEM")]
    pub also: Vec<String>,
}

#[derive(Debug, Args)]
pub struct EntryArg {
    /// 事项（id、编号或标题）/ item (id, number or title)
    pub item: String,
    /// 登记编号（duty log 输出、duty status --json 或交互界面详情栏中的 #编号）/ entry id
    /// (printed by duty log, in duty status --json, and in the screen's details)
    pub entry: String,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// 事项（id、编号或标题）/ item (id, number or title)
    pub item: String,
    /// 登记编号 / entry id
    pub entry: String,
    /// 新日期 / new date
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// 新主题 / new topic
    #[arg(long)]
    pub topic: Option<String>,
    /// 新学时 / new hours
    #[arg(long, allow_negative_numbers = true, value_parser = parse::hours)]
    pub hours: Option<f64>,
    /// 新佐证材料（"" 清除）/ new evidence ("" clears it)
    #[arg(long)]
    pub evidence: Option<String>,
    /// 新主持人 / who presided
    #[arg(long)]
    pub presided: Option<String>,
    /// 新参加人员 / who attended
    #[arg(long)]
    pub attended: Option<String>,
}

#[derive(Debug, Args)]
pub struct RateArgs {
    /// 事项（id、编号或标题）/ item (id, number or title)
    pub item: String,
    /// 分子/分母，如 46/46 / numerator/denominator
    // Hyphen values reach the parser, so `-1/4` gets its own message instead of clap's
    // "unexpected argument".
    #[arg(value_parser = parse::fraction, allow_hyphen_values = true)]
    pub fraction: (u64, u64),
    /// 日期，默认今天 / date, default today
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// 佐证材料 / evidence
    #[arg(long, default_value = "")]
    pub evidence: String,
}

#[derive(Debug, Args)]
pub struct TextArgs {
    /// 事项（id、编号或标题）/ item (id, number or title)
    pub item: String,
    /// 文本（空文本清除）/ text (empty clears)
    pub text: String,
    /// 清除时不再询问 / do not ask before clearing
    #[arg(long, short)]
    pub yes: bool,
}

fn commit(s: &Session, change: Change) -> Result<Committed<()>, Failure> {
    let committed = s.change(&change)?;
    tell(s, &committed.notes);
    Ok(committed)
}

/// The id of the item the officer named (by id, number, title or part of it).
fn item_id(s: &Session, name: &str) -> Result<String, Failure> {
    Ok(s.find_item(name)?.id.clone())
}

/// A date the officer wrote, or today.
fn date(s: &Session, given: Option<&str>) -> Result<Date, Failure> {
    match given {
        Some(text) => s
            .date(text)
            .map_err(|e| Failure::Usage(s.words().date_error(text, &e))),
        None => date_or_today(s, None),
    }
}

pub fn check(s: &Session, a: CheckArgs, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    let date = date(s, a.date.as_deref())?;
    let c = commit(
        s,
        Change::Check {
            item: item.clone(),
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
        w.checked(&title(s, &item), date, was.as_ref().map(|d| d.date))
    )?;
    // Say what evidence the tick now carries, so a kept or replaced one is never a surprise.
    if was.is_some() && !done.evidence.is_empty() {
        writeln!(out, "{}", w.evidence_is(&done.evidence))?;
    }
    Ok(())
}

pub fn uncheck(s: &Session, a: UncheckArgs, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    // Unticking drops the date and the evidence: asked first, never a slip.
    let done = s.read()?.ledger.record(&item).and_then(|r| r.done.clone());
    if let Some(done) = done.filter(|d| !d.evidence.is_empty()) {
        let question = s
            .words()
            .confirm_uncheck(&title(s, &item), done.date, &done.evidence);
        confirm(s, &question, a.yes)?;
    }
    commit(s, Change::Uncheck { item: item.clone() })?;
    writeln!(out, "{}", s.words().unchecked(&title(s, &item)))?;
    Ok(())
}

pub fn log(s: &Session, a: LogArgs, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    let also = a
        .also
        .iter()
        .map(|name| item_id(s, name))
        .collect::<Result<Vec<_>, _>>()?;
    let date = date(s, a.date.as_deref())?;
    let c = commit(
        s,
        Change::Log {
            item: item.clone(),
            date,
            topic: a.topic.clone(),
            hours: a.hours,
            evidence: a.evidence,
            people: People {
                presided: a.presided,
                attended: a.attended,
            },
            also,
        },
    )?;
    let w = s.words();
    let logged: Vec<(&String, &crate::ledger::Entry)> = match &c.recorded.op {
        Op::Log { item, entry, .. } => vec![(item, entry)],
        Op::Batch { ops } => ops
            .iter()
            .filter_map(|op| match op {
                Op::Log { item, entry, .. } => Some((item, entry)),
                _ => None,
            })
            .collect(),
        _ => unreachable!("a log records logs"),
    };
    for (item, entry) in &logged {
        let entries = c
            .ledger
            .record(item)
            .map_or(&[][..], |r| r.entries.as_slice());
        // An hours item's running figure is its hours, not how many sessions were logged.
        let total = match s.checklist.item(item).map(|i| i.kind) {
            Some(Kind::Hours { .. }) => Total::Hours(entries.iter().filter_map(|e| e.hours).sum()),
            _ => Total::Count(entries.len()),
        };
        writeln!(out, "{}", w.logged(&title(s, item), entry, total))?;
        // Text that would read wrong in the report, said now while it is easy to fix.
        use crate::checklist::lint::{lint_text, lint_topic};
        for (field, text, lint) in [
            (
                w.field_topic(),
                entry.topic.as_str(),
                lint_topic as fn(&str) -> _,
            ),
            (w.field_evidence(), entry.evidence.as_str(), lint_text),
        ] {
            for f in lint(text) {
                let at = text[..f.offset].chars().count() + 1;
                writeln!(out, "{}", w.lint_recorded(field, &f, at))?;
            }
        }
        // The same session logged twice is kept (two meetings can share a topic), but
        // pointed out.
        if let Some(twin) = entries
            .iter()
            .find(|e| e.id != entry.id && e.date == entry.date && e.topic == entry.topic)
        {
            writeln!(out, "{}", w.logged_twice(&twin.id, item, &entry.id))?;
        }
    }
    Ok(())
}

pub fn unlog(s: &Session, a: EntryArg, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    let c = commit(
        s,
        Change::Unlog {
            item,
            entry: a.entry,
        },
    )?;
    for op in ops_of(&c.recorded.op) {
        if let Op::Unlog { item, entry, .. } = op {
            writeln!(out, "{}", s.words().unlogged(&title(s, item), entry))?;
        }
    }
    Ok(())
}

pub fn edit(s: &Session, a: EditArgs, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    let date = match a.date.as_deref() {
        Some(text) => Some(date(s, Some(text))?),
        None => None,
    };
    let c = commit(
        s,
        Change::Edit {
            item,
            entry: a.entry,
            date,
            topic: a.topic,
            hours: a.hours,
            evidence: a.evidence,
            presided: a.presided,
            attended: a.attended,
        },
    )?;
    for op in ops_of(&c.recorded.op) {
        if let Op::Edit { item, was, now } = op {
            writeln!(out, "{}", s.words().edited(&title(s, item), was, now))?;
        }
    }
    Ok(())
}

/// The operations a commit made: one, or those of its batch.
fn ops_of(op: &Op) -> &[Op] {
    match op {
        Op::Batch { ops } => ops,
        one => std::slice::from_ref(one),
    }
}

pub fn rate(s: &Session, a: RateArgs, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    let (numerator, denominator) = a.fraction;
    let date = date(s, a.date.as_deref())?;
    let c = commit(
        s,
        Change::Rate {
            item: item.clone(),
            numerator,
            denominator,
            date,
            evidence: a.evidence,
        },
    )?;
    let Op::Rate { rate, .. } = &c.recorded.op else {
        unreachable!("a rate records a rate")
    };
    writeln!(out, "{}", s.words().rated(&title(s, &item), rate))?;
    Ok(())
}

pub fn note(s: &Session, a: TextArgs, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    let cleared = a.text.is_empty();
    commit(
        s,
        Change::Note {
            item: item.clone(),
            text: a.text,
        },
    )?;
    // The item is named by its title, so the text saved is not mistaken for it.
    writeln!(out, "{}", s.words().note_saved(&title(s, &item), cleared))?;
    Ok(())
}

pub fn evidence(s: &Session, a: TextArgs, out: &mut Out) -> CmdResult {
    let item = item_id(s, &a.item)?;
    let cleared = a.text.trim().is_empty();
    if cleared {
        // Clearing takes out the tick's and the rate's evidence too: asked first.
        let record = s.read()?.ledger.record(&item).cloned().unwrap_or_default();
        let texts: Vec<&str> = [
            Some(record.evidence.as_str()),
            record.done.as_ref().map(|d| d.evidence.as_str()),
            record.rate.as_ref().map(|r| r.evidence.as_str()),
        ]
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .collect();
        if !texts.is_empty() {
            let question = s.words().confirm_clear_evidence(&title(s, &item), &texts);
            confirm(s, &question, a.yes)?;
        }
    }
    commit(
        s,
        Change::Evidence {
            item: item.clone(),
            text: a.text,
        },
    )?;
    writeln!(
        out,
        "{}",
        s.words().evidence_saved(&title(s, &item), cleared)
    )?;
    Ok(())
}
