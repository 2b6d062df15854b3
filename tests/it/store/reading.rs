//! Reading writes nothing: every command that only reads leaves the home as it was, not even
//! a lock, on a new ledger, a damaged one and the previous release's.

use super::*;

/// Every command that only reads.
const READING: &[&[&str]] = &[
    &[],
    &["status"],
    &["status", "--json"],
    &["review"],
    &["summary"],
    &["summary", "-f", "json"],
    &["ledger"],
    &["ledger", "-f", "csv", "--entries"],
    &["history"],
    &["history", "center-group"],
    &["due", "--within", "30d"],
    &["paths"],
];

fn assert_reading_writes_nothing(h: &Home, what: &str) {
    let before = tree(h.root());
    for args in READING {
        let out = h.run(args);
        assert!(
            out.code == 0 || out.code == 1,
            "{what} {args:?}: {}",
            out.stderr
        );
        assert_eq!(
            tree(h.root()),
            before,
            "{what}: duty {args:?} wrote something"
        );
    }
}

#[test]
fn reading_commands_write_nothing_not_even_a_lock() {
    let h = Home::new();
    assert_reading_writes_nothing(&h, "a fresh home");
    assert_eq!(names(h.root()), ["work"], "no data or settings directory");
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "宪法",
        "--date",
        "2024-03-02",
    ]);
    h.ok(&["check", "annual-plan", "--date", "2024-03-28"]);
    fs::remove_file(h.paths(2024).lock).unwrap();
    assert_reading_writes_nothing(&h, "a ledger");
    assert!(!h.paths(2024).lock.exists());
    // Nor do they put right what the next change will: a cut-off line, a damaged snapshot.
    let journal = h.paths(2024).journal;
    let mut bytes = fs::read(&journal).unwrap();
    bytes.extend_from_slice(b"{\"seq\":3,\"at\":\"2024-06");
    fs::write(&journal, &bytes).unwrap();
    assert_reading_writes_nothing(&h, "a cut-off line");
    fs::write(h.paths(2024).ledger, "(garbage").unwrap();
    assert_reading_writes_nothing(&h, "a damaged snapshot");
    // The previous release's files, read as they are.
    let old = Home::new();
    old.copy_fixture("format1/data", "data");
    assert_reading_writes_nothing(&old, "a format-1 ledger");
}
