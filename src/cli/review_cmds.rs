//! Year-end commands: `review`, `due`, `rollover`, `close`, `reopen`, `export-ledger`,
//! `import-ledger`, and the `--ledger` roll-up option shared by `status` and `review`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{CmdResult, Env, Failure, Out, exit};
use crate::checklist;
use crate::date::iso;
use crate::i18n::Lang;
use crate::ledger::{Change, ChangeError, Ledger};
use crate::review;
use crate::review::rollover::{self, RolloverError};
use crate::review::rollup::{self, Conflict};
use crate::store::{self, StoreError};
use crate::text::{for_terminal, pad, truncate, width};

/// Several ledgers of the same checklist and year, combined (`--ledger a.ron --ledger dir/`).
#[derive(Debug, Clone, Default, Args)]
pub struct LedgerSources {
    /// 合并这些台账文件（可重复；目录则读取其中全部 .ron）代替本机台账 /
    /// combine these ledger files instead of the local one (repeatable; a directory means every .ron in it)
    #[arg(long = "ledger", value_name = "PATH")]
    pub ledgers: Vec<PathBuf>,
}

/// The ledger a read-only command shows: the local one, or several combined.
pub struct View {
    pub ledger: Ledger,
    pub conflicts: Vec<Conflict>,
    /// The files combined (empty for the local ledger).
    pub sources: Vec<String>,
}

/// The local ledger, or the roll-up of `sources` when any are given.
pub fn load_view(env: &Env, sources: &LedgerSources) -> Result<View, Failure> {
    if sources.ledgers.is_empty() {
        let ledger = super::read_ledger(env)?;
        // What the commands would have refused, in a hand-edited ledger, is said (on stderr,
        // so documents stay clean) before it is counted.
        if let Some(problem) = ledger.problem(&env.checklist) {
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                for_terminal(&problem.warning(env.lang))
            );
        }
        return Ok(View {
            ledger,
            conflicts: Vec::new(),
            sources: Vec::new(),
        });
    }
    let (ledgers, paths) = store::read_all(&sources.ledgers, &env.checklist)?;
    if ledgers.is_empty() {
        return Err(Failure::Usage(
            env.t(
                "--ledger 指定的目录中没有 .ron 台账文件",
                "no .ron ledger files in the --ledger directories",
            )
            .to_string(),
        ));
    }
    let (ledger, conflicts) = rollup::combine(&env.checklist, &ledgers);
    Ok(View {
        ledger,
        conflicts,
        sources: paths.iter().map(|p| p.display().to_string()).collect(),
    })
}

fn sources_are_local(sources: &LedgerSources) -> bool {
    sources.ledgers.is_empty()
}

/// Print the roll-up's sources and conflicts (nothing for the local ledger).
pub fn print_rollup(env: &Env, view: &View, out: &mut Out) -> CmdResult {
    if view.sources.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        match env.lang {
            Lang::Zh => format!(
                "已合并 {} 个台账：{}",
                view.sources.len(),
                for_terminal(&view.sources.join("、"))
            ),
            Lang::En => format!(
                "Combined {} ledgers: {}",
                view.sources.len(),
                for_terminal(&view.sources.join(", "))
            ),
        }
    )?;
    if view.conflicts.is_empty() {
        writeln!(out, "{}", env.t("无冲突。", "No conflicts."))?;
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        match env.lang {
            Lang::Zh => format!(
                "冲突 {} 处（已采用第一个值，请核对）：",
                view.conflicts.len()
            ),
            Lang::En => format!(
                "{} conflict(s) (the first value was kept; please check):",
                view.conflicts.len()
            ),
        }
    )?;
    for c in &view.conflicts {
        writeln!(out, "  {}", c.describe(&view.sources, env.lang))?;
    }
    Ok(())
}

/// Last year's checklist and ledger while its paperwork is still due (January to June), for a
/// checklist that follows the calendar (no `year:` written): in February the active year is
/// the new one, but the old year's report is what falls due. `None` when the checklist names
/// its year (last year's is another file), when last year has no ledger, or it is closed.
fn previous_year(env: &Env) -> Option<(checklist::Checklist, Ledger)> {
    let c = &env.checklist;
    let (_, june_end) = crate::ledger::year_window(c.year - 1);
    if c.year_explicit || env.today < crate::ledger::year_window(c.year).0 || env.today > june_end {
        return None;
    }
    let old = super::load_checklist(env.checklist_path.as_deref(), c.year - 1, env.lang).ok()?;
    let paths = store::LedgerPaths::new(&env.data_dir, &old.id, old.year);
    if !paths.ledger.exists() {
        return None;
    }
    let ledger = store::read_ledger(&paths, &old.id, old.year).ok()?;
    (!ledger.closed).then_some((old, ledger))
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(flatten)]
    pub sources: LedgerSources,
}

/// `duty review`: what is at risk, the next year's first-quarter deadlines, the monthly chart.
pub fn review(env: &Env, args: &ReviewArgs, out: &mut Out) -> CmdResult {
    let view = load_view(env, &args.sources)?;
    let c = &env.checklist;
    let lang = env.lang;
    let risks = review::review(c, &view.ledger, env.today, lang);
    match lang {
        Lang::Zh => writeln!(
            out,
            "{}年度风险检查 · 今天 {} · 风险 {} 项{}",
            c.year,
            iso(env.today),
            risks.len(),
            if view.ledger.closed {
                "（已关账）"
            } else {
                ""
            }
        )?,
        Lang::En => writeln!(
            out,
            "Review of {} · today {} · {} at risk{}",
            c.year,
            iso(env.today),
            risks.len(),
            if view.ledger.closed { " (closed)" } else { "" }
        )?,
    }
    if risks.is_empty() {
        writeln!(out, "  {}", env.t("没有风险事项。", "Nothing at risk."))?;
    }
    let tag_w = risks
        .iter()
        .map(|r| width(r.kind.label(lang)))
        .max()
        .unwrap_or(0);
    for r in &risks {
        writeln!(
            out,
            "  [{}] {} {}",
            pad(r.kind.label(lang), tag_w),
            for_terminal(&r.item),
            for_terminal(&truncate(&r.title, 40))
        )?;
        writeln!(out, "      {}", for_terminal(&r.advice))?;
    }
    let deadlines = review::next_year_deadlines(c, &view.ledger, env.today);
    if !deadlines.is_empty() {
        writeln!(out)?;
        match lang {
            Lang::Zh => writeln!(out, "{} 年一季度（次年）截止事项：", c.year + 1)?,
            Lang::En => writeln!(out, "Deadlines in early {} (next year):", c.year + 1)?,
        }
        for d in &deadlines {
            writeln!(out, "{}", deadline_line(d, lang))?;
        }
    }
    if let Some((old, old_ledger)) = sources_are_local(&args.sources)
        .then(|| previous_year(env))
        .flatten()
    {
        let open: Vec<_> = review::next_year_deadlines(&old, &old_ledger, env.today)
            .into_iter()
            .filter(|d| !d.complete)
            .collect();
        if !open.is_empty() {
            writeln!(out)?;
            match lang {
                Lang::Zh => writeln!(
                    out,
                    "{} 年度尚未办结的事项（在 {} 年度台账中登记，加 --year {}）：",
                    old.year, old.year, old.year
                )?,
                Lang::En => writeln!(
                    out,
                    "Still open from {} (record them in the {} ledger with --year {}):",
                    old.year, old.year, old.year
                )?,
            }
            for d in &open {
                writeln!(out, "{}", deadline_line(d, lang))?;
            }
        }
    }
    writeln!(out)?;
    for line in review::chart(&review::monthly(c, &view.ledger), lang) {
        writeln!(out, "{line}")?;
    }
    print_rollup(env, &view, out)
}

#[derive(Debug, Args)]
#[command(after_help = "退出码 / exit status:\n  \
    0  没有到期事项（不输出任何内容）/ nothing due (prints nothing)\n  \
    1  有逾期或即将到期的事项（逐行列出）/ something is overdue or due within the window (one line each)\n  \
    2  参数错误 / usage error\n  \
    3  清单文件有误 / the checklist is invalid\n  \
    4  台账无法读取 / the ledger cannot be read\n\n\
    例 / example (crontab): 0 8 * * 1-5 duty due --within 2w || notify-send duty")]
pub struct DueArgs {
    /// 时间窗口：14d、2w 或 14（天）/ window: 14d, 2w or 14 (days)
    #[arg(long, value_name = "DAYS", default_value = "14d", value_parser = parse_within)]
    pub within: i64,
}

/// `14d`, `2w`, `14` → days.
pub fn parse_within(s: &str) -> Result<i64, super::args::Refused> {
    let t = s.trim().to_ascii_lowercase();
    let (digits, factor) = if let Some(d) = t.strip_suffix('w') {
        (d, 7)
    } else if let Some(d) = t.strip_suffix('d') {
        (d, 1)
    } else {
        (t.as_str(), 1)
    };
    match digits.trim().parse::<i64>() {
        Ok(n) if (0..=400).contains(&n) && n * factor <= 800 => Ok(n * factor),
        _ => Err(super::args::Refused::new(
            "应为天数或周数，如 14d、2w 或 14（最多 800 天）",
            "expected days or weeks, e.g. 14d, 2w or 14 (at most 800 days)",
        )),
    }
}

/// `duty due --within 14d`: plain lines for scripts; exit 1 when anything is listed.
pub fn due(env: &Env, args: &DueArgs, out: &mut Out) -> CmdResult {
    let ledger = super::read_ledger(env)?;
    let closed = ledger.closed;
    let c = &env.checklist;
    let st = crate::progress::status(c, &ledger, env.today);
    // (year, status): the active year's items, unless it is closed (nothing left to do) …
    let mut due: Vec<(i16, &crate::progress::ItemStatus<'_>)> = st
        .items
        .iter()
        .filter(|s| !closed && !s.complete && s.days_left <= args.within)
        .map(|s| (c.year, s))
        .collect();
    // … and last year's report and 述法, due in this year's first half: what February is about.
    let previous = previous_year(env);
    let old_st = previous
        .as_ref()
        .map(|(old, l)| (old.year, crate::progress::status(old, l, env.today)));
    if let Some((year, old_st)) = &old_st {
        due.extend(
            old_st
                .items
                .iter()
                .filter(|s| !s.complete && s.due.year() > *year && s.days_left <= args.within)
                .map(|s| (*year, s)),
        );
    }
    due.sort_by_key(|(y, s)| (s.due, *y, s.item.id.as_str()));
    for (year, s) in &due {
        let when = crate::date::due_in(s.days_left, env.lang);
        let of_year = if *year == c.year {
            String::new()
        } else {
            match env.lang {
                Lang::Zh => format!("（{year}年度）"),
                Lang::En => format!(" ({year})"),
            }
        };
        writeln!(
            out,
            "{}  {}  {}  {}{of_year}  {}",
            iso(s.due),
            when,
            for_terminal(&s.item.id),
            for_terminal(&s.item.title),
            for_terminal(&s.state_label(env.lang))
        )?;
    }
    if due.is_empty() {
        Ok(())
    } else {
        Err(Failure::Exit(exit::DUE))
    }
}

#[derive(Debug, Args)]
pub struct RolloverArgs {
    /// 新年度 / the new year
    #[arg(long, value_name = "YYYY", value_parser = super::args::parse_year)]
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
fn rollover_output(env: &Env, from: i16, to: i16) -> PathBuf {
    match &env.checklist_path {
        None => PathBuf::from(format!("duty-checklist-{to}.ron")),
        Some(p) => rollover::file_for_year(p, from, to),
    }
}

/// `duty rollover --to YEAR`: the new checklist (validated by loading it), its empty ledger,
/// and the old year's unfinished items.
pub fn rollover(env: &Env, args: &RolloverArgs, out: &mut Out) -> CmdResult {
    let c = &env.checklist;
    let ledger = super::read_ledger(env)?;
    let r = rollover::rollover(c, &ledger, args.to, args.carry_over, env.lang).map_err(
        |RolloverError::NotNext { from, to }| {
            Failure::Usage(match env.lang {
                Lang::Zh => format!(
                    "--to {to} 无效：只能从 {from} 年度转入下一年度 {}",
                    i32::from(from) + 1
                ),
                Lang::En => format!(
                    "--to {to} is invalid: {from} rolls over to {} only",
                    i32::from(from) + 1
                ),
            })
        },
    )?;
    let text = rollover::to_ron(&r, c.year);
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| rollover_output(env, c.year, args.to));
    let shown = for_terminal(&output.display().to_string()).into_owned();
    // Validate before writing: a checklist duty cannot load is never written.
    let loaded =
        checklist::load(text.as_bytes(), &shown, args.to, env.lang).map_err(Failure::Checklist)?;
    store::write_new_file(&output, text.as_bytes(), args.force)?;
    let (created, paths) = store::start_ledger(&env.data_dir, &loaded.id, args.to)?;
    let ledger_shown = for_terminal(&paths.ledger.display().to_string()).into_owned();
    match env.lang {
        Lang::Zh => {
            writeln!(
                out,
                "已生成 {} 年度清单：{shown}（{} 个事项，已校验）",
                args.to,
                loaded.item_count()
            )?;
            if created {
                writeln!(out, "已建立空白台账：{ledger_shown}")?;
            } else {
                writeln!(out, "{} 年度台账已存在，保持不变：{ledger_shown}", args.to)?;
            }
        }
        Lang::En => {
            writeln!(
                out,
                "Wrote the {} checklist: {shown} ({} items, validated)",
                args.to,
                loaded.item_count()
            )?;
            if created {
                writeln!(out, "Started an empty ledger: {ledger_shown}")?;
            } else {
                writeln!(
                    out,
                    "The {} ledger already exists and was left as it is: {ledger_shown}",
                    args.to
                )?;
            }
        }
    }
    if r.unfinished.is_empty() {
        writeln!(
            out,
            "{}",
            env.t(
                "上年度事项已全部完成。",
                "Every item of the old year was complete."
            )
        )?;
    } else {
        match env.lang {
            Lang::Zh => writeln!(out, "{} 年度未完成事项 {} 项：", c.year, r.unfinished.len())?,
            Lang::En => writeln!(
                out,
                "{} unfinished item(s) of {}:",
                r.unfinished.len(),
                c.year
            )?,
        }
        for u in &r.unfinished {
            let carried = match (&u.carried_as, env.lang) {
                (Some(id), Lang::Zh) => format!("  -> 已结转为 {}", for_terminal(id)),
                (Some(id), Lang::En) => format!("  -> carried over as {}", for_terminal(id)),
                (None, Lang::Zh) if u.next_year => {
                    format!("  （次年截止，请在 {} 年度台账中完成）", c.year)
                }
                (None, Lang::En) if u.next_year => {
                    format!("  (due next year: finish it in the {} ledger)", c.year)
                }
                (None, _) => String::new(),
            };
            writeln!(
                out,
                "  {}  {}  {}{carried}",
                for_terminal(&u.item),
                for_terminal(&truncate(&u.title, 36)),
                for_terminal(&u.state)
            )?;
        }
        if !args.carry_over {
            writeln!(
                out,
                "{}",
                env.t(
                    "如需结转，加 --carry-over 重新运行（并加 --force 覆盖刚生成的文件）。",
                    "To carry them over, run again with --carry-over (and --force to replace the file just written)."
                )
            )?;
        }
    }
    match env.lang {
        Lang::Zh => writeln!(out, "启用新清单：duty use {shown}")?,
        Lang::En => writeln!(out, "To use it: duty use {shown}")?,
    }
    Ok(())
}

/// `duty close [--year Y]`: the year's ledger becomes read-only.
pub fn close(env: &Env, out: &mut Out) -> CmdResult {
    let year = env.checklist.year;
    let saved = store::transact_from(
        &env.ledger_paths(),
        env.take_loaded(),
        &env.checklist,
        &env.ctx(),
        |ledger, _| {
            if ledger.closed {
                return Err(StoreError::Change(ChangeError::AlreadyClosed { year }));
            }
            Ok(Change::Close)
        },
    )?;
    match env.lang {
        Lang::Zh => writeln!(
            out,
            "已关账 {year} 年度：台账只读，仍可查看和打印（--year {year}）；如需修改运行 duty reopen --year {year}"
        )?,
        Lang::En => writeln!(
            out,
            "Closed {year}: the ledger is read-only, still viewable and printable with --year {year}; 'duty reopen --year {year}' undoes it"
        )?,
    }
    // Closing is allowed with work open (the year is over either way), but never unnoticed.
    let open = crate::progress::status(&env.checklist, &saved.ledger, env.today);
    let unfinished = open.total - open.done;
    if unfinished > 0 {
        match env.lang {
            Lang::Zh => writeln!(
                out,
                "注意：仍有 {unfinished} 项未完成，将列入年度报告的未完成事项（duty summary）"
            )?,
            Lang::En => writeln!(
                out,
                "Note: {unfinished} item(s) are still not done; duty summary lists them as unfinished"
            )?,
        }
    }
    Ok(())
}

/// `duty reopen [--year Y]`: undo `close`, recorded in the history.
pub fn reopen(env: &Env, out: &mut Out) -> CmdResult {
    let year = env.checklist.year;
    store::transact_from(
        &env.ledger_paths(),
        env.take_loaded(),
        &env.checklist,
        &env.ctx(),
        |_, _| Ok(Change::Reopen),
    )?;
    match env.lang {
        Lang::Zh => writeln!(out, "已重新打开 {year} 年度，可以修改（已记入历史）")?,
        Lang::En => writeln!(
            out,
            "Reopened {year}; it can be changed again (recorded in the history)"
        )?,
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// 导出到此文件 / where to write the ledger
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// 覆盖已有文件 / replace an existing file
    #[arg(long)]
    pub force: bool,
}

/// `duty export-ledger --output FILE`: a copy of the local ledger to carry to another machine.
pub fn export_ledger(env: &Env, args: &ExportArgs, out: &mut Out) -> CmdResult {
    let ledger = env.take_ledger()?;
    store::write_new_file(
        &args.output,
        store::serialize_ledger(&ledger).as_bytes(),
        args.force,
    )?;
    let shown = for_terminal(&args.output.display().to_string()).into_owned();
    let n: usize = ledger.items.len();
    match env.lang {
        Lang::Zh => writeln!(
            out,
            "已导出 {} {} 年度台账（{n} 个事项有记录）到 {shown}；在另一台电脑上运行 duty import-ledger {shown} 合并",
            for_terminal(&ledger.checklist),
            ledger.year
        )?,
        Lang::En => writeln!(
            out,
            "Exported the {} {} ledger ({n} items with records) to {shown}; on the other machine run 'duty import-ledger {shown}' to merge it",
            for_terminal(&ledger.checklist),
            ledger.year
        )?,
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 要合并的台账文件（duty export-ledger 导出）/ the ledger file to merge (from duty export-ledger)
    pub file: PathBuf,
}

/// `duty import-ledger FILE`: validate it, then merge it into the local ledger (never
/// overwriting); list what was added and every conflict.
pub fn import_ledger(env: &Env, args: &ImportArgs, out: &mut Out) -> CmdResult {
    // The file is read and checked before anything is locked or written, so a corrupt or
    // foreign file changes nothing.
    let incoming = store::read_foreign(&args.file, &env.checklist)?;
    let ctx = env.ctx();
    let (records, conflicts) =
        store::transact_batch(&env.ledger_paths(), &env.checklist, |local| {
            if local.closed {
                return Err(StoreError::Change(ChangeError::Closed { year: local.year }));
            }
            let merge = rollup::merge_into(local, &incoming, &ctx);
            Ok((merge.ledger, merge.records, merge.conflicts))
        })?;
    let shown = for_terminal(&args.file.display().to_string()).into_owned();
    match (env.lang, records.len()) {
        (Lang::Zh, 0) => writeln!(out, "{shown} 没有本机台账中缺少的内容，台账未改动")?,
        (Lang::En, 0) => writeln!(
            out,
            "{shown} holds nothing the local ledger lacks; nothing changed"
        )?,
        (Lang::Zh, n) => writeln!(
            out,
            "已合并 {shown}：新增 {n} 项修改（已记入历史，可用 duty undo 逐项撤销）"
        )?,
        (Lang::En, n) => writeln!(
            out,
            "Merged {shown}: {n} change(s) added (recorded in the history; duty undo takes them back one by one)"
        )?,
    }
    if !conflicts.is_empty() {
        let sources = [env.t("本机", "local").to_string(), shown.clone()];
        writeln!(
            out,
            "{}",
            env.t(
                "冲突（保留本机记录，请核对）：",
                "Conflicts (the local record was kept; please check):"
            )
        )?;
        for c in &conflicts {
            writeln!(out, "  {}", c.describe(&sources, env.lang))?;
        }
    }
    Ok(())
}

/// `  2025-03-01  年度报告报送…  67天后到期`: one next-year deadline.
fn deadline_line(d: &review::Deadline, lang: Lang) -> String {
    let state = if d.complete {
        lang.pick("已完成", "done").to_string()
    } else {
        crate::date::due_in(d.days_left, lang)
    };
    format!(
        "  {}  {}  {}",
        iso(d.due),
        pad(&for_terminal(&truncate(&d.title, 36)), 36),
        state
    )
}
