#!/bin/sh
# Writes the class list a class-data archive (AppCDS) is dumped from: the classes of three training
# runs, every regression case (`rules test`) and a guided session on a pipe ('502', then quit;
# probes with a 2 s timeout), which loads the REPL, the interview and docker-java besides, and the
# same session on a terminal when script(1) can give it one (JLine's terminal and line reader).
# Used by the checkout's launcher and by dist/build.sh. POSIX sh.
#
#   dist/classlist.sh JAVA JAR OUT_FILE [WORK_DIR] [batch]   (WORK_DIR: where the runs start; default .)
#
# With 'batch', the list of batch alone (a few cases on stdin: texts, facts, invalid lines; and the bundled
# examples when WORK_DIR is a checkout): batch's own archive holds ~10 MiB less that batch keeps resident.
#
# The list keeps the @lambda-proxy lines (archived lambdas: ~0.2 s less CPU before the first
# question), but JDK 17.0.15 crashed dumping some (SIGSEGV in adjust_lambda_proxy_class_dictionary,
# with a session on a terminal): when a dump fails, the callers dump again without the '@' lines
# (`grep -v '^@'`). Exit 0 when a list was written.
set -u
java=$1 jar=$2 out=$3 work=${4:-.} mode=${5:-}
runs="$out.runs.$$"
mkdir -p "$runs" 2>/dev/null || exit 1
train() {  # train NAME ARGS...: one run, its class list in $runs/NAME; its output and failure do not matter
  name=$1; shift
  (cd "$work" && "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:off -Xlog:disable -XX:ErrorFile=/dev/null \
    -XX:DumpLoadedClassList="$runs/$name" -cp "$jar" dev.dokploydoctor.cli.Main "$@") >/dev/null 2>&1
}
if [ "$mode" = batch ]; then
  printf '%s\n' '{"id":"t1","text":"Bad Gateway after adding a domain to my compose app.\napp-1  | Error: getaddrinfo EAI_AGAIN api"}' \
    '{"id":"t2","text":"the URL shows Bad Gateway","facts":{"http.status":503,"fault.reported":true}}' \
    '{"id":"t3","facts":{"http.status":502}}' '{"id":"t4","facts":{"http.status":"x"}}' '{"id":' \
    | train rules batch - --format jsonl
  [ -f "$work/knowledge/examples/field-notes.yaml" ] && train guided batch knowledge/examples/field-notes.yaml </dev/null
else
train rules rules test </dev/null   # stdin stays the session's (a first run on a pipe)
printf '502\nquit\n' | train guided --probe-timeout 2
# the same session on a terminal (script(1), util-linux): JLine's terminal and line reader, which a session
# on a pipe never loads, were read from the jar at every start on a terminal (~40 ms of CPU before the
# first question). Its history goes to a throw-away folder; skipped without script or timeout.
if command -v script >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
  printf '502\nquit\n' | (cd "$work" && TERM=xterm-256color SHELL=/bin/sh XDG_STATE_HOME="$runs/state" J="$java" JAR="$jar" \
    LIST="$runs/terminal" timeout 60 script -qec '"$J" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:off -Xlog:disable \
    -XX:ErrorFile=/dev/null -XX:DumpLoadedClassList="$LIST" -cp "$JAR" dev.dokploydoctor.cli.Main --probe-timeout 2' /dev/null) >/dev/null 2>&1
fi
fi
# one list from all: newer JDKs number the classes (" id: N"), which would clash, and list classes of
# Drools' own class loaders ("super: N ... source:"), which a list for the class path cannot hold
cat "$runs/rules" "$runs/guided" "$runs/terminal" 2>/dev/null | grep -v -e '^#' -e ' super: ' -e ' source: ' \
  | sed 's/ id: [0-9][0-9]*//' | awk '!seen[$0]++' > "$out.$$"
rm -rf "$runs"
if [ -s "$out.$$" ]; then mv -f "$out.$$" "$out"; else rm -f "$out.$$"; exit 1; fi
