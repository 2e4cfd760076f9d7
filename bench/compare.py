#!/usr/bin/env python3
"""Do dokploy-doctor and the CLIPS translation reach the same conclusion on each case?

  compare.py OURS.jsonl CLIPS.tsv [--show N]

OURS.jsonl: `batch --format jsonl` output. CLIPS.tsv: report.clp lines (id, status, top cause,
certainty). A case agrees on the top cause when both name the same first diagnosis (or none);
certainty agrees when both round to the same two decimals (Math.round(cf * 100) / 100).
Prints one JSON object; --show N also prints the first N disagreements to stderr.
"""
import json
import math
import sys


def java_round(cf):
    return math.floor(cf * 100 + 0.5) / 100


def main():
    args = sys.argv[1:]
    show = 0
    if '--show' in args:
        i = args.index('--show')
        show = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit("usage: compare.py OURS.jsonl CLIPS.tsv [--show N]")
    ours = {}
    with open(args[0], encoding='utf-8') as f:
        for line in f:
            o = json.loads(line)
            d = o.get("diagnoses") or []
            top = d[0] if d else None
            ours[o["id"]] = (o["status"], top["cause"] if top else "none", top["certainty"] if top else 0.0)
    total = same_cause = same_cf = same_status = missing = 0
    shown = 0
    with open(args[1], encoding='utf-8') as f:
        for line in f:
            case_id, status, cause, cf = line.rstrip('\n').split('\t')
            total += 1
            if case_id not in ours:
                missing += 1
                continue
            o_status, o_cause, o_cf = ours.pop(case_id)
            c_cf = java_round(float(cf))
            ok_cause = o_cause == cause
            same_cause += ok_cause
            same_cf += ok_cause and abs(o_cf - c_cf) < 1e-9
            same_status += o_status == status
            if not (ok_cause and o_status == status and abs(o_cf - c_cf) < 1e-9) and shown < show:
                shown += 1
                print(f"{case_id}: ours {o_status} {o_cause} {o_cf}; clips {status} {cause} {c_cf}", file=sys.stderr)
    missing += len(ours)
    pct = (lambda n: round(100.0 * n / total, 3) if total else 0.0)
    print(json.dumps({"cases": total, "top_cause_agree_pct": pct(same_cause),
                      "certainty_agree_pct": pct(same_cf), "status_agree_pct": pct(same_status),
                      "unmatched_ids": missing}))


if __name__ == '__main__':
    main()
