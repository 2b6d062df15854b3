//! The completion table: one row per item (and its logged entries), as the inspector reads
//! it. Shared by the Markdown, CSV, .docx and JSON outputs, so every format says the same.

use jiff::civil::Date;

use super::Input;
use super::draft::has_progress;
use super::fill::figure;
use super::fill::{clean, done_date, evidence, join_unique};
use crate::checklist::{Kind, KindTag};
use crate::i18n::Lang;
use crate::ledger::Entry;
use crate::progress::{ItemStatus, Status};

/// One item's line in the completion table. All text is cleaned.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// 1-based, in checklist order.
    pub number: usize,
    pub status: ItemStatus<'a>,
    pub section: String,
    pub title: String,
    pub owner: String,
    /// `3/4 次`, `已完成（2024年3月1日）`, `92%（46/50，目标 100%）`.
    pub state: String,
    /// `已完成`, `进行中`, `未开始`, `逾期12天`.
    pub progress: String,
    pub target: String,
    /// When the item was completed (the tick, the rate, or the latest entry), once complete.
    pub done: Option<Date>,
    pub evidence: String,
    pub note: String,
}

impl Row<'_> {
    /// 完成情况 as the summary's table shows it: the state, and the delay if any.
    pub fn state_and_progress(&self, lang: Lang) -> String {
        if self.status.complete || !self.status.overdue {
            self.state.clone()
        } else {
            match lang {
                Lang::Zh => format!("{}，{}", self.state, self.progress),
                Lang::En => format!("{}, {}", self.state, self.progress),
            }
        }
    }

    /// The item's logged entries in date order (same-day entries in the order logged).
    pub fn entries(&self) -> Vec<&Entry> {
        let mut e: Vec<&Entry> = self
            .status
            .record
            .map(|r| r.entries.iter().collect())
            .unwrap_or_default();
        e.sort_by_key(|e| e.date);
        e
    }
}

/// The kind's name in a table.
pub fn kind_label(tag: KindTag, lang: Lang) -> &'static str {
    match tag {
        KindTag::Task => lang.pick("是否完成", "yes/no"),
        KindTag::Count => lang.pick("计次", "count"),
        KindTag::Rate => lang.pick("比率", "rate"),
        KindTag::Hours => lang.pick("学时", "hours"),
    }
}

/// Every item of the checklist as a table row, from the status of `input`.
pub fn rows<'a>(input: &Input<'a>, st: &Status<'a>) -> Vec<Row<'a>> {
    let lang = input.lang;
    st.items
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, s)| {
            let progress = if s.done_late() {
                lang.pick("逾期完成", "done late").to_string()
            } else if s.complete {
                lang.pick("已完成", "done").to_string()
            } else if s.overdue {
                lang.words().due_in(s.days_left)
            } else if has_progress(&s) {
                lang.pick("进行中", "in progress").to_string()
            } else {
                lang.pick("未开始", "not started").to_string()
            };
            let target = match s.item.kind {
                Kind::Task => String::new(),
                Kind::Count { target } => match lang {
                    Lang::Zh => format!("{target}次"),
                    Lang::En => format!("{target} times"),
                },
                Kind::Rate { target } => format!("{}%", figure(target)),
                Kind::Hours { target } => match lang {
                    Lang::Zh => format!("{}学时", figure(target)),
                    Lang::En => format!("{} hours", figure(target)),
                },
            };
            Row {
                number: i + 1,
                section: clean(&s.section.title),
                title: clean(&s.item.title),
                owner: clean(&s.item.owner),
                state: clean(&s.state_label(lang)),
                progress,
                target,
                // "Done" only once complete: a count halfway has no completion date yet.
                done: if s.complete {
                    done_date(s.record)
                } else {
                    None
                },
                evidence: join_unique(evidence(s.record)),
                note: s.record.map(|r| clean(&r.note)).unwrap_or_default(),
                status: s,
            }
        })
        .collect()
}
