#!/bin/sh
# Build the test-only bcryptprimitives.dll (ProcessPrng for Wine 8, see processprng.c) with
# mingw-w64 and write it to OUT. Never put it beside a shipped duty.exe: it is for Wine only.
# Usage: scripts/wine/build-shim.sh OUT.dll
set -eu
out=${1:?usage: build-shim.sh OUT.dll}
src=$(cd "$(dirname "$0")" && pwd)
x86_64-w64-mingw32-gcc -O2 -shared -s -Wall -Werror -o "$out" \
    "$src/processprng.c" "$src/bcryptprimitives.def" -ladvapi32
# It must export ProcessPrng under exactly that name.
x86_64-w64-mingw32-objdump -p "$out" | grep -q '\] ProcessPrng$' || {
    echo "build-shim: $out does not export ProcessPrng" >&2
    exit 1
}
echo "built $out"
