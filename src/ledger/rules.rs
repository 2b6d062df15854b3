//! Every rule a record must keep, in one place: dates within the year's window and not in
//! the future, hours and rates within bounds, text without control characters. Used when a
//! change is resolved and when a ledger from elsewhere is audited.

use jiff::civil::Date;

use super::error::{ChangeError, Field};
use crate::text;

pub use crate::text::dates::year_window;

/// Most hours one logged entry may carry: a multi-day course (five days of eight hours
/// with room to spare), far below what a slip of the keyboard (`--hours 2000`) would give.
pub const MAX_ENTRY_HOURS: f64 = 200.0;

/// Largest numerator or denominator of a rate: far above any unit's headcount, far below
/// where sums of figures could overflow.
pub const MAX_RATE_COUNT: u64 = 100_000_000;

/// Dates must fall in the year's window, and not after today: a session is logged once it
/// has happened, and a future date would count towards a target too early.
pub fn date_allowed(year: i16, date: Date, today: Date) -> Result<(), ChangeError> {
    let (from, to) = year_window(year);
    if !(from..=to).contains(&date) {
        return Err(ChangeError::DateOutside { date, from, to });
    }
    if date > today {
        return Err(ChangeError::InFuture { date, today });
    }
    Ok(())
}

pub fn in_year(year: i16, date: Date) -> bool {
    let (from, to) = year_window(year);
    (from..=to).contains(&date)
}

pub fn hours_valid(hours: f64) -> bool {
    hours.is_finite() && hours > 0.0 && hours <= MAX_ENTRY_HOURS
}

/// A rate's figures: a numerator up to the denominator, or 0/0 for a year with no cases
/// (no lawsuit to appear in, no normative document to file).
pub fn rate_valid(numerator: u64, denominator: u64) -> bool {
    numerator <= denominator && denominator <= MAX_RATE_COUNT
}

/// Text may hold any Unicode but control characters and bidi overrides.
pub fn clean(field: Field, s: &str) -> Result<(), ChangeError> {
    text::check_input(s)
        .map(|_| ())
        .map_err(|bad| ChangeError::UnsafeText { field, ch: bad.ch })
}

/// A short id (six base-32 characters) for a new entry, unique within the item. It is
/// derived from the moment, the person, the content and how many entries the item holds
/// (`existing`), so that ledgers kept on different machines rarely share ids, and entries
/// made at one fixed moment (`DUTY_NOW`) with one topic do not all start from the same id.
/// A collision within the item tries the next six characters of the derivation; only after
/// a thousand taken tries does the id lengthen.
pub fn entry_id(
    nanos: i128,
    by: &str,
    item: &str,
    topic: &str,
    existing: usize,
    taken: impl Fn(&str) -> bool,
) -> String {
    use std::hash::{Hash, Hasher};
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let six = |attempt: u64| -> String {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (nanos, by, item, topic, attempt).hash(&mut hasher);
        let mut bits = hasher.finish();
        (0..6)
            .map(|_| {
                let c = ALPHABET[(bits & 31) as usize] as char;
                bits >>= 5;
                c
            })
            .collect()
    };
    let mut prefix = String::new();
    let mut tries = 0u64;
    loop {
        let id = format!("{prefix}{}", six(existing as u64 + tries));
        if !taken(&id) {
            return id;
        }
        tries += 1;
        if tries.is_multiple_of(1024) {
            prefix = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_in_the_window_and_not_ahead_of_today() {
        let today = date(2025, 3, 1);
        assert!(date_allowed(2024, date(2024, 1, 1), today).is_ok());
        assert!(date_allowed(2024, date(2025, 3, 1), today).is_ok());
        assert!(matches!(
            date_allowed(2024, date(2025, 3, 2), today),
            Err(ChangeError::InFuture { .. })
        ));
        assert!(matches!(
            date_allowed(2024, date(2023, 12, 31), today),
            Err(ChangeError::DateOutside { .. })
        ));
        assert!(matches!(
            date_allowed(2024, date(2025, 7, 1), date(2026, 1, 1)),
            Err(ChangeError::DateOutside { .. })
        ));
    }

    #[test]
    fn hours_and_rates_within_bounds() {
        assert!(hours_valid(0.5) && hours_valid(40.0) && hours_valid(MAX_ENTRY_HOURS));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, MAX_ENTRY_HOURS + 0.5] {
            assert!(!hours_valid(bad), "{bad}");
        }
        assert!(rate_valid(46, 46) && rate_valid(0, 1) && rate_valid(0, 0));
        assert!(!rate_valid(1, 0) && !rate_valid(47, 46) && !rate_valid(0, MAX_RATE_COUNT + 1));
    }

    #[test]
    fn entry_ids_are_short_stable_and_never_taken() {
        let a = entry_id(1, "李", "center-group", "《宪法》", 0, |_| false);
        assert_eq!(a.len(), 6);
        assert_eq!(
            a,
            entry_id(1, "李", "center-group", "《宪法》", 0, |_| false)
        );
        let b = entry_id(1, "李", "center-group", "《宪法》", 0, |id| id == a);
        assert_ne!(a, b);
        assert_eq!(b.len(), 6);
        // Two thousand entries of one moment, person, item and topic: six characters each,
        // each found at once or nearly.
        let mut taken = std::collections::HashSet::new();
        for n in 0..2_000 {
            let tries = std::cell::Cell::new(0);
            let id = entry_id(1, "李", "center-group", "《宪法》", n, |id| {
                tries.set(tries.get() + 1);
                taken.contains(id)
            });
            assert_eq!(id.len(), 6, "{id}");
            assert!(tries.get() <= 3, "{n}: {} tries", tries.get());
            taken.insert(id);
        }
        // An item crowded beyond reason still gets a free id, a longer one.
        let long = entry_id(1, "李", "center-group", "《宪法》", 0, |id| {
            id.len() == 6
        });
        assert_eq!(long.len(), 12);
    }
}
