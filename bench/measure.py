#!/usr/bin/env python3
"""Run one command and measure it from the outside, reading its stdout through a pipe.

  measure.py [--stdin FILE] [--save FILE] -- COMMAND...

Prints one JSON object:
  lines            output lines (one per case for jsonl / CLIPS reports)
  wall_s           launch to exit
  first_line_s     launch until the first complete output line arrived
  steady_per_s     lines per second over the second half of the output (after warm-up)
  steady_cpu_us    CPU microseconds per line over the same stretch (all threads of the process,
                   from /proc/PID/stat): unlike wall time, this barely depends on what else runs
  cpu_s            user + system CPU seconds of the process and its children
  peak_rss_mib     peak resident set size (getrusage ru_maxrss of the child, as time -v reports)
  exit             exit code

Output is counted in 1 MiB reads, so the reader costs little CPU next to the process measured;
with --save it is also written to FILE (for the agreement check).
"""
import json
import os
import subprocess
import sys
import time


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime + stime of a running process (all its threads), or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, IndexError, ValueError):
        return None


def main():
    args = sys.argv[1:]
    stdin_path = save_path = None
    while args and args[0] != '--':
        if args[0] == '--stdin':
            stdin_path, args = args[1], args[2:]
        elif args[0] == '--save':
            save_path, args = args[1], args[2:]
        else:
            sys.exit(f"measure.py: unknown option {args[0]}")
    if not args or len(args) < 2:
        sys.exit("usage: measure.py [--stdin FILE] [--save FILE] -- COMMAND...")
    command = args[1:]
    stdin = open(stdin_path, 'rb') if stdin_path else subprocess.DEVNULL
    save = open(save_path, 'wb') if save_path else None

    marks = []  # (time, lines so far, CPU seconds so far) at each read
    lines = 0
    first = None
    start = time.monotonic()
    proc = subprocess.Popen(command, stdin=stdin, stdout=subprocess.PIPE)
    fd = proc.stdout.fileno()
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        now = time.monotonic()
        n = chunk.count(b'\n')
        if n and first is None:
            first = now - start
        lines += n
        marks.append((now - start, lines, cpu_seconds(proc.pid)))
        if save:
            save.write(chunk)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if save:
        save.close()

    steady = steady_cpu = None
    if lines >= 100:
        t_half, n_half, c_half = next(m for m in marks if m[1] >= lines * 0.5)
        t_end, n_end, c_end = marks[-1]
        if t_end > t_half:
            steady = (n_end - n_half) / (t_end - t_half)
        alive = [m for m in marks if m[2] is not None]  # the last reads may come after the exit
        if c_half is not None and alive and alive[-1][1] > n_half:
            steady_cpu = (alive[-1][2] - c_half) / (alive[-1][1] - n_half) * 1e6
    result = {
        "command": ' '.join(command),
        "lines": lines,
        "wall_s": round(wall, 3),
        "first_line_s": round(first, 3) if first is not None else None,
        "steady_per_s": round(steady) if steady else None,
        "steady_cpu_us": round(steady_cpu, 1) if steady_cpu else None,
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "exit": os.waitstatus_to_exitcode(status),
    }
    print(json.dumps(result))


if __name__ == '__main__':
    main()
