//! Display cells: how wide text is on a terminal (CJK counts two) and fitting it to a column.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Display width in terminal cells (CJK counts two).
pub fn width(s: &str) -> usize {
    // Titles and topics are ASCII and common CJK characters, whose widths need no table:
    // counted directly, ten thousand status lines cost a fraction of the lookups.
    let mut cells = 0;
    for c in s.chars() {
        match common_width(c) {
            Some(w) => cells += w,
            None => return UnicodeWidthStr::width(s),
        }
    }
    cells
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

/// `s` padded with spaces on the right to `cells` display cells (no cut).
pub fn pad(s: &str, cells: usize) -> String {
    let w = width(s);
    let mut out = String::from(s);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
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
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_quick_width_agrees_with_the_table(s in "[ -~\u{3000}-\u{303F}\u{4E00}-\u{4E20}\u{FF00}-\u{FF65}\u{1F600}\u{2014}\u{00E9}]{0,12}") {
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

    #[test]
    fn padding_counts_display_cells() {
        let mut out = Vec::new();
        write_padded(&mut out, "学法", 6).unwrap();
        write_spaces(&mut out, 70).unwrap();
        assert_eq!(out, format!("学法  {}", " ".repeat(70)).into_bytes());
    }
}
