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

/// The ledger as the fast reader alone reads it (no fallback to ron), to prove that what
/// `duty` writes takes the fast path.
#[cfg(test)]
pub fn parse_fast(text: &str) -> Option<Ledger> {
    crate::ron_fast::from_str::<File>(text, false).map(|f| Ledger {
        checklist: f.checklist,
        year: f.year,
        closed: f.closed,
        seq: f.seq,
        items: f.items,
    })
}

/// The ledger as saved: RON with a header comment, each logged entry on one line, so that
/// the file reads (and diffs) like a register. `mark` is `None` for a copy that leaves this
/// machine (`duty export-ledger`).
///
/// Written by hand rather than through ron's serializer, which is most of the cost of a
/// change on a large ledger: the layout is fixed, every string is written as it is (one
/// holding `"` or `\` as a raw string `r#"…"#`), and only a string holding a control
/// character or bidi override (never accepted at input, but a hand-edited file may carry
/// one) is written with escapes, so none lands in the file raw. Fields are left out exactly
/// where the model's serde attributes leave them out, so ron and the fast reader read the
/// file back to the same ledger (tested for any ledger).
pub fn serialize(ledger: &Ledger, mark: Option<&Mark>) -> String {
    use std::fmt::Write;
    let entries: usize = ledger.items.values().map(|r| r.entries.len() + 2).sum();
    let mut out = String::with_capacity(512 + 200 * entries);
    out.push_str(
        "// duty 台账 ledger — 由 duty 维护，每次修改先记入同目录的 .journal 文件 / maintained by duty; every change is first recorded in the .journal beside it\n",
    );
    // Writing to a String cannot fail.
    let _ = writeln!(out, "(\n  format: {FORMAT},");
    out.push_str("  checklist: ");
    string(&mut out, &ledger.checklist);
    let _ = write!(
        out,
        ",\n  year: {},\n  closed: {},\n  seq: {},\n",
        ledger.year, ledger.closed, ledger.seq
    );
    if let Some(mark) = mark {
        out.push_str("  journal: Some((\n    id: ");
        string(&mut out, &mark.id);
        let _ = write!(out, ",\n    end: {},\n  )),\n", mark.end);
    }
    out.push_str("  items: {\n");
    for (id, r) in &ledger.items {
        out.push_str("    ");
        string(&mut out, id);
        out.push_str(": (\n");
        if let Some(d) = &r.done {
            out.push_str("      done: Some((\n        date: \"");
            let _ = write!(out, "{}", d.date);
            out.push_str("\",\n");
            if !d.evidence.is_empty() {
                out.push_str("        evidence: ");
                string(&mut out, &d.evidence);
                out.push_str(",\n");
            }
            out.push_str("        by: ");
            string(&mut out, &d.by);
            out.push_str(",\n      )),\n");
        }
        if !r.entries.is_empty() {
            out.push_str("      entries: [\n");
            for e in &r.entries {
                out.push_str("        (id: ");
                string(&mut out, &e.id);
                out.push_str(", date: \"");
                let _ = write!(out, "{}", e.date);
                out.push_str("\", topic: ");
                string(&mut out, &e.topic);
                if let Some(h) = e.hours {
                    let _ = write!(out, ", hours: Some({})", float(h));
                }
                field(&mut out, ", evidence: ", &e.evidence);
                out.push_str(", by: ");
                string(&mut out, &e.by);
                field(&mut out, ", presided: ", &e.presided);
                field(&mut out, ", attended: ", &e.attended);
                if !e.linked.is_empty() {
                    out.push_str(", linked: [");
                    for (i, l) in e.linked.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        string(&mut out, l);
                    }
                    out.push(']');
                }
                out.push_str("),\n");
            }
            out.push_str("      ],\n");
        }
        if let Some(rate) = &r.rate {
            let _ = write!(
                out,
                "      rate: Some((\n        numerator: {},\n        denominator: {},\n        date: \"{}\",\n",
                rate.numerator, rate.denominator, rate.date
            );
            if !rate.evidence.is_empty() {
                out.push_str("        evidence: ");
                string(&mut out, &rate.evidence);
                out.push_str(",\n");
            }
            out.push_str("        by: ");
            string(&mut out, &rate.by);
            out.push_str(",\n      )),\n");
        }
        if !r.note.is_empty() {
            out.push_str("      note: ");
            string(&mut out, &r.note);
            out.push_str(",\n");
        }
        if !r.evidence.is_empty() {
            out.push_str("      evidence: ");
            string(&mut out, &r.evidence);
            out.push_str(",\n");
        }
        if !r.files.is_empty() {
            out.push_str("      files: [\n");
            for f in &r.files {
                out.push_str("        (name: ");
                string(&mut out, &f.name);
                let _ = write!(out, ", size: {}, sha256: ", f.size);
                string(&mut out, &f.sha256);
                out.push_str(", date: \"");
                let _ = write!(out, "{}", f.date);
                out.push('"');
                if let Some(entry) = &f.entry {
                    out.push_str(", entry: Some(");
                    string(&mut out, entry);
                    out.push(')');
                }
                out.push_str(", by: ");
                string(&mut out, &f.by);
                out.push_str("),\n");
            }
            out.push_str("      ],\n");
        }
        out.push_str("    ),\n");
    }
    out.push_str("  },\n)\n");
    out
}

/// `, name: "value"`, or nothing for an empty value (the model leaves it out).
fn field(out: &mut String, name: &str, value: &str) {
    if !value.is_empty() {
        out.push_str(name);
        string(out, value);
    }
}

/// A float as RON reads it back exactly (`2.0`, `2.5`, `1e300`).
fn float(x: f64) -> String {
    let s = format!("{x:?}");
    if s.contains(['.', 'e', 'N', 'i']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// A string as RON: plain when it can be, raw when it holds `"` or `\`, escaped only when it
/// holds something that must not reach a file raw.
fn string(out: &mut String, s: &str) {
    if crate::text::has_unsafe(s) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if crate::text::is_unsafe(c) => {
                    use std::fmt::Write;
                    let _ = write!(out, "\\u{{{:x}}}", c as u32);
                }
                c => out.push(c),
            }
        }
        out.push('"');
    } else if memchr::memchr2(b'"', b'\\', s.as_bytes()).is_some() {
        // Enough hashes that no `"###` inside closes the string early.
        let mut hashes = 1;
        while s.contains(&format!("\"{}", "#".repeat(hashes))) {
            hashes += 1;
        }
        let h = "#".repeat(hashes);
        out.push('r');
        out.push_str(&h);
        out.push('"');
        out.push_str(s);
        out.push('"');
        out.push_str(&h);
    } else {
        out.push('"');
        out.push_str(s);
        out.push('"');
    }
}
