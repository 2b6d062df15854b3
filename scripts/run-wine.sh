#!/bin/sh
# DUTY_BIN for the Windows build: runs duty.exe under Wine through scripts/duty-under.
# The program: DUTY_WINE_EXE, else what scripts/cross-build.sh built with DUTY_PROFILE (dist).
here=$(cd "$(dirname "$0")" && pwd)
target=${CARGO_TARGET_DIR:-$here/../target}
exe=${DUTY_WINE_EXE:-$target/x86_64-pc-windows-gnu/${DUTY_PROFILE:-dist}/duty.exe}
exec "$here/duty-under" wine "$exe" "$@"
