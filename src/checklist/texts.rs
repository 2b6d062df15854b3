//! The report's texts in a checklist: section three's sentences, the section clauses that
//! name other items, the item sentences for sections three and five and the 述法 report —
//! each parsed as a template, with a bad placeholder shown at its own column.

use std::collections::HashMap;

use super::diagnose::{closest, did_you_mean};
use super::locate::{Locations, literal_offset};
use super::raw::{RawIfShort, RawItem, RawReport, RawSection};
use super::text::*;
use super::validate::{FieldPath, ItemAt, Under, Validator, kind_name};
use super::{KindTag, Section};
use crate::diagnostic::Diagnostic;
use crate::template::{Context, Placeholder, Slot, Template, TemplateErrorKind};
use crate::text;

/// An item's texts beyond its section-three sentence.
pub(super) struct ItemExtras {
    pub if_short: IfShort,
    pub no_cases: Option<Template>,
    pub follows_report: bool,
    pub shortfall: Option<Template>,
    pub shufa: Option<Template>,
}

impl Validator<'_> {
    /// The report's fixed texts, each from the checklist or its default.
    pub(super) fn report_text(&mut self, raw: &RawReport) -> ReportText {
        let r = Context::Report;
        let five = raw.section_five.clone().unwrap_or_default();
        let shufa = raw.shufa.clone().unwrap_or_default();
        let leader = match raw.leader.as_deref() {
            Some(l) => {
                self.nonempty("report.leader", l);
                l.trim().to_string()
            }
            None => DEFAULT_LEADER.to_string(),
        };
        let general = self.template_list("report.section_five.general", &five.general, r);
        let plans = match shufa.plans.is_empty() {
            true => vec![self.template("report.shufa", None, DEFAULT_SHUFA_PLAN, r)],
            false => self.template_list("report.shufa.plans", &shufa.plans, r),
        };
        ReportText {
            title: self.template("report.title", raw.title.as_deref(), DEFAULT_TITLE, r),
            heading: self.template("report.heading", raw.heading.as_deref(), DEFAULT_HEADING, r),
            opening: self.template("report.opening", raw.opening.as_deref(), DEFAULT_OPENING, r),
            closing: self.template("report.closing", raw.closing.as_deref(), DEFAULT_CLOSING, r),
            leader,
            lead_in: self.template(
                "report.lead_in",
                raw.lead_in.as_deref(),
                DEFAULT_LEAD_IN,
                Context::SectionHead,
            ),
            numbered: raw.numbered.unwrap_or(false),
            five: FiveText {
                heading: self.template(
                    "report.section_five.heading",
                    five.heading.as_deref(),
                    DEFAULT_FIVE_HEADING,
                    r,
                ),
                opening: self.template(
                    "report.section_five.opening",
                    five.opening.as_deref(),
                    DEFAULT_FIVE_OPENING,
                    r,
                ),
                closing: self.template(
                    "report.section_five.closing",
                    five.closing.as_deref(),
                    "",
                    r,
                ),
                general,
            },
            shufa: ShufaText {
                title: self.template(
                    "report.shufa.title",
                    shufa.title.as_deref(),
                    DEFAULT_SHUFA_TITLE,
                    r,
                ),
                opening: self.template(
                    "report.shufa.opening",
                    shufa.opening.as_deref(),
                    DEFAULT_SHUFA_OPENING,
                    r,
                ),
                shortcomings: self.template(
                    "report.shufa.shortcomings",
                    shufa.shortcomings.as_deref(),
                    DEFAULT_SHUFA_SHORTCOMINGS,
                    r,
                ),
                plans,
                closing: self.template("report.shufa.closing", shufa.closing.as_deref(), "", r),
            },
        }
    }

    fn template_list(&mut self, path: &str, values: &[String], context: Context) -> Vec<Template> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| self.template(format!("{path}[{i}]").as_str(), Some(v), "", context))
            .collect()
    }

    /// A section's heading, lead-in and clauses (the items they name are checked once all
    /// items are known, in [`Self::section_refs`]).
    pub(super) fn section_text(
        &mut self,
        sp: &str,
        s: &RawSection,
    ) -> (Option<Template>, Option<Template>, Vec<Template>) {
        let head = |v: &mut Self, field, value: Option<&String>| {
            value.map(|t| v.template(Under(sp, field), Some(t), "", Context::SectionHead))
        };
        let heading = head(self, "heading", s.heading.as_ref()).filter(|t| !t.is_empty());
        let lead_in = head(self, "lead_in", s.lead_in.as_ref());
        let clauses = s
            .clauses
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let path = format!("{sp}.clauses[{i}]");
                self.template(path.as_str(), Some(c), "", Context::Section)
            })
            .collect();
        (heading, lead_in, clauses)
    }

    /// Every `{id.…}` and `{id}` in the sections' clauses names an item that exists, with a
    /// placeholder that item's kind has a value for.
    pub(super) fn section_refs(&mut self, sections: &[Section], ids: &super::ItemIndex) {
        let kinds: HashMap<&str, KindTag> = sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| (i.id.as_str(), i.kind.tag())))
            .collect();
        for (si, s) in sections.iter().enumerate() {
            for (ci, clause) in s.clauses.iter().enumerate() {
                let path = format!("sections[{si}].clauses[{ci}]");
                for (id, var) in clause.refs() {
                    let (offset, len) = var.at;
                    let Some(&kind) = kinds.get(id) else {
                        // An item that failed its own checks exists but is not in `kinds`.
                        if ids.contains_key(id) {
                            continue;
                        }
                        let known: Vec<&str> = kinds.keys().copied().collect();
                        let shown = text::for_terminal(id).into_owned();
                        let w = self.lang.words();
                        let m = w.clause_names_no_item(&shown);
                        let help = match closest(id, &known) {
                            Some(best) => did_you_mean(self.lang, best),
                            None => w.clause_reference_help().to_string(),
                        };
                        self.template_error(path.as_str(), offset, len, m, help);
                        continue;
                    };
                    if let Slot::Value(p) = var.slot
                        && !p.allowed_in(Context::Item(kind))
                    {
                        let names = Placeholder::names_in(Context::Item(kind))
                            .iter()
                            .filter(|n| !matches!(**n, "year" | "org" | "leader"))
                            .map(|n| format!("{{{id}.{n}}}"))
                            .collect::<Vec<_>>()
                            .join(" ");
                        let w = self.lang.words();
                        let m = w.clause_figure_not_of_kind(id, kind_name(kind), p.name(), &names);
                        let help = w.clause_figure_help(id);
                        self.template_error(path.as_str(), offset, len, m, help);
                    }
                }
            }
        }
    }

    /// An item's texts for section five and the 述法 report, and how section three treats it.
    pub(super) fn item_text(
        &mut self,
        ip: ItemAt,
        raw: &RawItem,
        kind: KindTag,
        due_next_year: bool,
    ) -> ItemExtras {
        let no_cases = match (&raw.no_cases, kind) {
            (None, _) => None,
            (Some(t), KindTag::Rate) => Some(self.template(
                Under(ip, "no_cases"),
                Some(t),
                "",
                Context::Item(KindTag::Task),
            )),
            (Some(_), other) => {
                let w = self.lang.words();
                let m = w.no_cases_not_rate(kind_name(other));
                let help = w.no_cases_help().to_string();
                self.error(Under(ip, "no_cases"), m, Some(help));
                None
            }
        };
        let shortfall = raw.shortfall.as_deref().map(|t| {
            self.template(
                Under(ip, "shortfall"),
                Some(t),
                "",
                Context::Shortfall(kind),
            )
        });
        let shufa = raw
            .shufa
            .as_deref()
            .map(|t| self.template(Under(ip, "shufa"), Some(t), "", Context::Item(kind)));
        ItemExtras {
            if_short: match raw.if_short {
                Some(RawIfShort::Omit) => IfShort::Omit,
                _ => IfShort::State,
            },
            no_cases,
            // A duty due in the next year belongs to the reporting process (approving,
            // submitting, publishing the report, the 述法), unless the checklist says not.
            follows_report: raw.follows_report.unwrap_or(due_next_year),
            shortfall,
            shufa,
        }
    }

    pub(super) fn template(
        &mut self,
        path: impl FieldPath,
        value: Option<&str>,
        default: &str,
        context: Context,
    ) -> Template {
        let source = value.unwrap_or(default);
        match Template::parse(source, context) {
            Ok(t) => {
                if value.is_some() {
                    self.clean(path, source);
                }
                t
            }
            Err(e) => {
                let (m, help) = self.template_message(source, &e.kind, e.offset, e.len, context);
                self.template_error(path, e.offset, e.len, m, help);
                Template::empty()
            }
        }
    }

    fn template_message(
        &self,
        source: &str,
        kind: &TemplateErrorKind,
        offset: usize,
        len: usize,
        context: Context,
    ) -> (String, String) {
        let names = Placeholder::names_in(context);
        let allowed = names
            .iter()
            .map(|n| format!("{{{n}}}"))
            .collect::<Vec<_>>()
            .join(" ");
        let bad = &source[offset..offset + len];
        let bad = text::for_terminal(&bad.chars().take(40).collect::<String>()).into_owned();
        let w = self.lang.words();
        let m = w.template_refused(kind, context, &bad, &allowed);
        let suggestion = match kind {
            TemplateErrorKind::Unknown(name) => {
                let name = name.rsplit('.').next().unwrap_or(name).trim();
                closest(name, &names).map(|best| did_you_mean(self.lang, &format!("{{{best}}}")))
            }
            TemplateErrorKind::BadSpec(Placeholder::Topics, _) => {
                Some(w.topics_format_help().to_string())
            }
            _ => None,
        };
        let help = w.literal_braces_help().to_string();
        let help = match suggestion {
            Some(s) => format!("{s} {help}"),
            None => help,
        };
        (m, help)
    }

    /// Place a template error on the bad placeholder itself, mapping the offset in the
    /// string's value back through quotes, escapes and raw-string hashes to the file.
    pub(super) fn template_error(
        &mut self,
        path: impl FieldPath,
        offset: usize,
        len: usize,
        message: String,
        help: String,
    ) {
        let path = path.spell();
        if self.full() {
            return;
        }
        let locations = self
            .locations
            .get_or_insert_with(|| Locations::scan(self.src));
        let (start, end) = locations.find(&path).unwrap_or((0, 0));
        let literal = &self.src[start..end];
        let span = literal_offset(literal, offset)
            .zip(literal_offset(literal, offset + len))
            .filter(|(a, b)| a <= b);
        let (at, n) = match span {
            Some((a, b)) => (start + a, b - a),
            // A template from the defaults, or a literal the mapping does not understand.
            None => (start, end - start),
        };
        let mut d = Diagnostic::at(self.lang, self.origin, self.src, at, n, Some(path), message);
        d.help = Some(help);
        self.errors.push(d);
    }
}
