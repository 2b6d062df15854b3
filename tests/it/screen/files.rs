//! Evidence files on the screen, headless: attaching through the form (what will be recorded
//! asked first, then one change, undone by `u` as `duty undo` undoes it), the count and the
//! missing-evidence flag in the list and the details pane (as snapshots), files for an entry,
//! the picker, taking a file off, the command line's messages for files that cannot be
//! attached, and the hours a session logged under 同时计入 an hours item needs.
//!
//! Opening a file starts a real viewer, so here only the request to open is looked at; the
//! real-terminal test (`terminal_files`) opens one with a stand-in viewer.

use std::fs;
use std::path::PathBuf;

use duty::store::NotFile;
use duty::store::evidence::EvidenceError;
use duty::tui::app::{Action, Effect, PickFor, update};

use super::*;
use crate::evidence::{JPG, PDF, log, place};

fn paste(text: &str) -> Event {
    Event::Paste(text.to_string())
}

/// Tick the first duty (so its evidence is wanted), then attach the PDF to it.
fn attached(lang: Lang) -> (Screen, PathBuf) {
    let mut s = Screen::new(lang, 120, 32);
    let pdf = place(&s.home, PDF, PDF);
    s.keys(&[ch(' ')]);
    s.keys(&[
        ch('A'),
        paste(&pdf.display().to_string()),
        key(KeyCode::Enter),
    ]);
    (s, pdf)
}

#[test]
fn an_attach_is_asked_first_then_one_change_that_u_undoes() {
    let mut s = Screen::new(Lang::Zh, 120, 32);
    let pdf = place(&s.home, PDF, PDF);
    s.keys(&[ch(' ')]);
    // Ticked without evidence: the review's flag, in the list and in the details pane.
    let screen = s.screen();
    let row = screen
        .lines()
        .find(|l| l.contains("将法治建设纳入"))
        .unwrap();
    assert!(row.contains(" ! "), "{row}");
    assert!(
        screen.contains("缺佐证: 已记录但未登记佐证材料"),
        "{screen}"
    );
    s.keys(&[
        ch('A'),
        paste(&pdf.display().to_string()),
        key(KeyCode::Enter),
    ]);
    assert!(matches!(s.app.mode, Mode::Confirm(Confirm::Attach { .. })));
    let screen = s.screen();
    assert!(screen.contains("附上这 1 个文件？"), "{screen}");
    assert!(
        screen.contains("附到：“将法治建设纳入年度工作要点”事项本身"),
        "{screen}"
    );
    assert!(screen.contains(PDF), "{screen}");
    assert!(
        s.disk().record("annual-plan").unwrap().files.is_empty(),
        "not yet"
    );
    // No: back to the form, its text kept.
    s.keys(&[ch('n')]);
    let Mode::Form(form) = &s.app.mode else {
        panic!("back in the form: {:?}", s.app.mode)
    };
    assert_eq!(form.fields[0].value(), pdf.display().to_string());
    s.keys(&[key(KeyCode::Enter), ch('y')]);
    assert!(matches!(s.app.mode, Mode::Normal));
    let files = s.disk().record("annual-plan").unwrap().files.clone();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name, PDF);
    assert_eq!(files[0].entry, None);
    assert_eq!(files[0].by, "张三");
    assert!(
        s.said().starts_with(&format!("已附上“{PDF}”")),
        "{}",
        s.said()
    );
    let screen = s.screen();
    let row = screen
        .lines()
        .find(|l| l.contains("将法治建设纳入"))
        .unwrap();
    assert!(row.contains(" 附1 ") && !row.contains('!'), "{row}");
    assert!(!screen.contains("缺佐证"), "{screen}");
    // `u` asks, naming the attach, and takes it back as `duty undo` would.
    s.keys(&[ch('u')]);
    assert!(s.screen().contains("撤销这次修改"), "{}", s.screen());
    assert!(s.screen().contains(PDF), "{}", s.screen());
    s.keys(&[ch('y')]);
    assert!(s.disk().record("annual-plan").unwrap().files.is_empty());
    assert!(s.said().contains("已撤销第 2 次修改"), "{}", s.said());
    let history = s.home.ok(&["history"]).stdout;
    assert!(history.contains("撤销第 2 次修改"), "{history}");
}

#[test]
fn files_in_the_details_pane_zh() {
    let (mut s, _) = attached(Lang::Zh);
    s.keys(&[ch('y'), key(KeyCode::Tab)]);
    assert_snap!(s.screen());
}

#[test]
fn files_in_the_details_pane_en() {
    let (mut s, _) = attached(Lang::En);
    s.keys(&[ch('y'), key(KeyCode::Tab)]);
    assert_snap!(s.screen());
}

#[test]
fn files_for_an_entry_are_picked_and_taken_off_exactly() {
    let home = Home::in_lang(Lang::Zh).on(TODAY);
    let entry = log(&home, "party-meetings", "2024-03-28", "传达学习", "");
    let pdf = place(&home, PDF, PDF);
    let jpg = place(&home, JPG, "签到 表.jpg");
    let mut s = Screen::in_home(home, 120, 32);
    // The third item; in the details pane its entry is selected, so the form names it.
    s.keys(&[ch('j'), ch('j'), key(KeyCode::Tab), ch('A')]);
    let Mode::Form(form) = &s.app.mode else {
        panic!("the form: {:?}", s.app.mode)
    };
    assert_eq!(form.fields[1].value(), entry);
    // Both at once, as a file manager drops them (quoted, a blank in one name).
    let both = format!("'{}' '{}'", pdf.display(), jpg.display());
    s.keys(&[paste(&both), key(KeyCode::Enter)]);
    assert!(s.screen().contains("附上这 2 个文件？"), "{}", s.screen());
    assert!(
        s.screen().contains("的登记 2024年3月28日 传达学习"),
        "{}",
        s.screen()
    );
    s.keys(&[ch('y')]);
    let files = s.disk().record("party-meetings").unwrap().files.clone();
    assert_eq!(files.len(), 2);
    assert!(files.iter().all(|f| f.entry.as_deref() == Some(&entry)));
    assert_eq!(files[1].name, "签到 表.jpg");
    assert_eq!(files[0].date, date(2024, 3, 28), "the entry's day");
    // One change for both (one undo), as `duty attach` with two files.
    assert_eq!(s.home.history(duty_id(), 2024).records.len(), 2);
    assert!(s.said().contains("已附上 2 个文件"), "{}", s.said());
    // The entry's line says it has files.
    assert!(s.screen().contains("附2  #"), "{}", s.screen());
    // `O` on the entry (not a file): which one?
    s.keys(&[ch('O')]);
    assert!(matches!(
        s.app.mode,
        Mode::Pick {
            purpose: PickFor::Open,
            ..
        }
    ));
    assert!(s.screen().contains("打开哪个文件？"), "{}", s.screen());
    assert!(s.screen().contains("2. 签到 表.jpg"), "{}", s.screen());
    s.keys(&[key(KeyCode::Esc)]);
    // `D`, then 2: asked about that one, by name.
    s.keys(&[ch('D'), ch('2')]);
    let Mode::Confirm(Confirm::Detach { file, .. }) = &s.app.mode else {
        panic!("asked: {:?}", s.app.mode)
    };
    assert_eq!(file.name, "签到 表.jpg");
    assert!(s.screen().contains("取下这个文件？"), "{}", s.screen());
    s.keys(&[ch('y')]);
    let left = s.disk().record("party-meetings").unwrap().files.clone();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].name, PDF);
    assert!(s.said().contains("已取下“签到 表.jpg”"), "{}", s.said());
    // The cursor moves on from the entry to the file; x there asks to take it off too.
    s.keys(&[ch('j'), ch('x')]);
    assert!(matches!(
        &s.app.mode,
        Mode::Confirm(Confirm::Detach { file, .. }) if file.name == PDF
    ));
    s.keys(&[ch('n')]);
    assert_eq!(s.disk().record("party-meetings").unwrap().files.len(), 1);
    // Enter on the file, or O, asks to open exactly that one.
    assert_eq!(
        update(&mut s.app, Action::OpenFile),
        Effect::Open {
            item: "party-meetings".into(),
            n: 1
        }
    );
    assert_eq!(
        update(&mut s.app, Action::Activate),
        Effect::Open {
            item: "party-meetings".into(),
            n: 1
        }
    );
}

fn duty_id() -> &'static str {
    crate::harness::BUILTIN
}

#[test]
fn a_file_that_cannot_be_attached_is_said_as_the_command_line_says_it() {
    let home = Home::in_lang(Lang::Zh).on(TODAY);
    fs::create_dir_all(home.config()).unwrap();
    fs::write(
        home.config().join("settings.ron"),
        "(evidence_limit_mb: Some(1))\n",
    )
    .unwrap();
    let big = home.work().join("扫描件.pdf");
    fs::write(&big, vec![b'x'; 1024 * 1024 + 1]).unwrap();
    let missing = home.work().join("没有这个文件.pdf");
    let folder = home.work();
    let mut s = Screen::in_home(home, 120, 32);
    let w = Lang::Zh.words();
    let mut try_attach = |path: &std::path::Path| {
        s.keys(&[
            ch('A'),
            paste(&path.display().to_string()),
            key(KeyCode::Enter),
        ]);
        let said = s.said();
        assert!(
            matches!(s.app.mode, Mode::Form(_)),
            "the form stays to correct: {:?}",
            s.app.mode
        );
        assert!(s.app.message.as_ref().unwrap().error);
        s.keys(&[key(KeyCode::Esc)]);
        said
    };
    assert_eq!(
        try_attach(&missing),
        w.evidence_error(&EvidenceError::SourceMissing {
            path: missing.clone()
        })
    );
    assert_eq!(
        try_attach(&folder),
        w.evidence_error(&EvidenceError::SourceNotFile {
            path: folder.clone(),
            kind: NotFile::Directory
        })
    );
    assert_eq!(
        try_attach(&big),
        w.evidence_error(&EvidenceError::TooLarge {
            path: big.clone(),
            size: 1024 * 1024 + 1,
            limit: 1024 * 1024
        })
    );
    assert!(s.disk().record("annual-plan").is_none(), "nothing recorded");
    // With no file, O and D say so.
    s.keys(&[ch('O')]);
    assert!(s.said().contains("还没有附上文件"), "{}", s.said());
}

#[test]
fn a_session_also_counted_for_an_hours_item_asks_for_the_hours() {
    let mut s = Screen::new(Lang::Zh, 120, 32);
    // The third item counts meetings; the session also counts for the hours item.
    let keys = cat(&[
        &[ch('j'), ch('j'), ch('a')],
        &text("网上学法"),
        &vec![key(KeyCode::Tab); 4],
        &text("study-hours"),
    ]);
    s.keys(&keys);
    assert!(s.screen().contains("学时"), "{}", s.screen());
    let keys = cat(&[
        &vec![key(KeyCode::BackTab); 4],
        &text("2.5"),
        &[key(KeyCode::Enter)],
    ]);
    s.keys(&keys);
    assert!(matches!(s.app.mode, Mode::Normal), "{}", s.screen());
    let disk = s.disk();
    let meeting = &disk.record("party-meetings").unwrap().entries[0];
    let hours = &disk.record("study-hours").unwrap().entries[0];
    assert_eq!((meeting.hours, hours.hours), (None, Some(2.5)));
    assert_eq!(meeting.id, hours.id, "one session, counted twice");
}

/// Two files attached to the third item's entry, then `O`: the picker.
fn picker(lang: Lang) -> Screen {
    let home = Home::in_lang(lang).on(TODAY);
    log(&home, "party-meetings", "2024-03-28", "传达学习", "");
    let pdf = place(&home, PDF, PDF);
    let jpg = place(&home, JPG, JPG);
    let mut s = Screen::in_home(home, 80, 24);
    let both = format!("'{}' '{}'", pdf.display(), jpg.display());
    s.keys(&[
        ch('j'),
        ch('j'),
        ch('A'),
        paste(&both),
        key(KeyCode::Enter),
        ch('y'),
    ]);
    s.keys(&[ch('O'), ch('j')]);
    s
}

#[test]
fn the_file_picker_zh() {
    let s = picker(Lang::Zh);
    assert!(matches!(s.app.mode, Mode::Pick { choice: 1, .. }));
    assert_snap!(s.screen());
}

#[test]
fn the_file_picker_en() {
    let s = picker(Lang::En);
    assert_snap!(s.screen());
}

#[test]
fn a_file_taken_off_comes_back_with_u() {
    let (mut s, _) = attached(Lang::Zh);
    s.keys(&[ch('y')]);
    let kept = s.disk().record("annual-plan").unwrap().files.clone();
    // The only file: D asks about it without a picker.
    s.keys(&[ch('D')]);
    assert!(matches!(s.app.mode, Mode::Confirm(Confirm::Detach { .. })));
    s.keys(&[ch('y')]);
    assert!(s.disk().record("annual-plan").unwrap().files.is_empty());
    assert!(s.screen().contains("缺佐证"), "{}", s.screen());
    s.keys(&[ch('u'), ch('y')]);
    assert_eq!(s.disk().record("annual-plan").unwrap().files, kept);
    assert!(!s.screen().contains("缺佐证"), "{}", s.screen());
}
