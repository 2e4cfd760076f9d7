#!/usr/bin/env bash
# The self-contained distribution against the checkout's launcher, in one run, interleaved:
# --version wall time (median of N) and time to the REPL's first question (bench/first_prompt.py).
# The tarball is unpacked into a temporary folder (its archive is then remade once, timed apart).
#
# Usage: bench/dist.sh [RUNS]   (after mvn package; needs /usr/bin/time, Debian package time)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS=${1:-10}
tarball=$(ls "$ROOT"/target/dist/dokploy-doctor-*-linux-x64.tar.gz)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
dist="$work/dokploy-doctor/bin/dokploy-doctor"
launcher="$ROOT/dokploy-doctor"
echo "tarball: $(basename "$tarball") $(du -m "$tarball" | cut -f1) MiB ($(stat -c %s "$tarball") bytes); unpacked $(du -sm "$work/dokploy-doctor" | cut -f1) MiB"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
s=$(date +%s%N); "$dist" --version >/dev/null 2>&1; e=$(date +%s%N)
echo "dist first run outside /opt (remakes the class-data archive): $(( (e - s) / 1000000 )) ms"
"$launcher" --version >/dev/null 2>&1   # the launcher's own archive, made on its first run

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# wall ms and CPU ms (user+sys of the JVM and its launcher script: steadier than wall under load)
run() {
  local t
  t=$(mktemp)
  /usr/bin/time -f '%e %U %S' -o "$t" "$@" >/dev/null
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$t"
  rm -f "$t"
}
dw=(); dc=(); lw=(); lc=()
for _ in $(seq "$RUNS"); do
  read -r w c < <(run "$dist" --version); dw+=("$w"); dc+=("$c")
  read -r w c < <(run "$launcher" --version); lw+=("$w"); lc+=("$c")
done
echo "--version, median of $RUNS: dist $(printf '%s\n' "${dw[@]}" | median) ms wall, $(printf '%s\n' "${dc[@]}" | median) ms CPU;" \
  "launcher $(printf '%s\n' "${lw[@]}" | median) ms wall, $(printf '%s\n' "${lc[@]}" | median) ms CPU"
echo "  dist wall:     ${dw[*]}"
echo "  launcher wall: ${lw[*]}"
cd "$work"
for round in 1 2; do
  echo "first question, round $round:"
  echo "  dist:     $(python3 "$ROOT/bench/first_prompt.py" --runs 3 --timeout 30 -- "$dist" diagnose --no-probe)"
  echo "  launcher: $(python3 "$ROOT/bench/first_prompt.py" --runs 3 --timeout 30 -- "$launcher" diagnose --no-probe)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
