//! Words for the year's end and for ledgers between machines: the review, rollover,
//! closing, exports, imports and roll-ups. The month-by-month chart's are in [`monthly`],
//! a roll-up's disagreements in [`rollup`].

mod monthly;
mod rollup;

use jiff::civil::Date;

use super::Words;
use crate::checklist::Kind;
use crate::review::{Left, Period, Risk, RiskKind, Why};
use crate::text::number;
use crate::text::numbers::percent;

/// Where advice is read: on the command line it names commands, on the screen keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Cli,
    Screen,
}
use crate::ledger::Ledger;
use crate::text::dates::iso;

impl Words {
    /// A short tag for lists: `逾期`, `落后`, `将到期`, `缺佐证`, `未达标`, `漏登`.
    pub fn risk_tag(self, kind: RiskKind) -> &'static str {
        match kind {
            RiskKind::Overdue => self.pick("逾期", "overdue"),
            RiskKind::BehindPace => self.pick("落后", "behind"),
            RiskKind::DueSoon => self.pick("将到期", "due soon"),
            RiskKind::NoEvidence => self.pick("缺佐证", "no evidence"),
            RiskKind::RateBelow => self.pick("未达标", "below target"),
            RiskKind::MissedPeriod => self.pick("漏登", "missed"),
        }
    }

    /// What is still missing: `还差2次`, `还差3.5学时`, `尚未完成`, `现为92%，目标100%`.
    fn left(self, left: Left) -> String {
        let zh = self.zh();
        match left {
            Left::Task => self.pick("尚未完成", "not done yet").into(),
            Left::Count(n) if zh => format!("还差{}次", number(n)),
            Left::Count(n) => format!("{} more to go", number(n)),
            Left::Hours(h) if zh => format!("还差{}学时", number(h)),
            Left::Hours(h) => format!("{} more hours to go", number(h)),
            Left::RateUnrecorded { target } if zh => format!("尚未填报（目标{}%）", number(target)),
            Left::RateUnrecorded { target } => format!("not recorded (target {}%)", number(target)),
            Left::Rate {
                numerator,
                denominator,
                target,
            } if zh => {
                format!(
                    "现为{}%，目标{}%",
                    percent(numerator, denominator),
                    number(target)
                )
            }
            Left::Rate {
                numerator,
                denominator,
                target,
            } => {
                format!(
                    "now {}%, target {}%",
                    percent(numerator, denominator),
                    number(target)
                )
            }
        }
    }

    /// What to do about `r`: on the command line the command, on the screen the key; and
    /// the evidence to keep.
    fn action(self, r: &Risk, surface: Surface) -> String {
        let id = &r.item;
        let keep = match (r.evidence.is_empty(), self.zh()) {
            (true, _) => String::new(),
            (false, true) => format!("，留存{}", r.evidence),
            (false, false) => format!(", keep {}", r.evidence),
        };
        let zh = self.zh();
        // Past a year-end deadline nothing more can be held: what was held and not logged
        // can still be logged, what was not is a shortfall for section five.
        let today = r.due.checked_add(jiff::Span::new().days(-r.days_left)).ok();
        let year_over = matches!(r.why, Why::Overdue { .. })
            && today.is_some_and(|t| t.year() > r.due.year())
            && matches!(r.item_kind, Kind::Count { .. } | Kind::Hours { .. });
        if year_over {
            return match (surface, zh) {
                (Surface::Cli, true) => format!(
                    "年度已过：已开展未登记的用 duty log {id} --date 日期 补登{keep}；未开展的写入第五部分的不足"
                ),
                (Surface::Cli, false) => format!(
                    "the year is over: log what was held but not logged with duty log {id} --date DATE{keep}; what was not held goes into section five"
                ),
                (Surface::Screen, true) => format!(
                    "年度已过：已开展未登记的选中它按 a 补登{keep}；未开展的写入第五部分的不足"
                ),
                (Surface::Screen, false) => format!(
                    "the year is over: log what was held but not logged with a{keep}; what was not held goes into section five"
                ),
            };
        }
        match (r.item_kind, surface) {
            (Kind::Task, Surface::Cli) if zh => format!("办结后运行 duty check {id}{keep}"),
            (Kind::Task, Surface::Cli) => format!("when done run duty check {id}{keep}"),
            (Kind::Task, Surface::Screen) if zh => format!("办结后选中它按回车勾选{keep}"),
            (Kind::Task, Surface::Screen) => format!("when done select it and press Enter{keep}"),
            (Kind::Count { .. } | Kind::Hours { .. }, Surface::Cli) if zh => {
                format!("抓紧安排并用 duty log {id} 登记{keep}")
            }
            (Kind::Count { .. } | Kind::Hours { .. }, Surface::Cli) => {
                format!("schedule them and log each with duty log {id}{keep}")
            }
            (Kind::Count { .. } | Kind::Hours { .. }, Surface::Screen) if zh => {
                format!("抓紧安排，每次选中它按 a 登记{keep}")
            }
            (Kind::Count { .. } | Kind::Hours { .. }, Surface::Screen) => {
                format!("schedule them and log each with a{keep}")
            }
            (Kind::Rate { .. }, Surface::Cli) if zh => {
                format!("统计后用 duty rate {id} 填报{keep}")
            }
            (Kind::Rate { .. }, Surface::Cli) => {
                format!("count it and record it with duty rate {id}{keep}")
            }
            (Kind::Rate { .. }, Surface::Screen) if zh => format!("统计后选中它按 r 填报{keep}"),
            (Kind::Rate { .. }, Surface::Screen) => format!("count it and record it with r{keep}"),
        }
    }

    /// How to add evidence, on the command line or the screen.
    fn add_evidence(self, id: &str, surface: Surface) -> String {
        match (surface, self.zh()) {
            (Surface::Cli, true) => {
                format!("用 duty attach {id} 文件 附上，或运行 duty evidence {id} \"…\"")
            }
            (Surface::Cli, false) => {
                format!("attach it with duty attach {id} FILE, or run duty evidence {id} \"…\"")
            }
            (Surface::Screen, true) => "选中它按 e 填写".into(),
            (Surface::Screen, false) => "select it and press e".into(),
        }
    }

    /// One line for `r`: what is wrong and what to do.
    pub fn risk_advice(self, r: &Risk, surface: Surface) -> String {
        let zh = self.zh();
        let what = if r.evidence.is_empty() {
            self.pick("佐证材料", "the evidence").to_string()
        } else {
            r.evidence.clone()
        };
        let due = crate::text::dates::iso(r.due);
        match &r.why {
            Why::Overdue { left } if zh => format!(
                "已逾期{}天（截止{due}），{}：{}",
                -r.days_left,
                self.left(*left),
                self.action(r, surface)
            ),
            Why::Overdue { left } => format!(
                "{} days overdue (due {due}), {}: {}",
                -r.days_left,
                self.left(*left),
                self.action(r, surface)
            ),
            Why::Behind { value, pace, left } => {
                let target = r.item_kind.target().map(number).unwrap_or_default();
                let hours = matches!(r.item_kind, Kind::Hours { .. });
                let state = match (hours, zh) {
                    (true, true) => format!("{}/{target} 学时", number(*value)),
                    (false, true) => format!("{}/{target} 次", number(*value)),
                    (true, false) => format!("{}/{target} hours", number(*value)),
                    (false, false) => format!("{}/{target} times", number(*value)),
                };
                let pace = self.pace(pace, r.item_kind).unwrap_or_default();
                if zh {
                    format!(
                        "{state}，{pace}；距截止{}天，{}：{}",
                        r.days_left,
                        self.left(*left),
                        self.action(r, surface)
                    )
                } else {
                    format!(
                        "{state}, {pace}; {} days to the deadline, {}: {}",
                        r.days_left,
                        self.left(*left),
                        self.action(r, surface)
                    )
                }
            }
            Why::DueSoon { left } if zh => format!(
                "{}天后到期（{due}），{}：{}",
                r.days_left,
                self.left(*left),
                self.action(r, surface)
            ),
            Why::DueSoon { left } => format!(
                "due in {} days ({due}), {}: {}",
                r.days_left,
                self.left(*left),
                self.action(r, surface)
            ),
            Why::NoEvidence if zh => format!(
                "已记录但未登记佐证材料：补齐{what}后{}",
                self.add_evidence(&r.item, surface)
            ),
            // On the command line, "attach X with duty attach …" (as for sessions below).
            Why::NoEvidence if surface == Surface::Cli => format!(
                "recorded but no evidence kept: attach {what} with duty attach {0} FILE, or run duty evidence {0} \"…\"",
                r.item
            ),
            Why::NoEvidence => format!(
                "recorded but no evidence kept: file {what}, then {}",
                self.add_evidence(&r.item, surface)
            ),
            Why::BareEntries { count } => match (surface, zh) {
                (Surface::Cli, true) => format!(
                    "{count} 次登记没有佐证材料：补齐{what}后用 duty attach {0} --entry 登记编号 文件 附上，或运行 duty evidence {0} \"…\"（以后登记时加 --evidence）",
                    r.item
                ),
                (Surface::Cli, false) => format!(
                    "{count} logged session(s) without evidence: attach {what} with duty attach {0} --entry ENTRY FILE, or run duty evidence {0} \"…\" (and log with --evidence)",
                    r.item
                ),
                (Surface::Screen, true) => format!(
                    "{count} 次登记没有佐证材料：补齐{what}后选中它按 e 填写（以后登记时填写佐证一栏）"
                ),
                (Surface::Screen, false) => format!(
                    "{count} logged session(s) without evidence: file {what}, then press e on it (and fill in the evidence when logging)"
                ),
            },
            Why::RateBelow {
                numerator,
                denominator,
                target,
                missing,
            } => {
                let pct = percent(*numerator, *denominator);
                let update = match (surface, zh) {
                    (Surface::Cli, true) => "整改后用 duty rate 更新".to_string(),
                    (Surface::Cli, false) => "then update it with duty rate".to_string(),
                    (Surface::Screen, true) => "整改后按 r 更新".to_string(),
                    (Surface::Screen, false) => "then update it with r".to_string(),
                };
                if zh {
                    format!(
                        "{pct}%（{numerator}/{denominator}）低于目标{}%：核实未达标的{missing}人（件），{update}",
                        number(*target)
                    )
                } else {
                    format!(
                        "{pct}% ({numerator}/{denominator}) is below the {}% target: follow up the {missing} missing, {update}",
                        number(*target)
                    )
                }
            }
            Why::Missed { periods } => self.missed_periods(periods, &r.item, surface),
        }
    }

    /// `2月、4月没有登记（应每月一次）；如已开展，请补登`.
    fn missed_periods(self, periods: &[Period], item: &str, surface: Surface) -> String {
        let monthly = matches!(periods.first(), Some(Period::Month(..)));
        let names: Vec<String> = periods
            .iter()
            .map(|p| match (p, self.zh()) {
                (Period::Month(_, m), true) => format!("{m}月"),
                (Period::Quarter(_, q), true) => format!("第{q}季度"),
                (Period::Month(y, m), false) => format!("{y}-{m:02}"),
                (Period::Quarter(y, q), false) => format!("{y} Q{q}"),
            })
            .collect();
        let list = names.join(self.pick("、", ", "));
        let every = match (monthly, self.zh()) {
            (true, true) => "应每月一次",
            (false, true) => "应每季度一次",
            (true, false) => "due every month",
            (false, false) => "due every quarter",
        };
        let how = match (surface, self.zh()) {
            (Surface::Cli, true) => format!("如已开展，用 duty log {item} --date 补登"),
            (Surface::Cli, false) => {
                format!("if it took place, log it with duty log {item} --date")
            }
            (Surface::Screen, true) => "如已开展，按 a 补登并写明日期".to_string(),
            (Surface::Screen, false) => "if it took place, log it with a and its date".to_string(),
        };
        if self.zh() {
            format!("{list}没有登记（{every}）；{how}")
        } else {
            format!("nothing logged in {list} ({every}); {how}")
        }
    }

    pub fn review_heading(self, year: i16, today: Date, risks: usize, closed: bool) -> String {
        if self.zh() {
            format!(
                "{year}年度风险检查 · 今天 {} · 风险 {risks} 项{}",
                iso(today),
                if closed { "（已关账）" } else { "" }
            )
        } else {
            format!(
                "Review of {year} · today {} · {risks} at risk{}",
                iso(today),
                if closed { " (closed)" } else { "" }
            )
        }
    }

    pub fn nothing_at_risk(self) -> &'static str {
        self.pick("没有风险事项。", "Nothing at risk.")
    }

    pub fn next_year_deadlines(self, next: i16) -> String {
        if self.zh() {
            format!("{next} 年一季度（次年）截止事项：")
        } else {
            format!("Deadlines in early {next} (next year):")
        }
    }

    pub fn still_open_from(self, year: i16) -> String {
        if self.zh() {
            format!("{year} 年度尚未办结的事项（在 {year} 年度台账中登记，加 --year {year}）：")
        } else {
            format!("Still open from {year} (record them in the {year} ledger with --year {year}):")
        }
    }

    pub fn done_state(self) -> &'static str {
        self.pick("已完成", "done")
    }

    pub fn no_ledgers_in_dirs(self) -> &'static str {
        self.pick(
            "--ledger 指定的目录中没有 .ron 台账文件",
            "no .ron ledger files in the --ledger directories",
        )
    }

    pub fn combined(self, sources: &[String]) -> String {
        if self.zh() {
            format!("已合并 {} 个台账：{}", sources.len(), sources.join("、"))
        } else {
            format!("Combined {} ledgers: {}", sources.len(), sources.join(", "))
        }
    }

    pub fn no_conflicts(self) -> &'static str {
        self.pick("无冲突。", "No conflicts.")
    }

    pub fn conflicts_heading(self, n: usize) -> String {
        if self.zh() {
            format!("冲突 {n} 处（已采用第一个值，请核对）：")
        } else {
            format!("{n} conflict(s) (the first value was kept; please check):")
        }
    }

    pub fn exported(self, ledger: &Ledger, file: &str) -> String {
        let (id, year, n) = (&ledger.checklist, ledger.year, ledger.items.len());
        if self.zh() {
            format!(
                "已导出 {id} {year} 年度台账（{n} 个事项有记录）到 {file}；在另一台电脑上运行 duty import-ledger {file} 合并"
            )
        } else {
            format!(
                "Exported the {id} {year} ledger ({n} items with records) to {file}; on the other machine run 'duty import-ledger {file}' to merge it"
            )
        }
    }

    pub fn merged(self, file: &str, changes: usize) -> String {
        match (self.zh(), changes) {
            (true, 0) => format!("{file} 没有本机台账中缺少的内容，台账未改动"),
            (false, 0) => format!("{file} holds nothing the local ledger lacks; nothing changed"),
            (true, n) => format!(
                "已合并 {file}：新增 {n} 项内容（作为一次修改记入历史，可用 duty undo 整体撤销）"
            ),
            (false, n) => format!(
                "Merged {file}: {n} addition(s) (recorded as one change; duty undo takes the import back as a whole)"
            ),
        }
    }

    pub fn local(self) -> &'static str {
        self.pick("本机", "local")
    }

    pub fn import_conflicts_heading(self) -> &'static str {
        self.pick(
            "冲突（保留本机记录，请核对）：",
            "Conflicts (the local record was kept; please check):",
        )
    }

    pub fn rollover_not_next(self, from: i16, to: i16) -> String {
        let next = i32::from(from) + 1;
        let mut m = if self.zh() {
            format!("--to {to} 无效：只能从 {from} 年度转入下一年度 {next}")
        } else {
            format!("--to {to} is invalid: {from} rolls over to {next} only")
        };
        // In January the active year is already the new one: the year to roll over is
        // the one before it, named with --year.
        if i32::from(to) == i32::from(from) {
            let last = from - 1;
            m.push_str(&if self.zh() {
                format!("。\n当前年度已是 {from}；如要由 {last} 年度生成 {to} 年度清单，请运行：duty --year {last} rollover --to {to}")
            } else {
                format!(".\nThe current year is already {from}; to make the {to} checklist from {last}, run: duty --year {last} rollover --to {to}")
            });
        }
        m
    }

    pub fn rolled_over(self, to: i16, file: &str, items: usize) -> String {
        if self.zh() {
            format!("已生成 {to} 年度清单：{file}（{items} 个事项，已校验）")
        } else {
            format!("Wrote the {to} checklist: {file} ({items} items, validated)")
        }
    }

    pub fn new_ledger(self, to: i16, ledger: &str, created: bool) -> String {
        match (self.zh(), created) {
            (true, true) => format!("已建立空白台账：{ledger}"),
            (true, false) => format!("{to} 年度台账已存在，保持不变：{ledger}"),
            (false, true) => format!("Started an empty ledger: {ledger}"),
            (false, false) => {
                format!("The {to} ledger already exists and was left as it is: {ledger}")
            }
        }
    }

    pub fn all_finished(self) -> &'static str {
        self.pick(
            "上年度事项已全部完成。",
            "Every item of the old year was complete.",
        )
    }

    pub fn unfinished_heading(self, year: i16, n: usize) -> String {
        if self.zh() {
            format!("{year} 年度未完成事项 {n} 项：")
        } else {
            format!("{n} unfinished item(s) of {year}:")
        }
    }

    pub fn carried(self, as_id: Option<&str>, next_year: bool, repeats: bool, year: i16) -> String {
        match (as_id, self.zh()) {
            (None, true) if repeats && !next_year => "  （新年度清单中仍有此项）".into(),
            (None, false) if repeats && !next_year => {
                "  (next year's checklist has it again)".into()
            }
            (Some(id), true) => format!("  -> 已结转为 {id}"),
            (Some(id), false) => format!("  -> carried over as {id}"),
            (None, true) if next_year => format!("  （次年截止，请在 {year} 年度台账中完成）"),
            (None, false) if next_year => {
                format!("  (due next year: finish it in the {year} ledger)")
            }
            (None, _) => String::new(),
        }
    }

    pub fn carry_over_hint(self) -> &'static str {
        self.pick(
            "如需结转，加 --carry-over 重新运行（并加 --force 覆盖刚生成的文件）。",
            "To carry them over, run again with --carry-over (and --force to replace the file just written).",
        )
    }

    pub fn nothing_to_carry(self, year: i16) -> String {
        if self.zh() {
            format!(
                "没有需要结转的事项：未完成的事项新年度清单中都有，或在次年截止、仍在 {year} 年度台账中办理。"
            )
        } else {
            format!(
                "Nothing to carry over: next year's checklist has every unfinished item again, or it is due next year and stays in the {year} ledger."
            )
        }
    }

    pub fn use_new_checklist(self, file: &str) -> String {
        if self.zh() {
            format!("新清单尚未启用；如要启用：duty use {file}")
        } else {
            format!("The new checklist is not active yet; to make it so: duty use {file}")
        }
    }

    pub fn closed_year(self, year: i16) -> String {
        if self.zh() {
            format!(
                "已关账 {year} 年度：台账只读，仍可查看和打印（--year {year}）；如需修改运行 duty reopen --year {year}"
            )
        } else {
            format!(
                "Closed {year}: the ledger is read-only, still viewable and printable with --year {year}; 'duty reopen --year {year}' undoes it"
            )
        }
    }

    pub fn closed_with_open(self, n: usize) -> String {
        if self.zh() {
            format!("注意：仍有 {n} 项未完成，将列入年度报告的未完成事项（duty summary）")
        } else {
            format!("Note: {n} item(s) are still not done; duty summary lists them as unfinished")
        }
    }

    pub fn reopened(self, year: i16) -> String {
        if self.zh() {
            format!("已重新打开 {year} 年度，可以修改（已记入历史）")
        } else {
            format!("Reopened {year}; it can be changed again (recorded in the history)")
        }
    }

    /// A file name asking for a format duty does not write; `xlsx` says whether the
    /// document can also be a workbook (the ledger can).
    pub fn cannot_write_format(self, ext: &str, xlsx: bool) -> String {
        let (zh, en) = if xlsx {
            (
                ".docx、.xlsx、.md、.csv、.json 或 .txt",
                ".docx, .xlsx, .md, .csv, .json or .txt",
            )
        } else {
            (
                ".docx、.md、.csv、.json 或 .txt",
                ".docx, .md, .csv, .json or .txt",
            )
        };
        if self.zh() {
            format!("不能写出 .{ext} 文件；可用 {zh}（或用 --format 指定）")
        } else {
            format!("cannot write a .{ext} file; use {en} (or give --format)")
        }
    }

    pub fn bom_only_csv(self) -> &'static str {
        self.pick(
            "--bom 只用于 CSV 格式（便于 Excel 识别 UTF-8）；请去掉 --bom，或改用 --format csv",
            "--bom is for the CSV format only (so Excel reads it as UTF-8); leave it out, or use --format csv",
        )
    }

    pub fn docx_needs_output(self) -> &'static str {
        self.pick(
            "docx 格式须用 --output 指定输出文件，例如 --output 第三部分.docx",
            "the docx format needs --output FILE, e.g. --output section-three.docx",
        )
    }
}
