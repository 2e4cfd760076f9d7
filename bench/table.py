#!/usr/bin/env python3
"""Print the figures of a bench/run.sh results file as one table, with targets and ratios.

  table.py RESULTS.jsonl MODE
"""
import json
import statistics
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

    def num(v, unit=""):
        if v is None:
            return "n/a"
        return f"{v:,.0f}{unit}" if isinstance(v, (int, float)) and v >= 100 else f"{v}{unit}"

    def batch_rows(name, label, n):
        b = r.get(name)
        if not b:
            return
        rate = b["steady_per_s"]
        row(f"batch {n:,} mixed cases, {label}: steady", num(rate, " cases/s"), ">= 20,000",
            check(rate is not None and rate >= 20000) if n >= 20000 else "(too short to judge)")
        row("  steady CPU per case (all threads)", num(b.get("steady_cpu_us"), " us"),
            "<= 100 us", check(b.get("steady_cpu_us") is not None and b["steady_cpu_us"] <= 100))
        row("  end to end", f"{n / b['wall_s']:,.0f} cases/s; {b['wall_s']} s wall, {b['cpu_s']} s CPU")
        row("  first result after launch", num(b["first_line_s"], " s"))
        row("  peak RSS", num(b["peak_rss_mib"], " MiB"), "< 300 MiB", check(b["peak_rss_mib"] < 300))

    # 1. batch
    sizes = sorted({int(k.rsplit("-", 1)[1]) for k in r if k.startswith("batch-tuned-")})
    for n in sizes:
        batch_rows(f"batch-tuned-{n}", "tuned flags", n)
    for k in sorted(r):
        if k.startswith("batch-default-"):
            batch_rows(k, "plain java -jar", int(k.rsplit("-", 1)[1]))
        if k.startswith("batch-c1-"):
            batch_rows(k, "tuned + C1 only", int(k.rsplit("-", 1)[1]))
        if k.startswith("batch-launcher-"):
            batch_rows(k, "./dokploy-doctor launcher", int(k.rsplit("-", 1)[1]))
    tuned = [r[f"batch-tuned-{n}"]["peak_rss_mib"] for n in sizes if f"batch-tuned-{n}" in r]
    if len(tuned) > 1:
        row(f"RSS, tuned, {sizes[0]:,} -> {sizes[-1]:,} cases", " -> ".join(f"{x} MiB" for x in tuned),
            "flat", check(max(tuned) - min(tuned) < 50))
    for variant, label in (("default", "plain java -jar"), ("serial-c1", "serial GC + C1, no AppCDS"),
                           ("tuned", "tuned"), ("interactive", "tuned + C1 only"), ("launcher", "./dokploy-doctor")):
        runs = [r[k]["first_line_s"] for k in r
                if k.rsplit("-", 1)[0] == f"first-{variant}" and k.rsplit("-", 1)[1].isdigit() and r[k]["first_line_s"]]
        if runs:
            med = statistics.median(runs)
            row(f"first result, {label} (median of {len(runs)})", f"{med:.3f} s", "<= 1.5 s", check(med <= 1.5))

    # 2. CLIPS
    c = {k: v for k, v in r.items() if k.startswith("clips-")}
    if c:
        (ck, cv), = c.items()
        n = int(ck.rsplit("-", 1)[1])
        row(f"CLIPS 6.30, {n:,} fact cases, 1 core: steady", num(cv["steady_per_s"], " cases/s"))
        row("  steady CPU per case", num(cv.get("steady_cpu_us"), " us"))
        row("  end to end / CPU / peak RSS", f"{n / cv['wall_s']:,.0f} cases/s; {cv['cpu_s']} s CPU; {cv['peak_rss_mib']} MiB")
        for key, label in ((f"ours-facts-1core-{n}", "1 core"), (f"ours-facts-1core-noq-{n}", "1 core, --no-questions (CLIPS computes none)"),
                           (f"ours-facts-{n}", "2 cores")):
            o = r.get(key)
            if not o:
                continue
            row(f"ours, same cases, {label}: steady", num(o["steady_per_s"], " cases/s"))
            row("  steady CPU per case", num(o.get("steady_cpu_us"), " us"))
            row("  end to end / CPU / peak RSS", f"{n / o['wall_s']:,.0f} cases/s; {o['cpu_s']} s CPU; {o['peak_rss_mib']} MiB")
            if o["steady_per_s"] and cv["steady_per_s"]:
                row(f"  ratio ours/CLIPS, steady cases/s ({label})", f"{o['steady_per_s'] / cv['steady_per_s']:.2f}x")
            row(f"  ratio ours/CLIPS, end to end ({label})", f"{cv['wall_s'] / o['wall_s']:.2f}x")
            if o.get("steady_cpu_us") and cv.get("steady_cpu_us"):
                row(f"  ratio ours/CLIPS, cases per CPU second, steady", f"{cv['steady_cpu_us'] / o['steady_cpu_us']:.2f}x")
            row(f"  ratio RSS ours/CLIPS", f"{o['peak_rss_mib'] / cv['peak_rss_mib']:.1f}x")
        agree = r.get("agreement", {})
        row("agreement on the top cause", f"{agree.get('top_cause_agree_pct')} %", "100 %",
            check(agree.get("top_cause_agree_pct") == 100.0))
        row("  same certainty (2 decimals) / same status",
            f"{agree.get('certainty_agree_pct')} % / {agree.get('status_agree_pct')} %")
    for name, label in (("engine-phases-facts", "fact cases"), ("engine-phases-mixed", "mixed cases")):
        e = r.get(name)
        if e:
            row(f"in-process, 1 thread, {label}: evaluate", num(e["evaluate_per_s"], " cases per CPU s"))
            row("  JSON of a case (CaseView + Jackson)", num(e["case_json_per_s"], " cases per CPU s"))
            if e.get("texts"):
                row("  text extraction alone", num(e["extract_texts_per_s"], " texts per CPU s"))
            row("  knowledge load / DRL compile (wall)", f"{e['load_knowledge_ms']} ms / {e['compile_drl_ms']} ms")

    x = ext = r.get("extraction")
    if x:
        row(f"text extraction, {x['texts']} pasted texts (~{x['mean_chars']} chars), catalog x1 ({x['entries_x1']} entries)",
            num(x["texts_per_cpu_s_x1"], " texts per CPU s"), ">= 30,000", check(x["texts_per_cpu_s_x1"] >= 30000))
        row(f"  catalog x{x['scale']} ({x['entries_xN']} entries)", num(x["texts_per_cpu_s_xN"], " texts per CPU s"),
            ">= 30,000", check(x["texts_per_cpu_s_xN"] >= 30000))
        row(f"  ratio x{x['scale']}/x1 (flat = 1.0); same facts", f"{x['ratio_xN_x1']}; {x['facts_xN'] == x['facts_x1']}",
            ">= 0.8", check(x["ratio_xN_x1"] >= 0.8))

    # 3. launch
    jv = r.get("java-version", {}).get("median_s")
    if jv:
        row("launch: java -version", f"{jv} s median")
    for name, label in (("version", "--version"), ("explain", "explain multi-container-isolation"),
                        ("version-tuned", "--version, tuned + C1"), ("explain-tuned", "explain, tuned + C1"),
                        ("version-launcher", "./dokploy-doctor --version"),
                        ("explain-launcher", "./dokploy-doctor explain multi-container-isolation")):
        x = r.get(name)
        if x:
            ratio = f" = {x['median_s'] / jv:.1f}x java -version" if jv else ""
            row(f"launch: {label}", f"{x['median_s']} s median{ratio}",
                "<= 5x java -version" if jv else "",
                check(x["median_s"] / jv <= 5) if jv else "")
    for name, label in (("first-prompt", "REPL: launch to first question"),
                        ("first-prompt-tuned", "REPL: launch to first question, tuned + C1"),
                        ("first-prompt-launcher", "REPL: launch to first question, ./dokploy-doctor"),
                        ("first-question-tuned", "REPL: launch, 502 typed at the menu, to first question, tuned + C1"),
                        ("first-question-launcher", "REPL: launch, 502 typed at the menu, to first question, ./dokploy-doctor")):
        fp = r.get(name)
        if fp:
            v = fp.get("median_s")
            ratio = f" = {v / jv:.1f}x java -version" if v and jv else ""
            target = "<= 1.0 s" if name.startswith("first-question") else ""
            row(label, f"{v} s median{ratio}" if v is not None else f"n/a ({fp.get('reason')})",
                target, check(v is not None and v <= 1.0) if target else "")

    # issue 15's ratios, together (bench/run.sh ratios measures only these)
    summary = []
    if c:
        for key, label in ((f"ours-facts-1core-{n}", "with questions"), (f"ours-facts-1core-noq-{n}", "--no-questions")):
            o = r.get(key)
            if o and o.get("steady_cpu_us") and cv.get("steady_cpu_us"):
                ratio = cv["steady_cpu_us"] / o["steady_cpu_us"]
                summary.append((f"ours/CLIPS, cases per CPU s, steady, 1 core, {label}",
                                f"{ratio:.2f}x ({o['steady_cpu_us']} / {cv['steady_cpu_us']} us per case)", ">= 1.0", check(ratio >= 1.0)))
    if ext:
        for k, label in (("x1", "catalog x1"), ("xN", f"catalog x{ext['scale']}")):
            v = ext[f"texts_per_cpu_s_{k}"]
            summary.append((f"extraction, texts per CPU s, {label}", num(v), ">= 30,000", check(v >= 30000)))
    if summary:
        rows.append(("", "", "", ""))
        rows.append(("ratios (issue 15)", "", "", ""))
        rows.extend(summary)

    width = [max(len(str(x[i])) for x in rows) for i in range(4)]
    print()
    print(f"dokploy-doctor benchmarks ({mode}) - {m.get('cores')} cores, {m.get('java')}, rev {m.get('rev')}, "
          f"load average {m.get('load_before')} before / {r.get('machine-after', {}).get('load_after')} after")
    print("-" * (sum(width) + 9))
    print(f"{'figure':<{width[0]}} | {'measured':<{width[1]}} | {'target':<{width[2]}} | verdict")
    print("-" * (sum(width) + 9))
    for figure, value, target, verdict in rows:
        print(f"{figure:<{width[0]}} | {value:<{width[1]}} | {target:<{width[2]}} | {verdict}")
    print()


if __name__ == "__main__":
    main()
