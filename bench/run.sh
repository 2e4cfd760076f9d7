#!/usr/bin/env bash
# The benchmarks dokploy-doctor is judged on (bench/README.md explains every number).
#
#   bench/run.sh [quick|full]      quick: ~1-2 min, smaller inputs; full: ~5-10 min
#   bench/run.sh ratios            issue 15's ratios alone, in one run (~2 min): ours/CLIPS per CPU s on one core,
#                                  with questions and --no-questions, and extraction at catalog x1 and x5
#   bench/run.sh mem [N...]        batch peak RSS through both launchers (bench/mem.sh)
#
# Environment:
#   BENCH_JAVA_OPTS   JVM flags of the "tuned" batch runs (default: the proposed launcher flags below)
#   BENCH_WORK        scratch folder (default: bench/work; inputs are generated once and reused)
#   BENCH_SEED        generator seed (default 42)
#   BENCH_REPL_ARGS   how to start the REPL for the first-prompt timing (default: diagnose --no-probe)
set -euo pipefail

MODE=${1:-quick}
# mem: batch peak RSS through the checkout's and the distribution's launchers, 10k / 100k / 1M (bench/mem.sh)
if [ "$MODE" = mem ]; then shift; exec "$(dirname "$0")/mem.sh" "$@"; fi
case "$MODE" in quick|full|ratios) ;; *) echo "usage: bench/run.sh [quick|full|ratios|mem [N...]]" >&2; exit 2 ;; esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
WORK=${BENCH_WORK:-$BENCH/work}
SEED=${BENCH_SEED:-42}
JAR=$ROOT/target/dokploy-doctor.jar
mkdir -p "$WORK"
# Proposed launcher defaults (bench/README.md has the measurements): serial GC and a heap cap keep
# the footprint small and flat (batch keeps no per-case state); a class-data archive (AppCDS) of
# the jar's classes shortens the launch. Interactive commands add C1-only JIT: quicker to the
# first answer, slower after ~200k batch cases.
CDS=$WORK/dokploy-doctor.jsa
CDS_FLAGS="-XX:SharedArchiveFile=$CDS -Xlog:cds=off -Xlog:cds+dynamic=off"
TUNED=${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xmx192m $CDS_FLAGS}
INTERACTIVE="$TUNED -XX:TieredStopAtLevel=1"
REPL_ARGS=${BENCH_REPL_ARGS:-diagnose --no-probe}
RESULTS=$WORK/results-$MODE.jsonl
: > "$RESULTS"

if [ "$MODE" = full ]; then
  SIZES="10000 100000 1000000"; THROUGHPUT_N=100000; COMPARE_N=100000; RUNS=10
elif [ "$MODE" = ratios ]; then
  SIZES=""; THROUGHPUT_N=0; COMPARE_N=20000; RUNS=0
else
  SIZES="2000 20000 100000"; THROUGHPUT_N=20000; COMPARE_N=20000; RUNS=5
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: '$1' is missing (apt-get install $2)" >&2; exit 2; }; }
need java openjdk-17-jre-headless
need python3 python3
need clips clips

record() {  # record NAME JSON
  python3 -c 'import json,sys; d=json.loads(sys.argv[2]); d["name"]=sys.argv[1]; print(json.dumps(d))' "$1" "$2" >> "$RESULTS"
}

# ---- build -------------------------------------------------------------------------------------
newest_source=$(find "$ROOT/src/main" "$ROOT/pom.xml" -type f -newer "$JAR" 2>/dev/null | head -1 || true)
if [ ! -f "$JAR" ] || [ -n "$newest_source" ]; then
  say "building $JAR"
  (cd "$ROOT" && mvn -q -B -o package -DskipTests -Ddist.skip)
fi

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
record machine "$(python3 -c 'import json,os,subprocess,sys
v=subprocess.run(["java","-version"],capture_output=True,text=True).stderr.splitlines()[0]
print(json.dumps({"cores":os.cpu_count(),"load_before":open("/proc/loadavg").read().split()[0],"java":v,
 "rev":subprocess.run(["git","-C",sys.argv[1],"rev-parse","--short","HEAD"],capture_output=True,text=True).stdout.strip()}))' "$ROOT")"

# ---- inputs ------------------------------------------------------------------------------------
gen() {  # gen FILE N [--facts-only --clips CLP]
  local file=$1 n=$2; shift 2
  if [ ! -s "$file" ]; then
    say "generating $n cases -> $(basename "$file")"
    python3 "$BENCH/gen_cases.py" --n "$n" --seed "$SEED" --out "$file" "$@"
  fi
}
for n in $SIZES; do gen "$WORK/mixed-$n.jsonl" "$n"; done
gen "$WORK/facts-$COMPARE_N.jsonl" "$COMPARE_N" --facts-only --clips "$WORK/facts-$COMPARE_N.clp"
[ "$MODE" != ratios ] && head -1000 "$WORK/mixed-$THROUGHPUT_N.jsonl" > "$WORK/mixed-1000.jsonl"
if [ "$MODE" != ratios ] && { [ ! -s "$CDS" ] || [ "$JAR" -nt "$CDS" ]; }; then
  say "class-data archive of the jar (one training run)"
  rm -f "$CDS"
  java -XX:ArchiveClassesAtExit="$CDS" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:+UseSerialGC \
    -jar "$JAR" batch "$WORK/mixed-1000.jsonl" --format jsonl >/dev/null 2>&1 || true
fi

LAUNCHER=$ROOT/dokploy-doctor  # the project's launcher script, when there is one
warm_launcher() {
  # its first run may build the jar and make the class-data archive; batch makes an archive of its own on its
  # first batch run (training runs and a dump: ~10 s of CPU and a 250 MiB peak that a run which made them counted
  # as its own; bench/README.md, Round 15): both made here, before any measured run
  "$LAUNCHER" --version >/dev/null 2>&1 || true
  printf '{"id":"warm","facts":{"http.status":502}}\n' | "$LAUNCHER" batch - --format jsonl >/dev/null 2>&1 || true
}

# ---- 1. batch throughput, first result, memory -----------------------------------------------------
if [ "$MODE" != ratios ]; then
batch() {  # batch NAME JAVA_FLAGS FILE [extra args]
  local name=$1 flags=$2 file=$3; shift 3
  say "$name"
  # shellcheck disable=SC2086
  record "$name" "$(python3 "$BENCH/measure.py" -- java $flags -jar "$JAR" batch "$file" --format jsonl "$@")"
}
batch "batch-default-$THROUGHPUT_N" "" "$WORK/mixed-$THROUGHPUT_N.jsonl"
for n in $SIZES; do batch "batch-tuned-$n" "$TUNED" "$WORK/mixed-$n.jsonl"; done
batch "batch-c1-$THROUGHPUT_N" "$INTERACTIVE" "$WORK/mixed-$THROUGHPUT_N.jsonl"
if [ -x "$LAUNCHER" ]; then
  warm_launcher
  say "batch-launcher-$THROUGHPUT_N"
  record "batch-launcher-$THROUGHPUT_N" "$(python3 "$BENCH/measure.py" -- "$LAUNCHER" batch "$WORK/mixed-$THROUGHPUT_N.jsonl" --format jsonl)"
fi
say "first result, 1000 cases, 3 rounds over the flag sets"
for i in 1 2 3; do  # rounds interleave the variants, so a change in machine load hits them alike
  for variant in default serial-c1 tuned interactive launcher; do
    [ "$variant" = launcher ] && [ ! -x "$LAUNCHER" ] && continue
    case $variant in
      default) flags="" ;;
      serial-c1) flags="-XX:+UseSerialGC -Xmx192m -XX:TieredStopAtLevel=1" ;;  # all but the class-data archive
      tuned) flags=$TUNED ;;
      interactive) flags=$INTERACTIVE ;;
      launcher) flags="" ;;
    esac
    # shellcheck disable=SC2086
    if [ "$variant" = launcher ]; then set -- "$LAUNCHER"; else set -- java $flags -jar "$JAR"; fi
    record "first-$variant-$i" "$(python3 "$BENCH/measure.py" -- "$@" batch "$WORK/mixed-1000.jsonl" --format jsonl)"
  done
done
fi

# ---- 2. against CLIPS ----------------------------------------------------------------------------
say "translating knowledge/causes/*/rules.drl and knowledge/shared/*.drl to CLIPS"
python3 "$BENCH/clips/drl2clips.py" "$ROOT/knowledge" > "$WORK/rules.clp"
cat > "$WORK/clips-batch.clp" <<EOF
(load* $BENCH/clips/runtime.clp)
(load* $WORK/rules.clp)
(load* $BENCH/clips/report.clp)
(batch* $WORK/facts-$COMPARE_N.clp)
EOF
say "CLIPS over $COMPARE_N fact cases"
record "clips-$COMPARE_N" "$(python3 "$BENCH/measure.py" --save "$WORK/clips.tsv" -- taskset -c 1 clips -f2 "$WORK/clips-batch.clp")"
say "dokploy-doctor over the same $COMPARE_N fact cases"
# what a user runs: the launcher (its batch flags: C1 only, one compiler thread, a 64 MiB heap, its own archive).
# Until round 15 these rows ran 'java $TUNED' (tiered C2, 192 MiB): on one pinned core C2 compiling Drools'
# code took the worker's CPU in the measured half, 419 against 179 us per case --no-questions (Round 15)
if [ -x "$LAUNCHER" ]; then OURS=("$LAUNCHER"); [ "$MODE" = ratios ] && warm_launcher; else OURS=(java $TUNED -jar "$JAR"); fi
record "ours-facts-$COMPARE_N" "$(python3 "$BENCH/measure.py" --save "$WORK/ours-facts.jsonl" -- "${OURS[@]}" batch "$WORK/facts-$COMPARE_N.jsonl" --format jsonl)"
# both engines on one core: CLIPS is single-threaded
record "ours-facts-1core-$COMPARE_N" "$(python3 "$BENCH/measure.py" -- taskset -c 1 "${OURS[@]}" batch "$WORK/facts-$COMPARE_N.jsonl" --format jsonl --threads 1)"
# CLIPS computes no questions: ours also without them (batch --no-questions), the same work
record "ours-facts-1core-noq-$COMPARE_N" "$(python3 "$BENCH/measure.py" -- taskset -c 1 "${OURS[@]}" batch "$WORK/facts-$COMPARE_N.jsonl" --format jsonl --threads 1 --no-questions)"
record "agreement" "$(python3 "$BENCH/compare.py" "$WORK/ours-facts.jsonl" "$WORK/clips.tsv" --show 10)"
if [ "$MODE" != ratios ]; then
say "engine phases inside one JVM (fact cases, then mixed cases)"
PHASES="java -XX:+UseSerialGC -Xmx512m -cp $JAR $ROOT/src/test/java/dev/dokploydoctor/bench/EnginePhases.java"
head -20000 "$WORK/facts-$COMPARE_N.jsonl" > "$WORK/phases-facts.jsonl"
head -20000 "$WORK/mixed-$THROUGHPUT_N.jsonl" > "$WORK/phases-mixed.jsonl"
record "engine-phases-facts" "$($PHASES "$WORK/phases-facts.jsonl" 4 2>/dev/null)"
record "engine-phases-mixed" "$($PHASES "$WORK/phases-mixed.jsonl" 4 2>/dev/null)"
fi
say "text extraction on pasted texts (regression cases, field corpus), catalog x1 and x5"
# -XX:-BackgroundCompilation: a method is compiled before it runs on, so the rounds measure the compiled code; on a busy
# machine the compiler thread otherwise lags the measuring one, and 7 rounds measured code still being compiled
# (bench/README.md, Round 17)
record "extraction" "$(java -XX:+UseSerialGC -Xmx512m -XX:-BackgroundCompilation -cp "$JAR" "$ROOT/src/test/java/dev/dokploydoctor/bench/ExtractionBench.java" "$ROOT/knowledge" 5 7 2>/dev/null)"

# ---- 3. launch ----------------------------------------------------------------------------------
if [ "$MODE" != ratios ]; then
say "launch times ($RUNS runs each)"
launch() {  # launch NAME COMMAND...
  local name=$1; shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 1 --runs "$RUNS" -i --export-json "$WORK/hf.json" "$*" >/dev/null 2>&1
    record "$name" "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]
print(json.dumps({"median_s":round(r["median"],3),"mean_s":round(r["mean"],3),"min_s":round(r["min"],3),"runs":len(r["times"]),"tool":"hyperfine"}))' "$WORK/hf.json")"
  else
    local times=()
    for _ in $(seq "$RUNS"); do
      local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; times+=($(( $(date +%s%N) - t0 )))
    done
    record "$name" "$(python3 -c 'import json,statistics,sys; t=[int(x)/1e9 for x in sys.argv[1:]]
print(json.dumps({"median_s":round(statistics.median(t),3),"mean_s":round(statistics.mean(t),3),"min_s":round(min(t),3),"runs":len(t),"tool":"date"}))' "${times[@]}")"
  fi
}
launch java-version java -version
launch version java -jar "$JAR" --version
launch explain java -jar "$JAR" explain multi-container-isolation
launch version-tuned java $INTERACTIVE -jar "$JAR" --version
launch explain-tuned java $INTERACTIVE -jar "$JAR" explain multi-container-isolation
if [ -x "$LAUNCHER" ]; then
  launch version-launcher "$LAUNCHER" --version
  launch explain-launcher "$LAUNCHER" explain multi-container-isolation
fi
say "REPL first prompt (on a pseudo-terminal)"
# shellcheck disable=SC2086
record "first-prompt" "$(python3 "$BENCH/first_prompt.py" --runs 3 --timeout 20 -- java -jar "$JAR" $REPL_ARGS)"
# shellcheck disable=SC2086
record "first-prompt-tuned" "$(python3 "$BENCH/first_prompt.py" --runs 3 --timeout 20 -- java $INTERACTIVE -jar "$JAR" $REPL_ARGS)"
# a user who types a symptom the moment the menu shows: launch to the first question
FIRST_Q="--type 502 --until ·"  # the hint line under a question: "a number · ? if you don't know · [key]"
# shellcheck disable=SC2086
record "first-question-tuned" "$(python3 "$BENCH/first_prompt.py" --runs 3 --timeout 30 $FIRST_Q -- java $INTERACTIVE -jar "$JAR" $REPL_ARGS)"
if [ -x "$LAUNCHER" ]; then
  # shellcheck disable=SC2086
  record "first-question-launcher" "$(python3 "$BENCH/first_prompt.py" --runs 3 --timeout 30 $FIRST_Q -- "$LAUNCHER" $REPL_ARGS)"
  # shellcheck disable=SC2086
  record "first-prompt-launcher" "$(python3 "$BENCH/first_prompt.py" --runs 3 --timeout 20 -- "$LAUNCHER" $REPL_ARGS)"
fi

fi

record machine-after "{\"load_after\": \"$(cut -d' ' -f1 /proc/loadavg)\"}"
python3 "$BENCH/table.py" "$RESULTS" "$MODE"
