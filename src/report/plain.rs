//! Plain text and Markdown: section three to paste into the report, the ledger to read.

use std::fmt::Write;

use super::draft::Draft;
use super::table::{Row, kind_label, rows};
use super::{Document, Input};
use crate::i18n::Lang;
use crate::progress::Status;
use crate::text::dates as date;

/// Title of the unfinished list, which feeds section five.
fn shortfalls_title(lang: Lang) -> &'static str {
    lang.pick(
        "未完成事项（供第五部分“存在的不足和原因”参考）",
        "Not complete (for section five, shortcomings and their causes)",
    )
}

/// Section three as text: Chinese paragraphs one per line, or the English rendering.
pub fn summary_text(d: &Draft, input: &Input<'_>) -> String {
    let mut out = String::new();
    match input.lang {
        Lang::Zh => {
            out.push_str(&d.heading);
            out.push_str("\n\n");
            for p in d.paragraphs() {
                out.push_str(&p);
                out.push('\n');
            }
            out.push('\n');
            if d.shortfalls.is_empty() {
                out.push_str("未完成事项：无。\n");
            } else {
                let _ = writeln!(out, "{}：", shortfalls_title(Lang::Zh));
                for (i, s) in d.shortfalls.iter().enumerate() {
                    let _ = writeln!(out, "{}. {}。", i + 1, s.line(Lang::Zh));
                }
            }
        }
        Lang::En => {
            let year = input.checklist.year;
            let _ = writeln!(
                out,
                "Section three of the {year} annual report (draft): how the principal leaders \
                 carried out their duty as the persons first responsible for the rule of law"
            );
            out.push_str(
                "Note: the headings and labels are translated; the report sentences are the \
                 checklist's own templates, filled from the ledger, and stay as the officer \
                 wrote them.\n\n",
            );
            let _ = writeln!(out, "Heading: {}", d.heading);
            let _ = writeln!(out, "Opening: {}", d.opening);
            out.push_str("Completed duties:\n");
            if d.groups.is_empty() {
                out.push_str("  (none recorded yet)\n");
            }
            for g in &d.groups {
                let _ = writeln!(out, "  {}", g.section);
                for c in &g.clauses {
                    let _ = writeln!(out, "    {}. {}", c.number, c.text);
                }
            }
            let _ = writeln!(out, "Closing: {}", d.closing);
            out.push('\n');
            if d.shortfalls.is_empty() {
                out.push_str("Not complete: none.\n");
            } else {
                let _ = writeln!(out, "{}:", shortfalls_title(Lang::En));
                for (i, s) in d.shortfalls.iter().enumerate() {
                    let _ = writeln!(out, "  {}. {}", i + 1, s.line(Lang::En));
                }
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
    match input.lang {
        Lang::Zh => (
            org,
            format!("{}年度法治建设第一责任人职责完成情况台账", c.year),
        ),
        Lang::En => (
            org,
            format!("completion ledger of rule-of-law duties, {}", c.year),
        ),
    }
}

/// The ledger's title on one line.
pub fn ledger_title(input: &Input<'_>) -> String {
    let (org, what) = ledger_title_parts(input);
    match input.lang {
        Lang::Zh => format!("{org}{what}"),
        Lang::En => format!("{org}: {what}"),
    }
}

/// The full ledger as text: one block per item, grouped by section.
pub fn ledger_text(input: &Input<'_>, st: &Status<'_>) -> String {
    let lang = input.lang;
    let rows = rows(input, st);
    let mut out = String::new();
    let _ = writeln!(out, "{}", ledger_title(input));
    let _ = writeln!(
        out,
        "{}{}",
        lang.pick("截至", "As of "),
        match lang {
            Lang::Zh => date::chinese(input.today),
            Lang::En => date::iso(input.today),
        }
    );
    let mut section = "";
    for r in &rows {
        if r.section != section {
            section = &r.section;
            let _ = writeln!(out, "\n{section}");
        }
        let _ = writeln!(out, "{}. {}", r.number, r.title);
        let mut field = |label_zh: &str, label_en: &str, value: &str| {
            if !value.is_empty() {
                let sep = lang.pick("：", ": ");
                let _ = writeln!(out, "   {}{sep}{value}", lang.pick(label_zh, label_en));
            }
        };
        field("责任科室", "Owner", &r.owner);
        field("完成情况", "State", &r.state);
        field("状态", "Progress", &r.progress);
        field("截止日期", "Due", &date_text(Some(r.status.due), lang));
        field("完成日期", "Done", &date_text(r.done, lang));
        field("佐证材料", "Evidence", &r.evidence);
        field("备注", "Note", &r.note);
        for e in r.entries() {
            let _ = writeln!(out, "   - {}", entry_text(e, lang));
        }
    }
    out
}

fn date_text(d: Option<jiff::civil::Date>, lang: Lang) -> String {
    match (d, lang) {
        (None, _) => String::new(),
        (Some(d), Lang::Zh) => date::chinese(d),
        (Some(d), Lang::En) => date::iso(d),
    }
}

/// One logged entry on a line: `2024年3月1日 《宪法》 2学时（纪要〔2024〕3号）`.
fn entry_text(e: &crate::ledger::Entry, lang: Lang) -> String {
    use super::fill::clean;
    let mut s = format!("{} {}", date_text(Some(e.date), lang), clean(&e.topic));
    if let Some(h) = e.hours {
        let _ = match lang {
            Lang::Zh => write!(s, " {}学时", super::fill::figure(h)),
            Lang::En => write!(s, " {} h", super::fill::figure(h)),
        };
    }
    let ev = clean(&e.evidence);
    if !ev.is_empty() {
        let _ = match lang {
            Lang::Zh => write!(s, "（{ev}）"),
            Lang::En => write!(s, " ({ev})"),
        };
    }
    s
}

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

/// The summary (section text, unfinished items, short completion table) or the full ledger.
pub fn markdown(doc: Document, input: &Input<'_>, st: &Status<'_>) -> String {
    let lang = input.lang;
    let rows = rows(input, st);
    let mut out = String::new();
    match doc {
        Document::Summary => {
            let d = super::draft::draft_from(input, st);
            match lang {
                Lang::Zh => {
                    let _ = writeln!(out, "## {}\n", md_text(&d.heading));
                    for p in d.paragraphs() {
                        let _ = writeln!(out, "{}\n", md_text(&p));
                    }
                }
                Lang::En => {
                    // The English rendering is already laid out as a list; keep it verbatim,
                    // fenced by more backticks than any run inside it.
                    let text = summary_text(&d, input);
                    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                    let fence = "`".repeat(longest.max(2) + 1);
                    let _ = write!(out, "{fence}text\n{text}{fence}\n\n");
                }
            }
            if lang == Lang::Zh {
                let _ = writeln!(out, "### {}\n", shortfalls_title(lang));
                if d.shortfalls.is_empty() {
                    out.push_str("无。\n\n");
                }
                for (i, s) in d.shortfalls.iter().enumerate() {
                    let _ = writeln!(out, "{}. {}", i + 1, md_text(&s.line(lang)));
                }
                if !d.shortfalls.is_empty() {
                    out.push('\n');
                }
            }
            let _ = writeln!(out, "### {}\n", lang.pick("完成情况", "Completion table"));
            summary_table(&mut out, &rows, lang);
        }
        Document::Ledger => {
            let _ = writeln!(out, "## {}\n", md_text(&ledger_title(input)));
            let _ = writeln!(
                out,
                "{}{}\n",
                lang.pick("截至", "As of "),
                date_text(Some(input.today), lang)
            );
            ledger_table(&mut out, &rows, lang);
        }
    }
    out
}

fn summary_table(out: &mut String, rows: &[Row<'_>], lang: Lang) {
    table_row(
        out,
        &[
            lang.pick("序号", "No."),
            lang.pick("事项", "Item"),
            lang.pick("责任科室", "Owner"),
            lang.pick("完成情况", "State"),
            lang.pick("佐证材料", "Evidence"),
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
    table_row(
        out,
        &[
            lang.pick("序号", "No."),
            lang.pick("栏目", "Section"),
            lang.pick("事项", "Item"),
            lang.pick("责任科室", "Owner"),
            lang.pick("类型", "Kind"),
            lang.pick("目标", "Target"),
            lang.pick("完成情况", "State"),
            lang.pick("状态", "Progress"),
            lang.pick("截止日期", "Due"),
            lang.pick("完成日期", "Done"),
            lang.pick("佐证材料", "Evidence"),
            lang.pick("备注", "Note"),
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
