//! Words for `duty import-entries` row by row: each row as the dry run lists it (with who
//! presided and attended and the other items it counts for), rows passed over, and what a
//! tick's row cannot hold.

use super::super::Words;
use crate::ledger::Change;
use crate::sheet::import_entries::{Planned, RowFault};
use crate::text::dates::DateError;

impl Words {
    /// One row of an entries import, as the dry run lists it; `also` are the titles of the
    /// other items the session counts for.
    pub fn planned(self, p: &Planned, title: &str, also: &[String]) -> String {
        let row = p.row + 1;
        let zh = self.zh();
        let sep = self.pick("，", ", ");
        let part = |label_zh: &str, label_en: &str, text: &str| match (text.is_empty(), zh) {
            (true, _) => String::new(),
            (false, true) => format!("{sep}{label_zh}{text}"),
            (false, false) => format!("{sep}{label_en}{text}"),
        };
        let what = match &p.change {
            Change::Log {
                date,
                topic,
                hours,
                evidence,
                people,
                ..
            } => {
                let hours = match (hours, zh) {
                    (None, _) => String::new(),
                    (Some(h), true) => format!("，{}学时", crate::text::number(*h)),
                    (Some(h), false) => format!(", {} h", crate::text::number(*h)),
                };
                let also = if also.is_empty() {
                    String::new()
                } else if zh {
                    format!("，同时计入“{}”", also.join("”“"))
                } else {
                    format!(", also counts for '{}'", also.join("', '"))
                };
                format!(
                    "{} {topic}{hours}{}{}{}{also}",
                    self.date(*date),
                    part("", "", evidence),
                    part("主持：", "presided by ", &people.presided),
                    part("参加：", "attended by ", &people.attended),
                )
            }
            Change::Check { date, evidence, .. } => {
                format!(
                    "{}{}{}",
                    self.pick("勾选 ", "done "),
                    self.date(*date),
                    part("", "", evidence)
                )
            }
            _ => String::new(),
        };
        let dup = match (p.duplicate, p.with_row, zh) {
            (false, _, _) => String::new(),
            (true, Some(r), true) => format!("（与第 {} 行为同一次活动，一并登记）", r + 1),
            (true, Some(r), false) => {
                format!(" (the same session as row {}: recorded with it)", r + 1)
            }
            (true, None, _) => self
                .pick("（已登记过，跳过）", " (already recorded: passed over)")
                .into(),
        };
        if zh {
            format!("  第 {row} 行  “{title}”  {what}{dup}")
        } else {
            format!("  row {row}  '{title}'  {what}{dup}")
        }
    }

    /// The item rows of the ledger's own CSV, which an import passes over.
    pub fn entries_summaries(self, rows: &[usize]) -> String {
        let shown: Vec<String> = rows.iter().take(12).map(|r| (r + 1).to_string()).collect();
        let more = if rows.len() > 12 { "…" } else { "" };
        if self.zh() {
            format!(
                "  （第 {}{more} 行是事项汇总行（记录为“事项”），不导入：勾选、比率、备注请用 duty check、duty rate、duty note 填写，或用 duty export-ledger/import-ledger 整体迁移）",
                shown.join("、")
            )
        } else {
            format!(
                "  (rows {}{more} are item summaries (record 'item') and are not imported: ticks, rates and notes are recorded with duty check, duty rate and duty note, or moved whole with duty export-ledger/import-ledger)",
                shown.join(", ")
            )
        }
    }

    /// What is wrong with a row's presider, attendees or other items, said in the file's
    /// columns.
    pub(super) fn linked_row_fault(self, f: &RowFault) -> String {
        let zh = self.zh();
        match f {
            RowFault::AlsoOnTick => self.pick(
                "这一行勾选的是“是否完成”类事项，勾选不能同时计入其他事项；请清空该单元格，或把这一行改为计次、学时类事项的活动",
                "names other items, but the row ticks a yes/no duty, which counts toward nothing else; empty the cell, or make the row a session of a counted or hours item",
            ).into(),
            RowFault::AlsoWrongKind { item, kind } if zh => format!(
                "“{item}”是{}，不记活动，不能同时计入；同时计入只能写计次类或学时类事项（编号、id 或名称）",
                self.kind(*kind)
            ),
            RowFault::AlsoWrongKind { item, kind } => format!(
                "'{item}' is a {} and holds no sessions, so nothing counts toward it; name counted or hours items only (by number, id or title)",
                self.kind(*kind)
            ),
            RowFault::AlsoNeedsHours { item } if zh => format!(
                "这次活动同时计入学时类事项“{item}”，学时不能为空；请在学时列填写学时"
            ),
            RowFault::AlsoNeedsHours { item } => format!(
                "is empty, but the session also counts toward '{item}', which counts hours; fill in the hours column"
            ),
            RowFault::HoursNotCounted => self.pick(
                "这一行的事项都按次数计，不记学时；请清空学时单元格，或在同时计入列写明学时类事项",
                "the row's items count sessions, not hours; empty the cell, or name the hours item in the also-counts column",
            ).into(),
            RowFault::Unheaded => self.pick(
                "这一列没有表头，不知道是什么内容，导入会丢掉它；请删去多出的内容，或给这一列补上表头（不导入的列可用 --map 列=ignore 标明）",
                "this column has no heading, so nothing says what the cell holds and it would be dropped; remove it, or give the column a heading (--map COLUMN=ignore passes a column over)",
            ).into(),
            _ => self.pick(
                "这一行勾选的是“是否完成”类事项，勾选不记主持人和参加人员；请清空该单元格，或写入佐证材料列",
                "the row ticks a yes/no duty, and a tick records no one presiding or attending; empty the cell, or put it in the evidence column",
            ).into(),
        }
    }

    /// Why a date cell of an entries file was not read: as `duty log --date` would say it,
    /// without quoting the cell again.
    pub(super) fn bad_date_cell(self, e: &DateError) -> String {
        match (e, self.zh()) {
            (DateError::NotADate, true) => "不是日期；可写作 2025-03-28、2025年3月28日、3月28日、3/28、20250328、今天、昨天，或使用日期单元格".into(),
            (DateError::NotADate, false) => "is not a date; write e.g. 2025-03-28, 2025年3月28日, 3/28, 20250328, today or yesterday, or use a date cell".into(),
            (DateError::NoSuchDay, true) => "没有这一天，请核对月和日".into(),
            (DateError::NoSuchDay, false) => "that day does not exist; check the month and day".into(),
            (DateError::WhichYear { first, second }, true) => format!(
                "可能是 {} 或 {}（两天都已过去）；请写明年份",
                self.date(*first),
                self.date(*second)
            ),
            (DateError::WhichYear { first, second }, false) => format!(
                "could be {} or {} (both have passed); give the year",
                self.date(*first),
                self.date(*second)
            ),
        }
    }

    /// The bad cells of an entries file past those listed.
    pub fn problems_not_shown(self, n: usize) -> String {
        if self.zh() {
            format!("  ……另有 {n} 处错误未列出；改正以上各处后再试一次即可看到")
        } else {
            format!("  … and {n} more not listed; correct those above and try again to see them")
        }
    }

    /// How an item may be named in a cell, after an unknown one.
    pub(super) fn item_name_hint(self) -> &'static str {
        self.pick(
            "；可写事项 id、duty status 列表中的序号、事项名称，或名称中只有这一项才有的一段文字",
            "; write the item's id, its number in duty status, its title, or a part of the title only it has",
        )
    }
}
