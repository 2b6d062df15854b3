//! The pages over the main screen that are read, not typed in: the section-three preview,
//! the review, and the export menu, opened with what they show and scrolled.

use crate::report;
use crate::review;

use super::{App, FORMATS, Mode, ReviewData};

impl App {
    pub(super) fn open_summary(&mut self) {
        let input = report::Input {
            checklist: &self.checklist,
            ledger: &self.ledger,
            today: self.today,
            lang: self.lang,
        };
        self.summary = report::section_three(&input)
            .lines()
            .map(crate::text::strip_unsafe)
            .collect();
        self.mode = Mode::Summary { scroll: 0 };
    }

    pub(super) fn open_review(&mut self) {
        let year = self.checklist.year;
        let pacing = self
            .rows
            .iter()
            .filter_map(|r| {
                let line = r.pace.clone()?;
                Some((self.item_of(r).1.title.clone(), line))
            })
            .collect();
        let next_q1 = self
            .rows
            .iter()
            .filter(|r| r.due.year() == year.saturating_add(1) && r.due.month() <= 3)
            .map(|r| (r.due, self.item_of(r).1.title.clone(), r.complete))
            .collect();
        self.review = Some(ReviewData {
            risks: review::review(&self.checklist, &self.ledger, self.today),
            pacing,
            monthly: review::monthly(&self.checklist, &self.ledger),
            next_q1,
        });
        self.mode = Mode::Review { scroll: 0 };
    }

    pub(super) fn scroll_mode(&mut self, delta: isize, page: bool) {
        let page_rows = usize::from(self.height.saturating_sub(6)).max(1) as isize;
        let d = if page { delta * page_rows } else { delta };
        // An upper bound on the page's lines, so scrolling past the end does not have to be
        // scrolled back (the view also clamps to the wrapped length).
        let most = match &self.mode {
            Mode::Summary { .. } => self.summary.len(),
            Mode::Review { .. } => self.review.as_ref().map_or(0, |r| {
                2 * r.risks.len() + r.pacing.len() + r.monthly.items.len() + r.next_q1.len() + 24
            }),
            _ => 0,
        };
        match &mut self.mode {
            Mode::Summary { scroll } | Mode::Review { scroll } => {
                *scroll = scroll.saturating_add_signed(d).min(most);
            }
            Mode::Export { choice } => {
                *choice = choice.saturating_add_signed(delta).min(FORMATS.len() - 1);
            }
            _ => {}
        }
    }
}
