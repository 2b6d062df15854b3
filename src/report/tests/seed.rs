//! The seed: 河源市政务服务和数据管理局's published 2024 report
//! (`/work/shared/reference/000_e57765646851685d.txt`), its facts recorded as a ledger.
//! Its section 三 is one paragraph after the heading; the countable facts of its sections
//! 一、二 are 19 党组会, 12 党组理论学习中心组 sessions and a 参加率 of 100%.

use super::{Book, body, day, in_order, points};

const FIXTURE: &str = include_str!("../../../tests/it/fixtures/report/heyuan-2024.ron");

/// The 2024 facts as an officer would have logged them, and the report's own paperwork
/// in early 2025.
pub(super) fn seed() -> Book {
    let mut b = Book::new(FIXTURE);
    b.check_with("leading-group", day(2024, 3, 5), "河政数〔2024〕12号")
        .check("annual-plan", day(2024, 2, 28))
        .check("prior-year-shufa", day(2024, 1, 26));
    for (i, month) in [3, 6, 9, 12].into_iter().enumerate() {
        b.log(
            "progress-hearings",
            day(2024, month, 10 + i as i8),
            "听取法治政府建设工作推进情况汇报",
        );
    }
    b.log_n(
        "party-group-meetings",
        19,
        "传达学习习近平总书记重要讲话精神",
    );
    let topics = [
        "习近平法治思想",
        "《中华人民共和国保守国家秘密法》",
        "《网络数据安全管理条例》",
    ];
    for k in 0..12 {
        b.log("center-group", day(2024, 1 + k as i8, 20), topics[k % 3]);
    }
    b.rate("law-exam", 46, 46);
    // After the year: the 2024 述法 and the report's approval follow the report.
    b.check("year-end-report", day(2025, 1, 10))
        .check("report-approval", day(2025, 2, 18));
    b
}

#[test]
fn states_every_countable_fact_in_the_seeds_one_paragraph() {
    let b = seed();
    let text = b.three(day(2025, 2, 20));
    let lines = body(&text);
    assert_eq!(
        text.lines().next(),
        Some(
            "三、2024年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况"
        )
    );
    // The seed's shape: the heading, then one paragraph that opens with the leader's duty.
    assert_eq!(lines.len(), 1, "{text}");
    let p = lines[0];
    in_order(
        p,
        &[
            "2024年，我局主要负责人认真落实《党政主要负责人履行推进法治建设第一责任人职责规定》",
            "一是组建了以党组书记、局长担任组长，分管领导担任副组长，各科室及下属单位负责人为成员的法治建设工作领导小组",
            "二是将法治政府建设纳入2024年度工作计划",
            "三是累计召开党组会19次和党组理论学习中心组12次",
            "学习了习近平法治思想、《中华人民共和国保守国家秘密法》《网络数据安全管理条例》",
            "四是党组书记、局长定期听取本单位法治政府建设工作推进情况汇报4次",
            "五是组织全体干部参加2024年全市国家工作人员网上学法考试，参加率100%",
            "六是把履行推进法治政府建设第一责任人职责情况纳入年终述职内容。",
        ],
    );
    assert_eq!(points(p), 6, "{p}");
    // No clause an officer would delete: nothing about this report's own approval, no
    // second mention of a fact, no lead-in repeating the heading.
    for never in ["审定", "2025年", "在领导责任方面", "在学法用法方面", "0次"] {
        assert!(!p.contains(never), "{never:?} in {p}");
    }
    assert_eq!(p.matches("19次").count(), 1);
    assert_eq!(p.matches("纳入年终述职").count(), 1);
}

#[test]
fn its_section_five_and_shufa_report_come_from_the_same_record() {
    let b = seed();
    // Every target met: section five says so to the officer instead of inventing one.
    let five = b.five(day(2025, 2, 20));
    assert!(
        five.starts_with("五、2024年度推进法治政府建设存在的不足和原因"),
        "{five}"
    );
    assert!(five.contains("请结合本单位实际补充"), "{five}");
    let shufa = b.shufa(day(2025, 2, 20));
    in_order(
        &shufa,
        &[
            "河源市政务服务和数据管理局党组书记、局长2024年度述法报告",
            "一、履职情况",
            "一是组建了以本人担任组长",
            "累计召开党组会19次和党组理论学习中心组12次",
            "本人定期听取本单位法治政府建设工作推进情况汇报4次",
            "参加率100%",
            "二、存在的不足",
            "三、下一步打算",
        ],
    );
    assert!(!shufa.contains("审定"), "{shufa}");
}
