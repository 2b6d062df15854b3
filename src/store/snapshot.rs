//! The ledger file `YEAR.ron`: a human-readable RON snapshot of the ledger, and where in the
//! journal it stands (`journal: (id, end)`), so that opening it reads only the journal lines
//! written after it. Format 1 (an earlier `duty`, no journal) is read too.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::Damage;
use crate::ledger::{ItemRecord, Ledger};

/// The snapshot format this build writes. A file with a higher number was written by a
/// newer `duty` and is refused rather than misread (and never overwritten).
pub const FORMAT: u32 = 2;

/// Ledger files larger than this are refused (a year of 10,000 entries is ~2 MiB).
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Which journal a snapshot was written from, and the journal's length when it was: the
/// lines after `end` are the changes the snapshot does not hold yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub id: String,
    pub end: u64,
}

/// A snapshot as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub ledger: Ledger,
    pub format: u32,
    /// `None` for a format-1 ledger or one made by hand.
    pub mark: Option<Mark>,
}

#[derive(Serialize)]
struct FileRef<'a> {
    format: u32,
    checklist: &'a str,
    year: i16,
    closed: bool,
    seq: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    journal: Option<&'a Mark>,
    items: &'a BTreeMap<String, ItemRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: u32,
    checklist: String,
    year: i16,
    #[serde(default)]
    closed: bool,
    #[serde(default)]
    seq: u64,
    #[serde(default)]
    journal: Option<Mark>,
    #[serde(default)]
    items: BTreeMap<String, ItemRecord>,
}

/// Just the format number, read leniently so that a newer ledger is recognised as newer
/// (rather than as damaged because of fields this build does not know).
#[derive(Deserialize)]
struct FormatProbe {
    format: u32,
}

/// Why a snapshot cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Unparsed {
    TooNew(u32),
    Damaged {
        damage: Damage,
        at: Option<(usize, usize)>,
    },
}

/// A change count this high could only wrap around; no `duty` writes one.
const MAX_SEQ: u64 = u64::MAX / 2;

pub fn parse(bytes: &[u8]) -> Result<Snapshot, Unparsed> {
    let damaged = |damage, at| Unparsed::Damaged { damage, at };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(damaged(Damage::Utf16, None));
    }
    // Notepad saves with a byte-order mark; it says nothing about the content.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(damaged(Damage::Empty, None));
    }
    let text = crate::text::utf8(bytes).map_err(|e| {
        // Place the first bad byte like a parse error: line and character column.
        let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let col = good.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        damaged(
            Damage::NotUtf8 {
                byte: bytes[e.valid_up_to()],
            },
            Some((line, col)),
        )
    })?;
    let options = ron::Options::default().with_recursion_limit(64);
    // The fast reader reads what duty writes; ron reads anything else, or says what is
    // wrong with it. The format probe runs only when both fail, to tell a newer ledger
    // (with fields this build does not know) from a damaged one.
    let file = match crate::ron_fast::from_str::<File>(text, false)
        .map_or_else(|| options.from_str::<File>(text), Ok)
    {
        Ok(file) => file,
        Err(e) => {
            return Err(match options.from_str::<FormatProbe>(text) {
                Ok(probe) if probe.format > FORMAT => Unparsed::TooNew(probe.format),
                _ => damaged(
                    Damage::Syntax(Box::new(e.code)),
                    Some((e.span.start.line, e.span.start.col)),
                ),
            });
        }
    };
    if file.format > FORMAT {
        return Err(Unparsed::TooNew(file.format));
    }
    if file.seq > MAX_SEQ {
        return Err(damaged(Damage::BadSeq { seq: file.seq }, None));
    }
    Ok(Snapshot {
        ledger: Ledger {
            checklist: file.checklist,
            year: file.year,
            closed: file.closed,
            seq: file.seq,
            items: file.items,
        },
        format: file.format,
        mark: file.journal,
    })
}

/// The ledger as saved: RON with a header comment, each logged entry on one line, so that
/// the file reads (and diffs) like a register.
///
/// Strings are written as they are (one holding `"` or `\` as a raw string `r#"…"#`), which
/// is several times faster than ron's per-character escaping for Chinese text. Only a ledger
/// holding a control character or bidi override (never accepted at input, but a hand-edited
/// file may have one) is written with escapes, so none lands in the file raw.
/// `mark` is `None` for a copy that leaves this machine (`duty export-ledger`).
pub fn serialize(ledger: &Ledger, mark: Option<&Mark>) -> String {
    // One line ending on every system, so that the same ledger is the same file everywhere.
    let pretty = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .depth_limit(4)
        .indentor("  ".to_string())
        .struct_names(false)
        .escape_strings(strings(ledger).any(crate::text::has_unsafe));
    let entries: usize = ledger.items.values().map(|r| r.entries.len() + 1).sum();
    let mut out = String::with_capacity(256 + 200 * entries);
    out.push_str(
        "// duty 台账 ledger — 由 duty 维护，每次修改先记入同目录的 .journal 文件 / maintained by duty; every change is first recorded in the .journal beside it\n",
    );
    let file = FileRef {
        format: FORMAT,
        checklist: &ledger.checklist,
        year: ledger.year,
        closed: ledger.closed,
        seq: ledger.seq,
        journal: mark,
        items: &ledger.items,
    };
    ron::ser::to_writer_pretty(&mut out, &file, pretty)
        .unwrap_or_else(|e| unreachable!("a ledger always serialises: {e}"));
    out.push('\n');
    out
}

/// Every string a ledger holds.
fn strings(ledger: &Ledger) -> impl Iterator<Item = &str> {
    std::iter::once(ledger.checklist.as_str()).chain(ledger.items.iter().flat_map(|(id, r)| {
        let done = r
            .done
            .iter()
            .flat_map(|d| [d.evidence.as_str(), d.by.as_str()]);
        let rate = r
            .rate
            .iter()
            .flat_map(|x| [x.evidence.as_str(), x.by.as_str()]);
        let entries = r.entries.iter().flat_map(|e| {
            [
                e.id.as_str(),
                e.topic.as_str(),
                e.evidence.as_str(),
                e.by.as_str(),
            ]
        });
        [id.as_str(), r.note.as_str(), r.evidence.as_str()]
            .into_iter()
            .chain(done)
            .chain(rate)
            .chain(entries)
    }))
}
