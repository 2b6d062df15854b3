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
        let line = src[..offset].matches('\n').count() + 1;
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

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (error, help) = match self.lang {
            Lang::Zh => ("错误", "提示"),
            Lang::En => ("error", "help"),
        };
        match &self.path {
            Some(path) => writeln!(f, "{error}: {path}: {}", text::for_terminal(&self.message))?,
            None => writeln!(f, "{error}: {}", text::for_terminal(&self.message))?,
        }
        writeln!(
            f,
            "  --> {}:{}:{}",
            text::for_terminal(&self.origin),
            self.line,
            self.column
        )?;
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        let shown = text::for_terminal(&self.source_line);
        // The caret sits under the bad spot by display width, so CJK before it does not
        // push it off: count cells of the (escaped) prefix.
        let prefix: String = self
            .source_line
            .chars()
            .take(self.column.saturating_sub(1))
            .collect();
        let bad: String = self
            .source_line
            .chars()
            .skip(self.column.saturating_sub(1))
            .take(self.underline)
            .collect();
        let lead = text::width(&text::for_terminal(&prefix).replace('\t', " "));
        let carets = text::width(&text::for_terminal(&bad)).max(1);
        writeln!(f, " {gutter} |")?;
        writeln!(f, " {number} | {}", shown.replace('\t', " "))?;
        write!(f, " {gutter} | {}{}", " ".repeat(lead), "^".repeat(carets))?;
        if let Some(h) = &self.help {
            write!(f, "\n {gutter} = {help}: {}", text::for_terminal(h))?;
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
    fn line_col_maps_back_to_the_source() {
        let src = "a\nbc学d\n";
        let d = Diagnostic::at_line_col(Lang::Zh, "f", src, 2, 4, None, "x".into());
        assert_eq!(d.source_line, "bc学d");
        assert_eq!((d.line, d.column), (2, 4));
        assert!(d.to_string().contains("错误: x"));
    }

    #[test]
    fn never_panics_on_odd_positions() {
        let src = "学";
        let _ = Diagnostic::at(Lang::Zh, "f", src, 1, 99, None, "x".into()).to_string();
        let _ = Diagnostic::at_line_col(Lang::Zh, "f", src, 99, 99, None, "x".into()).to_string();
        let _ = Diagnostic::at_line_col(Lang::Zh, "f", "", 0, 0, None, "x".into()).to_string();
    }
}
