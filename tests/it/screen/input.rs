//! Input other than forms: search, the mouse, and random keys, text, pastes, resizes and
//! clicks that must never panic.

use super::*;

#[test]
fn search_filters_titles_and_topics_and_escape_clears() {
    let mut s = with_progress(Lang::Zh, 80, 24);
    s.keys(&cat(&[&[ch('/')], &text("宪法修正")]));
    assert_eq!(s.app.visible.len(), 1, "only the item whose topic matches");
    assert!(s.screen().contains("党组会、局务会专题研究法治建设"));
    s.keys(&[key(KeyCode::Esc), ch('/'), ch('法')]);
    let before = s.app.cursor;
    assert!(s.app.visible.len() > before + 1);
    s.keys(&[key(KeyCode::Down)]);
    assert_eq!(s.app.cursor, before + 1, "Down moves through the results");
    s.keys(&[key(KeyCode::Esc)]);
    assert_eq!(s.app.visible.len(), s.app.rows.len());
}

#[test]
fn clicking_selects_an_item_and_a_section() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.keys(&[]);
    let y = row_of(&s.screen(), "签订不干预司法");
    let click = |x, y| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    s.keys(&[click(40, y)]);
    assert_eq!(s.app.selected_item().unwrap().id, "no-interference");
    let y = row_of(&s.screen(), "学法 ");
    s.keys(&[click(3, y)]);
    assert_eq!(s.app.visible.len(), 4, "only the 学法 section");
}

fn event_strategy() -> impl Strategy<Value = Event> {
    let keys = prop::sample::select(vec![
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ]);
    prop_oneof![
        keys.prop_map(key),
        // Every command letter, and any other character including CJK and emoji.
        prop::sample::select(
            "jkgG axdrnefuUy/?svyq0123456789-"
                .chars()
                .collect::<Vec<_>>()
        )
        .prop_map(ch),
        any::<char>().prop_map(ch),
        ".{0,20}".prop_map(Event::Paste),
        (0u16..130, 0u16..45).prop_map(|(w, h)| Event::Resize(w, h)),
        (0u16..130, 0u16..45, any::<bool>()).prop_map(|(x, y, down)| Event::Mouse(MouseEvent {
            kind: if down {
                MouseEventKind::ScrollDown
            } else {
                MouseEventKind::Down(MouseButton::Left)
            },
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn random_keys_and_unicode_never_panic(events in prop::collection::vec(event_strategy(), 1..60)) {
        let mut s = Screen::new(Lang::Zh, 80, 24);
        let events: Vec<Option<Event>> = events
            .into_iter()
            // Quitting would end the run early; keep going.
            .filter(|e| !matches!(e, Event::Key(k) if k.code == KeyCode::Char('q')))
            .map(Some)
            .collect();
        s.run(events);
    }
}
