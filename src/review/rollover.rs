//! Rollover: the next year's checklist made from this year's, and what was left unfinished.
//!
//! Pure: builds the new checklist as raw serde structs and RON text; `duty rollover` writes
//! it, loads it back to validate it, and starts its empty ledger.
//!
//! Relative dates (`03-31`, `next-03-01`) follow the year by themselves; fixed dates are
//! shifted by the years between. Headings and sentence templates keep their `{year}`
//! placeholders, so they name the new year. Items carried over from an earlier year are
//! dropped (they were one-offs), unless they are unfinished again and carrying is asked for.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::checklist::{Checklist, DueSpec, Item, Kind, RawChecklist, RawItem, RawKind};
use crate::ledger::Ledger;
use crate::progress;

/// An item not complete at the end of the old year.
#[derive(Debug, Clone, PartialEq)]
pub struct Unfinished {
    pub item: String,
    pub title: String,
    /// `2/4 次` — where it stood.
    pub state: String,
    /// The id it has in the new checklist when carried over.
    pub carried_as: Option<String>,
    /// Due after the old year ends (the report, 述法): it stays in the old year's ledger, which
    /// accepts records until 30 June, and is never carried over.
    pub next_year: bool,
    /// A yearly duty: the new checklist has it again, so it is not carried over.
    pub repeats: bool,
}

/// The next year's checklist and the old year's unfinished items.
#[derive(Debug, Clone)]
pub struct Rollover {
    pub raw: RawChecklist,
    pub unfinished: Vec<Unfinished>,
}

/// Why a rollover cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RolloverError {
    /// `to` is not the year after the checklist's year (skipping years would silently
    /// leave the years between without a ledger).
    NotNext { from: i16, to: i16 },
}

/// Longest item id the checklist format accepts.
const MAX_ID: usize = 64;

/// Build the checklist for `to` from `checklist` and where `ledger` stood at the end of the
/// old year. Every yearly duty is repeated in the new checklist; a one-off duty (`once`, or
/// one carried over before) is not. With `carry`, an unfinished one-off duty due within the
/// old year is carried over, flagged `carried_from`, with id `<id>-from-<year>` and the year
/// in its title. A yearly duty is never carried: the new year has it already, and a second
/// copy would repeat the same sentence in section three. Items due in the next year are
/// listed but not carried either (see [`Unfinished::next_year`]).
pub fn rollover(
    checklist: &Checklist,
    ledger: &Ledger,
    to: i16,
    carry: bool,
    lang: crate::i18n::Lang,
) -> Result<Rollover, RolloverError> {
    let from = checklist.year;
    if i32::from(to) != i32::from(from) + 1 {
        return Err(RolloverError::NotNext { from, to });
    }
    let shift = to - from;
    // Judge "unfinished" after every deadline of the old year has passed.
    let end = Date::new(from.saturating_add(1), 12, 31).unwrap_or(Date::MAX);
    let st = progress::status(checklist, ledger, end);
    let mut unfinished = Vec::new();
    let mut sections = Vec::new();
    let mut states = st.items.iter();
    for section in &checklist.sections {
        let mut items = Vec::new();
        for item in &section.items {
            let s = states
                .next()
                .unwrap_or_else(|| unreachable!("status lists every item in order"));
            let open = !s.complete;
            let one_off = item.once || item.carried_from.is_some();
            if !one_off {
                items.push(raw_item(item, shift, None));
            }
            if !open {
                continue;
            }
            // The old year's first-quarter paperwork is finished in the old ledger; the new
            // checklist has its own copy for the new year.
            let next_year = s.due.year() > from;
            let carried_as = (carry && !next_year && one_off).then(|| {
                let origin = item.carried_from.unwrap_or(from);
                let id = if item.carried_from.is_some() {
                    item.id.clone()
                } else {
                    carried_id(&item.id, from)
                };
                (id, origin)
            });
            let carried_as = carried_as
                .filter(|(id, _)| item.carried_from.is_some() || checklist.item(id).is_none());
            if let Some((id, origin)) = &carried_as {
                let mut carried = raw_item(item, shift, Some((id.clone(), *origin)));
                if item.carried_from.is_none() {
                    carried.title = format!("{}（{origin}年度结转）", item.title);
                }
                items.push(carried);
            }
            unfinished.push(Unfinished {
                item: item.id.clone(),
                title: item.title.clone(),
                state: s.state_label(lang),
                carried_as: carried_as.map(|(id, _)| id),
                next_year,
                repeats: !one_off,
            });
        }
        sections.push(section.to_raw(items));
    }
    let report = &checklist.report;
    let raw = RawChecklist {
        id: checklist.id.clone(),
        title: checklist.title.clone(),
        organization: checklist.organization.clone(),
        year: Some(i64::from(to)),
        report: report.to_raw(),
        sections,
    };
    Ok(Rollover { raw, unfinished })
}

/// `<id>-from-<year>`, cutting the base so the whole stays within the id length limit.
pub fn carried_id(id: &str, year: i16) -> String {
    let suffix = format!("-from-{year}");
    let keep = MAX_ID.saturating_sub(suffix.len()).min(id.len());
    format!("{}{suffix}", &id[..keep])
}

fn shift_spec(spec: DueSpec, years: i16) -> DueSpec {
    match spec {
        DueSpec::On(d) => {
            let y = d.year().saturating_add(years);
            // 29 February of a leap year becomes the 28th in a common one.
            DueSpec::On(Date::new(y, d.month(), d.day()).unwrap_or_else(|_| {
                Date::new(y, d.month(), 1)
                    .map(|f| f.last_of_month())
                    .unwrap_or(d)
            }))
        }
        relative => relative,
    }
}

fn raw_item(item: &Item, shift: i16, carried: Option<(String, i16)>) -> RawItem {
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let kind = match item.kind {
        Kind::Task => RawKind::Task,
        Kind::Count { target } => RawKind::Count {
            target: i64::from(target),
        },
        Kind::Rate { target } => RawKind::Rate { target },
        Kind::Hours { target } => RawKind::Hours { target },
    };
    let (id, carried_from) = match carried {
        Some((id, year)) => (id, Some(i64::from(year))),
        None => (item.id.clone(), None),
    };
    RawItem {
        id,
        title: item.title.clone(),
        description: item.description.clone(),
        owner: non_empty(&item.owner),
        kind,
        start: item.start.map(|s| shift_spec(s, shift).to_source()),
        due: shift_spec(item.due, shift).to_source(),
        evidence: non_empty(&item.evidence),
        report: non_empty(item.report.source()),
        carried_from,
        once: false,
        ..item.to_raw()
    }
}

/// Where `duty rollover` puts the checklist of year `to` made from the file at `path` (of year
/// `from`): beside it, with the year in its name — `清单2024.ron` → `清单2025.ron`, and a
/// name without the year gets it appended, `清单.ron` → `清单-2025.ron`.
pub fn file_for_year(path: &Path, from: i16, to: i16) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "duty-checklist".into());
    let (old, new) = (from.to_string(), to.to_string());
    let name = if stem.contains(&old) {
        stem.replace(&old, &new)
    } else {
        format!("{stem}-{new}")
    };
    path.with_file_name(format!("{name}.ron"))
}

/// The files that may hold the checklist of year `to` for the one at `path` (of year `from`),
/// most likely first: the name rollover gives it, and, going back, the name rollover came from
/// (`清单-2025.ron` → `清单.ron`).
pub fn files_for_year(path: &Path, from: i16, to: i16) -> Vec<PathBuf> {
    let mut files = vec![file_for_year(path, from, to)];
    if let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned())
        && let Some(original) = stem.strip_suffix(&format!("-{from}"))
        && !original.is_empty()
    {
        files.push(path.with_file_name(format!("{original}.ron")));
    }
    files
}

/// The new checklist as RON text, with a header saying where it came from.
pub fn to_ron(r: &Rollover, from: i16) -> String {
    // Optional fields written bare (`owner: "办公室"`), as people write them; the loader reads
    // them that way by default.
    // One line ending on every system, so that the same ledger is the same file everywhere.
    let pretty = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ".to_string())
        .struct_names(false)
        // Deep enough for one item per block, shallow enough to keep `kind: Count(target: 4)`
        // on one line.
        .depth_limit(5)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let body = ron::ser::to_string_pretty(&r.raw, pretty)
        .unwrap_or_else(|e| unreachable!("a raw checklist always serialises: {e}"));
    format!(
        "// 由 duty rollover 根据 {from} 年度清单生成 / made by duty rollover from the {from} checklist\n{body}\n"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_years_file_sits_beside_this_years() {
        let p = |s: &str| std::path::PathBuf::from(s);
        assert_eq!(
            file_for_year(&p("/a/清单2024.ron"), 2024, 2025),
            p("/a/清单2025.ron")
        );
        assert_eq!(
            file_for_year(&p("/a/清单.ron"), 2024, 2025),
            p("/a/清单-2025.ron")
        );
        // Going back also finds the file a rollover was made from.
        assert_eq!(
            files_for_year(&p("/a/清单-2025.ron"), 2025, 2024),
            vec![p("/a/清单-2024.ron"), p("/a/清单.ron")]
        );
        assert_eq!(
            files_for_year(&p("/a/x2024.ron"), 2024, 2025),
            vec![p("/a/x2025.ron")]
        );
    }

    use super::*;
    use jiff::civil::date;

    #[test]
    fn carried_ids_stay_within_the_id_limit() {
        assert_eq!(carried_id("plan", 2024), "plan-from-2024");
        let long = "a".repeat(64);
        let id = carried_id(&long, 2024);
        assert_eq!(id.len(), 64);
        assert!(id.ends_with("-from-2024"));
    }

    #[test]
    fn fixed_dates_shift_and_leap_days_clamp() {
        assert_eq!(
            shift_spec(DueSpec::On(date(2024, 2, 29)), 1),
            DueSpec::On(date(2025, 2, 28))
        );
        assert_eq!(
            shift_spec(DueSpec::On(date(2024, 2, 29)), 4),
            DueSpec::On(date(2028, 2, 29))
        );
        let relative = DueSpec::NextYear { month: 3, day: 1 };
        assert_eq!(shift_spec(relative, 1), relative);
    }

    #[test]
    fn a_yearly_duty_is_never_carried_twice_a_one_off_is() {
        use crate::checklist::load;
        use crate::i18n::Lang;
        let text = r#"(id: "u", title: "t", organization: "o", year: 2025, sections: [(id: "s", title: "s", items: [
            (id: "plan", title: "年度计划", kind: Task, due: "03-31"),
            (id: "audit", title: "专项审查", kind: Task, due: "06-30", once: true),
            (id: "meet", title: "会议", kind: Count(target: 2), due: "12-31"),
        ])])"#;
        let c = load(text.as_bytes(), "t", 2025, Lang::Zh).unwrap();
        let l = crate::ledger::Ledger::new("u", 2025);
        let r = rollover(&c, &l, 2026, true, Lang::Zh).unwrap();
        let ids: Vec<&str> = r.raw.sections[0]
            .items
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["plan", "audit-from-2025", "meet"]);
        let plan = r.unfinished.iter().find(|u| u.item == "plan").unwrap();
        assert!(plan.repeats && plan.carried_as.is_none());
        // Carried once, it is carried again while unfinished, under the same id.
        let again =
            crate::checklist::load(to_ron(&r, 2025).as_bytes(), "t", 2026, Lang::Zh).unwrap();
        let r2 = rollover(
            &again,
            &crate::ledger::Ledger::new("u", 2026),
            2027,
            true,
            Lang::Zh,
        )
        .unwrap();
        let ids: Vec<&str> = r2.raw.sections[0]
            .items
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(ids, ["plan", "audit-from-2025", "meet"]);
        // Without carrying, the one-off is not in next year's list at all.
        let r3 = rollover(&c, &l, 2026, false, Lang::Zh).unwrap();
        assert!(
            !r3.raw.sections[0]
                .items
                .iter()
                .any(|i| i.id.starts_with("audit"))
        );
    }
}
