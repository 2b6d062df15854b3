//! Malformed checklists: every file in `fixtures/invalid/` refused with the exact message,
//! field path, line and column, the bad spot underlined, the fix suggested, in Chinese by
//! default.

use super::*;

/// One expected diagnostic: fixture, index among its diagnostics, how many it must produce,
/// the field path, line, column, and a substring of the message.
struct Expect {
    file: &'static str,
    index: usize,
    count: usize,
    path: Option<&'static str>,
    line: usize,
    column: usize,
    message: &'static str,
}

const fn e(
    file: &'static str,
    index: usize,
    count: usize,
    path: Option<&'static str>,
    line: usize,
    column: usize,
    message: &'static str,
) -> Expect {
    Expect {
        file,
        index,
        count,
        path,
        line,
        column,
        message,
    }
}

const S01I0: Option<&str> = Some("sections[0].items[0]");

/// The English table: one row per fixture (several for files with several errors).
#[rustfmt::skip]
const ENGLISH: &[Expect] = &[
    e("01-empty-file.ron", 0, 1, None, 1, 1, "the file is empty; expected a checklist"),
    e("02-binary-garbage.ron", 0, 1, None, 1, 9, "not valid UTF-8 text: bytes '\\xA5'"),
    e("03-gbk-encoded.ron", 0, 1, None, 1, 4, "not valid UTF-8 text: bytes '\\xB2'"),
    e("04-missing-comma.ron", 0, 1, S01I0, 16, 21, "expected ',' or a closing bracket, found 'kind'"),
    e("05-unclosed-string.ron", 0, 1, Some("sections[1]"), 37, 26, "expected ',' or a closing bracket, found 'exam-participation'"),
    e("06-unexpected-eof.ron", 0, 1, None, 56, 7, "unexpected end of file; expected a closing ')' or ']'"),
    e("07-deep-nesting.ron", 0, 1, None, 1, 33, "nesting is deeper than 64 levels"),
    e("08-trailing-characters.ron", 0, 1, None, 58, 1, "unexpected '(' after the end of the checklist"),
    e("09-unknown-field-titel.ron", 0, 1, Some("sections[0].items[1].titel"), 23, 21, "unknown field 'titel'; expected one of 'id', 'title',"),
    e("10-unknown-field-organisation.ron", 0, 1, Some("organisation"), 5, 5, "unknown field 'organisation'; expected one of 'id', 'title', 'organization'"),
    e("11-missing-due.ron", 0, 1, Some("sections[0].items[1].due"), 28, 17, "missing field 'due'"),
    e("12-missing-organization.ron", 0, 1, Some("organization"), 56, 1, "missing field 'organization'"),
    e("13-duplicate-item-id.ron", 0, 1, Some("sections[0].items[1].id"), 22, 25, "duplicate item id 'annual-plan', already used by sections[0].items[0]"),
    e("14-duplicate-item-across-sections.ron", 0, 1, Some("sections[1].items[1].id"), 46, 25, "duplicate item id 'party-meetings', already used by sections[0].items[1]"),
    e("15-duplicate-section-id.ron", 0, 1, Some("sections[1].id"), 33, 17, "duplicate section id 'first-duty', already used by sections[0]"),
    e("16-unknown-kind.ron", 0, 1, Some("sections[0].items[1].kind"), 25, 27, "unknown kind 'Counter'; expected one of 'Task', 'Count', 'Rate', 'Hours'"),
    e("17-count-target-zero.ron", 0, 1, Some("sections[0].items[1].kind.target"), 25, 41, "count target '0' is invalid; expected a whole number from 1 to 100000"),
    e("18-count-target-negative.ron", 0, 1, Some("sections[0].items[1].kind.target"), 25, 41, "count target '-3' is invalid"),
    e("19-count-target-huge.ron", 0, 1, Some("sections[0].items[1].kind.target"), 25, 41, "number '99999999999999999999999' is out of range; expected a whole number from 1 to 100000"),
    e("20-count-target-fraction.ron", 0, 1, Some("sections[0].items[1].kind.target"), 25, 41, "'2.5' is not valid here; expected a whole number from 1 to 100000"),
    e("21-rate-over-100.ron", 0, 1, Some("sections[1].items[0].kind.target"), 40, 40, "rate target '120' is invalid; expected a percentage from 1 to 100"),
    e("22-rate-nan.ron", 0, 1, Some("sections[1].items[0].kind.target"), 40, 40, "rate target 'NaN' is invalid"),
    e("23-hours-inf.ron", 0, 1, Some("sections[1].items[1].kind.target"), 49, 41, "hours target 'inf' is invalid; expected a number above 0 and at most 10000"),
    e("24-hours-negative.ron", 0, 1, Some("sections[1].items[1].kind.target"), 49, 41, "hours target '-20.5' is invalid"),
    e("25-impossible-date-full.ron", 0, 1, Some("sections[0].items[0].due"), 17, 26, "date '2024-02-30' is invalid; expected \"MM-DD\" (this year), \"next-MM-DD\" (next year) or \"YYYY-MM-DD\""),
    e("26-impossible-date-month-day.ron", 0, 1, Some("sections[0].items[0].due"), 17, 26, "date '02-30' is invalid"),
    e("27-due-next-07-01.ron", 0, 1, Some("sections[0].items[0].due"), 17, 26, "date 'next-07-01' is outside the checklist year; expected 2024-01-01 to 2025-06-30"),
    e("28-due-outside-year.ron", 0, 1, Some("sections[0].items[0].due"), 17, 26, "date '2026-01-01' is outside the checklist year; expected 2024-01-01 to 2025-06-30"),
    e("29-due-not-a-date.ron", 0, 1, Some("sections[1].items[1].due"), 50, 26, "date '年底前' is invalid"),
    e("30-empty-title.ron", 0, 1, Some("sections[1].items[0].title"), 38, 28, "'' is empty; expected some text"),
    e("31-blank-section-title.ron", 0, 1, Some("sections[1].title"), 34, 20, "'   ' is empty; expected some text"),
    e("32-bidi-override-title.ron", 0, 1, Some("sections[1].items[1].title"), 47, 28, "'年度学法\\u{202e}时学' contains control character U+202E (character 5)"),
    e("33-control-escape-title.ron", 0, 1, Some("sections[1].items[0].title"), 38, 28, "'学法考试\\u{1b}[31m参考率' contains control character U+001B (character 5)"),
    e("34-template-unknown-placeholder.ron", 0, 1, Some("sections[0].items[1].report"), 28, 38, "unknown placeholder '{cnt}'; expected one of {year} {org} {title}"),
    e("35-template-topics-in-task.ron", 0, 1, Some("sections[0].items[0].report"), 19, 33, "placeholder '{topics}' has no value in a Task item; expected one of {year} {org} {title} {leader} {owner} {date} {evidence} {note}"),
    e("36-template-unclosed-brace.ron", 0, 1, Some("sections[1].items[1].report"), 52, 34, "'{' in '{hours学时' is never closed; expected '}'"),
    e("37-template-stray-close.ron", 0, 1, Some("sections[1].items[0].report"), 43, 33, "'}' has no matching '{'"),
    e("38-template-raw-string.ron", 0, 1, Some("sections[0].items[1].report"), 28, 42, "unknown placeholder '{cnt}'"),
    e("39-template-escapes-before-placeholder.ron", 0, 1, Some("sections[0].items[1].report"), 28, 50, "unknown placeholder '{cnt}'"),
    e("40-heading-count.ron", 0, 1, Some("report.heading"), 7, 39, "placeholder '{count}' has no value in report text; expected one of {year} {org} {title}"),
    e("41-id-not-a-slug.ron", 0, 1, Some("sections[0].items[0].id"), 13, 25, "id '年度计划' is invalid; expected 1 to 64 ASCII letters, digits"),
    e("42-year-out-of-range.ron", 0, 1, Some("year"), 6, 11, "year '1999' is out of range; expected 2000 to 2100"),
    e("43-start-after-due.ron", 0, 1, Some("sections[0].items[0].start"), 17, 28, "start '06-01' is after due '03-31'"),
    e("44-carried-from-future.ron", 0, 1, Some("sections[0].items[0].carried_from"), 18, 35, "carried_from '2025' is invalid; expected a year from 2000 to 2023"),
    e("45-no-items.ron", 0, 1, Some("sections"), 5, 15, "the checklist has no items"),
    e("46-comment-with-quotes.ron", 0, 1, Some("sections[1].items[0].due"), 43, 26, "date '12-32' is invalid"),
    e("47-many-semantic-errors.ron", 0, 4, Some("sections[0].items[0].due"), 17, 26, "date '02-30' is invalid"),
    e("47-many-semantic-errors.ron", 1, 4, Some("sections[0].items[1].kind.target"), 25, 41, "count target '0' is invalid"),
    e("47-many-semantic-errors.ron", 2, 4, Some("sections[1].items[0].kind.target"), 40, 40, "rate target '150' is invalid"),
    e("47-many-semantic-errors.ron", 3, 4, Some("sections[1].items[1].title"), 47, 28, "'' is empty"),
    e("48-structural-errors-across-sections.ron", 0, 3, Some("sections[0].items[1].titel"), 23, 21, "unknown field 'titel'"),
    e("48-structural-errors-across-sections.ron", 1, 3, Some("sections[1].items[0].kind.target"), 40, 40, "rate target '0' is invalid"),
    e("48-structural-errors-across-sections.ron", 2, 3, Some("sections[1].items[1].ownr"), 48, 21, "unknown field 'ownr'"),
    e("49-kind-as-string.ron", 0, 1, Some("sections[0].items[0].kind"), 16, 27, "'\"Task\"' is not valid here; expected Task, Count(target: N), Rate(target: P) or Hours(target: H)"),
    e("50-unclosed-block-comment.ron", 0, 1, None, 7, 7, "block comment '/*' is never closed with '*/'"),
    e("51-invalid-escape.ron", 0, 1, Some("sections[1].title"), 34, 22, "invalid escape '\\q' in a string"),
    e("52-duplicate-field.ron", 0, 1, Some("sections[0].items[1].due"), 28, 21, "field 'due' is given twice"),
    e("53-crlf-error.ron", 0, 1, Some("sections[0].items[0].due"), 17, 26, "date '13-01' is invalid"),
    e("54-bom-error.ron", 0, 1, Some("id"), 1, 6, "id '年度' is invalid"),
    e("55-nul-byte.ron", 0, 1, Some("sections[1]"), 34, 24, "expected ',' or a closing bracket, found '\\u{0}'"),
    e("57-shape-error-with-other-errors.ron", 0, 4, Some("organisation"), 5, 5, "unknown field 'organisation'"),
    e("57-shape-error-with-other-errors.ron", 1, 4, Some("report.opening"), 7, 24, "unknown placeholder '{yaer}'; expected one of {year} {org} {title}"),
    e("57-shape-error-with-other-errors.ron", 2, 4, Some("sections[1].id"), 34, 17, "duplicate section id 'first-duty', already used by sections[0]"),
    e("57-shape-error-with-other-errors.ron", 3, 4, Some("sections[1].items[1].due"), 51, 26, "date 'next-12-31' is outside the checklist year"),
    e("58-rate-as-fraction.ron", 0, 1, Some("sections[1].items[0].kind.target"), 40, 40, "rate target '0.95' is invalid; expected a percentage from 1 to 100"),
    e("56-hours-template-rate.ron", 0, 1, Some("sections[1].items[1].report"), 52, 47, "placeholder '{rate}' has no value in an Hours item"),
    e("59-full-width-paren.ron", 0, 1, None, 2, 1, "a full-width parenthesis '（' here; RON takes only ASCII punctuation"),
    e("60-curly-quotes.ron", 0, 1, Some("title"), 3, 12, "a curly quote '“' here"),
    e("61-utf16-notepad.ron", 0, 1, None, 1, 1, "the file is UTF-16 (Notepad calls it \"Unicode\"), not UTF-8"),
    e("62-full-width-comma.ron", 0, 1, None, 2, 27, "a full-width comma '，' here"),
];

/// Help lines that must be there (the "did you mean" and the fix).
#[rustfmt::skip]
const HELP: &[(&str, usize, &str)] = &[
    ("03-gbk-encoded.ron", 0, "save the file as UTF-8 (not GBK)"),
    ("09-unknown-field-titel.ron", 0, "did you mean 'title'?"),
    ("10-unknown-field-organisation.ron", 0, "did you mean 'organization'?"),
    ("16-unknown-kind.ron", 0, "did you mean 'Count'? write Task, Count(target: 4)"),
    ("34-template-unknown-placeholder.ron", 0, "did you mean '{count}'?"),
    ("48-structural-errors-across-sections.ron", 2, "did you mean 'owner'?"),
    ("21-rate-over-100.ron", 0, "rates are percentages: 100 means 100%"),
    ("58-rate-as-fraction.ron", 0, "rates are percentages: write 95 for 95%, not 0.95"),
    ("59-full-width-paren.ron", 0, "type ( instead"),
    ("61-utf16-notepad.ron", 0, "in Notepad, Save As with the encoding set to UTF-8"),
];

/// The Chinese messages (the default language) for a few of the same files.
#[rustfmt::skip]
const CHINESE: &[(&str, usize, &str)] = &[
    ("01-empty-file.ron", 0, "文件为空"),
    ("59-full-width-paren.ron", 0, "此处是全角左括号 '（'"),
    ("61-utf16-notepad.ron", 0, "文件是 UTF-16 编码"),
    ("03-gbk-encoded.ron", 0, "文件不是有效的 UTF-8 文本：此处的字节 '\\xB2'"),
    ("04-missing-comma.ron", 0, "此处应为逗号或右括号，实际是 'kind'"),
    ("09-unknown-field-titel.ron", 0, "未知字段 'titel'，可用的字段："),
    ("11-missing-due.ron", 0, "缺少必填字段 'due'"),
    ("14-duplicate-item-across-sections.ron", 0, "事项 id 'party-meetings' 重复，sections[0].items[1] 已使用"),
    ("16-unknown-kind.ron", 0, "未知的类型 'Counter'"),
    ("21-rate-over-100.ron", 0, "比率目标 '120' 无效，应为 1 到 100 之间的百分数"),
    ("58-rate-as-fraction.ron", 0, "比率目标 '0.95' 无效，应为 1 到 100 之间的百分数"),
    ("25-impossible-date-full.ron", 0, "日期 '2024-02-30' 无效"),
    ("27-due-next-07-01.ron", 0, "日期 'next-07-01' 超出清单年度：应在 2024-01-01 至 2025-06-30 之间"),
    ("34-template-unknown-placeholder.ron", 0, "模板中的占位符 '{cnt}' 不存在"),
    ("35-template-topics-in-task.ron", 0, "占位符 '{topics}' 在 Task 类事项中没有取值"),
];

fn load_fixture(name: &str, lang: Lang) -> Result<Checklist, Vec<Diagnostic>> {
    let path = fixture("invalid").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    load(&bytes, name, 2024, lang)
}

fn errors(name: &str, lang: Lang) -> Vec<Diagnostic> {
    match load_fixture(name, lang) {
        Ok(_) => panic!("{name} loaded, but it is invalid"),
        Err(e) => e,
    }
}

/// No control characters (other than the newlines between lines) and no bidi overrides.
fn assert_terminal_safe(shown: &str) {
    assert!(
        !shown.chars().any(|c| c != '\n' && text::is_unsafe(c)),
        "raw control character in {shown:?}"
    );
}

#[test]
fn every_invalid_fixture_is_refused_exactly_as_listed() {
    let files = fixtures("invalid");
    assert!(files.len() >= 35, "only {} invalid fixtures", files.len());
    for file in &files {
        let name = file.file_name().unwrap().to_str().unwrap();
        assert!(
            ENGLISH.iter().any(|e| e.file == name),
            "{name} has no row in the table"
        );
    }
    for row in ENGLISH {
        let all = errors(row.file, Lang::En);
        let rendered: Vec<String> = all.iter().map(ToString::to_string).collect();
        assert_eq!(
            all.len(),
            row.count,
            "{}:\n{}",
            row.file,
            rendered.join("\n")
        );
        let d = &all[row.index];
        let shown = &rendered[row.index];
        assert!(
            d.message.contains(row.message),
            "{}: message {:?} lacks {:?}",
            row.file,
            d.message,
            row.message
        );
        assert_eq!(d.path.as_deref(), row.path, "{}: path", row.file);
        assert_eq!(
            (d.line, d.column),
            (row.line, row.column),
            "{}:\n{shown}",
            row.file
        );
        // The rendering names the place and puts a caret on the line shown.
        let place = format!("--> {}:{}:{}", row.file, row.line, row.column);
        assert!(shown.contains(&place), "{shown}");
        assert!(
            shown
                .lines()
                .any(|l| l.trim_start().starts_with("| ") && l.contains('^'))
        );
        assert_terminal_safe(shown);
        if let Some(path) = row.path {
            assert!(shown.starts_with(&format!("error: {path}: ")), "{shown}");
        }
    }
}

#[test]
fn quoted_values_are_underlined_where_they_are_written() {
    // The caret starts under the value, counted in display cells across the CJK before it.
    for (name, quoted) in [
        ("29-due-not-a-date.ron", "\"年底前\""),
        ("34-template-unknown-placeholder.ron", "{cnt}"),
        ("38-template-raw-string.ron", "{cnt}"),
        ("39-template-escapes-before-placeholder.ron", "{cnt}"),
        ("40-heading-count.ron", "{count}"),
        ("16-unknown-kind.ron", "Counter"),
    ] {
        let shown = errors(name, Lang::En)[0].to_string();
        let lines: Vec<&str> = shown.lines().collect();
        let code = lines[3];
        let caret = lines[4];
        let at = code
            .find(quoted)
            .unwrap_or_else(|| panic!("{name}: {code}"));
        assert_eq!(
            text::width(&code[..at]),
            caret.find('^').unwrap(),
            "{shown}"
        );
        assert_eq!(caret.matches('^').count(), text::width(quoted), "{shown}");
    }
}

#[test]
fn help_lines_suggest_the_fix() {
    for (name, index, help) in HELP {
        let all = errors(name, Lang::En);
        let got = all[*index].help.as_deref().unwrap_or("");
        assert!(got.contains(help), "{name}: help {got:?} lacks {help:?}");
        assert!(all[*index].to_string().contains(&format!("= help: {got}")));
    }
}

#[test]
fn chinese_is_the_default_language_of_messages() {
    for (name, index, message) in CHINESE {
        let all = errors(name, Lang::Zh);
        let d = &all[*index];
        assert!(
            d.message.contains(message),
            "{name}: {:?} lacks {message:?}",
            d.message
        );
        let shown = d.to_string();
        assert!(
            shown.starts_with("错误（") || shown.starts_with("错误："),
            "{shown}"
        );
        assert!(
            !shown.contains("错误:") && !shown.contains("提示:"),
            "{shown}"
        );
        // Positions do not depend on the language.
        let en = &errors(name, Lang::En)[*index];
        assert_eq!((d.line, d.column, &d.path), (en.line, en.column, &en.path));
    }
    let help = errors("09-unknown-field-titel.ron", Lang::Zh)[0].to_string();
    assert!(help.contains("= 提示：是否想写 'title'？"), "{help}");
    assert!(
        help.starts_with("错误（sections[0].items[1].titel）："),
        "{help}"
    );
}
