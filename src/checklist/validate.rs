//! Refining a parsed checklist into the validated model: ids, titles, kinds, targets and
//! dates, with every problem placed at its field. The report's texts are checked in
//! [`super::texts`].

use std::collections::HashMap;

use jiff::civil::Date;

use super::load::{MAX_DIAGNOSTICS, ron_options};
use super::locate::Locations;
use super::raw::{RawChecklist, RawItem, RawKind};
use super::{Checklist, DueSpec, Item, ItemIndex, Kind, KindTag, Section};
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::template::Context;
use crate::text;

/// A field's path, spelled out only when an error names it: a good 10,000-item checklist
/// would otherwise format some 80,000 path strings that nobody reads.
pub(super) trait FieldPath: Copy {
    fn spell(self) -> String;
}

impl FieldPath for &str {
    fn spell(self) -> String {
        self.to_string()
    }
}

/// `base.field`, e.g. `sections[1].items[3]` + `due`.
#[derive(Clone, Copy)]
pub(super) struct Under<B>(pub(super) B, pub(super) &'static str);

impl<B: std::fmt::Display + Copy> FieldPath for Under<B> {
    fn spell(self) -> String {
        format!("{}.{}", self.0, self.1)
    }
}

/// An item's place, `sections[s].items[i]`.
#[derive(Clone, Copy)]
pub(super) struct ItemAt(pub(super) usize, pub(super) usize);

impl std::fmt::Display for ItemAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sections[{}].items[{}]", self.0, self.1)
    }
}

impl FieldPath for ItemAt {
    fn spell(self) -> String {
        self.to_string()
    }
}

pub(super) struct Validator<'a> {
    pub(super) src: &'a str,
    pub(super) origin: &'a str,
    pub(super) lang: Lang,
    pub(super) locations: Option<Locations>,
    pub(super) errors: Vec<Diagnostic>,
    /// Errors past [`MAX_DIAGNOSTICS`], counted but not placed.
    pub(super) dropped: usize,
}

impl Validator<'_> {
    pub(super) fn full(&mut self) -> bool {
        if self.errors.len() >= MAX_DIAGNOSTICS {
            self.dropped += 1;
            return true;
        }
        false
    }

    /// The errors in file order, with a note for those left out.
    pub(super) fn finish(mut self) -> Vec<Diagnostic> {
        self.errors.sort_by_key(|d| (d.line, d.column));
        if self.dropped > 0
            && let Some(last) = self.errors.last()
        {
            let mut note = last.clone();
            note.path = None;
            note.help = None;
            note.message = self.lang.words().more_errors(self.dropped);
            self.errors.push(note);
        }
        self.errors
    }

    pub(super) fn error(&mut self, path: impl FieldPath, message: String, help: Option<String>) {
        if self.full() {
            return;
        }
        let path = path.spell();
        let locations = self
            .locations
            .get_or_insert_with(|| Locations::scan(self.src));
        let (start, end) = locations.find(&path).unwrap_or((0, 0));
        let mut d = Diagnostic::at(
            self.lang,
            self.origin,
            self.src,
            start,
            end - start,
            Some(path),
            message,
        );
        d.help = help;
        self.errors.push(d);
    }

    pub(super) fn refine(
        mut self,
        raw: RawChecklist,
        default_year: i16,
    ) -> Result<Checklist, Vec<Diagnostic>> {
        self.slug("id", &raw.id);
        self.nonempty("title", &raw.title);
        self.nonempty("organization", &raw.organization);
        let year = match raw.year {
            None => default_year,
            Some(y) if (2000..=2100).contains(&y) => y as i16,
            Some(y) => {
                let m = self.lang.words().year_out_of_range(y);
                self.error("year", m, None);
                default_year
            }
        };
        let report = self.report_text(&raw.report);
        let ledger_columns = match crate::sheet::columns::parse_all(&raw.ledger_columns) {
            Ok(columns) => columns,
            Err(errors) => {
                for (i, e) in errors {
                    let m = self.lang.words().column_error(&e);
                    self.error(format!("ledger_columns[{i}]").as_str(), m, None);
                }
                Vec::new()
            }
        };
        let mut section_ids: HashMap<String, usize> = HashMap::new();
        let item_count = raw.sections.iter().map(|s| s.items.len()).sum();
        let mut item_ids = ItemIndex::with_capacity_and_hasher(item_count, Default::default());
        let mut sections = Vec::with_capacity(raw.sections.len());
        for (si, s) in raw.sections.into_iter().enumerate() {
            let sp = format!("sections[{si}]");
            self.slug(Under(&sp, "id"), &s.id);
            if let Some(first) = section_ids.insert(s.id.clone(), si) {
                let m = self
                    .lang
                    .words()
                    .duplicate_section(&s.id, &format!("sections[{first}]"));
                self.error(Under(&sp, "id"), m, None);
            }
            self.nonempty(Under(&sp, "title"), &s.title);
            let (heading, lead_in, clauses) = self.section_text(&sp, &s);
            let mut items = Vec::with_capacity(s.items.len());
            for (ii, item) in s.items.into_iter().enumerate() {
                let ip = ItemAt(si, ii);
                self.item_id(&mut item_ids, ip, &item.id);
                if let Some(item) = self.item(ip, item, year) {
                    items.push(item);
                }
            }
            sections.push(Section {
                id: s.id,
                title: s.title,
                heading,
                lead_in,
                clauses,
                items,
            });
        }
        self.section_refs(&sections, &item_ids);
        if item_ids.is_empty() && self.errors.is_empty() {
            let m = self.lang.words().no_items().to_string();
            self.error("sections", m, None);
        }
        if !self.errors.is_empty() {
            return Err(self.finish());
        }
        // Without errors every item was kept, so the positions recorded while checking ids
        // for uniqueness are the index.
        Ok(Checklist {
            id: raw.id,
            title: raw.title,
            organization: raw.organization,
            year,
            year_explicit: raw.year.is_some(),
            report,
            ledger_columns,
            sections,
            index: item_ids,
        })
    }

    /// In a file whose shape is wrong, the values outside items that still read as what
    /// they should be (ids, titles, report sentences) get their usual checks too.
    pub(super) fn outside_items(&mut self) {
        let Some(locations) = &self.locations else {
            return;
        };
        let read = |path: &str| {
            let (s, e) = locations.exact(path)?;
            ron_options().from_str::<String>(&self.src[s..e]).ok()
        };
        let mut strings = Vec::new();
        for field in ["id", "title", "organization"] {
            strings.push((field.to_string(), read(field)));
        }
        for s in 0.. {
            let sp = format!("sections[{s}]");
            if locations.exact(&sp).is_none() {
                break;
            }
            strings.push((format!("{sp}.id"), read(&format!("{sp}.id"))));
            strings.push((format!("{sp}.title"), read(&format!("{sp}.title"))));
        }
        let report = locations.exact("report").and_then(|(s, e)| {
            ron_options()
                .from_str::<super::raw::RawReport>(&self.src[s..e])
                .ok()
        });
        let mut section_ids: HashMap<String, String> = HashMap::new();
        for (path, value) in strings {
            let Some(value) = value else { continue };
            if path.ends_with("id") {
                self.slug(path.as_str(), &value);
                if path.starts_with("sections") {
                    if let Some(first) = section_ids.get(&value) {
                        let shown = text::for_terminal(&value).into_owned();
                        let first = first.trim_end_matches(".id").to_string();
                        let m = self.lang.words().duplicate_section(&shown, &first);
                        self.error(path.as_str(), m, None);
                    } else {
                        section_ids.insert(value, path);
                    }
                }
            } else {
                self.nonempty(path.as_str(), &value);
            }
        }
        if let Some(report) = report {
            for (field, value) in [
                ("report.title", report.title),
                ("report.heading", report.heading),
                ("report.opening", report.opening),
                ("report.closing", report.closing),
            ] {
                if let Some(value) = value {
                    self.template(field, Some(&value), "", Context::Report);
                }
            }
        }
    }

    /// Item ids are unique across sections: the ledger and the CLI name items by id alone.
    pub(super) fn item_id(&mut self, ids: &mut ItemIndex, ip: ItemAt, id: &str) {
        if let Some(&(s, i)) = ids.get(id) {
            let first = ItemAt(s, i).to_string();
            let shown = text::for_terminal(id).into_owned();
            let words = self.lang.words();
            let m = words.duplicate_item(&shown, &first);
            let help = words.duplicate_item_help().to_string();
            self.error(Under(ip, "id"), m, Some(help));
        } else {
            ids.insert(id.to_string(), (ip.0, ip.1));
        }
    }

    pub(super) fn item(&mut self, ip: ItemAt, raw: RawItem, year: i16) -> Option<Item> {
        let before = self.errors.len();
        self.slug(Under(ip, "id"), &raw.id);
        self.nonempty(Under(ip, "title"), &raw.title);
        for (field, value) in [
            ("description", raw.description.as_deref()),
            ("owner", raw.owner.as_deref()),
            ("evidence", raw.evidence.as_deref()),
        ] {
            if let Some(v) = value {
                self.clean(Under(ip, field), v);
            }
        }
        let kind = match raw.kind {
            RawKind::Task => Kind::Task,
            RawKind::Count { target } => {
                if (1..=100_000).contains(&target) {
                    Kind::Count {
                        target: target as u32,
                    }
                } else {
                    let m = self.lang.words().bad_count_target(target);
                    self.error(Under(ip, "kind.target"), m, None);
                    Kind::Count { target: 1 }
                }
            }
            RawKind::Rate { target } => {
                // Below 1 % is refused: no duty's rate target is that low, and `0.95` is how a
                // fraction slips in for 95 %, which any recorded rate would then meet.
                if (1.0..=100.0).contains(&target) {
                    Kind::Rate { target }
                } else {
                    let words = self.lang.words();
                    let m = words.bad_rate_target(target);
                    let help = if target > 0.0 && target < 1.0 {
                        let percent = text::number(target * 100.0);
                        Some(words.rate_as_fraction(&percent, target))
                    } else {
                        (target > 1.0).then(|| words.rate_is_percent().to_string())
                    };
                    self.error(Under(ip, "kind.target"), m, help);
                    Kind::Rate { target: 100.0 }
                }
            }
            RawKind::Hours { target } => {
                if target > 0.0 && target <= 10_000.0 {
                    Kind::Hours { target }
                } else {
                    let m = self.lang.words().bad_hours_target(target);
                    self.error(Under(ip, "kind.target"), m, None);
                    Kind::Hours { target: 1.0 }
                }
            }
        };
        let due = self.due(Under(ip, "due"), &raw.due, year);
        let start = raw
            .start
            .as_deref()
            .and_then(|s| self.due(Under(ip, "start"), s, year));
        if let (Some(start), Some(due)) = (start, due)
            && start.resolve(year) > due.resolve(year)
        {
            let m = self
                .lang
                .words()
                .start_after_due(&start.to_source(), &due.to_source());
            self.error(Under(ip, "start"), m, None);
        }
        let default_report = match kind.tag() {
            KindTag::Task => "{title}",
            // Advisers and lawyers are counted in people, not times (`聘请法律顾问2名`).
            KindTag::Count if counts_people(&raw.title) => "{title}{count}名",
            KindTag::Count => "{title}{count}次",
            KindTag::Rate => "{title}{rate}",
            KindTag::Hours => "{title}{hours}学时",
        };
        let report = self.template(
            Under(ip, "report"),
            raw.report.as_deref(),
            default_report,
            Context::Item(kind.tag()),
        );
        let due_next_year = due.is_some_and(|d| d.resolve(year).year() > year);
        let extras = self.item_text(ip, &raw, kind.tag(), due_next_year);
        if let Some(from) = raw.carried_from
            && !(2000..i64::from(year)).contains(&from)
        {
            let m = self.lang.words().bad_carried_from(from, year - 1);
            self.error(Under(ip, "carried_from"), m, None);
        }
        let rhythm = match raw.rhythm.as_deref() {
            None => None,
            Some(text) => match (super::Rhythm::parse(text), kind) {
                (Some(r), Kind::Count { .. }) => Some(r),
                (Some(_), _) => {
                    let m = self.lang.words().rhythm_not_count(text);
                    self.error(Under(ip, "rhythm"), m, None);
                    None
                }
                (None, _) => {
                    let m = self.lang.words().bad_rhythm(text);
                    self.error(Under(ip, "rhythm"), m, None);
                    None
                }
            },
        };
        if self.errors.len() > before {
            return None;
        }
        Some(Item {
            id: raw.id,
            title: raw.title,
            description: raw.description.filter(|d| !d.trim().is_empty()),
            owner: raw.owner.unwrap_or_default(),
            kind,
            start,
            due: due?,
            evidence: raw.evidence.unwrap_or_default(),
            report,
            if_short: extras.if_short,
            no_cases: extras.no_cases.map(Box::new),
            follows_report: extras.follows_report,
            shortfall: extras.shortfall.map(Box::new),
            shufa: extras.shufa.map(Box::new),
            carried_from: raw.carried_from.map(|y| y as i16),
            once: raw.once,
            rhythm,
        })
    }

    pub(super) fn slug(&mut self, path: impl FieldPath, id: &str) {
        if !super::is_slug(id) {
            let shown = text::for_terminal(id).into_owned();
            let words = self.lang.words();
            let m = words.bad_id(&shown);
            let help = words.bad_id_help().to_string();
            self.error(path, m, Some(help));
        }
    }

    pub(super) fn nonempty(&mut self, path: impl FieldPath, value: &str) {
        if value.trim().is_empty() {
            let m = self.lang.words().empty_text(value);
            self.error(path, m, None);
        } else {
            self.clean(path, value);
        }
    }

    pub(super) fn clean(&mut self, path: impl FieldPath, value: &str) {
        if let Err(bad) = text::check_input(value) {
            let shown: String = value.chars().take(40).collect();
            let shown = text::for_terminal(&shown).into_owned();
            let more = if value.chars().nth(40).is_some() {
                "…"
            } else {
                ""
            };
            let words = self.lang.words();
            let m = words.control_character(&format!("{shown}{more}"), bad.ch, bad.index + 1);
            let help = words.control_character_help().to_string();
            self.error(path, m, Some(help));
        }
    }

    pub(super) fn due(&mut self, path: impl FieldPath, value: &str, year: i16) -> Option<DueSpec> {
        let shown = || text::for_terminal(value).into_owned();
        let Some(spec) = parse_due(value) else {
            let shown = shown();
            let m = self.lang.words().bad_due(&shown);
            self.error(path, m, None);
            return None;
        };
        let (earliest, latest) = crate::text::dates::year_window(year);
        let date = spec.resolve(year);
        let in_window = match spec {
            DueSpec::On(d) => (earliest..=latest).contains(&d),
            DueSpec::NextYear { month, .. } => month <= 6,
            DueSpec::InYear { .. } => true,
        };
        if !in_window {
            let shown = shown();
            let m = self.lang.words().due_outside_year(
                &shown,
                &crate::text::dates::iso(earliest),
                &crate::text::dates::iso(latest),
            );
            self.error(path, m, None);
            return None;
        }
        debug_assert!(date >= earliest);
        Some(spec)
    }
}

/// Whether a counted item's title counts people (`聘请法律顾问`), so that its default sentence
/// reads `2名`, not `2次`.
pub(crate) fn counts_people(title: &str) -> bool {
    let t = title.trim_end_matches(|c: char| !c.is_alphanumeric());
    ["顾问", "律师", "公职律师", "专家", "人员"]
        .iter()
        .any(|w| t.ends_with(w))
}

/// A kind as the checklist spells it (`Count(target: 4)`), in either language.
pub(crate) fn kind_name(kind: KindTag) -> &'static str {
    match kind {
        KindTag::Task => "Task",
        KindTag::Count => "Count",
        KindTag::Rate => "Rate",
        KindTag::Hours => "Hours",
    }
}

/// `MM-DD`, `next-MM-DD` or `YYYY-MM-DD` (also `2025年3月1日`).
pub(crate) fn parse_due(s: &str) -> Option<DueSpec> {
    let s = s.trim();
    let month_day = |s: &str| {
        let (m, d) = s.split_once('-')?;
        if m.len() > 2 || d.len() > 2 || !m.bytes().chain(d.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (month, day): (i8, i8) = (m.parse().ok()?, d.parse().ok()?);
        // 2000 is a leap year, so 02-29 is accepted (and clamped in other years).
        Date::new(2000, month, day).ok()?;
        Some((month, day))
    };
    if let Some(rest) = s.strip_prefix("next-") {
        let (month, day) = month_day(rest)?;
        return Some(DueSpec::NextYear { month, day });
    }
    if s.len() <= 5 && s.matches('-').count() == 1 {
        let (month, day) = month_day(s)?;
        return Some(DueSpec::InYear { month, day });
    }
    crate::text::dates::parse_date(s).map(DueSpec::On)
}
