//! The rows: every item's state computed once per change from the checklist and the ledger,
//! and which of them the items pane shows (section, filter, office, search).

use crate::checklist::Kind;
use crate::i18n::screen as strings;
use crate::progress;
use crate::review;

use super::{App, Row};

impl App {
    /// Show `saved` with the pending changes on top, and recompute every row.
    pub fn rebuild(&mut self) {
        let mut ledger = self.saved.clone();
        // A pending change that no longer applies (changed elsewhere) is dropped with a
        // warning by the runner when the disk refuses it; here it simply does not show.
        for p in &self.pending {
            let _ = ledger.apply(&p.op);
        }
        self.ledger = ledger;
        self.recompute();
    }

    /// Recompute every row from the checklist and the ledger; once per change, never per key.
    pub fn recompute(&mut self) {
        let keep = self.selected().map(|r| (r.section, r.item));
        let year = self.checklist.year;
        let st = progress::status(&self.checklist, &self.ledger, self.today);
        // Missing evidence is what the review says it is, nothing the screen decides.
        let mut gaps: std::collections::HashMap<String, review::Risk> =
            review::review(&self.checklist, &self.ledger, self.today)
                .into_iter()
                .filter(|r| r.kind == review::RiskKind::NoEvidence)
                .map(|r| (r.item.clone(), r))
                .collect();
        let mut rows = Vec::with_capacity(st.items.len());
        let mut at = 0;
        for (si, section) in self.checklist.sections.iter().enumerate() {
            for ii in 0..section.items.len() {
                let s = &st.items[at];
                at += 1;
                let pace = review::pace(s, year, self.today).and_then(|p| {
                    let target = s.target?;
                    Some(strings::pace_line(
                        self.lang,
                        s.value,
                        target,
                        p,
                        s.item.kind,
                    ))
                });
                // Titles, ids, offices, topics and notes: whatever an officer remembers.
                let mut haystack = format!(
                    "{}\n{}\n{}",
                    s.item.title.to_lowercase(),
                    s.item.id.to_lowercase(),
                    s.item.owner.to_lowercase()
                );
                if let Some(r) = s.record {
                    for e in &r.entries {
                        haystack.push('\n');
                        haystack.push_str(&e.topic.to_lowercase());
                    }
                    haystack.push('\n');
                    haystack.push_str(&r.note.to_lowercase());
                }
                rows.push(Row {
                    section: si,
                    item: ii,
                    complete: s.complete,
                    overdue: s.overdue,
                    due_soon: s.due_soon(),
                    due: s.due,
                    days_left: s.days_left,
                    glance: glance(s),
                    label: s.state_label(self.lang),
                    pace,
                    files: s.record.map_or(0, |r| r.files.len()),
                    evidence_gap: gaps.remove(&s.item.id),
                    haystack,
                });
            }
        }
        self.section_done = st.sections.iter().map(|s| (s.done, s.total)).collect();
        self.done = st.done;
        self.next_deadline = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.complete && r.days_left >= 0)
            .min_by_key(|(_, r)| r.due)
            .map(|(i, _)| i);
        self.rows = rows;
        self.review = None;
        self.refilter(keep);
    }

    /// Recompute the shown rows (section, filter, search), keeping the selected item if it
    /// is still shown.
    pub(super) fn refilter(&mut self, keep: Option<(usize, usize)>) {
        let query = self.search.value().trim().to_lowercase();
        let section = self.section_cursor.checked_sub(1);
        let filter = self.filter;
        let owner = self.owner.clone();
        let checklist = &self.checklist;
        self.visible = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                section.is_none_or(|s| r.section == s)
                    && filter.keeps(r)
                    && owner
                        .as_deref()
                        .is_none_or(|o| checklist.sections[r.section].items[r.item].owner == o)
                    && (query.is_empty() || r.haystack.contains(&query))
            })
            .map(|(i, _)| i)
            .collect();
        // The selected item stays selected; if it is filtered out, the next one shown after
        // it in the list is, never whatever lands on the same row.
        if let Some(k) = keep {
            let at = |i: &usize| (self.rows[*i].section, self.rows[*i].item);
            self.cursor = self
                .visible
                .iter()
                .position(|i| at(i) == k)
                .or_else(|| self.visible.iter().position(|i| at(i) > k))
                .unwrap_or(self.visible.len().saturating_sub(1));
        }
        self.cursor = self.cursor.min(self.visible.len().saturating_sub(1));
        self.entry_cursor = 0;
        self.scroll_into_view();
    }
}

/// The state in a few cells, ASCII only.
fn glance(s: &progress::ItemStatus<'_>) -> String {
    use crate::text::number;
    match s.item.kind {
        Kind::Task if s.complete => "[x]".into(),
        Kind::Task => "[ ]".into(),
        Kind::Count { target } => format!("{}/{target}", s.entry_count()),
        // A year with no cases: the figures, as the documents say them, not a 0%.
        Kind::Rate { .. }
            if s.record
                .and_then(|r| r.rate.as_ref())
                .is_some_and(|r| r.denominator == 0) =>
        {
            "0/0".into()
        }
        Kind::Rate { target } if s.record.and_then(|r| r.rate.as_ref()).is_some() => {
            format!("{}%/{}%", number(s.value), number(target))
        }
        Kind::Rate { target } => format!("-/{}%", number(target)),
        Kind::Hours { target } => format!("{}/{}h", number(s.value), number(target)),
    }
}
