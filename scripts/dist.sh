#!/usr/bin/env bash
# Everything an officer installs offline, into dist/ (gitignored):
#   duty-VERSION-windows-x86_64.zip      duty.exe, 使用说明.txt, PowerShell completions
#   duty-VERSION-linux-x86_64.tar.gz     static binary (glibc, static-pie), README.md, man page,
#                                        completions
#   duty-VERSION-linux-aarch64.tar.gz    the same for ARM (鲲鹏、飞腾 …)
#   duty_VERSION-1_amd64.deb             the x86-64 binary, man pages (zh_CN and English) and
#                                        bash/zsh/fish completions, by cargo-deb
# One command: scripts/cross-setup.sh once as root, then scripts/dist.sh.
# Installs cargo-deb (pinned) when absent. Fails if an artefact is 10 MB or more.
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO_DEB_VERSION=3.8.0
target_dir=${CARGO_TARGET_DIR:-$PWD/target}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
out=$PWD/dist
t0=$(date +%s)

scripts/cross-build.sh --profile dist
t1=$(date +%s)

rm -rf "$out" && mkdir -p "$out"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
win="$target_dir/x86_64-pc-windows-gnu/dist/duty.exe"

# The man pages and completions come from the binary itself (duty man, duty completions), so
# they always describe the build being shipped. cargo-deb's assets name them under target/.
host="$target_dir/x86_64-unknown-linux-gnu/dist/duty"
assets=$PWD/target/dist-assets
rm -rf "$assets" && mkdir -p "$assets"
"$host" man | gzip -9n > "$assets/duty.zh_CN.1.gz"
"$host" --lang en man | gzip -9n > "$assets/duty.1.gz"
for shell in bash zsh fish powershell; do
    "$host" completions "$shell" > "$assets/duty.$shell"
done

d="$stage/duty-$version-windows-x86_64"
mkdir -p "$d"
cp "$win" "$d/duty.exe"
cp scripts/dist/使用说明.txt "$d/"
cp "$assets/duty.powershell" "$d/duty.ps1"
(cd "$stage" && zip -qr -X "$out/duty-$version-windows-x86_64.zip" "duty-$version-windows-x86_64")

for pair in x86_64:x86_64-unknown-linux-gnu aarch64:aarch64-unknown-linux-musl; do
    arch=${pair%%:*} triple=${pair#*:}
    d="$stage/duty-$version-linux-$arch"
    mkdir -p "$d/completions"
    cp "$target_dir/$triple/dist/duty" "$d/duty"
    cp README.md "$d/"
    "$host" man > "$d/duty.1"
    for shell in bash zsh fish; do cp "$assets/duty.$shell" "$d/completions/"; done
    tar -C "$stage" --owner=0 --group=0 -czf "$out/duty-$version-linux-$arch.tar.gz" "duty-$version-linux-$arch"
done

if ! cargo deb --version 2>/dev/null | grep -q "$CARGO_DEB_VERSION"; then
    cargo install cargo-deb --locked --version "$CARGO_DEB_VERSION"
fi
cargo deb --no-build --no-strip --profile dist --target x86_64-unknown-linux-gnu --output "$out/" >/dev/null
t2=$(date +%s)

echo "dist: build $((t1 - t0)) s, packaging $((t2 - t1)) s"
fail=0
for f in "$out"/*; do
    size=$(stat -c %s "$f")
    printf '%10d  %s\n' "$size" "$f"
    [ "$size" -lt 10000000 ] || { echo "dist: $f is 10 MB or more" >&2; fail=1; }
done
exit $fail
