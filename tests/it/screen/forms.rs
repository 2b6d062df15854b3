//! The forms: ticking and logging saved at once, the log form with Chinese (and the real
//! cursor after it), errors beside the fields as they are typed, the rate, note and evidence
//! forms, and pasted text.

use super::*;

#[test]
fn ticking_and_logging_are_saved_at_once() {
    let s = with_progress(Lang::Zh, 80, 24);
    let disk = s.disk();
    assert!(disk.record("annual-plan").unwrap().done.is_some());
    let entries = &disk.record("party-meetings").unwrap().entries;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].topic, "学习宪法修正案");
    assert_eq!(entries[0].date, date(2024, 11, 27));
    assert_eq!(entries[0].by, "张三");
    assert!(s.app.pending.is_empty());
    // The status line says so at once (a later key clears it).
    let mut s = s;
    s.keys(&[ch('j'), ch(' ')]);
    assert!(s.screen().contains("已保存"), "{}", s.screen());
}

fn log_form(lang: Lang) -> Screen {
    let mut s = Screen::new(lang, 80, 24);
    let keys = cat(&[&[ch('j'), ch('j'), ch('a')], &text("学习宪法")]);
    s.keys(&keys);
    s
}

#[test]
fn log_form_with_chinese_zh() {
    let s = log_form(Lang::Zh);
    assert_snap!(s.screen());
}

#[test]
fn log_form_with_chinese_en() {
    let s = log_form(Lang::En);
    assert_snap!(s.screen());
}

#[test]
fn the_real_cursor_sits_after_the_typed_chinese() {
    let mut s = log_form(Lang::Zh);
    let screen = s.screen();
    let y = row_of(&screen, "主题");
    // Where the typed text starts, in cells, from the buffer itself; it is 8 cells wide.
    let buf = s.term.backend().buffer();
    let start = (0..buf.area.width)
        .find(|&x| buf[(x, y)].symbol() == "学")
        .unwrap();
    let x = usize::from(start) + duty::text::width("学习宪法");
    let pos = s.term.backend_mut().get_cursor_position().unwrap();
    assert_eq!((pos.x, pos.y), (x as u16, y));
    // Moving left over one wide glyph moves the cursor two cells.
    s.keys(&[key(KeyCode::Left)]);
    let pos = s.term.backend_mut().get_cursor_position().unwrap();
    assert_eq!(pos.x, x as u16 - 2);
}

#[test]
fn log_form_shows_errors_next_to_fields_as_you_type() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    // The study-hours item: date, topic, hours, evidence.
    let keys = cat(&[
        &[ch('/')],
        &text("学时"),
        &[
            key(KeyCode::Enter),
            ch('a'),
            ctrl('u'),
            key(KeyCode::BackTab),
            ctrl('u'),
        ],
        &text("2024-02-30"),
        &[key(KeyCode::Tab), key(KeyCode::Tab)],
        &text("250"),
    ]);
    s.keys(&keys);
    let screen = s.screen();
    assert!(screen.contains("没有这一天，请核对月和日"), "{screen}");
    assert!(screen.contains("学时应为大于0且不超过200的数"), "{screen}");
    // The topic was never typed in: it is only scolded once saving is tried.
    assert!(!screen.contains("主题不能为空"), "{screen}");
    // Enter with errors saves nothing and keeps the form.
    s.keys(&[key(KeyCode::Enter)]);
    assert!(s.screen().contains("主题不能为空"), "{}", s.screen());
    assert!(matches!(s.app.mode, Mode::Form(_)));
    assert!(!s.home.paths(2024).dir.exists(), "nothing written");
}

#[test]
fn a_new_form_does_not_scold_an_empty_field() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.keys(&cat(&[
        &[ch('/')],
        &text("学时"),
        &[key(KeyCode::Enter), ch('a')],
    ]));
    let screen = s.screen();
    assert!(matches!(s.app.mode, Mode::Form(_)));
    assert!(!screen.contains("主题不能为空"), "{screen}");
    // Trying to save says what is missing.
    s.keys(&[key(KeyCode::Enter)]);
    assert!(s.screen().contains("主题不能为空"), "{}", s.screen());
}

#[test]
fn rate_note_and_evidence_forms_save() {
    let mut s = Screen::new(Lang::En, 80, 24);
    let keys = cat(&[
        &[ch('/')],
        &text("考试参考率"),
        &[key(KeyCode::Enter), ch('r'), ctrl('u')],
        &text("46"),
        &[key(KeyCode::Tab), ctrl('u')],
        &text("46"),
        &[key(KeyCode::Enter), ch('n')],
        &text("全员参加"),
        &[key(KeyCode::Enter), ch('e')],
        &text("成绩单"),
        &[key(KeyCode::Enter)],
    ]);
    s.keys(&keys);
    let disk = s.disk();
    let r = disk.record("exam-participation").unwrap();
    assert_eq!(
        r.rate.as_ref().map(|r| (r.numerator, r.denominator)),
        Some((46, 46))
    );
    assert_eq!(r.note, "全员参加");
    assert_eq!(r.evidence, "成绩单");
}

#[test]
fn pasted_chinese_lands_in_the_field_without_control_characters() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.run(vec![
        Some(ch('j')),
        Some(ch('j')),
        Some(ch('a')),
        Some(Event::Paste(
            "《中华人民共和国保守国家秘密法》\x1b[2J\n学习".into(),
        )),
        Some(key(KeyCode::Enter)),
    ]);
    let disk = s.disk();
    let e = &disk.record("party-meetings").unwrap().entries[0];
    assert_eq!(e.topic, "《中华人民共和国保守国家秘密法》[2J 学习");
}

/// Tab, `n` times: on to the `n`th field after.
fn tabs(n: usize) -> Vec<Event> {
    vec![key(KeyCode::Tab); n]
}

/// Open the log form on the item `search` finds first, with `keys` typed into it from the
/// topic on, and save.
fn log_from_the_screen(lang: Lang, w: u16, h: u16, search: &str, keys: &[Event]) -> Screen {
    let mut s = Screen::new(lang, w, h);
    s.keys(&cat(&[
        &[ch('/')],
        &text(search),
        &[key(KeyCode::Enter), ch('a')],
        keys,
        &[key(KeyCode::Enter)],
    ]));
    s
}

#[test]
fn a_session_logged_from_the_screen_keeps_who_presided_and_who_attended() {
    for lang in [Lang::Zh, Lang::En] {
        // 中心组 counts sessions: date, topic, evidence, presided, attended, also.
        // Wide and tall enough for the details to list the entry on one line.
        let s = log_from_the_screen(
            lang,
            240,
            40,
            "中心组",
            &cat(&[
                &text("学习宪法"),
                &tabs(1),
                &text("会议纪要"),
                &tabs(1),
                &text("张局长"),
                &tabs(1),
                &text("班子成员、科室负责人"),
            ]),
        );
        assert!(matches!(s.app.mode, Mode::Normal), "{}", s.screen());
        let disk = s.disk();
        let e = &disk.record("center-group").unwrap().entries[0];
        assert_eq!(
            (
                e.topic.as_str(),
                e.evidence.as_str(),
                e.presided.as_str(),
                e.attended.as_str()
            ),
            ("学习宪法", "会议纪要", "张局长", "班子成员、科室负责人")
        );
        assert!(e.linked.is_empty());
        // The details say who presided and who attended.
        let words = duty::i18n::screen::of(lang);
        let screen = s.screen();
        for said in [
            format!("{}: 张局长", words.presided),
            format!("{}: 班子成员、科室负责人", words.attended),
        ] {
            assert!(screen.contains(&said), "{said}:\n{screen}");
        }
    }
}

#[test]
fn a_session_logged_from_the_screen_also_counts_for_the_items_named() {
    // 学时 counts hours: date, topic, hours, evidence, presided, attended, also. The 中心组
    // study that is also the leader's hours, named as `duty log --also` names items.
    let s = log_from_the_screen(
        Lang::Zh,
        80,
        24,
        "学时",
        &cat(&[
            &text("习近平法治思想专题学习"),
            &tabs(1),
            &text("2.5"),
            &tabs(2),
            &text("张局长"),
            &tabs(2),
            &text("中心组，会前学法"),
        ]),
    );
    assert!(matches!(s.app.mode, Mode::Normal), "{}", s.screen());
    let disk = s.disk();
    let own = &disk.record("study-hours").unwrap().entries[0];
    assert_eq!((own.hours, own.presided.as_str()), (Some(2.5), "张局长"));
    assert_eq!(own.linked, ["center-group", "pre-meeting-study"]);
    for other in ["center-group", "pre-meeting-study"] {
        let copy = &disk.record(other).unwrap().entries[0];
        assert_eq!(copy.id, own.id, "{other}: one session, one id");
        assert_eq!(copy.topic, own.topic);
        assert_eq!(copy.hours, None, "{other} counts sessions, not hours");
        assert_eq!(copy.presided, "张局长");
    }
}

#[test]
fn items_the_session_cannot_also_count_for_are_said_beside_the_field() {
    for (also, said) in [
        ("没有这一项", "没有这个事项"),
        ("法治", "有几个事项都符合"),
        ("annual-plan", "只能同时计入按次数或学时登记的事项"),
        // The hours item brings the hours field with it, which must then be filled in.
        ("study-hours", "学时应为大于0且不超过200的数"),
    ] {
        let s = log_from_the_screen(
            Lang::Zh,
            80,
            24,
            "中心组",
            &cat(&[&text("学习宪法"), &tabs(4), &text(also)]),
        );
        let screen = s.screen();
        assert!(screen.contains(said), "{also}: {screen}");
        assert!(
            matches!(s.app.mode, Mode::Form(_)),
            "{also}: the form stays"
        );
        assert!(!s.home.paths(2024).dir.exists(), "{also}: nothing written");
    }
}

#[test]
fn correcting_an_entry_changes_who_presided_and_who_attended() {
    let mut s = log_from_the_screen(
        Lang::Zh,
        80,
        24,
        "中心组",
        &cat(&[&text("学习宪法"), &tabs(2), &text("王副局长")]),
    );
    // The entry in the details, Enter: date, topic, evidence, presided, attended.
    s.keys(&cat(&[
        &tabs(1),
        &[key(KeyCode::Enter)],
        &tabs(2),
        &[ctrl('u')],
        &text("张局长"),
        &tabs(1),
        &text("全体干部"),
        &[key(KeyCode::Enter)],
    ]));
    assert!(matches!(s.app.mode, Mode::Normal), "{}", s.screen());
    let disk = s.disk();
    let e = &disk.record("center-group").unwrap().entries[0];
    assert_eq!(
        (e.topic.as_str(), e.presided.as_str(), e.attended.as_str()),
        ("学习宪法", "张局长", "全体干部")
    );
}

#[test]
fn the_log_form_scrolls_to_every_field_in_the_smallest_terminal() {
    // 40×10, the smallest screen: the hours item's seven fields do not all fit, so the box
    // shows those around the one being typed in, and says which way the others are.
    let mut s = Screen::new(Lang::Zh, 40, 10);
    s.keys(&cat(&[
        &[ch('/')],
        &text("学时"),
        &[key(KeyCode::Enter), ch('a')],
    ]));
    let labels = ["主题", "学时", "佐证", "主持人", "参加人员", "同时计入"];
    let values = ["宪法", "2", "签到表", "张局长", "全体干部", "中心组"];
    for (i, (label, value)) in labels.iter().zip(values).enumerate() {
        if i > 0 {
            s.keys(&[key(KeyCode::Tab)]);
        }
        let screen = s.screen();
        assert!(screen.contains(label), "{label} in sight:\n{screen}");
        if i + 1 < labels.len() {
            assert!(screen.contains(" v "), "more below {label}:\n{screen}");
        }
        s.keys(&text(value));
    }
    assert!(s.screen().contains(" ^ "), "fields above:\n{}", s.screen());
    s.keys(&[key(KeyCode::Enter)]);
    let disk = s.disk();
    let e = &disk.record("study-hours").unwrap().entries[0];
    assert_eq!(
        (e.hours, e.presided.as_str(), e.attended.as_str()),
        (Some(2.0), "张局长", "全体干部")
    );
    assert_eq!(e.linked, ["center-group"]);
}
