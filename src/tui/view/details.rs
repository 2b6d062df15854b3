//! The details pane: the selected item's facts, its logged entries, the files kept for it
//! (numbered as `duty evidence` numbers them), and the review's word when evidence is missing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::block;
use crate::i18n::screen::{self as strings, of};
use crate::pack::index::size_text;
use crate::text::wrap;
use crate::tui::app::{App, Focus};

pub fn details(app: &App, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let words = app.lang.words();
    let t = app.theme;
    let focused = app.focus == Focus::Details;
    let b = block(t, Span::styled(s.details, t.title()), focused);
    let inner = b.inner(area);
    b.render(area, buf);
    let Some(row) = app.selected() else {
        return;
    };
    let (section, item) = app.item_of(row);
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    for l in wrap(&item.title, w) {
        lines.push(Line::styled(l, t.title()));
    }
    let mut field = |label: &str, value: &str, style: Style| {
        if value.trim().is_empty() {
            return;
        }
        let head = format!("{label}: ");
        let text = format!("{head}{value}");
        for (n, l) in wrap(&text, w).into_iter().enumerate() {
            if n == 0 && l.len() >= head.len() && l.starts_with(&head) {
                lines.push(Line::from(vec![
                    Span::styled(head.clone(), t.label()),
                    Span::styled(l[head.len()..].to_string(), style),
                ]));
            } else {
                lines.push(Line::styled(l, style));
            }
        }
    };
    let date = words.date(row.due);
    // A countdown (or "overdue") means nothing once the item is complete.
    let due = if row.complete {
        date
    } else {
        format!("{date}  {}", strings::days_left(app.lang, row.days_left))
    };
    let due_style = super::main::row_style(app, row);
    field(s.sections, &section.title, t.normal());
    field(s.state, &row.label, due_style);
    if let Some(p) = &row.pace {
        field(s.pace, p, t.normal());
    }
    field(
        s.due,
        &due,
        if row.complete { t.normal() } else { due_style },
    );
    field(s.owner, &item.owner, t.normal());
    field(
        s.description,
        item.description.as_deref().unwrap_or(""),
        t.normal(),
    );
    field(s.evidence_hint, &item.evidence, t.dim());
    let record = app.ledger.record(&item.id);
    if let Some(r) = record {
        if let Some(done) = &r.done {
            let when = words.date(done.date);
            field(s.done_on, &format!("{when} {}", done.evidence), t.ok());
        }
        if let Some(rate) = &r.rate {
            field(s.rate_date, &words.date(rate.date), t.normal());
        }
        field(s.note, &r.note, t.normal());
        // One 佐证 line: the item's own, then the rate's, each said once.
        let mut evidence: Vec<&str> = Vec::new();
        for e in [
            r.evidence.as_str(),
            r.rate.as_ref().map_or("", |x| x.evidence.as_str()),
        ] {
            if !e.trim().is_empty() && !evidence.contains(&e) {
                evidence.push(e);
            }
        }
        field(s.evidence, &evidence.join(words.clause_mark()), t.normal());
    }
    // Missing evidence, in the review's words (the review decides; the screen only says it).
    if let Some(gap) = &row.evidence_gap {
        field(
            words.risk_tag(gap.kind),
            &words.risk_advice(gap, crate::i18n::Surface::Screen),
            t.error(),
        );
    }
    // The cursor passes the entries, then the files: the line it is on, to keep in view.
    let mut selected_line = None;
    // Row `row` of that walk, wrapped to the pane, highlighted where the cursor is.
    let push_row =
        |lines: &mut Vec<Line<'static>>, selected: &mut Option<usize>, text: &str, row| {
            let style = if focused && row == app.entry_cursor {
                *selected = Some(lines.len());
                t.selected()
            } else {
                t.normal()
            };
            for l in wrap(text, w) {
                lines.push(Line::styled(l, style));
            }
        };
    let entries = record.map_or(&[][..], |r| &r.entries[..]);
    if matches!(
        item.kind,
        crate::checklist::Kind::Count { .. } | crate::checklist::Kind::Hours { .. }
    ) {
        lines.push(Line::styled(format!("{}:", s.entries), t.label()));
        if entries.is_empty() {
            lines.push(Line::styled(s.no_entries, t.dim()));
        }
        for (n, e) in entries.iter().enumerate() {
            let mut text = format!(" {}  {}", crate::text::dates::iso(e.date), e.topic);
            if let Some(h) = e.hours {
                text.push_str(&format!("  {}h", crate::text::number(h)));
            }
            if !e.evidence.is_empty() {
                text.push_str(&format!("  [{}]", e.evidence));
            }
            if !e.presided.is_empty() {
                text.push_str(&format!("  {}: {}", s.presided, e.presided));
            }
            if !e.attended.is_empty() {
                text.push_str(&format!("  {}: {}", s.attended, e.attended));
            }
            if !e.linked.is_empty() {
                let titles: Vec<&str> = e
                    .linked
                    .iter()
                    .map(|id| {
                        app.checklist
                            .item(id)
                            .map_or(id.as_str(), |i| i.title.as_str())
                    })
                    .collect();
                text.push_str(&format!(
                    "  ({}: {})",
                    s.linked,
                    titles.join(words.list_mark())
                ));
            }
            let files = record.map_or(0, |r| r.files_of(Some(&e.id)).count());
            if files > 0 {
                text.push_str(&format!("  {}", words.files_marker(files)));
            }
            // The id last: one word to the line breaker, so it never splits.
            text.push_str(&format!("  #{}", e.id));
            push_row(&mut lines, &mut selected_line, &text, n);
        }
    }
    // Only where there are files: a line on every item saying there are none would crowd
    // out what is there (the review's flag above says when one is wanted).
    let files = app.files();
    if !files.is_empty() {
        lines.push(Line::styled(
            words.screen_files_heading(files.len()),
            t.label(),
        ));
    }
    for (n, f) in files.iter().enumerate() {
        // Name, size, the day it evidences, and whose it is: the item's, or an entry's id
        // (the `#` the entries above end with).
        let owner = match &f.entry {
            Some(id) => format!("#{id}"),
            None => words.file_owner(None),
        };
        let text = format!(
            " {}. {}  {}  {}  {owner}",
            n + 1,
            f.name,
            size_text(f.size),
            crate::text::dates::iso(f.date),
        );
        push_row(&mut lines, &mut selected_line, &text, entries.len() + n);
    }
    // Keep the selected entry or file on screen when the list is longer than the pane.
    if let Some(at) = selected_line {
        let h = usize::from(inner.height);
        let skip = (at + 1).saturating_sub(h);
        lines.drain(..skip.min(lines.len()));
    }
    Paragraph::new(lines).render(inner, buf);
}
