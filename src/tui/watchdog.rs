//! Ending the screen when its terminal is gone. crossterm's event reader spins for ever on
//! a terminal that has hung up (a closed window, a dropped SSH session): the dead terminal
//! stays readable and every read returns nothing, so `event::poll` never returns, the loop
//! never sees the signal that asked it to stop, and the process burns a core until killed.
//! A thread outside that loop notices and ends the process. Every change was saved before
//! the screen said so; there is no one left to tell about anything else.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often the terminal is looked at.
const EVERY: Duration = Duration::from_millis(500);
/// How long the screen has to end by itself once a signal asked it to.
const GRACE: Duration = Duration::from_secs(2);
/// The exit code of a process whose terminal hung up (128 + SIGHUP).
pub(crate) const HUNG_UP: i32 = 129;

/// Watch the controlling terminal and `stop`: the process ends when the terminal can no
/// longer be opened, or when a signal raised `stop` and the screen has not ended within
/// [`GRACE`] (then `restore` first gives the terminal back).
pub(crate) fn start(stop: Arc<AtomicBool>, restore: fn()) {
    // Only a screen that has a controlling terminal can lose it.
    let have_tty = controlling_terminal();
    let _ = std::thread::Builder::new()
        .name("terminal-watchdog".into())
        .spawn(move || {
            let mut asked: Option<Instant> = None;
            loop {
                std::thread::sleep(EVERY);
                if have_tty && !controlling_terminal() {
                    std::process::exit(HUNG_UP);
                }
                if stop.load(Ordering::Relaxed)
                    && asked.get_or_insert_with(Instant::now).elapsed() >= GRACE
                {
                    restore();
                    std::process::exit(HUNG_UP);
                }
            }
        });
}

/// Whether the process still has a terminal: after a hang-up `/dev/tty` no longer opens.
fn controlling_terminal() -> bool {
    cfg!(unix)
        && std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .is_ok()
}
