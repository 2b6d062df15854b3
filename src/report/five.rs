//! Section five, 存在的不足和原因, as data: the ledger's real shortfalls in the customary
//! 不足 sentences (the item's own, or one by its kind), then the shortcomings the unit
//! states every year. Also the part 二、存在的不足 of the 述法 report, in the first person.
//!
//! A shortfall is an item not complete — except a rate not yet recorded (nothing is known
//! about it; the officer's to-do list says so) and a duty that follows the report before
//! it falls due. When the ledger has none and the unit states none, the draft says so to
//! the officer in brackets instead of inventing one.

use serde::Serialize;

use super::fill::{clean, figure};
use super::prose::tidy;
use super::values::{Person, Scene, short};
use crate::checklist::Kind;
use crate::progress::{ItemStatus, total_hours};
use crate::template::Template;
use crate::text::numbers::percent;

/// Section five, or part two of the 述法 report.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Five {
    pub heading: String,
    pub opening: String,
    /// One per shortfall, then the unit's standing shortcomings; without final marks.
    pub points: Vec<Point>,
    pub closing: String,
    /// For the officer when there is nothing to state: section five is never empty.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// The item, or empty for a standing shortcoming.
    pub item: String,
    pub text: String,
}

impl Five {
    /// The paragraph after the heading: `opening一是……；二是……。`, or the note.
    pub fn paragraph(&self) -> String {
        if self.points.is_empty() {
            return self.note.clone().unwrap_or_default();
        }
        let texts: Vec<&str> = self.points.iter().map(|p| p.text.as_str()).collect();
        let mut p = super::prose::enumerate(&self.opening, &texts);
        if !self.closing.is_empty() {
            p.push_str(&self.closing);
        }
        p
    }
}

/// Whether an item is a real shortfall of the year on the draft's day.
pub(crate) fn is_shortfall(s: &ItemStatus<'_>) -> bool {
    if s.complete || (s.item.follows_report && !s.overdue) {
        return false;
    }
    match s.item.kind {
        Kind::Rate { .. } => s.record.is_some_and(|r| r.rate.is_some()),
        _ => true,
    }
}

/// The shortfall points of the ledger and the unit's standing ones.
pub(crate) fn points(scene: &Scene<'_>, general: &[Template]) -> Vec<Point> {
    let mut points = Vec::new();
    for (i, s) in scene.st.items.iter().enumerate() {
        if !is_shortfall(s) {
            continue;
        }
        let text = match &s.item.shortfall {
            Some(t) => scene.fill(t, Some(i), &s.item.title).text,
            None => default_point(s, scene.person),
        };
        if !text.is_empty() {
            points.push(Point {
                item: s.item.id.clone(),
                text,
            });
        }
    }
    let title = &scene.checklist.title;
    points.extend(general.iter().map(|t| Point {
        item: String::new(),
        text: scene.fill(t, None, title).text,
    }));
    points.retain(|p| !p.text.is_empty());
    points
}

/// Section five for the unit.
pub(crate) fn section_five(scene: &Scene<'_>) -> Five {
    let t = &scene.checklist.report.five;
    let title = &scene.checklist.title;
    let points = points(scene, &t.general);
    Five {
        heading: scene.fill(&t.heading, None, title).text,
        opening: opening(scene.fill(&t.opening, None, title).text),
        note: points.is_empty().then(|| {
            "（台账所列事项均已完成，未发现未达到要求的事项。第五部分仍应写明存在的不足和原因，请结合本单位实际补充。）"
                .to_string()
        }),
        closing: super::prose::sentence(&scene.fill(&t.closing, None, title).text),
        points,
    }
}

/// An opening that leads into the points ends with `：`.
pub(crate) fn opening(text: String) -> String {
    if text.is_empty() || text.ends_with(['：', '。']) {
        text
    } else {
        format!("{text}：")
    }
}

/// The customary 不足 sentence for an item short of its target, by its kind:
/// `会前学法全年开展10次，未达到12次的年度目标`.
fn default_point(s: &ItemStatus<'_>, person: Person) -> String {
    let title = clean(&s.item.title);
    let people = crate::checklist::counts_people(&title);
    let text = match s.item.kind {
        Kind::Task => format!("{title}尚未完成"),
        // Before its deadline the year is not over for the item: what stands is said as of
        // now, never as the whole year's result.
        Kind::Count { target } if !s.overdue => match (s.entry_count(), people) {
            (0, true) => format!("{title}尚未落实，年度目标为{target}名"),
            (0, false) => format!("{title}截至目前尚未开展，年度目标为{target}次"),
            (n, true) => format!("{title}截至目前{n}名，年度目标为{target}名"),
            (n, false) => format!("{title}截至目前开展{n}次，年度目标为{target}次"),
        },
        Kind::Count { target } => match (s.entry_count(), people) {
            (0, true) => format!("{title}尚未落实，年度目标为{target}名"),
            (0, false) => format!("{title}全年未开展，年度目标为{target}次"),
            (n, true) => format!("{title}{n}名，未达到{target}名的年度目标"),
            (n, false) => format!("{title}全年开展{n}次，未达到{target}次的年度目标"),
        },
        Kind::Rate { target } => match s.record.and_then(|r| r.rate.as_ref()) {
            // Not one case of the year met it: said as the figures, never as `0%`.
            Some(r) if r.numerator == 0 => format!(
                "{title}尚未达标（0/{}），年度目标为{}%",
                r.denominator,
                figure(target)
            ),
            Some(r) => format!(
                "{title}为{}%（{}/{}），未达到{}%的目标",
                percent(r.numerator, r.denominator),
                r.numerator,
                r.denominator,
                figure(target)
            ),
            None => format!("{title}尚未统计"),
        },
        Kind::Hours { target } => {
            let subject = title.strip_suffix("学时").unwrap_or(&title);
            let h = total_hours(s.record);
            let gap = short(s).map(figure).unwrap_or_default();
            if h > 0.0 {
                format!(
                    "{subject}累计{}学时，距{}学时的年度目标尚差{gap}学时",
                    figure(h),
                    figure(target)
                )
            } else {
                format!("{subject}尚未登记学时，年度目标为{}学时", figure(target))
            }
        }
    };
    let text = tidy(&text);
    match person {
        Person::Third => text,
        Person::First => super::prose::first_person(&text, &["主要负责人"]),
    }
}
