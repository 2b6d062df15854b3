//! The overview screen, headless: the real loop on ratatui's `TestBackend`, driven by
//! scripted keys, on the small city of `tests/it/fixtures/overview/small`; whole screens as
//! snapshots in both languages, the styles that carry meaning, tiny terminals, and text from
//! the files that must never reach the terminal raw.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use jiff::civil::date;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use ratatui::style::{Color, Modifier};

use super::state::{Page, State};
use super::{runner, view};
use crate::clock::Clock;
use crate::i18n::Lang;
use crate::overview::{Browse, Collector, Options, Sort};
use crate::store::unit_file;
use crate::tui::runner::Script;
use crate::tui::theme::Theme;

fn small() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/overview/small")
}

/// The overview of `dirs`, as `duty overview` makes it, on 2025-11-20 in Beijing.
fn browse(dirs: &[PathBuf], lang: Lang) -> Browse {
    let today = date(2025, 11, 20);
    let mut c = Collector::new(Options {
        today,
        year: None,
        template: None,
    });
    unit_file::for_each_input(dirs, lang, &mut |i| {
        // Paths shown relative to the fixtures, so snapshots do not name this machine.
        let shown = i
            .path
            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
            .unwrap_or(&i.path)
            .display()
            .to_string();
        c.add(shown, i.outcome);
    });
    Browse {
        overview: c.finish(),
        lang,
        ascii: false,
        clock: Clock::fixed(today, None),
        filters: Vec::new(),
        find: String::new(),
        sort: Sort::Risk,
    }
}

struct Screen {
    state: State,
    term: Terminal<TestBackend>,
}

impl Screen {
    fn new(lang: Lang, w: u16, h: u16) -> Screen {
        Screen::of(browse(&[small()], lang), w, h)
    }

    fn of(b: Browse, w: u16, h: u16) -> Screen {
        let theme = Theme {
            mono: false,
            ascii: false,
        };
        Screen {
            state: State::new(b, theme),
            term: Terminal::new(TestBackend::new(w, h)).unwrap(),
        }
    }

    fn keys(&mut self, keys: &[Event]) {
        // Opening a unit reads its file again: the fixtures are under the repository.
        let here = std::env::current_dir().unwrap();
        assert!(
            here.join("tests/it/fixtures/overview").is_dir(),
            "run from the repository"
        );
        let mut script = Script(VecDeque::from(
            keys.iter().cloned().map(Some).collect::<Vec<_>>(),
        ));
        runner::run_loop(&mut self.term, &mut self.state, &mut script).unwrap();
        // TestBackend keeps cells a wide glyph covered; snapshot a full redraw.
        self.term.clear().unwrap();
        self.term.draw(|f| view::draw(&self.state, f)).unwrap();
    }

    /// The screen as text: each row's glyphs (a wide glyph once, not its hidden cell), and
    /// times of day masked (they depend on the machine's time zone).
    fn screen(&self) -> String {
        let buf = self.term.backend().buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut line = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let sym = buf[(x, y)].symbol();
                line.push_str(sym);
                x += crate::text::width(sym).max(1) as u16;
            }
            out.push_str(&mask_times(line.trim_end()));
            out.push('\n');
        }
        out
    }
}

/// `02:00` (after a date) as `hh:mm`.
fn mask_times(line: &str) -> String {
    let b: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < b.len() {
        let time = i >= 1
            && b[i - 1] == ' '
            && i + 5 <= b.len()
            && b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2] == ':'
            && b[i + 3].is_ascii_digit()
            && b[i + 4].is_ascii_digit();
        if time {
            out.push_str("hh:mm");
            i += 5;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

fn row_of(screen: &str, needle: &str) -> u16 {
    screen
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("'{needle}' not on screen:\n{screen}")) as u16
}

#[test]
fn units_page_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut s = Screen::new(lang, 110, 20);
        s.keys(&[ch('j')]);
        insta::assert_snapshot!(format!("units_{lang}"), s.screen());
    }
}

#[test]
fn matrix_files_notice_and_help_pages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut s = Screen::new(lang, 110, 24);
        s.keys(&[ch('2'), ch('l'), ch('j'), ch('j')]);
        insta::assert_snapshot!(format!("matrix_{lang}"), s.screen());
        s.keys(&[key(KeyCode::Tab)]);
        assert_eq!(s.state.page, Page::Files);
        insta::assert_snapshot!(format!("files_{lang}"), s.screen());
        s.keys(&[key(KeyCode::Tab)]);
        insta::assert_snapshot!(format!("notice_{lang}"), s.screen());
        s.keys(&[ch('?')]);
        insta::assert_snapshot!(format!("help_{lang}"), s.screen());
    }
}

#[test]
fn enter_opens_a_unit_read_only_with_its_review() {
    for lang in [Lang::Zh, Lang::En] {
        let mut s = Screen::new(lang, 110, 30);
        s.keys(&[ch('j'), key(KeyCode::Enter)]);
        insta::assert_snapshot!(format!("unit_{lang}"), s.screen());
        s.keys(&[key(KeyCode::PageDown)]);
        let screen = s.screen();
        assert!(screen.contains(lang.pick("风险检查", "Review")), "{screen}");
        s.keys(&[key(KeyCode::Esc)]);
        assert!(s.screen().contains(lang.pick("缺佐证", "No evid.")));
        // A unit without a usable file opens on why.
        s.keys(&[ch('g'), key(KeyCode::Enter)]);
        assert!(
            s.screen()
                .contains(lang.pick("文件意外结束（可能被截断）", "Unexpected end")),
            "{}",
            s.screen()
        );
    }
}

#[test]
fn filter_sort_and_search_change_the_rows() {
    let mut s = Screen::new(Lang::Zh, 100, 20);
    s.keys(&[ch('f'), ch('f')]);
    assert!(s.screen().contains("筛选：逾期"), "{}", s.screen());
    assert!(
        !s.screen().contains("宜昌市气象局"),
        "no figures, so not overdue"
    );
    s.keys(&[ch('s'), ch('s'), ch('s')]);
    assert!(s.screen().contains("排序：名称"));
    for _ in 0..6 {
        s.keys(&[ch('f')]);
    }
    assert!(s.screen().contains("筛选：全部"));
    s.keys(&[ch('/'), ch('财'), ch('政'), key(KeyCode::Enter)]);
    let screen = s.screen();
    assert!(
        screen.contains("显示 1 / 7 个单位") && screen.contains("宜昌市财政局"),
        "{screen}"
    );
    s.keys(&[key(KeyCode::Esc)]);
    assert!(s.screen().contains("显示 7 / 7 个单位"));
}

#[test]
fn the_selection_and_overdue_counts_are_styled_by_colour_and_modifier() {
    let mut s = Screen::new(Lang::Zh, 110, 20);
    s.keys(&[ch('j')]);
    let screen = s.screen();
    let buf = s.term.backend().buffer().clone();
    let y = row_of(&screen, "宜昌市司法局");
    assert_eq!(buf[(2, y)].bg, Color::Blue);
    assert!(buf[(2, y)].modifier.contains(Modifier::BOLD));
    let y = row_of(&screen, "宜昌市水利局");
    let line: String = (0..110).map(|x| buf[(x, y)].symbol().to_string()).collect();
    let x = line
        .find("  5 ")
        .map(|i| line[..i + 2].chars().count() as u16)
        .unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Red, "{line}");
    // Without colour the selection is still reversed and bold.
    let mut s = Screen::new(Lang::Zh, 110, 20);
    s.state.theme = Theme {
        mono: true,
        ascii: true,
    };
    s.keys(&[ch('j')]);
    let y = row_of(&s.screen(), "宜昌市司法局");
    let cell = &s.term.backend().buffer()[(2, y)];
    assert!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
}

#[test]
fn tiny_terminals_never_panic() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (2, 1),
        (20, 5),
        (39, 30),
        (40, 8),
        (41, 9),
        (200, 8),
    ] {
        let mut s = Screen::new(Lang::Zh, w, h);
        for k in ['?', '?', '2', 'l', 'j', '3', 'j', '4', 'j', '1'] {
            s.keys(&[ch(k)]);
        }
        s.keys(&[
            key(KeyCode::Enter),
            key(KeyCode::PageDown),
            key(KeyCode::Esc),
        ]);
    }
    let mut s = Screen::new(Lang::En, 30, 6);
    s.keys(&[]);
    assert!(s.screen().contains("too small"), "{}", s.screen());
}

#[test]
fn control_characters_from_a_file_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(small().join("宜昌市财政局-2025.duty.ron")).unwrap();
    let evil = text.replace("宜昌市财政局", "财政\\u{1b}[31m局\\u{202e}");
    std::fs::write(dir.path().join("evil.duty.ron"), evil).unwrap();
    let mut s = Screen::of(browse(&[dir.path().to_path_buf()], Lang::Zh), 100, 20);
    s.keys(&[]);
    let screen = s.screen();
    assert!(screen.contains("财政\\u{1b}[31m局\\u{202e}"), "{screen}");
    s.keys(&[key(KeyCode::Enter)]);
    s.keys(&[ch('3')]);
    let buf = s.term.backend().buffer();
    assert!(
        buf.content()
            .iter()
            .all(|c| !c.symbol().chars().any(crate::text::is_unsafe)),
        "{screen}"
    );
}

fn any_event() -> impl Strategy<Value = Event> {
    let keys = prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::PageDown),
        Just(KeyCode::PageUp),
        Just(KeyCode::Backspace),
        prop::char::any().prop_map(KeyCode::Char),
        "[jklhgG/?fsqmin1234 ]".prop_map(|s| KeyCode::Char(s.chars().next().unwrap_or('j'))),
    ];
    prop_oneof![
        keys.prop_map(key),
        (0u16..150, 0u16..50).prop_map(|(w, h)| Event::Resize(w, h)),
        ".{0,8}".prop_map(Event::Paste),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn random_keys_never_panic(events in prop::collection::vec(any_event(), 1..40)) {
        let mut s = Screen::new(Lang::Zh, 90, 24);
        s.keys(&events);
    }
}
