//! Plain text: the report's draft to paste (section three, section five), the 述法 report,
//! the officer's to-do list when asked for, and the ledger to read.

use std::fmt::Write;

use super::draft::{Draft, Shortfall};
use super::five::Five;
use super::shufa::Shufa;
use super::table::rows;
use super::{Input, Options, Part};
use crate::i18n::{Column, Lang};
use crate::progress::Status;

/// Title of the officer's to-do list, which is not part of the report.
pub(crate) fn todo_title(lang: Lang) -> &'static str {
    lang.words().todo_title()
}

/// The to-do list as numbered lines.
pub(crate) fn todo_lines(list: &[Shortfall], lang: Lang) -> Vec<String> {
    let words = lang.words();
    list.iter()
        .enumerate()
        .map(|(i, s)| words.todo_line(i + 1, s))
        .collect()
}

/// The draft as the screen shows it to the officer: section three, section five and the
/// to-do list.
pub fn screen_text(d: &Draft, input: &Input<'_>) -> String {
    let options = Options {
        part: Part::Both,
        todo: true,
        ..Options::default()
    };
    summary_text(d, input, options)
}

/// The report's draft as text: Chinese paragraphs one per line, or the English rendering.
pub fn summary_text(d: &Draft, input: &Input<'_>, options: Options<'_>) -> String {
    let mut out = String::new();
    let three = options.part != Part::Five;
    let five = options.part != Part::Three;
    // Two renderings rather than two wordings: in Chinese the document itself, in English a
    // labelled gloss around its Chinese sentences.
    match input.lang {
        Lang::Zh => {
            if three {
                out.push_str(&d.heading);
                out.push_str("\n\n");
                for p in d.paragraphs() {
                    out.push_str(&p);
                    out.push('\n');
                }
            }
            if five {
                if three {
                    out.push('\n');
                }
                five_text(&mut out, &d.five);
            }
        }
        Lang::En => {
            let year = input.checklist.year;
            let _ = writeln!(
                out,
                "Draft of the {year} annual report on law-based government (the report's \
                 sentences are the checklist's own, in Chinese, filled from the ledger)"
            );
            if three {
                let _ = writeln!(
                    out,
                    "\nSection three: how the principal leaders carried out their duty as the \
                     persons first responsible for the rule of law"
                );
                let _ = writeln!(out, "Heading: {}", d.heading);
                if !d.opening.is_empty() {
                    let _ = writeln!(out, "Opening: {}", d.opening);
                }
                out.push_str("Facts:\n");
                if d.groups.is_empty() {
                    out.push_str("  (none recorded yet)\n");
                }
                for g in &d.groups {
                    let _ = writeln!(out, "  {}", g.heading.as_deref().unwrap_or(&g.section));
                    for c in &g.clauses {
                        let _ = writeln!(out, "    {}. {}", c.number, c.text);
                    }
                }
                if !d.closing.is_empty() {
                    let _ = writeln!(out, "Closing: {}", d.closing);
                }
            }
            if five {
                let _ = writeln!(out, "\nSection five: shortcomings and their causes");
                let _ = writeln!(out, "Heading: {}", d.five.heading);
                if d.five.points.is_empty() {
                    out.push_str("  (no shortfall in the ledger: write section five from the unit's own experience)\n");
                } else {
                    let _ = writeln!(out, "Opening: {}", d.five.opening);
                }
                for (i, p) in d.five.points.iter().enumerate() {
                    let _ = writeln!(out, "  {}. {}", i + 1, p.text);
                }
            }
        }
    }
    if options.todo {
        let words = input.lang.words();
        out.push('\n');
        let _ = writeln!(out, "{}", words.todo_heading(d.shortfalls.is_empty()));
        for line in todo_lines(&d.shortfalls, input.lang) {
            let _ = writeln!(out, "{}{line}", words.todo_indent());
        }
    }
    out
}

fn five_text(out: &mut String, five: &Five) {
    out.push_str(&five.heading);
    out.push_str("\n\n");
    out.push_str(&five.paragraph());
    out.push('\n');
}

/// The 述法 report as text.
pub fn shufa_text(s: &Shufa, input: &Input<'_>) -> String {
    let mut out = String::new();
    // As for the annual report: the document in Chinese, a gloss of it in English.
    match input.lang {
        Lang::Zh => {
            let _ = writeln!(out, "{}\n", s.title);
            let _ = writeln!(out, "{}", s.opening);
            let _ = writeln!(out, "{}", s.duties_heading);
            if s.groups.is_empty() {
                out.push_str("（台账中尚无可写入的履职事项。）\n");
            }
            for g in &s.groups {
                if let Some(h) = &g.heading {
                    let _ = writeln!(out, "{h}");
                }
                let _ = writeln!(out, "{}", g.paragraph());
            }
            let _ = writeln!(out, "{}", s.shortcomings_heading);
            let _ = writeln!(out, "{}", s.shortcomings_paragraph());
            let _ = writeln!(out, "{}", s.plans_heading);
            let _ = writeln!(out, "{}", s.plans_paragraph());
            if !s.closing.is_empty() {
                let _ = writeln!(out, "{}", s.closing);
            }
        }
        Lang::En => {
            let _ = writeln!(
                out,
                "The principal leader's {} report on rule-of-law duties (述法报告), draft; its \
                 sentences are in Chinese, in the first person",
                input.checklist.year
            );
            let _ = writeln!(out, "Title: {}", s.title);
            let _ = writeln!(out, "Opening: {}", s.opening);
            let _ = writeln!(out, "1. Duties carried out ({})", s.duties_heading);
            for g in &s.groups {
                let _ = writeln!(out, "  {}", g.heading.as_deref().unwrap_or(&g.section));
                for c in &g.clauses {
                    let _ = writeln!(out, "    {}. {}", c.number, c.text);
                }
            }
            let _ = writeln!(out, "2. Shortcomings ({})", s.shortcomings_heading);
            for (i, p) in s.shortcomings.iter().enumerate() {
                let _ = writeln!(out, "    {}. {}", i + 1, p.text);
            }
            let _ = writeln!(out, "3. Next steps ({})", s.plans_heading);
            for (i, p) in s.plans.iter().enumerate() {
                let _ = writeln!(out, "    {}. {}", i + 1, p);
            }
        }
    }
    out
}

/// The ledger's title in two parts, the unit and what the document is:
/// (`河源市某局`, `2024年度法治建设第一责任人职责完成情况台账`).
pub fn ledger_title_parts(input: &Input<'_>) -> (String, String) {
    let c = input.checklist;
    let org = super::fill::clean(&c.organization);
    (org, input.lang.words().ledger_title(c.year))
}

/// The ledger's title on one line.
pub fn ledger_title(input: &Input<'_>) -> String {
    let (org, what) = ledger_title_parts(input);
    input.lang.words().ledger_title_line(&org, &what)
}

/// The full ledger as text: one block per item, grouped by section.
pub fn ledger_text(input: &Input<'_>, st: &Status<'_>) -> String {
    let lang = input.lang;
    let words = lang.words();
    let rows = rows(input, st);
    let mut out = String::new();
    let _ = writeln!(out, "{}", ledger_title(input));
    let _ = writeln!(out, "{}", words.as_of(input.today));
    let mut section = "";
    for r in &rows {
        if r.section != section {
            section = &r.section;
            let _ = writeln!(out, "\n{section}");
        }
        let _ = writeln!(out, "{}. {}", r.number, r.title);
        let mut field = |column: Column, value: &str| {
            if !value.is_empty() {
                let _ = writeln!(out, "   {}", words.labelled(words.column(column), value));
            }
        };
        field(Column::Owner, &r.owner);
        field(Column::State, &r.state);
        field(Column::Progress, &r.progress);
        field(Column::Due, &date_text(Some(r.status.due), lang));
        field(Column::Done, &date_text(r.done, lang));
        field(Column::Evidence, &r.evidence);
        field(Column::Note, &r.note);
        for e in r.entries() {
            let _ = writeln!(out, "   - {}", entry_text(e, lang));
        }
    }
    out
}

pub(crate) fn date_text(d: Option<jiff::civil::Date>, lang: Lang) -> String {
    d.map(|d| lang.words().date(d)).unwrap_or_default()
}

/// One logged entry on a line: `2024年3月1日 《宪法》 2学时（纪要〔2024〕3号）`.
pub(crate) fn entry_text(e: &crate::ledger::Entry, lang: Lang) -> String {
    use super::fill::clean;
    lang.words()
        .entry_line(e, &clean(&e.topic), &clean(&e.evidence))
}
