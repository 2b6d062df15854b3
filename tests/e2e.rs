//! The screen in a real pseudo-terminal: the built `duty` runs inside tmux, keys are sent as a
//! person would type them (Chinese sent literally), and the result is checked through
//! `duty status --json`. Needs `tmux` (CI installs it; `apt-get install -y tmux`).
//!
//! Waits poll the pane for expected text with a bound, never a fixed sleep.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_duty");
const TODAY: &str = "2024-11-27";

/// One tmux server of our own (`-L`), so tests never touch a user's sessions.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, w: u16, h: u16, dir: &Path, extra_env: &str) -> Tmux {
        let socket = format!("duty-e2e-{name}-{}", std::process::id());
        // The command keeps the pane open after duty exits, so the restored terminal can be
        // inspected.
        let cmd = format!(
            "env DUTY_DATA_DIR={data} DUTY_CONFIG_DIR={cfg} DUTY_TODAY={TODAY} USER=e2e {extra_env} {BIN}; echo DUTY-EXITED $?; sleep 30",
            data = dir.join("data").display(),
            cfg = dir.join("cfg").display(),
        );
        let t = Tmux { socket };
        let out = t.tmux(&[
            "new-session",
            "-d",
            "-s",
            "duty",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            &cmd,
        ]);
        assert!(
            out.status.success(),
            "tmux could not start (is it installed? apt-get install -y tmux): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux (apt-get install -y tmux)")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "duty"]).stdout)
            .into_owned()
    }

    fn flag(&self, name: &str) -> String {
        let f = format!("#{{{name}}}");
        String::from_utf8_lossy(&self.tmux(&["display", "-p", "-t", "duty", &f]).stdout)
            .trim()
            .to_string()
    }

    /// Wait (bounded) until the pane shows every one of `texts`.
    fn wait_for(&self, texts: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {texts:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "duty"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    fn literal(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", "duty", "-l", text])
                .status
                .success()
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

fn status_json(dir: &Path) -> serde_json::Value {
    let out = Command::new(BIN)
        .args(["status", "--json"])
        .env("DUTY_DATA_DIR", dir.join("data"))
        .env("DUTY_CONFIG_DIR", dir.join("cfg"))
        .env("DUTY_TODAY", TODAY)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn item<'a>(json: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
}

#[test]
fn tick_and_log_in_chinese_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start("main", 120, 40, dir.path(), "");
    t.wait_for(&["将法治建设纳入年度工作要点", "0/25"]);
    assert_eq!(t.flag("alternate_on"), "1");
    assert_eq!(t.flag("mouse_any_flag"), "1", "mouse capture is on");
    // Tick the first duty.
    t.keys(&["Space"]);
    t.wait_for(&["1/25", "已保存"]);
    // Another terminal logs a meeting meanwhile: the screen picks it up.
    let out = Command::new(BIN)
        .args(["log", "party-meetings", "--topic", "另一终端登记的会议"])
        .env("DUTY_DATA_DIR", dir.path().join("data"))
        .env("DUTY_CONFIG_DIR", dir.path().join("cfg"))
        .env("DUTY_TODAY", TODAY)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.wait_for(&["已重新载入", "1/2 "]);
    // Log a session on the third item with a Chinese topic.
    t.keys(&["j", "j", "a"]);
    t.wait_for(&["登记一次", "主题"]);
    t.literal("学习《中华人民共和国宪法》修正案");
    t.wait_for(&["学习《中华人民共和国宪法》修正案"]);
    t.keys(&["Enter"]);
    t.wait_for(&["2/2 ", "已保存"]);
    t.keys(&["q"]);
    let screen = t.wait_for(&["DUTY-EXITED 0"]);
    assert!(!screen.contains("终端太小"));
    // The terminal is given back as it was.
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("mouse_any_flag"), "0", "mouse capture is off again");

    let json = status_json(dir.path());
    assert_eq!(item(&json, "annual-plan")["complete"], true);
    let entries = &item(&json, "party-meetings")["record"]["entries"];
    assert_eq!(
        entries[0]["topic"], "另一终端登记的会议",
        "never overwritten"
    );
    assert_eq!(entries[1]["topic"], "学习《中华人民共和国宪法》修正案");
    assert_eq!(entries[1]["date"], TODAY);
}

#[test]
fn no_color_keeps_the_selection_visible_by_reverse_video() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start("mono", 100, 30, dir.path(), "NO_COLOR=1");
    t.wait_for(&["将法治建设纳入年度工作要点"]);
    let styled =
        String::from_utf8_lossy(&t.tmux(&["capture-pane", "-e", "-p", "-t", "duty"]).stdout)
            .into_owned();
    let row = styled
        .lines()
        .find(|l| l.contains("将法治建设纳入年度工作要点") && l.contains("[ ]"))
        .expect("the first item is on screen");
    // Reverse video (SGR 7) and no colour (no SGR 30-37/40-47/38;/48;) on the selected row.
    assert!(row.contains("\x1b[7m") || row.contains(";7m"), "{row:?}");
    assert!(!row.contains("[34m") && !row.contains("[44m"), "{row:?}");
    t.keys(&["q"]);
    t.wait_for(&["DUTY-EXITED 0"]);
}

#[test]
fn small_and_large_terminals_and_english() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start("small", 30, 8, dir.path(), "DUTY_LANG=en");
    t.wait_for(&["terminal too small"]);
    t.tmux(&["resize-window", "-t", "duty", "-x", "200", "-y", "60"]);
    t.wait_for(&["Sections", "Items", "Details", "next due"]);
    t.keys(&["?"]);
    t.wait_for(&["Help: every key"]);
    // Esc and a letter sent together would arrive as Alt+letter; wait in between.
    t.keys(&["Escape"]);
    t.wait_for(&["Space tick"]);
    t.keys(&["q"]);
    t.wait_for(&["DUTY-EXITED 0"]);
}
