//! Text hygiene: what may be stored, what may reach a terminal, and display width.
//!
//! Stored text keeps any Unicode exactly, but control characters are refused at input
//! (ratatui #876: they vanish or corrupt the screen). Text that leaves through stdout is not
//! protected by ratatui's filtering, so [`for_terminal`] escapes control characters and bidi
//! overrides (U+202A–U+202E, U+2066–U+2069) that could reorder or hide what an inspector reads.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// True for characters that must never reach a terminal raw.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `s` holds a character that [`is_unsafe`] refuses.
pub fn has_unsafe(s: &str) -> bool {
    // Each such character is encoded with a byte below 0x20, 0x7F, or the lead byte 0xC2 (C1
    // controls) or 0xE2 (bidi overrides); text without these needs no decoding, which makes
    // checking and printing 10,000 Chinese titles several times faster.
    // A fold rather than `any`: without the early exit the compiler vectorises the scan.
    s.bytes().fold(false, |seen, b| {
        seen | (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2)
    }) && s.chars().any(is_unsafe)
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

/// Display width in terminal cells (CJK counts two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` cells, with `…` when cut. Never splits a character.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// `s` padded with spaces on the right to `cells` display cells (no cut).
pub fn pad(s: &str, cells: usize) -> String {
    let w = width(s);
    let mut out = String::from(s);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
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

    #[test]
    fn width_and_truncate_by_cells() {
        assert_eq!(width("学法a"), 5);
        assert_eq!(truncate("学法考试", 5), "学法…");
        assert_eq!(truncate("学法", 4), "学法");
        assert_eq!(truncate("学法", 0), "");
        assert_eq!(pad("学", 4), "学  ");
    }
}

/// A number as people write it: `20`, `12.5`, `92.3` (at most one decimal, no trailing `.0`).
pub fn number(x: f64) -> String {
    let tenths = (x * 10.0).round();
    // Whole tenths in integers: the float formatter's fixed-precision path falls back to
    // slow bignum arithmetic for many values, and status prints tens of thousands of these.
    if tenths.abs() < 1e15 {
        let tenths = tenths as i64;
        let (whole, tenth) = (tenths / 10, (tenths % 10).abs());
        return match (tenth, tenths < 0 && whole == 0) {
            (0, _) => whole.to_string(),
            (_, true) => format!("-0.{tenth}"),
            (_, false) => format!("{whole}.{tenth}"),
        };
    }
    let rounded = tenths / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// Write `s` and then spaces up to `cells` display cells.
pub fn write_padded(out: &mut impl std::io::Write, s: &str, cells: usize) -> std::io::Result<()> {
    out.write_all(s.as_bytes())?;
    write_spaces(out, cells.saturating_sub(width(s)))
}

/// Write `n` spaces.
fn write_spaces(out: &mut impl std::io::Write, mut n: usize) -> std::io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    while n > 0 {
        let chunk = n.min(SPACES.len());
        out.write_all(&SPACES[..chunk])?;
        n -= chunk;
    }
    Ok(())
}

#[cfg(test)]
mod number_tests {
    #[test]
    fn numbers_drop_needless_decimals() {
        assert_eq!(super::number(20.0), "20");
        assert_eq!(super::number(12.5), "12.5");
        assert_eq!(super::number(91.666), "91.7");
        assert_eq!(super::number(99.96), "100");
        assert_eq!(super::number(2.25), "2.3");
        assert_eq!(super::number(0.04), "0");
        assert_eq!(super::number(-0.04), "0");
        assert_eq!(super::number(-0.5), "-0.5");
        assert_eq!(super::number(-12.34), "-12.3");
        assert_eq!(super::number(1e8), "100000000");
        assert_eq!(super::number(1e300), format!("{:.0}", 1e300));
    }

    #[test]
    fn numbers_agree_with_the_float_formatter() {
        for i in -100_000..100_000 {
            let x = f64::from(i) * 0.013_7;
            let rounded = (x * 10.0).round() / 10.0;
            let expected = if rounded.fract() == 0.0 {
                format!("{rounded:.0}")
            } else {
                format!("{rounded:.1}")
            };
            // The formatter writes "-0" for small negatives; "0" is what a reader expects.
            let expected = if expected == "-0" {
                "0".to_string()
            } else {
                expected
            };
            assert_eq!(super::number(x), expected, "{x}");
        }
    }

    #[test]
    fn padding_counts_display_cells() {
        let mut out = Vec::new();
        super::write_padded(&mut out, "学法", 6).unwrap();
        super::write_spaces(&mut out, 70).unwrap();
        assert_eq!(out, format!("学法  {}", " ".repeat(70)).into_bytes());
    }
}
