//! Display cells: how wide text is on a terminal (CJK counts two) and fitting it to a column.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Display width in terminal cells (CJK counts two).
pub fn width(s: &str) -> usize {
    // Titles and topics are ASCII and common CJK characters, whose widths need no table:
    // counted from their UTF-8 bytes, ten thousand status lines cost a fraction of decoding
    // and looking up each character. Anything else is left to the table.
    let bytes = s.as_bytes();
    let mut cells = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' '..=b'~' => {
                cells += 1;
                i += 1;
            }
            // Three-byte characters whose lead byte (and, for 0xE4 and 0xE3, second byte)
            // puts them in U+4E00–U+9FFF (CJK ideographs) or U+3001–U+303F's common part.
            0xe5..=0xe9 => {
                cells += 2;
                i += 3;
            }
            0xe4 if bytes.get(i + 1).is_some_and(|&n| n >= 0xb8) => {
                cells += 2;
                i += 3;
            }
            // U+3001–U+3029 (、。〈〉《》「」…) and U+FF01–U+FF60 (full-width forms: ，（）：).
            0xe3 | 0xef if common_width_at(bytes, i) => {
                cells += 2;
                i += 3;
            }
            _ => return UnicodeWidthStr::width(s),
        }
    }
    cells
}

/// Whether the three bytes at `i` (lead 0xE3 or 0xEF) encode CJK punctuation or a
/// full-width form.
fn common_width_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i..i + 3) {
        Some([0xe3, 0x80, third]) => (0x81..=0xa9).contains(third),
        Some([0xef, 0xbc, third]) => (0x81..=0xbf).contains(third),
        Some([0xef, 0xbd, third]) => (0x80..=0xa0).contains(third),
        _ => false,
    }
}

/// The width of a character that needs no table: printable ASCII, CJK ideographs, CJK
/// punctuation and full-width forms. `None` for anything else.
fn common_width(c: char) -> Option<usize> {
    match c {
        ' '..='~' => Some(1),
        '\u{4E00}'..='\u{9FFF}' | '\u{3001}'..='\u{3029}' | '\u{FF01}'..='\u{FF60}' => Some(2),
        _ => None,
    }
}

fn char_width(c: char) -> usize {
    common_width(c).unwrap_or_else(|| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
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
        let w = char_width(c);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Append `s` to `line` in exactly `cells` display cells: cut with `…` when wider (as
/// [`truncate`] cuts), padded with spaces when narrower. Measures `s` once, for lines
/// printed by the ten thousand.
pub fn push_fitted(line: &mut String, s: &str, cells: usize) {
    let w = width(s);
    if w <= cells {
        line.push_str(s);
        push_spaces(line, cells - w);
        return;
    }
    if cells == 0 {
        return;
    }
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w + 1 > cells {
            break;
        }
        used += w;
        line.push(c);
    }
    line.push('…');
    push_spaces(line, cells - used - 1);
}

/// Append `n` spaces.
pub fn push_spaces(line: &mut String, n: usize) {
    line.extend(std::iter::repeat_n(' ', n));
}

/// `s` padded with spaces on the right to `cells` display cells (no cut).
pub fn pad(s: &str, cells: usize) -> String {
    let mut out = String::from(s);
    push_spaces(&mut out, cells.saturating_sub(width(s)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_quick_width_agrees_with_the_table(s in "[ -~\u{3000}-\u{303F}\u{4DB0}-\u{4E20}\u{9FF0}-\u{A010}\u{FF00}-\u{FF65}\u{1F600}\u{2014}\u{00E9}]{0,12}") {
            proptest::prop_assert_eq!(width(&s), UnicodeWidthStr::width(s.as_str()));
            for c in s.chars() {
                proptest::prop_assert_eq!(char_width(c), unicode_width::UnicodeWidthChar::width(c).unwrap_or(0));
            }
        }
    }

    #[test]
    fn width_and_truncate_by_cells() {
        assert_eq!(width("学法a"), 5);
        assert_eq!(truncate("学法考试", 5), "学法…");
        assert_eq!(truncate("学法", 4), "学法");
        assert_eq!(truncate("学法", 0), "");
        assert_eq!(pad("学", 4), "学  ");
    }

    proptest::proptest! {
        /// Fitting is cutting and then padding, in one pass.
        #[test]
        fn fitting_is_truncating_then_padding(s in "[ -~\u{4E00}-\u{4E20}\u{FF01}\u{1F600}\u{0301}]{0,12}", cells in 0usize..16) {
            let mut line = String::from(">");
            push_fitted(&mut line, &s, cells);
            let expected = format!(">{}", pad(&truncate(&s, cells), cells));
            proptest::prop_assert_eq!(line, expected);
        }
    }

    #[test]
    fn padding_counts_display_cells() {
        let mut line = String::new();
        push_fitted(&mut line, "学法", 6);
        push_spaces(&mut line, 70);
        assert_eq!(line, format!("学法  {}", " ".repeat(70)));
    }
}
