//! How the screen looks: whole screens as snapshots in both languages (the main screen, a
//! filter, the help), the style of key cells with and without colour, tiny terminals and
//! resizing.

use super::*;

#[test]
fn main_screen_zh() {
    let s = with_progress(Lang::Zh, 80, 24);
    assert_snap!(s.screen());
}

#[test]
fn main_screen_en() {
    let s = with_progress(Lang::En, 80, 24);
    assert_snap!(s.screen());
}

#[test]
fn main_screen_wide_zh() {
    let s = with_progress(Lang::Zh, 200, 60);
    assert_snap!(s.screen());
}

fn filtered(lang: Lang) -> Screen {
    let mut s = with_progress(lang, 80, 24);
    // all -> pending -> overdue
    s.keys(&[ch('f'), ch('f')]);
    s
}

#[test]
fn filter_overdue_zh() {
    let s = filtered(Lang::Zh);
    assert_snap!(s.screen());
}

#[test]
fn filter_overdue_en() {
    let s = filtered(Lang::En);
    assert_snap!(s.screen());
}

#[test]
fn help_overlay_zh() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.keys(&[ch('?')]);
    assert_snap!(s.screen());
}

#[test]
fn help_overlay_en() {
    let mut s = Screen::new(Lang::En, 80, 24);
    s.keys(&[ch('?')]);
    assert_snap!(s.screen());
}

#[test]
fn selected_and_overdue_rows_are_styled_by_colour_and_modifier() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.keys(&[]);
    let screen = s.screen();
    let buf = s.term.backend().buffer().clone();
    let selected = row_of(&screen, "将法治建设纳入年度工作要点");
    let cell = &buf[(30, selected)];
    assert_eq!(cell.bg, Color::Blue);
    assert!(cell.modifier.contains(Modifier::BOLD));
    // "调整完善法治建设工作领导小组" was due 03-31 and is not done: overdue.
    let overdue = row_of(&screen, "调整完善法治建设工作领导小组");
    let cell = &buf[(30, overdue)];
    assert_eq!(cell.fg, Color::Red);
    assert!(cell.modifier.contains(Modifier::BOLD));
    assert_eq!(cell.bg, Color::Reset);
    // A done duty is dimmed once the cursor leaves it.
    s.keys(&[ch(' '), ch('j')]);
    let screen = s.screen();
    let buf = s.term.backend().buffer().clone();
    let done = row_of(&screen, "将法治建设纳入年度工作要点");
    assert!(
        buf[(30, done)].modifier.contains(Modifier::DIM),
        "{:?}",
        buf[(30, done)]
    );
}

#[test]
fn without_colour_the_selection_and_overdue_stay_visible() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.app.theme = Theme {
        mono: true,
        ascii: true,
    };
    s.keys(&[]);
    let screen = s.screen();
    let buf = s.term.backend().buffer().clone();
    let selected = row_of(&screen, "将法治建设纳入年度工作要点");
    let cell = &buf[(30, selected)];
    assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    assert!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
    let overdue = row_of(&screen, "调整完善法治建设工作领导小组");
    let cell = &buf[(30, overdue)];
    assert_eq!(cell.fg, Color::Reset);
    assert!(cell.modifier.contains(Modifier::BOLD));
    // ASCII borders: no box-drawing glyph anywhere.
    assert!(!screen.contains('─') && !screen.contains('│'), "{screen}");
    assert!(screen.contains("+-"));
}

#[test]
fn tiny_terminals_never_panic() {
    for (w, h) in [(0, 0), (1, 1), (20, 5), (39, 24), (80, 9), (40, 10)] {
        let mut s = Screen::new(Lang::Zh, w, h);
        s.keys(&[
            ch('?'),
            ch('?'),
            ch('a'),
            key(KeyCode::Esc),
            ch('s'),
            ch('p'),
            key(KeyCode::Esc),
            ch('v'),
            key(KeyCode::Esc),
            ch('u'),
        ]);
    }
    let mut s = Screen::new(Lang::Zh, 20, 5);
    s.keys(&[]);
    assert!(s.screen().contains("终端窗口太小"), "{}", s.screen());
    // Keys do nothing while the screen cannot show what they would do.
    s.keys(&[
        key(KeyCode::Down),
        ch(' '),
        key(KeyCode::Enter),
        ch('u'),
        ch('y'),
    ]);
    assert!(
        !s.home.paths(2024).dir.exists(),
        "nothing was ticked or saved"
    );
}

#[test]
fn resize_redraws_at_the_new_size() {
    let mut s = Screen::new(Lang::En, 80, 24);
    s.keys(&[]);
    s.term.backend_mut().resize(120, 40);
    s.keys(&[Event::Resize(120, 40)]);
    let screen = s.screen();
    assert_eq!(screen.lines().count(), 40);
    assert!(screen.contains("Details"));
}
