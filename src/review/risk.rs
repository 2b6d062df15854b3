//! The review: everything at risk before the year closes, most urgent first, each with what
//! is wrong as data (`i18n` words it, for the command line or the screen); and the
//! deadlines that fall in the next year's first quarter.
//!
//! Pure: the checklist, the ledger and the day come in.

use jiff::civil::Date;

use super::pace::Pace;
use super::pace::{PaceState, pace};
use super::rhythm::Period;
use crate::checklist::{Checklist, DueSpec, Kind};
use crate::ledger::Ledger;
use crate::progress::{self, ItemStatus};

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
    /// A month or quarter passed without the session an item's rhythm asks for.
    MissedPeriod,
}

/// One thing at risk, with what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub item: String,
    pub title: String,
    /// The item's kind, with its target.
    pub item_kind: Kind,
    /// The 佐证材料 the checklist asks for (empty when it names none).
    pub evidence: String,
    pub kind: RiskKind,
    pub why: Why,
    pub due: Date,
    /// Days from today to the due date (negative once past).
    pub days_left: i64,
}

/// What is wrong, with the figures to say it.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    Overdue {
        left: Left,
    },
    Behind {
        value: f64,
        pace: Pace,
        left: Left,
    },
    DueSoon {
        left: Left,
    },
    /// Ticked or recorded with no evidence kept.
    NoEvidence,
    /// Sessions logged without evidence.
    BareEntries {
        count: usize,
    },
    RateBelow {
        numerator: u64,
        denominator: u64,
        target: f64,
        missing: u64,
    },
    Missed {
        periods: Vec<Period>,
    },
}

/// What is still missing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Left {
    Task,
    Count(f64),
    Hours(f64),
    RateUnrecorded {
        target: f64,
    },
    Rate {
        numerator: u64,
        denominator: u64,
        target: f64,
    },
}

/// Everything at risk in `ledger` on `today`, most urgent first.
///
/// Each item gets at most one of overdue / behind pace / due soon (the most urgent that
/// applies); a rate below target is listed only when none of those is (their advice already
/// shows the rate); a duty done without evidence is listed on its own. Within a kind: the
/// longest overdue first, then the largest shortfall, then the nearest due date, then
/// checklist order.
pub fn review(checklist: &Checklist, ledger: &Ledger, today: Date) -> Vec<Risk> {
    let st = progress::status(checklist, ledger, today);
    let mut found: Vec<(RiskKind, f64, usize, Risk)> = Vec::new();
    for (order, s) in st.items.iter().enumerate() {
        let mut push = |kind: RiskKind, urgency: f64, why: Why| {
            found.push((
                kind,
                urgency,
                order,
                Risk {
                    item: s.item.id.clone(),
                    title: s.item.title.clone(),
                    item_kind: s.item.kind,
                    evidence: s.item.evidence.clone(),
                    kind,
                    why,
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
                Why::Overdue { left: left(s) },
            );
            true
        } else if let Some(p) =
            p.filter(|p| !s.complete && p.says_anything() && p.state() == PaceState::Behind)
        {
            let shortfall = p.behind / s.target.unwrap_or(1.0).max(f64::MIN_POSITIVE);
            push(
                RiskKind::BehindPace,
                shortfall,
                Why::Behind {
                    value: s.value,
                    pace: p,
                    left: left(s),
                },
            );
            true
        } else if s.due_soon() {
            push(
                RiskKind::DueSoon,
                -s.days_left as f64,
                Why::DueSoon { left: left(s) },
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
            push(RiskKind::NoEvidence, 0.0, Why::NoEvidence);
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
            push(RiskKind::NoEvidence, 0.0, Why::BareEntries { count: bare });
        }
        if !timed
            && let (Kind::Rate { target }, Some(rate)) =
                (s.item.kind, s.record.and_then(|r| r.rate.as_ref()))
            && !s.complete
        {
            let why = Why::RateBelow {
                numerator: rate.numerator,
                denominator: rate.denominator,
                target,
                missing: missing_for(target, rate.numerator, rate.denominator),
            };
            push(RiskKind::RateBelow, 100.0 - s.value, why);
        }
        let missed = super::missed(s.item, s.record, checklist.year, today);
        if !missed.is_empty() {
            push(
                RiskKind::MissedPeriod,
                missed.len() as f64,
                Why::Missed { periods: missed },
            );
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

/// What is still missing.
fn left(s: &ItemStatus<'_>) -> Left {
    let short = (s.target.unwrap_or(0.0) - s.value).max(0.0);
    match s.item.kind {
        Kind::Task => Left::Task,
        Kind::Count { .. } => Left::Count(short),
        Kind::Hours { .. } => Left::Hours(short),
        Kind::Rate { target } => match s.record.and_then(|r| r.rate.as_ref()) {
            None => Left::RateUnrecorded { target },
            Some(r) => Left::Rate {
                numerator: r.numerator,
                denominator: r.denominator,
                target,
            },
        },
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
    use crate::i18n::{Lang, Surface};
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
        let risks = review(&c, &l, ctx.today);
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
            review(&c, l, ctx.today)
                .into_iter()
                .filter(|r| r.item == "center-group" && r.kind == RiskKind::NoEvidence)
                .map(|r| Lang::Zh.words().risk_advice(&r, Surface::Cli))
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
