//! What a new user's trial found, through the binary: copies opened for a viewer kept
//! private and cleaned up after a day; `duty history` naming an item as every command does;
//! the wording of refused attaches (Chinese quotes, the session named, the entries listed
//! with dates and topics), of `duty verify`'s advice and of `DUTY_OPENER`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::evidence::{JPG, PDF, log, n, place};
use crate::harness::{Home, LANGS};

const TITLE: &str = "党组理论学习中心组法治专题学习";

#[test]
fn history_names_an_item_by_id_number_title_or_part_of_it() {
    let h = Home::new();
    h.ok(&[
        "log",
        "center-group",
        "--date",
        "2024-03-05",
        "--topic",
        "学习《宪法》",
    ]);
    h.ok(&["check", "annual-plan", "--date", "2024-03-20"]);
    let by_id = h.ok(&["history", "center-group"]).stdout.clone();
    assert!(by_id.contains("学习《宪法》"), "{by_id}");
    assert!(
        !by_id.contains("annual") && by_id.lines().count() == 1,
        "{by_id}"
    );
    for name in ["中心组", TITLE] {
        assert_eq!(h.ok(&["history", name]).stdout, by_id, "{name}");
    }
    // Its number in the list, as `duty status --json` gives it.
    let json = h.ok(&["status", "--json"]).json();
    let items = json["items"].as_array().unwrap();
    let pos = items
        .iter()
        .position(|i| i["id"] == "center-group")
        .unwrap();
    let number = (pos + 1).to_string();
    assert_eq!(h.ok(&["history", &number]).stdout, by_id, "number {number}");
    // A typo is refused with the resolver's did-you-mean, in Chinese quotes.
    let out = h.duty(&["history", "cneter-group"]);
    out.code(5);
    assert!(
        out.stderr
            .contains("清单中没有事项“cneter-group”；是否想找“center-group”？"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_refused_attach_names_the_item_and_the_session() {
    for lang in LANGS {
        let h = Home::in_lang(lang);
        let pdf = place(&h, PDF, PDF);
        let photo = place(&h, JPG, "现场照片 01.jpg");
        let entry = log(&h, "center-group", "2024-03-05", "学习《宪法》", "");
        let other = log(&h, "center-group", "2024-04-02", "学习民法典", "");
        // An unknown item: Chinese quotes and the did-you-mean.
        let out = h.duty(&["attach", "cneter-group", n(&pdf)]);
        out.code(5);
        assert!(
            out.stderr.contains(lang.pick(
                "清单中没有事项“cneter-group”；是否想找“center-group”？",
                "no item 'cneter-group' in the checklist; did you mean 'center-group'?"
            )),
            "{}",
            out.stderr
        );
        // An unknown entry: the sessions there are, with their dates and topics.
        let out = h.duty(&["attach", "中心组", "--entry", "zzzzzz", n(&pdf)]);
        out.code(5);
        let listed = pick(
            lang,
            format!("{entry}（3月5日 学习《宪法》）、{other}（4月2日 学习民法典）"),
            format!("{entry} (2024-03-05, 学习《宪法》), {other} (2024-04-02, 学习民法典)"),
        );
        assert!(out.stderr.contains(&listed), "{}", out.stderr);
        assert!(out.stderr.contains(TITLE), "{}", out.stderr);
        // The same file twice on a session: the session and the item's title are named.
        h.ok(&["attach", "中心组", "--entry", &entry, n(&pdf), n(&photo)]);
        let out = h.duty(&["attach", "中心组", "--entry", &entry, n(&photo)]);
        out.code(5);
        let said = pick(
            lang,
            format!(
                "“{TITLE}”的登记 #{entry}（3月5日 学习《宪法》）已附有同一文件“现场照片 01.jpg”"
            ),
            format!(
                "entry #{entry} (2024-03-05, 学习《宪法》) of '{TITLE}' already keeps this file ('现场照片 01.jpg')"
            ),
        );
        assert!(out.stderr.contains(&said), "{}", out.stderr);
        assert!(!out.stderr.contains("'center-group'"), "{}", out.stderr);
        // Put back into the store while kept: the id is set off from the Chinese after it.
        fs::remove_dir_all(h.data().join("evidence")).unwrap();
        let out = h.ok(&["attach", "中心组", "--entry", &entry, n(&photo)]);
        assert!(
            out.stdout.contains(&pick(
                lang,
                format!("登记 #{entry} 已附有“现场照片 01.jpg”"),
                format!("entry #{entry} already keeps '现场照片 01.jpg'"),
            )),
            "{}",
            out.stdout
        );
        // `duty verify` gives the commands to run, not a template.
        let out = h.duty(&["verify"]);
        out.code(1);
        assert!(
            out.stdout.contains(&format!(
                "duty attach center-group --entry {entry} \"{PDF}\" --year 2024"
            )),
            "{}",
            out.stdout
        );
        assert!(!out.stdout.contains("事项 原文件"), "{}", out.stdout);
    }
}

fn pick(lang: duty::i18n::Lang, zh: String, en: String) -> String {
    lang.pick(&zh, &en).to_string()
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

/// `duty open` with `TMPDIR` in the test's own folder and `true` as the viewer.
#[cfg(unix)]
fn open(h: &Home, tmp: &Path) -> crate::harness::Out {
    let mut c = h.command();
    c.env("TMPDIR", tmp)
        .env("DUTY_OPENER", "true")
        .args(["open", "annual-plan"]);
    crate::harness::Out::from(c.output().unwrap())
}

#[cfg(unix)]
fn opened_path(out: &crate::harness::Out) -> PathBuf {
    let at = out.stdout.find("/").unwrap();
    let end = out.stdout.rfind(['）', ')']).unwrap();
    PathBuf::from(&out.stdout[at..end])
}

#[cfg(unix)]
fn age(p: &Path, days: u64) {
    let t = std::time::SystemTime::now() - std::time::Duration::from_secs(days * 24 * 3600);
    fs::File::open(p).unwrap().set_modified(t).unwrap();
}

/// A home whose `annual-plan` is done with a PDF attached, and that PDF.
#[cfg(unix)]
fn with_attached_pdf() -> (Home, std::path::PathBuf) {
    let h = Home::new();
    let pdf = place(&h, PDF, PDF);
    h.ok(&["check", "annual-plan", "--date", "2024-03-20"]);
    h.ok(&["attach", "annual-plan", n(&pdf)]);
    (h, pdf)
}

#[cfg(unix)]
#[test]
fn opened_copies_are_private_and_old_ones_are_removed() {
    if crate::harness::windows_build() {
        return;
    }
    let (h, pdf) = with_attached_pdf();
    let tmp = h.root().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let out = open(&h, &tmp);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The program DUTY_OPENER named is said, not "the system's viewer".
    assert!(out.stdout.contains("已用 true 打开"), "{}", out.stdout);
    let first = opened_path(&out);
    let base = tmp.join("duty-open");
    assert!(first.starts_with(&base), "{}", first.display());
    assert_eq!(mode(&base), 0o700);
    assert_eq!(mode(first.parent().unwrap()), 0o700);
    assert_eq!(mode(&first), 0o400, "read-only, and only for this user");
    assert_eq!(fs::read(&first).unwrap(), fs::read(&pdf).unwrap());

    // A copy two days old goes when the next is made; one made an hour ago stays, as does
    // a link (never followed) and what it points to.
    let old = first.parent().unwrap().to_path_buf();
    age(&old, 2);
    let outside = h.root().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("keep.txt"), "x").unwrap();
    std::os::unix::fs::symlink(&outside, base.join("link")).unwrap();
    let out = open(&h, &tmp);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let second = opened_path(&out);
    assert!(!old.exists(), "a copy older than a day is removed");
    assert!(second.exists(), "the one being opened stays");
    assert!(outside.join("keep.txt").exists());
    assert!(base.join("link").exists());
    let out = open(&h, &tmp);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(second.exists(), "a fresh copy stays");
    assert!(opened_path(&out).exists());

    // An older duty left the base folder open to all: it is made private again.
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&base, fs::Permissions::from_mode(0o755)).unwrap();
    open(&h, &tmp).ok();
    assert_eq!(mode(&base), 0o700);
}

#[cfg(unix)]
#[test]
fn a_base_folder_that_is_a_link_is_never_used() {
    if crate::harness::windows_build() {
        return;
    }
    let (h, _) = with_attached_pdf();
    let tmp = h.root().join("tmp");
    let elsewhere = h.root().join("elsewhere");
    fs::create_dir(&tmp).unwrap();
    fs::create_dir(&elsewhere).unwrap();
    // Someone put a link where the folder would be: a per-user folder is used instead.
    std::os::unix::fs::symlink(&elsewhere, tmp.join("duty-open")).unwrap();
    let out = open(&h, &tmp);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let copy = opened_path(&out);
    let base = copy.parent().unwrap().parent().unwrap();
    let name = base.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("duty-open-"), "{name}");
    assert_eq!(mode(base), 0o700);
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    // And if that is a link too, nothing is copied, and the refusal says why.
    fs::remove_dir_all(base).unwrap();
    std::os::unix::fs::symlink(&elsewhere, tmp.join(&name)).unwrap();
    let out = open(&h, &tmp);
    assert_eq!(out.code, 4, "{}", out.stdout);
    assert!(
        out.stderr.contains("属于其他用户或是一个链接"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
}
