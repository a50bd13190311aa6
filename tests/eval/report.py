#!/usr/bin/env python3
"""Prints the figures of one judged set for `make eval`: the mean and the
per-class (the queries' "kind") nDCG@10, Recall@10 and Success@1 of a run,
scored by score.py's rules, beside a reference run's (FTS5 trigram) and,
when given, a second run of the engine (the distractor run).

usage: report.py TITLE QRELS RUN [--ref REF_RUN] [--alt NAME ALT_RUN]
                 [--per-query] [--json OUT]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import score  # noqa: E402  (the scoring rules live there only)


def figures(queries, run):
    rows = {}
    for q in queries:
        rows[q["id"]] = score(q["rel"], run.get(q["id"], []))
    return rows


def mean(rows, ids):
    n = len(ids)
    return tuple(sum(rows[i][k] for i in ids) / n for k in range(3)) if n else (0, 0, 0)


def main():
    a = sys.argv[1:]
    opts = {}
    for flag, nargs in (("--ref", 1), ("--alt", 2), ("--json", 1)):
        if flag in a:
            i = a.index(flag)
            opts[flag] = a[i + 1:i + 1 + nargs]
            del a[i:i + 1 + nargs]
    per_query = "--per-query" in a
    if per_query:
        a.remove("--per-query")
    if len(a) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    title, qfile, rfile = a
    queries = json.load(open(qfile, encoding="utf-8"))["queries"]
    eng = figures(queries, json.load(open(rfile, encoding="utf-8")))
    ref = figures(queries, json.load(open(opts["--ref"][0], encoding="utf-8"))) \
        if "--ref" in opts else None
    alt = figures(queries, json.load(open(opts["--alt"][1], encoding="utf-8"))) \
        if "--alt" in opts else None
    kinds = []
    for q in queries:
        if q.get("kind", "") not in kinds:
            kinds.append(q.get("kind", ""))
    head = f"{'class':<12} {'n':>3}  {'nDCG@10':>7} {'R@10':>5} {'S@1':>5}"
    if alt:
        head += f"  {opts['--alt'][0] + ' nDCG':>16}"
    if ref:
        head += f"  {'FTS5 nDCG':>9} {'R@10':>5} {'S@1':>5}"
    print(f"== {title} ({len(queries)} queries)")
    print(head)

    def line(name, ids):
        e = mean(eng, ids)
        s = f"{name:<12} {len(ids):>3}  {e[0]:>7.3f} {e[1]:>5.2f} {e[2]:>5.2f}"
        if alt:
            s += f"  {mean(alt, ids)[0]:>16.3f}"
        if ref:
            r = mean(ref, ids)
            s += f"  {r[0]:>9.3f} {r[1]:>5.2f} {r[2]:>5.2f}"
        return s

    for k in kinds:
        print(line(k or "-", [q["id"] for q in queries if q.get("kind", "") == k]))
    print(line("ALL", [q["id"] for q in queries]))
    if per_query:
        for q in queries:
            e = eng[q["id"]]
            print(f"  {q['id']}\t{e[0]:.3f}\t{e[1]:.2f}\t{int(e[2])}\t{q.get('kind', '')}\t"
                  f"{q['query']}")
    if "--json" in opts:
        ids = [q["id"] for q in queries]
        out = {"title": title, "engine": mean(eng, ids),
               "classes": {k: mean(eng, [q["id"] for q in queries if q.get("kind", "") == k])
                           for k in kinds},
               "queries": {i: eng[i] for i in ids}}
        if ref:
            out["fts5"] = mean(ref, ids)
        if alt:
            out[opts["--alt"][0]] = mean(alt, ids)
        with open(opts["--json"][0], "w", encoding="utf-8") as fp:
            json.dump(out, fp, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
