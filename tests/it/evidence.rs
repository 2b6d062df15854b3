//! Files as evidence through the binary: real PDFs and JPEGs (and a large generated file)
//! attached, kept once by hash and recorded with name, size, hash, date and person; the
//! original untouched; detach, verify and the clean-up; files opened with a viewer (a
//! stand-in that records what it got); every bad input and fault — a missing file, a
//! folder, a file over the limit, names Windows forbids, a full disk, kill -9 mid-attach, a
//! stored file deleted or altered by hand — said clearly, with the ledger and the store left
//! consistent. The package is in `package`, spreadsheets (the xlsx ledger, imports) in
//! `spreadsheet`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use duty::ledger::{Attachment, Ledger};
use sha2::{Digest, Sha256};

use crate::harness::{Home, LANGS, repo, tree};

/// A file under `tests/it/fixtures/evidence/`.
pub(crate) fn ours(name: &str) -> PathBuf {
    repo("tests/it/fixtures/evidence").join(name)
}

/// The same, as an argument.
pub(crate) fn fx(name: &str) -> String {
    ours(name).display().to_string()
}

pub(crate) const PDF: &str = "2025-03-28 党组会纪要.pdf";
pub(crate) const JPG: &str = "签到表.jpg";

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn files(h: &Home, item: &str) -> Vec<Attachment> {
    h.ledger(2024)
        .items
        .get(item)
        .map(|r| r.files.clone())
        .unwrap_or_default()
}

/// The store's files (relative paths), its lock and temporaries left out.
fn stored(h: &Home) -> Vec<String> {
    let root = h.data().join("evidence");
    let mut out = Vec::new();
    for dir in fs::read_dir(&root).into_iter().flatten().flatten() {
        if dir.path().is_dir() {
            for f in fs::read_dir(dir.path()).unwrap().flatten() {
                out.push(format!(
                    "{}/{}",
                    dir.file_name().to_string_lossy(),
                    f.file_name().to_string_lossy()
                ));
            }
        }
    }
    out.sort();
    out
}

/// Log a session on `item` and return its entry id.
pub(crate) fn log(h: &Home, item: &str, date: &str, topic: &str, evidence: &str) -> String {
    h.ok(&[
        "log",
        item,
        "--date",
        date,
        "--topic",
        topic,
        "--evidence",
        evidence,
    ]);
    let ledger: Ledger = h.ledger(2024);
    let r = &ledger.items[item];
    r.entries
        .iter()
        .find(|e| e.topic == topic)
        .unwrap()
        .id
        .to_string()
}

/// Copy a fixture into the home's working directory (where duty runs) under `name`, as the
/// officer has it.
pub(crate) fn place(h: &Home, fixture: &str, name: &str) -> PathBuf {
    let to = h.work().join(name);
    fs::copy(ours(fixture), &to).unwrap();
    to
}

/// A file's name, for the command line (duty runs in the working directory).
pub(crate) fn n(p: &Path) -> &str {
    p.file_name().unwrap().to_str().unwrap()
}

pub(crate) fn python() -> Option<&'static str> {
    Command::new("python3")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| "python3")
}

#[test]
fn attached_files_are_kept_once_by_hash_with_what_they_evidence() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let pdf = place(&h, PDF, PDF);
        let jpg = place(&h, JPG, JPG);
        let pdf_bytes = fs::read(&pdf).unwrap();
        let mtime = fs::metadata(&pdf).unwrap().modified().unwrap();
        let entry = log(
            &h,
            "party-meetings",
            "2024-03-28",
            "传达学习习近平法治思想",
            "党组会纪要〔2024〕3号",
        );
        h.duty(&[
            "attach",
            "party-meetings",
            "--entry",
            entry.as_str(),
            n(&pdf),
            n(&jpg),
        ])
        .ok();
        h.ok(&["check", "annual-plan", "--date", "2024-03-20"]);
        // The same scan again, for another item: recorded there, stored once.
        let out = h.duty(&["attach", "annual-plan", n(&jpg)]);
        out.ok();
        assert!(
            out.stdout.contains(lang.pick("未重复保存", "kept once")),
            "{}",
            out.stdout
        );
        let kept = files(&h, "party-meetings");
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].name, PDF);
        assert_eq!(kept[0].size, pdf_bytes.len() as u64);
        assert_eq!(kept[0].sha256, sha256(&pdf_bytes));
        assert_eq!(kept[0].date.to_string(), "2024-03-28", "the entry's day");
        assert_eq!(kept[0].entry.as_deref(), Some(entry.as_str()));
        assert_eq!(kept[0].by, "张三");
        let plan = &files(&h, "annual-plan")[0];
        assert_eq!(
            (plan.date.to_string(), plan.entry.clone()),
            ("2024-03-20".into(), None),
            "the tick's day"
        );
        let jpg_hash = sha256(&fs::read(&jpg).unwrap());
        assert_eq!(stored(&h), {
            let mut v = vec![
                format!("{}/{}", &kept[0].sha256[..2], kept[0].sha256),
                format!("{}/{jpg_hash}", &jpg_hash[..2]),
            ];
            v.sort();
            v
        });
        // The original is only read.
        assert_eq!(fs::read(&pdf).unwrap(), pdf_bytes);
        assert_eq!(fs::metadata(&pdf).unwrap().modified().unwrap(), mtime);
        // A given date, and the same file twice for the same entry.
        h.duty(&["attach", "lectures", "--date", "2024-05-02", n(&pdf)])
            .ok();
        assert_eq!(files(&h, "lectures")[0].date.to_string(), "2024-05-02");
        h.duty(&["attach", "lectures", n(&pdf)]).code(5);
        // Listed, counted, and history says it.
        h.duty(&["evidence", "party-meetings"]).ok();
        h.duty(&["evidence"]).ok();
        let status = h.duty(&["status"]);
        assert!(
            status.stdout.contains(lang.pick("附件2", "2 files")),
            "{}",
            status.stdout
        );
        h.duty(&["history", "party-meetings"]).ok();
        crate::snap!(h);
    }
}

#[test]
fn detach_keeps_the_file_until_the_clean_up_and_the_history_keeps_the_reference() {
    let h = Home::new();
    let pdf = place(&h, PDF, PDF);
    h.ok(&["check", "annual-plan", "--date", "2024-03-20"]);
    h.duty(&["attach", "annual-plan", n(&pdf)]).ok();
    let hash = files(&h, "annual-plan")[0].sha256.clone();
    h.duty(&["detach", "annual-plan", "1"]).ok();
    assert!(files(&h, "annual-plan").is_empty());
    assert_eq!(stored(&h).len(), 1, "the stored file stays");
    h.duty(&["undo"]).ok();
    assert_eq!(
        files(&h, "annual-plan").len(),
        1,
        "undo puts the reference back"
    );
    h.duty(&["detach", "annual-plan", &hash[..8]]).ok();
    h.duty(&["verify"]).ok();
    // Without --yes and without a terminal: listed, nothing deleted.
    h.duty(&["clean"]).ok();
    assert_eq!(stored(&h).len(), 1);
    h.duty(&["clean", "--yes"]).ok();
    assert!(stored(&h).is_empty());
    // Undoing the detach would now refer to a file that is gone: refused, said how to mend.
    h.duty(&["undo"]).code(5);
    assert!(files(&h, "annual-plan").is_empty());
    // Attaching the original again is the mend.
    h.duty(&["attach", "annual-plan", n(&pdf)]).ok();
    h.duty(&["clean"]).ok();
    crate::snap!(h);
}

#[test]
fn bad_files_are_refused_clearly_and_change_nothing() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        h.ok(&["check", "annual-plan", "--date", "2024-03-20"]);
        let before = tree(&h.data());
        h.duty(&["attach", "annual-plan", "没有这个文件.pdf"])
            .code(4);
        h.duty(&["attach", "annual-plan", "."]).code(4);
        h.duty(&["attach", "no-such-item", "x.pdf"]).code(5);
        h.duty(&["attach", "annual-plan", "--entry", "abc", "x.pdf"])
            .code(5);
        let pdf = place(&h, PDF, PDF);
        h.duty(&["attach", "party-meetings", "--entry", "nope", n(&pdf)])
            .code(5);
        // Over the limit the settings set (1 MB here).
        fs::create_dir_all(h.config()).unwrap();
        fs::write(
            h.config().join("settings.ron"),
            "(evidence_limit_mb: Some(1))\n",
        )
        .unwrap();
        let big = h.work().join("扫描件.pdf");
        fs::write(&big, vec![b'x'; 1024 * 1024 + 1]).unwrap();
        h.duty(&["attach", "annual-plan", n(&big)]).code(5);
        // One bad file among good ones: none is attached.
        h.duty(&["attach", "annual-plan", n(&pdf), "缺失.jpg"])
            .code(4);
        assert!(files(&h, "annual-plan").is_empty());
        let after = tree(&h.data());
        let ledger_files = |t: &crate::harness::Tree| {
            t.iter()
                .filter(|(k, _)| k.starts_with("rule-of-law-duties"))
                .map(|(k, v)| (k.clone(), v.0.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ledger_files(&before),
            ledger_files(&after),
            "the ledger is as it was"
        );
        crate::snap!(h);
    }
}

#[test]
fn names_windows_forbids_or_no_one_can_print_are_kept_and_shown_safely() {
    // Files with these names cannot exist for a Windows program to attach.
    if crate::harness::windows_build() {
        return;
    }
    let h = Home::new();
    h.ok(&["check", "annual-plan", "--date", "2024-03-20"]);
    let odd = h.work().join("会议:纪要?第1期*.pdf");
    fs::copy(ours(PDF), &odd).unwrap();
    let control = h.work().join("扫描\u{1b}[31m件.pdf");
    fs::write(&control, b"scan").unwrap();
    let reserved = h.work().join("CON.pdf");
    fs::write(&reserved, b"con").unwrap();
    let emoji = h.work().join("合影🙂 Ünïcödé ١٢٣.jpg");
    fs::copy(ours(JPG), &emoji).unwrap();
    h.duty(&[
        "attach",
        "annual-plan",
        n(&odd),
        n(&control),
        n(&reserved),
        n(&emoji),
    ])
    .ok();
    let names: Vec<String> = files(&h, "annual-plan")
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(
        names,
        vec![
            "会议:纪要?第1期*.pdf",
            "扫描_[31m件.pdf",
            "CON.pdf",
            "合影🙂 Ünïcödé ١٢٣.jpg"
        ]
    );
    h.duty(&["pack", "-o", "包.zip"]).ok();
    let mut zip = zip::ZipArchive::new(fs::File::open(h.work().join("包.zip")).unwrap()).unwrap();
    let inside: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .filter(|n| n.starts_with("01 "))
        .collect();
    assert_eq!(
        inside,
        vec![
            "01 第一责任人职责/01 将法治建设纳入年度工作要点/2024-03-20 会议：纪要？第1期＊.pdf",
            "01 第一责任人职责/01 将法治建设纳入年度工作要点/2024-03-20 扫描_[31m件.pdf",
            "01 第一责任人职责/01 将法治建设纳入年度工作要点/2024-03-20 CON.pdf",
            "01 第一责任人职责/01 将法治建设纳入年度工作要点/2024-03-20 合影🙂 Ünïcödé ١٢٣.jpg",
        ]
    );
    crate::snap!(h);
}

#[test]
fn a_stored_file_deleted_or_altered_by_hand_is_noticed_by_every_reader() {
    let h = Home::new();
    h.ok(&["check", "annual-plan", "--date", "2024-03-20"]);
    h.ok(&["check", "study-plan", "--date", "2024-03-21"]);
    let pdf = place(&h, PDF, PDF);
    let jpg = place(&h, JPG, JPG);
    h.ok(&["attach", "annual-plan", n(&pdf)]);
    h.ok(&["attach", "study-plan", n(&jpg)]);
    let pdf_hash = files(&h, "annual-plan")[0].sha256.clone();
    let jpg_hash = files(&h, "study-plan")[0].sha256.clone();
    let store = h.data().join("evidence");
    // Altered (same size, one byte) and deleted.
    let altered = store.join(&pdf_hash[..2]).join(&pdf_hash);
    let mut perms = fs::metadata(&altered).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    fs::set_permissions(&altered, perms).unwrap();
    let mut bytes = fs::read(&altered).unwrap();
    bytes[10] ^= 1;
    fs::write(&altered, &bytes).unwrap();
    let deleted = store.join(&jpg_hash[..2]).join(&jpg_hash);
    fs::remove_file(&deleted).unwrap();
    h.duty(&["verify"]).code(1);
    h.duty(&["pack", "-o", "包.zip"]).code(4);
    assert!(!h.work().join("包.zip").exists());
    let viewer = viewer_script(&h);
    let open = |item: &str| {
        let mut c = h.command();
        c.env("DUTY_OPENER", &viewer).args(["open", item]);
        crate::harness::Out::from(c.output().unwrap())
    };
    assert_eq!(open("annual-plan").code, 4);
    assert_eq!(open("study-plan").code, 4);
    // Attaching the originals again mends both (nothing new for the ledger).
    h.duty(&["attach", "annual-plan", n(&pdf)]).ok();
    h.duty(&["attach", "study-plan", n(&jpg)]).ok();
    h.duty(&["verify"]).ok();
    h.duty(&["pack", "-o", "包.zip"]).ok();
    crate::snap!(h);
}

/// A stand-in viewer: records the path it was given, and a copy of what it read.
fn viewer_script(h: &Home) -> PathBuf {
    let script = h.root().join("viewer.sh");
    fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > '{0}/opened-path'\ncat \"$1\" > '{0}/opened-bytes'\n",
            h.root().display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    }
    script
}

#[cfg(unix)]
#[test]
fn open_hands_the_viewer_a_read_only_copy_under_its_own_name() {
    let h = Home::new();
    let entry = log(&h, "party-meetings", "2024-03-28", "传达学习", "");
    let pdf = place(&h, PDF, PDF);
    let jpg = place(&h, JPG, "照片 & 签到 (1).jpg");
    h.ok(&[
        "attach",
        "party-meetings",
        "--entry",
        entry.as_str(),
        n(&pdf),
        n(&jpg),
    ]);
    let viewer = viewer_script(&h);
    let run = |args: &[&str]| {
        let mut c = h.command();
        c.env("DUTY_OPENER", &viewer).args(args);
        crate::harness::Out::from(c.output().unwrap())
    };
    // Two files: which one must be said.
    assert_eq!(run(&["open", "party-meetings"]).code, 5);
    let out = run(&["open", "party-meetings", "2"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The viewer may still be starting when duty returns: wait for it.
    let opened = h.root().join("opened-bytes");
    let start = Instant::now();
    while !opened.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(100));
    let said = fs::read_to_string(h.root().join("opened-path")).unwrap();
    // The last part of the path, whichever separator the build's platform uses.
    let name = said.rsplit(['/', '\\']).next().unwrap_or_default();
    assert_eq!(name, "照片 & 签到 (1).jpg");
    let path = PathBuf::from(&said);
    assert!(!path.starts_with(h.data()), "never the store itself");
    // A Windows path (C:\users\…) cannot be looked at from here.
    if !crate::harness::windows_build() {
        assert!(fs::metadata(&path).unwrap().permissions().readonly());
    }
    // The stand-in viewer is a shell script, which cannot read a Windows path.
    if !crate::harness::windows_build() {
        assert_eq!(fs::read(opened).unwrap(), fs::read(&jpg).unwrap());
    }
    // A viewer that cannot start is said, with the copy to open by hand.
    let mut c = h.command();
    c.env("DUTY_OPENER", h.root().join("no-such-viewer"))
        .args(["open", "party-meetings", "1"]);
    let out = crate::harness::Out::from(c.output().unwrap());
    assert_eq!(out.code, 4);
    assert!(
        out.stderr.contains("no-such-viewer") && out.stderr.contains(PDF),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn kill_9_mid_attach_leaves_no_reference_to_a_file_not_fully_stored() {
    let h = Home::new();
    h.ok(&["check", "annual-plan", "--date", "2024-03-20"]);
    let big = h.work().join("录像.mp4");
    write_generated(&big, 300 * 1024 * 1024);
    for round in 0..3 {
        let mut child = h
            .command()
            .args(["attach", "annual-plan", n(&big)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill it once its temporary is growing (mid-copy), or a moment later in later
        // rounds (syncing, renaming, committing).
        let store = h.data().join("evidence");
        let start = Instant::now();
        loop {
            let growing = fs::read_dir(&store)
                .into_iter()
                .flatten()
                .flatten()
                .any(|e| {
                    e.file_name().to_string_lossy().starts_with(".incoming-")
                        && e.metadata().is_ok_and(|m| m.len() > 1024 * 1024)
                });
            if growing || start.elapsed() > Duration::from_secs(30) {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(150 * round));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let refs = files(&h, "annual-plan");
        for f in &refs {
            let kept = store.join(&f.sha256[..2]).join(&f.sha256);
            assert_eq!(
                fs::metadata(&kept).unwrap().len(),
                f.size,
                "round {round}: referred to only once whole"
            );
        }
        if refs.is_empty() {
            assert!(stored(&h).is_empty(), "round {round}: {:?}", stored(&h));
        }
    }
    // The next attach sweeps what the killed ones left and finishes the job.
    let out = h.run(&["attach", "annual-plan", n(&big)]);
    assert!(out.code == 0 || out.code == 5, "{}", out.stderr);
    let leftovers: Vec<_> = fs::read_dir(h.data().join("evidence"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let v = h.run(&["verify"]);
    assert_eq!(v.code, 0, "{}", v.stdout);
    assert_eq!(files(&h, "annual-plan").len(), 1);
}

/// `len` bytes that do not compress, written in pieces.
pub(crate) fn write_generated(path: &Path, len: usize) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(fs::File::create(path).unwrap());
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut buf = vec![0u8; 1 << 20];
    let mut left = len;
    while left > 0 {
        for chunk in buf.chunks_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
        }
        let n = left.min(buf.len());
        f.write_all(&buf[..n]).unwrap();
        left -= n;
    }
    f.flush().unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_mid_copy_keeps_nothing_and_loses_nothing() {
    let h = Home::new();
    h.ok(&["check", "annual-plan", "--date", "2024-03-20"]);
    let pdf = place(&h, PDF, PDF);
    h.ok(&["attach", "annual-plan", n(&pdf)]);
    // The store on a 2 MB file system (needs root; passed over where mounting is not allowed).
    let store = h.data().join("evidence");
    let aside = h.root().join("evidence-aside");
    fs::rename(&store, &aside).unwrap();
    fs::create_dir(&store).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(&store)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a small file system here");
        return;
    }
    let unmount = Unmount(store.clone());
    for e in fs::read_dir(&aside).unwrap().flatten() {
        copy_dir(&e.path(), &store.join(e.file_name()));
    }
    let big = h.work().join("扫描件.pdf");
    write_generated(&big, 3 * 1024 * 1024);
    let before = files(&h, "annual-plan");
    let out = h.run(&["attach", "annual-plan", n(&big)]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(out.stderr.contains("磁盘已满"), "{}", out.stderr);
    assert_eq!(files(&h, "annual-plan"), before, "the ledger is as it was");
    let left: Vec<String> = fs::read_dir(&store)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "no temporary left: {left:?}");
    assert_eq!(h.run(&["verify"]).code, 0, "what was recorded is intact");
    drop(unmount);
}

#[cfg(target_os = "linux")]
struct Unmount(PathBuf);

#[cfg(target_os = "linux")]
impl Drop for Unmount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).unwrap();
        for e in fs::read_dir(from).unwrap().flatten() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        }
    } else {
        fs::copy(from, to).unwrap();
    }
}
