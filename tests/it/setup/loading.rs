//! Checklists that load: the valid fixtures, the shipped ones (the default complete, the
//! Heyuan example covering the report, the README's), oversized and very bad files refused
//! briefly, and what the benches' generator makes.

use super::*;

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
