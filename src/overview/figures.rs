//! One unit's figures for the overview row (complete, overdue, behind pace, rates below
//! target, items without evidence, last change) and its per-item states for the matrix.
//!
//! Pure: the checklist, the ledger and the day come in. Each column counts on its own, so
//! one item may be in two of them (an overdue rate recorded below its target is overdue and
//! below target); the matrix shows each item once, in its most urgent state.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::checklist::{Checklist, Kind};
use crate::ledger::{ItemRecord, Ledger};
use crate::progress::{self, ItemStatus};
use crate::review::{PaceState, pace};

/// Weights of the risk score (see [`Figures::score`]): what a unit is asked about first.
pub const WEIGHT_OVERDUE: u32 = 3;
pub const WEIGHT_BEHIND: u32 = 2;
pub const WEIGHT_BELOW: u32 = 2;
pub const WEIGHT_NO_EVIDENCE: u32 = 1;

/// A unit's figures on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Figures {
    /// Items in the unit's checklist.
    pub items: u32,
    /// Items complete (a duty done, a count or hours reached, a rate at target or 0/0).
    pub complete: u32,
    /// Items past their due date and not complete.
    pub overdue: u32,
    /// Counted and hours items, not yet due, behind their pace (the review's rule:
    /// the target spread evenly over the item's window).
    pub behind: u32,
    /// Rates recorded below their target (whatever their due date).
    pub below: u32,
    /// Items with something recorded (a tick, a rate, a logged session) of which some part
    /// has no evidence: no evidence text and no file, for it or for the item as a whole.
    pub no_evidence: u32,
    /// Items due within 30 days and not complete (shown, not scored).
    pub due_soon: u32,
}

impl Figures {
    /// The risk score: `3 × overdue + 2 × behind + 2 × below target + 1 × without evidence`.
    /// Overdue weighs most (the deadline has passed); behind pace and below target next
    /// (the year's target is in danger); missing evidence least (the work may be done, but
    /// an inspector cannot see it). 0 means nothing needs asking about.
    pub fn score(&self) -> u32 {
        WEIGHT_OVERDUE * self.overdue
            + WEIGHT_BEHIND * self.behind
            + WEIGHT_BELOW * self.below
            + WEIGHT_NO_EVIDENCE * self.no_evidence
    }

    /// Complete items per thousand (integer, so that sorting and printing agree).
    pub fn permille(&self) -> u32 {
        if self.items == 0 {
            return 1000;
        }
        (u64::from(self.complete) * 1000 / u64::from(self.items)) as u32
    }

    /// Whether any column a unit is asked about is non-zero.
    pub fn at_risk(&self) -> bool {
        self.score() > 0
    }
}

/// When a unit last changed its ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LastChange {
    /// The latest date recorded in the ledger (a tick, an entry, a rate, a file): the file
    /// carries no journal time (its ledger had no journal).
    Recorded(Date),
    /// The time of the last change in the unit's journal, from the file's header.
    Journal(Timestamp),
}

/// One item's state in the matrix, most urgent first when several apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellState {
    Overdue,
    Below,
    Behind,
    /// Not complete, not due, on pace.
    Open,
    Done,
}

/// One item of one unit: its state and the figure behind it (1/0 for a duty, entries for
/// a count, percent for a rate, hours for hours; as in `progress`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub state: CellState,
    pub value: f64,
    /// A rate recorded as 0/0 (no cases this year).
    pub no_cases: bool,
    /// A rate with no figures yet.
    pub unrecorded: bool,
}

/// The figures of `ledger` against `checklist` on `today`, and one cell per item in
/// checklist order.
pub fn figures(checklist: &Checklist, ledger: &Ledger, today: Date) -> (Figures, Vec<Cell>) {
    let st = progress::status(checklist, ledger, today);
    let mut f = Figures {
        items: st.total as u32,
        complete: st.done as u32,
        ..Figures::default()
    };
    let mut cells = Vec::with_capacity(st.items.len());
    for s in &st.items {
        let behind = !s.complete
            && !s.overdue
            && pace(s, checklist.year, today).is_some_and(|p| p.state() == PaceState::Behind);
        let rate = s.record.and_then(|r| r.rate.as_ref());
        let below = matches!(s.item.kind, Kind::Rate { .. }) && rate.is_some() && !s.complete;
        f.overdue += u32::from(s.overdue);
        f.behind += u32::from(behind);
        f.below += u32::from(below);
        f.due_soon += u32::from(s.due_soon());
        f.no_evidence += u32::from(s.record.is_some_and(lacks_evidence));
        let state = if s.complete {
            CellState::Done
        } else if s.overdue {
            CellState::Overdue
        } else if below {
            CellState::Below
        } else if behind {
            CellState::Behind
        } else {
            CellState::Open
        };
        cells.push(cell(s, state));
    }
    (f, cells)
}

fn cell(s: &ItemStatus<'_>, state: CellState) -> Cell {
    let rate = s.record.and_then(|r| r.rate.as_ref());
    Cell {
        state,
        value: s.value,
        no_cases: rate.is_some_and(|r| r.no_cases()),
        unrecorded: matches!(s.item.kind, Kind::Rate { .. }) && rate.is_none(),
    }
}

/// Whether something recorded for the item has no evidence: no text and no file for it,
/// and none kept for the item as a whole.
pub fn lacks_evidence(r: &ItemRecord) -> bool {
    let whole = !r.evidence.trim().is_empty() || r.files_of(None).next().is_some();
    if whole {
        return false;
    }
    let bare = |text: &str| text.trim().is_empty();
    let done = r.done.as_ref().is_some_and(|d| bare(&d.evidence));
    let rate = r.rate.as_ref().is_some_and(|x| bare(&x.evidence));
    let entries = r
        .entries
        .iter()
        .any(|e| bare(&e.evidence) && r.files_of(Some(&e.id)).next().is_none());
    done || rate || entries
}

/// The latest day anything in `ledger` was recorded for.
pub fn latest_record(ledger: &Ledger) -> Option<Date> {
    ledger
        .items
        .values()
        .flat_map(|r| {
            let done = r.done.iter().map(|d| d.date);
            let rate = r.rate.iter().map(|x| x.date);
            let entries = r.entries.iter().map(|e| e.date);
            let files = r.files.iter().map(|f| f.date);
            done.chain(rate).chain(entries).chain(files)
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{BUILTIN_DEFAULT, load};
    use crate::i18n::Lang;
    use crate::ledger::{Attachment, Change, Ctx};
    use jiff::civil::date;

    fn builtin() -> Checklist {
        load(BUILTIN_DEFAULT.as_bytes(), "t", 2024, Lang::Zh).unwrap()
    }

    #[test]
    fn each_column_counts_on_its_own() {
        let c = builtin();
        let mut l = Ledger::new(&c.id, 2024);
        let ctx = Ctx {
            today: date(2024, 6, 1),
            now: jiff::Timestamp::UNIX_EPOCH,
            user: "u".into(),
        };
        let changes = [
            Change::Check {
                item: "annual-plan".into(),
                date: date(2024, 3, 1),
                evidence: "文号".into(),
            },
            Change::Rate {
                item: "exam-pass".into(),
                numerator: 40,
                denominator: 46,
                date: date(2024, 5, 1),
                evidence: String::new(),
            },
            Change::Log {
                item: "center-group".into(),
                date: date(2024, 3, 1),
                topic: "宪法".into(),
                hours: None,
                evidence: String::new(),
                people: Default::default(),
                also: Vec::new(),
            },
        ];
        for ch in &changes {
            l.change(&c, ch, &ctx).unwrap();
        }
        let (f, cells) = figures(&c, &l, ctx.today);
        let st = progress::status(&c, &l, ctx.today);
        assert_eq!(f.items as usize, c.item_count());
        assert_eq!(f.complete as usize, st.done);
        assert_eq!(f.overdue as usize, st.overdue());
        assert_eq!(f.below, 1, "exam-pass 40/46");
        // exam-pass (rate without evidence) and center-group (a session without).
        assert_eq!(f.no_evidence, 2);
        let at = |id: &str| cells[st.items.iter().position(|s| s.item.id == id).unwrap()];
        assert_eq!(at("annual-plan").state, CellState::Done);
        assert_eq!(at("exam-pass").state, CellState::Below);
        assert_eq!(at("study-plan").state, CellState::Overdue);
        assert!(at("exam-participation").unrecorded);
        assert_eq!(
            f.score(),
            3 * f.overdue + 2 * f.behind + 2 * f.below + f.no_evidence
        );
    }

    #[test]
    fn a_file_kept_is_evidence() {
        let c = builtin();
        let mut l = Ledger::new(&c.id, 2024);
        let ctx = Ctx {
            today: date(2024, 6, 1),
            now: jiff::Timestamp::UNIX_EPOCH,
            user: "u".into(),
        };
        let log = Change::Log {
            item: "center-group".into(),
            date: date(2024, 3, 1),
            topic: "宪法".into(),
            hours: None,
            evidence: String::new(),
            people: Default::default(),
            also: Vec::new(),
        };
        l.change(&c, &log, &ctx).unwrap();
        let r = l.items.get_mut("center-group").unwrap();
        assert!(lacks_evidence(r));
        let entry = r.entries[0].id.to_string();
        r.files.push(Attachment {
            name: "签到表.pdf".into(),
            size: 1,
            sha256: "0".repeat(64),
            date: date(2024, 3, 1),
            entry: Some(entry),
            by: "u".into(),
        });
        assert!(!lacks_evidence(r));
        assert_eq!(latest_record(&l), Some(date(2024, 3, 1)));
    }
}
