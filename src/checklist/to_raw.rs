//! A validated checklist written back as its raw mirror (`duty rollover` writes next year's
//! file this way), so that every text the unit wrote for its report carries over.

use super::raw::{RawFive, RawIfShort, RawItem, RawKind, RawReport, RawSection, RawShufa};
use super::text::*;
use super::{IfShort, Item, Kind, Section};
use crate::template::Template;

fn source(t: &Template) -> Option<String> {
    (!t.source().is_empty()).then(|| t.source().to_string())
}

/// The template's text unless it is `default`, which a file need not repeat.
fn unless_default(t: &Template, default: &str) -> Option<String> {
    (t.source() != default).then(|| t.source().to_string())
}

impl ReportText {
    /// The report's texts as a checklist file writes them: heading, opening and closing
    /// always, the rest only where they differ from the defaults.
    pub fn to_raw(&self) -> RawReport {
        let five = RawFive {
            heading: unless_default(&self.five.heading, DEFAULT_FIVE_HEADING),
            opening: unless_default(&self.five.opening, DEFAULT_FIVE_OPENING),
            closing: source(&self.five.closing),
            general: self.five.general.iter().filter_map(source).collect(),
        };
        let plans: Vec<String> = self.shufa.plans.iter().filter_map(source).collect();
        let shufa = RawShufa {
            title: unless_default(&self.shufa.title, DEFAULT_SHUFA_TITLE),
            opening: unless_default(&self.shufa.opening, DEFAULT_SHUFA_OPENING),
            shortcomings: unless_default(&self.shufa.shortcomings, DEFAULT_SHUFA_SHORTCOMINGS),
            plans: if plans == [DEFAULT_SHUFA_PLAN] {
                Vec::new()
            } else {
                plans
            },
            closing: source(&self.shufa.closing),
        };
        let five_empty = five.heading.is_none()
            && five.opening.is_none()
            && five.closing.is_none()
            && five.general.is_empty();
        let shufa_empty = shufa.title.is_none()
            && shufa.opening.is_none()
            && shufa.shortcomings.is_none()
            && shufa.plans.is_empty()
            && shufa.closing.is_none();
        RawReport {
            title: unless_default(&self.title, DEFAULT_TITLE),
            heading: Some(self.heading.source().to_string()),
            opening: Some(self.opening.source().to_string()),
            closing: Some(self.closing.source().to_string()),
            leader: (self.leader != DEFAULT_LEADER).then(|| self.leader.clone()),
            lead_in: unless_default(&self.lead_in, DEFAULT_LEAD_IN),
            numbered: self.numbered.then_some(true),
            section_five: (!five_empty).then_some(five),
            shufa: (!shufa_empty).then_some(shufa),
        }
    }
}

impl Section {
    /// The section with `items` (already written back) as a checklist file holds it.
    pub fn to_raw(&self, items: Vec<RawItem>) -> RawSection {
        RawSection {
            id: self.id.clone(),
            title: self.title.clone(),
            heading: self.heading.as_ref().and_then(source),
            lead_in: self.lead_in.as_ref().map(|t| t.source().to_string()),
            clauses: self.clauses.iter().filter_map(source).collect(),
            items,
        }
    }
}

impl Item {
    /// The item as a checklist file holds it, its dates as written.
    pub fn to_raw(&self) -> RawItem {
        let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
        RawItem {
            id: self.id.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            owner: non_empty(&self.owner),
            kind: match self.kind {
                Kind::Task => RawKind::Task,
                Kind::Count { target } => RawKind::Count {
                    target: i64::from(target),
                },
                Kind::Rate { target } => RawKind::Rate { target },
                Kind::Hours { target } => RawKind::Hours { target },
            },
            start: self.start.map(|s| s.to_source()),
            due: self.due.to_source(),
            evidence: non_empty(&self.evidence),
            report: non_empty(self.report.source()),
            if_short: (self.if_short == IfShort::Omit).then_some(RawIfShort::Omit),
            no_cases: self.no_cases.as_ref().map(|t| t.source().to_string()),
            follows_report: self.follows_report.then_some(true),
            shortfall: self.shortfall.as_ref().map(|t| t.source().to_string()),
            shufa: self.shufa.as_ref().map(|t| t.source().to_string()),
            carried_from: self.carried_from.map(i64::from),
            once: self.once,
            rhythm: self.rhythm.map(|r| r.to_source().to_string()),
        }
    }
}
