//! File and folder names that survive every system the package meets: Windows Explorer,
//! WPS, UOS and Kylin file managers, zip tools. Characters Windows forbids (`<>:"/\|?*`)
//! become their full-width forms (`：` reads naturally in Chinese), control characters are
//! dropped, trailing dots and spaces trimmed, reserved device names (`CON`, `COM1` …)
//! prefixed, and long names shortened keeping their extension.
//!
//! Also the name recorded for an attached file: the original name, with what cannot be
//! stored (control characters, bidi overrides) replaced and said.

/// Longest name of one path component, in characters. Windows Explorer copies out of a
/// zip fail past 260 UTF-16 units for the whole path; three levels of at most 80 leave room
/// for the folder the officer extracts to.
pub const MAX_COMPONENT: usize = 80;

/// What was changed in an attached file's name to record it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameNote {
    /// Not valid Unicode on disk: recorded with replacement characters.
    Lossy,
    /// Control characters or bidi overrides replaced with `_`.
    Replaced,
    /// Holds characters Windows forbids: packages and viewer copies show it as `shown`.
    ShownAs(String),
}

/// The name to record for a file named `raw`, and what was changed or will show differently.
pub fn recorded_name(raw: &str, lossy: bool) -> (String, Vec<NameNote>) {
    let mut notes = Vec::new();
    if lossy {
        notes.push(NameNote::Lossy);
    }
    let name: String = raw
        .chars()
        .map(|c| if crate::text::is_unsafe(c) { '_' } else { c })
        .collect();
    if name != raw {
        notes.push(NameNote::Replaced);
    }
    let shown = component(&name, usize::MAX);
    if shown != name {
        notes.push(NameNote::ShownAs(shown));
    }
    (name, notes)
}

/// The full-width form of a character Windows forbids in names, if it is one.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        '<' => '＜',
        '>' => '＞',
        ':' => '：',
        '"' => '＂',
        '/' => '／',
        '\\' => '＼',
        '|' => '｜',
        '?' => '？',
        '*' => '＊',
        _ => return None,
    })
}

/// Device names Windows reserves, with or without an extension (`CON`, `nul.txt`).
fn reserved(stem: &str) -> bool {
    let upper = stem.trim_end_matches([' ', '.']).to_ascii_uppercase();
    matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || ((upper.starts_with("COM") || upper.starts_with("LPT"))
        && upper.chars().count() == 4
        && upper
            .chars()
            .nth(3)
            .is_some_and(|d| d.is_ascii_digit() || matches!(d, '¹' | '²' | '³')))
}

/// `name` as one safe path component of at most `max` characters (never empty).
pub fn component(name: &str, max: usize) -> String {
    let mapped: String = name
        .chars()
        .filter(|c| !crate::text::is_unsafe(*c))
        .map(|c| full_width(c).unwrap_or(c))
        .collect();
    let trimmed = mapped.trim_start().trim_end_matches(['.', ' ']);
    let mut out = shorten(trimmed, max);
    if out.is_empty() {
        out.push('_');
    }
    let stem = out.split('.').next().unwrap_or("");
    if reserved(stem) {
        out.insert(0, '_');
    }
    out
}

/// `name` cut to `max` characters, keeping a short extension (`.pdf`) whole.
fn shorten(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let (stem, ext) = split_ext(name);
    let ext_len = ext.chars().count();
    if ext_len == 0 || ext_len + 2 > max {
        return name
            .chars()
            .take(max)
            .collect::<String>()
            .trim_end_matches(['.', ' '])
            .to_string();
    }
    let keep = max - ext_len - 1;
    let stem: String = stem.chars().take(keep).collect();
    format!("{}…{ext}", stem.trim_end_matches(['.', ' ']))
}

/// A name's stem and its extension with the dot (`("纪要", ".pdf")`); a name without a
/// short extension has none.
pub fn split_ext(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i) if i > 0 && name.len() - i <= 9 && !name[i + 1..].contains(' ') => {
            (&name[..i], &name[i..])
        }
        _ => (name, ""),
    }
}

/// Whether a name starts with a date (`2025-03-28 …`, `20250328…`, `2025年3月28日…`), so
/// that the package does not put a second date before it.
pub fn starts_with_date(name: &str) -> bool {
    let digits: String = name.chars().take(8).collect();
    let b = digits.as_bytes();
    let iso = b.len() >= 8
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'.' | b'_' | b'/')
        && b[5].is_ascii_digit();
    let compact = b.len() >= 8 && b.iter().all(u8::is_ascii_digit);
    let chinese =
        name.chars().take(4).all(|c| c.is_ascii_digit()) && name.chars().nth(4) == Some('年');
    iso || compact || chinese
}

/// The variant of `name` that is free among `taken` (compared as Windows does, ignoring
/// case): `name`, then `stem (2).ext`, `stem (3).ext` …; the one chosen is added to `taken`.
pub fn unique(name: String, taken: &mut std::collections::HashSet<String>) -> String {
    let key = |s: &str| s.to_lowercase();
    if taken.insert(key(&name)) {
        return name;
    }
    let (stem, ext) = split_ext(&name);
    for n in 2.. {
        let candidate = format!("{stem} ({n}){ext}");
        if taken.insert(key(&candidate)) {
            return candidate;
        }
    }
    unreachable!("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_become_full_width() {
        assert_eq!(
            component("会议纪要: 第1期?.pdf", 80),
            "会议纪要： 第1期？.pdf"
        );
        assert_eq!(
            component(r#"a<b>c"d/e\f|g*h"#, 80),
            "a＜b＞c＂d／e＼f｜g＊h"
        );
        assert_eq!(component("trailing. . ", 80), "trailing");
        assert_eq!(component("  lead", 80), "lead");
        assert_eq!(component("...", 80), "_");
        assert_eq!(component("", 80), "_");
        assert_eq!(component("a\u{1b}[31mb\u{202e}c", 80), "a[31mbc");
    }

    #[test]
    fn reserved_device_names_are_prefixed() {
        for name in [
            "CON",
            "con.txt",
            "Nul",
            "COM1.pdf",
            "lpt9",
            "AUX.tar.gz",
            "COM¹",
        ] {
            assert!(component(name, 80).starts_with('_'), "{name}");
        }
        for name in ["CONTRACT.pdf", "COM10", "console", "纪要"] {
            assert!(!component(name, 80).starts_with('_'), "{name}");
        }
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.pdf", "学".repeat(200));
        let short = component(&long, 80);
        assert_eq!(short.chars().count(), 80);
        assert!(short.ends_with("….pdf"), "{short}");
        let no_ext = "x".repeat(100);
        assert_eq!(component(&no_ext, 80).chars().count(), 80);
    }

    #[test]
    fn recorded_names_say_what_changed() {
        assert_eq!(
            recorded_name("纪要.pdf", false),
            ("纪要.pdf".into(), vec![])
        );
        let (name, notes) = recorded_name("a\nb?.pdf", true);
        assert_eq!(name, "a_b?.pdf");
        assert_eq!(
            notes,
            vec![
                NameNote::Lossy,
                NameNote::Replaced,
                NameNote::ShownAs("a_b？.pdf".into())
            ]
        );
    }

    #[test]
    fn dates_and_duplicates() {
        assert!(starts_with_date("2025-03-28 纪要.pdf"));
        assert!(starts_with_date("20250328纪要.pdf"));
        assert!(starts_with_date("2025年3月28日纪要.pdf"));
        assert!(!starts_with_date("纪要 2025-03-28.pdf"));
        assert!(!starts_with_date("2025.pdf"));
        let mut taken = std::collections::HashSet::new();
        assert_eq!(unique("a.pdf".into(), &mut taken), "a.pdf");
        assert_eq!(unique("A.PDF".into(), &mut taken), "A (2).PDF");
        assert_eq!(unique("a.pdf".into(), &mut taken), "a (3).pdf");
        assert_eq!(unique("照片".into(), &mut taken), "照片");
        assert_eq!(unique("照片".into(), &mut taken), "照片 (2)");
    }
}
