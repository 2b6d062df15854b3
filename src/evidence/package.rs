//! Packing for an inspector: the layout and index made by [`crate::pack`], every file
//! looked for first (all that are missing are said at once, before anything is written),
//! then the package streamed by the store, each file checked against its hash on the way.

use sha2::{Digest, Sha256};

use crate::ledger::Ledger;
use crate::pack::{self, Filter, FilterError, Layout, index};
use crate::session::Session;
use crate::store::evidence::{
    EvidenceError, PackContent, PackEntry, PackTarget, Packed, Presence, hex,
};

/// Why a package was not made.
#[derive(Debug)]
pub enum PackError {
    Filter(FilterError),
    Evidence(EvidenceError),
}

impl From<EvidenceError> for PackError {
    fn from(e: EvidenceError) -> Self {
        PackError::Evidence(e)
    }
}

/// What was packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackOutcome {
    pub items: usize,
    /// Items without any file.
    pub bare: usize,
    pub evidence_files: usize,
    pub written: Packed,
}

fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The entries of the package for `layout`: the index (.docx, .xlsx), every kept file, and
/// the checksum list of them all.
pub fn entries(s: &Session, ledger: &Ledger, layout: &Layout<'_>, part: &str) -> Vec<PackEntry> {
    let today = s.clock.today();
    let idx = index::index(&s.checklist, ledger, layout, today, part, s.lang);
    let [docx_name, xlsx_name, sums_name] = index::names(s.lang);
    let docx = pack::docx::docx(&idx, today, s.lang, &s.user);
    let xlsx = crate::sheet::write::workbook(&idx.tables, &idx.title, s.lang, &s.user, today);
    let mut sums = vec![
        (sha256(&docx), docx_name.to_string()),
        (sha256(&xlsx), xlsx_name.to_string()),
    ];
    let mut out = vec![
        PackEntry {
            path: docx_name.into(),
            content: PackContent::Bytes(docx),
            date: Some(today),
            compress: true,
        },
        PackEntry {
            path: xlsx_name.into(),
            content: PackContent::Bytes(xlsx),
            date: Some(today),
            compress: true,
        },
    ];
    for placed in layout.files() {
        sums.push((placed.file.sha256.clone(), placed.path.clone()));
        out.push(PackEntry {
            path: placed.path.clone(),
            content: PackContent::Stored {
                sha256: placed.file.sha256.clone(),
                size: placed.file.size,
                name: placed.file.name.clone(),
            },
            date: Some(placed.file.date),
            compress: pack::compressible(&placed.file.name),
        });
    }
    out.push(PackEntry {
        path: sums_name.into(),
        content: PackContent::Bytes(pack::checksums(&sums)),
        date: Some(today),
        compress: true,
    });
    out
}

impl Session {
    /// Pack `ledger` (or the part `filter` asks for) at `target`.
    pub fn pack(
        &self,
        ledger: &Ledger,
        filter: &Filter,
        part: &str,
        target: &PackTarget,
        force: bool,
    ) -> Result<PackOutcome, PackError> {
        let layout = pack::layout(&self.checklist, ledger, filter).map_err(PackError::Filter)?;
        let store = self.evidence_store();
        let not_kept: Vec<(String, String)> = layout
            .files()
            .filter(|p| store.presence(&p.file.sha256, p.file.size) != Presence::Kept)
            .map(|p| (p.file.name.clone(), p.file.sha256.clone()))
            .collect();
        if !not_kept.is_empty() {
            return Err(EvidenceError::NotKept(not_kept).into());
        }
        let entries = entries(self, ledger, &layout, part);
        let written = store.write_package(target, &entries, force)?;
        Ok(PackOutcome {
            items: layout.items.len(),
            bare: layout.items.iter().filter(|i| i.files.is_empty()).count(),
            evidence_files: layout.files().count(),
            written,
        })
    }
}
