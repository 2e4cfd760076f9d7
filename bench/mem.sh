#!/usr/bin/env bash
# Batch peak RSS as a user sees it: `dokploy-doctor batch mixed-N.jsonl --format jsonl` run from an empty
# folder (the bundled knowledge), through the checkout's launcher and through the distribution's (the
# tarball unpacked into a temporary folder: its launcher remakes its archives there once, first), one
# run at a time, 10k / 100k / 1M mixed cases. Peak RSS and CPU from bench/measure.py (ru_maxrss of the
# launcher's process, which execs java). bench/README.md, Round 8, perf-mem2.
#
#   bench/mem.sh [N...]          (default: 10000 100000 1000000; bench/run.sh mem runs it)
#
# Needs target/dokploy-doctor.jar (the checkout's launcher builds it) and, for the distribution's rows,
# target/dist/dokploy-doctor-*-linux-x64.tar.gz (mvn package without -Ddist.skip); without it those rows
# are skipped. Inputs as bench/run.sh makes them (BENCH_WORK, BENCH_SEED).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_WORK:-$ROOT/bench/work}
SEED=${BENCH_SEED:-42}
SIZES=${*:-10000 100000 1000000}
mkdir -p "$WORK"
for n in $SIZES; do
  [ -s "$WORK/mixed-$n.jsonl" ] || python3 "$ROOT/bench/gen_cases.py" --n "$n" --seed "$SEED" --out "$WORK/mixed-$n.jsonl"
done
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
launchers=("checkout:$ROOT/dokploy-doctor")
tarball=$(ls "$ROOT"/target/dist/dokploy-doctor-*-linux-x64.tar.gz 2>/dev/null | head -1 || true)
if [ -n "$tarball" ]; then
  tar -xzf "$tarball" -C "$empty"
  launchers+=("distribution:$empty/dokploy-doctor/bin/dokploy-doctor")
else
  echo "mem: no tarball in target/dist: the distribution's rows are skipped" >&2
fi
mkdir -p "$empty/run"
cd "$empty/run"
# each launcher's first batch makes its batch archive (checkout: after each build; distribution: outside /opt)
for l in "${launchers[@]}"; do printf '{"id":"warm","facts":{"http.status":502}}\n' | "${l#*:}" batch - --format jsonl >/dev/null 2>&1 || true; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-13s %9s %14s %8s %7s\n' launcher cases 'peak RSS MiB' 'CPU s' exit
for n in $SIZES; do
  for l in "${launchers[@]}"; do
    r=$(python3 "$ROOT/bench/measure.py" -- "${l#*:}" batch "$WORK/mixed-$n.jsonl" --format jsonl)
    python3 -c 'import json,sys; r=json.loads(sys.argv[3])
print("%-13s %9s %14.1f %8.1f %7s" % (sys.argv[1], sys.argv[2], r["peak_rss_mib"], r["cpu_s"], r["exit"]))' "${l%%:*}" "$n" "$r"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
