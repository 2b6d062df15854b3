#!/usr/bin/env bash
# The figures of BENCHMARKS.md's overview section: `duty overview` as a whole process on one
# core (`taskset -c 0`), release build, on the generated cities of benches/overview.rs:
# wall time (hyperfine: mean, min), CPU time (user + sys) and peak memory (`/usr/bin/time -v`).
#
# Needs hyperfine (Debian). Run from the repository root: scripts/overview-bench.sh [DIR]
# (DIR keeps the generated cities between runs; default target/bench-overview).
set -euo pipefail

cd "$(dirname "$0")/.."
TARGET="${CARGO_TARGET_DIR:-$PWD/target}"
DATA="${1:-$TARGET/bench-overview}"
cargo build --release --quiet
BIN="$TARGET/release/duty"
if [ ! -d "$DATA/units-5000" ]; then
    # The benchmark's own generator writes the cities (and runs no benchmark: the filter
    # matches none).
    mkdir -p "$DATA"
    DUTY_BENCH_KEEP="$DATA" cargo bench --quiet --bench overview -- no-such-benchmark >/dev/null
fi
export DUTY_TODAY=2025-11-20 TZ=Asia/Shanghai
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-6s %10s %10s %10s %10s\n' units format "mean ms" "min ms" "cpu ms" "peak MB"
for n in 110 100 1000 5000; do
    for f in text json; do
        runs=30
        [ "$n" -ge 1000 ] && runs=10
        json="$(mktemp)"
        taskset -c 0 hyperfine -N --warmup 2 --runs "$runs" --export-json "$json" \
            "$BIN overview $DATA/units-$n -f $f" >/dev/null 2>&1
        read -r mean min cpu < <(python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))['results'][0]
print('%.1f %.1f %.1f' % (r['mean'] * 1e3, r['min'] * 1e3, (r['user'] + r['system']) * 1e3))" "$json")
        rm -f "$json"
        peak=$( { /usr/bin/time -v taskset -c 0 "$BIN" overview "$DATA/units-$n" -f "$f" >/dev/null; } 2>&1 \
            | awk '/Maximum resident/ { printf "%.1f", $6 / 1024 }')
        printf '%-6s %-6s %10s %10s %10s %10s\n' "$n" "$f" "$mean" "$min" "$cpu" "$peak"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
