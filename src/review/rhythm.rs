//! Rhythms: a counted item due every month or every quarter (会前学法 monthly, 中心组
//! quarterly), and the months or quarters that have passed without one.

use jiff::civil::Date;

use super::pace::window;
use crate::checklist::{Item, Rhythm};
use crate::ledger::ItemRecord;

/// A month (`Month(3)`) or a quarter (`Quarter(1)`) of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Period {
    Month(i16, i8),
    Quarter(i16, i8),
}

impl Period {
    fn of(rhythm: Rhythm, d: Date) -> Period {
        match rhythm {
            Rhythm::Monthly => Period::Month(d.year(), d.month()),
            Rhythm::Quarterly => Period::Quarter(d.year(), (d.month() - 1) / 3 + 1),
        }
    }

    /// The first day of the period.
    fn start(self) -> Date {
        match self {
            Period::Month(y, m) => Date::new(y, m, 1),
            Period::Quarter(y, q) => Date::new(y, (q - 1) * 3 + 1, 1),
        }
        .unwrap_or(Date::MIN)
    }

    fn next(self) -> Period {
        match self {
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
        }
    }
}

/// The whole months or quarters of `item`'s window that ended before `today` with no entry
/// dated in them. Nothing for an item without a rhythm.
pub fn missed(item: &Item, record: Option<&ItemRecord>, year: i16, today: Date) -> Vec<Period> {
    let Some(rhythm) = item.rhythm else {
        return Vec::new();
    };
    let (from, to) = window(item, year);
    let logged: Vec<Period> = record
        .map(|r| {
            r.entries
                .iter()
                .map(|e| Period::of(rhythm, e.date))
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut p = Period::of(rhythm, from);
    // A period counts once it has ended, and only if it began within the window.
    while p.start() <= to {
        let ended = p.next().start() <= today;
        if !ended {
            break;
        }
        if p.start() >= Period::of(rhythm, from).start() && !logged.contains(&p) {
            out.push(p);
        }
        p = p.next();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{BUILTIN_DEFAULT, load};
    use crate::i18n::Lang;
    use crate::ledger::Entry;
    use jiff::civil::date;

    fn entry(d: Date) -> Entry {
        Entry {
            id: format!("{d}").into(),
            date: d,
            topic: "学法".into(),
            hours: None,
            evidence: Default::default(),
            by: Default::default(),
            presided: String::new(),
            attended: String::new(),
            linked: Vec::new(),
        }
    }

    #[test]
    fn passed_months_and_quarters_without_an_entry() {
        let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2025, Lang::Zh).unwrap();
        let mut item = c.item("pre-meeting-study").unwrap().clone();
        item.rhythm = Some(Rhythm::Monthly);
        let record = ItemRecord {
            entries: vec![
                entry(date(2025, 1, 9)),
                entry(date(2025, 3, 2)),
                entry(date(2025, 3, 20)),
            ],
            ..Default::default()
        };
        // On 15 May: January and March have one, February and April none; May is not over.
        assert_eq!(
            missed(&item, Some(&record), 2025, date(2025, 5, 15)),
            [Period::Month(2025, 2), Period::Month(2025, 4)]
        );
        item.rhythm = Some(Rhythm::Quarterly);
        assert_eq!(
            missed(&item, Some(&record), 2025, date(2025, 7, 1)),
            [Period::Quarter(2025, 2)]
        );
        assert!(missed(&item, Some(&record), 2025, date(2025, 3, 31)).is_empty());
        item.rhythm = None;
        assert!(missed(&item, None, 2025, date(2025, 12, 31)).is_empty());
    }
}
