//! Saving: saves that fail (said, kept, retried with the change as it was shown, guarding
//! quit), other processes' changes picked up and never overwritten, and ledgers the screen
//! must not write (unreadable, or a closed year).

use super::*;

/// Saving fails; wide enough for the whole message, whatever the temporary directory.
fn save_failed(lang: Lang) -> Screen {
    let mut s = Screen::new(lang, 200, 24);
    block_the_journal(&s.home);
    s.keys(&[ch(' ')]);
    s
}

#[test]
fn save_failed_zh() {
    let s = save_failed(Lang::Zh);
    assert_snap!(portable(&s));
}

#[test]
fn save_failed_en() {
    let s = save_failed(Lang::En);
    assert_snap!(portable(&s));
}

/// Make every save fail without relying on permissions (CI runs as root): a directory
/// stands where the journal is opened, or, once there is a journal (kept: it is the
/// record), where the lock is taken.
fn block_the_journal(h: &Home) {
    let paths = h.paths(2024);
    let blocker = if paths.journal.is_file() {
        let _ = std::fs::remove_file(&paths.lock);
        paths.lock
    } else {
        paths.journal
    };
    std::fs::create_dir_all(blocker).unwrap();
}

fn unblock_the_journal(h: &Home) {
    let paths = h.paths(2024);
    for p in [paths.journal, paths.lock] {
        if p.is_dir() {
            std::fs::remove_dir(p).unwrap();
        }
    }
}

/// The screen as text, a line per row with the cells a wide glyph covers left out and the
/// padding at the end dropped, filtered as the harness filters output: a screen showing a
/// path, the same whatever the temporary directory is called.
fn portable(s: &Screen) -> String {
    let buf = s.term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            x += duty::text::width(symbol).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    s.home.filter(&out)
}

#[test]
fn a_failed_save_is_kept_retried_and_guards_quit() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    block_the_journal(&s.home);
    s.keys(&[ch(' ')]);
    assert_eq!(s.app.pending.len(), 1);
    assert!(s.screen().contains("保存失败"), "{}", s.screen());
    assert!(s.screen().contains("[x]"), "the change still shows");
    s.keys(&[ch('q')]);
    assert!(matches!(s.app.mode, Mode::Confirm(Confirm::Quit)) && !s.app.quit);
    s.keys(&[ch('n')]);
    // The disk recovers; the next idle interval saves.
    unblock_the_journal(&s.home);
    s.run(vec![None]);
    assert!(s.app.pending.is_empty());
    assert!(s.disk().record("annual-plan").unwrap().done.is_some());
    s.keys(&[ch('q')]);
    assert!(s.app.quit);
}

/// The entry-id regression: an entry logged while saving fails is shown under one id and,
/// once the disk recovers, saved under that same id (the change is resolved once, never
/// again on retry).
#[test]
fn an_entry_logged_while_saving_fails_is_saved_under_the_id_it_was_shown_with() {
    let mut s = Screen::new(Lang::Zh, 100, 30);
    block_the_journal(&s.home);
    s.keys(&cat(&[
        &[ch('j'), ch('j'), ch('a')],
        &text("学习宪法"),
        &[key(KeyCode::Enter), key(KeyCode::Tab)],
    ]));
    assert_eq!(s.app.pending.len(), 1);
    let shown = s.app.ledger.record("party-meetings").unwrap().entries[0]
        .id
        .clone();
    assert!(s.screen().contains(shown.as_str()), "{}", s.screen());
    // Retried while the disk is still failing: the same change, the same id.
    s.run(vec![None, None]);
    assert_eq!(
        s.app.ledger.record("party-meetings").unwrap().entries[0].id,
        shown
    );
    unblock_the_journal(&s.home);
    s.run(vec![None]);
    assert!(s.app.pending.is_empty());
    let disk = s.disk();
    let saved = &disk.record("party-meetings").unwrap().entries;
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].id, shown, "saved under the id it was shown with");
    assert!(s.screen().contains(shown.as_str()));
    // The id the screen shows is the one the command line knows.
    let out = s.home.run(&["unlog", "party-meetings", &shown]);
    out.ok();
}

#[test]
fn an_entry_removed_before_the_disk_recovers_leaves_nothing_behind() {
    let mut s = Screen::new(Lang::Zh, 100, 30);
    block_the_journal(&s.home);
    s.keys(&cat(&[
        &[ch('j'), ch('j'), ch('a')],
        &text("学习宪法"),
        &[key(KeyCode::Enter), key(KeyCode::Tab), ch('x'), ch('y')],
    ]));
    assert_eq!(s.app.pending.len(), 2, "the log and its removal wait");
    assert!(
        s.app.ledger.record("party-meetings").is_none(),
        "removed on screen"
    );
    unblock_the_journal(&s.home);
    s.run(vec![None]);
    assert!(s.app.pending.is_empty(), "{}", s.said());
    assert!(
        s.disk().record("party-meetings").is_none(),
        "nothing behind"
    );
    let history = s.home.history(crate::harness::BUILTIN, 2024);
    assert!(history.bad.is_none());
    assert_eq!(
        history.records.len(),
        2,
        "the log and the removal, both saved"
    );
    // Undone on the screen while still pending, a change never reaches the disk.
    block_the_journal(&s.home);
    s.keys(&[key(KeyCode::BackTab), ch('k'), ch('k'), ch(' ')]);
    assert_eq!(s.app.pending.len(), 1);
    s.keys(&[ch('u')]);
    assert!(s.app.pending.is_empty());
    unblock_the_journal(&s.home);
    s.run(vec![None]);
    assert!(s.disk().record("annual-plan").is_none());
    assert_eq!(
        s.home.history(crate::harness::BUILTIN, 2024).records.len(),
        2
    );
}

#[test]
fn another_process_change_is_picked_up_and_never_overwritten() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.keys(&[ch(' ')]);
    s.outside(Change::Log {
        item: "party-meetings".into(),
        date: date(2024, 11, 27),
        topic: "另一终端登记".into(),
        hours: None,
        evidence: String::new(),
        people: Default::default(),
        also: Vec::new(),
    });
    s.run(vec![None]);
    assert!(s.screen().contains("已重新载入"), "{}", s.screen());
    assert!(s.screen().contains("1/2"));
    // A change made here after that keeps the outside one.
    s.keys(&[ch('j'), ch(' ')]);
    let disk = s.disk();
    assert!(disk.record("party-meetings").is_some());
    assert!(disk.record("leading-group").unwrap().done.is_some());
}

#[test]
fn a_form_opened_before_another_process_changed_the_item_never_overwrites_it() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    // A note form opens on the first item, with its note as it is now (empty)…
    s.keys(&[ch('n')]);
    assert!(matches!(s.app.mode, Mode::Form(_)));
    // …another officer writes a note meanwhile…
    s.outside(Change::Note {
        item: "annual-plan".into(),
        text: "另一终端的备注".into(),
    });
    // …and this one is typed and saved: refused, said, and the other's note stays.
    s.keys(&cat(&[&text("本机备注"), &[key(KeyCode::Enter)]]));
    s.run(vec![None]);
    assert_eq!(
        s.disk().record("annual-plan").unwrap().note,
        "另一终端的备注"
    );
    assert!(s.app.pending.is_empty());
}

#[test]
fn an_unreadable_ledger_is_shown_and_never_written() {
    let h = Home::new().on(TODAY);
    let paths = h.paths(2024);
    std::fs::create_dir_all(&paths.dir).unwrap();
    std::fs::write(&paths.ledger, "(garbage").unwrap();
    let mut s = Screen::in_home(h, 80, 24);
    s.keys(&[ch(' '), ch('a'), ch('u'), ch('U')]);
    assert!(s.app.load_error.is_some());
    assert!(s.screen().contains("只读"), "{}", s.screen());
    assert_eq!(std::fs::read_to_string(&paths.ledger).unwrap(), "(garbage");
    assert!(!paths.journal.exists() && !paths.lock.exists());
    // Repaired outside (here: the damaged file moved away), the screen becomes editable.
    std::fs::rename(&paths.ledger, paths.dir.join("kept-aside")).unwrap();
    s.run(vec![None, Some(ch(' '))]);
    assert!(s.app.load_error.is_none());
    assert!(s.disk().record("annual-plan").is_some());
}

#[test]
fn a_closed_year_refuses_changes_in_the_status_line() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.outside(Change::Close);
    s.run(vec![None, Some(ch(' '))]);
    assert!(s.screen().contains("已关闭"), "{}", s.screen());
    assert!(s.disk().record("annual-plan").is_none());
    s.keys(&[ch('u')]);
    assert!(matches!(s.app.mode, Mode::Normal), "no undo offered");
}
