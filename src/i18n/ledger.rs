//! Words for the completion ledger (台账) as a workbook and as a .docx, and for the other
//! .docx documents' fixed lines: titles, sheet names, column headings, targets, the files
//! kept as evidence, the date a ledger stands at.

use jiff::civil::Date;

use super::Words;
use crate::checklist::Kind;
use crate::text::dates::{chinese, iso};
use crate::text::number;

impl Words {
    /// The target as a ledger writes it: `≥4次`, `100%`, `≥20学时`, `完成` for a duty.
    pub fn ledger_target(self, kind: Kind) -> String {
        match (kind, self.zh()) {
            (Kind::Task, _) => self.pick("完成", "done").into(),
            (Kind::Count { target }, true) => format!("≥{target}次"),
            (Kind::Count { target }, false) => format!("≥{target} times"),
            (Kind::Rate { target }, _) => format!("{}%", number(target)),
            (Kind::Hours { target }, true) => format!("≥{}学时", number(target)),
            (Kind::Hours { target }, false) => format!("≥{} hours", number(target)),
        }
    }

    /// Before the names of the files kept as evidence: `附件：a.pdf、b.jpg`.
    pub fn ledger_files_label(self) -> &'static str {
        self.pick("附件：", "Files: ")
    }

    /// One file kept as evidence on a line of its own in the .docx ledger, with the session
    /// it belongs to (by its day) when it belongs to one: `附件：纪要.pdf（3月28日活动）`.
    pub fn ledger_file_line(self, name: &str, session: Option<Date>) -> String {
        let label = self.pick("附件：", "File: ");
        match (session, self.zh()) {
            (None, _) => format!("{label}{name}"),
            (Some(d), true) => format!("{label}{name}（{}月{}日活动）", d.month(), d.day()),
            (Some(d), false) => format!("{label}{name} (session of {})", iso(d)),
        }
    }

    /// 完成情况 of an overdue item: its state, then how late it is.
    pub fn ledger_state_overdue(self, state: &str, days_left: i64) -> String {
        format!("{state}{}{}", self.pick("，", ", "), self.due_in(days_left))
    }

    /// The workbook's title (the same as the .docx and text ledger's, on one line).
    pub fn ledger_workbook_title(self, org: &str, year: i16) -> String {
        if self.zh() {
            format!("{org}{year}年度法治建设第一责任人职责完成情况台账")
        } else {
            format!("{org}: completion ledger of rule-of-law duties, {year}")
        }
    }

    /// The sessions sheet's title.
    pub fn ledger_sessions_title(self, org: &str, year: i16) -> String {
        if self.zh() {
            format!("{org}{year}年度活动登记")
        } else {
            format!("{org} {year}: logged sessions")
        }
    }

    /// The workbook's two sheets: the ledger, and every session.
    pub fn ledger_sheet_names(self) -> [&'static str; 2] {
        [
            self.pick("台账", "Ledger"),
            self.pick("活动登记", "Sessions"),
        ]
    }

    /// The sessions sheet's headings. 同时计入 is last, so the others keep their places.
    pub fn ledger_sessions_columns(self) -> [&'static str; 12] {
        [
            self.pick("序号", "No."),
            self.pick("工作任务", "Task"),
            self.pick("日期", "Date"),
            self.pick("主题", "Topic"),
            self.pick("学时", "Hours"),
            self.pick("主持人", "Presided"),
            self.pick("参加人员", "Attended"),
            self.pick("文号/佐证材料", "Document no. / evidence"),
            self.pick("附件", "Files"),
            self.pick("登记人", "Logged by"),
            self.pick("登记编号", "Entry ID"),
            self.pick("同时计入", "Also counts for"),
        ]
    }

    /// A .docx date: `2024年12月10日`, or `2024-12-10` in English.
    pub fn doc_date(self, d: Date) -> String {
        if self.zh() { chinese(d) } else { iso(d) }
    }

    /// Under a .docx ledger's title: the day it stands at.
    pub fn ledger_as_of(self, today: Date) -> String {
        if self.zh() {
            format!("（截至{}）", chinese(today))
        } else {
            format!("(as of {})", iso(today))
        }
    }

    /// The .docx ledger's columns.
    pub fn ledger_doc_columns(self) -> [&'static str; 7] {
        [
            self.pick("序号", "No."),
            self.pick("栏目", "Section"),
            self.pick("事项", "Item"),
            self.pick("责任科室", "Owner"),
            self.pick("完成情况", "State"),
            self.pick("完成日期", "Done"),
            self.pick("佐证材料", "Evidence"),
        ]
    }

    /// The heading of the .docx ledger's sessions table (`--entries`).
    pub fn ledger_doc_sessions_heading(self) -> &'static str {
        self.pick("附：活动登记明细", "Sessions logged")
    }

    /// The .docx ledger's sessions table's columns.
    pub fn ledger_doc_sessions_columns(self) -> [&'static str; 7] {
        [
            self.pick("序号", "No."),
            self.pick("事项", "Item"),
            self.pick("日期", "Date"),
            self.pick("主题", "Topic"),
            self.pick("学时", "Hours"),
            self.pick("主持人", "Presided"),
            self.pick("佐证材料", "Evidence"),
        ]
    }

    /// The completion table after section three (`--table`).
    pub fn summary_table_heading(self) -> &'static str {
        self.pick("附表：完成情况", "Table: completion")
    }

    pub fn summary_table_columns(self) -> [&'static str; 5] {
        [
            self.pick("序号", "No."),
            self.pick("事项", "Item"),
            self.pick("责任科室", "Owner"),
            self.pick("完成情况", "State"),
            self.pick("佐证材料", "Evidence"),
        ]
    }

    /// An English draft of section three says why its sentences are Chinese.
    pub fn summary_draft_note(self) -> Option<&'static str> {
        (!self.zh()).then_some(
            "Draft. The report's sentences below are the checklist's own, in Chinese, filled from the ledger.",
        )
    }

    /// A document's table or list with nothing in it.
    pub fn doc_none(self) -> &'static str {
        self.pick("无。", "None.")
    }

    /// The 述法 report with no duty the ledger can tell of yet. The report is the leader's
    /// own, in Chinese whatever the interface's language (as its sentences are), so this
    /// line is too.
    pub fn shufa_no_duties(self) -> &'static str {
        "（台账中尚无可写入的履职事项。）"
    }
}
