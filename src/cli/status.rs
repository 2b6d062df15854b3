//! Read-only and set-up commands: `validate`, `status`, `init`, `use`, `paths`.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{CmdResult, Env, Failure, Out, load_checklist};
use crate::checklist::{BUILTIN_DEFAULT, KindTag};
use crate::i18n::Lang;
use crate::ledger::{ItemRecord, Ledger};
use crate::progress::{self, ItemStatus, Status};
use crate::store;
use crate::text::{for_terminal, pad, truncate, width, write_padded};

use super::args::{InitArgs, StatusArgs, UseArgs};

/// `duty validate FILE`: "OK" with counts, or every error.
pub fn validate(file: &Path, lang: Lang, year: Option<i16>, out: &mut Out) -> CmdResult {
    let (today, _, _) = super::today_and_now()?;
    let checklist = load_checklist(Some(file), year.unwrap_or(today.year()), lang)?;
    let kinds = |tag: KindTag| {
        checklist
            .items()
            .filter(|(_, i)| i.kind.tag() == tag)
            .count()
    };
    let name = for_terminal(&file.display().to_string()).into_owned();
    match lang {
        Lang::Zh => writeln!(
            out,
            "OK {name}：{} 个栏目，{} 个事项（是否完成 {}，计次 {}，比率 {}，学时 {}），{} 年度",
            checklist.sections.len(),
            checklist.item_count(),
            kinds(KindTag::Task),
            kinds(KindTag::Count),
            kinds(KindTag::Rate),
            kinds(KindTag::Hours),
            checklist.year
        )?,
        Lang::En => writeln!(
            out,
            "OK {name}: {} sections, {} items ({} yes/no, {} counted, {} rate, {} hours), year {}",
            checklist.sections.len(),
            checklist.item_count(),
            kinds(KindTag::Task),
            kinds(KindTag::Count),
            kinds(KindTag::Rate),
            kinds(KindTag::Hours),
            checklist.year
        )?,
    }
    Ok(())
}

/// Read the ledger of the environment's checklist and year.
pub fn read_ledger(env: &Env) -> Result<Ledger, Failure> {
    Ok(env.take_ledger()?)
}

/// `duty status [--json]`.
pub fn status(env: &Env, args: &StatusArgs, out: &mut Out) -> CmdResult {
    // One ledger, or several combined with --ledger (issue 6).
    let view = super::review_cmds::load_view(env, &args.sources)?;
    let ledger = &view.ledger;
    let st = progress::status(&env.checklist, ledger, env.today);
    if args.json {
        let mut json = StatusJson::new(env, ledger, &st);
        json.ledgers = view.sources.clone();
        json.conflicts = view
            .conflicts
            .iter()
            .map(|c| c.describe(&view.sources, env.lang))
            .collect();
        let text = serde_json::to_string_pretty(&json).map_err(std::io::Error::from)?;
        out.write_all(crate::text::json_for_terminal(&text).as_bytes())?;
        writeln!(out)?;
        return Ok(());
    }
    print_status(env, ledger, &st, out)?;
    super::review_cmds::print_rollup(env, &view, out)
}

/// The status as plain text, one line per item, aligned by display width.
pub fn print_status(env: &Env, ledger: &Ledger, st: &Status<'_>, out: &mut Out) -> CmdResult {
    let c = &env.checklist;
    let lang = env.lang;
    let pct = |d: usize, t: usize| (d * 100).checked_div(t).unwrap_or(0);
    match lang {
        Lang::Zh => {
            writeln!(
                out,
                "{} · {} · {}年度{}",
                for_terminal(&c.title),
                for_terminal(&c.organization),
                c.year,
                if ledger.closed { "（已关账）" } else { "" }
            )?;
            writeln!(
                out,
                "总体进度 {}/{}（{}%），逾期 {} 项，今天 {}",
                st.done,
                st.total,
                pct(st.done, st.total),
                st.overdue(),
                crate::date::iso(env.today)
            )?;
        }
        Lang::En => {
            writeln!(
                out,
                "{} · {} · {}{}",
                for_terminal(&c.title),
                for_terminal(&c.organization),
                c.year,
                if ledger.closed { " (closed)" } else { "" }
            )?;
            writeln!(
                out,
                "Overall {}/{} ({}%), {} overdue, today {}",
                st.done,
                st.total,
                pct(st.done, st.total),
                st.overdue(),
                crate::date::iso(env.today)
            )?;
        }
    }
    let id_w = st
        .items
        .iter()
        .map(|s| width(&s.item.id))
        .max()
        .unwrap_or(0)
        .min(24);
    // Each item's state (with its pace, "7/12 次，按进度应为10，落后3次"), made once: the
    // column is as wide as the widest (within reason), so the due dates line up.
    let states: Vec<String> = st
        .items
        .iter()
        .map(|s| {
            let state = s.state_label(lang);
            let pace = crate::review::pace(s, c.year, env.today)
                .filter(|_| !s.complete)
                .map(|p| p.label(s.item.kind, lang));
            let state = match pace {
                Some(pace) => format!("{state}{}{pace}", lang.pick("，", ", ")),
                None => state,
            };
            for_terminal(&state).into_owned()
        })
        .collect();
    let state_w = states
        .iter()
        .map(|s| width(s))
        .max()
        .unwrap_or(0)
        .clamp(12, 44);
    let mut states = states.into_iter();
    let mut items = st.items.iter().peekable();
    for sec in &st.sections {
        writeln!(out)?;
        writeln!(
            out,
            "{}  {}/{}",
            for_terminal(&sec.section.title),
            sec.done,
            sec.total
        )?;
        while let Some(s) = items.next_if(|s| std::ptr::eq(s.section, sec.section)) {
            let state = states.next().unwrap_or_default();
            write_item_line(out, s, (id_w, state_w), lang, &state)?;
        }
    }
    if !st.orphans.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            lang.pick(
                "孤立记录（清单中已无此事项，记录仍完整保留）：",
                "Orphaned records (no longer in the checklist; kept intact):"
            )
        )?;
        for (id, record) in &st.orphans {
            writeln!(
                out,
                "  {}  {}",
                for_terminal(id),
                super::ledger_cmds::summarize(Some(record), lang)
            )?;
        }
    }
    Ok(())
}

/// One item's line, written straight out: ten thousand of them are printed for a large
/// checklist, so the columns are padded in place rather than built up as strings. `state` is
/// the item's state with its pace, already safe for the terminal.
fn write_item_line(
    out: &mut Out,
    s: &ItemStatus<'_>,
    (id_w, state_w): (usize, usize),
    lang: Lang,
    state: &str,
) -> std::io::Result<()> {
    let mark = if s.complete {
        "[x]"
    } else if s.overdue {
        "[!]"
    } else {
        "[ ]"
    };
    write!(out, "  {mark} ")?;
    write_padded(out, &for_terminal(&truncate(&s.item.id, id_w)), id_w)?;
    out.write_all(b" ")?;
    write_padded(out, &for_terminal(&truncate(&s.item.title, 36)), 36)?;
    out.write_all(b" ")?;
    write_padded(out, state, state_w)?;
    let due = s.due;
    write!(
        out,
        " {}{:04}-{:02}-{:02}",
        lang.pick("截止 ", "due "),
        due.year(),
        due.month(),
        due.day()
    )?;
    if s.overdue || s.due_soon() {
        write!(out, "  {}", crate::date::due_in(s.days_left, lang))?;
    }
    writeln!(out)
}

/// `duty status --json`, schema version 1 (documented in the README).
#[derive(Serialize)]
pub struct StatusJson<'a> {
    pub schema: u32,
    pub checklist: ChecklistJson<'a>,
    pub today: String,
    pub closed: bool,
    pub overall: OverallJson,
    pub sections: Vec<SectionJson<'a>>,
    pub items: Vec<ItemJson<'a>>,
    pub orphans: Vec<OrphanJson<'a>>,
    /// The ledger files combined with --ledger (absent for the local ledger).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ledgers: Vec<String>,
    /// Disagreements between combined ledgers, one line each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
}

#[derive(Serialize)]
pub struct ChecklistJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub organization: &'a str,
    pub year: i16,
}

#[derive(Serialize)]
pub struct OverallJson {
    pub done: usize,
    pub total: usize,
    pub overdue: usize,
}

#[derive(Serialize)]
pub struct SectionJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub done: usize,
    pub total: usize,
}

#[derive(Serialize)]
pub struct ItemJson<'a> {
    pub id: &'a str,
    pub section: &'a str,
    pub title: &'a str,
    pub kind: &'static str,
    pub owner: &'a str,
    pub complete: bool,
    pub value: f64,
    pub target: Option<f64>,
    pub due: Option<String>,
    pub days_left: i64,
    pub overdue: bool,
    pub due_soon: bool,
    /// Counted and hours items: the value expected by today at an even pace, and how far
    /// behind it (negative: ahead). `null` for other kinds.
    pub expected: Option<f64>,
    pub behind: Option<f64>,
    pub record: Option<&'a ItemRecord>,
}

#[derive(Serialize)]
pub struct OrphanJson<'a> {
    pub id: &'a str,
    pub record: &'a ItemRecord,
}

impl<'a> StatusJson<'a> {
    pub fn new(env: &'a Env, ledger: &Ledger, st: &'a Status<'a>) -> Self {
        let c = &env.checklist;
        StatusJson {
            schema: 1,
            checklist: ChecklistJson {
                id: &c.id,
                title: &c.title,
                organization: &c.organization,
                year: c.year,
            },
            today: crate::date::iso(env.today),
            closed: ledger.closed,
            overall: OverallJson {
                done: st.done,
                total: st.total,
                overdue: st.overdue(),
            },
            sections: st
                .sections
                .iter()
                .map(|s| SectionJson {
                    id: &s.section.id,
                    title: &s.section.title,
                    done: s.done,
                    total: s.total,
                })
                .collect(),
            items: st
                .items
                .iter()
                .map(|s| (s, crate::review::pace(s, c.year, env.today)))
                .map(|(s, pace)| ItemJson {
                    id: &s.item.id,
                    section: &s.section.id,
                    title: &s.item.title,
                    kind: s.item.kind.tag().as_str(),
                    owner: &s.item.owner,
                    complete: s.complete,
                    value: s.value,
                    target: s.target,
                    due: Some(crate::date::iso(s.due)),
                    days_left: s.days_left,
                    overdue: s.overdue,
                    due_soon: s.due_soon(),
                    expected: pace.map(|p| p.expected),
                    behind: pace.map(|p| p.behind),
                    record: s.record,
                })
                .collect(),
            orphans: st
                .orphans
                .iter()
                .map(|(id, record)| OrphanJson { id, record })
                .collect(),
            ledgers: Vec::new(),
            conflicts: Vec::new(),
        }
    }
}

/// `duty init`: write the default checklist out for the user to customise.
pub fn init(env: &Env, args: &InitArgs, out: &mut Out) -> CmdResult {
    store::write_new_file(&args.output, BUILTIN_DEFAULT.as_bytes(), args.force)?;
    let shown = for_terminal(&args.output.display().to_string()).into_owned();
    match env.lang {
        Lang::Zh => writeln!(
            out,
            "已写出默认清单：{shown}\n修改单位名称、责任科室和目标后，运行 duty validate {shown} 校验，再运行 duty use {shown} 启用。"
        )?,
        Lang::En => writeln!(
            out,
            "Wrote the default checklist to {shown}\nEdit the unit's name, owners and targets, check it with 'duty validate {shown}', then make it active with 'duty use {shown}'."
        )?,
    }
    Ok(())
}

/// `duty use FILE`: validate, then remember it as the active checklist.
pub fn use_checklist(env: &Env, args: &UseArgs, out: &mut Out) -> CmdResult {
    let checklist = load_checklist(Some(&args.file), env.today.year(), env.lang)?;
    let absolute = std::path::absolute(&args.file).map_err(|e| {
        Failure::Store(store::StoreError::Io {
            op: "read",
            path: args.file.clone(),
            source: e,
        })
    })?;
    let mut settings = env.settings.clone();
    settings.checklist = Some(absolute.clone());
    store::write_settings(&env.settings_path, &settings)?;
    let shown = for_terminal(&absolute.display().to_string()).into_owned();
    match env.lang {
        Lang::Zh => writeln!(
            out,
            "已启用清单 {shown}（{}，{} 个事项）",
            for_terminal(&checklist.title),
            checklist.item_count()
        )?,
        Lang::En => writeln!(
            out,
            "Now using {shown} ({}, {} items)",
            for_terminal(&checklist.title),
            checklist.item_count()
        )?,
    }
    Ok(())
}

/// `duty paths`: where everything lives.
pub fn paths(env: &Env, out: &mut Out) -> CmdResult {
    let p = env.ledger_paths();
    let checklist = env
        .checklist_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| crate::checklist::BUILTIN_ORIGIN.to_string());
    let rows = [
        (
            env.t("设置", "settings"),
            env.settings_path.display().to_string(),
        ),
        (env.t("清单", "checklist"), checklist),
        (
            env.t("数据目录", "data dir"),
            env.data_dir.display().to_string(),
        ),
        (env.t("台账", "ledger"), p.ledger.display().to_string()),
        (env.t("备份", "backup"), p.backup.display().to_string()),
        (env.t("历史", "history"), p.history.display().to_string()),
        (env.t("锁文件", "lock"), p.lock.display().to_string()),
        (
            env.t("解析缓存", "parse cache"),
            env.data_dir.join(".cache").display().to_string(),
        ),
    ];
    let w = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    for (k, v) in rows {
        writeln!(out, "{}  {}", pad(k, w), for_terminal(&v))?;
    }
    Ok(())
}
