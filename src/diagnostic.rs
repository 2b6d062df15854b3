//! Diagnostics for bad input files: where (file, line, column, field path), what was found,
//! what was expected, and the line itself with a caret under the bad spot.

use std::fmt;

use crate::i18n::Lang;
use crate::text;

/// One problem in one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it, or `<built-in>`.
    pub origin: String,
    /// 1-based line and column; the column counts characters, as ron does.
    pub line: usize,
    pub column: usize,
    /// The field, e.g. `sections[1].items[3].due`, when known.
    pub path: Option<String>,
    /// What is wrong, in the UI language.
    pub message: String,
    /// A suggested fix, when one is obvious.
    pub help: Option<String>,
    /// The source line, and how many characters from `column` to underline.
    pub source_line: String,
    pub underline: usize,
    /// Language used for the labels when displayed.
    pub lang: Lang,
    /// A warning (the text reads wrong) rather than an error (the file is refused).
    pub warning: bool,
}

impl Diagnostic {
    /// A diagnostic at a byte offset of `src`, underlining `len` bytes.
    pub fn at(
        lang: Lang,
        origin: &str,
        src: &str,
        offset: usize,
        len: usize,
        path: Option<String>,
        message: String,
    ) -> Self {
        let offset = floor_char_boundary(src, offset.min(src.len()));
        let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
        // Bytes, not chars: this runs over the whole prefix of files up to 32 MiB.
        let line = src.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        let column = src[line_start..offset].chars().count() + 1;
        let end = floor_char_boundary(src, (offset + len).min(line_end));
        let underline = src[offset..end].chars().count().max(1);
        Diagnostic {
            origin: origin.to_string(),
            line,
            column,
            path,
            message,
            help: None,
            source_line: src[line_start..line_end].trim_end_matches('\r').to_string(),
            underline,
            lang,
            warning: false,
        }
    }

    /// A diagnostic at a 1-based line and character column (as ron reports them).
    pub fn at_line_col(
        lang: Lang,
        origin: &str,
        src: &str,
        line: usize,
        column: usize,
        path: Option<String>,
        message: String,
    ) -> Self {
        let line_start = if line <= 1 {
            0
        } else {
            src.match_indices('\n')
                .nth(line - 2)
                .map_or(src.len(), |(i, _)| i + 1)
        };
        let line_text = &src[line_start..];
        let offset = line_start
            + line_text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i);
        let mut d = Self::at(lang, origin, src, offset, 1, path, message);
        d.line = line.max(1);
        d.column = column.max(1);
        d
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Longest stretch of a source line shown, in terminal cells; minified or binary files can
/// have one line of megabytes.
const MAX_SHOWN_CELLS: usize = 100;

/// Cells shown before the bad spot when a long line is cut.
const CONTEXT_CELLS: usize = 40;

/// How a character is shown (control characters escaped as `\u{1b}`) and its width in cells.
fn cell(c: char) -> (String, usize) {
    // Tab-indented files are common; a tab shown as one space keeps the caret aligned.
    if c == '\t' {
        return (" ".to_string(), 1);
    }
    let shown = text::for_terminal(c.encode_utf8(&mut [0; 4])).into_owned();
    let width = text::width(&shown);
    (shown, width)
}

/// The part of `line` to show, the cells before the caret and the number of carets.
/// Walks only the characters near the bad spot, so a line of megabytes costs no allocation
/// beyond what is shown.
fn excerpt(line: &str, column: usize, underline: usize) -> (String, usize, usize) {
    let bad = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let fits = {
        let mut used = 0;
        line.chars().all(|c| {
            used += cell(c).1;
            used <= MAX_SHOWN_CELLS
        })
    };
    // Walk back from the bad spot for some context, then forward until the budget is spent.
    let mut first = bad;
    if fits {
        first = 0;
    } else {
        let mut before = 0;
        for (n, (i, c)) in line[..bad].char_indices().rev().enumerate() {
            before += cell(c).1;
            if before > CONTEXT_CELLS || n >= CONTEXT_CELLS {
                break;
            }
            first = i;
        }
    }
    let mut shown = String::new();
    let mut lead = 0;
    if first > 0 {
        shown.push_str("...");
        lead = 3;
    }
    let mut used = 0;
    let mut carets = 0;
    let mut last = first;
    let mut underlined = 0;
    for (n, (i, c)) in line[first..].char_indices().enumerate() {
        let i = first + i;
        let (s, w) = cell(c);
        // Zero-width characters spend no cells, so the count of characters is capped too.
        if (used + w > MAX_SHOWN_CELLS || n > 4 * MAX_SHOWN_CELLS) && i > bad {
            break;
        }
        used += w;
        if i < bad {
            lead += w;
        } else if underlined < underline.max(1) {
            carets += w;
            underlined += 1;
        }
        shown.push_str(&s);
        last = i + c.len_utf8();
    }
    if last < line.len() {
        shown.push_str("...");
    }
    (shown, lead, carets.max(1))
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = self.lang.words();
        let message = text::for_terminal(&self.message);
        let path = self.path.as_deref().map(text::for_terminal);
        writeln!(
            f,
            "{}",
            words.diagnostic_headline(self.warning, path.as_deref(), &message)
        )?;
        writeln!(
            f,
            "  --> {}:{}:{}",
            text::for_terminal(&self.origin),
            self.line,
            self.column
        )?;
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        // The caret sits under the bad spot by display width, so CJK before it does not
        // push it off.
        let (shown, lead, carets) = excerpt(&self.source_line, self.column, self.underline);
        writeln!(f, " {gutter} |")?;
        writeln!(f, " {number} | {shown}")?;
        write!(f, " {gutter} | {}{}", " ".repeat(lead), "^".repeat(carets))?;
        if let Some(h) = &self.help {
            write!(
                f,
                "\n {gutter} = {}{}",
                words.diagnostic_help(),
                text::for_terminal(h)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_is_under_the_bad_spot_after_cjk() {
        let src = "(\n  title: \"学法\", due: \"2024-02-30\",\n)";
        let offset = src.find("\"2024").unwrap();
        let d = Diagnostic::at(
            Lang::En,
            "x.ron",
            src,
            offset,
            12,
            Some("due".into()),
            "no such date".into(),
        );
        assert_eq!((d.line, d.column), (2, 21));
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[1], "  --> x.ron:2:21");
        let code = lines[3];
        let caret = lines[4];
        let col = caret.find('^').unwrap();
        // Both lines share the gutter; the caret starts at the cell where the date starts.
        assert_eq!(text::width(&code[..code.find("\"2024").unwrap()]), col);
        assert_eq!(caret.matches('^').count(), 12);
    }

    #[test]
    fn tabs_show_as_spaces_and_keep_the_caret_aligned() {
        let src = "(\n\t\tdue: \"02-30\",\n)";
        let d = Diagnostic::at(
            Lang::En,
            "f",
            src,
            src.find('"').unwrap(),
            7,
            None,
            "m".into(),
        );
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[3], " 2 |   due: \"02-30\",");
        assert_eq!(lines[4], "   |        ^^^^^^^");
    }

    #[test]
    fn line_col_maps_back_to_the_source() {
        let src = "a\nbc学d\n";
        let d = Diagnostic::at_line_col(Lang::Zh, "f", src, 2, 4, None, "x".into());
        assert_eq!(d.source_line, "bc学d");
        assert_eq!((d.line, d.column), (2, 4));
        assert!(d.to_string().starts_with("错误：x\n"), "{d}");
    }

    #[test]
    fn never_panics_on_odd_positions() {
        let src = "学";
        let _ = Diagnostic::at(Lang::Zh, "f", src, 1, 99, None, "x".into()).to_string();
        let _ = Diagnostic::at_line_col(Lang::Zh, "f", src, 99, 99, None, "x".into()).to_string();
        let _ = Diagnostic::at_line_col(Lang::Zh, "f", "", 0, 0, None, "x".into()).to_string();
    }

    #[test]
    fn long_lines_are_cut_around_the_bad_spot() {
        let src = format!("{}学\u{1b}bad{}", "x".repeat(5000), "y".repeat(5000));
        let offset = src.find("bad").unwrap();
        let d = Diagnostic::at(Lang::En, "f", &src, offset, 3, None, "m".into());
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert!(text::width(lines[3]) < 120, "{}", lines[3]);
        assert!(lines[3].contains("...") && lines[3].contains("学\\u{1b}bad"));
        let code = lines[3];
        let caret = lines[4];
        let at = code.find("bad").unwrap();
        assert_eq!(text::width(&code[..at]), caret.find('^').unwrap());
        assert_eq!(caret.matches('^').count(), 3);
    }

    #[test]
    fn escapes_control_characters_in_every_part() {
        let src = "a\u{202e}b\u{7}c";
        let d = Diagnostic::at(
            Lang::En,
            "o\u{1b}",
            src,
            4,
            1,
            Some("p\u{0}".into()),
            "m\u{9}".into(),
        )
        .with_help("h\u{7f}");
        let shown = d.to_string();
        assert!(
            !shown.chars().any(|c| c != '\n' && text::is_unsafe(c)),
            "{shown:?}"
        );
    }
}
