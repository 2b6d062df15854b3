//! One unit, read-only: who sent the file and when, whether it checks, why it scores what it
//! does, every item's state and the unit's review (the same risk list the officer sees with
//! `duty review`). Built from the unit's file read again when it is opened, so the office
//! always sees what the file holds now; only this unit's ledger is in memory meanwhile.

use jiff::civil::Date;

use crate::i18n::Lang;
use crate::i18n::Surface;
use crate::i18n::overview::screen::of;
use crate::overview::{Checksum, FileProblem, Overview, Submission};
use crate::progress;
use crate::review;
use crate::text::dates::iso;

/// How a line of the unit page is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Heading,
    Normal,
    Overdue,
    Warn,
    Done,
    Dim,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub name: String,
    pub lines: Vec<(String, Tone)>,
    pub scroll: usize,
}

/// The page of row `row`, from its file as read now (`read`), on `today`.
pub fn build(
    o: &Overview,
    row: usize,
    read: Result<&Submission, &FileProblem>,
    today: Date,
    lang: Lang,
    local_minute: &dyn Fn(jiff::Timestamp) -> String,
) -> Detail {
    let t = of(lang);
    let w = lang.words();
    let r = &o.rows[row];
    let mut lines: Vec<(String, Tone)> = Vec::new();
    let mut push = |s: String, tone: Tone| lines.push((s, tone));
    let sep = lang.words().colon();
    if let Some(f) = o.file_of(r) {
        push(format!("{}{sep}{}", t.file, f.path), Tone::Dim);
    }
    for note in w.row_notes(r, &o.files) {
        push(note, Tone::Warn);
    }
    if let Some(f) = &r.figures {
        push(w.score_breakdown(f), Tone::Heading);
    }
    let s = match read {
        Ok(s) => s,
        Err(p) => {
            push(w.file_problem(p), Tone::Overdue);
            return Detail {
                name: r.name.clone(),
                lines,
                scroll: 0,
            };
        }
    };
    let h = &s.header;
    if r.header.as_ref() != Some(h) {
        push(t.changed_since.to_string(), Tone::Warn);
    }
    push(
        format!(
            "{}{sep}{}",
            t.exported,
            w.exported_by(&local_minute(h.exported_at), &h.exported_by)
        ),
        Tone::Normal,
    );
    let last = h
        .last_change
        .map(local_minute)
        .unwrap_or_else(|| "-".into());
    push(
        format!("{}{sep}{last}{}", t.last_change, w.changes_count(h.changes)),
        Tone::Normal,
    );
    push(format!("{}{sep}{}", t.version, h.duty_version), Tone::Dim);
    match &s.checksum {
        Checksum::Valid => push(t.checksum_ok.to_string(), Tone::Done),
        Checksum::Mismatch { .. } => push(t.checksum_bad.to_string(), Tone::Overdue),
    }
    push(String::new(), Tone::Normal);
    let st = progress::status(&s.checklist, &s.ledger, today);
    push(
        format!("{} {}/{}", t.items, st.done, st.total),
        Tone::Heading,
    );
    for i in &st.items {
        let tone = if i.complete {
            Tone::Done
        } else if i.overdue {
            Tone::Overdue
        } else {
            Tone::Normal
        };
        let due = lang.words().due_in_brackets(&iso(i.due));
        push(
            format!("  {}  {}  {due}", i.item.title, i.state_label(lang)),
            tone,
        );
    }
    push(String::new(), Tone::Normal);
    let risks = review::review(&s.checklist, &s.ledger, today);
    push(
        lang.words().heading_with_count(t.review, risks.len()),
        Tone::Heading,
    );
    if risks.is_empty() {
        push(format!("  {}", t.nothing_at_risk), Tone::Done);
    }
    for k in &risks {
        let tone = match k.kind {
            review::RiskKind::Overdue => Tone::Overdue,
            review::RiskKind::BehindPace | review::RiskKind::RateBelow => Tone::Warn,
            _ => Tone::Normal,
        };
        push(
            format!(
                "  [{}] {}{sep}{}",
                w.risk_tag(k.kind),
                k.title,
                w.risk_advice(k, Surface::Cli)
            ),
            tone,
        );
    }
    Detail {
        name: r.name.clone(),
        lines,
        scroll: 0,
    }
}
