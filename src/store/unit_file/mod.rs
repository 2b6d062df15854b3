//! The unit file (`duty submit`): one self-contained, human-readable RON file per unit for
//! the collecting office, holding the unit's checklist, its ledger for the year, who the
//! unit is and when and by whom the file was made, and a checksum over the contents.
//!
//! ```text
//! // duty 单位报送文件 … (comment lines saying what this is and how the checksum works)
//! (
//!     duty_unit_file: 1,
//!     unit: (name: "…", checklist: "…", year: 2025, exported_at: "…Z", exported_by: "…",
//!            duty_version: "0.1.0", last_change: Some("…Z"), changes: 57),
//!     checklist: ( … the checklist, as a checklist file writes it, `year` always given … ),
//!     ledger: (checklist: "…", year: 2025, closed: false, seq: 57, items: { … }),
//!     sha256: "…64 lower-case hex digits…",
//! )
//! ```
//!
//! **The checksum.** `sha256` is the SHA-256, in lower-case hexadecimal, of the file's bytes
//! from its first byte up to the start of the line that holds `sha256:` (every byte before
//! that line, the line feed ending the line before included), with a UTF-8 byte-order mark
//! at the very start left out and every carriage return that comes right before a line
//! feed left out (so a file whose line endings were changed in transit still checks; a
//! file `duty` writes has neither). `duty` writes `sha256` as the last field, on a line of
//! its own, so with standard tools: `sed '/^    sha256: /,$d' FILE | tr -d '\r' | sha256sum`.
//! It shows that the file is as exported; it is not a signature (anyone can compute one).
//!
//! Reading is bounded ([`MAX_UNIT_BYTES`], regular files only) and never trusts the file: the
//! checklist inside is validated like any checklist (its problems placed at their line and
//! column in this file), the header, checklist and ledger must agree on checklist and year,
//! and a ledger record `duty` would refuse is reported.

mod inputs;
mod split;

pub use inputs::{Input, for_each_input, input_exists, read_one};

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::checklist::{self, Checklist, RawChecklist};
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::ledger::Ledger;
use crate::overview::{Checksum, FileProblem, Lookalike, Part, Submission, UnitHeader};

/// The unit-file format this build writes and reads. A file with a higher number was
/// written by a newer `duty` and is reported as such, not misread.
pub const UNIT_FORMAT: u32 = 1;

/// Unit files larger than this are not read (a 10,000-item checklist with 10,000 logged
/// sessions makes a file of about 8 MiB; a city's 30 items with 50 sessions about 25 KiB).
pub const MAX_UNIT_BYTES: u64 = 64 * 1024 * 1024;

/// How a failed read is handed on: what is wrong, and the unit the file seems to name.
pub type Failed = (FileProblem, Option<String>);

const HEAD: &str = "\
// duty 单位报送文件：由 duty submit 生成，汇总单位用 duty overview 读取；请勿手工修改。
// duty unit file: made by duty submit, read by the collecting office with duty overview; do not edit.
// sha256：本文件 sha256 一行之前全部字节（不计开头的 BOM 和换行前的回车）的 SHA-256。
// sha256: the SHA-256 of every byte before its line (a leading BOM and CRs before line feeds left out).
";

/// The unit file for `header`, `checklist` and `ledger`.
pub fn serialize(header: &UnitHeader, checklist: &Checklist, ledger: &Ledger) -> String {
    let pretty = |depth: usize| {
        ron::ser::PrettyConfig::new()
            .new_line("\n")
            .indentor("    ".to_string())
            .struct_names(false)
            .depth_limit(depth)
    };
    let part = |text: Result<String, ron::Error>| {
        let text = text.unwrap_or_else(|e| unreachable!("a unit file always serialises: {e}"));
        // Every string is written escaped, so no line break is inside one: indenting each
        // line changes no value.
        text.replace('\n', "\n    ")
    };
    let unit = part(ron::ser::to_string_pretty(header, pretty(1)));
    // Optional fields written bare (`owner: "办公室"`), as checklist files write them; the
    // checklist loader reads them so without the attribute ron puts first, which would not
    // be valid in the middle of the file.
    let list = ron::ser::to_string_pretty(
        &raw(checklist),
        pretty(5).extensions(ron::extensions::Extensions::IMPLICIT_SOME),
    )
    .map(|s| match s.split_once('\n') {
        Some((first, rest)) if first.starts_with("#![") => rest.to_string(),
        _ => s,
    });
    let list = part(list);
    let book = part(ron::ser::to_string_pretty(ledger, pretty(4)));
    let mut out = String::with_capacity(HEAD.len() + unit.len() + list.len() + book.len() + 200);
    out.push_str(HEAD);
    let _ = write!(
        out,
        "(\n    duty_unit_file: {UNIT_FORMAT},\n    unit: {unit},\n    checklist: {list},\n    ledger: {book},\n"
    );
    let sum = hex(&Sha256::digest(out.as_bytes()));
    let _ = write!(out, "    sha256: \"{sum}\",\n)\n");
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The checksum of `body` (the bytes before the `sha256` line, byte-order mark removed).
fn checksum(body: &[u8]) -> String {
    if !body.contains(&b'\r') {
        return hex(&Sha256::digest(body));
    }
    let mut h = Sha256::new();
    let mut rest = body;
    while let Some(i) = memchr::memchr(b'\r', rest) {
        h.update(&rest[..i]);
        if rest.get(i + 1) != Some(&b'\n') {
            h.update(b"\r");
        }
        rest = &rest[i + 1..];
    }
    h.update(rest);
    hex(&h.finalize())
}

/// A validated checklist as a checklist file writes it, naming its year: every text the
/// unit wrote for its report too, as `duty rollover` writes a checklist back.
fn raw(c: &Checklist) -> RawChecklist {
    RawChecklist {
        id: c.id.clone(),
        title: c.title.clone(),
        organization: c.organization.clone(),
        year: Some(i64::from(c.year)),
        report: c.report.to_raw(),
        ledger_columns: c.ledger_columns.iter().map(|col| col.source()).collect(),
        sections: c
            .sections
            .iter()
            .map(|s| s.to_raw(s.items.iter().map(|i| i.to_raw()).collect()))
            .collect(),
    }
}

/// 1-based line and character column of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
    (line, col)
}

/// A position (line, column) inside the part starting at `offset`, as a position in `text`.
fn in_file(text: &str, offset: usize, (line, col): (usize, usize)) -> (usize, usize) {
    let (l0, c0) = line_col(text, offset);
    if line <= 1 {
        (l0, c0 + col.saturating_sub(1))
    } else {
        (l0 + line - 1, col)
    }
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(64)
}

/// Parse the part `span` of `text` as a `T`, placing an error in the file.
fn part<T: serde::de::DeserializeOwned>(
    text: &str,
    (start, end): (usize, usize),
) -> Result<T, FileProblem> {
    let slice = &text[start..end];
    if let Some(v) = crate::ron_fast::from_str::<T>(slice, false) {
        return Ok(v);
    }
    ron_options()
        .from_str::<T>(slice)
        .map_err(|e| FileProblem::Syntax {
            at: in_file(text, start, (e.span.start.line, e.span.start.col)),
            error: Box::new(e.code),
        })
}

/// What `text` (not a unit file) looks like.
fn lookalike(text: &str) -> Option<Lookalike> {
    match split::first_key(text)? {
        "format" | "checklist" => Some(Lookalike::Ledger),
        "id" => Some(Lookalike::Checklist),
        _ => None,
    }
}

/// The unit name a damaged unit file seems to carry: its header's `name`, if that part
/// still reads, else the string after `name:` on the header's first line.
fn name_hint(text: &str, fields: &[split::Field<'_>]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Name {
        name: String,
    }
    if let Some(unit) = fields.iter().find(|f| f.key == "unit") {
        let slice = &text[unit.value.0..unit.value.1];
        if let Some(n) = ron_options()
            .from_str::<ron::Value>(slice)
            .ok()
            .and_then(|v| v.into_rust::<Name>().ok())
        {
            return Some(n.name);
        }
    }
    // The header is cut or damaged: its `name:` line may still be whole.
    let mut end = text.len().min(8 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let at = head.find("unit:")?;
    let at = at + head[at..].find("name:")? + 5;
    let line = head[at..].lines().next()?.trim();
    let literal = line.strip_suffix(',').unwrap_or(line);
    ron::from_str::<String>(literal).ok()
}

/// The parts of a unit file, in the order `duty` writes them.
const KNOWN: [&str; 5] = ["duty_unit_file", "unit", "checklist", "ledger", "sha256"];

/// Read the unit file `bytes` (from `origin`, named in diagnostics), in `lang`.
pub fn parse(bytes: &[u8], origin: &str, lang: Lang) -> Result<Submission, Failed> {
    let bare = |p: FileProblem| (p, None);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(bare(FileProblem::Utf16));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(bare(FileProblem::Empty));
    }
    let text = match crate::text::utf8(bytes) {
        Ok(text) => text,
        // A character cut in two at the very end: the file was cut off, which the parse
        // below says (with the unit it names) better than "not UTF-8".
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            return Err(bare(FileProblem::NotUtf8 {
                byte: bytes[e.valid_up_to()],
                at: line_col(good, good.len()),
            }));
        }
    };
    if split::first_key(text) != Some("duty_unit_file") {
        return Err(bare(FileProblem::NotUnitFile {
            looks_like: lookalike(text),
        }));
    }
    // The layout duty writes is found by searching for its lines; anything else (or a part
    // that does not read that way) is walked byte by byte, which also places any damage.
    if let Some(fast) = split::fast_fields(text, &KNOWN)
        && let Ok(s) = read_fields(text, &fast, origin, lang)
    {
        return Ok(s);
    }
    let (fields, shape) = split::fields(text);
    let hint = || name_hint(text, &fields);
    if let Err(offset) = shape {
        // ron says what is wrong, and where, better than the splitter can.
        let problem = match ron_options().from_str::<serde::de::IgnoredAny>(text) {
            // A file cut off mid-word (`follows_re`) reads to ron as another fault on its
            // last line; one that does not end in the `)` every unit file ends in is cut
            // off, and said so.
            Err(e)
                if !text.trim_end().ends_with(')')
                    && e.span.end.line >= line_col(text, text.trim_end().len()).0 =>
            {
                FileProblem::Syntax {
                    at: (e.span.start.line, e.span.start.col),
                    error: Box::new(ron::Error::Eof),
                }
            }
            Err(e) => FileProblem::Syntax {
                at: (e.span.start.line, e.span.start.col),
                error: Box::new(e.code),
            },
            Ok(_) => FileProblem::Syntax {
                at: line_col(text, offset),
                error: Box::new(ron::Error::ExpectedStructLikeEnd),
            },
        };
        return Err((problem, hint()));
    }
    read_fields(text, &fields, origin, lang).map_err(|p| (p, hint()))
}

fn read_fields(
    text: &str,
    fields: &[split::Field<'_>],
    origin: &str,
    lang: Lang,
) -> Result<Submission, FileProblem> {
    let mut seen = [None; 5];
    for f in fields {
        let Some(k) = KNOWN.iter().position(|&k| k == f.key) else {
            // A newer format may add parts: say so when its number says it is newer.
            if let Some(v) = seen[0] {
                check_format(text, v)?;
            }
            return Err(FileProblem::Syntax {
                at: line_col(text, f.key_at),
                error: Box::new(ron::Error::NoSuchStructField {
                    expected: &KNOWN,
                    found: f.key.to_string(),
                    outer: None,
                }),
            });
        };
        if seen[k].is_some() {
            return Err(FileProblem::Syntax {
                at: line_col(text, f.key_at),
                error: Box::new(ron::Error::DuplicateStructField {
                    field: KNOWN[k],
                    outer: None,
                }),
            });
        }
        seen[k] = Some(f);
    }
    let get = |k: usize| seen[k].ok_or(FileProblem::Missing { field: KNOWN[k] });
    check_format(text, get(0)?)?;
    let unit = get(1)?;
    let header: UnitHeader = part(text, unit.value)?;
    if header.name.trim().is_empty() {
        return Err(FileProblem::NoName {
            at: line_col(text, unit.value.0),
        });
    }
    let list = get(2)?;
    let checklist = load_checklist(text, list.value, origin, header.year, lang)?;
    let ledger: Ledger = part(text, get(3)?.value)?;
    let sum = get(4)?;
    let recorded: String = part(text, sum.value)?;
    for (part, found) in [
        (Part::Checklist, (&checklist.id, checklist.year)),
        (Part::Ledger, (&ledger.checklist, ledger.year)),
    ] {
        if (found.0, found.1) != (&header.checklist, header.year) {
            return Err(FileProblem::Disagrees {
                part,
                header: (header.checklist.clone(), header.year),
                found: (found.0.clone(), found.1),
            });
        }
    }
    let body_end = text[..sum.key_at].rfind('\n').map_or(0, |i| i + 1);
    let computed = checksum(&text.as_bytes()[..body_end]);
    let checksum = if recorded.trim().eq_ignore_ascii_case(&computed) {
        Checksum::Valid
    } else {
        Checksum::Mismatch { recorded, computed }
    };
    let problem = ledger.problem(&checklist);
    Ok(Submission {
        header,
        checklist,
        ledger,
        checksum,
        problem,
    })
}

fn check_format(text: &str, f: &split::Field<'_>) -> Result<(), FileProblem> {
    let format: u32 = part(text, f.value)?;
    if format > UNIT_FORMAT {
        return Err(FileProblem::TooNew { format });
    }
    Ok(())
}

/// Load the checklist part; its problems are placed in the unit file by loading it again
/// inside a copy of the file blanked around it (same lines and columns).
fn load_checklist(
    text: &str,
    (start, end): (usize, usize),
    origin: &str,
    year: i16,
    lang: Lang,
) -> Result<Checklist, FileProblem> {
    let first = |mut diags: Vec<Diagnostic>| {
        let count = diags.len();
        FileProblem::Checklist {
            first: Box::new(diags.swap_remove(0)),
            count,
        }
    };
    match checklist::load(&text.as_bytes()[start..end], origin, year, lang) {
        Ok(c) => Ok(c),
        Err(d) if d.is_empty() => Err(FileProblem::Missing { field: "checklist" }),
        Err(_) => {
            let mut placed = String::with_capacity(end);
            for c in text[..start].chars() {
                placed.push(if c == '\n' { '\n' } else { ' ' });
            }
            placed.push_str(&text[start..end]);
            let diags = checklist::load(placed.as_bytes(), origin, year, lang)
                .err()
                .unwrap_or_default();
            if diags.is_empty() {
                return Err(FileProblem::Missing { field: "checklist" });
            }
            Err(first(diags))
        }
    }
}

#[cfg(test)]
mod tests;
