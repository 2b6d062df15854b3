//! The report's texts refused as they should be: every file in
//! `tests/it/fixtures/report-invalid/` gives one error at the file, line and column listed,
//! on the field, quoting the bad value, with the fix; and the text linter's warnings on a
//! checklist that loads, placed the same way.

use super::{BUILTIN_DEFAULT, lint, load};
use crate::i18n::Lang;

struct Bad {
    file: &'static str,
    path: &'static str,
    line: usize,
    column: usize,
    message: &'static str,
    help: &'static str,
}

const fn bad(
    file: &'static str,
    path: &'static str,
    line: usize,
    column: usize,
    message: &'static str,
    help: &'static str,
) -> Bad {
    Bad {
        file,
        path,
        line,
        column,
        message,
        help,
    }
}

#[rustfmt::skip]
const BAD: &[Bad] = &[
    bad("01-clause-unknown-item.ron", "sections[0].clauses[0]", 12, 30, "'{party-meeting…}' in the clause names no item 'party-meeting'", "did you mean 'party-meetings'?"),
    bad("02-clause-placeholder-not-of-kind.ron", "sections[0].clauses[0]", 12, 31, "item 'annual-plan' is a Task item: '{annual-plan.count}' has no value; expected one of {annual-plan.title}", "{annual-plan} gives the item's whole sentence"),
    bad("03-topics-cap-zero.ron", "sections[0].items[0].report", 15, 31, "invalid format in '{topics:0}'; '{topics:…}' takes 1, 2, 3", "{topics:3} lists at most three topics"),
    bad("04-count-as-month.ron", "sections[0].items[0].report", 15, 30, "invalid format in '{count:month}'; '{count:…}' takes cn", "literal braces"),
    bad("05-item-names-another-item.ron", "sections[0].items[0].report", 15, 30, "'{center.count}' names another item, which only a section's clauses may", "literal braces"),
    bad("06-short-in-report.ron", "sections[0].items[0].report", 15, 41, "placeholder '{short}' is only for section-five sentences (shortfall)", "literal braces"),
    bad("07-no-cases-on-count.ron", "sections[0].items[0].no_cases", 15, 29, "no_cases is only for Rate items; this is a Count item", "remove no_cases, or make the item a Rate"),
    bad("08-if-short-unknown.ron", "sections[0].items[0].if_short", 15, 29, "if_short 'Skip' is invalid; expected one of 'State', 'Omit'", "Omit: it is left out of section three"),
    bad("09-follows-report-string.ron", "sections[0].items[0].follows_report", 15, 35, "'\"yes\"' is not valid here; expected true or false", ""),
    bad("10-title-with-format.ron", "sections[0].items[0].report", 15, 28, "placeholder '{title}' takes no format; write '{title}' instead of '{title:3}'", "literal braces"),
    bad("11-sentence-with-format.ron", "sections[0].clauses[0]", 12, 25, "'{exam:3}' is item 'exam''s whole sentence, which takes no format", "literal braces"),
    bad("12-lead-in-names-item.ron", "sections[0].lead_in", 12, 24, "'{party-meetings.count}' names another item", "literal braces"),
    bad("13-report-title-count.ron", "report.title", 7, 35, "placeholder '{count}' has no value in report text; expected one of {year} {org} {title} {leader}", "literal braces"),
    bad("14-five-general-unclosed.ron", "report.section_five.general[0]", 7, 43, "'{' in '{year年法治宣传的深度和广度有待加强' is never closed", "literal braces"),
    bad("15-shufa-plan-unknown.ron", "report.shufa.plans[0]", 7, 34, "unknown placeholder '{leaderr}'", "did you mean '{leader}'?"),
    bad("16-shortfall-rate-on-count.ron", "sections[0].items[0].shortfall", 15, 35, "placeholder '{rate}' has no value in a Count item", "literal braces"),
    bad("17-numbered-not-bool.ron", "report.numbered", 7, 25, "'1' is not valid here; expected true or false", ""),
];

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/it/fixtures/report-invalid/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_bad_report_text_is_refused_where_it_is_written() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/it/fixtures/report-invalid"
    );
    let files = std::fs::read_dir(dir).unwrap().count();
    assert_eq!(files, BAD.len(), "every fixture has a row");
    for b in BAD {
        let src = fixture(b.file);
        let errors = load(src.as_bytes(), b.file, 2024, Lang::En).expect_err(b.file);
        assert_eq!(errors.len(), 1, "{}: {errors:#?}", b.file);
        let d = &errors[0];
        let shown = d.to_string();
        assert_eq!(d.path.as_deref(), Some(b.path), "{}:\n{shown}", b.file);
        assert_eq!(
            (d.line, d.column),
            (b.line, b.column),
            "{}:\n{shown}",
            b.file
        );
        assert!(d.message.contains(b.message), "{}:\n{shown}", b.file);
        assert!(
            d.help.as_deref().unwrap_or("").contains(b.help),
            "{}:\n{shown}",
            b.file
        );
        assert!(shown.contains(&format!("--> {}:{}:{}", b.file, b.line, b.column)));
        assert!(!d.warning);
        // And in Chinese, the default language.
        let zh = load(src.as_bytes(), b.file, 2024, Lang::Zh).expect_err(b.file);
        assert!(zh[0].to_string().starts_with("错误（"), "{}", zh[0]);
    }
}

#[test]
fn the_linter_warns_with_file_line_column_and_the_fix() {
    let src = r#"(
    id: "lint",
    title: "清单",
    organization: "某局",
    year: 2024,
    sections: [
        ( id: "s", title: "学法", items: [
            ( id: "a", title: "聘请法律顾问", kind: Count(target: 1), due: "12-31",
              report: "聘请法律顾问{count}次" ),
            ( id: "b", title: "学法考试参考率", kind: Rate(target: 100), due: "12-31",
              report: "参考率{rate}%" ),
            ( id: "c", title: "学法学时", kind: Hours(target: 20), due: "12-31",
              report: "学时{hours}学时,专题学习《《宪法》、民法典》" ),
            ( id: "d", title: "中心组学习等等", kind: Count(target: 1), due: "12-31" ),
        ]),
    ],
)"#;
    let c = load(src.as_bytes(), "lint.ron", 2024, Lang::En)
        .expect("a checklist that reads wrong still loads");
    let warnings = lint::lint_file(src, "lint.ron", &c, Lang::En);
    let got: Vec<(String, usize, usize, String, String)> = warnings
        .iter()
        .map(|d| {
            assert!(d.warning && d.to_string().starts_with("warning: "), "{d}");
            (
                d.path.clone().unwrap_or_default(),
                d.line,
                d.column,
                d.message.clone(),
                d.help.clone().unwrap_or_default(),
            )
        })
        .collect();
    let want = [
        (
            "sections[0].items[0].report",
            9,
            37,
            "people are counted in 次",
            "write '名' instead of '次'",
        ),
        (
            "sections[0].items[1].report",
            11,
            27,
            "'{rate}%' prints % twice",
            "write '{rate}' instead of '{rate}%'",
        ),
        (
            "sections[0].items[2].report",
            13,
            24,
            "the unit 学时 is written twice",
            "write '{hours}学时' instead of '学时{hours}学时'",
        ),
        (
            "sections[0].items[2].report",
            13,
            35,
            "ASCII punctuation ','",
            "write '，' instead of ','",
        ),
        (
            "sections[0].items[2].report",
            13,
            40,
            "the mark '《《' is doubled",
            "write '《' instead of '《《'",
        ),
        (
            "sections[0].items[2].report",
            13,
            49,
            "'》' has no '《' before it",
            "add the '《', or delete '》'",
        ),
        (
            "sections[0].items[3].title",
            14,
            37,
            "'等等' repeats 等",
            "write '等' instead of '等等'",
        ),
    ];
    assert_eq!(got.len(), want.len(), "{warnings:#?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1, g.2), (w.0, w.1, w.2), "{g:?}");
        assert!(g.3.contains(w.3), "{g:?}");
        assert!(g.4.contains(w.4), "{g:?}");
    }
}

#[test]
fn the_shipped_checklists_read_clean() {
    for (name, src) in [
        ("default.ron", BUILTIN_DEFAULT),
        (
            "heyuan-2024.ron",
            include_str!("../../checklists/examples/heyuan-2024.ron"),
        ),
    ] {
        let c = load(src.as_bytes(), name, 2024, Lang::Zh).expect(name);
        let warnings = lint::lint_file(src, name, &c, Lang::Zh);
        assert!(warnings.is_empty(), "{name}: {warnings:#?}");
    }
}
