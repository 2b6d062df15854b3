//! Text: what may be stored and what may reach a terminal (here), display cells, numbers
//! and dates (in the modules below).
//!
//! Stored text keeps any Unicode exactly, but control characters are refused at input
//! (ratatui #876: they vanish or corrupt the screen). Text that leaves through stdout is not
//! protected by ratatui's filtering, so [`for_terminal`] escapes control characters and bidi
//! overrides (U+202A–U+202E, U+2066–U+2069) that could reorder or hide what an inspector reads.

use std::borrow::Cow;

pub mod cells;
pub mod dates;
pub mod numbers;
mod wrap;

pub use cells::{pad, push_fitted, push_spaces, truncate, width};
pub use numbers::number;
pub use wrap::wrap;

/// `bytes` as text, if they are UTF-8: checked with SIMD (a ledger or checklist is mostly
/// Chinese, where the plain check is slowest), and with the standard library for the
/// details of an error.
pub fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// True for characters that must never reach a terminal raw.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` holds a character that [`is_unsafe`] refuses.
pub fn has_unsafe(s: &str) -> bool {
    has_unsafe_bytes(s.as_bytes(), false)
}

/// Whether text of whole lines holds an unsafe character other than its line breaks. Takes
/// bytes so that output can be checked before it is decoded; invalid UTF-8 is not judged.
pub fn lines_have_unsafe(bytes: &[u8]) -> bool {
    has_unsafe_bytes(bytes, true)
}

fn has_unsafe_bytes(bytes: &[u8], newline_ok: bool) -> bool {
    // Each such character is encoded with a byte below 0x20, 0x7F, or the lead byte 0xC2 (C1
    // controls) or 0xE2 (bidi overrides). In valid UTF-8 those two never occur as
    // continuation bytes, so the bytes after them say exactly which character it is and no
    // text needs decoding. One fold finds whether any of them occurs (without an early exit
    // the compiler vectorises it); Chinese text is full of 0xE2 (quotes, dashes, '…'), so
    // when there are any, memchr finds each for a closer look.
    let newline = if newline_ok { b'\n' } else { 0xff };
    let candidate = |b: u8| ((b < 0x20) & (b != newline)) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2);
    let any_candidate = if !newline_ok && bytes.len() < 64 {
        short_has_candidate(bytes)
    } else {
        bytes.iter().fold(false, |seen, &b| seen | candidate(b))
    };
    if !any_candidate {
        return false;
    }
    let control = |b: u8| ((b < 0x20) & (b != newline)) | (b == 0x7f);
    if bytes.iter().fold(false, |seen, &b| seen | control(b)) {
        return true;
    }
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    memchr::memchr2_iter(0xc2, 0xe2, bytes).any(|i| match bytes[i] {
        0xc2 => (0x80..=0x9f).contains(&at(i + 1)),
        _ => match at(i + 1) {
            0x80 => (0xaa..=0xae).contains(&at(i + 2)),
            0x81 => (0xa6..=0xa9).contains(&at(i + 2)),
            _ => false,
        },
    })
}

/// Whether a short text has a byte below 0x20, 0x7F, 0xC2 or 0xE2, eight bytes at a time:
/// a ledger's ids, names and 文号 are checked by the thousand and are too short for the
/// vectorised fold to get going.
fn short_has_candidate(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Exact as a yes/no for `n` up to 0x80 (Bit Twiddling Hacks, "hasless").
    let has_less = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH != 0;
    let has_byte = |word: u64, b: u8| has_less(word ^ (ONES * u64::from(b)), 1);
    let word_has = |word: u64| {
        has_less(word, 0x20) | has_byte(word, 0x7f) | has_byte(word, 0xc2) | has_byte(word, 0xe2)
    };
    let mut words = bytes.chunks_exact(8);
    let mut seen = false;
    for word in &mut words {
        let mut eight = [0; 8];
        eight.copy_from_slice(word);
        seen |= word_has(u64::from_le_bytes(eight));
    }
    // The tail, padded with spaces (which are none of them).
    let mut tail = [b' '; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    seen | word_has(u64::from_le_bytes(tail))
}

/// Text safe to print: unsafe characters are shown as `\u{..}` escapes, everything else kept.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    if !has_unsafe(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Serialised JSON made safe for a terminal without changing what it says: serde_json leaves
/// DEL, C1 controls and bidi overrides raw inside strings; each becomes a `\uXXXX` escape,
/// which a JSON reader turns back into the same character. (They can only occur inside
/// strings, since JSON's own syntax is ASCII.)
pub fn json_for_terminal(json: &str) -> Cow<'_, str> {
    // Line breaks are the pretty printer's own layout (inside strings serde escapes them).
    let unsafe_in_json = |c: char| c != '\n' && is_unsafe(c);
    if !json.chars().any(unsafe_in_json) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_in_json(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text with unsafe characters removed (for interactive input and pasted text), tabs and line
/// breaks turned into spaces so a pasted paragraph stays readable on one line.
pub fn strip_unsafe(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}

/// A control character (or bidi override) found in user input, with its char position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnsafeChar {
    pub ch: char,
    pub index: usize,
}

/// Accept `s` as stored text, or report the first character that may not be stored.
pub fn check_input(s: &str) -> Result<&str, UnsafeChar> {
    if !has_unsafe(s) {
        return Ok(s);
    }
    match s.chars().enumerate().find(|(_, c)| is_unsafe(*c)) {
        Some((index, ch)) => Err(UnsafeChar { ch, index }),
        None => Ok(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi() {
        assert_eq!(for_terminal("ok 学法"), "ok 学法");
        assert_eq!(for_terminal("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(for_terminal("x\u{202E}y"), "x\\u{202e}y");
    }

    #[test]
    fn json_escapes_keep_the_data() {
        let value = serde_json::json!({ "topic": "学\u{9b}法\u{202E}x" });
        let raw = serde_json::to_string_pretty(&value).unwrap();
        let safe = json_for_terminal(&raw);
        assert!(!safe.chars().any(|c| c != '\n' && is_unsafe(c)), "{safe}");
        assert!(safe.contains('\n'), "the layout is kept");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_agrees_with_decoding(s in "\\PC*|[\u{0}-\u{2100}]*") {
            proptest::prop_assert_eq!(has_unsafe(&s), s.chars().any(is_unsafe));
            let candidate = |b: &u8| *b < 0x20 || matches!(*b, 0x7f | 0xc2 | 0xe2);
            proptest::prop_assert_eq!(short_has_candidate(s.as_bytes()), s.as_bytes().iter().any(candidate));
            let outside_newlines = s.chars().any(|c| c != '\n' && is_unsafe(c));
            proptest::prop_assert_eq!(lines_have_unsafe(s.as_bytes()), outside_newlines);
        }
    }

    #[test]
    fn unsafe_characters_are_found_among_their_byte_neighbours() {
        for c in [
            '\u{0}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}', '\u{202a}', '\u{202e}', '\u{2066}',
            '\u{2069}',
        ] {
            assert!(has_unsafe(&format!("学法{c}考试")), "{:?}", c);
        }
        for c in [
            '\u{a0}', '\u{2014}', '\u{2026}', '\u{201c}', '\u{2065}', '\u{206a}', '\u{2029}',
        ] {
            assert!(!has_unsafe(&format!("学法{c}考试")), "{:?}", c);
        }
    }

    #[test]
    fn strips_controls_from_input() {
        assert_eq!(strip_unsafe("学\x07法\t考\n试"), "学法 考 试");
    }

    #[test]
    fn check_input_finds_position() {
        assert_eq!(check_input("学法"), Ok("学法"));
        assert_eq!(
            check_input("学法\x1b"),
            Err(UnsafeChar {
                ch: '\x1b',
                index: 2
            })
        );
    }
}
