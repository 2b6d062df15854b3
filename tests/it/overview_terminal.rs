//! The overview screen in a real terminal (tmux), and a city written out to look at by hand.

use std::path::{Path, PathBuf};

use super::{TODAY, city_of_110};
use crate::harness::{Home, tree};

/// The overview screen in a real terminal: tmux runs the built `duty overview` on the city
/// of 110; keys are sent as the office types them (Chinese sent literally) and the pane read
/// back, waiting for what is expected within a bound. Without tmux the test says so.
#[test]
fn the_screen_in_a_real_terminal() {
    use std::process::Command;
    use std::time::{Duration, Instant};
    if !Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        eprintln!("note: tmux is not installed; the real-terminal test is skipped");
        return;
    }
    let home = Home::new().on(TODAY);
    let (city, _, _) = city_of_110(&home);
    let dir = home.work().join("city");
    crate::harness::copy_tree(&city, &dir);
    let before = tree(&dir);
    let socket = format!("duty-overview-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-L")
            .arg(&socket)
            .args(args)
            .output()
            .expect("tmux runs")
    };
    let q = |p: &Path| format!("'{}'", p.display().to_string().replace('\'', r"'\''"));
    let cmd = format!(
        "cd {} && env -u DUTY_LANG -u NO_COLOR DUTY_TODAY={TODAY} TZ=Asia/Shanghai {} overview city; echo DUTY-EXITED $?; sleep 60",
        q(&home.work()),
        q(Path::new(env!("CARGO_BIN_EXE_duty"))),
    );
    assert!(
        tmux(&[
            "new-session",
            "-d",
            "-s",
            "o",
            "-x",
            "120",
            "-y",
            "40",
            &cmd
        ])
        .status
        .success()
    );
    struct Kill<F: Fn(&[&str]) -> std::process::Output>(F);
    impl<F: Fn(&[&str]) -> std::process::Output> Drop for Kill<F> {
        fn drop(&mut self) {
            (self.0)(&["kill-server"]);
        }
    }
    let _kill = Kill(&tmux);
    let screen =
        || String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "o"]).stdout).into_owned();
    let wait_for = |texts: &[&str]| -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = screen();
            if texts.iter().all(|t| s.contains(t)) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {texts:?}; the screen shows:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let keys = |k: &[&str]| {
        let mut args = vec!["send-keys", "-t", "o"];
        args.extend_from_slice(k);
        assert!(tmux(&args).status.success());
    };
    let first = wait_for(&["各单位台账汇总", "显示 110 / 110 个单位", "宜昌市气象局"]);
    // Units without a usable file come first, then the highest score.
    let row = |s: &str, name: &str| s.lines().position(|l| l.contains(name));
    assert!(
        row(&first, "宜昌市气象局") < row(&first, "宜昌市第18号直属单位"),
        "{first}"
    );
    keys(&["j", "j", "Enter"]);
    let unit = wait_for(&["风险分", "校验和一致", "事项 "]);
    assert!(unit.contains("> 宜昌市"), "{unit}");
    keys(&["Escape"]);
    wait_for(&["Enter 查看单位"]);
    keys(&["2"]);
    wait_for(&["所选单位：", "#3"]);
    keys(&["l"]);
    wait_for(&["所选单位：4 "]);
    keys(&["1"]);
    keys(&["f"]);
    wait_for(&["筛选：有风险"]);
    keys(&["f", "f", "f", "f", "f", "f", "f"]);
    wait_for(&["筛选：全部"]);
    keys(&["/"]);
    assert!(
        tmux(&["send-keys", "-t", "o", "-l", "司法"])
            .status
            .success()
    );
    keys(&["Enter"]);
    wait_for(&["显示 1 / 110 个单位", "宜昌市司法局"]);
    keys(&["q"]);
    wait_for(&["DUTY-EXITED 0"]);
    let alt = tmux(&["display", "-p", "-t", "o", "#{alternate_on}"]);
    assert_eq!(
        String::from_utf8_lossy(&alt.stdout).trim(),
        "0",
        "the terminal is restored"
    );
    assert_eq!(tree(&dir), before, "the screen wrote nothing");
}

/// Write a city to look at by hand: `DUTY_CITY=DIR cargo test … write_a_city -- --ignored`.
#[test]
#[ignore]
fn write_a_city() {
    let dir = PathBuf::from(std::env::var_os("DUTY_CITY").expect("DUTY_CITY=DIR"));
    let home = Home::new().on(TODAY);
    let (city, _, _) = city_of_110(&home);
    crate::harness::copy_tree(&city, &dir);
}
