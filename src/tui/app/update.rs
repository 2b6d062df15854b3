//! Key handling: [`update`] turns an [`Action`] into new state and an [`Effect`], by what has
//! the keyboard (the main screen, search, a form, a question, a page, the export menu).

use crate::i18n::screen::{self as strings, of};
use crate::ledger::Change;
use crate::tui::form::{Field, Form, FormKind, Submit};

use super::{Action, App, Confirm, Effect, FORMATS, Focus, Mode};

/// Apply `action` to `app`; what the runner must do next.
pub fn update(app: &mut App, action: Action) -> Effect {
    use Action as A;
    if let A::Resize { width, height } = action {
        app.width = width;
        app.height = height;
        app.scroll_into_view();
        return Effect::None;
    }
    if matches!(action, A::Quit) && !matches!(app.mode, Mode::Confirm(_)) {
        return app.quit();
    }
    // A message is about the last thing done: the next thing the officer does clears it.
    if !matches!(action, A::Wheel { .. } | A::Click { .. }) {
        app.message = None;
    }
    // While the screen only says it is too small, nothing else may act: a key would tick,
    // log or undo where the officer cannot see it.
    if crate::tui::view::layout(app.width, app.height).is_none() {
        return Effect::None;
    }
    match std::mem::replace(&mut app.mode, Mode::Normal) {
        Mode::Normal => normal(app, action),
        Mode::Search => {
            app.mode = Mode::Search;
            let keep = app.selected().map(|r| (r.section, r.item));
            match action {
                A::Edit(req) => {
                    app.search.edit(req);
                    app.refilter(keep);
                }
                A::Paste(text) => {
                    if !app.search.paste(&text) {
                        app.warn(strings::paste_cut(
                            app.lang,
                            crate::tui::form::MAX_FIELD_CHARS,
                        ));
                    }
                    app.refilter(keep);
                }
                // Up/Down move through the results while typing.
                A::NextField => app.move_by(1),
                A::PrevField => app.move_by(-1),
                A::Submit => app.mode = Mode::Normal,
                A::Cancel => {
                    app.search = Field::new("", "");
                    app.mode = Mode::Normal;
                    app.refilter(keep);
                }
                _ => {}
            }
            Effect::None
        }
        Mode::Form(mut form) => match action {
            A::Cancel => Effect::None,
            A::Submit => {
                form.submitted = true;
                app.mode = Mode::Form(form);
                match app.validate_form() {
                    Some(Submit::Change(change)) => {
                        app.mode = Mode::Normal;
                        let base = app.form_base.take();
                        app.propose(*change, base)
                    }
                    Some(Submit::Year(y)) => {
                        app.mode = Mode::Normal;
                        Effect::SwitchYear(y)
                    }
                    // The form stays until the runner has looked at the files: one that
                    // cannot be attached is said with the form still there to correct.
                    Some(Submit::Attach(ask)) => Effect::CheckAttach(ask),
                    None => Effect::None,
                }
            }
            other => {
                match other {
                    A::Edit(req) => form.field().edit(req),
                    A::Paste(text) => {
                        let whole = form.field().paste(&text);
                        if !whole {
                            app.warn(strings::paste_cut(
                                app.lang,
                                crate::tui::form::MAX_FIELD_CHARS,
                            ));
                        }
                    }
                    A::NextField => form.next(),
                    A::PrevField => form.prev(),
                    _ => {}
                }
                app.mode = Mode::Form(form);
                app.validate_form();
                Effect::None
            }
        },
        Mode::Confirm(what) => match action {
            A::Yes => match what {
                Confirm::Quit => {
                    app.quit = true;
                    Effect::Quit
                }
                Confirm::RemoveEntry { item, entry } => {
                    app.propose(Change::Unlog { item, entry }, None)
                }
                Confirm::Uncheck { item } => app.propose(Change::Uncheck { item }, None),
                Confirm::Undo { seq, redo, .. } => Effect::Undo { seq, redo },
                Confirm::Attach { request } => {
                    // Back to the form while the files are copied: if one fails, the
                    // officer corrects it there; once attached, the runner closes it.
                    if let Some(form) = app.parked.take() {
                        app.mode = Mode::Form(form);
                    }
                    Effect::Attach(request)
                }
                Confirm::Detach { item, file } => app.detach_confirmed(item, file),
            },
            // "No" to attaching returns to the form, to change what it names.
            A::No | A::Cancel if matches!(what, Confirm::Attach { .. }) => {
                if let Some(form) = app.parked.take() {
                    app.mode = Mode::Form(form);
                }
                Effect::None
            }
            A::No | A::Cancel => Effect::None,
            _ => {
                app.mode = Mode::Confirm(what);
                Effect::None
            }
        },
        Mode::Help => {
            if !matches!(action, A::Help | A::Cancel) {
                app.mode = Mode::Help;
            }
            Effect::None
        }
        mode @ (Mode::Summary { .. } | Mode::Review { .. }) => {
            let summary = matches!(mode, Mode::Summary { .. });
            app.mode = mode;
            match action {
                A::Up => app.scroll_mode(-1, false),
                A::Down => app.scroll_mode(1, false),
                A::PageUp => app.scroll_mode(-1, true),
                A::PageDown => app.scroll_mode(1, true),
                A::Wheel { down, .. } => app.scroll_mode(if down { 3 } else { -3 }, false),
                A::Top => app.scroll_mode(isize::MIN / 2, false),
                A::Bottom => app.scroll_mode(isize::MAX / 2, false),
                A::Export if summary => app.mode = Mode::Export { choice: 0 },
                A::Cancel | A::Summary | A::Review => app.mode = Mode::Normal,
                _ => {}
            }
            Effect::None
        }
        Mode::Pick {
            purpose,
            item,
            choice,
        } => app.pick(purpose, item, choice, action),
        Mode::Export { choice } => {
            app.mode = Mode::Export { choice };
            match action {
                A::Up => app.scroll_mode(-1, false),
                A::Down => app.scroll_mode(1, false),
                A::Submit => {
                    app.mode = Mode::Summary { scroll: 0 };
                    return Effect::Export(FORMATS[choice.min(FORMATS.len() - 1)]);
                }
                A::Cancel => app.mode = Mode::Summary { scroll: 0 },
                _ => {}
            }
            Effect::None
        }
    }
}

fn normal(app: &mut App, action: Action) -> Effect {
    use Action as A;
    let page = app.page() as isize;
    match action {
        A::Up => app.move_by(-1),
        A::Down => app.move_by(1),
        A::PageUp => app.move_by(-page),
        A::PageDown => app.move_by(page),
        A::Top => app.move_by(isize::MIN / 2),
        A::Bottom => app.move_by(isize::MAX / 2),
        A::NextPane | A::Right => {
            app.focus = match app.focus {
                Focus::Sections => Focus::Items,
                Focus::Items => Focus::Details,
                Focus::Details if action == A::NextPane => Focus::Sections,
                Focus::Details => Focus::Details,
            }
        }
        A::PrevPane | A::Left => {
            app.focus = match app.focus {
                Focus::Details => Focus::Items,
                Focus::Items => Focus::Sections,
                Focus::Sections if action == A::PrevPane => Focus::Details,
                Focus::Sections => Focus::Sections,
            }
        }
        A::Toggle => return app.toggle(false),
        A::Activate if app.focus == Focus::Sections => app.focus = Focus::Items,
        A::Activate if app.selected_file().is_some() => return app.open_file(),
        A::Activate if app.focus == Focus::Details && app.entries_len() > 0 => app.open_edit(),
        A::Activate => return app.toggle(true),
        A::Log => app.open_log(),
        A::Rate => app.open_rate(),
        A::Note | A::Evidence => {
            let current = app
                .selected_item()
                .and_then(|i| app.ledger.record(&i.id))
                .map(|r| {
                    if action == A::Note {
                        r.note.clone()
                    } else {
                        r.evidence.clone()
                    }
                })
                .unwrap_or_default();
            let kind = if action == A::Note {
                FormKind::Note
            } else {
                FormKind::Evidence
            };
            app.open_form(kind, &[&current]);
        }
        A::RemoveEntry if app.selected_file().is_some() => app.detach_file(),
        A::Attach => app.open_attach(),
        A::OpenFile => return app.open_file(),
        A::Detach => app.detach_file(),
        A::RemoveEntry => {
            let target = app.selected_item().and_then(|i| {
                let r = app.ledger.record(&i.id)?;
                let e = r.entries.get(app.entry_cursor)?;
                Some((i.id.clone(), e.id.to_string()))
            });
            match (target, app.focus) {
                (Some((item, entry)), Focus::Details) => {
                    if let Some(refusal) = app.refusal() {
                        app.warn(refusal);
                    } else {
                        app.mode = Mode::Confirm(Confirm::RemoveEntry { item, entry });
                    }
                }
                _ => app.warn(of(app.lang).no_entry_selected),
            }
        }
        A::CycleFilter => {
            let keep = app.selected().map(|r| (r.section, r.item));
            app.filter = app.filter.next();
            app.refilter(keep);
        }
        A::CycleOwner => {
            let keep = app.selected().map(|r| (r.section, r.item));
            let owners: Vec<String> = app
                .checklist
                .owners()
                .into_iter()
                .map(String::from)
                .collect();
            app.owner = match app
                .owner
                .as_ref()
                .and_then(|o| owners.iter().position(|x| x == o))
            {
                None => owners.first().cloned(),
                Some(i) => owners.get(i + 1).cloned(),
            };
            app.refilter(keep);
            let said = match &app.owner {
                Some(o) => strings::owner_shown(app.lang, o),
                None => of(app.lang).all_owners.to_string(),
            };
            app.say(said);
        }
        A::EditEntry => app.open_edit(),
        A::Search => app.mode = Mode::Search,
        A::Cancel if !app.search.value().is_empty() => {
            let keep = app.selected().map(|r| (r.section, r.item));
            app.search = Field::new("", "");
            app.refilter(keep);
        }
        A::Undo => {
            if app.pending.pop().is_some() {
                app.rebuild();
                app.say(of(app.lang).undone_pending);
            } else if let Some(refusal) = app.refusal() {
                app.warn(refusal);
            } else {
                return Effect::AskUndo { redo: false };
            }
        }
        A::Redo => {
            if let Some(refusal) = app.refusal() {
                app.warn(refusal);
            } else if app.pending.is_empty() {
                return Effect::AskUndo { redo: true };
            }
        }
        A::Help => app.mode = Mode::Help,
        A::Summary => app.open_summary(),
        A::Review => app.open_review(),
        A::Year => {
            let year = app.checklist.year.to_string();
            app.mode = Mode::Form(Form::new(FormKind::Year, app.lang, "", "", &[&year]));
        }
        A::Click { x, y } => app.click(x, y),
        A::Wheel { x, y, down } => app.wheel(x, y, down),
        _ => {}
    }
    Effect::None
}
