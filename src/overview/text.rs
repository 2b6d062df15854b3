//! The overview as plain text (aligned by display width, CJK counted two) and as Markdown.

use std::fmt::Write as _;

use super::collect::Overview;
use super::export::{self, Context, View, file_cells, file_counts, matrix_text};
use super::matrix::matrix;
use super::notice::{Block, notice};
use crate::text::{truncate, width};

/// Longest unit name shown in a text column (longer ones are cut, in full in the notes).
const NAME_CELLS: usize = 36;
/// Units side by side in one block of the text matrix.
const BLOCK: usize = 8;

pub fn render(o: &Overview, view: View, md: bool, ctx: &Context<'_>) -> String {
    let mut out = String::new();
    match view {
        View::Units => units(o, md, ctx, &mut out),
        View::Matrix => matrix_view(o, md, ctx, &mut out),
        View::Files => files(o, md, ctx, &mut out),
        View::Notice => notice_view(o, md, ctx, &mut out),
    }
    out
}

/// A Markdown table cell: pipes escaped, nothing that would break the row.
fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

fn md_table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(header));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for r in rows {
        out.push_str(&line(r));
    }
}

/// A text table: each column as wide as its widest cell; `right` columns aligned right; the
/// last column left as it is.
fn text_table(out: &mut String, header: &[String], rows: &[Vec<String>], right: &[bool]) {
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(width(c));
        }
    }
    let mut line = |cells: &[String]| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(width(c));
            if i + 1 == n {
                s.push_str(c);
            } else if right.get(i).copied().unwrap_or(false) {
                s.extend(std::iter::repeat_n(' ', pad));
                s.push_str(c);
                s.push_str("  ");
            } else {
                s.push_str(c);
                s.extend(std::iter::repeat_n(' ', pad + 2));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(header);
    for r in rows {
        line(r);
    }
}

fn heading(o: &Overview, md: bool, ctx: &Context<'_>, out: &mut String) {
    let w = ctx.lang.words();
    let title = w.overview_heading(o.year, o.today, o.rows.len());
    if md {
        let _ = writeln!(out, "# {}\n", md_cell(&title));
    } else {
        let _ = writeln!(out, "{title}");
    }
    let _ = writeln!(out, "{}", w.template_line(o.template.as_ref()));
    if md {
        out.push('\n');
    }
    let _ = writeln!(out, "{}", w.score_formula());
    if ctx.filtered {
        if md {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", w.shown_of(ctx.rows.len(), o.rows.len()));
    }
    out.push('\n');
}

fn units(o: &Overview, md: bool, ctx: &Context<'_>, out: &mut String) {
    let w = ctx.lang.words();
    heading(o, md, ctx, out);
    let header: Vec<String> = w.overview_columns().iter().map(|s| s.to_string()).collect();
    let mut recorded = false;
    let rows: Vec<Vec<String>> = ctx
        .rows
        .iter()
        .enumerate()
        .map(|(n, &r)| {
            let mut cells = export::unit_cells(o, n + 1, &o.rows[r], ctx).to_vec();
            recorded |= cells[9].ends_with(" *");
            if !md {
                cells[1] = truncate(&cells[1], NAME_CELLS).into_owned();
            }
            cells
        })
        .collect();
    if md {
        md_table(out, &header, &rows);
    } else {
        let right = [true, false, true, true, true, true, true, true, true, false];
        text_table(out, &header, &rows, &right);
    }
    if recorded {
        let _ = writeln!(
            out,
            "{}",
            ctx.lang.pick(
                "* 文件未带修改日志时间，取台账中最晚的记录日期。",
                "* the file carries no journal time: the latest date recorded in the ledger."
            )
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        w.overview_totals(&export::Totals::of(o, ctx.rows))
    );
    out.push('\n');
    files(o, md, ctx, out);
}

fn files(o: &Overview, md: bool, ctx: &Context<'_>, out: &mut String) {
    let w = ctx.lang.words();
    let head = w.files_heading(o.files.len(), &file_counts(o));
    if md {
        let _ = writeln!(out, "## {}\n", md_cell(&head));
        let header = [
            ctx.lang.pick("状态", "Status").to_string(),
            ctx.lang.pick("文件", "File").to_string(),
            ctx.lang.pick("说明", "Detail").to_string(),
        ];
        let rows: Vec<Vec<String>> = (0..o.files.len())
            .map(|i| {
                let (tag, path, detail) = file_cells(o, i, ctx.lang);
                vec![w.file_tag(tag).to_string(), path.to_string(), detail]
            })
            .collect();
        md_table(out, &header, &rows);
        return;
    }
    let _ = writeln!(out, "{head}");
    let lines: Vec<_> = (0..o.files.len())
        .map(|i| file_cells(o, i, ctx.lang))
        .collect();
    let tag_cells = lines
        .iter()
        .map(|(tag, _, _)| width(w.file_tag(*tag)))
        .max()
        .unwrap_or(0);
    for (tag, path, detail) in lines {
        let tag = w.file_tag(tag);
        let pad = " ".repeat(tag_cells.saturating_sub(width(tag)));
        let _ = writeln!(out, "  {tag}{pad}  {path}  {detail}");
    }
}

fn matrix_view(o: &Overview, md: bool, ctx: &Context<'_>, out: &mut String) {
    let w = ctx.lang.words();
    heading(o, md, ctx, out);
    let Some(m) = matrix(o, ctx.rows) else {
        let _ = writeln!(out, "{}", w.no_template());
        return;
    };
    // Each unit's number in the unit table (its place among the rows shown).
    let mut numbers = vec![0; o.rows.len()];
    for (n, &r) in ctx.rows.iter().enumerate() {
        numbers[r] = n + 1;
    }
    let number = |r: usize| numbers[r];
    let _ = writeln!(out, "{}", w.matrix_heading(m.items.len(), m.units.len()));
    if md {
        out.push('\n');
    }
    let _ = writeln!(out, "{}\n", w.matrix_legend());
    let item_col = ctx.lang.pick("事项", "Item").to_string();
    let tally_col = ctx
        .lang
        .pick("完成/逾期/未列", "done/late/none")
        .to_string();
    let added = ctx.lang.pick("另增事项", "Added items").to_string();
    let chunk = if md { m.units.len().max(1) } else { BLOCK };
    let tallies: Vec<String> = (0..m.items.len())
        .map(|i| {
            let t = m.tally(i);
            format!("{}/{}/{}", t.done, t.overdue, t.dropped)
        })
        .collect();
    for (b, block) in m.units.chunks(chunk).enumerate() {
        let first = b * chunk;
        if !md {
            let names: Vec<String> = block
                .iter()
                .map(|&r| format!("{} {}", number(r), o.rows[r].name))
                .collect();
            let _ = writeln!(out, "{}", names.join(ctx.lang.pick("；", "; ")));
        }
        let mut header = vec![item_col.clone()];
        header.extend(block.iter().map(|&r| {
            if md {
                format!("{} {}", number(r), o.rows[r].name)
            } else {
                number(r).to_string()
            }
        }));
        header.push(tally_col.clone());
        let mut rows = Vec::with_capacity(m.items.len() + 1);
        for (i, item) in m.items.iter().enumerate() {
            let mut cells = vec![if md {
                item.title.clone()
            } else {
                truncate(&item.title, 30).into_owned()
            }];
            for (k, &r) in block.iter().enumerate() {
                cells.push(matrix_text(
                    o,
                    &o.rows[r],
                    &m.cells[i][first + k],
                    ctx.lang,
                    true,
                ));
            }
            cells.push(tallies[i].clone());
            rows.push(cells);
        }
        let mut extra = vec![added.clone()];
        extra.extend((0..block.len()).map(|k| match m.extra[first + k].len() {
            0 => "-".to_string(),
            n => w.added_items(n),
        }));
        extra.push(String::new());
        rows.push(extra);
        if md {
            md_table(out, &header, &rows);
        } else {
            text_table(out, &header, &rows, &[]);
        }
        out.push('\n');
    }
    for (r, why) in &m.left_out {
        let _ = writeln!(out, "{}", w.left_out(&o.rows[*r].name, why));
    }
}

fn notice_view(o: &Overview, md: bool, ctx: &Context<'_>, out: &mut String) {
    let n = notice(o, ctx.rows, ctx.office, ctx.deadline);
    let indent = if md {
        ""
    } else {
        ctx.lang.pick("\u{3000}\u{3000}", "")
    };
    for block in ctx.lang.words().notice(&n) {
        match block {
            Block::Title(t) if md => {
                let _ = writeln!(out, "# {t}\n");
            }
            Block::Title(t) => {
                let _ = writeln!(out, "{t}\n");
            }
            Block::Subtitle(t) | Block::Salutation(t) => {
                let _ = writeln!(out, "{t}\n");
            }
            Block::Heading(t) if md => {
                let _ = writeln!(out, "## {t}\n");
            }
            Block::Heading(t) => {
                let _ = writeln!(out, "{indent}{t}\n");
            }
            Block::Paragraph(t) => {
                let _ = writeln!(out, "{indent}{t}\n");
            }
            Block::Signature(lines) => {
                for l in lines {
                    let _ = writeln!(out, "{l}{}", if md { "  " } else { "" });
                }
            }
        }
    }
}
