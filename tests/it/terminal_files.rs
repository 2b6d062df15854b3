//! Evidence files on the screen in a real terminal (tmux, as `terminal` runs it): a real file
//! attached through the form, its count on the screen, opened with a stand-in viewer named by
//! `DUTY_OPENER` (as `duty open` is tested) whose chatter never reaches the screen, and the
//! attach undone with `u`; the ledger read back through the command line.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::evidence::{PDF, ours, place};
use crate::harness::Home;
use crate::terminal::{Tmux, have_tmux, quoted};

const TODAY: &str = "2024-11-27";

/// A viewer that says things on its output and error (which must go nowhere), then keeps
/// the path it was given and what it read there.
fn chatty_viewer(h: &Home) -> PathBuf {
    let script = h.root().join("chatty-viewer.sh");
    fs::write(
        &script,
        format!(
            "#!/bin/sh\necho VIEWER-STDOUT\necho VIEWER-STDERR >&2\n\
             printf '%s' \"$1\" > '{0}/opened-path'\ncat \"$1\" > '{0}/opened-bytes'\n",
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
fn a_file_attached_opened_and_undone_in_a_real_terminal() {
    if !have_tmux() {
        return;
    }
    let h = Home::new().on(TODAY);
    place(&h, PDF, PDF);
    let viewer = chatty_viewer(&h);
    let t = Tmux::start(
        "files",
        120,
        40,
        &h,
        &format!("DUTY_OPENER={}", quoted(&viewer)),
    );
    t.wait_for(&["将法治建设纳入年度工作要点", "0/25"]);
    // Ticked without evidence: the review's flag shows in the details pane.
    t.keys(&["Space"]);
    t.wait_for(&["1/25", "缺佐证"]);
    // Attach by the name in the working directory, typed as it is (a blank in it).
    t.keys(&["A"]);
    t.wait_for(&["附上佐证文件", "附到登记"]);
    t.literal(PDF);
    t.wait_for(&["党组会纪要.pdf"]);
    t.keys(&["Enter"]);
    t.wait_for(&["附上这 1 个文件？", "事项本身"]);
    t.keys(&["y"]);
    let screen = t.wait_for(&["附1", "已附上"]);
    assert!(!screen.contains("缺佐证"), "{screen}");
    let listed = h.ok(&["evidence", "annual-plan"]).stdout;
    assert!(listed.contains(PDF), "{listed}");
    // Open it: the viewer gets a copy under its own name; what it prints goes nowhere.
    t.keys(&["O"]);
    // DUTY_OPENER set the stand-in viewer: it is the one named.
    t.wait_for(&["由 DUTY_OPENER 指定"]);
    let opened = h.root().join("opened-bytes");
    let start = Instant::now();
    while !(opened.exists()
        && fs::read(&opened).unwrap().len() == fs::read(ours(PDF)).unwrap().len())
    {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the viewer never read the copy"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(fs::read(&opened).unwrap(), fs::read(ours(PDF)).unwrap());
    let path = fs::read_to_string(h.root().join("opened-path")).unwrap();
    assert!(path.ends_with(PDF), "{path}");
    assert!(
        !PathBuf::from(&path).starts_with(h.data()),
        "never the store"
    );
    let screen = t.screen();
    assert!(
        !screen.contains("VIEWER-STDOUT") && !screen.contains("VIEWER-STDERR"),
        "{screen}"
    );
    assert_eq!(t.flag("alternate_on"), "1", "still the screen");
    // u asks, naming the attach, and takes it back.
    t.keys(&["u"]);
    t.wait_for(&["撤销这次修改", "第 2 次修改"]);
    t.keys(&["y"]);
    t.wait_for(&["已撤销第 2 次修改", "缺佐证"]);
    t.keys(&["q"]);
    let screen = t.wait_for(&["DUTY-EXITED 0"]);
    assert!(!screen.contains("VIEWER-STDOUT"), "{screen}");
    let listed = h.ok(&["evidence", "annual-plan"]).stdout;
    assert!(!listed.contains(PDF), "undone: {listed}");
    let history = h.ok(&["history"]).stdout;
    assert!(history.contains("撤销第 2 次修改"), "{history}");
}
