//! Commands that change the ledger (`check`, `log`, `rate`, `note`, `undo` …) and read its
//! history. Each change goes through `store::transact`: lock, re-read, apply, save.

use std::io::Write;

use super::args::{CheckArgs, HistoryArgs, ItemArg, LogArgs, RateArgs, TextArgs, UnlogArgs};
use super::{CmdResult, Env, Failure, Out};
use crate::date;
use crate::i18n::Lang;
use crate::ledger::{Change, ChangeError, HistoryRecord, ItemRecord, undo_change, undo_target};
use crate::store::{self, Saved};
use crate::text::for_terminal;

fn apply(env: &Env, change: Change) -> Result<Saved, Failure> {
    Ok(store::transact_from(
        &env.ledger_paths(),
        env.take_loaded(),
        &env.checklist,
        &env.ctx(),
        |_, _| Ok(change),
    )?)
}

/// The date given, or today. Today outside the checklist's year (working on last year's
/// ledger with --year in the new year) is said as such, since no date was typed.
fn date_or_today(
    env: &Env,
    given: Option<jiff::civil::Date>,
) -> Result<jiff::civil::Date, Failure> {
    if let Some(date) = given {
        return Ok(date);
    }
    let (from, to) = crate::ledger::year_window(env.checklist.year);
    if (from..=to).contains(&env.today) {
        return Ok(env.today);
    }
    let year = env.checklist.year;
    Err(Failure::Usage(match env.lang {
        Lang::Zh => format!(
            "未给 --date 时默认为今天（{}），不在 {year} 年度范围内（{} 至 {}）；请用 --date 写明日期",
            date::iso(env.today),
            date::iso(from),
            date::iso(to)
        ),
        Lang::En => format!(
            "without --date the date is today ({}), which is outside {year} ({} to {}); give it with --date",
            date::iso(env.today),
            date::iso(from),
            date::iso(to)
        ),
    }))
}

fn title(env: &Env, item: &str) -> String {
    env.checklist
        .item(item)
        .map(|i| for_terminal(&i.title).into_owned())
        .unwrap_or_else(|| for_terminal(item).into_owned())
}

pub fn check(env: &Env, a: CheckArgs, out: &mut Out) -> CmdResult {
    let date = date_or_today(env, a.date)?;
    let saved = apply(
        env,
        Change::Check {
            item: a.item.clone(),
            date,
            evidence: a.evidence,
        },
    )?;
    // Checking a duty that was already done replaces its date (the evidence stays unless a
    // new one is given): say so.
    let earlier = saved
        .record
        .applied
        .before
        .as_ref()
        .and_then(|r| r.done.as_ref())
        .map(|d| d.date);
    match (env.lang, earlier) {
        (Lang::Zh, Some(was)) => writeln!(
            out,
            "“{}”原已于 {} 勾选，完成日期已改为 {}（可用 duty undo 撤销）",
            title(env, &a.item),
            date::chinese(was),
            date::chinese(date)
        )?,
        (Lang::Zh, None) => writeln!(
            out,
            "已勾选“{}”，完成日期 {}",
            title(env, &a.item),
            date::chinese(date)
        )?,
        (Lang::En, Some(was)) => writeln!(
            out,
            "'{}' was already done on {}; its date is now {} ('duty undo' reverts this)",
            title(env, &a.item),
            date::iso(was),
            date::iso(date)
        )?,
        (Lang::En, None) => writeln!(
            out,
            "Checked '{}', done {}",
            title(env, &a.item),
            date::iso(date)
        )?,
    }
    // Say what evidence the tick now carries, so a kept or replaced one is never a surprise.
    let evidence = saved
        .ledger
        .record(&a.item)
        .and_then(|r| r.done.as_ref())
        .map(|d| d.evidence.clone())
        .unwrap_or_default();
    if earlier.is_some() && !evidence.is_empty() {
        match env.lang {
            Lang::Zh => writeln!(out, "佐证材料：{}", for_terminal(&evidence))?,
            Lang::En => writeln!(out, "Evidence: {}", for_terminal(&evidence))?,
        }
    }
    Ok(())
}

pub fn uncheck(env: &Env, a: ItemArg, out: &mut Out) -> CmdResult {
    apply(
        env,
        Change::Uncheck {
            item: a.item.clone(),
        },
    )?;
    match env.lang {
        Lang::Zh => writeln!(out, "已取消勾选“{}”", title(env, &a.item))?,
        Lang::En => writeln!(out, "Unchecked '{}'", title(env, &a.item))?,
    }
    Ok(())
}

pub fn log(env: &Env, a: LogArgs, out: &mut Out) -> CmdResult {
    let date = date_or_today(env, a.date)?;
    let saved = apply(
        env,
        Change::Log {
            item: a.item.clone(),
            date,
            topic: a.topic.clone(),
            hours: a.hours,
            evidence: a.evidence,
        },
    )?;
    let id = saved.record.applied.entry.clone().unwrap_or_default();
    // The same session logged twice is kept (two meetings can share a topic), but pointed out.
    let twin = saved
        .record
        .applied
        .before
        .as_ref()
        .and_then(|r| {
            r.entries
                .iter()
                .find(|e| e.date == date && e.topic == a.topic)
        })
        .map(|e| e.id.clone());
    let record = saved.ledger.record(&a.item);
    let count = record.map_or(0, |r| r.entries.len());
    // An hours item's running figure is its hours, not how many sessions were logged.
    let hours = env
        .checklist
        .item(&a.item)
        .is_some_and(|i| matches!(i.kind, crate::checklist::Kind::Hours { .. }))
        .then(|| crate::text::number(crate::progress::total_hours(record)));
    let total = match (env.lang, hours) {
        (Lang::Zh, Some(h)) => format!("本年度共 {h} 学时"),
        (Lang::Zh, None) => format!("本年度共 {count} 次"),
        (Lang::En, Some(h)) => format!("{h} hours this year"),
        (Lang::En, None) => format!("{count} this year"),
    };
    match env.lang {
        Lang::Zh => writeln!(
            out,
            "已登记“{}”：{} {}（编号 {id}），{total}",
            title(env, &a.item),
            date::chinese(date),
            for_terminal(&a.topic)
        )?,
        Lang::En => writeln!(
            out,
            "Logged '{}': {} {} (entry {id}), {total}",
            title(env, &a.item),
            date::iso(date),
            for_terminal(&a.topic)
        )?,
    }
    if let Some(twin) = twin {
        let twin = for_terminal(&twin).into_owned();
        let item = for_terminal(&a.item).into_owned();
        match env.lang {
            Lang::Zh => writeln!(
                out,
                "注意：同一天已有相同主题的登记（编号 {twin}）；如系重复，运行 duty unlog {item} {id} 删除这一条"
            )?,
            Lang::En => writeln!(
                out,
                "Note: a session with the same date and topic was already logged (entry {twin}); if this is a duplicate, run duty unlog {item} {id}"
            )?,
        }
    }
    Ok(())
}

pub fn unlog(env: &Env, a: UnlogArgs, out: &mut Out) -> CmdResult {
    let saved = apply(
        env,
        Change::Unlog {
            item: a.item.clone(),
            entry: a.entry.clone(),
        },
    )?;
    let removed = saved
        .record
        .applied
        .before
        .as_ref()
        .and_then(|r| r.entries.iter().find(|e| e.id == a.entry))
        .map(|e| {
            let day = match env.lang {
                Lang::Zh => date::chinese(e.date),
                Lang::En => date::iso(e.date),
            };
            format!("{day} {}", for_terminal(&e.topic))
        })
        .unwrap_or_default();
    match env.lang {
        Lang::Zh => writeln!(
            out,
            "已删除“{}”的登记 {}：{removed}",
            title(env, &a.item),
            for_terminal(&a.entry)
        )?,
        Lang::En => writeln!(
            out,
            "Removed entry {} of '{}': {removed}",
            for_terminal(&a.entry),
            title(env, &a.item)
        )?,
    }
    Ok(())
}

pub fn rate(env: &Env, a: RateArgs, out: &mut Out) -> CmdResult {
    let (numerator, denominator) = a.fraction;
    let date = date_or_today(env, a.date)?;
    apply(
        env,
        Change::Rate {
            item: a.item.clone(),
            numerator,
            denominator,
            date,
            evidence: a.evidence,
        },
    )?;
    let pct = crate::text::number(numerator as f64 * 100.0 / denominator as f64);
    match env.lang {
        Lang::Zh => writeln!(
            out,
            "已填报“{}”：{numerator}/{denominator}，即 {pct}%",
            title(env, &a.item)
        )?,
        Lang::En => writeln!(
            out,
            "Recorded '{}': {numerator}/{denominator} = {pct}%",
            title(env, &a.item)
        )?,
    }
    Ok(())
}

pub fn note(env: &Env, a: TextArgs, out: &mut Out) -> CmdResult {
    let cleared = a.text.is_empty();
    apply(
        env,
        Change::Note {
            item: a.item.clone(),
            text: a.text,
        },
    )?;
    let what = match (env.lang, cleared) {
        (Lang::Zh, true) => "已清除",
        (Lang::Zh, false) => "已保存",
        (Lang::En, true) => "Cleared",
        (Lang::En, false) => "Saved",
    };
    // The item is named as its title, so the text saved is not mistaken for it.
    match env.lang {
        Lang::Zh => writeln!(out, "{what}“{}”的备注", title(env, &a.item))?,
        Lang::En => writeln!(out, "{what} the note of '{}'", title(env, &a.item))?,
    }
    Ok(())
}

pub fn evidence(env: &Env, a: TextArgs, out: &mut Out) -> CmdResult {
    let cleared = a.text.is_empty();
    apply(
        env,
        Change::Evidence {
            item: a.item.clone(),
            text: a.text,
        },
    )?;
    let what = match (env.lang, cleared) {
        (Lang::Zh, true) => "已清除",
        (Lang::Zh, false) => "已保存",
        (Lang::En, true) => "Cleared",
        (Lang::En, false) => "Saved",
    };
    match (env.lang, cleared) {
        (Lang::Zh, true) => writeln!(
            out,
            "{what}“{}”的全部佐证材料（含勾选和比率所附的）",
            title(env, &a.item)
        )?,
        (Lang::En, true) => writeln!(
            out,
            "{what} all evidence of '{}' (that of its tick or rate included)",
            title(env, &a.item)
        )?,
        (Lang::Zh, false) => writeln!(out, "{what}“{}”的佐证材料", title(env, &a.item))?,
        (Lang::En, false) => writeln!(out, "{what} the evidence of '{}'", title(env, &a.item))?,
    }
    Ok(())
}

pub fn undo(env: &Env, out: &mut Out) -> CmdResult {
    let saved = store::transact_from(
        &env.ledger_paths(),
        env.take_loaded(),
        &env.checklist,
        &env.ctx(),
        |_, history| {
            let history = history()?;
            let target = undo_target(&history).ok_or(ChangeError::NothingToUndo)?;
            Ok(undo_change(target))
        },
    )?;
    let Change::Undo { seq, item, .. } = &saved.record.change else {
        unreachable!("undo always records an Undo change");
    };
    match env.lang {
        Lang::Zh => writeln!(out, "已撤销第 {seq} 次修改（“{}”）", title(env, item))?,
        Lang::En => writeln!(out, "Undid change {seq} ('{}')", title(env, item))?,
    }
    Ok(())
}

pub fn history(env: &Env, a: HistoryArgs, out: &mut Out) -> CmdResult {
    let paths = env.ledger_paths();
    let ledger = store::read_ledger(&paths, &env.checklist.id, env.checklist.year)?;
    if let Some(item) = a
        .item
        .as_deref()
        .filter(|i| env.checklist.item(i).is_none() && !ledger.items.contains_key(*i))
    {
        // A typo would otherwise look like an item that was never changed.
        return Err(crate::ledger::ChangeError::UnknownItem {
            id: item.to_string(),
            suggestions: env
                .checklist
                .suggest(item)
                .into_iter()
                .map(String::from)
                .collect(),
        }
        .into());
    }
    let records = store::read_history(&paths, ledger.seq)?;
    let tz = super::local_time_zone();
    let mut shown = 0;
    for r in records
        .iter()
        .filter(|r| a.item.as_deref().is_none_or(|i| r.change.item() == Some(i)))
    {
        writeln!(out, "{}", history_line(env, &tz, r))?;
        shown += 1;
    }
    if shown == 0 {
        writeln!(out, "{}", env.t("（暂无修改记录）", "(no changes yet)"))?;
    }
    Ok(())
}

/// `#12  2024-03-28 10:15  张三  登记 center-group：… → …`
pub fn history_line(env: &Env, tz: &jiff::tz::TimeZone, r: &HistoryRecord) -> String {
    // Local time, as `today` is.
    let when =
        r.at.to_zoned_datetime(tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string();
    let lang = env.lang;
    let what = describe(&r.change, lang);
    let before = summarize(r.applied.before.as_ref(), lang);
    let after = summarize(r.applied.after.as_ref(), lang);
    format!(
        "#{:<4} {when}  {}  {}：{} → {}",
        r.seq,
        for_terminal(&r.by),
        for_terminal(&what),
        before,
        after
    )
}

fn describe(change: &Change, lang: Lang) -> String {
    let z = lang == Lang::Zh;
    match change {
        Change::Check { item, date, .. } => {
            if z {
                format!("勾选 {item}（{}）", date::iso(*date))
            } else {
                format!("check {item} ({})", date::iso(*date))
            }
        }
        Change::Uncheck { item } => {
            if z {
                format!("取消勾选 {item}")
            } else {
                format!("uncheck {item}")
            }
        }
        Change::Log {
            item, date, topic, ..
        } => {
            if z {
                format!("登记 {item} {} {topic}", date::iso(*date))
            } else {
                format!("log {item} {} {topic}", date::iso(*date))
            }
        }
        Change::Unlog { item, entry } => {
            if z {
                format!("删除登记 {item} {entry}")
            } else {
                format!("unlog {item} {entry}")
            }
        }
        Change::Rate {
            item,
            numerator,
            denominator,
            ..
        } => {
            if z {
                format!("填报比率 {item} {numerator}/{denominator}")
            } else {
                format!("rate {item} {numerator}/{denominator}")
            }
        }
        Change::Note { item, .. } => {
            if z {
                format!("备注 {item}")
            } else {
                format!("note {item}")
            }
        }
        Change::Evidence { item, .. } => {
            if z {
                format!("佐证材料 {item}")
            } else {
                format!("evidence {item}")
            }
        }
        Change::Undo { seq, item, .. } => {
            if z {
                format!("撤销 #{seq}（{item}）")
            } else {
                format!("undo #{seq} ({item})")
            }
        }
        Change::Close => lang.pick("关账", "close the year").into(),
        Change::Reopen => lang.pick("重新打开", "reopen the year").into(),
    }
}

/// A short description of an item's record: `已完成 2024-03-01`, `3 条登记`, `46/50`, `备注`.
pub(super) fn summarize(r: Option<&ItemRecord>, lang: Lang) -> String {
    let Some(r) = r else {
        return lang.pick("（空）", "(none)").to_string();
    };
    let mut parts = Vec::new();
    if let Some(d) = &r.done {
        parts.push(format!(
            "{} {}",
            lang.pick("已完成", "done"),
            date::iso(d.date)
        ));
    }
    if !r.entries.is_empty() {
        parts.push(match lang {
            Lang::Zh => format!("{} 条登记", r.entries.len()),
            Lang::En => format!("{} entries", r.entries.len()),
        });
    }
    if let Some(rate) = &r.rate {
        parts.push(format!("{}/{}", rate.numerator, rate.denominator));
    }
    if !r.note.is_empty() {
        parts.push(format!(
            "{}“{}”",
            lang.pick("备注", "note "),
            crate::text::truncate(&for_terminal(&r.note), 20)
        ));
    }
    if !r.evidence.is_empty() {
        parts.push(format!(
            "{}“{}”",
            lang.pick("佐证", "evidence "),
            crate::text::truncate(&for_terminal(&r.evidence), 20)
        ));
    }
    if parts.is_empty() {
        lang.pick("（空）", "(none)").to_string()
    } else {
        parts.join("，")
    }
}

pub fn restore_backup(env: &Env, out: &mut Out) -> CmdResult {
    let paths = env.ledger_paths();
    let restored = store::restore_backup(&paths, &env.checklist.id, env.checklist.year)?;
    let ledger = for_terminal(&paths.ledger.display().to_string()).into_owned();
    match (env.lang, restored.aside) {
        (Lang::Zh, Some(k)) => writeln!(
            out,
            "已用备份恢复台账 {ledger}；原文件另存为 {}",
            for_terminal(&k.display().to_string())
        )?,
        (Lang::Zh, None) => writeln!(out, "已用备份恢复台账 {ledger}")?,
        (Lang::En, Some(k)) => writeln!(
            out,
            "Restored {ledger} from its backup; the damaged file is kept as {}",
            for_terminal(&k.display().to_string())
        )?,
        (Lang::En, None) => writeln!(out, "Restored {ledger} from its backup")?,
    }
    if !restored.replayed.is_empty() {
        writeln!(
            out,
            "{}",
            env.t(
                "备份之后的修改已按历史记录补回：",
                "Changes made after the backup, put back from the history:"
            )
        )?;
        let tz = super::local_time_zone();
        for r in &restored.replayed {
            writeln!(out, "  {}", history_line(env, &tz, r))?;
        }
    }
    if let Some(seq) = restored.unsure {
        match env.lang {
            Lang::Zh => writeln!(
                out,
                "注意：原台账已无法读出保存到第几次修改，最后补回的第 {seq} 次修改可能当时并未保存成功；请核对，如不应有，运行 duty undo"
            )?,
            Lang::En => writeln!(
                out,
                "Note: the damaged ledger no longer shows how far it had been saved; change #{seq}, put back last, may never have been saved. Check it, and run duty undo if it should not be there"
            )?,
        }
    }
    if !restored.missing.is_empty() {
        let seqs = restored
            .missing
            .iter()
            .map(|s| format!("#{s}"))
            .collect::<Vec<_>>()
            .join(", ");
        match env.lang {
            Lang::Zh => writeln!(
                out,
                "注意：历史记录中第 {seqs} 次修改的记录已损坏，无法补回；请核对相关事项"
            )?,
            Lang::En => writeln!(
                out,
                "Note: the history lines of change(s) {seqs} are damaged and could not be put back; check those items"
            )?,
        }
    }
    Ok(())
}
