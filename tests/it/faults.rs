//! Files that are not what they seem at the ledger's paths: a symbolic link into a synced
//! folder, a FIFO, leftovers of a killed writer. Each is handled without hanging, without
//! widening permissions and without losing a change.

use std::fs;
use std::time::{Duration, Instant};

use crate::harness::{Home, TODAY};

/// `duty ARGS` on `h`, killed and reported if it has not finished within ten seconds.
fn within_ten_seconds(h: &Home, args: &[&str]) -> std::process::Output {
    let mut child = h
        .command()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("duty {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_ledger_kept_behind_a_link_is_written_through_it_with_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    // A Unix link is not a link to a Windows program under Wine.
    if crate::harness::windows_build() {
        return;
    }
    let h = Home::new();
    h.ok(&["log", "party-meetings", "--topic", "第一次"]);
    let paths = h.paths(2024);
    let synced = h.root().join("同步盘");
    fs::create_dir_all(&synced).unwrap();
    let target = synced.join("2024.ron");
    fs::rename(&paths.ledger, &target).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink(&target, &paths.ledger).unwrap();

    h.ok(&["log", "party-meetings", "--topic", "第二次"]);
    let link = fs::symlink_metadata(&paths.ledger).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let text = fs::read_to_string(&target).unwrap();
    assert!(text.contains("第二次"), "{text}");
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "permissions kept, never widened");
    let json = h.ok(&["status", "--json"]).json();
    let item = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "party-meetings")
        .unwrap()
        .clone();
    assert_eq!(item["value"], 2.0);
}

#[cfg(unix)]
#[test]
fn a_fifo_at_the_ledgers_paths_is_refused_by_name_and_never_waited_on() {
    for which in ["ron", "journal"] {
        let h = Home::new();
        let paths = h.paths(2024);
        fs::create_dir_all(&paths.dir).unwrap();
        let at = if which == "ron" {
            &paths.ledger
        } else {
            &paths.journal
        };
        let made = std::process::Command::new("mkfifo").arg(at).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("note: mkfifo is not available; skipped");
            return;
        }
        for args in [&["status"][..], &["log", "party-meetings", "--topic", "x"]] {
            let out = within_ten_seconds(&h, args);
            assert_eq!(out.status.code(), Some(4), "{which}: {args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(&format!("2024.{which}")), "{which}: {err}");
        }
    }
}

#[test]
fn a_killed_writers_leftovers_beside_a_new_file_are_swept() {
    let h = Home::new().on(TODAY);
    let out = h.work().join("duty-checklist-2025.ron");
    let leftover = h.work().join(".duty-checklist-2025.ron.Xy12Ab.tmp");
    fs::write(&leftover, "(被中断的写入").unwrap();
    h.ok(&["rollover", "--to", "2025"]);
    assert!(out.is_file(), "the new checklist is written");
    assert!(!leftover.exists(), "the leftover is swept");
}
