//! The overview screen's loop, generic over the ratatui backend and the event source (the
//! terminal, or a script in tests), and the one effect it carries out: reading a unit's file
//! again to show the unit.

use std::io;
use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::detail;
use super::keys;
use super::state::{self, Effect, Mode, State};
use super::view;
use crate::tui::runner::{Events, Next, POLL};

/// Draw, wait for an event, update, carry out the effect; until quit or the events end.
pub fn run_loop<B: Backend, E: Events>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    events: &mut E,
) -> io::Result<()> {
    let size = terminal
        .size()
        .map_err(|e| io::Error::other(e.to_string()))?;
    state::update(
        state,
        state::Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    while !state.quit {
        terminal
            .draw(|f| view::draw(state, f))
            .map_err(|e| io::Error::other(e.to_string()))?;
        match events.next(POLL)? {
            Next::End => break,
            Next::Idle => {}
            Next::Event(ev) => {
                if let Some(action) = keys::action(state.key_mode(), &ev) {
                    let effect = state::update(state, action);
                    perform(state, effect);
                }
            }
        }
    }
    Ok(())
}

/// Carry out what `update` asked for.
pub fn perform(state: &mut State, effect: Effect) {
    let Effect::OpenUnit { row } = effect else {
        return;
    };
    let o = &state.overview;
    let r = &o.rows[row];
    // The file its figures came from, else the first other file naming the unit (whose
    // problem the page then says).
    let Some(file) = r.file.or_else(|| r.other_files.first().copied()) else {
        return;
    };
    let path = Path::new(&o.files[file].path);
    let input = crate::store::unit_file::read_one(path, state.lang);
    let minute = |t: jiff::Timestamp| state.clock.local_minute(t);
    let d = detail::build(
        o,
        row,
        input.outcome.as_ref().map_err(|(p, _)| p),
        o.today,
        state.lang,
        &minute,
    );
    state.detail = Some(d);
    state.mode = Mode::Detail;
    state.status = None;
}
