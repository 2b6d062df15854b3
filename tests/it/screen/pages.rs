//! The pages over the main screen: the section-three preview and the review (risks, pace,
//! monthly bars, next year's first-quarter deadlines).

use super::*;

#[test]
fn the_summary_preview_opens_and_closes() {
    let mut s = with_progress(Lang::Zh, 80, 24);
    s.keys(&[ch('s')]);
    assert!(s.screen().contains("报告第三部分草稿"), "{}", s.screen());
    s.keys(&[ch('p')]);
    assert!(matches!(s.app.mode, Mode::Export { .. }));
    // (Exporting writes into the working directory: the terminal test does it.)
    s.keys(&[key(KeyCode::Esc), key(KeyCode::Esc)]);
    assert!(matches!(s.app.mode, Mode::Normal));
}

#[test]
fn review_view_lists_next_year_q1_deadlines() {
    let mut s = Screen::new(Lang::Zh, 100, 40);
    s.keys(&[ch('v')]);
    assert!(s.screen().contains("年终检视"));
    // The risks come first; the next year's deadlines are further down the page.
    s.keys(&[ch('G')]);
    let screen = s.screen();
    assert!(screen.contains("次年一季度截止事项"), "{screen}");
    assert!(screen.contains("2025-03-01"), "{screen}");
    s.keys(&[key(KeyCode::Esc)]);
    assert!(matches!(s.app.mode, Mode::Normal));
}

#[test]
fn review_view_draws_risks_pace_and_monthly_bars() {
    // The review's content comes from `review::*`; drawn here from a prepared value so the
    // view is checked whatever those functions return.
    let mut s = Screen::new(Lang::Zh, 100, 50);
    s.keys(&[ch('v')]);
    let review = s.app.review.as_mut().unwrap();
    let risk = duty::review::Risk {
        item: "study-plan".into(),
        title: "制定年度学法计划".into(),
        item_kind: Kind::Task,
        evidence: "学法计划文件".into(),
        kind: duty::review::RiskKind::Overdue,
        why: duty::review::Why::Overdue {
            left: duty::review::Left::Task,
        },
        due: date(2024, 3, 31),
        days_left: -241,
    };
    let advice = Lang::Zh
        .words()
        .risk_advice(&risk, duty::i18n::Surface::Screen);
    review.risks = vec![risk];
    review.pacing = vec![(
        "会前学法".into(),
        duty::i18n::screen::pace_line(
            Lang::Zh,
            7.0,
            12.0,
            duty::review::Pace {
                expected: 10.0,
                behind: 3.0,
            },
            Kind::Count { target: 12 },
        ),
    )];
    review.monthly.overall = [2, 1, 0, 0, 0, 0, 0, 0, 3, 0, 4, 0];
    review.monthly.items = vec![(
        "pre-meeting-study".into(),
        "会前学法".into(),
        [2, 1, 0, 0, 0, 0, 0, 0, 3, 0, 4, 0],
    )];
    s.keys(&[]);
    let screen = s.screen();
    assert!(
        advice.starts_with("已逾期241天（截止2024-03-31）"),
        "{advice}"
    );
    assert!(
        screen.contains("! 制定年度学法计划: 已逾期241天（截止2024-03-31）"),
        "{screen}"
    );
    assert!(screen.contains("7/12，按进度应为10，落后3次"), "{screen}");
    // November has the most entries: the longest bar; June none.
    let bar = |month: &str| {
        let line = screen
            .lines()
            .find(|l| l.contains(month))
            .unwrap()
            .to_string();
        line.matches('#').count()
    };
    assert_eq!(bar("│11月"), 40);
    assert_eq!(bar("│6月"), 0);
    assert!(
        screen.contains("  2  1  .  .  .  .  .  .  3  .  4  ."),
        "{screen}"
    );
}
