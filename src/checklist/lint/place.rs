//! The linter over a whole checklist file: every text the file writes (titles, evidence,
//! the report's sentences and templates), each finding placed at its file, line and column
//! as a warning that says what to write instead.

use super::rules::{Finding, lint_template, lint_text};
use crate::checklist::Checklist;
use crate::checklist::locate::{Locations, literal_offset};
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::template::Template;

/// Most warnings reported for one file.
const MAX_WARNINGS: usize = 100;

/// What one field holds: plain text, or a template.
enum Text<'a> {
    Plain(&'a str),
    Template(&'a Template),
}

/// Every text field of `checklist` with its path in the file.
fn fields(c: &Checklist) -> Vec<(String, Text<'_>)> {
    use Text::{Plain, Template as T};
    let r = &c.report;
    let mut out: Vec<(String, Text<'_>)> = vec![
        ("title".into(), Plain(&c.title)),
        ("organization".into(), Plain(&c.organization)),
        ("report.leader".into(), Plain(&r.leader)),
        ("report.title".into(), T(&r.title)),
        ("report.heading".into(), T(&r.heading)),
        ("report.opening".into(), T(&r.opening)),
        ("report.closing".into(), T(&r.closing)),
        ("report.lead_in".into(), T(&r.lead_in)),
        ("report.section_five.heading".into(), T(&r.five.heading)),
        ("report.section_five.opening".into(), T(&r.five.opening)),
        ("report.section_five.closing".into(), T(&r.five.closing)),
        ("report.shufa.title".into(), T(&r.shufa.title)),
        ("report.shufa.opening".into(), T(&r.shufa.opening)),
        ("report.shufa.shortcomings".into(), T(&r.shufa.shortcomings)),
        ("report.shufa.closing".into(), T(&r.shufa.closing)),
    ];
    for (k, t) in r.five.general.iter().enumerate() {
        out.push((format!("report.section_five.general[{k}]"), T(t)));
    }
    for (k, t) in r.shufa.plans.iter().enumerate() {
        out.push((format!("report.shufa.plans[{k}]"), T(t)));
    }
    for (si, s) in c.sections.iter().enumerate() {
        let sp = format!("sections[{si}]");
        out.push((format!("{sp}.title"), Plain(&s.title)));
        if let Some(h) = &s.heading {
            out.push((format!("{sp}.heading"), T(h)));
        }
        if let Some(l) = &s.lead_in {
            out.push((format!("{sp}.lead_in"), T(l)));
        }
        for (k, t) in s.clauses.iter().enumerate() {
            out.push((format!("{sp}.clauses[{k}]"), T(t)));
        }
        for (ii, i) in s.items.iter().enumerate() {
            let ip = format!("{sp}.items[{ii}]");
            out.push((format!("{ip}.title"), Plain(&i.title)));
            if let Some(d) = &i.description {
                out.push((format!("{ip}.description"), Plain(d)));
            }
            out.push((format!("{ip}.owner"), Plain(&i.owner)));
            out.push((format!("{ip}.evidence"), Plain(&i.evidence)));
            out.push((format!("{ip}.report"), T(&i.report)));
            for (field, t) in [
                ("no_cases", &i.no_cases),
                ("shortfall", &i.shortfall),
                ("shufa", &i.shufa),
            ] {
                if let Some(t) = t {
                    out.push((format!("{ip}.{field}"), T(t)));
                }
            }
        }
    }
    out
}

/// Warnings for every text of `checklist` that would read wrong in a report, placed in
/// `src` (the file it was loaded from). Texts the file does not write (defaults) are ours
/// and are not checked.
pub fn lint_file(src: &str, origin: &str, checklist: &Checklist, lang: Lang) -> Vec<Diagnostic> {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    let mut locations: Option<Locations> = None;
    let mut out = Vec::new();
    let w = lang.words();
    for (path, text) in fields(checklist) {
        let findings: Vec<Finding> = match text {
            Text::Plain(t) => lint_text(t),
            Text::Template(t) => lint_template(t),
        };
        if findings.is_empty() {
            continue;
        }
        let locations = locations.get_or_insert_with(|| Locations::scan(src));
        let Some((start, end)) = locations.exact(&path) else {
            continue;
        };
        let literal = &src[start..end];
        for f in findings {
            if out.len() >= MAX_WARNINGS {
                return out;
            }
            let (at, len) = match (
                literal_offset(literal, f.offset),
                literal_offset(literal, f.offset + f.len),
            ) {
                (Some(a), Some(b)) if a <= b => (start + a, b - a),
                _ => (start, end - start),
            };
            let mut d = Diagnostic::at(
                lang,
                origin,
                src,
                at,
                len,
                Some(path.clone()),
                w.lint_problem(&f),
            );
            d.help = Some(w.lint_fix(&f));
            d.warning = true;
            out.push(d);
        }
    }
    out
}
