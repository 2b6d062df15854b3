//! The checklist: a unit's duties for one year, as validated types that cannot be wrong.
//!
//! Checklists are written in RON (see `checklists/README.md`); [`load`] parses the raw text,
//! then refines it into these types (unique ids, positive targets, real dates, templates that
//! name only placeholders with a value). Nothing here touches the filesystem or the clock.

mod builtin;
mod diagnose;
mod find;
pub mod lint;
mod load;
mod locate;
mod owners;
mod raw;
mod text;
#[cfg(test)]
mod text_tests;
mod texts;
mod to_raw;
mod validate;

pub use builtin::{BUILTIN_DEFAULT, BUILTIN_ORIGIN};
pub(crate) use diagnose::{Expected, Shape, Syntax};
pub use find::NotFound;
pub use load::{MAX_CHECKLIST_BYTES, load, load_sized};
pub use raw::{
    RawChecklist, RawFive, RawIfShort, RawItem, RawKind, RawReport, RawSection, RawShufa,
};
pub use text::{FiveText, IfShort, ReportText, ShufaText};
pub(crate) use validate::counts_people;
pub(crate) use validate::kind_name;

use jiff::civil::Date;

use crate::template::Template;

/// A validated checklist for one year.
/// Item id → (section, item) position. Hashed with foldhash, not SipHash: the keys come from
/// the unit's own file, and hashing 10,000 ids was a twentieth of reading a large checklist.
pub(crate) type ItemIndex = foldhash::HashMap<String, (usize, usize)>;

#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    /// Stable key (ASCII slug); the ledger is filed under it.
    pub id: String,
    pub title: String,
    /// The unit's name, e.g. 河源市政务服务和数据管理局.
    pub organization: String,
    pub year: i16,
    /// Whether `year` was written in the file (a file without one follows the calendar).
    pub year_explicit: bool,
    pub report: ReportText,
    /// The completion ledger's spreadsheet columns (`ledger_columns`); empty: the default.
    pub ledger_columns: Vec<crate::sheet::LedgerColumn>,
    pub sections: Vec<Section>,
    /// Item id → (section, item) position, so lookups stay cheap on 10 000-item lists.
    index: ItemIndex,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// The sub-heading when the report numbers its sections （一）（二）; else the title.
    pub heading: Option<Template>,
    /// What opens the section's paragraph; `None` for the report's default lead-in.
    pub lead_in: Option<Template>,
    /// The unit's own clauses for the section's paragraph, naming any item's figures; items
    /// no clause states get their own sentences after them.
    pub clauses: Vec<Template>,
    pub items: Vec<Item>,
}

/// One duty or target.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// 责任科室; empty when the checklist names none.
    pub owner: String,
    pub kind: Kind,
    /// Start of the item's window (pacing runs from here), when not the year's start.
    pub start: Option<DueSpec>,
    pub due: DueSpec,
    /// Which 佐证材料 to keep.
    pub evidence: String,
    /// The sentence for section three.
    pub report: Template,
    /// Whether an item short of its target is still stated with its real figures.
    pub if_short: IfShort,
    /// The sentence for a rate recorded as 0/0 (no cases this year).
    pub no_cases: Option<Box<Template>>,
    /// A duty of the reporting process that follows the report (approving, submitting,
    /// publishing it; the next year's 述法): never in that year's report. By default, any
    /// item due in the next year.
    pub follows_report: bool,
    /// The section-five sentence when the item falls short; `None` for the default by kind.
    pub shortfall: Option<Box<Template>>,
    /// The first-person sentence for the 述法 report; `None` uses `report` in the first
    /// person, an empty template leaves the item out.
    pub shufa: Option<Box<Template>>,
    /// Set on items carried over from an unfinished earlier year by `duty rollover`.
    pub carried_from: Option<i16>,
    /// A one-off duty of this year only (see [`RawItem::once`]).
    pub once: bool,
    /// How often a counted item falls due within the year, if it says.
    pub rhythm: Option<Rhythm>,
}

/// How often a counted item falls due within its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rhythm {
    Monthly,
    Quarterly,
}

impl Rhythm {
    /// `monthly`, `每月`; `quarterly`, `每季度`, `每季`.
    pub fn parse(s: &str) -> Option<Rhythm> {
        match s.trim().to_lowercase().as_str() {
            "monthly" | "每月" | "月" => Some(Rhythm::Monthly),
            "quarterly" | "每季度" | "每季" | "季度" => Some(Rhythm::Quarterly),
            _ => None,
        }
    }

    pub fn to_source(self) -> &'static str {
        match self {
            Rhythm::Monthly => "monthly",
            Rhythm::Quarterly => "quarterly",
        }
    }
}

/// What kind of progress an item records, with its target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Done once (a yes/no duty).
    Task,
    /// `target` occurrences a year, each logged with date and topic.
    Count { target: u32 },
    /// numerator / denominator against `target` percent (0 < target ≤ 100).
    Rate { target: f64 },
    /// Logged hours against a yearly total.
    Hours { target: f64 },
}

/// The kind without its target: what JSON calls `"task"`, `"count"`, `"rate"`, `"hours"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KindTag {
    Task,
    Count,
    Rate,
    Hours,
}

impl KindTag {
    pub fn as_str(self) -> &'static str {
        match self {
            KindTag::Task => "task",
            KindTag::Count => "count",
            KindTag::Rate => "rate",
            KindTag::Hours => "hours",
        }
    }
}

impl Kind {
    pub fn tag(self) -> KindTag {
        match self {
            Kind::Task => KindTag::Task,
            Kind::Count { .. } => KindTag::Count,
            Kind::Rate { .. } => KindTag::Rate,
            Kind::Hours { .. } => KindTag::Hours,
        }
    }

    /// The numeric target, if the kind has one.
    pub fn target(self) -> Option<f64> {
        match self {
            Kind::Task => None,
            Kind::Count { target } => Some(f64::from(target)),
            Kind::Rate { target } | Kind::Hours { target } => Some(target),
        }
    }
}

/// A due (or start) date as written: relative to the checklist year, or absolute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueSpec {
    /// `"03-31"`: in the checklist year.
    InYear { month: i8, day: i8 },
    /// `"next-03-01"`: in the year after (the report and 述法 fall in next year's Q1).
    NextYear { month: i8, day: i8 },
    /// `"2025-03-01"`: a fixed date.
    On(Date),
}

impl DueSpec {
    /// The calendar date for a checklist of `year`. Relative days that do not exist in that
    /// year (`02-29` outside a leap year) fall back to the last day of the month.
    pub fn resolve(self, year: i16) -> Date {
        let clamp = |y: i16, m: i8, d: i8| {
            Date::new(y, m, d).unwrap_or_else(|_| {
                Date::new(y, m, 1)
                    .map(|first| first.last_of_month())
                    .unwrap_or(Date::MAX)
            })
        };
        match self {
            DueSpec::InYear { month, day } => clamp(year, month, day),
            DueSpec::NextYear { month, day } => clamp(year.saturating_add(1), month, day),
            DueSpec::On(d) => d,
        }
    }

    /// The spec as it is written in a checklist file.
    pub fn to_source(self) -> String {
        match self {
            DueSpec::InYear { month, day } => format!("{month:02}-{day:02}"),
            DueSpec::NextYear { month, day } => format!("next-{month:02}-{day:02}"),
            DueSpec::On(d) => crate::text::dates::iso(d),
        }
    }
}

impl Item {
    pub fn due_date(&self, year: i16) -> Date {
        self.due.resolve(year)
    }
}

/// Whether `id` is a valid id: 1 to 64 ASCII letters, digits, `-` or `_`, starting with a
/// letter or digit. Ledgers are filed under checklist ids, so they must be safe file names.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A guess at the checklist id and year in `bytes` (see [`locate::Locations::identity`]),
/// for starting work that depends on them before the full parse is done.
pub fn identity_hint(bytes: &[u8], default_year: i16) -> Option<(String, i16)> {
    /// The id and year come before the sections; only this much of the head is decoded, so
    /// the guess costs microseconds even for a 5 MB file.
    const HEAD: usize = 64 * 1024;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(HEAD)];
    let src = match std::str::from_utf8(head) {
        Ok(src) => src,
        // A character cut in two at the end of the head is fine; a bad byte is not.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    let (id, year) = locate::Locations::identity(src);
    // The guess names a directory and a cache file before the checklist is validated: an id
    // that validation would refuse (`../x`) must not name anything.
    let id = id.filter(|id| is_slug(id));
    let year = match year {
        None => default_year,
        Some(y) => i16::try_from(y).ok()?,
    };
    Some((id?, year))
}

impl Checklist {
    /// Every item with the section it belongs to, in checklist order.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.locate(id).map(|(_, i)| i)
    }

    /// The item with `id` and its section.
    pub fn locate(&self, id: &str) -> Option<(&Section, &Item)> {
        let &(si, ii) = self.index.get(id)?;
        let section = &self.sections[si];
        Some((section, &section.items[ii]))
    }

    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }

    /// Item ids closest to `id` (for "did you mean"), best first.
    pub fn suggest(&self, id: &str) -> Vec<&str> {
        let mut scored: Vec<(f64, &str)> = self
            .items()
            .map(|(_, i)| (strsim::jaro_winkler(id, &i.id), i.id.as_str()))
            .filter(|(score, _)| *score > 0.7)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().take(3).map(|(_, id)| id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::identity_hint;

    #[test]
    fn identity_hint_reads_the_head_only() {
        let builtin = identity_hint(super::BUILTIN_DEFAULT.as_bytes(), 2031);
        assert_eq!(builtin, Some(("rule-of-law-duties".to_string(), 2031)));
        let with_year = b"\xEF\xBB\xBF// c\n(id: \"a-b\", title: \"\xE6\xB3\x95\", year: 2024, sections: [ (((( ";
        assert_eq!(
            identity_hint(with_year, 2031),
            Some(("a-b".to_string(), 2024))
        );
        // A year after the sections is not seen: the guess is the default, checked later.
        let late = br#"(id: "x", sections: [], year: 2024)"#;
        assert_eq!(identity_hint(late, 2031), Some(("x".to_string(), 2031)));
        // Only the head is read: a character cut at its end is fine, a large file is too.
        let mut long = "(id: \"long\", year: 2024, title: \"".as_bytes().to_vec();
        while long.len() < 200_000 {
            long.extend_from_slice("学法".as_bytes());
        }
        for cut in [65_535, 65_536, 65_537, 65_538] {
            assert_eq!(
                identity_hint(&long[..cut], 2031),
                Some(("long".to_string(), 2024)),
                "{cut}"
            );
        }
        assert_eq!(identity_hint(&long, 2031), Some(("long".to_string(), 2024)));
        // An id that validation refuses names no path, not even as a guess.
        for bad in [
            r#"(id: "../../x", year: 2024)"#,
            r#"(id: "a/b")"#,
            r#"(id: "")"#,
        ] {
            assert_eq!(identity_hint(bad.as_bytes(), 2031), None, "{bad}");
        }
        let huge = br#"(year: 99999999999999999999, id: "x")"#;
        assert_eq!(identity_hint(huge, 2031), Some(("x".to_string(), 2031)));
        for bad in [
            &b""[..],
            b"[",
            b"(id: 5)",
            b"(year: 40000, id: \"x\")",
            b"\xFF",
        ] {
            assert_eq!(identity_hint(bad, 2031), None);
        }
    }
}
