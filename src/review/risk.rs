//! The review: everything at risk before the year closes, most urgent first, each with one
//! line saying what to do; and the deadlines that fall in the next year's first quarter.
//!
//! Pure: the checklist, the ledger and the day come in.

use jiff::civil::Date;

use super::pace::{PaceState, pace};
use crate::checklist::{Checklist, DueSpec, Kind};
use crate::i18n::Lang;
use crate::ledger::Ledger;
use crate::progress::{self, ItemStatus};
use crate::text::dates::iso;
use crate::text::number;

/// Why an item is at risk, most urgent first (the order `review` sorts by).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RiskKind {
    /// Past its due date and not complete.
    Overdue,
    /// A counted or hours item behind its pace.
    BehindPace,
    /// Due within 30 days and not complete.
    DueSoon,
    /// A yes/no duty marked done, or a rate recorded, with no evidence kept (inspectors ask
    /// for it).
    NoEvidence,
    /// A rate recorded below its target.
    RateBelow,
}

impl RiskKind {
    /// A short tag for lists: `逾期`, `落后`, `将到期`, `缺佐证`, `未达标`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RiskKind::Overdue => lang.pick("逾期", "overdue"),
            RiskKind::BehindPace => lang.pick("落后", "behind"),
            RiskKind::DueSoon => lang.pick("将到期", "due soon"),
            RiskKind::NoEvidence => lang.pick("缺佐证", "no evidence"),
            RiskKind::RateBelow => lang.pick("未达标", "below target"),
        }
    }
}

/// One thing at risk, with what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub item: String,
    pub title: String,
    /// One line: what is wrong and what to do.
    pub advice: String,
    pub kind: RiskKind,
    pub due: Date,
    /// Days from today to the due date (negative once past).
    pub days_left: i64,
}

/// Everything at risk in `ledger` on `today`, most urgent first.
///
/// Each item gets at most one of overdue / behind pace / due soon (the most urgent that
/// applies); a rate below target is listed only when none of those is (their advice already
/// shows the rate); a duty done without evidence is listed on its own. Within a kind: the
/// longest overdue first, then the largest shortfall, then the nearest due date, then
/// checklist order.
pub fn review(checklist: &Checklist, ledger: &Ledger, today: Date, lang: Lang) -> Vec<Risk> {
    let st = progress::status(checklist, ledger, today);
    let mut found: Vec<(RiskKind, f64, usize, Risk)> = Vec::new();
    for (order, s) in st.items.iter().enumerate() {
        let mut push = |kind: RiskKind, urgency: f64, advice: String| {
            found.push((
                kind,
                urgency,
                order,
                Risk {
                    item: s.item.id.clone(),
                    title: s.item.title.clone(),
                    advice,
                    kind,
                    due: s.due,
                    days_left: s.days_left,
                },
            ));
        };
        let p = pace(s, checklist.year, today);
        let timed = if s.overdue {
            push(
                RiskKind::Overdue,
                -s.days_left as f64,
                overdue_advice(s, lang),
            );
            true
        } else if let Some(p) =
            p.filter(|p| !s.complete && p.says_anything() && p.state() == PaceState::Behind)
        {
            let shortfall = p.behind / s.target.unwrap_or(1.0).max(f64::MIN_POSITIVE);
            push(
                RiskKind::BehindPace,
                shortfall,
                behind_advice(
                    s,
                    lang.words().pace(&p, s.item.kind).unwrap_or_default(),
                    lang,
                ),
            );
            true
        } else if s.due_soon() {
            push(
                RiskKind::DueSoon,
                -s.days_left as f64,
                due_soon_advice(s, lang),
            );
            true
        } else {
            false
        };
        // A duty ticked, or a rate recorded, with nothing to show an inspector.
        let recorded_evidence = s.record.and_then(|r| {
            r.done
                .as_ref()
                .map(|d| d.evidence.as_str())
                .or(r.rate.as_ref().map(|x| x.evidence.as_str()))
        });
        // (A rate still below target is listed as such instead.)
        if let Some(evidence) = recorded_evidence
            && s.complete
            && evidence.trim().is_empty()
            && s.record.is_some_and(|r| r.evidence.trim().is_empty())
        {
            push(RiskKind::NoEvidence, 0.0, no_evidence_advice(s, lang));
        }
        // Sessions logged with nothing to show for them (unless the item keeps its evidence
        // as a whole): inspectors ask for the 佐证 of every meeting and lecture.
        let bare = s.record.map_or(0, |r| {
            r.entries
                .iter()
                .filter(|e| e.evidence.trim().is_empty())
                .count()
        });
        if bare > 0 && s.record.is_some_and(|r| r.evidence.trim().is_empty()) {
            push(
                RiskKind::NoEvidence,
                0.0,
                bare_entries_advice(s, bare, lang),
            );
        }
        if !timed
            && let (Kind::Rate { target }, Some(rate)) =
                (s.item.kind, s.record.and_then(|r| r.rate.as_ref()))
            && !s.complete
        {
            let advice = match lang {
                Lang::Zh => format!(
                    "{}%（{}/{}）低于目标{}%：核实未达标的{}人（件），整改后用 duty rate 更新",
                    number(s.value),
                    rate.numerator,
                    rate.denominator,
                    number(target),
                    missing_for(target, rate.numerator, rate.denominator)
                ),
                Lang::En => format!(
                    "{}% ({}/{}) is below the {}% target: follow up the {} missing, then update it with duty rate",
                    number(s.value),
                    rate.numerator,
                    rate.denominator,
                    number(target),
                    missing_for(target, rate.numerator, rate.denominator)
                ),
            };
            push(RiskKind::RateBelow, 100.0 - s.value, advice);
        }
    }
    // Larger urgency first within a kind; checklist order breaks ties, so output is stable.
    found.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.3.due.cmp(&b.3.due))
            .then(a.2.cmp(&b.2))
    });
    found.into_iter().map(|(_, _, _, r)| r).collect()
}

/// How many more of `den` must be counted in to reach `target` percent.
fn missing_for(target: f64, num: u64, den: u64) -> u64 {
    let needed = (target * den as f64 / 100.0 - 1e-9).ceil().max(0.0) as u64;
    needed.saturating_sub(num)
}

/// What is still missing, as a phrase: `还差2次`, `还差3.5学时`, `尚未完成`.
fn remaining(s: &ItemStatus<'_>, lang: Lang) -> String {
    let left = (s.target.unwrap_or(0.0) - s.value).max(0.0);
    match (s.item.kind, lang) {
        (Kind::Task, _) => lang.pick("尚未完成", "not done yet").to_string(),
        (Kind::Count { .. }, Lang::Zh) => format!("还差{}次", number(left)),
        (Kind::Count { .. }, Lang::En) => format!("{} more to go", number(left)),
        (Kind::Hours { .. }, Lang::Zh) => format!("还差{}学时", number(left)),
        (Kind::Hours { .. }, Lang::En) => format!("{} more hours to go", number(left)),
        (Kind::Rate { target }, _) => match s.record.and_then(|r| r.rate.as_ref()) {
            None => match lang {
                Lang::Zh => format!("尚未填报（目标{}%）", number(target)),
                Lang::En => format!("not recorded (target {}%)", number(target)),
            },
            Some(_) => match lang {
                Lang::Zh => format!("现为{}%，目标{}%", number(s.value), number(target)),
                Lang::En => format!("now {}%, target {}%", number(s.value), number(target)),
            },
        },
    }
}

/// What to do, by kind: the command that records it and the evidence to keep.
fn action(s: &ItemStatus<'_>, lang: Lang) -> String {
    let id = &s.item.id;
    let keep = if s.item.evidence.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::Zh => format!("，留存{}", s.item.evidence),
            Lang::En => format!(", keep {}", s.item.evidence),
        }
    };
    match (s.item.kind, lang) {
        (Kind::Task, Lang::Zh) => format!("办结后运行 duty check {id}{keep}"),
        (Kind::Task, Lang::En) => format!("when done run duty check {id}{keep}"),
        (Kind::Count { .. } | Kind::Hours { .. }, Lang::Zh) => {
            format!("抓紧安排并用 duty log {id} 登记{keep}")
        }
        (Kind::Count { .. } | Kind::Hours { .. }, Lang::En) => {
            format!("schedule them and log each with duty log {id}{keep}")
        }
        (Kind::Rate { .. }, Lang::Zh) => format!("统计后用 duty rate {id} 填报{keep}"),
        (Kind::Rate { .. }, Lang::En) => {
            format!("count it and record it with duty rate {id}{keep}")
        }
    }
}

fn overdue_advice(s: &ItemStatus<'_>, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "已逾期{}天（截止{}），{}：{}",
            -s.days_left,
            iso(s.due),
            remaining(s, lang),
            action(s, lang)
        ),
        Lang::En => format!(
            "{} days overdue (due {}), {}: {}",
            -s.days_left,
            iso(s.due),
            remaining(s, lang),
            action(s, lang)
        ),
    }
}

fn behind_advice(s: &ItemStatus<'_>, pace: String, lang: Lang) -> String {
    let state = s.state_label(lang);
    match lang {
        Lang::Zh => format!(
            "{state}，{pace}；距截止{}天，{}：{}",
            s.days_left,
            remaining(s, lang),
            action(s, lang)
        ),
        Lang::En => format!(
            "{state}, {pace}; {} days to the deadline, {}: {}",
            s.days_left,
            remaining(s, lang),
            action(s, lang)
        ),
    }
}

fn due_soon_advice(s: &ItemStatus<'_>, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{}天后到期（{}），{}：{}",
            s.days_left,
            iso(s.due),
            remaining(s, lang),
            action(s, lang)
        ),
        Lang::En => format!(
            "due in {} days ({}), {}: {}",
            s.days_left,
            iso(s.due),
            remaining(s, lang),
            action(s, lang)
        ),
    }
}

fn bare_entries_advice(s: &ItemStatus<'_>, bare: usize, lang: Lang) -> String {
    let id = &s.item.id;
    let what = if s.item.evidence.is_empty() {
        lang.pick("佐证材料", "the evidence").to_string()
    } else {
        s.item.evidence.clone()
    };
    match lang {
        Lang::Zh => format!(
            "{bare} 次登记没有佐证材料：补齐{what}后运行 duty evidence {id} \"…\"（以后登记时加 --evidence）"
        ),
        Lang::En => format!(
            "{bare} logged session(s) without evidence: file {what}, then run duty evidence {id} \"…\" (and log with --evidence)"
        ),
    }
}

fn no_evidence_advice(s: &ItemStatus<'_>, lang: Lang) -> String {
    let id = &s.item.id;
    let what = if s.item.evidence.is_empty() {
        lang.pick("佐证材料", "the evidence").to_string()
    } else {
        s.item.evidence.clone()
    };
    match lang {
        Lang::Zh => format!("已记录但未登记佐证材料：补齐{what}后运行 duty evidence {id} \"…\""),
        Lang::En => {
            format!("recorded but no evidence kept: file {what}, then run duty evidence {id} \"…\"")
        }
    }
}

/// A deadline in the first quarter (or half) of the next year: the report's approval,
/// submission and publication, the leader's 述法.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    pub item: String,
    pub title: String,
    pub due: Date,
    pub days_left: i64,
    pub complete: bool,
}

/// Items of `checklist` due after its year ends (written `next-MM-DD`, or a fixed date in a
/// later year), by due date.
pub fn next_year_deadlines(checklist: &Checklist, ledger: &Ledger, today: Date) -> Vec<Deadline> {
    let mut out: Vec<Deadline> = checklist
        .items()
        .filter(|(_, item)| match item.due {
            DueSpec::NextYear { .. } => true,
            DueSpec::On(d) => d.year() > checklist.year,
            DueSpec::InYear { .. } => false,
        })
        .map(|(section, item)| {
            let s = progress::item_status(
                section,
                item,
                ledger.record(&item.id),
                checklist.year,
                today,
            );
            Deadline {
                item: item.id.clone(),
                title: item.title.clone(),
                due: s.due,
                days_left: s.days_left,
                complete: s.complete,
            }
        })
        .collect();
    out.sort_by_key(|d| d.due);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{BUILTIN_DEFAULT, load};
    use crate::ledger::{Change, Ctx};
    use jiff::civil::date;

    #[test]
    fn a_rate_met_without_evidence_is_flagged_once() {
        let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2024, Lang::Zh).unwrap();
        let mut l = Ledger::new(&c.id, 2024);
        let ctx = Ctx {
            today: date(2024, 11, 20),
            now: jiff::Timestamp::UNIX_EPOCH,
            user: "u".into(),
        };
        let rate = |item: &str, numerator, evidence: &str| Change::Rate {
            item: item.into(),
            numerator,
            denominator: 46,
            date: date(2024, 11, 1),
            evidence: evidence.into(),
        };
        for change in [
            rate("exam-participation", 46, ""),
            rate("exam-pass", 45, ""),
            rate("court-appearance", 46, "出庭记录"),
        ] {
            l.change(&c, &change, &ctx).unwrap();
        }
        let risks = review(&c, &l, ctx.today, Lang::Zh);
        let kinds = |id: &str| -> Vec<RiskKind> {
            risks
                .iter()
                .filter(|r| r.item == id)
                .map(|r| r.kind)
                .collect()
        };
        assert_eq!(kinds("exam-participation"), [RiskKind::NoEvidence]);
        assert!(
            !kinds("exam-pass").contains(&RiskKind::NoEvidence),
            "below target says so instead"
        );
        assert!(kinds("court-appearance").is_empty());
    }

    #[test]
    fn sessions_logged_without_evidence_are_flagged() {
        let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2024, Lang::Zh).unwrap();
        let mut l = Ledger::new(&c.id, 2024);
        let ctx = Ctx {
            today: date(2024, 11, 20),
            now: jiff::Timestamp::UNIX_EPOCH,
            user: "u".into(),
        };
        let log = |evidence: &str| Change::Log {
            item: "center-group".into(),
            date: date(2024, 3, 1),
            topic: "学习《宪法》".into(),
            hours: None,
            evidence: evidence.into(),
            people: Default::default(),
            also: Vec::new(),
        };
        l.change(&c, &log("签到表"), &ctx).unwrap();
        l.change(&c, &log(""), &ctx).unwrap();
        l.change(&c, &log(" "), &ctx).unwrap();
        let bare = |l: &Ledger| -> Vec<String> {
            review(&c, l, ctx.today, Lang::Zh)
                .into_iter()
                .filter(|r| r.item == "center-group" && r.kind == RiskKind::NoEvidence)
                .map(|r| r.advice)
                .collect()
        };
        let advice = bare(&l);
        assert_eq!(advice.len(), 1, "{advice:?}");
        assert!(advice[0].starts_with("2 次登记没有佐证材料"), "{advice:?}");
        // Evidence kept for the item as a whole answers for its sessions.
        let note = Change::Evidence {
            item: "center-group".into(),
            text: "中心组学习记录本".into(),
        };
        l.change(&c, &note, &ctx).unwrap();
        assert!(bare(&l).is_empty());
    }
}
