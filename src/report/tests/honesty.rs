//! True by default: work below target is stated with its real figures (and in section
//! five); a rate never rounds up into its target; a rate with no cases reads so; duties
//! that follow the report never appear in it, nor among its shortfalls before they fall
//! due.

use super::{Book, body, day, flaw, in_order};

/// The issue's own example: 中心组 11 of 12, 会前学法 10 of 12, 30.5 of 40 学时, an exam of
/// 56/57, a review rate of 2499/2500; the 2025 report's approval, submission, publication
/// and the Q1 述法 marked as following the report.
const SHORT: &str = r#"(
    id: "short-2025",
    title: "清单",
    organization: "某市某局",
    year: 2025,
    report: ( leader: "局党组书记、局长" ),
    sections: [
        ( id: "study", title: "学法", lead_in: "", items: [
            ( id: "center-group", title: "党组理论学习中心组法治专题学习", kind: Count(target: 12), due: "12-31",
              report: "组织党组理论学习中心组开展法治专题学习{count}次" ),
            ( id: "pre-meeting", title: "会前学法", kind: Count(target: 12), due: "12-31",
              report: "坚持会前学法制度，全年开展会前学法{count}次" ),
            ( id: "hours", title: "党组理论学习中心组集体学法学时", kind: Hours(target: 40), due: "12-31",
              report: "中心组集体学法{hours}学时" ),
            ( id: "exam", title: "学法考试参考率", kind: Rate(target: 100), due: "12-31",
              report: "组织全体干部参加学法考试，参考率{rate}" ),
            ( id: "review", title: "重大行政决策合法性审查率", kind: Rate(target: 100), due: "12-31",
              report: "重大行政决策合法性审查率{rate}" ),
            ( id: "court", title: "行政机关负责人出庭应诉率", kind: Rate(target: 100), due: "12-31",
              report: "行政机关负责人出庭应诉率{rate}", no_cases: "本年度未发生行政诉讼案件" ),
            ( id: "filing", title: "行政规范性文件报备率", kind: Rate(target: 100), due: "12-31",
              report: "行政规范性文件报备率{rate}" ),
            ( id: "hearing", title: "组织旁听庭审", kind: Count(target: 1), due: "12-31",
              report: "组织领导干部旁听庭审{count}次", if_short: Omit ),
        ]),
        ( id: "paperwork", title: "年度报告", lead_in: "", items: [
            ( id: "approve", title: "审定本年度法治政府建设年度报告", kind: Task, due: "next-02-25",
              report: "于{date}主持审定本年度法治政府建设年度报告", follows_report: true ),
            ( id: "submit", title: "报送年度报告", kind: Task, due: "next-03-01",
              report: "报送法治政府建设年度报告", follows_report: true ),
            ( id: "publish", title: "公开年度报告", kind: Task, due: "next-03-31",
              report: "向社会公开年度报告", follows_report: true ),
            ( id: "shufa", title: "年终述法", kind: Task, due: "next-03-31",
              report: "开展年终述法", follows_report: true ),
            ( id: "plan", title: "将法治建设纳入年度工作要点", kind: Task, due: "03-31",
              report: "将法治建设纳入年度工作要点" ),
        ]),
    ],
)"#;

fn short_year() -> Book {
    let mut b = Book::new(SHORT);
    b.log_n("center-group", 11, "习近平法治思想")
        .log_n("pre-meeting", 10, "《中华人民共和国行政复议法》")
        .hours("hours", day(2025, 3, 1), "集体学法", 20.5)
        .hours("hours", day(2025, 9, 1), "集体学法", 10.0)
        .rate("exam", 56, 57)
        .rate("review", 2499, 2500)
        .rate("court", 0, 0)
        .rate("filing", 7, 7)
        .check("plan", day(2025, 2, 20));
    b
}

#[test]
fn work_below_target_is_stated_with_its_real_figures() {
    let b = short_year();
    let text = b.three(day(2025, 12, 20));
    for fact in [
        "组织党组理论学习中心组开展法治专题学习11次",
        "全年开展会前学法10次",
        "中心组集体学法30.5学时",
        "参考率98.2%",
        "行政规范性文件报备率100%",
    ] {
        assert!(text.contains(fact), "missing {fact:?}:\n{text}");
    }
    // Left out by choice: an item short of target that says `if_short: Omit`.
    assert!(!text.contains("旁听庭审"), "{text}");
    assert_eq!(flaw(&text), None, "{text}");
}

#[test]
fn a_rate_short_of_its_target_never_reads_as_the_target() {
    let b = short_year();
    let text = b.three(day(2025, 12, 20));
    assert!(text.contains("重大行政决策合法性审查率99.9%"), "{text}");
    assert!(!text.contains("审查率100%"), "{text}");
    let five = b.five(day(2025, 12, 20));
    assert!(
        five.contains("重大行政决策合法性审查率为99.9%（2499/2500），未达到100%的目标"),
        "{five}"
    );
}

#[test]
fn a_rate_with_no_cases_reads_so_and_is_no_shortfall() {
    let b = short_year();
    let text = b.three(day(2025, 12, 20));
    assert!(text.contains("本年度未发生行政诉讼案件"), "{text}");
    assert!(!text.contains("出庭应诉率0%"), "{text}");
    assert!(!b.five(day(2025, 12, 20)).contains("出庭应诉"));
}

#[test]
fn duties_that_follow_the_report_are_never_in_it() {
    let mut b = short_year();
    // December: not yet due, so neither facts nor shortfalls.
    let december = day(2025, 12, 20);
    for text in [b.three(december), b.five(december), b.shufa(december)] {
        for never in ["审定", "报送", "公开年度报告", "年终述法"] {
            assert!(!text.contains(never), "{never:?} in:\n{text}");
        }
    }
    // Done in February 2026: still not in the 2025 report.
    b.check("approve", day(2026, 2, 18))
        .check("submit", day(2026, 2, 26));
    let text = b.three(day(2026, 2, 27));
    assert!(!text.contains("2026年2月18日"), "{text}");
    assert!(!text.contains("审定"), "{text}");
    // Past its due date and not done, a duty of the report's own process is a shortfall.
    let late = b.five(day(2026, 4, 10));
    assert!(late.contains("公开年度报告尚未完成"), "{late}");
    assert!(!late.contains("审定本年度"), "{late}");
}

#[test]
fn an_item_due_next_year_follows_the_report_unless_the_checklist_says_not() {
    let src = r#"(
        id: "next", title: "清单", organization: "某局", year: 2025,
        sections: [ ( id: "s", title: "年度报告", lead_in: "", items: [
            ( id: "approve", title: "审定年度报告", kind: Task, due: "next-02-25",
              report: "于{date}主持审定年度报告" ),
            ( id: "kept", title: "年终述法", kind: Task, due: "next-01-31",
              report: "于{date}开展年终述法", follows_report: false ),
        ]) ],
    )"#;
    let mut b = Book::new(src);
    assert!(b.c.item("approve").unwrap().follows_report);
    assert!(!b.c.item("kept").unwrap().follows_report);
    b.check("approve", day(2026, 2, 18))
        .check("kept", day(2026, 1, 20));
    let text = b.three(day(2026, 2, 27));
    assert!(!text.contains("审定"), "{text}");
    assert!(text.contains("于2026年1月20日开展年终述法"), "{text}");
}

#[test]
fn section_five_states_the_real_shortfalls_in_order() {
    let b = short_year();
    let five = b.five(day(2025, 12, 20));
    let lines = body(&five);
    assert_eq!(lines.len(), 1, "{five}");
    in_order(
        lines[0],
        &[
            // Before the year ends a count stands as of now, not as the year's result.
            "一是党组理论学习中心组法治专题学习截至目前开展11次，年度目标为12次",
            "二是会前学法截至目前开展10次，年度目标为12次",
            "三是党组理论学习中心组集体学法累计30.5学时，距40学时的年度目标尚差9.5学时",
            "四是学法考试参考率为98.2%（56/57），未达到100%的目标",
            "五是重大行政决策合法性审查率为99.9%（2499/2500）",
            "六是组织旁听庭审截至目前尚未开展，年度目标为1次",
        ],
    );
    assert_eq!(flaw(&five), None, "{five}");
    let after = b.five(day(2026, 1, 15));
    in_order(
        body(&after)[0],
        &[
            "一是党组理论学习中心组法治专题学习全年开展11次，未达到12次的年度目标",
            "二是会前学法全年开展10次，未达到12次的年度目标",
            "六是组织旁听庭审全年未开展，年度目标为1次",
        ],
    );
}

#[test]
fn the_todo_list_stays_for_the_officer() {
    let b = short_year();
    let today = day(2025, 12, 20);
    let three = b.three(today);
    assert!(!three.contains("待办"), "{three}");
    let with = b.render(
        super::Document::Summary,
        super::Format::Text,
        today,
        super::Options {
            todo: true,
            ..Default::default()
        },
    );
    in_order(
        &with,
        &[
            "待办事项（供经办人核对，不写入报告）：",
            "党组理论学习中心组法治专题学习：已登记11次，目标12次，还差1次",
            "审定本年度法治政府建设年度报告：尚未完成；2026年2月25日到期（报告印发后办理）",
        ],
    );
    // The screen shows the officer everything.
    let screen = super::super::section_three(&b.input(today, crate::i18n::Lang::Zh));
    in_order(&screen, &["三、", "五、", "待办事项"]);
}
