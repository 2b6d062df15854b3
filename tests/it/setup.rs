//! Setting up: checklists validated (every malformed file in `fixtures/invalid/` refused
//! with the exact message, field path, line and column, through the library and, as whole
//! output in both languages, through `duty validate`), the valid ones and the shipped ones
//! loading, arbitrary input never panicking; `init`, `use`, `paths`, help and usage errors.

use std::path::PathBuf;

use duty::checklist::{BUILTIN_DEFAULT, Checklist, KindTag, MAX_CHECKLIST_BYTES, load};
use duty::diagnostic::Diagnostic;
use duty::i18n::Lang;
use duty::text;
use proptest::prelude::*;

use crate::generate::{generate_checklist, generate_ledger};
use crate::harness::{Home, LANGS, fixture, names, repo};

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

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = fixture(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

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

#[test]
fn valid_fixtures_load() {
    let files = fixtures("valid");
    assert!(files.len() >= 3);
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let name = file.display().to_string();
        let checklist =
            load(&bytes, &name, 2024, Lang::En).unwrap_or_else(|e| panic!("{name}:\n{}", e[0]));
        assert!(checklist.item_count() >= 1, "{name}");
    }
    // BOM and CRLF change nothing: the file equals the LF original.
    let dir = fixture("valid");
    let bom_crlf = std::fs::read(dir.join("01-bom-crlf.ron")).unwrap();
    let plain = String::from_utf8(bom_crlf[3..].to_vec())
        .unwrap()
        .replace("\r\n", "\n");
    let a = load(&bom_crlf, "a", 2024, Lang::En).unwrap();
    let b = load(plain.as_bytes(), "b", 2024, Lang::En).unwrap();
    assert_eq!(a, b);
    // Raw strings keep their quotes and `{{ }}` become literal braces.
    let raw = load(
        &std::fs::read(dir.join("02-raw-strings-and-comments.ron")).unwrap(),
        "raw",
        2024,
        Lang::En,
    )
    .unwrap();
    let item = raw.item("party-meetings").unwrap();
    assert_eq!(
        item.report.render(|_| "3".into()),
        "主持召开\"党组会议\"3次{注}"
    );
    // A file without a year follows the year it is loaded for.
    let minimal = load(
        &std::fs::read(dir.join("03-minimal.ron")).unwrap(),
        "m",
        2031,
        Lang::En,
    )
    .unwrap();
    assert_eq!((minimal.year, minimal.year_explicit), (2031, false));
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    // Not RON at all: had it been parsed, the error would be a syntax error.
    let bytes = vec![b'['; MAX_CHECKLIST_BYTES + 1];
    let all = load(&bytes, "huge.ron", 2024, Lang::En).unwrap_err();
    assert_eq!(all.len(), 1);
    assert!(
        all[0].message.starts_with("file too large (")
            && all[0]
                .message
                .contains(&format!("{} bytes)", MAX_CHECKLIST_BYTES + 1)),
        "{}",
        all[0].message
    );
    assert!(all[0].to_string().contains("huge.ron"), "{}", all[0]);
}

#[test]
fn thousands_of_bad_items_are_reported_briefly() {
    let text = generate_checklist(5_000, 2024).replace("due: \"12-31\"", "due: \"12-32\"");
    let all = load(text.as_bytes(), "many.ron", 2024, Lang::En).unwrap_err();
    assert!(
        all.len() > 50 && all.len() < 500,
        "{} diagnostics",
        all.len()
    );
    assert!(
        all.last()
            .unwrap()
            .message
            .ends_with("more errors not shown")
    );
    assert!(all[0].message.contains("date '12-32' is invalid"));
    // The same with a shape error first, so every item is re-parsed on its own.
    let text = text.replacen("title:", "titel:", 1);
    let all = load(text.as_bytes(), "many.ron", 2024, Lang::En).unwrap_err();
    assert!(all[0].message.contains("unknown field 'titel'"));
    assert!(
        all.last()
            .unwrap()
            .message
            .ends_with("more errors not shown")
    );
}

fn check_complete(checklist: &Checklist, name: &str) {
    for (_, item) in checklist.items() {
        assert!(
            !item.owner.trim().is_empty(),
            "{name}: {} has no owner",
            item.id
        );
        assert!(
            !item.evidence.trim().is_empty(),
            "{name}: {} has no evidence",
            item.id
        );
        assert!(
            !item.report.source().trim().is_empty(),
            "{name}: {} has no report",
            item.id
        );
        let due = item.due_date(checklist.year);
        assert!(due.year() == checklist.year || due.year() == checklist.year + 1);
    }
}

#[test]
fn the_default_checklist_is_complete() {
    for lang in [Lang::Zh, Lang::En] {
        let checklist = load(BUILTIN_DEFAULT.as_bytes(), "default.ron", 2026, lang)
            .unwrap_or_else(|e| panic!("{}", e[0]));
        let n = checklist.item_count();
        assert!((20..=35).contains(&n), "{n} items");
        check_complete(&checklist, "default");
        for tag in [KindTag::Task, KindTag::Count, KindTag::Rate, KindTag::Hours] {
            assert!(
                checklist.items().any(|(_, i)| i.kind.tag() == tag),
                "{tag:?}"
            );
        }
    }
}

#[test]
fn the_heyuan_example_loads_and_covers_the_report() {
    let path = repo("checklists/examples/heyuan-2024.ron");
    let bytes = std::fs::read(&path).unwrap();
    // Its year is written in the file, whatever year it is loaded in.
    let checklist =
        load(&bytes, "heyuan-2024.ron", 2030, Lang::Zh).unwrap_or_else(|e| panic!("{}", e[0]));
    assert_eq!(checklist.year, 2024);
    assert_eq!(checklist.organization, "河源市政务服务和数据管理局");
    check_complete(&checklist, "heyuan");
    let text: String = checklist
        .items()
        .map(|(_, i)| format!("{}{}", i.title, i.report.source()))
        .collect();
    for fact in [
        "党组会",
        "党组理论学习中心组",
        "网上学法考试",
        "法治建设工作领导小组",
        "年度工作计划",
        "听取",
        "年终述职",
        "学法计划",
        "法律顾问",
    ] {
        assert!(text.contains(fact), "the example says nothing about {fact}");
    }
    // Section three is Chinese prose: no ASCII punctuation leaks into any sentence.
    let sentences = checklist
        .items()
        .map(|(_, i)| i.report.source().to_string())
        .chain([
            checklist.report.opening.source().to_string(),
            checklist.report.closing.source().to_string(),
        ]);
    for sentence in sentences {
        // What the sentence prints: `{topics:3}` is a placeholder, not punctuation.
        let printed: String = sentence
            .split('{')
            .map(|part| part.split_once('}').map_or(part, |(_, after)| after))
            .collect();
        assert!(!printed.contains([',', ';', ':', '(', '"']), "{sentence}");
    }
    let heading = checklist.report.heading.render(|_| "2024".into());
    assert_eq!(
        heading,
        "三、2024年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况"
    );
}

/// RON-like text from a token alphabet: brackets, strings with CJK and escapes, idents that
/// are (and nearly are) field names, numbers, punctuation and comments.
fn ron_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("(".to_string()),
        Just(")".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("// 注释 \"引号\n".to_string()),
        Just("/* 块 ( */".to_string()),
        Just("r#\"原始\"字符串\"#".to_string()),
        Just("\"\\u{1b}\\u{202e}\"".to_string()),
        Just("\"{count}{cnt}{{\"".to_string()),
        prop::sample::select(vec![
            "id",
            "title",
            "organization",
            "year",
            "report",
            "sections",
            "items",
            "kind",
            "due",
            "start",
            "owner",
            "evidence",
            "carried_from",
            "Task",
            "Count",
            "Rate",
            "Hours",
            "target",
            "titel",
            "NaN",
            "inf",
            "heading",
        ])
        .prop_map(str::to_string),
        "-?[0-9]{1,25}(\\.[0-9]{1,3})?",
        "\"[a-z0-9\\-{}一-龥 ]{0,12}\"",
        "\"(next-)?[0-9]{2}-[0-9]{2}\"",
    ];
    prop::collection::vec(token, 0..120).prop_map(|tokens| tokens.concat())
}

/// A valid checklist with a few tokens replaced: mostly shape and semantic errors.
fn mutated() -> impl Strategy<Value = String> {
    let base = std::fs::read_to_string(fixture("valid/02-raw-strings-and-comments.ron")).unwrap();
    (0..base.len(), "[(),:\\[\\]\"{}a-z0-9 ]{0,6}").prop_map(move |(at, insert)| {
        let mut at = at;
        while !base.is_char_boundary(at) {
            at -= 1;
        }
        format!("{}{insert}{}", &base[..at], &base[at..])
    })
}

fn check_never_panics(bytes: &[u8]) -> Result<(), TestCaseError> {
    for lang in [Lang::Zh, Lang::En] {
        if let Err(all) = load(bytes, "fuzz\u{1b}.ron", 2024, lang) {
            prop_assert!(!all.is_empty());
            for d in all {
                let shown = d.to_string();
                prop_assert!(
                    !shown.chars().any(|c| c != '\n' && text::is_unsafe(c)),
                    "raw control character in {:?}",
                    shown
                );
                prop_assert!(d.line >= 1 && d.column >= 1);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_never_panics(&bytes)?;
    }

    #[test]
    fn ron_like_text_never_panics(src in ron_like()) {
        check_never_panics(src.as_bytes())?;
    }

    #[test]
    fn mutated_checklists_never_panic(src in mutated()) {
        check_never_panics(src.as_bytes())?;
    }
}

#[test]
fn the_readme_example_loads() {
    let readme = std::fs::read_to_string(repo("checklists/README.md")).unwrap();
    let start = readme.find("```ron\n").expect("a ```ron block") + "```ron\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let checklist = load(&readme.as_bytes()[start..end], "README.md", 2030, Lang::En)
        .unwrap_or_else(|e| panic!("{}", e[0]));
    assert_eq!((checklist.year, checklist.item_count()), (2024, 4));
    let hours = checklist.item("study-hours").unwrap();
    assert_eq!(hours.carried_from, Some(2023));
}

#[test]
fn validate_prints_ok_or_every_error_in_both_languages() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        for file in fixtures("valid") {
            h.duty(&[PathBuf::from("validate"), file]);
        }
        h.duty(&[PathBuf::from("validate"), repo("checklists/default.ron")]);
        for file in fixtures("invalid") {
            h.duty(&[PathBuf::from("validate"), file]).code(3);
        }
        h.duty(&["validate", "no-such-file.ron"]).code(4);
        snap!(h);
    }
}

#[test]
fn init_writes_the_default_and_never_replaces_a_file_unasked() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let file = h.root().join("mine.ron");
        h.duty(&["init".as_ref(), "--output".as_ref(), file.as_os_str()])
            .ok();
        let first = std::fs::read(&file).unwrap();
        assert_eq!(first, BUILTIN_DEFAULT.as_bytes());
        std::fs::write(&file, "// edited\n").unwrap();
        h.duty(&["init".as_ref(), "--output".as_ref(), file.as_os_str()])
            .code(4);
        assert_eq!(std::fs::read(&file).unwrap(), b"// edited\n");
        h.duty(&[
            "init".as_ref(),
            "--force".as_ref(),
            "-o".as_ref(),
            file.as_os_str(),
        ])
        .ok();
        assert_eq!(std::fs::read(&file).unwrap(), first);
        h.duty(&["validate".as_ref(), file.as_os_str()]).ok();
        // The default name, in the working directory.
        h.duty(&["init"]).ok();
        assert_eq!(
            std::fs::read(h.work().join("duty-checklist.ron")).unwrap(),
            first
        );
        snap!(h);
    }
}

#[test]
fn use_makes_a_checklist_active_and_paths_show_where_everything_lives() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["paths"]).ok();
        let text =
            BUILTIN_DEFAULT.replace("organization: \"本单位\"", "organization: \"某某市司法局\"");
        let file = h.write("unit.ron", text);
        h.duty(&["use".as_ref(), file.as_os_str()]).ok();
        let status = h.run(&["status"]);
        assert!(status.stdout.contains("某某市司法局"), "{}", status.stdout);
        h.duty(&["paths"]).ok();
        // A broken checklist is refused, and the active one stays.
        let bad = h.write("bad.ron", "(id: \"x\"");
        h.duty(&["use".as_ref(), bad.as_os_str()]).code(3);
        assert!(h.run(&["status"]).stdout.contains("某某市司法局"));
        // The settings file names it, absolutely.
        let settings = std::fs::read_to_string(h.config().join("settings.ron")).unwrap();
        let named = match crate::harness::windows_build() {
            // Z:\tmp\…\unit.ron, its backslashes doubled in a RON string.
            true => format!("Z:{}", file.display()).replace('/', "\\\\"),
            false => file.display().to_string(),
        };
        assert!(settings.contains(&named), "{settings}");
        snap!(h);
    }
}

#[test]
fn a_damaged_settings_file_is_said_and_never_replaced() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let settings = h.write("config/settings.ron", "(checklist: ");
        h.duty(&["status"]).code(4);
        let file = h.write("unit.ron", BUILTIN_DEFAULT);
        h.duty(&["use".as_ref(), file.as_os_str()]).code(4);
        assert_eq!(std::fs::read(&settings).unwrap(), b"(checklist: ");
        snap!(h);
    }
}

#[test]
fn checklist_text_reaching_the_terminal_is_escaped() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        // \u{1b} cannot be written raw into a valid checklist (titles refuse control
        // characters); it comes through an escape the validator must catch.
        let text = BUILTIN_DEFAULT.replace("title: \"会前学法\"", "title: \"会前学法\\u{1b}[2J\"");
        let file = h.write("evil.ron", text);
        let out = h.duty(&["--checklist".as_ref(), file.as_os_str(), "status".as_ref()]);
        out.code(3);
        assert!(out.stderr.contains("U+001B"), "{}", out.stderr);
        assert!(!out.stderr.contains('\x1b'));
        snap!(h);
    }
}

#[test]
fn usage_errors_exit_2_in_the_language_asked_for() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["--frobnicate"]).code(2);
        h.duty(&["frobnicate"]).code(2);
        h.duty(&["log", "center-group"]).code(2);
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "x",
            "--date",
            "2024-02-30",
        ])
        .code(2);
        h.duty(&["log", "center-group", "--topic", "x", "--date", "明天"])
            .code(2);
        h.duty(&["log", "study-hours", "--topic", "x", "--hours", "abc"])
            .code(2);
        h.duty(&["rate", "exam-pass", "46"]).code(2);
        h.duty(&["--year", "1999", "status"]).code(2);
        h.duty(&["--year", "二〇二四", "status"]).code(2);
        h.duty(&["due", "--within", "3x"]).code(2);
        snap!(h);
    }
    // A language duty does not speak is refused in Chinese, the default.
    let h = Home::new();
    h.duty(&["--lang", "fr", "status"]).code(2);
    h.duty(&["--lang", "en", "--lang", "zh", "status"]).code(2);
    let mut cmd = h.command();
    cmd.env("DUTY_LANG", "fr").arg("status");
    let out = crate::harness::Out::from(cmd.output().unwrap());
    out.code(2);
    assert!(out.stderr.starts_with("错误："), "{}", out.stderr);
    snap!("usage_errors_for_the_language_itself", h);
    // DUTY_TODAY and DUTY_NOW that cannot be read are usage errors too.
    let h = Home::new();
    let mut cmd = h.command();
    cmd.env("DUTY_TODAY", "6/1").arg("status");
    let out = crate::harness::Out::from(cmd.output().unwrap());
    out.code(2);
    assert!(out.stderr.contains("DUTY_TODAY"), "{}", out.stderr);
    let mut cmd = h.command();
    cmd.env_remove("DUTY_TODAY")
        .env("DUTY_NOW", "noon")
        .arg("status");
    let out = crate::harness::Out::from(cmd.output().unwrap());
    out.code(2);
    assert!(out.stderr.contains("DUTY_NOW"), "{}", out.stderr);
}

#[test]
fn every_command_has_help_in_one_language() {
    for (lang, commands_heading, usage) in [
        (Lang::Zh, "命令：", "用法：duty"),
        (Lang::En, "Commands:", "Usage: duty"),
    ] {
        let h = Home::in_lang(lang);
        let help = h.duty(&["--help"]);
        help.ok();
        let commands: Vec<String> = help
            .stdout
            .lines()
            .skip_while(|l| !l.starts_with(commands_heading))
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .filter_map(|l| l.split_whitespace().next())
            .filter(|c| *c != "help")
            .map(String::from)
            .collect();
        assert!(commands.len() >= 25, "{commands:?}");
        let has_chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for c in &commands {
            let out = h.run(&[c.as_str(), "--help"]);
            out.ok();
            assert!(out.stdout.contains(usage), "{c}: {}", out.stdout);
            match lang {
                Lang::Zh => {
                    for english in ["Usage", "Options", "Arguments", "Print help", "[default"] {
                        assert!(!out.stdout.contains(english), "{c}: {}", out.stdout);
                    }
                }
                Lang::En => assert!(!has_chinese(&out.stdout), "{c}: {}", out.stdout),
            }
            // `duty help COMMAND` says the same.
            assert_eq!(h.run(&["help", c.as_str()]).stdout, out.stdout, "{c}");
        }
        h.duty(&["log", "--help"]).ok();
        h.duty(&["due", "--help"]).ok();
        h.duty(&["--version"]).ok();
        snap!("every_command_has_help", h);
    }
}

#[test]
fn the_manual_and_completions_are_written_in_the_language() {
    let h = Home::new();
    let page = h.run(&["man"]);
    page.ok();
    assert!(page.stdout.starts_with(".TH DUTY 1"), "{}", page.stdout);
    assert!(page.stdout.contains(".SH \"命令\""), "{}", page.stdout);
    let en = h.run(&["--lang", "en", "man"]);
    assert!(en.stdout.contains(".SH \"COMMANDS\""), "{}", en.stdout);
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = h.run(&["completions", shell]);
        script.ok();
        assert!(script.stdout.contains("summary"), "{shell}");
    }
    h.duty(&["completions", "tcsh"]).code(2);
    snap!(h);
}

#[test]
fn a_home_without_anything_written_reads_the_builtin_checklist() {
    let h = Home::new();
    h.ok(&["status"]);
    h.ok(&["paths"]);
    // Reading writes nothing: no data or settings directory appears.
    assert_eq!(names(h.root()), ["work"]);
}

// The generator the benches and stress tests use makes files duty loads.

#[test]
fn ten_thousand_generated_items_load() {
    let text = generate_checklist(10_000, 2024);
    let checklist =
        load(text.as_bytes(), "generated", 2024, Lang::En).unwrap_or_else(|e| panic!("{}", e[0]));
    assert_eq!(checklist.item_count(), 10_000);
    assert_eq!(checklist.sections.len(), 400);
    for tag in [KindTag::Task, KindTag::Count, KindTag::Rate, KindTag::Hours] {
        assert!(checklist.items().any(|(_, i)| i.kind.tag() == tag));
    }
    assert!(text.len() < MAX_CHECKLIST_BYTES);
}

#[test]
fn generated_ledgers_pass_the_ledger_rules() {
    let text = generate_checklist(200, 2024);
    let checklist = load(text.as_bytes(), "generated", 2024, Lang::En).unwrap();
    let ledger = generate_ledger(&checklist, 1_000);
    assert_eq!(ledger.problem(&checklist), None);
    let logged: usize = ledger.items.values().map(|r| r.entries.len()).sum();
    assert_eq!(logged, 1_000);
    assert_eq!(ledger.seq, 1_000);
}

#[test]
fn small_and_other_years_load() {
    for (items, year) in [(1, 2030), (3, 2024), (26, 2000), (101, 2100)] {
        let text = generate_checklist(items, year);
        let c = load(text.as_bytes(), "generated", 2024, Lang::Zh)
            .unwrap_or_else(|e| panic!("{items} {year}: {}", e[0]));
        assert_eq!((c.item_count(), c.year), (items, year));
    }
}

#[test]
fn settings_are_shown_and_changed_and_the_name_is_who_changes() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.duty(&["settings"]).ok();
        h.duty(&["settings", "--name", "王五", "--ascii-borders", "on"])
            .ok();
        h.duty(&["settings"]).ok();
        h.ok(&[
            "log",
            "center-group",
            "--topic",
            "宪法",
            "--date",
            "2024-03-02",
        ]);
        let entry = &h.ledger(2024).items["center-group"].entries[0];
        assert_eq!(entry.by, "王五", "the settings' name, not the login");
        let cleared = h.duty(&["settings", "--name", ""]);
        cleared.ok();
        assert!(
            cleared.stdout.contains(crate::harness::USER) && !cleared.stdout.contains("王五"),
            "the account's name is shown again: {}",
            cleared.stdout
        );
        h.ok(&["note", "lectures", "x"]);
        assert_eq!(
            h.history(crate::harness::BUILTIN, 2024).records[1].by,
            crate::harness::USER
        );
        h.duty(&["settings", "--ascii-borders", "maybe"]).code(2);
        h.duty(&["history"]).ok();
        snap!(h);
    }
    // The language set there is the default; --lang still wins.
    let h = Home::new();
    h.ok(&["settings", "--language", "en"]);
    assert!(h.run(&["status"]).stdout.contains("Overall"));
    assert!(
        h.run(&["--lang", "zh", "status"])
            .stdout
            .contains("总体进度")
    );
}
