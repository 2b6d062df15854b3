//! Evidence files at the level of a [`Session`], for both edges: attaching files (stored
//! first, referred to only once durably stored), detaching, finding one to open, and (in
//! [`audit`] and [`package`]) verifying the store, cleaning it up and packing it for an
//! inspector. The screen calls the same functions as the command line.
//!
//! Attaching several files is one change (one line of the journal, one undo): they are all
//! stored, then all referred to, or — if any file cannot be read or stored — none is.

pub mod audit;
pub mod package;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::ledger::{self, Attachment, Change, ChangeError, FileFacts, Op};
use crate::pack::names::{NameNote, component, recorded_name};
use crate::session::Session;
use crate::store::evidence::{
    DEFAULT_LIMIT, EntryRef, Evidence, EvidenceError, Presence, StoreLock,
};
use crate::store::{Committed, Proposal, StoreError};

/// What to attach, and to what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub item: String,
    /// The logged entry the files belong to (`None`: the item as a whole).
    pub entry: Option<String>,
    /// The day they evidence (default: the entry's, the tick's, the rate's, or today).
    pub date: Option<Date>,
    pub files: Vec<PathBuf>,
}

/// One file of an attach, as it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachedFile {
    pub source: PathBuf,
    /// What the ledger now records (for a file already kept there: what it recorded).
    pub attachment: Attachment,
    /// Newly stored (its bytes were not in the store yet).
    pub new: bool,
    /// A damaged stored copy was replaced by this good one.
    pub repaired: bool,
    /// Already kept for this item or entry: nothing was added for it.
    pub already: bool,
    /// What was changed in its name to record it, or how packages will show it.
    pub notes: Vec<NameNote>,
}

/// What an attach did.
#[derive(Debug, Clone)]
pub struct Attached {
    pub files: Vec<AttachedFile>,
    /// The change, unless every file was kept already (and was only put back in the store).
    pub committed: Option<Committed<()>>,
}

impl Session {
    /// The evidence store of this session's data directory.
    pub fn evidence_store(&self) -> Evidence {
        Evidence::new(&self.data_dir)
    }

    /// The largest file attach keeps (the settings' `evidence_limit_mb`, else 500 MB).
    pub fn evidence_limit(&self) -> u64 {
        self.settings
            .evidence_limit_mb
            .map_or(DEFAULT_LIMIT, |mb| mb.saturating_mul(1024 * 1024))
    }

    /// Attach `req.files`: check the item and entry first (before copying anything), store
    /// every file, then refer to them all in one change. A file already kept for the same
    /// item or entry is passed over; if all are, the attach is refused as such.
    pub fn attach(&self, req: &Request) -> Result<Attached, EvidenceError> {
        self.attach_limited(req, self.evidence_limit())
    }

    /// [`Session::attach`] with a size limit of its own.
    pub fn attach_limited(&self, req: &Request, limit: u64) -> Result<Attached, EvidenceError> {
        let stamp = self.stamp();
        // Wrong item, entry, kind or date: said before a large file is copied for nothing.
        let opened = self.read()?;
        let probe = Change::Attach {
            item: req.item.clone(),
            entry: req.entry.clone(),
            file: FileFacts {
                name: "probe".into(),
                size: 0,
                sha256: "0".repeat(64),
            },
            date: req.date,
        };
        let record = opened.ledger.record(&req.item);
        let title = self
            .checklist
            .item(&req.item)
            .map_or_else(|| req.item.clone(), |i| i.title.clone());
        ledger::resolve(&self.checklist, &opened.ledger, &probe, &stamp).map_err(|e| match e {
            // The sessions it has, with their dates and topics: bare ids say nothing.
            ChangeError::NoSuchEntry { entry, .. } => EvidenceError::NoSuchEntry {
                title: title.clone(),
                entry,
                known: record
                    .map(|r| r.entries.iter().map(EntryRef::of).collect())
                    .unwrap_or_default(),
            },
            e => EvidenceError::Store(e.into()),
        })?;
        let store = self.evidence_store();
        // Every file looked at before any is copied: a missing third file is said at once.
        for path in &req.files {
            store.check_source(path, limit)?;
        }
        let _lock = store.lock_shared()?;
        store.sweep();
        let mut stored = Vec::with_capacity(req.files.len());
        for path in &req.files {
            stored.push((path.clone(), store.put(path, limit)?));
        }
        let mut mended = Vec::new();
        let committed = self.book().commit(|ledger, _| {
            let mut scratch = ledger.clone();
            let mut ops = Vec::new();
            let mut files = Vec::new();
            for (source, s) in &stored {
                let (name, notes) = recorded_name(&s.facts.name, s.lossy_name);
                let kept = scratch.record(&req.item).and_then(|r| {
                    r.files
                        .iter()
                        .find(|f| f.sha256 == s.facts.sha256 && f.entry == req.entry)
                        .cloned()
                });
                if let Some(kept) = kept {
                    if s.new || s.repaired {
                        mended.push(AttachedFile {
                            source: source.clone(),
                            attachment: kept.clone(),
                            new: s.new,
                            repaired: s.repaired,
                            already: true,
                            notes: notes.clone(),
                        });
                    }
                    files.push(AttachedFile {
                        source: source.clone(),
                        attachment: kept,
                        new: s.new,
                        repaired: s.repaired,
                        already: true,
                        notes,
                    });
                    continue;
                }
                let change = Change::Attach {
                    item: req.item.clone(),
                    entry: req.entry.clone(),
                    file: FileFacts {
                        name,
                        ..s.facts.clone()
                    },
                    date: req.date,
                };
                let op = ledger::resolve(&self.checklist, &scratch, &change, &stamp)?;
                scratch.apply(&op)?;
                let Op::Attach { file, .. } = &op else {
                    unreachable!("an attach resolves to an attach")
                };
                files.push(AttachedFile {
                    source: source.clone(),
                    attachment: file.clone(),
                    new: s.new,
                    repaired: s.repaired,
                    already: false,
                    notes,
                });
                ops.push(op);
            }
            let op = match ops.len() {
                // Nothing new for the ledger: refused, unless the store lacked a file or held
                // it damaged, and attaching it again put it right (said, not refused).
                0 if files.iter().any(|f| f.new || f.repaired) => {
                    return Err(StoreError::Change(ChangeError::NothingNew));
                }
                0 => {
                    let name = files
                        .first()
                        .map(|f| f.attachment.name.clone())
                        .unwrap_or_default();
                    return Err(ChangeError::AlreadyAttached {
                        item: req.item.clone(),
                        name,
                    }
                    .into());
                }
                1 => ops.remove(0),
                _ => Op::Batch { ops },
            };
            Ok((
                Proposal {
                    op,
                    at: stamp.at,
                    by: stamp.by.clone(),
                },
                files,
            ))
        });
        let committed = match committed {
            Err(StoreError::Change(ChangeError::NothingNew)) if !mended.is_empty() => {
                return Ok(Attached {
                    files: mended,
                    committed: None,
                });
            }
            // Said with the item's title and, for a session's file, the session.
            Err(StoreError::Change(ChangeError::AlreadyAttached { name, .. })) => {
                let entry = req
                    .entry
                    .as_deref()
                    .and_then(|e| record.and_then(|r| r.entry(e)))
                    .map(EntryRef::of);
                return Err(EvidenceError::AlreadyKept { title, entry, name });
            }
            other => other?,
        };
        let Committed {
            ledger,
            recorded,
            notes,
            fingerprint,
            value: files,
        } = committed;
        Ok(Attached {
            files,
            committed: Some(Committed {
                ledger,
                recorded,
                notes,
                fingerprint,
                value: (),
            }),
        })
    }

    /// Take a file off an item: `which` is its number in [`files_of`] (from 1), its name, or
    /// the start of its hash (four or more hex digits). The stored file stays until the
    /// clean-up finds nothing referring to it.
    pub fn detach(&self, item: &str, which: &str) -> Result<Committed<Attachment>, EvidenceError> {
        let stamp = self.stamp();
        Ok(self.book().commit(|ledger, _| {
            let record = ledger.record(item).cloned().unwrap_or_default();
            let file = pick(item, &record, which)?;
            let change = Change::Detach {
                item: item.to_string(),
                entry: file.entry.clone(),
                sha256: file.sha256.clone(),
            };
            let op = ledger::resolve(&self.checklist, ledger, &change, &stamp)?;
            Ok((
                Proposal {
                    op,
                    at: stamp.at,
                    by: stamp.by.clone(),
                },
                file,
            ))
        })?)
    }

    /// A checked copy of file `n` (from 1; the only one when `None`) of `item`, under its
    /// own name in a fresh temporary folder, for the system's viewer (see
    /// [`crate::store::evidence::launch`]). The store itself is never handed out.
    pub fn viewer_copy(
        &self,
        ledger: &ledger::Ledger,
        item: &str,
        n: Option<usize>,
    ) -> Result<(PathBuf, Attachment), EvidenceError> {
        let files = files_of(ledger, item);
        let file = match (n, files.as_slice()) {
            (_, []) => {
                return Err(ChangeError::NoSuchFile {
                    item: item.to_string(),
                    file: n.map_or_else(String::new, |n| n.to_string()),
                    known: Vec::new(),
                }
                .into_evidence());
            }
            (None, [one]) => (*one).clone(),
            (None, _) => {
                return Err(EvidenceError::WhichFile {
                    item: item.to_string(),
                    names: files.iter().map(|f| f.name.clone()).collect(),
                });
            }
            (Some(n), _) => match n.checked_sub(1).and_then(|i| files.get(i)) {
                Some(f) => (*f).clone(),
                None => {
                    return Err(ChangeError::NoSuchFile {
                        item: item.to_string(),
                        file: n.to_string(),
                        known: files.iter().map(|f| f.name.clone()).collect(),
                    }
                    .into_evidence());
                }
            },
        };
        let name = component(&file.name, 120);
        let copy = crate::store::evidence::viewer_copy(
            &self.evidence_store(),
            &file.sha256,
            file.size,
            &name,
        )?;
        Ok((copy, file))
    }

    /// Whether each file of `item` is in the store (by size; `duty verify` re-hashes).
    pub fn presence(&self, files: &[&Attachment]) -> Vec<Presence> {
        let store = self.evidence_store();
        files
            .iter()
            .map(|f| store.presence(&f.sha256, f.size))
            .collect()
    }

    /// Before undo or redo puts references back: every file they name must still be in the
    /// store. The returned lock (held until the change is committed) keeps the clean-up
    /// from deleting one meanwhile.
    pub(crate) fn files_kept(&self, op: &Op) -> Result<Option<StoreLock>, StoreError> {
        let mut attaches = Vec::new();
        collect_attaches(op, &mut attaches);
        if attaches.is_empty() {
            return Ok(None);
        }
        let store = self.evidence_store();
        let lock = store.lock_shared().ok();
        for (item, file) in attaches {
            if store.presence(&file.sha256, file.size) != Presence::Kept {
                return Err(ChangeError::FileNotKept {
                    item: item.to_string(),
                    name: file.name.clone(),
                }
                .into());
            }
        }
        Ok(lock)
    }
}

/// The files an operation would refer to once applied (an attach, or a detach undone).
fn collect_attaches<'a>(op: &'a Op, out: &mut Vec<(&'a str, &'a Attachment)>) {
    match op {
        Op::Attach { item, file } => out.push((item, file)),
        Op::Undo { step, .. } | Op::Redo { step, .. } => collect_attaches(step, out),
        Op::Batch { ops } => ops.iter().for_each(|o| collect_attaches(o, out)),
        _ => {}
    }
}

/// The files kept for `item`, in the order `duty evidence` numbers them: the item's own,
/// then each entry's (entries in date order), each in the order attached.
pub fn files_of<'a>(ledger: &'a ledger::Ledger, item: &str) -> Vec<&'a Attachment> {
    ledger.record(item).map_or_else(Vec::new, files_in)
}

/// The files of a record, in the order [`files_of`] gives.
pub fn files_in(r: &ledger::ItemRecord) -> Vec<&Attachment> {
    let mut files: Vec<(Option<Date>, usize, &Attachment)> = r
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            (
                f.entry.as_deref().and_then(|e| r.entry(e)).map(|e| e.date),
                i,
                f,
            )
        })
        .collect();
    files.sort_by_key(|(d, i, f)| (f.entry.is_some(), *d, *i));
    files.into_iter().map(|(_, _, f)| f).collect()
}

/// The file `which` names among a record's files (number, name, or hash start).
fn pick(item: &str, record: &ledger::ItemRecord, which: &str) -> Result<Attachment, StoreError> {
    let ordered = files_in(record);
    let none = || ChangeError::NoSuchFile {
        item: item.to_string(),
        file: which.to_string(),
        known: ordered.iter().map(|f| f.name.clone()).collect(),
    };
    let which = which.trim();
    if let Ok(n) = which.parse::<usize>()
        && (1..=ordered.len()).contains(&n)
    {
        return Ok(ordered[n - 1].clone());
    }
    let by_name: Vec<&Attachment> = ordered
        .iter()
        .copied()
        .filter(|f| f.name == which)
        .collect();
    let wanted = which.to_ascii_lowercase();
    let by_hash: Vec<&Attachment> = ordered
        .iter()
        .copied()
        .filter(|f| wanted.len() >= 4 && f.sha256.starts_with(&wanted))
        .collect();
    match (by_name.as_slice(), by_hash.as_slice()) {
        ([one], _) | ([], [one]) => Ok((*one).clone()),
        ([], []) => Err(none().into()),
        _ => Err(ChangeError::AmbiguousFile {
            item: item.to_string(),
            file: which.to_string(),
        }
        .into()),
    }
}

trait IntoEvidence {
    fn into_evidence(self) -> EvidenceError;
}

impl IntoEvidence for ChangeError {
    fn into_evidence(self) -> EvidenceError {
        EvidenceError::Store(StoreError::Change(self))
    }
}

/// The program that opens files for `duty open` and the screen: the one `DUTY_OPENER`
/// names, else (`None`) the system's (see [`crate::store::evidence::launch`]).
pub fn opener() -> Option<std::ffi::OsString> {
    std::env::var_os("DUTY_OPENER").filter(|v| !v.is_empty())
}

/// A path as the officer typed it, for messages.
pub fn shown(path: &Path) -> String {
    path.display().to_string()
}
