//! Pop-ups over the main screen: help, forms, confirmations and the export menu.
//!
//! Each clears its area first, so wide glyphs underneath leave no debris (ratatui #2526).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::block;
use super::main::skip_cells;
use crate::i18n::screen::{self as strings, of};
use crate::text::{pad, truncate, width};
use crate::tui::app::{App, Confirm, FORMATS, PickFor};
use crate::tui::form::Form;

/// Clear `r` for a pop-up. A wide glyph just left of it would spill its second half into
/// the pop-up's first column in a real terminal, so it is blanked too (ratatui #2526).
fn clear(r: Rect, buf: &mut Buffer) {
    Clear.render(r, buf);
    if r.x == 0 {
        return;
    }
    for y in r.top()..r.bottom() {
        let left = &mut buf[(r.x - 1, y)];
        if width(left.symbol()) > 1 {
            left.set_symbol(" ");
        }
    }
}

/// A `w`×`h` rectangle centred in `area`, never larger than it.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let t = app.theme;
    let keys_w = s.help.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
    let text_w = s.help.iter().map(|(_, d)| width(d)).max().unwrap_or(0);
    let r = centred(
        area,
        (keys_w + text_w + 4) as u16,
        (s.help.len() + 3) as u16,
    );
    clear(r, buf);
    let b = block(t, Span::styled(s.help_title, t.title()), true);
    let inner = b.inner(r);
    b.render(r, buf);
    let room = usize::from(inner.width).saturating_sub(keys_w);
    let mut lines: Vec<Line> = s
        .help
        .iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(pad(k, keys_w), t.key()),
                Span::raw(truncate(d, room).into_owned()),
            ])
        })
        .collect();
    lines.push(Line::styled(s.help_close, t.dim()));
    Paragraph::new(lines).render(inner, buf);
}

/// The form's box and, per field, the label row (label + input) and the error row below.
struct FormLayout {
    outer: Rect,
    label_w: u16,
    rows: Vec<Rect>,
    /// Rows per field: 2 with room for an error below each, else 1.
    per: usize,
    /// Fields scrolled out of the box above and below.
    hidden: (usize, usize),
}

fn form_layout(form: &Form, area: Rect) -> FormLayout {
    let n = form.fields.len();
    // Two rows a field (the input, its error) where they fit, else one; the box holds a
    // window of fields around the one being typed in, so Tab never moves into a hidden one.
    let per = if (n * 2 + 4) as u16 <= area.height {
        2
    } else {
        1
    };
    let h = (n * per + 4) as u16;
    let outer = centred(area, 72.min(area.width.saturating_sub(2)).max(20), h);
    let inner = Rect::new(
        outer.x.saturating_add(1),
        outer.y.saturating_add(1),
        outer.width.saturating_sub(2),
        outer.height.saturating_sub(2),
    );
    let label_w = form
        .fields
        .iter()
        .map(|f| width(f.label))
        .max()
        .unwrap_or(0) as u16
        + 2;
    // Rows for fields: all but the top gap and the keys line.
    let room = usize::from(inner.height.saturating_sub(2)) / per;
    let first = form
        .focus
        .saturating_sub(room.saturating_sub(1))
        .min(n.saturating_sub(room.max(1)));
    let rows = (0..n)
        .map(|i| {
            let shown = room > 0 && i >= first && i < first + room;
            let y = inner
                .y
                .saturating_add(1 + (per * i.saturating_sub(first)) as u16);
            if shown && y < inner.bottom() {
                Rect::new(inner.x, y, inner.width, 1)
            } else {
                Rect::new(inner.x, inner.y, 0, 0)
            }
        })
        .collect();
    FormLayout {
        outer,
        label_w,
        rows,
        per,
        hidden: (first, n.saturating_sub(first + room)),
    }
}

/// The cells an input may use in `row` (after the label).
fn input_rect(l: &FormLayout, row: Rect) -> Rect {
    let x = row.x.saturating_add(l.label_w).min(row.right());
    Rect::new(x, row.y, row.right().saturating_sub(x), row.height)
}

pub fn form(app: &App, form: &Form, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let l = form_layout(form, area);
    clear(l.outer, buf);
    let title = format!("{}: {}", form.title(app.lang), form.item_title);
    let b = block(t, Span::styled(title, t.title()), true);
    let inner = b.inner(l.outer);
    b.render(l.outer, buf);
    for (i, (field, row)) in form.fields.iter().zip(&l.rows).enumerate() {
        if row.height == 0 {
            continue;
        }
        let label_style = if i == form.focus { t.key() } else { t.label() };
        buf.set_stringn(
            row.x,
            row.y,
            field.label,
            usize::from(l.label_w),
            label_style,
        );
        let input = input_rect(&l, *row);
        let w = usize::from(input.width);
        let scroll = field.input.visual_scroll(w.saturating_sub(1));
        let style = if i == form.focus {
            t.selected_unfocused()
        } else {
            t.normal()
        };
        buf.set_stringn(input.x, input.y, " ".repeat(w), w, style);
        buf.set_stringn(
            input.x,
            input.y,
            skip_cells(field.value(), scroll),
            w,
            style,
        );
        if let Some(e) = field.error {
            if l.per == 2 && row.y + 1 < inner.bottom() {
                buf.set_stringn(input.x, row.y + 1, e, w, t.error());
            } else if i == form.focus {
                // No row for it: the error takes the input's place until it is fixed.
                let text = format!("{} {e}", skip_cells(field.value(), scroll));
                buf.set_stringn(input.x, input.y, text, w, t.error());
            }
        }
    }
    // Fields out of sight are said, so the officer knows to Tab on.
    let (above, below) = l.hidden;
    if above > 0 {
        buf.set_stringn(inner.right().saturating_sub(3), inner.y, " ^ ", 3, t.key());
    }
    if below > 0 {
        let y = inner.bottom().saturating_sub(2);
        buf.set_stringn(inner.right().saturating_sub(3), y, " v ", 3, t.key());
    }
    let keys_y = inner.bottom().saturating_sub(1);
    if keys_y > inner.y {
        buf.set_stringn(
            inner.x,
            keys_y,
            of(app.lang).form_keys,
            usize::from(inner.width),
            t.dim(),
        );
    }
}

pub fn form_cursor(form: &Form, area: Rect) -> Option<Position> {
    let l = form_layout(form, area);
    let row = *l.rows.get(form.focus)?;
    let input = input_rect(&l, row);
    if input.width == 0 || input.height == 0 {
        return None;
    }
    let w = usize::from(input.width);
    let f = &form.fields[form.focus];
    let x = f.input.visual_cursor() - f.input.visual_scroll(w - 1);
    Some(Position::new(input.x + x.min(w - 1) as u16, input.y))
}

pub fn confirm(app: &App, what: &Confirm, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let words = app.lang.words();
    let t = app.theme;
    let (question, detail): (String, Vec<String>) = match what {
        Confirm::Quit => (s.confirm_quit.into(), Vec::new()),
        Confirm::RemoveEntry { item, entry } => {
            let detail = app
                .ledger
                .record(item)
                .and_then(|r| r.entries.iter().find(|e| e.id == *entry))
                .map(|e| {
                    format!(
                        "{}  {}  #{}",
                        crate::text::dates::iso(e.date),
                        crate::text::strip_unsafe(&e.topic),
                        crate::text::strip_unsafe(&e.id)
                    )
                });
            (s.confirm_remove.into(), detail.into_iter().collect())
        }
        Confirm::Uncheck { item } => {
            let detail = app
                .ledger
                .record(item)
                .and_then(|r| r.done.as_ref())
                .map(|d| {
                    let date = crate::text::dates::iso(d.date);
                    if d.evidence.is_empty() {
                        date
                    } else {
                        format!("{date}  {}", crate::text::strip_unsafe(&d.evidence))
                    }
                });
            (s.confirm_uncheck.into(), detail.into_iter().collect())
        }
        Confirm::Undo { what, redo, .. } => {
            let question = if *redo {
                s.confirm_redo
            } else {
                s.confirm_undo
            };
            (question.into(), vec![what.clone()])
        }
        Confirm::Attach { request } => {
            let title = app
                .checklist
                .item(&request.item)
                .map_or(request.item.as_str(), |i| i.title.as_str());
            let entry = request.entry.as_deref().and_then(|id| {
                let e = app.ledger.record(&request.item)?.entry(id)?;
                Some((id, e.date, e.topic.as_str()))
            });
            let mut detail = vec![words.attach_target(title, entry, request.date)];
            // The files as they will be read; a long list shows its start and how many.
            const SHOWN: usize = 8;
            for p in request.files.iter().take(SHOWN) {
                detail.push(format!("  {}", p.display()));
            }
            if request.files.len() > SHOWN {
                detail.push("  …".into());
            }
            (words.confirm_attach(request.files.len()), detail)
        }
        Confirm::Detach { item, file } => {
            let owner = match &file.entry {
                Some(id) => format!("#{id}"),
                None => words.file_owner(None),
            };
            let title = app
                .checklist
                .item(item)
                .map_or(item.as_str(), |i| i.title.as_str());
            let detail = vec![
                title.to_string(),
                format!(
                    "{}  {}  {}  {owner}",
                    file.name,
                    crate::pack::index::size_text(file.size),
                    crate::text::dates::iso(file.date)
                ),
            ];
            (words.confirm_detach().into(), detail)
        }
    };
    // What reaches the terminal is made safe once, here (a path or name can hold anything),
    // and kept inside the body with a margin.
    let most = usize::from(area.width.saturating_sub(8));
    let detail: Vec<String> = detail
        .iter()
        .map(|d| truncate(&crate::text::strip_unsafe(d), most).into_owned())
        .collect();
    let widest = detail
        .iter()
        .map(|d| width(d))
        .chain([width(&question), width(s.confirm_keys)])
        .max()
        .unwrap_or(0);
    let r = centred(area, (widest + 4) as u16, (5 + detail.len()) as u16);
    clear(r, buf);
    let b = block(t, "", true);
    let inner = b.inner(r);
    b.render(r, buf);
    let room = usize::from(inner.width);
    let mut lines = vec![Line::styled(question, t.title())];
    for d in &detail {
        lines.push(Line::raw(truncate(d, room).into_owned()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.confirm_keys, t.key()));
    Paragraph::new(lines).render(inner, buf);
}

/// The file picker: the item's files numbered as `duty evidence` numbers them.
pub fn pick(app: &App, purpose: PickFor, item: &str, choice: usize, area: Rect, buf: &mut Buffer) {
    let words = app.lang.words();
    let t = app.theme;
    let files = crate::evidence::files_of(&app.ledger, item);
    let names: Vec<String> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let owner = match &f.entry {
                Some(id) => format!("#{id}"),
                None => words.file_owner(None),
            };
            crate::text::strip_unsafe(&format!(
                " {}. {}  {}  {owner}",
                i + 1,
                f.name,
                crate::pack::index::size_text(f.size)
            ))
        })
        .collect();
    let title = words.pick_file(purpose == PickFor::Open);
    let w = names
        .iter()
        .map(|n| width(n))
        .chain([width(words.pick_keys()), width(title)])
        .max()
        .unwrap_or(0)
        + 4;
    let r = centred(area, w as u16, (names.len() + 4) as u16);
    clear(r, buf);
    let b = block(t, Span::styled(title, t.title()), true);
    let inner = b.inner(r);
    b.render(r, buf);
    let room = usize::from(inner.width);
    // Keep the chosen file in the box when there are more than fit.
    let rows = usize::from(inner.height.saturating_sub(2)).max(1);
    let first = choice.saturating_sub(rows - 1);
    let mut lines: Vec<Line> = names
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, n)| {
            let text = pad(&truncate(n, room), room);
            Line::styled(
                text,
                if i == choice {
                    t.selected()
                } else {
                    t.normal()
                },
            )
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(words.pick_keys(), t.dim()));
    Paragraph::new(lines).render(inner, buf);
}

pub fn export(app: &App, choice: usize, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let t = app.theme;
    let names: Vec<&str> = FORMATS
        .iter()
        .map(|f| strings::format_name(app.lang, *f))
        .collect();
    let w = names
        .iter()
        .map(|n| width(n))
        .chain([width(s.export_keys), width(s.export_title)])
        .max()
        .unwrap_or(0)
        + 6;
    let r = centred(area, w as u16, (FORMATS.len() + 4) as u16);
    clear(r, buf);
    let b = block(t, Span::styled(s.export_title, t.title()), true);
    let inner = b.inner(r);
    b.render(r, buf);
    let mut lines: Vec<Line> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let text = pad(&format!(" {n}"), usize::from(inner.width));
            Line::styled(
                text,
                if i == choice {
                    t.selected()
                } else {
                    t.normal()
                },
            )
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.export_keys, t.dim()));
    Paragraph::new(lines).render(inner, buf);
}
