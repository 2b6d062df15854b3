//! The attach form's paths as typed or dropped in: a file manager dragged onto a terminal
//! types `'/home/李/会议 纪要.pdf' '/home/李/签到表.jpg'` (GNOME), `/home/李/会议\ 纪要.pdf`
//! (others), `"C:\Users\李\纪要.pdf"` (Windows Terminal) or `file:///home/…` URIs (KDE), so
//! the text is split as a shell would and URIs decoded. Pure: nothing is looked up here.

use std::path::PathBuf;

/// The whole text as one path, and the text split into paths (empty when nothing is given).
pub(super) fn paths(text: &str) -> (PathBuf, Vec<PathBuf>) {
    let whole = text.trim();
    let split = split(whole).into_iter().map(|t| path(&t)).collect();
    (path(whole), split)
}

/// Split as a POSIX shell splits words: blanks separate, '…' and "…" group, and (outside
/// Windows, where `\` separates folders) a backslash keeps the blank or quote after it.
fn split(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None | Some('"'), '\\')
                if !cfg!(windows)
                    && chars
                        .peek()
                        .is_some_and(|n| n.is_whitespace() || matches!(n, '\'' | '"' | '\\')) =>
            {
                word.extend(chars.next());
            }
            // An empty word (`''`) names no file and is dropped.
            (None, c) if c.is_whitespace() => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            (_, c) => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A word as a path: a `file://` URI decoded, anything else as it is.
fn path(word: &str) -> PathBuf {
    let Some(rest) = word.strip_prefix("file://") else {
        return PathBuf::from(word);
    };
    // `file://localhost/x` and `file:///x` name the same file.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let decoded = percent_decoded(rest);
    // `file:///C:/Users/…` on Windows: the drive comes after the slash.
    let bytes = decoded.as_bytes();
    if cfg!(windows) && bytes.len() > 2 && bytes[0] == b'/' && bytes[2] == b':' {
        return PathBuf::from(&decoded[1..]);
    }
    PathBuf::from(decoded)
}

/// `%E4%BC%9A` → `会`; a `%` not followed by two hex digits stays as it is.
fn percent_decoded(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push(h * 16 + l);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_of(text: &str) -> Vec<String> {
        paths(text)
            .1
            .into_iter()
            .map(|p| p.display().to_string())
            .collect()
    }

    #[test]
    fn paths_dropped_from_file_managers_split_as_a_shell_would() {
        assert_eq!(
            split_of("'/home/李/会议 纪要.pdf' '/home/李/签到表.jpg' "),
            ["/home/李/会议 纪要.pdf", "/home/李/签到表.jpg"]
        );
        assert_eq!(split_of(r#""a b.pdf"  c.jpg"#), ["a b.pdf", "c.jpg"]);
        assert_eq!(
            split_of("file:///home/%E6%9D%8E/a%20b.pdf file://localhost/tmp/c.pdf"),
            ["/home/李/a b.pdf", "/tmp/c.pdf"]
        );
        assert_eq!(split_of("  ''  "), Vec::<String>::new(), "names no file");
        assert_eq!(split_of("100%.pdf"), ["100%.pdf"]);
        // The whole text too, for a path with a blank typed without quotes.
        assert_eq!(paths(" 会议 纪要.pdf ").0, PathBuf::from("会议 纪要.pdf"));
    }

    #[cfg(not(windows))]
    #[test]
    fn a_backslash_keeps_the_blank_after_it() {
        assert_eq!(
            split_of(r"/tmp/会议\ 纪要.pdf x"),
            ["/tmp/会议 纪要.pdf", "x"]
        );
        assert_eq!(split_of(r"a\b"), [r"a\b"], "any other backslash stays");
    }
}
