//! Real published reports of other units, their facts recorded as ledgers against
//! checklists written in this project's own sentences (`tests/it/fixtures/report-cases/`):
//! each draft states every countable fact, in as many points as the real report makes,
//! with no clause an officer would delete.

use super::{Book, body, day, flaw, in_order, points};

/// 许昌市生态环境局, 2023: four points in one paragraph (per-item sentences made seven).
#[test]
fn xuchang_ecology_2023_in_its_four_points() {
    let mut b = Book::new(include_str!(
        "../../../tests/it/fixtures/report-cases/xuchang-sthjj-2023.ron"
    ));
    b.check("leading-group", day(2023, 2, 10))
        .check("annual-plan", day(2023, 2, 20))
        .check("study-plan", day(2023, 3, 6))
        .check("work-plan", day(2023, 3, 15))
        .note("work-plan", "10个方面35项目标任务");
    for month in [2, 4, 6, 9, 11] {
        b.log("hearings", day(2023, month, 8), "专题研究部署法治建设工作");
    }
    for t in [
        "《习近平法治思想学习纲要》",
        "《宪法》",
        "《民法典》",
        "《中华人民共和国环境保护法》",
    ] {
        b.log("center-group", day(2023, 5, 12), t);
    }
    b.log_n("monthly", 12, "法治建设工作进展");
    b.log(
        "demo-plans",
        day(2023, 6, 1),
        "《许昌市生态环境局法治政府建设示范市创建宣传工作实施方案》",
    )
    .log(
        "demo-plans",
        day(2023, 9, 1),
        "《许昌市生态环境局法治政府建设示范创建整改提升方案》",
    );
    let text = b.three(day(2024, 1, 20));
    let lines = body(&text);
    assert_eq!(lines.len(), 1, "{text}");
    assert_eq!(points(lines[0]), 4, "{text}");
    in_order(
        lines[0],
        &[
            "一是高度重视法治政府建设，局主要负责人担任法治政府建设工作领导小组组长",
            "5次带领领导班子专题听取汇报、研究部署法治建设工作",
            "将法治建设纳入2023年度工作计划",
            "二是抓好法律法规学习培训",
            "集体学习《习近平法治思想学习纲要》《宪法》《民法典》《中华人民共和国环境保护法》",
            "三是细化年度目标任务",
            "把我局牵头承担的10个方面35项目标任务逐项分解到责任单位",
            "召开月度会议12次",
            "四是推进法治政府建设示范创建，印发《许昌市生态环境局法治政府建设示范市创建宣传工作实施方案》《许昌市生态环境局法治政府建设示范创建整改提升方案》。",
        ],
    );
    assert!(!text.contains("报送"), "{text}");
    assert_eq!(flaw(&text), None, "{text}");
}

/// 威海市生态环境局, 2023: a numbered （一） section of two points, figures for five items
/// in one clause, the participants recorded as a note.
#[test]
fn weihai_ecology_2023_numbered_with_figures_in_one_clause() {
    let mut b = Book::new(include_str!(
        "../../../tests/it/fixtures/report-cases/weihai-sthjj-2023.ron"
    ));
    for month in [3, 7, 11] {
        b.log("party-research", day(2023, month, 16), "研究部署法治工作");
    }
    b.log("special-shufa", day(2023, 2, 21), "领导班子专题述法")
        .log("cg-congress", day(2023, 1, 10), "党的二十大精神")
        .log("cg-congress", day(2023, 3, 10), "党的二十大精神")
        .log("cg-xi", day(2023, 5, 10), "习近平法治思想")
        .log("cg-xi", day(2023, 10, 10), "习近平法治思想")
        .log("lecture", day(2023, 6, 20), "市委党校教授");
    for law in [
        "中华人民共和国黄河保护法",
        "中华人民共和国噪声污染防治法",
        "中华人民共和国海洋环境保护法",
    ] {
        b.log("law-training", day(2023, 8, 30), law);
    }
    b.note("law-training", "300余人");
    // The report itself was sent in January: after the year, never in its own text.
    b.check_with("report", day(2024, 1, 15), "威环发〔2024〕1号");
    let text = b.three(day(2024, 1, 20));
    let lines = body(&text);
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("2023年，局党组书记、局长切实履行"),
        "{text}"
    );
    assert_eq!(lines[1], "（一）压实法治建设责任");
    assert_eq!(points(lines[2]), 2, "{text}");
    in_order(
        lines[2],
        &[
            "一是加强组织领导，局党组研究部署法治工作3次，领导班子开展专题述法1次，局党组理论学习中心组集中学习党的二十大精神2次、学习习近平法治思想2次",
            "二是加强学习培训，邀请市委党校教授开展习近平法治思想专题培训",
            "组织全体干部职工300余人参加《中华人民共和国黄河保护法》《中华人民共和国噪声污染防治法》《中华人民共和国海洋环境保护法》等生态环境法律法规学习培训。",
        ],
    );
    for never in ["威环发", "2024年1月15日", "报告本年度"] {
        assert!(!text.contains(never), "{never:?} in {text}");
    }
    assert_eq!(flaw(&text), None, "{text}");
}

/// 浙江省交通运输厅, 2024: a 厅's report; the previous year's report sent and published in
/// this year are facts of this year, this year's is not; a topic list capped at one.
#[test]
fn zhejiang_transport_2024_a_departments_duties() {
    let mut b = Book::new(include_str!(
        "../../../tests/it/fixtures/report-cases/zhejiang-jtyst-2024.ron"
    ));
    b.check("first-topic", day(2024, 1, 8))
        .log_n("party", 12, "学习习近平总书记重要讲话精神")
        .log_n("center-group", 9, "理论学习")
        .log("study", day(2024, 2, 6), "《浙江省优化营商环境条例》");
    for (k, t) in [
        "《中华人民共和国行政复议法》",
        "民法典",
        "《浙江省综合交通运输条例》",
    ]
    .iter()
    .cycle()
    .take(10)
    .enumerate()
    {
        b.log("study", day(2024, 3 + (k % 9) as i8, 12), t);
    }
    b.check("submit-last", day(2024, 2, 26))
        .check("publish-last", day(2024, 3, 20))
        .check("exam", day(2024, 11, 15))
        .check("submit-this", day(2025, 2, 25));
    let text = b.three(day(2025, 3, 1));
    let lines = body(&text);
    assert_eq!(lines.len(), 1, "{text}");
    assert_eq!(points(lines[0]), 4, "{text}");
    in_order(
        lines[0],
        &[
            "厅主要负责人认真履行推进法治建设第一责任人职责，一是严格落实“第一议题”制度，主持召开厅党组会12次、理论中心组学习会9次",
            "二是厅领导班子和厅机关开展《浙江省优化营商环境条例》等学法活动11次",
            "三是按要求向交通运输部和省政府报送上年度法治政府部门建设情况，并在门户网站向社会公开",
            "四是组织机关公务员学法用法和年度法律知识考试。",
        ],
    );
    assert!(!text.contains("本年度法治政府部门建设情况"), "{text}");
    assert_eq!(flaw(&text), None, "{text}");
}
