#!/bin/sh
# Writes the class list a class-data archive (AppCDS) is dumped from: the classes of two training
# runs, every regression case (`rules test`) and a guided session on a pipe ('502', then quit;
# probes with a 2 s timeout), which loads the REPL, the interview and docker-java besides.
# Used by the checkout's launcher and by dist/build.sh. POSIX sh.
#
#   dist/classlist.sh JAVA JAR OUT_FILE [WORK_DIR]   (WORK_DIR: where the runs start; default .)
#
# The list keeps the @lambda-proxy lines (archived lambdas: ~0.2 s less CPU before the first
# question), but JDK 17.0.15 crashed dumping some (SIGSEGV in adjust_lambda_proxy_class_dictionary,
# with a session on a terminal): when a dump fails, the callers dump again without the '@' lines
# (`grep -v '^@'`). Exit 0 when a list was written.
set -u
java=$1 jar=$2 out=$3 work=${4:-.}
runs="$out.runs.$$"
mkdir -p "$runs" 2>/dev/null || exit 1
train() {  # train NAME ARGS...: one run, its class list in $runs/NAME; its output and failure do not matter
  name=$1; shift
  (cd "$work" && "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:off -Xlog:disable -XX:ErrorFile=/dev/null \
    -XX:DumpLoadedClassList="$runs/$name" -cp "$jar" dev.dokploydoctor.cli.Main "$@") >/dev/null 2>&1
}
train rules rules test </dev/null   # stdin stays the session's (a first run on a pipe)
printf '502\nquit\n' | train guided --probe-timeout 2
# one list from two: newer JDKs number the classes (" id: N"), which would clash, and list classes of
# Drools' own class loaders ("super: N ... source:"), which a list for the class path cannot hold
cat "$runs/rules" "$runs/guided" 2>/dev/null | grep -v -e '^#' -e ' super: ' -e ' source: ' \
  | sed 's/ id: [0-9][0-9]*//' | awk '!seen[$0]++' > "$out.$$"
rm -rf "$runs"
if [ -s "$out.$$" ]; then mv -f "$out.$$" "$out"; else rm -f "$out.$$"; exit 1; fi
