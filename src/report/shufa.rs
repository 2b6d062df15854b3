//! The principal leader's annual 述法 report, from the same ledger as section three: the
//! leader speaks in the first person (本人), the facts are the same facts with the same
//! honesty rules (real figures, nothing that follows the report, nothing not done), and the
//! shortfalls are section five's.
//!
//! ```text
//! 标题
//! 开头
//! 一、履职情况      one paragraph per section (（一）… when the report numbers sections)
//! 二、存在的不足    the shortfalls, then the unit's standing shortcomings
//! 三、下一步打算    the checklist's plans, and one for the items short of target
//! ```

use serde::Serialize;

use super::compose::{Group, groups};
use super::fill::clean;
use super::five::{Point, opening, points};
use super::prose::{sentence, tidy};
use super::values::{Person, Scene};

/// The 述法 report, ready to print.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shufa {
    pub title: String,
    pub opening: String,
    /// `一、履职情况` and its paragraphs.
    pub duties_heading: String,
    pub groups: Vec<Group>,
    /// `二、存在的不足`, its opening and points.
    pub shortcomings_heading: String,
    pub shortcomings_opening: String,
    pub shortcomings: Vec<Point>,
    /// `三、下一步打算` and its sentences.
    pub plans_heading: String,
    pub plans: Vec<String>,
    pub closing: String,
}

pub(crate) fn shufa(scene: &Scene<'_>) -> Shufa {
    debug_assert_eq!(scene.person, Person::First);
    let c = scene.checklist;
    let t = &c.report.shufa;
    let fill = |tpl| scene.fill(tpl, None, &c.title).text;
    // The title names the leader in the third person: it is what the document is called.
    let third = Scene::new(c, scene.st, Person::Third);
    let shortcomings = points(scene, &c.report.five.general);
    let mut plans: Vec<String> = t.plans.iter().map(fill).filter(|p| !p.is_empty()).collect();
    let short: Vec<String> = shortcomings
        .iter()
        .filter(|p| !p.item.is_empty())
        .filter_map(|p| c.item(&p.item))
        .map(|i| clean(&i.title))
        .collect();
    if !short.is_empty() {
        // Titles may hold 、 themselves: each is quoted, so that the list reads unambiguously.
        let mut names: String = short.iter().take(3).map(|t| format!("“{t}”")).collect();
        if short.len() > 3 {
            names.push('等');
        }
        plans.push(super::prose::first_person(
            &tidy(&format!(
                "针对{names}未达到年度要求的问题，逐项查找原因，明确责任科室和完成时限，推动按期补齐"
            )),
            &["主要负责人"],
        ));
    }
    Shufa {
        title: third.fill(&t.title, None, &c.title).text,
        opening: sentence(&fill(&t.opening)),
        duties_heading: "一、履职情况".to_string(),
        groups: groups(scene),
        shortcomings_heading: "二、存在的不足".to_string(),
        shortcomings_opening: opening(fill(&t.shortcomings)),
        shortcomings,
        plans_heading: "三、下一步打算".to_string(),
        plans,
        closing: sentence(&fill(&t.closing)),
    }
}

impl Shufa {
    /// Part two's paragraph: the opening and the enumerated points, or a note.
    pub fn shortcomings_paragraph(&self) -> String {
        if self.shortcomings.is_empty() {
            return "（台账所列事项均已完成。存在的不足请结合履职实际补充。）".to_string();
        }
        let texts: Vec<&str> = self.shortcomings.iter().map(|p| p.text.as_str()).collect();
        super::prose::enumerate(&self.shortcomings_opening, &texts)
    }

    /// Part three's paragraph: `一是……；二是……。`.
    pub fn plans_paragraph(&self) -> String {
        let texts: Vec<&str> = self.plans.iter().map(String::as_str).collect();
        super::prose::enumerate("", &texts)
    }
}
