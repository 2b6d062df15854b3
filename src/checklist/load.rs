//! Parse, then refine: RON text → [`RawChecklist`] → validated [`Checklist`], or every
//! problem found, each placed at its file, line and column with the field's path.

use super::Checklist;
use super::diagnose::{shape_error, syntax_error};
use super::locate::Locations;
use super::raw::{RawChecklist, RawItem};
use super::validate::Validator;
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;

/// Checklists larger than this are refused before parsing (a realistic 10 000-item checklist,
/// as `generate_checklist` writes it, is about 5 MiB).
pub const MAX_CHECKLIST_BYTES: usize = 32 * 1024 * 1024;

/// Nesting deeper than this is refused by the parser instead of exhausting the stack.
pub(super) const RECURSION_LIMIT: usize = 64;

/// Most diagnostics reported for one file. Placing each one walks the text, and nobody reads
/// the hundred-and-first; the rest are counted in a final note.
pub(super) const MAX_DIAGNOSTICS: usize = 100;

/// Load a checklist from the bytes of `origin`. `default_year` is used when the file names
/// none (the caller passes the current year, or `--year`).
pub fn load(
    bytes: &[u8],
    origin: &str,
    default_year: i16,
    lang: Lang,
) -> Result<Checklist, Vec<Diagnostic>> {
    load_sized(bytes, bytes.len() as u64, origin, default_year, lang)
}

/// [`load`] for a file of `size` bytes, of which only `bytes` (at most one past the limit)
/// were read: a file too large is refused with its real size.
pub fn load_sized(
    bytes: &[u8],
    size: u64,
    origin: &str,
    default_year: i16,
    lang: Lang,
) -> Result<Checklist, Vec<Diagnostic>> {
    if size > MAX_CHECKLIST_BYTES as u64 || bytes.len() > MAX_CHECKLIST_BYTES {
        let size = size.max(bytes.len() as u64);
        let max = MAX_CHECKLIST_BYTES / (1024 * 1024);
        let message = lang.words().checklist_too_large(size, max);
        return Err(vec![Diagnostic::at(lang, origin, "", 0, 0, None, message)]);
    }
    // ron refuses a byte-order mark, but Windows editors write one.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let src = match crate::text::utf8(bytes) {
        Ok(s) => s,
        Err(e) => return Err(vec![not_utf8(bytes, e, origin, lang)]),
    };
    // Line endings of a classic Mac editor, CR alone: RON would read one long comment line.
    let unix;
    let src = if memchr::memchr(b'\r', bytes).is_some() && memchr::memchr(b'\n', bytes).is_none() {
        unix = src.replace('\r', "\n");
        unix.as_str()
    } else {
        src
    };
    let mut validator = Validator {
        src,
        origin,
        lang,
        locations: None,
        errors: Vec::new(),
        dropped: 0,
    };
    match parse_raw(src, origin, lang) {
        Parsed::Whole(raw) => validator.refine(*raw, default_year),
        Parsed::Syntax(d) => Err(vec![d]),
        Parsed::Parts {
            errors,
            items,
            locations,
        } => {
            // The file's shape is wrong somewhere, but every item that parsed on its own is
            // still checked, so one typo does not hide a wrong date three sections later.
            let year = locations
                .exact("year")
                .and_then(|(s, e)| src[s..e].trim().parse::<i64>().ok())
                .filter(|y| (2000..=2100).contains(y))
                .map_or(default_year, |y| y as i16);
            validator.locations = Some(locations);
            validator.errors = errors;
            validator.outside_items();
            let mut ids = super::ItemIndex::default();
            for ((s, i), item) in items {
                let at = super::validate::ItemAt(s, i);
                validator.item_id(&mut ids, at, &item.id);
                validator.item(at, item, year);
            }
            Err(validator.finish())
        }
    }
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error, origin: &str, lang: Lang) -> Diagnostic {
    // Notepad's "Unicode": a UTF-16 byte-order mark, or ASCII text with every other byte 0.
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (bytes.len() >= 4 && (bytes[1] == 0 && bytes[3] == 0 || bytes[0] == 0 && bytes[2] == 0));
    if utf16 {
        let (message, help) = lang.words().checklist_utf16();
        return Diagnostic::at(lang, origin, "", 0, 0, None, message.to_string()).with_help(help);
    }
    let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
    let bad_len = e
        .error_len()
        .unwrap_or(bytes.len() - e.valid_up_to())
        .min(4);
    let bad: String = bytes[e.valid_up_to()..e.valid_up_to() + bad_len]
        .iter()
        .map(|b| format!("\\x{b:02X}"))
        .collect();
    let (message, help) = lang.words().checklist_not_utf8(&bad);
    Diagnostic::at(lang, origin, valid, valid.len(), 0, None, message).with_help(help)
}

/// `implicit_some` lets optional fields be written plainly (`owner: "办公室"`), not `Some(…)`.
pub(super) fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

enum Parsed {
    /// The whole file has the right shape.
    Whole(Box<RawChecklist>),
    /// The text is not RON at all; nothing after the error can be trusted.
    Syntax(Diagnostic),
    /// Valid RON of the wrong shape: every shape error found, and the items that parsed.
    Parts {
        errors: Vec<Diagnostic>,
        items: Vec<((usize, usize), RawItem)>,
        locations: Locations,
    },
}

/// Why serde stopped, relative to the part of the text that was parsed.
pub(super) struct Failure {
    pub(super) code: ron::Error,
    pub(super) path: String,
    pub(super) line: usize,
    pub(super) col: usize,
}

/// serde's first error stops the parse. Whether the text is RON at all is settled by parsing
/// it as an untyped value; if it is, each item that the scanner can delimit is then parsed on
/// its own, so that typos in several items all show at once.
fn parse_raw(src: &str, origin: &str, lang: Lang) -> Parsed {
    let failure = match parse_part::<RawChecklist>(src) {
        Ok(raw) => return Parsed::Whole(Box::new(raw)),
        Err(f) => f,
    };
    if let Err(e) = ron_options().from_str::<ron::Value>(src) {
        return Parsed::Syntax(syntax_error(src, origin, lang, &e));
    }
    let locations = Locations::scan(src);
    let place = |offset, prefix: &str, failure| {
        shape_error(src, offset, prefix, origin, lang, &locations, failure)
    };
    let mut errors = vec![place(0, "", failure)];
    let mut items = Vec::new();
    'sections: for s in 0.. {
        for i in 0.. {
            let path = format!("sections[{s}].items[{i}]");
            let Some((start, end)) = locations.exact(&path) else {
                if i == 0 && locations.exact(&format!("sections[{s}]")).is_none() {
                    break 'sections;
                }
                break;
            };
            match parse_part::<RawItem>(&src[start..end]) {
                Ok(item) => items.push(((s, i), item)),
                Err(f) if errors.len() < MAX_DIAGNOSTICS => {
                    let d = place(start, &path, f);
                    if !errors
                        .iter()
                        .any(|e| (e.line, e.column) == (d.line, d.column))
                    {
                        errors.push(d);
                    }
                }
                Err(_) => {}
            }
        }
    }
    Parsed::Parts {
        errors,
        items,
        locations,
    }
}

fn parse_part<T: serde::de::DeserializeOwned>(part: &str) -> Result<T, Failure> {
    // Tracking the path of every value costs a third of the parse; a good file needs none of
    // it, so the path is only worked out by parsing again when there is an error to place.
    // The fast reader reads a plain file several times faster; ron reads the rest.
    if let Some(v) = crate::ron_fast::from_str::<T>(part, true) {
        return Ok(v);
    }
    if let Ok(v) = ron_options().from_str::<T>(part) {
        return Ok(v);
    }
    let mut de = match ron::Deserializer::from_str_with_options(part, &ron_options()) {
        Ok(de) => de,
        Err(e) => {
            return Err(Failure {
                code: e.code,
                path: String::new(),
                line: e.span.start.line,
                col: e.span.start.col,
            });
        }
    };
    let (path, code) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(v) => match de.end() {
            Ok(()) => return Ok(v),
            Err(code) => (String::new(), code),
        },
        Err(e) => (e.path().to_string(), e.into_inner()),
    };
    let spanned = de.span_error(code);
    Err(Failure {
        code: spanned.code,
        path,
        line: spanned.span.start.line,
        col: spanned.span.start.col,
    })
}
