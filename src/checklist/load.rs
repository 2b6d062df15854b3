//! Parse, then refine: RON text → [`RawChecklist`] → validated [`Checklist`], or every
//! problem found, each placed at its file, line and column with the field's path.

use std::collections::HashMap;

use jiff::civil::Date;

use super::locate::{Locations, literal_offset};
use super::raw::{RawChecklist, RawItem, RawKind};
use super::{Checklist, DueSpec, Item, Kind, KindTag, ReportText, Section};
use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::template::{Context, Template, TemplateErrorKind};
use crate::text;

/// Checklists larger than this are refused before parsing (a realistic 10 000-item checklist,
/// as `generate_checklist` writes it, is about 5 MiB).
pub const MAX_CHECKLIST_BYTES: usize = 32 * 1024 * 1024;

/// Nesting deeper than this is refused by the parser instead of exhausting the stack.
const RECURSION_LIMIT: usize = 64;

const DEFAULT_HEADING: &str =
    "三、{year}年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况";
const DEFAULT_OPENING: &str = "{year}年，{org}主要负责人认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》，切实履行推进法治建设第一责任人职责，坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。";
const DEFAULT_CLOSING: &str =
    "通过以上举措，法治建设各项任务有效落实，为推动各项工作提供了坚实的法治保障。";

/// Most diagnostics reported for one file. Placing each one walks the text, and nobody reads
/// the hundred-and-first; the rest are counted in a final note.
const MAX_DIAGNOSTICS: usize = 100;

/// Load a checklist from the bytes of `origin`. `default_year` is used when the file names
/// none (the caller passes the current year, or `--year`).
pub fn load(
    bytes: &[u8],
    origin: &str,
    default_year: i16,
    lang: Lang,
) -> Result<Checklist, Vec<Diagnostic>> {
    load_sized(bytes, bytes.len() as u64, origin, default_year, lang)
}

/// [`load`] for a file of `size` bytes, of which only `bytes` (at most one past the limit)
/// were read: a file too large is refused with its real size.
pub fn load_sized(
    bytes: &[u8],
    size: u64,
    origin: &str,
    default_year: i16,
    lang: Lang,
) -> Result<Checklist, Vec<Diagnostic>> {
    if size > MAX_CHECKLIST_BYTES as u64 || bytes.len() > MAX_CHECKLIST_BYTES {
        let size = size.max(bytes.len() as u64);
        let mb = size as f64 / (1024.0 * 1024.0);
        let max = MAX_CHECKLIST_BYTES / (1024 * 1024);
        let message = match lang {
            Lang::Zh => format!("文件过大（{mb:.1} MB，{size} 字节），清单文件最大 {max} MB"),
            Lang::En => {
                format!("file too large ({mb:.1} MB, {size} bytes); expected at most {max} MB")
            }
        };
        return Err(vec![Diagnostic::at(lang, origin, "", 0, 0, None, message)]);
    }
    // ron refuses a byte-order mark, but Windows editors write one.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let src = match crate::text::utf8(bytes) {
        Ok(s) => s,
        Err(e) => return Err(vec![not_utf8(bytes, e, origin, lang)]),
    };
    let mut validator = Validator {
        src,
        origin,
        lang,
        locations: None,
        errors: Vec::new(),
        dropped: 0,
    };
    match parse_raw(src, origin, lang) {
        Parsed::Whole(raw) => validator.refine(raw, default_year),
        Parsed::Syntax(d) => Err(vec![d]),
        Parsed::Parts {
            errors,
            items,
            locations,
        } => {
            // The file's shape is wrong somewhere, but every item that parsed on its own is
            // still checked, so one typo does not hide a wrong date three sections later.
            let year = locations
                .exact("year")
                .and_then(|(s, e)| src[s..e].trim().parse::<i64>().ok())
                .filter(|y| (2000..=2100).contains(y))
                .map_or(default_year, |y| y as i16);
            validator.locations = Some(locations);
            validator.errors = errors;
            validator.outside_items();
            let mut ids = HashMap::new();
            for (at, path, item) in items {
                validator.item_id(&mut ids, at, &path, &item.id);
                validator.item(&path, item, year);
            }
            Err(validator.finish())
        }
    }
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error, origin: &str, lang: Lang) -> Diagnostic {
    let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
    let bad_len = e
        .error_len()
        .unwrap_or(bytes.len() - e.valid_up_to())
        .min(4);
    let bad: String = bytes[e.valid_up_to()..e.valid_up_to() + bad_len]
        .iter()
        .map(|b| format!("\\x{b:02X}"))
        .collect();
    let message = match lang {
        Lang::Zh => format!("文件不是有效的 UTF-8 文本：此处的字节 '{bad}' 不是 UTF-8 编码"),
        Lang::En => format!("the file is not valid UTF-8 text: bytes '{bad}' here are not UTF-8"),
    };
    Diagnostic::at(lang, origin, valid, valid.len(), 0, None, message).with_help(lang.pick(
        "请以 UTF-8 编码保存（不要用 GBK）；这也可能不是文本文件",
        "save the file as UTF-8 (not GBK); it may also not be a text file",
    ))
}

/// `implicit_some` lets optional fields be written plainly (`owner: "办公室"`), not `Some(…)`.
fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

enum Parsed {
    /// The whole file has the right shape.
    Whole(RawChecklist),
    /// The text is not RON at all; nothing after the error can be trusted.
    Syntax(Diagnostic),
    /// Valid RON of the wrong shape: every shape error found, and the items that parsed.
    Parts {
        errors: Vec<Diagnostic>,
        items: Vec<((usize, usize), String, RawItem)>,
        locations: Locations,
    },
}

/// Why serde stopped, relative to the part of the text that was parsed.
struct Failure {
    code: ron::Error,
    path: String,
    line: usize,
    col: usize,
}

/// serde's first error stops the parse. Whether the text is RON at all is settled by parsing
/// it as an untyped value; if it is, each item that the scanner can delimit is then parsed on
/// its own, so that typos in several items all show at once.
fn parse_raw(src: &str, origin: &str, lang: Lang) -> Parsed {
    let failure = match parse_part::<RawChecklist>(src) {
        Ok(raw) => return Parsed::Whole(raw),
        Err(f) => f,
    };
    if let Err(e) = ron_options().from_str::<ron::Value>(src) {
        return Parsed::Syntax(syntax_error(src, origin, lang, &e));
    }
    let locations = Locations::scan(src);
    let place = |offset, prefix: &str, failure| {
        shape_error(src, offset, prefix, origin, lang, &locations, failure)
    };
    let mut errors = vec![place(0, "", failure)];
    let mut items = Vec::new();
    'sections: for s in 0.. {
        for i in 0.. {
            let path = format!("sections[{s}].items[{i}]");
            let Some((start, end)) = locations.exact(&path) else {
                if i == 0 && locations.exact(&format!("sections[{s}]")).is_none() {
                    break 'sections;
                }
                break;
            };
            match parse_part::<RawItem>(&src[start..end]) {
                Ok(item) => items.push(((s, i), path, item)),
                Err(f) if errors.len() < MAX_DIAGNOSTICS => {
                    let d = place(start, &path, f);
                    if !errors
                        .iter()
                        .any(|e| (e.line, e.column) == (d.line, d.column))
                    {
                        errors.push(d);
                    }
                }
                Err(_) => {}
            }
        }
    }
    Parsed::Parts {
        errors,
        items,
        locations,
    }
}

fn parse_part<T: serde::de::DeserializeOwned>(part: &str) -> Result<T, Failure> {
    // Tracking the path of every value costs a third of the parse; a good file needs none of
    // it, so the path is only worked out by parsing again when there is an error to place.
    // The fast reader reads a plain file several times faster; ron reads the rest.
    if let Some(v) = crate::ron_fast::from_str::<T>(part, true) {
        return Ok(v);
    }
    if let Ok(v) = ron_options().from_str::<T>(part) {
        return Ok(v);
    }
    let mut de = match ron::Deserializer::from_str_with_options(part, &ron_options()) {
        Ok(de) => de,
        Err(e) => {
            return Err(Failure {
                code: e.code,
                path: String::new(),
                line: e.span.start.line,
                col: e.span.start.col,
            });
        }
    };
    let (path, code) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(v) => match de.end() {
            Ok(()) => return Ok(v),
            Err(code) => (String::new(), code),
        },
        Err(e) => (e.path().to_string(), e.into_inner()),
    };
    let spanned = de.span_error(code);
    Err(Failure {
        code: spanned.code,
        path,
        line: spanned.span.start.line,
        col: spanned.span.start.col,
    })
}

/// A text that is not RON: placed where the parser stopped, naming what it found there.
fn syntax_error(src: &str, origin: &str, lang: Lang, err: &ron::error::SpannedError) -> Diagnostic {
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
fn shape_error(
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

fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
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

fn did_you_mean(lang: Lang, best: &str) -> String {
    match lang {
        Lang::Zh => format!("是否想写 '{best}'？"),
        Lang::En => format!("did you mean '{best}'?"),
    }
}

/// A found token for a message: quoted, escaped and cut short.
fn shown(token: &str, lang: Lang) -> String {
    if token.is_empty() {
        return lang.pick("文件结尾", "end of file").to_string();
    }
    let cut: String = token.chars().take(40).collect();
    let more = if cut.len() < token.len() { "…" } else { "" };
    format!("'{}{more}'", text::for_terminal(&cut))
}

/// The token starting at byte `offset`: a string literal, a word or number, or one character.
fn token_at(src: &str, offset: usize) -> &str {
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
fn offset_of(src: &str, line: usize, column: usize) -> usize {
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

/// A field's path, spelled out only when an error names it: a good 10,000-item checklist
/// would otherwise format some 80,000 path strings that nobody reads.
trait FieldPath: Copy {
    fn spell(self) -> String;
}

impl FieldPath for &str {
    fn spell(self) -> String {
        self.to_string()
    }
}

/// `base.field`, e.g. `sections[1].items[3]` + `due`.
#[derive(Clone, Copy)]
struct Under<'a>(&'a str, &'static str);

impl FieldPath for Under<'_> {
    fn spell(self) -> String {
        format!("{}.{}", self.0, self.1)
    }
}

struct Validator<'a> {
    src: &'a str,
    origin: &'a str,
    lang: Lang,
    locations: Option<Locations>,
    errors: Vec<Diagnostic>,
    /// Errors past [`MAX_DIAGNOSTICS`], counted but not placed.
    dropped: usize,
}

impl Validator<'_> {
    fn full(&mut self) -> bool {
        if self.errors.len() >= MAX_DIAGNOSTICS {
            self.dropped += 1;
            return true;
        }
        false
    }

    /// The errors in file order, with a note for those left out.
    fn finish(mut self) -> Vec<Diagnostic> {
        self.errors.sort_by_key(|d| (d.line, d.column));
        if self.dropped > 0
            && let Some(last) = self.errors.last()
        {
            let mut note = last.clone();
            note.path = None;
            note.help = None;
            note.message = match self.lang {
                Lang::Zh => format!("另有 {} 处错误未列出", self.dropped),
                Lang::En => format!("{} more errors not shown", self.dropped),
            };
            self.errors.push(note);
        }
        self.errors
    }

    fn error(&mut self, path: impl FieldPath, message: String, help: Option<String>) {
        if self.full() {
            return;
        }
        let path = path.spell();
        let locations = self
            .locations
            .get_or_insert_with(|| Locations::scan(self.src));
        let (start, end) = locations.find(&path).unwrap_or((0, 0));
        let mut d = Diagnostic::at(
            self.lang,
            self.origin,
            self.src,
            start,
            end - start,
            Some(path),
            message,
        );
        d.help = help;
        self.errors.push(d);
    }

    fn msg(&self, zh: String, en: String) -> String {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn refine(
        mut self,
        raw: RawChecklist,
        default_year: i16,
    ) -> Result<Checklist, Vec<Diagnostic>> {
        self.slug("id", &raw.id);
        self.nonempty("title", &raw.title);
        self.nonempty("organization", &raw.organization);
        let year = match raw.year {
            None => default_year,
            Some(y) if (2000..=2100).contains(&y) => y as i16,
            Some(y) => {
                let m = self.msg(
                    format!("年份 '{y}' 不合理，应在 2000 到 2100 之间"),
                    format!("year '{y}' is out of range; expected 2000 to 2100"),
                );
                self.error("year", m, None);
                default_year
            }
        };
        let report = ReportText {
            heading: self.template(
                "report.heading",
                raw.report.heading.as_deref(),
                DEFAULT_HEADING,
                Context::Report,
            ),
            opening: self.template(
                "report.opening",
                raw.report.opening.as_deref(),
                DEFAULT_OPENING,
                Context::Report,
            ),
            closing: self.template(
                "report.closing",
                raw.report.closing.as_deref(),
                DEFAULT_CLOSING,
                Context::Report,
            ),
        };
        let mut section_ids: HashMap<String, usize> = HashMap::new();
        let item_count = raw.sections.iter().map(|s| s.items.len()).sum();
        let mut item_ids: HashMap<String, (usize, usize)> = HashMap::with_capacity(item_count);
        let mut sections = Vec::with_capacity(raw.sections.len());
        for (si, s) in raw.sections.into_iter().enumerate() {
            let sp = format!("sections[{si}]");
            self.slug(Under(&sp, "id"), &s.id);
            if let Some(first) = section_ids.insert(s.id.clone(), si) {
                let m = self.msg(
                    format!("栏目 id '{}' 重复，sections[{first}] 已使用", s.id),
                    format!(
                        "duplicate section id '{}', already used by sections[{first}]",
                        s.id
                    ),
                );
                self.error(Under(&sp, "id"), m, None);
            }
            self.nonempty(Under(&sp, "title"), &s.title);
            let mut items = Vec::with_capacity(s.items.len());
            for (ii, item) in s.items.into_iter().enumerate() {
                let ip = format!("{sp}.items[{ii}]");
                self.item_id(&mut item_ids, (si, ii), &ip, &item.id);
                if let Some(item) = self.item(&ip, item, year) {
                    items.push(item);
                }
            }
            sections.push(Section {
                id: s.id,
                title: s.title,
                items,
            });
        }
        if item_ids.is_empty() && self.errors.is_empty() {
            let m = self.msg(
                "清单中没有任何事项，应至少有一个含事项的栏目".into(),
                "the checklist has no items; expected at least one section with items".into(),
            );
            self.error("sections", m, None);
        }
        if !self.errors.is_empty() {
            return Err(self.finish());
        }
        // Without errors every item was kept, so the positions recorded while checking ids
        // for uniqueness are the index.
        Ok(Checklist {
            id: raw.id,
            title: raw.title,
            organization: raw.organization,
            year,
            year_explicit: raw.year.is_some(),
            report,
            sections,
            index: item_ids,
        })
    }

    /// In a file whose shape is wrong, the values outside items that still read as what
    /// they should be (ids, titles, report sentences) get their usual checks too.
    fn outside_items(&mut self) {
        let Some(locations) = &self.locations else {
            return;
        };
        let read = |path: &str| {
            let (s, e) = locations.exact(path)?;
            ron_options().from_str::<String>(&self.src[s..e]).ok()
        };
        let mut strings = Vec::new();
        for field in ["id", "title", "organization"] {
            strings.push((field.to_string(), read(field)));
        }
        for s in 0.. {
            let sp = format!("sections[{s}]");
            if locations.exact(&sp).is_none() {
                break;
            }
            strings.push((format!("{sp}.id"), read(&format!("{sp}.id"))));
            strings.push((format!("{sp}.title"), read(&format!("{sp}.title"))));
        }
        let report = locations.exact("report").and_then(|(s, e)| {
            ron_options()
                .from_str::<super::raw::RawReport>(&self.src[s..e])
                .ok()
        });
        let mut section_ids: HashMap<String, String> = HashMap::new();
        for (path, value) in strings {
            let Some(value) = value else { continue };
            if path.ends_with("id") {
                self.slug(path.as_str(), &value);
                if path.starts_with("sections") {
                    if let Some(first) = section_ids.get(&value) {
                        let shown = text::for_terminal(&value).into_owned();
                        let first = first.trim_end_matches(".id").to_string();
                        let m = self.msg(
                            format!("栏目 id '{shown}' 重复，{first} 已使用"),
                            format!("duplicate section id '{shown}', already used by {first}"),
                        );
                        self.error(path.as_str(), m, None);
                    } else {
                        section_ids.insert(value, path);
                    }
                }
            } else {
                self.nonempty(path.as_str(), &value);
            }
        }
        if let Some(report) = report {
            for (field, value) in [
                ("report.heading", report.heading),
                ("report.opening", report.opening),
                ("report.closing", report.closing),
            ] {
                if let Some(value) = value {
                    self.template(field, Some(&value), "", Context::Report);
                }
            }
        }
    }

    /// Item ids are unique across sections: the ledger and the CLI name items by id alone.
    fn item_id(
        &mut self,
        ids: &mut HashMap<String, (usize, usize)>,
        at: (usize, usize),
        ip: &str,
        id: &str,
    ) {
        if let Some(&(s, i)) = ids.get(id) {
            let first = format!("sections[{s}].items[{i}]");
            let shown = text::for_terminal(id).into_owned();
            let m = self.msg(
                format!("事项 id '{shown}' 重复，{first} 已使用"),
                format!(
                    "duplicate item id '{shown}', already used by {first}; expected a unique id"
                ),
            );
            let help = self.msg(
                "每个事项的 id 在整个清单中（跨栏目）必须唯一".into(),
                "item ids must be unique in the whole checklist, across sections".into(),
            );
            self.error(Under(ip, "id"), m, Some(help));
        } else {
            ids.insert(id.to_string(), at);
        }
    }

    fn item(&mut self, ip: &str, raw: RawItem, year: i16) -> Option<Item> {
        let before = self.errors.len();
        self.slug(Under(ip, "id"), &raw.id);
        self.nonempty(Under(ip, "title"), &raw.title);
        for (field, value) in [
            ("description", raw.description.as_deref()),
            ("owner", raw.owner.as_deref()),
            ("evidence", raw.evidence.as_deref()),
        ] {
            if let Some(v) = value {
                self.clean(Under(ip, field), v);
            }
        }
        let kind = match raw.kind {
            RawKind::Task => Kind::Task,
            RawKind::Count { target } => {
                if (1..=100_000).contains(&target) {
                    Kind::Count {
                        target: target as u32,
                    }
                } else {
                    let m = self.msg(
                        format!("次数目标 '{target}' 无效，应为 1 到 100000 之间的整数"),
                        format!("count target '{target}' is invalid; expected a whole number from 1 to 100000"),
                    );
                    self.error(Under(ip, "kind.target"), m, None);
                    Kind::Count { target: 1 }
                }
            }
            RawKind::Rate { target } => {
                // Below 1 % is refused: no duty's rate target is that low, and `0.95` is how a
                // fraction slips in for 95 %, which any recorded rate would then meet.
                if (1.0..=100.0).contains(&target) {
                    Kind::Rate { target }
                } else {
                    let m = self.msg(
                        format!("比率目标 '{target}' 无效，应为 1 到 100 之间的百分数"),
                        format!(
                            "rate target '{target}' is invalid; expected a percentage from 1 to 100"
                        ),
                    );
                    let help = if target > 0.0 && target < 1.0 {
                        let percent = text::number(target * 100.0);
                        Some(self.msg(
                            format!("比率以百分数填写：{percent}% 写作 {percent}，而不是 {target}"),
                            format!("rates are percentages: write {percent} for {percent}%, not {target}"),
                        ))
                    } else {
                        (target > 1.0).then(|| {
                            self.msg(
                                "比率以百分数填写，如 100 表示 100%".into(),
                                "rates are percentages: 100 means 100%".into(),
                            )
                        })
                    };
                    self.error(Under(ip, "kind.target"), m, help);
                    Kind::Rate { target: 100.0 }
                }
            }
            RawKind::Hours { target } => {
                if target > 0.0 && target <= 10_000.0 {
                    Kind::Hours { target }
                } else {
                    let m = self.msg(
                        format!("学时目标 '{target}' 无效，应为大于 0 且不超过 10000 的数"),
                        format!("hours target '{target}' is invalid; expected a number above 0 and at most 10000"),
                    );
                    self.error(Under(ip, "kind.target"), m, None);
                    Kind::Hours { target: 1.0 }
                }
            }
        };
        let due = self.due(Under(ip, "due"), &raw.due, year);
        let start = raw
            .start
            .as_deref()
            .and_then(|s| self.due(Under(ip, "start"), s, year));
        if let (Some(start), Some(due)) = (start, due)
            && start.resolve(year) > due.resolve(year)
        {
            let m = self.msg(
                format!(
                    "开始日期 '{}' 晚于截止日期 '{}'，应不晚于截止日期",
                    start.to_source(),
                    due.to_source()
                ),
                format!(
                    "start '{}' is after due '{}'; expected a start on or before the due date",
                    start.to_source(),
                    due.to_source()
                ),
            );
            self.error(Under(ip, "start"), m, None);
        }
        let default_report = match kind.tag() {
            KindTag::Task => "{title}",
            KindTag::Count => "{title}{count}次",
            KindTag::Rate => "{title}{rate}",
            KindTag::Hours => "{title}{hours}学时",
        };
        let report = self.template(
            Under(ip, "report"),
            raw.report.as_deref(),
            default_report,
            Context::Item(kind.tag()),
        );
        if let Some(from) = raw.carried_from
            && !(2000..i64::from(year)).contains(&from)
        {
            let m = self.msg(
                format!(
                    "carried_from '{from}' 无效，应为 2000 至 {} 之间的年份",
                    year - 1
                ),
                format!(
                    "carried_from '{from}' is invalid; expected a year from 2000 to {}",
                    year - 1
                ),
            );
            self.error(Under(ip, "carried_from"), m, None);
        }
        let rhythm = match raw.rhythm.as_deref() {
            None => None,
            Some(text) => match (super::Rhythm::parse(text), kind) {
                (Some(r), Kind::Count { .. }) => Some(r),
                (Some(_), _) => {
                    let m = self.msg(
                        format!("rhythm '{text}' 只适用于计次类事项（Count）"),
                        format!("rhythm '{text}' is for counted items (Count) only"),
                    );
                    self.error(Under(ip, "rhythm"), m, None);
                    None
                }
                (None, _) => {
                    let m = self.msg(
                        format!("rhythm '{text}' 无效，应为 \"monthly\"（每月）或 \"quarterly\"（每季度）"),
                        format!("rhythm '{text}' is invalid; expected \"monthly\" or \"quarterly\""),
                    );
                    self.error(Under(ip, "rhythm"), m, None);
                    None
                }
            },
        };
        if self.errors.len() > before {
            return None;
        }
        Some(Item {
            id: raw.id,
            title: raw.title,
            description: raw.description.filter(|d| !d.trim().is_empty()),
            owner: raw.owner.unwrap_or_default(),
            kind,
            start,
            due: due?,
            evidence: raw.evidence.unwrap_or_default(),
            report,
            carried_from: raw.carried_from.map(|y| y as i16),
            once: raw.once,
            rhythm,
        })
    }

    fn slug(&mut self, path: impl FieldPath, id: &str) {
        if !super::is_slug(id) {
            let shown = text::for_terminal(id).into_owned();
            let m = self.msg(
                format!("id '{shown}' 无效，应为 1 到 64 个 ASCII 字母、数字、- 或 _，以字母或数字开头"),
                format!("id '{shown}' is invalid; expected 1 to 64 ASCII letters, digits, '-' or '_', starting with a letter or digit"),
            );
            let help = self.msg(
                "例如 \"annual-plan\"；中文名称请写在 title 中".into(),
                "e.g. \"annual-plan\"; put Chinese names in title".into(),
            );
            self.error(path, m, Some(help));
        }
    }

    fn nonempty(&mut self, path: impl FieldPath, value: &str) {
        if value.trim().is_empty() {
            let m = self.msg(
                format!("'{value}' 为空，应填写文字"),
                format!("'{value}' is empty; expected some text"),
            );
            self.error(path, m, None);
        } else {
            self.clean(path, value);
        }
    }

    fn clean(&mut self, path: impl FieldPath, value: &str) {
        if let Err(bad) = text::check_input(value) {
            let shown: String = value.chars().take(40).collect();
            let shown = text::for_terminal(&shown).into_owned();
            let more = if value.chars().nth(40).is_some() {
                "…"
            } else {
                ""
            };
            let m = self.msg(
                format!(
                    "'{shown}{more}' 含有控制字符 U+{:04X}（第 {} 个字符），应为可见文字",
                    bad.ch as u32,
                    bad.index + 1
                ),
                format!(
                    "'{shown}{more}' contains control character U+{:04X} (character {}); expected visible text",
                    bad.ch as u32,
                    bad.index + 1
                ),
            );
            let help = self.msg(
                "控制字符和双向文字控制符（U+202A–U+202E、U+2066–U+2069）会打乱终端和报告的显示".into(),
                "control characters and bidi overrides (U+202A–U+202E, U+2066–U+2069) garble terminals and reports".into(),
            );
            self.error(path, m, Some(help));
        }
    }

    fn due(&mut self, path: impl FieldPath, value: &str, year: i16) -> Option<DueSpec> {
        let shown = || text::for_terminal(value).into_owned();
        let Some(spec) = parse_due(value) else {
            let shown = shown();
            let m = self.msg(
                format!("日期 '{shown}' 无效，应为 \"MM-DD\"（本年度）、\"next-MM-DD\"（次年）或 \"YYYY-MM-DD\"，且须是真实存在的日期"),
                format!("date '{shown}' is invalid; expected \"MM-DD\" (this year), \"next-MM-DD\" (next year) or \"YYYY-MM-DD\", naming a day that exists"),
            );
            self.error(path, m, None);
            return None;
        };
        let (earliest, latest) = crate::text::dates::year_window(year);
        let date = spec.resolve(year);
        let in_window = match spec {
            DueSpec::On(d) => (earliest..=latest).contains(&d),
            DueSpec::NextYear { month, .. } => month <= 6,
            DueSpec::InYear { .. } => true,
        };
        if !in_window {
            let shown = shown();
            let m = self.msg(
                format!(
                    "日期 '{shown}' 超出清单年度：应在 {} 至 {} 之间",
                    crate::text::dates::iso(earliest),
                    crate::text::dates::iso(latest)
                ),
                format!(
                    "date '{shown}' is outside the checklist year; expected {} to {}",
                    crate::text::dates::iso(earliest),
                    crate::text::dates::iso(latest)
                ),
            );
            self.error(path, m, None);
            return None;
        }
        debug_assert!(date >= earliest);
        Some(spec)
    }

    fn template(
        &mut self,
        path: impl FieldPath,
        value: Option<&str>,
        default: &str,
        context: Context,
    ) -> Template {
        let source = value.unwrap_or(default);
        match Template::parse(source, context) {
            Ok(t) => {
                if value.is_some() {
                    self.clean(path, source);
                }
                t
            }
            Err(e) => {
                let names = crate::template::Placeholder::names_in(context);
                let allowed = names
                    .iter()
                    .map(|n| format!("{{{n}}}"))
                    .collect::<Vec<_>>()
                    .join(" ");
                let bad = &source[e.offset..e.offset + e.len];
                let bad =
                    text::for_terminal(&bad.chars().take(40).collect::<String>()).into_owned();
                let place = match (context, self.lang) {
                    (Context::Report, Lang::Zh) => "在报告固定语句中".to_string(),
                    (Context::Report, Lang::En) => "in report text".to_string(),
                    (Context::Item(kind), Lang::Zh) => format!("在 {} 类事项中", kind_name(kind)),
                    (Context::Item(KindTag::Hours), Lang::En) => "in an Hours item".to_string(),
                    (Context::Item(kind), Lang::En) => format!("in a {} item", kind_name(kind)),
                };
                let m = match (&e.kind, self.lang) {
                    (TemplateErrorKind::Unknown(_), Lang::Zh) => {
                        format!("模板中的占位符 '{bad}' 不存在，应为 {allowed} 之一")
                    }
                    (TemplateErrorKind::Unknown(_), Lang::En) => {
                        format!("unknown placeholder '{bad}'; expected one of {allowed}")
                    }
                    (TemplateErrorKind::NotHere(_), Lang::Zh) => {
                        format!("占位符 '{bad}' {place}没有取值，应为 {allowed} 之一")
                    }
                    (TemplateErrorKind::NotHere(_), Lang::En) => {
                        format!(
                            "placeholder '{bad}' has no value {place}; expected one of {allowed}"
                        )
                    }
                    (TemplateErrorKind::Unclosed, Lang::Zh) => {
                        format!("模板中 '{bad}' 的 '{{' 没有对应的 '}}'")
                    }
                    (TemplateErrorKind::Unclosed, Lang::En) => {
                        format!("'{{' in '{bad}' is never closed; expected '}}'")
                    }
                    (TemplateErrorKind::StrayClose, Lang::Zh) => {
                        "模板中的 '}' 没有对应的 '{'".into()
                    }
                    (TemplateErrorKind::StrayClose, Lang::En) => {
                        "'}' has no matching '{'; expected '{name}' or '}}' for a literal brace"
                            .into()
                    }
                };
                let suggestion = match &e.kind {
                    TemplateErrorKind::Unknown(name) => closest(name.trim(), &names)
                        .map(|best| did_you_mean(self.lang, &format!("{{{best}}}"))),
                    _ => None,
                };
                let help = match self.lang {
                    Lang::Zh => "字面的花括号写作 {{ 和 }}",
                    Lang::En => "write {{ and }} for literal braces",
                };
                let help = match suggestion {
                    Some(s) => format!("{s} {help}"),
                    None => help.to_string(),
                };
                self.template_error(path, e.offset, e.len, m, help);
                Template::parse("", context)
                    .unwrap_or_else(|_| unreachable!("empty template is valid"))
            }
        }
    }

    /// Place a template error on the bad placeholder itself, mapping the offset in the
    /// string's value back through quotes, escapes and raw-string hashes to the file.
    fn template_error(
        &mut self,
        path: impl FieldPath,
        offset: usize,
        len: usize,
        message: String,
        help: String,
    ) {
        let path = path.spell();
        if self.full() {
            return;
        }
        let locations = self
            .locations
            .get_or_insert_with(|| Locations::scan(self.src));
        let (start, end) = locations.find(&path).unwrap_or((0, 0));
        let literal = &self.src[start..end];
        let span = literal_offset(literal, offset)
            .zip(literal_offset(literal, offset + len))
            .filter(|(a, b)| a <= b);
        let (at, n) = match span {
            Some((a, b)) => (start + a, b - a),
            // A template from the defaults, or a literal the mapping does not understand.
            None => (start, end - start),
        };
        let mut d = Diagnostic::at(self.lang, self.origin, self.src, at, n, Some(path), message);
        d.help = Some(help);
        self.errors.push(d);
    }
}

fn kind_name(kind: KindTag) -> &'static str {
    match kind {
        KindTag::Task => "Task",
        KindTag::Count => "Count",
        KindTag::Rate => "Rate",
        KindTag::Hours => "Hours",
    }
}

/// `MM-DD`, `next-MM-DD` or `YYYY-MM-DD` (also `2025年3月1日`).
pub(crate) fn parse_due(s: &str) -> Option<DueSpec> {
    let s = s.trim();
    let month_day = |s: &str| {
        let (m, d) = s.split_once('-')?;
        if m.len() > 2 || d.len() > 2 || !m.bytes().chain(d.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (month, day): (i8, i8) = (m.parse().ok()?, d.parse().ok()?);
        // 2000 is a leap year, so 02-29 is accepted (and clamped in other years).
        Date::new(2000, month, day).ok()?;
        Some((month, day))
    };
    if let Some(rest) = s.strip_prefix("next-") {
        let (month, day) = month_day(rest)?;
        return Some(DueSpec::NextYear { month, day });
    }
    if s.len() <= 5 && s.matches('-').count() == 1 {
        let (month, day) = month_day(s)?;
        return Some(DueSpec::InYear { month, day });
    }
    crate::text::dates::parse_date(s).map(DueSpec::On)
}
