//! Pacing: how far a counted or hours item should be by a given day, and how far off it is.
//!
//! Pure: the day comes in. The window is the item's `start` (or 1 January of the checklist
//! year) to its due date; the expected value grows evenly across it, counting today as
//! elapsed, so on the due date the whole target is expected.

use jiff::civil::Date;

use crate::checklist::{Item, Kind};
use crate::progress::ItemStatus;
use crate::text::dates::days_between;

/// How a counted or hours item keeps pace with its target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// Expected value by today. Whole occurrences for counted items (a meeting is held or
    /// not, so nobody is "behind" until a whole one is due); hours keep their fraction.
    pub expected: f64,
    /// How far behind (positive) or ahead (negative) of that.
    pub behind: f64,
}

/// Ahead of, on, or behind pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaceState {
    Ahead,
    OnPace,
    Behind,
}

impl Pace {
    /// Ahead, on or behind pace, as the figures are shown (to one decimal): no difference
    /// smaller than what is printed is ever claimed.
    pub fn state(&self) -> PaceState {
        let tenths = |x: f64| (x * 10.0).round() as i64;
        let (expected, value) = (tenths(self.expected), tenths(self.expected - self.behind));
        match expected.cmp(&value) {
            std::cmp::Ordering::Greater => PaceState::Behind,
            std::cmp::Ordering::Less => PaceState::Ahead,
            std::cmp::Ordering::Equal => PaceState::OnPace,
        }
    }

    /// Whether anything is due yet by this pace: early in the window (expected 0 when
    /// shown) being "ahead" or "on pace" says nothing.
    pub fn says_anything(&self) -> bool {
        (self.expected * 10.0).round() >= 1.0
    }
}

/// The item's pacing window for a checklist of `year`: start (or 1 January) to due date.
pub fn window(item: &Item, year: i16) -> (Date, Date) {
    let from = item
        .start
        .map(|s| s.resolve(year))
        .unwrap_or_else(|| Date::new(year, 1, 1).unwrap_or(Date::MIN));
    (from, item.due_date(year))
}

/// Share of the window elapsed by the end of `today`, 0.0 to 1.0.
pub fn elapsed_share(from: Date, to: Date, today: Date) -> f64 {
    if today < from {
        return 0.0;
    }
    if today >= to {
        return 1.0;
    }
    // Both ends count as days of the window: on `from` one day of it has passed.
    let total = days_between(from, to) + 1;
    let done = days_between(from, today) + 1;
    done as f64 / total as f64
}

/// Pace of `status` on `today`; `None` for kinds without a yearly quantity.
pub fn pace(status: &ItemStatus<'_>, year: i16, today: Date) -> Option<Pace> {
    let (from, to) = window(status.item, year);
    let share = elapsed_share(from, to, today);
    let expected = match status.item.kind {
        Kind::Count { target } => (f64::from(target) * share + 1e-9).floor(),
        Kind::Hours { target } => target * share,
        Kind::Task | Kind::Rate { .. } => return None,
    };
    Some(Pace {
        expected,
        behind: expected - status.value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn share_counts_both_ends_and_clamps() {
        let (a, b) = (date(2024, 1, 1), date(2024, 12, 31));
        assert_eq!(elapsed_share(a, b, date(2023, 12, 31)), 0.0);
        assert_eq!(elapsed_share(a, b, a), 1.0 / 366.0);
        assert_eq!(elapsed_share(a, b, date(2024, 2, 29)), 60.0 / 366.0);
        assert_eq!(elapsed_share(a, b, b), 1.0);
        assert_eq!(elapsed_share(a, b, date(2025, 2, 1)), 1.0);
    }

    #[test]
    fn labels_name_the_gap_as_shown_and_nothing_before_anything_is_due() {
        use crate::i18n::Lang;
        let label = |p: &Pace, k: Kind, l: Lang| l.words().pace(p, k);
        let p = Pace {
            expected: 10.0,
            behind: 3.0,
        };
        let count = Kind::Count { target: 12 };
        assert_eq!(label(&p, count, Lang::Zh).unwrap(), "按进度应为10，落后3次");
        assert_eq!(
            label(&p, count, Lang::En).unwrap(),
            "expected 10 by now, 3 behind"
        );
        let ahead = Pace {
            expected: 7.5,
            behind: -2.5,
        };
        let hours = Kind::Hours { target: 20.0 };
        assert_eq!(
            label(&ahead, hours, Lang::Zh).unwrap(),
            "按进度应为7.5，超前2.5学时"
        );
        assert_eq!(ahead.state(), PaceState::Ahead);
        let on = Pace {
            expected: 4.0,
            behind: 0.0,
        };
        assert_eq!(
            label(&on, count, Lang::Zh).unwrap(),
            "按进度应为4，进度正常"
        );
        // "expected 0, 1 ahead" is a rounding artefact, never said.
        let early = Pace {
            expected: 0.0,
            behind: -1.0,
        };
        assert_eq!(label(&early, count, Lang::Zh), None);
        // A gap smaller than the shown decimal is no gap.
        let close = Pace {
            expected: 10.04,
            behind: 0.04,
        };
        assert_eq!(close.state(), PaceState::OnPace);
        assert_eq!(
            label(&close, hours, Lang::Zh).unwrap(),
            "按进度应为10，进度正常"
        );
    }
}
