#!/bin/sh
# DUTY_BIN for the aarch64 (信创 ARM) build: runs it under qemu-user through scripts/duty-under.
# The program: DUTY_AARCH64_BIN, else what scripts/cross-build.sh built with DUTY_PROFILE (dist).
here=$(cd "$(dirname "$0")" && pwd)
target=${CARGO_TARGET_DIR:-$here/../target}
bin=${DUTY_AARCH64_BIN:-$target/aarch64-unknown-linux-musl/${DUTY_PROFILE:-dist}/duty}
exec "$here/duty-under" qemu-aarch64 "$bin" "$@"
