//! The draft of section three as data: heading, opening, the enumerated facts per section,
//! closing, and the shortfalls. Every format renders this one model.

use serde::Serialize;

use super::Input;
use super::fill::figure;
use super::fill::{self, chinese_numeral, clean, sentence, tidy};
use crate::checklist::Kind;
use crate::i18n::Lang;
use crate::progress::{self, ItemStatus, Status};
use crate::template::Placeholder;

/// Section three, ready to print.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    /// `三、2024年度党政主要负责人履行推进法治建设第一责任人职责……`
    pub heading: String,
    /// The opening sentence, ending in `。`.
    pub opening: String,
    /// Sections with at least one fact to state, in checklist order.
    pub groups: Vec<Group>,
    /// The closing sentence, ending in `。`.
    pub closing: String,
    /// Every item not complete, in checklist order.
    pub shortfalls: Vec<Shortfall>,
}

/// The facts of one checklist section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub section: String,
    pub clauses: Vec<Clause>,
}

/// One enumerated fact: `一是……`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Clause {
    /// 1-based, continuing across sections.
    pub number: usize,
    /// The item id.
    pub item: String,
    /// The item's template, filled and tidied, without its final mark.
    pub text: String,
}

/// One item not complete and what it lacks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shortfall {
    pub item: String,
    pub title: String,
    pub owner: String,
    /// What is missing, in the input's language (`还差1次；逾期12天`).
    pub missing: String,
}

/// Whether an item has a fact worth stating: a duty done, at least one entry, a rate above
/// zero, some hours. Anything less would read `0次` and goes to the shortfalls only.
pub fn has_progress(s: &ItemStatus<'_>) -> bool {
    match s.item.kind {
        Kind::Task => s.complete,
        Kind::Count { .. } => s.entry_count() > 0,
        Kind::Rate { .. } | Kind::Hours { .. } => s.value > 0.0,
    }
}

/// Build the draft of section three.
pub fn draft(input: &Input<'_>) -> Draft {
    draft_from(
        input,
        &progress::status(input.checklist, input.ledger, input.today),
    )
}

/// The draft from a status already computed for `input` (formats that also print the
/// completion table compute it once).
pub fn draft_from(input: &Input<'_>, st: &Status<'_>) -> Draft {
    let c = input.checklist;
    let report_value = |p: Placeholder| match p {
        Placeholder::Year => c.year.to_string(),
        Placeholder::Org => clean(&c.organization),
        Placeholder::Title => clean(&c.title),
        // Report templates are validated to name only the three above.
        _ => String::new(),
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut shortfalls = Vec::new();
    for s in &st.items {
        // Section three states what was done; anything short of its target (83.3% of a 100%
        // review rate, 1 of 2 meetings) would read as an achievement in the report, so it
        // goes to the shortfalls only, with its figure.
        if s.complete {
            let text = tidy(
                &s.item
                    .report
                    .render(|p| fill::value(c, s.item, s.record, p)),
            );
            if !text.is_empty() {
                // 一是、二是… start again in each section's paragraph, as reports write them.
                let section = clean(&s.section.title);
                let clause = |number| Clause {
                    number,
                    item: s.item.id.clone(),
                    text,
                };
                match groups.last_mut() {
                    Some(g) if g.section == section => {
                        let next = g.clauses.len() + 1;
                        g.clauses.push(clause(next));
                    }
                    _ => groups.push(Group {
                        section,
                        clauses: vec![clause(1)],
                    }),
                }
            }
        }
        if !s.complete {
            shortfalls.push(Shortfall {
                item: s.item.id.clone(),
                title: clean(&s.item.title),
                owner: clean(&s.item.owner),
                missing: missing(s, input.lang),
            });
        }
    }
    Draft {
        heading: tidy(&c.report.heading.render(report_value)),
        opening: sentence(&c.report.opening.render(report_value)),
        groups,
        closing: sentence(&c.report.closing.render(report_value)),
        shortfalls,
    }
}

/// What an incomplete item lacks: `还差1次`, `92%（46/50），目标100%`, `尚未填报`, then when it
/// is due or how long it is overdue.
pub fn missing(s: &ItemStatus<'_>, lang: Lang) -> String {
    let target = s.target.unwrap_or(0.0);
    let short = || figure((target - s.value).max(0.0));
    let what = match (s.item.kind, lang) {
        (Kind::Task, Lang::Zh) => "尚未完成".to_string(),
        (Kind::Task, Lang::En) => "not done yet".to_string(),
        (Kind::Count { target }, Lang::Zh) => match s.entry_count() {
            0 => format!("尚未登记，目标{target}次"),
            n => format!(
                "已登记{n}次，目标{target}次，还差{}次",
                (target as usize).saturating_sub(n)
            ),
        },
        (Kind::Count { target }, Lang::En) => match s.entry_count() {
            0 => format!("nothing logged yet, target {target}"),
            n => format!(
                "{n} of {target} logged, {} more needed",
                (target as usize).saturating_sub(n)
            ),
        },
        (Kind::Rate { .. }, _) => match s.record.and_then(|r| r.rate.as_ref()) {
            None => match lang {
                Lang::Zh => format!("尚未填报，目标{}%", figure(target)),
                Lang::En => format!("not recorded yet, target {}%", figure(target)),
            },
            Some(r) => match lang {
                Lang::Zh => format!(
                    "现为{}%（{}/{}），目标{}%",
                    figure(s.value),
                    r.numerator,
                    r.denominator,
                    figure(target)
                ),
                Lang::En => format!(
                    "{}% ({}/{}), target {}%",
                    figure(s.value),
                    r.numerator,
                    r.denominator,
                    figure(target)
                ),
            },
        },
        (Kind::Hours { .. }, Lang::Zh) if s.value > 0.0 => format!(
            "已登记{}学时，目标{}学时，还差{}学时",
            figure(s.value),
            figure(target),
            short()
        ),
        (Kind::Hours { .. }, Lang::Zh) => format!("尚未登记学时，目标{}学时", figure(target)),
        (Kind::Hours { .. }, Lang::En) => format!(
            "{} of {} hours, {} more needed",
            figure(s.value),
            figure(target),
            short()
        ),
    };
    let when = match lang {
        _ if s.overdue => lang.words().due_in(s.days_left),
        Lang::Zh => format!("{}到期", crate::text::dates::chinese(s.due)),
        Lang::En => format!("due {}", crate::text::dates::iso(s.due)),
    };
    match lang {
        Lang::Zh => format!("{what}；{when}"),
        Lang::En => format!("{what}; {when}"),
    }
}

impl Group {
    /// The enumerated paragraph: `在学法方面，一是……；二是……。` (`在学法方面，……。` for one).
    pub fn paragraph(&self) -> String {
        let mut p = if self.section.ends_with("方面") {
            format!("在{}，", self.section)
        } else {
            format!("在{}方面，", self.section)
        };
        let last = self.clauses.len().saturating_sub(1);
        // 一是 promises a 二是: a section with one clause states it plainly.
        let enumerate = self.clauses.len() > 1;
        for (i, clause) in self.clauses.iter().enumerate() {
            if enumerate {
                p.push_str(&chinese_numeral(clause.number as u64));
                p.push('是');
            }
            p.push_str(&clause.text);
            // A clause the officer ended with 。 is not given a second mark.
            if !clause.text.ends_with(['。', '！', '？']) {
                p.push(if i == last { '。' } else { '；' });
            }
        }
        p
    }
}

impl Draft {
    /// The body paragraphs in Chinese: opening, one per group, closing.
    pub fn paragraphs(&self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.groups.len() + 2);
        if !self.opening.is_empty() {
            out.push(self.opening.clone());
        }
        if self.groups.is_empty() {
            out.push("（台账中尚无可写入本部分的已完成事项。）".to_string());
        }
        out.extend(self.groups.iter().map(Group::paragraph));
        if !self.closing.is_empty() {
            out.push(self.closing.clone());
        }
        out
    }
}

impl Shortfall {
    /// One line: `党组会专题研究法治建设（办公室）：已登记1次，目标2次，还差1次；逾期12天`.
    pub fn line(&self, lang: Lang) -> String {
        let s = self;
        match (lang, s.owner.is_empty()) {
            (Lang::Zh, false) => format!("{}（{}）：{}", s.title, s.owner, s.missing),
            (Lang::Zh, true) => format!("{}：{}", s.title, s.missing),
            (Lang::En, false) => format!("{} ({}): {}", s.title, s.owner, s.missing),
            (Lang::En, true) => format!("{}: {}", s.title, s.missing),
        }
    }
}
