#!/usr/bin/env bash
# Install what the Windows and 信创 Linux builds and their tests need, on Debian 12 as root.
# Safe to run again: it installs only what is missing and says what it did.
#
#   rustup targets  x86_64-pc-windows-gnu, x86_64-unknown-linux-gnu, aarch64-unknown-linux-musl
#   Debian          gcc-mingw-w64-x86-64  linker for Windows, and objdump to list an .exe's DLLs;
#                                         also builds the Wine-only shim (scripts/wine/)
#                   wine, wine64          runs duty.exe (64-bit only; no i386 multiarch needed)
#                   qemu-user             qemu-aarch64, runs the aarch64 build
#                   file, zip             checks and packaging (scripts/cross-build.sh, dist.sh)
#                   libc6-dev             glibc's static libc.a for the static x86-64 build
#   linkers         x86_64 (static glibc): the host cc;
#                   aarch64 musl: rust-lld, which ships with every rustup toolchain, so no
#                   aarch64 gcc is needed (scripts/cross-build.sh passes linker=rust-lld).
# Usage: scripts/cross-setup.sh
set -euo pipefail

targets=(x86_64-pc-windows-gnu x86_64-unknown-linux-gnu aarch64-unknown-linux-musl)
packages=(gcc-mingw-w64-x86-64 libc6-dev wine wine64 qemu-user file zip)

have_targets=$(rustup target list --installed)
missing_targets=()
for t in "${targets[@]}"; do
    grep -qx "$t" <<<"$have_targets" || missing_targets+=("$t")
done
if [ ${#missing_targets[@]} -gt 0 ]; then
    echo "cross-setup: rustup target add ${missing_targets[*]}"
    rustup target add "${missing_targets[@]}"
else
    echo "cross-setup: rustup targets present: ${targets[*]}"
fi

missing_packages=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
        || missing_packages+=("$p")
done
if [ ${#missing_packages[@]} -gt 0 ]; then
    echo "cross-setup: apt-get install ${missing_packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing_packages[@]}" >/dev/null
else
    echo "cross-setup: Debian packages present: ${packages[*]}"
fi

# What the builds will call, checked rather than assumed.
lld="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
[ -x "$lld" ] || { echo "cross-setup: $lld is missing from the toolchain" >&2; exit 1; }
for tool in x86_64-w64-mingw32-gcc x86_64-w64-mingw32-objdump qemu-aarch64 wineserver cc file zip; do
    command -v "$tool" >/dev/null || { echo "cross-setup: $tool not found" >&2; exit 1; }
done
[ -x /usr/lib/wine/wine64 ] || { echo "cross-setup: /usr/lib/wine/wine64 not found" >&2; exit 1; }
echo "cross-setup: ready ($(wine64 --version 2>/dev/null || /usr/lib/wine/wine64 --version), $(qemu-aarch64 --version | head -1))"
