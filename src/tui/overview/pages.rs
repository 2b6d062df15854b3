//! The overview screen's pages: the units (with why the selected one scores what it does),
//! the matrix (items × units, scrolled sideways), every file's status, the 通报 draft, and
//! one unit's page. Long lists scroll a page at a time, so the screen never jumps under the
//! cursor line by line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::detail::Detail;
use super::state::State;
use super::view::{clean, fit, put, right, tone, wrap};
use crate::i18n::overview::FileTag;
use crate::i18n::overview::screen::of;
use crate::overview::export::{file_cells, last_change_day, matrix_text};
use crate::overview::matrix::{self as grid, MatrixCell};
use crate::overview::{CellState, Checksum, UnitRow};
use crate::text::dates::iso;
use crate::text::numbers::percent;
use crate::text::width;

/// Write a cell padded with spaces: the spaces in `base`, the text itself in `style` (so an
/// underline or a colour marks the figure, not the padding).
fn padded(
    buf: &mut Buffer,
    area: Rect,
    x: u16,
    y: u16,
    cell: &str,
    base: Style,
    style: Style,
) -> u16 {
    let text = cell.trim_start_matches(' ');
    let lead = cell.len() - text.len();
    let core = text.trim_end_matches(' ');
    let trail = text.len() - core.len();
    let all = usize::from(area.width);
    let x = put(buf, area, x, y, &" ".repeat(lead), all, base);
    let x = put(buf, area, x, y, core, all, style);
    put(buf, area, x, y, &" ".repeat(trail), all, base)
}

/// The first line to show so that `cursor` is on the page (`lines` per page).
fn first_of_page(cursor: usize, lines: usize) -> usize {
    let lines = lines.max(1);
    cursor / lines * lines
}

/// A row's flags: `x` no usable file, `!` altered, `T` other checklist, `+` several files,
/// `?` a record duty would refuse.
fn flags(r: &UnitRow) -> String {
    let mut f = String::new();
    if r.figures.is_none() {
        f.push('x');
    }
    if r.checksum != Checksum::Valid {
        f.push('!');
    }
    if r.other_template.is_some() {
        f.push('T');
    }
    if !r.other_files.is_empty() {
        f.push('+');
    }
    if r.problem.is_some() {
        f.push('?');
    }
    f
}

pub fn units(s: &State, area: Rect, buf: &mut Buffer) {
    let t = of(s.lang);
    let w = s.lang.words();
    let o = &s.overview;
    if area.height == 0 {
        return;
    }
    let info_h: u16 = if area.height >= 8 { 3 } else { 0 };
    let list_h = usize::from(area.height.saturating_sub(1 + info_h));
    // Columns: number, name, done, then the counts as room allows.
    let c = &t.columns;
    let num_w = (s.shown.len().max(1).to_string().len()).max(width(c[0]));
    let count_w = |i: usize| width(c[i]).max(3);
    let mut cols: Vec<(usize, usize)> = vec![(2, 11), (7, count_w(7)), (3, count_w(3))];
    for extra in [4, 5, 6, 8, 9] {
        let w = if extra == 8 {
            width(c[8]).max(10)
        } else {
            count_w(extra)
        };
        cols.push((extra, w));
    }
    let fixed =
        |cols: &[(usize, usize)]| cols.iter().map(|(_, w)| w + 1).sum::<usize>() + num_w + 1;
    while cols.len() > 3 && usize::from(area.width) < fixed(&cols) + 14 {
        cols.pop();
    }
    cols.sort_by_key(|(i, _)| *i);
    let name_w = usize::from(area.width).saturating_sub(fixed(&cols)).max(4);
    let line = |cells: &[(String, Style)], y: u16, buf: &mut Buffer, base: Style| {
        let mut x = area.x;
        for (text, style) in cells {
            x = padded(buf, area, x, y, text, base, base.patch(*style));
            x = put(buf, area, x, y, " ", 1, base);
        }
    };
    let mut head = vec![
        (fit(c[0], num_w), Style::new()),
        (fit(c[1], name_w), Style::new()),
    ];
    for (i, cw) in &cols {
        head.push((right(c[*i], *cw), Style::new()));
    }
    line(&head, area.y, buf, s.theme.label());
    if s.shown.is_empty() {
        put(
            buf,
            area,
            area.x,
            area.y + 1,
            t.no_units,
            usize::from(area.width),
            s.theme.dim(),
        );
        return;
    }
    let first = first_of_page(s.cursor, list_h);
    for (k, &r) in s.shown.iter().enumerate().skip(first).take(list_h) {
        let row = &o.rows[r];
        let y = area.y + 1 + (k - first) as u16;
        let selected = k == s.cursor;
        let base = if selected {
            s.theme.selected()
        } else {
            Style::new()
        };
        if selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), base);
        }
        let name_style = if row.figures.is_none() {
            s.theme.error()
        } else {
            Style::new()
        };
        let mut cells = vec![
            (right(&(k + 1).to_string(), num_w), s.theme.dim()),
            (fit(&clean(&row.name), name_w), name_style),
        ];
        for &(i, cw) in &cols {
            let (text, style) = match (i, row.figures) {
                (9, _) => (flags(row), s.theme.error()),
                (8, _) => (
                    row.last_change
                        .map(|c| {
                            iso(last_change_day(c, &|t| crate::overview::local_day(&s.clock, t)).0)
                        })
                        .unwrap_or_else(|| "-".into()),
                    s.theme.dim(),
                ),
                (_, None) => ("-".into(), s.theme.dim()),
                (2, Some(f)) => (
                    format!(
                        "{}/{} {}%",
                        f.complete,
                        f.items,
                        percent(u64::from(f.complete), u64::from(f.items))
                    ),
                    Style::new(),
                ),
                (3, Some(f)) if f.overdue > 0 => (f.overdue.to_string(), s.theme.overdue()),
                (3, Some(f)) => (f.overdue.to_string(), Style::new()),
                (4, Some(f)) if f.behind > 0 => (f.behind.to_string(), s.theme.due_soon()),
                (4, Some(f)) => (f.behind.to_string(), Style::new()),
                (5, Some(f)) if f.below > 0 => (f.below.to_string(), s.theme.due_soon()),
                (5, Some(f)) => (f.below.to_string(), Style::new()),
                (6, Some(f)) => (f.no_evidence.to_string(), Style::new()),
                (_, Some(f)) if f.score() > 0 => (f.score().to_string(), s.theme.title()),
                (_, Some(f)) => (f.score().to_string(), s.theme.complete()),
            };
            let text = if i == 9 {
                fit(&text, cw)
            } else {
                right(&text, cw)
            };
            cells.push((text, if selected { Style::new() } else { style }));
        }
        line(&cells, y, buf, base);
    }
    // Why the selected unit is where it is.
    if info_h > 0
        && let Some(&r) = s.shown.get(s.cursor)
    {
        let row = &o.rows[r];
        let y = area.bottom() - info_h;
        let rule = "-".repeat(usize::from(area.width));
        put(
            buf,
            area,
            area.x,
            y,
            &rule,
            usize::from(area.width),
            s.theme.dim(),
        );
        let mut first = clean(&row.name);
        if let Some(f) = &row.figures {
            first.push_str("  ");
            first.push_str(&w.score_breakdown(f));
        }
        put(
            buf,
            area,
            area.x,
            y + 1,
            &first,
            usize::from(area.width),
            s.theme.title(),
        );
        let notes = w
            .row_notes(row, &o.files)
            .join(s.lang.words().clause_mark());
        put(
            buf,
            area,
            area.x,
            y + 2,
            &clean(&notes),
            usize::from(area.width),
            s.theme.due_soon(),
        );
    }
}

/// Cells of one matrix column on screen.
const COLUMN: usize = 11;

pub fn matrix(s: &State, area: Rect, buf: &mut Buffer) {
    let t = of(s.lang);
    let w = s.lang.words();
    let o = &s.overview;
    if area.height < 3 {
        return;
    }
    let Some(template) = o.template_skeleton() else {
        put(
            buf,
            area,
            area.x,
            area.y,
            w.no_template(),
            usize::from(area.width),
            s.theme.dim(),
        );
        return;
    };
    let item_w = (usize::from(area.width) / 3).clamp(10, 30);
    let per_page = ((usize::from(area.width).saturating_sub(item_w + 1)) / COLUMN).max(1);
    let first_col = first_of_page(s.column, per_page);
    let visible: Vec<usize> = s
        .columns
        .iter()
        .copied()
        .skip(first_col)
        .take(per_page)
        .collect();
    let Some(m) = grid::matrix(o, &visible) else {
        return;
    };
    // Which unit and item are selected, in full.
    let unit = s.columns.get(s.column).map(|&r| &o.rows[r]);
    let item = template.items.get(s.cursor);
    let sep = s.lang.words().colon();
    let mut what = format!("{}{sep}", t.unit_of_column);
    if let Some(u) = unit {
        let number = s
            .shown
            .iter()
            .position(|&x| Some(&o.rows[x]) == Some(u))
            .map_or(0, |p| p + 1);
        what.push_str(&format!("{number} {}", clean(&u.name)));
    }
    if let Some(i) = item {
        what.push_str(&format!("  |  {}{sep}{}", t.item_column, clean(&i.title)));
    }
    if let (Some(u), Some(_)) = (unit, item)
        && let Some(k) = visible.iter().position(|&r| std::ptr::eq(&o.rows[r], u))
    {
        what.push_str(&format!(
            "  =  {}",
            matrix_text(o, u, &m.cells[s.cursor][k], s.lang, true)
        ));
    }
    put(
        buf,
        area,
        area.x,
        area.y,
        &what,
        usize::from(area.width),
        s.theme.title(),
    );
    // The header: numbers as in the units page.
    let y = area.y + 1;
    let mut x = put(
        buf,
        area,
        area.x,
        y,
        &fit(t.item_column, item_w),
        usize::from(area.width),
        s.theme.label(),
    );
    x = put(buf, area, x, y, " ", 1, Style::new());
    for (k, &r) in visible.iter().enumerate() {
        let number = s.shown.iter().position(|&x| x == r).map_or(0, |p| p + 1);
        let style = if first_col + k == s.column {
            s.theme.selected()
        } else {
            s.theme.label()
        };
        x = put(
            buf,
            area,
            x,
            y,
            &fit(&format!("#{number}"), COLUMN - 1),
            COLUMN,
            style,
        );
        x = put(buf, area, x, y, " ", 1, Style::new());
    }
    let rows_h = usize::from(area.height.saturating_sub(2));
    let first = first_of_page(s.cursor, rows_h);
    for (i, it) in template.items.iter().enumerate().skip(first).take(rows_h) {
        let y = area.y + 2 + (i - first) as u16;
        let selected_row = i == s.cursor;
        let title_style = if selected_row {
            s.theme.selected()
        } else {
            Style::new()
        };
        let mut x = put(
            buf,
            area,
            area.x,
            y,
            &fit(&clean(&it.title), item_w),
            usize::from(area.width),
            title_style,
        );
        x = put(buf, area, x, y, " ", 1, Style::new());
        for (k, &r) in visible.iter().enumerate() {
            let c = &m.cells[i][k];
            let style = match c {
                MatrixCell::Dropped => s.theme.dim(),
                MatrixCell::Item { cell, .. } => match cell.state {
                    CellState::Overdue => s.theme.overdue(),
                    CellState::Below | CellState::Behind => s.theme.due_soon(),
                    CellState::Done => s.theme.complete(),
                    CellState::Open => Style::new(),
                },
            };
            let style = if selected_row && first_col + k == s.column {
                s.theme.selected()
            } else {
                style
            };
            let text = matrix_text(o, &o.rows[r], c, s.lang, true);
            x = padded(
                buf,
                area,
                x,
                y,
                &fit(&text, COLUMN - 1),
                Style::new(),
                style,
            );
            x = put(buf, area, x, y, " ", 1, Style::new());
        }
    }
}

pub fn files(s: &State, area: Rect, buf: &mut Buffer) {
    let t = of(s.lang);
    let w = s.lang.words();
    let o = &s.overview;
    if o.files.is_empty() {
        put(
            buf,
            area,
            area.x,
            area.y,
            t.no_files,
            usize::from(area.width),
            s.theme.dim(),
        );
        return;
    }
    let tag_w = 10;
    let h = usize::from(area.height);
    let first = first_of_page(s.cursor, h);
    for i in first..(first + h).min(o.files.len()) {
        let y = area.y + (i - first) as u16;
        let (tag, path, detail) = file_cells(o, i, s.lang);
        let style = match tag {
            FileTag::Used => s.theme.ok(),
            FileTag::Unverified | FileTag::Damaged | FileTag::TooNew | FileTag::Unreadable => {
                s.theme.error()
            }
            FileTag::Superseded | FileTag::OtherYear | FileTag::OtherTemplate => s.theme.due_soon(),
            FileTag::NotUnitFile | FileTag::Empty | FileTag::TooLarge => s.theme.dim(),
        };
        let selected = i == s.cursor;
        let base = if selected {
            s.theme.selected()
        } else {
            Style::new()
        };
        if selected {
            buf.set_style(Rect::new(area.x, y, area.width, 1), base);
        }
        let mut x = put(
            buf,
            area,
            area.x,
            y,
            &fit(w.file_tag(tag), tag_w),
            usize::from(area.width),
            if selected { base } else { style },
        );
        x = put(buf, area, x, y, " ", 1, base);
        let rest = format!("{}  {}", clean(path), clean(&detail));
        put(buf, area, x, y, &rest, usize::from(area.width), base);
    }
}

/// The notice as lines of at most `cells` cells.
pub fn notice_lines(s: &State, cells: usize) -> Vec<String> {
    wrap(&s.notice, cells)
}

pub fn notice(s: &State, area: Rect, buf: &mut Buffer) {
    let lines = notice_lines(s, usize::from(area.width));
    let first = s.cursor.min(lines.len().saturating_sub(1));
    for (k, l) in lines
        .iter()
        .skip(first)
        .take(usize::from(area.height))
        .enumerate()
    {
        put(
            buf,
            area,
            area.x,
            area.y + k as u16,
            &clean(l),
            usize::from(area.width),
            Style::new(),
        );
    }
}

/// A unit's page as lines of at most `cells` cells, each with its tone.
pub fn detail_lines(d: &Detail, cells: usize) -> Vec<(String, super::detail::Tone)> {
    d.lines
        .iter()
        .flat_map(|(text, tone)| {
            wrap(&clean(text), cells)
                .into_iter()
                .map(move |l| (l, *tone))
        })
        .collect()
}

pub fn detail(s: &State, d: &Detail, area: Rect, buf: &mut Buffer) {
    let lines = detail_lines(d, usize::from(area.width));
    let first = d.scroll.min(lines.len().saturating_sub(1));
    for (k, (l, tn)) in lines
        .iter()
        .skip(first)
        .take(usize::from(area.height))
        .enumerate()
    {
        put(
            buf,
            area,
            area.x,
            area.y + k as u16,
            l,
            usize::from(area.width),
            tone(s, *tn),
        );
    }
}
