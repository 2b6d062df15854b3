//! Words for the completion ledger and the summary's table, in every format that prints
//! them: the title, the column headings, each row's kind, target and progress, and one
//! logged entry on a line.

use jiff::civil::Date;

use super::super::Words;
use crate::checklist::{Kind, KindTag};
use crate::ledger::Entry;
use crate::progress::ItemStatus;
// `report::fill::figure` writes the same figures faster; these are one per row.
use crate::text::number as figure;

/// A column of the completion ledger (or of the summary's shorter table), and the label
/// of the same field in the plain-text ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Number,
    Section,
    Item,
    Owner,
    Kind,
    Target,
    State,
    Progress,
    Due,
    Done,
    Evidence,
    Note,
}

impl Words {
    pub(crate) fn column(self, c: Column) -> &'static str {
        match c {
            Column::Number => self.pick("序号", "No."),
            Column::Section => self.pick("栏目", "Section"),
            Column::Item => self.pick("事项", "Item"),
            Column::Owner => self.pick("责任科室", "Owner"),
            Column::Kind => self.pick("类型", "Kind"),
            Column::Target => self.pick("目标", "Target"),
            Column::State => self.pick("完成情况", "State"),
            Column::Progress => self.pick("状态", "Progress"),
            Column::Due => self.pick("截止日期", "Due"),
            Column::Done => self.pick("完成日期", "Done"),
            Column::Evidence => self.pick("佐证材料", "Evidence"),
            Column::Note => self.pick("备注", "Note"),
        }
    }

    /// What the ledger is, after the unit's name: `2024年度法治建设第一责任人职责完成情况台账`.
    pub(crate) fn ledger_title(self, year: i16) -> String {
        if self.zh() {
            format!("{year}年度法治建设第一责任人职责完成情况台账")
        } else {
            format!("completion ledger of rule-of-law duties, {year}")
        }
    }

    /// The unit and the title on one line.
    pub(crate) fn ledger_title_line(self, org: &str, what: &str) -> String {
        if self.zh() {
            format!("{org}{what}")
        } else {
            format!("{org}: {what}")
        }
    }

    /// `截至2024年12月1日` / `As of 2024-12-01`.
    pub(crate) fn as_of(self, today: Date) -> String {
        format!("{}{}", self.pick("截至", "As of "), self.date(today))
    }

    /// A field of the plain-text ledger: `责任科室：办公室` / `Owner: office`.
    pub(crate) fn labelled(self, label: &str, value: &str) -> String {
        format!("{label}{}{value}", self.pick("：", ": "))
    }

    /// The kind's name in a table.
    pub(crate) fn kind_column(self, tag: KindTag) -> &'static str {
        match tag {
            KindTag::Task => self.pick("是否完成", "yes/no"),
            KindTag::Count => self.pick("计次", "count"),
            KindTag::Rate => self.pick("比率", "rate"),
            KindTag::Hours => self.pick("学时", "hours"),
        }
    }

    /// The target in a table: `4次`, `100%`, `20学时`; nothing for a duty.
    pub(crate) fn target_column(self, kind: Kind) -> String {
        match kind {
            Kind::Task => String::new(),
            Kind::Count { target } if self.zh() => format!("{target}次"),
            Kind::Count { target } => format!("{target} times"),
            Kind::Rate { target } => format!("{}%", figure(target)),
            Kind::Hours { target } if self.zh() => format!("{}学时", figure(target)),
            Kind::Hours { target } => format!("{} hours", figure(target)),
        }
    }

    /// Where an item stands: `已完成`, `逾期完成`, `逾期12天`, `进行中` (`started`: something
    /// is recorded), `未开始`.
    pub(crate) fn progress_column(self, s: &ItemStatus<'_>, started: bool) -> String {
        if s.done_late() {
            self.pick("逾期完成", "done late").to_string()
        } else if s.complete {
            self.pick("已完成", "done").to_string()
        } else if s.overdue {
            self.due_in(s.days_left)
        } else if started {
            self.pick("进行中", "in progress").to_string()
        } else {
            self.pick("未开始", "not started").to_string()
        }
    }

    /// 完成情况 with the delay: `3/4 次，逾期12天`.
    pub(crate) fn state_and_progress(self, state: &str, progress: &str) -> String {
        if self.zh() {
            format!("{state}，{progress}")
        } else {
            format!("{state}, {progress}")
        }
    }

    pub(crate) fn completion_table_title(self) -> &'static str {
        self.pick("附表：完成情况", "Table: completion")
    }

    /// One logged entry: `2024年3月1日 《宪法》 2学时（纪要〔2024〕3号）`; `topic` and
    /// `evidence` already cleaned.
    pub(crate) fn entry_line(self, e: &Entry, topic: &str, evidence: &str) -> String {
        let zh = self.zh();
        let mut s = format!("{} {topic}", self.date(e.date));
        match e.hours {
            Some(h) if zh => s.push_str(&format!(" {}学时", figure(h))),
            Some(h) => s.push_str(&format!(" {} h", figure(h))),
            None => {}
        }
        match evidence {
            "" => {}
            ev if zh => s.push_str(&format!("（{ev}）")),
            ev => s.push_str(&format!(" ({ev})")),
        }
        s
    }
}
