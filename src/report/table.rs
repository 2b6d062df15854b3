//! The completion table: one row per item (and its logged entries), as the inspector reads
//! it. Shared by the Markdown, CSV, .docx and JSON outputs, so every format says the same.

use jiff::civil::Date;

use super::Input;
use super::draft::has_progress;
use super::fill::{clean, done_date, evidence, join_unique};
use crate::checklist::KindTag;
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
            lang.words().state_and_progress(&self.state, &self.progress)
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
    lang.words().kind_column(tag)
}

/// Every item of the checklist as a table row, from the status of `input`.
pub fn rows<'a>(input: &Input<'a>, st: &Status<'a>) -> Vec<Row<'a>> {
    let lang = input.lang;
    let words = lang.words();
    st.items
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, s)| {
            let progress = words.progress_column(&s, has_progress(&s));
            let target = words.target_column(s.item.kind);
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
