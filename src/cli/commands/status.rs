//! Where the year stands: `status` (text and JSON), the plain status printed when the screen
//! cannot open, and `due` for scripts.

use std::io::Write;

use clap::Args;
use serde::Serialize;

use super::exchange::{LedgerSources, Scope, load_view, print_rollup};
use super::{read_local, scoped};
use crate::cli::error::{CmdResult, Failure, exit};
use crate::cli::output::{Mode, Out};
use crate::cli::parse;
use crate::i18n::Lang;
use crate::ledger::{ItemRecord, Ledger};
use crate::progress::{self, ItemStatus, Status};
use crate::session::Session;
use crate::text::dates::iso;
use crate::text::{push_fitted, push_spaces, width};

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// 以 JSON 输出 / print JSON
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub sources: LedgerSources,
    #[command(flatten)]
    pub scope: Scope,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// 时间窗口：14d、2w 或 14（天）/ window: 14d, 2w or 14 (days)
    #[arg(long, value_name = "DAYS", default_value = "14d", value_parser = parse::within)]
    pub within: i64,
    #[command(flatten)]
    pub scope: Scope,
}

/// `duty status [--json]`: the local ledger, or several combined with `--ledger`.
pub fn status(s: &Session, args: &StatusArgs, out: &mut Out) -> CmdResult {
    let s = &*scoped(s, args.scope.owner.as_deref())?;
    let view = load_view(s, &args.sources)?;
    let ledger = &view.ledger;
    let st = progress::status(&s.checklist, ledger, s.clock.today());
    if args.json {
        let mut json = StatusJson::new(s, ledger, &st);
        json.ledgers = view.sources.clone();
        json.conflicts = view
            .conflicts
            .iter()
            .map(|c| c.describe(&view.sources, s.lang))
            .collect();
        let text = serde_json::to_string_pretty(&json).map_err(std::io::Error::from)?;
        out.set_mode(Mode::Json)?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    print_status(s, ledger, &st, out)?;
    print_rollup(s, view, out)
}

/// The status as `duty status` prints it, for `duty` with no terminal to open the screen in.
pub fn plain(s: &Session, out: &mut Out) -> CmdResult {
    let ledger = read_local(s)?;
    let st = progress::status(&s.checklist, &ledger, s.clock.today());
    print_status(s, &ledger, &st, out)
}

/// The status as plain text, one line per item, aligned by display width.
pub fn print_status(s: &Session, ledger: &Ledger, st: &Status<'_>, out: &mut Out) -> CmdResult {
    let c = &s.checklist;
    let lang = s.lang;
    let today = s.clock.today();
    let w = s.words();
    writeln!(
        out,
        "{}",
        w.status_title(&c.title, &c.organization, c.year, ledger.closed)
    )?;
    writeln!(
        out,
        "{}",
        w.status_overall(st.done, st.total, st.overdue(), today)
    )?;
    // Who is behind: one line for the offices, when the checklist names several.
    let owners = c.owners();
    if owners.len() > 1 && s.owner.is_none() {
        let lines: Vec<String> = owners
            .iter()
            .map(|o| {
                let of = st.items.iter().filter(|i| i.item.owner == *o);
                let open = of.clone().filter(|i| !i.complete).count();
                let overdue = of.filter(|i| i.overdue).count();
                w.owner_line(o, open, overdue)
            })
            .collect();
        writeln!(
            out,
            "{}{}",
            w.owners_heading(),
            lines.join(lang.pick("；", "; "))
        )?;
    }
    let id_w = st
        .items
        .iter()
        .map(|s| width(&s.item.id))
        .max()
        .unwrap_or(0)
        .min(24);
    // Each item's state (with its pace, "7/12 次，按进度应为10，落后3次") and its width, made
    // once: the column is as wide as the widest (within reason), so the due dates line up.
    let states: Vec<(String, usize)> = st
        .items
        .iter()
        .map(|s| {
            let mut state = s.state_label(lang);
            let pace = crate::review::pace(s, c.year, today)
                .filter(|_| !s.complete)
                .and_then(|p| lang.words().pace(&p, s.item.kind));
            if let Some(pace) = pace {
                state.push_str(lang.pick("，", ", "));
                state.push_str(&pace);
            }
            let cells = width(&state);
            (state, cells)
        })
        .collect();
    let state_w = states
        .iter()
        .map(|(_, cells)| *cells)
        .max()
        .unwrap_or(0)
        .clamp(12, 44);
    let mut states = states.into_iter();
    let mut items = st.items.iter().peekable();
    // Ten thousand lines for a large checklist: each is put together in one buffer and
    // written out whole.
    let mut line = String::with_capacity(256);
    for sec in &st.sections {
        writeln!(out)?;
        writeln!(out, "{}  {}/{}", sec.section.title, sec.done, sec.total)?;
        while let Some(s) = items.next_if(|s| std::ptr::eq(s.section, sec.section)) {
            let state = states.next().unwrap_or_default();
            line.clear();
            item_line(&mut line, s, (id_w, state_w), lang, state);
            out.write_all(line.as_bytes())?;
        }
    }
    if !st.orphans.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", w.orphans_heading())?;
        for (id, record) in &st.orphans {
            writeln!(out, "  {id}  {}", w.summarize(Some(record)))?;
        }
    }
    Ok(())
}

/// One item's line: mark, id, title, state (with its pace and width) and due date, the
/// columns fitted by display width.
fn item_line(
    line: &mut String,
    s: &ItemStatus<'_>,
    (id_w, state_w): (usize, usize),
    lang: Lang,
    (state, state_cells): (String, usize),
) {
    let mark = if s.complete {
        "[x]"
    } else if s.overdue {
        "[!]"
    } else {
        "[ ]"
    };
    line.push_str("  ");
    line.push_str(mark);
    line.push(' ');
    push_fitted(line, &s.item.id, id_w);
    line.push(' ');
    push_fitted(line, &s.item.title, 36);
    line.push(' ');
    line.push_str(&state);
    push_spaces(line, state_w.saturating_sub(state_cells));
    line.push(' ');
    line.push_str(lang.pick("截止 ", "due "));
    push_iso(line, s.due);
    if s.overdue || s.due_soon() {
        line.push_str("  ");
        line.push_str(&lang.words().due_in(s.days_left));
    }
    let files = s.record.map_or(0, |r| r.files.len());
    if files > 0 {
        line.push_str("  ");
        line.push_str(&lang.words().file_count(files));
    }
    line.push('\n');
}

/// `2024-03-28`, digit by digit (the formatter's padding is most of a line's cost).
fn push_iso(line: &mut String, date: jiff::civil::Date) {
    let digits = |line: &mut String, n: i32, places: u32| {
        for place in (0..places).rev() {
            let digit = (n / 10i32.pow(place)).rem_euclid(10) as u8;
            line.push(char::from(b'0' + digit));
        }
    };
    match date.year() {
        year @ 0..=9999 => digits(line, i32::from(year), 4),
        year => line.push_str(&format!("{year:04}")),
    }
    line.push('-');
    digits(line, i32::from(date.month()), 2);
    line.push('-');
    digits(line, i32::from(date.day()), 2);
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
    pub fn new(s: &'a Session, ledger: &Ledger, st: &'a Status<'a>) -> Self {
        let c = &s.checklist;
        let today = s.clock.today();
        StatusJson {
            schema: 1,
            checklist: ChecklistJson {
                id: &c.id,
                title: &c.title,
                organization: &c.organization,
                year: c.year,
            },
            today: crate::text::dates::iso(today),
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
                .map(|s| (s, crate::review::pace(s, c.year, today)))
                .map(|(s, pace)| ItemJson {
                    id: &s.item.id,
                    section: &s.section.id,
                    title: &s.item.title,
                    kind: s.item.kind.tag().as_str(),
                    owner: &s.item.owner,
                    complete: s.complete,
                    value: s.value,
                    target: s.target,
                    due: Some(crate::text::dates::iso(s.due)),
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

/// `duty due --within 14d`: plain lines for scripts; exit 1 when anything is listed.
pub fn due(s: &Session, args: &DueArgs, out: &mut Out) -> CmdResult {
    let s = &*scoped(s, args.scope.owner.as_deref())?;
    let ledger = read_local(s)?;
    let today = s.clock.today();
    let c = &s.checklist;
    let st = progress::status(c, &ledger, today);
    // (year, status): the active year's items, unless it is closed (nothing left to do) …
    let mut due: Vec<(i16, &ItemStatus<'_>)> = st
        .items
        .iter()
        .filter(|i| !ledger.closed && !i.complete && i.days_left <= args.within)
        .map(|i| (c.year, i))
        .collect();
    // … and last year's report and 述法, due in this year's first half: what February is about.
    let previous = super::review::previous_year(s);
    let old_st = previous.as_ref().map(|(old, l)| {
        (
            old.checklist.year,
            progress::status(&old.checklist, l, today),
        )
    });
    if let Some((year, old_st)) = &old_st {
        due.extend(
            old_st
                .items
                .iter()
                .filter(|i| !i.complete && i.due.year() > *year && i.days_left <= args.within)
                .map(|i| (*year, i)),
        );
    }
    due.sort_by_key(|(y, i)| (i.due, *y, i.item.id.as_str()));
    let w = s.words();
    for (year, i) in &due {
        let of_year = if *year == c.year {
            String::new()
        } else {
            w.of_year(*year)
        };
        writeln!(
            out,
            "{}  {}  {}  {}{of_year}  {}",
            iso(i.due),
            w.due_in(i.days_left),
            i.item.id,
            i.item.title,
            i.state_label(s.lang)
        )?;
    }
    if due.is_empty() {
        Ok(())
    } else {
        Err(Failure::Exit(exit::DUE))
    }
}
