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
