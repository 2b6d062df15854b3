//! The screen in a real pseudo-terminal (native only, not through `DUTY_BIN`): the built
//! `duty` runs inside tmux, keys are sent as a person types them (Chinese sent literally),
//! and the result is read back through `duty status --json` and the files. Needs tmux (CI
//! installs it); without it each test says so and passes.
//!
//! Waits poll the pane for the text expected, within a bound, never a fixed sleep.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::harness::{Home, TZ, USER, now_on};

const TODAY: &str = "2024-11-27";

/// Whether tmux is here; if not, say so (the test then passes without running).
pub(crate) fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!(
            "note: tmux is not installed; the real-terminal test is skipped (apt-get install -y tmux)"
        );
    }
    found
}

/// A path quoted for the shell tmux runs the command with.
pub(crate) fn quoted(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

/// One tmux server of our own (`-L`), so tests never touch a user's sessions.
pub(crate) struct Tmux {
    socket: String,
}

impl Tmux {
    /// `duty` on `home` in a `w`×`h` pane, with `extra` (`NAME=value …`) in its environment.
    pub(crate) fn start(name: &str, w: u16, h: u16, home: &Home, extra: &str) -> Tmux {
        let socket = format!("duty-it-{name}-{}", std::process::id());
        // The pane stays open after duty exits, so the restored terminal can be inspected.
        let cmd = format!(
            "cd {work} && env -u DUTY_LANG -u NO_COLOR DUTY_DATA_DIR={data} DUTY_CONFIG_DIR={cfg} \
             DUTY_TODAY={TODAY} DUTY_NOW={now} TZ={TZ} USER={USER} {extra} {bin}; \
             echo DUTY-EXITED $?; sleep 60",
            work = quoted(&home.work()),
            data = quoted(&home.data()),
            cfg = quoted(&home.config()),
            now = now_on(TODAY),
            bin = quoted(Path::new(env!("CARGO_BIN_EXE_duty"))),
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
            "tmux could not start: {}",
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
            .expect("run tmux")
    }

    pub(crate) fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "duty"]).stdout)
            .into_owned()
    }

    pub(crate) fn flag(&self, name: &str) -> String {
        let f = format!("#{{{name}}}");
        String::from_utf8_lossy(&self.tmux(&["display", "-p", "-t", "duty", &f]).stdout)
            .trim()
            .to_string()
    }

    /// Wait (at most 20 seconds) until the pane shows every one of `texts`.
    pub(crate) fn wait_for(&self, texts: &[&str]) -> String {
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

    /// Wait (at most 20 seconds) until the pane shows none of `texts`.
    pub(crate) fn wait_gone(&self, texts: &[&str]) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if !texts.iter().any(|t| screen.contains(t)) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {texts:?} to go; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub(crate) fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "duty"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    pub(crate) fn literal(&self, text: &str) {
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

fn item(json: &serde_json::Value, id: &str) -> serde_json::Value {
    json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
        .clone()
}

#[test]
fn tick_log_and_undo_in_chinese_in_a_real_terminal() {
    if !have_tmux() {
        return;
    }
    let h = Home::new().on(TODAY);
    let t = Tmux::start("main", 120, 40, &h, "");
    t.wait_for(&["将法治建设纳入年度工作要点", "0/25"]);
    assert_eq!(t.flag("alternate_on"), "1");
    assert_eq!(t.flag("mouse_any_flag"), "1", "mouse capture is on");
    // Tick the first duty.
    t.keys(&["Space"]);
    t.wait_for(&["1/25", "已保存"]);
    // Another terminal logs a meeting meanwhile: the screen picks it up.
    h.ok(&["log", "party-meetings", "--topic", "另一终端登记的会议"]);
    t.wait_for(&["已重新载入", "1/2 "]);
    // Log a session on the third item with a Chinese topic.
    t.keys(&["j", "j", "a"]);
    t.wait_for(&["登记一次", "主题"]);
    t.literal("学习《中华人民共和国宪法》修正案");
    t.wait_for(&["学习《中华人民共和国宪法》修正案"]);
    t.keys(&["Enter"]);
    t.wait_for(&["2/2 ", "已保存"]);
    // Undo asks first, naming the change; yes takes it back.
    t.keys(&["u"]);
    t.wait_for(&["撤销这次修改", "第 3 次修改"]);
    t.keys(&["y"]);
    t.wait_for(&["已撤销第 3 次修改", "1/2 "]);
    t.keys(&["q"]);
    let screen = t.wait_for(&["DUTY-EXITED 0"]);
    assert!(!screen.contains("终端窗口太小"));
    // The terminal is given back as it was.
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("mouse_any_flag"), "0", "mouse capture is off again");

    let json = h.ok(&["status", "--json"]).json();
    assert_eq!(item(&json, "annual-plan")["complete"], true);
    let entries = item(&json, "party-meetings")["record"]["entries"].clone();
    assert_eq!(
        entries.as_array().unwrap().len(),
        1,
        "the undone one is gone"
    );
    assert_eq!(
        entries[0]["topic"], "另一终端登记的会议",
        "never overwritten"
    );
    let history = h.ok(&["history"]).stdout;
    assert!(history.contains("撤销第 3 次修改"), "{history}");
}

#[test]
fn no_color_keeps_the_selection_visible_by_reverse_video() {
    if !have_tmux() {
        return;
    }
    let h = Home::new().on(TODAY);
    let t = Tmux::start("mono", 100, 30, &h, "NO_COLOR=1");
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
fn started_too_small_it_says_so_and_shows_the_status() {
    if !have_tmux() {
        return;
    }
    let h = Home::new().on(TODAY);
    let t = Tmux::start("tiny", 30, 8, &h, "");
    // The note comes first; the status then scrolls it away, so look at the last lines.
    let screen = t.wait_for(&["DUTY-EXITED 0"]);
    assert!(
        screen.contains("到期") || screen.contains("逾期"),
        "{screen}"
    );
    let history = String::from_utf8_lossy(
        &t.tmux(&["capture-pane", "-p", "-J", "-S", "-200", "-t", "duty"])
            .stdout,
    )
    .into_owned();
    assert!(
        history.contains("交互界面至少需要 40 列 × 10 行"),
        "{history}"
    );
    assert!(history.contains("总体进度"), "{history}");
}

#[test]
fn small_and_large_terminals_and_english() {
    if !have_tmux() {
        return;
    }
    let h = Home::new().on(TODAY);
    let t = Tmux::start("small", 60, 12, &h, "DUTY_LANG=en");
    t.wait_for(&["Items"]);
    t.tmux(&["resize-window", "-t", "duty", "-x", "30", "-y", "8"]);
    t.wait_for(&["too small"]);
    t.tmux(&["resize-window", "-t", "duty", "-x", "200", "-y", "60"]);
    t.wait_for(&["Sections", "Items", "Details", "next due"]);
    t.keys(&["?"]);
    t.wait_for(&["Help: every key"]);
    // Esc and a letter sent together would arrive as Alt+letter; wait in between. On a
    // screen this large the key bar stays in sight under the help, so it is the help's
    // going that shows the Escape was read.
    t.keys(&["Escape"]);
    t.wait_gone(&["Help: every key"]);
    t.keys(&["q"]);
    t.wait_for(&["DUTY-EXITED 0"]);
}

#[test]
fn the_preview_exports_into_the_working_directory_and_never_replaces_a_file() {
    if !have_tmux() {
        return;
    }
    let h = Home::new().on(TODAY);
    h.ok(&[
        "check",
        "annual-plan",
        "--date",
        "2024-03-28",
        "--evidence",
        "文号",
    ]);
    let t = Tmux::start("export", 120, 40, &h, "");
    t.wait_for(&["将法治建设纳入年度工作要点"]);
    t.keys(&["s"]);
    t.wait_for(&["报告第三部分草稿"]);
    // p: the format menu; the second choice is Markdown.
    t.keys(&["p", "j", "Enter"]);
    t.wait_for(&["已导出到", "rule-of-law-duties-2024-section3.md"]);
    let first = h.work().join("rule-of-law-duties-2024-section3.md");
    let md = std::fs::read_to_string(&first).unwrap();
    assert!(md.starts_with("# ") && md.contains("\n## 三、"), "{md}");
    assert_eq!(
        md,
        h.ok(&["summary", "-f", "md"]).stdout,
        "what summary -f md prints"
    );
    t.keys(&["p", "j", "Enter"]);
    t.wait_for(&["rule-of-law-duties-2024-section3-2.md"]);
    assert!(
        h.work()
            .join("rule-of-law-duties-2024-section3-2.md")
            .exists()
    );
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        md,
        "the first is kept"
    );
    // Esc and a letter sent together would arrive as Alt+letter; wait in between.
    t.keys(&["Escape"]);
    t.wait_for(&["Space 勾选"]);
    t.keys(&["q"]);
    t.wait_for(&["DUTY-EXITED 0"]);
}

/// The process tmux started in the pane: the shell, whose one child is `duty`.
fn duty_pid(t: &Tmux) -> String {
    let shell = t.flag("pane_pid");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let out = Command::new("pgrep").args(["-P", &shell]).output();
        let pid = out
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        if !pid.is_empty() {
            return pid;
        }
        assert!(Instant::now() < deadline, "no duty under the pane's shell");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_signal_gives_the_terminal_back_and_keeps_every_saved_change() {
    if !have_tmux() || Command::new("pgrep").arg("--version").output().is_err() {
        return;
    }
    for signal in ["TERM", "HUP", "INT"] {
        let h = Home::new().on(TODAY);
        let t = Tmux::start(&format!("signal-{signal}"), 100, 30, &h, "");
        t.wait_for(&["将法治建设纳入年度工作要点", "0/25"]);
        t.keys(&["Space"]);
        t.wait_for(&["1/25", "已保存"]);
        assert_eq!(t.flag("alternate_on"), "1");
        let pid = duty_pid(&t);
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -{signal} {pid}");
        let screen = t.wait_for(&["DUTY-EXITED"]);
        assert!(!screen.contains("panicked"), "{screen}");
        assert_eq!(
            t.flag("alternate_on"),
            "0",
            "SIG{signal}: alternate screen left"
        );
        assert_eq!(
            t.flag("mouse_any_flag"),
            "0",
            "SIG{signal}: mouse capture off"
        );
        let json = h.ok(&["status", "--json"]).json();
        assert_eq!(item(&json, "annual-plan")["complete"], true, "SIG{signal}");
    }
}

#[test]
fn a_closed_terminal_ends_the_screen_instead_of_spinning() {
    if !have_tmux() || Command::new("pgrep").arg("--version").output().is_err() {
        return;
    }
    let h = Home::new().on(TODAY);
    let t = Tmux::start("closed", 100, 30, &h, "");
    t.wait_for(&["将法治建设纳入年度工作要点"]);
    let pid = duty_pid(&t);
    // The window closes: the terminal goes away under the running screen.
    t.tmux(&["kill-server"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::path::Path::new(&format!("/proc/{pid}")).exists() {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if state.split_whitespace().nth(2) == Some("Z") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "duty {pid} still runs after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
