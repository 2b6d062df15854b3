//! The draft of the report as data: the document title, section three (heading, opening,
//! the paragraphs of facts, closing), section five, and — kept apart, for the officer — the
//! to-do list of every item not complete. Every format renders this one model.

use serde::Serialize;

use super::Input;
use super::compose::{Group, groups};
use super::fill::clean;
use super::five::{Five, section_five};
use super::prose::{sentence, tidy};
use super::values::{Person, Scene};
use crate::checklist::Kind;
use crate::i18n::Lang;
use crate::progress::{self, ItemStatus, Status};

/// The report's draft, ready to print.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    /// The document's title (`河源市政务服务和数据管理局2024年法治政府建设年度报告`).
    pub title: String,
    /// `三、2024年度党政主要负责人履行推进法治建设第一责任人职责……`
    pub heading: String,
    /// The opening sentence, ending in `。`.
    pub opening: String,
    /// Sections with at least one fact to state, in checklist order.
    pub groups: Vec<Group>,
    /// The closing sentence, ending in `。`.
    pub closing: String,
    /// Section five: the year's real shortfalls as 不足 sentences.
    pub five: Five,
    /// The officer's to-do list: every item not complete, in checklist order.
    pub shortfalls: Vec<Shortfall>,
}

/// One item not complete and what it lacks (the officer's to-do list).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shortfall {
    pub item: String,
    pub title: String,
    pub owner: String,
    /// What is missing, in the input's language (`还差1次；逾期12天`).
    pub missing: String,
    /// A duty of the reporting process that follows the report.
    pub follows_report: bool,
}

/// Whether an item has a fact worth stating: a duty done, at least one entry, a rate above
/// zero, some hours. Anything less would read `0次`.
pub fn has_progress(s: &ItemStatus<'_>) -> bool {
    match s.item.kind {
        Kind::Task => s.complete,
        Kind::Count { .. } => s.entry_count() > 0,
        Kind::Rate { .. } | Kind::Hours { .. } => s.value > 0.0,
    }
}

/// Build the draft.
pub fn draft(input: &Input<'_>) -> Draft {
    draft_from(
        input,
        &progress::status(input.checklist, input.ledger, input.today),
    )
}

/// The draft from a status already computed for `input` (formats that also print the
/// completion table compute it once).
pub fn draft_from(input: &Input<'_>, st: &Status<'_>) -> Draft {
    draft_parts(input, st, Parts::ALL)
}

/// Which parts of the draft a document prints; the others are left empty.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts {
    pub three: bool,
    pub five: bool,
    pub todo: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        three: true,
        five: true,
        todo: true,
    };
}

/// The draft with only `parts` filled in (a 10 000-item section three need not word
/// 10 000 shortfalls nobody prints).
pub(crate) fn draft_parts(input: &Input<'_>, st: &Status<'_>, parts: Parts) -> Draft {
    let c = input.checklist;
    let scene = Scene::new(c, st, Person::Third);
    let fixed = |t| scene.fill(t, None, &c.title).text;
    let shortfalls = match parts.todo {
        false => Vec::new(),
        true => st
            .items
            .iter()
            .filter(|s| !s.complete)
            .map(|s| Shortfall {
                item: s.item.id.clone(),
                title: clean(&s.item.title),
                owner: clean(&s.item.owner),
                missing: missing(s, input.lang),
                follows_report: s.item.follows_report,
            })
            .collect(),
    };
    Draft {
        title: tidy(&fixed(&c.report.title)),
        heading: fixed(&c.report.heading),
        opening: sentence(&fixed(&c.report.opening)),
        groups: if parts.three {
            groups(&scene)
        } else {
            Vec::new()
        },
        closing: sentence(&fixed(&c.report.closing)),
        five: if parts.five {
            section_five(&scene)
        } else {
            Five::default()
        },
        shortfalls,
    }
}

/// What an incomplete item lacks: `还差1次`, `92%（46/50），目标100%`, `尚未填报`, then when it
/// is due or how long it is overdue.
pub fn missing(s: &ItemStatus<'_>, lang: Lang) -> String {
    lang.words().shortfall_missing(s)
}

impl Draft {
    /// Section three's body paragraphs in Chinese: opening, sub-headings and paragraphs,
    /// closing. A sub-heading (`（一）…`) is its own paragraph.
    pub fn paragraphs(&self) -> Vec<String> {
        self.blocks().into_iter().map(|(_, p)| p).collect()
    }

    /// The body as (is it a sub-heading, text), for formats that set sub-headings apart.
    pub fn blocks(&self) -> Vec<(bool, String)> {
        let mut out = Vec::with_capacity(self.groups.len() + 2);
        // With nothing recorded, the opening's and closing's claims (坚持亲自部署…,
        // 通过以上举措…) would stand for nothing: the draft says only that.
        if self.groups.is_empty() {
            out.push((false, "（台账中尚无可写入本部分的事项。）".to_string()));
            return out;
        }
        if !self.opening.is_empty() {
            out.push((false, self.opening.clone()));
        }
        for g in &self.groups {
            if let Some(h) = &g.heading {
                out.push((true, h.clone()));
            }
            out.push((false, g.paragraph()));
        }
        if !self.closing.is_empty() {
            out.push((false, self.closing.clone()));
        }
        out
    }
}

impl Shortfall {
    /// One line: `党组会专题研究法治建设（办公室）：已登记1次，目标2次，还差1次；逾期12天`.
    pub fn line(&self, lang: Lang) -> String {
        lang.words().shortfall_line(self)
    }
}
