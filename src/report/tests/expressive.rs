//! What the unit's sentences can say: several items' figures in one clause, a month only,
//! two dates, an ordinal, a score and a grade, capped and tidy topics, the lead-in chosen or
//! switched off, and （一）（二） sections.

use super::{Book, body, day, flaw};

const SAY: &str = r#"(
    id: "say-2024",
    title: "清单",
    organization: "某省某厅",
    year: 2024,
    report: ( leader: "厅主要负责人", numbered: true, opening: "", closing: "" ),
    sections: [
        ( id: "lead", title: "强化组织领导", lead_in: "",
          clauses: [
            "召开厅党组会{party.count}次、厅长办公会{office.count}次，分别于{party.dates:md}研究部署法治建设工作",
            "{leader}于{plan.date:month}主持制定年度法治建设工作要点",
          ],
          items: [
            ( id: "party", title: "厅党组会专题研究法治建设", kind: Count(target: 2), due: "12-31" ),
            ( id: "office", title: "厅长办公会专题研究法治建设", kind: Count(target: 2), due: "12-31" ),
            ( id: "plan", title: "制定年度法治建设工作要点", kind: Task, due: "03-31" ),
          ]),
        ( id: "study", title: "强化学法用法", heading: "带头学法用法",
          items: [
            ( id: "center", title: "中心组学法", kind: Count(target: 4), due: "12-31",
              report: "组织中心组专题学法{count}次，学习了{topics:3}" ),
            ( id: "lecture", title: "法治讲座", kind: Count(target: 1), due: "12-31",
              report: "举办{year}年第{count:cn}期法治讲座，专题学习《{topics}》" ),
            ( id: "hearing", title: "旁听庭审", kind: Count(target: 1), due: "12-31",
              report: "组织旁听庭审{count}次（{evidence}）" ),
          ]),
        ( id: "assess", title: "考核", lead_in: "在法治政府建设考核中",
          items: [
            ( id: "score", title: "上年度法治政府建设考核结果", kind: Task, due: "06-30",
              report: "获得{note}" ),
          ]),
    ],
)"#;

fn book() -> Book {
    let mut b = Book::new(SAY);
    b.log("party", day(2024, 6, 30), "研究法治建设")
        .log("party", day(2024, 12, 27), "研究法治建设")
        .log("office", day(2024, 4, 2), "听取汇报")
        .log("office", day(2024, 9, 9), "听取汇报")
        .check("plan", day(2024, 7, 18));
    for (k, t) in [
        "《宪法》",
        "x",
        "宪法",
        "民法典。",
        "《行政复议法》",
        "《保密法》",
    ]
    .iter()
    .enumerate()
    {
        b.log("center", day(2024, 2 + k as i8, 1), t);
    }
    for k in 0..14 {
        b.log("lecture", day(2024, 1 + (k % 12) as i8, 15), "《宪法》");
    }
    b.log("lecture", day(2024, 12, 20), "民法典");
    b.log("hearing", day(2024, 5, 20), "旁听行政诉讼庭审");
    b.check("score", day(2024, 12, 31))
        .note("score", "93分、优秀等次");
    b
}

#[test]
fn one_clause_states_several_items_with_paired_dates_and_a_month() {
    let text = book().three(day(2025, 1, 15));
    assert!(
        text.contains(
            "召开厅党组会2次、厅长办公会2次，分别于6月30日和12月27日研究部署法治建设工作"
        ),
        "{text}"
    );
    assert!(
        text.contains("厅主要负责人于7月主持制定年度法治建设工作要点"),
        "{text}"
    );
    // The items the clauses state have no sentence of their own.
    assert_eq!(text.matches("厅党组会").count(), 1, "{text}");
}

#[test]
fn ordinals_scores_grades_and_tidy_topics() {
    let text = book().three(day(2025, 1, 15));
    for fact in [
        // Deduplicated across 《》, a trial entry dropped, a law's name made a title, capped.
        "组织中心组专题学法6次，学习了《宪法》《民法典》《行政复议法》等",
        // An ordinal in Chinese numerals; the template's own 《》 around the topics.
        "举办2024年第十五期法治讲座，专题学习《宪法》《民法典》",
        "在法治政府建设考核中，获得93分、优秀等次",
    ] {
        assert!(text.contains(fact), "missing {fact:?}:\n{text}");
    }
    // A value missing inside brackets takes the brackets along.
    assert!(text.contains("组织旁听庭审1次"), "{text}");
    assert!(!text.contains("（）"), "{text}");
    assert_eq!(flaw(&text), None, "{text}");
}

#[test]
fn sections_can_be_numbered_and_their_lead_in_chosen() {
    let text = book().three(day(2025, 1, 15));
    let lines = body(&text);
    assert_eq!(lines[0], "（一）强化组织领导", "{text}");
    assert!(lines[1].starts_with("一是召开厅党组会"), "{text}");
    assert_eq!(lines[2], "（二）带头学法用法", "{text}");
    assert!(lines[3].starts_with("在强化学法用法方面，一是"), "{text}");
    assert_eq!(lines[4], "（三）考核", "{text}");
}

#[test]
fn a_clause_whose_items_have_not_all_got_something_gives_way_to_their_own_sentences() {
    let mut b = Book::new(SAY);
    // No 厅长办公会 at all: the shared clause cannot be written, so the 党组会 states itself.
    b.log("party", day(2024, 6, 30), "研究法治建设");
    let text = b.three(day(2025, 1, 15));
    assert!(text.contains("厅党组会专题研究法治建设1次"), "{text}");
    assert!(!text.contains("厅长办公会"), "{text}");
    assert!(!text.contains("分别于"), "{text}");
    // No plan: the clause that only states it is left out, and nothing else claims it.
    assert!(!text.contains("工作要点"), "{text}");
    assert_eq!(flaw(&text), None, "{text}");
}
