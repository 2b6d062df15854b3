//! Progress: where each item stands against its target on a given day, per section and overall.
//!
//! Pure: the day is passed in. Used by `duty status`, the screen, the review and the report.

use jiff::civil::Date;

use crate::checklist::{Checklist, Item, Kind, Section};
use crate::ledger::{ItemRecord, Ledger};

/// Items due within this many days are "due soon".
pub const DUE_SOON_DAYS: i64 = 30;

/// Where one item stands.
#[derive(Debug, Clone)]
pub struct ItemStatus<'a> {
    pub section: &'a Section,
    pub item: &'a Item,
    pub record: Option<&'a ItemRecord>,
    /// 1/0 for a duty, entries for a count, percent for a rate, hours for hours.
    pub value: f64,
    pub target: Option<f64>,
    pub complete: bool,
    pub due: Date,
    /// Days from today to the due date (negative once past).
    pub days_left: i64,
    pub overdue: bool,
}

impl ItemStatus<'_> {
    /// A duty ticked with a completion date after its due date: inspectors ask about those.
    pub fn done_late(&self) -> bool {
        self.record
            .and_then(|r| r.done.as_ref())
            .is_some_and(|done| matches!(self.item.kind, Kind::Task) && done.date > self.due)
    }

    /// Due within [`DUE_SOON_DAYS`] and not complete.
    pub fn due_soon(&self) -> bool {
        !self.complete && (0..=DUE_SOON_DAYS).contains(&self.days_left)
    }

    /// Share of the target reached, 0.0 to 1.0.
    pub fn fraction(&self) -> f64 {
        match self.target {
            None => f64::from(u8::from(self.complete)),
            Some(t) if t > 0.0 => (self.value / t).clamp(0.0, 1.0),
            Some(_) => 0.0,
        }
    }

    /// Number of logged entries (0 for kinds that log none).
    pub fn entry_count(&self) -> usize {
        self.record.map_or(0, |r| r.entries.len())
    }
}

/// Where one item stands on `today`.
pub fn item_status<'a>(
    section: &'a Section,
    item: &'a Item,
    record: Option<&'a ItemRecord>,
    year: i16,
    today: Date,
) -> ItemStatus<'a> {
    let (value, complete) = match item.kind {
        Kind::Task => {
            let done = record.is_some_and(|r| r.done.is_some());
            (f64::from(u8::from(done)), done)
        }
        Kind::Count { target } => {
            let n = record.map_or(0, |r| r.entries.len());
            (n as f64, n >= target as usize)
        }
        Kind::Rate { target } => match record.and_then(|r| r.rate.as_ref()) {
            // Compare exactly in integers where possible: 46/46 is 100%, never 99.999…%.
            // A year with no cases has nothing to fall short of.
            Some(rate) if rate.no_cases() => (0.0, true),
            Some(rate) => (
                rate.percent(),
                rate.numerator as f64 * 100.0 >= target * rate.denominator as f64 - 1e-9,
            ),
            None => (0.0, false),
        },
        Kind::Hours { target } => {
            let h = total_hours(record);
            (h, h + 1e-9 >= target)
        }
    };
    let due = item.due_date(year);
    let days_left = crate::text::dates::days_between(today, due);
    ItemStatus {
        section,
        item,
        record,
        value,
        target: item.kind.target(),
        complete,
        due,
        days_left,
        overdue: !complete && days_left < 0,
    }
}

/// Sum of logged hours.
pub fn total_hours(record: Option<&ItemRecord>) -> f64 {
    record.map_or(0.0, |r| r.entries.iter().filter_map(|e| e.hours).sum())
}

/// Progress of one section.
#[derive(Debug, Clone)]
pub struct SectionStatus<'a> {
    pub section: &'a Section,
    pub done: usize,
    pub total: usize,
}

/// The whole picture for one day.
#[derive(Debug, Clone)]
pub struct Status<'a> {
    pub items: Vec<ItemStatus<'a>>,
    pub sections: Vec<SectionStatus<'a>>,
    pub done: usize,
    pub total: usize,
    /// Records in the ledger whose item is no longer in the checklist.
    pub orphans: Vec<(&'a str, &'a ItemRecord)>,
}

impl Status<'_> {
    pub fn overdue(&self) -> usize {
        self.items.iter().filter(|s| s.overdue).count()
    }

    /// The nearest due date among items not complete, from today on.
    pub fn next_deadline(&self) -> Option<&ItemStatus<'_>> {
        self.items
            .iter()
            .filter(|s| !s.complete && s.days_left >= 0)
            .min_by_key(|s| s.due)
    }
}

/// Where every item of `checklist` stands in `ledger` on `today`.
pub fn status<'a>(checklist: &'a Checklist, ledger: &'a Ledger, today: Date) -> Status<'a> {
    let mut items = Vec::with_capacity(checklist.item_count());
    let mut sections = Vec::with_capacity(checklist.sections.len());
    for section in &checklist.sections {
        let first = items.len();
        for item in &section.items {
            items.push(item_status(
                section,
                item,
                ledger.record(&item.id),
                checklist.year,
                today,
            ));
        }
        let done = items[first..].iter().filter(|s| s.complete).count();
        sections.push(SectionStatus {
            section,
            done,
            total: section.items.len(),
        });
    }
    let done = sections.iter().map(|s| s.done).sum();
    let total = items.len();
    let orphans = ledger
        .items
        .iter()
        .filter(|(id, _)| checklist.item(id).is_none())
        .map(|(id, r)| (id.as_str(), r))
        .collect();
    Status {
        items,
        sections,
        done,
        total,
        orphans,
    }
}

impl ItemStatus<'_> {
    /// The item's state at a glance: `已完成（2024年3月1日）`, `3/4 次`, `92%（目标 100%）`,
    /// `12.5/20 学时`. The screen, the sheets and the reports all ask for it by language.
    pub fn state_label(&self, lang: crate::i18n::Lang) -> String {
        lang.words().item_state(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{BUILTIN_DEFAULT, load};
    use crate::i18n::Lang;
    use crate::ledger::{Change, Ctx};
    use jiff::civil::date;

    #[test]
    fn status_counts_each_kind() {
        let c = load(BUILTIN_DEFAULT.as_bytes(), "t", 2024, Lang::Zh).unwrap();
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
                evidence: String::new(),
            },
            Change::Rate {
                item: "exam-participation".into(),
                numerator: 46,
                denominator: 46,
                date: date(2024, 5, 1),
                evidence: String::new(),
            },
            Change::Rate {
                item: "exam-pass".into(),
                numerator: 45,
                denominator: 46,
                date: date(2024, 5, 1),
                evidence: String::new(),
            },
            Change::Log {
                item: "study-hours".into(),
                date: date(2024, 5, 1),
                topic: "网课".into(),
                hours: Some(12.5),
                evidence: String::new(),
                people: Default::default(),
                also: Vec::new(),
            },
            Change::Log {
                item: "legal-adviser".into(),
                date: date(2024, 5, 1),
                topic: "张律师".into(),
                hours: None,
                evidence: String::new(),
                people: Default::default(),
                also: Vec::new(),
            },
        ];
        for ch in &changes {
            l.change(&c, ch, &ctx).unwrap();
        }
        l.items.insert(
            "removed-item".into(),
            ItemRecord {
                note: "x".into(),
                ..Default::default()
            },
        );
        let s = status(&c, &l, date(2024, 6, 1));
        let get = |id: &str| s.items.iter().find(|i| i.item.id == id).unwrap();
        assert!(get("annual-plan").complete);
        assert!(get("exam-participation").complete, "46/46 is exactly 100%");
        assert!(!get("exam-pass").complete);
        assert_eq!(get("study-hours").value, 12.5);
        assert!(get("legal-adviser").complete);
        assert!(get("study-plan").overdue, "due 03-31, not done by 06-01");
        assert!(!get("center-group").overdue);
        assert_eq!(s.done, 3);
        assert_eq!(s.total, c.item_count());
        assert_eq!(s.orphans.len(), 1);
        assert_eq!(s.sections.iter().map(|x| x.done).sum::<usize>(), 3);
        assert_eq!(s.next_deadline().unwrap().item.id, "constitution-day");
    }
}
