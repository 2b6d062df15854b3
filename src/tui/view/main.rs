//! The main screen: header, sections, items, details, footer and status line.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{bar, block};
use crate::i18n::screen::{self as strings, of};
use crate::text::{pad, truncate, width};
use crate::tui::app::{App, Focus, Mode, Row};

pub fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let t = app.theme;
    let c = &app.checklist;
    let mut first = vec![
        Span::styled(c.organization.clone(), t.title()),
        Span::raw("  "),
        Span::styled(c.title.clone(), t.title()),
        Span::raw("  "),
        Span::raw(app.lang.words().screen_year(c.year)),
    ];
    if app.ledger.closed {
        first.push(Span::styled(format!(" [{}]", s.closed_tag), t.error()));
    }
    if app.load_error.is_some() {
        first.push(Span::styled(format!(" [{}]", s.read_only_tag), t.error()));
    }
    let total = app.rows.len();
    let fraction = if total == 0 {
        0.0
    } else {
        app.done as f64 / total as f64
    };
    let (filled, empty) = bar(fraction, usize::from(area.width / 5).clamp(5, 30));
    let year_end = jiff::civil::Date::new(c.year, 12, 31)
        .map(|d| crate::text::dates::days_between(app.today, d).max(0))
        .unwrap_or(0);
    let mut second = vec![
        Span::raw("["),
        Span::styled(filled, t.bar()),
        Span::styled(empty, t.dim()),
        Span::raw("] "),
        Span::raw(format!(
            "{}/{} {} {}%   ",
            app.done,
            total,
            s.done_of,
            // One percentage everywhere: `duty status` says the same.
            crate::text::numbers::percent(app.done as u64, total as u64)
        )),
        Span::raw(format!("{} {} {}   ", s.to_year_end, year_end, s.days)),
    ];
    match app.next_deadline.map(|i| &app.rows[i]) {
        Some(r) => {
            let title = &app.item_of(r).1.title;
            second.push(Span::raw(format!("{}: ", s.next_deadline)));
            second.push(Span::styled(
                format!("{} {}", strings::days_left(app.lang, r.days_left), title),
                if r.due_soon { t.due_soon() } else { t.normal() },
            ));
        }
        None => second.push(Span::styled(s.no_deadline, t.dim())),
    }
    Paragraph::new(vec![Line::from(first), Line::from(second)]).render(area, buf);
}

pub fn sections(app: &App, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let t = app.theme;
    let focused = app.focus == Focus::Sections;
    let b = block(t, Span::styled(s.sections, t.title()), focused);
    let inner = b.inner(area);
    b.render(area, buf);
    let w = usize::from(inner.width);
    let rows = std::iter::once((s.all_sections, app.done, app.rows.len())).chain(
        app.checklist
            .sections
            .iter()
            .zip(&app.section_done)
            .map(|(sec, &(d, n))| (sec.title.as_str(), d, n)),
    );
    let lines: Vec<Line> = rows
        .enumerate()
        .skip(app.section_offset)
        .take(usize::from(inner.height))
        .map(|(i, (title, d, n))| {
            let count = format!(" {d}/{n}");
            let name = truncate(title, w.saturating_sub(width(&count)));
            let text = format!("{}{count}", pad(&name, w.saturating_sub(width(&count))));
            let style = if i == app.section_cursor {
                if focused {
                    t.selected()
                } else {
                    t.selected_unfocused()
                }
            } else if d == n && n > 0 {
                t.complete()
            } else {
                t.normal()
            };
            Line::styled(text, style)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// The style of an item row by its state (the selection is laid over it).
pub fn row_style(app: &App, r: &Row) -> Style {
    let t = app.theme;
    if r.overdue {
        t.overdue()
    } else if r.due_soon {
        t.due_soon()
    } else if r.complete {
        t.complete()
    } else {
        t.normal()
    }
}

pub fn items(app: &App, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let t = app.theme;
    let focused = app.focus == Focus::Items;
    let mut title = vec![
        Span::styled(s.items, t.title()),
        Span::raw(format!(
            " {} ",
            strings::count(app.lang, app.visible.len(), app.rows.len())
        )),
    ];
    if app.filter.index() != 0 {
        title.push(Span::styled(
            format!("[{}: {}] ", s.filter, s.filters[app.filter.index()]),
            t.key(),
        ));
    }
    if let Some(owner) = &app.owner {
        title.push(Span::styled(
            format!("[{}: {owner}] ", s.owner_col),
            t.key(),
        ));
    }
    if matches!(app.mode, Mode::Search) || !app.search.value().is_empty() {
        title.push(Span::styled(format!("{}: ", s.search), t.key()));
    }
    let b = block(t, Line::from(title), focused);
    let inner = b.inner(area);
    b.render(area, buf);
    if matches!(app.mode, Mode::Search) || !app.search.value().is_empty() {
        search_field(app, area, buf);
    }
    if app.visible.is_empty() {
        Paragraph::new(Line::styled(s.no_items, t.dim())).render(inner, buf);
        return;
    }
    let w = usize::from(inner.width);
    // Files kept (`附3`), after a `!` when the review finds evidence missing: a column as
    // wide as the widest of those shown needs (at most five cells, `!附99`), none when no
    // item shown has either, and none where the titles need the room.
    let marker = |r: &Row| {
        let gap = if r.evidence_gap.is_some() { "!" } else { "" };
        format!("{gap}{}", app.lang.words().files_marker(r.files))
    };
    let files_w = if w >= 50 {
        app.visible
            .iter()
            .map(|&i| width(&marker(&app.rows[i])))
            .max()
            .unwrap_or(0)
            .min(5)
    } else {
        0
    };
    let lines: Vec<Line> = app
        .visible
        .iter()
        .enumerate()
        .skip(app.offset)
        .take(usize::from(inner.height))
        .map(|(pos, &i)| {
            let r = &app.rows[i];
            let item = app.item_of(r).1;
            // The full date where there is room: next year's deadlines must not pass for this year's.
            let due = if w >= 44 {
                format!(" {}", crate::text::dates::iso(r.due))
            } else {
                format!(" {:02}-{:02}", r.due.month(), r.due.day())
            };
            // Wide enough for the widest glance, `99.9%/100%`.
            let glance = pad(&r.glance, 10);
            // The office, where the pane has room for it beside a readable title.
            let owner = if w >= 72 {
                format!(" {}", pad(&truncate(&item.owner, 10), 10))
            } else {
                String::new()
            };
            let files = if files_w > 0 {
                format!(" {}", pad(&truncate(&marker(r), files_w), files_w))
            } else {
                String::new()
            };
            let used = width(&glance) + width(&files) + width(&owner) + width(&due) + 1;
            let room = w.saturating_sub(used);
            let text = format!(
                "{glance} {}{files}{owner}{due}",
                pad(&truncate(&item.title, room), room)
            );
            let mut style = row_style(app, r);
            if pos == app.cursor {
                style = style.patch(if focused {
                    t.selected()
                } else {
                    t.selected_unfocused()
                });
            }
            Line::styled(text, style)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// The search text in the items pane's top border, after its title.
fn search_area(app: &App, area: Rect) -> Rect {
    let s = of(app.lang);
    let mut used = 1
        + width(s.items)
        + 1
        + width(&strings::count(app.lang, app.visible.len(), app.rows.len()))
        + 1;
    if app.filter.index() != 0 {
        used += width(&format!(
            "[{}: {}] ",
            s.filter,
            s.filters[app.filter.index()]
        ));
    }
    used += width(s.search) + 2;
    let x = area.x.saturating_add(used as u16).min(area.right());
    Rect::new(
        x,
        area.y,
        area.right().saturating_sub(x).saturating_sub(1),
        1,
    )
}

fn search_field(app: &App, area: Rect, buf: &mut Buffer) {
    let r = search_area(app, area);
    let w = usize::from(r.width);
    let scroll = app.search.input.visual_scroll(w);
    let text = skip_cells(app.search.value(), scroll);
    buf.set_stringn(r.x, r.y, text, w, app.theme.key());
}

pub fn search_cursor(app: &App, area: Rect) -> Option<Position> {
    let r = search_area(app, area);
    if r.width == 0 {
        return None;
    }
    let w = usize::from(r.width);
    let x = app.search.input.visual_cursor() - app.search.input.visual_scroll(w);
    Some(Position::new(r.x + (x.min(w - 1)) as u16, r.y))
}

/// `s` without its first `cells` display cells.
pub fn skip_cells(s: &str, cells: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        if used >= cells {
            return &s[i..];
        }
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    ""
}

pub fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let keys = match &app.mode {
        Mode::Normal => match app.focus {
            Focus::Sections => s.keys_sections,
            Focus::Items => s.keys_items,
            Focus::Details => s.keys_details,
        },
        Mode::Search => s.keys_search,
        Mode::Form(_) => s.form_keys,
        Mode::Confirm(_) => s.confirm_keys,
        Mode::Help => s.help_close,
        Mode::Summary { .. } => s.summary_keys,
        Mode::Export { .. } => s.export_keys,
        Mode::Review { .. } => s.review_keys,
        Mode::Pick { .. } => app.lang.words().pick_keys(),
    };
    buf.set_stringn(
        area.x,
        area.y,
        fit_keys(keys, usize::from(area.width)),
        usize::from(area.width),
        app.theme.key(),
    );
}

/// As many whole `key action` groups as fit in `cells`, always keeping the last two (help and
/// quit), so a narrow footer drops keys rather than cutting one in half.
fn fit_keys(keys: &str, cells: usize) -> String {
    let groups: Vec<&str> = keys.split("  ").collect();
    if width(keys) <= cells || groups.len() <= 2 {
        return keys.to_string();
    }
    let tail = &groups[groups.len() - 2..];
    let mut used = tail.iter().map(|g| width(g) + 2).sum::<usize>();
    let mut head = Vec::new();
    for g in &groups[..groups.len() - 2] {
        if used + width(g) + 2 > cells {
            break;
        }
        used += width(g) + 2;
        head.push(*g);
    }
    head.extend_from_slice(tail);
    head.join("  ")
}

pub fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let t = app.theme;
    let mut spans = Vec::new();
    if !app.pending.is_empty() {
        spans.push(Span::styled(
            format!("[{} {}] ", s.unsaved, app.pending.len()),
            t.error(),
        ));
    }
    if let Some(m) = &app.message {
        let text = m.text.replace('\n', " ");
        spans.push(Span::styled(text, if m.error { t.error() } else { t.ok() }));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

#[cfg(test)]
mod tests {
    #[test]
    fn narrow_footers_keep_help_and_quit() {
        let keys = "a 登记  r 比率  ? 帮助  q 退出";
        assert_eq!(super::fit_keys(keys, 80), keys);
        assert_eq!(super::fit_keys(keys, 24), "a 登记  ? 帮助  q 退出");
    }
}
