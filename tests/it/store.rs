//! The store through the binary: `duty log` killed at random points (the ledger is always
//! the state before or after, the journal numbered without a gap), writers racing (no change
//! lost), reading commands that write nothing (not even a lock), a cut-off last journal
//! line, damaged or missing snapshots and journals, another machine's journal, the
//! previous release's format-1 files read and upgraded in place, and a journal that grows
//! with the changes, not with the items' size.

use std::collections::BTreeSet;
use std::fs;
use std::process::Stdio;
use std::time::{Duration, Instant};

use duty::i18n::Lang;
use duty::ledger::{Change, ItemRecord, Ledger};
use duty::store::{Journal, Note};

use crate::harness::{BUILTIN, Home, LANGS, fixture, names, tree};

// ---------------------------------------------------------------------------------------
// Crashes and races.

/// A small deterministic generator (xorshift), so that a failing round can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// The journal's records are numbered 1, 2, 3 … up to the ledger's count, none unreadable.
fn assert_contiguous(h: &Home, seq: u64, what: &str) {
    let history = h.history(BUILTIN, 2024);
    assert!(history.bad.is_none(), "{what}: {:?}", history.bad);
    let seqs: Vec<u64> = history.records.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (1..=seq).collect::<Vec<_>>(), "{what}");
}

/// Kill `duty log` at random points, `rounds` times: after every kill the ledger opens, is
/// the state before or the state after exactly this round's entry, and the journal is
/// numbered without a gap; a cut-off line is only ever the last one, and never stops the
/// next change.
fn crash_rounds(rounds: usize, seed: u64) {
    let h = Home::new();
    let book = h.book_of(BUILTIN, 2024);
    let log = |round: usize| {
        let mut c = h.command();
        c.args(["log", "lectures", "--date", "2024-05-01"])
            .args(["--topic", &format!("第{round}次")])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        c
    };
    // How long one whole change takes here, so that the kills spread over the whole of it;
    // measured again now and then, as a busy machine drifts.
    let timed_run = |round: usize| {
        let started = Instant::now();
        assert!(log(round).status().unwrap().success());
        started.elapsed().as_micros() as u64 * 5 / 4
    };
    let mut span = timed_run(0);
    let mut rng = Rng(seed);
    let mut before = h.ledger(2024);
    let (mut kept, mut torn) = (0, 0);
    for round in 1..=rounds {
        if round % 25 == 0 {
            span = timed_run(10 * rounds + round);
            before = h.ledger(2024);
        }
        let mut child = log(round).spawn().unwrap();
        // Now and then a kill at once (nothing can have been saved) or after the change
        // surely finished; in between, anywhere.
        let delay = match round % 10 {
            1 => 0,
            6 => 4 * span,
            _ => rng.below(span),
        };
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill();
        child.wait().unwrap();
        let opened = book
            .open()
            .unwrap_or_else(|e| panic!("round {round}: the ledger does not open: {e}"));
        assert!(
            !matches!(opened.journal, Journal::Blocked(_)),
            "round {round}: {:?}",
            opened.journal
        );
        if opened
            .notes
            .iter()
            .any(|n| matches!(n, Note::TornTail { .. }))
        {
            torn += 1;
        }
        let now = opened.ledger;
        if now != before {
            // The state after: exactly one more change, this round's entry, nothing else.
            kept += 1;
            assert_eq!(now.seq, before.seq + 1, "round {round}");
            let mut expected = now.clone();
            let entries = &mut expected.items.get_mut("lectures").unwrap().entries;
            let at = entries
                .iter()
                .position(|e| e.topic == format!("第{round}次"))
                .unwrap_or_else(|| panic!("round {round}: a change not of this round"));
            entries.remove(at);
            expected.seq -= 1;
            assert_eq!(expected, before, "round {round}");
        }
        assert_contiguous(&h, now.seq, &format!("round {round}"));
        before = now;
    }
    eprintln!("{kept} of {rounds} killed changes had been saved; {torn} left a cut-off line");
    assert!(
        kept > 0 && kept < rounds,
        "kills hit both sides ({kept} of {rounds})"
    );
    // The next change goes through and clears whatever the kills left behind.
    assert!(log(100 * rounds).status().unwrap().success());
    let opened = book.open().unwrap();
    assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    assert_contiguous(&h, opened.ledger.seq, "after the last change");
    assert_eq!(
        names(&h.paths(2024).dir),
        ["2024.journal", "2024.lock", "2024.ron"]
    );
}

#[test]
fn killed_mid_change_the_ledger_is_before_or_after() {
    crash_rounds(200, 0x2024_0328_5EED);
}

#[test]
#[ignore = "long: 1,000 rounds (cargo test -- --ignored)"]
fn killed_mid_change_a_thousand_times() {
    crash_rounds(1_000, 0x0601_D0D0);
}

/// `writers` processes logging `each` sessions at once on one item.
fn race(writers: usize, each: usize) {
    let h = Home::new();
    std::thread::scope(|s| {
        for w in 0..writers {
            let h = &h;
            s.spawn(move || {
                for n in 0..each {
                    let out = h.run(&[
                        "log",
                        "pre-meeting-study",
                        "--date",
                        "2024-05-01",
                        "--topic",
                        &format!("第{w}组第{n}次"),
                    ]);
                    assert_eq!(out.code, 0, "{w}/{n}: {}", out.stderr);
                }
            });
        }
    });
    let total = writers * each;
    let ledger = h.ledger(2024);
    let topics: BTreeSet<_> = ledger.items["pre-meeting-study"]
        .entries
        .iter()
        .map(|e| e.topic.clone())
        .collect();
    assert_eq!(topics.len(), total, "no change lost");
    assert_eq!(ledger.seq, total as u64);
    assert_contiguous(&h, total as u64, "after the race");
    let lines = fs::read_to_string(h.paths(2024).journal)
        .unwrap()
        .lines()
        .count();
    assert_eq!(lines, total + 1, "a header and one line per change");
}

#[test]
fn two_writers_at_once_both_land() {
    race(2, 40);
}

#[test]
fn eight_writers_at_once_all_land() {
    race(8, 8);
}

#[test]
#[ignore = "long: 8 writers x 100 changes (cargo test -- --ignored)"]
fn eight_writers_a_hundred_changes_each() {
    race(8, 100);
}

// ---------------------------------------------------------------------------------------
// Reading writes nothing.

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

// ---------------------------------------------------------------------------------------
// Cut-off lines, damaged and missing files.

/// A home with three sessions logged.
fn three_sessions(lang: Lang) -> Home {
    let h = Home::in_lang(lang);
    for (topic, day) in [
        ("一", "2024-03-02"),
        ("二", "2024-03-09"),
        ("三", "2024-03-16"),
    ] {
        h.ok(&["log", "center-group", "--topic", topic, "--date", day]);
    }
    h
}

fn topics(h: &Home) -> Vec<String> {
    h.ledger(2024)
        .record("center-group")
        .map(|r| r.entries.iter().map(|e| e.topic.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn a_cut_off_last_line_is_ignored_with_a_note_and_never_blocks_the_next_change() {
    for lang in LANGS {
        let h = three_sessions(lang);
        let journal = h.paths(2024).journal;
        let whole = fs::read(&journal).unwrap();
        // The last change's line loses its end, as a crash mid-write leaves it (the snapshot
        // still holds the change: it was written before the crash cut the journal).
        let cut = whole.len() - 20;
        fs::write(&journal, &whole[..cut]).unwrap();
        fs::remove_file(h.paths(2024).ledger).unwrap();
        h.duty(&["status"]).ok();
        assert_eq!(
            topics(&h),
            ["一", "二"],
            "the cut-off change never happened"
        );
        h.duty(&["history"]).ok();
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "四",
            "--date",
            "2024-03-23",
        ])
        .ok();
        assert_eq!(topics(&h), ["一", "二", "四"]);
        assert_contiguous(&h, 3, "after the next change");
        let text = fs::read_to_string(&journal).unwrap();
        assert!(text.ends_with('\n') && text.lines().count() == 4, "{text}");
        h.duty(&["status"]).ok();
        snap!(h);
    }
}

#[test]
fn a_killed_first_change_leaves_no_ledger_and_the_next_one_starts_it() {
    let h = Home::new();
    let paths = h.paths(2024);
    fs::create_dir_all(&paths.dir).unwrap();
    // A journal whose header never got its newline: the first change was cut off.
    fs::write(&paths.journal, "{\"journal\":\"0123456789abcdef\",\"chec").unwrap();
    let out = h.ok(&["status"]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "一",
        "--date",
        "2024-03-02",
    ]);
    assert_eq!(topics(&h), ["一"]);
    assert_contiguous(&h, 1, "the new journal");
}

#[test]
fn a_snapshot_behind_its_journal_is_brought_up_to_date() {
    let h = Home::new();
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "一",
        "--date",
        "2024-03-02",
    ]);
    let ledger = h.paths(2024).ledger;
    let older = fs::read(&ledger).unwrap();
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "二",
        "--date",
        "2024-03-09",
    ]);
    // A crash between the journal's sync and the snapshot's rename leaves the older one.
    fs::write(&ledger, &older).unwrap();
    let out = h.ok(&["status"]);
    assert!(out.stderr.is_empty(), "caught up silently: {}", out.stderr);
    assert_eq!(topics(&h), ["一", "二"]);
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "三",
        "--date",
        "2024-03-16",
    ]);
    assert_eq!(topics(&h), ["一", "二", "三"]);
    assert_contiguous(&h, 3, "after catching up");
}

#[test]
fn a_damaged_snapshot_is_rebuilt_from_the_journal_and_kept_aside_at_the_next_change() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        for name in ["truncated.ron", "zero-byte.ron", "garbage.ron"] {
            let h2 = three_sessions(lang);
            let bad = fs::read(fixture("ledgers").join(name)).unwrap();
            let ledger = h2.paths(2024).ledger;
            fs::write(&ledger, &bad).unwrap();
            let status = h2.run(&["status"]);
            status.ok();
            assert!(
                status.stdout.contains("3/4") || status.stdout.contains("3/4 "),
                "{name}"
            );
            assert!(!status.stderr.is_empty(), "{name}: a note");
            assert_eq!(topics(&h2), ["一", "二", "三"], "{name}: the data is shown");
            assert_eq!(
                fs::read(&ledger).unwrap(),
                bad,
                "{name}: reading changes nothing"
            );
            h2.ok(&["note", "lectures", "x"]);
            let aside = h2.paths(2024).dir.join("2024.ron.damaged-1");
            assert_eq!(fs::read(&aside).unwrap(), bad, "{name}: kept aside");
            assert_eq!(topics(&h2), ["一", "二", "三"]);
            assert!(
                h2.opened(BUILTIN, 2024).notes.is_empty(),
                "{name}: written again"
            );
        }
        // The words, once per kind of damage (the ledger file named by its path).
        for name in ["truncated.ron", "zero-byte.ron", "garbage.ron"] {
            let dir = h.paths(2024).dir;
            let _ = fs::remove_dir_all(&dir);
            for (topic, day) in [("一", "2024-03-02"), ("二", "2024-03-09")] {
                h.ok(&["log", "center-group", "--topic", topic, "--date", day]);
            }
            fs::write(
                h.paths(2024).ledger,
                fs::read(fixture("ledgers").join(name)).unwrap(),
            )
            .unwrap();
            h.say(name);
            h.duty(&["history", "center-group"]).ok();
            h.duty(&[
                "log",
                "center-group",
                "--topic",
                "三",
                "--date",
                "2024-03-16",
            ])
            .ok();
        }
        // A missing snapshot is rebuilt the same way; `duty repair` writes it at once.
        fs::remove_file(h.paths(2024).ledger).unwrap();
        h.say("missing");
        h.duty(&["history", "center-group"]).ok();
        h.duty(&["repair"]).ok();
        h.duty(&["history", "center-group"]).ok();
        fs::write(h.paths(2024).ledger, "(garbage").unwrap();
        h.duty(&["repair"]).ok();
        assert!(h.paths(2024).dir.join("2024.ron.damaged-2").exists());
        snap!(h);
    }
}

#[test]
fn a_ledger_of_another_checklist_year_or_newer_duty_stops_everything_and_is_never_written() {
    for lang in LANGS {
        let h = three_sessions(lang);
        for name in ["future.ron", "other-checklist.ron", "other-year.ron"] {
            let bad = fs::read(fixture("ledgers").join(name)).unwrap();
            let ledger = h.paths(2024).ledger;
            fs::write(&ledger, &bad).unwrap();
            let before = tree(&h.data());
            h.say(name);
            for args in [
                &["status"][..],
                &["log", "center-group", "--topic", "四"],
                &["undo"],
                &["repair"],
            ] {
                h.duty(args).code(4);
                assert_eq!(tree(&h.data()), before, "{name} {args:?}");
            }
        }
        snap!(h);
    }
}

/// Damage line `n` (1-based) of the journal without changing its length.
fn damage_line(h: &Home, n: usize) {
    let journal = h.paths(2024).journal;
    let text = fs::read_to_string(&journal).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[n - 1] = lines[n - 1].replacen("\"seq\":", "\"seq\"?", 1);
    fs::write(&journal, lines.join("\n") + "\n").unwrap();
    assert_eq!(fs::read_to_string(&journal).unwrap().len(), text.len());
}

#[test]
fn a_damaged_journal_line_in_the_middle_is_named_and_blocks_changes_until_repair() {
    for lang in LANGS {
        let h = three_sessions(lang);
        // Line 3 is the second change: the snapshot holds it, so the ledger is shown whole.
        damage_line(&h, 3);
        let before = tree(&h.data());
        h.duty(&["status"]).ok();
        assert_eq!(topics(&h), ["一", "二", "三"]);
        h.duty(&["history"]).code(4);
        h.duty(&["log", "center-group", "--topic", "四"]).code(4);
        h.duty(&["undo"]).code(4);
        h.duty(&["redo"]).code(4);
        assert_eq!(tree(&h.data()), before, "nothing appended after the damage");
        h.duty(&["repair"]).ok();
        let aside = h.paths(2024).dir.join("2024.journal.damaged-1");
        assert!(aside.exists());
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "四",
            "--date",
            "2024-03-23",
        ])
        .ok();
        assert_eq!(topics(&h), ["一", "二", "三", "四"]);
        h.duty(&["history"]).ok();
        h.duty(&["undo"]).ok();
        h.duty(&["undo"]).code(5);
        snap!(h);
    }
}

#[test]
fn a_damaged_journal_without_its_snapshot_shows_what_it_can_and_repair_carries_on_past_the_damage()
{
    for lang in LANGS {
        for snapshot in ["missing", "damaged"] {
            let h = three_sessions(lang);
            h.ok(&[
                "log",
                "center-group",
                "--topic",
                "四",
                "--date",
                "2024-03-23",
            ]);
            let paths = h.paths(2024);
            match snapshot {
                "missing" => fs::remove_file(&paths.ledger).unwrap(),
                _ => fs::write(&paths.ledger, "(format: 2, items: {").unwrap(),
            }
            // Line 3 is the second change; the snapshot that held it is gone.
            damage_line(&h, 3);
            let before = tree(&h.data());
            h.say(&format!(
                "the snapshot {snapshot}, line 3 of the journal damaged"
            ));
            let status = h.duty(&["status"]);
            status.ok();
            assert!(status.stderr.contains("repair"), "{}", status.stderr);
            h.duty(&["log", "center-group", "--topic", "五"]).code(4);
            assert_eq!(tree(&h.data()), before, "nothing written before the repair");
            h.duty(&["repair"]).ok();
            // 一 before the damage, 三 and 四 after it; 二 was on the damaged line.
            assert_eq!(topics(&h), ["一", "三", "四"], "{snapshot}");
            assert!(paths.dir.join("2024.journal.damaged-1").exists());
            assert_eq!(
                paths.dir.join("2024.ron.damaged-1").exists(),
                snapshot == "damaged",
                "an unreadable snapshot is kept, never overwritten"
            );
            h.duty(&[
                "log",
                "center-group",
                "--topic",
                "二（补登）",
                "--date",
                "2024-03-09",
            ])
            .ok();
            assert_eq!(topics(&h).len(), 4);
            if snapshot == "missing" {
                snap!(h);
            }
        }
    }
}

#[test]
fn a_damaged_line_the_snapshot_does_not_hold_yet_blocks_changes_too() {
    let h = three_sessions(Lang::Zh);
    // The snapshot of the first change, as a crash can leave it; lines 3 and 4 are after it.
    let older = {
        let h1 = Home::new();
        h1.ok(&[
            "log",
            "center-group",
            "--topic",
            "一",
            "--date",
            "2024-03-02",
        ]);
        fs::read_to_string(h1.paths(2024).ledger).unwrap()
    };
    let journal_id = fs::read_to_string(h.paths(2024).journal).unwrap()[12..28].to_string();
    let older = older
        .lines()
        .map(|l| match l.trim().strip_prefix("id: \"") {
            Some(_) => format!("    id: \"{journal_id}\","),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(h.paths(2024).ledger, older).unwrap();
    damage_line(&h, 3);
    let status = h.run(&["status"]);
    status.ok();
    assert!(status.stderr.contains("第 3 行"), "{}", status.stderr);
    assert_eq!(
        topics(&h),
        ["一"],
        "shown from the snapshot, up to the damage"
    );
    let log = h.run(&["log", "center-group", "--topic", "四"]);
    log.code(4);
    assert!(log.stderr.contains("第 3 行"), "{}", log.stderr);
    h.ok(&["repair"]);
    h.ok(&[
        "log",
        "center-group",
        "--topic",
        "四",
        "--date",
        "2024-03-23",
    ]);
    assert_eq!(topics(&h), ["一", "四"]);
}

#[test]
fn another_machines_journal_beside_the_ledger_is_refused_for_changes() {
    for lang in LANGS {
        let h = three_sessions(lang);
        let other = Home::new();
        other.ok(&["note", "lectures", "另一台电脑"]);
        fs::copy(other.paths(2024).journal, h.paths(2024).journal).unwrap();
        let before = tree(&h.data());
        h.duty(&["status"]).ok();
        assert_eq!(topics(&h), ["一", "二", "三"], "shown from this ledger");
        h.duty(&["log", "center-group", "--topic", "四"]).code(4);
        h.duty(&["undo"]).code(4);
        assert_eq!(tree(&h.data()), before);
        h.duty(&["repair"]).ok();
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "四",
            "--date",
            "2024-03-23",
        ])
        .ok();
        assert_eq!(topics(&h), ["一", "二", "三", "四"]);
        assert!(
            h.ledger(2024).record("lectures").is_none(),
            "nothing of the other's"
        );
        // An older copy of this ledger's own journal put back is refused the same way.
        let journal = h.paths(2024).journal;
        let mut text = fs::read_to_string(&journal).unwrap();
        text.truncate(text.trim_end().rfind('\n').unwrap() + 1);
        fs::write(&journal, text).unwrap();
        h.duty(&["log", "center-group", "--topic", "五"]).code(4);
        snap!(h);
    }
}

#[test]
fn a_missing_journal_starts_again_at_the_next_change() {
    for lang in LANGS {
        let h = three_sessions(lang);
        fs::remove_file(h.paths(2024).journal).unwrap();
        h.duty(&["status"]).ok();
        h.duty(&["history"]).ok();
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "四",
            "--date",
            "2024-03-23",
        ])
        .ok();
        assert_eq!(topics(&h), ["一", "二", "三", "四"]);
        h.duty(&["history"]).ok();
        h.duty(&["undo"]).ok();
        h.duty(&["undo"]).code(5);
        snap!(h);
    }
}

// ---------------------------------------------------------------------------------------
// The previous release's files (format 1), written by it: see fixtures/format1/README.md.

/// A home holding the previous release's data directory.
fn format1(lang: Lang) -> Home {
    let h = Home::in_lang(lang);
    h.copy_fixture("format1/data", "data");
    h
}

#[test]
fn the_previous_releases_ledger_is_read_as_it_is() {
    for lang in LANGS {
        let h = format1(lang);
        h.duty(&["status"]).ok();
        h.duty(&["history"]).ok();
        h.duty(&["history", "center-group"]).ok();
        h.duty(&["paths"]).ok();
        let l = h.ledger(2024);
        assert_eq!(l.seq, 14);
        assert_eq!(l.items.len(), 7);
        let history = h.history(BUILTIN, 2024);
        assert!(history.legacy);
        assert_eq!(history.records.len(), 14);
        snap!(h);
    }
}

#[test]
fn the_first_change_upgrades_in_place_and_loses_nothing() {
    for lang in LANGS {
        let h = format1(lang);
        let dir = h.paths(2024).dir;
        let old = h.ledger(2024);
        let history = fs::read(dir.join("2024.history.jsonl")).unwrap();
        let backup = fs::read(dir.join("2024.ron.bak")).unwrap();
        h.duty(&[
            "log",
            "center-group",
            "--topic",
            "新的一次",
            "--date",
            "2024-05-30",
        ])
        .ok();
        let new = h.ledger(2024);
        // Every item as it was, but the one just changed, which gained just the entry.
        for (id, record) in &old.items {
            if id != "center-group" {
                assert_eq!(new.items.get(id), Some(record), "{id}");
            }
        }
        assert_eq!(new.items.len(), old.items.len());
        let mut center = new.items["center-group"].clone();
        center.entries.retain(|e| e.topic != "新的一次");
        assert_eq!(Some(&center), old.items.get("center-group"));
        assert!(!new.closed);
        // The old files stay as they were; the journal holds their history and the change.
        assert_eq!(fs::read(dir.join("2024.history.jsonl")).unwrap(), history);
        assert_eq!(fs::read(dir.join("2024.ron.bak")).unwrap(), backup);
        assert_eq!(
            names(&dir),
            [
                "2024.history.jsonl",
                "2024.journal",
                "2024.lock",
                "2024.ron",
                "2024.ron.bak"
            ]
        );
        let journal = h.history(BUILTIN, 2024);
        assert!(!journal.legacy && journal.bad.is_none());
        assert_eq!(
            journal.records.len(),
            16,
            "14 old changes, a checkpoint, the new one"
        );
        h.duty(&["history"]).ok();
        // Undo takes back the new change, then the old ones, newest first.
        h.duty(&["undo"]).ok();
        assert_eq!(h.ledger(2024).items, old.items);
        h.duty(&["undo"]).ok();
        let party = h.ledger(2024).items["party-meetings"].clone();
        assert!(party.entries.is_empty() && party.note == "第二次会议待纪要印发");
        h.duty(&["undo"]).ok();
        assert!(h.ledger(2024).record("pre-meeting-study").is_none());
        h.duty(&["redo"]).ok();
        assert!(h.ledger(2024).record("pre-meeting-study").is_some());
        h.duty(&["status"]).ok();
        snap!(h);
    }
}

#[test]
fn undo_as_the_first_change_after_the_upgrade_undoes_the_last_old_change() {
    for lang in LANGS {
        let h = format1(lang);
        let old = h.ledger(2024);
        h.duty(&["undo"]).ok();
        let new = h.ledger(2024);
        // The last old change was 李四's log on party-meetings: only that is gone.
        let mut expected = old.items.clone();
        expected.get_mut("party-meetings").unwrap().entries.clear();
        assert_eq!(new.items, expected);
        h.duty(&["history"]).ok();
        h.duty(&["redo"]).ok();
        assert_eq!(h.ledger(2024).items, old.items);
        snap!(h);
    }
}

#[test]
fn an_old_history_line_that_never_took_effect_is_left_out_of_the_upgrade() {
    let h = format1(Lang::Zh);
    let path = h.paths(2024).legacy_history;
    let text = fs::read_to_string(&path).unwrap();
    // A crash between the history append and the ledger's rename: change 15 is in the
    // history, but the ledger (seq 14) never got it.
    let last = text.lines().last().unwrap();
    let ghost = last
        .replacen("\"seq\":14", "\"seq\":15", 1)
        .replace("研究法治建设", "从未保存");
    fs::write(&path, format!("{text}{ghost}\n")).unwrap();
    let old = h.ledger(2024);
    assert_eq!(h.history(BUILTIN, 2024).records.len(), 14);
    h.ok(&["note", "lectures", "升级"]);
    let history = h.history(BUILTIN, 2024);
    assert_eq!(history.records.len(), 16);
    assert!(!h.run(&["history"]).stdout.contains("从未保存"));
    let mut expected = old.items.clone();
    expected.insert(
        "lectures".into(),
        ItemRecord {
            note: "升级".into(),
            ..Default::default()
        },
    );
    assert_eq!(h.ledger(2024).items, expected);
}

#[test]
fn a_lost_or_damaged_old_ledger_is_put_back_from_its_backup_and_history() {
    for lang in LANGS {
        let h = format1(lang);
        let old = h.ledger(2024);
        let paths = h.paths(2024);
        for name in ["truncated.ron", "garbage.ron"] {
            let bad = fs::read(fixture("ledgers").join(name)).unwrap();
            fs::write(&paths.ledger, &bad).unwrap();
            let before = tree(&h.data());
            h.say(name);
            for args in [
                &["status"][..],
                &["log", "center-group", "--topic", "x"],
                &["undo"],
            ] {
                h.duty(args).code(4);
                assert_eq!(tree(&h.data()), before, "{name} {args:?}");
            }
            // The old history is still there to read.
            h.duty(&["history", "party-meetings"]).ok();
        }
        h.duty(&["repair"]).ok();
        assert_eq!(
            h.ledger(2024).items,
            old.items,
            "the backup and the history after it"
        );
        let aside = paths.dir.join("2024.ron.damaged-1");
        assert_eq!(
            fs::read(aside).unwrap(),
            fs::read(fixture("ledgers/garbage.ron")).unwrap()
        );
        h.duty(&["history"]).ok();
        snap!(h);
        // A ledger gone altogether, beside its backup and history, is lost, not new.
        let h2 = format1(lang);
        fs::remove_file(h2.paths(2024).ledger).unwrap();
        h2.duty(&["status"]).code(4);
        h2.duty(&["log", "center-group", "--topic", "x"]).code(4);
        h2.duty(&["restore-backup"]).ok();
        assert_eq!(h2.ledger(2024).items, old.items);
        snap!(
            "a_lost_old_ledger_is_put_back_from_its_backup_and_history",
            h2
        );
        // With its backup unreadable too, the history alone rebuilds it: it goes back to the
        // first change, and each line holds the item's whole state.
        let h3 = format1(lang);
        let paths = h3.paths(2024);
        fs::write(
            &paths.ledger,
            fs::read(fixture("ledgers/garbage.ron")).unwrap(),
        )
        .unwrap();
        fs::write(&paths.legacy_backup, "").unwrap();
        let before = tree(&h3.data());
        h3.duty(&["status"]).code(4);
        assert_eq!(tree(&h3.data()), before);
        h3.duty(&["repair"]).ok();
        assert_eq!(h3.ledger(2024).items, old.items, "the history alone");
        assert!(paths.dir.join("2024.ron.damaged-1").exists());
        h3.duty(&["status"]).ok();
        snap!("an_old_ledger_with_its_backup_unreadable_too", h3);
    }
}

// ---------------------------------------------------------------------------------------
// Size.

#[test]
fn two_thousand_logs_on_one_item_leave_the_journal_under_a_megabyte() {
    // Through the session, as `duty log` commits (in memory where the system has it: this
    // is about size, not durability, and two thousand syncs take long).
    let h = Home::in_memory(Lang::Zh);
    let session = h.session();
    for n in 0..2_000 {
        session
            .change(&Change::Log {
                item: "pre-meeting-study".into(),
                date: "2024-05-01".parse().unwrap(),
                topic: "学习《中华人民共和国行政复议法》".into(),
                hours: None,
                evidence: format!("纪要〔2024〕{n}号"),
                people: Default::default(),
                also: Vec::new(),
            })
            .unwrap();
    }
    let journal = fs::metadata(h.paths(2024).journal).unwrap().len();
    assert!(journal < 1024 * 1024, "the journal is {journal} bytes");
    let ledger: Ledger = h.ledger(2024);
    let entries = &ledger.items["pre-meeting-study"].entries;
    assert_eq!(entries.len(), 2_000);
    assert!(entries.iter().all(|e| e.id.len() == 6), "short ids");
    assert_contiguous(&h, 2_000, "two thousand logs");
}
