//! Words for the year's end and for ledgers between machines: the review, rollover,
//! closing, exports, imports and roll-ups.

use jiff::civil::Date;

use super::Words;
use crate::ledger::Ledger;
use crate::text::dates::iso;

impl Words {
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

    pub fn use_new_checklist(self, file: &str) -> String {
        if self.zh() {
            format!("启用新清单：duty use {file}")
        } else {
            format!("To use it: duty use {file}")
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

    pub fn cannot_write_format(self, ext: &str) -> String {
        if self.zh() {
            format!(
                "不能写出 .{ext} 文件；可用 .docx、.md、.csv、.json 或 .txt（或用 --format 指定）"
            )
        } else {
            format!(
                "cannot write a .{ext} file; use .docx, .md, .csv, .json or .txt (or give --format)"
            )
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
