//! Why a checklist file did not parse, said precisely: a syntax error placed where the
//! parser stopped and naming what it found, or a shape error (unknown field, missing field,
//! wrong kind, value of the wrong type) placed on the value itself.

use super::load::{Failure, RECURSION_LIMIT};
use super::locate::Locations;
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::text;

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
    let empty = Locations::only_trivia(src);
    let zh = |m: String| (m, None::<String>);
    let (message, help) = match (lang, &err.code) {
        (Lang::Zh, E::Eof) if empty => zh("文件为空，应为清单 ( id: …, title: …, organization: …, sections: [ … ] )".into()),
        (Lang::En, E::Eof) if empty => zh("the file is empty; expected a checklist ( id: …, title: …, organization: …, sections: [ … ] )".into()),
        (Lang::Zh, E::Eof) => zh("文件意外结束：缺少右括号 ) 或 ]".into()),
        (Lang::En, E::Eof) => zh("unexpected end of file; expected a closing ')' or ']'".into()),
        (_, E::ExpectedComma) => (
            lang.pick(&format!("此处应为逗号或右括号，实际是 {found}"), &format!("expected ',' or a closing bracket, found {found}")).to_string(),
            Some(lang.pick("可能是上一个值后缺少逗号，或前面的字符串缺少结束的引号", "a ',' may be missing after the previous value, or a string before it is not closed").to_string()),
        ),
        (_, E::ExpectedStringEnd) => zh(lang.pick("字符串缺少结束的引号 \"", "the string is never closed; expected '\"'").to_string()),
        (_, E::ExpectedStructLikeEnd | E::ExpectedMapEnd) => zh(lang.pick(&format!("此处应为 ) 或逗号，实际是 {found}"), &format!("expected ')' or ',', found {found}")).to_string()),
        (_, E::ExpectedArrayEnd) => zh(lang.pick(&format!("此处应为 ] 或逗号，实际是 {found}"), &format!("expected ']' or ',', found {found}")).to_string()),
        (_, E::ExpectedMapColon) => zh(lang.pick(&format!("字段名后应为冒号 :，实际是 {found}"), &format!("expected ':' after the field name, found {found}")).to_string()),
        (_, E::TrailingCharacters) => zh(lang.pick(&format!("清单结束后还有多余内容 {found}"), &format!("unexpected {found} after the end of the checklist")).to_string()),
        (_, E::UnexpectedChar(_)) => zh(lang.pick(&format!("意外的字符 {found}"), &format!("unexpected character {found}")).to_string()),
        (_, E::ExceededRecursionLimit) => zh(lang.pick(&format!("嵌套超过 {RECURSION_LIMIT} 层"), &format!("nesting is deeper than {RECURSION_LIMIT} levels")).to_string()),
        (_, E::UnclosedBlockComment) => zh(lang.pick("块注释 '/*' 没有结束的 '*/'", "block comment '/*' is never closed with '*/'").to_string()),
        (_, E::InvalidEscape(_)) => (
            lang.pick(&format!("字符串中的转义 {found} 无效"), &format!("invalid escape {found} in a string")).to_string(),
            Some(lang.pick("反斜杠本身写作 \\\\；引号写作 \\\"", "write \\\\ for a backslash and \\\" for a quote").to_string()),
        ),
        (_, E::ExpectedIdentifier) => zh(lang.pick(&format!("此处应为字段名，实际是 {found}"), &format!("expected a field name, found {found}")).to_string()),
        (Lang::Zh, other) => zh(format!("格式错误：{found}（{other}）")),
        (Lang::En, other) => zh(format!("syntax error at {found}: {other}")),
    };
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
    let list = |v: &[&str]| {
        v.iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &failure.code {
        E::NoSuchStructField {
            expected, found, ..
        } => {
            let message = match lang {
                Lang::Zh => format!(
                    "未知字段 '{}'，可用的字段：{}",
                    text::for_terminal(found),
                    list(expected)
                ),
                Lang::En => format!(
                    "unknown field '{}'; expected one of {}",
                    text::for_terminal(found),
                    list(expected)
                ),
            };
            let mut d = at_parser(path, message, found.chars().count());
            d.help = closest(found, expected).map(|best| did_you_mean(lang, best));
            d
        }
        E::MissingStructField { field, .. } => {
            let message = match lang {
                Lang::Zh => format!("缺少必填字段 '{field}'"),
                Lang::En => format!("missing field '{field}'"),
            };
            let mut d = at_parser(join_path(&path, field), message, 1);
            d.help = Some(match lang {
                Lang::Zh => format!("在这一组 ( … ) 的结尾之前加上 {field}: …"),
                Lang::En => format!("add {field}: … before the closing ')' of this group"),
            });
            d
        }
        E::DuplicateStructField { field, .. } => {
            let message = match lang {
                Lang::Zh => format!("字段 '{field}' 重复出现"),
                Lang::En => format!("field '{field}' is given twice; expected it once"),
            };
            at_parser(join_path(&path, field), message, field.len())
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } if path.ends_with("if_short") => {
            let message = match lang {
                Lang::Zh => format!(
                    "if_short 的值 '{}' 无效，应为 {} 之一",
                    text::for_terminal(found),
                    list(expected)
                ),
                Lang::En => format!(
                    "if_short '{}' is invalid; expected one of {}",
                    text::for_terminal(found),
                    list(expected)
                ),
            };
            let mut d = at_parser(path, message, found.chars().count());
            d.help = Some(
                lang.pick(
                    "State：未达目标时仍按实际数字写入第三部分；Omit：未达目标时不写入第三部分（第五部分照常列出）",
                    "State: an item short of its target is still stated with its real figures; Omit: it is left out of section three (section five still lists it)",
                )
                .to_string(),
            );
            d
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let message = match lang {
                Lang::Zh => format!(
                    "未知的类型 '{}'，应为 {} 之一",
                    text::for_terminal(found),
                    list(expected)
                ),
                Lang::En => format!(
                    "unknown kind '{}'; expected one of {}",
                    text::for_terminal(found),
                    list(expected)
                ),
            };
            let mut d = at_parser(path, message, found.chars().count());
            let forms = lang.pick(
                "写法：Task、Count(target: 4)、Rate(target: 100)、Hours(target: 20)",
                "write Task, Count(target: 4), Rate(target: 100) or Hours(target: 20)",
            );
            d.help = Some(match closest(found, expected) {
                Some(best) => format!("{} {forms}", did_you_mean(lang, best)),
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
            let expected = expected_at(&path, src, locations, lang);
            let message = match (lang, code) {
                (Lang::Zh, E::IntegerOutOfBounds) => {
                    format!("数值 {found} 超出范围，应为{expected}")
                }
                (Lang::En, E::IntegerOutOfBounds) => {
                    format!("number {found} is out of range; expected {expected}")
                }
                (Lang::Zh, _) => format!("值 {found} 不合要求，应为{expected}"),
                (Lang::En, _) => format!("{found} is not valid here; expected {expected}"),
            };
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

/// What a field holds, for "expected …" in messages.
fn expected_at(path: &str, src: &str, locations: &Locations, lang: Lang) -> String {
    let field = path.rsplit('.').next().unwrap_or("");
    let l = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    if field.ends_with(']') || path.is_empty() {
        return if path.is_empty() {
            l(
                "清单 ( id: …, title: …, organization: …, sections: [ … ] )",
                "a checklist ( id: …, title: …, organization: …, sections: [ … ] )",
            )
        } else {
            l(
                "一组 ( id: …, title: …, … )",
                "a group ( id: …, title: …, … )",
            )
        };
    }
    match field {
        "id" => l(
            "带引号的 ASCII 标识，如 \"annual-plan\"",
            "a quoted ASCII id such as \"annual-plan\"",
        ),
        "year" | "carried_from" => l("年份，如 2024", "a year such as 2024"),
        "follows_report" | "numbered" => l("true 或 false", "true or false"),
        "clauses" | "general" | "plans" => l(
            "字符串列表，如 [ \"……\", \"……\" ]",
            "a list of strings such as [ \"…\", \"…\" ]",
        ),
        "section_five" | "shufa" if path.starts_with("report.") && !path.contains("items") => {
            l("一组 ( … )", "a group ( … )")
        }
        "kind" => l(
            "Task、Count(target: 次数)、Rate(target: 百分数) 或 Hours(target: 学时)",
            "Task, Count(target: N), Rate(target: P) or Hours(target: H)",
        ),
        "sections" | "items" => l("列表 [ ( … ), … ]", "a list [ ( … ), … ]"),
        "report" if path == "report" => l(
            "( heading: …, opening: …, closing: … )",
            "( heading: …, opening: …, closing: … )",
        ),
        "target" => {
            let kind = path
                .strip_suffix(".target")
                .and_then(|k| locations.exact(k))
                .map_or("", |(s, e)| &src[s..e]);
            if kind.starts_with("Count") {
                l("1 到 100000 之间的整数", "a whole number from 1 to 100000")
            } else if kind.starts_with("Rate") {
                l("1 到 100 之间的百分数", "a percentage from 1 to 100")
            } else {
                l("大于 0 的数", "a number above 0")
            }
        }
        _ => l(
            "带引号的字符串，如 \"文本\"",
            "a quoted string such as \"text\"",
        ),
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

pub(super) fn did_you_mean(lang: Lang, best: &str) -> String {
    match lang {
        Lang::Zh => format!("是否想写 '{best}'？"),
        Lang::En => format!("did you mean '{best}'?"),
    }
}

/// A found token for a message: quoted, escaped and cut short.
pub(super) fn shown(token: &str, lang: Lang) -> String {
    if token.is_empty() {
        return lang.pick("文件结尾", "end of file").to_string();
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
