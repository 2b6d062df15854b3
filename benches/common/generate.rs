//! Large, realistic checklist texts (and ledgers for them) for benchmarks and stress tests.
//! Dev-only: the benches include it as `common::generate`, the integration tests with
//! `#[path = "../../benches/common/generate.rs"] mod generate;`.
//!
//! The built-in checklist has about 25 items; loading, status and report code must stay fast
//! for a bureau-wide roll-up of thousands. [`generate_checklist`] writes such a file in the
//! real format, with all four kinds, Chinese titles, owners, evidence and report templates,
//! so that what is measured is what users load.

use std::fmt::Write;

use duty::checklist::{Checklist, Kind};
use duty::ledger::{Entry, Ledger};

/// Items per section, about what a real checklist groups under one heading.
const SECTION_SIZE: usize = 25;

const SECTIONS: [&str; 6] = [
    "第一责任人职责",
    "依法决策",
    "依法行政",
    "学法",
    "培训",
    "普法",
];

const OWNERS: [&str; 5] = ["办公室", "法规科", "人事科", "政务服务科", "数据资源科"];

const DUES: [&str; 6] = [
    "03-31",
    "06-30",
    "09-30",
    "12-31",
    "next-03-01",
    "2024-12-10",
];

/// One row per kind: title stem, kind as written, evidence, report template.
const SHAPES: [(&str, &str, &str, &str); 4] = [
    (
        "将法治建设纳入年度工作要点",
        "Task",
        "文件及文号",
        "于{date}{title}",
    ),
    (
        "党组会专题研究法治建设",
        "Count(target: 4)",
        "会议纪要、签到表",
        "主持召开会议{count}次，专题研究{topics}",
    ),
    (
        "国家工作人员学法考试参考率",
        "Rate(target: 100)",
        "考试平台导出名单",
        "{title}达{rate}（{numerator}/{denominator}人）",
    ),
    (
        "领导干部年度学法学时",
        "Hours(target: 20)",
        "学时证明",
        "全年学法{hours}学时，目标{target}学时",
    ),
];

/// A checklist of `items` items for `year` in RON, sections of 25 items each.
/// The result loads without errors for any `items` ≥ 1 and any year from 2000 to 2100
/// (the fixed `2024-12-10` due date is only used when `year` is 2024).
pub fn generate_checklist(items: usize, year: i16) -> String {
    let mut out = String::with_capacity(items * 420 + 1024);
    // Writing to a String cannot fail; the results are ignored for that reason only.
    let _ = writeln!(
        out,
        "// 生成的清单：{items} 个事项 / generated checklist: {items} items\n(\n    id: \"generated-{items}\",\n    title: \"法治建设年度清单（生成）\",\n    organization: \"河源市政务服务和数据管理局\",\n    year: {year},\n    report: (\n        heading: \"三、{{year}}年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况\",\n    ),\n    sections: ["
    );
    let sections = items.div_ceil(SECTION_SIZE).max(1);
    for s in 0..sections {
        let _ = writeln!(
            out,
            "        (\n            id: \"section-{s}\",\n            title: \"{}（{}）\",\n            items: [",
            SECTIONS[s % SECTIONS.len()],
            s + 1
        );
        let first = s * SECTION_SIZE;
        for i in first..(first + SECTION_SIZE).min(items) {
            let (stem, kind, evidence, report) = SHAPES[i % SHAPES.len()];
            let mut due = DUES[(i / SHAPES.len()) % DUES.len()];
            if due.starts_with("2024") && year != 2024 {
                due = "12-10";
            }
            let _ = writeln!(
                out,
                "                (\n                    id: \"item-{i}\",\n                    title: \"{stem}（第{n}项）\",\n                    description: \"按照《党政主要负责人履行推进法治建设第一责任人职责规定》落实。\",\n                    owner: \"{owner}\",\n                    kind: {kind},\n                    due: \"{due}\",\n                    evidence: \"{evidence}\",\n                    report: \"{report}\",\n                ),",
                n = i + 1,
                owner = OWNERS[i % OWNERS.len()],
            );
        }
        out.push_str("            ],\n        ),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// A ledger for `checklist` holding `entries` logged sessions, spread in turn over its
/// counted and hours items and over the first 300 days of its year, with Chinese topics and
/// evidence, as a year of a large bureau's work looks. Every entry passes the ledger's rules.
pub fn generate_ledger(checklist: &Checklist, entries: usize) -> Ledger {
    let year = checklist.year;
    let mut ledger = Ledger::new(&checklist.id, year);
    let loggable: Vec<(&str, bool)> = checklist
        .items()
        .filter_map(|(_, item)| match item.kind {
            Kind::Count { .. } => Some((item.id.as_str(), false)),
            Kind::Hours { .. } => Some((item.id.as_str(), true)),
            _ => None,
        })
        .collect();
    if loggable.is_empty() {
        return ledger;
    }
    let first = jiff::civil::Date::new(year, 1, 1).unwrap_or(jiff::civil::Date::MIN);
    for n in 0..entries {
        let (item, hours) = loggable[n % loggable.len()];
        let date = first
            .checked_add(jiff::Span::new().days((n % 300) as i64))
            .unwrap_or(first);
        ledger
            .items
            .entry(item.to_string())
            .or_default()
            .entries
            .push(Entry {
                id: format!("e{n:05}").into(),
                date,
                topic: format!("学习《中华人民共和国行政复议法》第{n}讲"),
                hours: hours.then_some(2.0),
                evidence: format!("政数〔{year}〕{n}号").into(),
                by: "张三".into(),
                presided: String::new(),
                attended: String::new(),
                linked: Vec::new(),
            });
    }
    ledger.seq = entries as u64;
    ledger
}
