//! The session both edges stand on: the language, the clock, the person, where files live,
//! the checklist, and every path to the ledger on disk. `cli` and `tui` each open one and
//! never talk to `store` about the ledger except through it.

use std::path::{Path, PathBuf};

use crate::checklist::{self, BUILTIN_DEFAULT, BUILTIN_ORIGIN, Checklist};
use crate::clock::Clock;
use crate::diagnostic::Diagnostic;
use crate::i18n::{Lang, Words};
use crate::ledger::{self, Change, ChangeError, Recorded, Stamp, redo_step, undo_step};
use crate::review::rollover;
use crate::store::{
    self, Book, Committed, History, Opened, Proposal, Repaired, Settings, StoreError,
};

/// What the edge knows before a session opens: command-line options and the environment.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: Option<Lang>,
    pub checklist: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub config_dir: Option<PathBuf>,
    pub year: Option<i16>,
    pub ascii: bool,
    /// The login name from the environment, when the settings name no one.
    pub login: Option<String>,
}

/// Why a session could not open.
#[derive(Debug)]
pub enum OpenError {
    Store(StoreError),
    Checklist(Vec<Diagnostic>),
    /// `--year` asks for a year the checklist file does not cover, and no file of that
    /// year lies beside it.
    YearMismatch {
        checklist: PathBuf,
        file_year: i16,
        asked: i16,
        looked_for: Vec<PathBuf>,
    },
}

impl From<StoreError> for OpenError {
    fn from(e: StoreError) -> Self {
        OpenError::Store(e)
    }
}

/// The smallest terminal (columns, rows) the screen draws in. Below it the screen says so
/// while it runs, and `duty` started there shows the plain status instead.
pub const SCREEN_MIN: (u16, u16) = (40, 10);

#[derive(Clone)]
pub struct Session {
    pub lang: Lang,
    pub clock: Clock,
    /// Who makes the changes: the settings' name, else the login name.
    pub user: String,
    /// The login name (the computer's account), whatever the settings say.
    pub account: String,
    pub data_dir: PathBuf,
    pub settings_path: PathBuf,
    pub settings: Settings,
    pub checklist: Checklist,
    /// The checklist file, or `None` for the built-in one.
    pub checklist_path: Option<PathBuf>,
    pub ascii: bool,
    /// The 责任科室 this session is narrowed to (`--owner`): its checklist holds only that
    /// office's items, and the ledger read only their records.
    pub owner: Option<String>,
}

impl Session {
    pub fn open(options: Options, clock: Clock) -> Result<Session, OpenError> {
        let config_dir = store::config_dir(options.config_dir.as_deref())?;
        let settings_path = store::settings::path(&config_dir);
        let settings = store::settings::read(&settings_path)?;
        let lang = options.lang.or(settings.lang).unwrap_or_default();
        let data_dir = store::data_dir(options.data_dir.as_deref())?;
        let checklist_path = options
            .checklist
            .clone()
            .or_else(|| settings.checklist.clone());
        let asked = options.year;
        let default_year = asked.unwrap_or_else(|| clock.today().year());
        let (checklist, checklist_path) = load_for_year(checklist_path, default_year, asked, lang)?;
        let account = store::os_user(&|_| options.login.clone());
        let user = settings
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| account.clone());
        let ascii = options.ascii || settings.ascii_borders.unwrap_or(false);
        Ok(Session {
            lang,
            clock,
            user,
            account,
            data_dir,
            settings_path,
            settings,
            checklist,
            checklist_path,
            ascii,
            owner: None,
        })
    }

    /// The same session narrowed to one 责任科室 (`--owner 法规科`, or a part of the name
    /// only one office has), for reading. `Err` lists the offices when none or several match.
    pub fn for_owner(&self, name: &str) -> Result<Session, Vec<String>> {
        let owner = self
            .checklist
            .owner(name)
            .map_err(|all| all.into_iter().map(String::from).collect::<Vec<_>>())?
            .to_string();
        let mut narrowed = self.clone();
        narrowed.checklist = self.checklist.of_owner(&owner);
        narrowed.owner = Some(owner);
        Ok(narrowed)
    }

    pub fn words(&self) -> Words {
        self.lang.words()
    }

    /// The ledger files of this checklist and year.
    pub fn book(&self) -> Book {
        Book::new(&self.data_dir, &self.checklist.id, self.checklist.year)
    }

    /// The same session on another year: that year's checklist file for one that names its
    /// year (the file `duty rollover` made beside it), else this checklist for that year.
    pub fn for_year(&self, year: i16) -> Result<Session, OpenError> {
        let (checklist, checklist_path) = if self.checklist.year_explicit {
            load_for_year(self.checklist_path.clone(), year, Some(year), self.lang)?
        } else {
            let mut c = self.checklist.clone();
            c.year = year;
            (c, self.checklist_path.clone())
        };
        Ok(Session {
            lang: self.lang,
            clock: self.clock.clone(),
            user: self.user.clone(),
            account: self.account.clone(),
            data_dir: self.data_dir.clone(),
            settings_path: self.settings_path.clone(),
            settings: self.settings.clone(),
            checklist,
            checklist_path,
            ascii: self.ascii,
            owner: None,
        })
    }

    /// The item an officer named: its id, its number in the list, its title, or a part of
    /// the title only it has.
    pub fn find_item(&self, name: &str) -> Result<&crate::checklist::Item, ChangeError> {
        self.checklist.find(name).map_err(|e| match e {
            checklist::NotFound::Nothing { suggestions } => ChangeError::UnknownItem {
                id: name.to_string(),
                suggestions,
            },
            checklist::NotFound::Several { matches } => ChangeError::AmbiguousItem {
                name: name.to_string(),
                matches: matches
                    .into_iter()
                    .map(|(n, id)| {
                        let title = self
                            .checklist
                            .item(&id)
                            .map(|i| i.title.clone())
                            .unwrap_or_default();
                        (n, id, title)
                    })
                    .collect(),
            },
        })
    }

    /// A date as the officer wrote it, for this year's records, on today.
    pub fn date(&self, text: &str) -> Result<jiff::civil::Date, crate::text::dates::DateError> {
        crate::text::dates::parse_in(text, self.checklist.year, self.clock.today())
    }

    /// The ledger as it stands; writes nothing. Narrowed to an office, only its items'
    /// records.
    pub fn read(&self) -> Result<Opened, StoreError> {
        let mut opened = self.book().open()?;
        if self.owner.is_some() {
            opened
                .ledger
                .items
                .retain(|id, _| self.checklist.item(id).is_some());
        }
        Ok(opened)
    }

    /// Today, now and who: fixed once for a change.
    pub fn stamp(&self) -> Stamp {
        Stamp {
            today: self.clock.today(),
            at: self.clock.now(),
            by: self.user.clone(),
        }
    }

    /// Resolve `change` against the ledger as it stands (under the lock, so it meets no
    /// other change half-way), and commit it.
    pub fn change(&self, change: &Change) -> Result<Committed<()>, StoreError> {
        let stamp = self.stamp();
        self.book().commit(|ledger, _| {
            let op = ledger::resolve(&self.checklist, ledger, change, &stamp)?;
            Ok((proposal(op, &stamp), ()))
        })
    }

    /// Resolve `change` against `ledger` (what the screen shows), without committing: the
    /// operation the screen applies at once and then commits, unchanged, with [`Session::commit`].
    pub fn resolve(
        &self,
        ledger: &ledger::Ledger,
        change: &Change,
    ) -> Result<Proposal, ChangeError> {
        let stamp = self.stamp();
        let op = ledger::resolve(&self.checklist, ledger, change, &stamp)?;
        Ok(proposal(op, &stamp))
    }

    /// Commit an operation resolved earlier. It is refused if what it replaces is no longer
    /// there (someone else changed the item meanwhile), never applied blind.
    pub fn commit(&self, proposal: Proposal) -> Result<Committed<()>, StoreError> {
        self.book().commit(|_, _| Ok((proposal, ())))
    }

    /// What the next undo would take back, for saying it before doing it.
    pub fn undo_preview(&self) -> Result<Option<Recorded>, StoreError> {
        let history = self.history()?;
        if let Some(bad) = history.bad {
            return Err(StoreError::JournalDamaged {
                path: self.book().paths.journal,
                bad,
            });
        }
        Ok(undo_step(&history.records).map(|s| s.target.clone()))
    }

    /// What the next redo would put back.
    pub fn redo_preview(&self) -> Result<Option<Recorded>, StoreError> {
        let history = self.history()?;
        Ok(redo_step(&history.records).map(|s| s.target.clone()))
    }

    /// Undo the last change not yet undone. With `expect`, only if that is still change
    /// number `expect` (what was shown to the officer); otherwise nothing happens.
    /// Returns the change undone.
    pub fn undo(&self, expect: Option<u64>) -> Result<Committed<Recorded>, StoreError> {
        self.step(expect, true)
    }

    /// Redo the last change undone (until a new change is made).
    pub fn redo(&self, expect: Option<u64>) -> Result<Committed<Recorded>, StoreError> {
        self.step(expect, false)
    }

    fn step(&self, expect: Option<u64>, undo: bool) -> Result<Committed<Recorded>, StoreError> {
        let stamp = self.stamp();
        // Held until the change is committed: the files it refers to again stay stored.
        let mut _files = None;
        self.book().commit(|_, history| {
            let history = history()?;
            let step = if undo {
                undo_step(&history.records)
            } else {
                redo_step(&history.records)
            };
            let nothing = if undo {
                ChangeError::NothingToUndo
            } else {
                ChangeError::NothingToRedo
            };
            let step = step.ok_or(nothing)?;
            if expect.is_some_and(|seq| seq != step.target.seq) {
                return Err(ChangeError::Changed {
                    item: step.target.op.item().map(String::from),
                }
                .into());
            }
            _files = self.files_kept(&step.op)?;
            let target = step.target.clone();
            Ok((proposal(step.op, &stamp), target))
        })
    }

    /// Every recorded change, oldest first.
    pub fn history(&self) -> Result<History, StoreError> {
        self.book().history()
    }

    pub fn repair(&self) -> Result<Repaired, StoreError> {
        self.book().repair(self.clock.now())
    }
}

fn proposal(op: ledger::Op, stamp: &Stamp) -> Proposal {
    Proposal {
        op,
        at: stamp.at,
        by: stamp.by.clone(),
    }
}

/// Load the checklist at `path` (or the built-in one).
pub fn load_checklist(
    path: Option<&Path>,
    default_year: i16,
    lang: Lang,
) -> Result<Checklist, OpenError> {
    match path {
        None => checklist::load(
            BUILTIN_DEFAULT.as_bytes(),
            BUILTIN_ORIGIN,
            default_year,
            lang,
        )
        .map_err(OpenError::Checklist),
        Some(p) => {
            let (bytes, size) = store::read_checklist(p, checklist::MAX_CHECKLIST_BYTES as u64)?;
            checklist::load_sized(&bytes, size, &p.display().to_string(), default_year, lang)
                .map_err(OpenError::Checklist)
        }
    }
}

/// The checklist for `asked` (or the file's own year): a checklist file that names another
/// year leads to the file of the asked year beside it, as `duty rollover` names them.
fn load_for_year(
    path: Option<PathBuf>,
    default_year: i16,
    asked: Option<i16>,
    lang: Lang,
) -> Result<(Checklist, Option<PathBuf>), OpenError> {
    let checklist = load_checklist(path.as_deref(), default_year, lang)?;
    let Some(asked) = asked.filter(|&y| y != checklist.year) else {
        return Ok((checklist, path));
    };
    let Some(file) = path else {
        unreachable!("the built-in checklist takes its year from --year")
    };
    let candidates = rollover::files_for_year(&file, checklist.year, asked);
    for candidate in &candidates {
        if candidate.is_file() {
            let other = load_checklist(Some(candidate), asked, lang)?;
            if other.year == asked && other.id == checklist.id {
                return Ok((other, Some(candidate.clone())));
            }
        }
    }
    Err(OpenError::YearMismatch {
        checklist: file,
        file_year: checklist.year,
        asked,
        looked_for: candidates,
    })
}
