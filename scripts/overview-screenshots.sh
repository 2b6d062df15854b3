#!/usr/bin/env bash
# Screenshots of the overview screen (`duty overview`) in a real terminal emulator with a
# CJK font, on the generated city of 110 units the integration tests use: xterm under Xvfb,
# keys sent with xdotool, windows captured with ImageMagick's `import` (as scripts/screenshots.sh
# does for the officer's screen).
#
# Needs (Debian): apt-get install -y xvfb xterm fonts-noto-cjk x11-apps imagemagick xdotool
# Run from the repository root: scripts/overview-screenshots.sh   (writes screenshots/overview-*.png)
set -euo pipefail

cd "$(dirname "$0")/.."
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/duty"
OUT="$PWD/screenshots"
mkdir -p "$OUT"

WORK="$(mktemp -d)"
n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
DISPLAY_NO=":$n"
XVFB_PID=""
cleanup() {
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# The city of 110 units, with its damaged, duplicated and foreign files.
DUTY_CITY="$WORK/city" cargo test --quiet --test it -- --ignored overview::terminal::write_a_city >/dev/null

Xvfb "$DISPLAY_NO" -screen 0 1600x1000x24 >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY="$DISPLAY_NO" DUTY_TODAY=2025-11-20 TZ=Asia/Shanghai
for _ in $(seq 100); do [ -S "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
[ -S "/tmp/.X11-unix/X$n" ] || { echo "Xvfb did not start on $DISPLAY_NO" >&2; exit 1; }

# shot NAME GEOMETRY KEYS... : start the overview in a fresh xterm, send KEYS, capture, quit.
shot() {
    local name=$1 geometry=$2
    shift 2
    (cd "$WORK" && xterm -fa 'DejaVu Sans Mono' -fd 'Noto Sans Mono CJK SC' -fs 12 -geometry "$geometry" \
        -bg black -fg grey90 -xrm 'XTerm*allowSendEvents: true' -xrm 'XTerm*cjkWidth: false' \
        -title duty-overview-shot -e "$BIN" overview city) &
    local term_pid=$!
    local win=""
    for _ in $(seq 100); do
        win=$(xdotool search --name duty-overview-shot 2>/dev/null | head -1) && [ -n "$win" ] && break
        sleep 0.1
    done
    [ -n "$win" ] || { echo "no xterm window for $name" >&2; exit 1; }
    sleep 1.5
    for k in "$@"; do
        xdotool key --window "$win" "$k"
        sleep 0.4
    done
    sleep 0.8
    import -window "$win" "$OUT/$name.png"
    kill "$term_pid" 2>/dev/null || true
    wait "$term_pid" 2>/dev/null || true
    echo "wrote screenshots/$name.png"
}

shot overview 120x36 j j
shot overview-matrix 120x36 2 l j j
shot overview-unit 120x36 j j Return
