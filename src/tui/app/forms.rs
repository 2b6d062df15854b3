//! Opening the forms (tick, log, edit an entry, rate, note, evidence) filled with what they
//! change, the date a change defaults to, and what Space and Enter do on each kind of item.

use jiff::civil::Date;

use crate::checklist::Kind;
use crate::i18n::screen::of;
use crate::ledger::Change;
use crate::tui::form::{Form, FormKind, Submit};

use super::{App, Base, Confirm, Effect, Mode};

impl App {
    pub(super) fn open_form(&mut self, kind: FormKind, prefill: &[&str]) {
        if let Some(refusal) = self.refusal() {
            self.warn(refusal);
            return;
        }
        let Some(item) = self.selected_item() else {
            return;
        };
        let form = Form::new(kind, self.lang, &item.id, &item.title, prefill);
        self.form_base = Some(Base {
            item: item.id.clone(),
            record: self.ledger.record(&item.id).cloned(),
        });
        self.mode = Mode::Form(form);
        self.validate_form();
    }

    pub(super) fn validate_form(&mut self) -> Option<Submit> {
        let (lang, today) = (self.lang, self.today);
        match &mut self.mode {
            Mode::Form(f) => f.validate(lang, &self.checklist, today),
            _ => None,
        }
    }

    /// The date a change defaults to: today, or the last day of a past year being viewed
    /// (today would fall outside that year's ledger).
    pub(super) fn default_date(&self) -> Date {
        let year = self.checklist.year;
        // Today while it is inside the year's window (to 30 June of the next year, when the
        // report and 述法 are done), else the year's last day.
        let (_, last) = crate::ledger::rules::year_window(year);
        if self.today <= last {
            self.today
        } else {
            Date::new(year, 12, 31).unwrap_or(self.today)
        }
    }

    pub(super) fn today_text(&self) -> String {
        self.lang.words().date(self.default_date())
    }

    pub(super) fn open_log(&mut self) {
        match self.selected_item().map(|i| i.kind) {
            Some(Kind::Count { .. }) => {
                let today = self.today_text();
                self.open_form(FormKind::Log { hours: false }, &[&today]);
            }
            Some(Kind::Hours { .. }) => {
                let today = self.today_text();
                self.open_form(FormKind::Log { hours: true }, &[&today]);
            }
            Some(_) => self.warn(of(self.lang).wrong_kind_log),
            None => {}
        }
    }

    /// The edit form for the entry selected in the details pane, filled with what it holds.
    pub(super) fn open_edit(&mut self) {
        let Some(item) = self.selected_item() else {
            return;
        };
        let hours = matches!(item.kind, Kind::Hours { .. });
        let entry = self
            .ledger
            .record(&item.id)
            .and_then(|r| r.entries.get(self.entry_cursor))
            .cloned();
        let Some(e) = entry else {
            self.warn(of(self.lang).no_entry_selected);
            return;
        };
        let date = self.lang.words().date(e.date);
        let h = e.hours.map(crate::text::number).unwrap_or_default();
        let mut fields: Vec<&str> = vec![&date, &e.topic];
        if hours {
            fields.push(&h);
        }
        fields.extend([e.evidence.as_str(), &e.presided, &e.attended]);
        self.open_form(
            FormKind::Edit {
                hours,
                entry: e.id.to_string(),
            },
            &fields,
        );
    }

    pub(super) fn open_rate(&mut self) {
        match self.selected_item().map(|i| i.kind) {
            Some(Kind::Rate { .. }) => {
                let today = self.today_text();
                let current = self
                    .selected_item()
                    .and_then(|i| self.ledger.record(&i.id))
                    .and_then(|r| r.rate.as_ref())
                    .map(|r| (r.numerator.to_string(), r.denominator.to_string()));
                let (n, d) = current.unwrap_or_default();
                self.open_form(FormKind::Rate, &[&n, &d, &today]);
            }
            Some(_) => self.warn(of(self.lang).wrong_kind_rate),
            None => {}
        }
    }

    pub(super) fn toggle(&mut self, ask: bool) -> Effect {
        let Some(item) = self.selected_item() else {
            return Effect::None;
        };
        let id = item.id.clone();
        match item.kind {
            Kind::Task => {
                let done = self.ledger.record(&id).is_some_and(|r| r.done.is_some());
                if done {
                    // Unticking drops the date and the evidence: asked first, never a slip.
                    if let Some(refusal) = self.refusal() {
                        self.warn(refusal);
                    } else {
                        self.mode = Mode::Confirm(Confirm::Uncheck { item: id });
                    }
                    Effect::None
                } else if ask {
                    let today = self.today_text();
                    self.open_form(FormKind::Check, &[&today]);
                    Effect::None
                } else {
                    self.propose(
                        Change::Check {
                            item: id,
                            date: self.default_date(),
                            evidence: String::new(),
                        },
                        None,
                    )
                }
            }
            Kind::Count { .. } | Kind::Hours { .. } => {
                self.open_log();
                Effect::None
            }
            Kind::Rate { .. } => {
                self.open_rate();
                Effect::None
            }
        }
    }
}
