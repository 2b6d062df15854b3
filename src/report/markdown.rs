//! Markdown: the report's draft, the 述法 report and the ledger, for a wiki or a chat.

use std::fmt::Write;

use super::draft::{Draft, Parts};
use super::plain::{date_text, entry_text, ledger_title, summary_text, todo_lines, todo_title};
use super::table::{Row, kind_label, rows};
use super::{Document, Input, Options, Part};
use crate::i18n::{Column, Lang};
use crate::progress::Status;

/// A Markdown table cell: pipes and backslashes escaped, line breaks as `<br>`.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Markdown text outside tables: characters that would start markup escaped.
fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn table_row(out: &mut String, cells: &[&str]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        out.push_str(&cell(c));
        out.push_str(" |");
    }
    out.push('\n');
}

/// A table's heading row.
fn headings(out: &mut String, lang: Lang, columns: &[Column]) {
    let words = lang.words();
    let cells: Vec<&str> = columns.iter().map(|&c| words.column(c)).collect();
    table_row(out, &cells);
}

/// The report's draft (section three, five, and on request the to-do list and the completion
/// table), the 述法 report, or the full ledger.
pub fn markdown(
    doc: Document,
    input: &Input<'_>,
    st: &Status<'_>,
    options: Options<'_>,
    parts: Parts,
) -> String {
    let lang = input.lang;
    let mut out = String::new();
    // The documents themselves in Chinese; in English the plain-text gloss, fenced.
    match (doc, lang) {
        (Document::Summary, Lang::Zh) => {
            let d = super::draft::draft_parts(input, st, parts);
            let _ = writeln!(out, "# {}\n", md_text(&d.title));
            if options.part != Part::Five {
                let _ = writeln!(out, "## {}\n", md_text(&d.heading));
                for (sub, p) in d.blocks() {
                    let mark = if sub { "### " } else { "" };
                    let _ = writeln!(out, "{mark}{}\n", md_text(&p));
                }
            }
            if options.part != Part::Three {
                let _ = writeln!(out, "## {}\n", md_text(&d.five.heading));
                let _ = writeln!(out, "{}\n", md_text(&d.five.paragraph()));
            }
            todo_md(&mut out, &d, input, st, options);
        }
        (Document::Summary, Lang::En) => {
            let d = super::draft::draft_parts(input, st, parts);
            fenced(
                &mut out,
                &summary_text(
                    &d,
                    input,
                    Options {
                        todo: false,
                        ..options
                    },
                ),
            );
            todo_md(&mut out, &d, input, st, options);
        }
        (Document::Shufa, Lang::Zh) => {
            let s = super::shufa::shufa(&super::values::Scene::new(
                input.checklist,
                st,
                super::values::Person::First,
            ));
            let _ = writeln!(out, "# {}\n", md_text(&s.title));
            let _ = writeln!(out, "{}\n", md_text(&s.opening));
            let _ = writeln!(out, "## {}\n", md_text(&s.duties_heading));
            for g in &s.groups {
                if let Some(h) = &g.heading {
                    let _ = writeln!(out, "### {}\n", md_text(h));
                }
                let _ = writeln!(out, "{}\n", md_text(&g.paragraph()));
            }
            let _ = writeln!(out, "## {}\n", md_text(&s.shortcomings_heading));
            let _ = writeln!(out, "{}\n", md_text(&s.shortcomings_paragraph()));
            let _ = writeln!(out, "## {}\n", md_text(&s.plans_heading));
            let _ = writeln!(out, "{}\n", md_text(&s.plans_paragraph()));
            if !s.closing.is_empty() {
                let _ = writeln!(out, "{}\n", md_text(&s.closing));
            }
        }
        (Document::Shufa, Lang::En) => {
            let s = super::shufa::shufa(&super::values::Scene::new(
                input.checklist,
                st,
                super::values::Person::First,
            ));
            fenced(&mut out, &super::plain::shufa_text(&s, input));
        }
        (Document::Ledger, _) => {
            let rows = rows(input, st);
            let _ = writeln!(out, "## {}\n", md_text(&ledger_title(input)));
            let _ = writeln!(out, "{}\n", lang.words().as_of(input.today));
            ledger_table(&mut out, &rows, lang);
        }
    }
    out
}

/// The English rendering is already laid out as a list; kept verbatim, fenced by more
/// backticks than any run inside it.
fn fenced(out: &mut String, text: &str) {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let _ = write!(out, "{fence}text\n{text}{fence}\n\n");
}

/// The to-do list and the completion table, each only when asked for.
fn todo_md(out: &mut String, d: &Draft, input: &Input<'_>, st: &Status<'_>, options: Options<'_>) {
    let lang = input.lang;
    if options.todo {
        let _ = writeln!(out, "### {}\n", todo_title(lang));
        if d.shortfalls.is_empty() {
            let _ = writeln!(out, "{}\n", lang.words().todo_none());
        } else {
            for line in todo_lines(&d.shortfalls, lang) {
                let _ = writeln!(out, "{}", md_text(&line));
            }
            out.push('\n');
        }
    }
    if options.table {
        let _ = writeln!(out, "### {}\n", lang.words().completion_table_title());
        summary_table(out, &rows(input, st), lang);
    }
}

fn summary_table(out: &mut String, rows: &[Row<'_>], lang: Lang) {
    headings(
        out,
        lang,
        &[
            Column::Number,
            Column::Item,
            Column::Owner,
            Column::State,
            Column::Evidence,
        ],
    );
    out.push_str("|---:|---|---|---|---|\n");
    for r in rows {
        table_row(
            out,
            &[
                &r.number.to_string(),
                &r.title,
                &r.owner,
                &r.state_and_progress(lang),
                &r.evidence,
            ],
        );
    }
}

fn ledger_table(out: &mut String, rows: &[Row<'_>], lang: Lang) {
    headings(
        out,
        lang,
        &[
            Column::Number,
            Column::Section,
            Column::Item,
            Column::Owner,
            Column::Kind,
            Column::Target,
            Column::State,
            Column::Progress,
            Column::Due,
            Column::Done,
            Column::Evidence,
            Column::Note,
        ],
    );
    out.push_str("|---:|---|---|---|---|---|---|---|---|---|---|---|\n");
    for r in rows {
        let entries: Vec<String> = r.entries().iter().map(|e| entry_text(e, lang)).collect();
        let mut state = r.state.clone();
        if !entries.is_empty() {
            state.push('\n');
            state.push_str(&entries.join("\n"));
        }
        table_row(
            out,
            &[
                &r.number.to_string(),
                &r.section,
                &r.title,
                &r.owner,
                kind_label(r.status.item.kind.tag(), lang),
                &r.target,
                &state,
                &r.progress,
                &date_text(Some(r.status.due), lang),
                &date_text(r.done, lang),
                &r.evidence,
                &r.note,
            ],
        );
    }
}
