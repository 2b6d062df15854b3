//! The store against every ledger that refers to it: which stored files are referred to (by
//! any checklist, any year, in this data directory), `duty verify` (every stored file
//! re-hashed: missing, changed and orphaned files, each with what to do) and the clean-up
//! (what nothing refers to any more, listed before it is deleted).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::checklist::is_slug;
use crate::ledger::Attachment;
use crate::session::Session;
use crate::store::evidence::{EvidenceError, Scan, StoredFile};
use crate::store::{Book, StoreError};

/// One ledger's reference to a stored file.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub checklist: String,
    pub year: i16,
    pub item: String,
    pub file: Attachment,
}

/// Every reference in the data directory, and the ledgers that could not be read.
#[derive(Debug, Default)]
pub struct References {
    pub refs: Vec<Reference>,
    pub unreadable: Vec<(PathBuf, StoreError)>,
}

impl References {
    fn hashes(&self) -> BTreeSet<&str> {
        self.refs.iter().map(|r| r.file.sha256.as_str()).collect()
    }
}

/// What `duty verify` found.
#[derive(Debug, Default)]
pub struct Verification {
    /// Files referred to and intact.
    pub ok: usize,
    pub bytes: u64,
    /// Referred to, not in the store: each reference.
    pub missing: Vec<Reference>,
    /// In the store, no longer what was stored (altered or damaged), with who refers to it.
    pub changed: Vec<(StoredFile, Vec<Reference>)>,
    /// Intact, referred to by nothing: the clean-up deletes them.
    pub orphans: Vec<StoredFile>,
    /// Temporaries of an interrupted attach.
    pub temps: Vec<PathBuf>,
    /// Not `duty`'s, in the store's folder.
    pub strays: Vec<PathBuf>,
    /// Ledgers that could not be read (their references are unknown).
    pub unreadable: Vec<(PathBuf, StoreError)>,
}

impl Verification {
    /// Something the officer must act on (an orphan or a leftover is only untidy).
    pub fn has_problems(&self) -> bool {
        !self.missing.is_empty() || !self.changed.is_empty() || !self.unreadable.is_empty()
    }
}

/// What the clean-up would delete.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanPlan {
    pub files: Vec<StoredFile>,
    pub temps: Vec<PathBuf>,
    /// The name each file last had in a ledger's history (by hash), to say what it was.
    pub names: BTreeMap<String, String>,
}

impl CleanPlan {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.temps.is_empty()
    }

    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
}

/// The ledgers in a data directory: each checklist folder's years with a ledger or journal.
fn ledgers(data_dir: &std::path::Path) -> Vec<(String, i16)> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(data_dir) else {
        return out;
    };
    for dir in dirs.flatten() {
        let id = dir.file_name().to_string_lossy().into_owned();
        if !is_slug(&id) || !dir.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        let mut years: BTreeSet<i16> = BTreeSet::new();
        for f in files.flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            let year = name
                .strip_suffix(".ron")
                .or_else(|| name.strip_suffix(".journal"))
                .filter(|y| y.len() == 4)
                .and_then(|y| y.parse::<i16>().ok());
            if let Some(y) = year {
                years.insert(y);
            }
        }
        out.extend(years.into_iter().map(|y| (id.clone(), y)));
    }
    out.sort();
    out
}

impl Session {
    /// Every file referred to by a ledger of this data directory (all checklists, all years).
    pub fn references(&self) -> References {
        let mut refs = References::default();
        for (id, year) in ledgers(&self.data_dir) {
            let book = Book::new(&self.data_dir, &id, year);
            match book.open() {
                Ok(opened) => {
                    for (item, record) in &opened.ledger.items {
                        refs.refs.extend(record.files.iter().map(|f| Reference {
                            checklist: id.clone(),
                            year,
                            item: item.clone(),
                            file: f.clone(),
                        }));
                    }
                }
                Err(e) => refs.unreadable.push((book.paths.ledger.clone(), e)),
            }
        }
        refs
    }

    /// Re-hash every stored file and hold the store against every ledger's references.
    pub fn verify(&self) -> Result<Verification, EvidenceError> {
        let refs = self.references();
        let scan = self.evidence_store().scan(true)?;
        Ok(verification(refs, scan))
    }

    /// What the clean-up would delete now: intact or damaged stored files nothing refers to,
    /// and temporaries left by interrupted attaches. Refused while a ledger cannot be read
    /// (what it refers to is unknown).
    pub fn clean_plan(&self) -> Result<CleanPlan, EvidenceError> {
        let refs = self.references();
        if let Some((_, e)) = refs.unreadable.into_iter().next() {
            return Err(EvidenceError::Store(e));
        }
        let referred: BTreeSet<String> = refs.refs.iter().map(|r| r.file.sha256.clone()).collect();
        let scan = self.evidence_store().scan(false)?;
        let files: Vec<StoredFile> = scan
            .files
            .into_iter()
            .filter(|f| !referred.contains(&f.sha256))
            .collect();
        let names = if files.is_empty() {
            BTreeMap::new()
        } else {
            self.names_in_history(&files)
        };
        Ok(CleanPlan {
            files,
            temps: scan.temps,
            names,
        })
    }

    /// The names stored files had when attached, from every ledger's history.
    fn names_in_history(&self, files: &[StoredFile]) -> BTreeMap<String, String> {
        let wanted: BTreeSet<&str> = files.iter().map(|f| f.sha256.as_str()).collect();
        let mut names = BTreeMap::new();
        for (id, year) in ledgers(&self.data_dir) {
            let Ok(history) = Book::new(&self.data_dir, &id, year).history() else {
                continue;
            };
            for r in &history.records {
                let mut found = Vec::new();
                attachments(&r.op, &mut found);
                for f in found
                    .into_iter()
                    .filter(|f| wanted.contains(f.sha256.as_str()))
                {
                    names.insert(f.sha256.clone(), f.name.clone());
                }
            }
        }
        names
    }

    /// Delete what `plan` lists and nothing refers to still (checked again under the store's
    /// exclusive lock, so a file attached meanwhile stays). Returns what was deleted.
    pub fn clean(&self, plan: &CleanPlan) -> Result<CleanPlan, EvidenceError> {
        let store = self.evidence_store();
        let _lock = store.lock_exclusive()?;
        let now = self.clean_plan()?;
        let mut done = CleanPlan::default();
        for f in &plan.files {
            if now.files.iter().any(|n| n.sha256 == f.sha256) {
                store.remove(&f.sha256)?;
                done.files.push(f.clone());
            }
        }
        let before = store.scan(false)?.temps;
        store.sweep();
        let after = store.scan(false)?.temps;
        done.temps = before.into_iter().filter(|t| !after.contains(t)).collect();
        Ok(done)
    }
}

/// Every attachment an operation names (attached, detached, or inside an undo or batch).
fn attachments<'a>(op: &'a crate::ledger::Op, out: &mut Vec<&'a Attachment>) {
    use crate::ledger::Op;
    match op {
        Op::Attach { file, .. } | Op::Detach { file, .. } => out.push(file),
        Op::Undo { step, .. } | Op::Redo { step, .. } => attachments(step, out),
        Op::Batch { ops } => ops.iter().for_each(|o| attachments(o, out)),
        _ => {}
    }
}

fn verification(refs: References, scan: Scan) -> Verification {
    let referred = refs.hashes();
    let mut by_hash: BTreeMap<&str, Vec<&Reference>> = BTreeMap::new();
    for r in &refs.refs {
        by_hash.entry(r.file.sha256.as_str()).or_default().push(r);
    }
    let stored: BTreeSet<&str> = scan.files.iter().map(|f| f.sha256.as_str()).collect();
    let mut v = Verification {
        temps: scan.temps.clone(),
        strays: scan.strays.clone(),
        ..Verification::default()
    };
    for f in &scan.files {
        let who: Vec<Reference> = by_hash
            .get(f.sha256.as_str())
            .map(|v| v.iter().map(|r| (*r).clone()).collect())
            .unwrap_or_default();
        if !f.intact() {
            v.changed.push((f.clone(), who));
        } else if referred.contains(f.sha256.as_str()) {
            v.ok += 1;
            v.bytes += f.size;
        } else {
            v.orphans.push(f.clone());
        }
    }
    v.missing = refs
        .refs
        .iter()
        .filter(|r| !stored.contains(r.file.sha256.as_str()))
        .cloned()
        .collect();
    v.unreadable = refs.unreadable;
    v
}
