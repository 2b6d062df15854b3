//! Asking first: the undo question (as a snapshot), undo and redo, an undo overtaken by another
//! change, unticking a done duty and removing an entry.

use super::*;

/// Tick a duty, then ask to undo it.
fn undo_question(lang: Lang) -> Screen {
    let mut s = Screen::new(lang, 80, 24);
    s.keys(&[ch(' '), ch('u')]);
    s
}

/// The screen with the minute of `TODAY` a change was made at blanked out: the session in
/// this process shows times in the system's time zone, which `Clock` takes from the
/// environment and a test cannot set for its own thread (see the report).
fn without_times(screen: &str) -> String {
    let mut out = String::new();
    let mut rest = screen;
    while let Some(at) = rest.find("2024-11-27 ") {
        let (head, tail) = rest.split_at(at + "2024-11-27 ".len());
        out.push_str(head);
        let minute = tail.get(..5).filter(|t| t.as_bytes()[2] == b':');
        match minute {
            Some(_) => {
                out.push_str("hh:mm");
                rest = &tail[5..];
            }
            None => rest = tail,
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn undo_question_zh() {
    let s = undo_question(Lang::Zh);
    assert_snap!(without_times(&s.screen()));
}

#[test]
fn undo_question_en() {
    let s = undo_question(Lang::En);
    assert_snap!(without_times(&s.screen()));
}

#[test]
fn undo_asks_first_and_redo_puts_it_back() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.keys(&[ch(' ')]);
    assert!(s.disk().record("annual-plan").is_some());
    s.keys(&[ch('u')]);
    assert!(matches!(
        s.app.mode,
        Mode::Confirm(Confirm::Undo { seq: 1, .. })
    ));
    assert!(s.screen().contains("撤销这次修改"), "{}", s.screen());
    assert!(s.screen().contains("第 1 次修改"), "{}", s.screen());
    s.keys(&[ch('n')]);
    assert!(
        s.disk().record("annual-plan").is_some(),
        "no: nothing undone"
    );
    s.keys(&[ch('u'), ch('y')]);
    assert!(s.disk().record("annual-plan").is_none());
    assert!(s.said().contains("已撤销第 1 次修改"), "{}", s.said());
    // Redo, by U or Ctrl-R, asks too.
    s.keys(&[ch('U')]);
    assert!(matches!(
        s.app.mode,
        Mode::Confirm(Confirm::Undo { redo: true, .. })
    ));
    s.keys(&[key(KeyCode::Esc), ctrl('r'), ch('y')]);
    assert!(s.disk().record("annual-plan").is_some());
    assert!(s.said().contains("已重做第 1 次修改"), "{}", s.said());
    // Nothing left to redo: said, not asked.
    s.keys(&[ch('U')]);
    assert!(matches!(s.app.mode, Mode::Normal));
    assert!(s.said().contains("没有可以重做的修改"), "{}", s.said());
}

#[test]
fn an_undo_asked_about_is_not_done_if_another_change_came_first() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.keys(&[ch(' '), ch('u')]);
    assert!(matches!(
        s.app.mode,
        Mode::Confirm(Confirm::Undo { seq: 1, .. })
    ));
    // While the question is open, another officer makes a change.
    s.outside(Change::Note {
        item: "lectures".into(),
        text: "另一终端".into(),
    });
    s.keys(&[ch('y')]);
    let disk = s.disk();
    assert!(
        disk.record("annual-plan").is_some(),
        "change 1 is not the last any more"
    );
    assert_eq!(disk.record("lectures").unwrap().note, "另一终端");
}

#[test]
fn unticking_a_done_duty_asks_first() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.keys(&[ch(' '), ch(' ')]);
    assert!(matches!(s.app.mode, Mode::Confirm(Confirm::Uncheck { .. })));
    s.keys(&[ch('n')]);
    assert!(s.disk().record("annual-plan").is_some());
    s.keys(&[ch(' '), ch('y')]);
    assert!(s.disk().record("annual-plan").is_none());
}

#[test]
fn removing_an_entry_asks_first() {
    let mut s = with_progress(Lang::Zh, 80, 24);
    s.keys(&[ch('j'), ch('j'), key(KeyCode::Tab), ch('x')]);
    assert!(s.screen().contains("删除这条登记记录"), "{}", s.screen());
    s.keys(&[ch('n')]);
    assert_eq!(s.disk().record("party-meetings").unwrap().entries.len(), 1);
    s.keys(&[ch('x'), ch('y')]);
    assert!(s.disk().record("party-meetings").is_none());
}
