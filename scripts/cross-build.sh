#!/usr/bin/env bash
# Build duty for Windows x86-64 and for static Linux x86-64 (glibc) and aarch64 (musl), check each
# artefact, and print its path and size. Needs scripts/cross-setup.sh once.
#
#   scripts/cross-build.sh [--profile release|dist] [--target TRIPLE]...
#
# Default: --profile release, all three targets. dist is what ships (scripts/dist.sh).
# Honours CARGO_TARGET_DIR and CARGO_BUILD_JOBS. Per-target settings are passed with --config,
# so nothing here changes a native build:
#   x86_64-pc-windows-gnu       -C target-feature=+crt-static (no libgcc/libwinpthread DLLs)
#   aarch64-unknown-linux-musl  linker = rust-lld (from the toolchain; no aarch64 gcc)
#   x86_64-unknown-linux-gnu    -C target-feature=+crt-static: a static-pie binary linked with
#                               glibc's libc.a. Not musl: with musl's allocator and memcpy the
#                               same commands took 1.7-1.8x as long (BENCHMARKS.md)
# Checks (exit 1 if one fails): `file` says the right machine; the Linux builds are static
# (ldd: "not a dynamic executable" / "statically linked"); duty.exe imports only DLLs that
# every Windows 10 has (no libgcc_s*, libwinpthread*, libstdc++*, vcruntime*).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) profile=${2:?--profile needs release or dist}; shift 2 ;;
        --profile=*) profile=${1#--profile=}; shift ;;
        --target) targets+=("${2:?--target needs a triple}"); shift 2 ;;
        -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "cross-build: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$profile" in release | dist) ;; *) echo "cross-build: profile is release or dist" >&2; exit 2 ;; esac
[ ${#targets[@]} -gt 0 ] || targets=(x86_64-pc-windows-gnu x86_64-unknown-linux-gnu aarch64-unknown-linux-musl)

target_dir=${CARGO_TARGET_DIR:-$PWD/target}
args=()
for t in "${targets[@]}"; do
    args+=(--target "$t")
    case "$t" in
        x86_64-pc-windows-gnu)
            args+=(--config 'target.x86_64-pc-windows-gnu.rustflags=["-C", "target-feature=+crt-static"]') ;;
        aarch64-unknown-linux-musl)
            args+=(--config 'target.aarch64-unknown-linux-musl.linker="rust-lld"') ;;
        x86_64-unknown-linux-gnu)
            args+=(--config 'target.x86_64-unknown-linux-gnu.rustflags=["-C", "target-feature=+crt-static"]') ;;
        *) echo "cross-build: $t is not one of the supported targets" >&2; exit 2 ;;
    esac
done

start=$(date +%s)
cargo build --locked --profile "$profile" "${args[@]}"
echo "cross-build: built ${targets[*]} ($profile) in $(($(date +%s) - start)) s"

fail=0
check() { # what, ok?
    if [ "$2" = yes ]; then echo "    ok: $1"; else echo "    FAILED: $1"; fail=1; fi
}
for t in "${targets[@]}"; do
    case "$t" in *windows*) bin="$target_dir/$t/$profile/duty.exe" ;; *) bin="$target_dir/$t/$profile/duty" ;; esac
    size=$(stat -c %s "$bin")
    printf '%s  %s bytes (%s MiB)\n' "$bin" "$size" "$(awk "BEGIN{printf \"%.2f\", $size/1048576}")"
    desc=$(file -b "$bin")
    echo "    file: $desc"
    case "$t" in
        x86_64-pc-windows-gnu)
            [[ $desc == "PE32+ executable"*x86-64* ]] && ok=yes || ok=no
            check "PE32+ x86-64" $ok
            dlls=$(x86_64-w64-mingw32-objdump -p "$bin" | sed -n 's/^\s*DLL Name: //p' | sort -fu | tr '\n' ' ')
            echo "    DLLs: $dlls"
            grep -qiE 'libgcc|libwinpthread|libstdc\+\+|vcruntime|msvcp|ucrtbase' <<<"$dlls" && ok=no || ok=yes
            check "no compiler runtime DLLs" $ok
            ;;
        *-linux-*)
            case "$t" in x86_64*) arch=x86-64 ;; aarch64*) arch=aarch64 ;; esac
            [[ $desc == ELF*"$arch"*static* ]] && ok=yes || ok=no
            check "static ELF $arch" $ok
            l=$(ldd "$bin" 2>&1 || true)
            grep -qE 'not a dynamic executable|statically linked' <<<"$l" && ok=yes || ok=no
            check "ldd: $(echo "$l" | head -1 | sed 's/^\s*//')" $ok
            ;;
    esac
    [ "$size" -lt 10485760 ] && ok=yes || ok=no
    check "under 10 MiB" $ok
done
exit $fail
