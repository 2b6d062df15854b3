//! Text fields and the small forms of the screen (tick, log, edit an entry, rate, note,
//! evidence, attach files, year), validated as the user types.
//!
//! The cursor is a char index kept by tui-input; what reaches a field is stripped of control
//! characters (typed or pasted), so any Unicode can be entered without a panic.

use std::path::PathBuf;

use jiff::civil::Date;
use tui_input::{Input, InputRequest};

use crate::checklist::{Checklist, Kind, NotFound};
use crate::i18n::Lang;
use crate::i18n::screen::Strings;
use crate::ledger::rules::MAX_ENTRY_HOURS;
use crate::ledger::{Change, People};
use crate::text::strip_unsafe;

mod paths;
use paths::paths;

/// One single-line field with its label and the current validation error.
#[derive(Debug, Clone)]
pub struct Field {
    pub label: &'static str,
    pub input: Input,
    pub error: Option<&'static str>,
    /// Typed in (or pasted into) since the form opened: an empty field is not scolded
    /// before the officer has had a chance to fill it.
    pub touched: bool,
}

impl Field {
    pub fn new(label: &'static str, value: &str) -> Field {
        Field {
            label,
            input: Input::new(value.to_string()),
            error: None,
            touched: false,
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    pub fn edit(&mut self, req: InputRequest) {
        match req {
            InputRequest::InsertChar(c) if strip_unsafe(&c.to_string()) != c.to_string() => {}
            req => {
                // Moving the cursor, or Backspace in an empty field, is not typing.
                let changed = self.input.handle(req).is_some_and(|r| r.value);
                self.touched |= changed;
            }
        }
    }

    /// Insert pasted text at the cursor, with control characters removed, as one edit
    /// (inserting it a character at a time would cost the square of its length). A field
    /// holds at most [`MAX_FIELD_CHARS`]; the rest of a paste is dropped, and `false` says so.
    pub fn paste(&mut self, text: &str) -> bool {
        self.touched = true;
        let value = self.input.value();
        let cursor = self.input.cursor();
        let at = value
            .char_indices()
            .nth(cursor)
            .map_or(value.len(), |(i, _)| i);
        let room = MAX_FIELD_CHARS.saturating_sub(value.chars().count());
        let clean = strip_unsafe(text);
        let pasted: String = clean.chars().take(room).collect();
        let whole = pasted.chars().count() == clean.chars().count();
        let inserted = pasted.chars().count();
        let new = format!("{}{pasted}{}", &value[..at], &value[at..]);
        self.input = Input::new(new).with_cursor(cursor + inserted);
        whole
    }
}

/// Most characters one field holds: a long topic or a list of 文号 fits many times over.
pub const MAX_FIELD_CHARS: usize = 2000;

/// What a form records when submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    Check,
    Log {
        hours: bool,
    },
    Rate,
    Note,
    Evidence,
    Year,
    /// Correct entry `entry`: date, topic, hours (for an hours item), evidence, who presided
    /// and who attended.
    Edit {
        hours: bool,
        entry: String,
    },
    /// Attach files: their paths, the entry they belong to (empty: the item), the day they
    /// evidence (empty: the entry's, the tick's or today). `entries` are the item's entry
    /// ids, the ones the entry field may name.
    Attach {
        entries: Vec<String>,
    },
}

/// A form: its fields, which one has the focus, and the item it is about.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub item: String,
    pub item_title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A submit was tried: every field's error shows from now on.
    pub submitted: bool,
    /// The hours typed into a log form's hours field while an hours item was named under
    /// 同时计入, kept when the field goes (that item taken out again) to come back with it.
    hours_kept: String,
    /// A log form opened on an hours item: the hours field always stays.
    hours_own: bool,
    lang: Lang,
}

/// What a submitted form asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Submit {
    Change(Box<Change>),
    Year(i16),
    /// Files to attach, once the runner has looked at them.
    Attach(Box<AttachAsk>),
}

/// What the attach form asks for. The paths are as typed: the whole text, and the text
/// split as a shell would (`'a b.pdf' c.jpg`); the runner takes the whole text when it names
/// a file (a path may hold spaces), else the split one.
#[derive(Debug, Clone, PartialEq)]
pub struct AttachAsk {
    pub item: String,
    pub entry: Option<String>,
    pub date: Option<Date>,
    pub whole: PathBuf,
    pub split: Vec<PathBuf>,
}

fn change(c: Change) -> Submit {
    Submit::Change(Box::new(c))
}

impl Form {
    pub fn new(kind: FormKind, lang: Lang, item: &str, item_title: &str, prefill: &[&str]) -> Form {
        let s = crate::i18n::screen::of(lang);
        let w = lang.words();
        let labels: Vec<&'static str> = match kind {
            FormKind::Check => vec![s.f_date, s.f_evidence],
            FormKind::Log { hours } => session_labels(s, hours, true),
            FormKind::Edit { hours, .. } => session_labels(s, hours, false),
            FormKind::Rate => vec![s.f_numerator, s.f_denominator, s.f_date, s.f_evidence],
            FormKind::Note => vec![s.f_note],
            FormKind::Evidence => vec![s.f_evidence],
            FormKind::Year => vec![s.f_year],
            FormKind::Attach { .. } => vec![w.f_files(), w.f_attach_entry(), w.f_attach_date()],
        };
        let fields = labels
            .iter()
            .enumerate()
            .map(|(i, l)| Field::new(l, prefill.get(i).copied().unwrap_or("")))
            .collect();
        // Start where the user has something to type: the topic of a log, else the first field.
        let focus = usize::from(matches!(kind, FormKind::Log { .. } | FormKind::Edit { .. }));
        let hours_own = matches!(kind, FormKind::Log { hours: true });
        Form {
            kind,
            item: item.to_string(),
            item_title: item_title.to_string(),
            fields,
            focus,
            submitted: false,
            hours_kept: String::new(),
            hours_own,
            lang,
        }
    }

    pub fn field(&mut self) -> &mut Field {
        let i = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[i]
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Check every field against `checklist` (its year, and the items a session also counts
    /// for), setting each one's error (shown once it holds something, was typed in, or a
    /// submit was tried); the request if all are valid.
    pub fn validate(&mut self, lang: Lang, checklist: &Checklist, today: Date) -> Option<Submit> {
        use crate::text::dates::{DateError, parse_in};
        let s = crate::i18n::screen::of(lang);
        self.fit_hours(checklist);
        let year = checklist.year;
        let window = crate::ledger::rules::year_window(year);
        let date = |v: &str| match parse_in(v, year, today) {
            Err(DateError::NoSuchDay) => Err(s.e_no_such_day),
            Err(DateError::WhichYear { .. }) => Err(s.e_which_year),
            Err(DateError::NotADate) => Err(s.e_date),
            Ok(d) if d < window.0 || d > window.1 => Err(s.e_date_outside),
            Ok(d) => Ok(d),
        };
        let topic = |v: &str| {
            if v.trim().is_empty() {
                Err(s.e_topic)
            } else {
                Ok(v.trim().to_string())
            }
        };
        let hours = |v: &str| match v.trim().parse::<f64>() {
            Ok(h) if h.is_finite() && h > 0.0 && h <= MAX_ENTRY_HOURS => Ok(h),
            _ => Err(s.e_hours),
        };
        let whole = |v: &str| v.trim().parse::<u64>().map_err(|_| s.e_number);
        let text = |v: &str| Ok::<_, &'static str>(v.trim().to_string());
        let values: Vec<String> = self.fields.iter().map(|f| f.value().to_string()).collect();
        let item = self.item.clone();
        let mut errors: Vec<Option<&'static str>> = vec![None; self.fields.len()];
        let mut keep = |i: usize, r: Result<(), &'static str>| {
            if let Err(e) = r {
                errors[i] = Some(e);
            }
        };
        let result = match self.kind {
            FormKind::Check => {
                let d = date(&values[0]);
                keep(0, d.map(|_| ()));
                d.ok().map(|date| {
                    change(Change::Check {
                        item,
                        date,
                        evidence: values[1].trim().to_string(),
                    })
                })
            }
            FormKind::Log { hours: with_hours } => {
                let d = date(&values[0]);
                let t = topic(&values[1]);
                keep(0, d.map(|_| ()));
                keep(1, t.clone().map(|_| ()));
                // The fields after the hours (if any): evidence, presided, attended, also.
                let (h, at) = if with_hours {
                    let h = hours(&values[2]);
                    keep(2, h.map(|_| ()));
                    (h.map(Some), 3)
                } else {
                    (Ok(None), 2)
                };
                let also = also_items(checklist, &values[at + 3], s);
                keep(at + 3, also.as_ref().map(|_| ()).map_err(|e| *e));
                match (d, t, h, also) {
                    (Ok(date), Ok(topic), Ok(hours), Ok(also)) => Some(change(Change::Log {
                        item,
                        date,
                        topic,
                        hours,
                        evidence: values[at].trim().to_string(),
                        people: People {
                            presided: values[at + 1].trim().to_string(),
                            attended: values[at + 2].trim().to_string(),
                        },
                        also,
                    })),
                    _ => None,
                }
            }
            FormKind::Rate => {
                // `46/46` in the first field, as on the command line, fills both.
                let fraction = crate::text::numbers::fraction(&values[0]).ok();
                let n = match fraction {
                    Some((n, _)) => Ok(n),
                    None => whole(&values[0]),
                };
                let den = match fraction {
                    Some((_, d)) if values[1].trim().is_empty() || whole(&values[1]) == Ok(d) => {
                        Ok(d)
                    }
                    Some(_) => Err(s.e_denominator),
                    None => whole(&values[1]).and_then(|d| match n {
                        Ok(n) if d < n => Err(s.e_denominator),
                        _ => Ok(d),
                    }),
                };
                let d = date(&values[2]);
                keep(0, n.map(|_| ()));
                keep(1, den.map(|_| ()));
                keep(2, d.map(|_| ()));
                match (n, den, d) {
                    (Ok(numerator), Ok(denominator), Ok(date)) => Some(change(Change::Rate {
                        item,
                        numerator,
                        denominator,
                        date,
                        evidence: values[3].trim().to_string(),
                    })),
                    _ => None,
                }
            }
            FormKind::Edit {
                hours: with_hours,
                ref entry,
            } => {
                let d = date(&values[0]);
                let t = topic(&values[1]);
                keep(0, d.map(|_| ()));
                keep(1, t.clone().map(|_| ()));
                // The fields after the hours (if any): evidence, presided, attended.
                let (h, at) = if with_hours {
                    let h = hours(&values[2]);
                    keep(2, h.map(|_| ()));
                    (h.map(Some), 3)
                } else {
                    (Ok(None), 2)
                };
                match (d, t, h) {
                    (Ok(date), Ok(topic), Ok(hours)) => Some(change(Change::Edit {
                        item,
                        entry: entry.clone(),
                        date: Some(date),
                        topic: Some(topic),
                        hours,
                        evidence: Some(values[at].trim().to_string()),
                        presided: Some(values[at + 1].trim().to_string()),
                        attended: Some(values[at + 2].trim().to_string()),
                    })),
                    _ => None,
                }
            }
            FormKind::Note => text(&values[0])
                .ok()
                .map(|text| change(Change::Note { item, text })),
            FormKind::Evidence => text(&values[0])
                .ok()
                .map(|text| change(Change::Evidence { item, text })),
            FormKind::Attach { ref entries } => {
                let w = lang.words();
                let (whole, split) = paths(&values[0]);
                if split.is_empty() {
                    keep(0, Err(w.e_no_files()));
                }
                let id = values[1].trim().trim_start_matches('#').trim();
                let entry = if id.is_empty() {
                    Ok(None)
                } else if entries.iter().any(|e| e == id) {
                    Ok(Some(id.to_string()))
                } else {
                    Err(w.e_attach_entry())
                };
                keep(1, entry.as_ref().map(|_| ()).map_err(|e| *e));
                let day = if values[2].trim().is_empty() {
                    Ok(None)
                } else {
                    date(&values[2]).map(Some)
                };
                keep(2, day.map(|_| ()));
                match (entry, day) {
                    (Ok(entry), Ok(date)) if !split.is_empty() => {
                        Some(Submit::Attach(Box::new(AttachAsk {
                            item,
                            entry,
                            date,
                            whole,
                            split,
                        })))
                    }
                    _ => None,
                }
            }
            FormKind::Year => match values[0].trim().parse::<i16>() {
                Ok(y) if (2000..=2100).contains(&y) => Some(Submit::Year(y)),
                _ => {
                    keep(0, Err(s.e_year));
                    None
                }
            },
        };
        let submitted = self.submitted;
        for (f, e) in self.fields.iter_mut().zip(errors) {
            f.error = e.filter(|_| submitted || f.touched || !f.value().is_empty());
        }
        result
    }

    pub fn title(&self, lang: Lang) -> &'static str {
        let s = crate::i18n::screen::of(lang);
        match self.kind {
            FormKind::Check => s.form_check,
            FormKind::Log { .. } => s.form_log,
            FormKind::Rate => s.form_rate,
            FormKind::Note => s.form_note,
            FormKind::Evidence => s.form_evidence,
            FormKind::Year => s.form_year,
            FormKind::Edit { .. } => s.form_edit,
            FormKind::Attach { .. } => lang.words().form_attach(),
        }
    }

    /// A log form asks for the hours when the session counts for an hours item: its own
    /// item, or one named under 同时计入 (as `duty log --also … --hours` does), so the field
    /// comes and goes with what is named there. While that text names nothing yet (being
    /// typed), the form keeps its shape rather than flicker.
    fn fit_hours(&mut self, checklist: &Checklist) {
        let FormKind::Log { hours } = self.kind else {
            return;
        };
        let is_hours = |id: &str| {
            checklist
                .item(id)
                .is_some_and(|i| matches!(i.kind, Kind::Hours { .. }))
        };
        let own = self.hours_own;
        let Some(also) = self.fields.last() else {
            return;
        };
        let s = crate::i18n::screen::of(self.lang);
        let need = own
            || match also_items(checklist, also.value(), s) {
                Ok(ids) => ids.iter().any(|id| is_hours(id)),
                Err(_) => hours,
            };
        if need && !hours {
            let kept = std::mem::take(&mut self.hours_kept);
            self.fields.insert(2, Field::new(s.f_hours, &kept));
            if self.focus >= 2 {
                self.focus += 1;
            }
        } else if hours && !need {
            self.hours_kept = self.fields.remove(2).value().to_string();
            if self.focus > 2 {
                self.focus -= 1;
            }
        }
        self.kind = FormKind::Log { hours: need };
    }
}

/// A session's fields: date, topic, hours on an hours item, evidence, who presided and who
/// attended, and, when logging, the other items it also counts for.
fn session_labels(s: &Strings, hours: bool, also: bool) -> Vec<&'static str> {
    let mut labels = vec![s.f_date, s.f_topic];
    if hours {
        labels.push(s.f_hours);
    }
    labels.extend([s.f_evidence, s.f_presided, s.f_attended]);
    if also {
        labels.push(s.f_also);
    }
    labels
}

/// The other items a session also counts for, named as `duty log --also` names them (an id,
/// the number in the list, the title, or a part of the title only one item has): the whole
/// text if it names one item (a title may hold a 、), else each name between 、 or commas.
/// Only items that count sessions or hours (an hours item brings the hours field with it).
fn also_items(checklist: &Checklist, text: &str, s: &Strings) -> Result<Vec<String>, &'static str> {
    let text = text.trim();
    let names: Vec<&str> = if text.is_empty() {
        Vec::new()
    } else if checklist.find(text).is_ok() {
        vec![text]
    } else {
        text.split(['、', ',', '，', ';', '；'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect()
    };
    names
        .into_iter()
        .map(|name| {
            let item = checklist.find(name).map_err(|e| match e {
                NotFound::Nothing { .. } => s.e_also_unknown,
                NotFound::Several { .. } => s.e_also_several,
            })?;
            match item.kind {
                Kind::Count { .. } | Kind::Hours { .. } => Ok(item.id.clone()),
                Kind::Task | Kind::Rate { .. } => Err(s.e_also_kind),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
