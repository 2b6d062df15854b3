//! Full-body pages: the section-three preview and the year-end review.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{bar, block};
use crate::i18n::screen::of;
use crate::text::wrap;
use crate::text::{pad, truncate};
use crate::tui::app::{App, Mode};

/// Lines `scroll..` of `lines`, clamped so the last page stays full.
fn scrolled(lines: Vec<Line<'_>>, scroll: usize, height: usize) -> Vec<Line<'_>> {
    let start = scroll.min(lines.len().saturating_sub(height));
    lines.into_iter().skip(start).take(height).collect()
}

pub fn summary(app: &App, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let t = app.theme;
    let b = block(t, Span::styled(s.summary_title, t.title()), true);
    let inner = b.inner(area);
    b.render(area, buf);
    let w = usize::from(inner.width);
    let lines: Vec<Line> = app
        .summary
        .iter()
        .flat_map(|l| wrap(l, w))
        .map(Line::raw)
        .collect();
    let scroll = match app.mode {
        Mode::Summary { scroll } => scroll,
        _ => 0,
    };
    Paragraph::new(scrolled(lines, scroll, usize::from(inner.height))).render(inner, buf);
}

pub fn review(app: &App, area: Rect, buf: &mut Buffer) {
    let s = of(app.lang);
    let t = app.theme;
    let b = block(t, Span::styled(s.review_title, t.title()), true);
    let inner = b.inner(area);
    b.render(area, buf);
    let Some(data) = &app.review else {
        return;
    };
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::styled(s.risks, t.title()));
    if data.risks.is_empty() {
        lines.push(Line::styled(s.no_risks, t.dim()));
    }
    for r in &data.risks {
        let text = format!(
            "! {}: {}",
            r.title,
            app.lang
                .words()
                .risk_advice(r, crate::i18n::Surface::Screen)
        );
        for l in wrap(&text, w) {
            lines.push(Line::styled(l, t.overdue()));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.pacing, t.title()));
    if data.pacing.is_empty() {
        lines.push(Line::styled(s.none, t.dim()));
    }
    let name_w = (w / 3).clamp(8, 30);
    for (title, pace) in &data.pacing {
        lines.push(Line::from(vec![
            Span::raw(pad(&truncate(title, name_w), name_w + 1)),
            Span::raw(pace.clone()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.monthly, t.title()));
    // One row per month for the whole ledger: a quiet half-year shows as a run of short bars.
    let most = data
        .monthly
        .overall
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let month_names: Vec<&str> = s.months.split(' ').collect();
    let bar_w = w.saturating_sub(12).min(40);
    for (m, &n) in data.monthly.overall.iter().enumerate() {
        let (filled, _) = bar(f64::from(n) / f64::from(most), bar_w);
        lines.push(Line::from(vec![
            Span::raw(pad(month_names.get(m).copied().unwrap_or(""), 5)),
            Span::styled(filled, t.bar()),
            Span::raw(format!(" {n}")),
        ]));
    }
    // Per item: a 12-month grid of counts, `.` for a month with nothing logged.
    if !data.monthly.items.is_empty() {
        let mut head = pad("", name_w + 1);
        for m in 1..=12 {
            head.push_str(&format!("{m:>3}"));
        }
        lines.push(Line::styled(head, t.dim()));
    }
    for (_, title, months) in &data.monthly.items {
        let mut text = pad(&truncate(title, name_w), name_w + 1);
        for &n in months {
            if n == 0 {
                text.push_str("  .");
            } else {
                text.push_str(&format!("{n:>3}"));
            }
        }
        lines.push(Line::raw(text));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.next_q1, t.title()));
    if data.next_q1.is_empty() {
        lines.push(Line::styled(s.none, t.dim()));
    }
    for (date, title, complete) in &data.next_q1 {
        let mark = if *complete { "[x]" } else { "[ ]" };
        let text = format!("{mark} {}  {}", crate::text::dates::iso(*date), title);
        lines.push(Line::styled(
            truncate(&text, w).into_owned(),
            if *complete { t.complete() } else { t.normal() },
        ));
    }
    let scroll = match app.mode {
        Mode::Review { scroll } => scroll,
        _ => 0,
    };
    Paragraph::new(scrolled(lines, scroll, usize::from(inner.height))).render(inner, buf);
}
