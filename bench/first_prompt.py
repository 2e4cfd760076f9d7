#!/usr/bin/env python3
"""Time from launch until a text appears on a terminal (the REPL's first question).

  first_prompt.py [--runs N] [--timeout S] [--text "What do you see"] [--type 502 --until "·"] -- COMMAND...

Runs COMMAND on a pseudo-terminal (as a user would), reads what it prints and stops it as soon
as TEXT appears. With --type, types that line (and Enter) the moment TEXT appears, as a user who
knows what to say, and stops when UNTIL appears after it (the first question): the time is then
launch to the first question. Prints one JSON object: seconds of each run, their median, the CPU seconds of each
run up to the moment it was stopped (user + system, from wait4) and their median, or a reason when the
text never appeared (e.g. the REPL is not built yet).
"""
import json
import os
import pty
import select
import signal
import statistics
import sys
import time


def one_run(command, text, timeout, typed=None, until=None):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.setdefault("TERM", "xterm-256color")
        os.execvp(command[0], command)
    seen = b""
    needle = text.encode()
    found = None
    try:
        while time.monotonic() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break  # the process ended
            if not chunk:
                break
            seen = (seen + chunk)[-65536:]
            if needle in seen:
                if typed is None:
                    found = time.monotonic() - start
                    break
                os.write(fd, typed.encode() + b"\r")
                needle, typed, seen = until.encode(), None, b""
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
    cpu = round(usage.ru_utime + usage.ru_stime, 3)  # the whole process up to the kill: the figure to compare on a loaded machine
    return found, cpu, seen.decode(errors="replace")[-300:], needle.decode(errors="replace")


def main():
    args = sys.argv[1:]
    runs, timeout, text, typed, until = 5, 20.0, "What do you see", None, None
    while args and args[0] != "--":
        opt, value, args = args[0], args[1], args[2:]
        if opt == "--runs":
            runs = int(value)
        elif opt == "--timeout":
            timeout = float(value)
        elif opt == "--text":
            text = value
        elif opt == "--type":
            typed = value
        elif opt == "--until":
            until = value
        else:
            sys.exit(f"first_prompt.py: unknown option {opt}")
    command = args[1:]
    if not command:
        sys.exit("usage: first_prompt.py [--runs N] [--timeout S] [--text T] -- COMMAND...")
    times, cpus = [], []
    for _ in range(runs):
        found, cpu, tail, missing = one_run(command, text, timeout, typed, until)
        if found is None:
            print(json.dumps({"text": text, "median_s": None,
                              "reason": f"'{missing}' did not appear within {timeout:g} s", "output_tail": tail}))
            return
        times.append(round(found, 3))
        cpus.append(cpu)
    print(json.dumps({"text": text, "typed": typed, "until": until, "runs_s": times, "median_s": round(statistics.median(times), 3),
                      "cpu_s": cpus, "median_cpu_s": round(statistics.median(cpus), 3)}))


if __name__ == "__main__":
    main()
