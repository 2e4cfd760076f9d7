#!/usr/bin/env python3
"""Print the figures of a bench/run.sh results file as one table, with targets and ratios.

  table.py RESULTS.jsonl MODE
"""
import json
import sys


def main():
    path, mode = sys.argv[1], sys.argv[2]
    r = {}
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        r[d.pop("name")] = d
    m = r.get("machine", {})
    rows = []

    def row(figure, value, target="", verdict=""):
        rows.append((figure, value, target, verdict))

    def check(ok):
        return "ok" if ok else "MISSED"

    def fmt(v, unit=""):
        return "n/a" if v is None else f"{v:,}{unit}" if isinstance(v, int) else f"{v}{unit}"

    # 1. batch
    sizes = sorted({int(k.rsplit("-", 1)[1]) for k in r if k.startswith("batch-tuned-")})
    for prefix, label in (("batch-default", "java -jar"), ("batch-tuned", "tuned flags")):
        for n in sizes:
            b = r.get(f"{prefix}-{n}")
            if not b:
                continue
            rate = b["steady_per_s"]
            row(f"batch {n:,} mixed cases, {label}: steady", fmt(rate, " cases/s"), ">= 20,000",
                check(rate is not None and rate >= 20000) if n >= 20000 else "(too short)")
            row(f"  end to end (launch to exit)", f"{n / b['wall_s']:,.0f} cases/s, {b['wall_s']} s wall, {b['cpu_s']} s CPU")
            row(f"  first result after launch", fmt(b["first_line_s"], " s"), "<= 1.5 s",
                check(b["first_line_s"] is not None and b["first_line_s"] <= 1.5))
            row(f"  peak RSS", fmt(b["peak_rss_mib"], " MiB"), "< 300 MiB, flat", check(b["peak_rss_mib"] < 300))
    tuned = [r[f"batch-tuned-{n}"]["peak_rss_mib"] for n in sizes if f"batch-tuned-{n}" in r]
    if len(tuned) > 1:
        row("RSS growth, smallest to largest input (tuned)", f"{tuned[-1] - tuned[0]:+.1f} MiB",
            "flat", check(tuned[-1] - tuned[0] < 50))

    # 2. CLIPS
    c = {k: v for k, v in r.items() if k.startswith("clips-")}
    if c:
        (ck, cv), = c.items()
        n = int(ck.rsplit("-", 1)[1])
        ours = r.get(f"ours-facts-{n}")
        ours1 = r.get(f"ours-facts-1thread-{n}")
        agree = r.get("agreement", {})
        row(f"CLIPS 6.30, {n:,} fact cases: steady", fmt(cv["steady_per_s"], " cases/s"))
        row("  end to end / CPU / RSS", f"{n / cv['wall_s']:,.0f} cases/s, {cv['cpu_s']} s CPU, {cv['peak_rss_mib']} MiB")
        for label, o in (("2 threads", ours), ("1 thread", ours1)):
            if o:
                row(f"ours, same cases, {label}: steady", fmt(o["steady_per_s"], " cases/s"))
                row("  end to end / CPU / RSS", f"{n / o['wall_s']:,.0f} cases/s, {o['cpu_s']} s CPU, {o['peak_rss_mib']} MiB")
                if o["steady_per_s"] and cv["steady_per_s"]:
                    row(f"  ratio ours/CLIPS ({label}), steady", f"{o['steady_per_s'] / cv['steady_per_s']:.2f}x")
                row(f"  ratio ours/CLIPS ({label}), end to end", f"{cv['wall_s'] / o['wall_s']:.2f}x")
                row(f"  ratio ours/CLIPS ({label}), per CPU second", f"{cv['cpu_s'] / o['cpu_s']:.2f}x")
        row("agreement on the top cause", f"{agree.get('top_cause_agree_pct')} %", "100 %",
            check(agree.get("top_cause_agree_pct") == 100.0))
        row("  same certainty (2 decimals) / same status",
            f"{agree.get('certainty_agree_pct')} % / {agree.get('status_agree_pct')} %")
    e = r.get("engine-phases")
    if e:
        row("engine alone (1 thread, in-process): evaluate", fmt(e["evaluate_per_s"], " cases/s"))
        row("  knowledge load / DRL compile", f"{e['load_knowledge_ms']} ms / {e['compile_drl_ms']} ms")

    # 3. launch
    jv = r.get("java-version", {}).get("median_s")
    for name, label in (("version", "--version"), ("explain", "explain multi-container-isolation"),
                        ("version-tuned", "--version, tuned flags"), ("explain-tuned", "explain, tuned flags")):
        x = r.get(name)
        if x:
            ratio = f" ({x['median_s'] / jv:.1f}x java -version)" if jv else ""
            row(f"launch: {label}", f"{x['median_s']} s median{ratio}")
    if jv:
        row("launch: java -version", f"{jv} s median")
    fp = r.get("first-prompt")
    if fp:
        v = fp.get("median_s")
        row("REPL: launch to first question", f"{v} s" if v is not None else f"n/a ({fp.get('reason')})",
            "", "")

    width = [max(len(str(x[i])) for x in rows) for i in range(4)]
    print()
    print(f"dokploy-doctor benchmarks ({mode}) - {m.get('cores')} cores, {m.get('java')}, rev {m.get('rev')}, "
          f"load {m.get('load_before')} before / {r.get('machine-after', {}).get('load_after')} after")
    print("-" * (sum(width) + 9))
    print(f"{'figure':<{width[0]}} | {'measured':<{width[1]}} | {'target':<{width[2]}} | verdict")
    print("-" * (sum(width) + 9))
    for figure, value, target, verdict in rows:
        print(f"{figure:<{width[0]}} | {value:<{width[1]}} | {target:<{width[2]}} | {verdict}")
    print()


if __name__ == "__main__":
    main()
