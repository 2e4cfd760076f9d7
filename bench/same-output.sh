#!/usr/bin/env bash
# Does a change leave batch output alone? Runs two jars (say, built before and after a move) on the
# same knowledge folder and compares their batch output byte for byte: knowledge/examples/*.yaml
# and every regression case (knowledge/causes/*/cases/*.yaml, joined into one multi-document
# file), in every format (jsonl, json, text -v, markdown, sarif), plus `rules test`.
#
#   bench/same-output.sh BEFORE.jar AFTER.jar [KNOWLEDGE_DIR]
#
# Prints one line per comparison and exits 1 when any output differs (the diff is shown).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# absolute: the jars run from a scratch folder (a relative path made both fail alike, and "same")
before="$(realpath "${1:?before jar}")"
after="$(realpath "${2:?after jar}")"
knowledge="$(realpath "${3:-$here/knowledge}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# every regression case, one YAML document each (a case file already has its own id)
cases="$work/regression-cases.yaml"
for f in "$knowledge"/causes/*/cases/*.yaml; do
  printf -- '---\n' >> "$cases"
  cat "$f" >> "$cases"
  printf '\n' >> "$cases"
done
inputs=("$knowledge"/examples/*.yaml "$cases")

run() { # jar, output file, args...
  local jar="$1" out="$2"; shift 2
  (cd "$work" && XDG_CONFIG_HOME="$work/no-user" NO_COLOR=1 java -Xlog:disable -jar "$jar" "$@" \
      --knowledge "$knowledge" --no-user-rules >"$out" 2>&1; echo "exit $?" >>"$out")
}

status=0
compare() { # label, args...
  local label="$1"; shift
  run "$before" "$work/before.out" "$@"
  run "$after" "$work/after.out" "$@"
  if cmp -s "$work/before.out" "$work/after.out"; then
    echo "same      $label ($(wc -l <"$work/after.out") lines)"
  else
    echo "DIFFERENT $label"
    diff "$work/before.out" "$work/after.out" | head -40
    status=1
  fi
}

for input in "${inputs[@]}"; do
  name="$(basename "$input")"
  compare "batch -f jsonl $name" batch -f jsonl "$input"
  compare "batch -f jsonl -v $name" batch -f jsonl -v "$input"
  compare "batch -v $name" batch -v "$input"
  compare "batch -f json -v $name" batch -f json -v "$input"
  compare "batch -f markdown $name" batch -f markdown "$input"
  compare "batch -f sarif $name" batch -f sarif "$input"
done
compare "rules test" rules test
exit $status
