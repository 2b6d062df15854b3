#!/usr/bin/env bash
# Screenshots of the interactive screen in a real terminal emulator with a CJK font:
# xterm under Xvfb, keys sent with xdotool, windows captured with ImageMagick's `import`.
#
# Needs (Debian): apt-get install -y xvfb xterm fonts-noto-cjk x11-apps imagemagick xdotool
# Run from the repository root: scripts/screenshots.sh   (writes screenshots/*.png)
set -euo pipefail

cd "$(dirname "$0")/.."
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/duty"
OUT="$PWD/screenshots"
mkdir -p "$OUT"

WORK="$(mktemp -d)"
# The first free display number.
n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
DISPLAY_NO=":$n"
XVFB_PID=""
cleanup() {
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

export DUTY_DATA_DIR="$WORK/data" DUTY_CONFIG_DIR="$WORK/cfg" DUTY_TODAY=2024-11-27 USER=officer

# A ledger with some of the year done, through the same CLI an officer would use.
"$BIN" check annual-plan --date 2024-02-20 --evidence "局党组〔2024〕3号" >/dev/null
"$BIN" check leading-group --date 2024-03-15 >/dev/null
meeting=$("$BIN" log party-meetings --date 2024-04-12 --topic "听取2023年度法治政府建设情况汇报" --evidence "党组会纪要第5期" |
    sed -n 's/.*编号 \([a-z0-9]*\).*/\1/p')
"$BIN" log center-group --date 2024-06-18 --topic "《中华人民共和国保守国家秘密法》" >/dev/null
"$BIN" log study-hours --date 2024-09-10 --topic "习近平法治思想专题网课" --hours 6 >/dev/null
"$BIN" rate exam-participation 46/46 --date 2024-10-30 >/dev/null
"$BIN" check study-plan --date 2024-03-20 >/dev/null
# Evidence files: the minutes and sign-in sheet of the meeting, the notice of the plan.
mkdir -p "$WORK/files"
FIXTURES="$PWD/tests/it/fixtures/evidence"
cp "$FIXTURES/2025-03-28 党组会纪要.pdf" "$WORK/files/2024-04-12 党组会纪要第5期.pdf"
cp "$FIXTURES/签到表.jpg" "$WORK/files/签到表.jpg"
cp "$FIXTURES/2025-03-28 党组会纪要.pdf" "$WORK/files/局党组〔2024〕3号 工作要点.pdf"
"$BIN" attach party-meetings --entry "$meeting" "$WORK/files/2024-04-12 党组会纪要第5期.pdf" \
    "$WORK/files/签到表.jpg" >/dev/null
"$BIN" attach annual-plan "$WORK/files/局党组〔2024〕3号 工作要点.pdf" >/dev/null

Xvfb "$DISPLAY_NO" -screen 0 1600x1000x24 >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY="$DISPLAY_NO"
for _ in $(seq 100); do [ -S "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
[ -S "/tmp/.X11-unix/X$n" ] || { echo "Xvfb did not start on $DISPLAY_NO" >&2; exit 1; }

# shot NAME GEOMETRY KEYS... : start duty in a fresh xterm, send KEYS (xdotool words; a
# word starting with "type:" is typed as text), capture the window, quit.
shot() {
    local name=$1 geometry=$2
    shift 2
    # Latin glyphs from a Latin monospace font, wide (CJK) glyphs from the CJK font: with the
    # CJK font alone xterm sizes every cell by its full-width advance. allowSendEvents lets
    # xdotool address the window directly (there is no window manager to give it focus).
    xterm -fa 'DejaVu Sans Mono' -fd 'Noto Sans Mono CJK SC' -fs 12 -geometry "$geometry" \
        -bg black -fg grey90 -xrm 'XTerm*allowSendEvents: true' -xrm 'XTerm*cjkWidth: false' \
        -title duty-shot -e "$BIN" &
    local term_pid=$!
    local win=""
    for _ in $(seq 100); do
        win=$(xdotool search --name duty-shot 2>/dev/null | head -1) && [ -n "$win" ] && break
        sleep 0.1
    done
    [ -n "$win" ] || { echo "no xterm window for $name" >&2; exit 1; }
    sleep 1.5 # the first frame
    for k in "$@"; do
        case "$k" in
            type:*) xdotool type --window "$win" --delay 120 "${k#type:}" ;;
            *) xdotool key --window "$win" "$k" ;;
        esac
        sleep 0.3
    done
    sleep 0.8
    import -window "$win" "$OUT/$name.png"
    kill "$term_pid" 2>/dev/null || true
    wait "$term_pid" 2>/dev/null || true
    echo "wrote screenshots/$name.png"
}

shot main 120x36 j j
shot log-form 120x36 j j a "type:学习宪法修正案" Tab "type:会议纪要第9期" Tab "type:张局长" Tab "type:局领导班子成员"
shot help 120x36 question
# The details pane with the meeting's files, the first of them selected (Enter or O opens it).
shot files 120x36 j j Tab j
shot main-80x24 80x24 j j j
