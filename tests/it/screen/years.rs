//! Switching year from the screen: the year form opens that year's ledger, or the file a
//! rollover made for a checklist that names its year.

use super::*;

#[test]
fn switching_year_opens_that_years_ledger() {
    let mut s = Screen::new(Lang::Zh, 80, 24);
    s.keys(&cat(&[
        &[ch('y'), ctrl('u')],
        &text("2023"),
        &[key(KeyCode::Enter), ch(' ')],
    ]));
    assert_eq!(s.app.checklist.year, 2023);
    assert!(s.home.ledger(2023).record("annual-plan").is_some());
    // A past year's tick defaults to its last day, not today.
    assert_eq!(
        s.home
            .ledger(2023)
            .record("annual-plan")
            .unwrap()
            .done
            .as_ref()
            .unwrap()
            .date,
        date(2023, 12, 31)
    );
    assert!(!s.home.paths(2024).ledger.exists(), "2024 untouched");
    assert!(!s.home.paths(2024).journal.exists());
}

#[test]
fn a_checklist_that_names_its_year_switches_to_the_file_rollover_made() {
    let h = Home::new().on(TODAY);
    let source = std::fs::read(repo("checklists/examples/heyuan-2024.ron")).unwrap();
    let file = h.write("heyuan-2024.ron", &source);
    let checklist = duty::checklist::load(&source, "heyuan-2024.ron", 2024, Lang::Zh).unwrap();
    assert!(checklist.year_explicit);
    // Next year's file, as `duty rollover --to 2025` writes it.
    let empty = Ledger::new(&checklist.id, 2024);
    let next = duty::review::rollover::rollover(&checklist, &empty, 2025, false, Lang::Zh).unwrap();
    let next_file = duty::review::rollover::file_for_year(&file, 2024, 2025);
    assert_eq!(next_file, h.root().join("heyuan-2025.ron"));
    std::fs::write(&next_file, duty::review::rollover::to_ron(&next, 2024)).unwrap();
    let session = h.session_with(Options {
        checklist: Some(file),
        ..Options::default()
    });
    let mut s = Screen::with_session(h, session, 100, 30);
    let switch = |s: &mut Screen, year: &str| {
        s.keys(&cat(&[
            &[ch('y'), ctrl('u')],
            &text(year),
            &[key(KeyCode::Enter)],
        ]));
    };
    switch(&mut s, "2025");
    assert_eq!(s.app.checklist.year, 2025);
    assert!(s.app.checklist.year_explicit);
    // No file for 2026: say how to make one, and stay.
    switch(&mut s, "2026");
    assert_eq!(s.app.checklist.year, 2025);
    assert!(s.said().contains("duty rollover --to 2026"), "{}", s.said());
    // And back to the file it came from, and forward again.
    switch(&mut s, "2024");
    assert_eq!(s.app.checklist.year, 2024);
    switch(&mut s, "2025");
    assert_eq!(s.app.checklist.year, 2025);
}
