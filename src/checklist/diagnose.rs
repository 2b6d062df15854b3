//! Why a checklist file did not parse, said precisely: a syntax error placed where the
//! parser stopped and naming what it found, or a shape error (unknown field, missing field,
//! wrong kind, value of the wrong type) placed on the value itself.

use std::borrow::Cow;

use super::load::{Failure, RECURSION_LIMIT};
use super::locate::Locations;
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::text;

/// Why a text is not RON, as data; `Words::syntax_problem` words it with what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// Nothing but white space and comments.
    Empty,
    /// The text ends inside a group or list.
    Eof,
    Comma,
    StringEnd,
    /// A `( … )` group (or a map) not closed.
    GroupEnd,
    ListEnd,
    Colon,
    /// More text after the checklist.
    Trailing,
    Char,
    /// Nesting deeper than the parser's limit.
    TooDeep(usize),
    BlockComment,
    Escape,
    FieldName,
    /// Anything else, in ron's own (English) words.
    Other(String),
}

/// Valid RON of the wrong shape, as data. `found` is already safe for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shape<'a> {
    UnknownField {
        found: Cow<'a, str>,
        expected: &'a [&'a str],
    },
    MissingField(&'a str),
    DuplicateField(&'a str),
    IfShort {
        found: Cow<'a, str>,
        expected: &'a [&'a str],
    },
    UnknownKind {
        found: Cow<'a, str>,
        expected: &'a [&'a str],
    },
    /// A number too large (or small) for its field; `found` is quoted.
    OutOfRange {
        found: String,
        expected: Expected,
    },
    /// A value of the wrong type; `found` is quoted.
    Value {
        found: String,
        expected: Expected,
    },
}

/// What a field holds, for "expected …" in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expected {
    Checklist,
    Group,
    Id,
    Year,
    Bool,
    Strings,
    /// A `( … )` group of the report's texts.
    ReportGroup,
    Kind,
    List,
    Report,
    CountTarget,
    RateTarget,
    /// Any other target: a number above 0.
    Positive,
    Text,
}

/// A text that is not RON: placed where the parser stopped, naming what it found there.
pub(super) fn syntax_error(
    src: &str,
    origin: &str,
    lang: Lang,
    err: &ron::error::SpannedError,
) -> Diagnostic {
    use ron::Error as E;
    let mut d = Diagnostic::at_line_col(
        lang,
        origin,
        src,
        err.span.start.line,
        err.span.start.col,
        None,
        String::new(),
    );
    let mut offset = offset_of(src, d.line, d.column);
    match err.code {
        // ron stops right after the checklist; the stray text starts at the next token.
        E::TrailingCharacters => {
            offset += src[offset..].len() - src[offset..].trim_start().len();
        }
        // ron points at the string; the bad escape is the first backslash after it.
        E::InvalidEscape(_) => {
            let line_end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
            if let Some(i) = src[offset..line_end].find('\\') {
                offset += i;
            }
        }
        _ => {}
    }
    // A full-width mark typed where RON wants punctuation (an input method left in Chinese
    // mode): ron stops just before it, often at the end of the line before; point at it.
    let after = skip_trivia(src, offset);
    if let Some(mark) = src[after..].chars().next().and_then(full_width) {
        let mut d = Diagnostic::at(lang, origin, src, after, 1, None, String::new());
        d.path = Locations::scan(src).enclosing(after).map(str::to_string);
        d.message = lang
            .words()
            .full_width_mark(mark.found, mark.name_zh, mark.name_en);
        d.help = Some(lang.words().full_width_fix(mark.ascii));
        return d;
    }
    if offset != offset_of(src, d.line, d.column) {
        d = Diagnostic::at(lang, origin, src, offset, 1, None, String::new());
    }
    let token = match err.code {
        E::InvalidEscape(_) => {
            let n: usize = src[offset..].chars().take(2).map(char::len_utf8).sum();
            &src[offset..offset + n]
        }
        _ => token_at(src, offset),
    };
    d.underline = token.chars().count().max(1);
    d.path = Locations::scan(src).enclosing(offset).map(str::to_string);
    let found = shown(token, lang);
    let problem = match &err.code {
        E::Eof if Locations::only_trivia(src) => Syntax::Empty,
        E::Eof => Syntax::Eof,
        E::ExpectedComma => Syntax::Comma,
        E::ExpectedStringEnd => Syntax::StringEnd,
        E::ExpectedStructLikeEnd | E::ExpectedMapEnd => Syntax::GroupEnd,
        E::ExpectedArrayEnd => Syntax::ListEnd,
        E::ExpectedMapColon => Syntax::Colon,
        E::TrailingCharacters => Syntax::Trailing,
        E::UnexpectedChar(_) => Syntax::Char,
        E::ExceededRecursionLimit => Syntax::TooDeep(RECURSION_LIMIT),
        E::UnclosedBlockComment => Syntax::BlockComment,
        E::InvalidEscape(_) => Syntax::Escape,
        E::ExpectedIdentifier => Syntax::FieldName,
        other => Syntax::Other(other.to_string()),
    };
    let words = lang.words();
    let message = words.syntax_problem(&problem, &found);
    let help = words.syntax_help(&problem).map(str::to_string);
    d.message = message;
    d.help = help;
    d
}

/// Valid RON of the wrong shape: an unknown or missing field, a wrong kind, a value of the
/// wrong type. `offset` and `prefix` say where the parsed part sits in the file.
pub(super) fn shape_error(
    src: &str,
    offset: usize,
    prefix: &str,
    origin: &str,
    lang: Lang,
    locations: &Locations,
    failure: Failure,
) -> Diagnostic {
    use ron::Error as E;
    let path = join_path(prefix, &failure.path);
    let (line, column) = absolute(src, offset, failure.line, failure.col);
    let at_parser = |path: String, message: String, underline: usize| {
        let mut d =
            Diagnostic::at_line_col(lang, origin, src, line, column, some_path(path), message);
        d.underline = underline.max(1);
        d
    };
    let words = lang.words();
    match &failure.code {
        E::NoSuchStructField {
            expected, found, ..
        } => {
            let message = words.shape_problem(&Shape::UnknownField {
                found: text::for_terminal(found),
                expected,
            });
            let mut d = at_parser(path, message, found.chars().count());
            d.help = closest(found, expected).map(|best| words.did_you_mean(best));
            d
        }
        E::MissingStructField { field, .. } => {
            let message = words.shape_problem(&Shape::MissingField(field));
            let mut d = at_parser(join_path(&path, field), message, 1);
            d.help = Some(words.missing_field_help(field));
            d
        }
        E::DuplicateStructField { field, .. } => {
            let message = words.shape_problem(&Shape::DuplicateField(field));
            at_parser(join_path(&path, field), message, field.len())
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } if path.ends_with("if_short") => {
            let message = words.shape_problem(&Shape::IfShort {
                found: text::for_terminal(found),
                expected,
            });
            let mut d = at_parser(path, message, found.chars().count());
            d.help = Some(words.if_short_help().to_string());
            d
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let message = words.shape_problem(&Shape::UnknownKind {
                found: text::for_terminal(found),
                expected,
            });
            let mut d = at_parser(path, message, found.chars().count());
            let forms = words.kind_forms();
            d.help = Some(match closest(found, expected) {
                Some(best) => format!("{} {forms}", words.did_you_mean(best)),
                None => forms.to_string(),
            });
            d
        }
        code => {
            // A value of the wrong type (or one ron could not read as the type it wanted,
            // like `2.5` for a count): show the whole value the path names.
            let at = offset_of(src, line, column);
            // `Count(target: 2.5)` fails at the `.` while reading the kind: name the target.
            let target = format!("{path}.target");
            let path = match locations.exact(&target) {
                Some((s, e)) if path.ends_with("kind") && (s..=e).contains(&at) => target,
                _ => path,
            };
            let (start, end) = locations
                .exact(&path)
                .unwrap_or_else(|| (at, at + token_at(src, at).len()));
            let value = &src[start..end];
            let found = shown(value, lang);
            let expected = expected_at(&path, src, locations);
            let message = words.shape_problem(&match code {
                E::IntegerOutOfBounds => Shape::OutOfRange { found, expected },
                _ => Shape::Value { found, expected },
            });
            Diagnostic::at(
                lang,
                origin,
                src,
                start,
                end - start,
                some_path(path),
                message,
            )
        }
    }
}

/// What the field at `path` holds.
fn expected_at(path: &str, src: &str, locations: &Locations) -> Expected {
    let field = path.rsplit('.').next().unwrap_or("");
    if path.is_empty() {
        return Expected::Checklist;
    }
    if field.ends_with(']') {
        return Expected::Group;
    }
    match field {
        "id" => Expected::Id,
        "year" | "carried_from" => Expected::Year,
        "follows_report" | "numbered" => Expected::Bool,
        "clauses" | "general" | "plans" => Expected::Strings,
        "section_five" | "shufa" if path.starts_with("report.") && !path.contains("items") => {
            Expected::ReportGroup
        }
        "kind" => Expected::Kind,
        "sections" | "items" => Expected::List,
        "report" if path == "report" => Expected::Report,
        "target" => {
            let kind = path
                .strip_suffix(".target")
                .and_then(|k| locations.exact(k))
                .map_or("", |(s, e)| &src[s..e]);
            if kind.starts_with("Count") {
                Expected::CountTarget
            } else if kind.starts_with("Rate") {
                Expected::RateTarget
            } else {
                Expected::Positive
            }
        }
        _ => Expected::Text,
    }
}

pub(super) fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    // Abbreviations (`cnt` for `count`) score low on edit distance but are easy to spot.
    let abbreviates = |e: &str| {
        let mut rest = e.chars();
        found.chars().count() >= 2 && found.chars().all(|c| rest.any(|x| x == c))
    };
    expected
        .iter()
        .map(|e| {
            let score = strsim::jaro_winkler(found, e);
            (
                if abbreviates(e) {
                    score.max(0.8)
                } else {
                    score
                },
                *e,
            )
        })
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, e)| e)
}

/// For the text checks in `texts`, which hold a language rather than the catalogue.
pub(super) fn did_you_mean(lang: Lang, best: &str) -> String {
    lang.words().did_you_mean(best)
}

/// A found token for a message: quoted, escaped and cut short.
pub(super) fn shown(token: &str, lang: Lang) -> String {
    if token.is_empty() {
        return lang.words().end_of_file().to_string();
    }
    let cut: String = token.chars().take(40).collect();
    let more = if cut.len() < token.len() { "…" } else { "" };
    format!("'{}{more}'", text::for_terminal(&cut))
}

/// A full-width punctuation mark and the ASCII one RON expects in its place.
struct FullWidth {
    found: char,
    ascii: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
}

fn full_width(c: char) -> Option<FullWidth> {
    let (ascii, name_zh, name_en) = match c {
        '，' => (",", "全角逗号", "full-width comma"),
        '：' => (":", "全角冒号", "full-width colon"),
        '（' => ("(", "全角左括号", "full-width parenthesis"),
        '）' => (")", "全角右括号", "full-width parenthesis"),
        '“' | '”' => ("\"", "中文引号", "curly quote"),
        '‘' | '’' => ("\"", "中文单引号", "curly quote"),
        '【' | '［' => ("[", "全角方括号", "full-width bracket"),
        '】' | '］' => ("]", "全角方括号", "full-width bracket"),
        '；' => (",", "全角分号", "full-width semicolon"),
        '\u{3000}' => (" ", "全角空格", "full-width space"),
        _ => return None,
    };
    Some(FullWidth {
        found: c,
        ascii,
        name_zh,
        name_en,
    })
}

/// Where the next token starts at or after `offset`: past white space and comments.
fn skip_trivia(src: &str, mut offset: usize) -> usize {
    loop {
        let rest = &src[offset.min(src.len())..];
        let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        offset += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            offset += trimmed.find('\n').unwrap_or(trimmed.len());
        } else if let Some(body) = trimmed.strip_prefix("/*") {
            offset += body.find("*/").map_or(trimmed.len(), |i| i + 4);
        } else {
            return offset.min(src.len());
        }
    }
}

/// The token starting at byte `offset`: a string literal, a word or number, or one character.
pub(super) fn token_at(src: &str, offset: usize) -> &str {
    let offset = offset.min(src.len());
    let rest = &src[offset..];
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else {
        return "";
    };
    let end = if first == '"' {
        let mut escaped = false;
        rest.char_indices()
            .skip(1)
            .find(|&(_, c)| {
                let stop = (c == '"' && !escaped) || c == '\n';
                escaped = c == '\\' && !escaped;
                stop
            })
            .map_or(rest.len(), |(i, c)| i + c.len_utf8())
    } else if first.is_alphanumeric() || matches!(first, '_' | '-' | '+' | '.') {
        rest.char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '.')))
            .map_or(rest.len(), |(i, _)| i)
    } else {
        first.len_utf8()
    };
    // A token never runs past its line.
    let end = rest[..end].find('\n').unwrap_or(end);
    &rest[..end.max(first.len_utf8().min(rest.len()))]
}

/// The byte offset of a 1-based line and character column.
pub(super) fn offset_of(src: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        src.match_indices('\n')
            .nth(line - 2)
            .map_or(src.len(), |(i, _)| i + 1)
    };
    let text = &src[line_start..];
    line_start
        + text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| i)
}

fn some_path(path: String) -> Option<String> {
    (!path.is_empty()).then_some(path)
}

/// serde_path_to_error writes `?` for positions it cannot name, `.` for the root, and the
/// variant inside an enum (`kind.Count.target`), which the file does not show.
fn join_path(prefix: &str, path: &str) -> String {
    let parts: Vec<&str> = path
        .split('.')
        .filter(|p| !p.is_empty() && *p != "?")
        .filter(|p| !matches!(*p, "Task" | "Count" | "Rate" | "Hours"))
        .collect();
    let path = parts.join(".");
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path,
        (false, true) => prefix.to_string(),
        (false, false) => format!("{prefix}.{path}"),
    }
}

/// A line/column inside `src[offset..]` as a line/column of `src`.
fn absolute(src: &str, offset: usize, line: usize, col: usize) -> (usize, usize) {
    let before = &src.as_bytes()[..offset];
    let base_line = before.iter().filter(|&&b| b == b'\n').count();
    if line <= 1 {
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let base_col = src[line_start..offset].chars().count();
        (base_line + 1, base_col + col)
    } else {
        (base_line + line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> Diagnostic {
        let e = ron::Options::default()
            .from_str::<ron::Value>(src)
            .expect_err("not RON");
        syntax_error(src, "f.ron", Lang::Zh, &e)
    }

    #[test]
    fn a_full_width_mark_is_named_where_it_stands() {
        let d = err("// c\n（\n id: \"x\",\n)\n");
        assert_eq!((d.line, d.column), (2, 1));
        assert!(d.message.contains("全角左括号"), "{}", d.message);
        assert_eq!(d.help.as_deref(), Some("请改为半角 ("));
        let d = err("(\n id: “x”,\n)\n");
        assert_eq!((d.line, d.column), (2, 6));
        assert!(d.message.contains("中文引号"), "{}", d.message);
        let d = err("(\n id: \"x\"，\n)\n");
        assert!(d.message.contains("全角逗号 '，'"), "{}", d.message);
    }

    #[test]
    fn a_mark_inside_a_string_or_comment_is_no_concern() {
        let d = err("// （\n(\n id: \"（\" x,\n)\n");
        assert!(!d.message.contains("全角"), "{}", d.message);
    }
}
