//! The command-line edge: parses arguments, reads the environment once, opens the session,
//! runs one command and turns its outcome into output and an exit code.

pub mod args;
mod commands;
mod error;
pub mod help;
mod manual;
mod output;
pub mod parse;

use std::ffi::OsString;
use std::io::Write;

use clap::Parser;

use crate::clock::Clock;
use crate::i18n::{Lang, clap_zh};
use crate::session::{Options, Session};
use args::{Cli, Command};
use error::Failure;
pub use error::exit;
use output::Out;

/// What the command line reads from the environment, read once here.
struct Environment {
    lang: Option<String>,
    today: Option<String>,
    now: Option<String>,
    config_dir: Option<std::path::PathBuf>,
    login: Option<String>,
    term: Option<String>,
}

impl Environment {
    fn read() -> Environment {
        let var = |k: &str| std::env::var(k).ok();
        Environment {
            lang: var("DUTY_LANG"),
            today: var("DUTY_TODAY"),
            now: var("DUTY_NOW"),
            config_dir: std::env::var_os("DUTY_CONFIG_DIR").map(Into::into),
            login: ["USER", "USERNAME", "LOGNAME"]
                .iter()
                .find_map(|k| var(k).filter(|v| !v.trim().is_empty())),
            term: var("TERM"),
        }
    }
}

/// What is left to do once the command line has run.
pub enum Outcome {
    /// Exit with this code.
    Done(u8),
    /// `duty` with no command, in a terminal: open the screen on this session.
    Screen(Box<Session>),
    /// `duty overview` in a terminal: open the overview screen on what was read.
    Overview(Box<crate::overview::Browse>),
}

/// Run `duty` with the process's arguments and environment.
pub fn main() -> Outcome {
    let args: Vec<OsString> = std::env::args_os().collect();
    let env = Environment::read();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return explain(&e, &args, &env),
    };
    let lang = cli.lang.unwrap_or_default();
    let mut out = Out::stdout();
    // The overview reads unit files only: no settings, checklist or ledger of this machine.
    if let Some(Command::Overview(a)) = &cli.command {
        return commands::overview::main(a, &cli, &env, &mut out);
    }
    let result = run(cli, env, &mut out);
    // What a command printed before it failed is still its output (`duty due` lists what is
    // due, then exits 1), and it goes out before the error is reported.
    let written = out.finish().map_err(Failure::Output);
    let result = result.and_then(|screen| written.map(|()| screen));
    match result {
        Ok(Some(session)) => Outcome::Screen(Box::new(session)),
        Ok(None) => Outcome::Done(exit::OK),
        Err(failure) => Outcome::Done(error::report(failure, lang)),
    }
}

/// Help, the version or a usage error, in the language the arguments or `DUTY_LANG` ask
/// for: the arguments are read again by the worded command tree, which renders them.
fn explain(plain: &clap::Error, args: &[OsString], env: &Environment) -> Outcome {
    let lang = clap_zh::lang_of(args, env.lang.clone());
    let worded = help::command(lang).try_get_matches_from(args).err();
    let e = worded.as_ref().unwrap_or(plain);
    // --help and --version are not errors.
    if !e.use_stderr() {
        let mut out = Out::stdout();
        let text = help::finish(&e.render().to_string(), lang, help_width());
        let _ = out.write_all(text.as_bytes());
        let _ = out.finish();
        return Outcome::Done(exit::OK);
    }
    let mut err = Out::stderr();
    let _ = match lang {
        Lang::Zh => writeln!(err, "{}", clap_zh::in_chinese(e)),
        Lang::En => write!(err, "{}", help::finish(&e.render().to_string(), lang, None)),
    };
    let _ = err.finish();
    Outcome::Done(exit::USAGE)
}

/// How wide help is set: the terminal's width up to 100 columns, or 100 into a pipe or file.
fn help_width() -> Option<usize> {
    use std::io::IsTerminal;
    let terminal = std::io::stdout()
        .is_terminal()
        .then(|| ratatui::crossterm::terminal::size().ok())
        .flatten()
        .map(|(cols, _)| usize::from(cols));
    Some(terminal.unwrap_or(100).clamp(20, 100))
}

/// Whether the screen can open here: both ends a terminal that can draw it. Anything else
/// (a pipe, a file, `TERM=dumb`) gets the plain status instead.
fn can_draw(term: Option<&str>) -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal() && term != Some("dumb")
}

/// The terminal's size when it is too small for the screen. A size that cannot be read is
/// left to the screen, which says so itself.
fn too_small() -> Option<(u16, u16)> {
    let (cols, rows) = ratatui::crossterm::terminal::size().ok()?;
    let (min_cols, min_rows) = crate::session::SCREEN_MIN;
    (cols < min_cols || rows < min_rows).then_some((cols, rows))
}

fn run(cli: Cli, env: Environment, out: &mut Out) -> Result<Option<Session>, Failure> {
    let lang = cli.lang.unwrap_or_default();
    let clock = Clock::from_vars(env.today.as_deref(), env.now.as_deref())
        .map_err(|e| Failure::Usage(lang.words().clock_error(&e)))?;
    // Validating a file, the completions and the manual need no settings, ledger or
    // active checklist.
    match &cli.command {
        Some(Command::Validate(a)) => {
            commands::setup::validate(a, lang, cli.year, &clock, out)?;
            return Ok(None);
        }
        // Scripts and roff as they are: they hold no text from a ledger.
        Some(Command::Completions(a)) => {
            out.set_mode(output::Mode::Raw).map_err(Failure::Output)?;
            manual::completions(a.shell, lang, out);
            return Ok(None);
        }
        Some(Command::Man) => {
            out.set_mode(output::Mode::Raw).map_err(Failure::Output)?;
            out.write_all(manual::manual(lang).as_bytes())
                .map_err(Failure::Output)?;
            return Ok(None);
        }
        _ => {}
    }
    let options = Options {
        lang: cli.lang,
        checklist: cli.checklist.clone(),
        data_dir: cli.data_dir.clone(),
        config_dir: env.config_dir.clone(),
        year: cli.year,
        ascii: cli.ascii,
        login: env.login.clone(),
    };
    let session = Session::open(options, clock).map_err(|e| Failure::open(e, lang))?;
    if cli.command.is_none() && can_draw(env.term.as_deref()) {
        match too_small() {
            None => return Ok(Some(session)),
            Some(size) => {
                let mut err = Out::stderr();
                let note = lang
                    .words()
                    .screen_too_small(size, crate::session::SCREEN_MIN);
                // The note is a courtesy: the status below is what was asked for.
                let _ = writeln!(err, "{note}");
                let _ = err.finish();
            }
        }
    }
    let result = commands::run(&session, cli.command, out);
    // The process ends here: freeing a large checklist piece by piece would cost more
    // than the command did, and the operating system takes it back at once.
    std::mem::forget(session);
    result.map(|()| None)
}
